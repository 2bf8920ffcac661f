//! Generates a starter plan for a condition from its programme in `content/programmes.ron` (the same phases the
//! condition panel shows): which exercises, how many sessions a week on which days, and the dose week by week.
//!
//! Rules the generator keeps:
//! - The programme's phases in order, each on its weeks; the last phase runs on when the user asks for more weeks.
//! - No heavy-load phase for an under-16 (the programme is refused: it needs a clinician), no programme for a
//!   clinician-led condition or one outside the user's age band.
//! - Only exercises that exist in the content, are Strength or Isometric, serve the condition (listed in the
//!   exercise's `conditions` or the condition's exercise emphasis) — or, when a group the condition needs would
//!   otherwise get no work, a general strength exercise for that group. When the programme asks for all-round
//!   extras, tracked groups still left out (calves, core …) get a general exercise at the lowest priority when every main exercise fitted and time remains; its `why` says it is an all-round extra.
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

use crate::content::{
    AgeBand, Condition, Content, Equipment, Exercise, ExerciseKind, MuscleGroup, PhaseDose,
    PhaseSchedule, Programme, ProgrammePhase,
};

use super::coverage::{TRACKED_GROUPS, counts_as_work, session_count, tracked_group};
use super::duration::estimate_exercise_secs;
use super::model::{PainThresholds, Plan, PlanPhase, PlannedExercise, clamp_planned, day_name};

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

/// Fewest strength sessions a week worth spreading; below this, consecutive days are used (with a note) if the
/// offered days allow no gap.
pub const MIN_SESSIONS_PER_WEEK: usize = 2;

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
    /// Programme length; `None` for the length the evidence used. Longer is allowed (up to [`MAX_PLAN_WEEKS`](crate::limits::MAX_PLAN_WEEKS)),
    /// shorter is raised to the evidence length.
    pub weeks: Option<u8>,
    /// The user's age band, when given: under-16s get no heavy-load phases.
    pub age_band: Option<AgeBand>,
    /// Whether the age question was answered (a band, or "prefer not to say"). A programme with a heavy-load
    /// phase is not made before it is.
    pub age_answered: bool,
    /// With "prefer not to say": the runner confirmed being 16 or over, which a heavy-load phase needs.
    pub confirmed_16_or_over: bool,
}

impl GenerateOptions {
    /// Monday, Wednesday and Friday, 45-minute sessions, no extra equipment, the evidence length.
    pub fn new(condition_id: impl Into<String>, start_date: NaiveDate) -> Self {
        Self {
            condition_id: condition_id.into(),
            days: vec![0, 2, 4],
            session_minutes: super::data::DEFAULT_SESSION_MINUTES,
            equipment: BTreeSet::new(),
            start_date,
            weeks: None,
            age_band: None,
            age_answered: false,
            confirmed_16_or_over: false,
        }
    }
}

/// Why no programme could be made.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum GenerateError {
    #[error("there is no programme for the condition `{0}`")]
    UnknownCondition(String),
    #[error("{condition} is managed with a clinician, not a self-guided programme: {reason}")]
    ClinicianLed { condition: String, reason: String },
    #[error(
        "{condition} does not occur in the {age} age group: check the condition with a clinician"
    )]
    NotForAge { condition: String, age: String },
    #[error(
        "the \"{phase}\" phase lifts heavy loads, which under-16s should do only with a clinician: this programme needs a clinician"
    )]
    HeavyLoadUnder16 { phase: String },
    #[error(
        "the \"{phase}\" phase lifts heavy loads, which is not self-managed under 16: answer the age question (above the red-flag checklist) first"
    )]
    AgeNotAnswered { phase: String },
    #[error(
        "the \"{phase}\" phase lifts heavy loads, which is not self-managed under 16: confirm that the runner is 16 or over to include it"
    )]
    AgeNotConfirmed { phase: String },
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

/// Condition ids the generator has a programme for (those in `programmes.ron`).
pub fn supported_conditions(content: &Content) -> impl Iterator<Item = &str> {
    content.programme_condition_ids()
}

/// The evidence length of a condition's programme in weeks, if it has one.
pub fn default_weeks(content: &Content, condition_id: &str) -> Option<u8> {
    content.programme_for(condition_id).map(|p| p.default_weeks)
}

/// The exercise at the phase's dose; `phase_week` counts from 1 within the phase (heavy slow resistance steps
/// its repetition target by it).
fn dose_for(
    exercise: &Exercise,
    dose: &PhaseDose,
    why: &str,
    phase_week: usize,
) -> PlannedExercise {
    let mut planned = PlannedExercise::from_default_dose(exercise, why.to_owned());
    match dose {
        PhaseDose::Standard {
            sets,
            reps: (low, high),
            hold_sets,
            hold_secs,
        } => {
            if planned.reps.is_some() {
                planned.sets = *sets;
                planned.reps = Some(*low);
                planned.rep_range = Some((*low, *high));
            } else if planned.hold_secs.is_some() {
                planned.sets = *hold_sets;
                planned.hold_secs = Some(*hold_secs);
            }
        }
        PhaseDose::Isometric {
            sets,
            hold_secs,
            rest_secs,
        } => {
            if planned.reps.is_none() && planned.hold_secs.is_some() {
                planned.sets = *sets;
                planned.hold_secs = Some(*hold_secs);
                planned.rest_secs = *rest_secs;
            }
        }
        PhaseDose::HeavySlow {
            sets,
            rest_secs,
            tempo,
            ..
        } => {
            if planned.reps.is_some()
                && let Some(reps) = dose.heavy_slow_reps(phase_week)
            {
                planned.sets = *sets;
                planned.reps = Some(reps);
                planned.rep_range = Some((reps, reps));
                planned.hold_secs = None;
                planned.tempo = Some(*tempo);
                planned.rest_secs = *rest_secs;
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
    phase: &ProgrammePhase,
    equipment: &BTreeSet<Equipment>,
) -> Vec<Candidate<'c>> {
    let usable = |e: &Exercise| counts_as_work(e.kind) && equipment_available(e, equipment);
    let mut out: Vec<Candidate<'c>> = Vec::new();
    let unused = |out: &[Candidate<'c>], e: &Exercise| !out.iter().any(|c| c.exercise.id == e.id);
    for slot in &phase.slots {
        let pick = slot
            .exercises
            .iter()
            .filter_map(|id| content.exercise(id))
            .find(|e| usable(e) && serves_condition(e, condition) && unused(&out, e));
        if let Some(exercise) = pick {
            out.push(Candidate {
                exercise,
                why: format!("{} — {}", slot.reason, programme.phrase),
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
    for group in &programme.needed_groups {
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
        .filter(|mask| mask.count_ones() as usize == size) // at most 32 bits set
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
    phase: &'p ProgrammePhase,
    /// 0-based plan weeks `first_week_index..end_week_index`.
    first_week_index: usize,
    end_week_index: usize,
    exercises: Vec<(&'c Exercise, String)>,
    days: Vec<usize>,
}

/// The phases that fall within `week_count` weeks, as 0-based `(phase, first, end)` week ranges: each phase runs
/// to the week before the next one starts, and the last runs to the end of the plan.
fn phase_ranges(programme: &Programme, week_count: usize) -> Vec<(&ProgrammePhase, usize, usize)> {
    let starts: Vec<usize> = programme
        .phases
        .iter()
        .map(|p| usize::from(p.first_week.max(1)) - 1)
        .collect();
    programme
        .phases
        .iter()
        .zip(&starts)
        .enumerate()
        .filter(|(_, (_, first))| **first < week_count)
        .map(|(index, (phase, first))| {
            let end = starts
                .get(index + 1)
                .copied()
                .unwrap_or(week_count)
                .min(week_count);
            (phase, *first, end)
        })
        .collect()
}

/// Puts each resolved phase's exercises on its training days, week by week, skipping days before `start_date`.
fn lay_out(
    plan: &mut Plan,
    content: &Content,
    resolved: &[Resolved<'_, '_>],
    offered: &[usize],
    start_date: NaiveDate,
) {
    let gap_possible = best_subset(offered, MIN_SESSIONS_PER_WEEK, false).is_some();
    let is_strength = |e: &Exercise| e.kind == ExerciseKind::Strength;
    for current in resolved {
        let strength_phase = current.exercises.iter().any(|(e, _)| is_strength(e));
        for week in current.first_week_index..current.end_week_index {
            let phase_week = week - current.first_week_index + 1;
            for day in &current.days {
                if plan
                    .date_of(week, *day)
                    .is_some_and(|date| date < start_date)
                {
                    continue;
                }
                // Where a phase ends with a Sunday session and the next starts on Monday, skip that Monday
                // once so strength days stay apart (unless the offered days allow no gap anyway).
                let after_sunday_strength = week == current.first_week_index
                    && *day == 0
                    && week > 0
                    && plan.weeks[week - 1].days[6]
                        .exercises
                        .iter()
                        .any(|p| content.exercise(&p.exercise_id).is_some_and(is_strength));
                if gap_possible && strength_phase && after_sunday_strength {
                    continue;
                }
                for (exercise, why) in &current.exercises {
                    plan.add_exercise(
                        week,
                        *day,
                        dose_for(exercise, &current.phase.dose, why, phase_week),
                    );
                }
            }
        }
    }
}

/// The plan's notes: the evidence, the pain rule and its sources' explanation, schedule compromises, the
/// programme's advice, a load note for heavy slow resistance without weights, and the disclaimer.
fn add_notes(
    plan: &mut Plan,
    content: &Content,
    programme: &Programme,
    resolved: &[Resolved<'_, '_>],
    schedule_notes: Vec<String>,
    options: &GenerateOptions,
) {
    plan.notes
        .extend(programme.summary.iter().map(|c| c.text.clone()));
    plan.notes
        .push(format!("Pain guide: {}", plan.pain_thresholds.describe()));
    plan.notes.extend(
        content
            .pain_monitoring
            .explanation
            .iter()
            .map(|c| c.text.clone()),
    );
    plan.notes.extend(schedule_notes);
    plan.notes
        .extend(programme.notes.iter().map(|c| c.text.clone()));
    let heaviest_target = resolved
        .iter()
        .filter_map(|r| match &r.phase.dose {
            PhaseDose::HeavySlow { rm_steps, .. } => rm_steps.iter().map(|(_, reps)| *reps).min(),
            _ => None,
        })
        .min();
    if let Some(reps) = heaviest_target
        && !LOADING_EQUIPMENT
            .iter()
            .any(|e| options.equipment.contains(e))
    {
        plan.notes.push(format!(
            "Heavy slow resistance needs real load: by its last weeks the target is {reps} repetitions with a \
             weight you could lift only one or two more times. Without dumbbells, a barbell or a leg press, \
             bodyweight squats are a start but will soon be too light; a gym or a physiotherapist can help."
        ));
    }
    plan.notes.push(
        "An educational starting point, not a prescription: a physiotherapist can tailor it to you. Stop and get \
         assessed if a red flag appears."
            .to_owned(),
    );
}

/// The exercises of one session with their `why`, and the names of main exercises left out for time.
type FittedSession<'c> = (Vec<(&'c Exercise, String)>, Vec<&'c str>);

/// The candidates that fit one session of `session_minutes` at `dose`, and the names of main exercises left out.
/// Main exercises go first, in priority order; all-round extras only when every main exercise fitted. The phase's
/// first (longest) week is what must fit; later heavy-slow weeks have fewer reps, so they fit too.
fn fit_session<'c>(
    candidates: &[Candidate<'c>],
    dose: &PhaseDose,
    session_minutes: u16,
) -> Result<FittedSession<'c>, GenerateError> {
    let limit_secs = u32::from(session_minutes) * 60;
    let secs_of =
        |c: &Candidate<'_>| estimate_exercise_secs(&dose_for(c.exercise, dose, &c.why, 1));
    let mut chosen: Vec<&Candidate<'c>> = Vec::new();
    let mut dropped: Vec<&'c str> = Vec::new();
    let mut total_secs = 0;
    for candidate in candidates.iter().filter(|c| !c.extra) {
        let secs = secs_of(candidate);
        if total_secs + secs <= limit_secs {
            total_secs += secs;
            chosen.push(candidate);
        } else {
            dropped.push(candidate.exercise.name.as_str());
        }
    }
    if dropped.is_empty() {
        for candidate in candidates.iter().filter(|c| c.extra) {
            let secs = secs_of(candidate);
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
            .map(secs_of)
            .min()
            .unwrap_or(0);
        return Err(GenerateError::SessionTooShort {
            session_minutes,
            needed_minutes: shortest.div_ceil(60),
        });
    }
    let chosen = chosen
        .into_iter()
        .map(|c| (c.exercise, c.why.clone()))
        .collect();
    Ok((chosen, dropped))
}

/// Makes a programme for `options.condition_id` from its programme in `programmes.ron`. See the module docs
/// for the rules. The plan's `intended_sessions_per_week` is the most sessions any week has (the daily isometric
/// weeks of a tendon programme can have more than its 3 strength sessions), so a fresh plan raises no "too many
/// sessions" warning.
///
/// # Errors
/// The condition is unknown, clinician-led or outside the user's age band; a heavy-load phase for an under-16;
/// no training day; no exercise possible with the equipment; or sessions too short for any exercise.
pub fn generate_programme(
    content: &Content,
    options: &GenerateOptions,
) -> Result<Plan, GenerateError> {
    let unknown = || GenerateError::UnknownCondition(options.condition_id.clone());
    let condition = content
        .condition(&options.condition_id)
        .ok_or_else(unknown)?;
    if let Some(band) = options.age_band
        && !condition.applies_to_age(band)
    {
        return Err(GenerateError::NotForAge {
            condition: condition.lay_name.clone(),
            age: band.label().to_owned(),
        });
    }
    let Some(programme) = content.programme_for(&options.condition_id) else {
        return Err(match &condition.clinician_led {
            Some(reason) => GenerateError::ClinicianLed {
                condition: condition.lay_name.clone(),
                reason: reason.clone(),
            },
            None => unknown(),
        });
    };
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
    let weeks = options.weeks.map_or(programme.default_weeks, |w| {
        let most = u8::try_from(crate::limits::MAX_PLAN_WEEKS).unwrap_or(u8::MAX);
        w.clamp(programme.default_weeks, most)
    });
    let week_count = usize::from(weeks);
    let phases = phase_ranges(programme, week_count);
    if let Some((heavy, _, _)) = phases.iter().find(|(p, _, _)| p.heavy_load) {
        let phase = heavy.name.clone();
        match options.age_band {
            Some(AgeBand::Under16) => return Err(GenerateError::HeavyLoadUnder16 { phase }),
            None if !options.age_answered => return Err(GenerateError::AgeNotAnswered { phase }),
            None if !options.confirmed_16_or_over => {
                return Err(GenerateError::AgeNotConfirmed { phase });
            }
            Some(_) | None => {}
        }
    }

    let mut schedule_notes: Vec<String> = Vec::new();
    let mut resolved: Vec<Resolved> = Vec::new();
    for (phase, first, end) in phases {
        let label = format!("{} ({})", weeks_label(first, end), phase.name);
        let candidates = resolve_slots(content, condition, programme, phase, &options.equipment);
        if candidates.iter().all(|c| c.extra) {
            return Err(GenerateError::NoSuitableExercises);
        }
        let (chosen, dropped) = fit_session(&candidates, &phase.dose, options.session_minutes)?;
        if !dropped.is_empty() {
            let them = if dropped.len() == 1 { "it" } else { "them" };
            schedule_notes.push(format!(
                "{label}: to fit {} minutes, left out {}. A longer session would include {them}.",
                options.session_minutes,
                dropped.join(", ")
            ));
        }
        let days = match phase.schedule {
            PhaseSchedule::EveryOfferedDay => offered.clone(),
            PhaseSchedule::Spread {
                sessions_per_week,
                at_least,
            } => {
                let studied = phase.schedule.label();
                let (days, notes) = spread_days(
                    &offered,
                    usize::from(sessions_per_week),
                    usize::from(at_least),
                    &studied,
                    &label,
                );
                schedule_notes.extend(notes);
                days
            }
        };
        resolved.push(Resolved {
            phase,
            first_week_index: first,
            end_week_index: end,
            exercises: chosen,
            days,
        });
    }

    let mut plan = Plan::new(
        format!("{} — {} weeks", condition.lay_name, week_count),
        options.start_date,
        week_count,
    );
    plan.condition_id = Some(options.condition_id.clone());
    lay_out(&mut plan, content, &resolved, &offered, options.start_date);
    plan.phases = resolved
        .iter()
        .map(|r| PlanPhase {
            name: r.phase.name.clone(),
            first_week_index: r.first_week_index,
            last_week_index: r.end_week_index.saturating_sub(1),
            heavy_load: r.phase.heavy_load,
            start_criteria: r.phase.start_when.clone(),
            started_on: None,
        })
        .collect();
    plan.intended_sessions_per_week = plan
        .weeks
        .iter()
        .map(|w| session_count(w, content))
        .max()
        .unwrap_or(0);

    plan.pain_thresholds = PainThresholds::for_condition(content, &options.condition_id);
    add_notes(
        &mut plan,
        content,
        programme,
        &resolved,
        schedule_notes,
        options,
    );
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Tempo;
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
            age_band: Some(AgeBand::Age16To39),
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

    /// The tendinopathy programme's heavy slow dose, from the content.
    fn heavy_slow(content: &Content) -> PhaseDose {
        content
            .programme_for("patellar_tendinopathy")
            .unwrap()
            .phases
            .iter()
            .find(|p| p.heavy_load)
            .unwrap()
            .dose
            .clone()
    }

    /// Doses inside the evidence ranges.
    fn check_dose(p: &PlannedExercise) -> Result<(), String> {
        let hsr_tempo = Tempo {
            lower_secs: 3,
            pause_secs: 0,
            lift_secs: 3,
        };
        if p.tempo == Some(hsr_tempo) && p.sets == 4 {
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
        let dose = heavy_slow(&content());
        let expected = [15, 12, 12, 10, 10, 8, 8, 8, 6, 6, 6, 6, 6];
        for (i, reps) in expected.iter().enumerate() {
            assert_eq!(
                dose.heavy_slow_reps(i + 1),
                Some(*reps),
                "HSR week {}",
                i + 1
            );
        }
        assert_eq!(dose.heavy_slow_reps(0), Some(15));
        assert_eq!(dose.heavy_slow_reps(40), Some(6));
    }

    #[test]
    fn every_condition_day_and_equipment_choice_gives_a_valid_plan() {
        let c = content();
        let mut checked = 0;
        let ids: Vec<String> = supported_conditions(&c).map(str::to_owned).collect();
        assert_eq!(ids.len(), 5);
        for condition in &ids {
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
        assert_eq!(checked, ids.len() * 127 * 3 * 3);
    }

    #[test]
    fn patellar_tendinopathy_follows_its_four_stages() {
        let c = content();
        let dose = heavy_slow(&c);
        let opts = options(
            "patellar_tendinopathy",
            &[0, 1, 2, 3, 4, 5, 6],
            60,
            EQUIPMENT_CHOICES[2],
        );
        let plan = generate_programme(&c, &opts).unwrap();
        assert_eq!(plan.weeks.len(), 20);
        let names: Vec<&str> = plan.phases.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Isometric holds",
                "Slow strength (isotonic)",
                "Heavy slow resistance (HSR)",
                "Springy loading and running"
            ]
        );
        let weeks: Vec<(usize, usize)> = plan
            .phases
            .iter()
            .map(|p| (p.first_week_index, p.last_week_index))
            .collect();
        assert_eq!(weeks, [(0, 1), (2, 3), (4, 15), (16, 19)]);
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
        // Weeks 3–4: isotonic, three spread sessions of 3 × 10–15, no heavy tempo yet.
        for week in 2..4 {
            let p = &plan.weeks[week].days[0].exercises[0];
            assert_eq!(p.exercise_id, "hsr_leg_press");
            assert_eq!((p.sets, p.reps, p.rep_range), (3, Some(10), Some((10, 15))));
        }
        // Weeks 5–16 (12 weeks, as Kongsgaard's protocol): three spread sessions, 4 sets, reps from the table
        // counted from the phase's first week.
        for week in 4..16 {
            let days: Vec<usize> = (0..7)
                .filter(|d| !plan.weeks[week].days[*d].is_empty())
                .collect();
            assert_eq!(days, [0, 2, 4], "week {week}");
            let p = &plan.weeks[week].days[0].exercises[0];
            assert_eq!(p.exercise_id, "hsr_leg_press");
            assert_eq!(p.sets, 4);
            assert_eq!(p.reps, dose.heavy_slow_reps(week - 3));
            assert_eq!(p.rest_secs, 150);
            // The decline squat is not part of the HSR protocol (it was Kongsgaard's comparison arm).
            assert!(
                plan.weeks[week].days[0]
                    .exercises
                    .iter()
                    .all(|p| p.exercise_id != "decline_squat")
            );
        }
        let reps: Vec<u8> = (4..16)
            .map(|w| plan.weeks[w].days[0].exercises[0].reps.unwrap())
            .collect();
        assert_eq!(reps, [15, 12, 12, 10, 10, 8, 8, 8, 6, 6, 6, 6]);
        // Weeks 17–20: two sessions a week.
        for week in 16..20 {
            assert_eq!(session_count(&plan.weeks[week], &c), 2, "week {week}");
        }
        assert!(plan.notes.iter().any(|n| n.contains("in reserve")));
        assert!(plan.notes.iter().any(|n| n.contains("safety bars")));
        // Without a strap or band: wall sits; without weights: a note about load.
        let plan =
            generate_programme(&c, &options("patellar_tendinopathy", &[0, 2, 4], 45, &[])).unwrap();
        assert_eq!(plan.weeks[0].days[0].exercises[0].exercise_id, "wall_sit");
        assert_eq!(plan.weeks[4].days[0].exercises[0].exercise_id, "squat");
        assert!(plan.notes.iter().any(|n| n.contains("needs real load")));
    }

    #[test]
    fn a_heavy_load_programme_waits_for_the_age_answer() {
        let c = content();
        let unasked = GenerateOptions {
            age_band: None,
            ..options("patellar_tendinopathy", &[0, 2, 4], 45, &[])
        };
        let phase = "Heavy slow resistance (HSR)".to_owned();
        assert_eq!(
            generate_programme(&c, &unasked).unwrap_err(),
            GenerateError::AgeNotAnswered {
                phase: phase.clone()
            }
        );
        // "Prefer not to say" needs the 16-or-over confirmation.
        let private = GenerateOptions {
            age_answered: true,
            ..unasked.clone()
        };
        assert_eq!(
            generate_programme(&c, &private).unwrap_err(),
            GenerateError::AgeNotConfirmed { phase }
        );
        let confirmed = GenerateOptions {
            confirmed_16_or_over: true,
            ..private
        };
        assert!(generate_programme(&c, &confirmed).is_ok());
        // A programme without a heavy phase needs no age.
        let plain = GenerateOptions {
            age_band: None,
            ..options("patellofemoral_pain", &[0, 2, 4], 45, &[])
        };
        assert!(generate_programme(&c, &plain).is_ok());
    }

    #[test]
    fn under_16s_get_no_heavy_load_and_no_clinician_led_programme() {
        let c = content();
        let young = |condition: &str| GenerateOptions {
            age_band: Some(AgeBand::Under16),
            ..options(condition, &[0, 2, 4], 45, &[])
        };
        let err = generate_programme(&c, &young("patellar_tendinopathy")).unwrap_err();
        assert_eq!(
            err,
            GenerateError::HeavyLoadUnder16 {
                phase: "Heavy slow resistance (HSR)".into()
            }
        );
        assert!(err.to_string().contains("needs a clinician"), "{err}");
        // Adults get the same programme.
        let adult = GenerateOptions {
            age_band: Some(AgeBand::Age16To39),
            ..young("patellar_tendinopathy")
        };
        assert!(generate_programme(&c, &adult).is_ok());
        // Programmes without heavy load are fine for under-16s.
        let plan = generate_programme(&c, &young("patellofemoral_pain")).unwrap();
        assert!(plan.phases.iter().all(|p| !p.heavy_load));
        // A clinician-led condition has no programme; the reason is given.
        let mut led = c.clone();
        led.programmes.retain(|p| p.condition != "meniscus_tear");
        if let Some(condition) = led.conditions.iter_mut().find(|x| x.id == "meniscus_tear") {
            condition.clinician_led = Some("Needs an assessment first.".into());
        }
        let err = generate_programme(&led, &options("meniscus_tear", &[0], 45, &[])).unwrap_err();
        assert!(
            err.to_string().contains("Needs an assessment first."),
            "{err}"
        );
        // A condition restricted to other ages is refused for this age.
        let mut restricted = c.clone();
        if let Some(condition) = restricted
            .conditions
            .iter_mut()
            .find(|x| x.id == "knee_osteoarthritis")
        {
            condition.only_for_ages = vec![AgeBand::Age40To59, AgeBand::Age60Plus];
        }
        assert!(matches!(
            generate_programme(&restricted, &young("knee_osteoarthritis")),
            Err(GenerateError::NotForAge { .. })
        ));
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
        // The condition describes 12 weeks and so does the programme.
        assert_eq!(plan.weeks.len(), 12);
        assert_eq!(plan.condition_id.as_deref(), Some("patellofemoral_pain"));
        for week in &plan.weeks[..6] {
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
        assert_eq!(
            plan.weeks[6].days[0].exercises[0].exercise_id,
            "single_leg_squat"
        );
        let long = generate_programme(
            &c,
            &GenerateOptions {
                weeks: Some(14),
                ..opts.clone()
            },
        )
        .unwrap();
        assert_eq!(long.weeks.len(), 14);
        assert_eq!(
            long.weeks[13].days[0].exercises[0].exercise_id,
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
        assert_eq!(short.weeks.len(), 12);
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
        assert_eq!(plan.pain_thresholds.max_during, 5);
        // The pain-monitoring explanation is content, added to every plan.
        assert!(plan.notes.iter().any(|n| n.contains("cautious")));
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
        for programme in &c.programmes {
            let condition = c.condition(&programme.condition).unwrap();
            for phase in &programme.phases {
                for id in phase.exercise_ids() {
                    let e = c.exercise(id).unwrap_or_else(|| panic!("{id} missing"));
                    assert!(serves_condition(e, condition), "{id} / {}", condition.id);
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
