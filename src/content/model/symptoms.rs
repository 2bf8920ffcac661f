//! The symptom questions that re-rank conditions (`content/symptoms.ron`).

use serde::{Deserialize, Serialize};

/// `content/symptoms.ron`: the questions that re-rank candidate conditions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SymptomsFile {
    pub questions: Vec<SymptomQuestion>,
}

/// A yes/no question from the article whose "yes" makes some conditions more (or less) likely.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SymptomQuestion {
    pub id: String,
    /// E.g. "Is it worse running downhill or on stairs?"
    pub question: String,
    /// Short phrase used in "ranked higher because …", e.g. "worse downhill or on stairs".
    pub because: String,
    pub weights: Vec<SymptomWeight>,
    pub sources: Vec<String>,
}

/// How much a "yes" moves one condition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SymptomWeight {
    pub condition: String,
    /// Positive raises, negative lowers. Typical range -2..=3.
    pub weight: i8,
}
