//! What the logs say over time: adherence per week, pain and volume series for charts, and the previous
//! session's numbers to show beside today's.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::model::{ExerciseLog, Plan, SessionLog};

/// Per plan week: `(week, planned_sessions, done)`. A planned session is a day with at least one exercise;
/// `done` counts those planned days that have a log of this plan (by `plan_id`, `week_index` and `day_index`), so extra
/// sessions on unplanned days do not push adherence over 100%.
pub fn adherence_per_week(plan: &Plan, logs: &[SessionLog]) -> Vec<(usize, u32, u32)> {
    plan.weeks
        .iter()
        .enumerate()
        .map(|(week_index, week)| {
            let planned_days: BTreeSet<usize> = week
                .days
                .iter()
                .enumerate()
                .filter(|(_, d)| !d.is_empty())
                .map(|(i, _)| i)
                .collect();
            let done_days: BTreeSet<usize> = logs
                .iter()
                .filter(|l| l.plan_id == plan.id)
                .filter(|l| l.week_index == week_index && planned_days.contains(&l.day_index))
                .map(|l| l.day_index)
                .collect();
            (
                week_index,
                count_u32(planned_days.len()),
                count_u32(done_days.len()),
            )
        })
        .collect()
}

fn count_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Logs sorted by date, then id.
fn sorted(logs: &[SessionLog]) -> Vec<&SessionLog> {
    let mut out: Vec<&SessionLog> = logs.iter().collect();
    out.sort_by_key(|l| (l.date, l.id));
    out
}

/// One point per session, by date: `(date, pain_during, next_morning_pain)`.
pub fn pain_series(logs: &[SessionLog]) -> Vec<(NaiveDate, f64, Option<f64>)> {
    sorted(logs)
        .into_iter()
        .map(|l| {
            (
                l.date,
                f64::from(l.pain_during),
                l.next_morning_pain.map(f64::from),
            )
        })
        .collect()
}

/// Volume of one entry: sets × reps for repetition work, sets × seconds for holds (no reps logged).
pub fn entry_volume(entry: &ExerciseLog) -> f64 {
    let sets = f64::from(entry.sets_done);
    match (entry.reps_done, entry.hold_secs_done) {
        (Some(reps), _) => sets * f64::from(reps),
        (None, Some(secs)) => sets * f64::from(secs),
        (None, None) => 0.0,
    }
}

/// One point per date (sessions on the same date are added up): the sum of sets × reps, or sets × seconds for
/// holds, over every entry.
pub fn volume_series(logs: &[SessionLog]) -> Vec<(NaiveDate, f64)> {
    let mut out: Vec<(NaiveDate, f64)> = Vec::new();
    for log in sorted(logs) {
        let volume: f64 = log.entries.iter().map(entry_volume).sum();
        match out.last_mut() {
            Some((date, total)) if *date == log.date => *total += volume,
            _ => out.push((log.date, volume)),
        }
    }
    out
}

/// Sessions that include `exercise_id`, oldest first: the input [`super::progression::decide`] expects.
pub fn logs_for_exercise<'a>(exercise_id: &str, logs: &'a [SessionLog]) -> Vec<&'a SessionLog> {
    sorted(logs)
        .into_iter()
        .filter(|l| l.entry_for(exercise_id).is_some())
        .collect()
}

/// The latest session before `before` (strictly earlier date) that included `exercise_id`, with its entry: the
/// "last time" numbers to show beside today's.
pub fn previous_log_for_exercise<'a>(
    exercise_id: &str,
    before: NaiveDate,
    logs: &'a [SessionLog],
) -> Option<(&'a SessionLog, &'a ExerciseLog)> {
    sorted(logs)
        .into_iter()
        .rev()
        .filter(|l| l.date < before)
        .find_map(|l| l.entry_for(exercise_id).map(|e| (l, e)))
}

/// The latest log of the same weekday slot in an earlier plan week (e.g. last Monday's session when looking at
/// this Monday).
pub fn previous_log_for_day(week: usize, day: usize, logs: &[SessionLog]) -> Option<&SessionLog> {
    logs.iter()
        .filter(|l| l.day_index == day && l.week_index < week)
        .max_by_key(|l| (l.week_index, l.date, l.id))
}

/// The log for `(week, day)` itself, if one exists (the latest when there are several).
pub fn log_for_day(week: usize, day: usize, logs: &[SessionLog]) -> Option<&SessionLog> {
    logs.iter()
        .filter(|l| l.week_index == week && l.day_index == day)
        .max_by_key(|l| (l.date, l.id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::planner::model::PlannedExercise;

    fn date(day_of_january: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, day_of_january).unwrap()
    }

    fn entry(id: &str, sets: u8, reps: Option<u8>, hold: Option<u16>) -> ExerciseLog {
        ExerciseLog {
            exercise_id: id.into(),
            sets_done: sets,
            reps_done: reps,
            hold_secs_done: hold,
            load_kg: None,
        }
    }

    fn session(
        id: u64,
        day: u32,
        week: usize,
        weekday: usize,
        entries: Vec<ExerciseLog>,
    ) -> SessionLog {
        SessionLog {
            entries,
            pain_during: u8::try_from(id % 5).unwrap_or(0),
            next_morning_pain: id.is_multiple_of(2).then_some(1),
            ..SessionLog::new(id, date(day), week, weekday)
        }
    }

    #[test]
    fn adherence_counts_planned_days_with_a_log() {
        let mut plan = Plan::new("x", date(5), 2);
        let squat = PlannedExercise {
            exercise_id: "squat".into(),
            ..PlannedExercise::default()
        };
        for (w, d) in [(0, 0), (0, 2), (0, 4), (1, 0), (1, 3)] {
            plan.add_exercise(w, d, squat.clone());
        }
        let logs = vec![
            session(1, 5, 0, 0, vec![]),
            session(2, 5, 0, 0, vec![]), // logged twice: still one day
            session(3, 8, 0, 3, vec![]), // Thursday was not planned
            session(4, 9, 0, 4, vec![]),
            session(5, 15, 1, 3, vec![]),
            session(6, 30, 5, 0, vec![]), // outside the plan
        ];
        assert_eq!(adherence_per_week(&plan, &logs), vec![(0, 3, 2), (1, 2, 1)]);
    }

    #[test]
    fn series_are_sorted_by_date() {
        let logs = vec![
            session(3, 9, 0, 4, vec![entry("plank", 3, None, Some(30))]),
            session(
                1,
                5,
                0,
                0,
                vec![
                    entry("squat", 3, Some(10), None),
                    entry("bird_dog", 2, Some(8), Some(3)),
                ],
            ),
            session(2, 5, 0, 0, vec![entry("squat", 1, Some(5), None)]),
        ];
        let pain = pain_series(&logs);
        assert_eq!(
            pain,
            vec![
                (date(5), 1.0, None),
                (date(5), 2.0, Some(1.0)),
                (date(9), 3.0, None)
            ]
        );
        // Jan 5: 3 × 10 + 2 × 8 + 1 × 5 = 51; Jan 9: 3 × 30 s = 90.
        assert_eq!(volume_series(&logs), vec![(date(5), 51.0), (date(9), 90.0)]);
        assert!(volume_series(&[]).is_empty());
    }

    #[test]
    fn previous_numbers_for_an_exercise_and_a_day() {
        let logs = vec![
            session(1, 5, 0, 0, vec![entry("squat", 3, Some(10), None)]),
            session(2, 7, 0, 2, vec![entry("squat", 3, Some(11), None)]),
            session(3, 9, 0, 4, vec![entry("plank", 3, None, Some(30))]),
            session(4, 12, 1, 0, vec![entry("squat", 3, Some(12), None)]),
        ];
        let (log, e) = previous_log_for_exercise("squat", date(12), &logs).unwrap();
        assert_eq!((log.id, e.reps_done), (2, Some(11)));
        assert!(previous_log_for_exercise("squat", date(5), &logs).is_none());
        assert!(previous_log_for_exercise("lunge", date(30), &logs).is_none());
        assert_eq!(previous_log_for_day(1, 0, &logs).map(|l| l.id), Some(1));
        assert_eq!(previous_log_for_day(2, 0, &logs).map(|l| l.id), Some(4));
        assert!(previous_log_for_day(0, 0, &logs).is_none());
        assert_eq!(log_for_day(1, 0, &logs).map(|l| l.id), Some(4));
        assert!(log_for_day(1, 1, &logs).is_none());
        let squats: Vec<u64> = logs_for_exercise("squat", &logs)
            .iter()
            .map(|l| l.id)
            .collect();
        assert_eq!(squats, [1, 2, 4]);
    }
}
