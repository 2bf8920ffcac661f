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
    let texts = StepTexts::new(active, content, now);
    // The card takes the panel's height less the controls under it, so the count reads from across the room.
    let reserved_px = if ui.available_height() > 560.0 {
        CONTROLS_TALL_PX
    } else {
        CONTROLS_PX
    };
    let card_px = (ui.available_height() - reserved_px).max(MIN_CARD_PX);
    egui::Frame::new()
        .fill(fill)
        .corner_radius(8.0)
        .inner_margin(CARD_MARGIN_PX)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let inner = egui::vec2(ui.available_width(), card_px - 2.0 * CARD_MARGIN_PX);
            ui.set_height(inner.y);
            let wide = inner.x >= inner.y * 1.25 && inner.x >= 480.0;
            if wide {
                // The drawing on the left, as large as the card allows; the count on the right.
                let picture_px = (inner.x * 0.46).min((inner.y - TITLE_BLOCK_PX) * ART_ASPECT);
                ui.horizontal_top(|ui| {
                    ui.allocate_ui_with_layout(
                        egui::vec2(picture_px, inner.y),
                        egui::Layout::top_down(egui::Align::Min),
                        |ui| {
                            ui.set_width(picture_px);
                            if let (Some(planned), Some(exercise)) = (planned, exercise) {
                                // Centred in the card's height, with the name under it.
                                let drawn_px = picture_px / ART_ASPECT + TITLE_BLOCK_PX;
                                ui.add_space(((inner.y - drawn_px) / 2.0).max(0.0));
                                picture_ui(ui, context, exercise, egui::vec2(picture_px, inner.y));
                                exercise_title_ui(ui, &exercise.name, &planned.dose_summary());
                            }
                        },
                    );
                    ui.add_space(16.0);
                    let column = egui::vec2(ui.available_width(), inner.y);
                    ui.allocate_ui_with_layout(
                        column,
                        egui::Layout::top_down(egui::Align::Min),
                        |ui| step_text_ui(ui, &texts, column, timer.is_paused()),
                    );
                });
            } else {
                // Narrow: the drawing on top, then the count.
                let picture_height_px = inner.y * 0.3;
                if let (Some(planned), Some(exercise)) = (planned, exercise) {
                    ui.horizontal_top(|ui| {
                        picture_ui(
                            ui,
                            context,
                            exercise,
                            egui::vec2(inner.x * 0.5, picture_height_px),
                        );
                        ui.vertical(|ui| {
                            exercise_title_ui(ui, &exercise.name, &planned.dose_summary());
                        });
                    });
                }
                let column = egui::vec2(inner.x, ui.available_height());
                step_text_ui(ui, &texts, column, timer.is_paused());
            }
        });
    ui.add_space(6.0);
    controls_ui(
        ui,
        step.phase,
        timer.is_paused(),
        timer.is_finished(),
        commands,
    );
    keyboard_control(
        ui,
        step.phase,
        timer.is_paused(),
        timer.is_finished(),
        commands,
    );
    ui.horizontal_wrapped(|ui| {
        let mut sound_on = !context.sound.muted;
        if ui
            .checkbox(&mut sound_on, "Sound cues")
            .on_hover_text(
                "A tone when a countdown starts, work starts, a hold ends and a rest ends",
            )
            .changed()
        {
            commands.push(AppCommand::SetSoundMuted(!sound_on));
        }
        if let Some(notice) = context.sound.notice.filter(|_| sound_on) {
            ui.label(
                RichText::new(notice)
                    .small()
                    .color(theme::colors(ui).muted_text),
            );
        }
        ui.label(
            RichText::new(
                "Keys: Space pauses or resumes · Right arrow: set done or skip · Esc: end and log",
            )
            .small()
            .color(theme::colors(ui).muted_text),
        );
    });
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

/// Width over height of the exercise drawings.
const ART_ASPECT: f32 = 640.0 / 440.0;
/// The card never gets smaller than this, however short the window.
const MIN_CARD_PX: f32 = 240.0;
const CARD_MARGIN_PX: f32 = 12.0;
/// About the height of the exercise's name and dose under its drawing.
const TITLE_BLOCK_PX: f32 = 64.0;
/// Height kept under the card for the buttons and the sound and keys line, and on a tall panel also the load
/// and "How to do it" rows.
const CONTROLS_PX: f32 = 96.0;
const CONTROLS_TALL_PX: f32 = 150.0;

/// What the card says about the current step.
struct StepTexts {
    /// The whole step in a sentence, for screen readers ("Get ready: 3", "Do 12 reps", "Rest: 40 s").
    headline: String,
    /// "Get ready", "Hold", "Rest", "Reps", "Session complete".
    phase: &'static str,
    /// The count to read from across the room: seconds left or reps to do; `None` once done.
    count: Option<String>,
    /// "Set 2 of 3 · left side", or the closing words.
    set_line: String,
    /// What comes after this step.
    next_line: String,
    /// Counted reps: the step ends when the user says so.
    waits_for_user: bool,
}

/// Under the count while reps are counted.
const REPS_HINT: &str = "Set done (or Right arrow) when finished";

impl StepTexts {
    fn new(active: &ActiveSession, content: &Content, now: std::time::Duration) -> Self {
        let timer = &active.timer;
        let step = *timer.current();
        let side = match step.side {
            Some(Side::Left) => " · left side",
            Some(Side::Right) => " · right side",
            None => "",
        };
        let sets = active
            .exercises
            .get(step.exercise_index)
            .map_or(0, |p| p.sets);
        let remaining = timer.remaining_whole_secs(now).unwrap_or(0);
        let set_line = format!("Set {} of {sets}{side}", step.set_number);
        let (headline, phase, count, set_line) = match step.phase {
            Phase::GetReady { .. } => (
                format!("Get ready: {remaining}"),
                "Get ready",
                Some(clock_text(remaining)),
                set_line,
            ),
            Phase::Reps { target } => (
                if target > 0 {
                    format!("Do {target} reps")
                } else {
                    "Do the set".to_owned()
                },
                if target > 0 { "Reps" } else { "Do the set" },
                (target > 0).then(|| target.to_string()),
                set_line,
            ),
            Phase::Hold { .. } => (
                format!("Hold: {remaining} s"),
                "Hold",
                Some(clock_text(remaining)),
                set_line,
            ),
            Phase::Rest { .. } => (
                format!("Rest: {remaining} s"),
                "Rest",
                Some(clock_text(remaining)),
                timer.upcoming().map_or_else(String::new, |next| {
                    let sets = active
                        .exercises
                        .get(next.exercise_index)
                        .map_or(0, |p| p.sets);
                    let side = match next.side {
                        Some(Side::Left) => " · left side",
                        Some(Side::Right) => " · right side",
                        None => "",
                    };
                    format!("Up next: set {} of {sets}{side}", next.set_number)
                }),
            ),
            Phase::Done => (
                "Session complete".to_owned(),
                "Session complete",
                None,
                "Well done. Log how the knee felt.".to_owned(),
            ),
        };
        Self {
            headline,
            phase,
            count,
            set_line,
            next_line: next_step_label(active, content),
            waits_for_user: matches!(step.phase, Phase::Reps { .. }),
        }
    }
}

/// Seconds as "45" or, from a minute on, "1:30".
fn clock_text(secs: u64) -> String {
    if secs >= 60 {
        format!("{}:{:02}", secs / 60, secs % 60)
    } else {
        secs.to_string()
    }
}

/// A font size scaled to the space, in steps of 4 px so that resizing the window does not fill the font atlas
/// with a size per pixel.
fn stepped_px(px: f32, min_px: f32, max_px: f32) -> f32 {
    ((px / 4.0).floor() * 4.0).clamp(min_px, max_px)
}

/// The phase, the count, the set and what comes next, sized to `space`.
fn step_text_ui(ui: &mut Ui, texts: &StepTexts, space: egui::Vec2, paused: bool) {
    let colors = theme::colors(ui);
    // Digits are about 0.55 em wide in the UI font; the count must fit the column, the lines its height.
    // Short strings (a count, one line of text): their lengths are exact in f32.
    let count_chars = texts.count.as_ref().map_or(2, String::len).max(2) as f32;
    let count_px = stepped_px(
        (space.y / 2.2).min(space.x / (0.6 * count_chars)),
        theme::size::COUNTDOWN,
        theme::size::COUNTDOWN * 8.0,
    );
    // A line of text in the UI font is about half an em wide per character; the set line stays on one line.
    let fits = |text: &str| space.x / (0.5 * text.chars().count().max(1) as f32);
    let phase_text = if paused {
        format!("{} · paused", texts.phase)
    } else {
        texts.phase.to_owned()
    };
    let phase_px = stepped_px(
        (count_px * 0.3).min(fits(&phase_text)),
        theme::size::TITLE,
        theme::size::COUNTDOWN * 2.0,
    );
    let set_px = stepped_px(
        (count_px * 0.24).min(fits(&texts.set_line)),
        theme::size::SUBHEADING,
        theme::size::COUNTDOWN * 1.6,
    );
    let next_px = stepped_px(
        (count_px * 0.15)
            .min(fits(&texts.next_line))
            .min(fits(REPS_HINT)),
        theme::size::BODY,
        theme::size::COUNTDOWN,
    );
    let sentence = format!("Session step: {}", texts.headline);
    let phase = ui.label(
        RichText::new(phase_text)
            .size(phase_px)
            .strong()
            .color(if paused {
                colors.warning_text
            } else {
                colors.text
            }),
    );
    match &texts.count {
        Some(count) => {
            ui.label(
                RichText::new(count)
                    .size(count_px)
                    .strong()
                    .color(colors.accent),
            )
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &sentence));
        }
        None => {
            phase.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &sentence));
        }
    }
    ui.label(RichText::new(&texts.set_line).size(set_px).strong());
    ui.add_space(next_px * 0.4);
    if texts.waits_for_user {
        ui.label(RichText::new(REPS_HINT).size(next_px));
    }
    ui.label(
        RichText::new(&texts.next_line)
            .size(next_px)
            .color(colors.muted_text),
    );
}

/// The drawing of `exercise`, as large as fits `space` at its own proportions.
fn picture_ui(
    ui: &mut Ui,
    context: &PlannerContext<'_>,
    exercise: &crate::content::model::Exercise,
    space: egui::Vec2,
) {
    if let Some(texture) = context.exercise_textures.get(ui.ctx(), &exercise.id) {
        ui.add(
            egui::Image::new(texture)
                .max_size(space)
                .maintain_aspect_ratio(true)
                .alt_text(format!("Drawing of {}", exercise.name)),
        );
    }
}

fn exercise_title_ui(ui: &mut Ui, name: &str, dose: &str) {
    let title = ui.label(
        RichText::new(name)
            .size(theme::size::HEADING * 1.3)
            .strong(),
    );
    title.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Heading, true, name));
    ui.ctx()
        .accesskit_node_builder(title.id, |node| node.set_level(2));
    ui.label(RichText::new(dose).color(theme::colors(ui).muted_text));
}

/// Large buttons for the step: Set done or Skip, Pause or Resume, End and log.
fn controls_ui(
    ui: &mut Ui,
    phase: Phase,
    paused: bool,
    finished: bool,
    commands: &mut Vec<AppCommand>,
) {
    let big = |text: &str| {
        egui::Button::new(RichText::new(text).size(theme::size::TITLE).strong())
            .min_size(egui::vec2(120.0, 40.0))
    };
    ui.horizontal_wrapped(|ui| {
        match phase {
            Phase::Reps { .. } | Phase::Hold { .. } => {
                if ui.add(big("Set done")).clicked() {
                    commands.push(SessionCommand::CompleteSet.into());
                }
            }
            Phase::Rest { .. } | Phase::GetReady { .. } => {
                if ui
                    .add(big("Skip"))
                    .on_hover_text("Skip the countdown")
                    .clicked()
                {
                    commands.push(SessionCommand::SkipCountdown.into());
                }
            }
            Phase::Done => {}
        }
        if !finished {
            if paused {
                if ui.add(big("Resume")).clicked() {
                    commands.push(SessionCommand::Resume.into());
                }
            } else if ui.add(big("Pause")).clicked() {
                commands.push(SessionCommand::Pause.into());
            }
        }
        let end_label = if finished {
            "Log this session"
        } else {
            "End session and log"
        };
        if ui.add(big(end_label)).clicked() {
            commands.push(SessionCommand::Finish.into());
        }
    });
}

/// What comes after the current step: while getting ready or resting, the work ahead ("Then: 12 reps"); during
/// the work, the rest and the next set ("Then rest 60 s · next: Squat, set 1").
fn next_step_label(active: &ActiveSession, content: &Content) -> String {
    let timer = &active.timer;
    match timer.current().phase {
        Phase::Done => String::new(),
        Phase::GetReady { .. } | Phase::Rest { .. } => match timer.upcoming().map(|s| s.phase) {
            Some(Phase::Reps { target }) if target > 0 => format!("Then: {target} reps"),
            Some(Phase::Hold { secs }) => format!("Then: hold {secs} s"),
            _ => "Then: the set".to_owned(),
        },
        Phase::Reps { .. } | Phase::Hold { .. } => {
            let next = next_label(active, content);
            match timer.following().map(|s| s.phase) {
                Some(Phase::Rest { secs }) => format!("Then rest {secs} s · {next}"),
                _ => next,
            }
        }
    }
}

/// "Next: Wall sit, set 2 · right side"; "Last set" when nothing follows.
fn next_label(active: &ActiveSession, content: &Content) -> String {
    match active.timer.upcoming() {
        Some(next) => {
            let name = active
                .exercises
                .get(next.exercise_index)
                .and_then(|p| content.exercise(&p.exercise_id))
                .map_or("", |e| e.name.as_str());
            let side = match next.side {
                Some(Side::Left) => " · left side",
                Some(Side::Right) => " · right side",
                None => "",
            };
            format!("Next: {name}, set {}{side}", next.set_number)
        }
        None => "Last set: then the session is complete".to_owned(),
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
