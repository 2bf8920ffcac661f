//! Contributing factors, prevention, takeaways and the FAQ (`content/guidance.ron`).

use serde::{Deserialize, Serialize};

use super::{Claim, DiaryGuidance};

/// `content/guidance.ron`: contributing factors, prevention, takeaways, FAQ and the app's framing text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guidance {
    /// Why running loads the knee (the article's opening).
    pub introduction: Vec<Claim>,
    /// Biomechanical and training factors.
    pub factors: Vec<Factor>,
    /// Prevention topics (10% rule, strength, flexibility, footwear, listening to your body, form, cross-training).
    pub prevention: Vec<PreventionTopic>,
    pub takeaways: Vec<Claim>,
    pub faq: Vec<FaqEntry>,
    /// What a clinician would tell a runner and the condition panels need: soreness or pain, the first run
    /// after a break, bone stress, scans, pain medicines, calves and shoes, bringing in a cadence change.
    /// Shown in the panels of the conditions each lists, and all together in the Prevention & causes tab.
    pub clinical_topics: Vec<ClinicalTopic>,
    /// The pain diary's marking guide, meaningful-change band and red-flag pointers.
    pub pain_diary: DiaryGuidance,
    /// Who can help (physiotherapist, sports medicine physician, orthopaedic specialist).
    pub professionals: Vec<Claim>,
    /// The "educational, not a diagnosis" notice.
    pub disclaimer: String,
}

/// Grouping for factors in the Prevention view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FactorGroup {
    Training,
    RunningForm,
    Footwear,
    MuscleStrength,
    Flexibility,
    Surface,
}

impl FactorGroup {
    pub fn label(self) -> &'static str {
        match self {
            Self::Training => "Training load",
            Self::RunningForm => "Running form",
            Self::Footwear => "Footwear",
            Self::MuscleStrength => "Muscle strength and balance",
            Self::Flexibility => "Flexibility",
            Self::Surface => "Running surface",
        }
    }
}

/// A biomechanical or training factor that can contribute to knee pain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Factor {
    pub id: String,
    pub group: FactorGroup,
    pub title: String,
    pub explanation: Vec<Claim>,
    /// Ids into `prevention` topics that address it.
    pub addressed_by: Vec<String>,
}

/// A prevention topic with its points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreventionTopic {
    pub id: String,
    pub title: String,
    pub points: Vec<Claim>,
    /// Ids into `exercises.ron` (e.g. the strength topic lists exercises by muscle group).
    #[serde(default)]
    pub exercises: Vec<String>,
}

/// A clinical question runners ask, answered in a few claims and shown in the panels it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClinicalTopic {
    pub id: String,
    /// The heading, phrased as the runner's question, e.g. "Soreness, or pain that should change the plan?".
    pub title: String,
    pub points: Vec<Claim>,
    /// Ids into `conditions.ron`: the panels that show this topic (at least one).
    pub conditions: Vec<String>,
}

/// A frequently asked question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaqEntry {
    pub question: String,
    pub answer: Vec<Claim>,
}
