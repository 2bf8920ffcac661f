//! The red-flag checklist column and the banner that appears when anything on it is ticked.

use egui::{RichText, Ui};

use super::{theme, widgets};
use crate::content::{AgeBand, Content, applies_to_age};
use crate::triage::{self, TriageAdvice, TriageCommand as Command, TriageState};

/// Accessible name of the banner (tests look for it).
pub const BANNER_LABEL: &str = "Red flag warning";

/// The checklist column: every red flag as a checkbox, most urgent group first.
pub fn checklist_ui(ui: &mut Ui, content: &Content, state: &TriageState) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        widgets::heading(ui, "Red flags", 1);
        let count = state.ticked().len();
        if count > 0 {
            let (fill, text) = theme::urgency_colors(crate::content::Urgency::Emergency);
            widgets::chip(ui, &format!("{count} ticked"), fill, text);
        }
    });
    ui.label(
        RichText::new(
            "Stop self-managing and see a professional if any of these apply. Tick what fits.",
        )
        .color(theme::colors(ui).muted_text),
    );
    age_ui(ui, state, &mut commands);
    ui.add_space(4.0);
    egui::ScrollArea::vertical()
        .id_salt("red_flag_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for urgency in [
                crate::content::Urgency::Emergency,
                crate::content::Urgency::SameDay,
                crate::content::Urgency::Within48Hours,
                crate::content::Urgency::Soon,
            ] {
                // Checks for other ages are left out once the age is known; a ticked one always shows.
                let flags: Vec<_> = content
                    .red_flags
                    .iter()
                    .filter(|f| f.urgency == urgency)
                    .filter(|f| {
                        state.age_band().is_none_or(|band| applies_to_age(&f.only_for_ages, band))
                            || state.is_ticked(&f.id)
                    })
                    .collect();
                if flags.is_empty() {
                    continue;
                }
                ui.add_space(4.0);
                widgets::urgency_chip(ui, urgency);
                for flag in flags {
                    let mut ticked = state.is_ticked(&flag.id);
                    let response = ui.checkbox(&mut ticked, &flag.text);
                    if response.changed() {
                        commands.push(Command::SetRedFlag {
                            flag_id: flag.id.clone(),
                            ticked,
                        });
                    }
                    response.on_hover_ui(|ui| {
                        ui.set_max_width(320.0);
                        ui.label(&flag.detail);
                        ui.label(RichText::new(format!("Who: {}", flag.who)).strong());
                        widgets::sources_line(ui, content, &flag.sources);
                    });
                    if ticked {
                        ui.indent(("flag_detail", &flag.id), |ui| {
                            ui.label(RichText::new(&flag.action).small());
                        });
                    }
                }
            }
            ui.add_space(8.0);
            if !state.ticked().is_empty() && ui.button("Untick all").clicked() {
                commands.push(Command::ClearRedFlags);
            }
            ui.add_space(8.0);
            ui.label(
                RichText::new("Who can help: a physiotherapist, a sports medicine doctor or an orthopaedic specialist.")
                    .small()
                    .color(theme::colors(ui).muted_text),
            );
        });
    commands
}

/// The age question, asked once above the checklist; afterwards one line to change it.
fn age_ui(ui: &mut Ui, state: &TriageState, commands: &mut Vec<Command>) {
    if state.age_question_done() {
        ui.horizontal_wrapped(|ui| {
            let mut band = state.age_band();
            let shown = band.map_or("not given", AgeBand::label);
            egui::ComboBox::from_id_salt("age_band")
                .selected_text(format!("Age: {shown}"))
                .show_ui(ui, |ui| {
                    for option in AgeBand::ALL {
                        ui.selectable_value(&mut band, Some(option), option.label());
                    }
                    ui.selectable_value(&mut band, None, "Prefer not to say");
                })
                .response
                .widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Runner's age band")
                });
            if band != state.age_band() {
                commands.push(Command::SetAgeBand(band));
            }
        });
        return;
    }
    egui::Frame::new()
        .fill(theme::colors(ui).notice_fill)
        .corner_radius(6.0)
        .inner_margin(6)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new("How old is the runner?").strong());
            ui.label(
                RichText::new("Some checks only apply to children. Kept on this computer only.")
                    .small()
                    .color(theme::colors(ui).muted_text),
            );
            ui.horizontal_wrapped(|ui| {
                for band in AgeBand::ALL {
                    let button = ui.button(band.label());
                    let label = format!("Age {}", band.label());
                    button.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::Button, true, &label)
                    });
                    if button.clicked() {
                        commands.push(Command::SetAgeBand(Some(band)));
                    }
                }
                if ui.button("Prefer not to say").clicked() {
                    commands.push(Command::SetAgeBand(None));
                }
            });
        });
}

/// Advice for the current ticks, if any.
pub fn current_advice(content: &Content, state: &TriageState) -> Option<TriageAdvice> {
    triage::triage(&content.red_flags, state.ticked())
}

/// The full-width warning banner. Stays until every flag is unticked.
pub fn banner_ui(ui: &mut Ui, advice: &TriageAdvice) {
    let (fill, text_color) = theme::urgency_colors(advice.urgency);
    let response = egui::Frame::new()
        .fill(fill)
        .inner_margin(egui::Margin::symmetric(14, 8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(format!("RED FLAG: {}", advice.headline))
                        .size(theme::size::TITLE)
                        .strong()
                        .color(text_color),
                );
                ui.label(
                    RichText::new(format!(
                        "See: {}",
                        advice
                            .who
                            .iter()
                            .map(|who| who.trim_end_matches('.'))
                            .collect::<Vec<_>>()
                            .join("; or ")
                    ))
                        .strong()
                        .color(text_color),
                );
            });
            for action in &advice.actions {
                ui.label(RichText::new(action).color(text_color));
            }
            ui.label(
                RichText::new(format!(
                    "Because you ticked: {}. Strength progression in the planner is paused; untick once you have been assessed.",
                    advice
                        .ticked_texts
                        .iter()
                        .map(|t| t.trim_end_matches('.'))
                        .collect::<Vec<_>>()
                        .join("; ")
                ))
                .small()
                .color(text_color),
            );
        })
        .response;
    let label = format!("{BANNER_LABEL}: {}", advice.headline);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Alert, true, &label));
}
