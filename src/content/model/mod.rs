//! Typed model of everything under `content/`: conditions, regions, red flags, exercises, guidance and sources.
//!
//! Every struct denies unknown fields so a typo in a RON file is an error with a position, not silently ignored.
//! Facts carry the ids of their sources (see `content/sources.ron`) so the app can show where each one comes from.

mod conditions;
pub mod diary;
mod exercises;
mod guidance;
mod programmes;
mod red_flags;
mod regions;
pub mod running;
mod sources;
mod symptoms;

pub use conditions::{Condition, ConditionsFile, Contributor, ExerciseEmphasis, PhaseSummary};
pub use diary::{
    DiaryGuidance, KneeSign, PainContext, PainQuality, PointerTrigger, RedFlagPointer,
};
pub use exercises::{Dose, Equipment, Exercise, ExerciseKind, ExercisesFile, MuscleGroup, Tempo};
pub use guidance::{ClinicalTopic, Factor, FactorGroup, FaqEntry, Guidance, PreventionTopic};
pub use programmes::{
    ExerciseSlot, PainMonitoring, PhaseDose, PhaseSchedule, Programme, ProgrammePhase,
    ProgrammesFile,
};
pub use red_flags::{RedFlag, RedFlagsFile, Urgency};
pub use regions::{
    Alternative, DiagramView, Landmark, Location, OtherCause, Region, RegionsFile, ViewKind,
};
pub use sources::{Source, SourcesFile};
pub use symptoms::{SymptomQuestion, SymptomWeight, SymptomsFile};

use serde::{Deserialize, Serialize};

/// How strong the evidence behind a source or a claim is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub enum EvidenceLevel {
    /// Not graded: the source article, a patient leaflet, or common practice.
    #[default]
    Unrated,
    /// Lab study, case series, expert protocol or opinion.
    Low,
    /// A single trial or a cohort study.
    Moderate,
    /// A guideline, a consensus statement or a large trial.
    High,
}

impl EvidenceLevel {
    /// Short label for badges.
    pub fn short_label(self) -> &'static str {
        match self {
            Self::Unrated => "not graded",
            Self::Low => "low",
            Self::Moderate => "moderate",
            Self::High => "high",
        }
    }

    /// Plain-words explanation for tooltips.
    pub fn explanation(self) -> &'static str {
        match self {
            Self::Unrated => {
                "Not graded: the source article, a patient leaflet or common practice."
            }
            Self::Low => "Low: lab study, case series, expert protocol or opinion.",
            Self::Moderate => "Moderate: a single trial or a cohort study.",
            Self::High => "High: a guideline, a consensus statement or a large trial.",
        }
    }
}

/// An age group that content can be restricted to (red flags, conditions, alternatives at a location).
///
/// Bands follow the clinical split the evidence uses: growth-plate problems before 16, overuse problems in
/// adult runners, and degenerative problems becoming likelier from 40 and again from 60.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum AgeBand {
    /// Still growing: growth plates open.
    Under16,
    Age16To39,
    Age40To59,
    Age60Plus,
}

impl AgeBand {
    pub const ALL: [Self; 4] = [
        Self::Under16,
        Self::Age16To39,
        Self::Age40To59,
        Self::Age60Plus,
    ];

    /// Plain label for menus, e.g. "Under 16".
    pub fn label(self) -> &'static str {
        match self {
            Self::Under16 => "Under 16",
            Self::Age16To39 => "16 to 39",
            Self::Age40To59 => "40 to 59",
            Self::Age60Plus => "60 or over",
        }
    }
}

/// True when content restricted to `only_for` applies to someone in `band` (an empty list means everyone).
pub fn applies_to_age(only_for: &[AgeBand], band: AgeBand) -> bool {
    only_for.is_empty() || only_for.contains(&band)
}

/// One fact the app states, with the sources it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// The fact in plain words (KneeMap's own wording).
    pub text: String,
    /// Ids into `sources.ron`; at least one.
    pub sources: Vec<String>,
    /// Evidence level of this claim; when absent the best level of its sources is shown.
    #[serde(default)]
    pub level: Option<EvidenceLevel>,
}
