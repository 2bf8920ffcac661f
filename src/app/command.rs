//! The one command type every panel returns, and the one place where commands change the app's data.

use crate::content::Content;
use crate::map::state::Command as MapCommand;
use crate::map::triage::Safety;
use crate::planner::{Applied, PlannerCommand, SessionCommand, SessionOutcome};
use crate::store::Appearance;

use super::KneeMapApp;

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
    /// Light, dark or the system's colours.
    SetAppearance(Appearance),
    /// Replace the data with the backup offered after a damaged file was kept aside.
    RestoreBackup,
    /// Hide the notice about loading the data (the user has read it).
    DismissDataNotice,
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

impl From<SessionCommand> for AppCommand {
    fn from(command: SessionCommand) -> Self {
        Self::Session(command)
    }
}

impl KneeMapApp {
    /// Applies the frame's commands in order. Data that changed is saved by the next `logic()`.
    pub fn apply(&mut self, content: &Content, commands: Vec<AppCommand>) {
        for command in commands {
            self.apply_one(content, command);
        }
    }

    fn apply_one(&mut self, content: &Content, command: AppCommand) {
        match command {
            AppCommand::Map(command) => {
                let before = self.data.map.clone();
                self.data.map.apply(content, command, self.clock.now_utc());
                if self.data.map != before {
                    self.persistence.mark_dirty();
                }
            }
            AppCommand::Planner(command) => {
                let safety = self.safety(content);
                let is_edit = command.is_plan_edit();
                let before = is_edit.then(|| self.data.planner.plan.clone());
                let applied = self.data.planner.apply(content, command, safety);
                if let Some(before) = before
                    && applied == Applied::Changed
                    && before != self.data.planner.plan
                    // A drag sends an edit every frame: one undo step for the whole drag.
                    && !self.edit_in_progress
                {
                    self.plan_history.record(before);
                    self.edit_in_progress = self.pointer_down;
                }
                self.note_planner_outcome(applied);
            }
            AppCommand::UndoPlanEdit => {
                if self.plan_history.undo(&mut self.data.planner.plan) {
                    self.planner_message = None;
                    self.persistence.mark_dirty();
                }
            }
            AppCommand::RedoPlanEdit => {
                if self.plan_history.redo(&mut self.data.planner.plan) {
                    self.planner_message = None;
                    self.persistence.mark_dirty();
                }
            }
            AppCommand::Session(command) => {
                let safety = self.safety(content);
                let outcome = self.session.apply(
                    command,
                    &self.data.planner,
                    safety,
                    self.clock.now(),
                    self.clock.today(),
                );
                match outcome {
                    SessionOutcome::Changed => self.planner_message = None,
                    SessionOutcome::Unchanged => {}
                    SessionOutcome::Refused(reason) => self.planner_message = Some(reason),
                    SessionOutcome::Save(log) => {
                        let applied = self.data.planner.apply(
                            content,
                            PlannerCommand::LogSession(log),
                            safety,
                        );
                        self.note_planner_outcome(applied);
                    }
                }
            }
            AppCommand::SetAppearance(appearance) => {
                if self.data.preferences.appearance != appearance {
                    self.data.preferences.appearance = appearance;
                    self.persistence.mark_dirty();
                }
            }
            AppCommand::DismissDataNotice => self.persistence.dismiss_load_notice(),
            AppCommand::RestoreBackup => {
                if let Some(data) = self.persistence.restore_backup() {
                    self.data = data;
                    self.data.map.sanitize(content);
                    self.session = crate::planner::SessionModel::default();
                    self.plan_history.clear();
                }
            }
        }
    }

    fn note_planner_outcome(&mut self, applied: Applied) {
        match applied {
            Applied::Changed => {
                self.planner_message = None;
                self.persistence.mark_dirty();
            }
            Applied::Unchanged => {}
            Applied::Refused(reason) => self.planner_message = Some(reason),
        }
    }

    /// What the ticked red flags allow now.
    pub fn safety(&self, content: &Content) -> Safety {
        Safety::from_ticked(&content.red_flags, &self.data.map.ticked_red_flags)
    }
}
