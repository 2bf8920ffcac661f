//! Calendar export: one `.ics` event per planned session, at the time of day the user picks for each weekday (or
//! all-day), with the exercises and doses in the description.
//!
//! # Choices
//! * Times are **floating local times** (RFC 5545 form #1, no `TZID`, no `Z`): a session set for 07:00 shows at
//!   07:00 wherever the user is and on both sides of a daylight-saving change, which is what a training plan means.
//!   All-day sessions use `VALUE=DATE` with `DTEND` the next day (DTEND is exclusive).
//! * `UID` is `kneemap-plan<plan id>-w<week>-d<day>@kneemap.app` (week and day 1-based, day 1 = Monday): the same
//!   session keeps its UID across exports, so importing the file again updates events instead of duplicating them.
//! * `DTSTAMP` and `LAST-MODIFIED` are the `dtstamp` passed in; `SEQUENCE` is the minutes from 2020-01-01 to it,
//!   so a later export always carries a higher sequence and calendars take it as the newer version.
//! * Lines end in CRLF and are folded at 75 octets (done by the `icalendar` crate; tests check both).

use std::fmt::Write as _;

use chrono::{DateTime, Days, NaiveDate, NaiveTime, TimeDelta, Utc};
use icalendar::{Calendar, Component, Event, EventLike, Property};
use serde::{Deserialize, Serialize};

use crate::content::Content;
use crate::planner::{DayPlan, Plan, day_name, estimate_session_minutes};

/// Shortest calendar slot for a timed session, in minutes.
pub const MIN_EVENT_MINUTES: u32 = 10;

/// When a session goes in the calendar on one weekday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SessionTime {
    /// An all-day event on that date.
    #[default]
    AllDay,
    /// A timed event starting at this local time; it lasts the session's estimated length.
    At(NaiveTime),
}

/// The session time for each weekday, index 0 = Monday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SessionTimes {
    pub by_weekday: [SessionTime; 7],
}

impl SessionTimes {
    /// Every session all-day.
    #[must_use]
    pub fn all_day() -> Self {
        Self::default()
    }

    /// Every session at the same local time.
    #[must_use]
    pub fn every_day_at(time: NaiveTime) -> Self {
        Self {
            by_weekday: [SessionTime::At(time); 7],
        }
    }

    /// The time for a day index (0 = Monday; out-of-range indexes wrap round the week).
    #[must_use]
    pub fn for_day(&self, day_index: usize) -> SessionTime {
        self.by_weekday[day_index % 7]
    }
}

/// The stable UID of the event for `(week, day)` (both 0-based) of the plan with `plan_id`.
#[must_use]
pub fn session_uid(plan_id: u64, week: usize, day: usize) -> String {
    format!(
        "kneemap-plan{plan_id}-w{}-d{}@kneemap.app",
        week + 1,
        day + 1
    )
}

/// The plan as an iCalendar file (text with CRLF line ends). Days without exercises get no event.
#[must_use]
pub fn plan_to_ics(
    plan: &Plan,
    content: &Content,
    times: &SessionTimes,
    dtstamp: DateTime<Utc>,
) -> String {
    let mut calendar = Calendar::empty();
    calendar.append_property(Property::new("VERSION", "2.0"));
    calendar.append_property(Property::new(
        "PRODID",
        concat!("-//KneeMap//KneeMap ", env!("CARGO_PKG_VERSION"), "//EN"),
    ));
    calendar.append_property(Property::new("CALSCALE", "GREGORIAN"));
    calendar.append_property(Property::new("METHOD", "PUBLISH"));
    calendar.name(&plan.name);
    let sequence = sequence_for(dtstamp);
    for (week_index, week) in plan.weeks.iter().enumerate() {
        for (day_index, day) in week.days.iter().enumerate() {
            if day.is_empty() {
                continue;
            }
            let Some(date) = plan.date_of(week_index, day_index) else {
                continue;
            };
            let mut event = Event::new();
            event
                .uid(&session_uid(plan.id, week_index, day_index))
                .timestamp(dtstamp)
                .last_modified(dtstamp)
                .sequence(sequence)
                .summary(&format!(
                    "Knee strength: {} (week {}, {})",
                    plan.name,
                    week_index + 1,
                    day_name(day_index)
                ))
                .description(&describe_day(day, content));
            set_times(&mut event, date, times.for_day(day_index), day);
            calendar.push(event.done());
        }
    }
    calendar.done().to_string()
}

/// Minutes from 2020-01-01 UTC to `dtstamp` (0 before then).
fn sequence_for(dtstamp: DateTime<Utc>) -> u32 {
    const EPOCH_2020_SECS: i64 = 1_577_836_800;
    let minutes = (dtstamp.timestamp() - EPOCH_2020_SECS).max(0) / 60;
    u32::try_from(minutes).unwrap_or(u32::MAX)
}

fn set_times(event: &mut Event, date: NaiveDate, time: SessionTime, day: &DayPlan) {
    match time {
        SessionTime::AllDay => {
            let next = date.checked_add_days(Days::new(1)).unwrap_or(date);
            event.starts(date).ends(next);
        }
        SessionTime::At(start_time) => {
            let start = date.and_time(start_time);
            let minutes = estimate_session_minutes(day).max(MIN_EVENT_MINUTES);
            let end = start
                .checked_add_signed(TimeDelta::minutes(i64::from(minutes)))
                .unwrap_or(start);
            event.starts(start).ends(end);
        }
    }
}

/// The event description: one line per exercise with its dose, then why it is in the plan.
#[must_use]
pub fn describe_day(day: &DayPlan, content: &Content) -> String {
    let mut lines = Vec::with_capacity(day.exercises.len() + 2);
    for (i, planned) in day.exercises.iter().enumerate() {
        let name = content
            .exercise(&planned.exercise_id)
            .map_or(planned.exercise_id.as_str(), |e| e.name.as_str());
        let mut line = format!("{}. {name}: {}", i + 1, planned.dose_summary());
        if planned.rest_secs > 0 {
            let _ = write!(line, ", rest {} s", planned.rest_secs);
        }
        if !planned.why.is_empty() {
            let _ = write!(line, " ({})", planned.why);
        }
        lines.push(line);
    }
    lines.push(format!(
        "About {} minutes. Log the session and your pain in KneeMap.",
        estimate_session_minutes(day)
    ));
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uids_are_stable_and_distinct() {
        assert_eq!(session_uid(7, 0, 0), "kneemap-plan7-w1-d1@kneemap.app");
        assert_ne!(session_uid(7, 0, 1), session_uid(7, 1, 0));
        assert_ne!(session_uid(7, 0, 1), session_uid(8, 0, 1));
    }

    #[test]
    fn sequence_grows_with_the_stamp() {
        let a = DateTime::from_timestamp(1_700_000_000, 0).unwrap();
        let b = DateTime::from_timestamp(1_700_000_600, 0).unwrap();
        assert_eq!(sequence_for(b) - sequence_for(a), 10);
        assert_eq!(sequence_for(DateTime::UNIX_EPOCH), 0);
    }

    #[test]
    fn times_wrap_round_the_week() {
        let seven = NaiveTime::from_hms_opt(7, 0, 0).unwrap();
        let mut times = SessionTimes::all_day();
        times.by_weekday[2] = SessionTime::At(seven);
        assert_eq!(times.for_day(9), SessionTime::At(seven));
        assert_eq!(times.for_day(3), SessionTime::AllDay);
    }
}
