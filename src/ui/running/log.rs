//! The run form (add and edit) and the list of runs with their warnings, edit and delete.

use chrono::{DateTime, Local, TimeZone, Utc};
use egui::{RichText, Ui};

use super::{RunningUiState, RunningView, warning_ui};
use crate::running::load::{LoadWarning, WarningScope};
use crate::running::{Run, RunDraft, RunningCommand, Sport, Surface, Units};
use crate::ui::date_field::{
    date_error, date_field, format_date, parse_date, parse_time, time_error, time_field,
};
use crate::ui::theme;

/// The typed-in fields of a run; pains are -1 when not recorded, cadence 0 when not recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct RunForm {
    /// Local date, `YYYY-MM-DD` (filled with today when empty).
    pub date: String,
    /// Local time, `HH:MM`.
    pub time: String,
    pub sport: Sport,
    /// In the user's units.
    pub distance_in_units: f64,
    pub duration_min: f64,
    pub cadence_spm: f64,
    pub pain_during: i8,
    pub pain_next_morning: i8,
    pub surface: Option<Surface>,
    pub shoe_id: Option<u64>,
    pub notes: String,
}

impl Default for RunForm {
    fn default() -> Self {
        Self {
            date: String::new(),
            time: "07:00".to_owned(),
            sport: Sport::Run,
            distance_in_units: 5.0,
            duration_min: 30.0,
            cadence_spm: 0.0,
            pain_during: -1,
            pain_next_morning: -1,
            surface: None,
            shoe_id: None,
            notes: String::new(),
        }
    }
}

fn pain(value: i8) -> Option<u8> {
    u8::try_from(value).ok()
}

impl RunForm {
    /// The draft the form describes, with the local date and time turned into UTC.
    ///
    /// # Errors
    /// A message naming the date, time or duration that cannot be read.
    pub fn to_draft(&self, units: Units) -> Result<RunDraft, String> {
        let date = parse_date(&self.date).ok_or_else(|| date_error(&self.date))?;
        let time = parse_time(&self.time).ok_or_else(|| time_error(&self.time))?;
        let start_utc = Local
            .from_local_datetime(&date.and_time(time))
            .earliest()
            .ok_or("That local time does not exist (clock change).")?
            .with_timezone(&Utc);
        if !(self.duration_min.is_finite() && self.duration_min > 0.0) {
            return Err("Duration must be more than 0 minutes.".into());
        }
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "positive, checked again by the domain"
        )]
        let elapsed_secs = (self.duration_min * 60.0).round().min(f64::from(u32::MAX)) as u32;
        Ok(RunDraft {
            start_utc,
            sport: self.sport,
            distance_m: units.to_metres(self.distance_in_units),
            elapsed_secs,
            cadence_spm: (self.cadence_spm > 0.0).then_some(self.cadence_spm),
            pain_during: pain(self.pain_during),
            pain_next_morning: pain(self.pain_next_morning),
            surface: self.surface,
            shoe_id: self.shoe_id,
            notes: self.notes.clone(),
        })
    }

    /// The form filled from a saved run, for editing.
    #[must_use]
    pub fn from_run(run: &Run, units: Units) -> Self {
        let local = run.local_start();
        Self {
            date: local.format("%Y-%m-%d").to_string(),
            time: local.format("%H:%M").to_string(),
            sport: run.sport,
            distance_in_units: units.from_metres(run.distance_m),
            duration_min: f64::from(run.elapsed_secs) / 60.0,
            cadence_spm: run.cadence_spm.unwrap_or(0.0),
            pain_during: run
                .pain_during
                .map_or(-1, |p| i8::try_from(p).unwrap_or(10)),
            pain_next_morning: run
                .pain_next_morning
                .map_or(-1, |p| i8::try_from(p).unwrap_or(10)),
            surface: run.surface,
            shoe_id: run.shoe_id,
            notes: run.notes.clone(),
        }
    }
}

/// `Mon 3 Jun 2024` in local time.
pub(crate) fn local_date(start_utc: DateTime<Utc>) -> String {
    crate::running::model::to_local(start_utc)
        .format("%a %-d %b %Y")
        .to_string()
}

fn pain_drag(ui: &mut Ui, label: &str, value: &mut i8) {
    let l = ui.label(label);
    ui.add(
        egui::DragValue::new(value)
            .range(-1..=10)
            .custom_formatter(|v, _| {
                if v < 0.0 {
                    "not recorded".to_owned()
                } else {
                    format!("{v:.0}/10")
                }
            }),
    )
    .labelled_by(l.id);
}

pub(super) fn form_ui(
    ui: &mut Ui,
    view: &RunningView<'_>,
    state: &mut RunningUiState,
    commands: &mut Vec<RunningCommand>,
) {
    let units = view.data.settings.units;
    let form = &mut state.form;
    if form.date.is_empty() {
        form.date = format_date(view.today);
    }
    egui::Grid::new("run_form")
        .num_columns(4)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            ui.label("Date (YYYY-MM-DD)");
            date_field(ui, "run_form_date", &mut form.date, "Run date", view.today);
            ui.label("Start time (HH:MM)");
            time_field(ui, "run_form_time", &mut form.time, "Run start time");
            ui.end_row();

            let l = ui.label("Activity");
            egui::ComboBox::from_id_salt("run_form_sport")
                .selected_text(form.sport.label())
                .show_ui(ui, |ui| {
                    for sport in Sport::ALL {
                        ui.selectable_value(&mut form.sport, sport, sport.label());
                    }
                })
                .response
                .labelled_by(l.id);
            let l = ui.label(format!("Distance ({})", units.short_label()));
            ui.add(
                egui::DragValue::new(&mut form.distance_in_units)
                    .range(0.0..=1000.0)
                    .speed(0.1)
                    .max_decimals(2),
            )
            .labelled_by(l.id);
            ui.end_row();

            let l = ui.label("Duration (minutes)");
            ui.add(
                egui::DragValue::new(&mut form.duration_min)
                    .range(0.0..=10_000.0)
                    .speed(0.5)
                    .max_decimals(1),
            )
            .labelled_by(l.id);
            let l = ui.label("Cadence (steps/min)");
            ui.add(
                egui::DragValue::new(&mut form.cadence_spm)
                    .range(0.0..=240.0)
                    .custom_formatter(|v, _| {
                        if v <= 0.0 {
                            "not recorded".to_owned()
                        } else {
                            format!("{v:.0}")
                        }
                    }),
            )
            .labelled_by(l.id);
            ui.end_row();

            pain_drag(ui, "Pain during (0–10)", &mut form.pain_during);
            pain_drag(ui, "Pain next morning (0–10)", &mut form.pain_next_morning);
            ui.end_row();

            let l = ui.label("Surface");
            egui::ComboBox::from_id_salt("run_form_surface")
                .selected_text(form.surface.map_or("not recorded", Surface::label))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut form.surface, None, "not recorded");
                    for surface in Surface::ALL {
                        ui.selectable_value(&mut form.surface, Some(surface), surface.label());
                    }
                })
                .response
                .labelled_by(l.id);
            let l = ui.label("Shoe");
            let shoe_name = form
                .shoe_id
                .and_then(|id| view.data.shoe(id))
                .map_or("none", |s| s.name.as_str());
            egui::ComboBox::from_id_salt("run_form_shoe")
                .selected_text(shoe_name)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut form.shoe_id, None, "none");
                    let chosen = form.shoe_id;
                    for shoe in view
                        .data
                        .shoes
                        .iter()
                        .filter(|s| s.retired_on.is_none() || chosen == Some(s.id))
                    {
                        ui.selectable_value(&mut form.shoe_id, Some(shoe.id), &shoe.name);
                    }
                })
                .response
                .labelled_by(l.id);
            ui.end_row();
        });
    ui.horizontal_wrapped(|ui| {
        let l = ui.label("Notes");
        ui.add(egui::TextEdit::singleline(&mut form.notes).desired_width(400.0))
            .labelled_by(l.id);
    });
    if !form.sport.is_run() {
        ui.label(RichText::new("Logged as cross-training: it shows in the chart but not in the running-load warnings.").color(theme::colors(ui).muted_text));
    }
    ui.horizontal_wrapped(|ui| {
        let save_label = if state.editing.is_some() {
            "Save changes"
        } else {
            "Save run"
        };
        if ui.button(save_label).clicked() {
            match state.form.to_draft(units) {
                Ok(draft) => {
                    commands.push(match state.editing.take() {
                        Some(id) => RunningCommand::EditRun { id, draft },
                        None => RunningCommand::AddRun(draft),
                    });
                    state.status = None;
                }
                Err(message) => state.status = Some(message),
            }
        }
        if state.editing.is_some() && ui.button("Cancel editing").clicked() {
            state.editing = None;
            state.form = RunForm::default();
        }
    });
}

pub(super) fn list_ui(
    ui: &mut Ui,
    view: &RunningView<'_>,
    state: &mut RunningUiState,
    warnings: &[LoadWarning],
    commands: &mut Vec<RunningCommand>,
) {
    let units = view.data.settings.units;
    if view.data.runs.is_empty() {
        ui.label("No runs yet: log one above or import from a watch.");
        return;
    }
    // Runs are kept in start order: the newest are at the end.
    let total = view.data.runs.len();
    for run in view.data.runs.iter().rev().take(state.runs_shown) {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            let date = local_date(run.start_utc);
            ui.horizontal_wrapped(|ui| {
                let time = run.local_start().format("%H:%M");
                ui.label(RichText::new(format!("{date} {time}")).strong());
                ui.label(run.sport.label());
                ui.label(units.format(run.distance_m));
                ui.label(format!("{} min", run.elapsed_secs.div_ceil(60)));
                if let Some(c) = run.cadence_spm {
                    ui.label(format!("{c:.0} spm"));
                }
                if let Some(p) = run.pain_during {
                    ui.label(format!("pain during {p}/10"));
                }
                if let Some(p) = run.pain_next_morning {
                    ui.label(format!("next morning {p}/10"));
                }
                if let Some(shoe) = run.shoe_id.and_then(|id| view.data.shoe(id)) {
                    ui.label(RichText::new(&shoe.name).color(theme::colors(ui).muted_text));
                }
                if !run.notes.is_empty() {
                    ui.label(RichText::new(&run.notes).italics());
                }
                let edit = ui.button("Edit");
                edit.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Button,
                        true,
                        format!("Edit run of {date}"),
                    )
                });
                if edit.clicked() {
                    state.form = RunForm::from_run(run, units);
                    state.editing = Some(run.id);
                }
                let delete = ui.button("Delete");
                delete.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Button,
                        true,
                        format!("Delete run of {date}"),
                    )
                });
                if delete.clicked() {
                    commands.push(RunningCommand::DeleteRun(run.id));
                }
            });
            for warning in warnings
                .iter()
                .filter(|w| w.scope == WarningScope::Run(run.id))
            {
                warning_ui(ui, view, warning);
            }
        });
    }
    if total > state.runs_shown
        && ui
            .button(format!(
                "Show more runs ({} of {total} shown)",
                state.runs_shown
            ))
            .clicked()
    {
        state.runs_shown += 50;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_round_trips_through_a_run() {
        let form = RunForm {
            date: "2024-06-03".into(),
            time: "18:30".into(),
            distance_in_units: 3.1,
            duration_min: 28.5,
            pain_during: 2,
            ..RunForm::default()
        };
        let draft = form.to_draft(Units::Miles).unwrap();
        assert!((draft.distance_m - 3.1 * 1609.344).abs() < 1e-6);
        assert_eq!(draft.elapsed_secs, 1710);
        assert_eq!(draft.pain_during, Some(2));
        assert_eq!(draft.pain_next_morning, None);
        let run = Run {
            start_utc: draft.start_utc,
            distance_m: draft.distance_m,
            elapsed_secs: draft.elapsed_secs,
            pain_during: draft.pain_during,
            ..Run::default()
        };
        let back = RunForm::from_run(&run, Units::Miles);
        assert_eq!(back.date, "2024-06-03");
        assert_eq!(back.time, "18:30");
        assert!((back.distance_in_units - 3.1).abs() < 1e-9);
    }

    #[test]
    fn bad_dates_and_times_are_named() {
        let form = RunForm {
            date: "03/06/2024".into(),
            ..RunForm::default()
        };
        assert!(
            form.to_draft(Units::Kilometres)
                .unwrap_err()
                .contains("03/06/2024")
        );
        let form = RunForm {
            date: "2024-06-03".into(),
            time: "25:00".into(),
            ..RunForm::default()
        };
        assert!(
            form.to_draft(Units::Kilometres)
                .unwrap_err()
                .contains("25:00")
        );
    }
}
