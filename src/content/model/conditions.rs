//! The conditions and their panels (`content/conditions.ron`).

use serde::{Deserialize, Serialize};

use super::{AgeBand, Claim, EvidenceLevel, applies_to_age};

/// `content/conditions.ron`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionsFile {
    pub conditions: Vec<Condition>,
}

/// Everything the condition panel shows for one condition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub id: String,
    /// Everyday name, e.g. "Runner's knee".
    pub lay_name: String,
    /// Clinical name, e.g. "Patellofemoral pain syndrome (PFPS)".
    pub clinical_name: String,
    /// Two or three sentences: what it is.
    pub summary: Vec<Claim>,
    pub where_it_hurts: Vec<Claim>,
    pub what_it_feels_like: Vec<Claim>,
    pub what_makes_it_worse: Vec<Claim>,
    /// Why it happens: each contributor with its evidence level.
    pub contributors: Vec<Contributor>,
    /// First-line self-management.
    pub what_helps_first: Vec<Claim>,
    pub exercise_emphasis: ExerciseEmphasis,
    /// Running-specific advice while it settles.
    pub running_guidance: Vec<Claim>,
    /// Honest expected course; never a promise.
    pub timeline: Vec<Claim>,
    /// Ids into `red_flags.ron` that matter most for this condition.
    pub red_flags: Vec<String>,
    /// When to book an appointment even without a red flag.
    pub see_someone_if: Vec<Claim>,
    /// Ids into `sources.ron`, the main references for this panel.
    pub references: Vec<String>,
    /// ISO date the content was last reviewed, e.g. "2026-11-25".
    pub last_reviewed: String,
    /// Age bands this condition occurs in; empty means every age. A restricted condition is never a
    /// location's primary and appears only as an alternative restricted to (a subset of) the same bands.
    #[serde(default)]
    pub only_for_ages: Vec<AgeBand>,
    /// Why this condition has no self-managed programme and is managed with a clinician
    /// (e.g. growth-plate problems in children). Required when no programme exists for it.
    #[serde(default)]
    pub clinician_led: Option<String>,
}

impl Condition {
    /// True when this condition can apply to someone in `band`.
    pub fn applies_to_age(&self, band: AgeBand) -> bool {
        applies_to_age(&self.only_for_ages, band)
    }
}

/// A factor that contributes to a condition, linking the shared explanation in `guidance.ron`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contributor {
    /// Id into `guidance.ron` `factors`.
    pub factor: String,
    /// How this factor plays into this condition.
    pub text: String,
    pub level: EvidenceLevel,
    pub sources: Vec<String>,
}

/// Which exercises matter for a condition and how to dose them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExerciseEmphasis {
    pub summary: Vec<Claim>,
    /// Ids into `exercises.ron`, most important first.
    pub exercises: Vec<String>,
}

/// A programme phase as the condition panel shows it: every field is display text or ids, made from the
/// typed [`ProgrammePhase`](super::ProgrammePhase) (see [`crate::content::Content::phase_summaries`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhaseSummary {
    pub name: String,
    /// E.g. "Weeks 1–4".
    pub weeks: String,
    /// E.g. "2–3 sessions a week".
    pub sessions_per_week: String,
    /// Ids into `exercises.ron`.
    pub exercises: Vec<String>,
    pub dose: String,
    pub progress_when: String,
    pub ease_off_when: String,
    /// True when the phase is heavy load (not self-managed under 16).
    pub heavy_load: bool,
    pub sources: Vec<String>,
}
