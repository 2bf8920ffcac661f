//! Running tab UI tests with `egui_kittest` around `running_tab_ui`: widgets are found by accessible label; the
//! harness plays the app's part, applying commands and running imports with the same functions the app uses.

// Test helpers outside #[test] fns: a panic here is the failure report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp)]

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use kneemap::content::Content;
use kneemap::content::model::running::RunningGuidance;
use kneemap::running::import::{ImportLimits, import_paths, merge_batch};
use kneemap::running::{Applied, Run, RunningCommand, RunningData, Sport};
use kneemap::ui::running::{RunningUiState, RunningView, running_tab_ui};

/// Wednesday 25 November 2026.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

struct TabState {
    data: RunningData,
    ui: RunningUiState,
    guidance: RunningGuidance,
    content: Content,
    red_flag: bool,
    refusals: Vec<String>,
    message: Option<String>,
}

fn tab(data: RunningData) -> Harness<'static, TabState> {
    let content = Content::embedded().unwrap();
    let guidance = content.running.clone();
    let state = TabState {
        data,
        ui: RunningUiState::default(),
        guidance,
        content,
        red_flag: false,
        refusals: Vec::new(),
        message: None,
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1100.0, 4000.0))
        .build_ui_state(
            |ui, s: &mut TabState| {
                let view = RunningView {
                    data: &s.data,
                    today: today(),
                    guidance: &s.guidance,
                    content: Some(&s.content),
                    red_flag_ticked: s.red_flag,
                    red_flag_since: None,
                    thresholds: &kneemap::pain::DEFAULT_PAIN_THRESHOLDS,
                    message: s.message.as_deref(),
                };
                let ctx = view.context();
                let commands = running_tab_ui(ui, &view, &mut s.ui);
                for command in commands {
                    match command {
                        RunningCommand::ImportFiles(paths) => {
                            // The app runs this off the UI thread; the functions are the same.
                            let batch = import_paths(&paths, &ImportLimits::default());
                            let report = merge_batch(&mut s.data, batch);
                            s.message = Some(report.summary());
                        }
                        other => {
                            if let Applied::Refused(message) = s.data.apply(other, &ctx) {
                                s.refusals.push(message);
                            }
                        }
                    }
                }
            },
            state,
        );
    harness.run();
    harness
}

#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // values are clamped or rounded into range first; values are non-negative here
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
fn log_a_run_by_hand_then_delete_and_undo() {
    let mut harness = tab(RunningData::default());
    harness.state_mut().ui.form.distance = 6.5;
    harness.state_mut().ui.form.pain_during = 2;
    harness.get_by_label("Notes").focus();
    harness.get_by_label("Notes").type_text("easy loop");
    harness.run();
    harness.get_by_label("Save run").click();
    harness.run();
    let run = harness
        .state()
        .data
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

    let date = run
        .start_utc
        .with_timezone(&chrono::Local)
        .format("%a %-d %b %Y")
        .to_string();
    harness
        .get_by_label(&format!("Delete run of {date}"))
        .click();
    harness.run();
    assert!(harness.state().data.runs.is_empty());
    harness
        .get_by_label(&format!("Undo delete of the run on {date}"))
        .click();
    harness.run();
    assert_eq!(harness.state().data.runs.len(), 1);
}

#[test]
fn import_a_fixture_through_the_typed_path() {
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/tcx/test.tcx");
    if !fixture.is_file() {
        eprintln!("SKIPPED: {} is missing", fixture.display());
        return;
    }
    let mut harness = tab(RunningData::default());
    harness.get_by_label("Path to import:").focus();
    harness
        .get_by_label("Path to import:")
        .type_text(&fixture.display().to_string());
    harness.run();
    harness.get_by_label("Import path").click();
    harness.run();
    let data = &harness.state().data;
    assert_eq!(data.runs.len(), 1);
    assert!((data.runs[0].distance_m - 4686.0).abs() < 47.0);
    harness.run();
    harness.get_by_label("1 file(s) imported (1 activities added), 0 already there, 0 failed");
    // The run shows in the list, in kilometres.
    harness.get_by_label("4.7 km");
}

#[test]
fn a_weekly_jump_shows_a_sourced_warning() {
    let mut data = RunningData::default();
    let this_monday = today() - Duration::days(2);
    data.runs
        .push(run_on(1, this_monday - Duration::days(6), 10.0));
    data.runs.push(run_on(2, this_monday, 16.0));
    data.next_id = 3;
    let harness = tab(data);
    harness.get_by_label("Big jump in weekly distance");
    harness.get_by_label("16.0 km this week vs 10.0 km the week before (+60%).");
    // The single run is also longer than the longest of the previous 30 days.
    harness.get_by_label("Longer than your recent longest run");
    // The single-run rule is a cohort (moderate); the weekly rule rests on borderline results (low).
    assert!(harness.query_all_by_label("evidence: moderate").count() >= 1);
    assert!(harness.query_all_by_label("evidence: low").count() >= 1);
}

#[test]
fn pain_over_the_limit_offers_a_swap_in_one_click() {
    let mut data = RunningData::default();
    let mut hurt = run_on(1, today() - Duration::days(1), 5.0);
    hurt.pain_during = Some(6);
    data.runs.push(hurt);
    data.next_id = 2;
    let mut harness = tab(data);
    harness.state_mut().ui.plan_form.duration_min = 40.0;
    harness.get_by_label("Plan run").click();
    harness.run();
    assert_eq!(harness.state().data.planned.len(), 1);
    harness.get_by_label("• Your last run: pain during was 6/10, above your limit of 3/10.");
    harness.get_by_label("Swap to cycling for 40 min").click();
    harness.run();
    let planned = &harness.state().data.planned[0];
    assert_eq!(planned.sport, Sport::Cycling);
    assert_eq!(planned.duration_secs, 2400);
    assert!(
        harness
            .query_by_label("Swap to cycling for 40 min")
            .is_none()
    );
}

#[test]
fn a_worn_shoe_gets_the_reminder() {
    let mut harness = tab(RunningData::default());
    harness.get_by_label("Shoe name").focus();
    harness.get_by_label("Shoe name").type_text("Pegasus 38");
    harness.state_mut().ui.shoe_form.initial_distance = 470.0;
    harness.run();
    harness.get_by_label("Add shoe").click();
    harness.run();
    assert_eq!(harness.state().data.shoes.len(), 1);
    assert!(harness.query_by_label_contains("Shoe reminder").is_none());
    let shoe = harness.state().data.shoes[0].id;
    let mut long = run_on(5, today(), 12.0);
    long.shoe_id = Some(shoe);
    harness.state_mut().data.runs.push(long);
    harness.run();
    // 300 miles (about 480 km) is the low end of the article's range: check them.
    harness
        .get_by_label("Shoe reminder: Pegasus 38 is past 480.0 km. Check the cushioning and wear.");
    let mut longer = run_on(6, today(), 330.0);
    longer.shoe_id = Some(shoe);
    harness.state_mut().data.runs.push(longer);
    harness.run();
    // 500 miles (about 800 km) is the high end: replace them.
    harness.get_by_label("Shoe reminder: Pegasus 38 is past 800.0 km. Time to replace them.");
    harness.get_by_label("Retire Pegasus 38").click();
    harness.run();
    assert!(harness.state().data.shoes[0].retired_on.is_some());
    assert!(
        harness.query_by_label_contains("Shoe reminder").is_none(),
        "retired shoes need no reminder"
    );
}

#[test]
fn miles_are_used_everywhere_once_chosen() {
    let mut data = RunningData::default();
    data.runs.push(run_on(1, today(), 16.09344));
    data.next_id = 2;
    let mut harness = tab(data);
    harness.get_by_label("Miles").click();
    harness.run();
    assert_eq!(
        harness.state().data.settings.units,
        kneemap::running::Units::Miles
    );
    harness.get_by_label("10.0 mi");
    harness.get_by_label("Distance (mi)");
}
