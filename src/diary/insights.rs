//! What the pain diary shows over time: a heat map of the marked places for a period, per knee; a daily trend per
//! place with the meaningful-change reading; where in a run pain starts; and pain beside weekly distance. Pure
//! functions of the diary (and the run and session logs), computed once per change by the caller.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};

use super::{Diary, DiaryEntry, MarkPlace, Onset, local_time};
use crate::content::ViewKind;
use crate::map::diagram::Knee;
use crate::planner::SessionLog;
use crate::running::Run;

/// How far back the heat map and the trend look.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub enum Period {
    Last7Days,
    #[default]
    Last4Weeks,
    Last3Months,
    LastYear,
}

impl Period {
    pub const ALL: [Self; 4] = [
        Self::Last7Days,
        Self::Last4Weeks,
        Self::Last3Months,
        Self::LastYear,
    ];

    pub fn days(self) -> u64 {
        match self {
            Self::Last7Days => 7,
            Self::Last4Weeks => 28,
            Self::Last3Months => 91,
            Self::LastYear => 365,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Last7Days => "Last 7 days",
            Self::Last4Weeks => "Last 4 weeks",
            Self::Last3Months => "Last 3 months",
            Self::LastYear => "Last year",
        }
    }

    /// The first local day of the period ending `today` (inclusive).
    pub fn first_day(self, today: NaiveDate) -> NaiveDate {
        today
            .checked_sub_days(Days::new(self.days() - 1))
            .unwrap_or(today)
    }
}

/// Where a mark counts: an area of the diagram, the whole knee, or a spot outside every area.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceKey {
    Location(String),
    Diffuse,
    Unplaced,
}

impl PlaceKey {
    pub fn of(place: &MarkPlace) -> Self {
        match place {
            MarkPlace::Diffuse => Self::Diffuse,
            other => other
                .location()
                .map_or(Self::Unplaced, |id| Self::Location(id.to_owned())),
        }
    }

    /// Words for it ("inner side of the knee, on the joint line").
    pub fn label(&self, content: &crate::content::Content) -> String {
        match self {
            Self::Location(id) => super::location_label(content, id)
                .map_or_else(|| id.replace('_', " "), str::to_lowercase),
            Self::Diffuse => "the whole knee, diffuse".to_owned(),
            Self::Unplaced => "spots outside the marked areas".to_owned(),
        }
    }

    /// Short export key: the location id, `diffuse` or `unplaced`.
    pub fn key(&self) -> &str {
        match self {
            Self::Location(id) => id,
            Self::Diffuse => "diffuse",
            Self::Unplaced => "unplaced",
        }
    }
}

/// How often and how much one place hurt in the period.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PlaceHeat {
    pub marks: u32,
    /// Days on which it was marked at least once.
    pub days: u32,
    pub max_intensity: u8,
    pub intensity_sum: u32,
}

impl PlaceHeat {
    pub fn mean_intensity(&self) -> f32 {
        if self.marks == 0 {
            0.0
        } else {
            // Sums of 0–10 scores over at most 50 000 entries fit f32's exact integer range.
            #[expect(clippy::cast_precision_loss, reason = "counts far below 2^24")]
            let mean = self.intensity_sum as f32 / self.marks as f32;
            mean
        }
    }
}

/// Cells of the spot grid per side of the picture.
pub const SPOT_GRID: u8 = 16;

/// Marked spots of one picture gathered in a grid cell (normalised right-knee coordinates), so ten years of
/// spots draw as at most `SPOT_GRID`² cells.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SpotCell {
    pub view: ViewKind,
    pub cell: (u8, u8),
    pub marks: u32,
    pub max_intensity: u8,
}

impl SpotCell {
    /// The cell's centre in normalised right-knee coordinates.
    pub fn centre_right_knee(&self) -> (f32, f32) {
        let size = 1.0 / f32::from(SPOT_GRID);
        (
            (f32::from(self.cell.0) + 0.5) * size,
            (f32::from(self.cell.1) + 0.5) * size,
        )
    }
}

/// One knee's heat map.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct KneeHeat {
    pub places: BTreeMap<PlaceKey, PlaceHeat>,
    pub spots: Vec<SpotCell>,
    /// Entries with at least one mark on this knee.
    pub entries: u32,
}

impl KneeHeat {
    /// How strongly to shade `place`, 0–1: half how often it came back (share of the period's diary days), half
    /// how much it hurt (mean score out of 10).
    pub fn shade(&self, place: &PlaceKey, days_with_entries: u32) -> f32 {
        self.places.get(place).map_or(0.0, |heat| {
            #[expect(clippy::cast_precision_loss, reason = "day counts far below 2^24")]
            let share = heat.days as f32 / days_with_entries.max(1) as f32;
            (0.5 * share + 0.05 * heat.mean_intensity()).clamp(0.0, 1.0)
        })
    }
}

/// The heat map of a period, both knees.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HeatMap {
    pub period: Period,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub left: KneeHeat,
    pub right: KneeHeat,
    pub entries: u32,
    pub days_with_entries: u32,
}

/// UTC bounds of the local days `first..=last`.
fn utc_bounds(first: NaiveDate, last: NaiveDate) -> (DateTime<Utc>, DateTime<Utc>) {
    let start = super::from_local_time(first.and_time(chrono::NaiveTime::MIN));
    let end = super::from_local_time(
        last.checked_add_days(Days::new(1))
            .unwrap_or(last)
            .and_time(chrono::NaiveTime::MIN),
    );
    (start, end)
}

/// The entries of the local days `first..=last`.
pub fn entries_between(diary: &Diary, first: NaiveDate, last: NaiveDate) -> &[DiaryEntry] {
    let (from, to) = utc_bounds(first, last);
    diary.between(from, to)
}

fn local_day(entry: &DiaryEntry) -> NaiveDate {
    local_time(entry.at_utc).date_naive()
}

impl HeatMap {
    /// The heat map of the `period` ending `today`.
    pub fn build(diary: &Diary, period: Period, today: NaiveDate) -> Self {
        let first_day = period.first_day(today);
        let mut map = Self {
            period,
            first_day,
            last_day: today,
            ..Self::default()
        };
        let mut days = BTreeSet::new();
        let mut place_days: HashMap<(Knee, PlaceKey), BTreeSet<NaiveDate>> = HashMap::new();
        let mut cells: BTreeMap<(Knee, u8, u8, u8), (u32, u8)> = BTreeMap::new();
        for entry in entries_between(diary, first_day, today) {
            let day = local_day(entry);
            days.insert(day);
            map.entries += 1;
            let mut knees_marked = BTreeSet::new();
            for mark in &entry.marks {
                knees_marked.insert(mark.knee);
                let knee_heat = match mark.knee {
                    Knee::Left => &mut map.left,
                    Knee::Right => &mut map.right,
                };
                let key = PlaceKey::of(&mark.place);
                let heat = knee_heat.places.entry(key.clone()).or_default();
                heat.marks += 1;
                heat.intensity_sum += u32::from(mark.intensity);
                heat.max_intensity = heat.max_intensity.max(mark.intensity);
                place_days.entry((mark.knee, key)).or_default().insert(day);
                if let MarkPlace::Spot {
                    view,
                    at_right_knee,
                    ..
                } = &mark.place
                {
                    let view_index = u8::from(*view == ViewKind::Side);
                    let cell = (grid_cell(at_right_knee.0), grid_cell(at_right_knee.1));
                    let slot = cells
                        .entry((mark.knee, view_index, cell.0, cell.1))
                        .or_default();
                    slot.0 += 1;
                    slot.1 = slot.1.max(mark.intensity);
                }
            }
            for knee in knees_marked {
                match knee {
                    Knee::Left => map.left.entries += 1,
                    Knee::Right => map.right.entries += 1,
                }
            }
        }
        for ((knee, key), marked_days) in place_days {
            let knee_heat = match knee {
                Knee::Left => &mut map.left,
                Knee::Right => &mut map.right,
            };
            if let Some(heat) = knee_heat.places.get_mut(&key) {
                heat.days = u32::try_from(marked_days.len()).unwrap_or(u32::MAX);
            }
        }
        for ((knee, view_index, x, y), (marks, max_intensity)) in cells {
            let cell = SpotCell {
                view: if view_index == 1 {
                    ViewKind::Side
                } else {
                    ViewKind::Front
                },
                cell: (x, y),
                marks,
                max_intensity,
            };
            match knee {
                Knee::Left => map.left.spots.push(cell),
                Knee::Right => map.right.spots.push(cell),
            }
        }
        map.days_with_entries = u32::try_from(days.len()).unwrap_or(u32::MAX);
        map
    }

    pub fn knee(&self, knee: Knee) -> &KneeHeat {
        match knee {
            Knee::Left => &self.left,
            Knee::Right => &self.right,
        }
    }

    /// Every place marked on either knee, with each knee's figures, most marked first.
    pub fn comparison(&self) -> Vec<(PlaceKey, PlaceHeat, PlaceHeat)> {
        let keys: BTreeSet<&PlaceKey> = self
            .left
            .places
            .keys()
            .chain(self.right.places.keys())
            .collect();
        let mut rows: Vec<(PlaceKey, PlaceHeat, PlaceHeat)> = keys
            .into_iter()
            .map(|key| {
                (
                    key.clone(),
                    self.left.places.get(key).copied().unwrap_or_default(),
                    self.right.places.get(key).copied().unwrap_or_default(),
                )
            })
            .collect();
        rows.sort_by_key(|(_, left, right)| std::cmp::Reverse(left.days + right.days));
        rows
    }
}

fn grid_cell(norm: f32) -> u8 {
    let scaled = (norm.clamp(0.0, 0.999_999) * f32::from(SPOT_GRID)).floor();
    // `scaled` is in 0..SPOT_GRID (16) after the clamp, so it fits a u8.
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "clamped to 0..16 above"
    )]
    let cell = scaled as u8;
    cell
}

/// The worst and the mean score of one day's marks at a place.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DayPain {
    pub date: NaiveDate,
    pub max_intensity: u8,
    pub mean_intensity: f32,
    pub marks: u32,
}

/// Which marks a trend follows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TrendFilter {
    /// One place, or every place (the day's worst mark).
    pub place: Option<PlaceKey>,
    /// One knee, or both.
    pub knee: Option<Knee>,
}

/// The day-by-day trend of the marks `filter` picks, over the local days `first..=last`.
pub fn daily_trend(
    diary: &Diary,
    filter: &TrendFilter,
    first: NaiveDate,
    last: NaiveDate,
) -> Vec<DayPain> {
    let mut days: BTreeMap<NaiveDate, (u8, u32, u32)> = BTreeMap::new();
    for entry in entries_between(diary, first, last) {
        let day = local_day(entry);
        for mark in &entry.marks {
            if filter.knee.is_some_and(|knee| knee != mark.knee) {
                continue;
            }
            if filter
                .place
                .as_ref()
                .is_some_and(|place| *place != PlaceKey::of(&mark.place))
            {
                continue;
            }
            let slot = days.entry(day).or_default();
            slot.0 = slot.0.max(mark.intensity);
            slot.1 += u32::from(mark.intensity);
            slot.2 += 1;
        }
    }
    days.into_iter()
        .map(|(date, (max_intensity, sum, marks))| {
            #[expect(clippy::cast_precision_loss, reason = "small counts")]
            let mean_intensity = sum as f32 / marks.max(1) as f32;
            DayPain {
                date,
                max_intensity,
                mean_intensity,
                marks,
            }
        })
        .collect()
}

/// Whether a trend moved by more than the meaningful change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeVerdict {
    Better,
    Worse,
    /// Inside the band: noise, neither progress nor a setback.
    WithinNoise,
}

/// The trend's start and end compared with the meaningful-change band.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrendReading {
    /// Mean of the daily worst score over the first diary days of the period (up to 7).
    pub start_mean: f32,
    /// The same over the last diary days.
    pub end_mean: f32,
    /// Days averaged at each end.
    pub days_each_end: usize,
    pub verdict: ChangeVerdict,
}

impl TrendReading {
    pub fn change(&self) -> f32 {
        self.end_mean - self.start_mean
    }

    /// One sentence for the panel and the report.
    pub fn sentence(&self, band_points: f32) -> String {
        let change = self.change();
        let moved = format!(
            "from {:.1} to {:.1} ({}{:.1} points, first and last {} diary days)",
            self.start_mean,
            self.end_mean,
            if change >= 0.0 { "+" } else { "−" },
            change.abs(),
            self.days_each_end
        );
        match self.verdict {
            ChangeVerdict::Better => format!(
                "Pain fell {moved}: more than the {band_points:.1}-point change people notice."
            ),
            ChangeVerdict::Worse => format!(
                "Pain rose {moved}: more than the {band_points:.1}-point change people notice."
            ),
            ChangeVerdict::WithinNoise => format!(
                "Pain moved {moved}: inside the ±{band_points:.1}-point band, so read it as no real change yet."
            ),
        }
    }
}

/// Reads a trend: the mean daily worst score of its first and last diary days (up to 7 each, never overlapping)
/// against `band_points`. `None` with fewer than 4 diary days.
pub fn read_trend(days: &[DayPain], band_points: f32) -> Option<TrendReading> {
    if days.len() < 4 {
        return None;
    }
    let each_end = (days.len() / 2).min(7);
    let mean = |slice: &[DayPain]| {
        let sum: f32 = slice.iter().map(|d| f32::from(d.max_intensity)).sum();
        #[expect(clippy::cast_precision_loss, reason = "at most 7 days")]
        let count = slice.len() as f32;
        sum / count
    };
    let start_mean = mean(&days[..each_end]);
    let end_mean = mean(&days[days.len() - each_end..]);
    let change = end_mean - start_mean;
    let verdict = if change <= -band_points {
        ChangeVerdict::Better
    } else if change >= band_points {
        ChangeVerdict::Worse
    } else {
        ChangeVerdict::WithinNoise
    };
    Some(TrendReading {
        start_mean,
        end_mean,
        days_each_end: each_end,
        verdict,
    })
}

/// Where a pain score logged elsewhere came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoggedPainSource {
    StrengthSession,
    Run,
}

/// A pain score already logged with a strength session or a run, for the diary's timeline (never entered twice).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LoggedPain {
    pub date: NaiveDate,
    pub source: LoggedPainSource,
    pub during: Option<u8>,
    pub next_morning: Option<u8>,
    /// Run distance, for runs.
    pub distance_km: Option<f64>,
}

/// Session and run pain on the local days `first..=last`, oldest first.
pub fn logged_pain(
    sessions: &[SessionLog],
    runs: &[Run],
    first: NaiveDate,
    last: NaiveDate,
) -> Vec<LoggedPain> {
    let in_range = |date: NaiveDate| first <= date && date <= last;
    let mut points: Vec<LoggedPain> = sessions
        .iter()
        .filter(|log| in_range(log.date))
        .map(|log| LoggedPain {
            date: log.date,
            source: LoggedPainSource::StrengthSession,
            during: Some(log.pain_during),
            next_morning: log.next_morning_pain,
            distance_km: None,
        })
        .chain(
            runs.iter()
                .filter(|run| run.sport.is_run())
                .filter_map(|run| {
                    let date = local_time(run.start_utc).date_naive();
                    in_range(date).then_some(LoggedPain {
                        date,
                        source: LoggedPainSource::Run,
                        during: run.pain_during,
                        next_morning: run.pain_next_morning,
                        distance_km: Some(run.distance_m / 1000.0),
                    })
                }),
        )
        .collect();
    points.sort_by_key(|p| p.date);
    points
}

/// "Pain started at about 8 km in 4 of the last 5 runs".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OnsetSummary {
    /// The last runs looked at (up to the number asked for).
    pub runs_considered: usize,
    /// Of those, the runs with a diary entry saying where pain started.
    pub runs_with_onset: usize,
    /// The median onset, in km (minutes are turned into km with the run's own pace).
    pub typical_km: f64,
}

impl OnsetSummary {
    pub fn sentence(&self, units: crate::running::Units) -> String {
        format!(
            "Pain started at about {} in {} of the last {} runs.",
            units.format(self.typical_km * 1000.0),
            self.runs_with_onset,
            self.runs_considered
        )
    }
}

/// Where pain started in the last `last_n` runs (up to `now_utc`), from the diary entries linked to them.
/// `None` when no run has a linked onset.
pub fn onset_summary(
    diary: &Diary,
    runs: &[Run],
    last_n: usize,
    now_utc: DateTime<Utc>,
) -> Option<OnsetSummary> {
    let mut recent: Vec<&Run> = runs
        .iter()
        .filter(|run| run.sport.is_run() && run.start_utc <= now_utc)
        .collect();
    recent.sort_by_key(|run| run.start_utc);
    let recent = &recent[recent.len().saturating_sub(last_n)..];
    let first_start = recent.first()?.start_utc;
    let ids: HashMap<u64, &Run> = recent.iter().map(|run| (run.id, *run)).collect();
    let mut onset_by_run: HashMap<u64, f64> = HashMap::new();
    for entry in diary.between(first_start, now_utc + chrono::Duration::days(2)) {
        let (Some(run_id), Some(onset)) = (entry.run_id, entry.onset) else {
            continue;
        };
        let Some(run) = ids.get(&run_id) else {
            continue;
        };
        let km = match onset {
            Onset::AtKm(km) => Some(km),
            Onset::AtMinute(minute) => {
                let secs = run.moving_secs.unwrap_or(run.elapsed_secs);
                (secs > 0 && run.distance_m > 0.0)
                    .then(|| f64::from(minute) * 60.0 / f64::from(secs) * run.distance_m / 1000.0)
            }
        };
        if let Some(km) = km {
            // The earliest onset of the run counts.
            let slot = onset_by_run.entry(run_id).or_insert(km);
            *slot = slot.min(km);
        }
    }
    if onset_by_run.is_empty() {
        return None;
    }
    let mut kms: Vec<f64> = onset_by_run.into_values().collect();
    kms.sort_by(f64::total_cmp);
    let middle = kms.len() / 2;
    let typical_km = if kms.len().is_multiple_of(2) {
        f64::midpoint(kms[middle - 1], kms[middle])
    } else {
        kms[middle]
    };
    Some(OnsetSummary {
        runs_considered: recent.len(),
        runs_with_onset: kms.len(),
        typical_km,
    })
}

/// One week's running beside its diary pain.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeekPain {
    /// Monday.
    pub week_start: NaiveDate,
    pub distance_km: f64,
    pub runs: u32,
    /// The week's worst diary score, if anything was logged.
    pub diary_max: Option<u8>,
    /// The mean of the week's daily worst scores.
    pub diary_mean: Option<f32>,
}

fn monday_of(date: NaiveDate) -> NaiveDate {
    date.checked_sub_days(Days::new(u64::from(date.weekday().num_days_from_monday())))
        .unwrap_or(date)
}

/// Weekly distance and diary pain for the weeks touching `first..=last`, oldest first.
pub fn weekly_pain_vs_distance(
    diary: &Diary,
    runs: &[Run],
    first: NaiveDate,
    last: NaiveDate,
) -> Vec<WeekPain> {
    let mut weeks: BTreeMap<NaiveDate, WeekPain> = BTreeMap::new();
    let mut week = monday_of(first);
    while week <= last {
        weeks.insert(
            week,
            WeekPain {
                week_start: week,
                distance_km: 0.0,
                runs: 0,
                diary_max: None,
                diary_mean: None,
            },
        );
        let Some(next) = week.checked_add_days(Days::new(7)) else {
            break;
        };
        week = next;
    }
    for run in runs.iter().filter(|run| run.sport.is_run()) {
        let date = local_time(run.start_utc).date_naive();
        if date < first || date > last {
            continue;
        }
        if let Some(slot) = weeks.get_mut(&monday_of(date)) {
            slot.runs += 1;
            if run.distance_m.is_finite() {
                slot.distance_km += run.distance_m / 1000.0;
            }
        }
    }
    let mut daily_by_week: BTreeMap<NaiveDate, Vec<u8>> = BTreeMap::new();
    for day in daily_trend(diary, &TrendFilter::default(), first, last) {
        daily_by_week
            .entry(monday_of(day.date))
            .or_default()
            .push(day.max_intensity);
    }
    for (week, scores) in daily_by_week {
        if let Some(slot) = weeks.get_mut(&week) {
            slot.diary_max = scores.iter().copied().max();
            let sum: u32 = scores.iter().map(|s| u32::from(*s)).sum();
            #[expect(clippy::cast_precision_loss, reason = "at most 7 days of 0–10 scores")]
            let mean = sum as f32 / scores.len().max(1) as f32;
            slot.diary_mean = Some(mean);
        }
    }
    weeks.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::super::{PainMark, from_local_time};
    use super::*;
    use crate::content::PainQuality;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn entry(id: u64, date: &str, hour: u32, marks: Vec<PainMark>) -> DiaryEntry {
        DiaryEntry {
            id,
            at_utc: from_local_time(day(date).and_hms_opt(hour, 0, 0).unwrap()),
            marks,
            ..DiaryEntry::default()
        }
    }

    fn mark(knee: Knee, location: Option<&str>, intensity: u8) -> PainMark {
        PainMark {
            knee,
            place: location.map_or(MarkPlace::Diffuse, |id| MarkPlace::Region {
                location: id.to_owned(),
            }),
            intensity,
            quality: PainQuality::Ache,
        }
    }

    fn diary(entries: Vec<DiaryEntry>) -> Diary {
        let mut diary = Diary {
            entries,
            next_id: 0,
        };
        diary.repair();
        diary
    }

    #[test]
    fn the_heat_map_counts_days_per_place_and_knee_within_the_period() {
        let diary = diary(vec![
            // Outside the last 7 days.
            entry(
                1,
                "2026-11-20",
                9,
                vec![mark(Knee::Right, Some("kneecap"), 9)],
            ),
            entry(
                2,
                "2026-11-28",
                9,
                vec![mark(Knee::Right, Some("kneecap"), 4)],
            ),
            entry(
                3,
                "2026-11-28",
                20,
                vec![
                    mark(Knee::Right, Some("kneecap"), 6),
                    mark(Knee::Left, None, 2),
                ],
            ),
            entry(
                4,
                "2026-12-02",
                9,
                vec![mark(Knee::Right, Some("kneecap"), 2)],
            ),
        ]);
        let map = HeatMap::build(&diary, Period::Last7Days, day("2026-12-03"));
        assert_eq!(map.entries, 3);
        assert_eq!(map.days_with_entries, 2);
        let kneecap = map.right.places[&PlaceKey::Location("kneecap".into())];
        assert_eq!(
            (kneecap.marks, kneecap.days, kneecap.max_intensity),
            (3, 2, 6)
        );
        assert!((kneecap.mean_intensity() - 4.0).abs() < 1e-6);
        assert_eq!(map.left.places[&PlaceKey::Diffuse].days, 1);
        assert_eq!(map.left.entries, 1);
        assert!(
            map.right.shade(&PlaceKey::Location("kneecap".into()), 2)
                > map.left.shade(&PlaceKey::Diffuse, 2)
        );
        let rows = map.comparison();
        assert_eq!(rows[0].0, PlaceKey::Location("kneecap".into()));
        let bigger = HeatMap::build(&diary, Period::Last4Weeks, day("2026-12-03"));
        assert_eq!(
            bigger.right.places[&PlaceKey::Location("kneecap".into())].max_intensity,
            9
        );
    }

    #[test]
    fn spots_fall_in_grid_cells() {
        let spot = |x: f32, y: f32| PainMark {
            knee: Knee::Left,
            place: MarkPlace::Spot {
                view: ViewKind::Side,
                at_right_knee: (x, y),
                location: None,
            },
            intensity: 5,
            quality: PainQuality::Sharp,
        };
        let diary = diary(vec![entry(
            1,
            "2026-12-01",
            8,
            vec![spot(0.51, 0.52), spot(0.52, 0.53), spot(0.99, 1.0)],
        )]);
        let map = HeatMap::build(&diary, Period::Last7Days, day("2026-12-03"));
        assert_eq!(map.left.spots.len(), 2);
        assert_eq!(map.left.spots[0].cell, (8, 8));
        assert_eq!(map.left.spots[0].marks, 2);
        assert_eq!(map.left.spots[1].cell, (15, 15));
        assert!(map.left.places.contains_key(&PlaceKey::Unplaced));
    }

    #[test]
    fn the_trend_reads_changes_inside_the_band_as_noise() {
        let scores = [5, 6, 5, 5, 4, 5, 5, 4];
        let entries = scores
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let date = day("2026-11-01") + Days::new(u64::try_from(i).unwrap());
                entry(
                    u64::try_from(i).unwrap(),
                    &date.to_string(),
                    10,
                    vec![mark(Knee::Right, Some("kneecap"), *s)],
                )
            })
            .collect();
        let diary = diary(entries);
        let filter = TrendFilter {
            place: Some(PlaceKey::Location("kneecap".into())),
            knee: Some(Knee::Right),
        };
        let days = daily_trend(&diary, &filter, day("2026-11-01"), day("2026-11-30"));
        assert_eq!(days.len(), 8);
        let reading = read_trend(&days, 1.2).unwrap();
        assert_eq!(reading.verdict, ChangeVerdict::WithinNoise);
        assert!(reading.sentence(1.2).contains("no real change"));
        // A real fall: 6 → 3.
        let fall = [6, 6, 6, 6, 3, 3, 3, 3].map(|s| DayPain {
            date: day("2026-11-01"),
            max_intensity: s,
            mean_intensity: f32::from(s),
            marks: 1,
        });
        assert_eq!(
            read_trend(&fall, 1.2).unwrap().verdict,
            ChangeVerdict::Better
        );
        assert!(read_trend(&fall[..3], 1.2).is_none());
        // Another place or knee is not in this trend.
        let other = TrendFilter {
            place: Some(PlaceKey::Diffuse),
            knee: None,
        };
        assert!(daily_trend(&diary, &other, day("2026-11-01"), day("2026-11-30")).is_empty());
    }

    fn run(id: u64, date: &str, km: f64, minutes: u32) -> Run {
        Run {
            id,
            start_utc: from_local_time(day(date).and_hms_opt(7, 0, 0).unwrap()),
            distance_m: km * 1000.0,
            elapsed_secs: minutes * 60,
            pain_during: Some(3),
            ..Run::default()
        }
    }

    #[test]
    fn onset_is_summarised_over_the_last_runs_minutes_turned_into_km() {
        let runs = vec![
            run(1, "2026-11-20", 10.0, 60),
            run(2, "2026-11-22", 10.0, 60),
            run(3, "2026-11-24", 12.0, 60),
            run(4, "2026-11-26", 10.0, 60),
            run(5, "2026-11-28", 10.0, 60),
            run(6, "2026-11-30", 10.0, 60),
        ];
        let linked = |id: u64, run_id: u64, date: &str, onset: Onset| DiaryEntry {
            run_id: Some(run_id),
            onset: Some(onset),
            ..entry(
                id,
                date,
                9,
                vec![mark(Knee::Right, Some("outer_knee_itb"), 4)],
            )
        };
        let diary = diary(vec![
            // Run 1 is not among the last five.
            linked(1, 1, "2026-11-20", Onset::AtKm(2.0)),
            linked(2, 2, "2026-11-22", Onset::AtKm(8.0)),
            // 40 minutes of a 60-minute 12 km run: 8 km.
            linked(3, 3, "2026-11-24", Onset::AtMinute(40)),
            linked(4, 5, "2026-11-28", Onset::AtKm(7.5)),
            linked(5, 6, "2026-11-30", Onset::AtKm(8.5)),
        ]);
        let now = from_local_time(day("2026-12-03").and_hms_opt(12, 0, 0).unwrap());
        let summary = onset_summary(&diary, &runs, 5, now).unwrap();
        assert_eq!(summary.runs_considered, 5);
        assert_eq!(summary.runs_with_onset, 4);
        assert!((summary.typical_km - 8.0).abs() < 1e-9, "{summary:?}");
        assert_eq!(
            summary.sentence(crate::running::Units::Kilometres),
            "Pain started at about 8.0 km in 4 of the last 5 runs."
        );
        assert!(onset_summary(&Diary::default(), &runs, 5, now).is_none());
    }

    #[test]
    fn weekly_pain_sits_beside_weekly_distance_and_logged_pain_is_gathered() {
        let runs = vec![
            run(1, "2026-11-23", 10.0, 60),
            run(2, "2026-11-25", 5.0, 30),
        ];
        let diary = diary(vec![
            entry(1, "2026-11-24", 9, vec![mark(Knee::Right, None, 3)]),
            entry(2, "2026-11-26", 9, vec![mark(Knee::Right, None, 5)]),
        ]);
        let weeks = weekly_pain_vs_distance(&diary, &runs, day("2026-11-16"), day("2026-11-29"));
        assert_eq!(weeks.len(), 2);
        assert_eq!(weeks[0].runs, 0);
        assert_eq!(weeks[1].week_start, day("2026-11-23"));
        assert!((weeks[1].distance_km - 15.0).abs() < 1e-9);
        assert_eq!(weeks[1].diary_max, Some(5));
        assert_eq!(weeks[1].diary_mean, Some(4.0));
        let logged = logged_pain(&[], &runs, day("2026-11-24"), day("2026-11-30"));
        assert_eq!(logged.len(), 1);
        assert_eq!(logged[0].source, LoggedPainSource::Run);
    }
}
