//! The session runner and its log form as a state machine: start a planned day's session, step through it with
//! [`SessionTimer`], finish into a log draft that the user corrects, then save it as a [`SessionLog`]. No egui:
//! the UI draws this model and sends [`SessionCommand`]s; the app applies them with the clock and the red-flag
//! status, so "no sessions while a same-day flag is ticked" holds whatever the UI shows.

use std::time::Duration;

use chrono::NaiveDate;

use super::data::PlannerData;
use super::model::{ExerciseLog, Limits, PlannedExercise, SessionLog, next_log_id};
use super::session_timer::{Cue, Phase, SessionTimer, TimerItem};
use crate::triage::{Safety, TRAINING_BLOCKED_REASON};

/// How long the session card flashes after a cue (a new phase, a finished hold or rest).
pub const CUE_FLASH: Duration = Duration::from_millis(900);

/// A session in progress.
#[derive(Debug, Clone, PartialEq)]
pub struct ActiveSession {
    pub plan_id: u64,
    pub week: usize,
    pub day: usize,
    pub exercises: Vec<PlannedExercise>,
    pub timer: SessionTimer,
    /// Load used per exercise, as entered during the session.
    pub loads_kg: Vec<Option<f32>>,
    /// The card flashes until this time after a cue.
    pub flash_until: Option<Duration>,
    /// Knee pain before starting (0–10), for the next-morning comparison.
    pub pain_before: Option<u8>,
}

impl ActiveSession {
    /// The exercise the runner shows now: during a rest, the one that comes next (so the user can get ready).
    pub fn shown_exercise_index(&self) -> usize {
        let step = self.timer.current();
        match step.phase {
            Phase::Rest { .. } => self
                .timer
                .upcoming()
                .map_or(step.exercise_index, |s| s.exercise_index),
            _ => step.exercise_index,
        }
    }

    /// The card is flashing at `now`.
    pub fn is_flashing(&self, now: Duration) -> bool {
        self.flash_until.is_some_and(|until| now < until)
    }
}

/// The log form after a session: what was done, as the user corrects it.
#[derive(Debug, Clone, PartialEq)]
pub struct LogDraft {
    pub week: usize,
    pub day: usize,
    pub date: NaiveDate,
    pub entries: Vec<ExerciseLog>,
    pub pain_before: Option<u8>,
    pub pain_during: u8,
    pub effort: u8,
    pub notes: String,
}

/// Where the runner is: nothing running, a session in progress, or its log being filled in.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SessionModel {
    pub active: Option<ActiveSession>,
    pub draft: Option<LogDraft>,
    /// The timer's cues not yet taken by the app (to sound them), in order; see [`Self::take_cues`].
    cues: Vec<Cue>,
}

/// What the user does in the runner and the log form.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum SessionCommand {
    /// Start the session planned for (week, day); `pain_before` is the knee's pain now (0–10), if given.
    Start {
        week: usize,
        day: usize,
        pain_before: Option<u8>,
    },
    /// The current set of reps or hold is done.
    CompleteSet,
    /// Skip the get-ready or rest countdown.
    SkipCountdown,
    Pause,
    Resume,
    /// Load used for exercise `index` of the session.
    SetLoadUsed {
        index: usize,
        load_kg: Option<f32>,
    },
    /// End the session (finished or not) and open the log form with what was done.
    Finish,
    /// Correct what was done for entry `index` of the log form.
    SetDone {
        index: usize,
        sets_done: u8,
        reps_done: Option<u8>,
        hold_secs_done: Option<u16>,
    },
    SetPainDuring(u8),
    SetEffort(u8),
    SetNotes(String),
    /// Turn the draft into a session log (the caller records it with `PlannerCommand::LogSession`).
    SaveLog,
    DiscardLog,
}

/// What applying a [`SessionCommand`] did.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum SessionOutcome {
    Changed,
    Unchanged,
    /// Not carried out; the message is for the user.
    Refused(String),
    /// The log to record; the draft is gone.
    Save(SessionLog),
}

/// Longest session notes, in characters.
pub const MAX_NOTES_CHARS: usize = 2000;

impl SessionModel {
    /// Applies one command at `now` (the runner's clock) on `today`. Starting is refused while `safety` blocks
    /// training or when the day has nothing planned.
    pub fn apply(
        &mut self,
        command: SessionCommand,
        data: &PlannerData,
        safety: Safety,
        now: Duration,
        today: NaiveDate,
    ) -> SessionOutcome {
        use SessionOutcome::{Changed, Refused, Unchanged};
        match command {
            SessionCommand::Start {
                week,
                day,
                pain_before,
            } => {
                if safety.training_blocked() {
                    return Refused(TRAINING_BLOCKED_REASON.to_owned());
                }
                match self.start(
                    data,
                    week,
                    day,
                    pain_before.map(|p| p.min(Limits::SCALE_MAX)),
                    now,
                ) {
                    Ok(()) => Changed,
                    Err(reason) => Refused(reason),
                }
            }
            SessionCommand::CompleteSet => self.with_timer(now, |timer, cues| {
                if timer.current().phase.is_work() {
                    cues.extend(timer.complete_set(now));
                    true
                } else {
                    false
                }
            }),
            SessionCommand::SkipCountdown => self.with_timer(now, |timer, cues| {
                matches!(
                    timer.current().phase,
                    Phase::Rest { .. } | Phase::GetReady { .. }
                ) && {
                    cues.extend(timer.skip_rest(now));
                    true
                }
            }),
            SessionCommand::Pause => self.with_timer(now, |timer, _| {
                let was = timer.is_paused();
                timer.pause(now);
                !was && timer.is_paused()
            }),
            SessionCommand::Resume => self.with_timer(now, |timer, _| {
                let was = timer.is_paused();
                timer.resume(now);
                was && !timer.is_paused()
            }),
            SessionCommand::SetLoadUsed { index, load_kg } => {
                let load_kg = load_kg
                    .filter(|kg| kg.is_finite() && *kg > 0.0)
                    .map(|kg| kg.min(Limits::LOAD_KG_MAX));
                match self.active.as_mut().and_then(|s| s.loads_kg.get_mut(index)) {
                    Some(slot) if *slot != load_kg => {
                        *slot = load_kg;
                        Changed
                    }
                    _ => Unchanged,
                }
            }
            SessionCommand::Finish => {
                if self.finish(today) {
                    Changed
                } else {
                    Unchanged
                }
            }
            SessionCommand::SetDone {
                index,
                sets_done,
                reps_done,
                hold_secs_done,
            } => {
                let Some(entry) = self.draft.as_mut().and_then(|d| d.entries.get_mut(index)) else {
                    return Unchanged;
                };
                let before = entry.clone();
                entry.sets_done = sets_done.min(Limits::SETS_MAX);
                // Only the kind of count the entry already has can be corrected.
                if entry.reps_done.is_some()
                    && let Some(reps) = reps_done
                {
                    entry.reps_done = Some(reps.min(Limits::REPS_MAX));
                }
                if entry.hold_secs_done.is_some()
                    && let Some(secs) = hold_secs_done
                {
                    entry.hold_secs_done = Some(secs.min(Limits::HOLD_SECS_MAX));
                }
                if *entry == before { Unchanged } else { Changed }
            }
            SessionCommand::SetPainDuring(pain) => self.edit_draft(|d| {
                std::mem::replace(&mut d.pain_during, pain.min(Limits::SCALE_MAX))
                    != pain.min(Limits::SCALE_MAX)
            }),
            SessionCommand::SetEffort(effort) => self.edit_draft(|d| {
                std::mem::replace(&mut d.effort, effort.min(Limits::SCALE_MAX))
                    != effort.min(Limits::SCALE_MAX)
            }),
            SessionCommand::SetNotes(notes) => {
                let notes: String = notes.chars().take(MAX_NOTES_CHARS).collect();
                self.edit_draft(|d| {
                    let changed = d.notes != notes;
                    d.notes = notes;
                    changed
                })
            }
            SessionCommand::SaveLog => match self.draft.take() {
                Some(draft) => SessionOutcome::Save(draft.into_log(next_log_id(&data.logs))),
                None => Unchanged,
            },
            SessionCommand::DiscardLog => {
                if self.draft.take().is_some() {
                    Changed
                } else {
                    Unchanged
                }
            }
        }
    }

    /// Advances the running timer to `now` and flashes on cues. Returns how long until the countdown on screen
    /// changes (or the flash ends), so the app repaints no more often than that; `None` when nothing is running.
    pub fn tick(&mut self, now: Duration) -> Option<Duration> {
        let session = self.active.as_mut()?;
        let cues = session.timer.update(now);
        if !cues.is_empty() {
            session.flash_until = Some(now + CUE_FLASH);
            self.cues.extend(cues);
        }
        let flash_left = session
            .flash_until
            .and_then(|until| until.checked_sub(now))
            .filter(|d| !d.is_zero());
        match (session.timer.next_repaint_in(now), flash_left) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// The timer's cues since the last call, in order, each once: those of the commands applied and of
    /// [`Self::tick`]; starting a session cues its first step. The app sounds them.
    pub fn take_cues(&mut self) -> Vec<Cue> {
        std::mem::take(&mut self.cues)
    }

    /// The exercise the runner shows now (to load its picture before drawing).
    pub fn current_exercise_id(&self) -> Option<&str> {
        let session = self.active.as_ref()?;
        session
            .exercises
            .get(session.shown_exercise_index())
            .map(|e| e.exercise_id.as_str())
    }

    fn start(
        &mut self,
        data: &PlannerData,
        week: usize,
        day: usize,
        pain_before: Option<u8>,
        now: Duration,
    ) -> Result<(), String> {
        let plan = data.plan.as_ref().ok_or("There is no plan yet.")?;
        if let Some((_, phase)) = plan.unconfirmed_phase_by(week) {
            return Err(format!(
                "\"{}\" starts once you confirm it is ready (week {} is the earliest): confirm it above the \
                 week board, or repeat a week of the stage before.",
                phase.name,
                phase.first_week_index + 1
            ));
        }
        let day_plan = plan
            .day(week, day)
            .filter(|d| !d.is_empty())
            .ok_or("Nothing is planned for that day.")?;
        let exercises = day_plan.exercises.clone();
        let items: Vec<TimerItem> = exercises
            .iter()
            .map(|e| TimerItem {
                sets: e.sets,
                reps: e.reps,
                // Reps with a short hold each (bird-dog, Pallof press) are counted reps, not one timed hold.
                hold_secs: if e.reps.is_some() { None } else { e.hold_secs },
                rest_secs: e.rest_secs,
                per_side: e.per_side,
            })
            .collect();
        self.active = Some(ActiveSession {
            plan_id: plan.id,
            week,
            day,
            loads_kg: exercises.iter().map(|e| e.load_kg).collect(),
            exercises,
            timer: SessionTimer::new(&items, data.get_ready_secs, now),
            flash_until: None,
            pain_before,
        });
        // The timer starts in its first step without a cue of its own; the runner hears it begin.
        self.cues.clear();
        if let Some(active) = &self.active
            && !active.timer.is_finished()
        {
            self.cues.push(Cue::PhaseStarted(*active.timer.current()));
        }
        self.draft = None;
        Ok(())
    }

    /// Ends the session and opens the log draft with what was done. False when nothing was running.
    fn finish(&mut self, today: NaiveDate) -> bool {
        let Some(session) = self.active.take() else {
            return false;
        };
        // Nothing left to sound once the session has ended.
        self.cues.clear();
        let entries = session
            .exercises
            .iter()
            .enumerate()
            .map(|(index, planned)| {
                let mut entry = ExerciseLog::from_planned(planned);
                entry.sets_done = session.timer.sets_done(index);
                entry.load_kg = session.loads_kg.get(index).copied().flatten();
                entry
            })
            .collect();
        self.draft = Some(LogDraft {
            week: session.week,
            day: session.day,
            date: today,
            entries,
            pain_before: session.pain_before,
            pain_during: 0,
            effort: 5,
            notes: String::new(),
        });
        true
    }

    fn with_timer(
        &mut self,
        now: Duration,
        change: impl FnOnce(&mut SessionTimer, &mut Vec<Cue>) -> bool,
    ) -> SessionOutcome {
        let Some(session) = self.active.as_mut() else {
            return SessionOutcome::Unchanged;
        };
        if change(&mut session.timer, &mut self.cues) {
            session.flash_until = Some(now + CUE_FLASH);
            SessionOutcome::Changed
        } else {
            SessionOutcome::Unchanged
        }
    }

    fn edit_draft(&mut self, change: impl FnOnce(&mut LogDraft) -> bool) -> SessionOutcome {
        match self.draft.as_mut() {
            Some(draft) => {
                if change(draft) {
                    SessionOutcome::Changed
                } else {
                    SessionOutcome::Unchanged
                }
            }
            None => SessionOutcome::Unchanged,
        }
    }
}

impl LogDraft {
    /// The session log this draft describes, with id `id`.
    fn into_log(self, id: u64) -> SessionLog {
        let mut log = SessionLog::new(id, self.date, self.week, self.day);
        log.entries = self.entries;
        log.pain_before = self.pain_before;
        log.pain_during = self.pain_during;
        log.effort = self.effort;
        log.notes = self.notes;
        log
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Content, Urgency};
    use crate::planner::{GenerateOptions, PlannerCommand};

    fn secs(s: u64) -> Duration {
        Duration::from_secs(s)
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    /// A generated plan and the first planned (week, day).
    fn planned() -> (Content, PlannerData, usize, usize) {
        let content = Content::embedded().unwrap();
        let mut data = PlannerData::new();
        let options = GenerateOptions::new("patellofemoral_pain", today());
        assert_eq!(
            data.apply(&content, PlannerCommand::Generate(options), Safety::CLEAR),
            crate::planner::Applied::Changed
        );
        let plan = data.plan.as_ref().unwrap();
        let day = (0..7)
            .find(|d| plan.day(0, *d).is_some_and(|p| !p.is_empty()))
            .unwrap();
        (content, data, 0, day)
    }

    fn start(model: &mut SessionModel, data: &PlannerData, week: usize, day: usize) {
        let start = SessionCommand::Start {
            week,
            day,
            pain_before: Some(4),
        };
        assert_eq!(
            model.apply(start, data, Safety::CLEAR, secs(0), today()),
            SessionOutcome::Changed
        );
    }

    #[test]
    fn start_is_refused_while_training_is_blocked_or_nothing_is_planned() {
        let (_, data, week, day) = planned();
        let mut model = SessionModel::default();
        let blocked = Safety {
            most_urgent: Some(Urgency::Emergency),
        };
        let start = SessionCommand::Start {
            week,
            day,
            pain_before: None,
        };
        assert_eq!(
            model.apply(start.clone(), &data, blocked, secs(0), today()),
            SessionOutcome::Refused(TRAINING_BLOCKED_REASON.to_owned())
        );
        assert!(model.active.is_none());
        let soon = Safety {
            most_urgent: Some(Urgency::Soon),
        };
        assert_eq!(
            model.apply(start, &data, soon, secs(0), today()),
            SessionOutcome::Changed,
            "a book-an-appointment flag does not stop sessions"
        );
        let empty_day = (0..7)
            .find(|d| {
                data.plan
                    .as_ref()
                    .unwrap()
                    .day(week, *d)
                    .unwrap()
                    .is_empty()
            })
            .unwrap();
        let mut other = SessionModel::default();
        assert!(matches!(
            other.apply(
                SessionCommand::Start {
                    week,
                    day: empty_day,
                    pain_before: None
                },
                &data,
                Safety::CLEAR,
                secs(0),
                today()
            ),
            SessionOutcome::Refused(_)
        ));
        assert!(matches!(
            other.apply(
                SessionCommand::Start {
                    week,
                    day,
                    pain_before: None
                },
                &PlannerData::new(),
                Safety::CLEAR,
                secs(0),
                today()
            ),
            SessionOutcome::Refused(_)
        ));
    }

    #[test]
    fn reps_with_a_hold_are_counted_reps() {
        let content = Content::embedded().unwrap();
        let mut data = PlannerData::new();
        assert_eq!(
            data.apply(
                &content,
                PlannerCommand::NewEmptyPlan {
                    start_date: today(),
                    weeks: 1
                },
                Safety::CLEAR
            ),
            crate::planner::Applied::Changed
        );
        let plan = data.plan.as_mut().unwrap();
        plan.add_exercise(
            0,
            0,
            PlannedExercise {
                exercise_id: "bird_dog".to_owned(),
                sets: 1,
                reps: Some(8),
                hold_secs: Some(5),
                rest_secs: 0,
                ..PlannedExercise::default()
            },
        );
        let mut model = SessionModel::default();
        start(&mut model, &data, 0, 0);
        // Through the get-ready countdown, then the work phase must wait for "Set done", not count down 5 s.
        let _flash = model.tick(secs(60));
        assert_eq!(
            model.tick(secs(62)),
            None,
            "waiting for Set done needs no repaints"
        );
        let session = model.active.as_ref().unwrap();
        assert_eq!(session.timer.current().phase, Phase::Reps { target: 8 });
        assert_eq!(
            model.apply(
                SessionCommand::CompleteSet,
                &data,
                Safety::CLEAR,
                secs(61),
                today()
            ),
            SessionOutcome::Changed
        );
        assert!(model.active.as_ref().unwrap().timer.is_finished());
    }

    #[test]
    fn rest_shows_the_next_exercise() {
        let (_, data, week, day) = planned();
        let mut model = SessionModel::default();
        start(&mut model, &data, week, day);
        let session = model.active.as_mut().unwrap();
        // Run through every step of the first exercise until the timer rests before the second.
        let mut now = secs(0);
        while session.timer.current().exercise_index == 0
            || !matches!(session.timer.current().phase, Phase::Rest { .. })
        {
            now += secs(1);
            if session.timer.current().phase.is_work() {
                let _ = session.timer.complete_set(now);
            } else {
                let _ = session.timer.update(now);
            }
            if session.timer.is_finished() {
                break;
            }
            if matches!(session.timer.current().phase, Phase::Rest { .. })
                && session
                    .timer
                    .upcoming()
                    .is_some_and(|s| s.exercise_index == 1)
            {
                break;
            }
        }
        assert!(matches!(session.timer.current().phase, Phase::Rest { .. }));
        assert_eq!(session.timer.current().exercise_index, 0);
        assert_eq!(session.shown_exercise_index(), 1);
        assert_eq!(
            model.current_exercise_id(),
            Some(
                data.plan
                    .as_ref()
                    .unwrap()
                    .day(week, day)
                    .unwrap()
                    .exercises[1]
                    .exercise_id
                    .as_str()
            )
        );
    }

    #[test]
    fn tick_repaints_only_while_counting_and_flashes_on_cues() {
        let (_, data, week, day) = planned();
        let mut model = SessionModel::default();
        assert_eq!(model.tick(secs(0)), None, "nothing running");
        start(&mut model, &data, week, day);
        let wait = model.tick(secs(0)).unwrap();
        assert!(wait <= secs(1), "{wait:?}");
        // After the get-ready countdown the first set starts: a cue, so the card flashes.
        let ready = u64::from(data.get_ready_secs);
        let _ = model.tick(secs(ready));
        assert!(model.active.as_ref().unwrap().is_flashing(secs(ready)));
        assert!(
            !model
                .active
                .as_ref()
                .unwrap()
                .is_flashing(secs(ready) + CUE_FLASH)
        );
    }

    #[test]
    fn pause_resume_and_load_used() {
        let (_, data, week, day) = planned();
        let mut model = SessionModel::default();
        start(&mut model, &data, week, day);
        let apply = |model: &mut SessionModel, command| {
            model.apply(command, &data, Safety::CLEAR, secs(2), today())
        };
        assert_eq!(
            apply(&mut model, SessionCommand::Pause),
            SessionOutcome::Changed
        );
        assert_eq!(
            apply(&mut model, SessionCommand::Pause),
            SessionOutcome::Unchanged
        );
        assert!(model.active.as_ref().unwrap().timer.is_paused());
        assert_eq!(
            apply(&mut model, SessionCommand::Resume),
            SessionOutcome::Changed
        );
        let set_load = |kg| SessionCommand::SetLoadUsed {
            index: 0,
            load_kg: Some(kg),
        };
        assert_eq!(apply(&mut model, set_load(12.5)), SessionOutcome::Changed);
        assert_eq!(model.active.as_ref().unwrap().loads_kg[0], Some(12.5));
        assert_eq!(apply(&mut model, set_load(9999.0)), SessionOutcome::Changed);
        assert_eq!(
            model.active.as_ref().unwrap().loads_kg[0],
            Some(Limits::LOAD_KG_MAX)
        );
        assert_eq!(
            apply(&mut model, set_load(f32::NAN)),
            SessionOutcome::Changed
        );
        assert_eq!(model.active.as_ref().unwrap().loads_kg[0], None);
    }

    #[test]
    fn cues_are_taken_once_in_order_and_starting_cues_the_first_step() {
        let (_, data, week, day) = planned();
        let mut model = SessionModel::default();
        assert!(model.take_cues().is_empty());
        start(&mut model, &data, week, day);
        let first = *model.active.as_ref().unwrap().timer.current();
        assert!(matches!(first.phase, Phase::GetReady { .. }));
        assert_eq!(model.take_cues(), [Cue::PhaseStarted(first)]);
        assert!(model.take_cues().is_empty(), "taken once");
        // The get-ready countdown runs out: the work's start comes from tick().
        let _ = model.tick(secs(60));
        let cues = model.take_cues();
        assert!(matches!(cues.first(), Some(Cue::PhaseStarted(s)) if s.phase.is_work()));
        // "Set done" and "Skip" cue what they lead to; pausing cues nothing.
        let _ = model.apply(
            SessionCommand::Pause,
            &data,
            Safety::CLEAR,
            secs(61),
            today(),
        );
        assert!(model.take_cues().is_empty());
        let _ = model.apply(
            SessionCommand::Resume,
            &data,
            Safety::CLEAR,
            secs(62),
            today(),
        );
        let _ = model.apply(
            SessionCommand::CompleteSet,
            &data,
            Safety::CLEAR,
            secs(63),
            today(),
        );
        assert_eq!(model.take_cues().len(), 1);
    }

    #[test]
    fn finish_edit_and_save_give_a_log_with_a_fresh_id() {
        let (content, mut data, week, day) = planned();
        let mut model = SessionModel::default();
        start(&mut model, &data, week, day);
        let apply = |model: &mut SessionModel, data: &PlannerData, command| {
            model.apply(command, data, Safety::CLEAR, secs(30), today())
        };
        assert_eq!(
            apply(&mut model, &data, SessionCommand::CompleteSet),
            SessionOutcome::Unchanged,
            "still getting ready"
        );
        assert_eq!(
            apply(&mut model, &data, SessionCommand::Finish),
            SessionOutcome::Changed
        );
        assert!(model.active.is_none());
        let draft = model.draft.as_ref().unwrap();
        assert_eq!((draft.week, draft.day, draft.date), (week, day, today()));
        assert_eq!(draft.pain_before, Some(4));
        let planned_count = data
            .plan
            .as_ref()
            .unwrap()
            .day(week, day)
            .unwrap()
            .exercises
            .len();
        assert_eq!(draft.entries.len(), planned_count);

        assert_eq!(
            apply(
                &mut model,
                &data,
                SessionCommand::SetDone {
                    index: 0,
                    sets_done: 2,
                    reps_done: Some(9),
                    hold_secs_done: Some(30),
                }
            ),
            SessionOutcome::Changed
        );
        assert_eq!(
            apply(&mut model, &data, SessionCommand::SetPainDuring(15)),
            SessionOutcome::Changed
        );
        assert_eq!(
            apply(&mut model, &data, SessionCommand::SetEffort(7)),
            SessionOutcome::Changed
        );
        assert_eq!(
            apply(
                &mut model,
                &data,
                SessionCommand::SetNotes("x".repeat(MAX_NOTES_CHARS + 10))
            ),
            SessionOutcome::Changed
        );
        let SessionOutcome::Save(log) = apply(&mut model, &data, SessionCommand::SaveLog) else {
            panic!("expected a log");
        };
        assert!(model.draft.is_none());
        assert_eq!(log.id, next_log_id(&data.logs));
        assert_eq!(log.pain_during, 10, "clamped");
        assert_eq!(log.effort, 7);
        assert_eq!(
            log.pain_before,
            Some(4),
            "the next-morning check compares with this"
        );
        assert_eq!(log.notes.chars().count(), MAX_NOTES_CHARS);
        assert_eq!(log.entries[0].sets_done, 2);
        assert_eq!(
            data.apply(
                &content,
                PlannerCommand::LogSession(log.clone()),
                Safety::CLEAR
            ),
            crate::planner::Applied::Changed
        );
        assert!(
            log.id < next_log_id(&data.logs),
            "the next log gets a new id"
        );
        assert_eq!(
            apply(&mut model, &data, SessionCommand::SaveLog),
            SessionOutcome::Unchanged
        );
    }

    #[test]
    fn discard_drops_the_draft() {
        let (_, data, week, day) = planned();
        let mut model = SessionModel::default();
        start(&mut model, &data, week, day);
        let apply = |model: &mut SessionModel, command| {
            model.apply(command, &data, Safety::CLEAR, secs(1), today())
        };
        assert_eq!(
            apply(&mut model, SessionCommand::Finish),
            SessionOutcome::Changed
        );
        assert_eq!(
            apply(&mut model, SessionCommand::DiscardLog),
            SessionOutcome::Changed
        );
        assert_eq!(model, SessionModel::default());
    }
}
