//! Training load: weekly totals of runs and cross-training, and load warnings worded as information, each naming
//! the rule (and so its sources and evidence level in `content/running.ron`).

use chrono::{Datelike, Duration, NaiveDate};

use super::model::{Run, RunningData, Thresholds, Units};

/// Monday of the ISO week holding `date`.
#[must_use]
pub fn week_start(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

/// One week's totals.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WeekTotals {
    pub monday: NaiveDate,
    pub run_m: f64,
    pub cross_m: f64,
    pub run_secs: u64,
    pub cross_secs: u64,
    /// Distance of planned runs not yet done (counted for weeks from the current one on).
    pub planned_run_m: f64,
}

/// Totals for every week from `first_monday` to `last_monday` inclusive (empty weeks included).
#[must_use]
#[expect(clippy::cast_possible_wrap, reason = "small indices and counts")]
pub fn weekly_totals(
    data: &RunningData,
    first_monday: NaiveDate,
    last_monday: NaiveDate,
    today: NaiveDate,
) -> Vec<WeekTotals> {
    let first_monday = week_start(first_monday);
    let last_monday = week_start(last_monday);
    if last_monday < first_monday {
        return Vec::new();
    }
    let weeks = usize::try_from((last_monday - first_monday).num_weeks()).unwrap_or(0) + 1;
    let mut totals: Vec<WeekTotals> = (0..weeks)
        .map(|i| WeekTotals {
            // i < weeks, which came from an i64 count of weeks.
            monday: first_monday + Duration::weeks(i as i64),
            ..WeekTotals::default()
        })
        .collect();
    let index = |date: NaiveDate| -> Option<usize> {
        let monday = week_start(date);
        (monday >= first_monday && monday <= last_monday)
            .then(|| usize::try_from((monday - first_monday).num_weeks()).unwrap_or(0))
    };
    for run in &data.runs {
        if let Some(i) = index(run.date()) {
            let week = &mut totals[i];
            if run.sport.is_run() {
                week.run_m += run.distance_m;
                week.run_secs += u64::from(run.elapsed_secs);
            } else {
                week.cross_m += run.distance_m;
                week.cross_secs += u64::from(run.elapsed_secs);
            }
        }
    }
    for planned in &data.planned {
        if planned.sport.is_run()
            && planned.date >= today
            && let Some(i) = index(planned.date)
        {
            totals[i].planned_run_m += planned.distance_m;
        }
    }
    totals
}

/// Where a warning shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WarningScope {
    Run(u64),
    Planned(u64),
    /// The week starting on this Monday.
    Week(NaiveDate),
}

/// One warning: the rule it comes from (see `RunningGuidance::load_rule`) and the numbers behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadWarning {
    /// `weekly_increase`, `single_run_spike`, `no_recent_baseline`, `beyond_stage` or `lighter_week`. The
    /// acute:chronic ratio is never a warning: the chart shows it as context only.
    pub rule_id: &'static str,
    pub scope: WarningScope,
    /// The numbers, in the user's units, e.g. "42.0 km this week vs 30.0 km the week before (+40%)".
    pub detail: String,
}

fn pct_over(value: f64, base: f64) -> f64 {
    (value / base - 1.0) * 100.0
}

/// Days without a run after which a run has no recent baseline.
pub const NO_BASELINE_DAYS: i64 = 30;

/// All load warnings up to the end of the current week (logged runs, plus planned runs from today on). During a
/// return-to-run plan (entry criteria confirmed), runs from its start are judged against their stage by the
/// replay (`return_to_run::replay`), not as plain spikes.
#[must_use]
pub fn load_warnings(data: &RunningData, today: NaiveDate) -> Vec<LoadWarning> {
    let thresholds = &data.settings.thresholds;
    let units = data.settings.units;
    let mut warnings = Vec::new();
    let runs: Vec<&Run> = data
        .runs_by_start()
        .into_iter()
        .filter(|r| r.sport.is_run())
        .collect();
    let stage_runs_from = data
        .return_to_run
        .as_ref()
        .filter(|state| state.entry_criteria_met)
        .map(|state| state.started_on);
    let on_stage = |date: NaiveDate| stage_runs_from.is_some_and(|from| date >= from);
    no_recent_baseline(&runs, data, today, &on_stage, &mut warnings);
    single_run_spikes(
        &runs,
        data,
        today,
        thresholds,
        units,
        &on_stage,
        &mut warnings,
    );
    if let Some(first) = runs.first() {
        // Weeks run to the last planned run, so a plan is checked before it happens.
        let last_planned = data
            .planned
            .iter()
            .filter(|p| p.sport.is_run())
            .map(|p| p.date)
            .max();
        let weeks = weekly_totals(
            data,
            first.date(),
            last_planned.unwrap_or(today).max(today),
            today,
        );
        weekly_increases(&weeks, thresholds, units, &mut warnings);
        let current = weeks
            .iter()
            .position(|w| w.monday == week_start(today))
            .map_or(weeks.len(), |i| i + 1);
        lighter_week(&weeks[..current], thresholds, &mut warnings);
    }
    warnings
}

/// The first run after [`NO_BASELINE_DAYS`] days or more without running, or with no run logged before it (and
/// a planned run with none in the days before it): nothing recent to judge it against.
fn no_recent_baseline(
    runs: &[&Run],
    data: &RunningData,
    today: NaiveDate,
    on_stage: &dyn Fn(NaiveDate) -> bool,
    out: &mut Vec<LoadWarning>,
) {
    let gap_detail = |previous: Option<NaiveDate>, date: NaiveDate| match previous {
        None => "No run logged before this one: there is no recent baseline to compare it with."
            .to_owned(),
        Some(previous) => format!(
            "{} days since your previous run ({}): no recent baseline to compare it with.",
            (date - previous).num_days(),
            previous.format("%-d %b %Y")
        ),
    };
    let mut previous: Option<NaiveDate> = None;
    for run in runs {
        let date = run.date();
        let gap = previous.is_none_or(|p| (date - p).num_days() >= NO_BASELINE_DAYS);
        if gap && !on_stage(date) {
            out.push(LoadWarning {
                rule_id: "no_recent_baseline",
                scope: WarningScope::Run(run.id),
                detail: gap_detail(previous, date),
            });
        }
        previous = Some(date);
    }
    for planned in data
        .planned
        .iter()
        .filter(|p| p.sport.is_run() && p.date >= today && !on_stage(p.date))
    {
        let last_before = runs
            .iter()
            .map(|r| r.date())
            .filter(|d| *d < planned.date)
            .max();
        if last_before.is_none_or(|p| (planned.date - p).num_days() >= NO_BASELINE_DAYS) {
            out.push(LoadWarning {
                rule_id: "no_recent_baseline",
                scope: WarningScope::Planned(planned.id),
                detail: gap_detail(last_before, planned.date),
            });
        }
    }
}

fn single_run_spikes(
    runs: &[&Run],
    data: &RunningData,
    today: NaiveDate,
    t: &Thresholds,
    units: Units,
    on_stage: &dyn Fn(NaiveDate) -> bool,
    out: &mut Vec<LoadWarning>,
) {
    let factor = 1.0 + t.single_run_increase_pct / 100.0;
    let longest_before = |end: chrono::DateTime<chrono::Utc>| -> f64 {
        let start = end - Duration::days(30);
        // Runs are sorted by start: find the window by binary search, then take the longest in it.
        let from = runs.partition_point(|r| r.start_utc < start);
        let to = runs.partition_point(|r| r.start_utc < end);
        runs[from..to]
            .iter()
            .map(|r| r.distance_m)
            .fold(0.0, f64::max)
    };
    for run in runs.iter().filter(|r| !on_stage(r.date())) {
        let longest = longest_before(run.start_utc);
        if longest > 0.0 && run.distance_m > longest * factor {
            out.push(LoadWarning {
                rule_id: "single_run_spike",
                scope: WarningScope::Run(run.id),
                detail: format!(
                    "{} vs your longest of the previous 30 days, {} (+{:.0}%).",
                    units.format(run.distance_m),
                    units.format(longest),
                    pct_over(run.distance_m, longest)
                ),
            });
        }
    }
    for planned in data
        .planned
        .iter()
        .filter(|p| p.sport.is_run() && p.date >= today && !on_stage(p.date))
    {
        let Some(end) = planned.date.and_hms_opt(0, 0, 0).map(|t| t.and_utc()) else {
            continue;
        };
        let longest = longest_before(end);
        if longest > 0.0 && planned.distance_m > longest * factor {
            out.push(LoadWarning {
                rule_id: "single_run_spike",
                scope: WarningScope::Planned(planned.id),
                detail: format!(
                    "Planned {} vs your longest of the previous 30 days, {} (+{:.0}%).",
                    units.format(planned.distance_m),
                    units.format(longest),
                    pct_over(planned.distance_m, longest)
                ),
            });
        }
    }
}

fn weekly_increases(
    weeks: &[WeekTotals],
    t: &Thresholds,
    units: Units,
    out: &mut Vec<LoadWarning>,
) {
    let factor = 1.0 + t.weekly_increase_pct / 100.0;
    for (i, week) in weeks.iter().enumerate().skip(1) {
        let this = week.run_m + week.planned_run_m;
        let previous = weeks[i - 1].run_m + weeks[i - 1].planned_run_m;
        if previous > 0.0 && this > previous * factor {
            out.push(LoadWarning {
                rule_id: "weekly_increase",
                scope: WarningScope::Week(week.monday),
                detail: format!(
                    "{} this week vs {} the week before (+{:.0}%).",
                    units.format(this),
                    units.format(previous),
                    pct_over(this, previous)
                ),
            });
        } else if i >= 4 {
            let average = weeks[i - 4..i]
                .iter()
                .map(|w| w.run_m + w.planned_run_m)
                .sum::<f64>()
                / 4.0;
            if average > 0.0 && this > average * factor {
                out.push(LoadWarning {
                    rule_id: "weekly_increase",
                    scope: WarningScope::Week(week.monday),
                    detail: format!(
                        "{} this week vs a 4-week average of {} (+{:.0}%).",
                        units.format(this),
                        units.format(average),
                        pct_over(this, average)
                    ),
                });
            }
        }
    }
}

/// The current week is due to be lighter when each of the `n - 1` weeks before it ran at least as far as the
/// week before that (no lighter week in the cycle).
fn lighter_week(weeks: &[WeekTotals], t: &Thresholds, out: &mut Vec<LoadWarning>) {
    let n = usize::try_from(t.lighter_week_every).unwrap_or(usize::MAX);
    let Some(current) = weeks.last() else { return };
    if n < 2 || weeks.len() < n {
        return;
    }
    let cycle = &weeks[weeks.len() - n..weeks.len() - 1];
    let building = cycle.iter().all(|w| w.run_m > 0.0)
        && cycle.windows(2).all(|w| w[1].run_m >= w[0].run_m * 0.9);
    if building {
        out.push(LoadWarning {
            rule_id: "lighter_week",
            scope: WarningScope::Week(current.monday),
            detail: format!(
                "{} weeks of steady or rising distance without an easier one.",
                n - 1
            ),
        });
    }
}

/// Acute (last 7 days) : chronic (weekly average of the last 28 days) running distance, once 28 days are
/// logged. Returns (ratio, acute metres, chronic weekly metres).
#[must_use]
pub fn acute_chronic_ratio(data: &RunningData, today: NaiveDate) -> Option<(f64, f64, f64)> {
    let first = data
        .runs
        .iter()
        .filter(|r| r.sport.is_run())
        .map(Run::date)
        .min()?;
    if (today - first).num_days() < 28 {
        return None;
    }
    let within = |days: i64| -> f64 {
        data.runs
            .iter()
            .filter(|r| r.sport.is_run())
            .filter(|r| {
                let age = (today - r.date()).num_days();
                (0..days).contains(&age)
            })
            .map(|r| r.distance_m)
            .sum()
    };
    let acute = within(7);
    let chronic = within(28) / 4.0;
    (chronic > 0.0).then(|| (acute / chronic, acute, chronic))
}

#[cfg(test)]
#[expect(
    clippy::float_cmp,
    reason = "expected values are computed from exact inputs"
)]
mod tests {
    use super::*;
    use crate::running::model::{PlannedRun, Sport};
    use chrono::{TimeZone, Utc};

    fn day(d: i64) -> NaiveDate {
        // 2024-01-01 is a Monday.
        NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + Duration::days(d)
    }

    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "values are clamped or rounded into range first; values are non-negative here"
    )]
    fn run(id: u64, d: i64, km: f64) -> Run {
        let date = day(d);
        Run {
            id,
            start_utc: Utc
                .with_ymd_and_hms(date.year(), date.month(), date.day(), 7, 0, 0)
                .unwrap(),
            distance_m: km * 1000.0,
            // Test distances of a few dozen km: a few thousand seconds.
            elapsed_secs: (km * 360.0) as u32,
            ..Run::default()
        }
    }

    /// Weekly histories (km per week, one run on Tuesday and one on Saturday) → rule ids per week.
    #[expect(
        clippy::cast_possible_wrap,
        clippy::cast_sign_loss,
        reason = "small indices and counts; values are non-negative here"
    )]
    fn weekly(kms: &[f64]) -> RunningData {
        let mut data = RunningData::default();
        for (w, km) in kms.iter().enumerate() {
            let w = w as i64;
            data.runs.push(run(w as u64 * 10 + 1, w * 7 + 1, km / 2.0));
            data.runs.push(run(w as u64 * 10 + 2, w * 7 + 5, km / 2.0));
        }
        data
    }

    fn week_rules(data: &RunningData, today: NaiveDate, rule: &str) -> Vec<NaiveDate> {
        load_warnings(data, today)
            .into_iter()
            .filter(|w| w.rule_id == rule)
            .filter_map(|w| match w.scope {
                WarningScope::Week(m) => Some(m),
                _ => None,
            })
            .collect()
    }

    #[test]
    #[expect(clippy::cast_possible_wrap, reason = "small indices and counts")]
    fn weekly_increase_table() {
        let cases: &[(&[f64], &[i64])] = &[
            (&[20.0, 20.0, 20.0, 20.0], &[]),
            (&[20.0, 26.0], &[]),  // +30% exactly is not "more than"
            (&[20.0, 27.0], &[1]), // +35% over the previous week
            (&[20.0, 20.0, 20.0, 10.0, 14.0], &[4]), // +40% over a low week
            (&[10.0, 10.0, 10.0, 20.0, 22.0], &[3, 4]), // week 4: +10% on the week before, +76% on the 4-week average
            (&[20.0, 20.0, 20.0, 20.0, 27.0], &[4]),
            (&[30.0, 0.0, 30.0], &[]), // after an empty week there is nothing to compare against
        ];
        for (kms, expected) in cases {
            let data = weekly(kms);
            let today = day(kms.len() as i64 * 7 - 1); // a handful of weeks
            let got = week_rules(&data, today, "weekly_increase");
            let expected: Vec<NaiveDate> = expected.iter().map(|w| day(w * 7)).collect();
            assert_eq!(got, expected, "{kms:?}");
        }
    }

    #[test]
    fn a_planned_week_is_checked_before_it_happens() {
        let mut data = weekly(&[20.0, 20.0]);
        data.planned.push(PlannedRun {
            id: 99,
            date: day(15),
            distance_m: 16_000.0,
            ..PlannedRun::default()
        });
        data.planned.push(PlannedRun {
            id: 98,
            date: day(17),
            distance_m: 14_000.0,
            ..PlannedRun::default()
        });
        // Today is the Sunday of week 2; next week holds 30 km of planned runs, +50%.
        assert_eq!(week_rules(&data, day(13), "weekly_increase"), vec![day(14)]);
    }

    #[test]
    fn editable_threshold_changes_the_result() {
        let mut data = weekly(&[20.0, 25.0]);
        assert!(week_rules(&data, day(13), "weekly_increase").is_empty());
        data.settings.thresholds.weekly_increase_pct = 20.0;
        assert_eq!(week_rules(&data, day(13), "weekly_increase"), vec![day(7)]);
    }

    #[test]
    fn single_run_spike_on_logged_and_planned_runs() {
        let mut data = RunningData::default();
        data.runs.push(run(1, 0, 10.0));
        data.runs.push(run(2, 10, 11.0)); // +10% exactly: no warning
        data.runs.push(run(3, 20, 12.5)); // +13.6% over 11
        data.runs.push(run(4, 60, 20.0)); // nothing in the 30 days before: no baseline
        data.planned.push(PlannedRun {
            id: 9,
            date: day(70),
            distance_m: 25_000.0,
            ..PlannedRun::default()
        });
        let warnings: Vec<WarningScope> = load_warnings(&data, day(65))
            .into_iter()
            .filter(|w| w.rule_id == "single_run_spike")
            .map(|w| w.scope)
            .collect();
        assert_eq!(
            warnings,
            vec![WarningScope::Run(3), WarningScope::Planned(9)]
        );
    }

    #[test]
    fn acwr_needs_28_days() {
        let data = weekly(&[10.0, 10.0, 10.0]);
        assert_eq!(acute_chronic_ratio(&data, day(20)), None);
        let data = weekly(&[10.0, 10.0, 10.0, 10.0, 30.0]);
        let (ratio, acute, chronic) = acute_chronic_ratio(&data, day(34)).unwrap();
        assert_eq!(acute, 30_000.0);
        assert_eq!(chronic, 15_000.0);
        assert!((ratio - 2.0).abs() < 1e-9);
        // Context only: a ratio of 2.0 is never a warning.
        assert!(week_rules(&data, day(34), "acwr").is_empty());
        assert!(
            load_warnings(&data, day(34))
                .iter()
                .all(|w| w.rule_id != "acwr")
        );
    }

    #[test]
    fn a_run_after_a_month_off_has_no_baseline() {
        let data = RunningData {
            runs: vec![
                run(1, 0, 5.0),
                run(2, 3, 5.0),
                run(3, 43, 12.0),
                run(4, 45, 5.0),
            ],
            ..RunningData::default()
        };
        let warnings = load_warnings(&data, day(50));
        let flagged: Vec<WarningScope> = warnings
            .iter()
            .filter(|w| w.rule_id == "no_recent_baseline")
            .map(|w| w.scope)
            .collect();
        // The very first run, and the run after 40 days off; not the run two days later.
        assert_eq!(flagged, vec![WarningScope::Run(1), WarningScope::Run(3)]);
        let detail = &warnings
            .iter()
            .find(|w| w.scope == WarningScope::Run(3) && w.rule_id == "no_recent_baseline")
            .unwrap()
            .detail;
        assert!(
            detail.contains("40 days since your previous run"),
            "{detail}"
        );
        // The spike rule stays silent (nothing in the 30 days before): the new warning is what speaks.
        assert!(
            !warnings
                .iter()
                .any(|w| w.rule_id == "single_run_spike" && w.scope == WarningScope::Run(3))
        );
    }

    #[test]
    fn stage_runs_are_not_plain_spikes() {
        let mut data = RunningData {
            runs: vec![run(1, 0, 2.0), run(2, 2, 3.0)],
            ..RunningData::default()
        };
        assert!(
            load_warnings(&data, day(5))
                .iter()
                .any(|w| w.rule_id == "single_run_spike")
        );
        data.return_to_run = Some(crate::running::model::ReturnToRunState {
            condition_id: "patellofemoral_pain".into(),
            started_on: day(0),
            entry_criteria_met: true,
            baseline_morning_pain: 1,
        });
        let warnings = load_warnings(&data, day(5));
        assert!(
            warnings.iter().all(|w| w.rule_id != "single_run_spike"),
            "{warnings:?}"
        );
        assert!(
            warnings.iter().all(|w| w.rule_id != "no_recent_baseline"),
            "{warnings:?}"
        );
    }

    #[test]
    fn lighter_week_after_three_building_weeks() {
        let data = weekly(&[20.0, 22.0, 24.0, 5.0]);
        assert_eq!(week_rules(&data, day(22), "lighter_week"), vec![day(21)]);
        let data = weekly(&[20.0, 12.0, 24.0, 5.0]); // week 2 was lighter
        assert!(week_rules(&data, day(22), "lighter_week").is_empty());
    }

    #[test]
    fn weekly_totals_split_runs_and_cross_training() {
        let mut data = weekly(&[10.0]);
        let mut ride = run(50, 2, 30.0);
        ride.sport = Sport::Cycling;
        data.runs.push(ride);
        let weeks = weekly_totals(&data, day(0), day(13), day(13));
        assert_eq!(weeks.len(), 2);
        assert_eq!(weeks[0].run_m, 10_000.0);
        assert_eq!(weeks[0].cross_m, 30_000.0);
        assert_eq!(weeks[1].run_m, 0.0);
    }
}
