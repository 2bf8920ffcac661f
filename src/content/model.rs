//! Typed model of everything under `content/`: conditions, regions, red flags, exercises, guidance and sources.
//!
//! Every struct denies unknown fields so a typo in a RON file is an error with a position, not silently ignored.
//! Facts carry the ids of their sources (see `content/sources.ron`) so the app can show where each one comes from.

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

    /// The band for an age in whole years.
    pub fn from_age_years(age_years: u8) -> Self {
        match age_years {
            0..=15 => Self::Under16,
            16..=39 => Self::Age16To39,
            40..=59 => Self::Age40To59,
            _ => Self::Age60Plus,
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

/// `content/sources.ron`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcesFile {
    pub sources: Vec<Source>,
}

/// A publication, guideline or article that facts cite.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    /// E.g. "Crossley KM et al." or "Alex".
    pub authors: String,
    pub year: Option<u16>,
    pub title: String,
    /// Journal, publisher or website.
    pub published_in: String,
    #[serde(default)]
    pub doi: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    pub level: EvidenceLevel,
    /// False when the fact was seen only in a secondary summary or from memory, not checked in the original.
    pub verified_primary: bool,
    /// Optional caveat shown with the source (design, size, limits).
    #[serde(default)]
    pub note: String,
}

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
/// typed [`ProgrammePhase`] (see [`crate::content::Content::phase_summaries`]).
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

/// `content/regions.ron`: the clickable locations of each diagram view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionsFile {
    pub views: Vec<DiagramView>,
    /// Locations that are not a spot on the picture (e.g. a whole-knee ache), offered as buttons beside it.
    pub whole_knee: Vec<Location>,
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
    /// Be seen today: urgent care, GP same-day, sports medicine.
    SameDay,
    /// Emergency department or emergency number now.
    Emergency,
}

impl Urgency {
    pub fn label(self) -> &'static str {
        match self {
            Self::Soon => "Book an appointment",
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

/// A frequently asked question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaqEntry {
    pub question: String,
    pub answer: Vec<Claim>,
}

/// `content/programmes.ron`: the pain-monitoring rule and the suggested exercise programme of each condition.
/// The condition panel shows a programme's phases and the planner's generator builds plans from the same data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgrammesFile {
    pub pain_monitoring: PainMonitoring,
    pub programmes: Vec<Programme>,
}

/// The pain-monitoring model every programme uses, with the numbers the planner applies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PainMonitoring {
    /// Default highest pain during exercise, 0–10, for programmes that set none (3: cautious).
    pub default_max_during: u8,
    /// The most pain during exercise the model accepts, and the highest limit a user may choose (5).
    pub highest_max_during: u8,
    /// Points the next-morning pain may exceed the pain before the session.
    pub max_next_morning_rise: u8,
    /// Whole points this week's average pain during sessions may exceed last week's before progress stops
    /// (so an average going from 0 to 0.3 is noise, not a trend).
    pub weekly_rise_tolerance: u8,
    /// What the rule is and where it comes from, in plain words with sources.
    pub explanation: Vec<Claim>,
}

/// A condition's suggested programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    /// Id into `conditions.ron`.
    pub condition: String,
    /// How the condition is named in each exercise's reason, e.g. "runner's knee".
    pub phrase: String,
    /// The length the evidence used, in weeks. A user may choose more, never fewer.
    pub default_weeks: u8,
    /// Highest pain during exercise for this programme; `None` uses the pain-monitoring default.
    #[serde(default)]
    pub max_pain_during: Option<u8>,
    /// Muscle groups that must get work; the generator adds a general exercise if the slots leave one out.
    pub needed_groups: Vec<MuscleGroup>,
    /// Whether other tracked groups (calves, core …) get a general exercise at the lowest priority, when time
    /// allows, as the all-round strength the article recommends for runners.
    pub all_round_extras: bool,
    /// The evidence behind the programme (the plan's first notes).
    pub summary: Vec<Claim>,
    /// Further advice added to a generated plan.
    #[serde(default)]
    pub notes: Vec<Claim>,
    /// Phases in order; their weeks follow on without gaps or overlaps, starting at week 1.
    pub phases: Vec<ProgrammePhase>,
}

impl Programme {
    /// The pain limit during exercise for this programme.
    pub fn max_pain_during(&self, monitoring: &PainMonitoring) -> u8 {
        self.max_pain_during
            .unwrap_or(monitoring.default_max_during)
    }

    /// Whether any phase that starts within `weeks` weeks is heavy load.
    pub fn has_heavy_load_within(&self, weeks: u8) -> bool {
        self.phases
            .iter()
            .any(|p| p.heavy_load && p.first_week <= weeks)
    }
}

/// One phase of a programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgrammePhase {
    pub name: String,
    /// 1-based week the phase starts.
    pub first_week: u8,
    /// 1-based last week (inclusive); `None` for "onwards" (only the last phase).
    #[serde(default)]
    pub last_week: Option<u8>,
    pub schedule: PhaseSchedule,
    /// Extra words on the schedule, e.g. "isometric holds on the other days".
    #[serde(default)]
    pub schedule_note: String,
    pub dose: PhaseDose,
    /// Extra words on the dose, e.g. "squat to a chair or a comfortable depth".
    #[serde(default)]
    pub dose_note: String,
    /// Heavy external load: the generator refuses it for under-16s (a clinician should lead it).
    #[serde(default)]
    pub heavy_load: bool,
    /// The exercises, most important first.
    pub slots: Vec<ExerciseSlot>,
    /// When to move on, in words; pain numbers come from the programme's limit, so write "your pain limit".
    pub progress_when: String,
    pub ease_off_when: String,
    /// Ids into `sources.ron`.
    pub sources: Vec<String>,
}

impl ProgrammePhase {
    /// "Weeks 3–6", "Week 7" or "Week 7 onwards".
    pub fn weeks_label(&self) -> String {
        match self.last_week {
            None => format!("Week {} onwards", self.first_week),
            Some(last) if last <= self.first_week => format!("Week {}", self.first_week),
            Some(last) => format!("Weeks {}–{last}", self.first_week),
        }
    }

    /// Every exercise id the slots name, each once, in slot order.
    pub fn exercise_ids(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for id in self.slots.iter().flat_map(|s| &s.exercises) {
            if !out.contains(&id.as_str()) {
                out.push(id);
            }
        }
        out
    }
}

/// Which days a phase trains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PhaseSchedule {
    /// `sessions_per_week` sessions with rest days between; the plan notes when fewer than `at_least` fit.
    Spread { sessions_per_week: u8, at_least: u8 },
    /// Every day the user offers (isometric holds only).
    EveryOfferedDay,
}

impl PhaseSchedule {
    /// "2–3 sessions a week", "3 sessions a week", "Every training day".
    pub fn label(self) -> String {
        match self {
            Self::Spread {
                sessions_per_week,
                at_least,
            } if at_least < sessions_per_week => {
                format!("{at_least}–{sessions_per_week} sessions a week")
            }
            Self::Spread {
                sessions_per_week: 1,
                ..
            } => "1 session a week".to_owned(),
            Self::Spread {
                sessions_per_week, ..
            } => format!("{sessions_per_week} sessions a week"),
            Self::EveryOfferedDay => "Every training day".to_owned(),
        }
    }
}

/// How a phase doses its exercises.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum PhaseDose {
    /// Repetition exercises: `sets` × `reps` (low, high), starting at the low end. Holds: `hold_sets` × `hold_secs`.
    Standard {
        sets: u8,
        reps: (u8, u8),
        hold_sets: u8,
        hold_secs: u16,
    },
    /// Isometric holds: `sets` × `hold_secs`, with `rest_secs` between.
    Isometric {
        sets: u8,
        hold_secs: u16,
        rest_secs: u16,
    },
    /// Heavy slow resistance: `sets` at a load for the phase week's repetition target, `rm_steps` being
    /// `(first phase week, reps)` from week 1, with `tempo` and `rest_secs` between sets.
    HeavySlow {
        sets: u8,
        rest_secs: u16,
        tempo: Tempo,
        rm_steps: Vec<(u8, u8)>,
    },
}

impl PhaseDose {
    /// The repetition target for `phase_week` (1-based) of a heavy slow phase; `None` for other doses.
    pub fn heavy_slow_reps(&self, phase_week: usize) -> Option<u8> {
        let Self::HeavySlow { rm_steps, .. } = self else {
            return None;
        };
        rm_steps
            .iter()
            .rev()
            .find(|(first, _)| phase_week >= usize::from(*first))
            .or(rm_steps.first())
            .map(|(_, reps)| *reps)
    }

    /// The dose in plain words, from the numbers.
    pub fn describe(&self) -> String {
        match self {
            Self::Standard {
                sets,
                reps: (low, high),
                hold_sets,
                hold_secs,
            } => format!(
                "{sets} sets of {low}–{high} repetitions; holds {hold_sets} × {hold_secs} s"
            ),
            Self::Isometric {
                sets,
                hold_secs,
                rest_secs,
            } => format!("{sets} holds of {hold_secs} s with {rest_secs} s rest between"),
            Self::HeavySlow {
                sets,
                rest_secs,
                tempo,
                rm_steps,
            } => {
                let steps: Vec<String> = rm_steps
                    .iter()
                    .map(|(week, reps)| format!("week {week}: {reps}"))
                    .collect();
                format!(
                    "{sets} sets, {} s down and {} s up, {rest_secs} s rest; repetition target by week of this \
                     phase ({})",
                    tempo.lower_secs,
                    tempo.lift_secs,
                    steps.join(", ")
                )
            }
        }
    }
}

/// One place in a session: the first usable exercise of `exercises`, and why it is there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExerciseSlot {
    /// Ids into `exercises.ron`, preferred first (later ones are fallbacks for other equipment).
    pub exercises: Vec<String>,
    /// Why this exercise is in the session, e.g. "Hip abductor strength".
    pub reason: String,
}
