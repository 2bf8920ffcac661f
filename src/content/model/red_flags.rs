//! The red-flag checklist (`content/red_flags.ron`).

use serde::{Deserialize, Serialize};

use super::{AgeBand, applies_to_age};

/// `content/red_flags.ron`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedFlagsFile {
    pub red_flags: Vec<RedFlag>,
}

/// How soon someone with this sign should be seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Urgency {
    /// Book an appointment with a physio or doctor.
    Soon,
    /// Be seen within 48 hours (e.g. NICE's "very urgent" X-ray for unexplained bone pain in a child or young
    /// person). Training stops until then, as for `SameDay`.
    Within48Hours,
    /// Be seen today: urgent care, GP same-day, sports medicine.
    SameDay,
    /// Emergency department or emergency number now.
    Emergency,
}

impl Urgency {
    pub fn label(self) -> &'static str {
        match self {
            Self::Soon => "Book an appointment",
            Self::Within48Hours => "Within 48 hours",
            Self::SameDay => "Same day",
            Self::Emergency => "Emergency",
        }
    }
}

/// A sign that self-management should stop.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedFlag {
    pub id: String,
    /// The checklist line, e.g. "I can't put weight on the leg".
    pub text: String,
    /// More detail shown under the line.
    pub detail: String,
    pub urgency: Urgency,
    /// Who to see, e.g. "Emergency department".
    pub who: String,
    /// What to do, in plain words.
    pub action: String,
    /// True when the article itself lists this sign.
    pub from_article: bool,
    pub sources: Vec<String>,
    /// Age bands this sign is asked about; empty means everyone.
    #[serde(default)]
    pub only_for_ages: Vec<AgeBand>,
}

impl RedFlag {
    /// True when this sign is asked of someone in `band`.
    pub fn applies_to_age(&self, band: AgeBand) -> bool {
        applies_to_age(&self.only_for_ages, band)
    }
}
