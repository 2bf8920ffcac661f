//! Planner data: planned exercises, day and week plans, session logs, pain thresholds and input limits.
//!
//! Every type is plain serde data with `#[serde(default)]`, so saves written by an older version (with fewer
//! fields) still load. Numbers typed by the user go through [`clamp_planned`] / [`clamp_log`] before they are
//! stored, so the rest of the planner can trust them.

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::content::{Exercise, PainMonitoring, Tempo};

/// Seconds per repetition when an exercise has no tempo.
pub const DEFAULT_REP_SECS: u32 = 3;

/// How far above the starting reps the repetition range reaches when an exercise's default dose gives only one
/// number (e.g. 12 reps becomes 12–15), following the ACSM advice to add load once 1–2 reps beyond the target
/// are possible.
pub const DEFAULT_REP_RANGE_WIDTH: u8 = 3;

/// Monday-first day names, indexed like [`WeekPlan::days`].
pub const DAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The name of a day index (0 = Monday); out-of-range indexes wrap round the week.
pub fn day_name(day_index: usize) -> &'static str {
    DAY_NAMES[day_index % 7]
}

/// One exercise in a day's plan, with its dose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlannedExercise {
    /// Id into `exercises.ron`.
    pub exercise_id: String,
    pub sets: u8,
    /// Repetitions per set; `None` for holds.
    pub reps: Option<u8>,
    /// Hold time per repetition, or per set when `reps` is `None`.
    pub hold_secs: Option<u16>,
    /// Added weight; `None` for bodyweight or band work.
    pub load_kg: Option<f32>,
    /// Rest between sets.
    pub rest_secs: u16,
    pub tempo: Option<Tempo>,
    /// Done on each leg (or side) separately.
    pub per_side: bool,
    /// Why it is in the plan, in plain words, e.g. "Hip abductor strength — IT band syndrome".
    pub why: String,
    /// Double-progression range (lowest, highest reps): build reps to the top, then add load and start again.
    pub rep_range: Option<(u8, u8)>,
}

impl Default for PlannedExercise {
    fn default() -> Self {
        Self {
            exercise_id: String::new(),
            sets: 1,
            reps: None,
            hold_secs: None,
            load_kg: None,
            rest_secs: 60,
            tempo: None,
            per_side: false,
            why: String::new(),
            rep_range: None,
        }
    }
}

impl PlannedExercise {
    /// The exercise at the default dose from the content, with a rep range of
    /// `reps..=reps + DEFAULT_REP_RANGE_WIDTH` for repetition exercises.
    pub fn from_default_dose(exercise: &Exercise, why: String) -> Self {
        let dose = &exercise.dose;
        let mut planned = Self {
            exercise_id: exercise.id.clone(),
            sets: dose.sets,
            reps: dose.reps,
            hold_secs: dose.hold_secs,
            load_kg: None,
            rest_secs: dose.rest_secs,
            tempo: dose.tempo,
            per_side: dose.per_side,
            why,
            rep_range: dose
                .reps
                .map(|reps| (reps, reps.saturating_add(DEFAULT_REP_RANGE_WIDTH))),
        };
        clamp_planned(&mut planned);
        planned
    }

    /// Seconds per repetition: the tempo's total, or [`DEFAULT_REP_SECS`] without a tempo.
    pub fn rep_secs(&self) -> u32 {
        match self.tempo {
            Some(t) => u32::from(t.lower_secs) + u32::from(t.pause_secs) + u32::from(t.lift_secs),
            None => DEFAULT_REP_SECS,
        }
    }

    /// The dose in short words, e.g. "3 × 10 each side, 12.5 kg" or "5 × 45 s hold".
    pub fn dose_summary(&self) -> String {
        let mut out = match (self.reps, self.hold_secs) {
            (Some(reps), Some(hold)) => format!("{} × {reps} ({hold} s hold)", self.sets),
            (Some(reps), None) => format!("{} × {reps}", self.sets),
            (None, Some(hold)) => format!("{} × {hold} s hold", self.sets),
            (None, None) => format!("{} sets", self.sets),
        };
        if self.per_side {
            out.push_str(" each side");
        }
        if let Some(load) = self.load_kg.filter(|l| *l > 0.0) {
            out.push_str(", ");
            out.push_str(&format_kg(load));
            out.push_str(" kg");
        }
        out
    }
}

/// A load in kilograms without trailing zeros: 20 → "20", 12.5 → "12.5", 4.2 → "4.2".
pub fn format_kg(load_kg: f32) -> String {
    let rounded = (load_kg * 100.0).round() / 100.0;
    let text = format!("{rounded:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The exercises planned for one day, in the order they are done.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DayPlan {
    pub exercises: Vec<PlannedExercise>,
}

impl DayPlan {
    pub fn is_empty(&self) -> bool {
        self.exercises.is_empty()
    }
}

/// Seven days, index 0 = Monday.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WeekPlan {
    pub days: [DayPlan; 7],
}

/// A multi-week strength plan. Week 0 is the Monday-to-Sunday week that contains `start_date`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Plan {
    /// Distinguishes this plan from earlier ones, so their logs do not count towards it (0 in old saves).
    pub id: u64,
    pub name: String,
    /// Id into `conditions.ron` when the plan was made for a condition.
    pub condition_id: Option<String>,
    pub start_date: NaiveDate,
    pub weeks: Vec<WeekPlan>,
    /// How many sessions a week the user means to do (0 = not set).
    pub intended_sessions_per_week: u8,
    /// Plain-words notes shown with the plan (evidence, schedule compromises, cardio advice).
    pub notes: Vec<String>,
    /// The programme phases the plan was generated from, in order (empty for a hand-made plan).
    pub phases: Vec<PlanPhase>,
    /// The pain limits progression uses for this plan: the programme's, or the user's choice
    /// (see [`Plan::set_max_pain_during`]).
    pub pain_thresholds: PainThresholds,
}

/// One programme phase laid out on a plan's weeks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanPhase {
    pub name: String,
    /// 0-based plan week the phase starts.
    pub first_week_index: usize,
    /// 0-based last plan week of the phase (inclusive).
    pub last_week_index: usize,
    /// Heavy external load (never generated for under-16s).
    pub heavy_load: bool,
    /// What the runner confirms before this phase starts (from `programmes.ron`); empty: it starts on its week.
    pub start_criteria: Vec<String>,
    /// The day the runner confirmed the criteria and the phase began.
    pub started_on: Option<NaiveDate>,
}

impl PlanPhase {
    /// True while this phase waits for its criteria to be confirmed.
    pub fn waits_for_confirmation(&self) -> bool {
        !self.start_criteria.is_empty() && self.started_on.is_none()
    }
}

impl Default for Plan {
    fn default() -> Self {
        Self {
            id: 0,
            name: String::new(),
            condition_id: None,
            start_date: NaiveDate::default(),
            weeks: Vec::new(),
            intended_sessions_per_week: 3,
            notes: Vec::new(),
            phases: Vec::new(),
            pain_thresholds: PainThresholds::default(),
        }
    }
}

impl Plan {
    /// An empty plan of `week_count` weeks.
    pub fn new(name: impl Into<String>, start_date: NaiveDate, week_count: usize) -> Self {
        Self {
            name: name.into(),
            start_date,
            weeks: vec![WeekPlan::default(); week_count],
            ..Self::default()
        }
    }

    /// Sets the user's limit for pain during exercise, range-checked against the pain-monitoring model
    /// (0 up to `monitoring.highest_max_during`). The plan is unchanged on error.
    ///
    /// # Errors
    /// [`PainLimitError`] when `max_during` is above what the model accepts.
    pub fn set_max_pain_during(
        &mut self,
        max_during: u8,
        monitoring: &PainMonitoring,
    ) -> Result<(), PainLimitError> {
        self.pain_thresholds = self
            .pain_thresholds
            .clone()
            .with_max_during(max_during, monitoring)?;
        Ok(())
    }

    /// The first phase waiting for its criteria whose weeks have begun by plan week `week` (0-based): a session
    /// in that week or later is not started until the criteria are confirmed. `(phase index, phase)`.
    pub fn unconfirmed_phase_by(&self, week: usize) -> Option<(usize, &PlanPhase)> {
        self.phases
            .iter()
            .enumerate()
            .find(|(_, p)| p.waits_for_confirmation() && p.first_week_index <= week)
    }

    /// The date plan week `week` (0-based) begins.
    pub fn week_start_date(&self, week: usize) -> NaiveDate {
        self.first_monday() + chrono::Duration::weeks(i64::try_from(week).unwrap_or(i64::MAX / 8))
    }

    /// Inserts a copy of the week before `phase_index`'s first week in front of it, so the previous stage goes on
    /// a week longer and this and later phases start a week later. False when there is no earlier week to copy.
    pub fn repeat_week_before_phase(&mut self, phase_index: usize) -> bool {
        let Some(first) = self.phases.get(phase_index).map(|p| p.first_week_index) else {
            return false;
        };
        let Some(copy) = first
            .checked_sub(1)
            .and_then(|w| self.weeks.get(w))
            .cloned()
        else {
            return false;
        };
        self.weeks.insert(first, copy);
        for (index, phase) in self.phases.iter_mut().enumerate() {
            if index >= phase_index {
                phase.first_week_index += 1;
                phase.last_week_index += 1;
            } else if phase.last_week_index + 1 == first {
                phase.last_week_index += 1;
            }
        }
        true
    }

    /// The Monday of week 0.
    pub fn first_monday(&self) -> NaiveDate {
        monday_of(self.start_date)
    }

    /// The plan week that contains `date`, or `None` before week 0 or after the last week.
    pub fn week_index_for(&self, date: NaiveDate) -> Option<usize> {
        let days = (date - self.first_monday()).num_days();
        if days < 0 {
            return None;
        }
        let week = usize::try_from(days / 7).ok()?;
        (week < self.weeks.len()).then_some(week)
    }

    /// `(week, day)` of `date` (day 0 = Monday), or `None` outside the plan.
    pub fn day_for(&self, date: NaiveDate) -> Option<(usize, usize)> {
        let week = self.week_index_for(date)?;
        let day = date.weekday().num_days_from_monday() as usize; // 0..=6
        Some((week, day))
    }

    /// The calendar date of `(week, day)`, or `None` when out of range.
    pub fn date_of(&self, week: usize, day: usize) -> Option<NaiveDate> {
        if week >= self.weeks.len() || day >= 7 {
            return None;
        }
        let offset = u64::try_from(week * 7 + day).ok()?;
        self.first_monday().checked_add_days(Days::new(offset))
    }

    /// The day's plan, or `None` when out of range.
    pub fn day(&self, week: usize, day: usize) -> Option<&DayPlan> {
        self.weeks.get(week)?.days.get(day)
    }

    /// The day's plan for editing, or `None` when out of range.
    pub fn day_mut(&mut self, week: usize, day: usize) -> Option<&mut DayPlan> {
        self.weeks.get_mut(week)?.days.get_mut(day)
    }

    /// Appends `exercise` to the day. False (and no change) when out of range.
    pub fn add_exercise(&mut self, week: usize, day: usize, exercise: PlannedExercise) -> bool {
        match self.day_mut(week, day) {
            Some(d) => {
                d.exercises.push(exercise);
                true
            }
            None => false,
        }
    }

    /// Removes the exercise at `index`. False (and no change) when out of range.
    pub fn remove_exercise(&mut self, week: usize, day: usize, index: usize) -> bool {
        match self.day_mut(week, day) {
            Some(d) if index < d.exercises.len() => {
                d.exercises.remove(index);
                true
            }
            _ => false,
        }
    }

    /// Moves the exercise at `from` so it ends up at `to` (both indexes into the current list). False (and no
    /// change) when out of range.
    pub fn move_exercise(&mut self, week: usize, day: usize, from: usize, to: usize) -> bool {
        match self.day_mut(week, day) {
            Some(d) if from < d.exercises.len() && to < d.exercises.len() => {
                let item = d.exercises.remove(from);
                d.exercises.insert(to, item);
                true
            }
            _ => false,
        }
    }

    /// Replaces `(to_week, to_day)` with a copy of `(week, from_day)`. False (and no change) when out of range.
    pub fn copy_day(
        &mut self,
        week: usize,
        from_day: usize,
        to_week: usize,
        to_day: usize,
    ) -> bool {
        let Some(source) = self.day(week, from_day).cloned() else {
            return false;
        };
        match self.day_mut(to_week, to_day) {
            Some(target) => {
                *target = source;
                true
            }
            None => false,
        }
    }

    /// Removes every exercise from the day. False when out of range.
    pub fn clear_day(&mut self, week: usize, day: usize) -> bool {
        match self.day_mut(week, day) {
            Some(d) => {
                d.exercises.clear();
                true
            }
            None => false,
        }
    }

    /// Appends an empty week and returns its index.
    pub fn add_week(&mut self) -> usize {
        self.weeks.push(WeekPlan::default());
        self.weeks.len() - 1
    }
}

/// The Monday on or before `date`.
pub fn monday_of(date: NaiveDate) -> NaiveDate {
    let back = u64::from(date.weekday().num_days_from_monday());
    date.checked_sub_days(Days::new(back)).unwrap_or(date)
}

/// What was done of one exercise in a session.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExerciseLog {
    pub exercise_id: String,
    pub sets_done: u8,
    pub reps_done: Option<u8>,
    pub hold_secs_done: Option<u16>,
    pub load_kg: Option<f32>,
}

impl ExerciseLog {
    /// A log entry pre-filled with the planned numbers, for the user to correct.
    pub fn from_planned(planned: &PlannedExercise) -> Self {
        Self {
            exercise_id: planned.exercise_id.clone(),
            sets_done: planned.sets,
            reps_done: planned.reps,
            hold_secs_done: planned.hold_secs,
            load_kg: planned.load_kg,
        }
    }
}

/// One logged training session.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SessionLog {
    /// Unique within the store; see [`next_log_id`].
    pub id: u64,
    pub date: NaiveDate,
    /// The plan week and day (0 = Monday) this session belongs to.
    pub week_index: usize,
    pub day_index: usize,
    pub entries: Vec<ExerciseLog>,
    /// Worst knee pain during the session, 0–10.
    pub pain_during: u8,
    /// How hard the session felt, 0–10 (like RPE).
    pub effort: u8,
    pub notes: String,
    /// Knee pain the next morning, 0–10, once logged.
    pub next_morning_pain: Option<u8>,
    /// Knee pain just before the session, 0–10, asked when the session starts (absent in old saves).
    /// The next-morning check compares with it.
    pub pain_before: Option<u8>,
    /// The progression rules have changed the plan because of this session (they act once per session).
    pub progression_applied: bool,
    /// [`Plan::id`] of the plan this session belonged to.
    pub plan_id: u64,
}

impl SessionLog {
    /// An empty log for `(week_index, day_index)` on `date`.
    pub fn new(id: u64, date: NaiveDate, week_index: usize, day_index: usize) -> Self {
        Self {
            id,
            date,
            week_index,
            day_index,
            ..Self::default()
        }
    }

    /// The entry for `exercise_id`, if this session included it.
    pub fn entry_for(&self, exercise_id: &str) -> Option<&ExerciseLog> {
        self.entries.iter().find(|e| e.exercise_id == exercise_id)
    }
}

/// One more than the largest id in `logs` (1 for none).
pub fn next_log_id(logs: &[SessionLog]) -> u64 {
    logs.iter()
        .map(|l| l.id)
        .max()
        .map_or(1, |m| m.saturating_add(1))
}

pub use crate::pain::{PainLimitError, PainThresholds};

pub use crate::limits::Limits;

/// Clamps every number of a planned exercise into [`Limits`]; a rep range is also put in order.
pub fn clamp_planned(planned: &mut PlannedExercise) {
    planned.sets = planned.sets.clamp(Limits::SETS_MIN, Limits::SETS_MAX);
    planned.reps = planned
        .reps
        .map(|r| r.clamp(Limits::REPS_MIN, Limits::REPS_MAX));
    planned.hold_secs = planned
        .hold_secs
        .map(|h| h.clamp(Limits::HOLD_SECS_MIN, Limits::HOLD_SECS_MAX));
    planned.rest_secs = planned.rest_secs.min(Limits::REST_SECS_MAX);
    planned.load_kg = Limits::clamp_load_kg(planned.load_kg);
    if let Some(tempo) = planned.tempo.as_mut() {
        tempo.lower_secs = tempo.lower_secs.min(Limits::TEMPO_PHASE_SECS_MAX);
        tempo.pause_secs = tempo.pause_secs.min(Limits::TEMPO_PHASE_SECS_MAX);
        tempo.lift_secs = tempo.lift_secs.min(Limits::TEMPO_PHASE_SECS_MAX);
    }
    planned.rep_range = planned.rep_range.map(|(a, b)| {
        let a = a.clamp(Limits::REPS_MIN, Limits::REPS_MAX);
        let b = b.clamp(Limits::REPS_MIN, Limits::REPS_MAX);
        (a.min(b), a.max(b))
    });
}

/// Clamps a session log: pain and effort to 0..=10, the day to 0..=6, and each entry's numbers into [`Limits`]
/// (0 sets, reps or seconds done is allowed).
pub fn clamp_log(log: &mut SessionLog) {
    log.day_index = log.day_index.min(6);
    log.pain_during = log.pain_during.min(Limits::SCALE_MAX);
    log.effort = log.effort.min(Limits::SCALE_MAX);
    log.next_morning_pain = log.next_morning_pain.map(|p| p.min(Limits::SCALE_MAX));
    log.pain_before = log.pain_before.map(|p| p.min(Limits::SCALE_MAX));
    for entry in &mut log.entries {
        entry.sets_done = entry.sets_done.min(Limits::SETS_MAX);
        entry.reps_done = entry.reps_done.map(|r| r.min(Limits::REPS_MAX));
        entry.hold_secs_done = entry.hold_secs_done.map(|h| h.min(Limits::HOLD_SECS_MAX));
        entry.load_kg = Limits::clamp_load_kg(entry.load_kg);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Content;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn ex(id: &str) -> PlannedExercise {
        PlannedExercise {
            exercise_id: id.to_owned(),
            sets: 3,
            reps: Some(10),
            ..PlannedExercise::default()
        }
    }

    fn ids(plan: &Plan, week: usize, day: usize) -> Vec<String> {
        plan.day(week, day)
            .unwrap()
            .exercises
            .iter()
            .map(|e| e.exercise_id.clone())
            .collect()
    }

    #[test]
    fn from_default_dose_copies_the_content_dose() {
        let content = Content::embedded().unwrap();
        let squat = content.exercise("squat").unwrap();
        let p = PlannedExercise::from_default_dose(squat, "why".into());
        assert_eq!(p.exercise_id, "squat");
        assert_eq!(p.sets, squat.dose.sets);
        assert_eq!(p.reps, squat.dose.reps);
        assert_eq!(p.tempo, squat.dose.tempo);
        assert_eq!(p.rep_range, Some((12, 15)));
        assert_eq!(p.why, "why");
        let plank = content.exercise("plank").unwrap();
        let p = PlannedExercise::from_default_dose(plank, String::new());
        assert_eq!((p.reps, p.hold_secs, p.rep_range), (None, Some(30), None));
    }

    #[test]
    fn editing_is_index_checked() {
        let mut plan = Plan::new("test", date(2026, 1, 5), 2);
        assert!(plan.add_exercise(0, 0, ex("a")));
        assert!(plan.add_exercise(0, 0, ex("b")));
        assert!(plan.add_exercise(0, 0, ex("c")));
        assert!(!plan.add_exercise(2, 0, ex("x")));
        assert!(!plan.add_exercise(0, 7, ex("x")));

        assert!(plan.move_exercise(0, 0, 0, 2));
        assert_eq!(ids(&plan, 0, 0), ["b", "c", "a"]);
        assert!(plan.move_exercise(0, 0, 2, 0));
        assert_eq!(ids(&plan, 0, 0), ["a", "b", "c"]);
        assert!(!plan.move_exercise(0, 0, 0, 3));
        assert!(!plan.move_exercise(0, 0, 5, 0));
        assert!(!plan.move_exercise(9, 0, 0, 0));

        assert!(plan.copy_day(0, 0, 1, 3));
        assert_eq!(ids(&plan, 1, 3), ["a", "b", "c"]);
        assert!(!plan.copy_day(0, 0, 2, 3));
        assert!(!plan.copy_day(0, 8, 1, 3));

        assert!(plan.remove_exercise(0, 0, 1));
        assert_eq!(ids(&plan, 0, 0), ["a", "c"]);
        assert!(!plan.remove_exercise(0, 0, 2));
        assert!(!plan.remove_exercise(0, 9, 0));

        assert!(plan.clear_day(1, 3));
        assert!(plan.day(1, 3).unwrap().is_empty());
        assert!(!plan.clear_day(1, 7));

        assert_eq!(plan.add_week(), 2);
    }

    #[test]
    fn dates_map_to_weeks_from_the_monday_of_the_start_week() {
        // 2026-01-07 is a Wednesday; week 0 starts Monday 2026-01-05.
        let plan = Plan::new("test", date(2026, 1, 7), 2);
        assert_eq!(plan.first_monday(), date(2026, 1, 5));
        assert_eq!(plan.week_index_for(date(2026, 1, 4)), None);
        assert_eq!(plan.day_for(date(2026, 1, 5)), Some((0, 0)));
        assert_eq!(plan.day_for(date(2026, 1, 11)), Some((0, 6)));
        assert_eq!(plan.day_for(date(2026, 1, 12)), Some((1, 0)));
        assert_eq!(plan.day_for(date(2026, 1, 18)), Some((1, 6)));
        assert_eq!(plan.day_for(date(2026, 1, 19)), None);
        assert_eq!(plan.date_of(1, 2), Some(date(2026, 1, 14)));
        assert_eq!(plan.date_of(2, 0), None);
        assert_eq!(plan.date_of(0, 7), None);
    }

    #[test]
    fn clamping_keeps_numbers_in_range() {
        let mut p = PlannedExercise {
            exercise_id: "x".into(),
            sets: 0,
            reps: Some(200),
            hold_secs: Some(0),
            load_kg: Some(f32::NAN),
            rest_secs: 5000,
            tempo: Some(Tempo {
                lower_secs: 99,
                pause_secs: 0,
                lift_secs: 1,
            }),
            per_side: false,
            why: String::new(),
            rep_range: Some((60, 0)),
        };
        clamp_planned(&mut p);
        assert_eq!(p.sets, 1);
        assert_eq!(p.reps, Some(50));
        assert_eq!(p.hold_secs, Some(1));
        assert_eq!(p.load_kg, None);
        assert_eq!(p.rest_secs, 600);
        assert_eq!(p.tempo.map(|t| t.lower_secs), Some(20));
        assert_eq!(p.rep_range, Some((1, 50)));

        p.sets = 11;
        p.load_kg = Some(-3.0);
        p.hold_secs = Some(601);
        clamp_planned(&mut p);
        assert_eq!((p.sets, p.load_kg, p.hold_secs), (10, Some(0.0), Some(600)));
        p.load_kg = Some(1000.0);
        clamp_planned(&mut p);
        assert_eq!(p.load_kg, Some(500.0));
        p.load_kg = Some(f32::INFINITY);
        clamp_planned(&mut p);
        assert_eq!(p.load_kg, None);

        let mut log = SessionLog {
            day_index: 9,
            pain_during: 11,
            effort: 200,
            next_morning_pain: Some(12),
            entries: vec![ExerciseLog {
                exercise_id: "x".into(),
                sets_done: 20,
                reps_done: Some(99),
                hold_secs_done: Some(9999),
                load_kg: Some(f32::NAN),
            }],
            ..SessionLog::default()
        };
        clamp_log(&mut log);
        assert_eq!((log.day_index, log.pain_during, log.effort), (6, 10, 10));
        assert_eq!(log.next_morning_pain, Some(10));
        let e = &log.entries[0];
        assert_eq!(
            (e.sets_done, e.reps_done, e.hold_secs_done, e.load_kg),
            (10, Some(50), Some(600), None)
        );
    }

    #[test]
    fn old_saves_with_missing_fields_still_load() {
        let plan: Plan = ron::from_str("(name: \"Old\", start_date: \"2026-01-05\")").unwrap();
        assert_eq!(plan.name, "Old");
        assert!(plan.weeks.is_empty());
        let p: PlannedExercise =
            ron::from_str("(exercise_id: \"squat\", sets: 3, reps: Some(10))").unwrap();
        assert_eq!(
            (p.sets, p.reps, p.rest_secs, p.rep_range),
            (3, Some(10), 60, None)
        );
        let log: SessionLog =
            ron::from_str("(id: 4, date: \"2026-01-06\", pain_during: 2)").unwrap();
        assert_eq!(
            (log.id, log.pain_during, log.next_morning_pain),
            (4, 2, None)
        );
        let t: PainThresholds = ron::from_str("()").unwrap();
        assert_eq!(t, PainThresholds::default());
    }

    #[test]
    fn plans_round_trip_through_ron() {
        let mut plan = Plan::new("Round trip", date(2026, 3, 2), 1);
        let mut p = ex("squat");
        p.tempo = Some(Tempo {
            lower_secs: 3,
            pause_secs: 0,
            lift_secs: 3,
        });
        p.load_kg = Some(22.5);
        p.rep_range = Some((8, 12));
        plan.add_exercise(0, 2, p);
        plan.notes.push("note".into());
        let text = ron::to_string(&plan).unwrap();
        let back: Plan = ron::from_str(&text).unwrap();
        assert_eq!(back, plan);
    }

    #[test]
    fn thresholds_describe_the_rule() {
        let text = PainThresholds::default().describe();
        assert!(text.contains("3/10 or less"), "{text}");
        assert!(
            text.contains("no more than 1 point worse than before this stage of the plan began"),
            "{text}"
        );
        assert!(text.contains("no more than 1 point above"), "{text}");
        let strict = PainThresholds {
            max_next_morning_rise: 0,
            ..PainThresholds::default()
        }
        .describe();
        assert!(
            strict.contains("no worse than before this stage"),
            "{strict}"
        );
        let text = PainThresholds {
            max_during: 5,
            max_next_morning_rise: 2,
            allow_weekly_rise: true,
            ..PainThresholds::default()
        }
        .describe();
        assert!(text.contains("5/10 or less"), "{text}");
        assert!(text.contains("2 points worse"), "{text}");
        assert!(text.contains("is allowed"), "{text}");
    }

    #[test]
    fn pain_limits_come_from_the_programmes_content() {
        let content = Content::embedded().unwrap();
        let monitoring = &content.pain_monitoring;
        // The fallback equals the content's defaults, so a plan without content behaves the same.
        assert_eq!(
            PainThresholds::default(),
            PainThresholds::from_monitoring(monitoring, monitoring.default_max_during)
        );
        for programme in &content.programmes {
            let thresholds = PainThresholds::for_condition(&content, &programme.condition);
            assert_eq!(
                thresholds.max_during,
                programme
                    .max_pain_during
                    .unwrap_or(monitoring.default_max_during)
            );
        }
        assert_eq!(
            PainThresholds::for_condition(&content, "knee_osteoarthritis").max_during,
            5
        );
        assert_eq!(
            PainThresholds::for_condition(&content, "patellar_tendinopathy").max_during,
            3
        );
    }

    #[test]
    fn the_user_chooses_a_pain_limit_within_the_model() {
        let content = Content::embedded().unwrap();
        let monitoring = &content.pain_monitoring;
        let mut plan = Plan::new("p", date(2026, 1, 5), 1);
        plan.set_max_pain_during(5, monitoring).unwrap();
        assert_eq!(plan.pain_thresholds.max_during, 5);
        plan.set_max_pain_during(0, monitoring).unwrap();
        assert_eq!(plan.pain_thresholds.max_during, 0);
        let err = plan.set_max_pain_during(6, monitoring).unwrap_err();
        assert_eq!(
            err,
            PainLimitError {
                requested: 6,
                highest: 5
            }
        );
        assert!(err.to_string().contains("6/10"), "{err}");
        // Refused: the plan keeps its previous limit.
        assert_eq!(plan.pain_thresholds.max_during, 0);
        // Old saves without the new fields load with the defaults.
        let old: PainThresholds = ron::from_str("(max_during: 4)").unwrap();
        assert_eq!(old.weekly_rise_tolerance, 1);
        let log: SessionLog = ron::from_str("(pain_during: 2)").unwrap();
        assert_eq!(log.pain_before, None);
    }

    #[test]
    fn small_helpers() {
        assert_eq!(format_kg(20.0), "20");
        assert_eq!(format_kg(12.5), "12.5");
        assert_eq!(format_kg(4.2), "4.2");
        assert_eq!(day_name(0), "Monday");
        assert_eq!(day_name(6), "Sunday");
        assert_eq!(monday_of(date(2026, 1, 11)), date(2026, 1, 5));
        assert_eq!(next_log_id(&[]), 1);
        let logs = [
            SessionLog::new(7, date(2026, 1, 5), 0, 0),
            SessionLog::new(3, date(2026, 1, 6), 0, 1),
        ];
        assert_eq!(next_log_id(&logs), 8);
        let mut p = ex("squat");
        p.per_side = true;
        p.load_kg = Some(12.5);
        assert_eq!(p.dose_summary(), "3 × 10 each side, 12.5 kg");
        let hold = PlannedExercise {
            sets: 5,
            hold_secs: Some(45),
            ..PlannedExercise::default()
        };
        assert_eq!(hold.dose_summary(), "5 × 45 s hold");
        let log = ExerciseLog::from_planned(&p);
        assert_eq!(
            (log.sets_done, log.reps_done, log.load_kg),
            (3, Some(10), Some(12.5))
        );
    }
}
