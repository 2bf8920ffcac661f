//! Rough session-length estimates, used to fit generated sessions into the time the user has.
//!
//! Per set: `reps × rep_secs` (tempo total, or 3 s without a tempo), or `hold_secs` for a hold, or
//! `reps × hold_secs` when both are given; doubled when done on each side. Rest is `(sets − 1) × rest_secs`
//! (again per side), and each exercise adds [`CHANGE_OVER_SECS`] for setting up and moving on.

use super::model::{DayPlan, PlannedExercise};

/// Time to set up each exercise and move on to the next.
pub const CHANGE_OVER_SECS: u32 = 30;

/// Seconds of work in one set on one side.
pub fn set_secs(planned: &PlannedExercise) -> u32 {
    match (planned.reps, planned.hold_secs) {
        (Some(reps), Some(hold)) => u32::from(reps) * u32::from(hold),
        (Some(reps), None) => u32::from(reps) * planned.rep_secs(),
        (None, Some(hold)) => u32::from(hold),
        (None, None) => 0,
    }
}

/// Estimated seconds for one exercise: work, rest between sets and the change-over.
pub fn estimate_exercise_secs(planned: &PlannedExercise) -> u32 {
    let sides = if planned.per_side { 2 } else { 1 };
    let sets = u32::from(planned.sets);
    let work = sets * set_secs(planned) * sides;
    let rest = sets.saturating_sub(1) * u32::from(planned.rest_secs) * sides;
    work + rest + CHANGE_OVER_SECS
}

/// Estimated seconds for a whole day.
pub fn estimate_session_secs(day: &DayPlan) -> u32 {
    day.exercises.iter().map(estimate_exercise_secs).sum()
}

/// Estimated minutes for a whole day, rounded up.
pub fn estimate_session_minutes(day: &DayPlan) -> u32 {
    estimate_session_secs(day).div_ceil(60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Tempo;

    fn planned(
        sets: u8,
        reps: Option<u8>,
        hold: Option<u16>,
        rest: u16,
        per_side: bool,
    ) -> PlannedExercise {
        PlannedExercise {
            exercise_id: "x".into(),
            sets,
            reps,
            hold_secs: hold,
            rest_secs: rest,
            per_side,
            ..PlannedExercise::default()
        }
    }

    #[test]
    fn reps_without_tempo_take_three_seconds_each() {
        // 3 × 10 × 3 s = 90 s work, 2 × 60 s rest, 30 s change-over.
        assert_eq!(
            estimate_exercise_secs(&planned(3, Some(10), None, 60, false)),
            90 + 120 + 30
        );
    }

    #[test]
    fn tempo_sets_the_rep_time() {
        let mut p = planned(4, Some(15), None, 150, false);
        p.tempo = Some(Tempo {
            lower_secs: 3,
            pause_secs: 0,
            lift_secs: 3,
        });
        // 4 × 15 × 6 s = 360 s work, 3 × 150 s rest, 30 s.
        assert_eq!(estimate_exercise_secs(&p), 360 + 450 + 30);
    }

    #[test]
    fn holds_and_per_side() {
        // Wall sit 5 × 45 s, 120 s rest: 225 + 480 + 30.
        assert_eq!(
            estimate_exercise_secs(&planned(5, None, Some(45), 120, false)),
            735
        );
        // Side plank 3 × 20 s each side, 60 s rest: 3 × 20 × 2 = 120, 2 × 60 × 2 = 240, + 30.
        assert_eq!(
            estimate_exercise_secs(&planned(3, None, Some(20), 60, true)),
            390
        );
        // Bird-dog 3 × 10 reps with 3 s holds each side: 3 × 30 × 2 = 180, 2 × 60 × 2 = 240, + 30.
        assert_eq!(
            estimate_exercise_secs(&planned(3, Some(10), Some(3), 60, true)),
            450
        );
    }

    #[test]
    fn a_session_adds_its_exercises() {
        let day = DayPlan {
            exercises: vec![
                planned(3, Some(10), None, 60, false),
                planned(5, None, Some(45), 120, false),
            ],
        };
        assert_eq!(estimate_session_secs(&day), 240 + 735);
        assert_eq!(estimate_session_minutes(&day), 17); // 975 s = 16.25 min
        assert_eq!(estimate_session_secs(&DayPlan::default()), 0);
    }

    #[test]
    fn one_set_has_no_rest() {
        assert_eq!(
            estimate_exercise_secs(&planned(1, Some(10), None, 90, false)),
            30 + 30
        );
    }
}
