//! Checks of `programmes.ron`: each programme's condition, phases in week order without gaps or overlaps,
//! schedules, doses within the planner's limits, exercise slots and the pain numbers its text states.

use std::collections::HashSet;

use super::{Checker, Kind, check_claims, check_ids, quoted};
use crate::content::Content;
use crate::content::load::ContentFileKind as File;
use crate::content::model::{ExerciseKind, PhaseDose, PhaseSchedule, Programme, ProgrammePhase};
use crate::limits::{Limits, MAX_PLAN_WEEKS};

/// `condition: "id"`, the anchor of a programme in programmes.ron.
fn programme_anchor(condition_id: &str) -> String {
    format!("condition: \"{condition_id}\"")
}

/// Programmes: one per condition unless the condition is clinician-led; known exercises and sources; weeks in
/// order without gaps or overlaps; doses, schedules and pain limits in range; no pain number in phase text
/// that disagrees with the programme's limit.
pub(super) fn check_programmes(content: &Content, checker: &mut Checker<'_>) {
    let monitoring = &content.pain_monitoring;
    check_claims(
        content,
        checker,
        File::Programmes,
        &["pain_monitoring"],
        &monitoring.explanation,
    );
    if monitoring.explanation.is_empty() {
        checker.report(
            File::Programmes,
            &["pain_monitoring", "explanation"],
            Kind::MissingRequired,
            "pain_monitoring.explanation is empty: say where the pain limits come from".to_owned(),
        );
    }
    let limits = [
        ("default_max_during", monitoring.default_max_during),
        ("highest_max_during", monitoring.highest_max_during),
        ("max_next_morning_rise", monitoring.max_next_morning_rise),
        ("weekly_rise_tolerance", monitoring.weekly_rise_tolerance),
    ];
    for (field, value) in limits {
        if value > 10 {
            checker.report(
                File::Programmes,
                &["pain_monitoring", field],
                Kind::BadValue,
                format!("{field} {value} is outside the 0–10 pain scale"),
            );
        }
    }
    if monitoring.default_max_during > monitoring.highest_max_during {
        checker.report(
            File::Programmes,
            &["pain_monitoring", "default_max_during"],
            Kind::BadValue,
            format!(
                "default_max_during {}/10 is above highest_max_during {}/10",
                monitoring.default_max_during, monitoring.highest_max_during
            ),
        );
    }

    let mut seen: HashSet<&str> = HashSet::new();
    for programme in &content.programmes {
        let anchor = programme_anchor(&programme.condition);
        if !seen.insert(programme.condition.as_str()) {
            checker.report_nth(
                File::Programmes,
                &anchor,
                1,
                Kind::DuplicateId,
                format!("a second programme for \"{}\"", programme.condition),
            );
        }
        match content.condition(&programme.condition) {
            None => checker.report(
                File::Programmes,
                &[&anchor],
                Kind::DanglingReference,
                format!("unknown condition \"{}\"", programme.condition),
            ),
            Some(c) if c.clinician_led.is_some() => checker.report(
                File::Programmes,
                &[&anchor],
                Kind::BadValue,
                format!(
                    "\"{}\" is clinician_led in conditions.ron, so it must not have a self-managed programme",
                    programme.condition
                ),
            ),
            Some(_) => {}
        }
        check_programme(content, checker, programme, &anchor);
    }

    for condition in &content.conditions {
        let anchor = format!("id: \"{}\"", condition.id);
        match &condition.clinician_led {
            Some(reason) if reason.trim().is_empty() => checker.report(
                File::Conditions,
                &[&anchor, "clinician_led"],
                Kind::EmptyText,
                format!(
                    "clinician_led of \"{}\" is empty: give the reason it is managed with a clinician",
                    condition.id
                ),
            ),
            None if content.programme_for(&condition.id).is_none() => checker.report(
                File::Conditions,
                &[&anchor],
                Kind::MissingRequired,
                format!(
                    "condition \"{}\" has no programme in programmes.ron; add one or set clinician_led with the reason",
                    condition.id
                ),
            ),
            Some(_) | None => {}
        }
    }
}

fn check_programme(
    content: &Content,
    checker: &mut Checker<'_>,
    programme: &Programme,
    anchor: &str,
) {
    check_claims(
        content,
        checker,
        File::Programmes,
        &[anchor],
        programme.summary.iter().chain(&programme.notes),
    );
    if programme.phrase.trim().is_empty() {
        checker.report(
            File::Programmes,
            &[anchor, "phrase"],
            Kind::EmptyText,
            "phrase is empty".to_owned(),
        );
    }
    if !(1..=MAX_PLAN_WEEKS).contains(&usize::from(programme.default_weeks)) {
        checker.report(
            File::Programmes,
            &[anchor, "default_weeks"],
            Kind::BadValue,
            format!(
                "default_weeks {} is outside 1–{MAX_PLAN_WEEKS}",
                programme.default_weeks
            ),
        );
    }
    let limit = programme.max_pain_during(&content.pain_monitoring);
    if limit > content.pain_monitoring.highest_max_during {
        checker.report(
            File::Programmes,
            &[anchor, "max_pain_during"],
            Kind::BadValue,
            format!(
                "max_pain_during {limit}/10 is above the {}/10 the pain-monitoring model accepts",
                content.pain_monitoring.highest_max_during
            ),
        );
    }
    if programme.phases.is_empty() {
        checker.report(
            File::Programmes,
            &[anchor, "phases"],
            Kind::MissingRequired,
            format!(
                "the programme for \"{}\" has no phases",
                programme.condition
            ),
        );
    }
    let mut previous = PreviousPhase::None;
    for (index, phase) in programme.phases.iter().enumerate() {
        let is_last = index + 1 == programme.phases.len();
        let name = quoted(&phase.name);
        let mut report = |field: &str, kind: Kind, message: String| {
            checker.report(File::Programmes, &[anchor, &name, field], kind, message);
        };
        if phase.name.trim().is_empty() {
            report("name", Kind::EmptyText, "phase name is empty".to_owned());
        }
        if let Some((field, message)) = weeks_problem(programme, phase, previous, is_last) {
            report(field, Kind::BadValue, message);
        }
        previous = phase
            .last_week
            .map_or(PreviousPhase::OpenEnded, PreviousPhase::EndedIn);
        if let PhaseSchedule::Spread {
            sessions_per_week,
            at_least,
        } = phase.schedule
            && (!(1..=7).contains(&sessions_per_week)
                || at_least == 0
                || at_least > sessions_per_week)
        {
            report(
                "schedule",
                Kind::BadValue,
                format!(
                    "schedule of {at_least}–{sessions_per_week} sessions a week: use 1–7 sessions with at_least \
                     between 1 and sessions_per_week"
                ),
            );
        }
        if let Some(problem) = dose_problem(&phase.dose) {
            report("dose", Kind::BadValue, format!("phase {name}: {problem}"));
        }
        if index == 0 && !phase.start_when.is_empty() {
            report(
                "start_when",
                Kind::BadValue,
                format!(
                    "phase {name} is the first: it starts with the plan, so it cannot wait for criteria"
                ),
            );
        }
        if phase.start_when.iter().any(|c| c.trim().is_empty()) {
            report(
                "start_when",
                Kind::EmptyText,
                format!("phase {name} has an empty start criterion"),
            );
        }
        for (field, text) in [
            ("progress_when", &phase.progress_when),
            ("ease_off_when", &phase.ease_off_when),
        ] {
            if text.trim().is_empty() {
                report(field, Kind::EmptyText, format!("{field} is empty"));
            }
            if let Some(number) = pain_numbers(text).into_iter().find(|n| *n != limit) {
                report(
                    field,
                    Kind::BadValue,
                    format!(
                        "phase {name} says {number}/10 but the programme's pain limit is {limit}/10; write \
                         \"your pain limit\" instead of a number"
                    ),
                );
            }
        }
        check_slots(content, checker, anchor, phase);
        check_ids(
            checker,
            File::Programmes,
            &[anchor, &name],
            &phase.sources,
            |id| content.source(id).is_some(),
            "source",
        );
    }
}

/// A phase's exercise slots: at least one, each naming known strength or isometric exercises with a reason.
fn check_slots(content: &Content, checker: &mut Checker<'_>, anchor: &str, phase: &ProgrammePhase) {
    let name = quoted(&phase.name);
    if phase.slots.is_empty() {
        checker.report(
            File::Programmes,
            &[anchor, &name, "slots"],
            Kind::MissingRequired,
            format!("phase {name} has no exercise slots"),
        );
    }
    for slot in &phase.slots {
        if slot.exercises.is_empty() {
            checker.report(
                File::Programmes,
                &[anchor, &name, "slots"],
                Kind::MissingRequired,
                format!("a slot of phase {name} names no exercise"),
            );
        }
        if slot.reason.trim().is_empty() {
            checker.report(
                File::Programmes,
                &[anchor, &name, "reason: \"\""],
                Kind::EmptyText,
                format!("a slot of phase {name} has an empty reason"),
            );
        }
        for id in &slot.exercises {
            let needle = quoted(id);
            let problem = match content.exercise(id) {
                None => Some((
                    Kind::DanglingReference,
                    format!("unknown exercise {needle} in phase {name}"),
                )),
                Some(e) if matches!(e.kind, ExerciseKind::WarmUp | ExerciseKind::Stretch) => {
                    Some((
                        Kind::BadValue,
                        format!(
                            "exercise {needle} in phase {name} is a warm-up or stretch; programmes use strength or \
                         isometric work"
                        ),
                    ))
                }
                Some(_) => None,
            };
            if let Some((kind, message)) = problem {
                checker.report(File::Programmes, &[anchor, &name, &needle], kind, message);
            }
        }
    }
}

/// How the phase before the one being checked ended.
#[derive(Debug, Clone, Copy)]
enum PreviousPhase {
    /// The phase is the first.
    None,
    /// The previous phase's last week (1-based).
    EndedIn(u8),
    /// The previous phase has no last week.
    OpenEnded,
}

/// The first problem with a phase's weeks, as `(field, message)`: the first phase starts at week 1, each next one
/// the week after the previous ends, only the last may be open-ended, and a closed last phase ends at
/// `default_weeks` (an open-ended one starts no later than the week after).
fn weeks_problem(
    programme: &Programme,
    phase: &ProgrammePhase,
    previous: PreviousPhase,
    is_last: bool,
) -> Option<(&'static str, String)> {
    let name = quoted(&phase.name);
    let first = phase.first_week;
    match previous {
        PreviousPhase::OpenEnded => {
            return Some((
                "first_week",
                format!(
                    "phase {name} follows an open-ended phase (last_week: None); only the last phase may be \
                     open-ended"
                ),
            ));
        }
        PreviousPhase::None if first != 1 => {
            return Some((
                "first_week",
                format!("the first phase {name} starts in week {first}; it must start in week 1"),
            ));
        }
        PreviousPhase::EndedIn(previous) if first <= previous => {
            return Some((
                "first_week",
                format!(
                    "phase {name} starts in week {first} but the previous phase runs to week {previous}: weeks \
                     overlap or are out of order"
                ),
            ));
        }
        PreviousPhase::EndedIn(previous) if first > previous.saturating_add(1) => {
            let missing = if first == previous + 2 {
                format!("week {} belongs", previous + 1)
            } else {
                format!("weeks {}–{} belong", previous + 1, first - 1)
            };
            return Some((
                "first_week",
                format!("phase {name} starts in week {first}: {missing} to no phase"),
            ));
        }
        _ => {}
    }
    match phase.last_week {
        Some(last) if last < first => Some((
            "last_week",
            format!("phase {name} ends in week {last}, before it starts in week {first}"),
        )),
        Some(last) if is_last && last != programme.default_weeks => Some((
            "last_week",
            format!(
                "the last phase ends in week {last} but default_weeks is {}",
                programme.default_weeks
            ),
        )),
        None if is_last && first > programme.default_weeks.saturating_add(1) => Some((
            "first_week",
            format!(
                "the open-ended last phase starts in week {first}, after default_weeks {} + 1",
                programme.default_weeks
            ),
        )),
        _ => None,
    }
}

/// The `N` of every "N/10" in `text`.
fn pain_numbers(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("/10") {
        let digits: String = text[..at]
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect::<Vec<char>>()
            .into_iter()
            .rev()
            .collect();
        if let Ok(n) = digits.parse::<u8>() {
            out.push(n);
        }
    }
    out
}

/// What is out of range in a phase dose, if anything.
fn dose_problem(dose: &PhaseDose) -> Option<String> {
    let sets_text = |sets: u8| {
        format!(
            "{sets} sets is outside {}–{}",
            Limits::SETS_MIN,
            Limits::SETS_MAX
        )
    };
    let hold_text = |secs: u16| {
        format!(
            "a hold of {secs} s is outside {}–{} s",
            Limits::HOLD_SECS_MIN,
            Limits::HOLD_SECS_MAX
        )
    };
    let rest_text = |secs: u16| {
        format!(
            "rest of {secs} s is over {} minutes",
            Limits::REST_SECS_MAX / 60
        )
    };
    match dose {
        PhaseDose::Standard {
            sets,
            reps: (low, high),
            hold_sets,
            hold_secs,
        } => {
            if !Limits::sets_in_range(*sets) || !Limits::sets_in_range(*hold_sets) {
                return Some(format!(
                    "{sets} sets ({hold_sets} for holds) is outside {}–{}",
                    Limits::SETS_MIN,
                    Limits::SETS_MAX
                ));
            }
            if !Limits::reps_in_range(*low) || !Limits::reps_in_range(*high) || low > high {
                return Some(format!(
                    "a rep range of {low}–{high} must be within {}–{}, low first",
                    Limits::REPS_MIN,
                    Limits::REPS_MAX
                ));
            }
            if !Limits::hold_in_range(*hold_secs) {
                return Some(hold_text(*hold_secs));
            }
        }
        PhaseDose::Isometric {
            sets,
            hold_secs,
            rest_secs,
        } => {
            if !Limits::sets_in_range(*sets) {
                return Some(sets_text(*sets));
            }
            if !Limits::hold_in_range(*hold_secs) {
                return Some(hold_text(*hold_secs));
            }
            if *rest_secs > Limits::REST_SECS_MAX {
                return Some(rest_text(*rest_secs));
            }
        }
        PhaseDose::HeavySlow {
            sets,
            rest_secs,
            tempo,
            rm_steps,
        } => {
            if !Limits::sets_in_range(*sets) {
                return Some(sets_text(*sets));
            }
            if *rest_secs > Limits::REST_SECS_MAX {
                return Some(rest_text(*rest_secs));
            }
            if [tempo.lower_secs, tempo.pause_secs, tempo.lift_secs]
                .iter()
                .any(|s| *s > Limits::TEMPO_PHASE_SECS_MAX)
            {
                return Some(format!(
                    "a tempo phase is over {} s",
                    Limits::TEMPO_PHASE_SECS_MAX
                ));
            }
            if rm_steps.first().is_none_or(|(week, _)| *week != 1) {
                return Some("rm_steps must start at week 1".to_owned());
            }
            for pair in rm_steps.windows(2) {
                let ((week_a, reps_a), (week_b, reps_b)) = (pair[0], pair[1]);
                if week_b <= week_a || reps_b > reps_a {
                    return Some(format!(
                        "rm_steps ({week_a}, {reps_a}) then ({week_b}, {reps_b}): weeks must rise and reps must not"
                    ));
                }
            }
            if rm_steps
                .iter()
                .any(|(_, reps)| !(Limits::REPS_MIN..=Limits::REPS_MAX).contains(reps))
            {
                return Some("rm_steps reps must be within 1–50".to_owned());
            }
        }
    }
    None
}
