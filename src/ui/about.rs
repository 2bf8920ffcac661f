//! The About & sources tab: what KneeMap is and is not, privacy, evidence levels and every source.

use egui::{RichText, Ui};

use super::{theme, widgets};
use crate::content::{Content, EvidenceLevel};

pub fn about_tab_ui(ui: &mut Ui, content: &Content) {
    widgets::heading(ui, "About KneeMap", 1);
    egui::ScrollArea::vertical()
        .id_salt("about_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.label(
                "KneeMap helps runners understand knee pain: where it hurts, which conditions commonly cause \
                 pain there, what is known about why, what helps, and when to stop self-managing.",
            );
            egui::Frame::new()
                .fill(theme::colors(ui).notice_fill)
                .corner_radius(6.0)
                .inner_margin(10)
                .show(ui, |ui| {
                    ui.label(RichText::new("Educational, not a diagnosis").strong());
                    ui.label(&content.guidance.disclaimer);
                });
            widgets::section_title(ui, "Private by design");
            ui.label(
                "KneeMap works entirely offline. It has no network code, no accounts and no telemetry: what you \
                 tick and log stays on this computer.",
            );
            widgets::section_title(ui, "How much pain exercise may cause");
            widgets::claims_ui(ui, content, &content.pain_monitoring.explanation);
            let clinician_led: Vec<_> = content
                .conditions
                .iter()
                .filter_map(|c| c.clinician_led.as_ref().map(|reason| (c, reason)))
                .collect();
            if !clinician_led.is_empty() {
                widgets::section_title(ui, "Conditions without a self-guided programme");
                for (condition, reason) in clinician_led {
                    ui.label(RichText::new(&condition.lay_name).strong());
                    ui.label(reason);
                }
            }
            widgets::section_title(ui, "Evidence levels");
            for level in [EvidenceLevel::High, EvidenceLevel::Moderate, EvidenceLevel::Low, EvidenceLevel::Unrated] {
                ui.horizontal(|ui| {
                    widgets::evidence_chip(ui, level);
                    ui.label(level.explanation());
                });
            }
            ui.label(
                RichText::new(
                    "Sources marked \"not checked against the original\" were seen only in a summary; treat them \
                     with extra care.",
                )
                .small()
                .color(theme::colors(ui).muted_text),
            );
            widgets::section_title(ui, "Sources");
            for source in &content.sources {
                ui.horizontal_top(|ui| {
                    widgets::evidence_chip(ui, source.level);
                    ui.vertical(|ui| {
                        ui.label(widgets::full_citation(source));
                        if !source.note.is_empty() {
                            ui.label(RichText::new(&source.note).small().color(theme::colors(ui).muted_text));
                        }
                        if !source.verified_primary {
                            ui.label(RichText::new("Not checked against the original.").small().italics());
                        }
                    });
                });
                ui.add_space(2.0);
            }
        });
}
