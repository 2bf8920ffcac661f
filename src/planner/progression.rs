//! Pain-guided double progression: what to do with an exercise's dose after the latest logged session.
//!
//! The pain is judged by [`crate::pain::judge`], the one pain rule; this module only maps its verdict to a dose:
//! - a red flag ([`Verdict::Paused`]) to [`Action::Paused`];
//! - nothing logged, or the next morning missing ([`Verdict::Wait`]), and a week-on-week rise ([`Verdict::Hold`])
//!   to [`Action::Hold`];
//! - a failed rule ([`Verdict::EaseOff`]) to [`Action::StepBack`] (load −10 % when loaded, else reps −2 but not
//!   below the bottom of the range, else one set fewer; holds −10 s);
//! - [`Verdict::Pass`]: when not every planned set, rep or second was done, [`Action::Hold`] (repeat the dose);
//!   otherwise [`Action::Advance`]: reps +1 (+2 in ranges at least 5 wide) up to the top of the rep range; at the
//!   top, about +5 % load (ACSM: 2–10 %) and back to the bottom of the range; holds +5 s up to 60 s.
//!
//! Every decision carries a plain-words reason that names the numbers it used.

use super::model::{Limits, PainThresholds, PlannedExercise, SessionLog, format_kg};
use crate::pain::{PainSample, Verdict, judge};

/// Longest hold the planner progresses to (tendon isometrics use 45–60 s).
pub const MAX_HOLD_SECS: u16 = 60;
/// Seconds added to a hold on each advance.
pub const HOLD_STEP_SECS: u16 = 5;
/// Seconds taken off a hold on a step back (never below [`MIN_STEP_BACK_HOLD_SECS`]).
pub const HOLD_STEP_BACK_SECS: u16 = 10;
/// Shortest hold a step back goes down to.
pub const MIN_STEP_BACK_HOLD_SECS: u16 = 10;
/// Load added when the top of the rep range is reached: 5 %, inside the ACSM 2–10 %.
pub const LOAD_STEP_FRACTION: f32 = 0.05;
/// Load taken off on a step back: 10 %.
pub const LOAD_STEP_BACK_FRACTION: f32 = 0.10;
/// Reps taken off on a step back.
pub const REPS_STEP_BACK: u8 = 2;
/// Without load, sets are added up to this many before the user is pointed to a harder version.
pub const MAX_BODYWEIGHT_SETS: u8 = 3;

/// What to do with the dose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Action {
    /// Make it a little harder.
    Advance,
    /// Keep the same dose.
    Hold,
    /// Make it easier for a few sessions.
    StepBack,
    /// Stop progressing until a red flag has been looked at.
    Paused,
}

impl Action {
    /// A short label for a badge.
    pub fn label(self) -> &'static str {
        match self {
            Self::Advance => "Progress",
            Self::Hold => "Keep the same",
            Self::StepBack => "Ease off",
            Self::Paused => "Paused",
        }
    }
}

/// The outcome for one exercise.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub action: Action,
    /// The dose for the next session (unchanged for Hold and Paused).
    pub new_dose: PlannedExercise,
    /// Why, in plain words.
    pub reason: String,
}

impl Decision {
    fn keep(action: Action, planned: &PlannedExercise, reason: String) -> Self {
        Self {
            action,
            new_dose: planned.clone(),
            reason,
        }
    }
}

/// A session log as the pain rule reads it.
pub fn pain_sample(log: &SessionLog) -> PainSample {
    PainSample {
        date: log.date,
        before: log.pain_before,
        during: log.pain_during,
        next_morning: log.next_morning_pain,
    }
}

/// Decides the next dose for `planned` from `recent_logs` (any order; logs without an entry for this exercise
/// are ignored) under `thresholds`, with `stage_baseline` the pain before the plan's current stage began (see
/// [`super::data::stage_baseline`]). See the module docs for the mapping.
pub fn decide(
    planned: &PlannedExercise,
    recent_logs: &[&SessionLog],
    thresholds: &PainThresholds,
    stage_baseline: Option<u8>,
    red_flag_ticked: bool,
) -> Decision {
    let mut logs: Vec<&SessionLog> = recent_logs
        .iter()
        .copied()
        .filter(|l| l.entry_for(&planned.exercise_id).is_some())
        .collect();
    logs.sort_by_key(|l| (l.date, l.id));
    let samples: Vec<PainSample> = logs.iter().map(|l| pain_sample(l)).collect();
    let judgement = judge(&samples, stage_baseline, thresholds, red_flag_ticked);
    let Some(latest) = logs.last() else {
        let action = if judgement.verdict == Verdict::Paused {
            Action::Paused
        } else {
            Action::Hold
        };
        let reason = if action == Action::Paused {
            judgement.reason
        } else {
            "No session logged yet with this exercise: do it at this dose and log how it went."
                .to_owned()
        };
        return Decision::keep(action, planned, reason);
    };
    match judgement.verdict {
        Verdict::Paused => Decision::keep(Action::Paused, planned, judgement.reason),
        Verdict::EaseOff => step_back_decision(planned, &judgement.reason),
        Verdict::Wait | Verdict::Hold => Decision::keep(Action::Hold, planned, judgement.reason),
        Verdict::Pass => {
            if let Some(shortfall) = shortfall(planned, latest) {
                return Decision::keep(Action::Hold, planned, shortfall);
            }
            advance(planned, &judgement.reason)
        }
    }
}

/// A reason to repeat the dose when the latest session fell short of it.
fn shortfall(planned: &PlannedExercise, latest: &SessionLog) -> Option<String> {
    let entry = latest.entry_for(&planned.exercise_id)?;
    if entry.sets_done < planned.sets {
        return Some(format!(
            "You logged {} of {} sets: repeat this dose until every set is done.",
            entry.sets_done, planned.sets
        ));
    }
    if let (Some(target), Some(done)) = (planned.reps, entry.reps_done)
        && done < target
    {
        return Some(format!(
            "You logged {done} of {target} reps: repeat this dose until every rep is done."
        ));
    }
    if planned.reps.is_none()
        && let (Some(target), Some(done)) = (planned.hold_secs, entry.hold_secs_done)
        && done < target
    {
        return Some(format!(
            "You held {done} s of the planned {target} s: repeat this dose until every hold is done."
        ));
    }
    None
}

/// The rep range to progress within: the planned one, or `reps..=reps + 3` when none is set.
fn rep_range(planned: &PlannedExercise, reps: u8) -> (u8, u8) {
    planned.rep_range.unwrap_or((
        reps,
        reps.saturating_add(super::model::DEFAULT_REP_RANGE_WIDTH)
            .min(Limits::REPS_MAX),
    ))
}

/// The next load up: about +5 %, rounded to 0.5 kg from 10 kg (0.1 kg below), always at least one step more.
pub fn increased_load_kg(load_kg: f32) -> f32 {
    let step = if load_kg >= 10.0 { 0.5 } else { 0.1 };
    let mut next = round_to(load_kg * (1.0 + LOAD_STEP_FRACTION), step);
    if next <= load_kg {
        next = round_to(load_kg + step, step);
    }
    next.min(Limits::LOAD_KG_MAX)
}

/// The load after a step back: −10 %, rounded like [`increased_load_kg`], never negative.
pub fn reduced_load_kg(load_kg: f32) -> f32 {
    let step = if load_kg >= 10.0 { 0.5 } else { 0.1 };
    round_to(load_kg * (1.0 - LOAD_STEP_BACK_FRACTION), step).max(0.0)
}

fn round_to(value: f32, step: f32) -> f32 {
    let rounded = (value / step).round() * step;
    (rounded * 100.0).round() / 100.0
}

fn advance(planned: &PlannedExercise, settled: &str) -> Decision {
    let mut next = planned.clone();
    if let Some(reps) = planned.reps {
        let (low, high) = rep_range(planned, reps);
        next.rep_range = Some((low, high));
        if reps < high {
            let step = if high - low >= 5 { 2 } else { 1 };
            let new_reps = reps.saturating_add(step).clamp(low, high);
            next.reps = Some(new_reps);
            return Decision {
                action: Action::Advance,
                new_dose: next,
                reason: format!(
                    "{settled} and every set was done: go from {reps} to {new_reps} reps."
                ),
            };
        }
        if let Some(load) = planned.load_kg.filter(|l| *l > 0.0) {
            let new_load = increased_load_kg(load);
            next.load_kg = Some(new_load);
            next.reps = Some(low);
            return Decision {
                action: Action::Advance,
                new_dose: next,
                reason: format!(
                    "{settled} at the top of the {low}–{high} rep range: add about 5% load ({} to {} kg) and go \
                     back to {low} reps.",
                    format_kg(load),
                    format_kg(new_load)
                ),
            };
        }
        if planned.sets < MAX_BODYWEIGHT_SETS {
            let new_sets = planned.sets + 1;
            next.sets = new_sets;
            next.reps = Some(low);
            return Decision {
                action: Action::Advance,
                new_dose: next,
                reason: format!(
                    "{settled} at the top of the {low}–{high} rep range: add a set ({} to {new_sets}) and go back \
                     to {low} reps.",
                    planned.sets
                ),
            };
        }
        return Decision::keep(
            Action::Hold,
            planned,
            format!(
                "{settled} at the top of the {low}–{high} rep range without added load: to progress, try the \
                 harder version of the exercise or add a little weight (enter it here) and go back to {low} reps."
            ),
        );
    }
    if let Some(hold) = planned.hold_secs {
        if hold < MAX_HOLD_SECS {
            let new_hold = hold.saturating_add(HOLD_STEP_SECS).min(MAX_HOLD_SECS);
            next.hold_secs = Some(new_hold);
            return Decision {
                action: Action::Advance,
                new_dose: next,
                reason: format!(
                    "{settled} and every hold was done: hold {new_hold} s instead of {hold} s."
                ),
            };
        }
        return Decision::keep(
            Action::Hold,
            planned,
            format!(
                "{settled} with {hold} s holds, the longest the planner suggests: to progress, try the harder \
                 version of the exercise."
            ),
        );
    }
    Decision::keep(
        Action::Hold,
        planned,
        "This exercise has no reps or hold time to progress.".to_owned(),
    )
}

fn step_back_decision(planned: &PlannedExercise, why: &str) -> Decision {
    let (next, change) = step_back(planned);
    Decision {
        action: Action::StepBack,
        new_dose: next,
        reason: format!("{why}: ease off for the next sessions ({change})."),
    }
}

/// The eased dose and what changed, in words.
fn step_back(planned: &PlannedExercise) -> (PlannedExercise, String) {
    let mut next = planned.clone();
    if let Some(load) = planned.load_kg.filter(|l| *l > 0.0) {
        let new_load = reduced_load_kg(load);
        next.load_kg = Some(new_load);
        return (
            next,
            format!("load {} to {} kg", format_kg(load), format_kg(new_load)),
        );
    }
    if let Some(reps) = planned.reps {
        let low = planned.rep_range.map_or(Limits::REPS_MIN, |r| r.0);
        if reps > low {
            let new_reps = reps.saturating_sub(REPS_STEP_BACK).max(low);
            next.reps = Some(new_reps);
            return (next, format!("{reps} to {new_reps} reps"));
        }
    } else if let Some(hold) = planned.hold_secs
        && hold > MIN_STEP_BACK_HOLD_SECS
    {
        let new_hold = hold
            .saturating_sub(HOLD_STEP_BACK_SECS)
            .max(MIN_STEP_BACK_HOLD_SECS);
        next.hold_secs = Some(new_hold);
        return (next, format!("holds {hold} s to {new_hold} s"));
    }
    if planned.sets > Limits::SETS_MIN {
        let new_sets = planned.sets - 1;
        next.sets = new_sets;
        return (next, format!("{} to {new_sets} sets", planned.sets));
    }
    (
        next,
        "already at the lowest dose: rest this exercise or use a smaller range, and consider asking a \
         physiotherapist"
            .to_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::planner::model::ExerciseLog;
    use chrono::NaiveDate;

    /// 2026-01-05 is a Monday.
    fn date(day_of_january: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, day_of_january).unwrap()
    }

    fn squat(reps: u8, range: (u8, u8), load: Option<f32>) -> PlannedExercise {
        PlannedExercise {
            exercise_id: "squat".into(),
            sets: 3,
            reps: Some(reps),
            load_kg: load,
            rest_secs: 90,
            rep_range: Some(range),
            ..PlannedExercise::default()
        }
    }

    /// A session on January `day` with pain during and next morning, squats done 3 × 15 (at least as planned).
    fn log(day: u32, during: u8, morning: Option<u8>) -> SessionLog {
        SessionLog {
            id: u64::from(day),
            date: date(day),
            pain_during: during,
            next_morning_pain: morning,
            entries: vec![ExerciseLog {
                exercise_id: "squat".into(),
                sets_done: 3,
                reps_done: Some(15),
                hold_secs_done: None,
                load_kg: None,
            }],
            ..SessionLog::default()
        }
    }

    struct Case {
        name: &'static str,
        planned: PlannedExercise,
        logs: Vec<SessionLog>,
        thresholds: PainThresholds,
        red_flag: bool,
        action: Action,
        reason: &'static str,
    }

    fn case(
        name: &'static str,
        logs: Vec<SessionLog>,
        action: Action,
        reason: &'static str,
    ) -> Case {
        Case {
            name,
            planned: squat(10, (10, 15), None),
            logs,
            thresholds: PainThresholds::default(),
            red_flag: false,
            action,
            reason,
        }
    }

    /// Like [`log`], with the pain asked before the session.
    fn log_before(day: u32, before: u8, during: u8, morning: Option<u8>) -> SessionLog {
        SessionLog {
            pain_before: Some(before),
            ..log(day, during, morning)
        }
    }

    #[test]
    fn a_knee_resting_at_four_can_progress_when_exercise_does_not_make_it_worse() {
        let planned = squat(10, (10, 15), None);
        let t = PainThresholds::default();
        assert_eq!(t.max_during, 3);
        let progress = |logs: &[SessionLog]| {
            let refs: Vec<&SessionLog> = logs.iter().collect();
            decide(&planned, &refs, &t, None, false)
        };
        // 4/10 before, 4/10 during, 4/10 next morning: no worse, so it progresses despite the 3/10 limit.
        let d = progress(&[log_before(5, 4, 4, Some(4))]);
        assert_eq!(d.action, Action::Advance, "{}", d.reason);
        assert_eq!(d.new_dose.reps, Some(12));
        // One point worse the next morning is within the tolerance; two points is not: ease off.
        let d = progress(&[log_before(5, 4, 4, Some(5))]);
        assert_eq!(d.action, Action::Advance, "{}", d.reason);
        let d = progress(&[log_before(5, 4, 4, Some(6))]);
        assert_eq!(d.action, Action::StepBack, "{}", d.reason);
        assert!(
            d.reason.contains("worse than the 4/10 before the session"),
            "{}",
            d.reason
        );
        // Worse during than before: ease off.
        let d = progress(&[log_before(5, 4, 5, Some(4))]);
        assert_eq!(d.action, Action::StepBack, "{}", d.reason);
        assert!(
            d.reason.contains("worse than the 4/10 before it"),
            "{}",
            d.reason
        );
        // A knee at 8/10 before: pain during is still capped at the model's 5/10.
        let d = progress(&[log_before(5, 8, 6, Some(6))]);
        assert_eq!(d.action, Action::StepBack, "{}", d.reason);
        // A worse morning never becomes the reference: 4 then 4 without pain before is held to the limit.
        let d = progress(&[log(5, 3, Some(4)), log(7, 3, Some(4))]);
        assert_eq!(d.action, Action::StepBack, "{}", d.reason);
        // With the stage's baseline at 4, a morning of 4 is no worse.
        let refs = [log(5, 3, Some(4)), log(7, 3, Some(4))];
        let refs: Vec<&SessionLog> = refs.iter().collect();
        let d = decide(&planned, &refs, &t, Some(4), false);
        assert_eq!(d.action, Action::Advance, "{}", d.reason);
        // With no reference at all, the morning is held to the limit.
        let d = progress(&[log(5, 3, Some(4))]);
        assert_eq!(d.action, Action::StepBack, "{}", d.reason);
        assert!(
            d.reason.contains("above your limit of 3/10"),
            "{}",
            d.reason
        );
    }

    #[test]
    fn weekly_noise_does_not_stop_progress() {
        let planned = squat(10, (10, 15), None);
        let t = PainThresholds::default();
        let decide_on = |logs: &[SessionLog]| {
            let refs: Vec<&SessionLog> = logs.iter().collect();
            decide(&planned, &refs, &t, None, false)
        };
        // Last week 0, 0; this week 0, 1, 0: the average goes from 0 to 0.3.
        let noise = [
            log(5, 0, Some(0)),
            log(7, 0, Some(0)),
            log(12, 0, Some(0)),
            log(14, 1, Some(0)),
            log(16, 0, Some(0)),
        ];
        assert_eq!(decide_on(&noise).action, Action::Advance);
        // A rise of exactly the tolerance (0 to 1.0) still progresses.
        let one = [log(5, 0, Some(0)), log(12, 1, Some(0))];
        assert_eq!(decide_on(&one).action, Action::Advance);
        // 0 to 1.5 is more than a point: hold.
        let more = [log(5, 0, Some(0)), log(12, 1, Some(0)), log(14, 2, Some(0))];
        let d = decide_on(&more);
        assert_eq!(d.action, Action::Hold, "{}", d.reason);
        assert!(
            d.reason.contains("0.0/10 last week to 1.5/10"),
            "{}",
            d.reason
        );
        // With no tolerance, any rise holds.
        let strict = PainThresholds {
            weekly_rise_tolerance: 0,
            ..PainThresholds::default()
        };
        let refs: Vec<&SessionLog> = noise.iter().collect();
        assert_eq!(
            decide(&planned, &refs, &strict, None, false).action,
            Action::Hold
        );
    }

    #[test]
    fn pain_histories_table() {
        let mut cases = vec![
            case("no logs", vec![], Action::Hold, "No session logged yet"),
            case(
                "all settled",
                vec![log(5, 1, Some(0))],
                Action::Advance,
                "go from 10 to 12 reps",
            ),
            case(
                "pain during too high",
                vec![log(5, 5, Some(1))],
                Action::StepBack,
                "5/10, above your limit of 3/10",
            ),
            case(
                "pain during at the limit is fine",
                vec![log(5, 3, Some(1))],
                Action::Advance,
                "3/10 during",
            ),
            case(
                "morning not logged",
                vec![log(5, 2, None)],
                Action::Hold,
                "Log next-morning pain first",
            ),
            case(
                "morning above the limit",
                vec![log(5, 2, Some(4))],
                Action::StepBack,
                "Next-morning pain was 4/10",
            ),
            case(
                "a morning under the limit with nothing to compare",
                vec![log(5, 2, Some(1)), log(7, 2, Some(2))],
                Action::Advance,
                "2/10 next morning",
            ),
            case(
                "morning steady",
                vec![log(5, 2, Some(1)), log(7, 2, Some(1))],
                Action::Advance,
                "every set was done",
            ),
            case(
                "weekly rise",
                vec![log(5, 1, Some(0)), log(7, 1, Some(0)), log(12, 3, Some(0))],
                Action::Hold,
                "rose from 1.0/10 last week to 3.0/10 this week",
            ),
            case(
                "weekly fall",
                vec![log(5, 3, Some(1)), log(12, 1, Some(1))],
                Action::Advance,
                "go from 10 to 12",
            ),
            case(
                "pain during checked before the missing morning",
                vec![log(5, 6, None)],
                Action::StepBack,
                "6/10",
            ),
        ];
        cases.push(Case {
            red_flag: true,
            ..case(
                "red flag",
                vec![log(5, 0, Some(0))],
                Action::Paused,
                "A red flag is ticked",
            )
        });
        cases.push(Case {
            thresholds: PainThresholds {
                allow_weekly_rise: true,
                ..PainThresholds::default()
            },
            ..case(
                "weekly rise allowed",
                vec![log(5, 1, Some(0)), log(12, 3, Some(0))],
                Action::Advance,
                "go from 10 to 12",
            )
        });
        cases.push(Case {
            thresholds: PainThresholds {
                max_next_morning_rise: 1,
                ..PainThresholds::default()
            },
            ..case(
                "morning rise of 1 allowed",
                vec![log(5, 2, Some(1)), log(7, 2, Some(2))],
                Action::Advance,
                "2/10 next morning",
            )
        });
        cases.push(Case {
            thresholds: PainThresholds {
                max_during: 5,
                ..PainThresholds::default()
            },
            ..case(
                "osteoarthritis limit 5",
                vec![log(5, 5, Some(2))],
                Action::Advance,
                "5/10 during",
            )
        });
        cases.push(Case {
            planned: squat(15, (10, 15), Some(20.0)),
            ..case(
                "top of range adds load",
                vec![log(5, 1, Some(0))],
                Action::Advance,
                "add about 5% load (20 to 21 kg) and go back to 10 reps",
            )
        });
        cases.push(Case {
            planned: squat(15, (10, 15), None),
            ..case(
                "top of range without load",
                vec![log(5, 1, Some(0))],
                Action::Hold,
                "harder version",
            )
        });
        cases.push(Case {
            planned: squat(12, (10, 15), Some(40.0)),
            ..case(
                "step back takes off load",
                vec![log(5, 4, Some(1))],
                Action::StepBack,
                "load 40 to 36 kg",
            )
        });
        cases.push(Case {
            planned: squat(14, (10, 15), None),
            ..case(
                "step back takes off reps",
                vec![log(5, 4, Some(1))],
                Action::StepBack,
                "14 to 12 reps",
            )
        });
        let mut short = log(5, 1, Some(0));
        short.entries[0].sets_done = 2;
        cases.push(case(
            "sets not done",
            vec![short],
            Action::Hold,
            "You logged 2 of 3 sets",
        ));
        let mut other = log(5, 1, Some(0));
        other.entries[0].exercise_id = "lunge".into();
        cases.push(case(
            "logs of other exercises are ignored",
            vec![other],
            Action::Hold,
            "No session logged yet",
        ));

        assert!(cases.len() >= 10);
        for c in cases {
            let refs: Vec<&SessionLog> = c.logs.iter().collect();
            let d = decide(&c.planned, &refs, &c.thresholds, None, c.red_flag);
            assert_eq!(d.action, c.action, "{}: {}", c.name, d.reason);
            assert!(
                d.reason.contains(c.reason),
                "{}: reason was {:?}",
                c.name,
                d.reason
            );
            if matches!(d.action, Action::Hold | Action::Paused) {
                assert_eq!(d.new_dose, c.planned, "{}", c.name);
            }
        }
    }

    #[test]
    fn logs_are_read_in_date_order() {
        // Passed newest first: the latest (Jan 7, morning 4) must still be the one judged.
        let a = log(7, 2, Some(4));
        let b = log(5, 2, Some(1));
        let d = decide(
            &squat(10, (10, 15), None),
            &[&a, &b],
            &PainThresholds::default(),
            Some(1),
            false,
        );
        assert_eq!(d.action, Action::StepBack, "{}", d.reason);
        assert!(
            d.reason
                .contains("4/10, worse than the 1/10 before this stage began"),
            "{}",
            d.reason
        );
    }

    #[test]
    fn advance_steps_reps_then_load() {
        let t = PainThresholds::default();
        let logs = [log(5, 0, Some(0))];
        let refs: Vec<&SessionLog> = logs.iter().collect();
        // Narrow range 8–12 goes up one rep at a time.
        let d = decide(&squat(8, (8, 12), None), &refs, &t, None, false);
        assert_eq!(d.new_dose.reps, Some(9));
        // Wide range 10–15: two at a time, capped at the top.
        let d = decide(&squat(14, (10, 15), None), &refs, &t, None, false);
        assert_eq!(d.new_dose.reps, Some(15));
        // No range set: 12 becomes 12–15 and the range is stored.
        let mut p = squat(12, (0, 0), None);
        p.rep_range = None;
        let d = decide(&p, &refs, &t, None, false);
        assert_eq!(
            (d.new_dose.reps, d.new_dose.rep_range),
            (Some(13), Some((12, 15)))
        );
        // Bodyweight at the top with 2 sets: add a set.
        let mut p = squat(15, (10, 15), None);
        p.sets = 2;
        let mut l = log(5, 0, Some(0));
        l.entries[0].sets_done = 2;
        l.entries[0].reps_done = Some(15);
        let d = decide(&p, &[&l], &t, None, false);
        assert_eq!(d.action, Action::Advance);
        assert_eq!((d.new_dose.sets, d.new_dose.reps), (3, Some(10)));
    }

    #[test]
    fn holds_progress_by_five_seconds_to_sixty() {
        let t = PainThresholds::default();
        let hold = |secs: u16| PlannedExercise {
            exercise_id: "wall_sit".into(),
            sets: 5,
            hold_secs: Some(secs),
            rest_secs: 120,
            ..PlannedExercise::default()
        };
        let mut l = log(5, 1, Some(0));
        l.entries[0] = ExerciseLog {
            exercise_id: "wall_sit".into(),
            sets_done: 5,
            reps_done: None,
            hold_secs_done: Some(45),
            load_kg: None,
        };
        let d = decide(&hold(45), &[&l], &t, None, false);
        assert_eq!(
            (d.action, d.new_dose.hold_secs),
            (Action::Advance, Some(50))
        );
        l.entries[0].hold_secs_done = Some(58);
        let d = decide(&hold(58), &[&l], &t, None, false);
        assert_eq!(d.new_dose.hold_secs, Some(60));
        l.entries[0].hold_secs_done = Some(60);
        let d = decide(&hold(60), &[&l], &t, None, false);
        assert_eq!(d.action, Action::Hold);
        l.entries[0].hold_secs_done = Some(30);
        let d = decide(&hold(45), &[&l], &t, None, false);
        assert_eq!(d.action, Action::Hold);
        assert!(
            d.reason.contains("30 s of the planned 45 s"),
            "{}",
            d.reason
        );
        l.pain_during = 6;
        let d = decide(&hold(45), &[&l], &t, None, false);
        assert_eq!(
            (d.action, d.new_dose.hold_secs),
            (Action::StepBack, Some(35))
        );
    }

    #[test]
    fn step_back_never_goes_below_the_floor() {
        let t = PainThresholds::default();
        let logs = [log(5, 8, Some(1))];
        let refs: Vec<&SessionLog> = logs.iter().collect();
        // At the bottom of the range without load: one set fewer.
        let d = decide(&squat(10, (10, 15), None), &refs, &t, None, false);
        assert_eq!((d.new_dose.reps, d.new_dose.sets), (Some(10), 2));
        // 11 reps, range bottom 10: only down to 10.
        let d = decide(&squat(11, (10, 15), None), &refs, &t, None, false);
        assert_eq!(d.new_dose.reps, Some(10));
        // One set at the bottom: nothing left to take off.
        let mut p = squat(10, (10, 15), None);
        p.sets = 1;
        let d = decide(&p, &refs, &t, None, false);
        assert_eq!(d.new_dose, p);
        assert!(d.reason.contains("lowest dose"), "{}", d.reason);
    }

    #[test]
    fn load_steps_stay_within_two_to_ten_percent() {
        for tenth in 10..=2000 {
            let load = tenth as f32 / 10.0; // at most 2000: exact in f32
            let up = increased_load_kg(load);
            let rise = (up - load) / load;
            if load >= 10.0 {
                assert!((0.02..=0.10).contains(&rise), "{load} to {up}");
            } else {
                assert!(up > load, "{load} to {up}");
            }
            let down = reduced_load_kg(load);
            assert!(down < load && down >= 0.0, "{load} to {down}");
        }
        let close = |a: f32, b: f32| (a - b).abs() < 1e-4;
        assert!(close(increased_load_kg(20.0), 21.0));
        assert!(close(increased_load_kg(12.0), 12.5));
        assert!(close(increased_load_kg(4.0), 4.2));
        assert!(close(reduced_load_kg(40.0), 36.0));
    }
}
