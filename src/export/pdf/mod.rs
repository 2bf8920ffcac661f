//! Printable PDFs: sessions to take to the gym (exercises, drawings, doses, cues, tick boxes, pain scores) and a
//! report for the physio (plan, adherence, pain chart, pain diary, dose changes, red flags, notes). A4 or Letter.

mod diary;
mod doc;
mod report;
mod sessions;

pub use report::{ReportInput, physio_report};
pub use sessions::sessions_pdf;

/// Paper size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Paper {
    /// 210 × 297 mm.
    #[default]
    A4,
    /// 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// Width and height in points (1/72 in).
    #[must_use]
    pub fn size_pt(self) -> (f32, f32) {
        match self {
            Self::A4 => (595.28, 841.89),
            Self::Letter => (612.0, 792.0),
        }
    }

    /// Margin on every side, in points.
    #[must_use]
    pub fn margin_pt(self) -> f32 {
        40.0
    }
}

/// Which sessions to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrintRange {
    /// One plan week, 0-based.
    Week(usize),
    /// Every week.
    WholePlan,
}
