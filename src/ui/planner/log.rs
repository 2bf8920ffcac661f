//! The log form after a session: what was done (correctable), pain during, effort and notes. It draws the
//! session model's draft and sends each change as a [`SessionCommand`].

use egui::{RichText, Ui};

use super::{PlannerUi, PlannerView, date_label, drag_u8};
use crate::command::AppCommand;
use crate::content::Content;
use crate::planner::{self, Limits, LogDraft, PlannerData, SessionCommand};
use crate::ui::{theme, widgets};

pub(super) fn log_form_ui(
    ui: &mut Ui,
    content: &Content,
    data: &PlannerData,
    draft: &LogDraft,
    state: &mut PlannerUi,
    commands: &mut Vec<AppCommand>,
) {
    widgets::heading(
        ui,
        &format!("Log the session of {}", date_label(draft.date)),
        2,
    );
    ui.label(
        RichText::new("What you did (correct anything that differed from the plan):")
            .color(theme::colors(ui).muted_text),
    );
    for (index, entry) in draft.entries.iter().enumerate() {
        let name = content
            .exercise(&entry.exercise_id)
            .map_or(entry.exercise_id.as_str(), |e| e.name.as_str());
        let mut edited = entry.clone();
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(name).strong());
            drag_u8(
                ui,
                &mut edited.sets_done,
                0..=Limits::SETS_MAX,
                "sets",
                &format!("Sets done, {name}"),
            );
            if let Some(reps) = edited.reps_done.as_mut() {
                drag_u8(
                    ui,
                    reps,
                    0..=Limits::REPS_MAX,
                    "reps",
                    &format!("Reps done, {name}"),
                );
            } else if let Some(hold) = edited.hold_secs_done.as_mut() {
                let label = format!("Hold seconds done, {name}");
                ui.add(
                    egui::DragValue::new(hold)
                        .range(0..=Limits::HOLD_SECS_MAX)
                        .suffix(" s hold"),
                )
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::SpinButton, true, &label));
            }
            if let Some(kg) = entry.load_kg {
                ui.label(RichText::new(planner::format_kg(kg)).color(theme::colors(ui).muted_text));
            }
        });
        if edited != *entry {
            commands.push(
                SessionCommand::SetDone {
                    index,
                    sets_done: edited.sets_done,
                    reps_done: edited.reps_done,
                    hold_secs_done: edited.hold_secs_done,
                }
                .into(),
            );
        }
    }
    ui.add_space(4.0);
    let mut pain_during = draft.pain_during;
    ui.add(
        egui::Slider::new(&mut pain_during, 0..=Limits::SCALE_MAX).text("knee pain during (0–10)"),
    )
    .widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Slider,
            true,
            "Knee pain during the session, 0 to 10",
        )
    });
    if pain_during != draft.pain_during {
        commands.push(SessionCommand::SetPainDuring(pain_during).into());
    }
    let mut effort = draft.effort;
    ui.add(egui::Slider::new(&mut effort, 0..=Limits::SCALE_MAX).text("effort (0–10)"))
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Slider, true, "Effort, 0 to 10"));
    if effort != draft.effort {
        commands.push(SessionCommand::SetEffort(effort).into());
    }
    let mut notes = draft.notes.clone();
    let response = ui.add(
        egui::TextEdit::multiline(&mut notes)
            .hint_text("Notes: how it felt, what to change")
            .desired_rows(3)
            .char_limit(crate::planner::session::MAX_NOTES_CHARS),
    );
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::MultilineTextInput, true, "Session notes")
    });
    if response.changed() {
        commands.push(SessionCommand::SetNotes(notes).into());
    }
    ui.label(
        RichText::new(data.thresholds().describe())
            .small()
            .color(theme::colors(ui).muted_text),
    );
    ui.horizontal(|ui| {
        if ui.button(RichText::new("Save log").strong()).clicked() {
            commands.push(SessionCommand::SaveLog.into());
            state.view = PlannerView::History;
        }
        if ui.button("Discard").clicked() {
            commands.push(SessionCommand::DiscardLog.into());
        }
    });
}
