//! The date fields through the real app: the run date, the shoe's first day and the plan start are typed or
//! picked on the `egui_extras` calendar, found by their accessible labels; the picked date reaches the command and
//! the saved data, and a date that is not one shows its error.

#![expect(
    clippy::unwrap_used,
    reason = "Test helpers outside #[test] fns: a panic here is the failure report."
)]

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use kneemap::KneeMapApp;
use kneemap::clock::Clock;
use kneemap::content::Content;
use kneemap::store::Store;
use kneemap::ui::date_field::picker_label;

/// Wednesday 25 November 2026.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

/// The real app on an empty store in a temporary folder, on `today()`, with `tab` open.
fn app(tab: &str) -> (Harness<'static, KneeMapApp>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::in_dir(dir.path());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 2400.0))
        .build_eframe(move |cc| KneeMapApp::new(cc, Content::embedded(), Some(store)));
    harness.state_mut().set_clock(Clock::manual(today()));
    harness.run();
    harness.get_by_label(tab).click_accesskit();
    harness.run();
    (harness, dir)
}

/// Opens the calendar beside the date field named `label`, clicks day `day` of the month shown and saves. The
/// grid of November 2026 also shows 26–31 October and 1–6 December: days 7 to 25 are on it once.
fn pick(harness: &mut Harness<'static, KneeMapApp>, label: &str, day: u32) {
    harness.get_by_label(&picker_label(label)).click_accesskit();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, &day.to_string())
        .click_accesskit();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Save")
        .click_accesskit();
    harness.run();
}

fn type_into(harness: &mut Harness<'static, KneeMapApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// Selects everything in the focused field, so typing replaces it.
fn select_all(harness: &mut Harness<'static, KneeMapApp>, label: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
}

fn run_dates(harness: &Harness<'static, KneeMapApp>) -> Vec<NaiveDate> {
    harness
        .state()
        .data()
        .running
        .runs
        .iter()
        .map(|run| run.start_utc.with_timezone(&chrono::Local).date_naive())
        .collect()
}

#[test]
fn a_run_date_picked_on_the_calendar_is_the_runs_date() {
    let (mut harness, _dir) = app("Running");
    assert_eq!(
        harness.state_mut().panels_mut().running.form.date,
        "2026-11-25",
        "the form opens on today"
    );
    pick(&mut harness, "Run date", 15);
    assert_eq!(
        harness.state_mut().panels_mut().running.form.date,
        "2026-11-15",
        "the picked date is written into the text field"
    );
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Save")
            .is_none(),
        "the calendar closed"
    );
    harness.get_by_label("Save run").click_accesskit();
    harness.run();
    assert_eq!(run_dates(&harness), vec![day(15)]);
}

#[test]
fn a_typed_run_date_still_works_and_a_wrong_one_says_so() {
    let (mut harness, _dir) = app("Running");
    select_all(&mut harness, "Run date");
    harness.get_by_label("Run date").type_text("2026-11-20");
    harness.run();
    harness.get_by_label("Save run").click_accesskit();
    harness.run();
    assert_eq!(run_dates(&harness), vec![day(20)]);

    // The calendar opens on the typed date, and picking another day replaces it.
    pick(&mut harness, "Run date", 13);
    assert_eq!(
        harness.state_mut().panels_mut().running.form.date,
        "2026-11-13"
    );

    select_all(&mut harness, "Run date");
    harness.get_by_label("Run date").type_text("20/11/2026");
    harness.run();
    select_all(&mut harness, "Run start time");
    harness.get_by_label("Run start time").type_text("25:00");
    harness.run();
    // Once the fields are left, each says what is wrong with it.
    harness.get_by_label("Notes").focus();
    harness.run();
    harness.get_by_label("Date '20/11/2026' is not YYYY-MM-DD.");
    harness.get_by_label("Time '25:00' is not HH:MM.");
    harness.get_by_label("Save run").click_accesskit();
    harness.run();
    assert_eq!(run_dates(&harness).len(), 1, "nothing more was saved");
    assert!(
        harness
            .query_all_by_label("Date '20/11/2026' is not YYYY-MM-DD.")
            .count()
            >= 2,
        "the form's own message names the date too"
    );
}

#[test]
fn a_shoes_first_day_is_picked_on_the_calendar() {
    let (mut harness, _dir) = app("Running");
    type_into(&mut harness, "Shoe name", "Pegasus 38");
    pick(&mut harness, "Shoe first used", 9);
    harness.get_by_label("Add shoe").click_accesskit();
    harness.run();
    let shoes = &harness.state().data().running.shoes;
    assert_eq!(shoes.len(), 1);
    assert_eq!(shoes[0].start_date, day(9));
    // The form is empty again and back on today.
    harness.run();
    assert_eq!(
        harness
            .state_mut()
            .panels_mut()
            .running
            .shoe_form
            .first_used,
        "2026-11-25"
    );
}

#[test]
fn the_plan_start_is_picked_on_the_calendar() {
    let (mut harness, _dir) = app("Planner");
    harness.get_by_label("Suggest a programme").click();
    harness.run();
    harness.get_by_label("Plan start date");
    pick(&mut harness, "Plan start date", 23);
    assert_eq!(
        harness.state_mut().panels_mut().planner.generator.start,
        "2026-11-23"
    );
    harness.get_by_label("Condition for the programme").click();
    harness.run();
    let content = Content::embedded().unwrap();
    let name = &content.condition("patellofemoral_pain").unwrap().lay_name;
    harness.get_by_label(name).click();
    harness.run();
    if let Some(adult) = harness.query_by_label("Programme age check: 16 to 39") {
        adult.click();
        harness.run();
    }
    harness.get_by_label("Generate programme").click();
    harness.run();
    let plan = harness.state().data().planner.plan.as_ref().unwrap();
    assert_eq!(plan.start_date, day(23));
}
