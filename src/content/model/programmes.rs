//! The pain-monitoring rule and each condition's programme (`content/programmes.ron`).

use serde::{Deserialize, Serialize};

use super::Claim;
use super::exercises::{MuscleGroup, Tempo};

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
    /// What the runner confirms before this phase starts (a short check in the planner, recorded with the date);
    /// the phase's weeks are then the earliest it can start. Empty: it starts on its week.
    #[serde(default)]
    pub start_when: Vec<String>,
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
