//! The text `kneemap runs [--json]` prints: one line (or one JSON object) per logged activity with start (UTC),
//! sport, distance in metres, elapsed and moving seconds, cadence and shoe.

use std::fmt::Write as _;

use super::model::RunningData;

/// JSON string literal with the escapes JSON requires.
fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn json_number(value: Option<f64>) -> String {
    value
        .filter(|v| v.is_finite())
        .map_or_else(|| "null".to_owned(), |v| format!("{v:.1}"))
}

/// Every activity in start order, as aligned text or as a JSON array.
#[must_use]
pub fn format_runs(data: &RunningData, json: bool) -> String {
    let runs = data.runs_by_start();
    let shoe_name = |id: Option<u64>| id.and_then(|id| data.shoe(id)).map(|s| s.name.clone());
    let mut out = String::new();
    if json {
        out.push('[');
        for (i, run) in runs.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let _ = write!(
                out,
                "\n  {{\"start\": {}, \"sport\": {}, \"distance_m\": {:.1}, \"elapsed_secs\": {}, \"moving_secs\": {}, \"cadence_spm\": {}, \"shoe\": {}}}",
                json_string(&run.start_utc.to_rfc3339()),
                json_string(run.sport.cli_name()),
                run.distance_m,
                run.elapsed_secs,
                run.moving_secs
                    .map_or_else(|| "null".to_owned(), |s| s.to_string()),
                json_number(run.cadence_spm),
                shoe_name(run.shoe_id).map_or_else(|| "null".to_owned(), |n| json_string(&n)),
            );
        }
        out.push_str(if runs.is_empty() { "]\n" } else { "\n]\n" });
    } else {
        for run in runs {
            let _ = writeln!(
                out,
                "{}  {:<10}  {:>10.1} m  {:>6} s elapsed  {:>6} s moving  {:>5} spm  {}",
                run.start_utc.format("%Y-%m-%dT%H:%M:%SZ"),
                run.sport.cli_name(),
                run.distance_m,
                run.elapsed_secs,
                run.moving_secs
                    .map_or_else(|| "-".to_owned(), |s| s.to_string()),
                run.cadence_spm
                    .map_or_else(|| "-".to_owned(), |c| format!("{c:.0}")),
                shoe_name(run.shoe_id).unwrap_or_else(|| "-".to_owned()),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::running::model::{Run, Shoe, Sport};
    use chrono::{TimeZone, Utc};

    fn data() -> RunningData {
        let mut data = RunningData::default();
        data.shoes.push(Shoe {
            id: 1,
            name: "Say \"hi\"".into(),
            ..Shoe::default()
        });
        data.runs.push(Run {
            id: 2,
            start_utc: Utc.with_ymd_and_hms(2017, 7, 29, 14, 46, 35).unwrap(),
            distance_m: 12_835.46,
            elapsed_secs: 5498,
            moving_secs: Some(5492),
            cadence_spm: Some(159.2),
            shoe_id: Some(1),
            ..Run::default()
        });
        data.runs.push(Run {
            id: 3,
            sport: Sport::Cycling,
            distance_m: 459.5,
            elapsed_secs: 60,
            ..Run::default()
        });
        data
    }

    #[test]
    fn json_lists_every_field_escaped_in_start_order() {
        let text = format_runs(&data(), true);
        let first = text.find("cycling").unwrap();
        let second = text.find("2017-07-29T14:46:35+00:00").unwrap();
        assert!(first < second, "1970 ride first: {text}");
        assert!(text.contains("\"distance_m\": 12835.5, \"elapsed_secs\": 5498, \"moving_secs\": 5492, \"cadence_spm\": 159.2, \"shoe\": \"Say \\\"hi\\\"\""), "{text}");
        assert!(
            text.contains("\"moving_secs\": null, \"cadence_spm\": null, \"shoe\": null"),
            "{text}"
        );
        assert_eq!(format_runs(&RunningData::default(), true), "[]\n");
    }

    #[test]
    fn text_has_one_line_per_activity() {
        let text = format_runs(&data(), false);
        assert_eq!(text.lines().count(), 2);
        assert!(
            text.lines()
                .nth(1)
                .unwrap()
                .starts_with("2017-07-29T14:46:35Z  run")
        );
    }
}
