//! Small drawing helpers shared by the panels: claims with their evidence and sources, chips, link buttons.

use egui::{Color32, RichText, Ui};

use super::theme;
use crate::content::{Claim, Content, EvidenceLevel, Source, Urgency};

/// Short citation, e.g. "Crossley 2016" or "Source article".
pub fn short_citation(source: &Source) -> String {
    if source.id == "article" {
        return "Source article".to_owned();
    }
    let first_author = source
        .authors
        .split([',', ' '])
        .find(|w| !w.is_empty())
        .unwrap_or(source.authors.as_str());
    match source.year {
        Some(year) => format!("{first_author} {year}"),
        None => first_author.to_owned(),
    }
}

/// Full citation for tooltips and the About view.
pub fn full_citation(source: &Source) -> String {
    let mut text = source.authors.clone();
    if let Some(year) = source.year {
        text.push_str(&format!(" ({year})"));
    }
    text.push_str(&format!(". {}. {}.", source.title, source.published_in));
    if let Some(doi) = &source.doi {
        text.push_str(&format!(" doi:{doi}"));
    }
    if let Some(url) = &source.url {
        text.push_str(&format!(" {url}"));
    }
    text
}

/// A small rounded label with a background colour.
pub fn chip(ui: &mut Ui, text: &str, fill: Color32, text_color: Color32) -> egui::Response {
    egui::Frame::new()
        .fill(fill)
        .corner_radius(6.0)
        .inner_margin(egui::Margin::symmetric(5, 1))
        .show(ui, |ui| {
            ui.label(RichText::new(text).small().color(text_color))
        })
        .inner
}

/// Evidence-level chip with an explanation on hover.
pub fn evidence_chip(ui: &mut Ui, level: EvidenceLevel) {
    let (fill, text) = theme::evidence_colors(level);
    chip(
        ui,
        &format!("evidence: {}", level.short_label()),
        fill,
        text,
    )
    .on_hover_text(level.explanation());
}

/// Urgency chip.
pub fn urgency_chip(ui: &mut Ui, urgency: Urgency) {
    let (fill, text) = theme::urgency_colors(urgency);
    chip(ui, urgency.label(), fill, text);
}

/// The sources of a claim as muted small text, full citations on hover.
pub fn sources_line(ui: &mut Ui, content: &Content, source_ids: &[String]) {
    let sources: Vec<&Source> = source_ids
        .iter()
        .filter_map(|id| content.source(id))
        .collect();
    if sources.is_empty() {
        return;
    }
    let short: Vec<String> = sources.iter().map(|s| short_citation(s)).collect();
    let full: Vec<String> = sources.iter().map(|s| full_citation(s)).collect();
    ui.label(
        RichText::new(short.join(" · "))
            .small()
            .color(theme::MUTED_TEXT),
    )
    .on_hover_text(full.join("\n\n"));
}

/// One claim as a bullet: text, then its evidence chip and sources.
pub fn claim_ui(ui: &mut Ui, content: &Content, claim: &Claim) {
    ui.horizontal_top(|ui| {
        ui.label("•");
        ui.vertical(|ui| {
            ui.label(&claim.text);
            ui.horizontal_wrapped(|ui| {
                evidence_chip(ui, content.claim_level(claim));
                sources_line(ui, content, &claim.sources);
            });
        });
    });
}

/// A list of claims.
pub fn claims_ui(ui: &mut Ui, content: &Content, claims: &[Claim]) {
    for claim in claims {
        claim_ui(ui, content, claim);
    }
}

/// A section title inside a panel.
pub fn section_title(ui: &mut Ui, title: &str) -> egui::Response {
    ui.add_space(6.0);
    let response = ui.label(RichText::new(title).strong().size(16.5));
    ui.add_space(2.0);
    response
}

/// A link-styled button; returns true when activated (mouse, keyboard or screen reader).
pub fn link_button(ui: &mut Ui, text: &str) -> bool {
    ui.link(text).clicked()
}
