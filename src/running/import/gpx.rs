//! GPX 1.0/1.1 tracks: 2D distance over track points, elapsed and moving time, Garmin `TrackPointExtension` cadence.

use super::{ParsedActivity, haversine_m, parse_time, sport_from_name};

/// Below this speed (m/s) a point-to-point step counts as stopped (same idea as gpxpy's moving data).
const STOPPED_SPEED_MPS: f64 = 0.3;

/// Parses one GPX document; every track segment of every track is joined into one activity.
pub(super) fn parse(bytes: &[u8]) -> Result<ParsedActivity, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("GPX is not UTF-8: {e}"))?;
    let doc =
        roxmltree::Document::parse(text).map_err(|e| format!("GPX is not well-formed XML: {e}"))?;
    let root = doc.root_element();
    if root.tag_name().name() != "gpx" {
        return Err("not a GPX document".into());
    }
    let sport = root
        .descendants()
        .find(|n| n.has_tag_name("type") && n.parent().is_some_and(|p| p.has_tag_name("trk")))
        .and_then(|n| n.text())
        .map_or(super::Sport::Run, sport_from_name);

    let mut distance_m = 0.0;
    let mut moving_secs = 0.0;
    let mut first_time = None;
    let mut last_time = None;
    let mut cadence_sum = 0.0;
    let mut cadence_count = 0u32;
    let mut points = 0usize;
    let mut timed_points = 0usize;

    for segment in root.descendants().filter(|n| n.has_tag_name("trkseg")) {
        let mut previous: Option<(f64, f64, Option<chrono::DateTime<chrono::Utc>>)> = None;
        for point in segment.children().filter(|n| n.has_tag_name("trkpt")) {
            let (Some(lat), Some(lon)) = (
                point
                    .attribute("lat")
                    .and_then(|v| v.trim().parse::<f64>().ok()),
                point
                    .attribute("lon")
                    .and_then(|v| v.trim().parse::<f64>().ok()),
            ) else {
                return Err(format!(
                    "GPX track point at byte {} has no valid lat/lon",
                    point.range().start
                ));
            };
            if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
                return Err(format!(
                    "GPX track point at byte {} is off the globe",
                    point.range().start
                ));
            }
            points += 1;
            let time = point
                .children()
                .find(|n| n.has_tag_name("time"))
                .and_then(|n| n.text())
                .and_then(parse_time);
            if let Some(t) = time {
                timed_points += 1;
                first_time =
                    Some(first_time.map_or(t, |f: chrono::DateTime<chrono::Utc>| f.min(t)));
                last_time = Some(last_time.map_or(t, |l: chrono::DateTime<chrono::Utc>| l.max(t)));
            }
            // Garmin's TrackPointExtension <cad> counts one foot; 0 means no reading.
            if let Some(cad) = point
                .descendants()
                .find(|n| n.tag_name().name() == "cad")
                .and_then(|n| n.text())
                .and_then(|t| t.trim().parse::<f64>().ok())
                && cad > 0.0
                && cad < 150.0
            {
                cadence_sum += cad;
                cadence_count += 1;
            }
            if let Some((plat, plon, ptime)) = previous {
                let step_m = haversine_m(plat, plon, lat, lon);
                distance_m += step_m;
                if let (Some(a), Some(b)) = (ptime, time) {
                    // Milliseconds are exact in f64 up to 2^53 (285,000 years).
                    let secs = (b - a).num_milliseconds() as f64 / 1000.0;
                    if secs > 0.0 && step_m / secs >= STOPPED_SPEED_MPS {
                        moving_secs += secs;
                    }
                }
            }
            previous = Some((lat, lon, time));
        }
    }
    if points == 0 {
        return Err("GPX has no track points".into());
    }
    let (Some(start), Some(end)) = (first_time, last_time) else {
        return Err("GPX track points have no times".into());
    };
    if timed_points < points / 2 {
        return Err(format!(
            "only {timed_points} of {points} GPX track points have a time"
        ));
    }
    // Milliseconds are exact in f64 up to 2^53 (285,000 years).
    let elapsed_secs = (end - start).num_milliseconds() as f64 / 1000.0;
    Ok(ParsedActivity {
        start_utc: start,
        sport,
        distance_m,
        elapsed_secs,
        moving_secs: Some(moving_secs.min(elapsed_secs)),
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

    fn gpx(points: &str) -> String {
        format!(
            r#"<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"
            xmlns:ns3="http://www.garmin.com/xmlschemas/TrackPointExtension/v1"><trk><type>running</type><trkseg>{points}</trkseg></trk></gpx>"#
        )
    }

    #[test]
    fn distance_time_and_doubled_cadence() {
        let text = gpx(
            r#"<trkpt lat="0" lon="0"><time>2020-01-01T10:00:00Z</time><extensions><ns3:TrackPointExtension><ns3:cad>80</ns3:cad></ns3:TrackPointExtension></extensions></trkpt>
               <trkpt lat="0.01" lon="0"><time>2020-01-01T10:05:00Z</time><extensions><ns3:TrackPointExtension><ns3:cad>90</ns3:cad></ns3:TrackPointExtension></extensions></trkpt>"#,
        );
        let a = parse(text.as_bytes()).unwrap();
        assert!((a.distance_m - 1111.95).abs() < 0.5, "{}", a.distance_m);
        assert_eq!(a.elapsed_secs, 300.0);
        assert_eq!(a.cadence_spm, Some(170.0));
        assert_eq!(a.sport, super::super::Sport::Run);
    }

    #[test]
    fn no_points_or_no_times_are_refused() {
        assert!(
            parse(gpx("").as_bytes())
                .unwrap_err()
                .contains("no track points")
        );
        let untimed = gpx(r#"<trkpt lat="0" lon="0"/><trkpt lat="0.1" lon="0"/>"#);
        assert!(parse(untimed.as_bytes()).unwrap_err().contains("no times"));
        let bad = gpx(r#"<trkpt lat="x" lon="0"/>"#);
        assert!(parse(bad.as_bytes()).unwrap_err().contains("lat/lon"));
    }
}
