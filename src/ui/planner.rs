//! The Planner tab: the week plan (edit, reorder, copy, coverage and warnings), the programme generator, the
//! session runner with its timers, the session log and the history chart. It draws and returns commands;
//! the rules live in `crate::planner` and `crate::session_timer`.

use std::collections::BTreeSet;
use std::time::Duration;

use chrono::{Datelike, NaiveDate};
use egui::{Color32, RichText, Ui};

use super::exercises::{ExerciseTextures, exercise_picture_ui};
use super::{theme, widgets};
use crate::content::{Content, Equipment, Exercise, ExerciseKind};
use crate::planner::{
    self, Action, ExerciseLog, GenerateOptions, PlannedExercise, PlannerCommand, PlannerData,
    SessionLog,
};
use crate::session_timer::{Phase, SessionTimer, Side, TimerItem};

/// How long the whole session card flashes after a cue.
const CUE_FLASH: Duration = Duration::from_millis(900);

/// The planner's sub-views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PlannerView {
    #[default]
    Week,
    Generate,
    Session,
    History,
}

impl PlannerView {
    const ALL: [Self; 4] = [Self::Week, Self::Generate, Self::Session, Self::History];

    fn label(self) -> &'static str {
        match self {
            Self::Week => "Week plan",
            Self::Generate => "Suggest a programme",
            Self::Session => "Run a session",
            Self::History => "Log & history",
        }
    }
}

/// The generator's form.
#[derive(Debug, Clone)]
pub struct GeneratorForm {
    pub condition_id: Option<String>,
    pub days: [bool; 7],
    pub session_minutes: u16,
    pub equipment: BTreeSet<Equipment>,
}

impl Default for GeneratorForm {
    fn default() -> Self {
        Self {
            condition_id: None,
            days: [true, false, true, false, true, false, false],
            session_minutes: 40,
            equipment: BTreeSet::new(),
        }
    }
}

/// A session in progress.
#[derive(Debug, Clone)]
pub struct Runner {
    pub week: usize,
    pub day: usize,
    pub exercises: Vec<PlannedExercise>,
    pub timer: SessionTimer,
    /// Load used per exercise, as entered.
    pub loads_kg: Vec<Option<f32>>,
    /// The card flashes until this time after a cue.
    pub flash_until: Option<Duration>,
}

/// The form shown after a session.
#[derive(Debug, Clone)]
pub struct LogForm {
    pub week: usize,
    pub day: usize,
    pub date: NaiveDate,
    pub entries: Vec<ExerciseLog>,
    pub pain_during: u8,
    pub effort: u8,
    pub notes: String,
}

/// Runtime state of the Planner tab (not saved).
#[derive(Debug, Clone, Default)]
pub struct PlannerUi {
    pub view: PlannerView,
    /// Week shown in the week plan.
    pub week: usize,
    pub generator: GeneratorForm,
    pub runner: Option<Runner>,
    pub log_form: Option<LogForm>,
    pub morning_pain: u8,
    /// Last message for the user (e.g. why a programme could not be generated).
    pub message: Option<String>,
}

/// What the planner needs to know about the rest of the app this frame.
pub struct PlannerContext<'a> {
    pub now: Duration,
    pub today: NaiveDate,
    pub red_flag_ticked: bool,
    /// The most urgent ticked red flag; same-day and emergency flags stop new sessions until assessed.
    pub red_flag_urgency: Option<crate::content::Urgency>,
    /// The condition open on the map, to preselect in the generator.
    pub open_condition: Option<&'a str>,
    /// A problem with the store, shown at the top.
    pub store_notice: Option<&'a str>,
    /// Exercise pictures for the session runner.
    pub exercise_textures: &'a ExerciseTextures,
}

impl PlannerContext<'_> {
    /// True when a same-day or emergency red flag is ticked: no new sessions or programmes until assessed.
    pub fn training_blocked(&self) -> bool {
        self.red_flag_urgency
            .is_some_and(|u| u >= crate::content::Urgency::SameDay)
    }
}

/// Hover text on session and programme buttons while training is blocked.
const BLOCKED_HINT: &str =
    "A red flag is ticked that needs a professional first: see the banner at the top.";

impl PlannerUi {
    /// The exercise the running session shows now (for loading its picture).
    pub fn current_exercise_id(&self) -> Option<String> {
        let runner = self.runner.as_ref()?;
        let step = runner.timer.current();
        let index = match step.phase {
            Phase::Rest { .. } => runner
                .timer
                .upcoming()
                .map_or(step.exercise_index, |s| s.exercise_index),
            _ => step.exercise_index,
        };
        runner.exercises.get(index).map(|e| e.exercise_id.clone())
    }

    /// Advances the running session's timer and flashes on cues. Call every frame before drawing; returns the
    /// time until the countdown on screen changes, so the app can repaint no more often than that.
    pub fn tick(&mut self, now: Duration) -> Option<Duration> {
        let runner = self.runner.as_mut()?;
        let cues = runner.timer.update(now);
        if !cues.is_empty() {
            runner.flash_until = Some(now + CUE_FLASH);
        }
        let flash_left = runner
            .flash_until
            .and_then(|until| until.checked_sub(now))
            .filter(|d| !d.is_zero());
        match (runner.timer.next_repaint_in(now), flash_left) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Starts the session planned for (week, day).
    pub fn start_session(&mut self, data: &PlannerData, week: usize, day: usize, now: Duration) {
        let Some(day_plan) = data.plan.as_ref().and_then(|p| p.day(week, day)) else {
            return;
        };
        let exercises = day_plan.exercises.clone();
        let items = exercises
            .iter()
            .map(|e| TimerItem {
                sets: e.sets,
                reps: e.reps,
                // Reps with a short hold each (bird-dog, Pallof press) are counted reps, not one timed hold.
                hold_secs: if e.reps.is_some() { None } else { e.hold_secs },
                rest_secs: e.rest_secs,
                per_side: e.per_side,
            })
            .collect();
        self.runner = Some(Runner {
            week,
            day,
            loads_kg: exercises.iter().map(|e| e.load_kg).collect(),
            exercises,
            timer: SessionTimer::new(items, data.get_ready_secs, now),
            flash_until: None,
        });
        self.log_form = None;
        self.view = PlannerView::Session;
    }

    /// Ends the running session and opens the log form with what was done.
    fn finish_session(&mut self, today: NaiveDate) {
        let Some(runner) = self.runner.take() else {
            return;
        };
        let entries = runner
            .exercises
            .iter()
            .enumerate()
            .map(|(index, planned)| {
                let mut entry = ExerciseLog::from_planned(planned);
                entry.sets_done = runner.timer.sets_done(index);
                entry.load_kg = runner.loads_kg.get(index).copied().flatten();
                entry
            })
            .collect();
        self.log_form = Some(LogForm {
            week: runner.week,
            day: runner.day,
            date: today,
            entries,
            pain_during: 0,
            effort: 5,
            notes: String::new(),
        });
    }
}

/// Draws the Planner tab.
pub fn planner_tab_ui(
    ui: &mut Ui,
    content: &Content,
    data: &PlannerData,
    state: &mut PlannerUi,
    context: &PlannerContext<'_>,
) -> Vec<PlannerCommand> {
    let mut commands = Vec::new();
    ui.horizontal_wrapped(|ui| {
        for view in PlannerView::ALL {
            if ui
                .selectable_label(state.view == view, view.label())
                .clicked()
            {
                state.view = view;
            }
        }
    });
    if let Some(notice) = context.store_notice {
        ui.colored_label(theme::ERROR_TEXT, notice);
    }
    if context.red_flag_ticked {
        let (fill, text) = theme::urgency_colors(crate::content::Urgency::SameDay);
        egui::Frame::new()
            .fill(fill)
            .corner_radius(6.0)
            .inner_margin(8)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                let message = if context.training_blocked() {
                    "Training paused: a red flag is ticked that needs a professional today. Sessions and new \
                     programmes are off until you have been assessed."
                } else {
                    "Progression paused: a red flag is ticked. The plan will not get harder until you have been \
                     assessed; it still eases off if pain is high."
                };
                ui.label(RichText::new(message).strong().color(text));
            });
    }
    if let Some(message) = &state.message {
        ui.label(RichText::new(message).color(theme::REGION_SELECTED_STROKE));
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt(("planner_scroll", state.view as u8))
        .auto_shrink([false, false])
        .show(ui, |ui| match state.view {
            PlannerView::Week => week_ui(ui, content, data, state, context, &mut commands),
            PlannerView::Generate => generate_ui(ui, content, data, state, context, &mut commands),
            PlannerView::Session => session_ui(ui, content, data, state, context, &mut commands),
            PlannerView::History => history_ui(ui, content, data, state, context, &mut commands),
        });
    commands
}

fn no_plan_ui(
    ui: &mut Ui,
    state: &mut PlannerUi,
    context: &PlannerContext<'_>,
    commands: &mut Vec<PlannerCommand>,
) {
    ui.label("No plan yet. Let KneeMap suggest a programme for a condition, or start an empty plan and add exercises.");
    ui.horizontal(|ui| {
        if ui.button("Suggest a programme for a condition").clicked() {
            state.view = PlannerView::Generate;
        }
        if ui.button("Start an empty 6-week plan").clicked() {
            commands.push(PlannerCommand::NewEmptyPlan {
                start_date: context.today,
                weeks: 6,
            });
        }
    });
}

fn date_label(date: NaiveDate) -> String {
    date.format("%a %-d %b").to_string()
}

fn week_ui(
    ui: &mut Ui,
    content: &Content,
    data: &PlannerData,
    state: &mut PlannerUi,
    context: &PlannerContext<'_>,
    commands: &mut Vec<PlannerCommand>,
) {
    let Some(plan) = &data.plan else {
        no_plan_ui(ui, state, context, commands);
        return;
    };
    let week_count = plan.weeks.len();
    state.week = state.week.min(week_count.saturating_sub(1));
    let week = state.week;
    ui.label(RichText::new(&plan.name).size(18.0).strong());
    ui.label(
        RichText::new(format!(
            "Starts {} · {} weeks · {} strength sessions a week intended · pain limit {}/10",
            date_label(plan.start_date),
            week_count,
            plan.intended_sessions_per_week,
            data.thresholds.max_during
        ))
        .color(theme::MUTED_TEXT),
    );
    for note in &plan.notes {
        ui.label(RichText::new(format!("• {note}")).small());
    }
    ui.horizontal(|ui| {
        if ui
            .add_enabled(week > 0, egui::Button::new("Previous week"))
            .clicked()
        {
            state.week = week - 1;
        }
        let first_day = plan.date_of(week, 0).map(date_label).unwrap_or_default();
        ui.label(
            RichText::new(format!(
                "Week {} of {week_count} (from {first_day})",
                week + 1
            ))
            .strong(),
        );
        if ui
            .add_enabled(week + 1 < week_count, egui::Button::new("Next week"))
            .clicked()
        {
            state.week = week + 1;
        }
        if ui.button("Add a week").clicked() {
            commands.push(PlannerCommand::AddWeek);
        }
    });
    let Some(week_plan) = plan.weeks.get(week) else {
        return;
    };

    // Coverage and warnings for the week.
    let coverage = planner::week_coverage(week_plan, content);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Working sets this week:").strong());
        for (group, sets) in &coverage {
            let color = if *sets == 0 {
                theme::REGION_SELECTED_STROKE
            } else {
                theme::MUTED_TEXT
            };
            ui.label(RichText::new(format!("{} {sets}", group.label())).color(color));
        }
    });
    // Includes a hard Sunday followed by a hard Monday next week.
    for warning in planner::plan_week_warnings(plan, week, content) {
        ui.label(
            RichText::new(format!("Warning: {}", warning.message()))
                .color(theme::REGION_SELECTED_STROKE),
        );
    }
    ui.add_space(4.0);

    for (day, day_plan) in week_plan.days.iter().enumerate() {
        let day_name = planner::day_name(day);
        let date = plan.date_of(week, day);
        let is_today = date == Some(context.today);
        egui::Frame::group(ui.style())
            .fill(if is_today {
                theme::NOTICE_FILL
            } else {
                Color32::TRANSPARENT
            })
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal_wrapped(|ui| {
                    let title = match date {
                        Some(d) => format!("{day_name} {}", d.format("%-d %b")),
                        None => day_name.to_owned(),
                    };
                    ui.label(RichText::new(title).strong());
                    if is_today {
                        widgets::chip(ui, "today", theme::ACCENT, theme::ON_ACCENT_TEXT);
                    }
                    if day_plan.is_empty() {
                        ui.label(RichText::new("rest day").color(theme::MUTED_TEXT));
                    } else {
                        ui.label(
                            RichText::new(format!(
                                "{} exercises · about {} min",
                                day_plan.exercises.len(),
                                planner::estimate_session_minutes(day_plan)
                            ))
                            .color(theme::MUTED_TEXT),
                        );
                    }
                    add_exercise_menu(ui, content, week, day, commands);
                    if !day_plan.is_empty() {
                        copy_day_menu(ui, week, day, week_count, commands);
                        let clear = ui
                            .button("Clear")
                            .on_hover_text("Remove every exercise from this day");
                        let clear_label = format!("Clear {day_name}");
                        clear.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Button, true, &clear_label)
                        });
                        if clear.clicked() {
                            commands.push(PlannerCommand::ClearDay { week, day });
                        }
                        let start = ui
                            .add_enabled(!context.training_blocked(), egui::Button::new("Start"))
                            .on_hover_text("Run this session now")
                            .on_disabled_hover_text(BLOCKED_HINT);
                        let start_label =
                            format!("Start the {day_name} session, week {}", week + 1);
                        start.widget_info(|| {
                            egui::WidgetInfo::labeled(
                                egui::Role::Button,
                                !context.training_blocked(),
                                &start_label,
                            )
                        });
                        if start.clicked() {
                            state.start_session(data, week, day, context.now);
                        }
                    }
                });
                for (index, planned) in day_plan.exercises.iter().enumerate() {
                    planned_row_ui(
                        ui,
                        content,
                        data,
                        context,
                        (week, day, index),
                        planned,
                        day_plan.exercises.len(),
                        commands,
                    );
                }
            });
    }
}

fn add_exercise_menu(
    ui: &mut Ui,
    content: &Content,
    week: usize,
    day: usize,
    commands: &mut Vec<PlannerCommand>,
) {
    let day_name = planner::day_name(day);
    let response = ui.menu_button("Add exercise", |ui| {
        egui::ScrollArea::vertical()
            .max_height(320.0)
            .show(ui, |ui| {
                for kind in [
                    ExerciseKind::Strength,
                    ExerciseKind::Isometric,
                    ExerciseKind::WarmUp,
                    ExerciseKind::Stretch,
                ] {
                    let group: Vec<&Exercise> = content
                        .exercises
                        .iter()
                        .filter(|e| e.kind == kind)
                        .collect();
                    if group.is_empty() {
                        continue;
                    }
                    ui.label(
                        RichText::new(kind_label(kind))
                            .small()
                            .color(theme::MUTED_TEXT),
                    );
                    for exercise in group {
                        if ui.button(&exercise.name).clicked() {
                            commands.push(PlannerCommand::AddExercise {
                                week,
                                day,
                                exercise_id: exercise.id.clone(),
                            });
                            ui.close();
                        }
                    }
                }
            });
    });
    let label = format!("Add exercise to {day_name}");
    response
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
}

fn kind_label(kind: ExerciseKind) -> &'static str {
    match kind {
        ExerciseKind::Strength => "Strength",
        ExerciseKind::Isometric => "Isometric holds",
        ExerciseKind::WarmUp => "Warm-up (before runs)",
        ExerciseKind::Stretch => "Stretches (after runs)",
    }
}

fn copy_day_menu(
    ui: &mut Ui,
    week: usize,
    day: usize,
    week_count: usize,
    commands: &mut Vec<PlannerCommand>,
) {
    let label = format!("Copy {} to", planner::day_name(day));
    let response = ui.menu_button("Copy to", |ui| {
        for to_day in (0..7).filter(|d| *d != day) {
            if ui.button(planner::day_name(to_day)).clicked() {
                commands.push(PlannerCommand::CopyDay {
                    week,
                    from_day: day,
                    to_week: week,
                    to_day,
                });
                ui.close();
            }
        }
        if week + 1 < week_count && ui.button("Same day next week").clicked() {
            commands.push(PlannerCommand::CopyDay {
                week,
                from_day: day,
                to_week: week + 1,
                to_day: day,
            });
            ui.close();
        }
    });
    response
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
}

/// One planned exercise: name, editable dose, reorder and remove, why it is there and its progression status.
#[expect(
    clippy::too_many_arguments,
    reason = "a row needs its position, its data and the command sink"
)]
fn planned_row_ui(
    ui: &mut Ui,
    content: &Content,
    data: &PlannerData,
    context: &PlannerContext<'_>,
    (week, day, index): (usize, usize, usize),
    planned: &PlannedExercise,
    row_count: usize,
    commands: &mut Vec<PlannerCommand>,
) {
    let name = content
        .exercise(&planned.exercise_id)
        .map_or(planned.exercise_id.as_str(), |e| e.name.as_str());
    let day_name = planner::day_name(day);
    let mut edited = planned.clone();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(name).strong());
        ui.label(
            RichText::new(format!("Why: {}", planned.why))
                .small()
                .color(theme::MUTED_TEXT),
        );
    });
    ui.horizontal_wrapped(|ui| {
        drag_u8(
            ui,
            &mut edited.sets,
            1..=10,
            "sets",
            &format!("Sets, {name}, {day_name}"),
        );
        match (edited.reps, edited.hold_secs) {
            (Some(_), _) => {
                let mut reps = edited.reps.unwrap_or(1);
                drag_u8(
                    ui,
                    &mut reps,
                    1..=50,
                    "reps",
                    &format!("Reps, {name}, {day_name}"),
                );
                edited.reps = Some(reps);
            }
            (None, Some(_)) => {
                let mut hold = edited.hold_secs.unwrap_or(30);
                let response = ui.add(
                    egui::DragValue::new(&mut hold)
                        .range(1..=600)
                        .suffix(" s hold"),
                );
                let label = format!("Hold seconds, {name}, {day_name}");
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::SpinButton, true, &label)
                });
                edited.hold_secs = Some(hold);
            }
            (None, None) => {}
        }
        if edited.per_side {
            ui.label(RichText::new("each side").color(theme::MUTED_TEXT));
        }
        let mut load = edited.load_kg.unwrap_or(0.0);
        let response = ui.add(
            egui::DragValue::new(&mut load)
                .range(0.0..=500.0)
                .speed(0.5)
                .custom_formatter(|kg, _| {
                    if kg <= 0.0 {
                        "no load".to_owned()
                    } else {
                        format!("{kg:.1} kg")
                    }
                }),
        );
        let label = format!("Load in kilograms, {name}, {day_name}");
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::SpinButton, true, &label));
        edited.load_kg = (load > 0.0).then_some(load);
        let mut rest = edited.rest_secs;
        let response = ui.add(
            egui::DragValue::new(&mut rest)
                .range(0..=600)
                .speed(5)
                .suffix(" s rest"),
        );
        let label = format!("Rest seconds, {name}, {day_name}");
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::SpinButton, true, &label));
        edited.rest_secs = rest;
        let up = ui
            .add_enabled(index > 0, egui::Button::new("Up"))
            .on_hover_text("Move up");
        let up_label = format!("Move {name} up on {day_name}");
        up.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, index > 0, &up_label));
        if up.clicked() {
            commands.push(PlannerCommand::MoveExercise {
                week,
                day,
                from: index,
                to: index - 1,
            });
        }
        let down = ui
            .add_enabled(index + 1 < row_count, egui::Button::new("Down"))
            .on_hover_text("Move down");
        let down_label = format!("Move {name} down on {day_name}");
        down.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, index + 1 < row_count, &down_label)
        });
        if down.clicked() {
            commands.push(PlannerCommand::MoveExercise {
                week,
                day,
                from: index,
                to: index + 1,
            });
        }
        let remove = ui.button("Remove");
        let label = format!("Remove {name} from {day_name}");
        remove.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        if remove.clicked() {
            commands.push(PlannerCommand::RemoveExercise { week, day, index });
        }
    });
    if edited != *planned {
        commands.push(PlannerCommand::EditExercise {
            week,
            day,
            index,
            planned: edited,
        });
    }
    ui.indent(("planned", week, day, index), |ui| {
        let decision = data.status_of(planned, context.red_flag_ticked);
        if decision.action != Action::Hold || !data.logs.is_empty() {
            ui.label(
                RichText::new(format!(
                    "Next step: {} — {}",
                    decision.action.label(),
                    decision.reason
                ))
                .small()
                .color(action_color(decision.action)),
            );
        }
    });
}

fn drag_u8(
    ui: &mut Ui,
    value: &mut u8,
    range: std::ops::RangeInclusive<u8>,
    suffix: &str,
    label: &str,
) {
    let response = ui.add(
        egui::DragValue::new(value)
            .range(range)
            .suffix(format!(" {suffix}")),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::SpinButton, true, label));
}

fn action_color(action: Action) -> Color32 {
    match action {
        Action::Advance => theme::GOOD_TEXT,
        Action::Hold => theme::MUTED_TEXT,
        Action::StepBack | Action::Paused => theme::REGION_SELECTED_STROKE,
    }
}

fn generate_ui(
    ui: &mut Ui,
    content: &Content,
    data: &PlannerData,
    state: &mut PlannerUi,
    context: &PlannerContext<'_>,
    commands: &mut Vec<PlannerCommand>,
) {
    let form = &mut state.generator;
    if form.condition_id.is_none() {
        form.condition_id = context.open_condition.map(str::to_owned);
    }
    ui.label(
        "KneeMap builds an editable programme from the evidence for one condition: which exercises, how often, \
         how hard and for how many weeks. It is a starting point to discuss with a physiotherapist, not a prescription.",
    );
    ui.add_space(4.0);
    egui::Grid::new("generator_form")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            ui.label("Condition");
            let selected = form
                .condition_id
                .as_deref()
                .and_then(|id| content.condition(id))
                .map_or("Choose…", |c| c.lay_name.as_str());
            egui::ComboBox::from_id_salt("generator_condition")
                .selected_text(selected)
                .show_ui(ui, |ui| {
                    for id in planner::supported_conditions(content) {
                        if let Some(condition) = content.condition(id) {
                            ui.selectable_value(
                                &mut form.condition_id,
                                Some(id.to_owned()),
                                &condition.lay_name,
                            );
                        }
                    }
                })
                .response
                .widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::ComboBox,
                        true,
                        "Condition for the programme",
                    )
                });
            ui.end_row();

            ui.label("Days you can train");
            ui.horizontal_wrapped(|ui| {
                for (day, on) in form.days.iter_mut().enumerate() {
                    ui.checkbox(on, &planner::day_name(day)[..3])
                        .widget_info(|| {
                            egui::WidgetInfo::selected(
                                egui::Role::CheckBox,
                                true,
                                *on,
                                planner::day_name(day),
                            )
                        });
                }
            });
            ui.end_row();

            ui.label("Session length");
            ui.add(egui::Slider::new(&mut form.session_minutes, 15..=90).suffix(" min"))
                .widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Slider, true, "Session length in minutes")
                });
            ui.end_row();

            ui.label("Equipment you have");
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new("Bodyweight, mat, wall and a step are assumed.")
                        .small()
                        .color(theme::MUTED_TEXT),
                );
                for item in planner::OPTIONAL_EQUIPMENT {
                    let mut on = form.equipment.contains(&item);
                    if ui.checkbox(&mut on, item.label()).changed() {
                        if on {
                            form.equipment.insert(item);
                        } else {
                            form.equipment.remove(&item);
                        }
                    }
                }
            });
            ui.end_row();
        });
    ui.add_space(6.0);
    if data.plan.is_some() {
        ui.label(
            RichText::new("This replaces the current plan. Your session logs are kept.")
                .color(theme::MUTED_TEXT),
        );
    }
    let ready = form.condition_id.is_some() && form.days.iter().any(|d| *d);
    let generate_clicked = ui
        .add_enabled(
            ready && !context.training_blocked(),
            egui::Button::new(RichText::new("Generate programme").strong()),
        )
        .on_disabled_hover_text(BLOCKED_HINT)
        .clicked();
    if generate_clicked && let Some(condition_id) = form.condition_id.clone() {
        let mut options = GenerateOptions::new(condition_id, context.today);
        options.days = form
            .days
            .iter()
            .enumerate()
            .filter(|(_, on)| **on)
            .map(|(d, _)| d)
            .collect();
        options.session_minutes = form.session_minutes;
        options.equipment = form.equipment.clone();
        commands.push(PlannerCommand::Generate(options));
        state.view = PlannerView::Week;
        state.week = 0;
    }
    if !ready {
        ui.label(
            RichText::new("Choose a condition and at least one day.")
                .small()
                .color(theme::MUTED_TEXT),
        );
    }
}

fn session_ui(
    ui: &mut Ui,
    content: &Content,
    data: &PlannerData,
    state: &mut PlannerUi,
    context: &PlannerContext<'_>,
    commands: &mut Vec<PlannerCommand>,
) {
    if state.runner.is_some() {
        runner_ui(ui, content, data, state, context);
        return;
    }
    if state.log_form.is_some() {
        log_form_ui(ui, content, data, state, commands);
        return;
    }
    let Some(plan) = &data.plan else {
        no_plan_ui(ui, state, context, commands);
        return;
    };
    ui.label(RichText::new(format!("Today is {}", date_label(context.today))).strong());
    match plan.day_for(context.today) {
        Some((week, day)) if plan.day(week, day).is_some_and(|d| !d.is_empty()) => {
            if let Some(day_plan) = plan.day(week, day) {
                ui.label(format!(
                    "Today's session: {} exercises, about {} minutes.",
                    day_plan.exercises.len(),
                    planner::estimate_session_minutes(day_plan)
                ));
                if ui
                    .add_enabled(
                        !context.training_blocked(),
                        egui::Button::new(RichText::new("Start today's session").strong()),
                    )
                    .on_disabled_hover_text(BLOCKED_HINT)
                    .clicked()
                {
                    state.start_session(data, week, day, context.now);
                }
            }
        }
        _ => {
            ui.label("No session is planned for today. You can run another day's session:");
        }
    }
    ui.add_space(6.0);
    let current_week = plan.week_index_for(context.today).unwrap_or(0);
    ui.label(RichText::new(format!("Sessions in week {}", current_week + 1)).strong());
    for day in 0..7 {
        if let Some(day_plan) = plan.day(current_week, day).filter(|d| !d.is_empty()) {
            ui.horizontal(|ui| {
                let done = data.logs.iter().any(|l| {
                    l.plan_id == plan.id && l.week_index == current_week && l.day_index == day
                });
                ui.label(format!(
                    "{}: {} exercises, about {} min{}",
                    planner::day_name(day),
                    day_plan.exercises.len(),
                    planner::estimate_session_minutes(day_plan),
                    if done { " (logged)" } else { "" }
                ));
                let start = ui
                    .add_enabled(!context.training_blocked(), egui::Button::new("Start"))
                    .on_disabled_hover_text(BLOCKED_HINT);
                let label = format!("Start {} session", planner::day_name(day));
                start.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                if start.clicked() {
                    state.start_session(data, current_week, day, context.now);
                }
            });
        }
    }
}

fn runner_ui(
    ui: &mut Ui,
    content: &Content,
    data: &PlannerData,
    state: &mut PlannerUi,
    context: &PlannerContext<'_>,
) {
    let now = context.now;
    let mut finish = false;
    if let Some(runner) = state.runner.as_mut() {
        let step = *runner.timer.current();
        let (done_steps, total_steps) = runner.timer.progress();
        ui.label(
            RichText::new(format!(
                "{} · step {} of {total_steps}",
                planner::day_name(runner.day),
                done_steps + 1
            ))
            .color(theme::MUTED_TEXT),
        );
        let progress_label = format!("Session progress: step {} of {total_steps}", done_steps + 1);
        ui.add(
            egui::ProgressBar::new(done_steps as f32 / total_steps.max(1) as f32)
                .desired_height(6.0),
        )
        .widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::ProgressIndicator, true, &progress_label)
        });
        let flashing = runner.flash_until.is_some_and(|until| now < until);
        let fill = if flashing {
            theme::CUE_FLASH_FILL
        } else {
            theme::NOTICE_FILL
        };
        let shown_index = match step.phase {
            Phase::Rest { .. } => runner
                .timer
                .upcoming()
                .map_or(step.exercise_index, |s| s.exercise_index),
            _ => step.exercise_index,
        };
        let planned = runner.exercises.get(shown_index).cloned();
        let exercise = planned
            .as_ref()
            .and_then(|p| content.exercise(&p.exercise_id));
        egui::Frame::new()
            .fill(fill)
            .corner_radius(8.0)
            .inner_margin(12)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                if let (Some(planned), Some(exercise)) = (&planned, exercise) {
                    exercise_picture_ui(ui, context.exercise_textures, exercise, 260.0);
                    ui.label(RichText::new(&exercise.name).size(20.0).strong());
                    ui.label(RichText::new(planned.dose_summary()).color(theme::MUTED_TEXT));
                }
                let side = match step.side {
                    Some(Side::Left) => " · left side",
                    Some(Side::Right) => " · right side",
                    None => "",
                };
                let sets = planned.as_ref().map_or(0, |p| p.sets);
                let remaining = runner.timer.remaining_whole_secs(now).unwrap_or(0);
                let (headline, detail) = match step.phase {
                    Phase::GetReady { .. } => (
                        format!("Get ready: {remaining}"),
                        format!("Set {} of {sets}{side}", step.set_number),
                    ),
                    Phase::Reps { target } => (
                        if target > 0 {
                            format!("Do {target} reps")
                        } else {
                            "Do the set".to_owned()
                        },
                        format!(
                            "Set {} of {sets}{side} · press Set done when finished",
                            step.set_number
                        ),
                    ),
                    Phase::Hold { secs } => (
                        format!("Hold: {remaining} s"),
                        format!("Set {} of {sets}{side} · {secs} s hold", step.set_number),
                    ),
                    Phase::Rest { .. } => {
                        (format!("Rest: {remaining} s"), next_label(runner, content))
                    }
                    Phase::Done => (
                        "Session complete".to_owned(),
                        "Well done. Log how the knee felt.".to_owned(),
                    ),
                };
                let headline_response = ui.label(
                    RichText::new(&headline)
                        .size(30.0)
                        .strong()
                        .color(theme::ACCENT),
                );
                headline_response.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Label,
                        true,
                        format!("Session step: {headline}"),
                    )
                });
                ui.label(detail);
                if runner.timer.is_paused() {
                    ui.label(RichText::new("Paused").strong());
                }
            });
        ui.horizontal_wrapped(|ui| {
            match step.phase {
                Phase::Reps { .. } | Phase::Hold { .. } => {
                    if ui.button(RichText::new("Set done").strong()).clicked() {
                        runner.timer.complete_set(now);
                        runner.flash_until = Some(now + CUE_FLASH);
                    }
                }
                Phase::Rest { .. } | Phase::GetReady { .. } => {
                    if ui
                        .button("Skip")
                        .on_hover_text("Skip the countdown")
                        .clicked()
                    {
                        runner.timer.skip_rest(now);
                    }
                }
                Phase::Done => {}
            }
            if !runner.timer.is_finished() {
                if runner.timer.is_paused() {
                    if ui.button("Resume").clicked() {
                        runner.timer.resume(now);
                    }
                } else if ui.button("Pause").clicked() {
                    runner.timer.pause(now);
                }
            }
            let end_label = if runner.timer.is_finished() {
                "Log this session"
            } else {
                "End session and log"
            };
            if ui.button(end_label).clicked() {
                finish = true;
            }
        });
        if let (Some(planned), Some(load)) = (&planned, runner.loads_kg.get_mut(shown_index)) {
            ui.horizontal(|ui| {
                ui.label("Load used:");
                let mut kg = load.unwrap_or(0.0);
                let response = ui.add(
                    egui::DragValue::new(&mut kg)
                        .range(0.0..=500.0)
                        .speed(0.5)
                        .suffix(" kg"),
                );
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::SpinButton,
                        true,
                        "Load used in kilograms",
                    )
                });
                *load = (kg > 0.0).then_some(kg);
                if let Some((log, entry)) = planner::previous_log_for_exercise(
                    &planned.exercise_id,
                    context.today + chrono::Days::new(1),
                    &data.logs,
                ) {
                    ui.label(
                        RichText::new(format!(
                            "Last time ({}): {} sets{}{}, pain {}/10",
                            date_label(log.date),
                            entry.sets_done,
                            entry
                                .reps_done
                                .map(|r| format!(" × {r}"))
                                .unwrap_or_default(),
                            entry
                                .load_kg
                                .map(|kg| format!(", {}", planner::format_kg(kg)))
                                .unwrap_or_default(),
                            log.pain_during
                        ))
                        .color(theme::MUTED_TEXT),
                    );
                }
            });
        }
        if let Some(exercise) = exercise {
            egui::CollapsingHeader::new("How to do it")
                .id_salt("runner_howto")
                .show(ui, |ui| {
                    for (index, step) in exercise.steps.iter().enumerate() {
                        ui.label(format!("{}. {step}", index + 1));
                    }
                });
        }
        if let Some(previous) = planner::previous_log_for_day(runner.week, runner.day, &data.logs)
            .filter(|l| !l.notes.is_empty())
        {
            ui.label(
                RichText::new(format!(
                    "Your notes last time ({}): {}",
                    date_label(previous.date),
                    previous.notes
                ))
                .italics()
                .color(theme::MUTED_TEXT),
            );
        }
    }
    if finish {
        state.finish_session(context.today);
    }
}

fn next_label(runner: &Runner, content: &Content) -> String {
    match runner.timer.upcoming() {
        Some(next) => {
            let name = runner
                .exercises
                .get(next.exercise_index)
                .and_then(|p| content.exercise(&p.exercise_id))
                .map_or("", |e| e.name.as_str());
            format!("Next: {name}, set {}", next.set_number)
        }
        None => "Last rest".to_owned(),
    }
}

fn log_form_ui(
    ui: &mut Ui,
    content: &Content,
    data: &PlannerData,
    state: &mut PlannerUi,
    commands: &mut Vec<PlannerCommand>,
) {
    let mut save = false;
    let mut discard = false;
    if let Some(form) = state.log_form.as_mut() {
        ui.label(
            RichText::new(format!("Log the session of {}", date_label(form.date)))
                .size(18.0)
                .strong(),
        );
        ui.label(
            RichText::new("What you did (correct anything that differed from the plan):")
                .color(theme::MUTED_TEXT),
        );
        for entry in &mut form.entries {
            let name = content
                .exercise(&entry.exercise_id)
                .map_or(entry.exercise_id.as_str(), |e| e.name.as_str())
                .to_owned();
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(&name).strong());
                drag_u8(
                    ui,
                    &mut entry.sets_done,
                    0..=10,
                    "sets",
                    &format!("Sets done, {name}"),
                );
                if let Some(reps) = entry.reps_done.as_mut() {
                    drag_u8(ui, reps, 0..=50, "reps", &format!("Reps done, {name}"));
                } else if let Some(hold) = entry.hold_secs_done.as_mut() {
                    let label = format!("Hold seconds done, {name}");
                    ui.add(egui::DragValue::new(hold).range(0..=600).suffix(" s hold"))
                        .widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::SpinButton, true, &label)
                        });
                }
                if let Some(kg) = entry.load_kg {
                    ui.label(RichText::new(planner::format_kg(kg)).color(theme::MUTED_TEXT));
                }
            });
        }
        ui.add_space(4.0);
        ui.add(egui::Slider::new(&mut form.pain_during, 0..=10).text("knee pain during (0–10)"))
            .widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Slider,
                    true,
                    "Knee pain during the session, 0 to 10",
                )
            });
        ui.add(egui::Slider::new(&mut form.effort, 0..=10).text("effort (0–10)"))
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Slider, true, "Effort, 0 to 10"));
        ui.add(
            egui::TextEdit::multiline(&mut form.notes)
                .hint_text("Notes: how it felt, what to change")
                .desired_rows(3),
        )
        .widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::MultilineTextInput, true, "Session notes")
        });
        ui.label(
            RichText::new(data.thresholds.describe())
                .small()
                .color(theme::MUTED_TEXT),
        );
        ui.horizontal(|ui| {
            save = ui.button(RichText::new("Save log").strong()).clicked();
            discard = ui.button("Discard").clicked();
        });
    }
    if save && let Some(form) = state.log_form.take() {
        let mut log = SessionLog::new(
            planner::next_log_id(&data.logs),
            form.date,
            form.week,
            form.day,
        );
        log.entries = form.entries;
        log.pain_during = form.pain_during;
        log.effort = form.effort;
        log.notes = form.notes;
        commands.push(PlannerCommand::LogSession(log));
        state.view = PlannerView::History;
    }
    if discard {
        state.log_form = None;
    }
}

fn history_ui(
    ui: &mut Ui,
    content: &Content,
    data: &PlannerData,
    state: &mut PlannerUi,
    context: &PlannerContext<'_>,
    commands: &mut Vec<PlannerCommand>,
) {
    if let Some(waiting) = data
        .awaiting_next_morning()
        .filter(|l| l.date < context.today)
    {
        egui::Frame::group(ui.style())
            .fill(theme::NOTICE_FILL)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(
                    RichText::new(format!(
                        "How is the knee the morning after {}?",
                        date_label(waiting.date)
                    ))
                    .strong(),
                );
                ui.add(
                    egui::Slider::new(&mut state.morning_pain, 0..=10)
                        .text("pain this morning (0–10)"),
                )
                .widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Slider,
                        true,
                        "Next-morning pain, 0 to 10",
                    )
                });
                if ui.button("Save next-morning pain").clicked() {
                    commands.push(PlannerCommand::SetNextMorningPain {
                        log_id: waiting.id,
                        pain: state.morning_pain,
                    });
                }
            });
    }

    widgets::section_title(ui, "What changed and why");
    if data.adjustments.is_empty() {
        ui.label(
            RichText::new(
                "No changes yet: the plan moves on only when pain stays within your limits.",
            )
            .color(theme::MUTED_TEXT),
        );
    }
    for adjustment in data.adjustments.iter().rev().take(12) {
        let name = content
            .exercise(&adjustment.exercise_id)
            .map_or(adjustment.exercise_id.as_str(), |e| e.name.as_str());
        ui.label(
            RichText::new(format!(
                "{} · {name}: {} ({} to {}). {}",
                date_label(adjustment.date),
                adjustment.action.label(),
                adjustment.from,
                adjustment.to,
                adjustment.reason
            ))
            .color(action_color(adjustment.action)),
        );
    }

    widgets::section_title(ui, "Pain and training volume");
    pain_chart_ui(ui, data);

    if let Some(plan) = &data.plan {
        widgets::section_title(ui, "Sessions done per week");
        egui::Grid::new("adherence")
            .striped(true)
            .num_columns(3)
            .show(ui, |ui| {
                ui.label(RichText::new("Week").strong());
                ui.label(RichText::new("Planned").strong());
                ui.label(RichText::new("Done").strong());
                ui.end_row();
                for (week, planned, done) in planner::adherence_per_week(plan, &data.logs) {
                    ui.label(format!("{}", week + 1));
                    ui.label(planned.to_string());
                    ui.label(done.to_string());
                    ui.end_row();
                }
            });
    }

    widgets::section_title(ui, "Logged sessions");
    if data.logs.is_empty() {
        ui.label(RichText::new("Nothing logged yet.").color(theme::MUTED_TEXT));
    }
    for log in data.logs.iter().rev().take(20) {
        ui.label(format!(
            "{} · pain {}/10 during{} · effort {}/10{}",
            date_label(log.date),
            log.pain_during,
            log.next_morning_pain
                .map(|p| format!(", {p}/10 next morning"))
                .unwrap_or_default(),
            log.effort,
            if log.notes.is_empty() {
                String::new()
            } else {
                format!(" · {}", log.notes)
            }
        ));
    }

    widgets::section_title(ui, "Pain limits");
    ui.label(RichText::new(data.thresholds.describe()).small());
    let mut thresholds = data.thresholds.clone();
    ui.horizontal_wrapped(|ui| {
        ui.add(
            egui::DragValue::new(&mut thresholds.max_during)
                .range(0..=10)
                .prefix("during at most ")
                .suffix("/10"),
        )
        .widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::SpinButton, true, "Highest pain during exercise")
        });
        ui.add(
            egui::DragValue::new(&mut thresholds.max_next_morning_rise)
                .range(0..=10)
                .prefix("next-morning rise at most "),
        )
        .widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::SpinButton, true, "Allowed next-morning rise")
        });
        ui.checkbox(
            &mut thresholds.allow_weekly_rise,
            "allow pain to creep up week to week",
        );
    });
    if thresholds != data.thresholds {
        commands.push(PlannerCommand::SetThresholds(thresholds));
    }
    let mut get_ready = data.get_ready_secs;
    ui.add(
        egui::DragValue::new(&mut get_ready)
            .range(0..=60)
            .prefix("get-ready countdown ")
            .suffix(" s"),
    )
    .widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::SpinButton,
            true,
            "Get-ready countdown in seconds",
        )
    });
    if get_ready != data.get_ready_secs {
        commands.push(PlannerCommand::SetGetReadySecs(get_ready));
    }
    let _ = context;
}

/// Days since the Unix epoch, the chart's x axis.
fn day_number(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce())
}

fn pain_chart_ui(ui: &mut Ui, data: &PlannerData) {
    let pain = planner::pain_series(&data.logs);
    if pain.is_empty() {
        ui.label(
            RichText::new("Log sessions to see pain and volume over time.")
                .color(theme::MUTED_TEXT),
        );
        return;
    }
    let during: Vec<[f64; 2]> = pain.iter().map(|(d, p, _)| [day_number(*d), *p]).collect();
    let morning: Vec<[f64; 2]> = pain
        .iter()
        .filter_map(|(d, _, m)| m.map(|m| [day_number(*d), m]))
        .collect();
    // Markers as well as lines, so a single session already shows.
    let during_points = during.clone();
    let morning_points = morning.clone();
    let volume = planner::volume_series(&data.logs);
    let max_volume = volume.iter().map(|(_, v)| *v).fold(1.0_f64, f64::max);
    // Volume is drawn on the 0–10 pain scale (10 = the largest session) so both share one chart.
    let volume_scaled: Vec<[f64; 2]> = volume
        .iter()
        .map(|(d, v)| [day_number(*d), v / max_volume * 10.0])
        .collect();
    let limit = f64::from(data.thresholds.max_during);
    let plot = egui_plot::Plot::new("pain_volume_chart")
        .height(200.0)
        .include_y(0.0)
        .include_y(10.0)
        .allow_scroll(false)
        .legend(egui_plot::Legend::default())
        .x_axis_formatter(|mark, _range| {
            NaiveDate::from_num_days_from_ce_opt(mark.value as i32)
                .map(|d| d.format("%-d %b").to_string())
                .unwrap_or_default()
        });
    let response = plot.show(ui, |plot_ui| {
        plot_ui.line(
            egui_plot::Line::new("Training volume (relative)", volume_scaled)
                .color(theme::CHART_VOLUME),
        );
        plot_ui.line(
            egui_plot::Line::new("Pain during", during)
                .color(theme::REGION_SELECTED_STROKE)
                .width(2.0),
        );
        plot_ui.line(
            egui_plot::Line::new("Pain next morning", morning)
                .color(theme::ACCENT)
                .width(2.0),
        );
        plot_ui.hline(egui_plot::HLine::new("Your pain limit", limit).color(theme::GOOD_TEXT));
        plot_ui.points(
            egui_plot::Points::new("Pain during", during_points)
                .color(theme::REGION_SELECTED_STROKE)
                .radius(3.5),
        );
        plot_ui.points(
            egui_plot::Points::new("Pain next morning", morning_points)
                .color(theme::ACCENT)
                .radius(3.5),
        );
    });
    response.response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Image,
            true,
            "Chart of pain and training volume over time",
        )
    });
}
