//! The planner's saved data (plan, session logs, pain limits, progression history) and the commands that
//! change it. `PlannerData::apply` is the only writer; the app saves to the store after every change.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::model::{PainThresholds, Plan, PlannedExercise, SessionLog, clamp_log, clamp_planned};
use super::progression::{Action, decide};
use super::{GenerateOptions, generate_programme, logs_for_exercise};
use crate::content::Content;
use crate::triage::{Safety, TRAINING_BLOCKED_REASON};

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
    /// The plan in use.
    pub plan: Option<Plan>,
    /// Plans replaced by a newer one (by "add as a new plan" on import), newest last; their logs stay too.
    pub earlier_plans: Vec<Plan>,
    pub logs: Vec<SessionLog>,
    /// Progression changes, oldest first.
    pub adjustments: Vec<Adjustment>,
    /// Seconds of "get ready" before each set in the session runner.
    pub get_ready_secs: u16,
}

/// Default get-ready countdown before a set.
pub const DEFAULT_GET_READY_SECS: u16 = 5;

/// Longest get-ready countdown, in seconds.
pub const MAX_GET_READY_SECS: u16 = 60;

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
    /// Use a plan from a `.kneemap-plan` file: as a new plan (the current one is kept as an earlier plan) or
    /// replacing the current one. It gets a fresh id.
    AddPlan {
        plan: Box<Plan>,
        keep_current: bool,
    },
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
    /// Move one planned exercise to the slot `to_index` of a day of the same week: the position in that day's list
    /// before the move (so on the same day, the slot just below the exercise leaves it where it is); past the end
    /// means last.
    MoveExerciseToDay {
        week: usize,
        from_day: usize,
        index: usize,
        to_day: usize,
        to_index: usize,
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
    /// The runner confirms a phase's start criteria on `on` (today): the phase starts, if the pain rules and the
    /// red flags allow and its first week has come.
    ConfirmPhaseStart {
        phase_index: usize,
        on: NaiveDate,
    },
    /// "Not yet": repeat the last week of the previous phase, so this phase starts a week later.
    RepeatWeekBeforePhase {
        phase_index: usize,
    },
}

impl PlannerCommand {
    /// An edit of the plan by the user, which undo can take back (logging and settings are not; the pain limits
    /// are part of the plan, so changing them is an edit).
    pub fn is_plan_edit(&self) -> bool {
        !matches!(
            self,
            Self::LogSession(_) | Self::SetNextMorningPain { .. } | Self::SetGetReadySecs(_)
        )
    }
}

/// What applying a command did.
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
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
            earlier_plans: Vec::new(),
            logs: Vec::new(),
            adjustments: Vec::new(),
            get_ready_secs: DEFAULT_GET_READY_SECS,
        }
    }
}

/// Session length the generator suggests until the user picks one, in minutes.
pub const DEFAULT_SESSION_MINUTES: u16 = 40;

/// Shortest and longest session the generator plans, in minutes.
pub const SESSION_MINUTES_RANGE: std::ops::RangeInclusive<u16> = 15..=90;

/// Weeks of an empty plan started by hand.
pub const DEFAULT_EMPTY_PLAN_WEEKS: usize = 6;

pub use crate::limits::MAX_PLAN_WEEKS;

impl PlannerData {
    /// Fresh data with default settings.
    pub fn new() -> Self {
        Self::default()
    }

    /// Applies one command. Any ticked red flag pauses progression; a same-day or emergency flag also refuses
    /// what would add training (a generated programme, added or copied exercises, a harder dose), with the
    /// reason. Removing, clearing, moving and easing off always work.
    pub fn apply(&mut self, content: &Content, command: PlannerCommand, safety: Safety) -> Applied {
        if safety.training_blocked() && self.adds_training(&command) {
            return Applied::Refused(TRAINING_BLOCKED_REASON.to_owned());
        }
        let red_flag_ticked = safety.progression_paused();
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
            PlannerCommand::AddPlan { plan, keep_current } => {
                let mut plan = *plan;
                plan.id = self.next_plan_id();
                if plan.weeks.is_empty() || plan.weeks.len() > MAX_PLAN_WEEKS {
                    return Applied::Refused(format!(
                        "A plan needs 1 to {MAX_PLAN_WEEKS} weeks; this one has {}.",
                        plan.weeks.len()
                    ));
                }
                for day in plan.weeks.iter_mut().flat_map(|w| w.days.iter_mut()) {
                    day.exercises
                        .retain(|e| content.exercise(&e.exercise_id).is_some());
                    for planned in &mut day.exercises {
                        clamp_planned(planned);
                    }
                }
                if let Some(current) = self.plan.take()
                    && keep_current
                {
                    self.earlier_plans.push(current);
                }
                self.plan = Some(plan);
                Applied::Changed
            }
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
            PlannerCommand::MoveExerciseToDay {
                week,
                from_day,
                index,
                to_day,
                to_index,
            } => changed(self.plan.as_mut().is_some_and(|plan| {
                move_between_days(plan, week, (from_day, index), (to_day, to_index))
            })),
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
                // The limits live on the plan only; the limit during exercise is checked against the
                // pain-monitoring model (at most 5/10).
                let Some(plan) = self.plan.as_mut() else {
                    return Applied::Refused(
                        "Pain limits belong to a plan: make or generate a plan first.".to_owned(),
                    );
                };
                let highest = content.pain_monitoring.highest_max_during;
                if thresholds.max_during > highest {
                    return Applied::Refused(
                        super::model::PainLimitError {
                            requested: thresholds.max_during,
                            highest,
                        }
                        .to_string(),
                    );
                }
                thresholds.max_next_morning_rise = thresholds
                    .max_next_morning_rise
                    .min(crate::pain::PAIN_SCALE_MAX);
                thresholds.weekly_rise_tolerance = thresholds
                    .weekly_rise_tolerance
                    .min(crate::pain::PAIN_SCALE_MAX);
                changed(
                    std::mem::replace(&mut plan.pain_thresholds, thresholds)
                        != plan.pain_thresholds,
                )
            }
            PlannerCommand::ConfirmPhaseStart { phase_index, on } => {
                match self.confirm_phase_start(phase_index, on, red_flag_ticked) {
                    Ok(()) => Applied::Changed,
                    Err(reason) => Applied::Refused(reason),
                }
            }
            PlannerCommand::RepeatWeekBeforePhase { phase_index } => {
                let Some(plan) = self.plan.as_mut() else {
                    return Applied::Unchanged;
                };
                if plan.weeks.len() >= MAX_PLAN_WEEKS {
                    return Applied::Refused(format!(
                        "The plan already has {MAX_PLAN_WEEKS} weeks, the most a plan can have."
                    ));
                }
                changed(plan.repeat_week_before_phase(phase_index))
            }
            PlannerCommand::SetGetReadySecs(secs) => {
                let secs = secs.min(MAX_GET_READY_SECS);
                changed(std::mem::replace(&mut self.get_ready_secs, secs) != secs)
            }
        }
    }

    /// Starts the phase `phase_index` on `on` once its criteria are confirmed: refused while a red flag is ticked,
    /// before its first week, while an earlier phase still waits, or unless the pain rule passes the latest
    /// session (within the limit, settled back by the next morning, not creeping up week on week).
    fn confirm_phase_start(
        &mut self,
        phase_index: usize,
        on: NaiveDate,
        red_flag_ticked: bool,
    ) -> Result<(), String> {
        let plan = self.plan.as_ref().ok_or("There is no plan yet.")?;
        let phase = plan
            .phases
            .get(phase_index)
            .filter(|p| p.waits_for_confirmation())
            .ok_or("That stage does not wait for a confirmation.")?;
        if red_flag_ticked {
            return Err(format!(
                "A red flag is ticked: \"{}\" waits until the knee has been assessed.",
                phase.name
            ));
        }
        if let Some((_, earlier)) = plan
            .unconfirmed_phase_by(phase.first_week_index)
            .filter(|(index, _)| *index < phase_index)
        {
            return Err(format!("\"{}\" has to start first.", earlier.name));
        }
        let earliest = plan.week_start_date(phase.first_week_index);
        if on < earliest {
            return Err(format!(
                "The earliest \"{}\" can start is week {} ({}).",
                phase.name,
                phase.first_week_index + 1,
                earliest.format("%-d %b %Y")
            ));
        }
        let mut samples: Vec<crate::pain::PainSample> = self
            .logs
            .iter()
            .filter(|l| l.plan_id == plan.id && l.date <= on)
            .map(super::progression::pain_sample)
            .collect();
        samples.sort_by_key(|s| s.date);
        // The stage being judged is the one the latest session belonged to (the phase before this one).
        let judged_on = samples.last().map_or(on, |s| s.date);
        let judgement = crate::pain::judge(
            &samples,
            stage_baseline(plan, &self.logs, judged_on),
            &plan.pain_thresholds,
            false,
        );
        if judgement.verdict != crate::pain::Verdict::Pass {
            let why = if judgement.rule == crate::pain::PainRule::NoHistory {
                "log a session of the current stage first".to_owned()
            } else {
                judgement.reason.trim_end_matches('.').to_owned()
            };
            return Err(format!(
                "\"{}\" can start when the pain rules allow: {why}.",
                phase.name
            ));
        }
        if let Some(phase) = self
            .plan
            .as_mut()
            .and_then(|p| p.phases.get_mut(phase_index))
        {
            phase.started_on = Some(on);
        }
        Ok(())
    }

    /// Whether `command` would make training harder: a new programme, more exercises, or a higher dose.
    fn adds_training(&self, command: &PlannerCommand) -> bool {
        match command {
            PlannerCommand::Generate(_)
            | PlannerCommand::ConfirmPhaseStart { .. }
            | PlannerCommand::AddPlan { .. }
            | PlannerCommand::AddExercise { .. }
            | PlannerCommand::CopyDay { .. } => true,
            PlannerCommand::EditExercise {
                week,
                day,
                index,
                planned,
            } => self
                .plan
                .as_ref()
                .and_then(|p| p.day(*week, *day))
                .and_then(|d| d.exercises.get(*index))
                .is_some_and(|old| raises_dose(old, planned)),
            _ => false,
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
        let Some(baseline_plan) = self.plan.as_ref() else {
            return;
        };
        let baseline = stage_baseline(baseline_plan, &self.logs, date);
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
            let decision = decide(
                &planned,
                &history,
                &plan.pain_thresholds,
                baseline,
                red_flag_ticked,
            );
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
        let current = self
            .plan
            .iter()
            .chain(&self.earlier_plans)
            .map(|p| p.id)
            .max()
            .unwrap_or(0);
        let logged = self.logs.iter().map(|l| l.plan_id).max().unwrap_or(0);
        current.max(logged).saturating_add(1)
    }

    /// Progression status of a planned exercise right now (what the rules would do next), for display.
    pub fn status_of(
        &self,
        planned: &PlannedExercise,
        today: NaiveDate,
        red_flag_ticked: bool,
    ) -> super::Decision {
        let history = logs_for_exercise(&planned.exercise_id, &self.logs);
        let baseline = self
            .plan
            .as_ref()
            .and_then(|plan| stage_baseline(plan, &self.logs, today));
        decide(
            planned,
            &history,
            self.thresholds(),
            baseline,
            red_flag_ticked,
        )
    }

    /// The pain limits in use: the plan's (they live on the plan only), or the defaults without a plan.
    pub fn thresholds(&self) -> &PainThresholds {
        self.plan
            .as_ref()
            .map_or(&crate::pain::DEFAULT_PAIN_THRESHOLDS, |plan| {
                &plan.pain_thresholds
            })
    }

    /// Whether the current plan is stuck (two ease-offs in its current phase, or no step forward for six weeks
    /// of logged sessions), with the reason to see a physiotherapist. `None` without a plan.
    pub fn stuck(&self, today: NaiveDate) -> Option<crate::pain::Stuck> {
        let plan = self.plan.as_ref()?;
        let stage_of = |date: NaiveDate| stage_index(plan, date);
        let mut steps: Vec<crate::pain::StageStep> = Vec::new();
        for adjustment in self
            .adjustments
            .iter()
            .filter(|a| a.date >= plan.start_date)
        {
            let forward = match adjustment.action {
                Action::Advance => true,
                Action::StepBack => false,
                Action::Hold | Action::Paused => continue,
            };
            // One session eases off every exercise it judged: count it once.
            if steps
                .iter()
                .any(|s| s.date == adjustment.date && s.forward == forward)
            {
                continue;
            }
            steps.push(crate::pain::StageStep {
                date: adjustment.date,
                stage: stage_of(adjustment.date),
                forward,
            });
        }
        let last_session = self
            .logs
            .iter()
            .filter(|l| l.plan_id == plan.id)
            .map(|l| l.date)
            .max();
        crate::pain::stuck(
            &steps,
            stage_of(today),
            plan.start_date,
            last_session,
            today,
        )
    }

    /// The most recent log still waiting for its next-morning pain.
    pub fn awaiting_next_morning(&self) -> Option<&SessionLog> {
        self.logs
            .iter()
            .rev()
            .find(|l| l.next_morning_pain.is_none())
    }
}

/// The plan's stage on `date`: the index of its phase (0 for a plan without phases, or before the first).
pub fn stage_index(plan: &Plan, date: NaiveDate) -> usize {
    let Some(week) = plan.week_index_for(date) else {
        return if date < plan.start_date {
            0
        } else {
            plan.phases.len().saturating_sub(1)
        };
    };
    plan.phases
        .iter()
        .position(|p| (p.first_week_index..=p.last_week_index).contains(&week))
        .unwrap_or(0)
}

/// The pain before the plan's current stage (the phase holding `date`, or the whole plan without phases) began:
/// the pain before the stage's first logged session, or else the last next-morning pain logged before the
/// stage. The pain rule compares next mornings with it, so a flare must settle back before anything advances.
pub fn stage_baseline(plan: &Plan, logs: &[SessionLog], date: NaiveDate) -> Option<u8> {
    let stage_start = plan
        .phases
        .get(stage_index(plan, date))
        .map_or(plan.start_date, |phase| {
            plan.first_monday()
                + chrono::Duration::weeks(i64::try_from(phase.first_week_index).unwrap_or(0))
        })
        .max(plan.start_date);
    let mut own: Vec<&SessionLog> = logs.iter().filter(|l| l.plan_id == plan.id).collect();
    own.sort_by_key(|l| (l.date, l.id));
    let first_in_stage = own.iter().find(|l| l.date >= stage_start && l.date <= date);
    let before_stage = own
        .iter()
        .rev()
        .filter(|l| l.date < stage_start)
        .find_map(|l| l.next_morning_pain);
    match (first_in_stage.and_then(|l| l.pain_before), before_stage) {
        (Some(before), Some(morning)) => Some(before.min(morning)),
        (Some(before), None) => Some(before),
        (None, morning) => morning,
    }
}

/// Moves the exercise at `(day, index)` of `week` to `(to_day, to_index)`; within one day it is a reorder. False
/// (and no change) when the source is out of range or the move changes nothing.
fn move_between_days(
    plan: &mut Plan,
    week: usize,
    (from_day, index): (usize, usize),
    (to_day, to_index): (usize, usize),
) -> bool {
    if from_day == to_day {
        let len = plan.day(week, from_day).map_or(0, |d| d.exercises.len());
        // Taking the exercise out first shifts the slots below it up by one.
        let slot = if to_index > index {
            to_index - 1
        } else {
            to_index
        };
        let to = slot.min(len.saturating_sub(1));
        return to != index && plan.move_exercise(week, from_day, index, to);
    }
    if plan.day(week, to_day).is_none() {
        return false;
    }
    let Some(item) = plan
        .day_mut(week, from_day)
        .filter(|d| index < d.exercises.len())
        .map(|d| d.exercises.remove(index))
    else {
        return false;
    };
    match plan.day_mut(week, to_day) {
        Some(target) => {
            let at = to_index.min(target.exercises.len());
            target.exercises.insert(at, item);
            true
        }
        None => false,
    }
}

/// True when `new` asks more than `old` in any way: more sets, reps, hold time or load, or less rest.
pub fn raises_dose(old: &PlannedExercise, new: &PlannedExercise) -> bool {
    let more = |a: Option<u16>, b: Option<u16>| b.unwrap_or(0) > a.unwrap_or(0);
    new.sets > old.sets
        || more(old.reps.map(u16::from), new.reps.map(u16::from))
        || more(old.hold_secs, new.hold_secs)
        || new.load_kg.unwrap_or(0.0) > old.load_kg.unwrap_or(0.0)
        || new.rest_secs < old.rest_secs
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
    use crate::content::Urgency;
    use crate::planner::ExerciseLog;

    /// A "book an appointment" flag is ticked: progression pauses, training goes on.
    const PAUSED: Safety = Safety {
        most_urgent: Some(Urgency::Soon),
    };
    /// A same-day flag is ticked: training stops until assessed.
    const BLOCKED: Safety = Safety {
        most_urgent: Some(Urgency::SameDay),
    };

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
            data.apply(content, PlannerCommand::Generate(options), Safety::CLEAR),
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
        assert_eq!(
            data.apply(&content, PlannerCommand::LogSession(log), Safety::CLEAR),
            Applied::Changed
        );
        assert!(
            data.adjustments.is_empty(),
            "no change before next-morning pain is known"
        );
        assert_eq!(
            data.apply(
                &content,
                PlannerCommand::SetNextMorningPain {
                    log_id: id,
                    pain: 1,
                },
                Safety::CLEAR,
            ),
            Applied::Changed
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
        assert_eq!(
            data.apply(&content, PlannerCommand::LogSession(log), Safety::CLEAR),
            Applied::Changed
        );
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
        assert_eq!(
            data.apply(&content, PlannerCommand::LogSession(log), PAUSED),
            Applied::Changed
        );
        assert_eq!(
            data.apply(
                &content,
                PlannerCommand::SetNextMorningPain {
                    log_id: id,
                    pain: 0,
                },
                PAUSED,
            ),
            Applied::Changed
        );
        assert_eq!(
            data.plan, plan_before,
            "no advance while a red flag is ticked"
        );
        let planned = &data.plan.as_ref().unwrap().weeks[0].days[0].exercises[0];
        assert_eq!(
            data.status_of(planned, NaiveDate::MIN, true).action,
            Action::Paused
        );
        let painful = session_log(&data, 25, 8);
        assert_eq!(
            data.apply(&content, PlannerCommand::LogSession(painful), PAUSED),
            Applied::Changed
        );
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
        assert_eq!(
            data.apply(&content, PlannerCommand::LogSession(log), Safety::CLEAR),
            Applied::Changed
        );
        let after_log = data.plan.clone();
        // Entering next-morning pain (or entering it twice) does not step back a second time.
        assert_eq!(
            data.apply(
                &content,
                PlannerCommand::SetNextMorningPain {
                    log_id: id,
                    pain: 6,
                },
                Safety::CLEAR,
            ),
            Applied::Changed
        );
        let again = PlannerCommand::SetNextMorningPain {
            log_id: id,
            pain: 2,
        };
        assert_eq!(
            data.apply(&content, again, Safety::CLEAR),
            Applied::Unchanged
        );
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
        assert_eq!(
            data.apply(&content, PlannerCommand::LogSession(log), Safety::CLEAR),
            Applied::Changed
        );
        let old_plan = data.plan.clone().unwrap();
        assert_eq!(
            crate::planner::adherence_per_week(&old_plan, &data.logs)[0].2,
            1
        );
        let options = GenerateOptions::new("meniscus_tear", date(23));
        assert_eq!(
            data.apply(&content, PlannerCommand::Generate(options), Safety::CLEAR),
            Applied::Changed
        );
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
        assert_eq!(
            data.apply(&content, command, Safety::CLEAR),
            Applied::Changed
        );
        let stored = &data.plan.as_ref().unwrap().weeks[0].days[0].exercises[0];
        assert!(stored.sets >= 1);
        assert_eq!(stored.load_kg, None);
        let bad = PlannerCommand::RemoveExercise {
            week: 99,
            day: 0,
            index: 0,
        };
        assert_eq!(data.apply(&content, bad, Safety::CLEAR), Applied::Unchanged);
        let unknown = PlannerCommand::AddExercise {
            week: 0,
            day: 0,
            exercise_id: "moonwalk".into(),
        };
        assert!(matches!(
            data.apply(&content, unknown, Safety::CLEAR),
            Applied::Refused(_)
        ));
    }

    #[test]
    fn same_day_flag_refuses_what_adds_training_and_allows_easing_off() {
        let content = content();
        let mut data = generated(&content);
        let plan = data.plan.clone().unwrap();
        let (week, day) = (0..7)
            .find_map(|day| plan.day(0, day).filter(|d| !d.is_empty()).map(|_| (0, day)))
            .unwrap();
        let first = plan.day(week, day).unwrap().exercises[0].clone();

        let refused = |applied: Applied| {
            assert_eq!(
                applied,
                Applied::Refused(TRAINING_BLOCKED_REASON.to_owned())
            );
        };
        refused(data.apply(
            &content,
            PlannerCommand::Generate(GenerateOptions::new("patellofemoral_pain", date(23))),
            BLOCKED,
        ));
        refused(data.apply(
            &content,
            PlannerCommand::AddExercise {
                week,
                day,
                exercise_id: first.exercise_id.clone(),
            },
            BLOCKED,
        ));
        refused(data.apply(
            &content,
            PlannerCommand::CopyDay {
                week,
                from_day: day,
                to_week: week,
                to_day: (day + 1) % 7,
            },
            BLOCKED,
        ));
        let mut harder = first.clone();
        harder.sets += 1;
        refused(data.apply(
            &content,
            PlannerCommand::EditExercise {
                week,
                day,
                index: 0,
                planned: harder,
            },
            BLOCKED,
        ));
        assert_eq!(data.plan.as_ref(), Some(&plan), "nothing changed");

        let mut easier = first.clone();
        easier.sets = easier.sets.saturating_sub(1).max(1);
        easier.rest_secs += 30;
        assert_eq!(
            data.apply(
                &content,
                PlannerCommand::EditExercise {
                    week,
                    day,
                    index: 0,
                    planned: easier.clone(),
                },
                BLOCKED,
            ),
            Applied::Changed
        );
        assert_eq!(
            data.apply(
                &content,
                PlannerCommand::RemoveExercise {
                    week,
                    day,
                    index: 0
                },
                BLOCKED,
            ),
            Applied::Changed
        );
        // A flag that only says "book an appointment" pauses progression but lets training go on.
        assert_eq!(
            data.apply(
                &content,
                PlannerCommand::AddExercise {
                    week,
                    day,
                    exercise_id: first.exercise_id,
                },
                PAUSED,
            ),
            Applied::Changed
        );
    }

    #[test]
    fn raising_a_dose_is_any_increase() {
        let base = PlannedExercise {
            exercise_id: "x".to_owned(),
            sets: 3,
            reps: Some(10),
            hold_secs: None,
            load_kg: Some(10.0),
            rest_secs: 90,
            ..PlannedExercise::default()
        };
        assert!(!raises_dose(&base, &base));
        for change in [
            |p: &mut PlannedExercise| p.sets = 4,
            |p: &mut PlannedExercise| p.reps = Some(11),
            |p: &mut PlannedExercise| p.hold_secs = Some(5),
            |p: &mut PlannedExercise| p.load_kg = Some(12.5),
            |p: &mut PlannedExercise| p.rest_secs = 60,
        ] {
            let mut harder = base.clone();
            change(&mut harder);
            assert!(raises_dose(&base, &harder), "{harder:?}");
        }
        let mut lighter = base.clone();
        lighter.load_kg = None;
        lighter.reps = Some(8);
        assert!(!raises_dose(&base, &lighter));
    }

    #[test]
    fn an_exercise_moves_to_another_day_at_a_position() {
        let content = content();
        let mut data = generated(&content);
        let plan = data.plan.clone().unwrap();
        let from_day = (0..7)
            .find(|d| plan.weeks[0].days[*d].exercises.len() >= 2)
            .unwrap();
        let to_day = (0..7)
            .find(|d| plan.weeks[0].days[*d].exercises.len() >= 2 && *d != from_day)
            .unwrap();
        let moving = plan.weeks[0].days[from_day].exercises[1].clone();
        let move_to = |to_day, to_index| PlannerCommand::MoveExerciseToDay {
            week: 0,
            from_day,
            index: 1,
            to_day,
            to_index,
        };
        assert_eq!(
            data.apply(&content, move_to(to_day, 0), BLOCKED),
            Applied::Changed,
            "moving is not harder"
        );
        let after = data.plan.as_ref().unwrap();
        assert_eq!(after.weeks[0].days[to_day].exercises[0], moving);
        assert_eq!(
            after.weeks[0].days[from_day].exercises.len(),
            plan.weeks[0].days[from_day].exercises.len() - 1
        );
        // Past the end lands last; a missing source or target changes nothing.
        let mut data = generated(&content);
        assert_eq!(
            data.apply(&content, move_to(to_day, 99), Safety::CLEAR),
            Applied::Changed
        );
        assert_eq!(
            data.plan.as_ref().unwrap().weeks[0].days[to_day]
                .exercises
                .last(),
            Some(&moving)
        );
        let before = data.plan.clone();
        assert_eq!(
            data.apply(&content, move_to(9, 0), Safety::CLEAR),
            Applied::Unchanged
        );
        let bad_index = PlannerCommand::MoveExerciseToDay {
            week: 0,
            from_day,
            index: 50,
            to_day,
            to_index: 0,
        };
        assert_eq!(
            data.apply(&content, bad_index, Safety::CLEAR),
            Applied::Unchanged
        );
        assert_eq!(data.plan, before);
        // Within a day it is a reorder; onto itself, nothing.
        assert_eq!(
            data.apply(&content, move_to(from_day, 0), Safety::CLEAR),
            Applied::Changed
        );
        assert_eq!(
            data.apply(&content, move_to(from_day, 1), Safety::CLEAR),
            Applied::Unchanged
        );
        assert_eq!(
            data.apply(&content, move_to(from_day, 2), Safety::CLEAR),
            Applied::Unchanged
        );
        let first = data.plan.as_ref().unwrap().weeks[0].days[from_day].exercises[0].clone();
        let from_top = PlannerCommand::MoveExerciseToDay {
            week: 0,
            from_day,
            index: 0,
            to_day: from_day,
            to_index: 99,
        };
        assert_eq!(
            data.apply(&content, from_top, Safety::CLEAR),
            Applied::Changed
        );
        assert_eq!(
            data.plan.as_ref().unwrap().weeks[0].days[from_day]
                .exercises
                .last(),
            Some(&first)
        );
    }

    #[test]
    fn an_added_plan_keeps_or_replaces_the_current_one_and_gets_a_fresh_id() {
        let content = content();
        let mut data = generated(&content);
        let first = data.plan.clone().unwrap();
        let mut incoming = first.clone();
        incoming.id = 0;
        incoming.name = "From my physio".to_owned();
        let add = |keep_current| PlannerCommand::AddPlan {
            plan: Box::new(incoming.clone()),
            keep_current,
        };
        assert_eq!(
            data.apply(&content, add(true), BLOCKED),
            Applied::Refused(TRAINING_BLOCKED_REASON.to_owned())
        );
        assert_eq!(
            data.apply(&content, add(true), Safety::CLEAR),
            Applied::Changed
        );
        let added = data.plan.clone().unwrap();
        assert_eq!(added.name, "From my physio");
        assert!(added.id > first.id);
        assert_eq!(data.earlier_plans, vec![first.clone()]);
        assert_eq!(
            data.apply(&content, add(false), Safety::CLEAR),
            Applied::Changed
        );
        assert_eq!(data.earlier_plans.len(), 1, "replacing keeps no copy");
        assert!(data.plan.as_ref().unwrap().id > added.id);
        let mut empty = incoming.clone();
        empty.weeks.clear();
        assert!(matches!(
            data.apply(
                &content,
                PlannerCommand::AddPlan {
                    plan: Box::new(empty),
                    keep_current: true
                },
                Safety::CLEAR
            ),
            Applied::Refused(_)
        ));
    }

    #[test]
    fn the_pain_limit_is_checked_against_the_model_and_reaches_the_plan() {
        let content = content();
        let mut data = generated(&content);
        let mut thresholds = data.thresholds().clone();
        thresholds.max_during = content.pain_monitoring.highest_max_during;
        assert_eq!(
            data.apply(
                &content,
                PlannerCommand::SetThresholds(thresholds.clone()),
                Safety::CLEAR
            ),
            Applied::Changed
        );
        assert_eq!(data.plan.as_ref().unwrap().pain_thresholds, thresholds);
        let mut too_high = thresholds.clone();
        too_high.max_during += 1;
        assert!(matches!(
            data.apply(&content, PlannerCommand::SetThresholds(too_high), Safety::CLEAR),
            Applied::Refused(reason) if reason.contains("/10")
        ));
        assert_eq!(*data.thresholds(), thresholds, "nothing changed");
    }

    fn tendon_plan(content: &Content) -> PlannerData {
        let mut data = PlannerData::new();
        let options = GenerateOptions {
            age_band: Some(crate::content::AgeBand::Age16To39),
            ..GenerateOptions::new("patellar_tendinopathy", date(23))
        };
        assert_eq!(
            data.apply(content, PlannerCommand::Generate(options), Safety::CLEAR),
            Applied::Changed
        );
        data
    }

    #[test]
    fn a_phase_with_criteria_waits_for_them_and_the_pain_rules() {
        let content = content();
        let mut data = tendon_plan(&content);
        let plan = data.plan.as_ref().unwrap();
        let (isotonic, phase) = plan.unconfirmed_phase_by(usize::MAX).unwrap();
        assert_eq!(isotonic, 1, "the first phase starts with the plan");
        assert!(!phase.start_criteria.is_empty());
        let earliest = plan.week_start_date(phase.first_week_index);
        let confirm = |on| PlannerCommand::ConfirmPhaseStart {
            phase_index: isotonic,
            on,
        };
        // Not before its first week.
        let refused = data.apply(&content, confirm(date(24)), Safety::CLEAR);
        assert!(
            matches!(&refused, Applied::Refused(r) if r.contains("earliest")),
            "{refused:?}"
        );
        // Not without a logged session of the stage before, and not under a red flag.
        assert!(matches!(
            data.apply(&content, confirm(earliest), Safety::CLEAR),
            Applied::Refused(r) if r.contains("log a session")
        ));
        assert!(matches!(
            data.apply(&content, confirm(earliest), PAUSED),
            Applied::Refused(r) if r.contains("red flag")
        ));
        // A flare that has not settled back: refused with the pain rule's reason.
        let mut first = session_log(&data, 23, 1);
        first.pain_before = Some(1);
        first.next_morning_pain = Some(1);
        let mut flare = session_log(&data, 25, 2);
        flare.pain_before = Some(3);
        flare.next_morning_pain = Some(4);
        for log in [first, flare] {
            let _ = data.apply(&content, PlannerCommand::LogSession(log), Safety::CLEAR);
        }
        let refused = data.apply(&content, confirm(earliest), Safety::CLEAR);
        assert!(
            matches!(&refused, Applied::Refused(r) if r.contains("settle back")),
            "{refused:?}"
        );
        // Sessions of the waiting phase do not start.
        let mut settled = session_log(&data, 27, 1);
        settled.pain_before = Some(1);
        settled.next_morning_pain = Some(1);
        let _ = data.apply(&content, PlannerCommand::LogSession(settled), Safety::CLEAR);
        assert_eq!(
            data.apply(&content, confirm(earliest), Safety::CLEAR),
            Applied::Changed
        );
        let plan = data.plan.as_ref().unwrap();
        assert_eq!(plan.phases[isotonic].started_on, Some(earliest));
        assert_eq!(plan.unconfirmed_phase_by(3).map(|(i, _)| i), None);
        assert_eq!(
            plan.unconfirmed_phase_by(usize::MAX).map(|(i, _)| i),
            Some(2)
        );
    }

    #[test]
    fn not_yet_repeats_a_week_of_the_stage_before() {
        let content = content();
        let mut data = tendon_plan(&content);
        let before = data.plan.clone().unwrap();
        assert_eq!(
            data.apply(
                &content,
                PlannerCommand::RepeatWeekBeforePhase { phase_index: 1 },
                Safety::CLEAR
            ),
            Applied::Changed
        );
        let after = data.plan.as_ref().unwrap();
        assert_eq!(after.weeks.len(), before.weeks.len() + 1);
        assert_eq!(
            after.phases[0].last_week_index,
            before.phases[0].last_week_index + 1
        );
        for (a, b) in after.phases.iter().zip(&before.phases).skip(1) {
            assert_eq!(a.first_week_index, b.first_week_index + 1);
            assert_eq!(a.last_week_index, b.last_week_index + 1);
        }
        // The repeated week is the isometric week before it.
        assert_eq!(after.weeks[2], before.weeks[1]);
    }

    #[test]
    fn pain_limits_live_on_the_plan_and_need_one() {
        let content = content();
        let mut data = PlannerData::new();
        assert_eq!(*data.thresholds(), PainThresholds::default());
        assert!(matches!(
            data.apply(
                &content,
                PlannerCommand::SetThresholds(PainThresholds::default()),
                Safety::CLEAR
            ),
            Applied::Refused(r) if r.contains("plan first")
        ));
        assert!(PlannerCommand::SetThresholds(PainThresholds::default()).is_plan_edit());
    }

    #[test]
    fn two_ease_offs_in_a_phase_say_see_a_physiotherapist() {
        let content = content();
        let mut data = generated(&content);
        assert!(data.stuck(date(30)).is_none());
        for (day, pain) in [(23, 6), (25, 6)] {
            let log = session_log(&data, day, pain);
            let _ = data.apply(&content, PlannerCommand::LogSession(log), Safety::CLEAR);
        }
        let steps = data
            .adjustments
            .iter()
            .filter(|a| a.action == Action::StepBack)
            .count();
        assert!(steps >= 2, "{:?}", data.adjustments);
        let stuck = data.stuck(date(26)).expect("two ease-offs in the phase");
        assert!(stuck.reason.contains("physiotherapist"), "{}", stuck.reason);
    }
}
