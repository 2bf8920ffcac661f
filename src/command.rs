//! The one command type every panel returns and the app, the command line and the tests apply: what the user
//! asked for, in domain terms. A leaf above the domains: it imports their command types and nothing imports `app`.

use crate::document::Appearance;
use crate::map::state::Command as MapCommand;
use crate::navigation::NavCommand;
use crate::planner::{PlannerCommand, SessionCommand};
use crate::running::RunningCommand;
use crate::triage::TriageCommand;

/// Something the user asked for. Panels return these; [`KneeMapApp::apply`] carries them out after drawing,
/// once per frame, and marks the data for saving when it changed.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum AppCommand {
    /// The map: spot, view, knee, symptom answers.
    Map(MapCommand),
    /// The red-flag checklist and the age question.
    Triage(TriageCommand),
    /// The open tab, the exercise shown, the Prevention tab's focus.
    Navigate(NavCommand),
    /// The plan and its logs.
    Planner(PlannerCommand),
    /// The session runner and its log form.
    Session(SessionCommand),
    /// The run log, shoes, running settings and return to running.
    Running(RunningCommand),
    /// The pain diary: the entry being written, saved entries, undo.
    Diary(crate::diary::DiaryCommand),
    /// Light, dark or the system's colours.
    SetAppearance(Appearance),
    /// Mute or unmute the session runner's sound cues (remembered).
    SetSoundMuted(bool),
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
    /// Add a plan read and checked from a `.kneemap-plan` file, with its pain limits: the accepted preview, or
    /// `kneemap import`. As a new plan (keeping the current one as an earlier plan) or replacing it.
    AddImportedPlan {
        imported: Box<crate::export::plan_file::ImportedPlan>,
        keep_current: bool,
    },
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

impl From<TriageCommand> for AppCommand {
    fn from(command: TriageCommand) -> Self {
        Self::Triage(command)
    }
}

impl From<NavCommand> for AppCommand {
    fn from(command: NavCommand) -> Self {
        Self::Navigate(command)
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

impl From<crate::diary::DiaryCommand> for AppCommand {
    fn from(command: crate::diary::DiaryCommand) -> Self {
        Self::Diary(command)
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

/// What the shell must do after a command, outside the document: file I/O on background jobs.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum Effect {
    /// Read activity files (runs) under these limits; the result is merged by `UserData::merge_activities`.
    ImportFiles {
        paths: Vec<std::path::PathBuf>,
        limits: crate::running::import::ImportLimits,
    },
    /// Write an export of the data as it is now.
    Export {
        request: crate::export::request::ExportRequest,
        path: std::path::PathBuf,
    },
    /// Read and check a `.kneemap-plan` file for the import preview.
    ReadPlanFile(std::path::PathBuf),
    /// Write the cadence click track.
    WriteClickTrack {
        path: std::path::PathBuf,
        spm: f64,
        minutes: u32,
    },
}

/// Which panel a refusal or a cleared message belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Map,
    Planner,
    Running,
    Diary,
    Settings,
}

/// What applying one command to the document did.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct Applied {
    /// The document changed and must be saved.
    pub changed: bool,
    /// What the shell must do next.
    pub effects: Vec<Effect>,
    /// Why the command was refused, for the user.
    pub refused: Option<String>,
    /// The panel the command came from (its message is cleared on a change, set on a refusal).
    pub panel: Panel,
}

impl Applied {
    /// Changed or not, no refusal, no effects.
    pub fn changed(panel: Panel, changed: bool) -> Self {
        Self {
            changed,
            effects: Vec::new(),
            refused: None,
            panel,
        }
    }

    /// Refused with a reason.
    pub fn refused(panel: Panel, reason: String) -> Self {
        Self {
            refused: Some(reason),
            ..Self::changed(panel, false)
        }
    }

    /// Nothing changed; the shell must do `effect`.
    pub fn effect(panel: Panel, effect: Effect) -> Self {
        Self {
            effects: vec![effect],
            ..Self::changed(panel, false)
        }
    }

    /// From the planner's own result.
    pub fn from_planner(applied: crate::planner::Applied) -> Self {
        match applied {
            crate::planner::Applied::Changed => Self::changed(Panel::Planner, true),
            crate::planner::Applied::Unchanged => Self::changed(Panel::Planner, false),
            crate::planner::Applied::Refused(reason) => Self::refused(Panel::Planner, reason),
        }
    }

    /// From the running log's own result.
    pub fn from_running(applied: crate::running::Applied) -> Self {
        match applied {
            crate::running::Applied::Changed => Self::changed(Panel::Running, true),
            crate::running::Applied::Unchanged => Self::changed(Panel::Running, false),
            crate::running::Applied::Refused(reason) => Self::refused(Panel::Running, reason),
        }
    }
}
