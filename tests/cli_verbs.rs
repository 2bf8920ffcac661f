//! Every command-line verb on the built binary (`CARGO_BIN_EXE_kneemap`, built once by cargo for all integration
//! tests), each on a data folder of its own: `data path`, `data check`, `import` (activity files and plan files),
//! `runs` and `runs --json`, `export` of every kind (the pain diary as CSV, JSON and in the report), and `--check-content` on the built-in copy, on a folder and
//! on a broken folder.

#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "Test helpers outside #[test] fns: a panic here is the failure report."
)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::NaiveDate;
use kneemap::content::Content;
use kneemap::document::UserData;
use kneemap::planner::{Applied, ExerciseLog, GenerateOptions, PlannerCommand, SessionLog};
use kneemap::store::{FILE_NAME, Store};
use kneemap::triage::Safety;

/// What one run of the binary printed.
struct Ran {
    ok: bool,
    stdout: String,
    stderr: String,
}

fn kneemap(args: &[&str]) -> Ran {
    let Output {
        status,
        stdout,
        stderr,
    } = Command::new(env!("CARGO_BIN_EXE_kneemap"))
        .args(args)
        .output()
        .expect("the kneemap binary runs");
    Ran {
        ok: status.success(),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

/// `kneemap --data-dir DIR ARGS…`
fn on(dir: &Path, args: &[&str]) -> Ran {
    let mut all = vec!["--data-dir", dir.to_str().unwrap()];
    all.extend_from_slice(args);
    kneemap(&all)
}

/// A small GPX run: `points` track points ten seconds apart heading north, about 28 m each.
fn write_gpx(path: &Path, start: &str, points: u32) {
    let mut text = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"test\" \
         xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><type>running</type><trkseg>\n",
    );
    let start = chrono::DateTime::parse_from_rfc3339(start).unwrap();
    for i in 0..points {
        let time = start + chrono::TimeDelta::seconds(i64::from(i) * 10);
        let _ = writeln!(
            text,
            "<trkpt lat=\"{:.6}\" lon=\"8.500000\"><time>{}</time></trkpt>",
            47.0 + f64::from(i) * 0.00025,
            time.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        );
    }
    text.push_str("</trkseg></trk></gpx>\n");
    std::fs::write(path, text).unwrap();
}

/// A data folder holding a generated 6-week plan with two logged sessions and one run.
fn folder_with_a_plan() -> tempfile::TempDir {
    let content = Content::embedded().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut data = UserData {
        eframe_state_imported: true,
        ..UserData::default()
    };
    let start = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut options = GenerateOptions::new("patellofemoral_pain", start);
    options.weeks = Some(6);
    assert_eq!(
        data.planner
            .apply(&content, PlannerCommand::Generate(options), Safety::CLEAR),
        Applied::Changed
    );
    let plan = data.planner.plan.clone().unwrap();
    let mut logged = 0;
    for (day, day_plan) in plan.weeks[0].days.iter().enumerate() {
        if day_plan.is_empty() || logged == 2 {
            continue;
        }
        let id = kneemap::planner::next_log_id(&data.planner.logs);
        let mut log = SessionLog::new(id, start + chrono::Days::new(day as u64), 0, day);
        log.entries = day_plan
            .exercises
            .iter()
            .map(ExerciseLog::from_planned)
            .collect();
        log.pain_during = 2;
        assert_eq!(
            data.planner
                .apply(&content, PlannerCommand::LogSession(log), Safety::CLEAR),
            Applied::Changed
        );
        logged += 1;
    }
    Store::in_dir(dir.path()).save(&data).unwrap();
    let gpx = dir.path().join("morning.gpx");
    write_gpx(&gpx, "2026-11-24T07:00:00Z", 40);
    assert!(on(dir.path(), &["import", gpx.to_str().unwrap()]).ok);
    dir
}

#[test]
fn data_path_names_the_folder_and_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let ran = on(dir.path(), &["data", "path"]);
    assert!(ran.ok, "{}", ran.stderr);
    assert_eq!(
        ran.stdout.lines().collect::<Vec<_>>(),
        [
            format!("folder: {}", dir.path().display()),
            format!("file: {}", dir.path().join(FILE_NAME).display()),
        ]
    );
    assert!(
        !dir.path().join(FILE_NAME).exists(),
        "asking creates nothing"
    );
}

#[test]
fn data_check_on_no_data_good_data_and_a_damaged_file_that_it_leaves_alone() {
    let dir = tempfile::tempdir().unwrap();
    let empty = on(dir.path(), &["data", "check"]);
    assert!(empty.ok, "{}", empty.stderr);
    assert!(empty.stdout.contains("no data yet"), "{}", empty.stdout);

    let full = folder_with_a_plan();
    let good = on(full.path(), &["data", "check"]);
    assert!(good.ok, "{}", good.stderr);
    assert!(good.stdout.contains(": OK"), "{}", good.stdout);
    assert!(good.stdout.lines().count() > 2, "{}", good.stdout);

    let file = dir.path().join(FILE_NAME);
    std::fs::write(
        &file,
        "(format: \"kneemap-store\", version: 4, data: (map: (",
    )
    .unwrap();
    let bad = on(dir.path(), &["data", "check"]);
    assert!(!bad.ok);
    assert!(bad.stderr.contains("cannot be used"), "{}", bad.stderr);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "(format: \"kneemap-store\", version: 4, data: (map: (",
        "check never changes the file"
    );
}

#[test]
fn import_adds_activities_once_and_reports_a_broken_file() {
    let dir = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let gpx = files.path().join("run.gpx");
    write_gpx(&gpx, "2026-11-20T06:30:00Z", 60);
    let first = on(dir.path(), &["import", gpx.to_str().unwrap()]);
    assert!(first.ok, "{}\n{}", first.stdout, first.stderr);
    assert!(
        first
            .stdout
            .contains("1 file(s) imported (1 activities added)"),
        "{}",
        first.stdout
    );
    let again = on(dir.path(), &["import", gpx.to_str().unwrap()]);
    assert!(again.ok, "{}", again.stderr);
    assert!(again.stdout.contains("1 already there"), "{}", again.stdout);

    let broken = files.path().join("cut.gpx");
    std::fs::write(
        &broken,
        "<?xml version=\"1.0\"?><gpx><trk><trkseg><trkpt lat=",
    )
    .unwrap();
    let failed = on(dir.path(), &["import", broken.to_str().unwrap()]);
    assert!(!failed.ok, "a failed file fails the command");
    let said = format!("{}{}", failed.stdout, failed.stderr);
    assert!(said.contains("cut.gpx"), "{said}");
    assert!(said.contains("1 failed"), "{said}");

    let stored = Store::in_dir(dir.path())
        .inspect::<UserData>()
        .unwrap()
        .unwrap();
    assert_eq!(stored.running.runs.len(), 1);
}

#[test]
fn runs_lists_the_log_as_a_table_and_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let empty = on(dir.path(), &["runs", "--json"]);
    assert!(empty.ok, "{}", empty.stderr);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&empty.stdout).unwrap(),
        serde_json::json!([])
    );

    let gpx = dir.path().join("run.gpx");
    write_gpx(&gpx, "2026-11-20T06:30:00Z", 61);
    assert!(on(dir.path(), &["import", gpx.to_str().unwrap()]).ok);
    let json = on(dir.path(), &["runs", "--json"]);
    assert!(json.ok, "{}", json.stderr);
    let runs: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let runs = runs.as_array().unwrap();
    assert_eq!(runs.len(), 1);
    assert_eq!(runs[0]["start"], "2026-11-20T06:30:00+00:00");
    assert_eq!(runs[0]["sport"], "run");
    assert_eq!(runs[0]["elapsed_secs"], 600);
    let metres = runs[0]["distance_m"].as_f64().unwrap();
    // 60 steps of 0.00025° of latitude: about 1,668 m.
    assert!((metres - 1668.0).abs() < 20.0, "{metres}");

    let table = on(dir.path(), &["runs"]);
    assert!(table.ok, "{}", table.stderr);
    assert!(
        table.stdout.starts_with("2026-11-20T06:30:00Z"),
        "{}",
        table.stdout
    );
    assert!(table.stdout.contains("600 s elapsed"), "{}", table.stdout);
}

/// The file `kneemap export KIND` writes into `out`, after checking it said so.
fn export(dir: &Path, out: &Path, args: &[&str]) -> Vec<u8> {
    let mut all = vec!["export"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--out", out.to_str().unwrap()]);
    let ran = on(dir, &all);
    assert!(ran.ok, "{args:?}: {}", ran.stderr);
    assert!(
        ran.stdout.starts_with("wrote ") && ran.stdout.contains(&out.display().to_string()),
        "{}",
        ran.stdout
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(out).unwrap().permissions().mode() & 0o777,
            0o600,
            "{args:?}: readable by the user only"
        );
    }
    std::fs::read(out).unwrap()
}

#[test]
fn export_writes_every_kind() {
    let data = folder_with_a_plan();
    let out = tempfile::tempdir().unwrap();
    let path = |name: &str| -> PathBuf { out.path().join(name) };

    let ics = String::from_utf8(export(data.path(), &path("plan.ics"), &["ics"])).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
    assert!(ics.contains("BEGIN:VEVENT"));

    for (kind, extra) in [
        ("pdf", &[][..]),
        ("pdf", &["--letter", "--week", "2"][..]),
        ("report", &[][..]),
    ] {
        let mut args = vec![kind];
        args.extend_from_slice(extra);
        let pdf = export(data.path(), &path(&format!("{kind}.pdf")), &args);
        assert!(pdf.starts_with(b"%PDF-"), "{args:?}");
        assert!(
            pdf.ends_with(b"%%EOF\n") || pdf.ends_with(b"%%EOF"),
            "{args:?}"
        );
    }

    let logs = String::from_utf8(export(data.path(), &path("logs.csv"), &["csv"])).unwrap();
    let mut rows = logs.lines();
    assert!(
        rows.next().unwrap().starts_with("session_id,date,"),
        "{logs}"
    );
    let sessions: std::collections::BTreeSet<&str> =
        rows.map(|row| row.split(',').next().unwrap()).collect();
    assert_eq!(sessions.len(), 2, "the two logged sessions: {logs}");

    let runs = String::from_utf8(export(data.path(), &path("runs.csv"), &["runs-csv"])).unwrap();
    assert_eq!(runs.lines().count(), 2, "a header and the run: {runs}");

    let diary = String::from_utf8(export(data.path(), &path("diary.csv"), &["diary-csv"])).unwrap();
    assert_eq!(
        diary.lines().count(),
        1,
        "an empty diary is its header: {diary}"
    );

    let json = export(data.path(), &path("all.json"), &["json"]);
    let all: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert!(all.is_object(), "{all}");

    // A plan file, imported into another data folder as its plan.
    let plan_file = path("shared.kneemap-plan");
    let plan = String::from_utf8(export(
        data.path(),
        &plan_file,
        &["plan", "--author", "Coach Sam"],
    ))
    .unwrap();
    assert!(plan.contains("Coach Sam"), "{plan}");
    let other = tempfile::tempdir().unwrap();
    let imported = on(other.path(), &["import", plan_file.to_str().unwrap()]);
    assert!(imported.ok, "{}", imported.stderr);
    assert!(
        imported.stdout.contains("imported the plan"),
        "{}",
        imported.stdout
    );
    let theirs = Store::in_dir(other.path())
        .inspect::<UserData>()
        .unwrap()
        .unwrap();
    let ours = Store::in_dir(data.path())
        .inspect::<UserData>()
        .unwrap()
        .unwrap();
    assert_eq!(
        theirs.planner.plan.as_ref().unwrap().weeks,
        ours.planner.plan.as_ref().unwrap().weeks
    );

    // A broken plan file is refused whole and changes nothing.
    std::fs::write(&plan_file, "(not a plan").unwrap();
    let refused = on(other.path(), &["import", plan_file.to_str().unwrap()]);
    assert!(!refused.ok);
    assert!(
        refused.stderr.contains("refused, nothing imported"),
        "{}",
        refused.stderr
    );
}

/// Two diary entries with three marks: a right-knee spot and a left-knee region during a run (its note looks
/// like a formula and holds a comma), then a diffuse mark the next morning.
fn a_diary_of_two_entries() -> kneemap::diary::Diary {
    use kneemap::content::{PainContext, PainQuality, ViewKind};
    use kneemap::diary::{Diary, DiaryEntry, MarkPlace, Onset, PainMark};
    use kneemap::map::diagram::Knee;
    let mut diary = Diary {
        entries: vec![
            DiaryEntry {
                id: 1,
                at_utc: "2026-11-24T07:40:00Z".parse().unwrap(),
                marks: vec![
                    PainMark {
                        knee: Knee::Right,
                        place: MarkPlace::Spot {
                            view: ViewKind::Front,
                            at_right_knee: (0.5, 0.4),
                            location: Some("kneecap".into()),
                        },
                        intensity: 5,
                        quality: PainQuality::Sharp,
                    },
                    PainMark {
                        knee: Knee::Left,
                        place: MarkPlace::Region {
                            location: "outer_knee_itb".into(),
                        },
                        intensity: 2,
                        quality: PainQuality::Ache,
                    },
                ],
                contexts: [PainContext::DuringRun].into(),
                onset: Some(Onset::AtKm(3.5)),
                note: "-2 at the hill, then worse".into(),
                ..DiaryEntry::default()
            },
            DiaryEntry {
                id: 2,
                at_utc: "2026-11-25T06:30:00Z".parse().unwrap(),
                marks: vec![PainMark {
                    knee: Knee::Right,
                    place: MarkPlace::Diffuse,
                    intensity: 1,
                    quality: PainQuality::Stiff,
                }],
                contexts: [PainContext::NextMorning].into(),
                ..DiaryEntry::default()
            },
        ],
        next_id: 3,
    };
    diary.repair();
    diary
}

#[test]
fn the_pain_diary_exports_as_a_row_per_mark_in_json_and_in_the_report() {
    let data = folder_with_a_plan();
    let store = Store::in_dir(data.path());
    let mut saved = store.inspect::<UserData>().unwrap().unwrap();
    saved.diary = a_diary_of_two_entries();
    store.save(&saved).unwrap();
    let out = tempfile::tempdir().unwrap();

    let csv = String::from_utf8(export(
        data.path(),
        &out.path().join("diary.csv"),
        &["diary-csv"],
    ))
    .unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, kneemap::export::DIARY_COLUMNS, "{csv}");
    assert!(csv.starts_with("entry_id,mark,local_time,knee,place_kind,location_id,"));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3, "one row per mark: {csv}");
    let column = |name: &str| header.iter().position(|c| c == name).unwrap();
    let ids: Vec<&str> = rows.iter().map(|r| &r[column("entry_id")]).collect();
    assert_eq!(ids, ["1", "1", "2"]);
    let kinds: Vec<&str> = rows.iter().map(|r| &r[column("place_kind")]).collect();
    assert_eq!(kinds, ["spot", "region", "diffuse"]);
    let scores: Vec<&str> = rows.iter().map(|r| &r[column("intensity")]).collect();
    assert_eq!(scores, ["5", "2", "1"]);
    assert_eq!(&rows[0][column("onset_km")], "3.50");
    assert_eq!(&rows[2][column("contexts")], "next_morning");
    assert_eq!(
        &rows[1][column("note")],
        "'-2 at the hill, then worse",
        "a formula-like note is defused"
    );
    let when = chrono::DateTime::parse_from_rfc3339(&rows[0][column("local_time")]).unwrap();
    assert_eq!(
        when.with_timezone(&chrono::Utc),
        "2026-11-24T07:40:00Z"
            .parse::<chrono::DateTime<chrono::Utc>>()
            .unwrap()
    );

    let json = export(data.path(), &out.path().join("all.json"), &["json"]);
    let all: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let entries = all["data"]["diary"]["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 2, "{all}");
    assert_eq!(entries[0]["marks"].as_array().unwrap().len(), 2);
    assert_eq!(entries[1]["marks"][0]["place"], "Diffuse");

    // The report with a diary in it is still a whole PDF.
    let report = export(data.path(), &out.path().join("report.pdf"), &["report"]);
    assert!(report.starts_with(b"%PDF-"));

    let help = kneemap(&["export", "--help"]);
    assert!(help.ok);
    for column in kneemap::export::DIARY_COLUMNS {
        assert!(
            help.stdout.contains(column),
            "--help names {column}: {}",
            help.stdout
        );
    }
}

#[test]
fn check_content_passes_the_shipped_content_and_points_at_a_broken_file() {
    let built_in = kneemap(&["--check-content"]);
    assert!(built_in.ok, "{}", built_in.stderr);
    assert!(
        built_in.stdout.starts_with("content OK"),
        "{}",
        built_in.stdout
    );

    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let folder = kneemap(&["--check-content", shipped.to_str().unwrap()]);
    assert!(folder.ok, "{}", folder.stderr);
    assert_eq!(
        folder.stdout, built_in.stdout,
        "the folder is the built-in copy"
    );

    let broken = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(&shipped).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), broken.path().join(entry.file_name())).unwrap();
        }
    }
    let sources = broken.path().join("sources.ron");
    let mut text = std::fs::read_to_string(&sources).unwrap();
    text.push_str("\n)) trailing garbage\n");
    std::fs::write(&sources, text).unwrap();
    let failed = kneemap(&["--check-content", broken.path().to_str().unwrap()]);
    assert!(!failed.ok);
    let line = failed
        .stderr
        .lines()
        .find(|l| l.contains("sources.ron:"))
        .unwrap_or_else(|| panic!("no sources.ron line in {}", failed.stderr));
    let location: Vec<&str> = line
        .split("sources.ron:")
        .nth(1)
        .unwrap()
        .splitn(3, ':')
        .collect();
    assert!(
        location.len() == 3
            && location[0].parse::<u32>().is_ok()
            && location[1].parse::<u32>().is_ok(),
        "file:line:col: {line}"
    );
    assert!(
        failed.stderr.contains("problem(s) found"),
        "{}",
        failed.stderr
    );
}
