//! The shell's side of a command: the document applies it (`crate::document::Document::apply`); the app saves what
//! changed, shows the panel's message and runs the effects (file I/O) on background jobs.

use crate::command::{AppCommand, Applied, Effect, Panel};
use crate::content::Content;
use crate::document::When;
use crate::planner::{PlannerCommand, SessionOutcome};
use crate::running::{self, RunningContext};
use crate::triage::Safety;

use super::KneeMapApp;

impl KneeMapApp {
    /// Applies the frame's commands in order. Data that changed is saved by the next `logic()`.
    pub fn apply(&mut self, content: &Content, commands: Vec<AppCommand>) {
        if !commands.is_empty() {
            self.drawn_revision = self.drawn_revision.wrapping_add(1);
        }
        for command in commands {
            self.apply_one(content, command);
        }
        // Starting, "Set done" and "Skip" cue the step they lead to, this frame.
        self.sound_cues();
    }

    /// When a command is applied: the app's clock and whether the pointer is held.
    fn when(&self) -> When {
        When {
            now_utc: self.clock.now_utc(),
            today: self.clock.today(),
            pointer_held: self.pointer_down,
        }
    }

    fn apply_one(&mut self, content: &Content, command: AppCommand) {
        match command {
            // The shell's own state: the session runner, the plan-import preview and the store's notices.
            AppCommand::Session(command) => {
                let safety = self.safety(content);
                let outcome = self.session.apply(
                    command,
                    &self.document.data.planner,
                    safety,
                    self.clock.now(),
                    self.clock.today(),
                );
                match outcome {
                    SessionOutcome::Changed => self.planner_message = None,
                    SessionOutcome::Unchanged => {}
                    SessionOutcome::Refused(reason) => self.planner_message = Some(reason),
                    SessionOutcome::Save(log) => {
                        let when = self.when();
                        let applied = self.document.apply(
                            content,
                            AppCommand::Planner(PlannerCommand::LogSession(log)),
                            &when,
                        );
                        self.carry_out(content, applied);
                    }
                }
            }
            AppCommand::AcceptPlanImport { keep_current } => {
                if let Some(imported) = self.plan_preview.take() {
                    let command = AppCommand::AddImportedPlan {
                        imported: Box::new(imported),
                        keep_current,
                    };
                    let when = self.when();
                    let applied = self.document.apply(content, command, &when);
                    self.carry_out(content, applied);
                }
            }
            AppCommand::DiscardPlanImport => {
                self.plan_preview = None;
                self.plan_preview_problems.clear();
            }
            AppCommand::DismissDataNotice => self.persistence.dismiss_load_notice(),
            AppCommand::RestoreBackup => {
                if let Some(mut data) = self.persistence.restore_backup() {
                    data.sanitize(content);
                    self.document.replace(data);
                    self.session = crate::planner::SessionModel::default();
                }
            }
            // Everything else changes the document, which says what else must happen.
            command => {
                let when = self.when();
                let applied = self.document.apply(content, command, &when);
                self.carry_out(content, applied);
            }
        }
    }

    /// Saves a change, shows or clears the panel's message, and runs the effects on background jobs.
    fn carry_out(&mut self, content: &Content, applied: Applied) {
        if applied.changed {
            self.persistence.mark_dirty();
        }
        let message = match applied.panel {
            Panel::Planner => Some(&mut self.planner_message),
            Panel::Running => Some(&mut self.running_message),
            Panel::Diary => {
                // Any accepted diary command (a draft edit included) clears the last refusal.
                self.diary_message.clone_from(&applied.refused);
                None
            }
            Panel::Map | Panel::Settings => None,
        };
        if let Some(message) = message {
            if let Some(reason) = applied.refused {
                *message = Some(reason);
            } else if applied.changed {
                *message = None;
            }
        }
        for effect in applied.effects {
            self.run_effect(content, effect);
        }
    }

    /// File I/O off the drawing path: each effect on a background job, collected in `logic()`.
    fn run_effect(&mut self, content: &Content, effect: Effect) {
        let wake = self.waker();
        match effect {
            Effect::ImportFiles { paths, limits } => {
                self.running_message = Some(format!("Importing {} item(s)…", paths.len()));
                self.jobs.spawn(
                    "import",
                    move || {
                        super::jobs::JobDone::Imported(running::import::import_paths(
                            &paths, &limits,
                        ))
                    },
                    wake,
                );
            }
            Effect::WriteClickTrack { path, spm, minutes } => {
                self.jobs.spawn(
                    "click-track",
                    move || {
                        super::jobs::JobDone::Wrote(
                            running::cadence::write_click_track(&path, spm, minutes)
                                .map(|()| format!("Click track saved to {}.", path.display()))
                                .map_err(|e| e.to_string()),
                        )
                    },
                    wake,
                );
            }
            Effect::Export { request, path } => {
                // A snapshot, so the export reflects the data as it is now while the user goes on.
                let data = self.document.data.clone();
                let content = content.clone();
                let (now, today) = (self.clock.now_utc(), self.clock.today());
                self.export_message = Some(format!("Saving {}…", request.kind.label()));
                self.jobs.spawn(
                    "export",
                    move || {
                        let written = crate::export::request::export_bytes(
                            &data, &content, &request, now, today,
                        )
                        .map_err(|e| e.to_string())
                        .and_then(|bytes| {
                            crate::store::write_atomically(&path, &bytes)
                                .map_err(|e| format!("could not write {}: {e}", path.display()))
                        })
                        .map(|()| format!("Saved {} to {}.", request.kind.label(), path.display()));
                        super::jobs::JobDone::Wrote(written)
                    },
                    wake,
                );
            }
            Effect::ReadPlanFile(path) => {
                let content = content.clone();
                self.jobs.spawn(
                    "plan-file",
                    move || {
                        super::jobs::JobDone::PlanRead(crate::export::request::read_plan_file(
                            &path, &content,
                        ))
                    },
                    wake,
                );
            }
        }
    }

    /// What the running rules need to know: today, the red flags and the plan's pain limits.
    pub fn running_context(&self, content: &Content) -> RunningContext {
        self.document.running_context(content, &self.when())
    }

    /// The local day the red flags ticked now were ticked (the earliest), if any is.
    pub fn red_flag_since(&self) -> Option<chrono::NaiveDate> {
        self.document.red_flag_since(self.clock.now_utc())
    }

    /// Applies what background jobs finished: imported activities are merged (duplicates skipped).
    pub fn collect_jobs(&mut self) {
        for done in self.jobs.finished() {
            self.apply_job(done);
        }
    }

    /// Applies one finished job.
    pub(super) fn apply_job(&mut self, done: super::jobs::JobDone) {
        self.drawn_revision = self.drawn_revision.wrapping_add(1);
        {
            match done {
                super::jobs::JobDone::Imported(batch) => {
                    let report = self.document.data.merge_activities(batch);
                    let mut message = report.summary();
                    let failed = |line: &&running::import::MergeLine| {
                        matches!(line.outcome, running::import::MergeOutcome::Failed(_))
                            || matches!(&line.outcome, running::import::MergeOutcome::Imported { warnings, .. } if !warnings.is_empty())
                    };
                    for line in report.lines.iter().filter(failed) {
                        message.push('\n');
                        message.push_str(&line.to_string());
                    }
                    self.running_message = Some(message);
                    if report.activities_added > 0 {
                        self.persistence.mark_dirty();
                    }
                }
                super::jobs::JobDone::Wrote(Ok(line)) => self.export_message = Some(line),
                super::jobs::JobDone::PlanRead(Ok(imported)) => {
                    self.plan_preview = Some(*imported);
                    self.plan_preview_problems.clear();
                }
                super::jobs::JobDone::PlanRead(Err(problems)) => {
                    self.plan_preview = None;
                    self.plan_preview_problems = problems;
                }
                super::jobs::JobDone::Wrote(Err(error)) => {
                    self.export_message = Some(format!("Not saved: {error}"));
                }
            }
        }
    }

    /// What the ticked red flags allow now.
    pub fn safety(&self, content: &Content) -> Safety {
        self.document.data.safety(content)
    }
}
