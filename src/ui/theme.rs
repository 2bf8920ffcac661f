//! Colours, text sizes and spacing: the one place where the app's look is decided, for light and dark mode.
//!
//! Drawing code asks [`colors`] for the palette of the mode in use and takes sizes from [`size`]; clippy's
//! `disallowed-methods` (clippy.toml) keeps colour literals out of every other file. Every text and background pair
//! reaches WCAG AA contrast (4.5:1), checked by the tests below.
#![expect(
    clippy::disallowed_methods,
    reason = "This file is where colours are made."
)]

use egui::{Color32, FontFamily, FontId, TextStyle, Ui};

use crate::content::{EvidenceLevel, Urgency};
use crate::document::Appearance;

/// The app's colours in one mode.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// Panel background (set on the egui style, so the contrast test knows it).
    pub panel_fill: Color32,
    /// Body text.
    pub text: Color32,
    /// Accent for selection, links and the app name.
    pub accent: Color32,
    /// Text on an accent-coloured fill.
    pub on_accent_text: Color32,
    /// Muted text (captions, sources).
    pub muted_text: Color32,
    /// Background of notices (educational note, data notices).
    pub notice_fill: Color32,
    /// Problems the user must act on (saving failed, broken pictures), as text on the panel.
    pub error_text: Color32,
    /// Background of an error notice; its text is `error_text`.
    pub error_fill: Color32,
    /// Good news (progress allowed).
    pub good_text: Color32,
    /// Cautions in text (a refused action, a warning line).
    pub warning_text: Color32,
    /// Background of the session card for a moment after a timer cue; its text is `text`.
    pub cue_flash_fill: Color32,
    /// The training-volume line in the history chart.
    pub chart_volume: Color32,
    /// Cross-training bars in the weekly distance chart.
    pub chart_cross_training: Color32,
    /// Fill of a hovered region.
    pub region_hover_fill: Color32,
    /// Fill of the selected region.
    pub region_selected_fill: Color32,
    /// Outline of the selected region.
    pub region_selected_stroke: Color32,
    /// Faint outline that shows every clickable region.
    pub region_idle_stroke: Color32,
    /// Dashed outline of the keyboard-focused region.
    pub focus_outline: Color32,
}

/// The pictures are drawn on a light card in both modes, so anatomy names and outlines stay readable.
pub mod picture {
    use egui::Color32;

    /// Background of the diagram card.
    pub const BACKGROUND: Color32 = Color32::from_rgb(0xf4, 0xf4, 0xf2);
    /// Anatomy label text.
    pub const LANDMARK_TEXT: Color32 = Color32::from_rgb(0x3b, 0x3b, 0x3b);
    /// Anatomy leader lines.
    pub const LANDMARK_LINE: Color32 = Color32::from_rgb(0x80, 0x80, 0x80);
    /// Halo behind anatomy labels so they read over the picture.
    pub const LANDMARK_HALO: Color32 =
        Color32::from_rgba_unmultiplied_const(0xf4, 0xf4, 0xf2, 0xd8);
    /// Tint multiplied into the picture texture (none).
    pub const TINT: Color32 = Color32::WHITE;
}

/// Light mode.
pub const LIGHT: Palette = Palette {
    panel_fill: Color32::from_rgb(0xf8, 0xf8, 0xf8),
    text: Color32::from_rgb(0x1e, 0x1e, 0x1e),
    accent: Color32::from_rgb(0x1f, 0x6f, 0xb2),
    on_accent_text: Color32::WHITE,
    muted_text: Color32::from_rgb(0x5c, 0x5c, 0x5c),
    notice_fill: Color32::from_rgb(0xe8, 0xf1, 0xfa),
    error_text: Color32::from_rgb(0x8b, 0x00, 0x00),
    error_fill: Color32::from_rgb(0xfd, 0xe3, 0xe3),
    good_text: Color32::from_rgb(0x14, 0x53, 0x1e),
    warning_text: Color32::from_rgb(0xa3, 0x36, 0x08),
    cue_flash_fill: Color32::from_rgb(0xff, 0xe9, 0xa8),
    chart_volume: Color32::from_gray(150),
    chart_cross_training: Color32::from_rgb(0x7a, 0xa7, 0x6b),
    region_hover_fill: Color32::from_rgba_unmultiplied_const(0x1f, 0x6f, 0xb2, 0x40),
    region_selected_fill: Color32::from_rgba_unmultiplied_const(0xc2, 0x41, 0x0c, 0x45),
    region_selected_stroke: Color32::from_rgb(0xc2, 0x41, 0x0c),
    region_idle_stroke: Color32::from_rgba_unmultiplied_const(0x1f, 0x6f, 0xb2, 0x55),
    focus_outline: Color32::BLACK,
};

/// Dark mode.
pub const DARK: Palette = Palette {
    panel_fill: Color32::from_rgb(0x1b, 0x1b, 0x1b),
    text: Color32::from_rgb(0xe6, 0xe6, 0xe6),
    accent: Color32::from_rgb(0x7c, 0xb8, 0xf0),
    on_accent_text: Color32::from_rgb(0x0b, 0x1d, 0x30),
    muted_text: Color32::from_rgb(0xb4, 0xb4, 0xb4),
    notice_fill: Color32::from_rgb(0x1d, 0x2f, 0x44),
    error_text: Color32::from_rgb(0xff, 0x9c, 0x94),
    error_fill: Color32::from_rgb(0x45, 0x14, 0x16),
    good_text: Color32::from_rgb(0x86, 0xd9, 0x93),
    warning_text: Color32::from_rgb(0xff, 0xb0, 0x7a),
    cue_flash_fill: Color32::from_rgb(0x5a, 0x47, 0x0c),
    chart_volume: Color32::from_gray(140),
    chart_cross_training: Color32::from_rgb(0x8c, 0xc0, 0x7c),
    region_hover_fill: Color32::from_rgba_unmultiplied_const(0x1f, 0x6f, 0xb2, 0x40),
    region_selected_fill: Color32::from_rgba_unmultiplied_const(0xc2, 0x41, 0x0c, 0x45),
    region_selected_stroke: Color32::from_rgb(0xc2, 0x41, 0x0c),
    region_idle_stroke: Color32::from_rgba_unmultiplied_const(0x1f, 0x6f, 0xb2, 0x55),
    focus_outline: Color32::BLACK,
};

/// The palette of the mode `ui` is drawn in.
pub fn colors(ui: &Ui) -> &'static Palette {
    if ui.visuals().dark_mode {
        &DARK
    } else {
        &LIGHT
    }
}

/// Colours for what is drawn on the diagram card, which is light in both modes so the pictures read the same.
pub fn on_picture() -> &'static Palette {
    &LIGHT
}

/// The colour of a pain score on the diagram: pale yellow at 0 through orange to deep red at 10 (readable on the
/// light picture card in both modes).
pub fn pain_color(intensity: u8) -> Color32 {
    const STOPS: [(u8, u8, u8); 3] = [(0xf2, 0xd3, 0x5b), (0xe8, 0x7b, 0x1e), (0xa8, 0x12, 0x1a)];
    let t = f32::from(intensity.min(crate::limits::PAIN_SCALE_MAX))
        / f32::from(crate::limits::PAIN_SCALE_MAX);
    let (from, to, local) = if t < 0.5 {
        (STOPS[0], STOPS[1], t * 2.0)
    } else {
        (STOPS[1], STOPS[2], (t - 0.5) * 2.0)
    };
    let mix = |a: u8, b: u8| {
        let value = f32::from(a) + (f32::from(b) - f32::from(a)) * local;
        // A blend of two bytes with a factor in 0..=1 stays in 0..=255.
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "blend of two u8"
        )]
        let byte = value.round().clamp(0.0, 255.0) as u8;
        byte
    };
    Color32::from_rgb(mix(from.0, to.0), mix(from.1, to.1), mix(from.2, to.2))
}

/// Text drawn on [`pain_color`]: dark on the light scores, white on the dark ones.
pub fn pain_text_color(intensity: u8) -> Color32 {
    if intensity >= 6 {
        Color32::WHITE
    } else {
        Color32::from_rgb(0x2a, 0x20, 0x10)
    }
}

/// Text sizes in points: the type scale. Body and small text come from the egui style set in [`apply`].
pub mod size {
    /// Anatomy names on the picture.
    pub const LANDMARK: f32 = 11.5;
    /// Small print (footer, source lines).
    pub const SMALL: f32 = 12.0;
    /// Body text and buttons.
    pub const BODY: f32 = 14.5;
    /// Sub-headings inside a section (a factor group, "Also consider").
    pub const SUBHEADING: f32 = 16.0;
    /// Section titles inside a tab.
    pub const SECTION: f32 = 16.5;
    /// A tab's own title, an exercise's name, a form's title.
    pub const TITLE: f32 = 19.0;
    /// The app's name in the top bar.
    pub const APP_TITLE: f32 = 20.0;
    /// Panel headings (egui's Heading style).
    pub const HEADING: f32 = 21.0;
    /// The session runner's countdown.
    pub const COUNTDOWN: f32 = 30.0;
    /// Monospace (content errors).
    pub const MONOSPACE: f32 = 13.0;
}

/// Banner and chip colours for an urgency level: (background, text). The same in both modes: each carries its
/// own background.
pub fn urgency_colors(urgency: Urgency) -> (Color32, Color32) {
    match urgency {
        Urgency::Emergency => (Color32::from_rgb(0xb0, 0x00, 0x20), Color32::WHITE),
        Urgency::SameDay => (Color32::from_rgb(0xa8, 0x38, 0x0a), Color32::WHITE),
        Urgency::Within48Hours => (Color32::from_rgb(0x8a, 0x4b, 0x00), Color32::WHITE),
        Urgency::Soon => (
            Color32::from_rgb(0xf5, 0xc2, 0x42),
            Color32::from_rgb(0x2b, 0x20, 0x00),
        ),
    }
}

/// Chip colours for an evidence level: (background, text); the same in both modes.
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

/// Applies both modes' styles and chooses the mode: the system's setting, or the user's choice.
pub fn apply(ctx: &egui::Context, appearance: Appearance) {
    ctx.set_theme(match appearance {
        Appearance::System => egui::ThemePreference::System,
        Appearance::Light => egui::ThemePreference::Light,
        Appearance::Dark => egui::ThemePreference::Dark,
    });
    for (theme, palette) in [(egui::Theme::Light, &LIGHT), (egui::Theme::Dark, &DARK)] {
        ctx.style_mut_of(theme, |style| {
            style.text_styles = [
                (
                    TextStyle::Small,
                    FontId::new(size::SMALL, FontFamily::Proportional),
                ),
                (
                    TextStyle::Body,
                    FontId::new(size::BODY, FontFamily::Proportional),
                ),
                (
                    TextStyle::Button,
                    FontId::new(size::BODY, FontFamily::Proportional),
                ),
                (
                    TextStyle::Heading,
                    FontId::new(size::HEADING, FontFamily::Proportional),
                ),
                (
                    TextStyle::Monospace,
                    FontId::new(size::MONOSPACE, FontFamily::Monospace),
                ),
            ]
            .into();
            style.spacing.item_spacing = egui::vec2(8.0, 6.0);
            style.spacing.button_padding = egui::vec2(8.0, 4.0);
            let visuals = &mut style.visuals;
            visuals.panel_fill = palette.panel_fill;
            visuals.override_text_color = Some(palette.text);
            visuals.hyperlink_color = palette.accent;
            visuals.selection.stroke.color = palette.accent;
            if theme == egui::Theme::Light {
                visuals.selection.bg_fill = Color32::from_rgb(0xcf, 0xe2, 0xf5);
                // Checkbox and button outlines dark enough to see at a glance.
                visuals.widgets.inactive.bg_stroke =
                    egui::Stroke::new(1.0, Color32::from_gray(150));
            } else {
                visuals.selection.bg_fill = Color32::from_rgb(0x26, 0x4f, 0x78);
                visuals.widgets.inactive.bg_stroke =
                    egui::Stroke::new(1.0, Color32::from_gray(120));
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG 2 relative luminance of an opaque colour.
    fn luminance(color: Color32) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(color.r()) + 0.7152 * channel(color.g()) + 0.0722 * channel(color.b())
    }

    fn contrast(a: Color32, b: Color32) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    /// Every (name, text, background) pair the app draws.
    fn pairs(p: &Palette) -> Vec<(&'static str, Color32, Color32)> {
        let mut pairs = vec![
            ("text on panel", p.text, p.panel_fill),
            ("muted on panel", p.muted_text, p.panel_fill),
            ("accent on panel", p.accent, p.panel_fill),
            ("on-accent on accent", p.on_accent_text, p.accent),
            ("error on panel", p.error_text, p.panel_fill),
            ("error on error fill", p.error_text, p.error_fill),
            ("good on panel", p.good_text, p.panel_fill),
            ("warning on panel", p.warning_text, p.panel_fill),
            ("text on notice", p.text, p.notice_fill),
            ("muted on notice", p.muted_text, p.notice_fill),
            ("text on cue flash", p.text, p.cue_flash_fill),
            (
                "landmark on picture",
                picture::LANDMARK_TEXT,
                picture::BACKGROUND,
            ),
        ];
        for urgency in [
            Urgency::Soon,
            Urgency::Within48Hours,
            Urgency::SameDay,
            Urgency::Emergency,
        ] {
            let (fill, text) = urgency_colors(urgency);
            pairs.push(("urgency", text, fill));
        }
        for level in [
            EvidenceLevel::High,
            EvidenceLevel::Moderate,
            EvidenceLevel::Low,
            EvidenceLevel::Unrated,
        ] {
            let (fill, text) = evidence_colors(level);
            pairs.push(("evidence", text, fill));
        }
        pairs
    }

    #[test]
    fn every_text_pair_reaches_wcag_aa_in_both_modes() {
        for (mode, palette) in [("light", &LIGHT), ("dark", &DARK)] {
            for (name, text, background) in pairs(palette) {
                let ratio = contrast(text, background);
                assert!(ratio >= 4.5, "{mode}: {name} is {ratio:.2}:1");
            }
        }
    }

    #[test]
    fn contrast_maths_matches_known_values() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 1e-9);
        // #777 on white is the classic just-failing grey (4.48:1).
        let grey = Color32::from_gray(0x77);
        assert!((contrast(grey, Color32::WHITE) - 4.48).abs() < 0.01);
    }

    #[test]
    fn the_style_follows_the_choice() {
        let ctx = egui::Context::default();
        apply(&ctx, Appearance::Dark);
        assert_eq!(
            ctx.options(|o| o.theme_preference),
            egui::ThemePreference::Dark
        );
        apply(&ctx, Appearance::Light);
        assert_eq!(
            ctx.options(|o| o.theme_preference),
            egui::ThemePreference::Light
        );
        apply(&ctx, Appearance::System);
        assert_eq!(
            ctx.options(|o| o.theme_preference),
            egui::ThemePreference::System
        );
        let dark = ctx.style_of(egui::Theme::Dark);
        assert!(dark.visuals.dark_mode);
        assert_eq!(dark.visuals.panel_fill, DARK.panel_fill);
        let light = ctx.style_of(egui::Theme::Light);
        assert!(!light.visuals.dark_mode);
        assert_eq!(light.visuals.panel_fill, LIGHT.panel_fill);
        assert!((light.text_styles[&TextStyle::Body].size - size::BODY).abs() < f32::EPSILON);
    }
}
