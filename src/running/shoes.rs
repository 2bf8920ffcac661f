//! Shoe distance and age, and the two reminders from the article's range (300–500 miles or 6–9 months, whichever
//! comes first): "check them" at the low end, "replace them" at the high end; both editable.

use chrono::{Datelike, NaiveDate};

use super::model::{RunningData, Shoe, Thresholds};

/// What a shoe is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ShoeAdvice {
    /// Past the low end of the range: look at the cushioning and wear.
    Check,
    /// Past the high end: time for a new pair.
    Replace,
}

/// A reminder and what triggered it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShoeReminder {
    pub advice: ShoeAdvice,
    /// The distance passed the advice's limit.
    pub by_distance: bool,
    /// The age passed the advice's limit.
    pub by_age: bool,
}

/// A shoe's totals on a given day.
#[derive(Debug, Clone, PartialEq)]
pub struct ShoeStatus {
    pub shoe_id: u64,
    /// Starting distance plus every run assigned to the shoe.
    pub distance_m: f64,
    pub runs: usize,
    /// Whole months since the start date (to the retirement date for retired shoes).
    pub age_months: u32,
    pub age_days: i64,
    /// None for retired shoes: they keep their history but need no reminder.
    pub reminder: Option<ShoeReminder>,
}

/// Whole calendar months from `from` to `to` (0 when `to` is earlier).
#[must_use]
#[expect(clippy::cast_possible_wrap, reason = "small indices and counts")]
pub fn whole_months(from: NaiveDate, to: NaiveDate) -> u32 {
    if to <= from {
        return 0;
    }
    let months = (to.year() - from.year()) * 12 + to.month() as i32
        - from.month() as i32
        - i32::from(to.day() < from.day());
    u32::try_from(months.max(0)).unwrap_or(0)
}

/// Totals and reminder for one shoe.
#[must_use]
pub fn shoe_status(data: &RunningData, shoe: &Shoe, today: NaiveDate) -> ShoeStatus {
    let (runs, run_m) = data
        .runs
        .iter()
        .filter(|r| r.shoe_id == Some(shoe.id))
        .fold((0, 0.0), |(n, m), r| (n + 1, m + r.distance_m));
    let end = shoe.retired_on.unwrap_or(today);
    let distance_m = shoe.initial_distance_m + run_m;
    let age_months = whole_months(shoe.start_date, end);
    ShoeStatus {
        shoe_id: shoe.id,
        distance_m,
        runs,
        age_months,
        age_days: (end - shoe.start_date).num_days().max(0),
        reminder: if shoe.retired_on.is_some() {
            None
        } else {
            reminder(distance_m, age_months, &data.settings.thresholds)
        },
    }
}

fn reminder(distance_m: f64, age_months: u32, t: &Thresholds) -> Option<ShoeReminder> {
    let at = |advice, limit_m: f64, limit_months: u32| {
        let (by_distance, by_age) = (distance_m >= limit_m, age_months >= limit_months);
        (by_distance || by_age).then_some(ShoeReminder {
            advice,
            by_distance,
            by_age,
        })
    };
    at(ShoeAdvice::Replace, t.shoe_limit_m, t.shoe_limit_months)
        .or_else(|| at(ShoeAdvice::Check, t.shoe_check_m, t.shoe_check_months))
}

/// Status of every shoe, active ones first.
#[must_use]
pub fn all_statuses(data: &RunningData, today: NaiveDate) -> Vec<ShoeStatus> {
    let mut shoes: Vec<&Shoe> = data.shoes.iter().collect();
    shoes.sort_by_key(|s| (s.retired_on.is_some(), s.start_date));
    shoes
        .into_iter()
        .map(|s| shoe_status(data, s, today))
        .collect()
}

#[cfg(test)]
#[expect(
    clippy::float_cmp,
    reason = "expected values are computed from exact inputs"
)]
mod tests {
    use super::*;
    use crate::running::model::Run;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn months_are_whole_calendar_months() {
        assert_eq!(whole_months(date(2024, 1, 31), date(2024, 2, 29)), 0);
        assert_eq!(whole_months(date(2024, 1, 15), date(2024, 10, 15)), 9);
        assert_eq!(whole_months(date(2024, 1, 15), date(2024, 10, 14)), 8);
        assert_eq!(whole_months(date(2024, 5, 1), date(2024, 1, 1)), 0);
    }

    #[test]
    fn shoe_limit_table() {
        let check = |d, a| {
            Some(ShoeReminder {
                advice: ShoeAdvice::Check,
                by_distance: d,
                by_age: a,
            })
        };
        let replace = |d, a| {
            Some(ShoeReminder {
                advice: ShoeAdvice::Replace,
                by_distance: d,
                by_age: a,
            })
        };
        // (starting km, run km, start date, today, expected)
        let cases = [
            (0.0, 100.0, date(2024, 1, 1), date(2024, 3, 1), None),
            // 480 km (300 miles) or 6 months: check them, whichever comes first.
            (
                400.0,
                80.0,
                date(2024, 1, 1),
                date(2024, 3, 1),
                check(true, false),
            ),
            (
                0.0,
                10.0,
                date(2024, 1, 1),
                date(2024, 7, 1),
                check(false, true),
            ),
            (
                470.0,
                20.0,
                date(2024, 1, 1),
                date(2024, 7, 2),
                check(true, true),
            ),
            // 800 km (500 miles) or 9 months: replace them.
            (
                700.0,
                100.0,
                date(2024, 1, 1),
                date(2024, 3, 1),
                replace(true, false),
            ),
            (
                0.0,
                10.0,
                date(2024, 1, 1),
                date(2024, 10, 1),
                replace(false, true),
            ),
            (
                790.0,
                20.0,
                date(2024, 1, 1),
                date(2024, 10, 2),
                replace(true, true),
            ),
            // Replace by age wins over check by distance.
            (
                500.0,
                0.0,
                date(2024, 1, 1),
                date(2024, 10, 1),
                replace(false, true),
            ),
        ];
        for (start_km, run_km, start, today, expected) in cases {
            let mut data = RunningData::default();
            data.shoes.push(Shoe {
                id: 1,
                name: "A".into(),
                start_date: start,
                initial_distance_m: start_km * 1000.0,
                retired_on: None,
            });
            data.runs.push(Run {
                id: 2,
                shoe_id: Some(1),
                distance_m: run_km * 1000.0,
                ..Run::default()
            });
            let status = shoe_status(&data, &data.shoes[0], today);
            assert_eq!(
                status.reminder, expected,
                "{start_km} + {run_km} km, {start} → {today}"
            );
            assert_eq!(status.distance_m, (start_km + run_km) * 1000.0);
        }
    }

    #[test]
    fn retired_shoes_keep_history_without_reminders_and_limits_are_editable() {
        let mut data = RunningData::default();
        data.shoes.push(Shoe {
            id: 1,
            name: "Old".into(),
            start_date: date(2023, 1, 1),
            initial_distance_m: 900_000.0,
            retired_on: Some(date(2023, 6, 1)),
        });
        let status = shoe_status(&data, &data.shoes[0], date(2025, 1, 1));
        assert_eq!(status.reminder, None);
        assert_eq!(status.age_months, 5, "age stops at retirement");
        data.shoes[0].retired_on = None;
        data.settings.thresholds.shoe_limit_m = 1_000_000.0;
        data.settings.thresholds.shoe_limit_months = 36;
        data.settings.thresholds.shoe_check_m = 950_000.0;
        data.settings.thresholds.shoe_check_months = 30;
        assert_eq!(
            shoe_status(&data, &data.shoes[0], date(2025, 1, 1)).reminder,
            None
        );
    }
}
