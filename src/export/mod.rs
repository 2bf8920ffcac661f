//! Exports of the user's data (calendar, printable sessions, physio report, CSV of logs, runs and the pain diary, JSON) and the `.kneemap-plan`
//! hand-off file: pure functions from the planner's types to bytes or text, and back for plan files.
//!
//! No egui and no file writing here: every function takes plain data and returns the file's contents; the app and
//! the command line decide where to write them (the one read is `request::read_plan_file`, size-limited) ([`request`] is the one entry point both use).

pub(crate) mod csv;
pub mod ics;
pub(crate) mod json;
pub(crate) mod pdf;
pub mod plan_file;
pub mod request;
mod ron_spans;
#[cfg(test)]
pub(crate) mod test_data;

pub use csv::{
    DIARY_COLUMNS, RUN_COLUMNS, SESSION_LOG_COLUMNS, diary_csv, runs_csv, session_logs_csv,
};
pub use ics::{SessionTime, SessionTimes, plan_to_ics};
pub use json::all_data_json;
pub use pdf::{Paper, PrintRange, ReportInput, physio_report, sessions_pdf};
pub use plan_file::{
    ImportedPlan, PLAN_FILE_EXTENSION, PLAN_FILE_FORMAT, PLAN_FILE_VERSION, PlanFileMeta,
    PlanFileProblem, export_plan, parse_plan_file,
};

/// Why an export could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("there are no planned sessions to print in the chosen weeks")]
    NothingToPrint,
    #[error("week {week} is not in the plan, which has {weeks} weeks")]
    WeekOutOfRange { week: usize, weeks: usize },
    #[error("could not encode the data as {format}: {message}")]
    Encode {
        format: &'static str,
        message: String,
    },
    #[error("the built-in PDF font could not be read: {0}")]
    Font(String),
    #[error("the drawing for exercise {exercise_id} could not be decoded: {message}")]
    Image {
        exercise_id: String,
        message: String,
    },
}
