//! The pain diary through the real app (`egui_kittest`, widgets found by accessible label): marks placed with the
//! mouse on the picture and with the keyboard from the area list, each with its own score and feel; saved,
//! edited, deleted and undone; durable in the store; and in the diary CSV.

#![expect(
    clippy::unwrap_used,
    reason = "Test helpers outside #[test] fns: a panic here is the failure report."
)]

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use kneemap::KneeMapApp;
use kneemap::clock::Clock;
use kneemap::content::{Content, PainQuality};
use kneemap::diary::MarkPlace;
use kneemap::document::UserData;
use kneemap::store::Store;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()
}

fn app_with(data: &UserData, dir: &tempfile::TempDir) -> Harness<'static, KneeMapApp> {
    let path = dir.path().join("kneemap.ron");
    Store::at(&path).save(data).unwrap();
    let store = Store::at(&path);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| KneeMapApp::new(cc, Content::embedded(), Some(store)));
    harness.state_mut().set_clock(Clock::manual(today()));
    harness.run();
    harness
}

#[test]
fn an_entry_with_a_mouse_mark_and_a_keyboard_mark_is_saved_edited_deleted_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_with(&UserData::default(), &dir);
    harness.get_by_label("Pain diary").click();
    harness.run();
    harness.get_by_label("Log pain: where does it hurt?");

    // The mouse: a click on the picture at the inner joint line places a spot there (and starts the entry).
    harness
        .get_by_label("Log pain: Inner side of the knee, on the joint line")
        .click();
    harness.run();
    // The keyboard: focus the outside area in the list and press Enter.
    harness
        .get_by_label(
            "Mark the whole area: Right knee: Outside of the knee, just above the joint line",
        )
        .focus();
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    {
        let draft = harness.state().diary_draft().unwrap();
        assert_eq!(draft.marks.len(), 2, "{draft:?}");
        assert!(matches!(draft.marks[0].place, MarkPlace::Spot { .. }));
        assert_eq!(draft.marks[0].place.location(), Some("inner_joint_line"));
        assert!(matches!(draft.marks[1].place, MarkPlace::Region { .. }));
    }
    // Each mark is named for a screen reader, with its own score: raise the spot's from 3 to 5 by keyboard.
    let spot_name = "Right knee, spot on the inner side of the knee, on the joint line (front), ache, 3 out of 10";
    harness.get_by_label(spot_name);
    harness.get_by_label(&format!("Score: {spot_name}")).focus();
    harness.run();
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    harness.get_by_label(
        "Right knee, spot on the inner side of the knee, on the joint line (front), ache, 5 out of 10",
    );
    // Locking points to the red-flag list without ticking anything.
    harness.get_by_label("Locking").click();
    harness.run();
    harness.get_by_label("Check the red-flag list");
    harness.get_by_label("Save entry").click();
    harness.run();
    harness.state_mut().wait_for_saves();
    let data = harness.state().data().clone();
    assert_eq!(data.diary.entries.len(), 1);
    let entry = &data.diary.entries[0];
    assert_eq!(
        entry.marks.iter().map(|m| m.intensity).collect::<Vec<_>>(),
        [5, 3]
    );
    assert!(
        harness.state().data().triage.ticked().is_empty(),
        "the diary never ticks a red flag"
    );
    // It is in the store.
    let kneemap::store::LoadOutcome::Loaded(stored) =
        Store::at(dir.path().join("kneemap.ron")).load::<UserData>()
    else {
        panic!("the store holds the saved diary");
    };
    assert_eq!(stored.diary, data.diary);

    // Edit: the outside mark becomes sharp.
    harness.get_by_label("Entries").click();
    harness.run();
    harness.get_by_label_contains("Edit entry of").click();
    harness.run();
    harness.get_by_label("Edit entry");
    let outside = "Right knee, outside of the knee, just above the joint line, ache, 3 out of 10";
    harness.get_by_label(&format!("Feel: {outside}")).click();
    harness.run();
    harness.get_by_label("sharp").click();
    harness.run();
    harness.get_by_label("Save entry").click();
    harness.run();
    assert_eq!(
        harness.state().data().diary.entries[0].marks[1].quality,
        PainQuality::Sharp
    );
    assert_eq!(harness.state().data().diary.entries.len(), 1);

    // Delete, then undo twice (the delete, then the edit) with the buttons and Ctrl+Z.
    harness.get_by_label("Entries").click();
    harness.run();
    harness.get_by_label_contains("Delete entry of").click();
    harness.run();
    assert!(harness.state().data().diary.entries.is_empty());
    harness.get_by_label("Undo diary change").click();
    harness.run();
    assert_eq!(harness.state().data().diary.entries.len(), 1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(
        harness.state().data().diary.entries[0].marks[1].quality,
        PainQuality::Ache,
        "the edit is undone"
    );
    harness.get_by_label("Redo diary change").click();
    harness.run();
    assert_eq!(
        harness.state().data().diary.entries[0].marks[1].quality,
        PainQuality::Sharp
    );
}

#[test]
fn a_new_entry_can_start_from_the_last_and_an_empty_entry_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_with(&UserData::default(), &dir);
    harness.get_by_label("Pain diary").click();
    harness.run();
    harness.get_by_label("New entry").click();
    harness.run();
    harness.get_by_label("Save entry").click();
    harness.run();
    harness.get_by_label("Mark at least one place that hurts (or the whole knee) before saving.");
    // Below the fold of the list: reached by keyboard.
    harness
        .get_by_label("Mark diffuse pain: Right knee: the whole knee, no clear spot")
        .focus();
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    // The time is typed (the date has its calendar beside it).
    harness.get_by_label("Diary entry date: pick on a calendar");
    harness.get_by_label("Diary entry time").focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness.get_by_label("Diary entry time").type_text("07:30");
    harness.run();
    harness.get_by_label("Save entry").click();
    harness.run();
    assert_eq!(harness.state().data().diary.entries.len(), 1);
    let at = kneemap::diary::local_time(harness.state().data().diary.entries[0].at_utc);
    assert_eq!(at.format("%Y-%m-%d %H:%M").to_string(), "2026-12-03 07:30");
    harness.get_by_label("New entry like the last one").click();
    harness.run();
    harness.get_by_label("Right knee, the whole knee, diffuse, ache, 3 out of 10");
}
