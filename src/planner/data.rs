//! The planner's saved data (plan, session logs, pain limits, progression history) and the commands that
//! change it. `PlannerData::apply` is the only writer; the app saves to the store after every change.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::model::{PainThresholds, Plan, PlannedExercise, SessionLog, clamp_log, clamp_planned};
use super::progression::{Action, decide};
use super::{GenerateOptions, generate_programme, logs_for_exercise};
use crate::content::Content;
use crate::store::{Versioned, parse_envelope};

/// A change of dose made by the progression rules, kept so the user can see what changed and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Adjustment {
    pub date: NaiveDate,
    pub exercise_id: String,
    pub action: Action,
    pub reason: String,
    /// Dose before, e.g. "3 × 10".
    pub from: String,
    /// Dose after.
    pub to: String,
}

impl Default for Adjustment {
    fn default() -> Self {
        Self {
            date: NaiveDate::MIN,
            exercise_id: String::new(),
            action: Action::Hold,
            reason: String::new(),
            from: String::new(),
            to: String::new(),
        }
    }
}

/// Everything the planner keeps on disk (schema version 2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlannerData {
    pub plan: Option<Plan>,
    pub logs: Vec<SessionLog>,
    pub thresholds: PainThresholds,
    /// Progression changes, oldest first.
    pub adjustments: Vec<Adjustment>,
    /// Seconds of "get ready" before each set in the session runner.
    pub get_ready_secs: u16,
}

/// The first schema (version 1): a plan and logs only; pain limits were fixed and nothing was adjusted.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct PlannerDataV1 {
    plan: Option<Plan>,
    logs: Vec<SessionLog>,
}

/// Default get-ready countdown before a set.
pub const DEFAULT_GET_READY_SECS: u16 = 5;

impl Versioned for PlannerData {
    const CURRENT_VERSION: u32 = 2;

    fn migrate(version: u32, text: &str) -> Result<Self, String> {
        match version {
            1 => {
                let old = parse_envelope::<PlannerDataV1>(text)?.data;
                Ok(Self {
                    plan: old.plan,
                    logs: old.logs,
                    ..Self::default()
                })
            }
            other => Err(format!("no migration from version {other}")),
        }
    }
}

/// A change the planner UI asks for.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum PlannerCommand {
    /// Replace the plan with a generated programme (and use the condition's pain limits).
    Generate(GenerateOptions),
    /// Start an empty plan of this many weeks from a date.
    NewEmptyPlan {
        start_date: NaiveDate,
        weeks: usize,
    },
    DeletePlan,
    AddExercise {
        week: usize,
        day: usize,
        exercise_id: String,
    },
    RemoveExercise {
        week: usize,
        day: usize,
        index: usize,
    },
    MoveExercise {
        week: usize,
        day: usize,
        from: usize,
        to: usize,
    },
    /// Replace one planned exercise's dose (numbers are range-checked).
    EditExercise {
        week: usize,
        day: usize,
        index: usize,
        planned: PlannedExercise,
    },
    CopyDay {
        week: usize,
        from_day: usize,
        to_week: usize,
        to_day: usize,
    },
    ClearDay {
        week: usize,
        day: usize,
    },
    AddWeek,
    /// Record a finished session; progression runs for its exercises.
    LogSession(SessionLog),
    /// Record next-morning pain for a logged session; progression runs again with the full picture.
    SetNextMorningPain {
        log_id: u64,
        pain: u8,
    },
    SetThresholds(PainThresholds),
    SetGetReadySecs(u16),
}

/// What applying a command did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applied {
    /// The data changed and must be saved.
    Changed,
    /// Nothing to do (e.g. an index out of range).
    Unchanged,
    /// The command could not be carried out; the message is for the user.
    Refused(String),
}

impl Default for PlannerData {
    fn default() -> Self {
        Self {
            plan: None,
            logs: Vec::new(),
            thresholds: PainThresholds::default(),
            adjustments: Vec::new(),
            get_ready_secs: DEFAULT_GET_READY_SECS,
        }
    }
}

/// Most weeks a plan may have.
pub const MAX_PLAN_WEEKS: usize = 52;

impl PlannerData {
    /// Fresh data with default settings.
    pub fn new() -> Self {
        Self::default()
    }

    /// Applies one command. `red_flag_ticked` pauses progression.
    pub fn apply(
        &mut self,
        content: &Content,
        command: PlannerCommand,
        red_flag_ticked: bool,
    ) -> Applied {
        let changed = |ok: bool| {
            if ok {
                Applied::Changed
            } else {
                Applied::Unchanged
            }
        };
        match command {
            PlannerCommand::Generate(options) => match generate_programme(content, &options) {
                Ok(mut plan) => {
                    plan.id = self.next_plan_id();
                    self.thresholds = plan.pain_thresholds.clone();
                    self.plan = Some(plan);
                    Applied::Changed
                }
                Err(e) => Applied::Refused(e.to_string()),
            },
            PlannerCommand::NewEmptyPlan { start_date, weeks } => {
                let mut plan = Plan::new("My plan", start_date, weeks.clamp(1, MAX_PLAN_WEEKS));
                plan.id = self.next_plan_id();
                plan.intended_sessions_per_week = 3;
                self.plan = Some(plan);
                Applied::Changed
            }
            PlannerCommand::DeletePlan => changed(self.plan.take().is_some()),
            PlannerCommand::AddExercise {
                week,
                day,
                exercise_id,
            } => {
                let Some(exercise) = content.exercise(&exercise_id) else {
                    return Applied::Refused(format!("unknown exercise {exercise_id}"));
                };
                let planned =
                    PlannedExercise::from_default_dose(exercise, "Added by you".to_owned());
                changed(
                    self.plan
                        .as_mut()
                        .is_some_and(|p| p.add_exercise(week, day, planned)),
                )
            }
            PlannerCommand::RemoveExercise { week, day, index } => changed(
                self.plan
                    .as_mut()
                    .is_some_and(|p| p.remove_exercise(week, day, index)),
            ),
            PlannerCommand::MoveExercise {
                week,
                day,
                from,
                to,
            } => changed(
                self.plan
                    .as_mut()
                    .is_some_and(|p| p.move_exercise(week, day, from, to)),
            ),
            PlannerCommand::EditExercise {
                week,
                day,
                index,
                mut planned,
            } => {
                clamp_planned(&mut planned);
                let slot = self
                    .plan
                    .as_mut()
                    .and_then(|p| p.day_mut(week, day))
                    .and_then(|d| d.exercises.get_mut(index));
                match slot {
                    Some(slot) if *slot != planned => {
                        *slot = planned;
                        Applied::Changed
                    }
                    _ => Applied::Unchanged,
                }
            }
            PlannerCommand::CopyDay {
                week,
                from_day,
                to_week,
                to_day,
            } => changed(
                self.plan
                    .as_mut()
                    .is_some_and(|p| p.copy_day(week, from_day, to_week, to_day)),
            ),
            PlannerCommand::ClearDay { week, day } => {
                changed(self.plan.as_mut().is_some_and(|p| p.clear_day(week, day)))
            }
            PlannerCommand::AddWeek => match self.plan.as_mut() {
                Some(plan) if plan.weeks.len() < MAX_PLAN_WEEKS => {
                    plan.add_week();
                    Applied::Changed
                }
                _ => Applied::Unchanged,
            },
            PlannerCommand::LogSession(mut log) => {
                clamp_log(&mut log);
                log.progression_applied = false;
                log.plan_id = self.plan.as_ref().map_or(0, |p| p.id);
                let log_id = log.id;
                self.logs.push(log);
                self.progress_after(content, log_id, red_flag_ticked);
                Applied::Changed
            }
            PlannerCommand::SetNextMorningPain { log_id, pain } => {
                // Next-morning pain is recorded once; the rules then run with the full picture.
                let Some(log) = self
                    .logs
                    .iter_mut()
                    .find(|l| l.id == log_id && l.next_morning_pain.is_none())
                else {
                    return Applied::Unchanged;
                };
                log.next_morning_pain = Some(pain.min(10));
                self.progress_after(content, log_id, red_flag_ticked);
                Applied::Changed
            }
            PlannerCommand::SetThresholds(mut thresholds) => {
                thresholds.max_during = thresholds.max_during.min(10);
                thresholds.max_next_morning_rise = thresholds.max_next_morning_rise.min(10);
                changed(std::mem::replace(&mut self.thresholds, thresholds) != self.thresholds)
            }
            PlannerCommand::SetGetReadySecs(secs) => {
                let secs = secs.min(60);
                changed(std::mem::replace(&mut self.get_ready_secs, secs) != secs)
            }
        }
    }

    /// Runs the progression rules after the session `log_id`, at most once per session: Advance and Step back
    /// change every later occurrence of the exercise that still has the same planned dose as the next one (so a
    /// change carries through the current phase, while later programmed phases keep their own doses).
    /// Hold and Paused change nothing.
    fn progress_after(&mut self, content: &Content, log_id: u64, red_flag_ticked: bool) {
        let Some(log) = self.logs.iter().find(|l| l.id == log_id) else {
            return;
        };
        if log.progression_applied {
            return;
        }
        let date = log.date;
        let exercise_ids: Vec<String> = log.entries.iter().map(|e| e.exercise_id.clone()).collect();
        let Some(plan) = self.plan.as_mut() else {
            return;
        };
        let mut applied = false;
        for exercise_id in &exercise_ids {
            if content.exercise(exercise_id).is_none() {
                continue;
            }
            let Some(planned) = next_occurrence(plan, exercise_id, date) else {
                continue;
            };
            let history = logs_for_exercise(exercise_id, &self.logs);
            let decision = decide(&planned, &history, &self.thresholds, red_flag_ticked);
            if !matches!(decision.action, Action::Advance | Action::StepBack) {
                continue;
            }
            let mut new_dose = decision.new_dose.clone();
            clamp_planned(&mut new_dose);
            replace_later_doses(plan, &planned, &new_dose, date);
            applied = true;
            self.adjustments.push(Adjustment {
                date,
                exercise_id: exercise_id.clone(),
                action: decision.action,
                reason: decision.reason,
                from: planned.dose_summary(),
                to: new_dose.dose_summary(),
            });
        }
        if applied && let Some(log) = self.logs.iter_mut().find(|l| l.id == log_id) {
            log.progression_applied = true;
        }
    }

    /// An id no plan or log has used yet.
    fn next_plan_id(&self) -> u64 {
        let current = self.plan.as_ref().map_or(0, |p| p.id);
        let logged = self.logs.iter().map(|l| l.plan_id).max().unwrap_or(0);
        current.max(logged).saturating_add(1)
    }

    /// Progression status of a planned exercise right now (what the rules would do next), for display.
    pub fn status_of(&self, planned: &PlannedExercise, red_flag_ticked: bool) -> super::Decision {
        let history = logs_for_exercise(&planned.exercise_id, &self.logs);
        decide(planned, &history, &self.thresholds, red_flag_ticked)
    }

    /// The most recent log still waiting for its next-morning pain.
    pub fn awaiting_next_morning(&self) -> Option<&SessionLog> {
        self.logs
            .iter()
            .rev()
            .find(|l| l.next_morning_pain.is_none())
    }
}

/// Dates after `date` with a planned day, in order.
fn days_after(plan: &Plan, date: NaiveDate) -> impl Iterator<Item = (usize, usize)> + '_ {
    (0..plan.weeks.len())
        .flat_map(|week| (0..7).map(move |day| (week, day)))
        .filter(move |(week, day)| plan.date_of(*week, *day).is_some_and(|d| d > date))
}

/// The exercise's first planned dose strictly after `date`.
fn next_occurrence(plan: &Plan, exercise_id: &str, date: NaiveDate) -> Option<PlannedExercise> {
    days_after(plan, date).find_map(|(week, day)| {
        plan.day(week, day)
            .and_then(|d| d.exercises.iter().find(|e| e.exercise_id == exercise_id))
            .cloned()
    })
}

/// Replaces `old` with `new` wherever it is planned after `date`.
fn replace_later_doses(
    plan: &mut Plan,
    old: &PlannedExercise,
    new: &PlannedExercise,
    date: NaiveDate,
) {
    let slots: Vec<(usize, usize)> = days_after(plan, date).collect();
    for (week, day) in slots {
        if let Some(day_plan) = plan.day_mut(week, day) {
            for planned in day_plan.exercises.iter_mut().filter(|e| *e == old) {
                *planned = new.clone();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::planner::ExerciseLog;
    use crate::store::{LoadOutcome, Store};

    fn content() -> Content {
        Content::embedded().unwrap()
    }

    fn date(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
    }

    fn generated(content: &Content) -> PlannerData {
        let mut data = PlannerData::new();
        let options = GenerateOptions::new("patellofemoral_pain", date(23));
        assert_eq!(
            data.apply(content, PlannerCommand::Generate(options), false),
            Applied::Changed
        );
        data
    }

    fn session_log(data: &PlannerData, day: u32, pain: u8) -> SessionLog {
        let plan = data.plan.as_ref().unwrap();
        let (week, weekday) = plan.day_for(date(day)).unwrap();
        let mut log = SessionLog::new(
            crate::planner::next_log_id(&data.logs),
            date(day),
            week,
            weekday,
        );
        log.entries = plan
            .day(week, weekday)
            .unwrap()
            .exercises
            .iter()
            .map(ExerciseLog::from_planned)
            .collect();
        log.pain_during = pain;
        log.effort = 6;
        log
    }

    #[test]
    fn low_pain_then_settled_morning_advances_the_next_session() {
        let content = content();
        let mut data = generated(&content);
        let log = session_log(&data, 23, 1);
        let first = log.entries[0].exercise_id.clone();
        let id = log.id;
        data.apply(&content, PlannerCommand::LogSession(log), false);
        assert!(
            data.adjustments.is_empty(),
            "no change before next-morning pain is known"
        );
        data.apply(
            &content,
            PlannerCommand::SetNextMorningPain {
                log_id: id,
                pain: 1,
            },
            false,
        );
        let adjustment = data
            .adjustments
            .iter()
            .find(|a| a.exercise_id == first)
            .unwrap();
        assert_eq!(adjustment.action, Action::Advance, "{}", adjustment.reason);
        assert_ne!(adjustment.from, adjustment.to);
    }

    #[test]
    fn high_pain_steps_back_with_a_reason_naming_the_pain() {
        let content = content();
        let mut data = generated(&content);
        let log = session_log(&data, 23, 7);
        data.apply(&content, PlannerCommand::LogSession(log), false);
        assert!(!data.adjustments.is_empty());
        for a in &data.adjustments {
            assert_eq!(a.action, Action::StepBack);
            assert!(a.reason.contains('7'), "{}", a.reason);
        }
    }

    #[test]
    fn a_ticked_red_flag_stops_progress_but_still_eases_off() {
        let content = content();
        let mut data = generated(&content);
        let plan_before = data.plan.clone();
        let log = session_log(&data, 23, 1);
        let id = log.id;
        data.apply(&content, PlannerCommand::LogSession(log), true);
        data.apply(
            &content,
            PlannerCommand::SetNextMorningPain {
                log_id: id,
                pain: 0,
            },
            true,
        );
        assert_eq!(
            data.plan, plan_before,
            "no advance while a red flag is ticked"
        );
        let planned = &data.plan.as_ref().unwrap().weeks[0].days[0].exercises[0];
        assert_eq!(data.status_of(planned, true).action, Action::Paused);
        let painful = session_log(&data, 25, 8);
        data.apply(&content, PlannerCommand::LogSession(painful), true);
        assert!(
            data.adjustments
                .iter()
                .all(|a| a.action == Action::StepBack)
        );
        assert!(
            !data.adjustments.is_empty(),
            "high pain still eases the plan off"
        );
    }

    #[test]
    fn progression_acts_once_per_session_and_carries_through_the_phase() {
        let content = content();
        let mut data = generated(&content);
        let log = session_log(&data, 23, 8);
        let id = log.id;
        let first = log.entries[0].exercise_id.clone();
        data.apply(&content, PlannerCommand::LogSession(log), false);
        let after_log = data.plan.clone();
        // Entering next-morning pain (or entering it twice) does not step back a second time.
        data.apply(
            &content,
            PlannerCommand::SetNextMorningPain {
                log_id: id,
                pain: 6,
            },
            false,
        );
        let again = PlannerCommand::SetNextMorningPain {
            log_id: id,
            pain: 2,
        };
        assert_eq!(data.apply(&content, again, false), Applied::Unchanged);
        assert_eq!(data.plan, after_log);
        // Every later session of the same phase got the eased dose, not just the next one.
        let adjustment = data
            .adjustments
            .iter()
            .find(|a| a.exercise_id == first)
            .unwrap();
        let plan = data.plan.as_ref().unwrap();
        let later: Vec<String> = (0..plan.weeks.len())
            .flat_map(|w| (0..7).map(move |d| (w, d)))
            .filter(|(w, d)| {
                plan.date_of(*w, *d).is_some_and(|date| {
                    date > super::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
                })
            })
            .filter_map(|(w, d)| {
                plan.day(w, d)
                    .and_then(|day| day.exercises.iter().find(|e| e.exercise_id == first))
            })
            .map(PlannedExercise::dose_summary)
            .collect();
        assert!(
            later.iter().filter(|d| **d == adjustment.to).count() >= 2,
            "{later:?}"
        );
    }

    #[test]
    fn logs_of_a_replaced_plan_do_not_count_towards_the_new_one() {
        let content = content();
        let mut data = generated(&content);
        let log = session_log(&data, 23, 1);
        data.apply(&content, PlannerCommand::LogSession(log), false);
        let old_plan = data.plan.clone().unwrap();
        assert_eq!(
            crate::planner::adherence_per_week(&old_plan, &data.logs)[0].2,
            1
        );
        let options = GenerateOptions::new("meniscus_tear", date(23));
        data.apply(&content, PlannerCommand::Generate(options), false);
        let new_plan = data.plan.clone().unwrap();
        assert_ne!(new_plan.id, old_plan.id);
        assert!(
            crate::planner::adherence_per_week(&new_plan, &data.logs)
                .iter()
                .all(|(_, _, done)| *done == 0)
        );
    }

    #[test]
    fn defaults_keep_a_get_ready_countdown() {
        assert_eq!(
            PlannerData::default().get_ready_secs,
            DEFAULT_GET_READY_SECS
        );
        let recovered: PlannerData = ron::from_str("(plan: None)").unwrap();
        assert_eq!(recovered.get_ready_secs, DEFAULT_GET_READY_SECS);
    }

    #[test]
    fn edits_are_range_checked_and_bad_indices_ignored() {
        let content = content();
        let mut data = generated(&content);
        let mut planned = data.plan.as_ref().unwrap().weeks[0].days[0].exercises[0].clone();
        planned.sets = 0;
        planned.load_kg = Some(f32::NAN);
        let command = PlannerCommand::EditExercise {
            week: 0,
            day: 0,
            index: 0,
            planned,
        };
        assert_eq!(data.apply(&content, command, false), Applied::Changed);
        let stored = &data.plan.as_ref().unwrap().weeks[0].days[0].exercises[0];
        assert!(stored.sets >= 1);
        assert_eq!(stored.load_kg, None);
        let bad = PlannerCommand::RemoveExercise {
            week: 99,
            day: 0,
            index: 0,
        };
        assert_eq!(data.apply(&content, bad, false), Applied::Unchanged);
        let unknown = PlannerCommand::AddExercise {
            week: 0,
            day: 0,
            exercise_id: "moonwalk".into(),
        };
        assert!(matches!(
            data.apply(&content, unknown, false),
            Applied::Refused(_)
        ));
    }

    #[test]
    fn store_round_trip_and_migration_from_version_1() {
        let content = content();
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join("kneemap.ron"));
        let data = generated(&content);
        store.save(&data).unwrap();
        match store.load::<PlannerData>() {
            LoadOutcome::Loaded(loaded) => assert_eq!(loaded, data),
            other => panic!("{:?}", other.notice()),
        }
        // A version-1 file: plan and logs only.
        let plan_text = ron::to_string(data.plan.as_ref().unwrap()).unwrap();
        let v1 = format!(
            "(format: \"kneemap-store\", version: 1, data: (plan: Some({plan_text}), logs: []))"
        );
        std::fs::write(store.path(), v1).unwrap();
        match store.load::<PlannerData>() {
            LoadOutcome::Loaded(loaded) => {
                assert_eq!(loaded.plan, data.plan);
                assert_eq!(loaded.get_ready_secs, DEFAULT_GET_READY_SECS);
                assert_eq!(loaded.thresholds, PainThresholds::default());
            }
            other => panic!("{:?}", other.notice()),
        }
    }
}
