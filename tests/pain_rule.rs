//! One table of pain histories, judged once by `kneemap::pain` and checked through each place that uses the rule:
//! strength progression, the return-to-run replay and the cross-training swap. If any of them re-implemented a
//! rule, a row here would disagree.

#![expect(
    clippy::unwrap_used,
    reason = "Test helpers outside #[test] fns: a panic here is the failure report."
)]

use chrono::{Days, NaiveDate, TimeZone, Utc};
use kneemap::content::Content;
use kneemap::pain::{PainRule, PainSample, PainThresholds, Verdict, judge};
use kneemap::planner::{Action, ExerciseLog, PlannedExercise, SessionLog, decide};
use kneemap::running::model::ReturnToRunState;
use kneemap::running::return_to_run::{Decision, ReplayRules, replay};
use kneemap::running::{PlannedRun, Run, RunningContext, RunningData, Sport, swap_offer};

/// 2024-01-01 is a Monday; sessions are two days apart from there.
fn day(index: usize) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + Days::new(2 * index as u64)
}

struct Row {
    name: &'static str,
    /// (pain during, next morning) per session, oldest first.
    history: &'static [(u8, Option<u8>)],
    /// Pain before the current stage began.
    baseline: u8,
    red_flag: bool,
    verdict: Verdict,
    rule: PainRule,
}

const ROWS: &[Row] = &[
    Row {
        name: "settled",
        history: &[(1, Some(1))],
        baseline: 1,
        red_flag: false,
        verdict: Verdict::Pass,
        rule: PainRule::WithinLimits,
    },
    Row {
        name: "pain during over the limit",
        history: &[(5, Some(1))],
        baseline: 1,
        red_flag: false,
        verdict: Verdict::EaseOff,
        rule: PainRule::PainDuring,
    },
    Row {
        name: "a flare",
        history: &[(1, Some(1)), (2, Some(4))],
        baseline: 1,
        red_flag: false,
        verdict: Verdict::EaseOff,
        rule: PainRule::NextMorning,
    },
    Row {
        // The morning after the flare is better than the flare but still worse than before the stage began.
        name: "a flare that has not settled back",
        history: &[(2, Some(4)), (1, Some(3))],
        baseline: 1,
        red_flag: false,
        verdict: Verdict::EaseOff,
        rule: PainRule::NextMorning,
    },
    Row {
        name: "a flare that has settled back",
        history: &[(2, Some(4)), (1, Some(2))],
        baseline: 1,
        red_flag: false,
        verdict: Verdict::Pass,
        rule: PainRule::WithinLimits,
    },
    Row {
        // Four sessions in week 1 at 0, then 2 in week 2: within the limit, but creeping up.
        name: "creeping up week on week",
        history: &[
            (0, Some(0)),
            (0, Some(0)),
            (0, Some(0)),
            (0, Some(0)),
            (2, Some(0)),
        ],
        baseline: 0,
        red_flag: false,
        verdict: Verdict::Hold,
        rule: PainRule::WeekOnWeek,
    },
    Row {
        name: "a red flag pauses",
        history: &[(1, Some(1))],
        baseline: 1,
        red_flag: true,
        verdict: Verdict::Paused,
        rule: PainRule::RedFlag,
    },
    Row {
        name: "a red flag does not stop easing off",
        history: &[(6, Some(1))],
        baseline: 1,
        red_flag: true,
        verdict: Verdict::EaseOff,
        rule: PainRule::PainDuring,
    },
];

/// A runner's-knee return to run started on day 0, entry criteria met, with this morning pain before it.
fn pfp_state(baseline_morning_pain: u8) -> ReturnToRunState {
    ReturnToRunState {
        condition_id: "patellofemoral_pain".into(),
        started_on: day(0),
        entry_criteria_met: true,
        baseline_morning_pain,
    }
}

fn samples(row: &Row) -> Vec<PainSample> {
    row.history
        .iter()
        .enumerate()
        .map(|(i, (during, morning))| PainSample {
            date: day(i),
            before: None,
            during: *during,
            next_morning: *morning,
        })
        .collect()
}

fn session_logs(row: &Row) -> Vec<SessionLog> {
    row.history
        .iter()
        .enumerate()
        .map(|(i, (during, morning))| SessionLog {
            id: i as u64 + 1,
            date: day(i),
            pain_during: *during,
            next_morning_pain: *morning,
            entries: vec![ExerciseLog {
                exercise_id: "squat".into(),
                sets_done: 3,
                reps_done: Some(10),
                hold_secs_done: None,
                load_kg: None,
            }],
            ..SessionLog::default()
        })
        .collect()
}

fn runs(row: &Row) -> Vec<Run> {
    row.history
        .iter()
        .enumerate()
        .map(|(i, (during, morning))| Run {
            id: i as u64 + 1,
            start_utc: Utc.from_utc_datetime(&day(i).and_hms_opt(12, 0, 0).unwrap()),
            distance_m: 1500.0,
            elapsed_secs: 1500,
            sport: Sport::Run,
            pain_during: Some(*during),
            pain_next_morning: *morning,
            ..Run::default()
        })
        .collect()
}

#[test]
fn one_judgement_three_places() {
    let content = Content::embedded().unwrap();
    let limits = PainThresholds::default();
    let plan = content.running.plan("patellofemoral_pain").unwrap();
    for row in ROWS {
        let judgement = judge(&samples(row), Some(row.baseline), &limits, row.red_flag);
        assert_eq!(
            (judgement.verdict, judgement.rule),
            (row.verdict, row.rule),
            "{}: {}",
            row.name,
            judgement.reason
        );

        // Strength progression maps the verdict to a dose step.
        let planned = PlannedExercise {
            exercise_id: "squat".into(),
            sets: 3,
            reps: Some(10),
            rep_range: Some((10, 15)),
            rest_secs: 60,
            ..PlannedExercise::default()
        };
        let logs = session_logs(row);
        let refs: Vec<&SessionLog> = logs.iter().collect();
        let decision = decide(&planned, &refs, &limits, Some(row.baseline), row.red_flag);
        let expected = match row.verdict {
            Verdict::Pass => Action::Advance,
            Verdict::EaseOff => Action::StepBack,
            Verdict::Hold | Verdict::Wait => Action::Hold,
            Verdict::Paused => Action::Paused,
        };
        assert_eq!(
            decision.action, expected,
            "{}: {}",
            row.name, decision.reason
        );
        assert!(
            decision
                .reason
                .contains(judgement.reason.trim_end_matches('.')),
            "{}: the reason comes from the judgement: {}",
            row.name,
            decision.reason
        );

        // The return-to-run replay maps it to a stage step: the last session of the history decides.
        let state = pfp_state(row.baseline);
        let rules = ReplayRules {
            thresholds: &limits,
            red_flag_since: row.red_flag.then(|| day(0)),
            beyond_stage_pct: content.running.ladder_rule.max_continuous_step_pct,
            today: day(row.history.len()),
        };
        let progress = replay(plan, &state, &runs(row), &rules);
        let last = progress.reviews.last().unwrap();
        let expected = match row.verdict {
            // One session passed at a two-session stage holds; it counts toward the stage.
            Verdict::Pass => [Decision::Hold, Decision::Advance],
            Verdict::EaseOff => [Decision::EaseOff, Decision::EaseOff],
            Verdict::Hold | Verdict::Wait => [Decision::Hold, Decision::Hold],
            Verdict::Paused => [Decision::Paused, Decision::Paused],
        };
        assert!(
            expected.contains(&last.decision),
            "{}: {:?}",
            row.name,
            last
        );
        let expected_rule = match row.verdict {
            Verdict::Pass => None,
            Verdict::Paused => Some("red_flag"),
            Verdict::EaseOff | Verdict::Hold | Verdict::Wait => judgement.rule.content_id(),
        };
        assert_eq!(last.rule_id, expected_rule, "{}", row.name);
        assert_eq!(progress.paused.is_some(), row.red_flag, "{}", row.name);

        // The swap is offered when the judgement says ease off, hold, or a red flag is ticked.
        let today = day(row.history.len());
        let data = RunningData {
            runs: runs(row),
            planned: vec![PlannedRun {
                id: 99,
                date: today,
                sport: Sport::Run,
                distance_m: 3000.0,
                duration_secs: 1200,
                ..PlannedRun::default()
            }],
            return_to_run: Some(state.clone()),
            ..RunningData::default()
        };
        let context = RunningContext {
            today,
            red_flag_ticked: row.red_flag,
            red_flag_since: row.red_flag.then(|| day(0)),
            thresholds: limits.clone(),
        };
        let offer = swap_offer(&data, &context, &[]);
        let expects_offer = row.verdict != Verdict::Pass;
        assert_eq!(offer.is_some(), expects_offer, "{}: {offer:?}", row.name);
    }
}

#[test]
fn two_ease_offs_at_one_stage_say_see_a_physiotherapist() {
    let content = Content::embedded().unwrap();
    let limits = PainThresholds::default();
    let plan = content.running.plan("patellofemoral_pain").unwrap();
    let state = pfp_state(1);
    // Two passes (on to stage 2), an ease-off back to stage 1, two passes again, and a second ease-off at stage 2.
    let row = Row {
        name: "twice",
        history: &[
            (1, Some(1)),
            (1, Some(1)),
            (5, Some(1)),
            (1, Some(1)),
            (1, Some(1)),
            (5, Some(1)),
        ],
        baseline: 1,
        red_flag: false,
        verdict: Verdict::EaseOff,
        rule: PainRule::PainDuring,
    };
    let rules = ReplayRules {
        thresholds: &limits,
        red_flag_since: None,
        beyond_stage_pct: 25.0,
        today: day(7),
    };
    let progress = replay(plan, &state, &runs(&row), &rules);
    let stuck = progress.stuck.expect("two ease-offs at the second stage");
    assert!(stuck.reason.contains("physiotherapist"), "{}", stuck.reason);
    assert!(
        stuck.reason.contains("2 times at stage 2"),
        "{}",
        stuck.reason
    );
}

#[test]
fn a_run_far_beyond_its_stage_does_not_count() {
    let content = Content::embedded().unwrap();
    let limits = PainThresholds::default();
    let plan = content.running.plan("patellofemoral_pain").unwrap();
    let state = pfp_state(1);
    // A 10 km run in an hour logged at the first stage (walk 4 min, run 1 min × 6: 30 minutes in all).
    let mut long = runs(&Row {
        name: "long",
        history: &[(1, Some(1)), (1, Some(1))],
        baseline: 1,
        red_flag: false,
        verdict: Verdict::Pass,
        rule: PainRule::WithinLimits,
    });
    long[1].distance_m = 10_000.0;
    long[1].elapsed_secs = 3600;
    let rules = ReplayRules {
        thresholds: &limits,
        red_flag_since: None,
        beyond_stage_pct: content.running.ladder_rule.max_continuous_step_pct,
        today: day(3),
    };
    let progress = replay(plan, &state, &long, &rules);
    let last = progress.reviews.last().unwrap();
    assert_eq!(last.decision, Decision::Hold);
    assert_eq!(last.rule_id, Some("beyond_stage"));
    assert!(last.reason.contains("does not count"), "{}", last.reason);
    assert_eq!(
        progress.stage_index, 0,
        "the long run did not move the plan on"
    );
    assert!(content.running.load_rule("beyond_stage").is_some());
}
