//! TCX (Garmin Training Center) activities: the laps' own totals for distance and time, run cadence doubled.

use super::{ParsedActivity, Sport, parse_time, sport_from_name};

/// Parses every `<Activity>` in a TCX document.
pub(super) fn parse(bytes: &[u8]) -> Result<Vec<ParsedActivity>, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("TCX is not UTF-8: {e}"))?;
    let doc =
        roxmltree::Document::parse(text).map_err(|e| format!("TCX is not well-formed XML: {e}"))?;
    let activities: Vec<_> = doc
        .descendants()
        .filter(|n| {
            n.has_tag_name("Activity") && n.parent().is_some_and(|p| p.has_tag_name("Activities"))
        })
        .collect();
    if activities.is_empty() {
        return Err("TCX has no activities".into());
    }
    activities.into_iter().map(parse_activity).collect()
}

fn child_text<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> Option<&'a str> {
    node.children()
        .find(|n| n.has_tag_name(name))
        .and_then(|n| n.text())
}

fn number(node: roxmltree::Node<'_, '_>, name: &str) -> Result<Option<f64>, String> {
    match child_text(node, name) {
        None => Ok(None),
        Some(text) => match text.trim().parse::<f64>() {
            Ok(v) if v.is_finite() && v >= 0.0 => Ok(Some(v)),
            _ => Err(format!("TCX {name} '{}' is not a number", text.trim())),
        },
    }
}

fn parse_activity(activity: roxmltree::Node<'_, '_>) -> Result<ParsedActivity, String> {
    let sport = activity
        .attribute("Sport")
        .map_or(Sport::Run, sport_from_name);
    let id_text = child_text(activity, "Id").unwrap_or("").trim();
    let mut start = parse_time(id_text);
    if start.is_none() && !id_text.is_empty() {
        return Err(format!(
            "TCX activity Id '{id_text}' is not a date and time"
        ));
    }
    let mut distance_m = 0.0;
    let mut lap_secs = 0.0;
    let mut laps = 0;
    let mut cadence_sum = 0.0;
    let mut cadence_count = 0u32;
    let mut first_point = None;
    let mut last_point = None;
    let mut last_point_distance = None;
    for lap in activity.children().filter(|n| n.has_tag_name("Lap")) {
        laps += 1;
        if let Some(lap_start) = lap.attribute("StartTime") {
            let t = parse_time(lap_start)
                .ok_or_else(|| format!("TCX lap StartTime '{lap_start}' is not a date and time"))?;
            start = Some(start.map_or(t, |s| s.min(t)));
        }
        distance_m += number(lap, "DistanceMeters")?.unwrap_or(0.0);
        lap_secs += number(lap, "TotalTimeSeconds")?.unwrap_or(0.0);
        for point in lap.descendants().filter(|n| n.has_tag_name("Trackpoint")) {
            if let Some(t) = child_text(point, "Time") {
                let t = parse_time(t).ok_or_else(|| {
                    format!("TCX trackpoint time '{}' is not a date and time", t.trim())
                })?;
                first_point =
                    Some(first_point.map_or(t, |f: chrono::DateTime<chrono::Utc>| f.min(t)));
                last_point =
                    Some(last_point.map_or(t, |l: chrono::DateTime<chrono::Utc>| l.max(t)));
            }
            if let Some(d) = number(point, "DistanceMeters")? {
                last_point_distance = Some(d);
            }
            // RunCadence (extension) counts one foot; <Cadence> is bike cadence in rpm.
            if let Some(cad) = point
                .descendants()
                .find(|n| n.tag_name().name() == "RunCadence")
                .and_then(|n| n.text())
                .and_then(|t| t.trim().parse::<f64>().ok())
                && cad > 0.0
                && cad < 150.0
            {
                cadence_sum += cad;
                cadence_count += 1;
            }
        }
    }
    if laps == 0 {
        return Err("TCX activity has no laps".into());
    }
    let start = start
        .or(first_point)
        .ok_or("TCX activity has no start time")?;
    if distance_m <= 0.0 {
        distance_m = last_point_distance.unwrap_or(0.0);
    }
    let span_secs = match (first_point, last_point) {
        // Milliseconds are exact in f64 up to 2^53 (285,000 years).
        (Some(a), Some(b)) => (b - a).num_milliseconds() as f64 / 1000.0,
        _ => 0.0,
    };
    let elapsed_secs = if lap_secs > 0.0 {
        lap_secs.max(span_secs)
    } else {
        span_secs
    };
    Ok(ParsedActivity {
        start_utc: start,
        sport,
        distance_m,
        elapsed_secs,
        moving_secs: (lap_secs > 0.0).then_some(lap_secs),
        cadence_spm: (cadence_count > 0).then(|| 2.0 * cadence_sum / f64::from(cadence_count)),
        gear_name: None,
    })
}

#[cfg(test)]
#[expect(
    clippy::float_cmp,
    reason = "expected values are computed from exact inputs"
)]
mod tests {
    use super::*;

    fn tcx(id: &str, laps: &str) -> String {
        format!(
            r#"<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities><Activity Sport="Running"><Id>{id}</Id>{laps}</Activity></Activities></TrainingCenterDatabase>"#
        )
    }

    #[test]
    fn laps_are_summed_and_run_cadence_doubled() {
        let laps = r#"<Lap StartTime="2020-05-01T06:00:00Z"><TotalTimeSeconds>600</TotalTimeSeconds><DistanceMeters>2000</DistanceMeters>
            <Track><Trackpoint><Time>2020-05-01T06:00:00Z</Time><Extensions><TPX><RunCadence>85</RunCadence></TPX></Extensions></Trackpoint></Track></Lap>
            <Lap StartTime="2020-05-01T06:10:00Z"><TotalTimeSeconds>500.5</TotalTimeSeconds><DistanceMeters>1500</DistanceMeters></Lap>"#;
        let a = &parse(tcx("2020-05-01T06:00:00Z", laps).as_bytes()).unwrap()[0];
        assert_eq!(a.distance_m, 3500.0);
        assert_eq!(a.elapsed_secs, 1100.5);
        assert_eq!(a.cadence_spm, Some(170.0));
        assert_eq!(a.start_utc.to_rfc3339(), "2020-05-01T06:00:00+00:00");
    }

    #[test]
    fn bad_dates_are_named() {
        let err = parse(tcx("yesterday", "<Lap/>").as_bytes()).unwrap_err();
        assert!(err.contains("'yesterday' is not a date"), "{err}");
        let laps = r#"<Lap StartTime="2020-13-45T99:00:00Z"/>"#;
        let err = parse(tcx("2020-05-01T06:00:00Z", laps).as_bytes()).unwrap_err();
        assert!(err.contains("StartTime"), "{err}");
    }
}
