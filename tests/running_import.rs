//! Imports on the shared fixtures (skipped with a message when the folder is missing, a failure then when
//! `KNEEMAP_REQUIRE_FIXTURES=1`, as in CI) and on generated bad
//! input: cut files, random bytes, empty files, wrong extensions, decompression bombs. Nothing may panic.

#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::float_cmp,
    reason = "Test helpers outside #[test] fns: a panic here is the failure report."
)]

use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};

use kneemap::running::import::{
    FileOutcome, ImportBatch, ImportLimits, MergeOutcome, import_paths, merge_batch,
};
use kneemap::running::{RunningData, Sport};

/// `../shared/fixtures` beside the repo, or `KNEEMAP_FIXTURES`.
fn fixtures() -> Option<PathBuf> {
    let dir = std::env::var_os("KNEEMAP_FIXTURES").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures"),
        PathBuf::from,
    );
    if dir.is_dir() {
        Some(dir)
    } else {
        // CI has the folder and says so: there a missing folder is a failure, not a silent pass.
        assert!(
            std::env::var_os("KNEEMAP_REQUIRE_FIXTURES").is_none_or(|v| v != "1"),
            "KNEEMAP_REQUIRE_FIXTURES=1 but the fixture folder {} is missing",
            dir.display()
        );
        eprintln!("SKIPPED: fixture folder {} is missing", dir.display());
        None
    }
}

fn one(path: &Path) -> FileOutcome {
    let batch = import_paths(&[path.to_path_buf()], &ImportLimits::default());
    assert_eq!(batch.files.len(), 1, "{batch:?}");
    batch.files.into_iter().next().unwrap().outcome
}

fn parsed(path: &Path) -> kneemap::running::import::ParsedActivity {
    match one(path) {
        FileOutcome::Parsed { mut activities, .. } => activities.remove(0),
        FileOutcome::Failed(reason) => panic!("{}: {reason}", path.display()),
    }
}

fn within_1pct(got: f64, expected: f64) -> bool {
    (got - expected).abs() <= expected.abs() * 0.01 + 1e-9
}

#[test]
fn fixture_totals_match_independent_parsers() {
    let Some(dir) = fixtures() else { return };
    // (file, sport, start, distance m, elapsed s, cadence spm) from the fixtures README.
    let cases = [
        (
            "gpx/garmin-activity.gpx",
            Sport::Run,
            "2017-07-29T14:46:35+00:00",
            12_835.0,
            5_498.0,
            Some(159.0),
        ),
        (
            "gpx/wahoo_example.gpx",
            Sport::Run,
            "2022-04-24T20:54:33+00:00",
            0.0,
            2.0,
            None,
        ),
        (
            "tcx/test.tcx",
            Sport::Run,
            "2012-12-26T21:29:53+00:00",
            4_686.0,
            1_993.0,
            None,
        ),
        (
            "fit/garmin-fenix-5-run.fit",
            Sport::Run,
            "2017-06-11T14:34:09+00:00",
            157.6,
            56.9,
            Some(166.0),
        ),
        (
            "fit/garmin-fenix-5-bike.fit",
            Sport::Cycling,
            "2017-06-12T16:09:22+00:00",
            459.5,
            60.4,
            None,
        ),
    ];
    for (file, sport, start, distance_m, elapsed, cadence) in cases {
        let a = parsed(&dir.join(file));
        assert_eq!(a.sport, sport, "{file}");
        assert_eq!(a.start_utc.to_rfc3339(), start, "{file}");
        assert!(
            within_1pct(a.distance_m, distance_m),
            "{file}: {} m vs {distance_m}",
            a.distance_m
        );
        assert!(
            within_1pct(a.elapsed_secs, elapsed),
            "{file}: {} s vs {elapsed}",
            a.elapsed_secs
        );
        match (a.cadence_spm, cadence) {
            (Some(got), Some(expected)) => assert!(
                (got - expected).abs() <= 2.0,
                "{file}: {got} spm vs {expected}"
            ),
            (got, expected) => {
                assert_eq!(got.is_some(), expected.is_some(), "{file}: cadence {got:?}");
            }
        }
    }
}

#[test]
fn broken_fixtures_fail_with_a_reason() {
    let Some(dir) = fixtures() else { return };
    for (file, words) in [
        ("fit/activity-unexpected-eof.fit", "truncated"),
        ("fit/activity-settings-corruptheader.fit", "FIT"),
    ] {
        match one(&dir.join(file)) {
            FileOutcome::Failed(reason) => assert!(reason.contains(words), "{file}: {reason}"),
            FileOutcome::Parsed { .. } => panic!("{file} should fail"),
        }
    }
}

#[test]
fn bad_crc_is_imported_with_a_warning() {
    let Some(dir) = fixtures() else { return };
    let mut bytes = std::fs::read(dir.join("fit/garmin-fenix-5-run.fit")).unwrap();
    let n = bytes.len();
    bytes[n - 1] ^= 0xff;
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("bad-crc.fit");
    std::fs::write(&path, bytes).unwrap();
    match one(&path) {
        FileOutcome::Parsed {
            activities,
            warnings,
        } => {
            assert!(within_1pct(activities[0].distance_m, 157.6));
            assert!(
                warnings.iter().any(|w| w.contains("checksum")),
                "{warnings:?}"
            );
        }
        FileOutcome::Failed(reason) => panic!("{reason}"),
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

#[test]
fn gzipped_files_wrong_extensions_and_folders() {
    let Some(dir) = fixtures() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let gpx = std::fs::read(dir.join("gpx/garmin-activity.gpx")).unwrap();
    std::fs::write(tmp.path().join("a.gpx.gz"), gzip(&gpx)).unwrap();
    // A TCX named .fit is still read by its content.
    std::fs::copy(dir.join("tcx/test.tcx"), tmp.path().join("misnamed.fit")).unwrap();
    std::fs::write(tmp.path().join("README.txt"), "not an activity").unwrap();
    let batch = import_paths(&[tmp.path().to_path_buf()], &ImportLimits::default());
    assert_eq!(batch.files.len(), 2, "README skipped: {batch:?}");
    assert!(
        batch
            .files
            .iter()
            .all(|f| matches!(f.outcome, FileOutcome::Parsed { .. })),
        "{batch:?}"
    );
    // Named explicitly, a non-activity file gets a clear reason.
    match one(&tmp.path().join("README.txt")) {
        FileOutcome::Failed(reason) => assert!(reason.contains("not a run file"), "{reason}"),
        FileOutcome::Parsed { .. } => panic!("text is not a run"),
    }
}

fn check_strava(batch: ImportBatch) {
    let mut data = RunningData::default();
    data.shoes.push(kneemap::running::Shoe {
        id: 1,
        name: "Pegasus 38".into(),
        ..Default::default()
    });
    let report = merge_batch(&mut data, batch.clone());
    assert_eq!(report.activities_added, 5, "{:#?}", report.lines);
    assert!(report.all_ok());
    let ride = data
        .runs
        .iter()
        .find(|r| r.sport == Sport::Cycling)
        .expect("the ride is cross-training");
    assert!(within_1pct(ride.distance_m, 459.5));
    let treadmill = data
        .runs
        .iter()
        .find(|r| r.distance_m == 5000.0)
        .expect("manual row from the CSV alone");
    assert_eq!(treadmill.elapsed_secs, 1800);
    assert_eq!(treadmill.shoe_id, Some(1), "gear name matched");
    let gpx_run = data
        .runs
        .iter()
        .find(|r| within_1pct(r.distance_m, 12_835.0))
        .unwrap();
    assert_eq!(gpx_run.shoe_id, Some(1));
    let again = merge_batch(&mut data, batch);
    assert_eq!(again.activities_added, 0);
    assert_eq!(again.files_already_there, 5);
    assert!(
        again
            .lines
            .iter()
            .all(|l| l.outcome == MergeOutcome::AlreadyThere)
    );
}

#[test]
fn strava_zip_and_unpacked_folder() {
    let Some(dir) = fixtures() else { return };
    let zip_path = dir.join("strava/export_synthetic_en.zip");
    check_strava(import_paths(
        std::slice::from_ref(&zip_path),
        &ImportLimits::default(),
    ));
    // The same export unpacked into a temporary folder.
    let tmp = tempfile::tempdir().unwrap();
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&zip_path).unwrap()).unwrap();
    archive.extract(tmp.path()).unwrap();
    check_strava(import_paths(
        &[tmp.path().to_path_buf()],
        &ImportLimits::default(),
    ));
}

#[test]
fn every_fixture_cut_at_ten_points_never_panics() {
    let Some(dir) = fixtures() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let files = [
        "gpx/garmin-activity.gpx",
        "gpx/wahoo_example.gpx",
        "tcx/test.tcx",
        "tcx/no_hr.tcx",
        "fit/garmin-fenix-5-run.fit",
        "fit/garmin-fenix-5-bike.fit",
        "strava/export_synthetic_en.zip",
    ];
    let mut failures = 0;
    for file in files {
        let bytes = std::fs::read(dir.join(file)).unwrap();
        for cut in 0..10 {
            let len = bytes.len() * cut / 10;
            let name = format!("{}-{cut}", file.replace('/', "_"));
            let path = tmp.path().join(&name);
            std::fs::write(&path, &bytes[..len]).unwrap();
            let batch = import_paths(std::slice::from_ref(&path), &ImportLimits::default());
            assert!(!batch.files.is_empty(), "{name}: every input gets a line");
            failures += batch
                .files
                .iter()
                .filter(|f| matches!(f.outcome, FileOutcome::Failed(_)))
                .count();
            // Gzipped cut files too.
            let gz = tmp.path().join(format!("{name}.gz"));
            std::fs::write(&gz, gzip(&bytes[..len])).unwrap();
            let _ = import_paths(&[gz], &ImportLimits::default());
        }
    }
    assert!(
        failures >= files.len(),
        "cut files are reported as failures ({failures})"
    );
}

#[test]
fn random_bytes_and_empty_files_fail_cleanly() {
    let tmp = tempfile::tempdir().unwrap();
    // A small deterministic generator (xorshift) so failures reproduce.
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for i in 0..40 {
        let len = (i * 97) % 3000;
        let mut bytes = Vec::with_capacity(len);
        for _ in 0..len {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            bytes.push((x & 0xff) as u8);
        }
        // Every few files, dress the noise as a FIT or gzip header.
        if i % 3 == 0 && bytes.len() > 12 {
            bytes[8..12].copy_from_slice(b".FIT");
        } else if i % 3 == 1 && bytes.len() > 2 {
            bytes[0] = 0x1f;
            bytes[1] = 0x8b;
        }
        let ext = ["fit", "gpx", "tcx", "gz", "zip"][i % 5];
        let path = tmp.path().join(format!("noise{i}.{ext}"));
        std::fs::write(&path, &bytes).unwrap();
        let batch = import_paths(&[path], &ImportLimits::default());
        assert_eq!(batch.files.len(), 1);
    }
    let empty = tmp.path().join("empty.gpx");
    std::fs::write(&empty, b"").unwrap();
    match one(&empty) {
        FileOutcome::Failed(reason) => assert!(reason.contains("empty"), "{reason}"),
        FileOutcome::Parsed { .. } => panic!("empty file"),
    }
    let missing = tmp.path().join("missing.fit");
    assert!(matches!(one(&missing), FileOutcome::Failed(r) if r.contains("cannot read")));
}

#[test]
fn bombs_and_oversized_files_are_stopped() {
    let tmp = tempfile::tempdir().unwrap();
    let limits = ImportLimits {
        max_inflated_bytes: 1 << 20,
        max_file_bytes: 1 << 20,
        ..ImportLimits::default()
    };
    // 16 MB of zeros inflating from a few kB.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let chunk = vec![b' '; 1 << 20];
    gz.write_all(b"<gpx>").unwrap();
    for _ in 0..16 {
        gz.write_all(&chunk).unwrap();
    }
    let gz_path = tmp.path().join("bomb.gpx.gz");
    std::fs::write(&gz_path, gz.finish().unwrap()).unwrap();
    let batch = import_paths(&[gz_path], &limits);
    assert!(
        matches!(&batch.files[0].outcome, FileOutcome::Failed(r) if r.contains("inflates past")),
        "{batch:?}"
    );

    // A zip whose single entry inflates past the limit.
    let zip_path = tmp.path().join("bomb.zip");
    let mut writer = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    writer
        .start_file("activities/1.gpx", zip::write::SimpleFileOptions::default())
        .unwrap();
    for _ in 0..16 {
        writer.write_all(&chunk).unwrap();
    }
    writer.finish().unwrap();
    let batch = import_paths(&[zip_path], &limits);
    assert!(
        matches!(&batch.files[0].outcome, FileOutcome::Failed(r) if r.contains("inflates past")),
        "{batch:?}"
    );

    let big = tmp.path().join("big.gpx");
    std::fs::write(&big, vec![b' '; (1 << 20) + 10]).unwrap();
    let batch = import_paths(&[big], &limits);
    assert!(
        matches!(&batch.files[0].outcome, FileOutcome::Failed(r) if r.contains("larger than")),
        "{batch:?}"
    );
}

/// A small GPX run: `points` points 10 s apart heading north at about 3 m/s.
#[must_use]
#[expect(
    clippy::cast_possible_wrap,
    reason = "counts, indices and millisecond spans stay far below 2^52; small indices and counts"
)]
pub fn synthetic_gpx(start: chrono::DateTime<chrono::Utc>, points: usize) -> String {
    let mut text = String::from(
        r#"<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><type>running</type><trkseg>"#,
    );
    for i in 0..points {
        let t = start + chrono::Duration::seconds(10 * i as i64);
        let _ = write!(
            text,
            r#"<trkpt lat="{:.6}" lon="5.0"><time>{}</time></trkpt>"#,
            50.0 + i as f64 * 0.00027,
            t.format("%Y-%m-%dT%H:%M:%SZ")
        );
    }
    text.push_str("</trkseg></trk></gpx>");
    text
}

#[test]
fn ten_year_history_imports_once() {
    let tmp = tempfile::tempdir().unwrap();
    let start = chrono::DateTime::parse_from_rfc3339("2015-01-01T07:00:00Z")
        .unwrap()
        .to_utc();
    for day in 0..3650 {
        let t = start + chrono::Duration::days(day);
        std::fs::write(
            tmp.path().join(format!("{day:04}.gpx")),
            synthetic_gpx(t, 20),
        )
        .unwrap();
    }
    let batch = import_paths(&[tmp.path().to_path_buf()], &ImportLimits::default());
    let mut data = RunningData::default();
    let report = merge_batch(&mut data, batch.clone());
    assert_eq!(report.activities_added, 3650, "{}", report.summary());
    assert_eq!(merge_batch(&mut data, batch).activities_added, 0);
}
