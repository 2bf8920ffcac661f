//! The session view: today's and this week's sessions with the pain-before question, and the runner that steps
//! through a session (get ready, reps or hold, rest) drawn from [`SessionModel`]. Buttons send
//! [`SessionCommand`]s; the timer and its rules live in `crate::planner::session`.

use egui::{RichText, Ui};

use super::log::log_form_ui;
use super::{BLOCKED_HINT, PlannerContext, PlannerUi, date_label, no_plan_ui};
use crate::command::AppCommand;
use crate::content::Content;
use crate::planner::session_timer::{Phase, Side};
use crate::planner::{self, ActiveSession, Limits, PlannerData, SessionCommand, SessionModel};
use crate::ui::exercises::exercise_picture_ui;
use crate::ui::theme;

pub(super) fn session_ui(
    ui: &mut Ui,
    content: &Content,
    data: &PlannerData,
    session: &SessionModel,
    state: &mut PlannerUi,
    context: &PlannerContext<'_>,
    commands: &mut Vec<AppCommand>,
) {
    if let Some(active) = &session.active {
        runner_ui(ui, content, data, active, context, commands);
        return;
    }
    if let Some(draft) = &session.draft {
        log_form_ui(ui, content, data, draft, state, commands);
        return;
    }
    let Some(plan) = &data.plan else {
        no_plan_ui(ui, state, context, commands);
        return;
    };
    ui.label(RichText::new(format!("Today is {}", date_label(context.today))).strong());
    ui.horizontal(|ui| {
        ui.add(
            egui::Slider::new(&mut state.pain_before, 0..=Limits::SCALE_MAX)
                .text("knee pain now (0–10)"),
        )
        .widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Slider,
                true,
                "Knee pain before the session, 0 to 10",
            )
        });
    });
    ui.label(
        RichText::new(
            "The next morning, KneeMap compares your knee with how it was before the session.",
        )
        .small()
        .color(theme::colors(ui).muted_text),
    );
    let start = |week, day| -> AppCommand {
        SessionCommand::Start {
            week,
            day,
            pain_before: Some(state.pain_before),
        }
        .into()
    };
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
                    commands.push(start(week, day));
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
                let button = ui
                    .add_enabled(!context.training_blocked(), egui::Button::new("Start"))
                    .on_disabled_hover_text(BLOCKED_HINT);
                let label = format!("Start {} session", planner::day_name(day));
                button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                if button.clicked() {
                    commands.push(start(current_week, day));
                }
            });
        }
    }
}

fn runner_ui(
    ui: &mut Ui,
    content: &Content,
    data: &PlannerData,
    active: &ActiveSession,
    context: &PlannerContext<'_>,
    commands: &mut Vec<AppCommand>,
) {
    let now = context.now;
    let timer = &active.timer;
    let step = *timer.current();
    let (done_steps, total_steps) = timer.progress();
    ui.label(
        RichText::new(format!(
            "{} · step {} of {total_steps}",
            planner::day_name(active.day),
            done_steps + 1
        ))
        .color(theme::colors(ui).muted_text),
    );
    let progress_label = format!("Session progress: step {} of {total_steps}", done_steps + 1);
    let fraction = done_steps as f32 / total_steps.max(1) as f32;
    ui.add(egui::ProgressBar::new(fraction).desired_height(6.0))
        .widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::ProgressIndicator, true, &progress_label)
        });
    let fill = if active.is_flashing(now) {
        theme::colors(ui).cue_flash_fill
    } else {
        theme::colors(ui).notice_fill
    };
    let shown_index = active.shown_exercise_index();
    let planned = active.exercises.get(shown_index);
    let exercise = planned.and_then(|p| content.exercise(&p.exercise_id));
    egui::Frame::new()
        .fill(fill)
        .corner_radius(8.0)
        .inner_margin(12)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            if let (Some(planned), Some(exercise)) = (planned, exercise) {
                exercise_picture_ui(ui, context.exercise_textures, exercise, 260.0);
                crate::ui::widgets::heading(ui, &exercise.name, 2);
                ui.label(RichText::new(planned.dose_summary()).color(theme::colors(ui).muted_text));
            }
            let side = match step.side {
                Some(Side::Left) => " · left side",
                Some(Side::Right) => " · right side",
                None => "",
            };
            let sets = planned.map_or(0, |p| p.sets);
            let remaining = timer.remaining_whole_secs(now).unwrap_or(0);
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
                Phase::Rest { .. } => (format!("Rest: {remaining} s"), next_label(active, content)),
                Phase::Done => (
                    "Session complete".to_owned(),
                    "Well done. Log how the knee felt.".to_owned(),
                ),
            };
            let headline_response = ui.label(
                RichText::new(&headline)
                    .size(theme::size::COUNTDOWN)
                    .strong()
                    .color(theme::colors(ui).accent),
            );
            headline_response.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Label,
                    true,
                    format!("Session step: {headline}"),
                )
            });
            ui.label(detail);
            if timer.is_paused() {
                ui.label(RichText::new("Paused").strong());
            }
        });
    ui.horizontal_wrapped(|ui| {
        match step.phase {
            Phase::Reps { .. } | Phase::Hold { .. } => {
                if ui.button(RichText::new("Set done").strong()).clicked() {
                    commands.push(SessionCommand::CompleteSet.into());
                }
            }
            Phase::Rest { .. } | Phase::GetReady { .. } => {
                if ui
                    .button("Skip")
                    .on_hover_text("Skip the countdown")
                    .clicked()
                {
                    commands.push(SessionCommand::SkipCountdown.into());
                }
            }
            Phase::Done => {}
        }
        if !timer.is_finished() {
            if timer.is_paused() {
                if ui.button("Resume").clicked() {
                    commands.push(SessionCommand::Resume.into());
                }
            } else if ui.button("Pause").clicked() {
                commands.push(SessionCommand::Pause.into());
            }
        }
        let end_label = if timer.is_finished() {
            "Log this session"
        } else {
            "End session and log"
        };
        if ui.button(end_label).clicked() {
            commands.push(SessionCommand::Finish.into());
        }
    });
    keyboard_control(
        ui,
        step.phase,
        timer.is_paused(),
        timer.is_finished(),
        commands,
    );
    ui.label(
        RichText::new(
            "Keys: Space pauses or resumes · Right arrow: set done or skip · Esc: end and log",
        )
        .small()
        .color(theme::colors(ui).muted_text),
    );
    if let Some(planned) = planned {
        ui.horizontal(|ui| {
            ui.label("Load used:");
            let before = active.loads_kg.get(shown_index).copied().flatten();
            let mut kg = before.unwrap_or(0.0);
            ui.add(
                egui::DragValue::new(&mut kg)
                    .range(0.0..=Limits::LOAD_KG_MAX)
                    .speed(0.5)
                    .suffix(" kg"),
            )
            .widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::SpinButton, true, "Load used in kilograms")
            });
            let after = (kg > 0.0).then_some(kg);
            if after != before {
                commands.push(
                    SessionCommand::SetLoadUsed {
                        index: shown_index,
                        load_kg: after,
                    }
                    .into(),
                );
            }
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
                    .color(theme::colors(ui).muted_text),
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
    if let Some(previous) = planner::previous_log_for_day(active.week, active.day, &data.logs)
        .filter(|l| !l.notes.is_empty())
    {
        ui.label(
            RichText::new(format!(
                "Your notes last time ({}): {}",
                date_label(previous.date),
                previous.notes
            ))
            .italics()
            .color(theme::colors(ui).muted_text),
        );
    }
}

/// "Next: Wall sit, set 2" during a rest.
fn next_label(active: &ActiveSession, content: &Content) -> String {
    match active.timer.upcoming() {
        Some(next) => {
            let name = active
                .exercises
                .get(next.exercise_index)
                .and_then(|p| content.exercise(&p.exercise_id))
                .map_or("", |e| e.name.as_str());
            format!("Next: {name}, set {}", next.set_number)
        }
        None => "Last rest".to_owned(),
    }
}

/// The runner on the floor cannot reach the mouse: Space pauses or resumes, the right arrow marks the set done or skips the
/// countdown, Esc ends the session and opens the log. Only while no widget has keyboard focus, so a focused button
/// or a text field keeps its own keys.
fn keyboard_control(
    ui: &mut Ui,
    phase: Phase,
    paused: bool,
    finished: bool,
    commands: &mut Vec<AppCommand>,
) {
    if ui.ctx().memory(|m| m.focused().is_some()) {
        return;
    }
    let (space, right, escape) = ui.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::NONE, egui::Key::Space),
            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowRight),
            i.consume_key(egui::Modifiers::NONE, egui::Key::Escape),
        )
    });
    if space && !finished {
        commands.push(if paused {
            SessionCommand::Resume.into()
        } else {
            SessionCommand::Pause.into()
        });
    }
    if right {
        match phase {
            Phase::Reps { .. } | Phase::Hold { .. } => {
                commands.push(SessionCommand::CompleteSet.into());
            }
            Phase::Rest { .. } | Phase::GetReady { .. } => {
                commands.push(SessionCommand::SkipCountdown.into());
            }
            Phase::Done => {}
        }
    }
    if escape {
        commands.push(SessionCommand::Finish.into());
    }
}
