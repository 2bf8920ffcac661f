//! The week view: one card per day with its exercises, doses, reorder, copy and clear, the week's coverage and
//! warnings, and the progression status of each planned exercise.

use egui::{Color32, RichText, Ui};

use super::{
    BLOCKED_HINT, PlannerContext, PlannerUi, PlannerView, action_color, date_label, drag_u8,
    no_plan_ui,
};
use crate::app::AppCommand;
use crate::content::{Content, Exercise, ExerciseKind};
use crate::planner::{
    self, Action, Limits, PlannedExercise, PlannerCommand, PlannerData, SessionCommand,
};
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
    state.week = state.week.min(week_count.saturating_sub(1));
    let week = state.week;
    ui.label(RichText::new(&plan.name).size(theme::size::TITLE).strong());
    ui.label(
        RichText::new(format!(
            "Starts {} · {} weeks · {} strength sessions a week intended · pain limit {}/10",
            date_label(plan.start_date),
            week_count,
            plan.intended_sessions_per_week,
            data.thresholds.max_during
        ))
        .color(theme::colors(ui).muted_text),
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
            commands.push(AppCommand::Planner(PlannerCommand::AddWeek));
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
    ui.add_space(4.0);

    for (day, day_plan) in week_plan.days.iter().enumerate() {
        let day_name = planner::day_name(day);
        let date = plan.date_of(week, day);
        let is_today = date == Some(context.today);
        egui::Frame::group(ui.style())
            .fill(if is_today {
                theme::colors(ui).notice_fill
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
                        widgets::chip(
                            ui,
                            "today",
                            theme::colors(ui).accent,
                            theme::colors(ui).on_accent_text,
                        );
                    }
                    if day_plan.is_empty() {
                        ui.label(RichText::new("rest day").color(theme::colors(ui).muted_text));
                    } else {
                        ui.label(
                            RichText::new(format!(
                                "{} exercises · about {} min",
                                day_plan.exercises.len(),
                                planner::estimate_session_minutes(day_plan)
                            ))
                            .color(theme::colors(ui).muted_text),
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
                            commands
                                .push(AppCommand::Planner(PlannerCommand::ClearDay { week, day }));
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
                            commands.push(
                                SessionCommand::Start {
                                    week,
                                    day,
                                    pain_before: None,
                                }
                                .into(),
                            );
                            state.view = PlannerView::Session;
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

fn copy_day_menu(
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
        let decision = data.status_of(planned, context.safety.progression_paused());
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
