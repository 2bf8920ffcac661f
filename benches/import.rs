//! Import speed on the shared fixture files (the same files `scripts/bench_import_python.py` times with
//! Python's `fitdecode` and `gpxpy`), and a generated 10-year history of 3,650 small GPX runs read and merged.
//!
//! Run with `cargo bench --bench import`. Skips the fixture groups with a message when `../shared/fixtures` is
//! missing.

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use kneemap::running::RunningData;
use kneemap::running::import::{ImportLimits, import_paths, merge_batch};

fn fixtures() -> Option<PathBuf> {
    let dir = std::env::var_os("KNEEMAP_FIXTURES").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures"),
        PathBuf::from,
    );
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("SKIPPED: fixture folder {} is missing", dir.display());
        None
    }
}

fn fixture_files(c: &mut Criterion) {
    let Some(dir) = fixtures() else { return };
    let limits = ImportLimits::default();
    let groups: [(&str, &[&str]); 3] = [
        ("gpx", &["gpx/garmin-activity.gpx", "gpx/wahoo_example.gpx"]),
        (
            "fit",
            &["fit/garmin-fenix-5-run.fit", "fit/garmin-fenix-5-bike.fit"],
        ),
        ("tcx", &["tcx/test.tcx", "tcx/no_hr.tcx"]),
    ];
    for (name, files) in groups {
        let paths: Vec<PathBuf> = files.iter().map(|f| dir.join(f)).collect();
        c.bench_function(&format!("import_{name}_fixtures"), |b| {
            b.iter(|| black_box(import_paths(black_box(&paths), &limits)));
        });
    }
}

fn ten_year_history(c: &mut Criterion) {
    let Ok(tmp) = tempfile::tempdir() else { return };
    let start = chrono::DateTime::parse_from_rfc3339("2015-01-01T07:00:00Z").map(|t| t.to_utc());
    let Ok(start) = start else { return };
    for day in 0..3650i64 {
        let t = start + chrono::Duration::days(day);
        let mut text = String::from(r#"<?xml version="1.0"?><gpx version="1.1"><trk><trkseg>"#);
        for i in 0..120i64 {
            let time = (t + chrono::Duration::seconds(10 * i)).format("%Y-%m-%dT%H:%M:%SZ");
            let lat = 50.0 + i as f64 * 0.00027;
            let _ = write!(
                text,
                r#"<trkpt lat="{lat:.6}" lon="5.0"><time>{time}</time></trkpt>"#
            );
        }
        text.push_str("</trkseg></trk></gpx>");
        if std::fs::write(tmp.path().join(format!("{day:04}.gpx")), text).is_err() {
            return;
        }
    }
    let paths = vec![tmp.path().to_path_buf()];
    let mut group = c.benchmark_group("history");
    group.sample_size(10);
    group.bench_function("import_and_merge_3650_runs", |b| {
        b.iter(|| {
            let batch = import_paths(&paths, &ImportLimits::default());
            let mut data = RunningData::default();
            black_box(merge_batch(&mut data, batch))
        });
    });
    group.finish();
}

criterion_group!(benches, fixture_files, ten_year_history);
criterion_main!(benches);
