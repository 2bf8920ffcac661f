//! Cadence: recent average, +5 % / +10 % targets, a visual metronome (a pulsing dot) and the click-track export.

use egui::{RichText, Ui};

use super::{PendingDialog, RunningUiState, RunningView, rule_text_ui};
use crate::dialog::{DialogHandle, DialogKind};
use crate::running::RunningCommand;
use crate::running::cadence::{COMMON_RANGE_SPM, beat_pulse, secs_to_next_beat, targets};
use crate::ui::theme;

/// Metronome and export settings (not saved).
#[derive(Debug, Clone, PartialEq)]
pub struct CadenceUi {
    /// Target for the metronome and the click track.
    pub target_spm: f64,
    /// `ui.input` time when the metronome started; None when stopped.
    pub metronome_started: Option<f64>,
    pub track_minutes: u32,
}

impl Default for CadenceUi {
    fn default() -> Self {
        Self {
            target_spm: 170.0,
            metronome_started: None,
            track_minutes: 20,
        }
    }
}

pub(super) fn cadence_ui(
    ui: &mut Ui,
    view: &RunningView<'_>,
    state: &mut RunningUiState,
    recent_average: Option<f64>,
    commands: &mut Vec<RunningCommand>,
) {
    match recent_average {
        Some(average) => {
            let t = targets(average);
            ui.label(format!("Recent average: {average:.0} steps per minute."));
            ui.horizontal_wrapped(|ui| {
                for (name, spm) in [("+5 %", t.plus_5_spm), ("+10 %", t.plus_10_spm)] {
                    let b = ui.button(format!("Target {name}: {spm:.0} spm"));
                    if b.clicked() {
                        state.cadence.target_spm = spm;
                    }
                }
            });
        }
        None => {
            ui.label("No cadence recorded yet: import a watch file or type it into a run.");
        }
    }
    ui.label(
        RichText::new(format!(
            "{:.0}–{:.0} spm is a common range, not a rule: change from your own cadence.",
            COMMON_RANGE_SPM.0, COMMON_RANGE_SPM.1
        ))
        .color(theme::colors(ui).muted_text),
    );
    rule_text_ui(ui, view, &view.guidance.cadence);
    let cadence = &mut state.cadence;
    ui.horizontal_wrapped(|ui| {
        let l = ui.label("Metronome target (spm)");
        ui.add(
            egui::DragValue::new(&mut cadence.target_spm)
                .range(100.0..=240.0)
                .max_decimals(0),
        )
        .labelled_by(l.id);
        let running = cadence.metronome_started.is_some();
        if ui
            .button(if running {
                "Stop metronome"
            } else {
                "Start metronome"
            })
            .clicked()
        {
            cadence.metronome_started = if running {
                None
            } else {
                Some(ui.input(|i| i.time))
            };
        }
    });
    if let Some(started) = cadence.metronome_started {
        let now = ui.input(|i| i.time);
        let elapsed = now - started;
        let pulse = beat_pulse(cadence.target_spm, elapsed);
        let (rect, response) = ui.allocate_exact_size(egui::vec2(40.0, 40.0), egui::Sense::hover());
        response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Metronome beat"));
        if ui.is_rect_visible(rect) {
            let radius = 8.0 + 10.0 * pulse;
            ui.painter().circle_filled(
                rect.center(),
                radius,
                theme::colors(ui).accent.gamma_multiply(0.35 + 0.65 * pulse),
            );
            // Repaint only while the dot is on screen and running: at the next beat and through the fade.
            let next = secs_to_next_beat(cadence.target_spm, elapsed);
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs_f64(next.min(1.0 / 30.0)));
        }
    }
    ui.horizontal_wrapped(|ui| {
        let l = ui.label("Click track length (minutes)");
        ui.add(egui::DragValue::new(&mut cadence.track_minutes).range(1..=120))
            .labelled_by(l.id);
        let busy = state.dialog.is_some();
        if ui
            .add_enabled(!busy, egui::Button::new("Save click track (WAV)…"))
            .clicked()
        {
            let ctx = ui.ctx().clone();
            let spm = cadence.target_spm;
            let handle = DialogHandle::open(
                DialogKind::SaveFile {
                    suggested_name: format!("cadence-{spm:.0}spm.wav"),
                    extension: "wav".into(),
                },
                move || ctx.request_repaint(),
            );
            state.dialog = Some(PendingDialog::SaveClickTrack {
                handle,
                spm,
                minutes: cadence.track_minutes,
            });
        }
    });
    let _ = commands;
}
