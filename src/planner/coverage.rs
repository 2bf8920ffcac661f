//! Muscle-group coverage of a week and the warnings a plan editor shows (back-to-back hard days, more sessions
//! than intended, groups left out).
//!
//! Only Strength and Isometric exercises count as work; warm-ups and stretches do not. Working sets are counted
//! once per exercise per group, whether or not it is done on each side (each leg gets that many sets).

use std::collections::BTreeMap;

use crate::content::{Content, ExerciseKind, MuscleGroup};

use super::model::{DayPlan, Plan, PlannedExercise, WeekPlan, day_name};

/// The groups the planner reports on. Hip abductors count as glutes.
pub const TRACKED_GROUPS: [MuscleGroup; 5] = [
    MuscleGroup::Glutes,
    MuscleGroup::Quads,
    MuscleGroup::Hamstrings,
    MuscleGroup::Calves,
    MuscleGroup::Core,
];

/// Working sets for one group in one day at or above which the day counts as "hard" for that group. Six sets
/// is two typical exercises of 3 sets (e.g. squats and step-ups for the quadriceps); two such days in a row
/// leave the group no day to recover.
pub const HARD_DAY_SETS: u32 = 6;

/// The tracked group an exercise's muscle group counts towards (hip abductors → glutes), if any.
pub fn tracked_group(group: MuscleGroup) -> Option<MuscleGroup> {
    match group {
        MuscleGroup::HipAbductors | MuscleGroup::Glutes => Some(MuscleGroup::Glutes),
        MuscleGroup::Quads => Some(MuscleGroup::Quads),
        MuscleGroup::Hamstrings => Some(MuscleGroup::Hamstrings),
        MuscleGroup::Calves => Some(MuscleGroup::Calves),
        MuscleGroup::Core => Some(MuscleGroup::Core),
        MuscleGroup::HipFlexors | MuscleGroup::ItBandArea => None,
    }
}

/// Whether an exercise kind counts as strength work (Strength or Isometric).
pub fn counts_as_work(kind: ExerciseKind) -> bool {
    matches!(kind, ExerciseKind::Strength | ExerciseKind::Isometric)
}

/// The tracked groups a planned exercise works, each once; empty for unknown ids and warm-ups/stretches.
fn worked_groups(planned: &PlannedExercise, content: &Content) -> Vec<MuscleGroup> {
    let Some(exercise) = content.exercise(&planned.exercise_id) else {
        return Vec::new();
    };
    if !counts_as_work(exercise.kind) {
        return Vec::new();
    }
    let mut groups: Vec<MuscleGroup> = exercise
        .muscle_groups
        .iter()
        .filter_map(|g| tracked_group(*g))
        .collect();
    groups.sort_unstable();
    groups.dedup();
    groups
}

/// A map with every tracked group at 0.
fn empty_coverage() -> BTreeMap<MuscleGroup, u32> {
    TRACKED_GROUPS.iter().map(|g| (*g, 0)).collect()
}

/// Working sets per tracked group in one day (every tracked group present, 0 when untouched).
pub fn day_coverage(day: &DayPlan, content: &Content) -> BTreeMap<MuscleGroup, u32> {
    let mut out = empty_coverage();
    for planned in &day.exercises {
        for group in worked_groups(planned, content) {
            *out.entry(group).or_insert(0) += u32::from(planned.sets);
        }
    }
    out
}

/// Working sets per tracked group in a week (every tracked group present, 0 when untouched).
pub fn week_coverage(week: &WeekPlan, content: &Content) -> BTreeMap<MuscleGroup, u32> {
    let mut out = empty_coverage();
    for day in &week.days {
        for (group, sets) in day_coverage(day, content) {
            *out.entry(group).or_insert(0) += sets;
        }
    }
    out
}

/// Whether a day is a session: at least one Strength or Isometric exercise.
pub fn is_session(day: &DayPlan, content: &Content) -> bool {
    day.exercises.iter().any(|p| {
        content
            .exercise(&p.exercise_id)
            .is_some_and(|e| counts_as_work(e.kind))
    })
}

/// The number of sessions in a week.
pub fn session_count(week: &WeekPlan, content: &Content) -> u8 {
    let count = week.days.iter().filter(|d| is_session(d, content)).count();
    u8::try_from(count).unwrap_or(u8::MAX)
}

/// Something worth pointing out about a week of the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlanWarning {
    /// `group` has at least [`HARD_DAY_SETS`] working sets on `first_day` and on the day after (day 6 means
    /// Sunday and the next week's Monday).
    ConsecutiveHardDays {
        group: MuscleGroup,
        first_day: usize,
    },
    /// More sessions planned than the user intended.
    TooManySessions { planned: u8, intended: u8 },
    /// A tracked group gets no work in a week that has sessions.
    MissingGroup(MuscleGroup),
}

impl PlanWarning {
    /// The warning in plain words.
    pub fn message(&self) -> String {
        match self {
            Self::ConsecutiveHardDays { group, first_day } => format!(
                "{} loaded hard on {} and {}: leave a day between",
                group.label(),
                day_name(*first_day),
                day_name(first_day + 1)
            ),
            Self::TooManySessions { planned, intended } => format!(
                "{planned} strength sessions planned this week, more than the {intended} you intended: \
                 muscles and tendons adapt between sessions"
            ),
            Self::MissingGroup(group) => {
                format!("No work for the {} this week", group.label().to_lowercase())
            }
        }
    }
}

/// Groups loaded hard on both days.
fn hard_on_both(a: &DayPlan, b: &DayPlan, content: &Content) -> Vec<MuscleGroup> {
    let first = day_coverage(a, content);
    let second = day_coverage(b, content);
    TRACKED_GROUPS
        .iter()
        .copied()
        .filter(|g| {
            first.get(g).copied().unwrap_or(0) >= HARD_DAY_SETS
                && second.get(g).copied().unwrap_or(0) >= HARD_DAY_SETS
        })
        .collect()
}

/// Warnings for one week on its own: hard days back to back (Monday–Sunday only), more sessions than
/// `intended_sessions_per_week` (skipped when that is 0, i.e. not set), and tracked groups with no work (only
/// when the week has at least one session).
pub fn week_warnings(
    week: &WeekPlan,
    content: &Content,
    intended_sessions_per_week: u8,
) -> Vec<PlanWarning> {
    let mut out = Vec::new();
    for first_day in 0..6 {
        for group in hard_on_both(&week.days[first_day], &week.days[first_day + 1], content) {
            out.push(PlanWarning::ConsecutiveHardDays { group, first_day });
        }
    }
    let planned = session_count(week, content);
    if intended_sessions_per_week > 0 && planned > intended_sessions_per_week {
        out.push(PlanWarning::TooManySessions {
            planned,
            intended: intended_sessions_per_week,
        });
    }
    if planned > 0 {
        let coverage = week_coverage(week, content);
        for group in TRACKED_GROUPS {
            if coverage.get(&group).copied().unwrap_or(0) == 0 {
                out.push(PlanWarning::MissingGroup(group));
            }
        }
    }
    out
}

/// Warnings for every week of a plan as `(week, warning)`, including hard days that run from a Sunday into the
/// next week's Monday (reported on the earlier week with `first_day` 6).
pub fn plan_warnings(plan: &Plan, content: &Content) -> Vec<(usize, PlanWarning)> {
    (0..plan.weeks.len())
        .flat_map(|index| {
            plan_week_warnings(plan, index, content)
                .into_iter()
                .map(move |w| (index, w))
        })
        .collect()
}

/// Warnings for one week of a plan, including a hard Sunday followed by a hard Monday in the next week (the
/// planner draws one week per frame, so it asks for that week only).
pub fn plan_week_warnings(plan: &Plan, index: usize, content: &Content) -> Vec<PlanWarning> {
    let Some(week) = plan.weeks.get(index) else {
        return Vec::new();
    };
    let mut warnings = week_warnings(week, content, plan.intended_sessions_per_week);
    if let Some(next) = plan.weeks.get(index + 1) {
        let sunday_monday = hard_on_both(&week.days[6], &next.days[0], content)
            .into_iter()
            .map(|group| PlanWarning::ConsecutiveHardDays {
                group,
                first_day: 6,
            });
        // Keep the back-to-back warnings together, before the others.
        let position = warnings
            .iter()
            .take_while(|w| matches!(w, PlanWarning::ConsecutiveHardDays { .. }))
            .count();
        warnings.splice(position..position, sunday_monday);
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn content() -> Content {
        Content::embedded().unwrap()
    }

    fn planned(id: &str, sets: u8) -> PlannedExercise {
        PlannedExercise {
            exercise_id: id.into(),
            sets,
            reps: Some(10),
            ..PlannedExercise::default()
        }
    }

    fn day(items: &[(&str, u8)]) -> DayPlan {
        DayPlan {
            exercises: items.iter().map(|(id, sets)| planned(id, *sets)).collect(),
        }
    }

    #[test]
    fn coverage_counts_working_sets_and_maps_hip_abductors_to_glutes() {
        let c = content();
        let mut week = WeekPlan::default();
        // Clamshell: HipAbductors + Glutes → Glutes once. Squat: Quads + Glutes. Stretch: ignored.
        week.days[0] = day(&[("clamshell", 3), ("squat", 3), ("stretch_quad", 2)]);
        week.days[3] = day(&[("plank", 3), ("calf_raise", 2), ("no_such_exercise", 9)]);
        let cov = week_coverage(&week, &c);
        assert_eq!(cov[&MuscleGroup::Glutes], 6);
        assert_eq!(cov[&MuscleGroup::Quads], 3);
        assert_eq!(cov[&MuscleGroup::Hamstrings], 0);
        assert_eq!(cov[&MuscleGroup::Calves], 2);
        assert_eq!(cov[&MuscleGroup::Core], 3);
        assert_eq!(cov.len(), 5);
        assert!(!cov.contains_key(&MuscleGroup::HipAbductors));
    }

    #[test]
    fn back_to_back_hard_days_are_flagged() {
        let c = content();
        let mut week = WeekPlan::default();
        week.days[0] = day(&[
            ("squat", 3),
            ("step_up", 3),
            ("glute_bridge", 3),
            ("calf_raise", 3),
            ("plank", 3),
        ]);
        week.days[1] = day(&[("squat", 3), ("lunge", 3)]);
        let warnings = week_warnings(&week, &c, 3);
        assert!(warnings.contains(&PlanWarning::ConsecutiveHardDays {
            group: MuscleGroup::Quads,
            first_day: 0
        }));
        // Glutes: Monday 9 sets, Tuesday 6 sets → also hard on both.
        assert!(warnings.contains(&PlanWarning::ConsecutiveHardDays {
            group: MuscleGroup::Glutes,
            first_day: 0
        }));
        let message = PlanWarning::ConsecutiveHardDays {
            group: MuscleGroup::Quads,
            first_day: 0,
        }
        .message();
        assert_eq!(
            message,
            "Quadriceps loaded hard on Monday and Tuesday: leave a day between"
        );
    }

    #[test]
    fn five_sets_is_not_hard() {
        let c = content();
        let mut week = WeekPlan::default();
        week.days[2] = day(&[("wall_sit", 5)]);
        week.days[3] = day(&[("wall_sit", 5)]);
        assert!(
            !week_warnings(&week, &c, 7)
                .iter()
                .any(|w| matches!(w, PlanWarning::ConsecutiveHardDays { .. }))
        );
    }

    #[test]
    fn too_many_sessions_and_missing_groups() {
        let c = content();
        let mut week = WeekPlan::default();
        for d in [0, 2, 4, 6] {
            week.days[d] = day(&[("squat", 3)]);
        }
        week.days[5] = day(&[("stretch_calf", 2)]); // not a session
        assert_eq!(session_count(&week, &c), 4);
        let warnings = week_warnings(&week, &c, 3);
        assert!(warnings.contains(&PlanWarning::TooManySessions {
            planned: 4,
            intended: 3
        }));
        assert!(warnings.contains(&PlanWarning::MissingGroup(MuscleGroup::Hamstrings)));
        assert!(warnings.contains(&PlanWarning::MissingGroup(MuscleGroup::Calves)));
        assert!(warnings.contains(&PlanWarning::MissingGroup(MuscleGroup::Core)));
        assert!(!warnings.contains(&PlanWarning::MissingGroup(MuscleGroup::Quads)));
        assert!(
            !week_warnings(&week, &c, 0)
                .iter()
                .any(|w| matches!(w, PlanWarning::TooManySessions { .. }))
        );
        assert_eq!(
            PlanWarning::MissingGroup(MuscleGroup::Calves).message(),
            "No work for the calves this week"
        );
        assert!(
            PlanWarning::TooManySessions {
                planned: 4,
                intended: 3
            }
            .message()
            .starts_with("4 strength sessions planned this week, more than the 3 you intended")
        );
    }

    #[test]
    fn empty_week_has_no_warnings() {
        let c = content();
        let mut week = WeekPlan::default();
        week.days[1] = day(&[("stretch_hamstring", 2)]);
        assert!(week_warnings(&week, &c, 2).is_empty());
    }

    #[test]
    fn sunday_to_monday_across_weeks() {
        let c = content();
        let mut plan = Plan::new("x", NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(), 2);
        plan.weeks[0].days[6] = day(&[("squat", 3), ("step_up", 3)]);
        plan.weeks[1].days[0] = day(&[("squat", 3), ("lunge", 3)]);
        let warnings = plan_warnings(&plan, &c);
        let hit = (
            0,
            PlanWarning::ConsecutiveHardDays {
                group: MuscleGroup::Quads,
                first_day: 6,
            },
        );
        assert!(warnings.contains(&hit), "{warnings:?}");
        assert_eq!(
            hit.1.message(),
            "Quadriceps loaded hard on Sunday and Monday: leave a day between"
        );
    }
}
