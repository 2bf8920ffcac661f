//! `kneemap FILE...` on the real app (`egui_kittest`, by accessible labels): a `.kneemap-plan` file opens the
//! window on the plan import preview, activity files are imported on the Running tab through the same job as a
//! drop, and bad files get the messages an import from the menu gives.

#![expect(
    clippy::unwrap_used,
    reason = "test helpers outside #[test] fns: a panic here is the failure report"
)]

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use kneemap::KneeMapApp;
use kneemap::clock::Clock;
use kneemap::content::Content;
use kneemap::export::{PlanFileMeta, export_plan};
use kneemap::navigation::Tab;
use kneemap::planner::{GenerateOptions, generate_programme};
use kneemap::store::Store;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// The app as `kneemap FILE...` starts it: on a fresh data folder, with `files`.
fn started_with(data_dir: &Path, files: Vec<PathBuf>) -> Harness<'static, KneeMapApp> {
    let store = Store::in_dir(data_dir);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(16)
        .build_eframe(move |cc| {
            KneeMapApp::new(cc, Content::embedded(), Some(store)).with_start_files(files)
        });
    harness.state_mut().set_clock(Clock::manual(today()));
    harness.run();
    harness.state_mut().finish_jobs();
    harness.run();
    harness
}

fn write_plan_file(dir: &Path, name: &str) -> PathBuf {
    let content = Content::embedded().unwrap();
    let options = GenerateOptions::new("it_band_syndrome", today());
    let plan = generate_programme(&content, &options).unwrap();
    let meta = PlanFileMeta {
        author: "A. Physio".to_owned(),
        written_at: DateTime::<Utc>::from_timestamp(1_767_600_000, 0).unwrap(),
    };
    let path = dir.join(name);
    std::fs::write(&path, export_plan(&plan, None, &meta).unwrap()).unwrap();
    path
}

fn write_gpx(dir: &Path) -> PathBuf {
    let path = dir.join("morning.gpx");
    std::fs::write(
        &path,
        r#"<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk>
           <type>running</type><trkseg>
           <trkpt lat="0" lon="0"><time>2026-11-20T07:00:00Z</time></trkpt>
           <trkpt lat="0.02" lon="0"><time>2026-11-20T07:12:00Z</time></trkpt>
           </trkseg></trk></gpx>"#,
    )
    .unwrap();
    path
}

#[test]
fn a_plan_file_opens_on_the_import_preview() {
    let files = tempfile::tempdir().unwrap();
    let data_dir = tempfile::tempdir().unwrap();
    let plan_file = write_plan_file(files.path(), "from-physio.kneemap-plan");
    let mut harness = started_with(data_dir.path(), vec![plan_file]);
    assert_eq!(harness.state().navigation().tab, Tab::Planner);
    // The Export & share view with the preview, nothing imported until the user says so.
    harness.get_by_label("Add as a new plan");
    harness.get_by_label("Cancel the import");
    assert!(harness.state().planner_data().plan.is_none());
    harness.get_by_label("Add as a new plan").click_accesskit();
    harness.run();
    let plan = harness.state().planner_data().plan.as_ref().unwrap();
    assert_eq!(plan.condition_id.as_deref(), Some("it_band_syndrome"));
}

#[test]
fn activity_files_are_imported_on_the_running_tab() {
    let files = tempfile::tempdir().unwrap();
    let data_dir = tempfile::tempdir().unwrap();
    let gpx = write_gpx(files.path());
    let harness = started_with(data_dir.path(), vec![gpx]);
    assert_eq!(harness.state().navigation().tab, Tab::Running);
    let runs = &harness.state().data().running.runs;
    assert_eq!(runs.len(), 1);
    assert!(
        (runs[0].distance_m - 2224.0).abs() < 5.0,
        "{}",
        runs[0].distance_m
    );
    harness.get_by_label_contains("1 file(s) imported");
}

#[test]
fn bad_files_get_the_menu_import_messages() {
    let files = tempfile::tempdir().unwrap();
    let data_dir = tempfile::tempdir().unwrap();
    let broken_plan = files.path().join("broken.kneemap-plan");
    std::fs::write(
        &broken_plan,
        "(format: \"kneemap-plan\", version: 1, plan: (",
    )
    .unwrap();
    let not_a_run = files.path().join("notes.gpx");
    std::fs::write(&not_a_run, "these are not GPS points").unwrap();
    let harness = started_with(data_dir.path(), vec![not_a_run.clone(), broken_plan]);
    // The plan's problems are shown on the Planner tab, where the window opens.
    assert_eq!(harness.state().navigation().tab, Tab::Planner);
    harness.get_by_label("The plan file was refused; nothing was changed:");
    assert!(harness.query_by_label("Add as a new plan").is_none());
    // The activity file's failure is the import report the Running tab shows.
    let (running_message, _) = harness.state().messages();
    let running_message = running_message.unwrap();
    assert!(running_message.contains("notes.gpx"), "{running_message}");
    assert!(harness.state().data().running.runs.is_empty());
    assert!(harness.state().planner_data().plan.is_none());
}

#[test]
fn further_plan_files_are_named_to_open_one_at_a_time() {
    let files = tempfile::tempdir().unwrap();
    let data_dir = tempfile::tempdir().unwrap();
    let first = write_plan_file(files.path(), "first.kneemap-plan");
    let second = write_plan_file(files.path(), "second.KNEEMAP-PLAN");
    let harness = started_with(data_dir.path(), vec![first, second]);
    harness.get_by_label("Add as a new plan");
    harness.get_by_label_contains("Open the other plan files one at a time");
    harness.get_by_label_contains("second.KNEEMAP-PLAN");
}

#[test]
fn no_files_leave_the_window_as_it_was() {
    let data_dir = tempfile::tempdir().unwrap();
    let harness = started_with(data_dir.path(), Vec::new());
    assert_eq!(harness.state().navigation().tab, Tab::Condition);
    assert!(!harness.state().has_unsaved_changes());
}
