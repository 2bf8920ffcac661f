//! The week board: seven day columns, Monday to Sunday, each a card with its exercises (name, sets × reps or
//! hold, load), minutes and actions. Items are selected with a click (or Enter) and dragged to another day or
//! place; the drop becomes one `MoveExerciseToDay` command.

use egui::{RichText, Ui};

use super::week::{add_exercise_menu, copy_day_menu};
use super::{BLOCKED_HINT, PlannerContext, PlannerUi, PlannerView};
use crate::command::AppCommand;
use crate::content::Content;
use crate::planner::{self, Plan, PlannedExercise, PlannerCommand, SessionCommand};
use crate::ui::theme;

/// Narrowest a day column gets; below this the board scrolls sideways.
const MIN_COLUMN_WIDTH: f32 = 112.0;

/// What is dragged: an exercise of the shown week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Dragged {
    day: usize,
    index: usize,
}

/// The exercise's name from the content, or its id if the content no longer has it.
pub(super) fn item_name<'a>(content: &'a Content, planned: &'a PlannedExercise) -> &'a str {
    content
        .exercise(&planned.exercise_id)
        .map_or(planned.exercise_id.as_str(), |e| e.name.as_str())
}

#[expect(
    clippy::too_many_arguments,
    reason = "the board draws a plan week and its runs, and needs the panel state and the command sink"
)]
pub(super) fn board_ui(
    ui: &mut Ui,
    content: &Content,
    plan: &Plan,
    week: usize,
    runs: &[Vec<crate::week::RunItem>; 7],
    state: &mut PlannerUi,
    context: &PlannerContext<'_>,
    commands: &mut Vec<AppCommand>,
) {
    let Some(week_plan) = plan.weeks.get(week) else {
        return;
    };
    // A selection that no longer exists (removed, moved, another week) is dropped.
    if state.selected.is_some_and(|(w, d, i)| {
        w != week
            || week_plan
                .days
                .get(d)
                .is_none_or(|day| i >= day.exercises.len())
    }) {
        state.selected = None;
    }
    let spacing = ui.spacing().item_spacing.x;
    let column_width = ((ui.available_width() - 6.0 * spacing) / 7.0).max(MIN_COLUMN_WIDTH);
    let mut moved: Option<(Dragged, usize, usize)> = None;
    egui::ScrollArea::horizontal()
        .id_salt("week_board")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.horizontal_top(|ui| {
                for (day, day_plan) in week_plan.days.iter().enumerate() {
                    ui.vertical(|ui| {
                        ui.set_width(column_width);
                        let date = plan.date_of(week, day);
                        let is_today = date == Some(context.today);
                        let frame = egui::Frame::group(ui.style()).fill(if is_today {
                            theme::colors(ui).notice_fill
                        } else {
                            ui.visuals().extreme_bg_color
                        });
                        let (_, dropped) = ui.dnd_drop_zone::<Dragged, ()>(frame, |ui| {
                            ui.set_min_width(column_width - 14.0);
                            ui.set_min_height(160.0);
                            day_header_ui(ui, plan, week, day, is_today);
                            for (index, planned) in day_plan.exercises.iter().enumerate() {
                                if let Some(slot) =
                                    item_ui(ui, content, state, (week, day, index), planned)
                                {
                                    moved = Some(slot);
                                }
                            }
                            for run in &runs[day] {
                                run_item_ui(ui, run, context.running.settings.units);
                            }
                            day_actions_ui(ui, content, plan, week, day, state, context, commands);
                        });
                        if let Some(dragged) = dropped
                            && moved.is_none()
                        {
                            // Dropped on the card but not on an item: last in that day.
                            moved = Some((*dragged, day, usize::MAX));
                        }
                    });
                }
            });
        });
    if let Some((from, to_day, to_index)) = moved {
        commands.push(AppCommand::Planner(PlannerCommand::MoveExerciseToDay {
            week,
            from_day: from.day,
            index: from.index,
            to_day,
            to_index,
        }));
        state.selected = None;
    }
}

/// A run or cross-training session on a day card (not draggable: runs are edited in the Running tab).
fn run_item_ui(ui: &mut Ui, run: &crate::week::RunItem, units: crate::running::Units) {
    let what = if run.sport == crate::running::Sport::Run {
        "Run".to_owned()
    } else {
        run.sport.label().to_owned()
    };
    let distance = if run.distance_m > 0.0 {
        format!(
            " {:.1} {}",
            units.from_metres(run.distance_m),
            units.short_label()
        )
    } else {
        format!(" {} min", run.duration_secs / 60)
    };
    let status = if run.planned { " (planned)" } else { " (done)" };
    let response = ui.label(
        RichText::new(format!("{what}{distance}{status}"))
            .small()
            .color(theme::colors(ui).accent),
    );
    if let Some(reason) = &run.swapped_because {
        response.on_hover_text(format!("Swapped to cross-training: {reason}"));
    }
}

fn day_header_ui(ui: &mut Ui, plan: &Plan, week: usize, day: usize, is_today: bool) {
    let day_name = planner::day_name(day);
    ui.horizontal_wrapped(|ui| {
        let title = match plan.date_of(week, day) {
            Some(date) => format!("{} {}", &day_name[..3], date.format("%-d %b")),
            None => day_name.to_owned(),
        };
        ui.label(RichText::new(title).strong());
        if is_today {
            ui.label(
                RichText::new("today")
                    .strong()
                    .color(theme::colors(ui).accent),
            );
        }
    });
    let Some(day_plan) = plan.day(week, day) else {
        return;
    };
    let summary = if day_plan.is_empty() {
        "Rest day".to_owned()
    } else {
        format!(
            "{} exercises · ~{} min",
            day_plan.exercises.len(),
            planner::estimate_session_minutes(day_plan)
        )
    };
    ui.label(
        RichText::new(summary)
            .small()
            .color(theme::colors(ui).muted_text),
    );
}

/// One exercise: a selectable, draggable card. Returns the drop (what, day, slot) when something is released on it.
fn item_ui(
    ui: &mut Ui,
    content: &Content,
    state: &mut PlannerUi,
    (week, day, index): (usize, usize, usize),
    planned: &PlannedExercise,
) -> Option<(Dragged, usize, usize)> {
    let name = item_name(content, planned);
    let here = Dragged { day, index };
    let selected = state.selected == Some((week, day, index));
    let text = RichText::new(format!("{name}\n{}", planned.dose_summary()));
    let button = egui::Button::selectable(selected, text)
        .wrap()
        .sense(egui::Sense::click_and_drag())
        .min_size(egui::vec2(ui.available_width(), 0.0));
    let response = ui
        .add(button)
        .on_hover_cursor(egui::CursorIcon::Grab)
        .on_hover_text("Click to edit; drag to another day or place");
    let label = format!("{name}, {}", planner::day_name(day));
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &label));
    if response.clicked() {
        state.selected = if selected {
            None
        } else {
            Some((week, day, index))
        };
    }
    if response.dragged() {
        response.dnd_set_drag_payload(here);
        ui.ctx().set_cursor_icon(egui::CursorIcon::Grabbing);
    }
    let hovered = response.dnd_hover_payload::<Dragged>()?;
    let pointer = ui.input(|i| i.pointer.interact_pos())?;
    let rect = response.rect;
    let stroke = egui::Stroke::new(2.0, theme::colors(ui).accent);
    let slot = if *hovered == here {
        index
    } else if pointer.y < rect.center().y {
        ui.painter().hline(rect.x_range(), rect.top() - 1.0, stroke);
        index
    } else {
        ui.painter()
            .hline(rect.x_range(), rect.bottom() + 1.0, stroke);
        index + 1
    };
    let released = response.dnd_release_payload::<Dragged>()?;
    Some((*released, day, slot))
}

#[expect(
    clippy::too_many_arguments,
    reason = "a day's actions need its place in the plan, the panel state and the command sink"
)]
fn day_actions_ui(
    ui: &mut Ui,
    content: &Content,
    plan: &Plan,
    week: usize,
    day: usize,
    state: &mut PlannerUi,
    context: &PlannerContext<'_>,
    commands: &mut Vec<AppCommand>,
) {
    let day_name = planner::day_name(day);
    let is_empty = plan.day(week, day).is_none_or(planner::DayPlan::is_empty);
    ui.horizontal_wrapped(|ui| {
        add_exercise_menu(ui, content, week, day, commands);
        if is_empty {
            return;
        }
        // The planner refuses both; the button only mirrors it.
        let waiting = plan.unconfirmed_phase_by(week).is_some();
        let blocked = context.training_blocked() || waiting;
        let start = ui
            .add_enabled(!blocked, egui::Button::new("Start"))
            .on_hover_text("Run this session now")
            .on_disabled_hover_text(if waiting {
                "This stage starts once you confirm it is ready: see above the week."
            } else {
                BLOCKED_HINT
            });
        let start_label = format!("Start the {day_name} session, week {}", week + 1);
        start.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, !blocked, &start_label));
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
        // Copy and clear are rarer: one menu keeps the card short.
        let more_label = format!("More for {day_name}: copy or clear");
        let more = ui.menu_button("More", |ui| {
            copy_day_menu(ui, week, day, plan.weeks.len(), commands);
            let clear = ui
                .button("Clear the day")
                .on_hover_text("Remove every exercise from this day");
            let clear_label = format!("Clear {day_name}");
            clear.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &clear_label));
            if clear.clicked() {
                commands.push(AppCommand::Planner(PlannerCommand::ClearDay { week, day }));
                ui.close();
            }
        });
        more.response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &more_label));
    });
}
