//! Weekly distance chart (runs and cross-training), the week's warnings, planned runs with their warnings, and
//! the editable thresholds.

use chrono::{Duration, NaiveDate};
use egui::{RichText, Ui};

use super::{RunningUiState, RunningView, evidence_ui, warning_ui};
use crate::running::RunningCommand;
use crate::running::load::{LoadWarning, WarningScope};
use crate::running::model::Thresholds;
use crate::ui::theme;

/// The plan-a-run form, in the user's units.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanForm {
    pub days_ahead: u32,
    pub distance_in_units: f64,
    pub duration_min: f64,
}

impl Default for PlanForm {
    fn default() -> Self {
        Self {
            days_ahead: 1,
            distance_in_units: 5.0,
            duration_min: 30.0,
        }
    }
}

const RANGES: [(u32, &str); 5] = [
    (12, "12 weeks"),
    (26, "6 months"),
    (52, "1 year"),
    (156, "3 years"),
    (520, "10 years"),
];

pub(super) fn load_ui(
    ui: &mut Ui,
    view: &RunningView<'_>,
    state: &mut RunningUiState,
    derived: &super::Derived,
) {
    let warnings: &[LoadWarning] = &derived.warnings;
    let units = view.data.settings.units;
    ui.horizontal_wrapped(|ui| {
        ui.label("Chart range:");
        for (weeks, name) in RANGES {
            if ui
                .selectable_label(state.chart_weeks == weeks, name)
                .clicked()
            {
                state.chart_weeks = weeks;
            }
        }
    });
    // Computed once per change of the runs, the day or the range (see `Derived`); a range picked this frame
    // shows from the next.
    let weeks = &derived.weeks;
    let first_monday = weeks.first().map_or(view.today, |w| w.monday);
    let to_units = |m: f64| units.from_metres(m);
    let bars = |pick: &dyn Fn(&crate::running::load::WeekTotals) -> f64| -> Vec<egui_plot::Bar> {
        weeks
            .iter()
            .enumerate()
            .map(|(i, w)| egui_plot::Bar::new(i as f64, to_units(pick(w))).width(0.7))
            .collect()
    };
    let runs = egui_plot::BarChart::new("Running done", bars(&|w| w.run_m))
        .color(theme::colors(ui).accent);
    let planned = egui_plot::BarChart::new("Planned running", bars(&|w| w.planned_run_m))
        .color(theme::colors(ui).chart_cross_training)
        .stack_on(&[&runs]);
    let cross = egui_plot::BarChart::new("Cross-training", bars(&|w| w.cross_m))
        .color(theme::colors(ui).chart_volume)
        .stack_on(&[&runs, &planned]);
    let mondays: Vec<NaiveDate> = weeks.iter().map(|w| w.monday).collect();
    let plot = egui_plot::Plot::new("weekly_distance_chart")
        .height(180.0)
        .include_y(0.0)
        .allow_scroll(false)
        .legend(egui_plot::Legend::default())
        .y_axis_label(units.short_label())
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() > 1e-6 || i < 0.0 {
                return String::new();
            }
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "non-negative whole number"
            )]
            mondays
                .get(i as usize)
                .map(|d| d.format("%-d %b").to_string())
                .unwrap_or_default()
        });
    let response = plot.show(ui, |plot_ui| {
        plot_ui.bar_chart(runs);
        plot_ui.bar_chart(planned);
        plot_ui.bar_chart(cross);
    });
    response.response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Image,
            true,
            "Chart of weekly distance: running and cross-training",
        )
    });
    if let Some(current) = weeks.last() {
        ui.label(format!(
            "This week: {} run{}, {} cross-training.",
            units.format(current.run_m),
            if current.planned_run_m > 0.0 {
                format!(" + {} planned", units.format(current.planned_run_m))
            } else {
                String::new()
            },
            units.format(current.cross_m)
        ));
    }
    if let Some((ratio, _, _)) = derived.acwr
        && let Some(rule) = view.guidance.load_rule("acwr")
    {
        ui.label(
            RichText::new(format!(
                "Acute:chronic ratio {ratio:.2}: context only, never a warning (contested; in a large cohort of \
                 runners it did not point to injury)."
            ))
            .color(theme::colors(ui).muted_text),
        )
        .on_hover_text(&rule.text);
    }
    // Warnings for the weeks shown, newest first.
    let shown: Vec<&LoadWarning> = warnings
        .iter()
        .filter(|w| matches!(w.scope, WarningScope::Week(m) if m >= first_monday))
        .collect();
    for warning in shown.iter().rev() {
        if let WarningScope::Week(monday) = warning.scope {
            ui.label(RichText::new(format!("Week of {}", monday.format("%-d %b %Y"))).small());
        }
        warning_ui(ui, view, warning);
    }
}

/// The planned runs with their warnings, and the form to plan one: a section of its own, so it is stepped over
/// while the chart is on screen and it is not.
pub(super) fn planned_ui(
    ui: &mut Ui,
    view: &RunningView<'_>,
    state: &mut RunningUiState,
    warnings: &[LoadWarning],
    commands: &mut Vec<RunningCommand>,
) {
    let units = view.data.settings.units;
    let form = &mut state.plan_form;
    ui.horizontal_wrapped(|ui| {
        let l = ui.label("Days from today");
        ui.add(egui::DragValue::new(&mut form.days_ahead).range(0..=365))
            .labelled_by(l.id);
        let l = ui.label(format!("Planned distance ({})", units.short_label()));
        ui.add(
            egui::DragValue::new(&mut form.distance_in_units)
                .range(0.1..=1000.0)
                .speed(0.1)
                .max_decimals(2),
        )
        .labelled_by(l.id);
        let l = ui.label("Planned minutes");
        ui.add(
            egui::DragValue::new(&mut form.duration_min)
                .range(0.0..=1440.0)
                .speed(1.0),
        )
        .labelled_by(l.id);
        if ui.button("Plan run").clicked() {
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "clamped to 0..=1440 minutes"
            )]
            let duration_secs = (form.duration_min.clamp(0.0, 1440.0) * 60.0).round() as u32;
            commands.push(RunningCommand::PlanRun {
                date: view.today + Duration::days(i64::from(form.days_ahead)),
                distance_m: units.to_metres(form.distance_in_units),
                duration_secs,
            });
        }
    });
    for planned in view.data.planned.iter().filter(|p| p.date >= view.today) {
        ui.horizontal_wrapped(|ui| {
            let date = planned.date.format("%a %-d %b").to_string();
            ui.label(format!(
                "{date}: {} {} ({} min)",
                planned.sport.label(),
                units.format(planned.distance_m),
                planned.duration_secs.div_ceil(60)
            ));
            if let Some(why) = &planned.swapped_because {
                ui.label(
                    RichText::new(format!("swapped: {why}"))
                        .small()
                        .color(theme::colors(ui).muted_text),
                );
            }
            let remove = ui.button("Remove");
            remove.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Button,
                    true,
                    format!("Remove planned run of {date}"),
                )
            });
            if remove.clicked() {
                commands.push(RunningCommand::DeletePlannedRun(planned.id));
            }
        });
        for warning in warnings
            .iter()
            .filter(|w| w.scope == WarningScope::Planned(planned.id))
        {
            warning_ui(ui, view, warning);
        }
    }
}

pub(super) fn thresholds_ui(
    ui: &mut Ui,
    view: &RunningView<'_>,
    state: &mut RunningUiState,
    commands: &mut Vec<RunningCommand>,
) {
    let units = view.data.settings.units;
    let edited = state
        .thresholds
        .get_or_insert_with(|| view.data.settings.thresholds.clone());
    egui::Grid::new("running_thresholds")
        .num_columns(2)
        .show(ui, |ui| {
            let l = ui.label("Weekly increase warning (%)");
            ui.add(egui::DragValue::new(&mut edited.weekly_increase_pct).range(1.0..=200.0))
                .labelled_by(l.id);
            ui.end_row();
            let l = ui.label("Single-run increase warning (%)");
            ui.add(egui::DragValue::new(&mut edited.single_run_increase_pct).range(1.0..=200.0))
                .labelled_by(l.id);
            ui.end_row();
            let l = ui.label("Lighter week every (weeks)");
            ui.add(egui::DragValue::new(&mut edited.lighter_week_every).range(2..=12))
                .labelled_by(l.id);
            ui.end_row();
            for (label, distance_m) in [
                ("Shoe check distance", &mut edited.shoe_check_m),
                ("Shoe replace distance", &mut edited.shoe_limit_m),
            ] {
                let l = ui.label(format!("{label} ({})", units.short_label()));
                let mut shown = units.from_metres(*distance_m);
                if ui
                    .add(
                        egui::DragValue::new(&mut shown)
                            .range(50.0..=5000.0)
                            .speed(5.0)
                            .max_decimals(0),
                    )
                    .labelled_by(l.id)
                    .changed()
                {
                    *distance_m = units.to_metres(shown);
                }
                ui.end_row();
            }
            for (label, months) in [
                ("Shoe check age (months)", &mut edited.shoe_check_months),
                ("Shoe replace age (months)", &mut edited.shoe_limit_months),
            ] {
                let l = ui.label(label);
                ui.add(egui::DragValue::new(months).range(1..=60))
                    .labelled_by(l.id);
                ui.end_row();
            }
        });
    ui.horizontal_wrapped(|ui| {
        if ui.button("Apply thresholds").clicked() {
            commands.push(RunningCommand::SetThresholds(edited.clone()));
        }
        if ui.button("Reset thresholds to the defaults").clicked() {
            *edited = Thresholds::default();
            commands.push(RunningCommand::SetThresholds(Thresholds::default()));
        }
    });
    for rule in &view.guidance.load_rules {
        ui.label(RichText::new(&rule.title).strong());
        evidence_ui(ui, view, rule.level, &rule.sources);
    }
}
