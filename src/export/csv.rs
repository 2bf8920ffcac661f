//! CSV of session logs for spreadsheets: one row per exercise per session, columns listed in
//! [`SESSION_LOG_COLUMNS`]. RFC 4180 quoting and CRLF line ends.

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
}
