//! The diagram views and their clickable locations (`content/regions.ron`).

use serde::{Deserialize, Serialize};

use super::{AgeBand, EvidenceLevel, applies_to_age};

/// `content/regions.ron`: the clickable locations of each diagram view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionsFile {
    pub views: Vec<DiagramView>,
    /// Locations that are not a spot on the picture (e.g. a whole-knee ache), offered as buttons beside it.
    pub whole_knee: Vec<Location>,
    /// Less common causes of pain at the spots, for the condition panel's "If it doesn't fit" section: each is
    /// written once and lists the locations it belongs to.
    pub other_causes: Vec<OtherCause>,
}

/// A less common cause of pain at one or more spots that KneeMap does not cover with its own panel, with what
/// points to it and who can check it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OtherCause {
    pub id: String,
    /// Everyday name with the clinical one, e.g. "Pes anserine pain (pes anserine bursitis or tendinopathy)".
    pub name: String,
    /// What makes it more likely than the usual cause: where exactly it hurts and what brings it on.
    pub fits_if: String,
    /// Who can check it, e.g. "A physiotherapist or sports medicine doctor".
    pub who: String,
    /// Ids of locations (in `views` or `whole_knee`) where it is worth considering.
    pub locations: Vec<String>,
    /// Ids into `sources.ron`; at least one.
    pub sources: Vec<String>,
    /// Evidence level; when absent the best level of its sources is shown.
    #[serde(default)]
    pub level: Option<EvidenceLevel>,
    /// Age bands it is offered to; empty means every age.
    #[serde(default)]
    pub only_for_ages: Vec<AgeBand>,
}

impl OtherCause {
    /// True when this cause is offered to someone in `band`.
    pub fn applies_to_age(&self, band: AgeBand) -> bool {
        applies_to_age(&self.only_for_ages, band)
    }
}

/// Which picture of the knee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum ViewKind {
    /// Seen from the front.
    #[default]
    Front,
    /// Seen from the outer (lateral) side.
    Side,
}

impl ViewKind {
    pub const ALL: [Self; 2] = [Self::Front, Self::Side];

    pub fn label(self) -> &'static str {
        match self {
            Self::Front => "Front",
            Self::Side => "Side",
        }
    }
}

/// One picture with its regions and anatomy labels. Coordinates are for the RIGHT knee; the left knee mirrors x.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiagramView {
    pub view: ViewKind,
    /// File name of the PNG in `assets/` (rendered at 2x).
    pub image: String,
    /// Width divided by height of the picture.
    pub aspect_ratio: f32,
    pub regions: Vec<Region>,
    /// Anatomy names drawn over the picture.
    pub landmarks: Vec<Landmark>,
}

/// A clickable area of a picture.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// What this area means; the same location may appear in both views.
    pub location: Location,
    /// Polygon in normalised image coordinates ([0,1]², y down), right knee.
    pub polygon: Vec<(f32, f32)>,
    /// Higher wins where regions overlap. Overlapping regions must have different priorities.
    #[serde(default)]
    pub priority: u8,
}

/// A place where it hurts and the conditions that fit it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    pub id: String,
    /// Plain words that say where it is, e.g. "Front of knee, around the kneecap". Also the accessible name.
    pub label: String,
    /// One line on what people notice there.
    pub hint: String,
    /// Id into `conditions.ron`: the usual cause at this spot.
    pub primary: String,
    /// Other conditions worth considering here, most likely first.
    pub alternatives: Vec<Alternative>,
}

/// Another condition that fits a location, with why it might be that instead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alternative {
    pub condition: String,
    pub why: String,
    /// Age bands this alternative is offered to; empty means every age.
    #[serde(default)]
    pub only_for_ages: Vec<AgeBand>,
}

impl Alternative {
    /// True when this alternative is offered to someone in `band`.
    pub fn applies_to_age(&self, band: AgeBand) -> bool {
        applies_to_age(&self.only_for_ages, band)
    }
}

/// An anatomy name drawn at a point of the picture.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Landmark {
    pub label: String,
    /// Where the leader line points to (normalised, right knee).
    pub at: (f32, f32),
    /// Where the text sits (normalised, right knee).
    pub text_at: (f32, f32),
}
