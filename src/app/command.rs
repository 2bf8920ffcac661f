//! The one place where commands (`crate::command::AppCommand`) change the app's data.

use crate::command::AppCommand;
use crate::content::Content;
use crate::planner::{Applied, PlannerCommand, SessionOutcome};
use crate::running::{self, RunningCommand, RunningContext};
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
    }

    fn apply_one(&mut self, content: &Content, command: AppCommand) {
        match command {
            AppCommand::Map(command) => {
                if self.data.map.apply(content, command, self.clock.now_utc()) {
                    self.persistence.mark_dirty();
                }
            }
            AppCommand::Planner(mut command) => {
                // The runner's age band, as the user gave it, decides which programmes may be suggested.
                if let PlannerCommand::Generate(options) = &mut command {
                    options.age_band = self.data.map.age_band;
                    options.age_answered = self.data.map.age_question_done;
                }
                let safety = self.safety(content);
                let is_edit = command.is_plan_edit();
                let before = is_edit.then(|| crate::planner::PlanState::of(&self.data.planner));
                let applied = self.data.planner.apply(content, command, safety);
                if let Some(before) = before
                    && applied == Applied::Changed
                    && !before.matches(&self.data.planner)
                    // A drag sends an edit every frame: one undo step for the whole drag.
                    && !self.edit_in_progress
                {
                    self.plan_history.record(before);
                    self.edit_in_progress = self.pointer_down;
                }
                self.note_planner_outcome(applied);
            }
            AppCommand::UndoPlanEdit => {
                if self.plan_history.undo_in(&mut self.data.planner) {
                    self.planner_message = None;
                    self.persistence.mark_dirty();
                }
            }
            AppCommand::RedoPlanEdit => {
                if self.plan_history.redo_in(&mut self.data.planner) {
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
            AppCommand::Running(command) => self.apply_running(content, command),
            AppCommand::SetAppearance(appearance) => {
                if self.data.preferences.appearance != appearance {
                    self.data.preferences.appearance = appearance;
                    self.persistence.mark_dirty();
                }
            }
            AppCommand::DismissDataNotice => self.persistence.dismiss_load_notice(),
            AppCommand::Export { request, path } => {
                // A snapshot, so the export reflects the data as it is now while the user goes on.
                let data = self.data.clone();
                let content = content.clone();
                let (now, today) = (self.clock.now_utc(), self.clock.today());
                self.export_message = Some(format!("Saving {}…", request.kind.label()));
                let wake = self.waker();
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
            AppCommand::ReadPlanFile(path) => {
                let content = content.clone();
                let wake = self.waker();
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
            AppCommand::AcceptPlanImport { keep_current } => {
                if let Some(imported) = self.plan_preview.take() {
                    // Adding a plan is a plan edit: undo takes it back, with the earlier plans as they were.
                    let before = crate::planner::PlanState::of(&self.data.planner);
                    let applied = self.data.add_imported_plan(content, imported, keep_current);
                    if applied == Applied::Changed && !before.matches(&self.data.planner) {
                        self.plan_history.record(before);
                    }
                    self.note_planner_outcome(applied);
                }
            }
            AppCommand::DiscardPlanImport => {
                self.plan_preview = None;
                self.plan_preview_problems.clear();
            }
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

    /// Running commands: imports and the click track go to a background job; the rest change the run log.
    fn apply_running(&mut self, content: &Content, command: RunningCommand) {
        match command {
            RunningCommand::ImportFiles(paths) => {
                let limits = self.data.import_limits();
                self.running_message = Some(format!("Importing {} item(s)…", paths.len()));
                let wake = self.waker();
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
            RunningCommand::ExportClickTrack { path, spm, minutes } => {
                let wake = self.waker();
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
            command => {
                let context = self.running_context(content);
                match self.data.running.apply(command, &context) {
                    running::Applied::Changed => {
                        self.running_message = None;
                        self.persistence.mark_dirty();
                    }
                    running::Applied::Unchanged => {}
                    running::Applied::Refused(reason) => self.running_message = Some(reason),
                }
            }
        }
    }

    /// What the running rules need to know: today, the red flags and the plan's pain limits.
    pub fn running_context(&self, content: &Content) -> RunningContext {
        RunningContext {
            today: self.clock.today(),
            red_flag_ticked: self.safety(content).progression_paused(),
            red_flag_since: self.red_flag_since(),
            thresholds: self.data.planner.thresholds().clone(),
        }
    }

    /// The local day the red flags ticked now were ticked (the earliest), if any is.
    pub fn red_flag_since(&self) -> Option<chrono::NaiveDate> {
        self.data
            .map
            .red_flags_ticked_since(self.clock.now_utc())
            .map(|at| crate::running::model::to_local(at).date_naive())
    }

    /// The pain limit in use: the current plan's (limits live on the plan only), or the default.
    pub fn pain_limit(&self) -> u8 {
        self.data.planner.thresholds().max_during
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
                    let report = self.data.merge_activities(batch);
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
        self.data.safety(content)
    }
}
