//! `content/running.ron`: load rules, pain rules, return-to-run stages per condition, swap, shoe and cadence
//! texts, each with its sources and evidence level. Parsed strictly (unknown fields are errors) and validated,
//! with problems reported as `content/running.ron:line:col: message`.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::content::{ContentError, ContentErrorKind, ContentErrors, EvidenceLevel};

/// The embedded copy, used unless a content directory overrides it.
pub const EMBEDDED_RUNNING_RON: &str = include_str!("../../content/running.ron");
/// File name used in error messages, like the other content files.
pub const RUNNING_FILE: &str = "running.ron";

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
    /// Parses and validates `text` against the source ids of `sources.ron` and the conditions that need a
    /// return-to-run plan (those with a self-managed programme). `Content` loads it with the other files.
    ///
    /// # Errors
    /// Every problem found, each as `running.ron:line:col: message`.
    pub fn parse(
        text: &str,
        known_source_ids: &[&str],
        condition_ids: &[&str],
    ) -> Result<Self, ContentErrors> {
        let options = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        let guidance: Self = options.from_str(text).map_err(|e| {
            let kind = match &e.code {
                ron::Error::NoSuchStructField { .. } => ContentErrorKind::UnknownField,
                ron::Error::MissingStructField { .. } => ContentErrorKind::MissingField,
                _ => ContentErrorKind::Syntax,
            };
            ContentErrors(vec![ContentError {
                file: RUNNING_FILE.to_owned(),
                line: e.span.start.line,
                col: e.span.start.col,
                kind,
                message: e.code.to_string(),
            }])
        })?;
        let problems = guidance.validate(text, known_source_ids, condition_ids);
        if problems.is_empty() {
            Ok(guidance)
        } else {
            Err(ContentErrors(problems))
        }
    }

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

    #[allow(clippy::too_many_lines)] // one match or one panel, clearer in one place
    fn validate(
        &self,
        text: &str,
        known_source_ids: &[&str],
        condition_ids: &[&str],
    ) -> Vec<ContentError> {
        let mut problems = Vec::new();
        let mut ladder_problems = Vec::new();
        let mut problem = |needle: &str, kind: ContentErrorKind, message: String| {
            let (line, col) = position_of(text, needle);
            problems.push(ContentError {
                file: RUNNING_FILE.to_owned(),
                line,
                col,
                kind,
                message,
            });
        };
        let known: HashSet<&str> = known_source_ids.iter().copied().collect();
        let ladder_text = RuleText {
            id: "ladder_rule".to_owned(),
            title: self.ladder_rule.title.clone(),
            text: self.ladder_rule.text.clone(),
            sources: self.ladder_rule.sources.clone(),
            level: self.ladder_rule.level,
        };
        let ladder = &self.ladder_rule;
        if !(ladder.max_run_time_growth.is_finite()
            && (1.0..=3.0).contains(&ladder.max_run_time_growth)
            && ladder.max_continuous_step_pct.is_finite()
            && (1.0..=50.0).contains(&ladder.max_continuous_step_pct)
            && (180..=900).contains(&ladder.reference_pace_secs_per_km))
        {
            problem(
                "ladder_rule",
                ContentErrorKind::BadValue,
                "ladder_rule: growth must be 1–3×, the continuous step 1–50 % and the pace 180–900 s/km"
                    .to_owned(),
            );
        }
        let texts = self.load_rules.iter().chain(&self.pain_rules).chain([
            &ladder_text,
            &self.swap,
            &self.shoe_rule,
            &self.shoe_rotation,
            &self.cadence,
        ]);
        for rule in texts {
            if rule.text.trim().is_empty() || rule.title.trim().is_empty() {
                problem(
                    &format!("\"{}\"", rule.title),
                    ContentErrorKind::EmptyText,
                    format!("rule '{}' has an empty title or text", rule.id),
                );
            }
            if rule.sources.is_empty() {
                problem(
                    &format!("\"{}\"", rule.title),
                    ContentErrorKind::MissingField,
                    format!("rule '{}' cites no source", rule.title),
                );
            }
            for id in &rule.sources {
                if !known.contains(id.as_str()) {
                    problem(
                        &format!("\"{id}\""),
                        ContentErrorKind::DanglingReference,
                        format!("unknown source id '{id}'"),
                    );
                }
            }
        }
        for (group, required) in [
            (&self.load_rules, &LOAD_RULE_IDS[..]),
            (&self.pain_rules, &PAIN_RULE_IDS[..]),
        ] {
            for id in required {
                if !group.iter().any(|r| r.id == *id) {
                    problem(
                        "",
                        ContentErrorKind::MissingRequired,
                        format!("rule '{id}' is missing"),
                    );
                }
            }
        }
        for condition in condition_ids {
            if self.plan(condition).is_none() {
                problem(
                    "return_to_run",
                    ContentErrorKind::MissingRequired,
                    format!("no return-to-run plan for '{condition}'"),
                );
            }
        }
        for plan in &self.return_to_run {
            let at = format!("\"{}\"", plan.condition);
            if plan.entry_criteria.is_empty()
                || plan.entry_criteria.iter().any(|c| c.trim().is_empty())
            {
                problem(
                    &at,
                    ContentErrorKind::EmptyText,
                    format!("plan '{}' needs entry criteria", plan.condition),
                );
            }
            if plan.stages.is_empty() {
                problem(
                    &at,
                    ContentErrorKind::BadValue,
                    format!("plan '{}' has no stages", plan.condition),
                );
            }
            if !plan
                .stages
                .iter()
                .any(|s| s.walk_secs == 0 && s.total_run_secs() >= 1800)
            {
                problem(
                    &at,
                    ContentErrorKind::BadValue,
                    format!(
                        "plan '{}' never reaches 30 minutes of continuous running",
                        plan.condition
                    ),
                );
            }
            for id in &plan.sources {
                if !known.contains(id.as_str()) {
                    problem(
                        &format!("\"{id}\""),
                        ContentErrorKind::DanglingReference,
                        format!("unknown source id '{id}'"),
                    );
                }
            }
            for (index, why) in self.ladder_rule.broken_rungs(plan) {
                let (line, col) = stage_position(text, &plan.condition, index);
                ladder_problems.push(ContentError {
                    file: RUNNING_FILE.to_owned(),
                    line,
                    col,
                    kind: ContentErrorKind::BadValue,
                    message: why,
                });
            }
            for stage in &plan.stages {
                let is_distance = stage.distance_m.is_some_and(|d| d.is_finite() && d > 0.0);
                let is_timed = stage.run_secs > 0 && stage.repeats > 0;
                if !(is_distance || is_timed)
                    || stage.sessions_to_advance == 0
                    || stage.label.trim().is_empty()
                {
                    problem(
                        &format!("\"{}\"", stage.label),
                        ContentErrorKind::BadValue,
                        format!(
                            "stage '{}' of '{}' needs a run time or distance and at least one session",
                            stage.label, plan.condition
                        ),
                    );
                }
            }
        }
        problems.extend(ladder_problems);
        problems
    }
}

/// 1-based line and column (in characters) of the first occurrence of `needle` (1:1 when absent or empty).
fn position_of(text: &str, needle: &str) -> (usize, usize) {
    if needle.is_empty() {
        return (1, 1);
    }
    text.find(needle)
        .map_or((1, 1), |offset| line_col(text, offset))
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |nl| nl + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Where stage `index` of the return-to-run plan for `condition` is written: the `index`-th `(label:` after the
/// plan's `condition: "…"` line (labels repeat across plans, so searching for the label alone finds the wrong one).
fn stage_position(text: &str, condition: &str, index: usize) -> (usize, usize) {
    let Some(plan_at) = text.find(&format!("condition: \"{condition}\"")) else {
        return (1, 1);
    };
    let Some(stages_at) = text[plan_at..].find("stages:").map(|o| plan_at + o) else {
        return line_col(text, plan_at);
    };
    text[stages_at..]
        .match_indices("(label:")
        .nth(index)
        .map_or_else(
            || line_col(text, stages_at),
            |(o, _)| line_col(text, stages_at + o),
        )
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // expected values are computed from exact inputs
mod tests {
    use super::*;
    use crate::content::Content;

    #[test]
    fn embedded_file_is_loaded_with_the_content_and_covers_every_programme() {
        let content = Content::embedded().unwrap_or_else(|e| panic!("{e}"));
        let mut count = 0;
        for condition in content.programme_condition_ids() {
            assert!(content.running.plan(condition).is_some(), "{condition}");
            count += 1;
        }
        assert!(count >= 5);
    }

    fn content_source_ids() -> Vec<String> {
        Content::embedded()
            .expect("embedded content is valid")
            .sources
            .iter()
            .map(|s| s.id.clone())
            .collect()
    }

    #[test]
    fn unknown_field_reports_file_line_and_column() {
        let text = EMBEDDED_RUNNING_RON.replacen("title: \"Big jump", "tilte: \"Big jump", 1);
        let err = RunningGuidance::parse(&text, &[], &[]).unwrap_err();
        let message = err.to_string();
        assert!(message.starts_with("running.ron:"), "{message}");
        assert_eq!(err.0[0].kind, ContentErrorKind::UnknownField);
        let line = text.lines().position(|l| l.contains("tilte")).unwrap() + 1;
        assert_eq!(err.0[0].line, line);
    }

    #[test]
    fn dangling_source_is_located() {
        let ids = content_source_ids();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let text =
            EMBEDDED_RUNNING_RON.replacen("\"bjsm_2025_single_run\"", "\"frandsen_typo\"", 1);
        let err = RunningGuidance::parse(&text, &ids, &[]).unwrap_err();
        let problem = err
            .0
            .iter()
            .find(|p| p.kind == ContentErrorKind::DanglingReference)
            .unwrap();
        assert!(problem.message.contains("frandsen_typo"));
        let line = text
            .lines()
            .position(|l| l.contains("frandsen_typo"))
            .unwrap()
            + 1;
        assert_eq!(problem.line, line);
    }
}
