//! The session runner through the real app (`egui_kittest`, found by accessible labels): the sound cues it asks
//! for, in order, on a fake output (no test opens an audio device); mute, remembered across a restart; the notice
//! when there is no sound device; and the keyboard path with its cues.

#![expect(
    clippy::unwrap_used,
    reason = "Test helpers outside #[test] fns: a panic here is the failure report."
)]

use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use kneemap::KneeMapApp;
use kneemap::app::sound::{CueSound, NO_DEVICE_NOTICE, Recorded, SoundError, SoundOutput};
use kneemap::clock::Clock;
use kneemap::content::Content;
use kneemap::document::UserData;
use kneemap::planner::{GenerateOptions, PlannedExercise, PlannerCommand, PlannerData};
use kneemap::store::Store;
use kneemap::triage::Safety;

/// Wednesday 25 November 2026.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// A plan whose session today is a wall sit (2 × 10 s hold, 20 s rest) then one set of 10 squats.
fn data_with_todays_session() -> UserData {
    let content = Content::embedded().unwrap();
    let mut planner = PlannerData::new();
    let options = GenerateOptions::new("patellofemoral_pain", today());
    let _changed = planner.apply(&content, PlannerCommand::Generate(options), Safety::CLEAR);
    let plan = planner.plan.as_mut().unwrap();
    let (week, day) = plan.day_for(today()).unwrap();
    let today_plan = plan.day_mut(week, day).unwrap();
    today_plan.exercises = vec![
        PlannedExercise {
            exercise_id: "wall_sit".to_owned(),
            sets: 2,
            reps: None,
            hold_secs: Some(10),
            rest_secs: 20,
            per_side: false,
            ..PlannedExercise::default()
        },
        PlannedExercise {
            exercise_id: "squat".to_owned(),
            sets: 1,
            reps: Some(10),
            hold_secs: None,
            rest_secs: 0,
            per_side: false,
            ..PlannedExercise::default()
        },
    ];
    UserData {
        planner,
        ..UserData::default()
    }
}

fn runner_app(data: UserData, output: SoundOutput) -> Harness<'static, KneeMapApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| {
            KneeMapApp::from_parts(&cc.egui_ctx, Content::embedded(), data)
                .with_sound_output(output)
        });
    harness.state_mut().set_clock(Clock::manual(today()));
    harness.run();
    harness
}

fn start_todays_session(harness: &mut Harness<'static, KneeMapApp>) {
    harness.get_by_label("Planner").click();
    harness.run();
    harness.get_by_label("Run a session").click();
    harness.run();
    harness.get_by_label("Start today's session").click();
    harness.run();
}

fn wait(harness: &mut Harness<'static, KneeMapApp>, secs: u64) {
    harness
        .state_mut()
        .clock_mut()
        .advance(Duration::from_secs(secs));
    harness.run();
}

fn step_shown(harness: &Harness<'static, KneeMapApp>, prefix: &str) -> bool {
    harness
        .query_by_label_contains(&format!("Session step: {prefix}"))
        .is_some()
}

#[test]
fn the_runner_asks_for_each_cue_in_order_and_mute_stops_them() {
    let (output, recorded) = SoundOutput::recording();
    let mut harness = runner_app(data_with_todays_session(), output);
    assert!(
        recorded.sounds().is_empty(),
        "nothing sounds before a session"
    );
    start_todays_session(&mut harness);
    assert!(step_shown(&harness, "Get ready: 5"));
    assert_eq!(recorded.take(), [CueSound::GetReady], "the session starts");

    wait(&mut harness, 5);
    assert!(step_shown(&harness, "Hold: 10 s"));
    assert_eq!(recorded.take(), [CueSound::Start], "the hold starts");

    wait(&mut harness, 10);
    assert!(step_shown(&harness, "Rest: 20 s"));
    assert_eq!(
        recorded.take(),
        [CueSound::HoldEnd],
        "the hold ran its time"
    );

    wait(&mut harness, 20);
    assert!(step_shown(&harness, "Get ready"));
    assert_eq!(
        recorded.take(),
        [CueSound::RestEnd],
        "the rest's end, not a second tone for the get-ready that begins with it"
    );

    // → skips the countdown: the work starts.
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    assert!(step_shown(&harness, "Hold"));
    assert_eq!(recorded.take(), [CueSound::Start]);
    // → ends the hold early: the user knows, no tone; the rest before the squats begins.
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    assert!(step_shown(&harness, "Rest"));
    assert!(recorded.take().is_empty());

    // Muted: the rest runs out in silence, and the choice is saved.
    harness.get_by_label("Sound cues").click();
    harness.run();
    assert!(harness.state().data().preferences.sound_muted);
    wait(&mut harness, 20);
    wait(&mut harness, 5);
    assert!(step_shown(&harness, "Do 10 reps"));
    assert!(recorded.take().is_empty(), "muted: no sound requested");

    harness.get_by_label("Sound cues").click();
    harness.run();
    assert!(!harness.state().data().preferences.sound_muted);
    harness.get_by_label("Set done").click();
    harness.run();
    assert!(step_shown(&harness, "Session complete"));
    assert_eq!(recorded.take(), [CueSound::SessionDone]);
}

#[test]
fn pause_holds_the_count_and_sounds_nothing() {
    let (output, recorded) = SoundOutput::recording();
    let mut harness = runner_app(data_with_todays_session(), output);
    start_todays_session(&mut harness);
    wait(&mut harness, 5);
    let _ = recorded.take();
    harness.key_press(egui::Key::Space);
    harness.run();
    assert!(harness.query_by_label("Resume").is_some(), "Space pauses");
    wait(&mut harness, 60);
    assert!(step_shown(&harness, "Hold: 10 s"), "the count is frozen");
    assert!(recorded.take().is_empty());
    harness.key_press(egui::Key::Space);
    harness.run();
    assert!(harness.query_by_label("Pause").is_some(), "Space resumes");
    wait(&mut harness, 10);
    assert_eq!(recorded.take(), [CueSound::HoldEnd]);
    // Esc ends the session and opens the log.
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Save log").is_some());
}

#[test]
fn no_sound_device_says_so_once_and_the_runner_goes_on() {
    let attempts = Arc::new(Mutex::new(0));
    let counted = Arc::clone(&attempts);
    let output = SoundOutput::device_with(move || {
        *counted.lock().unwrap() += 1;
        Err(SoundError::NoDevice)
    });
    let mut harness = runner_app(data_with_todays_session(), output);
    assert!(
        !harness.state().sound_output().device_requested(),
        "the device is not opened at start"
    );
    assert!(harness.query_by_label(NO_DEVICE_NOTICE).is_none());
    start_todays_session(&mut harness);
    assert!(harness.state().sound_output().device_requested());
    // The sound thread reports; the notice shows in the runner.
    for _ in 0..400 {
        if harness.query_by_label(NO_DEVICE_NOTICE).is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
        harness.run();
    }
    assert_eq!(harness.query_all_by_label(NO_DEVICE_NOTICE).count(), 1);
    // Every later cue is shown only: no second attempt, still one notice.
    for _ in 0..4 {
        wait(&mut harness, 10);
    }
    assert_eq!(*attempts.lock().unwrap(), 1);
    assert_eq!(harness.query_all_by_label(NO_DEVICE_NOTICE).count(), 1);
    assert!(harness.query_by_label_contains("Session step").is_some());
}

#[test]
fn muted_before_a_cue_never_asks_for_the_device() {
    let output = SoundOutput::device_with(|| -> Result<Box<dyn kneemap::app::sound::Player>, _> {
        panic!("the device must not be opened while muted")
    });
    let mut data = data_with_todays_session();
    data.preferences.sound_muted = true;
    let mut harness = runner_app(data, output);
    start_todays_session(&mut harness);
    wait(&mut harness, 5);
    wait(&mut harness, 10);
    assert!(!harness.state().sound_output().device_requested());
    assert!(harness.query_by_label(NO_DEVICE_NOTICE).is_none());
}

#[test]
fn mute_is_remembered_across_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kneemap.ron");
    Store::at(&path).save(&data_with_todays_session()).unwrap();
    let on_store = |path: &std::path::Path| {
        let store = Store::at(path);
        let (output, recorded): (SoundOutput, Recorded) = SoundOutput::recording();
        let mut harness = Harness::builder()
            .with_size(egui::vec2(1280.0, 800.0))
            .build_eframe(move |cc| {
                KneeMapApp::new(cc, Content::embedded(), Some(store)).with_sound_output(output)
            });
        harness.state_mut().set_clock(Clock::manual(today()));
        harness.run();
        (harness, recorded)
    };
    let (mut harness, _recorded) = on_store(&path);
    assert!(!harness.state().data().preferences.sound_muted);
    start_todays_session(&mut harness);
    harness.get_by_label("Sound cues").click();
    harness.run();
    harness.state_mut().wait_for_saves();
    drop(harness);

    let (mut harness, recorded) = on_store(&path);
    assert!(
        harness.state().data().preferences.sound_muted,
        "loaded muted"
    );
    start_todays_session(&mut harness);
    wait(&mut harness, 5);
    assert!(recorded.sounds().is_empty());
}
