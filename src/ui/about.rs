//! The About & sources tab: what KneeMap is and is not, privacy, this copy (version, data folder, licences of the
//! bundled pictures and fonts), evidence levels and every source.

use std::path::Path;

use egui::{RichText, Ui};

use super::{theme, widgets};
use crate::content::{Content, EvidenceLevel};

/// Who made what KneeMap bundles, and under which licence: (what, where it is used, licence).
pub const BUNDLED_LICENCES: [(&str, &str, &str); 6] = [
    (
        "KneeMap",
        "the program and its content (text, knee and exercise drawings, icon), drawn and written for KneeMap",
        "MIT OR Apache-2.0",
    ),
    (
        "Ubuntu Light font",
        "the text on screen and in printed pages (Dalton Maag, shipped with egui)",
        "Ubuntu Font Licence 1.0",
    ),
    (
        "Hack font",
        "monospaced text (Source Foundry; derived from Bitstream Vera and DejaVu)",
        "MIT; Bitstream Vera licence for the Vera glyphs",
    ),
    (
        "Noto Emoji font",
        "symbols and emoji (Google, shipped with egui)",
        "SIL Open Font License 1.1",
    ),
    (
        "emoji-icon-font",
        "a few icons (John Slegers, shipped with egui)",
        "MIT",
    ),
    (
        "Rust libraries",
        "egui, eframe and the other libraries compiled into the program",
        "each its own, listed in THIRD-PARTY.txt beside the licences",
    ),
];

/// Where the packages put the licence texts.
const LICENCE_TEXTS: &str = "The full licence texts come with KneeMap: in /usr/share/doc/kneemap/ from the .deb, and in \
     the licences folder of the Linux and Windows archives.";

pub fn about_tab_ui(ui: &mut Ui, content: &Content, data_folder: Option<&Path>) {
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
            this_copy_ui(ui, content, data_folder);
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

/// The version, the content's review date, where the data is kept, and the licences of what is bundled.
fn this_copy_ui(ui: &mut Ui, content: &Content, data_folder: Option<&Path>) {
    widgets::section_title(ui, "This copy of KneeMap");
    egui::Grid::new("about_this_copy")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            ui.label(RichText::new("Version").strong());
            ui.label(env!("CARGO_PKG_VERSION"));
            ui.end_row();
            ui.label(RichText::new("Content reviewed").strong());
            ui.label(
                content
                    .review_date()
                    .unwrap_or_else(|| "not recorded".to_owned()),
            );
            ui.end_row();
            ui.label(RichText::new("Data folder").strong());
            match data_folder {
                Some(folder) => {
                    ui.add(egui::Label::new(folder.display().to_string()).selectable(true))
                }
                None => ui.label("none: nothing is saved this time"),
            };
            ui.end_row();
        });
    widgets::section_title(ui, "Licences");
    for (what, used_for, licence) in BUNDLED_LICENCES {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(what).strong());
            ui.label(format!("— {licence}"));
        });
        ui.label(
            RichText::new(used_for)
                .small()
                .color(theme::colors(ui).muted_text),
        );
        ui.add_space(2.0);
    }
    ui.label(
        RichText::new(LICENCE_TEXTS)
            .small()
            .color(theme::colors(ui).muted_text),
    );
}
