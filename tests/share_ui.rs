//! The Export & share view and the Running tab on the real app (`egui_kittest`, by accessible labels): every export
//! through the same command the menu's file dialog sends, a plan file imported after its preview, a broken one
//! refused with its reasons, and a watch file imported through the path the dialog fills in.

#![expect(
    clippy::unwrap_used,
    reason = "test helpers outside #[test] fns: a panic here is the failure report"
)]

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use kneemap::KneeMapApp;
use kneemap::clock::Clock;
use kneemap::content::Content;
use kneemap::export::request::ExportKind;
use kneemap::store::Store;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn app(dir: &std::path::Path) -> Harness<'static, KneeMapApp> {
    let store = Store::in_dir(dir);
    // A finished background job wakes the app from its thread, then a save follows: a few more frames.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(16)
        .build_eframe(move |cc| KneeMapApp::new(cc, Content::embedded(), Some(store)));
    harness.state_mut().set_clock(Clock::manual(today()));
    harness.run();
    harness
}

fn generate(harness: &mut Harness<'static, KneeMapApp>, content: &Content) {
    harness.get_by_label("Planner").click_accesskit();
    harness.run();
    harness
        .get_by_label("Suggest a programme")
        .click_accesskit();
    harness.run();
    harness
        .get_by_label("Condition for the programme")
        .click_accesskit();
    harness.run();
    harness
        .get_by_label(&content.condition("it_band_syndrome").unwrap().lay_name)
        .click_accesskit();
    harness.run();
    harness.get_by_label("Generate programme").click_accesskit();
    harness.run();
}

fn type_into(harness: &mut Harness<'static, KneeMapApp>, label: &str, text: &str) {
    let field = harness.get_by_label(label);
    field.focus();
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
}

#[test]
fn every_export_and_a_plan_round_trip_through_the_share_view() {
    let content = Content::embedded().unwrap();
    let data_dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let mut harness = app(data_dir.path());
    generate(&mut harness, &content);
    harness.get_by_label("Export & share").click_accesskit();
    harness.run();
    for kind in ExportKind::ALL {
        let path = out.path().join(kind.suggested_name());
        let field = harness.get_by_label("Path to save to");
        field.focus();
        harness.run();
        // Replace the typed path with this export's.
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        harness
            .get_by_label("Path to save to")
            .type_text(path.to_str().unwrap());
        harness.run();
        harness
            .get_by_label(&format!("Save {} to the typed path", kind.label()))
            .click_accesskit();
        // One frame takes the click and starts the job; running until idle would race with its wake-up.
        harness.step();
        harness.state_mut().finish_jobs();
        harness.run();
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{kind:?}: {e}"));
        assert!(bytes.len() > 20, "{kind:?}");
        let (_, export_message) = harness.state().messages();
        assert!(
            export_message.unwrap().starts_with("Saved"),
            "{export_message:?}"
        );
    }

    // The plan file comes back as a new plan after its preview.
    let plan_file = out.path().join(ExportKind::Plan.suggested_name());
    type_into(
        &mut harness,
        "Path of the plan file to import",
        plan_file.to_str().unwrap(),
    );
    harness.get_by_label("Check this file").click_accesskit();
    // One frame takes the click and starts the job; running until idle would race with its wake-up.
    harness.step();
    harness.state_mut().finish_jobs();
    harness.run();
    let before = harness.state().planner_data().plan.clone().unwrap();
    harness.get_by_label("Add as a new plan").click_accesskit();
    harness.run();
    let data = harness.state().planner_data();
    assert_eq!(data.earlier_plans, vec![before.clone()]);
    assert_eq!(data.plan.as_ref().unwrap().weeks, before.weeks);
    assert_ne!(data.plan.as_ref().unwrap().id, before.id);

    // A broken file is refused whole, with its reasons on screen.
    let broken = out.path().join("broken.kneemap-plan");
    let text = std::fs::read_to_string(&plan_file)
        .unwrap()
        .replace("sets: 3", "sets: 99");
    std::fs::write(&broken, text).unwrap();
    type_into(&mut harness, "Path of the plan file to import", "");
    let field = harness.get_by_label("Path of the plan file to import");
    field.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label("Path of the plan file to import")
        .type_text(broken.to_str().unwrap());
    harness.run();
    harness.get_by_label("Check this file").click_accesskit();
    // One frame takes the click and starts the job; running until idle would race with its wake-up.
    harness.step();
    harness.state_mut().finish_jobs();
    harness.run();
    harness.get_by_label("The plan file was refused; nothing was changed:");
    assert!(
        harness
            .query_all_by_label_contains("99 sets")
            .next()
            .is_some(),
        "the reason names the bad dose"
    );
    assert!(harness.query_by_label("Add as a new plan").is_none());
}

#[test]
fn a_watch_file_imports_through_the_running_tab() {
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/fixtures/gpx/garmin-activity.gpx");
    if !fixture.is_file() {
        assert!(
            std::env::var_os("KNEEMAP_REQUIRE_FIXTURES").is_none_or(|v| v != "1"),
            "KNEEMAP_REQUIRE_FIXTURES=1 but {} is missing",
            fixture.display()
        );
        eprintln!("skipped: ../shared/fixtures is not here");
        return;
    }
    let data_dir = tempfile::tempdir().unwrap();
    let mut harness = app(data_dir.path());
    harness.get_by_label("Running").click_accesskit();
    harness.run();
    type_into(&mut harness, "Path to import:", fixture.to_str().unwrap());
    harness.get_by_label("Import path").click_accesskit();
    // One frame takes the click and starts the job; running until idle would race with its wake-up.
    harness.step();
    harness.state_mut().finish_jobs();
    harness.run();
    let runs = &harness.state().data().running.runs;
    assert_eq!(runs.len(), 1);
    assert!((runs[0].distance_m - 12_835.0).abs() / 12_835.0 < 0.01);
    harness.get_by_label_contains("1 file(s) imported");
    // Handed to the writer thread in the next frame like every other change.
    harness.run();
    harness.state_mut().wait_for_saves();
    let on_disk = Store::in_dir(data_dir.path())
        .inspect::<kneemap::document::UserData>()
        .unwrap()
        .unwrap();
    assert_eq!(on_disk.running.runs.len(), 1);
}
