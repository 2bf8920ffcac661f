//! The exercise library and its doses (`content/exercises.ron`).

use serde::{Deserialize, Serialize};

/// `content/exercises.ron`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExercisesFile {
    pub exercises: Vec<Exercise>,
}

/// Muscle groups the planner tracks coverage of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum MuscleGroup {
    Glutes,
    HipAbductors,
    Quads,
    Hamstrings,
    Calves,
    Core,
    HipFlexors,
    ItBandArea,
}

impl MuscleGroup {
    pub fn label(self) -> &'static str {
        match self {
            Self::Glutes => "Glutes",
            Self::HipAbductors => "Hip abductors",
            Self::Quads => "Quadriceps",
            Self::Hamstrings => "Hamstrings",
            Self::Calves => "Calves",
            Self::Core => "Core",
            Self::HipFlexors => "Hip flexors",
            Self::ItBandArea => "IT band area",
        }
    }
}

/// What an exercise needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Equipment {
    Bodyweight,
    Mat,
    Step,
    Wall,
    ResistanceBand,
    Dumbbells,
    Barbell,
    LegPressMachine,
    CurlMachine,
    DeclineBoard,
    FoamRoller,
    Strap,
}

impl Equipment {
    pub fn label(self) -> &'static str {
        match self {
            Self::Bodyweight => "Bodyweight",
            Self::Mat => "Mat",
            Self::Step => "Step or stair",
            Self::Wall => "Wall",
            Self::ResistanceBand => "Resistance band",
            Self::Dumbbells => "Dumbbells",
            Self::Barbell => "Barbell",
            Self::LegPressMachine => "Leg press machine",
            Self::CurlMachine => "Hamstring curl machine",
            Self::DeclineBoard => "Decline board",
            Self::FoamRoller => "Foam roller",
            Self::Strap => "Strap or belt",
        }
    }
}

/// What kind of work an exercise is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ExerciseKind {
    Strength,
    Isometric,
    /// Dynamic warm-up before running.
    WarmUp,
    /// Static stretch or foam rolling after running.
    Stretch,
}

/// A strength, isometric, warm-up or stretch exercise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    pub id: String,
    pub name: String,
    pub kind: ExerciseKind,
    pub muscle_groups: Vec<MuscleGroup>,
    /// Ids into `conditions.ron` this exercise serves.
    pub conditions: Vec<String>,
    pub equipment: Vec<Equipment>,
    /// How to do it, in order.
    pub steps: Vec<String>,
    pub cues: Vec<String>,
    pub common_mistakes: Vec<String>,
    pub dose: Dose,
    pub easier: String,
    pub harder: String,
    /// True when the source article names this exercise.
    pub named_in_article: bool,
    pub sources: Vec<String>,
}

/// A default prescription.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dose {
    pub sets: u8,
    /// Repetitions per set; `None` for holds.
    #[serde(default)]
    pub reps: Option<u8>,
    /// Hold time per repetition (or per set when `reps` is `None`).
    #[serde(default)]
    pub hold_secs: Option<u16>,
    pub rest_secs: u16,
    /// Seconds lowering, pausing and lifting per repetition.
    #[serde(default)]
    pub tempo: Option<Tempo>,
    /// Done on each leg (or side) separately.
    pub per_side: bool,
    /// How often, e.g. "2–3 times a week".
    pub frequency: String,
    /// Where the dose comes from.
    pub sources: Vec<String>,
}

/// Seconds per phase of one repetition.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tempo {
    pub lower_secs: u8,
    pub pause_secs: u8,
    pub lift_secs: u8,
}
