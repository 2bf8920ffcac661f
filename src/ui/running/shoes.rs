//! Shoes: add, list with distance, age and the reminder, set default, retire (history kept), rotation tip.

use egui::{RichText, Ui};

use super::{RunningUiState, RunningView, rule_text_ui};
use crate::running::RunningCommand;
use crate::running::shoes::{ShoeAdvice, all_statuses};
use crate::ui::date_field::{date_field, format_date};
use crate::ui::theme;

/// The add-a-shoe form.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ShoeForm {
    pub name: String,
    /// In the user's units.
    pub initial_distance_in_units: f64,
    /// The day the shoes were first worn, `YYYY-MM-DD` (filled with today when empty).
    pub first_used: String,
}

pub(super) fn shoes_ui(
    ui: &mut Ui,
    view: &RunningView<'_>,
    state: &mut RunningUiState,
    commands: &mut Vec<RunningCommand>,
) {
    let units = view.data.settings.units;
    let limits = &view.data.settings.thresholds;
    for status in all_statuses(view.data, view.today) {
        let Some(shoe) = view.data.shoe(status.shoe_id) else {
            continue;
        };
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(&shoe.name).strong());
                ui.label(format!(
                    "{} over {} runs, {} months old (since {})",
                    units.format(status.distance_m),
                    status.runs,
                    status.age_months,
                    shoe.start_date.format("%-d %b %Y")
                ));
                if let Some(retired) = shoe.retired_on {
                    ui.label(
                        RichText::new(format!("retired {}", retired.format("%-d %b %Y")))
                            .color(theme::colors(ui).muted_text),
                    );
                } else {
                    if view.data.settings.default_shoe_id == Some(shoe.id) {
                        ui.label(RichText::new("default for imports").small());
                    } else {
                        let b = ui.button("Make default");
                        b.widget_info(|| {
                            egui::WidgetInfo::labeled(
                                egui::Role::Button,
                                true,
                                format!("Make {} the default shoe", shoe.name),
                            )
                        });
                        if b.clicked() {
                            commands.push(RunningCommand::SetDefaultShoe(Some(shoe.id)));
                        }
                    }
                    let b = ui.button("Retire");
                    b.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::Button,
                            true,
                            format!("Retire {}", shoe.name),
                        )
                    });
                    if b.clicked() {
                        commands.push(RunningCommand::RetireShoe(shoe.id));
                    }
                }
            });
            if let Some(reminder) = status.reminder {
                let (limit_m, months, advice) = match reminder.advice {
                    ShoeAdvice::Check => (
                        limits.shoe_check_m,
                        limits.shoe_check_months,
                        "Check the cushioning and wear",
                    ),
                    ShoeAdvice::Replace => (
                        limits.shoe_limit_m,
                        limits.shoe_limit_months,
                        "Time to replace them",
                    ),
                };
                let mut why = Vec::new();
                if reminder.by_distance {
                    why.push(format!("past {}", units.format(limit_m)));
                }
                if reminder.by_age {
                    why.push(format!("older than {months} months"));
                }
                ui.label(
                    RichText::new(format!(
                        "Shoe reminder: {} is {}. {advice}.",
                        shoe.name,
                        why.join(" and ")
                    ))
                    .strong(),
                );
                rule_text_ui(ui, view, &view.guidance.shoe_rule);
            }
        });
    }
    let form = &mut state.shoe_form;
    ui.horizontal_wrapped(|ui| {
        let l = ui.label("Shoe name");
        ui.add(egui::TextEdit::singleline(&mut form.name).desired_width(160.0))
            .labelled_by(l.id);
        let l = ui.label(format!("Already on them ({})", units.short_label()));
        ui.add(
            egui::DragValue::new(&mut form.initial_distance_in_units)
                .range(0.0..=5000.0)
                .speed(1.0),
        )
        .labelled_by(l.id);
    });
    // The date field is a group a wrapping row cannot move to the next line: it gets a row of its own.
    ui.horizontal(|ui| {
        if form.first_used.is_empty() {
            form.first_used = format_date(view.today);
        }
        ui.label("First worn");
        let first_used = date_field(
            ui,
            "shoe_first_used",
            &mut form.first_used,
            "Shoe first used",
            view.today,
        );
        // A date that is not one shows its error under the field; the domain refuses a day after today.
        if ui
            .add_enabled(
                !form.name.trim().is_empty() && first_used.is_some(),
                egui::Button::new("Add shoe"),
            )
            .clicked()
            && let Some(start_date) = first_used
        {
            commands.push(RunningCommand::AddShoe {
                name: form.name.trim().to_owned(),
                start_date,
                initial_distance_m: units.to_metres(form.initial_distance_in_units),
            });
            *form = ShoeForm::default();
        }
    });
    ui.label(RichText::new(&view.guidance.shoe_rotation.title).strong());
    rule_text_ui(ui, view, &view.guidance.shoe_rotation);
}
