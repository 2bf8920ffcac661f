//! The week view: one card per day with its exercises, doses, reorder, copy and clear, the week's coverage and
//! warnings, and the progression status of each planned exercise.

use egui::{RichText, Ui};

use super::{PlannerContext, PlannerUi, action_color, board, date_label, drag_u8, no_plan_ui};
use crate::command::AppCommand;
use crate::content::{Content, Exercise, ExerciseKind};
use crate::planner::{self, Action, Limits, PlannedExercise, PlannerCommand, PlannerData};
use crate::ui::{theme, widgets};

pub(super) fn week_ui(
    ui: &mut Ui,
    content: &Content,
    data: &PlannerData,
    state: &mut PlannerUi,
    context: &PlannerContext<'_>,
    commands: &mut Vec<AppCommand>,
) {
    let Some(plan) = &data.plan else {
        no_plan_ui(ui, state, context, commands);
        return;
    };
    let week_count = plan.weeks.len();
    if !state.week_chosen {
        state.week = plan.week_index_for(context.today).unwrap_or(0);
    }
    state.week = state.week.min(week_count.saturating_sub(1));
    let week = state.week;
    widgets::heading(ui, &plan.name, 2);
    ui.label(
        RichText::new(format!(
            "Starts {} · {} weeks · {} strength sessions a week intended · pain limit {}/10",
            date_label(plan.start_date),
            week_count,
            plan.intended_sessions_per_week,
            data.thresholds().max_during
        ))
        .color(theme::colors(ui).muted_text),
    );
    if !plan.notes.is_empty() {
        egui::CollapsingHeader::new("About this plan")
            .id_salt("plan_notes")
            .show(ui, |ui| {
                for note in &plan.notes {
                    ui.label(RichText::new(format!("• {note}")).small());
                }
            });
    }
    ui.horizontal_wrapped(|ui| {
        if ui
            .add_enabled(week > 0, egui::Button::new("Previous week"))
            .clicked()
        {
            state.week = week - 1;
            state.week_chosen = true;
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
            state.week_chosen = true;
        }
        if ui.button("Add a week").clicked() {
            commands.push(AppCommand::Planner(PlannerCommand::AddWeek));
        }
        ui.separator();
        let undo = ui
            .add_enabled(context.can_undo, egui::Button::new("Undo"))
            .on_hover_text("Take back the last plan edit (Ctrl+Z)");
        undo.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, context.can_undo, "Undo plan edit")
        });
        if undo.clicked() {
            commands.push(AppCommand::UndoPlanEdit);
        }
        let redo = ui
            .add_enabled(context.can_redo, egui::Button::new("Redo"))
            .on_hover_text("Do the undone edit again (Ctrl+Shift+Z)");
        redo.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, context.can_redo, "Redo plan edit")
        });
        if redo.clicked() {
            commands.push(AppCommand::RedoPlanEdit);
        }
    });
    let Some(week_plan) = plan.weeks.get(week) else {
        return;
    };
    if let Some(stuck) = data.stuck(context.today) {
        widgets::stuck_notice(ui, &stuck);
    }
    if let Some((phase_index, phase)) = plan.unconfirmed_phase_by(week) {
        phase_gate_ui(ui, plan, phase_index, phase, state, context, commands);
    }

    // Coverage and warnings for the week.
    let coverage = planner::week_coverage(week_plan, content);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Working sets this week:").strong());
        for (group, sets) in &coverage {
            let color = if *sets == 0 {
                theme::colors(ui).warning_text
            } else {
                theme::colors(ui).muted_text
            };
            ui.label(RichText::new(format!("{} {sets}", group.label())).color(color));
        }
    });
    // Includes a hard Sunday followed by a hard Monday next week.
    for warning in planner::plan_week_warnings(plan, week, content) {
        ui.label(
            RichText::new(format!("Warning: {}", warning.message()))
                .color(theme::colors(ui).warning_text),
        );
    }
    // Runs of the same week, and what the two together say.
    let runs = crate::week::monday_of_week(plan, week)
        .map(|monday| crate::week::runs_by_day(context.running, monday))
        .unwrap_or_default();
    for warning in
        crate::week::combined_warnings(plan, week, &runs, content, context.running.settings.units)
    {
        ui.label(
            RichText::new(format!("Warning: {}", warning.text))
                .color(theme::colors(ui).warning_text),
        );
    }
    ui.add_space(4.0);

    board::board_ui(ui, content, plan, week, &runs, state, context, commands);
    if let Some((_, day, index)) = state.selected
        && let Some(planned) = week_plan.days.get(day).and_then(|d| d.exercises.get(index))
    {
        ui.add_space(6.0);
        let editor = egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            widgets::heading(
                ui,
                &format!("Edit: {}", board::item_name(content, planned)),
                3,
            );
            planned_row_ui(
                ui,
                content,
                data,
                context,
                (week, day, index),
                planned,
                week_plan.days[day].exercises.len(),
                commands,
            );
            move_to_day_menu(ui, content, (week, day, index), planned, commands);
        });
        // A new selection brings its editor into view: at 1280×800 it opens below the board's fold.
        if state.editor_shown_for != state.selected {
            state.editor_shown_for = state.selected;
            editor.response.scroll_to_me(Some(egui::Align::Max));
        }
    } else {
        ui.label(
            RichText::new(
                "Select an exercise to edit its dose, or drag it to another day or place. Ctrl+Z undoes, \
                 Ctrl+Shift+Z redoes.",
            )
            .small()
            .color(theme::colors(ui).muted_text),
        );
    }
}

/// "Move to" another day, for keyboard and screen-reader users (dragging does the same with the pointer).
fn move_to_day_menu(
    ui: &mut Ui,
    content: &Content,
    (week, day, index): (usize, usize, usize),
    planned: &PlannedExercise,
    commands: &mut Vec<AppCommand>,
) {
    let name = board::item_name(content, planned);
    let label = format!("Move {name} to another day");
    let response = ui.menu_button("Move to another day", |ui| {
        for to_day in (0..7).filter(|d| *d != day) {
            if ui.button(planner::day_name(to_day)).clicked() {
                commands.push(AppCommand::Planner(PlannerCommand::MoveExerciseToDay {
                    week,
                    from_day: day,
                    index,
                    to_day,
                    to_index: usize::MAX,
                }));
                ui.close();
            }
        }
    });
    response
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
}

pub(super) fn add_exercise_menu(
    ui: &mut Ui,
    content: &Content,
    week: usize,
    day: usize,
    commands: &mut Vec<AppCommand>,
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
                            .color(theme::colors(ui).muted_text),
                    );
                    for exercise in group {
                        if ui.button(&exercise.name).clicked() {
                            commands.push(AppCommand::Planner(PlannerCommand::AddExercise {
                                week,
                                day,
                                exercise_id: exercise.id.clone(),
                            }));
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

pub(super) fn copy_day_menu(
    ui: &mut Ui,
    week: usize,
    day: usize,
    week_count: usize,
    commands: &mut Vec<AppCommand>,
) {
    let label = format!("Copy {} to", planner::day_name(day));
    let response = ui.menu_button("Copy to", |ui| {
        for to_day in (0..7).filter(|d| *d != day) {
            if ui.button(planner::day_name(to_day)).clicked() {
                commands.push(AppCommand::Planner(PlannerCommand::CopyDay {
                    week,
                    from_day: day,
                    to_week: week,
                    to_day,
                }));
                ui.close();
            }
        }
        if week + 1 < week_count && ui.button("Same day next week").clicked() {
            commands.push(AppCommand::Planner(PlannerCommand::CopyDay {
                week,
                from_day: day,
                to_week: week + 1,
                to_day: day,
            }));
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
    commands: &mut Vec<AppCommand>,
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
                .color(theme::colors(ui).muted_text),
        );
    });
    ui.horizontal_wrapped(|ui| {
        drag_u8(
            ui,
            &mut edited.sets,
            Limits::SETS_MIN..=Limits::SETS_MAX,
            "sets",
            &format!("Sets, {name}, {day_name}"),
        );
        match (edited.reps, edited.hold_secs) {
            (Some(_), _) => {
                let mut reps = edited.reps.unwrap_or(1);
                drag_u8(
                    ui,
                    &mut reps,
                    Limits::REPS_MIN..=Limits::REPS_MAX,
                    "reps",
                    &format!("Reps, {name}, {day_name}"),
                );
                edited.reps = Some(reps);
            }
            (None, Some(_)) => {
                let mut hold = edited.hold_secs.unwrap_or(30);
                let response = ui.add(
                    egui::DragValue::new(&mut hold)
                        .range(Limits::HOLD_SECS_MIN..=Limits::HOLD_SECS_MAX)
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
            ui.label(RichText::new("each side").color(theme::colors(ui).muted_text));
        }
        let mut load = edited.load_kg.unwrap_or(0.0);
        let response = ui.add(
            egui::DragValue::new(&mut load)
                .range(0.0..=Limits::LOAD_KG_MAX)
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
                .range(0..=Limits::REST_SECS_MAX)
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
            commands.push(AppCommand::Planner(PlannerCommand::MoveExercise {
                week,
                day,
                from: index,
                to: index - 1,
            }));
        }
        let down = ui
            .add_enabled(index + 1 < row_count, egui::Button::new("Down"))
            .on_hover_text("Move down");
        let down_label = format!("Move {name} down on {day_name}");
        down.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, index + 1 < row_count, &down_label)
        });
        if down.clicked() {
            commands.push(AppCommand::Planner(PlannerCommand::MoveExercise {
                week,
                day,
                from: index,
                to: index + 1,
            }));
        }
        let remove = ui.button("Remove");
        let label = format!("Remove {name} from {day_name}");
        remove.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        if remove.clicked() {
            commands.push(AppCommand::Planner(PlannerCommand::RemoveExercise {
                week,
                day,
                index,
            }));
        }
    });
    if edited != *planned {
        commands.push(AppCommand::Planner(PlannerCommand::EditExercise {
            week,
            day,
            index,
            planned: edited,
        }));
    }
    ui.indent(("planned", week, day, index), |ui| {
        let decision = data.status_of(planned, context.today, context.safety.progression_paused());
        if decision.action != Action::Hold || !data.logs.is_empty() {
            ui.label(
                RichText::new(format!(
                    "Next step: {} — {}",
                    decision.action.label(),
                    decision.reason
                ))
                .small()
                .color(action_color(ui, decision.action)),
            );
        }
    });
}

/// A phase that starts only once the runner confirms its criteria: the checklist, "start it", and "not yet"
/// (repeat a week of the stage before). The planner checks the pain rules and red flags when it is confirmed.
fn phase_gate_ui(
    ui: &mut Ui,
    plan: &planner::Plan,
    phase_index: usize,
    phase: &planner::PlanPhase,
    state: &mut PlannerUi,
    context: &PlannerContext<'_>,
    commands: &mut Vec<AppCommand>,
) {
    if state.gate_checks.0 != phase_index || state.gate_checks.1.len() != phase.start_criteria.len()
    {
        state.gate_checks = (phase_index, vec![false; phase.start_criteria.len()]);
    }
    let earliest = plan.week_start_date(phase.first_week_index);
    widgets::notice_box(ui, |ui| {
        ui.label(RichText::new(format!("Before \"{}\" starts", phase.name)).strong());
        ui.label(format!(
            "Week {} ({}) is the earliest it can start: it begins when you confirm that",
            phase.first_week_index + 1,
            date_label(earliest)
        ));
        for (tick, criterion) in state.gate_checks.1.iter_mut().zip(&phase.start_criteria) {
            ui.checkbox(tick, criterion);
        }
        let all = state.gate_checks.1.iter().all(|t| *t);
        ui.horizontal_wrapped(|ui| {
            let start = ui.add_enabled(
                all && context.today >= earliest,
                egui::Button::new(format!("Start \"{}\"", phase.name)),
            );
            if start.clicked() {
                commands.push(AppCommand::Planner(PlannerCommand::ConfirmPhaseStart {
                    phase_index,
                    on: context.today,
                }));
            }
            if phase_index > 0
                && let Some(previous) = plan.phases.get(phase_index - 1)
                && ui
                    .button(format!("Not yet: one more week of \"{}\"", previous.name))
                    .clicked()
            {
                commands.push(AppCommand::Planner(PlannerCommand::RepeatWeekBeforePhase {
                    phase_index,
                }));
            }
        });
        ui.label(
                RichText::new(
                    "Sessions of this stage wait until then. KneeMap also checks your last sessions against your \
                     pain limit before it starts.",
                )
                .small()
                .color(theme::colors(ui).muted_text),
            );
    });
}
