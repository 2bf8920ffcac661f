//! The window's layout: top bar, notices, red-flag banner, map column, tabs and the red-flag column. Each part is
//! drawn by its `ui/` module from a read-only [`AppView`] and returns commands; nothing here changes data (only the
//! panels' own runtime state in [`Panels`]).

use egui::{RichText, Ui};

use crate::command::AppCommand;
use crate::content::{Content, ContentErrors, ViewKind};
use crate::document::Appearance;
use crate::library::ExerciseFilter;
use crate::map::diagram::Knee;
use crate::map::state::{Command, MapState};
use crate::navigation::{NavCommand, Tab};
use crate::ui::diagram::DiagramTextures;
use crate::ui::exercises::ExerciseTextures;
use crate::ui::planner::{PlannerContext, PlannerUi};
use crate::ui::prevention::PreventionUi;
use crate::ui::{
    about, condition, diagram, exercises, planner, prevention, red_flags, theme, widgets,
};

/// Each panel's own runtime state: never saved, written only by the panel that owns it.
pub struct Panels {
    pub diagram_textures: DiagramTextures,
    pub exercise_textures: ExerciseTextures,
    pub exercise_filter: ExerciseFilter,
    pub prevention: PreventionUi,
    pub planner: PlannerUi,
    pub running: crate::ui::running::RunningUiState,
    /// On every tab but Condition the map column folds to a slim strip, unless the user brings it back.
    pub map_shown_beside_tab: bool,
    /// The pain diary tab's own state (sub-view, period, cached patterns).
    pub diary: crate::ui::diary::DiaryUi,
}

impl Panels {
    /// Uploads the diagram pictures once.
    pub fn new(ctx: &egui::Context) -> Self {
        Self {
            diagram_textures: DiagramTextures::load(ctx),
            exercise_textures: ExerciseTextures::default(),
            exercise_filter: ExerciseFilter::default(),
            prevention: PreventionUi::default(),
            planner: PlannerUi::default(),
            running: crate::ui::running::RunningUiState::default(),
            diary: crate::ui::diary::DiaryUi::default(),
            map_shown_beside_tab: false,
        }
    }
}

/// What the window shows this frame: the app's data and state, read-only.
pub struct AppView<'a> {
    pub data: &'a crate::document::UserData,
    pub session: &'a crate::planner::SessionModel,
    /// What the ticked red flags allow, and the day they were ticked.
    pub safety: crate::triage::Safety,
    pub red_flag_since: Option<chrono::NaiveDate>,
    /// Notices about loading and saving the data, and whether a backup is offered.
    pub notices: &'a [crate::command::Notice],
    pub has_offered_backup: bool,
    /// Changes whenever the data may have changed (see `ui::culled_scroll`).
    pub drawn_revision: u64,
    /// The session runner's clock, and today.
    pub now: std::time::Duration,
    pub today: chrono::NaiveDate,
    pub planner_message: Option<&'a str>,
    pub running_message: Option<&'a str>,
    pub export_message: Option<&'a str>,
    pub can_undo: bool,
    pub can_redo: bool,
    /// The plan-import preview, or the problems of the file read for it.
    pub plan_preview: Option<&'a crate::export::plan_file::ImportedPlan>,
    pub plan_preview_problems: &'a [String],
    /// The clock, for the pain diary's times.
    pub now_utc: chrono::DateTime<chrono::Utc>,
    /// The pain diary's draft and whether it has a change to undo or redo.
    pub diary_editor: &'a crate::diary::DiaryEditor,
    pub diary_message: Option<&'a str>,
    /// The data folder, for the About tab.
    pub data_dir: Option<&'a std::path::Path>,
    /// Why the session runner's sound cues are not heard (no sound device), if so.
    pub sound_notice: Option<&'a str>,
}

/// Draws the whole window from `view` and returns what the user asked for.
pub fn draw(
    ui: &mut Ui,
    content: &Content,
    view: &AppView<'_>,
    panels: &mut Panels,
) -> Vec<AppCommand> {
    let mut commands: Vec<AppCommand> = Vec::new();
    let safety = view.safety;
    let red_flag_since = view.red_flag_since;
    let state = &view.data.map;
    let triage = &view.data.triage;
    let tab = view.data.navigation.tab;

    // Every tab but Condition gives the width to its own content; one click brings the map back. The pain diary
    // marks on the map, except in Patterns, which draws both knees' heat maps itself.
    let map_folds_here = !matches!(tab, Tab::Condition | Tab::Diary)
        || (tab == Tab::Diary && panels.diary.section == crate::ui::diary::DiarySection::Patterns);
    let fold_map = map_folds_here && !panels.map_shown_beside_tab;
    egui::Panel::top("top_bar").show(ui, |ui| {
        commands.extend(top_bar_ui(
            ui,
            state,
            view.data.preferences.appearance,
            !fold_map,
        ));
    });
    let notices = view.notices;
    if !notices.is_empty() {
        egui::Panel::top("data_notices").show(ui, |ui| {
            let (restore, dismiss) = store_notices_ui(ui, notices, view.has_offered_backup);
            if restore {
                commands.push(AppCommand::RestoreBackup);
            }
            if dismiss {
                commands.push(AppCommand::DismissDataNotice);
            }
        });
    }
    if let Some(advice) = red_flags::current_advice(content, triage) {
        egui::Panel::top("red_flag_banner")
            .frame(egui::Frame::new())
            .show(ui, |ui| red_flags::banner_ui(ui, &advice));
    }
    if !state.disclaimer_acknowledged {
        egui::Panel::top("disclaimer").show(ui, |ui| {
            commands.extend(map_commands(disclaimer_ui(ui, content)));
        });
    }
    egui::Panel::bottom("footer").show(ui, |ui| {
        ui.label(
            RichText::new(
                "Educational only — KneeMap cannot diagnose. Offline: nothing leaves this computer.",
            )
            .small()
            .color(theme::colors(ui).muted_text),
        );
    });

    commands.extend(dropped_files(ui));
    if matches!(tab, Tab::Planner | Tab::Diary) && !ui.ctx().egui_wants_keyboard_input() {
        commands.extend(undo_shortcuts(ui, tab == Tab::Diary));
    }
    let screen_width = ui.available_width();
    if fold_map {
        // The week board gets the width; one click brings the map back.
        egui::Panel::left("map_strip")
            .resizable(false)
            .exact_size(58.0)
            .show(ui, |ui| {
                ui.add_space(6.0);
                let button = ui
                    .add(
                        egui::Button::new(RichText::new("Map").strong())
                            .min_size(egui::vec2(44.0, 60.0)),
                    )
                    .on_hover_text("Show the knee map beside this tab");
                button.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, "Show the knee map")
                });
                if button.clicked() {
                    panels.map_shown_beside_tab = true;
                }
            });
    }
    // The map first, so Tab reaches the diagram before the checklist.
    if !fold_map {
        egui::Panel::left("map")
            .resizable(true)
            .default_size((screen_width * 0.31).clamp(300.0, 440.0))
            // Ranges follow the window, so shrinking it narrows the side columns instead of the centre.
            .size_range(260.0..=(screen_width * 0.36).max(261.0))
            .show(ui, |ui| {
                if map_folds_here && ui.button("Fold the map away").clicked() {
                    panels.map_shown_beside_tab = false;
                }
                commands.extend(map_column_ui(
                    ui,
                    content,
                    state,
                    &panels.diagram_textures,
                    view.diary_editor.draft.as_ref().map(|draft| &draft.entry),
                    tab == Tab::Diary,
                ));
            });
    }
    egui::Panel::right("red_flags")
        .resizable(true)
        .default_size((screen_width * 0.22).clamp(230.0, 300.0))
        .size_range(210.0..=(screen_width * 0.26).max(211.0))
        .show(ui, |ui| {
            commands.extend(
                red_flags::checklist_ui(ui, content, triage)
                    .into_iter()
                    .map(AppCommand::Triage),
            );
        });
    egui::CentralPanel::default().show(ui, |ui| {
        commands.extend(tabs_ui(ui, tab));
        ui.separator();
        match tab {
            Tab::Condition => commands.extend(condition::condition_tab_ui(
                ui,
                content,
                state,
                triage.age_band(),
                view.drawn_revision,
            )),
            Tab::Planner => {
                let context = PlannerContext {
                    drawn_revision: view.drawn_revision,
                    now: view.now,
                    today: view.today,
                    safety,
                    open_condition: state.open_condition.as_deref(),
                    message: view.planner_message,
                    exercise_textures: &panels.exercise_textures,
                    can_undo: view.can_undo,
                    can_redo: view.can_redo,
                    share: crate::ui::planner::ShareContext {
                        export_message: view.export_message,
                        preview: view.plan_preview,
                        preview_problems: view.plan_preview_problems,
                        content,
                    },
                    running: &view.data.running,
                    age_band: triage.age_band(),
                    age_answered: triage.age_question_done(),
                    sound: crate::ui::planner::RunnerSound {
                        muted: view.data.preferences.sound_muted,
                        notice: view.sound_notice,
                    },
                };
                commands.extend(planner::planner_tab_ui(
                    ui,
                    content,
                    &view.data.planner,
                    view.session,
                    &mut panels.planner,
                    &context,
                ));
            }
            Tab::Running => {
                let running = crate::ui::running::RunningView {
                    data: &view.data.running,
                    today: view.today,
                    guidance: &content.running,
                    content: Some(content),
                    red_flag_ticked: safety.progression_paused(),
                    red_flag_since,
                    thresholds: view.data.planner.thresholds(),
                    message: view.running_message,
                    revision: view.drawn_revision,
                };
                commands.extend(
                    crate::ui::running::running_tab_ui(ui, &running, &mut panels.running)
                        .into_iter()
                        .map(AppCommand::Running),
                );
            }
            Tab::Exercises => commands.extend(exercises::exercises_tab_ui(
                ui,
                content,
                view.data.navigation.open_exercise.as_deref(),
                &mut panels.exercise_filter,
                &panels.exercise_textures,
            )),
            Tab::Prevention => commands.extend(prevention::prevention_tab_ui(
                ui,
                content,
                view.data.navigation.prevention_focus.as_deref(),
                &mut panels.prevention,
            )),
            Tab::About => about::about_tab_ui(ui, content, view.data_dir),
            Tab::Diary => commands.extend(crate::ui::diary::diary_tab_ui(
                ui,
                content,
                &crate::ui::diary::DiaryView {
                    data: view.data,
                    editor: view.diary_editor,
                    message: view.diary_message,
                    today: view.today,
                    now_utc: view.now_utc,
                    drawn_revision: view.drawn_revision,
                    textures: &panels.diagram_textures,
                },
                &mut panels.diary,
            )),
        }
    });
    commands
}

/// Files dropped on the window, on any tab: activity files go to the run log's import.
fn dropped_files(ui: &Ui) -> Vec<AppCommand> {
    let paths: Vec<std::path::PathBuf> = ui.ctx().input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .collect()
    });
    if paths.is_empty() {
        Vec::new()
    } else {
        vec![
            AppCommand::Navigate(NavCommand::ShowTab(Tab::Running)),
            AppCommand::Running(crate::running::RunningCommand::ImportFiles(paths)),
        ]
    }
}

/// Ctrl+Z undoes a plan edit; Ctrl+Shift+Z (or Ctrl+Y) redoes it. Only while no text field has the keyboard.
fn undo_shortcuts(ui: &mut Ui, diary: bool) -> Vec<AppCommand> {
    use egui::{Key, KeyboardShortcut, Modifiers};
    let redo = ui.input_mut(|i| {
        i.consume_shortcut(&KeyboardShortcut::new(
            Modifiers::COMMAND | Modifiers::SHIFT,
            Key::Z,
        )) || i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Y))
    });
    let undo =
        ui.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Z)));
    let mut commands = Vec::new();
    if redo {
        commands.push(if diary {
            crate::diary::DiaryCommand::Redo.into()
        } else {
            AppCommand::RedoPlanEdit
        });
    }
    if undo {
        commands.push(if diary {
            crate::diary::DiaryCommand::Undo.into()
        } else {
            AppCommand::UndoPlanEdit
        });
    }
    commands
}

fn map_commands(commands: Vec<Command>) -> impl Iterator<Item = AppCommand> {
    commands.into_iter().map(AppCommand::Map)
}

/// Save problems (red, until a save succeeds) and load notices (with restore and dismiss). Returns
/// (restore clicked, dismiss clicked).
fn store_notices_ui(
    ui: &mut Ui,
    notices: &[crate::command::Notice],
    backup_offered: bool,
) -> (bool, bool) {
    let mut restore = false;
    let mut dismiss = false;
    let colors = theme::colors(ui);
    for notice in notices {
        let (fill, text_color) = if notice.is_error {
            (colors.error_fill, colors.error_text)
        } else {
            (colors.notice_fill, colors.text)
        };
        egui::Frame::new()
            .fill(fill)
            .inner_margin(egui::Margin::symmetric(10, 6))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal_wrapped(|ui| {
                    let title = if notice.is_error {
                        "Not saved."
                    } else {
                        "About your data."
                    };
                    ui.label(RichText::new(title).strong().color(text_color));
                    ui.label(RichText::new(&notice.text).color(text_color));
                    if !notice.is_error {
                        if backup_offered && ui.button("Restore the last good backup").clicked() {
                            restore = true;
                        }
                        if ui.button("Dismiss data notice").clicked() {
                            dismiss = true;
                        }
                    }
                });
            });
    }
    (restore, dismiss)
}

/// View, knee and anatomy names: the diagram's own switches.
fn picture_switches_ui(ui: &mut Ui, state: &MapState, commands: &mut Vec<AppCommand>) {
    ui.label("View:");
    for view in ViewKind::ALL {
        let text = format!("{} view", view.label());
        if ui.selectable_label(state.view == view, text).clicked() {
            commands.push(Command::SetView(view).into());
        }
    }
    ui.separator();
    ui.label("Knee:");
    for knee in Knee::ALL {
        let text = format!("{} knee", knee.label());
        if ui.selectable_label(state.knee == knee, text).clicked() {
            commands.push(Command::SetKnee(knee).into());
        }
    }
    ui.separator();
    let mut show_labels = !state.hide_anatomy_labels;
    if ui.checkbox(&mut show_labels, "Anatomy names").changed() {
        commands.push(Command::SetAnatomyLabels(show_labels).into());
    }
    ui.separator();
}

/// The top bar; the picture's switches (view, knee, anatomy names) only while the diagram is drawn.
fn top_bar_ui(
    ui: &mut Ui,
    state: &MapState,
    appearance: Appearance,
    diagram_shown: bool,
) -> Vec<AppCommand> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(crate::APP_NAME)
                .size(theme::size::APP_TITLE)
                .strong()
                .color(theme::colors(ui).accent),
        );
        ui.separator();
        if diagram_shown {
            picture_switches_ui(ui, state, &mut commands);
        }
        let mut chosen = appearance;
        egui::ComboBox::from_id_salt("appearance")
            .selected_text(format!("Colours: {}", appearance.label()))
            .show_ui(ui, |ui| {
                for option in Appearance::ALL {
                    ui.selectable_value(&mut chosen, option, option.label());
                }
            })
            .response
            .widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::ComboBox,
                    true,
                    "Colours: light, dark or system",
                )
            });
        if chosen != appearance {
            commands.push(AppCommand::SetAppearance(chosen));
        }
    });
    commands
}

fn tabs_ui(ui: &mut Ui, shown: Tab) -> Vec<AppCommand> {
    let mut commands = Vec::new();
    ui.horizontal_wrapped(|ui| {
        for tab in Tab::ALL {
            if ui.selectable_label(shown == tab, tab.label()).clicked() {
                commands.push(NavCommand::ShowTab(tab).into());
            }
        }
    });
    commands
}

fn disclaimer_ui(ui: &mut Ui, content: &Content) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::Frame::new()
        .fill(theme::colors(ui).notice_fill)
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
    draft: Option<&crate::diary::DiaryEntry>,
    logging: bool,
) -> Vec<AppCommand> {
    let mut commands: Vec<AppCommand> = Vec::new();
    ui.add_space(4.0);
    if logging {
        widgets::heading(ui, "Log pain: where does it hurt?", 1);
    } else {
        widgets::heading(ui, "Where does it hurt?", 1);
    }
    // Keep room under the picture for its caption, the list heading and the list of places.
    let below_picture = 3.0 * ui.text_style_height(&egui::TextStyle::Body)
        + 24.0
        + diagram::location_list_height(ui, content.locations().len());
    let max_height = (ui.available_height() - below_picture).max(220.0);
    let max_size = egui::vec2(ui.available_width(), max_height);
    ui.vertical_centered(|ui| {
        let mode = if logging {
            diagram::DiagramMode::LogPain(draft)
        } else {
            diagram::DiagramMode::Explore
        };
        commands.extend(diagram::diagram_ui(
            ui, content, state, textures, max_size, mode,
        ));
    });
    for problem in &textures.problems {
        ui.colored_label(
            theme::colors(ui).error_text,
            format!("Picture problem: {problem}"),
        );
    }
    ui.separator();
    if logging {
        widgets::heading(ui, "Or mark a whole area", 2);
        egui::ScrollArea::vertical()
            .id_salt("log_pain_list")
            .auto_shrink([false, true])
            .show(ui, |ui| {
                commands.extend(crate::ui::diary::area_list_ui(
                    ui, content, state.knee, draft,
                ));
            });
    } else {
        widgets::heading(ui, "Or pick from the list", 2);
        egui::ScrollArea::vertical()
            .id_salt("location_list")
            .auto_shrink([false, true])
            .show(ui, |ui| {
                commands.extend(map_commands(diagram::location_list_ui(ui, content, state)));
            });
    }
    commands
}

/// The window when content failed to load: every problem with its file and line.
pub fn content_errors_ui(ui: &mut Ui, errors: &ContentErrors) {
    egui::CentralPanel::default().show(ui, |ui| {
        widgets::heading(ui, "KneeMap could not load its content", 1);
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
