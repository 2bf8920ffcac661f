//! The one command type every panel returns and the app, the command line and the tests apply: what the user
//! asked for, in domain terms. A leaf above the domains: it imports their command types and nothing imports `app`.

use crate::document::Appearance;
use crate::map::state::Command as MapCommand;
use crate::planner::{PlannerCommand, SessionCommand};
use crate::running::RunningCommand;

/// Something the user asked for. Panels return these; [`KneeMapApp::apply`] carries them out after drawing,
/// once per frame, and marks the data for saving when it changed.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum AppCommand {
    /// The map: spot, view, knee, symptom answers, red flags, tabs.
    Map(MapCommand),
    /// The plan and its logs.
    Planner(PlannerCommand),
    /// The session runner and its log form.
    Session(SessionCommand),
    /// The run log, shoes, running settings and return to running.
    Running(RunningCommand),
    /// Light, dark or the system's colours.
    SetAppearance(Appearance),
    /// Replace the data with the backup offered after a damaged file was kept aside.
    RestoreBackup,
    /// Hide the notice about loading the data (the user has read it).
    DismissDataNotice,
    /// Write an export to a file (on a background job).
    Export {
        request: crate::export::request::ExportRequest,
        path: std::path::PathBuf,
    },
    /// Read and check a `.kneemap-plan` file for the import preview (on a background job).
    ReadPlanFile(std::path::PathBuf),
    /// Use the previewed plan: as a new plan (keeping the current one as an earlier plan) or replacing it.
    AcceptPlanImport { keep_current: bool },
    /// Drop the previewed plan.
    DiscardPlanImport,
    /// Take back the last plan edit (Ctrl+Z).
    UndoPlanEdit,
    /// Do the last undone plan edit again (Ctrl+Shift+Z).
    RedoPlanEdit,
}

impl From<MapCommand> for AppCommand {
    fn from(command: MapCommand) -> Self {
        Self::Map(command)
    }
}

impl From<PlannerCommand> for AppCommand {
    fn from(command: PlannerCommand) -> Self {
        Self::Planner(command)
    }
}

impl From<RunningCommand> for AppCommand {
    fn from(command: RunningCommand) -> Self {
        Self::Running(command)
    }
}

impl From<SessionCommand> for AppCommand {
    fn from(command: SessionCommand) -> Self {
        Self::Session(command)
    }
}

/// What the user must know about their saved data, shown above the window's content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    /// A save failed: shown as an error until a save succeeds.
    pub is_error: bool,
}
