//! The return-to-run plan replayed from the logged runs: each session is judged by the same pain rules as the
//! strength plan (during, next morning compared with before, week on week) and the stage advances, holds or
//! eases off. Replaying (rather than storing the stage) means an edited pain score re-judges the plan.

use chrono::NaiveDate;

use super::guidance::{ReturnToRunPlan, Stage};
use super::load::week_start;
use super::model::{ReturnToRunState, Run};

/// What one session did to the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Passed and completed the stage's sessions: next stage.
    Advance,
    /// Passed, but more sessions are needed at this stage; or pain crept up week on week.
    Hold,
    /// A pain rule failed: one stage back.
    EaseOff,
}

/// One judged session.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionReview {
    pub run_id: u64,
    pub date: NaiveDate,
    pub stage_index: usize,
    pub decision: Decision,
    /// Pain-rule id (`pain_during`, `pain_next_morning`, `pain_week_on_week`) that decided it, if a rule failed.
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
}

impl Progress {
    /// The stage to do next (the last one when finished).
    #[must_use]
    pub fn current_stage<'a>(&self, plan: &'a ReturnToRunPlan) -> Option<&'a Stage> {
        plan.stages
            .get(self.stage_index.min(plan.stages.len().saturating_sub(1)))
    }
}

#[allow(clippy::cast_precision_loss)] // counts, indices and millisecond spans stay far below 2^52
fn mean(values: &[u8]) -> Option<f64> {
    (!values.is_empty())
        .then(|| values.iter().map(|v| f64::from(*v)).sum::<f64>() / values.len() as f64)
}

/// Replays the runs since the plan started (runs only, with a pain-during score, in start order).
#[must_use]
#[allow(clippy::too_many_lines)] // one match or one panel, clearer in one place
pub fn replay(
    plan: &ReturnToRunPlan,
    state: &ReturnToRunState,
    runs: &[Run],
    pain_limit: u8,
) -> Progress {
    let mut progress = Progress {
        stage_index: 0,
        passed_in_row: 0,
        reviews: Vec::new(),
        awaiting_next_morning: None,
        finished: false,
    };
    if !state.entry_criteria_met || plan.stages.is_empty() {
        return progress;
    }
    let mut sessions: Vec<&Run> = runs
        .iter()
        .filter(|r| r.sport.is_run() && r.date() >= state.started_on && r.pain_during.is_some())
        .collect();
    sessions.sort_by_key(|r| r.start_utc);
    let mut morning_before = state.baseline_morning_pain;
    // (week Monday, pain-during scores) of judged sessions, for the week-on-week rule.
    let mut weeks: Vec<(NaiveDate, Vec<u8>)> = Vec::new();
    for run in sessions {
        let Some(during) = run.pain_during else {
            continue;
        };
        let Some(morning) = run.pain_next_morning else {
            progress.awaiting_next_morning = Some(run.id);
            break;
        };
        let monday = week_start(run.date());
        match weeks.last_mut() {
            Some((m, scores)) if *m == monday => scores.push(during),
            _ => weeks.push((monday, vec![during])),
        }
        let stage_index = progress.stage_index;
        let (decision, rule_id, reason) = if during > pain_limit {
            (
                Decision::EaseOff,
                Some("pain_during"),
                format!("Pain during was {during}/10, above your limit of {pain_limit}."),
            )
        } else if morning > morning_before {
            (
                Decision::EaseOff,
                Some("pain_next_morning"),
                format!(
                    "Next morning pain was {morning}/10, worse than {morning_before}/10 before."
                ),
            )
        } else if let [.., (_, previous), (_, current)] = weeks.as_slice()
            && let (Some(prev_mean), Some(cur_mean)) = (mean(previous), mean(current))
            && cur_mean > prev_mean
        {
            (
                Decision::Hold,
                Some("pain_week_on_week"),
                format!(
                    "Pain this week averages {cur_mean:.1}/10, up from {prev_mean:.1}/10 last week: staying at this stage."
                ),
            )
        } else {
            let needed = plan.stages[stage_index].sessions_to_advance.max(1);
            if progress.passed_in_row + 1 >= needed {
                (
                    Decision::Advance,
                    None,
                    "Within the pain rules: on to the next stage.".to_owned(),
                )
            } else {
                (
                    Decision::Hold,
                    None,
                    format!(
                        "Within the pain rules: {} of {needed} sessions done at this stage.",
                        progress.passed_in_row + 1
                    ),
                )
            }
        };
        match decision {
            Decision::Advance => {
                progress.passed_in_row = 0;
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
            Decision::EaseOff => {
                progress.passed_in_row = 0;
                progress.finished = false;
                progress.stage_index = progress.stage_index.saturating_sub(1);
            }
        }
        morning_before = morning;
        progress.reviews.push(SessionReview {
            run_id: run.id,
            date: run.date(),
            stage_index,
            decision,
            rule_id,
            reason,
        });
    }
    progress
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // expected values are computed from exact inputs
mod tests {
    use super::*;
    use crate::running::guidance::RunningGuidance;
    use chrono::{Duration, TimeZone, Utc};

    fn plan() -> ReturnToRunPlan {
        // Source ids are not checked here (empty known list is fine for parsing the structure only).
        let text = crate::running::guidance::EMBEDDED_RUNNING_RON;
        let guidance: RunningGuidance = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(text)
            .unwrap();
        guidance.plan("patellofemoral_pain").unwrap().clone()
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
    #[allow(clippy::cast_possible_wrap)] // small indices and counts
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
                &[(1, Some(1)), (1, Some(2))],
                0,
                &[Decision::Hold, Decision::EaseOff],
            ), // worse next morning
            (
                &[(1, Some(1)), (1, None), (1, Some(1))],
                0,
                &[Decision::Hold],
            ),
        ];
        for (pains, stage, decisions) in cases {
            let progress = replay(&plan(), &state(), &sessions(pains), 3);
            let got: Vec<Decision> = progress.reviews.iter().map(|r| r.decision).collect();
            assert_eq!(&got, decisions, "{pains:?}");
            assert_eq!(progress.stage_index, *stage, "{pains:?}");
        }
    }

    #[test]
    fn waiting_for_next_morning_and_entry_criteria() {
        let progress = replay(&plan(), &state(), &sessions(&[(1, Some(1)), (1, None)]), 3);
        assert_eq!(progress.awaiting_next_morning, Some(2));
        let not_ready = ReturnToRunState {
            entry_criteria_met: false,
            ..state()
        };
        let progress = replay(
            &plan(),
            &not_ready,
            &sessions(&[(1, Some(1)), (1, Some(1))]),
            3,
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
        let progress = replay(&plan(), &state(), &runs, 3);
        let last = progress.reviews.last().unwrap();
        assert_eq!(last.rule_id, Some("pain_week_on_week"));
        assert_eq!(last.decision, Decision::Hold);
        assert_eq!(progress.stage_index, 2);
    }

    #[test]
    fn finishing_every_stage() {
        let runs = sessions(&[(0, Some(0)); 40]);
        let progress = replay(&plan(), &state(), &runs, 3);
        assert!(progress.finished);
        assert_eq!(progress.stage_index, plan().stages.len() - 1);
    }
}
