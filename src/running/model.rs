//! The saved shape of the running log: runs, cross-training, shoes, planned runs, settings and the undo slot.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Metres in one kilometre and in one statute mile.
pub const METRES_PER_KM: f64 = 1000.0;
pub const METRES_PER_MILE: f64 = 1609.344;

/// Distance units, chosen once and used everywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Units {
    #[default]
    Kilometres,
    Miles,
}

impl Units {
    /// Metres in one unit.
    #[must_use]
    pub fn metres_per_unit(self) -> f64 {
        match self {
            Self::Kilometres => METRES_PER_KM,
            Self::Miles => METRES_PER_MILE,
        }
    }

    /// Short label, `km` or `mi`.
    #[must_use]
    pub fn short_label(self) -> &'static str {
        match self {
            Self::Kilometres => "km",
            Self::Miles => "mi",
        }
    }

    /// Metres expressed in this unit.
    #[must_use]
    pub fn from_metres(self, distance_m: f64) -> f64 {
        distance_m / self.metres_per_unit()
    }

    /// A distance in this unit converted to metres.
    #[must_use]
    pub fn to_metres(self, distance: f64) -> f64 {
        distance * self.metres_per_unit()
    }

    /// `12.3 km`, one decimal.
    #[must_use]
    pub fn format(self, distance_m: f64) -> String {
        format!("{:.1} {}", self.from_metres(distance_m), self.short_label())
    }
}

/// What kind of activity: running, or one of the cross-training sports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Sport {
    #[default]
    Run,
    Cycling,
    Swimming,
    Elliptical,
    Walking,
    /// Anything else a watch records (rowing, skiing …): kept, counted as cross-training.
    Other,
}

impl Sport {
    /// Every sport, for pickers.
    pub const ALL: [Sport; 6] = [
        Self::Run,
        Self::Cycling,
        Self::Swimming,
        Self::Elliptical,
        Self::Walking,
        Self::Other,
    ];
    /// The sports offered as an equal-time swap for a run (Malisoux 2015).
    pub const SWAPS: [Sport; 3] = [Self::Cycling, Self::Swimming, Self::Elliptical];

    #[must_use]
    pub fn is_run(self) -> bool {
        self == Self::Run
    }

    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Run => "Run",
            Self::Cycling => "Cycling",
            Self::Swimming => "Swimming",
            Self::Elliptical => "Elliptical",
            Self::Walking => "Walking",
            Self::Other => "Other cross-training",
        }
    }

    /// Lower-case name printed by the command line (`kneemap runs`).
    #[must_use]
    pub fn cli_name(self) -> &'static str {
        match self {
            Self::Run => "run",
            Self::Cycling => "cycling",
            Self::Swimming => "swimming",
            Self::Elliptical => "elliptical",
            Self::Walking => "walking",
            Self::Other => "other",
        }
    }
}

/// Running surface, optional on each run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Surface {
    Road,
    Trail,
    Track,
    Treadmill,
    Grass,
}

impl Surface {
    pub const ALL: [Surface; 5] = [
        Self::Road,
        Self::Trail,
        Self::Track,
        Self::Treadmill,
        Self::Grass,
    ];

    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Road => "Road",
            Self::Trail => "Trail",
            Self::Track => "Track",
            Self::Treadmill => "Treadmill",
            Self::Grass => "Grass",
        }
    }
}

/// Where a run came from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum RunOrigin {
    /// Typed in by hand.
    #[default]
    Manual,
    /// Read from a watch file or export; the file name (or `export.zip!entry`).
    Imported(String),
}

/// One logged run or cross-training session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Run {
    pub id: u64,
    /// Start, stored in UTC and shown in local time.
    pub start_utc: DateTime<Utc>,
    pub sport: Sport,
    pub distance_m: f64,
    pub elapsed_secs: u32,
    /// Time in motion, when the file says (pauses excluded).
    pub moving_secs: Option<u32>,
    /// Steps per minute, both feet.
    pub cadence_spm: Option<f64>,
    /// Pain during the run, 0–10.
    pub pain_during: Option<u8>,
    /// Pain the next morning, 0–10.
    pub pain_next_morning: Option<u8>,
    pub surface: Option<Surface>,
    pub shoe_id: Option<u64>,
    pub notes: String,
    pub origin: RunOrigin,
}

impl Default for Run {
    fn default() -> Self {
        Self {
            id: 0,
            start_utc: DateTime::<Utc>::UNIX_EPOCH,
            sport: Sport::Run,
            distance_m: 0.0,
            elapsed_secs: 0,
            moving_secs: None,
            cadence_spm: None,
            pain_during: None,
            pain_next_morning: None,
            surface: None,
            shoe_id: None,
            notes: String::new(),
            origin: RunOrigin::Manual,
        }
    }
}

impl Run {
    /// The local calendar date of the start: a run at 23:30 counts on the day the runner ran it, in the week they
    /// ran it. (Stored in UTC; weeks, warnings and "today" are all local.) The local offset is read once per run of
    /// the app: asking the time zone for every run on every frame cost milliseconds with ten years of runs, and a
    /// daylight-saving hour only matters for a run within an hour of midnight.
    #[must_use]
    pub fn date(&self) -> NaiveDate {
        self.local_start().date_naive()
    }

    /// The start in local time, with the offset read once (see [`Run::date`]); for display and for dates.
    #[must_use]
    pub fn local_start(&self) -> DateTime<chrono::FixedOffset> {
        to_local(self.start_utc)
    }
}

/// `at` in local time, with the local offset read once per run of the app (see [`Run::date`]).
#[must_use]
pub fn to_local(at: DateTime<Utc>) -> DateTime<chrono::FixedOffset> {
    static OFFSET: std::sync::OnceLock<chrono::FixedOffset> = std::sync::OnceLock::new();
    let offset = *OFFSET.get_or_init(|| *chrono::Local::now().offset());
    at.with_timezone(&offset)
}

/// A run the user intends to do; load warnings look at it before it happens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlannedRun {
    pub id: u64,
    pub date: NaiveDate,
    pub sport: Sport,
    pub distance_m: f64,
    pub duration_secs: u32,
    /// Why it was swapped to cross-training, when it was.
    pub swapped_because: Option<String>,
}

impl Default for PlannedRun {
    fn default() -> Self {
        Self {
            id: 0,
            date: NaiveDate::MIN,
            sport: Sport::Run,
            distance_m: 0.0,
            duration_secs: 0,
            swapped_because: None,
        }
    }
}

/// A pair of shoes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Shoe {
    pub id: u64,
    pub name: String,
    pub start_date: NaiveDate,
    /// Distance already on the shoes when they were added.
    pub initial_distance_m: f64,
    /// Retired shoes keep their history but take no new runs.
    pub retired_on: Option<NaiveDate>,
}

impl Default for Shoe {
    fn default() -> Self {
        Self {
            id: 0,
            name: String::new(),
            start_date: NaiveDate::MIN,
            initial_distance_m: 0.0,
            retired_on: None,
        }
    }
}

/// Editable thresholds behind the load warnings and the shoe reminder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Thresholds {
    /// Week more than this much above the previous week or the 4-week average (Nielsen 2014: 30 %).
    pub weekly_increase_pct: f64,
    /// A run more than this much longer than the longest of the past 30 days (Frandsen 2025: 10 %).
    pub single_run_increase_pct: f64,
    /// Gabbett 2016's "danger zone" ratio (1.5). No longer used: the acute:chronic ratio is context only, never a
    /// warning; the field stays so older saves load unchanged.
    pub acwr_high: f64,
    /// Every this many weeks a lighter week is suggested (coaching convention: 4).
    pub lighter_week_every: u32,
    /// "Replace them" distance: the top of the article's 300–500 miles (800 km).
    pub shoe_limit_m: f64,
    /// "Replace them" age in months: the top of the article's 6–9 months.
    pub shoe_limit_months: u32,
    /// "Check them" distance: the bottom of the article's range (300 miles, about 480 km).
    pub shoe_check_m: f64,
    /// "Check them" age in months (6).
    pub shoe_check_months: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self {
            weekly_increase_pct: 30.0,
            single_run_increase_pct: 10.0,
            acwr_high: 1.5,
            lighter_week_every: 4,
            shoe_limit_m: 800_000.0,
            shoe_limit_months: 9,
            shoe_check_m: 480_000.0,
            shoe_check_months: 6,
        }
    }
}

/// A warning threshold out of its range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ThresholdError {
    #[error("Weekly increase threshold must be between 1 and 200 %.")]
    WeeklyIncrease,
    #[error("Single-run threshold must be between 1 and 200 %.")]
    SingleRun,
    #[error("Acute:chronic ratio threshold must be between 1.0 and 5.0.")]
    AcuteChronic,
    #[error("Lighter week interval must be between 2 and 12 weeks.")]
    LighterWeek,
    #[error("Shoe distance limit must be between 50 and 5000 km.")]
    ShoeDistance,
    #[error("Shoe age limit must be between 1 and 60 months.")]
    ShoeAge,
    #[error(
        "The shoe 'check' distance must be at least 50 km and no more than the 'replace' distance."
    )]
    ShoeCheckDistance,
    #[error("The shoe 'check' age must be at least 1 month and no more than the 'replace' age.")]
    ShoeCheckAge,
}

impl Thresholds {
    /// Checks every value is in a sensible range.
    ///
    /// # Errors
    /// The first field out of range.
    pub fn validate(&self) -> Result<(), ThresholdError> {
        let pct_ok = |v: f64| v.is_finite() && (1.0..=200.0).contains(&v);
        if !pct_ok(self.weekly_increase_pct) {
            return Err(ThresholdError::WeeklyIncrease);
        }
        if !pct_ok(self.single_run_increase_pct) {
            return Err(ThresholdError::SingleRun);
        }
        if !(self.acwr_high.is_finite() && (1.0..=5.0).contains(&self.acwr_high)) {
            return Err(ThresholdError::AcuteChronic);
        }
        if !(2..=12).contains(&self.lighter_week_every) {
            return Err(ThresholdError::LighterWeek);
        }
        if !(self.shoe_limit_m.is_finite() && (50_000.0..=5_000_000.0).contains(&self.shoe_limit_m))
        {
            return Err(ThresholdError::ShoeDistance);
        }
        if !(1..=60).contains(&self.shoe_limit_months) {
            return Err(ThresholdError::ShoeAge);
        }
        if !(self.shoe_check_m.is_finite()
            && (50_000.0..=self.shoe_limit_m).contains(&self.shoe_check_m))
        {
            return Err(ThresholdError::ShoeCheckDistance);
        }
        if !(1..=self.shoe_limit_months).contains(&self.shoe_check_months) {
            return Err(ThresholdError::ShoeCheckAge);
        }
        Ok(())
    }
}

/// Settings chosen once.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RunningSettings {
    pub units: Units,
    pub thresholds: Thresholds,
    /// Shoe given to imported runs that name no known gear.
    pub default_shoe_id: Option<u64>,
}

/// The return-to-run plan the user follows, if any; the stage is replayed from the logged runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReturnToRunState {
    pub condition_id: String,
    /// Runs from this date on count towards the plan.
    pub started_on: NaiveDate,
    /// The user confirmed the entry criteria.
    pub entry_criteria_met: bool,
    /// Next-morning pain before starting, the baseline for "no worse next morning".
    pub baseline_morning_pain: u8,
}

impl Default for ReturnToRunState {
    fn default() -> Self {
        Self {
            condition_id: String::new(),
            started_on: NaiveDate::MIN,
            entry_criteria_met: false,
            baseline_morning_pain: 0,
        }
    }
}

/// Everything the Running tab saves.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RunningData {
    pub runs: Vec<Run>,
    pub planned: Vec<PlannedRun>,
    pub shoes: Vec<Shoe>,
    pub settings: RunningSettings,
    pub return_to_run: Option<ReturnToRunState>,
    /// The last deleted run, so the delete can be undone.
    pub undo_deleted: Option<Run>,
    /// Next id for runs, planned runs and shoes (one sequence).
    pub next_id: u64,
}

impl RunningData {
    /// A cheap fingerprint of everything the load warnings and charts read (runs, planned runs, settings): equal
    /// fingerprints mean the derived figures can be reused. O(n) without allocation or time-zone lookups.
    #[must_use]
    pub fn fingerprint(&self) -> u64 {
        // A word-at-a-time multiply-xor mix (as in FxHash): fast, and any field change moves it.
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let mut mix = |value: u64| {
            hash = (hash.rotate_left(5) ^ value).wrapping_mul(0x517c_c1b7_2722_0a95);
        };
        for run in &self.runs {
            mix(run.id);
            mix(run.start_utc.timestamp().cast_unsigned());
            mix(run.distance_m.to_bits());
            mix(u64::from(run.elapsed_secs));
            mix(run.sport as u64); // a fieldless enum's discriminant
            mix(run.cadence_spm.map_or(0, f64::to_bits));
            mix(u64::from(run.pain_during.unwrap_or(u8::MAX)));
            mix(u64::from(run.pain_next_morning.unwrap_or(u8::MAX)));
            mix(run.shoe_id.unwrap_or(u64::MAX));
        }
        for planned in &self.planned {
            mix(planned.id);
            mix(planned.date.to_epoch_days().cast_unsigned().into());
            mix(planned.distance_m.to_bits());
            mix(planned.sport as u64); // a fieldless enum's discriminant
        }
        // Lengths: a usize fits u64 on every target KneeMap builds for; units: a fieldless enum's discriminant.
        mix(self.runs.len() as u64);
        mix(self.planned.len() as u64);
        mix(self.settings.units as u64);
        let thresholds = &self.settings.thresholds;
        for value in [
            thresholds.weekly_increase_pct,
            thresholds.single_run_increase_pct,
            thresholds.acwr_high,
        ] {
            mix(value.to_bits());
        }
        mix(u64::from(thresholds.lighter_week_every));
        // The return-to-run plan decides which runs are judged against a stage rather than as plain spikes.
        if let Some(state) = &self.return_to_run {
            mix(state.started_on.to_epoch_days().cast_unsigned().into());
            mix(u64::from(state.entry_criteria_met));
            mix(u64::from(state.baseline_morning_pain));
            for byte in state.condition_id.bytes() {
                mix(u64::from(byte));
            }
        } else {
            mix(u64::MAX);
        }
        hash
    }

    /// A fresh id, never reused.
    pub fn allocate_id(&mut self) -> u64 {
        let highest = self
            .runs
            .iter()
            .map(|r| r.id)
            .chain(self.planned.iter().map(|p| p.id))
            .chain(self.shoes.iter().map(|s| s.id))
            .chain(self.undo_deleted.iter().map(|r| r.id))
            .max()
            .unwrap_or(0);
        self.next_id = self.next_id.max(highest) + 1;
        self.next_id
    }

    #[must_use]
    pub fn run(&self, id: u64) -> Option<&Run> {
        self.runs.iter().find(|r| r.id == id)
    }

    #[must_use]
    pub fn shoe(&self, id: u64) -> Option<&Shoe> {
        self.shoes.iter().find(|s| s.id == id)
    }

    /// Runs sorted by start time (the stored order is by insertion).
    #[must_use]
    pub fn runs_by_start(&self) -> Vec<&Run> {
        let mut runs: Vec<&Run> = self.runs.iter().collect();
        runs.sort_by_key(|r| r.start_utc);
        runs
    }

    /// Keeps the runs in start order after a change.
    pub(crate) fn sort_runs(&mut self) {
        self.runs.sort_by_key(|r| (r.start_utc, r.id));
    }
}

#[cfg(test)]
#[expect(
    clippy::float_cmp,
    reason = "expected values are computed from exact inputs"
)]
mod tests {
    #[test]
    fn fingerprint_follows_every_change_the_derived_figures_read() {
        let mut data = RunningData::default();
        data.runs.push(Run {
            id: 1,
            distance_m: 5000.0,
            elapsed_secs: 1800,
            ..Run::default()
        });
        let base = data.fingerprint();
        assert_eq!(data.clone().fingerprint(), base);
        let mut edited = data.clone();
        edited.runs[0].distance_m = 5001.0;
        assert_ne!(edited.fingerprint(), base);
        let mut pain = data.clone();
        pain.runs[0].pain_during = Some(3);
        assert_ne!(pain.fingerprint(), base);
        let mut threshold = data.clone();
        threshold.settings.thresholds.weekly_increase_pct += 1.0;
        assert_ne!(threshold.fingerprint(), base);
        let mut planned = data;
        planned.planned.push(PlannedRun::default());
        assert_ne!(planned.fingerprint(), base);
    }

    use super::*;

    #[test]
    fn units_convert_both_ways() {
        assert!((Units::Miles.to_metres(1.0) - 1609.344).abs() < 1e-9);
        assert!((Units::Kilometres.from_metres(12_345.0) - 12.345).abs() < 1e-9);
        assert!((Units::Miles.from_metres(Units::Miles.to_metres(26.2)) - 26.2).abs() < 1e-9);
        assert_eq!(Units::Miles.format(1609.344 * 3.0), "3.0 mi");
        assert_eq!(Units::Kilometres.format(5_040.0), "5.0 km");
    }

    #[test]
    fn ids_are_never_reused() {
        let mut data = RunningData::default();
        let a = data.allocate_id();
        data.runs.push(Run {
            id: a,
            ..Run::default()
        });
        let b = data.allocate_id();
        assert!(b > a);
        data.runs.clear();
        let c = data.allocate_id();
        assert!(c > b, "next_id keeps rising after a delete");
    }

    #[test]
    fn older_saves_without_new_fields_load() {
        let text = "(runs: [(id: 3, distance_m: 5000.0)])";
        let data: RunningData = ron::from_str(text).expect("old save parses");
        assert_eq!(data.runs[0].distance_m, 5000.0);
        assert_eq!(data.settings.units, Units::Kilometres);
        assert_eq!(data.settings.thresholds.weekly_increase_pct, 30.0);
    }

    #[test]
    fn everything_round_trips_through_ron() {
        let mut data = RunningData::default();
        data.runs.push(Run {
            id: 1,
            distance_m: 12_835.5,
            cadence_spm: Some(159.0),
            pain_during: Some(2),
            surface: Some(Surface::Trail),
            origin: RunOrigin::Imported("a.fit".into()),
            ..Run::default()
        });
        data.shoes.push(Shoe {
            id: 2,
            name: "Pegasus".into(),
            ..Shoe::default()
        });
        data.planned.push(PlannedRun {
            id: 3,
            sport: Sport::Cycling,
            swapped_because: Some("pain".into()),
            ..PlannedRun::default()
        });
        data.settings.units = Units::Miles;
        data.undo_deleted = Some(Run {
            id: 4,
            ..Run::default()
        });
        let text = ron::to_string(&data).unwrap();
        let back: RunningData = ron::from_str(&text).unwrap();
        assert_eq!(back, data);
    }

    #[test]
    fn default_thresholds_validate_and_bad_ones_do_not() {
        assert!(Thresholds::default().validate().is_ok());
        let bad = Thresholds {
            weekly_increase_pct: f64::NAN,
            ..Thresholds::default()
        };
        assert_eq!(bad.validate().unwrap_err(), ThresholdError::WeeklyIncrease);
        let bad = Thresholds {
            shoe_limit_months: 0,
            ..Thresholds::default()
        };
        assert!(bad.validate().unwrap_err().to_string().contains("age"));
    }
}
