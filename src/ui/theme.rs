//! Colours, text sizes and spacing: the one place where the app's look is decided.

use egui::{Color32, FontFamily, FontId, TextStyle};

use crate::content::{EvidenceLevel, Urgency};

/// Accent for selection and links.
pub const ACCENT: Color32 = Color32::from_rgb(0x1f, 0x6f, 0xb2);
/// Fill of a hovered region.
pub const REGION_HOVER_FILL: Color32 =
    Color32::from_rgba_unmultiplied_const(0x1f, 0x6f, 0xb2, 0x40);
/// Fill of the selected region.
pub const REGION_SELECTED_FILL: Color32 =
    Color32::from_rgba_unmultiplied_const(0xc2, 0x41, 0x0c, 0x45);
/// Outline of the selected region.
pub const REGION_SELECTED_STROKE: Color32 = Color32::from_rgb(0xc2, 0x41, 0x0c);
/// Faint outline that shows every clickable region.
pub const REGION_IDLE_STROKE: Color32 =
    Color32::from_rgba_unmultiplied_const(0x1f, 0x6f, 0xb2, 0x55);
/// Anatomy label text.
pub const LANDMARK_TEXT: Color32 = Color32::from_rgb(0x3b, 0x3b, 0x3b);
/// Anatomy leader lines.
pub const LANDMARK_LINE: Color32 = Color32::from_rgb(0x80, 0x80, 0x80);
/// Halo behind anatomy labels so they read over the picture.
pub const LANDMARK_HALO: Color32 = Color32::from_rgba_unmultiplied_const(0xf4, 0xf4, 0xf2, 0xd8);
/// Muted text (captions, sources).
pub const MUTED_TEXT: Color32 = Color32::from_rgb(0x5c, 0x5c, 0x5c);
/// Background of the diagram card.
pub const DIAGRAM_BACKGROUND: Color32 = Color32::from_rgb(0xf4, 0xf4, 0xf2);
/// Background of the educational notice.
pub const NOTICE_FILL: Color32 = Color32::from_rgb(0xe8, 0xf1, 0xfa);

/// Background of the session card for a moment after a timer cue.
pub const CUE_FLASH_FILL: Color32 = Color32::from_rgb(0xff, 0xe9, 0xa8);
/// Text for good news (progress allowed).
pub const GOOD_TEXT: Color32 = Color32::from_rgb(0x14, 0x53, 0x1e);
/// Text for problems the user must act on (saving failed, broken pictures).
pub const ERROR_TEXT: Color32 = Color32::from_rgb(0x8b, 0x00, 0x00);
/// Text on an accent-coloured chip.
pub const ON_ACCENT_TEXT: Color32 = Color32::WHITE;
/// The training-volume line in the history chart.
pub const CHART_VOLUME: Color32 = Color32::from_gray(150);
/// Dashed outline of the keyboard-focused region.
pub const FOCUS_OUTLINE: Color32 = Color32::BLACK;

/// Banner and chip colours for an urgency level: (background, text).
pub fn urgency_colors(urgency: Urgency) -> (Color32, Color32) {
    match urgency {
        Urgency::Emergency => (Color32::from_rgb(0xb0, 0x00, 0x20), Color32::WHITE),
        Urgency::SameDay => (Color32::from_rgb(0xc2, 0x41, 0x0c), Color32::WHITE),
        Urgency::Soon => (
            Color32::from_rgb(0xf5, 0xc2, 0x42),
            Color32::from_rgb(0x2b, 0x20, 0x00),
        ),
    }
}

/// Chip colours for an evidence level: (background, text).
pub fn evidence_colors(level: EvidenceLevel) -> (Color32, Color32) {
    match level {
        EvidenceLevel::High => (
            Color32::from_rgb(0xd6, 0xee, 0xd9),
            Color32::from_rgb(0x14, 0x53, 0x1e),
        ),
        EvidenceLevel::Moderate => (
            Color32::from_rgb(0xe3, 0xec, 0xf7),
            Color32::from_rgb(0x1b, 0x3f, 0x70),
        ),
        EvidenceLevel::Low => (
            Color32::from_rgb(0xfb, 0xef, 0xd5),
            Color32::from_rgb(0x6b, 0x45, 0x00),
        ),
        EvidenceLevel::Unrated => (
            Color32::from_rgb(0xea, 0xea, 0xea),
            Color32::from_rgb(0x44, 0x44, 0x44),
        ),
    }
}

/// Applies the light theme and readable text sizes.
pub fn apply(ctx: &egui::Context) {
    // The pictures and colours are designed for a light background.
    ctx.set_theme(egui::Theme::Light);
    ctx.style_mut_of(egui::Theme::Light, |style| {
        style.text_styles = [
            (
                TextStyle::Small,
                FontId::new(12.0, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(14.5, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(14.5, FontFamily::Proportional),
            ),
            (
                TextStyle::Heading,
                FontId::new(21.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(13.0, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
        style.visuals.hyperlink_color = ACCENT;
        style.visuals.selection.bg_fill = Color32::from_rgb(0xcf, 0xe2, 0xf5);
        style.visuals.selection.stroke.color = ACCENT;
        // Checkbox and button outlines dark enough to see at a glance.
        style.visuals.widgets.inactive.bg_stroke = egui::Stroke::new(1.0, Color32::from_gray(150));
    });
}
