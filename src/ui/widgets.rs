//! Small drawing helpers shared by the panels: claims with their evidence and sources, chips, link buttons.

use egui::{Color32, RichText, Ui};

use super::theme;
use crate::content::{Claim, Content, EvidenceLevel, Source, Urgency};

/// Short citation, e.g. "Crossley 2016", "van der Worp 2012", "American College of Sports Medicine 2009" or
/// "Source article": the first author's surname (initials dropped) or the organisation, then the year.
pub fn short_citation(source: &Source) -> String {
    if source.id == "article" {
        return "Source article".to_owned();
    }
    let head = source
        .authors
        .split([',', '('])
        .next()
        .unwrap_or_default()
        .trim();
    let mut words: Vec<&str> = head.split_whitespace().collect();
    let is_initials =
        |w: &str| w.len() <= 3 && w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic());
    if words.len() > 1 && words.last().is_some_and(|w| is_initials(w)) {
        words.pop();
    }
    let mut name = words.join(" ");
    if name.is_empty() || name.eq_ignore_ascii_case("not recorded") {
        name = source
            .title
            .split_whitespace()
            .take(4)
            .collect::<Vec<_>>()
            .join(" ");
    }
    match source.year {
        Some(year) => format!("{name} {year}"),
        None => name,
    }
}

/// Full citation for tooltips and the About view.
pub fn full_citation(source: &Source) -> String {
    use std::fmt::Write as _;
    let mut text = source.authors.clone();
    // Writing to a String cannot fail.
    if let Some(year) = source.year {
        let _ = write!(text, " ({year})");
    }
    let _ = write!(text, ". {}. {}.", source.title, source.published_in);
    if let Some(doi) = &source.doi {
        let _ = write!(text, " doi:{doi}");
    }
    if let Some(url) = &source.url {
        let _ = write!(text, " {url}");
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
    // Full citations are built only while the pointer rests on the line.
    ui.label(
        RichText::new(short_citations(&sources))
            .small()
            .color(theme::colors(ui).muted_text),
    )
    .on_hover_ui(|ui| {
        for source in &sources {
            ui.label(full_citation(source));
        }
    });
}

/// "Crossley 2016 · Collins 2018".
fn short_citations(sources: &[&Source]) -> String {
    sources
        .iter()
        .map(|s| short_citation(s))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// One claim as a bullet: text, then its evidence chip and sources.
pub fn claim_ui(ui: &mut Ui, content: &Content, claim: &Claim) {
    ui.horizontal_top(|ui| {
        ui.label("•");
        ui.vertical(|ui| {
            ui.label(&claim.text);
            evidence_line(ui, content, content.claim_level(claim), &claim.sources);
        });
    });
}

/// One line with the evidence badge and the short citations, as a single label (cheap to lay out; claims are
/// drawn by the dozen). Hovering it explains the level and lists the full citations.
pub fn evidence_line(ui: &mut Ui, content: &Content, level: EvidenceLevel, source_ids: &[String]) {
    let (badge_fill, badge_text) = theme::evidence_colors(level);
    let small = egui::TextStyle::Small.resolve(ui.style());
    let mut job = egui::text::LayoutJob::default();
    job.append(
        &format!(" evidence: {} ", level.short_label()),
        0.0,
        egui::TextFormat {
            font_id: small.clone(),
            color: badge_text,
            background: badge_fill,
            ..Default::default()
        },
    );
    let sources: Vec<&Source> = source_ids
        .iter()
        .filter_map(|id| content.source(id))
        .collect();
    if !sources.is_empty() {
        job.append(
            &format!("  {}", short_citations(&sources)),
            0.0,
            egui::TextFormat {
                font_id: small,
                color: theme::colors(ui).muted_text,
                ..Default::default()
            },
        );
    }
    ui.label(job).on_hover_ui(|ui| {
        ui.label(level.explanation());
        for source in &sources {
            ui.label(full_citation(source));
        }
    });
}

/// A list of claims.
pub fn claims_ui(ui: &mut Ui, content: &Content, claims: &[Claim]) {
    for claim in claims {
        claim_ui(ui, content, claim);
    }
}

/// A title exposed to screen readers as a heading of `level` (1 = a panel's title, 2 = a section, 3 = a
/// sub-section), so they can jump between them. Sized from the type scale.
pub fn heading(ui: &mut Ui, title: &str, level: usize) -> egui::Response {
    let size = match level {
        0 | 1 => theme::size::HEADING,
        2 => theme::size::SECTION,
        _ => theme::size::SUBHEADING,
    };
    let response = ui.label(RichText::new(title).strong().size(size));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Heading, true, title));
    ui.ctx()
        .accesskit_node_builder(response.id, |node| node.set_level(level.max(1)));
    response
}

/// A section title inside a panel (a level-2 heading).
pub fn section_title(ui: &mut Ui, title: &str) -> egui::Response {
    ui.add_space(6.0);
    let response = heading(ui, title, 2);
    ui.add_space(2.0);
    response
}

/// A full-width notice box in the theme's notice colours.
pub fn notice_box<R>(
    ui: &mut Ui,
    add_contents: impl FnOnce(&mut Ui) -> R,
) -> egui::InnerResponse<R> {
    egui::Frame::new()
        .fill(crate::ui::theme::colors(ui).notice_fill)
        .corner_radius(6.0)
        .inner_margin(6)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            add_contents(ui)
        })
}

/// The advice to see a physiotherapist when a plan is stuck, with the reason (`pain::stuck`): the planner and the
/// return to run show it the same way.
pub fn stuck_notice(ui: &mut Ui, stuck: &crate::pain::Stuck) {
    notice_box(ui, |ui| {
        ui.label(egui::RichText::new("Time to see a physiotherapist").strong());
        ui.label(&stuck.reason);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_citations_use_surnames_or_organisations() {
        let content = Content::embedded().unwrap();
        let cite = |id: &str| short_citation(content.source(id).unwrap());
        assert_eq!(cite("article"), "Source article");
        assert_eq!(cite("crossley_2016"), "Crossley 2016");
        assert_eq!(cite("van_der_worp_2012"), "van der Worp 2012");
        assert_eq!(
            cite("acsm_2009"),
            "American College of Sports Medicine 2009"
        );
        for source in &content.sources {
            let short = short_citation(source);
            assert!(
                !short.trim().is_empty() && !short.contains("Not recorded"),
                "{}",
                source.id
            );
        }
    }
}
