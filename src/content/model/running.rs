//! `content/running.ron`: load rules, pain rules, the ladder rule, return-to-run stages per condition, the swap,
//! shoe and cadence texts, each with its sources and evidence level. Loaded and located like every other content
//! file; its checks are in `content/validate/running.rs`.

use serde::{Deserialize, Serialize};

use super::EvidenceLevel;

/// Ids every file must define in `load_rules` (the warnings in `load.rs` and the return-to-run replay name them).
pub const LOAD_RULE_IDS: [&str; 6] = [
    "weekly_increase",
    "single_run_spike",
    "no_recent_baseline",
    "beyond_stage",
    "acwr",
    "lighter_week",
];
/// Ids every file must define in `pain_rules` (the return-to-run gates).
pub const PAIN_RULE_IDS: [&str; 3] = ["pain_during", "pain_next_morning", "pain_week_on_week"];

/// A titled text with its sources and evidence level.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleText {
    #[serde(default)]
    pub id: String,
    pub title: String,
    pub text: String,
    pub sources: Vec<String>,
    pub level: EvidenceLevel,
}

/// One walk–run or distance stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub label: String,
    /// Running time per repeat (0 for distance stages).
    pub run_secs: u32,
    pub walk_secs: u32,
    pub repeats: u32,
    /// Distance stages: the run's distance.
    #[serde(default)]
    pub distance_m: Option<f64>,
    /// Sessions in a row that pass the pain rules before the next stage.
    pub sessions_to_advance: u32,
}

impl Stage {
    /// Total running seconds in the session (walks excluded).
    #[must_use]
    pub fn total_run_secs(&self) -> u32 {
        self.run_secs.saturating_mul(self.repeats)
    }

    /// Total session seconds (runs and walks).
    #[must_use]
    pub fn total_secs(&self) -> u32 {
        (self.run_secs.saturating_add(self.walk_secs)).saturating_mul(self.repeats)
    }
}

/// The return-to-run plan for one condition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReturnToRunPlan {
    pub condition: String,
    #[serde(default)]
    pub note: String,
    pub entry_criteria: Vec<String>,
    pub stages: Vec<Stage>,
    pub sources: Vec<String>,
    pub level: EvidenceLevel,
}

/// How the rungs of every return-to-run ladder may grow (checked when the content loads), with its explanation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LadderRule {
    pub title: String,
    pub text: String,
    pub sources: Vec<String>,
    pub level: EvidenceLevel,
    /// While walk–run stages last, total running time in a session may at most grow by this factor per stage.
    pub max_run_time_growth: f64,
    /// Once running is continuous, each step (time or distance) grows by at most this many per cent: the
    /// single-run threshold plus a margin. A logged run more than this beyond its stage does not count.
    pub max_continuous_step_pct: f64,
    /// Easy pace that turns a distance rung into minutes to compare it with a timed rung, in seconds per km.
    pub reference_pace_secs_per_km: u32,
}

impl LadderRule {
    /// A stage's running as seconds (distance stages at the reference pace), and whether it is continuous.
    fn running_secs(&self, stage: &Stage) -> (f64, bool) {
        match stage.distance_m {
            Some(distance_m) => (
                distance_m / 1000.0 * f64::from(self.reference_pace_secs_per_km),
                true,
            ),
            None => (f64::from(stage.total_run_secs()), stage.walk_secs == 0),
        }
    }

    /// Every rung of `plan` that grows faster than this rule allows: (index of the rung, why).
    #[must_use]
    pub fn broken_rungs(&self, plan: &ReturnToRunPlan) -> Vec<(usize, String)> {
        let mut broken = Vec::new();
        for (index, pair) in plan.stages.windows(2).enumerate() {
            let (before, continuous_before) = self.running_secs(&pair[0]);
            let (after, _) = self.running_secs(&pair[1]);
            if before <= 0.0 {
                continue;
            }
            let (limit, rule) = if continuous_before {
                (
                    before * (1.0 + self.max_continuous_step_pct / 100.0),
                    format!(
                        "once running is continuous a step may add at most {:.0}%",
                        self.max_continuous_step_pct
                    ),
                )
            } else {
                (
                    before * self.max_run_time_growth,
                    format!(
                        "running time may at most grow {}-fold from one walk–run stage to the next",
                        self.max_run_time_growth
                    ),
                )
            };
            if after > limit + 0.5 {
                broken.push((
                    index + 1,
                    format!(
                        "stage {} '{}' of '{}' is {:.0}% more running than stage {} ({:.0} vs {:.0} min): {rule}; \
                         add a rung in between",
                        index + 2,
                        pair[1].label,
                        plan.condition,
                        (after / before - 1.0) * 100.0,
                        index + 1,
                        after / 60.0,
                        before / 60.0
                    ),
                ));
            }
        }
        broken
    }
}

/// The whole file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunningGuidance {
    pub load_rules: Vec<RuleText>,
    pub pain_rules: Vec<RuleText>,
    pub ladder_rule: LadderRule,
    pub swap: RuleText,
    pub shoe_rule: RuleText,
    pub shoe_rotation: RuleText,
    pub cadence: RuleText,
    pub return_to_run: Vec<ReturnToRunPlan>,
}

impl RunningGuidance {
    #[must_use]
    pub fn load_rule(&self, id: &str) -> Option<&RuleText> {
        self.load_rules.iter().find(|r| r.id == id)
    }

    #[must_use]
    pub fn pain_rule(&self, id: &str) -> Option<&RuleText> {
        self.pain_rules.iter().find(|r| r.id == id)
    }

    #[must_use]
    pub fn plan(&self, condition_id: &str) -> Option<&ReturnToRunPlan> {
        self.return_to_run
            .iter()
            .find(|p| p.condition == condition_id)
    }
}
