//! FIT activity files (`fitparser`): the session message's own totals, or the records when there is none.
//! A bad checksum is tolerated with a warning when the records still parse.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use fitparser::de::DecodeOption;
use fitparser::profile::MesgNum;
use fitparser::{ErrorKind, FitDataRecord, Value};

use super::{ParsedActivity, Sport, sport_from_name};

/// Parses a FIT file into its sessions (usually one), with warnings.
pub(super) fn parse(bytes: &[u8]) -> Result<(Vec<ParsedActivity>, Vec<String>), String> {
    check_header(bytes)?;
    // fitparser can still panic on some malformed input (integer overflow in debug builds); a damaged file
    // must never take the app down, so its panic becomes an error for this one file.
    std::panic::catch_unwind(|| parse_checked(bytes))
        .unwrap_or_else(|_| Err("FIT file is corrupt (the FIT reader gave up on it)".to_owned()))
}

/// Checks the header before handing the bytes to `fitparser`: size 12 or 14, `.FIT`, and the data length the
/// header announces actually present (otherwise the file is truncated).
fn check_header(bytes: &[u8]) -> Result<(), String> {
    let header_size = usize::from(*bytes.first().ok_or("FIT file is empty")?);
    if header_size != 12 && header_size != 14 {
        return Err(format!(
            "FIT header size {header_size} is invalid (expected 12 or 14): not a FIT file or corrupt"
        ));
    }
    if bytes.len() < header_size || &bytes[8..12] != b".FIT" {
        return Err("FIT file is truncated inside its header".to_owned());
    }
    // A u32 fits usize on every target KneeMap builds for (32- and 64-bit).
    let data_size = u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]) as usize;
    if bytes.len() < header_size + data_size + 2 {
        return Err(format!(
            "FIT file is truncated: the header announces {} bytes, the file has {}",
            header_size + data_size + 2,
            bytes.len()
        ));
    }
    Ok(())
}

fn parse_checked(bytes: &[u8]) -> Result<(Vec<ParsedActivity>, Vec<String>), String> {
    let mut warnings = Vec::new();
    let records = match fitparser::from_bytes(bytes) {
        Ok(records) => records,
        Err(error) => match *error {
            ErrorKind::InvalidCrc(..) => {
                let options: HashSet<DecodeOption> = [
                    DecodeOption::SkipHeaderCrcValidation,
                    DecodeOption::SkipDataCrcValidation,
                ]
                .into_iter()
                .collect();
                let records =
                    fitparser::de::from_bytes_with_options(bytes, &options).map_err(|e| {
                        format!(
                            "FIT checksum is wrong and the records do not parse: {}",
                            describe(&e)
                        )
                    })?;
                warnings.push(
                    "FIT checksum is wrong; the records still parse, so the file was read"
                        .to_owned(),
                );
                records
            }
            other => return Err(describe(&other)),
        },
    };
    let sessions: Vec<ParsedActivity> = records
        .iter()
        .filter(|r| r.kind() == MesgNum::Session)
        .filter_map(from_session)
        .collect();
    if !sessions.is_empty() {
        return Ok((sessions, warnings));
    }
    let activity = from_records(&records)?;
    warnings.push("FIT file has no session summary; totals come from its records".to_owned());
    Ok((vec![activity], warnings))
}

fn describe(error: &ErrorKind) -> String {
    match error {
        ErrorKind::UnexpectedEof(_) => {
            "FIT file is truncated (ends in the middle of a record)".to_owned()
        }
        ErrorKind::ParseError(position, _) => format!("FIT file is corrupt at byte {position}"),
        ErrorKind::InvalidCrc(..) => "FIT checksum is wrong".to_owned(),
        ErrorKind::MissingDefinitionMessage(..)
        | ErrorKind::MissingDeveloperDefinitionMessage() => {
            "FIT file is corrupt (a record refers to a definition it never gave)".to_owned()
        }
        ErrorKind::TrailingBytes(n) => format!("FIT file has {n} stray bytes at the end"),
        other => format!("FIT file cannot be read: {other}"),
    }
}

fn field<'a>(record: &'a FitDataRecord, name: &str) -> Option<&'a Value> {
    record
        .fields()
        .iter()
        .find(|f| f.name() == name)
        .map(fitparser::FitDataField::value)
}

fn as_f64(value: &Value) -> Option<f64> {
    let v = match value {
        Value::Byte(v) | Value::UInt8(v) | Value::UInt8z(v) | Value::Enum(v) => f64::from(*v),
        Value::SInt8(v) => f64::from(*v),
        Value::SInt16(v) => f64::from(*v),
        Value::UInt16(v) | Value::UInt16z(v) => f64::from(*v),
        Value::SInt32(v) => f64::from(*v),
        Value::UInt32(v) | Value::UInt32z(v) => f64::from(*v),
        Value::Float32(v) => f64::from(*v),
        Value::Float64(v) => *v,
        // 64-bit fields (timestamps, distances) are far below 2^53, where f64 stops being exact.
        Value::SInt64(v) => *v as f64,
        Value::UInt64(v) | Value::UInt64z(v) => *v as f64,
        _ => return None,
    };
    v.is_finite().then_some(v)
}

fn number(record: &FitDataRecord, name: &str) -> Option<f64> {
    field(record, name).and_then(as_f64)
}

fn time(record: &FitDataRecord, name: &str) -> Option<DateTime<Utc>> {
    match field(record, name)? {
        Value::Timestamp(t) => Some(t.with_timezone(&Utc)),
        _ => None,
    }
}

fn sport_of(record: &FitDataRecord) -> Sport {
    match field(record, "sport") {
        Some(Value::String(name)) => sport_from_name(name),
        _ => Sport::Run,
    }
}

/// Cadence in steps per minute: FIT running cadence counts one foot, so it is doubled (fraction added first).
fn running_cadence(record: &FitDataRecord, sport: Sport) -> Option<f64> {
    if !sport.is_run() && sport != Sport::Walking {
        return None;
    }
    let whole = number(record, "avg_running_cadence").or_else(|| number(record, "avg_cadence"))?;
    let fraction = number(record, "avg_fractional_cadence").unwrap_or(0.0);
    (whole > 0.0).then_some(2.0 * (whole + fraction))
}

fn from_session(session: &FitDataRecord) -> Option<ParsedActivity> {
    let start = time(session, "start_time").or_else(|| time(session, "timestamp"))?;
    let sport = sport_of(session);
    let elapsed =
        number(session, "total_elapsed_time").or_else(|| number(session, "total_timer_time"))?;
    Some(ParsedActivity {
        start_utc: start,
        sport,
        distance_m: number(session, "total_distance").unwrap_or(0.0),
        elapsed_secs: elapsed,
        moving_secs: number(session, "total_moving_time")
            .or_else(|| number(session, "total_timer_time")),
        cadence_spm: running_cadence(session, sport),
        gear_name: None,
    })
}

fn from_records(records: &[FitDataRecord]) -> Result<ParsedActivity, String> {
    let points: Vec<&FitDataRecord> = records
        .iter()
        .filter(|r| r.kind() == MesgNum::Record)
        .collect();
    let times: Vec<DateTime<Utc>> = points.iter().filter_map(|r| time(r, "timestamp")).collect();
    let (Some(first), Some(last)) = (times.iter().min(), times.iter().max()) else {
        return Err("FIT file has no activity records with times".to_owned());
    };
    let distance_m = points
        .iter()
        .filter_map(|r| number(r, "distance"))
        .fold(0.0, f64::max);
    let sport = records
        .iter()
        .find(|r| r.kind() == MesgNum::Sport || r.kind() == MesgNum::Lap)
        .map_or(Sport::Run, sport_of);
    let cadences: Vec<f64> = points
        .iter()
        .filter_map(|r| number(r, "cadence"))
        .filter(|c| *c > 0.0)
        .collect();
    let cadence_spm = (sport.is_run() && !cadences.is_empty())
        // A count of records: exact in f64 below 2^53.
        .then(|| 2.0 * cadences.iter().sum::<f64>() / cadences.len() as f64);
    Ok(ParsedActivity {
        start_utc: *first,
        sport,
        distance_m,
        // Milliseconds are exact in f64 up to 2^53 (285,000 years).
        elapsed_secs: (*last - *first).num_milliseconds() as f64 / 1000.0,
        moving_secs: None,
        cadence_spm,
        gear_name: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_fit_and_truncated_headers_fail_with_a_reason() {
        let err = parse(&[14, 16, 0, 0, 0, 0, 0, 0, b'.', b'F', b'I', b'T']).unwrap_err();
        assert!(err.contains("truncated"), "{err}");
        let err = parse(&[12, 16, 0, 0, 200, 0, 0, 0, b'.', b'F', b'I', b'T', 0, 0]).unwrap_err();
        assert!(err.contains("announces 214 bytes"), "{err}");
        let err = parse(&[1, 2, 3]).unwrap_err();
        assert!(err.contains("header size 1"), "{err}");
    }
}
