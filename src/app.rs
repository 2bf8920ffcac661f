//! The eframe application: owns content, state and textures, lays out the panels, applies their commands.

use egui::{RichText, Ui};

use crate::clock::Clock;
use crate::content::{Content, ContentErrors, ViewKind};
use crate::diagram::Knee;
use crate::library::ExerciseFilter;
use crate::planner::{Applied, PlannerData};
use crate::state::{Command, MapState, Tab};
use crate::store::{LoadOutcome, Store};
use crate::ui::diagram::DiagramTextures;
use crate::ui::planner::{PlannerContext, PlannerUi};
use crate::ui::{about, condition, diagram, exercises, planner, prevention, red_flags, theme};

/// Key of the map state in eframe's storage.
const STATE_KEY: &str = "kneemap_map_state";

/// Window title.
pub const APP_NAME: &str = "KneeMap";

/// Content that loaded, or the reasons it did not.
enum Loaded {
    Ready(Box<Content>),
    Broken(ContentErrors),
}

/// The whole app.
pub struct KneeMapApp {
    loaded: Loaded,
    state: MapState,
    textures: DiagramTextures,
    exercise_filter: ExerciseFilter,
    /// The Prevention tab should scroll to `state.prevention_focus` on its next frame.
    prevention_focus_pending: bool,
    /// The user's plan and logs, saved to `store` after every change.
    planner_data: PlannerData,
    planner_ui: PlannerUi,
    /// Where planner data lives; `None` when no data directory could be found (nothing is saved).
    store: Option<Store>,
    /// What the user must know about their saved data (recovered file, failed save).
    store_notice: Option<String>,
    /// A backup the user can restore after a damaged file was kept aside.
    offered_backup: Option<std::path::PathBuf>,
    clock: Clock,
    /// Planner data changed and is not yet on disk (saving waits until a drag ends).
    planner_dirty: bool,
    /// Exercise pictures, uploaded on first use.
    exercise_textures: exercises::ExerciseTextures,
}

impl KneeMapApp {
    /// Builds the app from eframe's creation context, restoring the map state from eframe storage and the
    /// planner's data from `store` (the platform data directory in the real app, a temporary one in tests).
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        content: Result<Content, ContentErrors>,
        store: Option<Store>,
    ) -> Self {
        let saved = cc
            .storage
            .and_then(|storage| eframe::get_value::<MapState>(storage, STATE_KEY))
            .unwrap_or_default();
        let mut app = Self::from_parts(&cc.egui_ctx, content, saved);
        app.attach_store(store);
        app
    }

    /// Loads planner data from the store. A damaged file is kept aside and the user is told.
    pub fn attach_store(&mut self, store: Option<Store>) {
        match &store {
            Some(store) => match store.load::<PlannerData>() {
                LoadOutcome::Fresh(_) => self.planner_data = PlannerData::new(),
                LoadOutcome::Loaded(data) => self.planner_data = data,
                LoadOutcome::Recovered { data, notice, .. } => {
                    self.planner_data = data;
                    self.store_notice = Some(notice);
                    // Later saves rotate the backups, so keep a private copy of the good one to restore from.
                    self.offered_backup = store
                        .latest_good_backup::<PlannerData>()
                        .and_then(|backup| preserve_copy(&backup));
                }
            },
            None => {
                self.store_notice = Some(
                    "No data folder was found, so your plan and logs will not be saved this time."
                        .to_owned(),
                );
            }
        }
        self.store = store;
    }

    /// Replaces the clock (tests drive the session runner with a manual clock).
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    /// The clock, to move a manual clock forward in tests.
    pub fn clock_mut(&mut self) -> &mut Clock {
        &mut self.clock
    }

    /// The planner's data (for tests).
    pub fn planner_data(&self) -> &PlannerData {
        &self.planner_data
    }

    /// Builds the app on a plain egui context (tests and benchmarks). Planner data starts empty and is not
    /// saved until [`Self::attach_store`].
    pub fn from_parts(
        ctx: &egui::Context,
        content: Result<Content, ContentErrors>,
        mut state: MapState,
    ) -> Self {
        theme::apply(ctx);
        let loaded = match content {
            Ok(content) => {
                state.sanitize(&content);
                Loaded::Ready(Box::new(content))
            }
            Err(errors) => Loaded::Broken(errors),
        };
        Self {
            loaded,
            state,
            textures: DiagramTextures::load(ctx),
            exercise_filter: ExerciseFilter::default(),
            prevention_focus_pending: false,
            planner_data: PlannerData::new(),
            planner_ui: PlannerUi::default(),
            store: None,
            store_notice: None,
            offered_backup: None,
            clock: Clock::system(),
            planner_dirty: false,
            exercise_textures: exercises::ExerciseTextures::default(),
        }
    }

    /// The planner tab's runtime state (benchmarks and tests choose its view).
    pub fn planner_ui_mut(&mut self) -> &mut PlannerUi {
        &mut self.planner_ui
    }

    /// Replaces the planner data (benchmarks and tests).
    pub fn set_planner_data(&mut self, data: PlannerData) {
        self.planner_data = data;
    }

    /// Applies planner commands and saves once if anything changed.
    fn apply_planner_commands(
        &mut self,
        content: &Content,
        commands: Vec<crate::planner::PlannerCommand>,
    ) {
        let red_flag_ticked = !self.state.ticked_red_flags.is_empty();
        let mut changed = false;
        for command in commands {
            match self.planner_data.apply(content, command, red_flag_ticked) {
                Applied::Changed => changed = true,
                Applied::Unchanged => {}
                Applied::Refused(message) => self.planner_ui.message = Some(message),
            }
        }
        if changed {
            self.planner_ui.message = None;
            self.planner_dirty = true;
        }
    }

    fn save_planner(&mut self) {
        self.planner_dirty = false;
        if let Some(store) = &self.store {
            match store.save(&self.planner_data) {
                Ok(()) => {
                    if self.offered_backup.is_none() {
                        self.store_notice = None;
                    }
                }
                Err(e) => {
                    self.store_notice = Some(format!("Your last change could not be saved: {e}"))
                }
            }
        }
    }

    fn restore_backup(&mut self) {
        let (Some(store), Some(backup)) = (&self.store, self.offered_backup.take()) else {
            return;
        };
        match store.restore_backup::<PlannerData>(&backup) {
            Ok(data) => {
                self.planner_data = data;
                self.store_notice = Some(format!("Restored your data from {}.", backup.display()));
            }
            Err(e) => self.store_notice = Some(format!("The backup could not be restored: {e}")),
        }
    }

    /// The current map state (for tests).
    pub fn state(&self) -> &MapState {
        &self.state
    }

    /// Draws one frame of the whole window into `ui` and applies what the user did.
    pub fn main_ui(&mut self, ui: &mut Ui) {
        let Loaded::Ready(content) = &self.loaded else {
            if let Loaded::Broken(errors) = &self.loaded {
                content_errors_ui(ui, errors);
            }
            return;
        };
        let content: &Content = content;
        let mut commands = Vec::new();
        let mut planner_commands = Vec::new();
        let mut restore_requested = false;

        egui::Panel::top("top_bar").show(ui, |ui| {
            commands.extend(top_bar_ui(ui, &self.state));
        });
        if let Some(advice) = red_flags::current_advice(content, &self.state) {
            egui::Panel::top("red_flag_banner")
                .frame(egui::Frame::new())
                .show(ui, |ui| red_flags::banner_ui(ui, &advice));
        }
        if !self.state.disclaimer_acknowledged {
            egui::Panel::top("disclaimer").show(ui, |ui| {
                commands.extend(disclaimer_ui(ui, content));
            });
        }
        egui::Panel::bottom("footer").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new("Educational only — KneeMap cannot diagnose. Offline: nothing leaves this computer.")
                        .small()
                        .color(theme::MUTED_TEXT),
                );
            });
        });

        let screen_width = ui.available_width();
        // The map first, so Tab reaches the diagram before the checklist.
        egui::Panel::left("map")
            .resizable(true)
            .default_size((screen_width * 0.31).clamp(300.0, 440.0))
            // Ranges follow the window, so shrinking it narrows the side columns instead of the centre.
            .size_range(260.0..=(screen_width * 0.36).max(261.0))
            .show(ui, |ui| {
                commands.extend(map_column_ui(ui, content, &self.state, &self.textures));
            });
        egui::Panel::right("red_flags")
            .resizable(true)
            .default_size((screen_width * 0.22).clamp(230.0, 300.0))
            .size_range(210.0..=(screen_width * 0.26).max(211.0))
            .show(ui, |ui| {
                commands.extend(red_flags::checklist_ui(ui, content, &self.state));
            });
        egui::CentralPanel::default().show(ui, |ui| {
            commands.extend(tabs_ui(ui, &self.state));
            ui.separator();
            match self.state.tab {
                Tab::Condition => {
                    commands.extend(condition::condition_tab_ui(ui, content, &self.state))
                }
                Tab::Planner => {
                    let context = PlannerContext {
                        now: self.clock.now(),
                        today: self.clock.today(),
                        red_flag_ticked: !self.state.ticked_red_flags.is_empty(),
                        red_flag_urgency: red_flags::current_advice(content, &self.state)
                            .map(|advice| advice.urgency),
                        open_condition: self.state.open_condition.as_deref(),
                        store_notice: self.store_notice.as_deref(),
                        exercise_textures: &self.exercise_textures,
                    };
                    if self.offered_backup.is_some()
                        && ui.button("Restore the last good backup").clicked()
                    {
                        restore_requested = true;
                    }
                    planner_commands = planner::planner_tab_ui(
                        ui,
                        content,
                        &self.planner_data,
                        &mut self.planner_ui,
                        &context,
                    );
                }
                Tab::Exercises => commands.extend(exercises::exercises_tab_ui(
                    ui,
                    content,
                    &self.state,
                    &mut self.exercise_filter,
                    &self.exercise_textures,
                )),
                Tab::Prevention => {
                    let pending = std::mem::take(&mut self.prevention_focus_pending);
                    commands.extend(prevention::prevention_tab_ui(
                        ui,
                        content,
                        &self.state,
                        pending,
                    ));
                }
                Tab::About => about::about_tab_ui(ui, content),
            }
        });

        for command in commands {
            if matches!(command, Command::ShowPrevention(_)) {
                self.prevention_focus_pending = true;
            }
            self.state.apply(content, command);
        }
        if !planner_commands.is_empty() {
            // Take the content out for the duration of the call, so the planner can borrow the app mutably.
            let placeholder = Loaded::Broken(ContentErrors(Vec::new()));
            if let Loaded::Ready(content) = std::mem::replace(&mut self.loaded, placeholder) {
                self.apply_planner_commands(&content, planner_commands);
                self.loaded = Loaded::Ready(content);
            }
        }
        // Save after every change, but not on every frame of a drag: once the pointer is released.
        if self.planner_dirty && !ui.ctx().input(|i| i.pointer.any_down()) {
            self.save_planner();
        }
        if restore_requested {
            self.restore_backup();
        }
    }
}

impl eframe::App for KneeMapApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        // Pictures the next frame may show are decoded here, never while drawing.
        let wanted = self
            .state
            .open_exercise
            .iter()
            .cloned()
            .chain(self.planner_ui.current_exercise_id());
        for exercise_id in wanted.collect::<Vec<_>>() {
            self.exercise_textures.ensure(ctx, &exercise_id);
        }
        // A running session's countdown repaints only as often as the number on screen changes.
        if let Some(wait) = self.planner_ui.tick(self.clock.now()) {
            ctx.request_repaint_after(wait);
        }
    }

    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.main_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STATE_KEY, &self.state);
        if self.planner_dirty {
            self.save_planner();
        }
    }

    fn auto_save_interval(&self) -> std::time::Duration {
        // Ticked red flags should survive a crash, not only a clean exit.
        std::time::Duration::from_secs(5)
    }
}

/// Copies a backup beside itself under a new, unused name (`<name>.recovery`, `.recovery-2`, …) and returns the
/// copy's path; `None` if it cannot be copied (then no restore is offered rather than a vanishing one).
fn preserve_copy(backup: &std::path::Path) -> Option<std::path::PathBuf> {
    let name = backup.file_name()?.to_string_lossy().into_owned();
    let dir = backup.parent()?;
    let target = (1..100)
        .map(|n| match n {
            1 => dir.join(format!("{name}.recovery")),
            n => dir.join(format!("{name}.recovery-{n}")),
        })
        .find(|path| !path.exists())?;
    std::fs::copy(backup, &target).ok()?;
    Some(target)
}

fn top_bar_ui(ui: &mut Ui, state: &MapState) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(APP_NAME)
                .size(20.0)
                .strong()
                .color(theme::ACCENT),
        );
        ui.separator();
        ui.label("View:");
        for view in ViewKind::ALL {
            let text = format!("{} view", view.label());
            if ui.selectable_label(state.view == view, text).clicked() {
                commands.push(Command::SetView(view));
            }
        }
        ui.separator();
        ui.label("Knee:");
        for knee in Knee::ALL {
            let text = format!("{} knee", knee.label());
            if ui.selectable_label(state.knee == knee, text).clicked() {
                commands.push(Command::SetKnee(knee));
            }
        }
        ui.separator();
        let mut show_labels = !state.hide_anatomy_labels;
        if ui.checkbox(&mut show_labels, "Anatomy names").changed() {
            commands.push(Command::SetAnatomyLabels(show_labels));
        }
    });
    commands
}

fn tabs_ui(ui: &mut Ui, state: &MapState) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal_wrapped(|ui| {
        for tab in Tab::ALL {
            if ui.selectable_label(state.tab == tab, tab.label()).clicked() {
                commands.push(Command::ShowTab(tab));
            }
        }
    });
    commands
}

fn disclaimer_ui(ui: &mut Ui, content: &Content) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::Frame::new()
        .fill(theme::NOTICE_FILL)
        .inner_margin(egui::Margin::symmetric(10, 6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("Educational, not a diagnosis.").strong());
                ui.label(&content.guidance.disclaimer);
                if ui.button("Got it").clicked() {
                    commands.push(Command::AcknowledgeDisclaimer);
                }
            });
        });
    commands
}

fn map_column_ui(
    ui: &mut Ui,
    content: &Content,
    state: &MapState,
    textures: &DiagramTextures,
) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.add_space(4.0);
    ui.label(RichText::new("Where does it hurt?").size(17.0).strong());
    // Keep room under the picture for its caption, the list heading and the list of places.
    let below_picture = 3.0 * ui.text_style_height(&egui::TextStyle::Body)
        + 24.0
        + diagram::location_list_height(ui, content.locations().len());
    let max_height = (ui.available_height() - below_picture).max(220.0);
    let max_size = egui::vec2(ui.available_width(), max_height);
    ui.vertical_centered(|ui| {
        commands.extend(diagram::diagram_ui(ui, content, state, textures, max_size));
    });
    for problem in &textures.problems {
        ui.colored_label(theme::ERROR_TEXT, format!("Picture problem: {problem}"));
    }
    ui.separator();
    ui.label(RichText::new("Or pick from the list").strong());
    egui::ScrollArea::vertical()
        .id_salt("location_list")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            commands.extend(diagram::location_list_ui(ui, content, state));
        });
    commands
}

fn content_errors_ui(ui: &mut Ui, errors: &ContentErrors) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.heading("KneeMap could not load its content");
        ui.label(
            "The content files have problems. Nothing was changed. Fix the files listed below, or check them with \
             `kneemap --check-content DIR`.",
        );
        ui.separator();
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            for error in &errors.0 {
                ui.label(RichText::new(error.to_string()).monospace());
            }
        });
    });
}
