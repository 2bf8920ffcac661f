//! The Running tab through the real app: `KneeMapApp` built by its own constructor on a store in a temporary
//! folder, driven by `egui_kittest` through accessible labels. Commands go through the app's own apply, imports
//! through its background jobs, and saves through its writer thread, so a fault in any of them fails here.

#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::float_cmp,
    reason = "Test helpers outside #[test] fns: a panic here is the failure report."
)]

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use kneemap::KneeMapApp;
use kneemap::clock::Clock;
use kneemap::content::Content;
use kneemap::document::UserData;
use kneemap::running::{Run, RunningData, Sport};
use kneemap::store::Store;

/// Wednesday 25 November 2026.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// The real app on a store holding `running` (nothing when empty), on `today()`, with the Running tab open.
struct RunningApp {
    harness: Harness<'static, KneeMapApp>,
    dir: tempfile::TempDir,
}

impl RunningApp {
    fn new(running: RunningData) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::in_dir(dir.path());
        if running != RunningData::default() {
            store
                .save(&UserData {
                    running,
                    eframe_state_imported: true,
                    ..UserData::default()
                })
                .unwrap();
        }
        let mut harness = Harness::builder()
            .with_size(egui::vec2(1280.0, 2400.0))
            .build_eframe(move |cc| KneeMapApp::new(cc, Content::embedded(), Some(store)));
        harness.state_mut().set_clock(Clock::manual(today()));
        harness.run();
        harness.get_by_label("Running").click_accesskit();
        harness.run();
        Self { harness, dir }
    }

    fn type_into(&mut self, label: &str, text: &str) {
        self.harness.get_by_label(label).focus();
        self.harness.run();
        self.harness.get_by_label(label).type_text(text);
        self.harness.run();
    }

    fn running(&self) -> &RunningData {
        &self.harness.state().data().running
    }

    fn form(&mut self) -> &mut kneemap::ui::running::RunningUiState {
        &mut self.harness.state_mut().panels_mut().running
    }

    /// What the store file holds once the writer thread has written everything handed to it.
    fn on_disk(&mut self) -> RunningData {
        self.harness.run();
        self.harness.state_mut().wait_for_saves();
        assert!(!self.harness.state().has_unsaved_changes());
        Store::in_dir(self.dir.path())
            .inspect::<UserData>()
            .unwrap()
            .expect("the store file was written")
            .running
    }
}

#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "km is a small positive figure"
)]
fn run_on(id: u64, date: NaiveDate, km: f64) -> Run {
    Run {
        id,
        start_utc: Utc.from_utc_datetime(&date.and_hms_opt(7, 0, 0).unwrap()),
        sport: Sport::Run,
        distance_m: km * 1000.0,
        elapsed_secs: (km * 360.0) as u32,
        ..Run::default()
    }
}

#[test]
fn log_a_run_by_hand_then_delete_and_undo_each_saved() {
    let mut app = RunningApp::new(RunningData::default());
    app.form().form.distance_in_units = 6.5;
    app.form().form.pain_during = 2;
    app.type_into("Notes", "easy loop");
    app.harness.get_by_label("Save run").click_accesskit();
    app.harness.run();
    let run = app
        .running()
        .runs
        .first()
        .cloned()
        .expect("the run was saved");
    assert_eq!(run.distance_m, 6500.0);
    assert_eq!(run.pain_during, Some(2));
    assert_eq!(run.notes, "easy loop");
    assert_eq!(
        run.start_utc.with_timezone(&chrono::Local).date_naive(),
        today()
    );
    assert_eq!(
        app.on_disk().runs,
        std::slice::from_ref(&run),
        "the app saved it"
    );

    let date = run
        .start_utc
        .with_timezone(&chrono::Local)
        .format("%a %-d %b %Y")
        .to_string();
    app.harness
        .get_by_label(&format!("Delete run of {date}"))
        .click_accesskit();
    app.harness.run();
    assert!(app.running().runs.is_empty());
    assert!(app.on_disk().runs.is_empty());
    app.harness
        .get_by_label(&format!("Undo delete of the run on {date}"))
        .click_accesskit();
    app.harness.run();
    assert_eq!(app.running().runs.len(), 1);
    assert_eq!(app.on_disk().runs.len(), 1);
}

#[test]
fn import_a_fixture_through_the_typed_path_and_the_apps_job() {
    let Some(fixture) = fixture("tcx/test.tcx") else {
        return;
    };
    let mut app = RunningApp::new(RunningData::default());
    app.type_into("Path to import:", fixture.to_str().unwrap());
    app.harness.get_by_label("Import path").click_accesskit();
    // One frame takes the click and starts the background job. Running until idle would race with the job's own
    // wake-up (it asks for a frame when it finishes), so the test waits for the job itself instead.
    app.harness.step();
    app.harness.state_mut().finish_jobs();
    app.harness.run();
    let runs = &app.running().runs;
    assert_eq!(runs.len(), 1);
    assert!((runs[0].distance_m - 4686.0).abs() < 47.0);
    app.harness
        .get_by_label("1 file(s) imported (1 activities added), 0 already there, 0 failed");
    // The run shows in the list, in kilometres, and is on disk.
    app.harness.get_by_label("4.7 km");
    assert_eq!(app.on_disk().runs.len(), 1);

    // The same file again: skipped as already there.
    app.harness.get_by_label("Import path").click_accesskit();
    // One frame takes the click and starts the job; running until idle would race with its wake-up.
    app.harness.step();
    app.harness.state_mut().finish_jobs();
    app.harness.run();
    assert_eq!(app.running().runs.len(), 1);
    app.harness
        .get_by_label("0 file(s) imported (0 activities added), 1 already there, 0 failed");
}

#[test]
fn a_weekly_jump_shows_a_sourced_warning() {
    let mut data = RunningData::default();
    let this_monday = today() - Duration::days(2);
    data.runs
        .push(run_on(1, this_monday - Duration::days(6), 10.0));
    data.runs.push(run_on(2, this_monday, 16.0));
    data.next_id = 3;
    let app = RunningApp::new(data);
    app.harness.get_by_label("Big jump in weekly distance");
    app.harness
        .get_by_label("16.0 km this week vs 10.0 km the week before (+60%).");
    // The single run is also longer than the longest of the previous 30 days.
    app.harness
        .get_by_label("Longer than your recent longest run");
    // The single-run rule is a cohort (moderate); the weekly rule rests on borderline results (low).
    assert!(app.harness.query_all_by_label("evidence: moderate").count() >= 1);
    assert!(app.harness.query_all_by_label("evidence: low").count() >= 1);
}

#[test]
fn pain_over_the_limit_offers_a_swap_in_one_click() {
    let mut data = RunningData::default();
    let mut hurt = run_on(1, today() - Duration::days(1), 5.0);
    hurt.pain_during = Some(6);
    data.runs.push(hurt);
    data.next_id = 2;
    let mut app = RunningApp::new(data);
    app.form().plan_form.duration_min = 40.0;
    app.harness.get_by_label("Plan run").click_accesskit();
    app.harness.run();
    assert_eq!(app.running().planned.len(), 1);
    app.harness
        .get_by_label("• Your last run: pain during was 6/10, above your limit of 3/10.");
    app.harness
        .get_by_label("Swap to cycling for 40 min")
        .click_accesskit();
    app.harness.run();
    let planned = &app.running().planned[0];
    assert_eq!(planned.sport, Sport::Cycling);
    assert_eq!(planned.duration_secs, 2400);
    assert!(
        app.harness
            .query_by_label("Swap to cycling for 40 min")
            .is_none()
    );
    assert_eq!(app.on_disk().planned[0].sport, Sport::Cycling);
}

#[test]
fn a_red_flag_ticked_in_the_app_reaches_the_running_tab() {
    // The Running tab learns about a ticked red flag from the app's own safety status, not a test's stand-in.
    const ADVICE: &str = "A red flag is ticked: have the knee checked before running on it. Cross-training is \
                          offered instead.";
    let content = Content::embedded().unwrap();
    let mut app = RunningApp::new(RunningData::default());
    assert!(app.harness.query_by_label(ADVICE).is_none());
    let flag = &content.red_flags[0];
    app.harness.get_by_label(&flag.text).click_accesskit();
    app.harness.run();
    assert!(app.harness.state().triage().is_ticked(&flag.id));
    app.harness.get_by_label(ADVICE);
}

#[test]
fn a_worn_shoe_gets_the_reminder() {
    let mut app = RunningApp::new(RunningData::default());
    app.type_into("Shoe name", "Pegasus 38");
    app.form().shoe_form.initial_distance_in_units = 470.0;
    app.harness.run();
    app.harness.get_by_label("Add shoe").click_accesskit();
    app.harness.run();
    assert_eq!(app.running().shoes.len(), 1);
    assert!(
        app.harness
            .query_by_label_contains("Shoe reminder")
            .is_none()
    );
    // A 12 km run in them, logged through the form.
    let shoe = app.running().shoes[0].id;
    app.form().form.distance_in_units = 12.0;
    app.form().form.shoe_id = Some(shoe);
    app.harness.run();
    app.harness.get_by_label("Save run").click_accesskit();
    app.harness.run();
    app.harness.run();
    // 300 miles (about 480 km) is the low end of the article's range: check them.
    app.harness
        .get_by_label("Shoe reminder: Pegasus 38 is past 480.0 km. Check the cushioning and wear.");
    // Another 330 km: past 500 miles (about 800 km), the high end: replace them.
    app.form().form.distance_in_units = 330.0;
    app.form().form.shoe_id = Some(shoe);
    app.harness.run();
    app.harness.get_by_label("Save run").click_accesskit();
    app.harness.run();
    app.harness.run();
    app.harness
        .get_by_label("Shoe reminder: Pegasus 38 is past 800.0 km. Time to replace them.");
    app.harness
        .get_by_label("Retire Pegasus 38")
        .click_accesskit();
    app.harness.run();
    assert!(app.running().shoes[0].retired_on.is_some());
    assert!(
        app.harness
            .query_by_label_contains("Shoe reminder")
            .is_none(),
        "retired shoes need no reminder"
    );
    assert!(app.on_disk().shoes[0].retired_on.is_some());
}

#[test]
fn miles_are_used_everywhere_once_chosen_and_after_a_restart() {
    let mut data = RunningData::default();
    data.runs.push(run_on(1, today(), 16.09344));
    data.next_id = 2;
    let mut app = RunningApp::new(data);
    app.harness.get_by_label("Miles").click_accesskit();
    app.harness.run();
    assert_eq!(app.running().settings.units, kneemap::running::Units::Miles);
    app.harness.get_by_label("10.0 mi");
    app.harness.get_by_label("Distance (mi)");
    assert_eq!(app.on_disk().settings.units, kneemap::running::Units::Miles);
}

/// A file in `../shared/fixtures` (or `KNEEMAP_FIXTURES`): `None`, with a message, when the folder is missing,
/// unless `KNEEMAP_REQUIRE_FIXTURES=1` (CI), which makes a missing folder a failure.
fn fixture(relative: &str) -> Option<std::path::PathBuf> {
    let dir = std::env::var_os("KNEEMAP_FIXTURES").map_or_else(
        || std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures"),
        std::path::PathBuf::from,
    );
    let path = dir.join(relative);
    if path.is_file() {
        return Some(path);
    }
    assert!(
        std::env::var_os("KNEEMAP_REQUIRE_FIXTURES").is_none_or(|v| v != "1"),
        "KNEEMAP_REQUIRE_FIXTURES=1 but {} is missing",
        path.display()
    );
    eprintln!("SKIPPED: {} is missing", path.display());
    None
}
