//! CSV for spreadsheets: session logs (one row per exercise per session, [`SESSION_LOG_COLUMNS`]), runs
//! ([`RUN_COLUMNS`]) and the pain diary (one row per mark, [`DIARY_COLUMNS`]). RFC 4180 quoting and CRLF line ends.

use crate::content::Content;
use crate::planner::{SessionLog, day_name, format_kg};

/// The header row of [`session_logs_csv`], in order:
///
/// | column | meaning |
/// | --- | --- |
/// | `session_id` | the log's id, the same on every row of one session |
/// | `date` | ISO date of the session, `YYYY-MM-DD` |
/// | `plan_id` | id of the plan the session belonged to |
/// | `week` | plan week, 1-based |
/// | `weekday` | `Monday` … `Sunday` (the plan day) |
/// | `exercise_id` | id from `exercises.ron`; empty for a session logged without exercises |
/// | `exercise` | the exercise's name (the id when the exercise is no longer in the content) |
/// | `sets_done` | sets done |
/// | `reps_done` | repetitions per set; empty for holds |
/// | `hold_secs_done` | seconds held per repetition or set; empty when not a hold |
/// | `load_kg` | added load in kilograms; empty for bodyweight |
/// | `pain_during` | worst knee pain during the session, 0–10 (same on every row of a session) |
/// | `next_morning_pain` | knee pain the next morning, 0–10; empty when not logged |
/// | `effort` | how hard the session felt, 0–10 |
/// | `notes` | the session's notes |
///
/// Text cells that begin with `=`, `+`, `-` or `@` get a leading `'` so spreadsheets do not run them as formulas.
pub const SESSION_LOG_COLUMNS: [&str; 15] = [
    "session_id",
    "date",
    "plan_id",
    "week",
    "weekday",
    "exercise_id",
    "exercise",
    "sets_done",
    "reps_done",
    "hold_secs_done",
    "load_kg",
    "pain_during",
    "next_morning_pain",
    "effort",
    "notes",
];

/// All session logs as CSV, oldest first (by date, then id). A session with no exercise entries still gets one
/// row, with the exercise columns empty, so its pain scores are not lost.
pub fn session_logs_csv(logs: &[SessionLog], content: &Content) -> String {
    let mut sorted: Vec<&SessionLog> = logs.iter().collect();
    sorted.sort_by_key(|l| (l.date, l.id));
    let mut out = String::new();
    push_row(
        &mut out,
        SESSION_LOG_COLUMNS.iter().map(|c| (*c).to_owned()),
    );
    for log in sorted {
        let session = |exercise: [String; 6]| -> [String; 15] {
            let [id, name, sets, reps, hold, load] = exercise;
            [
                log.id.to_string(),
                log.date.to_string(),
                log.plan_id.to_string(),
                (log.week_index + 1).to_string(),
                day_name(log.day_index).to_owned(),
                text_cell(&id),
                text_cell(&name),
                sets,
                reps,
                hold,
                load,
                log.pain_during.to_string(),
                log.next_morning_pain
                    .map(|p| p.to_string())
                    .unwrap_or_default(),
                log.effort.to_string(),
                text_cell(&log.notes),
            ]
        };
        if log.entries.is_empty() {
            push_row(&mut out, session(Default::default()));
        }
        for entry in &log.entries {
            let name = content
                .exercise(&entry.exercise_id)
                .map_or_else(|| entry.exercise_id.clone(), |e| e.name.clone());
            push_row(
                &mut out,
                session([
                    entry.exercise_id.clone(),
                    name,
                    entry.sets_done.to_string(),
                    entry.reps_done.map(|r| r.to_string()).unwrap_or_default(),
                    entry
                        .hold_secs_done
                        .map(|h| h.to_string())
                        .unwrap_or_default(),
                    entry
                        .load_kg
                        .filter(|l| l.is_finite())
                        .map(format_kg)
                        .unwrap_or_default(),
                ]),
            );
        }
    }
    out
}

/// The header row of [`runs_csv`], in order:
///
/// | column | meaning |
/// | --- | --- |
/// | `run_id` | the run's id in KneeMap |
/// | `start_utc` | start time in UTC, RFC 3339 |
/// | `sport` | `Run`, `Cycling`, `Swimming`, `Elliptical`, `Walking` (all but `Run` are cross-training) |
/// | `distance_m` | distance in metres |
/// | `elapsed_secs` | elapsed time in seconds, pauses included |
/// | `moving_secs` | time in motion in seconds; empty when the file did not say |
/// | `cadence_spm` | average steps per minute, both feet; empty when unknown |
/// | `pain_during` | knee pain during, 0–10; empty when not logged |
/// | `pain_next_morning` | knee pain the next morning, 0–10; empty when not logged |
/// | `surface` | surface, when logged |
/// | `shoe` | the shoe's name, when assigned |
/// | `notes` | notes |
pub const RUN_COLUMNS: [&str; 12] = [
    "run_id",
    "start_utc",
    "sport",
    "distance_m",
    "elapsed_secs",
    "moving_secs",
    "cadence_spm",
    "pain_during",
    "pain_next_morning",
    "surface",
    "shoe",
    "notes",
];

/// Every run and cross-training session as CSV, oldest first.
pub fn runs_csv(data: &crate::running::RunningData) -> String {
    let mut runs: Vec<&crate::running::Run> = data.runs.iter().collect();
    runs.sort_by_key(|r| (r.start_utc, r.id));
    let mut out = String::new();
    push_row(&mut out, RUN_COLUMNS.iter().map(|c| (*c).to_owned()));
    let optional = |value: Option<String>| value.unwrap_or_default();
    for run in runs {
        push_row(
            &mut out,
            [
                run.id.to_string(),
                run.start_utc.to_rfc3339(),
                run.sport.label().to_owned(),
                format!("{:.0}", run.distance_m),
                run.elapsed_secs.to_string(),
                optional(run.moving_secs.map(|s| s.to_string())),
                optional(run.cadence_spm.map(|c| format!("{c:.0}"))),
                optional(run.pain_during.map(|p| p.to_string())),
                optional(run.pain_next_morning.map(|p| p.to_string())),
                optional(run.surface.map(|s| s.label().to_owned())),
                text_cell(&optional(
                    run.shoe_id
                        .and_then(|id| data.shoe(id))
                        .map(|shoe| shoe.name.clone()),
                )),
                text_cell(&run.notes),
            ],
        );
    }
    out
}

/// The header row of [`diary_csv`], in order (one row per mark, so an entry with three marks is three rows):
///
/// | column | meaning |
/// | --- | --- |
/// | `entry_id` | the diary entry's id, the same on every row of one entry |
/// | `mark` | the mark's number within its entry, 1-based |
/// | `local_time` | when the pain was felt, local time, ISO 8601 with its UTC offset (`2026-12-03T19:30:00+01:00`) |
/// | `knee` | `left` or `right` |
/// | `place_kind` | `spot` (a point on a picture), `region` (a whole area) or `diffuse` (the whole knee) |
/// | `location_id` | the diagram area's id (`inner_joint_line`, …); empty for `diffuse` and for a spot outside every area |
/// | `location` | that area's label in words; empty when `location_id` is |
/// | `view` | `front` or `side`: the picture a spot was placed on; empty for regions and diffuse |
/// | `x`, `y` | a spot's place in normalised right-knee picture coordinates, 0–1, y down (a left-knee spot is mirrored); empty otherwise |
/// | `intensity` | the mark's pain score, 0–10 |
/// | `quality` | `ache`, `sharp`, `burning`, `stiff` or `throbbing` |
/// | `contexts` | the entry's contexts as keys separated by `;` (`during_run`, `after_run`, `next_morning`, `at_rest`, `at_night`, `stairs`, `squatting`, `kneeling`, `after_long_sitting`) |
/// | `signs` | the entry's knee signs, `;`-separated (`swelling`, `giving_way`, `locking`) |
/// | `onset_km` | during a run: the kilometre at which the pain started; empty when not given |
/// | `onset_min` | during a run: the minute at which it started; empty when not given |
/// | `run_id` | the linked run's id (as in the runs CSV); empty when not linked |
/// | `note` | the entry's note |
///
/// Entry columns (`local_time`, `contexts` … `note`) repeat on every row of the entry. Text cells are guarded
/// against formulas as in the other CSVs.
pub const DIARY_COLUMNS: [&str; 18] = [
    "entry_id",
    "mark",
    "local_time",
    "knee",
    "place_kind",
    "location_id",
    "location",
    "view",
    "x",
    "y",
    "intensity",
    "quality",
    "contexts",
    "signs",
    "onset_km",
    "onset_min",
    "run_id",
    "note",
];

/// The pain diary as CSV, one row per mark, oldest entry first (by time, then id).
pub fn diary_csv(diary: &crate::diary::Diary, content: &Content) -> String {
    use crate::diary::{MarkPlace, Onset, local_time, location_label};
    let mut entries: Vec<&crate::diary::DiaryEntry> = diary.entries.iter().collect();
    entries.sort_by_key(|e| (e.at_utc, e.id));
    let mut out = String::new();
    push_row(&mut out, DIARY_COLUMNS.iter().map(|c| (*c).to_owned()));
    for entry in entries {
        let when = local_time(entry.at_utc).to_rfc3339_opts(chrono::SecondsFormat::Secs, false);
        let contexts: Vec<&str> = entry.contexts.iter().map(|c| c.key()).collect();
        let signs: Vec<&str> = entry.signs.iter().map(|s| s.key()).collect();
        let (onset_km, onset_min) = match entry.onset {
            Some(Onset::AtKm(km)) if km.is_finite() => (format!("{km:.2}"), String::new()),
            Some(Onset::AtMinute(minute)) => (String::new(), minute.to_string()),
            _ => (String::new(), String::new()),
        };
        for (index, mark) in entry.marks.iter().enumerate() {
            let (kind, view, at) = match &mark.place {
                MarkPlace::Spot {
                    view,
                    at_right_knee,
                    ..
                } => ("spot", Some(*view), Some(*at_right_knee)),
                MarkPlace::Region { .. } => ("region", None, None),
                MarkPlace::Diffuse => ("diffuse", None, None),
            };
            let location_id = mark.place.location().unwrap_or_default();
            let location = if location_id.is_empty() {
                String::new()
            } else {
                location_label(content, location_id)
                    .map_or_else(|| location_id.to_owned(), str::to_owned)
            };
            let coordinate = |pick: fn((f32, f32)) -> f32| {
                at.map(pick)
                    .filter(|v| v.is_finite())
                    .map(|v| format!("{v:.4}"))
                    .unwrap_or_default()
            };
            push_row(
                &mut out,
                [
                    entry.id.to_string(),
                    (index + 1).to_string(),
                    when.clone(),
                    mark.knee.label().to_lowercase(),
                    kind.to_owned(),
                    text_cell(location_id),
                    text_cell(&location),
                    view.map(|v| v.label().to_lowercase()).unwrap_or_default(),
                    coordinate(|(x, _)| x),
                    coordinate(|(_, y)| y),
                    mark.intensity.to_string(),
                    mark.quality.label().to_owned(),
                    contexts.join(";"),
                    signs.join(";"),
                    onset_km.clone(),
                    onset_min.clone(),
                    entry.run_id.map(|id| id.to_string()).unwrap_or_default(),
                    text_cell(&entry.note),
                ],
            );
        }
    }
    out
}

/// Guards a text cell against formula injection.
fn text_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

fn push_row(out: &mut String, cells: impl IntoIterator<Item = String>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if cell.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&cell);
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_when_needed() {
        let mut out = String::new();
        push_row(
            &mut out,
            [
                "a".to_owned(),
                "b,c".to_owned(),
                "say \"hi\"".to_owned(),
                "x\ny".to_owned(),
            ],
        );
        assert_eq!(out, "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"\r\n");
    }

    #[test]
    fn formula_like_text_is_defused() {
        assert_eq!(text_cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(text_cell("-2 pain"), "'-2 pain");
        assert_eq!(text_cell("fine"), "fine");
    }

    #[test]
    fn the_diary_is_one_row_per_mark_and_reads_back_with_the_csv_crate() {
        let content = Content::embedded().unwrap();
        let text = diary_csv(
            &super::super::test_data::two_entries_three_marks(),
            &content,
        );
        assert!(text.ends_with("\r\n"));
        let mut reader = ::csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_owned)
            .collect();
        assert_eq!(header, DIARY_COLUMNS);
        let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 3, "{text}");
        let cell = |row: usize, column: &str| {
            let at = DIARY_COLUMNS.iter().position(|c| *c == column).unwrap();
            rows[row][at].to_owned()
        };
        assert_eq!(cell(0, "entry_id"), "4");
        assert_eq!(cell(1, "entry_id"), "4");
        assert_eq!(cell(1, "mark"), "2");
        assert_eq!(cell(2, "entry_id"), "5");
        let when = chrono::DateTime::parse_from_rfc3339(&cell(0, "local_time")).unwrap();
        assert_eq!(
            when,
            "2026-12-02T07:30:00Z"
                .parse::<chrono::DateTime<chrono::Utc>>()
                .unwrap()
        );
        assert_eq!(
            [
                cell(0, "knee"),
                cell(0, "place_kind"),
                cell(0, "location_id"),
                cell(0, "view")
            ],
            ["left", "spot", "inner_joint_line", "front"]
        );
        assert!(!cell(0, "location").is_empty());
        assert_eq!(
            (cell(0, "x"), cell(0, "y")),
            ("0.2500".into(), "0.5000".into())
        );
        assert_eq!(
            [
                cell(1, "place_kind"),
                cell(1, "location_id"),
                cell(1, "view"),
                cell(1, "x")
            ],
            ["region", "outer_knee_itb", "", ""]
        );
        assert_eq!(
            [cell(2, "place_kind"), cell(2, "location_id")],
            ["diffuse", ""]
        );
        assert_eq!(
            [cell(0, "intensity"), cell(0, "quality"), cell(2, "quality")],
            ["4", "sharp", "stiff"]
        );
        assert_eq!(cell(1, "contexts"), "during_run;stairs");
        assert_eq!(cell(1, "signs"), "swelling");
        assert_eq!([cell(0, "onset_km"), cell(0, "onset_min")], ["8.00", ""]);
        assert_eq!([cell(2, "onset_km"), cell(2, "onset_min")], ["", "25"]);
        assert_eq!([cell(0, "run_id"), cell(2, "run_id")], ["7", ""]);
        assert_eq!(
            cell(1, "note"),
            "'=HYPERLINK(\"x\"), then \"stairs\"",
            "defused, quoted"
        );
        assert_eq!(
            diary_csv(&crate::diary::Diary::default(), &content)
                .lines()
                .count(),
            1,
            "an empty diary is the header alone"
        );
    }
}
