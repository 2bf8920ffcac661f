//! Merging an [`ImportBatch`] into [`RunningData`]: duplicates (same start and distance) are skipped, shoes are
//! matched by Strava gear name or given the default shoe, and each file gets one outcome line.

use std::fmt;

use chrono::Duration;

use super::{FileOutcome, ImportBatch, ParsedActivity};
use crate::running::model::{Run, RunOrigin, RunningData};

/// Two activities starting this close are the same one, if the distance also matches.
const SAME_START_SECS: i64 = 60;
/// Distances this close (fraction of the larger) match; small absolute slack for near-zero distances.
const SAME_DISTANCE_FRACTION: f64 = 0.01;
const SAME_DISTANCE_SLACK_M: f64 = 20.0;

/// What one file contributed.
#[derive(Debug, Clone, PartialEq)]
pub enum MergeOutcome {
    /// New activities were added (count), with any warnings the reader gave.
    Imported {
        count: usize,
        warnings: Vec<String>,
    },
    /// Everything in the file was already in the log.
    AlreadyThere,
    Failed(String),
}

/// One printed line: the file and its outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeLine {
    pub label: String,
    pub outcome: MergeOutcome,
}

impl fmt::Display for MergeLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.outcome {
            MergeOutcome::Imported { count, warnings } => {
                write!(
                    f,
                    "{}: imported {count} activit{}",
                    self.label,
                    if *count == 1 { "y" } else { "ies" }
                )?;
                for w in warnings {
                    write!(f, " (warning: {w})")?;
                }
                Ok(())
            }
            MergeOutcome::AlreadyThere => write!(f, "{}: already there", self.label),
            MergeOutcome::Failed(reason) => write!(f, "{}: failed: {reason}", self.label),
        }
    }
}

/// Every line plus the totals.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MergeReport {
    pub lines: Vec<MergeLine>,
    pub activities_added: usize,
    pub files_imported: usize,
    pub files_already_there: usize,
    pub files_failed: usize,
}

impl MergeReport {
    /// True when every file was imported or already there (the CLI exits 0).
    #[must_use]
    pub fn all_ok(&self) -> bool {
        self.files_failed == 0
    }

    /// One-line summary for the CLI and the UI.
    #[must_use]
    pub fn summary(&self) -> String {
        format!(
            "{} file(s) imported ({} activities added), {} already there, {} failed",
            self.files_imported, self.activities_added, self.files_already_there, self.files_failed
        )
    }
}

fn is_duplicate(run: &Run, activity: &ParsedActivity) -> bool {
    let start_gap = (run.start_utc - activity.start_utc).abs();
    let larger = run.distance_m.max(activity.distance_m);
    start_gap <= Duration::seconds(SAME_START_SECS)
        && (run.distance_m - activity.distance_m).abs()
            <= (larger * SAME_DISTANCE_FRACTION).max(SAME_DISTANCE_SLACK_M)
}

/// Rounds seconds to whole seconds within `u32` (negative or absurd values become 0 or the maximum).
#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "clamped to the u32 range first"
)]
fn whole_secs(secs: f64) -> u32 {
    if secs.is_finite() {
        secs.round().clamp(0.0, f64::from(u32::MAX)) as u32
    } else {
        0
    }
}

/// Adds the batch's new activities to `data`; returns one line per file and the totals.
#[must_use]
pub fn merge_batch(data: &mut RunningData, batch: ImportBatch) -> MergeReport {
    let mut report = MergeReport::default();
    for file in batch.files {
        let outcome = match file.outcome {
            FileOutcome::Failed(reason) => MergeOutcome::Failed(reason),
            FileOutcome::Parsed {
                activities,
                mut warnings,
            } => {
                let (mut added, mut duplicates, mut invalid) = (0, 0, 0);
                for activity in activities {
                    if !(activity.distance_m.is_finite() && activity.distance_m >= 0.0) {
                        invalid += 1;
                        continue;
                    }
                    if data.runs.iter().any(|r| is_duplicate(r, &activity)) {
                        duplicates += 1;
                        continue;
                    }
                    let shoe_id = activity
                        .sport
                        .is_run()
                        .then(|| shoe_for(data, activity.gear_name.as_deref()))
                        .flatten();
                    let id = data.allocate_id();
                    data.runs.push(Run {
                        id,
                        start_utc: activity.start_utc,
                        sport: activity.sport,
                        distance_m: activity.distance_m,
                        elapsed_secs: whole_secs(activity.elapsed_secs),
                        moving_secs: activity.moving_secs.map(whole_secs),
                        cadence_spm: activity.cadence_spm,
                        shoe_id,
                        origin: RunOrigin::Imported(file.label.clone()),
                        ..Run::default()
                    });
                    added += 1;
                }
                if invalid > 0 {
                    warnings.push(format!(
                        "{invalid} activit{} skipped: the distance is not a valid number",
                        if invalid == 1 { "y" } else { "ies" }
                    ));
                }
                if added == 0 && duplicates == 0 && invalid > 0 {
                    MergeOutcome::Failed(warnings.join("; "))
                } else if added == 0 {
                    MergeOutcome::AlreadyThere
                } else {
                    MergeOutcome::Imported {
                        count: added,
                        warnings,
                    }
                }
            }
        };
        match &outcome {
            MergeOutcome::Imported { count, .. } => {
                report.files_imported += 1;
                report.activities_added += count;
            }
            MergeOutcome::AlreadyThere => report.files_already_there += 1,
            MergeOutcome::Failed(_) => report.files_failed += 1,
        }
        report.lines.push(MergeLine {
            label: file.label,
            outcome,
        });
    }
    data.sort_runs();
    report
}

/// The active shoe whose name matches the gear name (case-insensitive), else the default shoe.
fn shoe_for(data: &RunningData, gear_name: Option<&str>) -> Option<u64> {
    let by_name = gear_name.and_then(|gear| {
        let gear = gear.trim().to_lowercase();
        data.shoes
            .iter()
            .find(|s| s.retired_on.is_none() && s.name.trim().to_lowercase() == gear)
            .map(|s| s.id)
    });
    by_name.or(data
        .settings
        .default_shoe_id
        .filter(|id| data.shoe(*id).is_some_and(|s| s.retired_on.is_none())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::running::import::FileReport;
    use crate::running::model::{Shoe, Sport};
    use chrono::{TimeZone, Utc};

    fn activity(minute: u32, distance_m: f64, gear: Option<&str>) -> ParsedActivity {
        ParsedActivity {
            start_utc: Utc.with_ymd_and_hms(2024, 3, 1, 7, minute, 0).unwrap(),
            sport: Sport::Run,
            distance_m,
            elapsed_secs: 1800.4,
            moving_secs: Some(1700.0),
            cadence_spm: Some(168.0),
            gear_name: gear.map(str::to_owned),
        }
    }

    fn batch(activities: Vec<ParsedActivity>) -> ImportBatch {
        ImportBatch {
            files: vec![
                FileReport {
                    label: "a.fit".into(),
                    outcome: FileOutcome::Parsed {
                        activities,
                        warnings: vec![],
                    },
                },
                FileReport {
                    label: "b.fit".into(),
                    outcome: FileOutcome::Failed("FIT file is truncated".into()),
                },
            ],
        }
    }

    #[test]
    fn second_import_adds_nothing_and_failures_are_listed() {
        let mut data = RunningData::default();
        let first = merge_batch(&mut data, batch(vec![activity(0, 5000.0, None)]));
        assert_eq!(first.activities_added, 1);
        assert_eq!(first.files_failed, 1);
        assert!(!first.all_ok());
        assert_eq!(data.runs[0].elapsed_secs, 1800);
        let second = merge_batch(&mut data, batch(vec![activity(0, 5010.0, None)]));
        assert_eq!(second.files_already_there, 1);
        assert_eq!(data.runs.len(), 1);
        assert_eq!(
            second.lines[1].to_string(),
            "b.fit: failed: FIT file is truncated"
        );
        // Same start but a clearly different distance is a different activity.
        let _ = merge_batch(&mut data, batch(vec![activity(0, 8000.0, None)]));
        assert_eq!(data.runs.len(), 2);
    }

    #[test]
    fn activities_without_a_valid_distance_are_reported_not_dropped_silently() {
        let mut data = RunningData::default();
        let report = merge_batch(
            &mut data,
            batch(vec![
                activity(0, 5000.0, None),
                activity(30, f64::NAN, None),
            ]),
        );
        assert_eq!(data.runs.len(), 1);
        assert_eq!(
            report.lines[0].outcome,
            MergeOutcome::Imported {
                count: 1,
                warnings: vec!["1 activity skipped: the distance is not a valid number".to_owned()],
            }
        );
        // A file whose only activity is invalid failed: it is not "already there".
        let report = merge_batch(&mut data, batch(vec![activity(45, f64::INFINITY, None)]));
        assert!(
            matches!(&report.lines[0].outcome, MergeOutcome::Failed(why) if why.contains("not a valid number")),
            "{:?}",
            report.lines[0]
        );
        assert_eq!(report.files_already_there, 0);
    }

    #[test]
    fn gear_name_matches_a_shoe_else_the_default() {
        let mut data = RunningData::default();
        data.shoes.push(Shoe {
            id: 1,
            name: "Pegasus 38".into(),
            ..Shoe::default()
        });
        data.shoes.push(Shoe {
            id: 2,
            name: "Old pair".into(),
            ..Shoe::default()
        });
        data.settings.default_shoe_id = Some(2);
        let _ = merge_batch(
            &mut data,
            batch(vec![
                activity(0, 5000.0, Some("pegasus 38")),
                activity(30, 3000.0, None),
            ]),
        );
        assert_eq!(data.runs[0].shoe_id, Some(1));
        assert_eq!(data.runs[1].shoe_id, Some(2));
    }
}
