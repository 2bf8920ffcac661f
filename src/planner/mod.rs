//! The strength planner's domain logic: plans and session logs, session-length estimates, muscle-group coverage
//! and warnings, condition programmes built from the evidence notes, pain-guided progression and history series.
//!
//! The session runner (`session`, on `session_timer`) is here too, as a state machine the UI only draws.
//!
//! Pure Rust with no egui dependency; the UI reads these types and calls these functions. Everything here is
//! educational guidance, never a prescription or a diagnosis.

pub(crate) mod coverage;
pub mod data;
pub(crate) mod duration;
pub(crate) mod generate;
pub(crate) mod history;
pub(crate) mod model;
pub(crate) mod progression;
pub mod session;
pub mod session_timer;
pub(crate) mod undo;

pub use coverage::{
    HARD_DAY_SETS, PlanWarning, TRACKED_GROUPS, counts_as_work, day_coverage, is_session,
    plan_warnings, plan_week_warnings, session_count, tracked_group, week_coverage, week_warnings,
};
pub use data::{
    Adjustment, Applied, DEFAULT_EMPTY_PLAN_WEEKS, DEFAULT_GET_READY_SECS, DEFAULT_SESSION_MINUTES,
    MAX_GET_READY_SECS, MAX_PLAN_WEEKS, PlannerCommand, PlannerData, SESSION_MINUTES_RANGE,
    raises_dose,
};
pub use duration::{
    CHANGE_OVER_SECS, estimate_exercise_secs, estimate_session_minutes, estimate_session_secs,
};
pub use generate::{
    ALWAYS_AVAILABLE, GenerateError, GenerateOptions, OPTIONAL_EQUIPMENT, default_weeks,
    equipment_available, generate_programme, serves_condition, supported_conditions,
};
pub use history::{
    adherence_per_week, entry_volume, log_for_day, logs_for_exercise, pain_series,
    previous_log_for_day, previous_log_for_exercise, volume_series,
};
pub use model::{
    DAY_NAMES, DayPlan, ExerciseLog, Limits, PainLimitError, PainThresholds, Plan, PlanPhase,
    PlannedExercise, SessionLog, WeekPlan, clamp_log, clamp_planned, day_name, format_kg,
    monday_of, next_log_id,
};
pub use progression::{Action, Decision, decide};
pub use session::{ActiveSession, LogDraft, SessionCommand, SessionModel, SessionOutcome};
pub use undo::{PlanHistory, PlanState};
