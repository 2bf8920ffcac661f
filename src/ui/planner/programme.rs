//! The programme view: choose a condition, training days, session length and equipment, and ask the planner to
//! generate an evidence-based programme.

use egui::{RichText, Ui};

use super::{BLOCKED_HINT, PlannerContext, PlannerUi, PlannerView};
use crate::command::AppCommand;
use crate::content::Content;
use crate::planner::{self, GenerateOptions, PlannerCommand, PlannerData};
use crate::ui::date_field::{date_field, format_date};
use crate::ui::theme;

pub(super) fn generate_ui(
    ui: &mut Ui,
    content: &Content,
    data: &PlannerData,
    state: &mut PlannerUi,
    context: &PlannerContext<'_>,
    commands: &mut Vec<AppCommand>,
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
    let mut start_date = None;
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
            ui.horizontal(|ui| {
                // One control for screen readers: the slider (arrow keys step it); the minutes are shown beside it.
                ui.add(
                    egui::Slider::new(&mut form.session_minutes, planner::SESSION_MINUTES_RANGE)
                        .show_value(false),
                )
                .widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Slider, true, "Session length in minutes")
                });
                ui.label(format!("{} min", form.session_minutes));
            });
            ui.end_row();

            ui.label("Plan starts on");
            if form.start.is_empty() {
                form.start = format_date(context.today);
            }
            start_date = date_field(
                ui,
                "generator_start",
                &mut form.start,
                "Plan start date",
                context.today,
            );
            ui.end_row();

            ui.label("Equipment you have");
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new("Bodyweight, mat, wall and a step are assumed.")
                        .small()
                        .color(theme::colors(ui).muted_text),
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
    let heavy_phase = form
        .condition_id
        .as_deref()
        .and_then(|id| content.programme_for(id))
        .and_then(|p| p.phases.iter().find(|phase| phase.heavy_load));
    if let Some(heavy) = heavy_phase {
        age_check_ui(ui, &heavy.name, form, context, commands);
    }
    ui.add_space(6.0);
    if data.plan.is_some() {
        ui.label(
            RichText::new("This replaces the current plan. Your session logs are kept.")
                .color(theme::colors(ui).muted_text),
        );
    }
    let ready = form.condition_id.is_some() && form.days.iter().any(|d| *d) && start_date.is_some();
    let generate_clicked = ui
        .add_enabled(
            ready && !context.training_blocked(),
            egui::Button::new(RichText::new("Generate programme").strong()),
        )
        .on_disabled_hover_text(BLOCKED_HINT)
        .clicked();
    if generate_clicked && let Some(condition_id) = form.condition_id.clone() {
        let mut options = GenerateOptions::new(condition_id, start_date.unwrap_or(context.today));
        options.days = form
            .days
            .iter()
            .enumerate()
            .filter(|(_, on)| **on)
            .map(|(d, _)| d)
            .collect();
        options.session_minutes = form.session_minutes;
        options.equipment.clone_from(&form.equipment);
        options.confirmed_16_or_over = form.confirmed_16_or_over;
        commands.push(PlannerCommand::Generate(options).into());
        state.view = PlannerView::Week;
        state.week = 0;
        state.week_chosen = false;
        state.selected = None;
    }
    if !ready {
        ui.label(
            RichText::new("Choose a condition, at least one day and a start date.")
                .small()
                .color(theme::colors(ui).muted_text),
        );
    }
}

/// Before a programme with a heavy-load phase: the age question, asked here when it has not been answered, or a
/// "16 or over" confirmation after "prefer not to say". The generator refuses without them; this only explains.
fn age_check_ui(
    ui: &mut Ui,
    phase: &str,
    form: &mut super::GeneratorForm,
    context: &PlannerContext<'_>,
    commands: &mut Vec<AppCommand>,
) {
    use crate::content::AgeBand;
    crate::ui::widgets::notice_box(ui, |ui| {
        ui.label(format!(
                "This programme includes \"{phase}\", which lifts heavy loads: not self-managed under 16."
            ));
        match (context.age_answered, context.age_band) {
            (false, _) => {
                ui.label("How old is the runner? (Kept on this computer only.)");
                ui.horizontal_wrapped(|ui| {
                    for band in AgeBand::ALL {
                        let button = ui.button(band.label());
                        button.widget_info(|| {
                            egui::WidgetInfo::labeled(
                                egui::Role::Button,
                                true,
                                format!("Programme age check: {}", band.label()),
                            )
                        });
                        if button.clicked() {
                            commands.push(AppCommand::Triage(
                                crate::triage::TriageCommand::SetAgeBand(Some(band)),
                            ));
                        }
                    }
                    let button = ui.button("Prefer not to say");
                    button.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::Button,
                            true,
                            "Programme age check: prefer not to say",
                        )
                    });
                    if button.clicked() {
                        commands.push(AppCommand::Triage(
                            crate::triage::TriageCommand::SetAgeBand(None),
                        ));
                    }
                });
            }
            (true, None) => {
                ui.checkbox(&mut form.confirmed_16_or_over, "The runner is 16 or over");
            }
            (true, Some(AgeBand::Under16)) => {
                ui.label(
                    RichText::new(
                        "Under 16: this programme needs a clinician to lead the heavy phase.",
                    )
                    .color(theme::colors(ui).error_text),
                );
            }
            (true, Some(band)) => {
                ui.label(
                    RichText::new(format!("Age: {}.", band.label()))
                        .small()
                        .color(theme::colors(ui).muted_text),
                );
            }
        }
    });
}
