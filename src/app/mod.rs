//! The eframe application: owns the content, the user's data, the session runner and the panels' own state;
//! `logic()` saves, loads pictures and ticks timers, `ui()` draws the layout and applies the frame's commands.
//!
//! ```text
//! panels (ui/*) ──draw, return Vec<AppCommand>──▶ KneeMapApp::apply (command.rs) ──▶ UserData / SessionModel
//!                                                                  │ marks dirty
//! next frame: logic() ──▶ Persistence::save_if_dirty (persistence.rs) ──hands a copy──▶ writer thread ──▶ Store
//!             logic() ◀── Persistence::collect_saves ◀── the writer's report (a failed save's notice)
//! ```

pub(crate) mod command;
pub mod desktop;
pub(crate) mod jobs;
pub mod persistence;
pub mod sound;

use egui::Ui;

use crate::clock::Clock;
use crate::content::{Content, ContentErrors};
use crate::document::UserData;
use crate::map::state::MapState;
use crate::navigation::{NavCommand, Tab};
use crate::planner::{PlannerData, SessionModel};
use crate::store::Store;
use crate::ui::theme;

pub use crate::command::AppCommand;
use crate::ui::layout::{self, Panels};
use persistence::{LEGACY_EFRAME_STATE_KEY, Persistence};

/// Window title.
pub use crate::APP_NAME;

/// Content that loaded, or the reasons it did not.
enum Loaded {
    Ready(Box<Content>),
    Broken(ContentErrors),
}

/// The whole app.
pub struct KneeMapApp {
    /// Shared with the drawing code and never changed after start, so it sits behind an `Rc` and the app can be
    /// borrowed mutably while content is read.
    loaded: std::rc::Rc<Loaded>,
    /// Everything the user has said, with undo over the plan; saved after every change.
    document: crate::document::Document,
    /// The session runner (not saved: a session is short, and its log is saved when finished).
    session: SessionModel,
    persistence: Persistence,
    clock: Clock,
    /// Why the last planner or session command was refused, shown in the Planner tab.
    planner_message: Option<String>,
    /// Each panel's own runtime state (tabs' sub-views, forms, filters, textures).
    panels: Panels,
    /// The appearance applied to the context, to re-apply only on change.
    applied_appearance: Option<crate::document::Appearance>,
    /// The eframe storage key of older versions has been removed.
    legacy_state_removed: bool,
    /// The pointer is held down this frame (a drag in progress: its edits are one undo step).
    pointer_down: bool,
    /// The data folder, for the About tab (found once: the store does not move).
    data_dir: Option<std::path::PathBuf>,
    /// Imports and exports running in the background.
    jobs: jobs::Jobs,
    /// The last running action's result (an import report, a refused change).
    running_message: Option<String>,
    /// Why the pain diary refused the last command.
    diary_message: Option<String>,
    /// The last export's result.
    export_message: Option<String>,
    /// A plan file read and checked, waiting for "add" or "replace".
    plan_preview: Option<crate::export::ImportedPlan>,
    /// Why the last plan file was refused, one line per problem.
    plan_preview_problems: Vec<String>,
    /// Asks for a repaint from a background thread when a job finishes.
    repaint: Option<egui::Context>,
    /// Changes whenever what the panels draw may have changed (commands applied, a job finished), so long
    /// panels measure their blocks again (see `ui::culled_scroll`).
    drawn_revision: u64,
    /// Where the session runner's cue sounds go (off unless the binary or a test chooses an output).
    sound: sound::SoundOutput,
}

impl KneeMapApp {
    /// Builds the app from eframe's creation context with the data in `store` (the platform data folder or
    /// `--data-dir` in the real app, a temporary one in tests; `None`: nothing is saved). The map state older
    /// versions kept in eframe's storage is imported once.
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        content: Result<Content, ContentErrors>,
        store: Option<Store>,
    ) -> Self {
        let (mut persistence, mut data) = Persistence::open(store);
        let legacy = cc.storage.and_then(|storage| {
            eframe::get_value::<crate::document::MapStateV5>(storage, LEGACY_EFRAME_STATE_KEY)
        });
        if persistence::import_legacy_map_state(&mut data, legacy) {
            persistence.mark_dirty();
        }
        let ctx = cc.egui_ctx.clone();
        persistence.set_waker(move || ctx.request_repaint());
        let mut app = Self::from_parts(&cc.egui_ctx, content, data);
        app.data_dir = persistence.store().map(crate::store::Store::dir);
        app.persistence = persistence;
        app
    }

    /// Builds the app on a plain egui context with `data` and no store (tests and benchmarks).
    pub fn from_parts(
        ctx: &egui::Context,
        content: Result<Content, ContentErrors>,
        mut data: UserData,
    ) -> Self {
        let loaded = match content {
            Ok(content) => {
                data.sanitize(&content);
                Loaded::Ready(Box::new(content))
            }
            Err(errors) => Loaded::Broken(errors),
        };
        theme::apply(ctx, data.preferences.appearance);
        Self {
            loaded: std::rc::Rc::new(loaded),
            applied_appearance: Some(data.preferences.appearance),
            document: crate::document::Document::new(data),
            session: SessionModel::default(),
            persistence: Persistence::default(),
            clock: Clock::system(),
            planner_message: None,
            panels: Panels::new(ctx),
            legacy_state_removed: false,
            pointer_down: false,
            data_dir: None,
            jobs: jobs::Jobs::default(),
            running_message: None,
            diary_message: None,
            export_message: None,
            plan_preview: None,
            plan_preview_problems: Vec::new(),
            repaint: Some(ctx.clone()),
            drawn_revision: 0,
            sound: sound::SoundOutput::Off,
        }
    }

    /// Sends the session runner's cue sounds to `output`: the device in the real app (opened by the first cue),
    /// a recording in tests. The default is [`sound::SoundOutput::Off`].
    #[must_use]
    pub fn with_sound_output(mut self, output: sound::SoundOutput) -> Self {
        self.set_sound_output(output);
        self
    }

    /// As [`Self::with_sound_output`], on an app already built (tests that start it through eframe).
    pub fn set_sound_output(&mut self, mut output: sound::SoundOutput) {
        if let Some(ctx) = self.repaint.clone() {
            output.set_waker(move || ctx.request_repaint());
        }
        self.sound = output;
    }

    /// Where the cue sounds go (tests: whether the device was asked for, the notice).
    pub fn sound_output(&self) -> &sound::SoundOutput {
        &self.sound
    }

    /// Sounds the session timer's cues since the last call, unless muted: one sound per batch (see
    /// `sound::tones`). The device hears of it only here.
    fn sound_cues(&mut self) {
        let cues = self.session.take_cues();
        if self.document.data.preferences.sound_muted {
            return;
        }
        if let Some(cue_sound) = sound::CueSound::for_batch(&cues) {
            self.sound.play(cue_sound);
        }
    }

    /// Opens the files KneeMap was started with (`kneemap FILE...`, a double-click in a file manager) the way the
    /// window already handles them: activity files, folders and Strava exports go to the run log's import job on
    /// the Running tab, as a drop does; the first `.kneemap-plan` file is read for the plan import preview of the
    /// Planner's Export & share view, as "Choose a plan file…" does (further plan files are named, to open one at
    /// a time). Nothing is opened while the content is broken: the window shows why instead.
    #[must_use]
    pub fn with_start_files(mut self, paths: Vec<std::path::PathBuf>) -> Self {
        let loaded = std::rc::Rc::clone(&self.loaded);
        let Loaded::Ready(content) = loaded.as_ref() else {
            return self;
        };
        let (plans, activities): (Vec<_>, Vec<_>) = paths
            .into_iter()
            .partition(|p| crate::cli::exchange::is_plan_file(p));
        let mut commands = Vec::new();
        if !activities.is_empty() {
            commands.push(AppCommand::Navigate(NavCommand::ShowTab(Tab::Running)));
            commands.push(AppCommand::Running(
                crate::running::RunningCommand::ImportFiles(activities),
            ));
        }
        if let Some((first, others)) = plans.split_first() {
            commands.push(AppCommand::Navigate(NavCommand::ShowTab(Tab::Planner)));
            commands.push(AppCommand::ReadPlanFile(first.clone()));
            self.panels.planner.view = crate::ui::planner::PlannerView::Share;
            if !others.is_empty() {
                let names: Vec<String> = others.iter().map(|p| p.display().to_string()).collect();
                self.planner_message = Some(format!(
                    "Showing {}. Open the other plan files one at a time: {}.",
                    first.display(),
                    names.join(", ")
                ));
            }
        }
        self.apply(content, commands);
        self
    }

    /// Replaces the clock (tests drive the session runner with a manual clock).
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    /// The clock, to move a manual clock forward in tests.
    pub fn clock_mut(&mut self) -> &mut Clock {
        &mut self.clock
    }

    /// Everything the user has said.
    /// The pain-diary entry being written, if any (tests).
    pub fn diary_draft(&self) -> Option<&crate::diary::DiaryEntry> {
        self.document
            .diary_editor
            .draft
            .as_ref()
            .map(|draft| &draft.entry)
    }

    pub fn data(&self) -> &UserData {
        &self.document.data
    }

    /// The map state.
    pub fn state(&self) -> &MapState {
        &self.document.data.map
    }

    /// The red-flag ticks and the age answer.
    pub fn triage(&self) -> &crate::triage::TriageState {
        &self.document.data.triage
    }

    /// The open tab and what it shows.
    pub fn navigation(&self) -> &crate::navigation::Navigation {
        &self.document.data.navigation
    }

    /// The planner's data.
    pub fn planner_data(&self) -> &PlannerData {
        &self.document.data.planner
    }

    /// The session runner.
    pub fn session(&self) -> &SessionModel {
        &self.session
    }

    /// Data changed and is not on disk yet: not handed to the writer thread, or handed over and still being
    /// written.
    pub fn has_unsaved_changes(&self) -> bool {
        self.persistence.is_dirty() || self.persistence.is_writing()
    }

    /// Waits until the writer thread has written everything handed to it and takes its reports, as the next
    /// `logic()` would (tests that read the store file).
    pub fn wait_for_saves(&mut self) {
        self.persistence.wait_for_saves();
    }

    /// A callback for background threads that wakes the UI when they finish.
    fn waker(&self) -> impl FnOnce() + Send + 'static {
        let ctx = self.repaint.clone();
        move || {
            if let Some(ctx) = ctx {
                ctx.request_repaint();
            }
        }
    }

    /// Waits for background imports and exports and applies them (tests and benchmarks).
    pub fn finish_jobs(&mut self) {
        for done in self.jobs.wait_all() {
            self.apply_job(done);
        }
    }

    /// The last running or export message (tests).
    pub fn messages(&self) -> (Option<&str>, Option<&str>) {
        (
            self.running_message.as_deref(),
            self.export_message.as_deref(),
        )
    }

    /// The panels' runtime state (benchmarks and tests choose the planner's sub-view).
    pub fn panels_mut(&mut self) -> &mut Panels {
        &mut self.panels
    }

    /// Draws one frame of the whole window into `ui`, then applies what the user did.
    pub fn main_ui(&mut self, ui: &mut Ui) {
        let loaded = std::rc::Rc::clone(&self.loaded);
        let content = match loaded.as_ref() {
            Loaded::Ready(content) => content,
            Loaded::Broken(errors) => {
                layout::content_errors_ui(ui, errors);
                return;
            }
        };
        self.pointer_down = ui.ctx().input(|i| i.pointer.any_down());
        let notices = self.persistence.notices();
        let view = layout::AppView {
            data: &self.document.data,
            session: &self.session,
            safety: self.safety(content),
            red_flag_since: self.red_flag_since(),
            notices: &notices,
            has_offered_backup: self.persistence.has_offered_backup(),
            drawn_revision: self.drawn_revision,
            now: self.clock.now(),
            today: self.clock.today(),
            planner_message: self.planner_message.as_deref(),
            running_message: self.running_message.as_deref(),
            export_message: self.export_message.as_deref(),
            can_undo: self.document.can_undo(),
            can_redo: self.document.can_redo(),
            plan_preview: self.plan_preview.as_ref(),
            plan_preview_problems: &self.plan_preview_problems,
            data_dir: self.data_dir.as_deref(),
            now_utc: self.clock.now_utc(),
            diary_editor: &self.document.diary_editor,
            diary_message: self.diary_message.as_deref(),
            sound_notice: self.sound.notice(),
        };
        let commands = layout::draw(ui, content, &view, &mut self.panels);
        self.apply(content, commands);
        if self.persistence.is_dirty() {
            // The save happens in the next frame's logic(); an idle app draws no frames, so ask for one.
            ui.ctx().request_repaint();
        }
    }
}

impl eframe::App for KneeMapApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        // Finished imports and exports change data before this frame's save.
        self.collect_jobs();
        // Finished saves: a failure shows its notice, a success clears it.
        self.persistence.collect_saves();
        // Hand the data to the writer thread: the frame after a change (a drag saves once, on release).
        let pointer_down = ctx.input(|i| i.pointer.any_down());
        self.persistence
            .save_if_dirty(&self.document.data, pointer_down);
        if self.applied_appearance != Some(self.document.data.preferences.appearance) {
            theme::apply(ctx, self.document.data.preferences.appearance);
            self.applied_appearance = Some(self.document.data.preferences.appearance);
        }
        // Pictures the next frame may show are decoded here, never while drawing.
        let wanted: Vec<String> = self
            .document
            .data
            .navigation
            .open_exercise
            .iter()
            .cloned()
            .chain(self.session.current_exercise_id().map(str::to_owned))
            .collect();
        for exercise_id in &wanted {
            self.panels.exercise_textures.ensure(ctx, exercise_id);
        }
        // A running session's countdown repaints only as often as the number on screen changes.
        if let Some(wait) = self.session.tick(self.clock.now()) {
            ctx.request_repaint_after(wait);
        }
        self.sound_cues();
        // A missing sound device is said once, in the runner.
        self.sound.poll();
    }

    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.main_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        // eframe's storage keeps window geometry only; the map state it held for older versions is imported.
        if !self.legacy_state_removed {
            storage.remove_string(LEGACY_EFRAME_STATE_KEY);
            self.legacy_state_removed = true;
        }
        // Called every few seconds too: hands over what is unsaved (or failed), never waits.
        self.persistence.save_unsaved(&self.document.data);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // The window closes only once the last write is on disk.
        self.persistence.finish(&self.document.data);
    }
}
