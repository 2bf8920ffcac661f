//! The return-to-run plan replayed from the logged runs. Each session's pain is judged by the one pain rule
//! ([`crate::pain::judge`]: during, next morning against the pain before the current stage began, week on week, a
//! red flag) and the verdict becomes a step: on to the next stage, stay, or one stage back. A run far beyond its
//! stage does not count toward it. Replaying (rather than storing the stage) means an edited pain score re-judges
//! the plan.

use chrono::NaiveDate;

use super::model::{ReturnToRunState, Run};
use crate::content::model::running::{ReturnToRunPlan, Stage};
use crate::pain::{PainSample, PainThresholds, StageStep, Stuck, Verdict, judge, stuck};

/// What one session did to the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Passed and completed the stage's sessions: next stage.
    Advance,
    /// Passed, but more sessions are needed at this stage; pain crept up week on week; or the run did not count.
    Hold,
    /// A pain rule failed: one stage back.
    EaseOff,
    /// A red flag was ticked: nothing moves forward until it has been looked at.
    Paused,
}

/// Rule id of a run that went far beyond its stage (its text is `load_rules` `beyond_stage` in running.ron).
pub const BEYOND_STAGE_RULE: &str = "beyond_stage";

/// One judged session.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionReview {
    pub run_id: u64,
    pub date: NaiveDate,
    pub stage_index: usize,
    pub decision: Decision,
    /// The rule that decided it, if one failed: a pain rule id (`pain_during`, `pain_next_morning`,
    /// `pain_week_on_week`), `red_flag`, or [`BEYOND_STAGE_RULE`].
    pub rule_id: Option<&'static str>,
    /// Plain-words reason.
    pub reason: String,
}

/// Where the plan stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub stage_index: usize,
    /// Sessions passed in a row at the current stage.
    pub passed_in_row: u32,
    pub reviews: Vec<SessionReview>,
    /// A run whose next-morning pain is still missing; judging waits for it.
    pub awaiting_next_morning: Option<u64>,
    /// All stages done.
    pub finished: bool,
    /// The next-morning pain the current stage is judged against (the pain before it began).
    pub stage_baseline: u8,
    /// A red flag is ticked: why the plan is paused.
    pub paused: Option<String>,
    /// Why to see a physiotherapist, when the plan is stuck.
    pub stuck: Option<Stuck>,
}

impl Progress {
    /// The stage to do next (the last one when finished).
    #[must_use]
    pub fn current_stage<'a>(&self, plan: &'a ReturnToRunPlan) -> Option<&'a Stage> {
        plan.stages
            .get(self.stage_index.min(plan.stages.len().saturating_sub(1)))
    }
}

/// What the replay needs besides the plan and the runs.
#[derive(Debug, Clone, PartialEq)]
pub struct ReplayRules<'a> {
    /// The plan's pain limits (the strength plan's: one limit per runner).
    pub thresholds: &'a PainThresholds,
    /// The day the red flags ticked now were ticked (the earliest); runs from then on are paused.
    pub red_flag_since: Option<NaiveDate>,
    /// How far beyond its stage a run may go and still count, in per cent of the stage's time or distance.
    pub beyond_stage_pct: f64,
    pub today: NaiveDate,
}

/// Why `run` does not count toward `stage`, when it went more than `margin_pct` beyond it.
#[must_use]
pub fn beyond_stage(run: &Run, stage: &Stage, margin_pct: f64) -> Option<String> {
    let factor = 1.0 + margin_pct / 100.0;
    if let Some(distance_m) = stage.distance_m {
        if run.distance_m > distance_m * factor {
            return Some(format!(
                "This run ({:.1} km) went far beyond the stage ({}, {:.1} km): it does not count toward the \
                 stage. Keep to the stage until it is done.",
                run.distance_m / 1000.0,
                stage.label,
                distance_m / 1000.0
            ));
        }
        return None;
    }
    let stage_secs = f64::from(stage.total_secs());
    if stage_secs > 0.0 && f64::from(run.elapsed_secs) > stage_secs * factor {
        return Some(format!(
            "This run ({:.1} km in {} min) went far beyond the stage ({}, {} min in all): it does not count \
             toward the stage. Keep to the stage until it is done.",
            run.distance_m / 1000.0,
            run.elapsed_secs / 60,
            stage.label,
            stage.total_secs() / 60
        ));
    }
    None
}

/// Replays the runs since the plan started (runs only, with a pain-during score, in start order).
#[must_use]
pub fn replay(
    plan: &ReturnToRunPlan,
    state: &ReturnToRunState,
    runs: &[Run],
    rules: &ReplayRules<'_>,
) -> Progress {
    let mut progress = Progress {
        stage_index: 0,
        passed_in_row: 0,
        reviews: Vec::new(),
        awaiting_next_morning: None,
        finished: false,
        stage_baseline: state.baseline_morning_pain,
        paused: rules.red_flag_since.map(|_| {
            "Paused: a red flag is ticked. Do not run until it has been looked at; the plan waits here."
                .to_owned()
        }),
        stuck: None,
    };
    if !state.entry_criteria_met || plan.stages.is_empty() {
        return progress;
    }
    let mut sessions: Vec<&Run> = runs
        .iter()
        .filter(|r| r.sport.is_run() && r.date() >= state.started_on && r.pain_during.is_some())
        .collect();
    sessions.sort_by_key(|r| r.start_utc);
    let mut history: Vec<PainSample> = Vec::new();
    let mut steps: Vec<StageStep> = Vec::new();
    let mut last_session = None;
    for run in sessions {
        let Some(during) = run.pain_during else {
            continue;
        };
        history.push(PainSample {
            date: run.date(),
            before: None,
            during,
            next_morning: run.pain_next_morning,
        });
        last_session = Some(run.date());
        let flagged = rules
            .red_flag_since
            .is_some_and(|since| run.date() >= since);
        let judgement = judge(
            &history,
            Some(progress.stage_baseline),
            rules.thresholds,
            flagged,
        );
        if judgement.verdict == Verdict::Wait {
            progress.awaiting_next_morning = Some(run.id);
            break;
        }
        let stage_index = progress.stage_index;
        let stage = &plan.stages[stage_index];
        let (decision, rule_id, reason) = match judgement.verdict {
            Verdict::EaseOff => (
                Decision::EaseOff,
                judgement.rule.content_id(),
                judgement.reason,
            ),
            Verdict::Paused => (Decision::Paused, Some("red_flag"), judgement.reason),
            Verdict::Hold | Verdict::Wait => (
                Decision::Hold,
                judgement.rule.content_id(),
                judgement.reason,
            ),
            Verdict::Pass => {
                let needed = stage.sessions_to_advance.max(1);
                if let Some(why) = beyond_stage(run, stage, rules.beyond_stage_pct) {
                    (Decision::Hold, Some(BEYOND_STAGE_RULE), why)
                } else if progress.passed_in_row + 1 >= needed {
                    (
                        Decision::Advance,
                        None,
                        format!("{}: on to the next stage.", judgement.reason),
                    )
                } else {
                    (
                        Decision::Hold,
                        None,
                        format!(
                            "{}: {} of {needed} sessions done at this stage.",
                            judgement.reason,
                            progress.passed_in_row + 1
                        ),
                    )
                }
            }
        };
        match decision {
            Decision::Advance => {
                progress.passed_in_row = 0;
                steps.push(StageStep {
                    date: run.date(),
                    stage: stage_index,
                    forward: true,
                });
                // The next stage is judged against the pain before it began; a baseline never rises.
                if let Some(morning) = run.pain_next_morning {
                    progress.stage_baseline = progress.stage_baseline.min(morning);
                }
                if stage_index + 1 >= plan.stages.len() {
                    progress.finished = true;
                } else {
                    progress.stage_index += 1;
                }
            }
            Decision::Hold => {
                if rule_id.is_none() {
                    progress.passed_in_row += 1;
                } else {
                    progress.passed_in_row = 0;
                }
            }
            Decision::Paused => progress.passed_in_row = 0,
            Decision::EaseOff => {
                progress.passed_in_row = 0;
                progress.finished = false;
                steps.push(StageStep {
                    date: run.date(),
                    stage: stage_index,
                    forward: false,
                });
                progress.stage_index = progress.stage_index.saturating_sub(1);
            }
        }
        progress.reviews.push(SessionReview {
            run_id: run.id,
            date: run.date(),
            stage_index,
            decision,
            rule_id,
            reason,
        });
    }
    if !progress.finished {
        progress.stuck = stuck(
            &steps,
            progress.stage_index,
            state.started_on,
            last_session,
            rules.today,
        );
    }
    progress
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone, Utc};

    fn plan() -> ReturnToRunPlan {
        crate::content::Content::embedded()
            .unwrap()
            .running
            .plan("patellofemoral_pain")
            .unwrap()
            .clone()
    }

    const LIMITS: PainThresholds = crate::pain::DEFAULT_PAIN_THRESHOLDS;

    fn rules() -> ReplayRules<'static> {
        ReplayRules {
            thresholds: &LIMITS,
            red_flag_since: None,
            beyond_stage_pct: 25.0,
            today: NaiveDate::from_ymd_opt(2024, 1, 2).unwrap(),
        }
    }

    fn state() -> ReturnToRunState {
        ReturnToRunState {
            condition_id: "patellofemoral_pain".into(),
            started_on: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
            entry_criteria_met: true,
            baseline_morning_pain: 2,
        }
    }

    /// Runs every other day from 2024-01-01 with (during, next morning) pain.
    #[expect(clippy::cast_possible_wrap, reason = "small indices and counts")]
    fn sessions(pains: &[(u8, Option<u8>)]) -> Vec<Run> {
        pains
            .iter()
            .enumerate()
            .map(|(i, (during, morning))| Run {
                id: i as u64 + 1,
                start_utc: Utc.with_ymd_and_hms(2024, 1, 1, 7, 0, 0).unwrap()
                    + Duration::days(i as i64 * 2),
                distance_m: 2000.0,
                pain_during: Some(*during),
                pain_next_morning: *morning,
                ..Run::default()
            })
            .collect()
    }

    #[test]
    fn pain_histories_to_steps() {
        // (pain history, expected stage index, expected decisions)
        type Case = (&'static [(u8, Option<u8>)], usize, &'static [Decision]);
        let cases: &[Case] = &[
            (
                &[(1, Some(1)), (1, Some(1))],
                1,
                &[Decision::Hold, Decision::Advance],
            ),
            (
                &[(1, Some(1)), (1, Some(1)), (5, Some(1))],
                0,
                &[Decision::Hold, Decision::Advance, Decision::EaseOff],
            ),
            (
                &[(1, Some(1)), (1, Some(1)), (2, Some(3))],
                0,
                &[Decision::Hold, Decision::Advance, Decision::EaseOff],
            ),
            (
                // One point above the previous morning but not above the stage's baseline (2) plus one.
                &[(1, Some(1)), (1, Some(2))],
                1,
                &[Decision::Hold, Decision::Advance],
            ),
            (
                // A flare (4 the next morning, baseline 2) that has not settled back eases off again.
                &[(1, Some(4)), (1, Some(4))],
                0,
                &[Decision::EaseOff, Decision::EaseOff],
            ),
            (
                &[(1, Some(1)), (1, None), (1, Some(1))],
                0,
                &[Decision::Hold],
            ),
        ];
        for (pains, stage, decisions) in cases {
            let progress = replay(&plan(), &state(), &sessions(pains), &rules());
            let got: Vec<Decision> = progress.reviews.iter().map(|r| r.decision).collect();
            assert_eq!(&got, decisions, "{pains:?}");
            assert_eq!(progress.stage_index, *stage, "{pains:?}");
        }
    }

    #[test]
    fn waiting_for_next_morning_and_entry_criteria() {
        let progress = replay(
            &plan(),
            &state(),
            &sessions(&[(1, Some(1)), (1, None)]),
            &rules(),
        );
        assert_eq!(progress.awaiting_next_morning, Some(2));
        let not_ready = ReturnToRunState {
            entry_criteria_met: false,
            ..state()
        };
        let progress = replay(
            &plan(),
            &not_ready,
            &sessions(&[(1, Some(1)), (1, Some(1))]),
            &rules(),
        );
        assert!(progress.reviews.is_empty());
        assert_eq!(progress.stage_index, 0);
    }

    #[test]
    fn week_on_week_rise_holds() {
        // Week 1 (Jan 1–7): pains 0, 0, 0, 0 (two advances). Week 2: a session at 2/10 is within the limit but
        // higher than last week's average: hold, no advance.
        let runs = sessions(&[
            (0, Some(0)),
            (0, Some(0)),
            (0, Some(0)),
            (0, Some(0)),
            (2, Some(0)),
        ]);
        let progress = replay(&plan(), &state(), &runs, &rules());
        let last = progress.reviews.last().unwrap();
        assert_eq!(last.rule_id, Some("pain_week_on_week"));
        assert_eq!(last.decision, Decision::Hold);
        assert_eq!(progress.stage_index, 2);
    }

    #[test]
    fn finishing_every_stage() {
        let runs = sessions(&[(0, Some(0)); 40]);
        let progress = replay(&plan(), &state(), &runs, &rules());
        assert!(progress.finished);
        assert_eq!(progress.stage_index, plan().stages.len() - 1);
    }
}
