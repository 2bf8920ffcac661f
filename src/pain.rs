//! The one pain rule. Strength progression, the return-to-run ladder and the cross-training swap all judge pain
//! here and only map the verdict to their own step; none of them re-implements a rule.
//!
//! The rules, in order, for the latest sample of a history:
//! 1. **Pain during** at most the plan's limit (a knee that already hurt more before the session may stay at its
//!    pain before, up to the model's ceiling). Over it: ease off.
//! 2. **Next morning** logged, else wait.
//! 3. **Next morning no worse than before the current stage began** (or before this session, when that was lower),
//!    plus the plan's tolerance. A flare has to settle back to where the stage started before anything advances:
//!    a worse morning never becomes the new reference. Over it: ease off.
//! 4. **Week on week**: this calendar week's average pain during, and its average next-morning pain, no more than
//!    the plan's tolerance above last week's. Over it: hold.
//! 5. A ticked **red flag** turns anything but easing off into a pause.
//!
//! [`stuck`] says when to stop trying alone: two ease-offs at the same stage, or no step forward in six weeks.
//!
//! No egui here; the thresholds live on the plan (`planner::Plan::pain_thresholds`) and are passed in.

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::content::{Content, PainMonitoring};

pub use crate::limits::PAIN_SCALE_MAX;

/// Ease-offs at one stage after which the runner is told to see a physiotherapist.
pub const STUCK_EASE_OFFS_AT_ONE_STAGE: usize = 2;

/// Weeks without a step forward after which the runner is told to see a physiotherapist.
pub const STUCK_WEEKS_WITHOUT_PROGRESS: i64 = 6;

/// The pain limits of a plan (the pain-monitoring model; the numbers come from `content/programmes.ron`, see
/// [`PainThresholds::for_condition`]). They live on the plan only, so undoing a plan change restores them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PainThresholds {
    /// Highest acceptable pain during exercise or a run, 0–10 (default 3: cautious; the model accepts up to 5).
    pub max_during: u8,
    /// The most pain during exercise the model ever accepts (5); a knee that hurts above `max_during` before a
    /// session may exercise at that pain up to this.
    pub ceiling_during: u8,
    /// Points the next-morning pain may exceed the reference (before the stage began, or before the session when
    /// lower). Default 1: single points either way are day-to-day noise on a 0–10 scale.
    pub max_next_morning_rise: u8,
    /// Whether a rise from last week to this week still allows progress (default false).
    pub allow_weekly_rise: bool,
    /// Whole points this week's averages (pain during, next morning) may exceed last week's (default 1).
    pub weekly_rise_tolerance: u8,
}

/// The limits used without a plan, and for saves and plans made without content; equal to `programmes.ron`'s
/// defaults (tested).
pub const DEFAULT_PAIN_THRESHOLDS: PainThresholds = PainThresholds {
    max_during: 3,
    ceiling_during: 5,
    max_next_morning_rise: 1,
    allow_weekly_rise: false,
    weekly_rise_tolerance: 1,
};

impl Default for PainThresholds {
    fn default() -> Self {
        DEFAULT_PAIN_THRESHOLDS
    }
}

/// A pain limit outside what the pain-monitoring model accepts.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "a pain limit of {requested}/10 is above {highest}/10, the most the pain-monitoring model accepts during exercise"
)]
pub struct PainLimitError {
    pub requested: u8,
    pub highest: u8,
}

impl PainThresholds {
    /// The limits of the pain-monitoring model with `max_during` as the limit during exercise (not range-checked;
    /// content validation keeps programme limits in range).
    pub fn from_monitoring(monitoring: &PainMonitoring, max_during: u8) -> Self {
        Self {
            max_during,
            ceiling_during: monitoring.highest_max_during,
            max_next_morning_rise: monitoring.max_next_morning_rise,
            allow_weekly_rise: false,
            weekly_rise_tolerance: monitoring.weekly_rise_tolerance,
        }
    }

    /// The limits of a condition's programme in `programmes.ron`, or the pain-monitoring defaults.
    pub fn for_condition(content: &Content, condition_id: &str) -> Self {
        let monitoring = &content.pain_monitoring;
        let max_during = content
            .programme_for(condition_id)
            .map_or(monitoring.default_max_during, |p| {
                p.max_pain_during(monitoring)
            });
        Self::from_monitoring(monitoring, max_during)
    }

    /// These limits with the user's choice of `max_during`, if the model accepts it (0 to its highest).
    ///
    /// # Errors
    /// [`PainLimitError`] when `max_during` is above `monitoring.highest_max_during`.
    #[must_use = "the limits are returned, not changed in place"]
    pub fn with_max_during(
        mut self,
        max_during: u8,
        monitoring: &PainMonitoring,
    ) -> Result<Self, PainLimitError> {
        let highest = monitoring.highest_max_during.min(PAIN_SCALE_MAX);
        if max_during > highest {
            return Err(PainLimitError {
                requested: max_during,
                highest,
            });
        }
        self.max_during = max_during;
        self.ceiling_during = highest;
        Ok(self)
    }

    /// The rule in plain words (the evidence behind it is content: `pain_monitoring.explanation`).
    pub fn describe(&self) -> String {
        let max = self.max_during;
        let morning = match self.max_next_morning_rise {
            0 => "no worse than before this stage of the plan began".to_owned(),
            1 => "no more than 1 point worse than before this stage of the plan began".to_owned(),
            n => format!("no more than {n} points worse than before this stage of the plan began"),
        };
        let weekly = if self.allow_weekly_rise {
            "Pain creeping up from one week to the next is allowed, but keep an eye on it."
                .to_owned()
        } else {
            format!(
                "Pain should not creep up week to week: this week's averages (during, and the next mornings) no \
                 more than {} above last week's.",
                points(self.weekly_rise_tolerance)
            )
        };
        format!(
            "This is your one pain limit, for strength sessions and runs alike. Keep knee pain during exercise \
             at {max}/10 or less (if it already hurts more before you start, no worse than that, up to {}/10). \
             By the next morning it should be {morning}: a flare has to settle back before anything gets \
             harder. {weekly} Progress only when all of this holds; ease off when it does not.",
            self.ceiling_during
        )
    }
}

fn points(n: u8) -> String {
    if n == 1 {
        "1 point".to_owned()
    } else {
        format!("{n} points")
    }
}

/// One session's pain: a strength session or a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PainSample {
    pub date: NaiveDate,
    /// Pain just before, when it was asked (strength sessions ask; runs do not).
    pub before: Option<u8>,
    pub during: u8,
    /// Pain the next morning, once logged.
    pub next_morning: Option<u8>,
}

/// The rule that decided a judgement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PainRule {
    /// Nothing logged yet.
    NoHistory,
    PainDuring,
    /// The next morning is not logged yet.
    AwaitingNextMorning,
    NextMorning,
    WeekOnWeek,
    /// A red flag is ticked.
    RedFlag,
    /// Every rule held.
    WithinLimits,
}

impl PainRule {
    /// The id of the rule's text in `content/running.ron` `pain_rules`, where it has one.
    pub fn content_id(self) -> Option<&'static str> {
        match self {
            Self::PainDuring => Some("pain_during"),
            Self::NextMorning => Some("pain_next_morning"),
            Self::WeekOnWeek => Some("pain_week_on_week"),
            Self::NoHistory | Self::AwaitingNextMorning | Self::RedFlag | Self::WithinLimits => {
                None
            }
        }
    }
}

/// What the pain allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// Every rule held: the caller may count the session toward a step forward.
    Pass,
    /// Nothing to judge yet (no session, or its next morning is missing).
    Wait,
    /// Pain is creeping up week on week: keep the same.
    Hold,
    /// A rule failed: make it easier.
    EaseOff,
    /// A red flag is ticked: nothing gets harder until it has been looked at.
    Paused,
}

/// A verdict with the rule that decided it and why, in plain words with the numbers used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judgement {
    pub verdict: Verdict,
    pub rule: PainRule,
    pub reason: String,
}

impl Judgement {
    fn new(verdict: Verdict, rule: PainRule, reason: String) -> Self {
        Self {
            verdict,
            rule,
            reason,
        }
    }
}

/// Judges the latest sample of `history` (any order; read by date, then position) under `thresholds`.
/// `stage_baseline` is the pain before the current stage began (see the module docs); `None` when unknown.
pub fn judge(
    history: &[PainSample],
    stage_baseline: Option<u8>,
    thresholds: &PainThresholds,
    red_flag_ticked: bool,
) -> Judgement {
    let judgement = judge_pain(history, stage_baseline, thresholds);
    if red_flag_ticked && judgement.verdict != Verdict::EaseOff {
        return Judgement::new(
            Verdict::Paused,
            PainRule::RedFlag,
            "A red flag is ticked: get assessed before anything gets harder. Keep to what feels comfortable \
             until then."
                .to_owned(),
        );
    }
    judgement
}

fn judge_pain(
    history: &[PainSample],
    stage_baseline: Option<u8>,
    thresholds: &PainThresholds,
) -> Judgement {
    let mut sorted: Vec<&PainSample> = history.iter().collect();
    sorted.sort_by_key(|s| s.date);
    let Some(latest) = sorted.last().copied() else {
        return Judgement::new(
            Verdict::Wait,
            PainRule::NoHistory,
            "Nothing logged yet: do this stage and log how the knee felt.".to_owned(),
        );
    };
    let max = thresholds.max_during;
    let allowed_during = latest
        .before
        .map_or(max, |b| max.max(b.min(thresholds.ceiling_during)));
    let during = latest.during;
    if during > allowed_during {
        let reason = match latest.before {
            Some(b) if b > thresholds.ceiling_during => format!(
                "Pain during was {during}/10, above {allowed_during}/10, the most the pain-monitoring model \
                 accepts (it was {b}/10 before: worth getting the knee checked)"
            ),
            Some(b) if b > max => {
                format!("Pain during was {during}/10, worse than the {b}/10 before it")
            }
            _ => format!("Pain during was {during}/10, above your limit of {max}/10"),
        };
        return Judgement::new(Verdict::EaseOff, PainRule::PainDuring, reason);
    }
    let Some(morning) = latest.next_morning else {
        return Judgement::new(
            Verdict::Wait,
            PainRule::AwaitingNextMorning,
            format!(
                "Log next-morning pain first: pain during was {during}/10, but how the knee feels the next \
                 morning decides what comes next."
            ),
        );
    };
    let reference = match (stage_baseline, latest.before) {
        (Some(stage), Some(before)) if before < stage => Some((before, "before the session")),
        (Some(stage), _) => Some((stage, "before this stage began")),
        (None, Some(before)) => Some((before, "before the session")),
        (None, None) => None,
    };
    match reference {
        Some((reference, when)) => {
            let allowed = reference.saturating_add(thresholds.max_next_morning_rise);
            if morning > allowed {
                return Judgement::new(
                    Verdict::EaseOff,
                    PainRule::NextMorning,
                    format!(
                        "Next-morning pain was {morning}/10, worse than the {reference}/10 {when} (allowed: {}): \
                         it has to settle back first",
                        points(thresholds.max_next_morning_rise)
                    ),
                );
            }
        }
        None if morning > max => {
            return Judgement::new(
                Verdict::EaseOff,
                PainRule::NextMorning,
                format!(
                    "Next-morning pain was {morning}/10, above your limit of {max}/10 (nothing earlier to compare \
                     with)"
                ),
            );
        }
        None => {}
    }
    if !thresholds.allow_weekly_rise
        && let Some(rise) = weekly_rise(&sorted, latest.date, thresholds.weekly_rise_tolerance)
    {
        return Judgement::new(Verdict::Hold, PainRule::WeekOnWeek, rise);
    }
    Judgement::new(
        Verdict::Pass,
        PainRule::WithinLimits,
        format!("Pain stayed within your limits ({during}/10 during, {morning}/10 next morning)"),
    )
}

/// Monday of the calendar week holding `date`.
fn monday_of(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

fn mean(values: impl Iterator<Item = u8>) -> Option<f64> {
    let (sum, count) = values.fold((0.0, 0usize), |(s, n), v| (s + f64::from(v), n + 1));
    (count > 0).then(|| sum / count as f64) // a count of samples: exact in f64 below 2^53
}

/// Why this week's averages rose too far above last week's, if they did.
fn weekly_rise(sorted: &[&PainSample], latest: NaiveDate, tolerance: u8) -> Option<String> {
    let this_monday = monday_of(latest);
    let last_monday = this_monday - Duration::days(7);
    let in_week = |monday: NaiveDate| sorted.iter().filter(move |s| monday_of(s.date) == monday);
    let tolerance_f = f64::from(tolerance);
    let during = (
        mean(in_week(last_monday).map(|s| s.during)),
        mean(in_week(this_monday).map(|s| s.during)),
    );
    if let (Some(last), Some(this)) = during
        && this > last + tolerance_f
    {
        return Some(format!(
            "Average pain during rose from {last:.1}/10 last week to {this:.1}/10 this week, more than the {} \
             allowed: keep the same until it settles.",
            points(tolerance)
        ));
    }
    let mornings = (
        mean(in_week(last_monday).filter_map(|s| s.next_morning)),
        mean(in_week(this_monday).filter_map(|s| s.next_morning)),
    );
    if let (Some(last), Some(this)) = mornings
        && this > last + tolerance_f
    {
        return Some(format!(
            "Average next-morning pain rose from {last:.1}/10 last week to {this:.1}/10 this week, more than the \
             {} allowed: keep the same until it settles.",
            points(tolerance)
        ));
    }
    None
}

/// A step a plan took: forward, or an ease-off, at a stage (a return-to-run rung, a strength phase).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StageStep {
    pub date: NaiveDate,
    /// The stage the step was taken from.
    pub stage: usize,
    pub forward: bool,
}

/// Why the runner should see a physiotherapist rather than keep trying alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stuck {
    pub reason: String,
}

/// Whether a plan is stuck: [`STUCK_EASE_OFFS_AT_ONE_STAGE`] ease-offs within [`STUCK_WEEKS_WITHOUT_PROGRESS`]
/// weeks at a stage it has not got beyond, or no step forward for that long while sessions were being logged. `steps` oldest
/// first; `current_stage` is where the plan stands; `last_session` is the newest logged session.
pub fn stuck(
    steps: &[StageStep],
    current_stage: usize,
    started_on: NaiveDate,
    last_session: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<Stuck> {
    let mut ease_offs: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    // Ease-offs count within the same six weeks: two flares months apart are not a pattern, and a plan without
    // stages would otherwise stay "stuck" for good.
    let recent =
        |step: &&StageStep| (today - step.date).num_days() < STUCK_WEEKS_WITHOUT_PROGRESS * 7;
    for step in steps.iter().filter(|s| !s.forward).filter(recent) {
        *ease_offs.entry(step.stage).or_default() += 1;
    }
    if let Some((stage, count)) = ease_offs
        .iter()
        .find(|(stage, count)| **stage >= current_stage && **count >= STUCK_EASE_OFFS_AT_ONE_STAGE)
    {
        return Some(Stuck {
            reason: format!(
                "You have had to ease off {count} times at stage {}. That pattern is worth showing to a \
                 physiotherapist: something may need changing that a plan cannot see.",
                stage + 1
            ),
        });
    }
    let since = steps
        .iter()
        .filter(|s| s.forward)
        .map(|s| s.date)
        .max()
        .unwrap_or(started_on)
        .max(started_on);
    let weeks = (today - since).num_days() / 7;
    if weeks >= STUCK_WEEKS_WITHOUT_PROGRESS && last_session.is_some_and(|d| d > since) {
        return Some(Stuck {
            reason: format!(
                "No step forward for {weeks} weeks while you kept logging sessions. Six weeks without progress \
                 is a reason to see a physiotherapist, who can look for what is holding the knee back."
            ),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2026-01-05 is a Monday.
    fn day(n: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, n).unwrap()
    }

    fn s(n: u32, before: Option<u8>, during: u8, morning: Option<u8>) -> PainSample {
        PainSample {
            date: day(n),
            before,
            during,
            next_morning: morning,
        }
    }

    /// (name, history, stage baseline, red flag, verdict, rule)
    type Case = (
        &'static str,
        Vec<PainSample>,
        Option<u8>,
        bool,
        Verdict,
        PainRule,
    );

    #[test]
    fn table_of_pain_histories() {
        let t = PainThresholds::default();
        let cases: Vec<Case> = vec![
            (
                "nothing yet",
                vec![],
                None,
                false,
                Verdict::Wait,
                PainRule::NoHistory,
            ),
            (
                "settled",
                vec![s(5, None, 2, Some(1))],
                Some(1),
                false,
                Verdict::Pass,
                PainRule::WithinLimits,
            ),
            (
                "over the limit",
                vec![s(5, None, 4, Some(1))],
                Some(1),
                false,
                Verdict::EaseOff,
                PainRule::PainDuring,
            ),
            (
                "at the limit",
                vec![s(5, None, 3, Some(1))],
                Some(1),
                false,
                Verdict::Pass,
                PainRule::WithinLimits,
            ),
            (
                "morning missing",
                vec![s(5, None, 2, None)],
                Some(1),
                false,
                Verdict::Wait,
                PainRule::AwaitingNextMorning,
            ),
            // A flare: stage began at 1; mornings of 3 then 3 again are both still worse than 1 + 1.
            (
                "flare",
                vec![s(5, None, 2, Some(3))],
                Some(1),
                false,
                Verdict::EaseOff,
                PainRule::NextMorning,
            ),
            (
                "flare not settled back",
                vec![s(5, None, 2, Some(3)), s(7, None, 1, Some(3))],
                Some(1),
                false,
                Verdict::EaseOff,
                PainRule::NextMorning,
            ),
            (
                "flare settled back",
                vec![s(5, None, 2, Some(3)), s(7, None, 1, Some(2))],
                Some(1),
                false,
                Verdict::Pass,
                PainRule::WithinLimits,
            ),
            // A worse morning never becomes the reference: with no stage baseline and no pain before, the limit is.
            (
                "no reference",
                vec![s(5, None, 2, Some(4))],
                None,
                false,
                Verdict::EaseOff,
                PainRule::NextMorning,
            ),
            // Pain before lower than the stage baseline: the lower one is the reference.
            (
                "before lower",
                vec![s(5, Some(0), 1, Some(2))],
                Some(2),
                false,
                Verdict::EaseOff,
                PainRule::NextMorning,
            ),
            // A knee at 4 before may exercise at 4 (up to the ceiling of 5).
            (
                "resting at four",
                vec![s(5, Some(4), 4, Some(4))],
                Some(4),
                false,
                Verdict::Pass,
                PainRule::WithinLimits,
            ),
            (
                "worse than before",
                vec![s(5, Some(4), 5, Some(4))],
                Some(4),
                false,
                Verdict::EaseOff,
                PainRule::PainDuring,
            ),
            (
                "week on week, during",
                vec![s(5, None, 0, Some(0)), s(12, None, 2, Some(0))],
                Some(0),
                false,
                Verdict::Hold,
                PainRule::WeekOnWeek,
            ),
            (
                "week on week, next morning",
                vec![
                    s(5, None, 1, Some(0)),
                    s(12, None, 1, Some(1)),
                    s(14, Some(1), 1, Some(2)),
                ],
                Some(1),
                false,
                Verdict::Hold,
                PainRule::WeekOnWeek,
            ),
            (
                "week on week within the tolerance",
                vec![s(5, None, 0, Some(0)), s(12, None, 1, Some(1))],
                Some(0),
                false,
                Verdict::Pass,
                PainRule::WithinLimits,
            ),
            (
                "red flag pauses",
                vec![s(5, None, 1, Some(0))],
                Some(0),
                true,
                Verdict::Paused,
                PainRule::RedFlag,
            ),
            (
                "red flag still eases off",
                vec![s(5, None, 6, Some(0))],
                Some(0),
                true,
                Verdict::EaseOff,
                PainRule::PainDuring,
            ),
        ];
        for (name, history, baseline, flag, verdict, rule) in cases {
            let j = judge(&history, baseline, &t, flag);
            assert_eq!((j.verdict, j.rule), (verdict, rule), "{name}: {}", j.reason);
            assert!(!j.reason.is_empty(), "{name}");
        }
    }

    #[test]
    fn reasons_name_the_numbers() {
        let t = PainThresholds::default();
        let j = judge(&[s(5, None, 2, Some(3))], Some(1), &t, false);
        assert!(
            j.reason
                .contains("3/10, worse than the 1/10 before this stage began"),
            "{}",
            j.reason
        );
        let j = judge(&[s(5, None, 5, Some(0))], None, &t, false);
        assert!(
            j.reason.contains("5/10, above your limit of 3/10"),
            "{}",
            j.reason
        );
        let j = judge(
            &[s(5, None, 0, Some(0)), s(12, None, 2, Some(0))],
            Some(0),
            &t,
            false,
        );
        assert!(
            j.reason.contains("0.0/10 last week to 2.0/10 this week"),
            "{}",
            j.reason
        );
    }

    #[test]
    fn a_weekly_rise_can_be_allowed() {
        let t = PainThresholds {
            allow_weekly_rise: true,
            ..PainThresholds::default()
        };
        let j = judge(
            &[s(5, None, 0, Some(0)), s(12, None, 3, Some(0))],
            Some(0),
            &t,
            false,
        );
        assert_eq!(j.verdict, Verdict::Pass, "{}", j.reason);
    }

    #[test]
    fn stuck_after_two_ease_offs_or_six_weeks() {
        let step = |n: u32, stage: usize, forward: bool| StageStep {
            date: day(n),
            stage,
            forward,
        };
        let start = day(1);
        // Eased off from stage 3 twice, back at stage 2: stuck, and it says why.
        let steps = [
            step(5, 2, true),
            step(8, 3, false),
            step(12, 2, true),
            step(15, 3, false),
        ];
        let why = stuck(&steps, 2, start, Some(day(15)), day(16)).unwrap();
        assert!(
            why.reason.contains("ease off 2 times at stage 4"),
            "{}",
            why.reason
        );
        assert!(why.reason.contains("physiotherapist"));
        // Once past that stage, it is no longer stuck there.
        assert!(stuck(&steps, 4, start, Some(day(15)), day(16)).is_none());
        // One ease-off is not a pattern.
        assert!(stuck(&steps[..2], 2, start, Some(day(8)), day(9)).is_none());
        // Nor are two ease-offs months apart (with a step forward in the last six weeks).
        let later = day(5) + Duration::weeks(8);
        let apart = [
            step(5, 0, false),
            StageStep {
                date: later - Duration::weeks(3),
                stage: 0,
                forward: true,
            },
            StageStep {
                date: later,
                stage: 0,
                forward: false,
            },
        ];
        assert!(stuck(&apart, 0, start, Some(later), later).is_none());
        // Six weeks of sessions without a step forward.
        let late = start + Duration::weeks(6);
        let why = stuck(&[], 0, start, Some(late - Duration::days(1)), late).unwrap();
        assert!(why.reason.contains("6 weeks"), "{}", why.reason);
        // Nobody logged anything: not stuck, just not started.
        assert!(stuck(&[], 0, start, None, late).is_none());
        // A step forward within the six weeks resets the clock.
        assert!(stuck(&[step(20, 0, true)], 1, start, Some(late), late).is_none());
    }

    #[test]
    fn describe_says_one_limit_for_everything() {
        let text = PainThresholds::default().describe();
        assert!(text.contains("one pain limit"), "{text}");
        assert!(text.contains("3/10 or less"), "{text}");
        assert!(
            text.contains("before this stage of the plan began"),
            "{text}"
        );
    }
}
