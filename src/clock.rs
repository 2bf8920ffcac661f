//! Time sources for the session runner and dates: the real clock in the app, a hand-set clock in tests.

use std::time::{Duration, Instant};

use chrono::NaiveDate;

/// Monotonic time since the app started (for countdowns) and today's date (for plans and logs).
#[derive(Debug, Clone)]
pub struct Clock {
    started: Instant,
    /// When set, time stands still at this value until moved by [`Clock::advance`] (tests).
    manual_elapsed: Option<Duration>,
    /// When set, replaces the system date (tests).
    manual_today: Option<NaiveDate>,
}

impl Default for Clock {
    fn default() -> Self {
        Self::system()
    }
}

impl Clock {
    /// The real clock.
    pub fn system() -> Self {
        Self {
            started: Instant::now(),
            manual_elapsed: None,
            manual_today: None,
        }
    }

    /// A clock that only moves when told to, starting at zero on the given date.
    pub fn manual(today: NaiveDate) -> Self {
        Self {
            started: Instant::now(),
            manual_elapsed: Some(Duration::ZERO),
            manual_today: Some(today),
        }
    }

    /// Time since start.
    pub fn now(&self) -> Duration {
        self.manual_elapsed
            .unwrap_or_else(|| self.started.elapsed())
    }

    /// Today's local date.
    pub fn today(&self) -> NaiveDate {
        self.manual_today
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// The current moment in UTC (when a red flag was ticked). A manual clock reads noon UTC on its date plus the
    /// time it has been moved forward.
    pub fn now_utc(&self) -> chrono::DateTime<chrono::Utc> {
        match (self.manual_today, self.manual_elapsed) {
            (Some(today), Some(elapsed)) => {
                let noon = today.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc();
                noon + chrono::TimeDelta::from_std(elapsed).unwrap_or_default()
            }
            _ => chrono::Utc::now(),
        }
    }

    /// Moves a manual clock forward; the real clock ignores this.
    pub fn advance(&mut self, by: Duration) {
        if let Some(elapsed) = self.manual_elapsed.as_mut() {
            *elapsed += by;
        }
    }

    /// Sets a manual clock's date.
    pub fn set_today(&mut self, today: NaiveDate) {
        if self.manual_today.is_some() {
            self.manual_today = Some(today);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manual_clock_moves_only_when_advanced() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let mut clock = Clock::manual(day);
        assert_eq!(clock.now(), Duration::ZERO);
        clock.advance(Duration::from_secs(5));
        assert_eq!(clock.now(), Duration::from_secs(5));
        assert_eq!(clock.today(), day);
    }

    #[test]
    fn system_clock_runs_and_ignores_advance() {
        let mut clock = Clock::system();
        let first = clock.now();
        std::thread::sleep(Duration::from_millis(20));
        let later = clock.now();
        assert!(
            later >= first + Duration::from_millis(20),
            "a frozen clock fails here"
        );
        clock.advance(Duration::from_secs(100));
        assert!(clock.now() < later + Duration::from_secs(100));
        let utc = clock.now_utc();
        assert!((chrono::Utc::now() - utc).num_seconds().abs() < 5);
    }

    #[test]
    fn manual_clock_utc_moves_with_it() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let mut clock = Clock::manual(day);
        assert_eq!(clock.now_utc().to_rfc3339(), "2026-11-25T12:00:00+00:00");
        clock.advance(Duration::from_secs(90));
        assert_eq!(clock.now_utc().to_rfc3339(), "2026-11-25T12:01:30+00:00");
    }
}
