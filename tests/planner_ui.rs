//! Planner UI tests with `egui_kittest` on the real app: widgets are found by accessible label, the session
//! clock is a manual one moved by the test, and planner data goes to a temporary store.

#![expect(
    clippy::unwrap_used,
    reason = "Test helpers outside #[test] fns: a panic here is the failure report."
)]

use std::time::Duration;

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use kneemap::KneeMapApp;
use kneemap::clock::Clock;
use kneemap::content::Content;
use kneemap::planner::{Action, supported_conditions};
use kneemap::store::Store;

/// Wednesday 25 November 2026.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

struct TestApp {
    harness: Harness<'static, KneeMapApp>,
    _dir: tempfile::TempDir,
}

/// The real app on the store at `path`, with a manual clock on `today()`, after its first frame.
fn app_on_store(path: &std::path::Path) -> Harness<'static, KneeMapApp> {
    let store = Store::at(path);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| KneeMapApp::new(cc, Content::embedded(), Some(store)));
    harness.state_mut().set_clock(Clock::manual(today()));
    harness.run();
    harness
}

fn planner_app() -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_on_store(&dir.path().join("kneemap.ron"));
    harness.get_by_label("Planner").click();
    harness.run();
    TestApp { harness, _dir: dir }
}

fn generate(harness: &mut Harness<'static, KneeMapApp>, content: &Content, condition_id: &str) {
    harness.get_by_label("Suggest a programme").click();
    harness.run();
    harness.get_by_label("Condition for the programme").click();
    harness.run();
    let name = &content.condition(condition_id).unwrap().lay_name;
    harness.get_by_label(name).click();
    harness.run();
    // A programme with a heavy-load phase asks the age first (kept on this computer only).
    if let Some(adult) = harness.query_by_label("Programme age check: 16 to 39") {
        adult.click();
        harness.run();
    }
    harness.get_by_label("Generate programme").click();
    harness.run();
}

/// Selects the first exercise of the shown week on the board, so its editor opens below the board.
fn select_first_item(harness: &mut Harness<'static, KneeMapApp>, content: &Content) {
    let plan = harness.state().planner_data().plan.clone().unwrap();
    let (day, first) = plan.weeks[0]
        .days
        .iter()
        .enumerate()
        .find_map(|(day, d)| d.exercises.first().map(|e| (day, e.clone())))
        .unwrap();
    let name = &content.exercise(&first.exercise_id).unwrap().name;
    harness
        .get_by_label(&format!("{name}, {}", kneemap::planner::day_name(day)))
        .click();
    harness.run();
}

#[test]
fn add_an_exercise_to_monday_and_edit_its_sets() {
    let content = Content::embedded().unwrap();
    let mut app = planner_app();
    let harness = &mut app.harness;
    harness.get_by_label("Start an empty 6-week plan").click();
    harness.run();
    harness.get_by_label("Add exercise to Monday").click();
    harness.run();
    let bridge = &content.exercise("glute_bridge").unwrap().name;
    harness.get_by_label(bridge).click();
    harness.run();
    let plan = harness.state().planner_data().plan.clone().unwrap();
    let monday = &plan.weeks[0].days[0].exercises;
    assert_eq!(monday.len(), 1);
    assert_eq!(monday[0].exercise_id, "glute_bridge");
    select_first_item(harness, &content);

    harness
        .get_by_label(&format!("Sets, {bridge}, Monday"))
        .set_value_accesskit(5.0);
    harness.run();
    let sets =
        harness.state().planner_data().plan.as_ref().unwrap().weeks[0].days[0].exercises[0].sets;
    assert_eq!(sets, 5);
    // Out-of-range input is clamped at the edge.
    harness
        .get_by_label(&format!("Sets, {bridge}, Monday"))
        .set_value_accesskit(99.0);
    harness.run();
    let sets =
        harness.state().planner_data().plan.as_ref().unwrap().weeks[0].days[0].exercises[0].sets;
    assert_eq!(sets, 10);
}

#[test]
fn generate_a_programme_for_each_condition() {
    let content = Content::embedded().unwrap();
    let mut app = planner_app();
    for condition_id in supported_conditions(&content) {
        generate(&mut app.harness, &content, condition_id);
        let data = app.harness.state().planner_data();
        let plan = data
            .plan
            .as_ref()
            .unwrap_or_else(|| panic!("no plan for {condition_id}"));
        assert_eq!(plan.condition_id.as_deref(), Some(condition_id));
        let exercises: Vec<_> = plan
            .weeks
            .iter()
            .flat_map(|w| w.days.iter())
            .flat_map(|d| &d.exercises)
            .collect();
        assert!(!exercises.is_empty());
        assert!(
            exercises
                .iter()
                .all(|e| content.exercise(&e.exercise_id).is_some())
        );
        // The week view shows the plan's name; a selected exercise shows its reason.
        app.harness.get_by_label(&plan.name);
        select_first_item(&mut app.harness, &content);
        assert!(
            !app.harness
                .query_all_by_label_contains("Why: ")
                .collect::<Vec<_>>()
                .is_empty()
        );
    }
}

#[test]
fn run_a_session_with_a_deterministic_clock_then_log_high_pain_and_see_it_eased_with_a_reason() {
    let content = Content::embedded().unwrap();
    let mut app = planner_app();
    let harness = &mut app.harness;
    generate(harness, &content, "patellofemoral_pain");
    // The default days are Monday, Wednesday and Friday; today is a Wednesday.
    harness.get_by_label("Run a session").click();
    harness.run();
    harness.get_by_label("Start today's session").click();
    harness.run();

    let mut guard = 0;
    while harness
        .query_by_label("Session step: Session complete")
        .is_none()
    {
        guard += 1;
        assert!(guard < 3000, "session never finished");
        if harness.query_by_label("Set done").is_some()
            && harness
                .query_by_label_contains("Session step: Do")
                .is_some()
        {
            harness.get_by_label("Set done").click();
        } else {
            // A countdown: move the clock past it, as if the user waited.
            harness
                .state_mut()
                .clock_mut()
                .advance(Duration::from_secs(5));
        }
        harness.run();
    }
    harness.get_by_label("Log this session").click();
    harness.run();
    // Correct what differed from the plan: fewer reps on the first exercise.
    let first = {
        let data = harness.state().planner_data();
        let plan = data.plan.as_ref().unwrap();
        let (week, day) = plan.day_for(today()).unwrap();
        plan.day(week, day)
            .unwrap()
            .exercises
            .iter()
            .find(|e| e.reps.is_some())
            .unwrap()
            .exercise_id
            .clone()
    };
    let first_name = content.exercise(&first).unwrap().name.clone();
    harness
        .get_by_label(&format!("Reps done, {first_name}"))
        .set_value_accesskit(5.0);
    harness.run();
    harness
        .get_by_label("Knee pain during the session, 0 to 10")
        .set_value_accesskit(7.0);
    harness.run();
    harness.get_by_label("Save log").click();
    harness.run();

    let data = harness.state().planner_data();
    assert_eq!(data.logs.len(), 1);
    assert_eq!(data.logs[0].pain_during, 7);
    assert!(
        data.logs[0].entries.iter().all(|e| e.sets_done > 0),
        "every set was marked done"
    );
    assert!(!data.adjustments.is_empty());
    assert!(
        data.adjustments
            .iter()
            .all(|a| a.action == Action::StepBack)
    );
    // The history view says why, naming the pain score.
    let reasons: Vec<String> = harness
        .query_all_by_label_contains("Ease off")
        .filter_map(|node| {
            node.accesskit_node()
                .label()
                .or_else(|| node.accesskit_node().value())
        })
        .collect();
    assert!(!reasons.is_empty());
    assert!(reasons.iter().all(|r| r.contains("7/10")), "{reasons:?}");
}

#[test]
fn a_ticked_red_flag_pauses_the_planner() {
    let content = Content::embedded().unwrap();
    let mut app = planner_app();
    let harness = &mut app.harness;
    generate(harness, &content, "it_band_syndrome");
    assert!(
        harness
            .query_by_label_contains("Progression paused")
            .is_none()
    );
    let flag = content
        .red_flags
        .iter()
        .find(|f| f.id == "persistent_pain")
        .unwrap();
    // Low in a long list: ticked the way a screen reader does, without scrolling.
    harness.get_by_label(&flag.text).click_accesskit();
    harness.run();
    harness.get_by_label_contains("Progression paused");
    select_first_item(harness, &content);
    assert!(
        !harness
            .query_all_by_label_contains("Next step: Paused")
            .collect::<Vec<_>>()
            .is_empty()
    );
}

#[test]
fn plan_survives_a_restart_through_the_store() {
    let content = Content::embedded().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kneemap.ron");
    {
        let mut harness = app_on_store(&path);
        harness.get_by_label("Planner").click();
        harness.run();
        generate(&mut harness, &content, "meniscus_tear");
    }
    let harness = app_on_store(&path);
    let plan = harness.state().planner_data().plan.clone().unwrap();
    assert_eq!(plan.condition_id.as_deref(), Some("meniscus_tear"));
}

#[test]
fn a_corrupt_store_is_kept_aside_and_the_user_is_told() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kneemap.ron");
    std::fs::write(&path, "this is not RON {{{").unwrap();
    let mut harness = app_on_store(&path);
    harness.get_by_label("Planner").click();
    harness.run();
    harness.get_by_label_contains("the file is damaged");
    harness.get_by_label_contains("moved aside");
    // The damaged bytes are preserved beside the store, never overwritten.
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("corrupt"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        std::fs::read_to_string(kept[0].path()).unwrap(),
        "this is not RON {{{"
    );
}

#[test]
fn after_a_corrupt_file_the_last_good_backup_can_be_restored_even_after_more_saves() {
    let content = Content::embedded().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kneemap.ron");
    let store = Store::at(&path);
    // Two saves of a real plan leave a good backup behind.
    let mut data = kneemap::planner::PlannerData::new();
    let options = kneemap::planner::GenerateOptions::new("it_band_syndrome", today());
    assert_eq!(
        data.apply(
            &content,
            kneemap::planner::PlannerCommand::Generate(options),
            kneemap::triage::Safety::CLEAR,
        ),
        kneemap::planner::Applied::Changed
    );
    let data = kneemap::document::UserData {
        planner: data,
        ..kneemap::document::UserData::default()
    };
    store.save(&data).unwrap();
    store.save(&data).unwrap();
    std::fs::write(&path, "garbage").unwrap();

    let mut harness = app_on_store(&path);
    assert!(harness.state().planner_data().plan.is_none());
    harness.get_by_label("Planner").click();
    harness.run();
    // Edits made before restoring rotate the store's own backups; the offered copy must survive them.
    harness.get_by_label("Start an empty 6-week plan").click();
    harness.run();
    for _ in 0..4 {
        harness.get_by_label("Add a week").click();
        harness.run();
    }
    assert_eq!(
        harness
            .state()
            .planner_data()
            .plan
            .as_ref()
            .unwrap()
            .weeks
            .len(),
        10
    );
    harness.get_by_label("Restore the last good backup").click();
    harness.run();
    let restored = harness.state().planner_data().plan.clone().unwrap();
    assert_eq!(restored.condition_id.as_deref(), Some("it_band_syndrome"));
}

#[test]
fn a_ticked_red_flag_is_on_disk_after_the_next_frame() {
    let content = Content::embedded().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kneemap.ron");
    let mut harness = app_on_store(&path);
    let flag = &content.red_flags[0];
    harness.get_by_label(&flag.text).click_accesskit();
    // One frame applies the tick; the app asks for another, whose logic() saves it.
    harness.step();
    assert!(harness.state().triage().is_ticked(&flag.id));
    harness.step();
    // That logic() handed the data to the writer thread; wait for its write.
    harness.state_mut().wait_for_saves();
    assert!(!harness.state().has_unsaved_changes());
    let on_disk = Store::at(&path)
        .inspect::<kneemap::document::UserData>()
        .unwrap()
        .unwrap();
    assert!(on_disk.triage.is_ticked(&flag.id));
    assert_eq!(on_disk.triage.events().len(), 1);
    // A restart shows it ticked.
    drop(harness);
    let harness = app_on_store(&path);
    assert!(harness.state().triage().is_ticked(&flag.id));
}

#[test]
fn a_same_day_flag_refuses_a_session_in_the_domain() {
    use kneemap::app::AppCommand;
    use kneemap::planner::SessionCommand;
    let content = Content::embedded().unwrap();
    let mut app = planner_app();
    let harness = &mut app.harness;
    generate(harness, &content, "patellofemoral_pain");
    let flag = content
        .red_flags
        .iter()
        .find(|f| f.urgency >= kneemap::content::Urgency::SameDay)
        .unwrap();
    harness.get_by_label(&flag.text).click_accesskit();
    harness.run();
    // Whatever a panel sends, the rule holds: no session starts.
    let plan = harness.state().planner_data().plan.clone().unwrap();
    let day = (0..7).find(|d| !plan.weeks[0].days[*d].is_empty()).unwrap();
    harness.state_mut().apply(
        &content,
        vec![AppCommand::Session(SessionCommand::Start {
            week: 0,
            day,
            pain_before: None,
        })],
    );
    harness.run();
    assert!(harness.state().session().active.is_none());
    harness.get_by_label("Run a session").click();
    harness.run();
    harness.get_by_label_contains("needs a professional first");
}

/// Presses at `from`, moves the pointer over a few frames and releases at `to`.
fn drag(harness: &mut Harness<'static, KneeMapApp>, from: egui::Pos2, to: egui::Pos2) {
    let button = |pos, pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::default(),
    };
    harness.event(egui::Event::PointerMoved(from));
    harness.step();
    harness.event(button(from, true));
    harness.step();
    for step in 1..=8 {
        let t = step as f32 / 8.0;
        harness.event(egui::Event::PointerMoved(from + (to - from) * t));
        harness.step();
    }
    harness.event(button(to, false));
    harness.run();
}

#[test]
fn drag_an_exercise_to_another_day_then_undo_and_redo() {
    let content = Content::embedded().unwrap();
    let mut app = planner_app();
    let harness = &mut app.harness;
    harness.get_by_label("Start an empty 6-week plan").click();
    harness.run();
    for (day, id) in [("Monday", "glute_bridge"), ("Wednesday", "wall_sit")] {
        harness
            .get_by_label(&format!("Add exercise to {day}"))
            .click();
        harness.run();
        // The menu scrolls; pick the entry the way a screen reader does.
        harness
            .get_by_label(&content.exercise(id).unwrap().name)
            .click_accesskit();
        harness.run();
    }
    let bridge = &content.exercise("glute_bridge").unwrap().name;
    let wall_sit = &content.exercise("wall_sit").unwrap().name;
    let from = harness
        .get_by_label(&format!("{bridge}, Monday"))
        .rect()
        .center();
    let target = harness
        .get_by_label(&format!("{wall_sit}, Wednesday"))
        .rect();
    // Over the upper half of the Wednesday item: the bridge goes before it.
    drag(
        harness,
        from,
        target.center() - egui::vec2(0.0, target.height() / 4.0),
    );
    let days = |harness: &Harness<'static, KneeMapApp>| -> Vec<Vec<String>> {
        harness.state().planner_data().plan.as_ref().unwrap().weeks[0]
            .days
            .iter()
            .map(|d| d.exercises.iter().map(|e| e.exercise_id.clone()).collect())
            .collect()
    };
    let moved = days(harness);
    assert!(moved[0].is_empty(), "{moved:?}");
    assert_eq!(moved[2], ["glute_bridge", "wall_sit"]);

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    let undone = days(harness);
    assert_eq!(undone[0], ["glute_bridge"]);
    assert_eq!(undone[2], ["wall_sit"]);

    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    harness.run();
    assert_eq!(days(harness), moved);

    // The same move from the keyboard: select, then "Move to another day".
    harness.get_by_label("Undo plan edit").click();
    harness.run();
    harness.get_by_label(&format!("{bridge}, Monday")).click();
    harness.run();
    harness
        .get_by_label(&format!("Move {bridge} to another day"))
        .click();
    harness.run();
    harness.get_by_label("Friday").click();
    harness.run();
    assert_eq!(days(harness)[4], ["glute_bridge"]);
}

#[test]
fn an_under_16_gets_no_heavy_load_programme_whatever_the_form_says() {
    let content = Content::embedded().unwrap();
    let mut app = planner_app();
    let harness = &mut app.harness;
    harness.get_by_label("Age Under 16").click_accesskit();
    harness.run();
    let heavy = content
        .programmes
        .iter()
        .find(|p| p.phases.iter().any(|phase| phase.heavy_load))
        .unwrap()
        .condition
        .clone();
    generate(harness, &content, &heavy);
    assert!(harness.state().planner_data().plan.is_none());
    harness.get_by_label_contains("clinician");
}

#[test]
fn the_session_runner_is_driven_from_the_keyboard() {
    let content = Content::embedded().unwrap();
    let mut app = planner_app();
    let harness = &mut app.harness;
    generate(harness, &content, "patellofemoral_pain");
    harness.get_by_label("Run a session").click();
    harness.run();
    harness.get_by_label("Start today's session").click();
    harness.run();
    // Nothing has keyboard focus after a click: the runner's keys work.
    harness.key_press(egui::Key::Space);
    harness.run();
    assert!(harness.query_by_label("Resume").is_some(), "Space pauses");
    harness.key_press(egui::Key::Space);
    harness.run();
    assert!(harness.query_by_label("Pause").is_some(), "Space resumes");
    // → skips the get-ready countdown, then marks the set done.
    assert!(
        harness
            .query_by_label_contains("Session step: Get ready")
            .is_some()
    );
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Session step: Do")
            .is_some(),
        "→ skipped the get-ready countdown"
    );
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Session step: Do")
            .is_none(),
        "→ marked the set done"
    );
    // A countdown comes next: a rest, or getting ready for the next set.
    assert!(
        harness
            .query_by_label_contains("Session step: Rest")
            .is_some()
            || harness
                .query_by_label_contains("Session step: Get ready")
                .is_some()
    );
    // Esc ends the session and opens the log.
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Save log").is_some());
}
