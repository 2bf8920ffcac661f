//! The words and rules of the pain diary (`guidance.ron`, `pain_diary`): the qualities, contexts and knee signs
//! an entry can carry, which red flag each worrying one points to, and the meaningful-change band of the trend.

use serde::{Deserialize, Serialize};

use super::Claim;

/// What the pain feels like, one per mark.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub enum PainQuality {
    #[default]
    Ache,
    Sharp,
    Burning,
    Stiff,
    Throbbing,
}

impl PainQuality {
    pub const ALL: [Self; 5] = [
        Self::Ache,
        Self::Sharp,
        Self::Burning,
        Self::Stiff,
        Self::Throbbing,
    ];

    /// Lower-case word, as it reads inside a sentence ("sharp, 4 out of 10").
    pub fn label(self) -> &'static str {
        match self {
            Self::Ache => "ache",
            Self::Sharp => "sharp",
            Self::Burning => "burning",
            Self::Stiff => "stiff",
            Self::Throbbing => "throbbing",
        }
    }
}

/// When or doing what the pain was felt; an entry can have several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PainContext {
    /// During a run (the entry can say at which km or minute it started).
    DuringRun,
    AfterRun,
    NextMorning,
    AtRest,
    AtNight,
    Stairs,
    Squatting,
    Kneeling,
    AfterLongSitting,
}

impl PainContext {
    pub const ALL: [Self; 9] = [
        Self::DuringRun,
        Self::AfterRun,
        Self::NextMorning,
        Self::AtRest,
        Self::AtNight,
        Self::Stairs,
        Self::Squatting,
        Self::Kneeling,
        Self::AfterLongSitting,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::DuringRun => "During a run",
            Self::AfterRun => "After a run",
            Self::NextMorning => "Next morning",
            Self::AtRest => "At rest",
            Self::AtNight => "At night",
            Self::Stairs => "On stairs",
            Self::Squatting => "Squatting",
            Self::Kneeling => "Kneeling",
            Self::AfterLongSitting => "After sitting a long time",
        }
    }

    /// Short CSV and export key.
    pub fn key(self) -> &'static str {
        match self {
            Self::DuringRun => "during_run",
            Self::AfterRun => "after_run",
            Self::NextMorning => "next_morning",
            Self::AtRest => "at_rest",
            Self::AtNight => "at_night",
            Self::Stairs => "stairs",
            Self::Squatting => "squatting",
            Self::Kneeling => "kneeling",
            Self::AfterLongSitting => "after_long_sitting",
        }
    }
}

/// Something the knee did, beyond pain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum KneeSign {
    Swelling,
    GivingWay,
    Locking,
}

impl KneeSign {
    pub const ALL: [Self; 3] = [Self::Swelling, Self::GivingWay, Self::Locking];

    pub fn label(self) -> &'static str {
        match self {
            Self::Swelling => "Swelling",
            Self::GivingWay => "Giving way",
            Self::Locking => "Locking",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::Swelling => "swelling",
            Self::GivingWay => "giving_way",
            Self::Locking => "locking",
        }
    }
}

/// What in an entry makes a red-flag pointer show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PointerTrigger {
    Context(PainContext),
    Sign(KneeSign),
}

/// "This belongs on the red-flag checklist": shown with an entry that has the trigger. The runner decides whether
/// to tick the flag; the diary never ticks it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedFlagPointer {
    pub when: PointerTrigger,
    /// Ids into `red_flags.ron`, the closest match first.
    pub red_flags: Vec<String>,
    /// One line on why it matters, in KneeMap's words.
    pub text: String,
}

/// `guidance.ron`, `pain_diary`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiaryGuidance {
    /// What the diary is for and how to mark pain (spot, region or diffuse), with the knee pain map's source.
    pub how_to_mark: Vec<Claim>,
    /// The smallest change on the 0–10 scale that people notice as a real change: the trend's band.
    pub meaningful_change_points: f32,
    /// Why changes inside the band are read as noise, with its source.
    pub meaningful_change: Claim,
    pub red_flag_pointers: Vec<RedFlagPointer>,
}
