//! `RunningCommand` and `RunningData::apply`, the only writer of the running log; every rule (ranges, retired
//! shoes, the swap) is enforced here, not by disabled buttons. Also the cross-training swap offer.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};

use super::load::{LoadWarning, WarningScope, week_start};
use super::model::{
    PlannedRun, ReturnToRunState, Run, RunOrigin, RunningData, Shoe, Sport, Surface, Thresholds,
    Units,
};

/// Result of applying a command (the lead may unify this with the planner's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applied {
    Changed,
    Unchanged,
    /// Refused, with a message for the user.
    Refused(String),
}

/// What the rules need to know from outside the running log.
#[derive(Debug, Clone, PartialEq)]
pub struct RunningContext {
    pub today: NaiveDate,
    /// A red flag is ticked in the checklist.
    pub red_flag_ticked: bool,
    /// The day the red flags ticked now were first ticked (their earliest tick), when any is.
    pub red_flag_since: Option<NaiveDate>,
    /// The pain limits, which live on the strength plan: one limit per runner.
    pub thresholds: crate::pain::PainThresholds,
}

/// The fields of a run typed in (or edited) by hand.
#[derive(Debug, Clone, PartialEq)]
pub struct RunDraft {
    pub start_utc: DateTime<Utc>,
    pub sport: Sport,
    pub distance_m: f64,
    pub elapsed_secs: u32,
    pub cadence_spm: Option<f64>,
    pub pain_during: Option<u8>,
    pub pain_next_morning: Option<u8>,
    pub surface: Option<Surface>,
    pub shoe_id: Option<u64>,
    pub notes: String,
}

/// Everything the Running tab can ask for.
#[derive(Debug, Clone, PartialEq)]
pub enum RunningCommand {
    AddRun(RunDraft),
    EditRun {
        id: u64,
        draft: RunDraft,
    },
    DeleteRun(u64),
    UndoDelete,
    PlanRun {
        date: NaiveDate,
        distance_m: f64,
        duration_secs: u32,
    },
    DeletePlannedRun(u64),
    /// Turns a planned run into equal-time cross-training, recording why.
    SwapPlannedRun {
        id: u64,
        sport: Sport,
        reason: String,
    },
    AddShoe {
        name: String,
        start_date: NaiveDate,
        initial_distance_m: f64,
    },
    RetireShoe(u64),
    SetDefaultShoe(Option<u64>),
    SetUnits(Units),
    SetThresholds(Thresholds),
    StartReturnToRun {
        condition_id: String,
        baseline_morning_pain: u8,
    },
    ConfirmEntryCriteria,
    StopReturnToRun,
    /// File I/O: the app runs `import::import_paths` + `import::merge_batch` off the UI path. `apply` ignores it.
    ImportFiles(Vec<PathBuf>),
    /// File I/O: the app runs `cadence::write_click_track`. `apply` ignores it.
    ExportClickTrack {
        path: PathBuf,
        spm: f64,
        minutes: u32,
    },
}

/// Why a change to the running log was refused; its message is for the runner.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RunningError {
    #[error("Distance must be between 0 and 1000 km.")]
    DistanceOutOfRange,
    #[error("Duration must be more than 0 and at most a week.")]
    DurationOutOfRange,
    #[error("A logged run cannot start in the future; plan it instead.")]
    RunInFuture,
    #[error("Cadence must be 100–240 steps per minute.")]
    CadenceOutOfRange,
    #[error("That shoe no longer exists.")]
    ShoeGone,
    #[error("A planned run must be today or later.")]
    PlannedInPast,
    #[error("Planned distance must be between 0 and 1000 km.")]
    PlannedDistanceOutOfRange,
    #[error("Swap to cycling, swimming or the elliptical.")]
    NotASwapSport,
    #[error("Only a planned run can be swapped.")]
    NotAPlannedRun,
    #[error("Give the shoe a name.")]
    ShoeNameEmpty,
    #[error("The start date cannot be in the future.")]
    ShoeStartInFuture,
    #[error("Only a shoe in use can be the default.")]
    DefaultShoeNotInUse,
    #[error("A red flag is ticked: the return-to-run plan is paused.")]
    ReturnToRunPaused,
    #[error("That run no longer exists.")]
    RunGone,
    #[error("That planned run no longer exists.")]
    PlannedRunGone,
    #[error("No return-to-run plan is active.")]
    NoReturnToRun,
    #[error("Distance already on the shoe must be between 0 and 10 000 km.")]
    ShoeDistanceOutOfRange,
    #[error("A red flag is ticked: have the knee checked before starting to run again.")]
    RedFlagBlocksReturn,
    #[error("{label} must be 0–10, not {value}.")]
    PainOutOfRange { label: &'static str, value: u8 },
    #[error("'{0}' is retired: it keeps its history but takes no new runs.")]
    ShoeRetired(String),
    #[error(transparent)]
    Threshold(#[from] super::model::ThresholdError),
}

const MAX_DISTANCE_M: f64 = 1_000_000.0;
const MAX_ELAPSED_SECS: u32 = 7 * 24 * 3600;

fn check_pain(label: &'static str, pain: Option<u8>) -> Result<(), RunningError> {
    match pain {
        Some(p) if p > 10 => Err(RunningError::PainOutOfRange { label, value: p }),
        _ => Ok(()),
    }
}

impl RunDraft {
    fn validate(
        &self,
        data: &RunningData,
        ctx: &RunningContext,
        keeping_shoe: Option<u64>,
    ) -> Result<(), RunningError> {
        if !(self.distance_m.is_finite() && (0.0..=MAX_DISTANCE_M).contains(&self.distance_m)) {
            return Err(RunningError::DistanceOutOfRange);
        }
        if self.elapsed_secs == 0 || self.elapsed_secs > MAX_ELAPSED_SECS {
            return Err(RunningError::DurationOutOfRange);
        }
        if super::model::to_local(self.start_utc).date_naive() > ctx.today {
            return Err(RunningError::RunInFuture);
        }
        check_pain("Pain during", self.pain_during)?;
        check_pain("Next-morning pain", self.pain_next_morning)?;
        if let Some(c) = self.cadence_spm
            && !(c.is_finite() && (super::cadence::MIN_SPM..=super::cadence::MAX_SPM).contains(&c))
        {
            return Err(RunningError::CadenceOutOfRange);
        }
        if let Some(id) = self.shoe_id {
            match data.shoe(id) {
                None => return Err(RunningError::ShoeGone),
                Some(s) if s.retired_on.is_some() && keeping_shoe != Some(id) => {
                    return Err(RunningError::ShoeRetired(s.name.clone()));
                }
                Some(_) => {}
            }
        }
        Ok(())
    }

    fn fill(&self, run: &mut Run) {
        run.start_utc = self.start_utc;
        run.sport = self.sport;
        run.distance_m = self.distance_m;
        run.elapsed_secs = self.elapsed_secs;
        run.cadence_spm = self.cadence_spm;
        run.pain_during = self.pain_during;
        run.pain_next_morning = self.pain_next_morning;
        run.surface = self.surface;
        run.shoe_id = if self.sport.is_run() {
            self.shoe_id
        } else {
            None
        };
        self.notes.trim().clone_into(&mut run.notes);
    }
}

impl RunningData {
    /// Applies one command; the only way the running log changes.
    pub fn apply(&mut self, command: RunningCommand, ctx: &RunningContext) -> Applied {
        match self.apply_inner(command, ctx) {
            Ok(true) => Applied::Changed,
            Ok(false) => Applied::Unchanged,
            Err(refusal) => Applied::Refused(refusal.to_string()),
        }
    }

    fn apply_inner(
        &mut self,
        command: RunningCommand,
        ctx: &RunningContext,
    ) -> Result<bool, RunningError> {
        match command {
            RunningCommand::AddRun(draft) => {
                draft.validate(self, ctx, None)?;
                let mut run = Run {
                    id: self.allocate_id(),
                    origin: RunOrigin::Manual,
                    ..Run::default()
                };
                draft.fill(&mut run);
                self.runs.push(run);
                self.sort_runs();
            }
            RunningCommand::EditRun { id, draft } => {
                let current_shoe = self.run(id).ok_or(RunningError::RunGone)?.shoe_id;
                draft.validate(self, ctx, current_shoe)?;
                let run = self
                    .runs
                    .iter_mut()
                    .find(|r| r.id == id)
                    .ok_or(RunningError::RunGone)?;
                let before = run.clone();
                draft.fill(run);
                if *run == before {
                    return Ok(false);
                }
                self.sort_runs();
            }
            RunningCommand::DeleteRun(id) => {
                let index = self
                    .runs
                    .iter()
                    .position(|r| r.id == id)
                    .ok_or(RunningError::RunGone)?;
                self.undo_deleted = Some(self.runs.remove(index));
            }
            RunningCommand::UndoDelete => {
                let Some(run) = self.undo_deleted.take() else {
                    return Ok(false);
                };
                self.runs.push(run);
                self.sort_runs();
            }
            RunningCommand::PlanRun {
                date,
                distance_m,
                duration_secs,
            } => {
                if date < ctx.today {
                    return Err(RunningError::PlannedInPast);
                }
                if !(distance_m.is_finite() && distance_m > 0.0 && distance_m <= MAX_DISTANCE_M)
                    || duration_secs > MAX_ELAPSED_SECS
                {
                    return Err(RunningError::PlannedDistanceOutOfRange);
                }
                let id = self.allocate_id();
                self.planned.push(PlannedRun {
                    id,
                    date,
                    sport: Sport::Run,
                    distance_m,
                    duration_secs,
                    swapped_because: None,
                });
                self.planned.sort_by_key(|p| (p.date, p.id));
            }
            RunningCommand::DeletePlannedRun(id) => {
                let before = self.planned.len();
                self.planned.retain(|p| p.id != id);
                return Ok(self.planned.len() != before);
            }
            RunningCommand::SwapPlannedRun { id, sport, reason } => {
                if !Sport::SWAPS.contains(&sport) {
                    return Err(RunningError::NotASwapSport);
                }
                let planned = self
                    .planned
                    .iter_mut()
                    .find(|p| p.id == id)
                    .ok_or(RunningError::PlannedRunGone)?;
                if !planned.sport.is_run() {
                    return Err(RunningError::NotAPlannedRun);
                }
                planned.duration_secs = equal_time_secs(planned);
                planned.sport = sport;
                planned.swapped_because = Some(reason);
            }
            RunningCommand::AddShoe {
                name,
                start_date,
                initial_distance_m,
            } => {
                let name = name.trim().to_owned();
                if name.is_empty() {
                    return Err(RunningError::ShoeNameEmpty);
                }
                if !(initial_distance_m.is_finite()
                    && (0.0..=10_000_000.0).contains(&initial_distance_m))
                {
                    return Err(RunningError::ShoeDistanceOutOfRange);
                }
                if start_date > ctx.today {
                    return Err(RunningError::ShoeStartInFuture);
                }
                let id = self.allocate_id();
                self.shoes.push(Shoe {
                    id,
                    name,
                    start_date,
                    initial_distance_m,
                    retired_on: None,
                });
                if self.settings.default_shoe_id.is_none() {
                    self.settings.default_shoe_id = Some(id);
                }
            }
            RunningCommand::RetireShoe(id) => {
                let shoe = self
                    .shoes
                    .iter_mut()
                    .find(|s| s.id == id)
                    .ok_or(RunningError::ShoeGone)?;
                if shoe.retired_on.is_some() {
                    return Ok(false);
                }
                shoe.retired_on = Some(ctx.today.max(shoe.start_date));
                if self.settings.default_shoe_id == Some(id) {
                    self.settings.default_shoe_id = None;
                }
            }
            RunningCommand::SetDefaultShoe(id) => {
                if let Some(id) = id
                    && self.shoe(id).is_none_or(|s| s.retired_on.is_some())
                {
                    return Err(RunningError::DefaultShoeNotInUse);
                }
                if self.settings.default_shoe_id == id {
                    return Ok(false);
                }
                self.settings.default_shoe_id = id;
            }
            RunningCommand::SetUnits(units) => {
                if self.settings.units == units {
                    return Ok(false);
                }
                self.settings.units = units;
            }
            RunningCommand::SetThresholds(thresholds) => {
                thresholds.validate()?;
                if self.settings.thresholds == thresholds {
                    return Ok(false);
                }
                self.settings.thresholds = thresholds;
            }
            RunningCommand::StartReturnToRun {
                condition_id,
                baseline_morning_pain,
            } => {
                check_pain("Morning pain", Some(baseline_morning_pain))?;
                if ctx.red_flag_ticked {
                    return Err(RunningError::RedFlagBlocksReturn);
                }
                self.return_to_run = Some(ReturnToRunState {
                    condition_id,
                    started_on: ctx.today,
                    entry_criteria_met: false,
                    baseline_morning_pain,
                });
            }
            RunningCommand::ConfirmEntryCriteria => {
                if ctx.red_flag_ticked {
                    return Err(RunningError::ReturnToRunPaused);
                }
                let state = self
                    .return_to_run
                    .as_mut()
                    .ok_or(RunningError::NoReturnToRun)?;
                if state.entry_criteria_met {
                    return Ok(false);
                }
                state.entry_criteria_met = true;
                state.started_on = ctx.today;
            }
            RunningCommand::StopReturnToRun => {
                return Ok(self.return_to_run.take().is_some());
            }
            RunningCommand::ImportFiles(_) | RunningCommand::ExportClickTrack { .. } => {
                return Ok(false);
            }
        }
        Ok(true)
    }
}

/// The planned run's time, or its distance at 6 min/km when no time was planned.
fn equal_time_secs(planned: &PlannedRun) -> u32 {
    if planned.duration_secs > 0 {
        planned.duration_secs
    } else {
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "distance capped at 1000 km"
        )]
        let secs = (planned.distance_m / 1000.0 * 360.0).round() as u32;
        secs
    }
}

/// An offer to swap the next planned run for equal-time cross-training, with the reasons.
#[derive(Debug, Clone, PartialEq)]
pub struct SwapOffer {
    pub planned_id: u64,
    pub duration_secs: u32,
    pub reasons: Vec<String>,
}

/// Offers a swap for the next planned run when the last run's pain went over the limit, a red flag is ticked
/// or a load warning concerns that run or its week.
#[must_use]
pub fn swap_offer(
    data: &RunningData,
    ctx: &RunningContext,
    warnings: &[LoadWarning],
) -> Option<SwapOffer> {
    let next = data
        .planned
        .iter()
        .filter(|p| p.sport.is_run() && p.date >= ctx.today)
        .min_by_key(|p| (p.date, p.id))?;
    let mut reasons = Vec::new();
    if ctx.red_flag_ticked {
        reasons.push("A red flag is ticked in the checklist.".to_owned());
    }
    // The last fortnight's runs, judged by the one pain rule (against the return-to-run baseline when one is
    // running): a failed rule or pain creeping up week on week is a reason to swap.
    let recent: Vec<crate::pain::PainSample> = data
        .runs
        .iter()
        .filter(|r| r.sport.is_run() && (ctx.today - r.date()).num_days() <= 14)
        .filter_map(|r| {
            Some(crate::pain::PainSample {
                date: r.date(),
                before: None,
                during: r.pain_during?,
                next_morning: r.pain_next_morning,
            })
        })
        .collect();
    let baseline = data
        .return_to_run
        .as_ref()
        .map(|state| state.baseline_morning_pain);
    let judgement = crate::pain::judge(&recent, baseline, &ctx.thresholds, false);
    if matches!(
        judgement.verdict,
        crate::pain::Verdict::EaseOff | crate::pain::Verdict::Hold
    ) {
        let reason = judgement.reason.trim_end_matches('.');
        let mut chars = reason.chars();
        let reason: String = chars
            .next()
            .map(|first| first.to_lowercase().chain(chars).collect())
            .unwrap_or_default();
        reasons.push(format!("Your last run: {reason}."));
    }
    let week = week_start(next.date);
    for w in warnings {
        let concerns = match w.scope {
            WarningScope::Planned(id) => id == next.id,
            WarningScope::Week(monday) => monday == week && w.rule_id != "lighter_week",
            WarningScope::Run(_) => false,
        };
        if concerns {
            reasons.push(format!("Load warning: {}", w.detail));
        }
    }
    (!reasons.is_empty()).then(|| SwapOffer {
        planned_id: next.id,
        duration_secs: equal_time_secs(next),
        reasons,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn ctx() -> RunningContext {
        RunningContext {
            today: NaiveDate::from_ymd_opt(2024, 6, 10).unwrap(),
            red_flag_ticked: false,
            red_flag_since: None,
            thresholds: crate::pain::PainThresholds::default(),
        }
    }

    fn draft(km: f64) -> RunDraft {
        RunDraft {
            start_utc: Utc.with_ymd_and_hms(2024, 6, 9, 7, 0, 0).unwrap(),
            sport: Sport::Run,
            distance_m: km * 1000.0,
            elapsed_secs: 1800,
            cadence_spm: None,
            pain_during: Some(2),
            pain_next_morning: None,
            surface: Some(Surface::Road),
            shoe_id: None,
            notes: " easy ".into(),
        }
    }

    #[test]
    fn add_edit_delete_and_undo() {
        let mut data = RunningData::default();
        assert_eq!(
            data.apply(RunningCommand::AddRun(draft(5.0)), &ctx()),
            Applied::Changed
        );
        let id = data.runs[0].id;
        assert_eq!(data.runs[0].notes, "easy");
        let edited = RunDraft {
            pain_next_morning: Some(1),
            ..draft(5.0)
        };
        assert_eq!(
            data.apply(
                RunningCommand::EditRun {
                    id,
                    draft: edited.clone()
                },
                &ctx()
            ),
            Applied::Changed
        );
        assert_eq!(
            data.apply(RunningCommand::EditRun { id, draft: edited }, &ctx()),
            Applied::Unchanged
        );
        assert_eq!(
            data.apply(RunningCommand::DeleteRun(id), &ctx()),
            Applied::Changed
        );
        assert!(data.runs.is_empty());
        assert_eq!(
            data.apply(RunningCommand::UndoDelete, &ctx()),
            Applied::Changed
        );
        assert_eq!(data.runs[0].pain_next_morning, Some(1));
        assert_eq!(
            data.apply(RunningCommand::UndoDelete, &ctx()),
            Applied::Unchanged
        );
    }

    #[test]
    fn bad_drafts_are_refused_and_change_nothing() {
        let mut data = RunningData::default();
        for bad in [
            RunDraft {
                distance_m: f64::NAN,
                ..draft(1.0)
            },
            RunDraft {
                elapsed_secs: 0,
                ..draft(1.0)
            },
            RunDraft {
                pain_during: Some(11),
                ..draft(1.0)
            },
            RunDraft {
                start_utc: Utc.with_ymd_and_hms(2024, 7, 1, 7, 0, 0).unwrap(),
                ..draft(1.0)
            },
            RunDraft {
                shoe_id: Some(99),
                ..draft(1.0)
            },
        ] {
            assert!(matches!(
                data.apply(RunningCommand::AddRun(bad), &ctx()),
                Applied::Refused(_)
            ));
        }
        assert!(data.runs.is_empty());
    }

    #[test]
    fn retired_shoes_take_no_new_runs() {
        let mut data = RunningData::default();
        data.apply(
            RunningCommand::AddShoe {
                name: "Pegasus".into(),
                start_date: ctx().today,
                initial_distance_m: 0.0,
            },
            &ctx(),
        );
        let shoe = data.shoes[0].id;
        assert_eq!(data.settings.default_shoe_id, Some(shoe));
        data.apply(RunningCommand::RetireShoe(shoe), &ctx());
        assert_eq!(data.settings.default_shoe_id, None);
        let result = data.apply(
            RunningCommand::AddRun(RunDraft {
                shoe_id: Some(shoe),
                ..draft(5.0)
            }),
            &ctx(),
        );
        assert!(matches!(result, Applied::Refused(m) if m.contains("retired")));
    }

    #[test]
    fn swap_is_offered_with_reasons_and_keeps_the_time() {
        let mut data = RunningData::default();
        data.apply(
            RunningCommand::AddRun(RunDraft {
                pain_during: Some(5),
                ..draft(5.0)
            }),
            &ctx(),
        );
        data.apply(
            RunningCommand::PlanRun {
                date: ctx().today + chrono::Duration::days(1),
                distance_m: 6000.0,
                duration_secs: 2400,
            },
            &ctx(),
        );
        let offer = swap_offer(&data, &ctx(), &[]).expect("pain over the limit offers a swap");
        assert!(offer.reasons[0].contains("5/10"));
        assert_eq!(offer.duration_secs, 2400);
        let cmd = RunningCommand::SwapPlannedRun {
            id: offer.planned_id,
            sport: Sport::Cycling,
            reason: offer.reasons.join(" "),
        };
        assert_eq!(data.apply(cmd, &ctx()), Applied::Changed);
        assert_eq!(data.planned[0].sport, Sport::Cycling);
        assert_eq!(data.planned[0].duration_secs, 2400);
        assert!(
            swap_offer(&data, &ctx(), &[]).is_none(),
            "nothing left to swap"
        );
        let bad = RunningCommand::SwapPlannedRun {
            id: offer.planned_id,
            sport: Sport::Walking,
            reason: String::new(),
        };
        assert!(matches!(data.apply(bad, &ctx()), Applied::Refused(_)));
    }

    #[test]
    fn red_flag_offers_a_swap_and_blocks_starting_return_to_run() {
        let mut data = RunningData::default();
        data.apply(
            RunningCommand::PlanRun {
                date: ctx().today,
                distance_m: 3000.0,
                duration_secs: 0,
            },
            &ctx(),
        );
        let flagged = RunningContext {
            red_flag_ticked: true,
            ..ctx()
        };
        let offer = swap_offer(&data, &flagged, &[]).unwrap();
        assert_eq!(offer.duration_secs, 1080, "3 km at 6 min/km");
        assert!(swap_offer(&data, &ctx(), &[]).is_none());
        let start = RunningCommand::StartReturnToRun {
            condition_id: "patellofemoral_pain".into(),
            baseline_morning_pain: 1,
        };
        assert!(matches!(data.apply(start, &flagged), Applied::Refused(_)));
    }
}
