//! Generates a starter programme for a condition from the evidence notes: which exercises, how many sessions a
//! week on which days, and the dose week by week.
//!
//! Rules the generator keeps:
//! - Only exercises that exist in the content, are Strength or Isometric, serve the condition (listed in the
//!   exercise's `conditions` or the condition's exercise emphasis) — or, when a group the condition needs would
//!   otherwise get no work, a general strength exercise for that group. Except for patellar tendinopathy (whose
//!   protocol is kept as tested), tracked groups still left out (calves, core …) get a general exercise at the
//!   lowest priority when every main exercise fitted and time remains; its `why` says it is an all-round extra.
//! - Equipment: the content lists what an exercise *can* be done with (e.g. a squat with bodyweight, dumbbells or
//!   a barbell), so one available item is enough. [`ALWAYS_AVAILABLE`] items (bodyweight, a mat, a wall, a step
//!   or stair) count as available for everyone.
//! - Strength sessions never fall on consecutive days (Sunday and the next Monday count as consecutive) unless the
//!   offered days leave no other way to reach two sessions a week; then a note says so. Isometric-only phases
//!   may use every offered day.
//! - Each session fits `session_minutes` (estimated with [`super::duration`]): exercises are taken in priority
//!   order and any that would run over are left out, with a note.
//! - Week 0 is the Monday-to-Sunday week containing the start date; days before the start date stay empty.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use thiserror::Error;

use crate::content::{Condition, Content, Equipment, Exercise, MuscleGroup, Tempo};

use super::coverage::{TRACKED_GROUPS, counts_as_work, session_count, tracked_group};
use super::duration::estimate_exercise_secs;
use super::model::{PainThresholds, Plan, PlannedExercise, clamp_planned, day_name};

/// Equipment everyone is assumed to have: bodyweight, a mat (or carpet), a wall and a step or stair.
pub const ALWAYS_AVAILABLE: [Equipment; 4] = [
    Equipment::Bodyweight,
    Equipment::Mat,
    Equipment::Wall,
    Equipment::Step,
];

/// Equipment a user may or may not have; the generator asks about these (everything else is [`ALWAYS_AVAILABLE`]).
pub const OPTIONAL_EQUIPMENT: [Equipment; 8] = [
    Equipment::ResistanceBand,
    Equipment::Dumbbells,
    Equipment::Barbell,
    Equipment::LegPressMachine,
    Equipment::CurlMachine,
    Equipment::DeclineBoard,
    Equipment::FoamRoller,
    Equipment::Strap,
];

/// Equipment that lets heavy slow resistance be genuinely heavy.
pub const LOADING_EQUIPMENT: [Equipment; 3] = [
    Equipment::Dumbbells,
    Equipment::Barbell,
    Equipment::LegPressMachine,
];

/// Longest programme the generator makes.
pub const MAX_WEEKS: u8 = 52;

/// Fewest strength sessions a week worth spreading; below this, consecutive days are used (with a note) if the
/// offered days allow no gap.
pub const MIN_SESSIONS_PER_WEEK: usize = 2;

/// Heavy slow resistance (Kongsgaard 2009): `(first HSR week, reps)` — 15RM in week 1, 12RM in weeks 2–3, 10RM in
/// weeks 4–5, 8RM in weeks 6–8 and 6RM from week 9.
pub const HSR_STEPS: [(usize, u8); 5] = [(1, 15), (2, 12), (4, 10), (6, 8), (9, 6)];
/// Sets per HSR exercise.
pub const HSR_SETS: u8 = 4;
/// Rest between HSR sets (the protocol used 2–3 minutes).
pub const HSR_REST_SECS: u16 = 150;
/// About 6 s per repetition: 3 s down, 3 s up.
pub const HSR_TEMPO: Tempo = Tempo {
    lower_secs: 3,
    pause_secs: 0,
    lift_secs: 3,
};

/// Reps (the RM target) for week `hsr_week` of heavy slow resistance, counted from 1 (0 is treated as 1).
pub fn hsr_reps_for_week(hsr_week: usize) -> u8 {
    HSR_STEPS
        .iter()
        .rev()
        .find(|(first, _)| hsr_week >= *first)
        .map_or(HSR_STEPS[0].1, |(_, reps)| *reps)
}

/// What the user tells the generator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenerateOptions {
    /// Id into `conditions.ron`.
    pub condition_id: String,
    /// Days the user can train, 0 = Monday; out-of-range and repeated entries are ignored.
    pub days: Vec<usize>,
    /// Longest session the user has time for.
    pub session_minutes: u16,
    /// Equipment the user has besides [`ALWAYS_AVAILABLE`].
    pub equipment: BTreeSet<Equipment>,
    pub start_date: NaiveDate,
    /// Programme length; `None` for the length the evidence used. Longer is allowed (up to [`MAX_WEEKS`]),
    /// shorter is raised to the evidence length.
    pub weeks: Option<u8>,
}

impl GenerateOptions {
    /// Monday, Wednesday and Friday, 45-minute sessions, no extra equipment, the evidence length.
    pub fn new(condition_id: impl Into<String>, start_date: NaiveDate) -> Self {
        Self {
            condition_id: condition_id.into(),
            days: vec![0, 2, 4],
            session_minutes: 45,
            equipment: BTreeSet::new(),
            start_date,
            weeks: None,
        }
    }
}

/// Why no programme could be made.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum GenerateError {
    #[error("there is no programme for the condition `{0}`")]
    UnknownCondition(String),
    #[error("choose at least one day of the week to train")]
    NoDays,
    #[error("none of this condition's exercises can be done with the chosen equipment")]
    NoSuitableExercises,
    #[error(
        "{session_minutes} minutes is too short for this programme: the shortest session needs about {needed_minutes} minutes"
    )]
    SessionTooShort {
        session_minutes: u16,
        needed_minutes: u32,
    },
}

/// Whether `exercise` can be done with `available` (plus [`ALWAYS_AVAILABLE`]): any one listed item is enough.
pub fn equipment_available(exercise: &Exercise, available: &BTreeSet<Equipment>) -> bool {
    exercise.equipment.is_empty()
        || exercise
            .equipment
            .iter()
            .any(|e| ALWAYS_AVAILABLE.contains(e) || available.contains(e))
}

/// Whether `exercise` serves `condition`: the exercise lists it, or the condition's exercise emphasis lists the
/// exercise.
pub fn serves_condition(exercise: &Exercise, condition: &Condition) -> bool {
    exercise.conditions.contains(&condition.id)
        || condition.exercise_emphasis.exercises.contains(&exercise.id)
}

/// Whether `exercise` works `group` (hip abductors count as glutes).
fn works_group(exercise: &Exercise, group: MuscleGroup) -> bool {
    exercise
        .muscle_groups
        .iter()
        .any(|g| tracked_group(*g) == Some(group))
}

/// General exercises never added as fillers: Nordic curls are a heavy eccentric load to add deliberately.
const EXCLUDED_FILLERS: [&str; 1] = ["nordic_curl"];

/// One place in a session: the first usable exercise of `ids`, and why it is there.
struct Slot {
    ids: &'static [&'static str],
    role: &'static str,
}

const fn slot(ids: &'static [&'static str], role: &'static str) -> Slot {
    Slot { ids, role }
}

/// How a phase doses its exercises.
enum PhaseDose {
    /// Repetition exercises: `sets` × `low`–`high` reps, starting at `low`. Holds: `hold_sets` × `hold_secs`.
    Standard {
        sets: u8,
        low: u8,
        high: u8,
        hold_sets: u8,
        hold_secs: u16,
    },
    /// Isometric holds: `sets` × `hold_secs`.
    Isometric { sets: u8, hold_secs: u16 },
    /// Heavy slow resistance with the weekly rep steps of [`HSR_STEPS`].
    HeavySlow,
}

/// Which days a phase uses.
enum Schedule {
    /// `target` sessions spread with rest days between; a note when fewer than `minimum` fit.
    Spread {
        target: usize,
        minimum: usize,
        studied: &'static str,
    },
    /// Every offered day (isometric holds only).
    EveryOfferedDay,
}

struct Phase {
    /// 0-based plan week the phase starts.
    first_week: usize,
    name: &'static str,
    schedule: Schedule,
    dose: PhaseDose,
    slots: &'static [Slot],
}

struct Programme {
    condition_id: &'static str,
    /// How the condition is named in each exercise's `why`.
    phrase: &'static str,
    default_weeks: u8,
    /// Groups that must get work; a general exercise is added if the slots leave one out.
    needed_groups: &'static [MuscleGroup],
    /// Whether other tracked groups (calves, core …) get a general exercise at the lowest priority, when time
    /// allows, as the all-round strength the article recommends for runners.
    all_round_extras: bool,
    /// The evidence behind the programme, first note of the plan.
    summary: &'static str,
    extra_notes: &'static [&'static str],
    phases: &'static [Phase],
}

const HIP_ABDUCTORS: &[&str] = &["banded_hip_abduction", "clamshell", "side_leg_raise"];

const PROGRAMMES: [Programme; 5] = [
    Programme {
        condition_id: "patellofemoral_pain",
        phrase: "runner's knee",
        default_weeks: 6,
        needed_groups: &[MuscleGroup::Glutes, MuscleGroup::Quads],
        all_round_extras: true,
        summary: "Hip and knee exercises combined, 3 sets of 10–15, 2–3 times a week for at least 6 weeks. \
                  Consensus statements (Crossley 2016, Collins 2018) favour combining hip and knee exercise; the \
                  dose follows trial protocols rather than a guideline.",
        extra_notes: &[],
        phases: &[
            Phase {
                first_week: 0,
                name: "Settle and switch on",
                schedule: Schedule::Spread {
                    target: 3,
                    minimum: 2,
                    studied: "2–3 sessions a week",
                },
                dose: PhaseDose::Standard {
                    sets: 3,
                    low: 10,
                    high: 15,
                    hold_sets: 3,
                    hold_secs: 30,
                },
                slots: &[
                    slot(&["clamshell", "side_leg_raise"], "Hip abductor strength"),
                    slot(&["wall_sit"], "Quadriceps holds at a comfortable depth"),
                    slot(&["glute_bridge"], "Glute strength"),
                    slot(&["side_leg_raise", "clamshell"], "Hip abductor strength"),
                ],
            },
            Phase {
                first_week: 2,
                name: "Build hip and knee strength",
                schedule: Schedule::Spread {
                    target: 3,
                    minimum: 2,
                    studied: "2–3 sessions a week",
                },
                dose: PhaseDose::Standard {
                    sets: 3,
                    low: 10,
                    high: 15,
                    hold_sets: 3,
                    hold_secs: 30,
                },
                slots: &[
                    slot(HIP_ABDUCTORS, "Hip abductor strength"),
                    slot(&["squat"], "Quadriceps and glute strength"),
                    slot(&["step_down", "step_up"], "Knee control on a step"),
                    slot(&["glute_bridge"], "Glute strength"),
                    slot(&["step_up", "step_down"], "Quadriceps strength on a step"),
                ],
            },
            Phase {
                first_week: 6,
                name: "Strength for running",
                schedule: Schedule::Spread {
                    target: 3,
                    minimum: 2,
                    studied: "2–3 sessions a week",
                },
                dose: PhaseDose::Standard {
                    sets: 3,
                    low: 8,
                    high: 12,
                    hold_sets: 3,
                    hold_secs: 20,
                },
                slots: &[
                    slot(&["single_leg_squat"], "Single-leg hip and knee control"),
                    slot(HIP_ABDUCTORS, "Hip abductor strength"),
                    slot(&["step_down", "step_up"], "Knee control on a step"),
                    slot(&["lunge"], "Quadriceps and glute strength"),
                    slot(&["side_plank"], "Hip and trunk side strength"),
                ],
            },
        ],
    },
    Programme {
        condition_id: "it_band_syndrome",
        phrase: "IT band syndrome",
        default_weeks: 6,
        needed_groups: &[MuscleGroup::Glutes],
        all_round_extras: true,
        summary: "Hip abductor and external rotator strengthening 2–3 times a week for 6 weeks (Fredericson 2000 \
                  case series; Sanchez-Alvarado 2024 review). The evidence is thin: running changes and a short \
                  spell of relative rest matter too.",
        extra_notes: &[],
        phases: &[
            Phase {
                first_week: 0,
                name: "Settle and switch on",
                schedule: Schedule::Spread {
                    target: 3,
                    minimum: 2,
                    studied: "2–3 sessions a week",
                },
                dose: PhaseDose::Standard {
                    sets: 2,
                    low: 10,
                    high: 15,
                    hold_sets: 2,
                    hold_secs: 20,
                },
                slots: &[
                    slot(&["side_leg_raise"], "Hip abductor strength"),
                    slot(&["clamshell"], "Hip external rotator and abductor strength"),
                    slot(&["glute_bridge"], "Glute strength"),
                ],
            },
            Phase {
                first_week: 2,
                name: "Strengthen the hip",
                schedule: Schedule::Spread {
                    target: 3,
                    minimum: 2,
                    studied: "2–3 sessions a week",
                },
                dose: PhaseDose::Standard {
                    sets: 3,
                    low: 8,
                    high: 12,
                    hold_sets: 3,
                    hold_secs: 20,
                },
                slots: &[
                    slot(HIP_ABDUCTORS, "Hip abductor strength"),
                    slot(&["side_plank"], "Hip abductor and trunk side strength"),
                    slot(&["glute_bridge"], "Glute strength"),
                    slot(&["single_leg_squat"], "Single-leg hip control"),
                    slot(&["step_down"], "Hip and knee control on a step"),
                ],
            },
            Phase {
                first_week: 6,
                name: "Keep it up",
                schedule: Schedule::Spread {
                    target: 2,
                    minimum: 2,
                    studied: "2 sessions a week",
                },
                dose: PhaseDose::Standard {
                    sets: 3,
                    low: 8,
                    high: 12,
                    hold_sets: 3,
                    hold_secs: 20,
                },
                slots: &[
                    slot(&["single_leg_squat"], "Single-leg hip control"),
                    slot(&["step_down"], "Hip and knee control on a step"),
                    slot(HIP_ABDUCTORS, "Hip abductor strength"),
                    slot(&["side_plank"], "Hip abductor and trunk side strength"),
                ],
            },
        ],
    },
    Programme {
        condition_id: "patellar_tendinopathy",
        phrase: "patellar tendinopathy",
        default_weeks: 12,
        needed_groups: &[MuscleGroup::Quads],
        all_round_extras: false,
        summary: "Weeks 1–2: isometric holds, 5 × 45 s at about 70% of maximum effort with about 2 minutes' rest \
                  (Malliaras 2015). From week 3: heavy slow resistance 3 times a week (Kongsgaard 2009): 4 sets, \
                  3 s down and 3 s up, 2–3 minutes' rest, with the target stepping down from 15 reps to 12, 10, 8 \
                  and 6. Each set uses the heaviest load you can lift that many times with good form.",
        extra_notes: &[
            "Isometric holds can also be done on the days between heavy sessions if they ease the \
                        pain; staged tendon programmes use them daily.",
        ],
        phases: &[
            Phase {
                first_week: 0,
                name: "Isometric holds",
                schedule: Schedule::EveryOfferedDay,
                dose: PhaseDose::Isometric {
                    sets: 5,
                    hold_secs: 45,
                },
                slots: &[slot(
                    &["spanish_squat", "wall_sit"],
                    "Isometric holds at about 70% of maximum effort to calm the tendon",
                )],
            },
            Phase {
                first_week: 2,
                name: "Heavy slow resistance",
                schedule: Schedule::Spread {
                    target: 3,
                    minimum: 3,
                    studied: "3 sessions a week",
                },
                dose: PhaseDose::HeavySlow,
                slots: &[
                    slot(&["hsr_leg_press"], "Heavy slow resistance (leg press)"),
                    slot(&["squat"], "Heavy slow resistance (squat)"),
                    slot(&["decline_squat"], "Slow loading on a decline board"),
                ],
            },
        ],
    },
    Programme {
        condition_id: "meniscus_tear",
        phrase: "meniscus tear",
        default_weeks: 12,
        needed_groups: &[
            MuscleGroup::Quads,
            MuscleGroup::Hamstrings,
            MuscleGroup::Glutes,
        ],
        all_round_extras: true,
        summary: "Knee and hip strength 2–3 times a week for 12 weeks, as in Kise 2016, where exercise did as well \
                  as keyhole surgery at 2 years for degenerative tears and gave stronger thighs.",
        extra_notes: &[],
        phases: &[
            Phase {
                first_week: 0,
                name: "Control and range",
                schedule: Schedule::Spread {
                    target: 3,
                    minimum: 2,
                    studied: "2–3 sessions a week",
                },
                dose: PhaseDose::Standard {
                    sets: 2,
                    low: 10,
                    high: 15,
                    hold_sets: 2,
                    hold_secs: 30,
                },
                slots: &[
                    slot(
                        &["squat"],
                        "Quadriceps strength (comfortable depth, no twisting)",
                    ),
                    slot(&["glute_bridge"], "Hip and hamstring strength"),
                    slot(&["step_up"], "Quadriceps strength on a step"),
                    slot(&["hamstring_curl"], "Hamstring strength"),
                    slot(&["calf_raise"], "Calf strength"),
                ],
            },
            Phase {
                first_week: 4,
                name: "Strength and balance",
                schedule: Schedule::Spread {
                    target: 3,
                    minimum: 2,
                    studied: "2–3 sessions a week",
                },
                dose: PhaseDose::Standard {
                    sets: 3,
                    low: 8,
                    high: 12,
                    hold_sets: 3,
                    hold_secs: 30,
                },
                slots: &[
                    slot(
                        &["single_leg_squat", "squat"],
                        "Single-leg knee and hip control",
                    ),
                    slot(&["step_down", "step_up"], "Knee control on a step"),
                    slot(&["lunge"], "Quadriceps and glute strength"),
                    slot(&["hamstring_curl", "glute_bridge"], "Hamstring strength"),
                    slot(&["squat"], "Quadriceps strength"),
                ],
            },
        ],
    },
    Programme {
        condition_id: "knee_osteoarthritis",
        phrase: "knee osteoarthritis",
        default_weeks: 6,
        needed_groups: &[MuscleGroup::Quads, MuscleGroup::Glutes],
        all_round_extras: true,
        summary: "Strength exercise twice a week for 6 weeks, as in GLA:D (Skou & Roos 2017). Exercise is the core \
                  treatment in the OARSI 2019 and ACR 2019 guidelines.",
        extra_notes: &[
            "On the other days, low-impact cardio such as cycling, swimming or an elliptical trainer \
                        keeps you fit with less pounding than running.",
        ],
        phases: &[
            Phase {
                first_week: 0,
                name: "GLA:D-style start",
                schedule: Schedule::Spread {
                    target: 2,
                    minimum: 2,
                    studied: "2 sessions a week",
                },
                dose: PhaseDose::Standard {
                    sets: 2,
                    low: 10,
                    high: 15,
                    hold_sets: 2,
                    hold_secs: 30,
                },
                slots: &[
                    slot(
                        &["squat"],
                        "Quadriceps strength (squat to a chair or a comfortable depth)",
                    ),
                    slot(&["step_up"], "Quadriceps strength on a step"),
                    slot(&["glute_bridge"], "Glute strength"),
                    slot(&["side_leg_raise"], "Hip abductor strength"),
                    slot(&["calf_raise"], "Calf strength"),
                ],
            },
            Phase {
                first_week: 6,
                name: "Keep going and progress",
                schedule: Schedule::Spread {
                    target: 2,
                    minimum: 2,
                    studied: "2–3 sessions a week",
                },
                dose: PhaseDose::Standard {
                    sets: 3,
                    low: 8,
                    high: 12,
                    hold_sets: 3,
                    hold_secs: 30,
                },
                slots: &[
                    slot(&["squat"], "Quadriceps strength"),
                    slot(&["step_down", "step_up"], "Knee control on a step"),
                    slot(&["lunge"], "Quadriceps and glute strength"),
                    slot(&["glute_bridge"], "Glute strength"),
                    slot(&["side_leg_raise"], "Hip abductor strength"),
                ],
            },
        ],
    },
];

/// Condition ids the generator has a programme for.
pub fn supported_conditions() -> impl Iterator<Item = &'static str> {
    PROGRAMMES.iter().map(|p| p.condition_id)
}

/// The evidence length of a condition's programme in weeks, if the generator knows the condition.
pub fn default_weeks(condition_id: &str) -> Option<u8> {
    PROGRAMMES
        .iter()
        .find(|p| p.condition_id == condition_id)
        .map(|p| p.default_weeks)
}

/// The exercise at the phase's dose; `hsr_week` counts from 1 within a heavy-slow phase.
fn dose_for(exercise: &Exercise, dose: &PhaseDose, why: &str, hsr_week: usize) -> PlannedExercise {
    let mut planned = PlannedExercise::from_default_dose(exercise, why.to_owned());
    match *dose {
        PhaseDose::Standard {
            sets,
            low,
            high,
            hold_sets,
            hold_secs,
        } => {
            if planned.reps.is_some() {
                planned.sets = sets;
                planned.reps = Some(low);
                planned.rep_range = Some((low, high));
            } else if planned.hold_secs.is_some() {
                planned.sets = hold_sets;
                planned.hold_secs = Some(hold_secs);
            }
        }
        PhaseDose::Isometric { sets, hold_secs } => {
            if planned.reps.is_none() && planned.hold_secs.is_some() {
                planned.sets = sets;
                planned.hold_secs = Some(hold_secs);
            }
        }
        PhaseDose::HeavySlow => {
            if planned.reps.is_some() {
                let reps = hsr_reps_for_week(hsr_week);
                planned.sets = HSR_SETS;
                planned.reps = Some(reps);
                planned.rep_range = Some((reps, reps));
                planned.hold_secs = None;
                planned.tempo = Some(HSR_TEMPO);
                planned.rest_secs = HSR_REST_SECS;
            }
        }
    }
    clamp_planned(&mut planned);
    planned
}

/// An exercise a phase may use.
struct Candidate<'c> {
    exercise: &'c Exercise,
    why: String,
    /// An all-round extra: left out quietly when the session has no time for it.
    extra: bool,
}

/// The phase's exercises in priority order, with their `why`.
fn resolve_slots<'c>(
    content: &'c Content,
    condition: &Condition,
    programme: &Programme,
    phase: &Phase,
    equipment: &BTreeSet<Equipment>,
) -> Vec<Candidate<'c>> {
    let usable = |e: &Exercise| counts_as_work(e.kind) && equipment_available(e, equipment);
    let mut out: Vec<Candidate<'c>> = Vec::new();
    let unused = |out: &[Candidate<'c>], e: &Exercise| !out.iter().any(|c| c.exercise.id == e.id);
    for slot in phase.slots {
        let pick = slot
            .ids
            .iter()
            .filter_map(|id| content.exercise(id))
            .find(|e| usable(e) && serves_condition(e, condition) && unused(&out, e));
        if let Some(exercise) = pick {
            out.push(Candidate {
                exercise,
                why: format!("{} — {}", slot.role, programme.phrase),
                extra: false,
            });
        }
    }
    if !matches!(phase.dose, PhaseDose::Standard { .. }) {
        return out;
    }
    let general = |out: &[Candidate<'c>], group: MuscleGroup| {
        content.exercises.iter().find(|e| {
            e.conditions.is_empty()
                && usable(e)
                && works_group(e, group)
                && !EXCLUDED_FILLERS.contains(&e.id.as_str())
                && unused(out, e)
        })
    };
    for group in programme.needed_groups {
        if out.iter().any(|c| works_group(c.exercise, *group)) {
            continue;
        }
        if let Some(exercise) = general(&out, *group) {
            out.push(Candidate {
                exercise,
                why: format!(
                    "General {} strength — {}",
                    group.label().to_lowercase(),
                    programme.phrase
                ),
                extra: false,
            });
        }
    }
    if programme.all_round_extras {
        for group in TRACKED_GROUPS {
            if out.iter().any(|c| works_group(c.exercise, group)) {
                continue;
            }
            if let Some(exercise) = general(&out, group) {
                out.push(Candidate {
                    exercise,
                    why: format!(
                        "General {} strength for running — an extra, not specific to {}",
                        group.label().to_lowercase(),
                        programme.phrase
                    ),
                    extra: true,
                });
            }
        }
    }
    out
}

/// Whether two days of the week are next to each other, Sunday and Monday included.
fn adjacent(a: usize, b: usize) -> bool {
    let diff = a.abs_diff(b);
    diff == 1 || diff == 6
}

fn has_adjacent_pair(days: &[usize]) -> bool {
    days.iter()
        .enumerate()
        .any(|(i, a)| days[i + 1..].iter().any(|b| adjacent(*a, *b)))
}

/// The smallest gap in days between consecutive chosen days, going round the week (7 for one day).
fn min_gap(days: &[usize]) -> usize {
    match (days.first(), days.last()) {
        (Some(first), Some(last)) => days
            .windows(2)
            .map(|w| w[1] - w[0])
            .chain(std::iter::once(7 - last + first))
            .min()
            .unwrap_or(7),
        _ => 0,
    }
}

/// The best `size` days out of `offered` (sorted): widest smallest gap, then earliest in the week.
fn best_subset(offered: &[usize], size: usize, allow_adjacent: bool) -> Option<Vec<usize>> {
    let mut candidates: Vec<Vec<usize>> = (0u32..(1 << offered.len()))
        .filter(|mask| mask.count_ones() as usize == size)
        .map(|mask| {
            offered
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, d)| *d)
                .collect::<Vec<usize>>()
        })
        .filter(|days| allow_adjacent || !has_adjacent_pair(days))
        .collect();
    candidates.sort_by(|a, b| min_gap(b).cmp(&min_gap(a)).then_with(|| a.cmp(b)));
    candidates.into_iter().next()
}

fn day_list(days: &[usize]) -> String {
    let names: Vec<&str> = days.iter().map(|d| day_name(*d)).collect();
    names.join(", ")
}

/// Training days for a spread schedule, plus notes on any compromise.
fn spread_days(
    offered: &[usize],
    target: usize,
    minimum: usize,
    studied: &str,
    label: &str,
) -> (Vec<usize>, Vec<String>) {
    let want = target.min(offered.len());
    let max_apart = (1..=offered.len())
        .rev()
        .find(|size| best_subset(offered, *size, false).is_some())
        .unwrap_or(1);
    let mut notes = Vec::new();
    let days = if max_apart >= want {
        best_subset(offered, want, false)
    } else if max_apart >= MIN_SESSIONS_PER_WEEK {
        best_subset(offered, max_apart, false)
    } else {
        let days = best_subset(offered, want, true);
        if let Some(d) = &days {
            notes.push(format!(
                "{label}: sessions fall on back-to-back days ({}) because no days with a rest day between them were \
                 offered. Keep the second session lighter, or choose days with a gap if you can.",
                day_list(d)
            ));
        }
        days
    }
    .unwrap_or_else(|| offered.iter().take(1).copied().collect());
    if days.len() < minimum {
        let sessions = if days.len() == 1 {
            "session"
        } else {
            "sessions"
        };
        notes.push(format!(
            "{label}: {} {sessions} a week on {}; the evidence behind this programme used {studied}. Add a \
             training day if you can.",
            days.len(),
            day_list(&days)
        ));
    }
    (days, notes)
}

/// "Weeks 3–6", "Week 7" for 0-based `first..end`.
fn weeks_label(first: usize, end: usize) -> String {
    if end <= first + 1 {
        format!("Week {}", first + 1)
    } else {
        format!("Weeks {}–{}", first + 1, end)
    }
}

/// A phase ready to be laid out.
struct Resolved<'c, 'p> {
    phase: &'p Phase,
    exercises: Vec<(&'c Exercise, String)>,
    days: Vec<usize>,
}

/// Makes a programme for `options.condition_id`. See the module docs for the rules. The plan's
/// `intended_sessions_per_week` is the most sessions any week has (the daily isometric weeks of patellar
/// tendinopathy can have more than its 3 heavy sessions), so a fresh plan raises no "too many sessions" warning.
pub fn generate_programme(
    content: &Content,
    options: &GenerateOptions,
) -> Result<Plan, GenerateError> {
    let unknown = || GenerateError::UnknownCondition(options.condition_id.clone());
    let programme = PROGRAMMES
        .iter()
        .find(|p| p.condition_id == options.condition_id)
        .ok_or_else(unknown)?;
    let condition = content
        .condition(&options.condition_id)
        .ok_or_else(unknown)?;
    let offered: Vec<usize> = options
        .days
        .iter()
        .copied()
        .filter(|d| *d < 7)
        .collect::<BTreeSet<usize>>()
        .into_iter()
        .collect();
    if offered.is_empty() {
        return Err(GenerateError::NoDays);
    }
    let week_count = usize::from(options.weeks.map_or(programme.default_weeks, |w| {
        w.clamp(programme.default_weeks, MAX_WEEKS)
    }));
    let limit_secs = u32::from(options.session_minutes) * 60;

    let mut schedule_notes: Vec<String> = Vec::new();
    let mut resolved: Vec<Resolved> = Vec::new();
    let phases: Vec<&Phase> = programme
        .phases
        .iter()
        .filter(|p| p.first_week < week_count)
        .collect();
    for (index, phase) in phases.iter().enumerate() {
        let end = phases
            .get(index + 1)
            .map_or(week_count, |next| next.first_week);
        let label = format!("{} ({})", weeks_label(phase.first_week, end), phase.name);
        let candidates = resolve_slots(content, condition, programme, phase, &options.equipment);
        if candidates.iter().all(|c| c.extra) {
            return Err(GenerateError::NoSuitableExercises);
        }
        // Fit the phase's first (longest) week; later heavy-slow weeks have fewer reps, so they fit too.
        let mut chosen: Vec<&Candidate> = Vec::new();
        let mut dropped = Vec::new();
        let mut total_secs = 0;
        // Main exercises first, in priority order; all-round extras only when every main exercise fitted.
        for candidate in candidates.iter().filter(|c| !c.extra) {
            let secs = estimate_exercise_secs(&dose_for(
                candidate.exercise,
                &phase.dose,
                &candidate.why,
                1,
            ));
            if total_secs + secs <= limit_secs {
                total_secs += secs;
                chosen.push(candidate);
            } else {
                dropped.push(candidate.exercise.name.as_str());
            }
        }
        if dropped.is_empty() {
            for candidate in candidates.iter().filter(|c| c.extra) {
                let secs = estimate_exercise_secs(&dose_for(
                    candidate.exercise,
                    &phase.dose,
                    &candidate.why,
                    1,
                ));
                if total_secs + secs <= limit_secs {
                    total_secs += secs;
                    chosen.push(candidate);
                }
            }
        }
        if chosen.iter().all(|c| c.extra) {
            let shortest = candidates
                .iter()
                .filter(|c| !c.extra)
                .map(|c| estimate_exercise_secs(&dose_for(c.exercise, &phase.dose, &c.why, 1)))
                .min()
                .unwrap_or(0);
            return Err(GenerateError::SessionTooShort {
                session_minutes: options.session_minutes,
                needed_minutes: shortest.div_ceil(60),
            });
        }
        if !dropped.is_empty() {
            let them = if dropped.len() == 1 { "it" } else { "them" };
            schedule_notes.push(format!(
                "{label}: to fit {} minutes, left out {}. A longer session would include {them}.",
                options.session_minutes,
                dropped.join(", ")
            ));
        }
        let days = match phase.schedule {
            Schedule::EveryOfferedDay => offered.clone(),
            Schedule::Spread {
                target,
                minimum,
                studied,
            } => {
                let (days, notes) = spread_days(&offered, target, minimum, studied, &label);
                schedule_notes.extend(notes);
                days
            }
        };
        resolved.push(Resolved {
            phase,
            exercises: chosen.iter().map(|c| (c.exercise, c.why.clone())).collect(),
            days,
        });
    }

    let mut plan = Plan::new(
        format!("{} — {} weeks", condition.lay_name, week_count),
        options.start_date,
        week_count,
    );
    plan.condition_id = Some(options.condition_id.clone());
    for week in 0..week_count {
        let Some(current) = resolved.iter().rev().find(|r| r.phase.first_week <= week) else {
            continue;
        };
        let hsr_week = week - current.phase.first_week + 1;
        for day in &current.days {
            if plan
                .date_of(week, *day)
                .is_some_and(|date| date < options.start_date)
            {
                continue;
            }
            for (exercise, why) in &current.exercises {
                plan.add_exercise(
                    week,
                    *day,
                    dose_for(exercise, &current.phase.dose, why, hsr_week),
                );
            }
        }
    }
    plan.intended_sessions_per_week = plan
        .weeks
        .iter()
        .map(|w| session_count(w, content))
        .max()
        .unwrap_or(0);

    let thresholds = PainThresholds::for_condition(&options.condition_id);
    plan.notes.push(programme.summary.to_owned());
    plan.notes
        .push(format!("Pain guide: {}", thresholds.describe()));
    plan.notes.extend(schedule_notes);
    plan.notes
        .extend(programme.extra_notes.iter().map(|n| (*n).to_owned()));
    let heavy_slow = resolved
        .iter()
        .any(|r| matches!(r.phase.dose, PhaseDose::HeavySlow));
    if heavy_slow
        && !LOADING_EQUIPMENT
            .iter()
            .any(|e| options.equipment.contains(e))
    {
        plan.notes.push(
            "Heavy slow resistance needs real load: the protocol used weights you could lift only 15 down to 6 \
             times. Without dumbbells, a barbell or a leg press, bodyweight squats are a start but will soon be \
             too light; a gym or a physiotherapist can help."
                .to_owned(),
        );
    }
    plan.notes.push(
        "An educational starting point, not a prescription: a physiotherapist can tailor it to you. Stop and get \
         assessed if a red flag appears."
            .to_owned(),
    );
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::ExerciseKind;
    use crate::planner::coverage::{PlanWarning, plan_warnings};
    use crate::planner::duration::estimate_session_secs;

    fn content() -> Content {
        Content::embedded().unwrap()
    }

    /// Monday 2026-01-05.
    fn monday() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()
    }

    fn options(
        condition: &str,
        days: &[usize],
        minutes: u16,
        equipment: &[Equipment],
    ) -> GenerateOptions {
        GenerateOptions {
            days: days.to_vec(),
            session_minutes: minutes,
            equipment: equipment.iter().copied().collect(),
            ..GenerateOptions::new(condition, monday())
        }
    }

    const EQUIPMENT_CHOICES: [&[Equipment]; 3] = [
        &[],
        &[Equipment::ResistanceBand, Equipment::Strap],
        &[
            Equipment::ResistanceBand,
            Equipment::Dumbbells,
            Equipment::Barbell,
            Equipment::LegPressMachine,
            Equipment::CurlMachine,
            Equipment::DeclineBoard,
            Equipment::Strap,
        ],
    ];

    /// Days with at least one Strength-kind exercise (isometric-only days may be back to back).
    fn strength_days(plan: &Plan, content: &Content) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (w, week) in plan.weeks.iter().enumerate() {
            for (d, day) in week.days.iter().enumerate() {
                if day.exercises.iter().any(|p| {
                    content
                        .exercise(&p.exercise_id)
                        .is_some_and(|e| e.kind == ExerciseKind::Strength)
                }) {
                    out.push((w, d));
                }
            }
        }
        out
    }

    /// Checks every generated plan rule; returns a description of the first problem.
    fn check_plan(plan: &Plan, content: &Content, opts: &GenerateOptions) -> Result<(), String> {
        let condition = content.condition(&opts.condition_id).unwrap();
        let offered: BTreeSet<usize> = opts.days.iter().copied().filter(|d| *d < 7).collect();
        let offered_vec: Vec<usize> = offered.iter().copied().collect();
        let gap_possible = best_subset(&offered_vec, 2, false).is_some();
        for (w, week) in plan.weeks.iter().enumerate() {
            for (d, day) in week.days.iter().enumerate() {
                if !day.is_empty() && !offered.contains(&d) {
                    return Err(format!("week {w} day {d} was not offered"));
                }
                let secs = estimate_session_secs(day);
                if secs > u32::from(opts.session_minutes) * 60 {
                    return Err(format!("week {w} day {d} takes {secs} s"));
                }
                for p in &day.exercises {
                    let e = content
                        .exercise(&p.exercise_id)
                        .ok_or(format!("unknown exercise {}", p.exercise_id))?;
                    if !counts_as_work(e.kind) {
                        return Err(format!("{} is not strength work", e.id));
                    }
                    if !(serves_condition(e, condition) || e.conditions.is_empty()) {
                        return Err(format!("{} does not serve {}", e.id, condition.id));
                    }
                    if !equipment_available(e, &opts.equipment) {
                        return Err(format!("{} needs equipment", e.id));
                    }
                    if p.why.is_empty() {
                        return Err(format!("{} has no why", e.id));
                    }
                    check_dose(p).map_err(|m| format!("week {w} day {d} {}: {m}", e.id))?;
                }
            }
        }
        if gap_possible {
            let days = strength_days(plan, content);
            for pair in days.windows(2) {
                let (a, b) = (pair[0].0 * 7 + pair[0].1, pair[1].0 * 7 + pair[1].1);
                if b == a + 1 {
                    return Err(format!(
                        "back-to-back strength days {:?} and {:?}",
                        pair[0], pair[1]
                    ));
                }
            }
        }
        if plan_warnings(plan, content)
            .iter()
            .any(|(_, w)| matches!(w, PlanWarning::TooManySessions { .. }))
        {
            return Err("more sessions than intended".into());
        }
        Ok(())
    }

    /// Doses inside the evidence ranges.
    fn check_dose(p: &PlannedExercise) -> Result<(), String> {
        if p.tempo == Some(HSR_TEMPO) && p.sets == HSR_SETS {
            let reps = p.reps.ok_or("HSR without reps")?;
            if ![15, 12, 10, 8, 6].contains(&reps) || p.rep_range != Some((reps, reps)) {
                return Err(format!("HSR reps {reps}"));
            }
            if !(120..=180).contains(&p.rest_secs) {
                return Err(format!("HSR rest {}", p.rest_secs));
            }
            return Ok(());
        }
        match (p.reps, p.hold_secs) {
            (Some(reps), _) => {
                let (low, high) = p.rep_range.ok_or("no rep range")?;
                if !(2..=3).contains(&p.sets)
                    || !(8..=15).contains(&low)
                    || !(8..=15).contains(&high)
                {
                    return Err(format!("{} × {reps} ({low}–{high})", p.sets));
                }
                if reps != low {
                    return Err("does not start at the bottom of the range".into());
                }
            }
            (None, Some(hold)) => {
                if !(2..=5).contains(&p.sets) || !(20..=60).contains(&hold) {
                    return Err(format!("{} × {hold} s", p.sets));
                }
            }
            (None, None) => return Err("no reps or hold".into()),
        }
        Ok(())
    }

    #[test]
    fn every_equipment_is_either_assumed_or_asked_about() {
        let content = Content::embedded().unwrap();
        for equipment in content.exercises.iter().flat_map(|e| &e.equipment) {
            let assumed = ALWAYS_AVAILABLE.contains(equipment);
            let asked = OPTIONAL_EQUIPMENT.contains(equipment);
            assert!(assumed != asked, "{equipment:?}");
        }
    }

    #[test]
    fn hsr_table_steps_down_weekly() {
        let expected = [15, 12, 12, 10, 10, 8, 8, 8, 6, 6, 6, 6, 6];
        for (i, reps) in expected.iter().enumerate() {
            assert_eq!(hsr_reps_for_week(i + 1), *reps, "HSR week {}", i + 1);
        }
        assert_eq!(hsr_reps_for_week(0), 15);
        assert_eq!(hsr_reps_for_week(40), 6);
    }

    #[test]
    fn every_condition_day_and_equipment_choice_gives_a_valid_plan() {
        let c = content();
        let mut checked = 0;
        for condition in supported_conditions() {
            for mask in 1u32..128 {
                let days: Vec<usize> = (0..7).filter(|d| mask & (1 << d) != 0).collect();
                for equipment in EQUIPMENT_CHOICES {
                    for minutes in [30, 45, 60] {
                        let opts = options(condition, &days, minutes, equipment);
                        let plan = match generate_programme(&c, &opts) {
                            Ok(p) => p,
                            Err(e) => panic!("{condition} {days:?} {equipment:?} {minutes}: {e}"),
                        };
                        if let Err(problem) = check_plan(&plan, &c, &opts) {
                            panic!(
                                "{condition} days {days:?} {equipment:?} {minutes} min: {problem}"
                            );
                        }
                        checked += 1;
                    }
                }
            }
        }
        assert_eq!(checked, 5 * 127 * 3 * 3);
    }

    #[test]
    fn patellar_tendinopathy_is_isometrics_then_heavy_slow_resistance() {
        let c = content();
        let opts = options(
            "patellar_tendinopathy",
            &[0, 1, 2, 3, 4, 5, 6],
            60,
            EQUIPMENT_CHOICES[2],
        );
        let plan = generate_programme(&c, &opts).unwrap();
        assert_eq!(plan.weeks.len(), 12);
        // Weeks 1–2: holds every offered day, spanish squat preferred when a strap or band is available.
        for week in 0..2 {
            for day in 0..7 {
                let exercises = &plan.weeks[week].days[day].exercises;
                assert_eq!(exercises.len(), 1);
                let p = &exercises[0];
                assert_eq!(p.exercise_id, "spanish_squat");
                assert_eq!((p.sets, p.hold_secs, p.reps), (5, Some(45), None));
                assert!(p.why.contains("70%"), "{}", p.why);
            }
        }
        // Weeks 3–12: three spread sessions, 4 sets, reps from the table.
        for week in 2..12 {
            let days: Vec<usize> = (0..7)
                .filter(|d| !plan.weeks[week].days[*d].is_empty())
                .collect();
            assert_eq!(days, [0, 2, 4], "week {week}");
            let p = &plan.weeks[week].days[0].exercises[0];
            assert_eq!(p.exercise_id, "hsr_leg_press");
            assert_eq!(p.sets, 4);
            assert_eq!(p.reps, Some(hsr_reps_for_week(week - 1)));
            assert_eq!(p.tempo, Some(HSR_TEMPO));
            assert_eq!(p.rest_secs, 150);
        }
        let reps: Vec<u8> = (2..12)
            .map(|w| plan.weeks[w].days[0].exercises[0].reps.unwrap())
            .collect();
        assert_eq!(reps, [15, 12, 12, 10, 10, 8, 8, 8, 6, 6]);
        // Without a strap or band: wall sits; without weights: a note about load.
        let plan =
            generate_programme(&c, &options("patellar_tendinopathy", &[0, 2, 4], 45, &[])).unwrap();
        assert_eq!(plan.weeks[0].days[0].exercises[0].exercise_id, "wall_sit");
        assert_eq!(plan.weeks[2].days[0].exercises[0].exercise_id, "squat");
        assert!(plan.notes.iter().any(|n| n.contains("needs real load")));
    }

    #[test]
    fn patellofemoral_combines_hip_and_knee() {
        let c = content();
        let opts = options(
            "patellofemoral_pain",
            &[0, 2, 4],
            45,
            &[Equipment::ResistanceBand],
        );
        let plan = generate_programme(&c, &opts).unwrap();
        assert_eq!(plan.weeks.len(), 6);
        assert_eq!(plan.condition_id.as_deref(), Some("patellofemoral_pain"));
        for week in &plan.weeks {
            for day in week.days.iter().filter(|d| !d.is_empty()) {
                let groups: BTreeSet<MuscleGroup> = day
                    .exercises
                    .iter()
                    .flat_map(|p| c.exercise(&p.exercise_id).unwrap().muscle_groups.clone())
                    .collect();
                assert!(groups.contains(&MuscleGroup::HipAbductors), "{day:?}");
                assert!(groups.contains(&MuscleGroup::Quads), "{day:?}");
                for p in &day.exercises {
                    if p.reps.is_some() {
                        assert_eq!((p.sets, p.reps, p.rep_range), (3, Some(10), Some((10, 15))));
                    }
                }
            }
        }
        let first = &plan.weeks[0].days[0].exercises[0];
        assert_eq!(first.why, "Hip abductor strength — runner's knee");
        let week3 = &plan.weeks[2].days[0].exercises[0];
        assert_eq!(week3.exercise_id, "banded_hip_abduction");
        // More weeks are allowed; fewer are raised to the evidence length.
        let long = generate_programme(
            &c,
            &GenerateOptions {
                weeks: Some(10),
                ..opts.clone()
            },
        )
        .unwrap();
        assert_eq!(long.weeks.len(), 10);
        assert_eq!(
            long.weeks[6].days[0].exercises[0].exercise_id,
            "single_leg_squat"
        );
        let short = generate_programme(
            &c,
            &GenerateOptions {
                weeks: Some(2),
                ..opts
            },
        )
        .unwrap();
        assert_eq!(short.weeks.len(), 6);
    }

    #[test]
    fn it_band_works_hip_abductors() {
        let c = content();
        let plan =
            generate_programme(&c, &options("it_band_syndrome", &[1, 3, 5], 45, &[])).unwrap();
        assert_eq!(plan.weeks.len(), 6);
        let day = &plan.weeks[0].days[1];
        let ids: Vec<&str> = day
            .exercises
            .iter()
            .map(|p| p.exercise_id.as_str())
            .collect();
        assert_eq!(ids[..3], ["side_leg_raise", "clamshell", "glute_bridge"]);
        // With time to spare, all-round extras follow, labelled as such.
        assert_eq!(ids[3..], ["calf_raise", "plank"]);
        assert_eq!(
            day.exercises[3].why,
            "General calves strength for running — an extra, not specific to IT band syndrome"
        );
        assert_eq!(
            day.exercises[0].why,
            "Hip abductor strength — IT band syndrome"
        );
        // Without a band, the banded abduction falls back to a mat exercise.
        assert!(
            plan.weeks[2].days[1]
                .exercises
                .iter()
                .all(|p| p.exercise_id != "banded_hip_abduction")
        );
    }

    #[test]
    fn meniscus_runs_twelve_weeks() {
        let c = content();
        let plan = generate_programme(&c, &options("meniscus_tear", &[0, 2, 4], 45, &[])).unwrap();
        assert_eq!(plan.weeks.len(), 12);
        let sessions: Vec<u8> = plan.weeks.iter().map(|w| session_count(w, &c)).collect();
        assert!(sessions.iter().all(|s| (2..=3).contains(s)), "{sessions:?}");
        assert!(plan.notes.iter().any(|n| n.contains("Kise 2016")));
    }

    #[test]
    fn osteoarthritis_is_twice_a_week_with_cardio_advice() {
        let c = content();
        let plan = generate_programme(
            &c,
            &options("knee_osteoarthritis", &[0, 1, 2, 3, 4], 45, &[]),
        )
        .unwrap();
        assert_eq!(plan.weeks.len(), 6);
        for week in &plan.weeks {
            assert_eq!(session_count(week, &c), 2);
        }
        assert_eq!(plan.intended_sessions_per_week, 2);
        assert!(
            plan.notes
                .iter()
                .any(|n| n.contains("cycling, swimming or an elliptical"))
        );
        assert!(plan.notes.iter().any(|n| n.contains("5/10 or less")));
    }

    #[test]
    fn days_are_spread_and_compromises_noted() {
        assert_eq!(
            spread_days(&[0, 1, 2, 3, 4, 5, 6], 3, 2, "x", "l").0,
            [0, 2, 4]
        );
        assert_eq!(
            spread_days(&[0, 1, 2, 3, 4, 5, 6], 2, 2, "x", "l").0,
            [0, 3]
        );
        assert_eq!(spread_days(&[0, 1, 2, 3], 3, 2, "x", "l").0, [0, 3]);
        // Sunday and Monday are back to back.
        assert_eq!(spread_days(&[0, 2, 4, 6], 3, 2, "x", "l").0, [0, 2, 4]);
        let (days, notes) = spread_days(&[5, 6], 3, 2, "2–3 sessions a week", "Weeks 1–2 (A)");
        assert_eq!(days, [5, 6]);
        assert!(
            notes[0].contains("back-to-back days (Saturday, Sunday)"),
            "{notes:?}"
        );
        let (days, notes) = spread_days(&[3], 3, 2, "2–3 sessions a week", "Weeks 1–2 (A)");
        assert_eq!(days, [3]);
        assert!(
            notes[0].contains("1 session a week on Thursday"),
            "{notes:?}"
        );
    }

    #[test]
    fn consecutive_only_days_are_used_with_a_warning() {
        let c = content();
        let plan =
            generate_programme(&c, &options("patellofemoral_pain", &[5, 6], 45, &[])).unwrap();
        assert!(!plan.weeks[0].days[5].is_empty() && !plan.weeks[0].days[6].is_empty());
        assert!(
            plan.notes.iter().any(|n| n.contains("back-to-back")),
            "{:?}",
            plan.notes
        );
    }

    #[test]
    fn short_sessions_drop_low_priority_exercises_or_fail() {
        let c = content();
        let plan =
            generate_programme(&c, &options("patellofemoral_pain", &[0, 3], 15, &[])).unwrap();
        for week in &plan.weeks {
            for day in &week.days {
                assert!(estimate_session_secs(day) <= 15 * 60);
            }
        }
        assert!(
            plan.notes
                .iter()
                .any(|n| n.contains("to fit 15 minutes, left out")),
            "{:?}",
            plan.notes
        );
        let err = generate_programme(&c, &options("patellar_tendinopathy", &[0, 2, 4], 5, &[]))
            .unwrap_err();
        assert!(
            matches!(
                err,
                GenerateError::SessionTooShort {
                    session_minutes: 5,
                    ..
                }
            ),
            "{err}"
        );
    }

    #[test]
    fn a_mid_week_start_leaves_earlier_days_empty() {
        let c = content();
        let wednesday = NaiveDate::from_ymd_opt(2026, 1, 7).unwrap();
        let opts = GenerateOptions {
            start_date: wednesday,
            ..options("patellofemoral_pain", &[0, 2, 4], 45, &[])
        };
        let plan = generate_programme(&c, &opts).unwrap();
        assert!(plan.weeks[0].days[0].is_empty());
        assert!(!plan.weeks[0].days[2].is_empty());
        assert!(!plan.weeks[1].days[0].is_empty());
        assert_eq!(plan.start_date, wednesday);
    }

    #[test]
    fn errors() {
        let c = content();
        assert_eq!(
            generate_programme(&c, &options("no_such_condition", &[0], 45, &[])).unwrap_err(),
            GenerateError::UnknownCondition("no_such_condition".into())
        );
        assert_eq!(
            generate_programme(&c, &options("meniscus_tear", &[], 45, &[])).unwrap_err(),
            GenerateError::NoDays
        );
        assert_eq!(
            generate_programme(&c, &options("meniscus_tear", &[7, 9], 45, &[])).unwrap_err(),
            GenerateError::NoDays
        );
        let mut bare = c.clone();
        bare.exercises
            .retain(|e| e.id != "squat" && e.id != "hsr_leg_press" && e.id != "decline_squat");
        let err = generate_programme(
            &bare,
            &options("patellar_tendinopathy", &[0, 2, 4], 45, &[]),
        )
        .unwrap_err();
        assert_eq!(err, GenerateError::NoSuitableExercises);
    }

    #[test]
    fn programme_slots_name_exercises_that_serve_the_condition() {
        let c = content();
        for programme in &PROGRAMMES {
            let condition = c.condition(programme.condition_id).unwrap();
            for phase in programme.phases {
                for slot in phase.slots {
                    for id in slot.ids {
                        let e = c.exercise(id).unwrap_or_else(|| panic!("{id} missing"));
                        assert!(serves_condition(e, condition), "{id} / {}", condition.id);
                    }
                }
            }
        }
    }

    #[test]
    fn equipment_is_any_of_the_listed_items() {
        let c = content();
        let none = BTreeSet::new();
        let band: BTreeSet<Equipment> = [Equipment::ResistanceBand].into();
        let ok =
            |id: &str, set: &BTreeSet<Equipment>| equipment_available(c.exercise(id).unwrap(), set);
        assert!(ok("squat", &none));
        assert!(ok("clamshell", &none));
        assert!(!ok("banded_hip_abduction", &none));
        assert!(ok("banded_hip_abduction", &band));
        assert!(ok("spanish_squat", &band));
        assert!(!ok("hsr_leg_press", &band));
    }
}
