//! One week for both: the strength plan's days beside the run log's planned and logged runs (return-to-run runs
//! included), and the warning only the two together can give — a hard quadriceps or calf session the day before
//! the week's longest run, when those muscles are still tired.

use chrono::{Datelike, Days, NaiveDate};

use crate::content::{Content, MuscleGroup};
use crate::planner::{HARD_DAY_SETS, Plan, day_coverage};
use crate::running::{RunningData, Sport};

/// A run or cross-training session on a day of the week.
#[derive(Debug, Clone, PartialEq)]
pub struct RunItem {
    pub sport: Sport,
    pub distance_m: f64,
    pub duration_secs: u32,
    /// Planned (not yet done), or logged.
    pub planned: bool,
    /// Why a planned run was swapped to cross-training, when it was.
    pub swapped_because: Option<String>,
}

/// Runs and cross-training of the week starting on `monday`, by weekday (0 = Monday). Logged runs are placed on
/// their local date.
pub fn runs_by_day(running: &RunningData, monday: NaiveDate) -> [Vec<RunItem>; 7] {
    let mut days: [Vec<RunItem>; 7] = Default::default();
    let index_of = |date: NaiveDate| {
        let offset = (date - monday).num_days();
        usize::try_from(offset).ok().filter(|d| *d < 7)
    };
    for planned in &running.planned {
        if let Some(day) = index_of(planned.date) {
            days[day].push(RunItem {
                sport: planned.sport,
                distance_m: planned.distance_m,
                duration_secs: planned.duration_secs,
                planned: true,
                swapped_because: planned.swapped_because.clone(),
            });
        }
    }
    for run in &running.runs {
        if let Some(day) = index_of(run.date()) {
            days[day].push(RunItem {
                sport: run.sport,
                distance_m: run.distance_m,
                duration_secs: run.elapsed_secs,
                planned: false,
                swapped_because: None,
            });
        }
    }
    days
}

/// A warning that needs the strength plan and the runs together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekWarning {
    pub text: String,
}

/// Warnings for plan week `week`: a hard quadriceps or calf day (at least [`HARD_DAY_SETS`] working sets) the day
/// before the week's longest run (planned or logged). Information, not a verdict.
pub fn combined_warnings(
    plan: &Plan,
    week: usize,
    runs: &[Vec<RunItem>; 7],
    content: &Content,
    units: crate::running::Units,
) -> Vec<WeekWarning> {
    let longest = runs
        .iter()
        .enumerate()
        .flat_map(|(day, items)| items.iter().map(move |item| (day, item)))
        .filter(|(_, item)| item.sport == Sport::Run)
        .max_by(|(_, a), (_, b)| a.distance_m.total_cmp(&b.distance_m));
    let Some((run_day, run)) = longest else {
        return Vec::new();
    };
    let (strength_week, strength_day) = if run_day == 0 {
        match week.checked_sub(1) {
            Some(previous) => (previous, 6),
            None => return Vec::new(),
        }
    } else {
        (week, run_day - 1)
    };
    let Some(day_plan) = plan.day(strength_week, strength_day) else {
        return Vec::new();
    };
    let coverage = day_coverage(day_plan, content);
    let mut warnings = Vec::new();
    for group in [MuscleGroup::Quads, MuscleGroup::Calves] {
        let sets = coverage.get(&group).copied().unwrap_or(0);
        if sets >= HARD_DAY_SETS {
            let run_date = plan.date_of(week, run_day);
            warnings.push(WeekWarning {
                text: format!(
                    "{sets} sets for the {} on {} come the day before the week's longest run ({}{}). Tired \
                     legs absorb less load: consider moving one of the two.",
                    group.label().to_lowercase(),
                    plan.date_of(strength_week, strength_day)
                        .map_or_else(|| crate::planner::day_name(strength_day).to_owned(), |d| d.format("%A").to_string()),
                    units.format(run.distance_m),
                    run_date.map(|d| format!(", {}", d.format("%A"))).unwrap_or_default(),
                ),
            });
        }
    }
    warnings
}

/// The Monday of plan week `week`, if the plan has it.
pub fn monday_of_week(plan: &Plan, week: usize) -> Option<NaiveDate> {
    plan.date_of(week, 0)
        .map(|d| d - Days::new(u64::from(d.weekday().num_days_from_monday())))
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::planner::PlannedExercise;
    use crate::running::{PlannedRun, Run, Units};

    fn monday() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
    }

    fn plan_with_squats_on(day: usize, sets: u8) -> Plan {
        let mut plan = Plan::new("test", monday(), 2);
        plan.weeks[0].days[day].exercises.push(PlannedExercise {
            exercise_id: "squat".to_owned(),
            sets,
            reps: Some(8),
            ..PlannedExercise::default()
        });
        plan
    }

    fn running_with(planned_day: i64, km: f64) -> RunningData {
        let mut running = RunningData::default();
        running.planned.push(PlannedRun {
            id: 1,
            date: monday() + chrono::Duration::days(planned_day),
            sport: Sport::Run,
            distance_m: km * 1000.0,
            duration_secs: 3600,
            swapped_because: None,
        });
        running.runs.push(Run {
            id: 2,
            // Midday UTC lands on the same local date in any time zone within ±11 h.
            start_utc: Utc.from_utc_datetime(&monday().and_hms_opt(12, 0, 0).unwrap()),
            distance_m: 5000.0,
            elapsed_secs: 1800,
            ..Run::default()
        });
        running
    }

    #[test]
    fn runs_are_placed_on_their_days() {
        let days = runs_by_day(&running_with(3, 12.0), monday());
        assert_eq!(days[0].len(), 1);
        assert!(!days[0][0].planned);
        assert_eq!(days[3].len(), 1);
        assert!(days[3][0].planned);
        assert!(days[1].is_empty() && days[6].is_empty());
        // Outside the week: nothing.
        let next_week = runs_by_day(&running_with(9, 12.0), monday());
        assert!(next_week.iter().skip(1).all(Vec::is_empty));
    }

    #[test]
    fn a_hard_quad_day_before_the_longest_run_is_flagged() {
        let content = Content::embedded().unwrap();
        let runs = runs_by_day(&running_with(3, 12.0), monday());
        let hard = plan_with_squats_on(2, 6);
        let warnings = combined_warnings(&hard, 0, &runs, &content, Units::Kilometres);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].text.contains("quadriceps") || warnings[0].text.contains("quads"),
            "{}",
            warnings[0].text
        );
        assert!(warnings[0].text.contains("12.0 km"));
        // In the runner's unit.
        let miles = combined_warnings(&hard, 0, &runs, &content, Units::Miles);
        assert!(miles[0].text.contains("7.5 mi"), "{}", miles[0].text);
        // Lighter work, or hard work two days before, is fine.
        assert!(
            combined_warnings(
                &plan_with_squats_on(2, 3),
                0,
                &runs,
                &content,
                Units::Kilometres
            )
            .is_empty()
        );
        assert!(
            combined_warnings(
                &plan_with_squats_on(1, 6),
                0,
                &runs,
                &content,
                Units::Kilometres
            )
            .is_empty()
        );
        // No runs, no warning.
        assert!(
            combined_warnings(&hard, 0, &Default::default(), &content, Units::Kilometres)
                .is_empty()
        );
    }
}
