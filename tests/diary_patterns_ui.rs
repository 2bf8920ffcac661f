//! The pain diary's Patterns view through the real app: `KneeMapApp` on a store holding a diary, driven by
//! `egui_kittest` through accessible labels. The heat-map pictures and the trend are found by what their labels
//! say, the period is changed, a region of the heat map is clicked to follow it in the trend, and the figures
//! shown are checked against the diary.

#![expect(
    clippy::unwrap_used,
    reason = "Test helpers outside #[test] fns: a panic here is the failure report."
)]

use chrono::{Days, NaiveDate};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use kneemap::KneeMapApp;
use kneemap::clock::Clock;
use kneemap::content::{Content, PainContext, PainQuality};
use kneemap::diary::insights::PlaceKey;
use kneemap::diary::{Diary, DiaryEntry, MarkPlace, PainMark, from_local_time};
use kneemap::document::UserData;
use kneemap::map::diagram::Knee;
use kneemap::store::Store;

/// Wednesday 25 November 2026.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn region(knee: Knee, location: &str, intensity: u8) -> PainMark {
    PainMark {
        knee,
        place: MarkPlace::Region {
            location: location.to_owned(),
        },
        intensity,
        quality: PainQuality::Ache,
    }
}

/// Outer-knee pain on the right every day of the last 20 days, easing from 6 to 2; a left kneecap ache on three of
/// the last 7 days; and one right kneecap entry 60 days ago (in the last 3 months, not the last 4 weeks).
fn diary() -> Diary {
    let mut entries = Vec::new();
    let mut add = |days_ago: u64, marks: Vec<PainMark>| {
        let date = today() - Days::new(days_ago);
        entries.push(DiaryEntry {
            id: u64::try_from(entries.len()).unwrap(),
            at_utc: from_local_time(date.and_hms_opt(9, 0, 0).unwrap()),
            marks,
            contexts: [PainContext::AfterRun].into_iter().collect(),
            ..DiaryEntry::default()
        });
    };
    for days_ago in (0..20_u64).rev() {
        // 19 days ago: 6; the last five days: 2.
        let score = u8::try_from(2 + days_ago.saturating_sub(1) / 4)
            .unwrap()
            .min(6);
        let mut marks = vec![region(Knee::Right, "outer_knee_itb", score)];
        if [1, 3, 5].contains(&days_ago) {
            marks.push(region(Knee::Left, "kneecap", 3));
        }
        add(days_ago, marks);
    }
    add(60, vec![region(Knee::Right, "kneecap", 7)]);
    let mut diary = Diary {
        entries,
        next_id: 0,
    };
    diary.repair();
    diary
}

struct PatternsApp {
    harness: Harness<'static, KneeMapApp>,
    _dir: tempfile::TempDir,
}

impl PatternsApp {
    /// The real app on a store holding `diary()`, with the Pain diary tab's Patterns open.
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::in_dir(dir.path());
        store
            .save(&UserData {
                diary: diary(),
                eframe_state_imported: true,
                ..UserData::default()
            })
            .unwrap();
        let mut harness = Harness::builder()
            .with_size(egui::vec2(1280.0, 2400.0))
            .build_eframe(move |cc| KneeMapApp::new(cc, Content::embedded(), Some(store)));
        harness.state_mut().set_clock(Clock::manual(today()));
        harness.run();
        harness.get_by_label("Pain diary").click_accesskit();
        harness.run();
        harness.get_by_label("Patterns").click_accesskit();
        harness.run();
        Self { harness, _dir: dir }
    }

    fn label_of(&self, starts: &str) -> String {
        let node = self.harness.get_by_label_contains(starts);
        node.accesskit_node().label().unwrap_or_default()
    }
}

#[test]
fn the_heat_maps_and_the_trend_say_what_they_show_and_follow_the_period() {
    let mut app = PatternsApp::new();
    // Twenty diary days in the last 4 weeks, the outer knee on every one.
    app.harness
        .get_by_label("20 entries on 20 days, 29 Oct to 25 Nov 2026.");
    let right = app.label_of("Right knee heat map, last 4 weeks, front view:");
    assert!(
        right.contains("outside of the knee, just above the joint line on 20 of 20 diary days"),
        "{right}"
    );
    assert!(right.contains("worst 6"), "{right}");
    assert!(
        !right.contains("kneecap"),
        "the old kneecap entry is outside the period: {right}"
    );
    let left = app.label_of("Left knee heat map, last 4 weeks, front view:");
    assert!(
        left.contains("front of knee, around the kneecap on 3 of 20 diary days, mean 3.0, worst 3"),
        "{left}"
    );
    // The comparison table gives every figure in words.
    app.harness
        .get_by_label("Front of knee, around the kneecap");
    app.harness.get_by_label("3 of 20 days\nmean 3.0, worst 3");
    let trend =
        app.label_of("Trend of the daily worst pain score, all places, both knees, last 4 weeks:");
    assert!(
        trend.contains("20 diary days, 6 on 6 Nov to 2 on 25 Nov"),
        "{trend}"
    );
    // From 5.4 (first 7 days: 6, 6, 6, 5, 5, 5, 5) to 2.6 (last 7, the worst of both knees:
    // 3, 3, 2, 3, 2, 3, 2): beyond the 1.2-point band.
    app.harness.get_by_label_contains(
        "Pain fell from 5.4 to 2.6 (−2.9 points, first and last 7 diary days)",
    );
    app.harness.get_by_label_contains("Piva 2009");

    // The side view draws the same figures on the other picture.
    app.harness
        .get_by_label("Heat map: side view")
        .click_accesskit();
    app.harness.run();
    app.label_of("Right knee heat map, last 4 weeks, side view:");

    // Three months: the old kneecap entry comes in.
    app.harness.get_by_label("Last 3 months").click_accesskit();
    app.harness.run();
    app.harness
        .get_by_label("21 entries on 21 days, 27 Aug to 25 Nov 2026.");
    let right = app.label_of("Right knee heat map, last 3 months, side view:");
    assert!(
        right
            .contains("front of knee, around the kneecap on 1 of 21 diary days, mean 7.0, worst 7"),
        "{right}"
    );
    let trend =
        app.label_of("Trend of the daily worst pain score, all places, both knees, last 3 months:");
    assert!(trend.contains("21 diary days, 7 on 26 Sep"), "{trend}");

    // Seven days: only the easing end.
    app.harness.get_by_label("Last 7 days").click_accesskit();
    app.harness.run();
    let trend =
        app.label_of("Trend of the daily worst pain score, all places, both knees, last 7 days:");
    assert!(trend.contains("7 diary days"), "{trend}");
    app.harness.get_by_label_contains("Pain moved from");
}

#[test]
fn clicking_a_region_of_the_heat_map_follows_it_in_the_trend() {
    let mut app = PatternsApp::new();
    app.harness
        .get_by_label("Heat map: front view")
        .click_accesskit();
    app.harness.run();
    // The left knee's kneecap, on its picture (the kneecap sits in the middle, a little above the centre).
    let rect = app
        .harness
        .get_by_label_contains("Left knee heat map, last 4 weeks, front view:")
        .rect();
    let at = rect.min + egui::vec2(0.5 * rect.width(), 0.34 * rect.height());
    app.harness.hover_at(at);
    app.harness.run();
    for pressed in [true, false] {
        app.harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::default(),
        });
        app.harness.step();
    }
    app.harness.run();
    assert_eq!(
        app.harness.state_mut().panels_mut().diary.patterns.filter,
        kneemap::diary::insights::TrendFilter {
            place: Some(PlaceKey::Location("kneecap".to_owned())),
            knee: Some(Knee::Left),
        }
    );
    let trend = app.label_of(
        "Trend of the daily worst pain score, front of knee, around the kneecap, left knee, last 4 weeks:",
    );
    assert!(trend.contains("3 diary days"), "{trend}");
    app.harness
        .get_by_label_contains("3 diary days for front of knee, around the kneecap, left knee");

    // The knee picker by keyboard path: both knees again, then the right knee only (nothing at the kneecap there).
    app.harness
        .get_by_label("Trend knee: Right")
        .click_accesskit();
    app.harness.run();
    let trend = app.label_of(
        "Trend of the daily worst pain score, front of knee, around the kneecap, right knee",
    );
    assert!(trend.contains(": 0 diary days"), "{trend}");
    app.harness
        .get_by_label("No diary marks for this place and knee in the period.");
}

#[test]
fn patterns_folds_the_map_and_log_pain_brings_it_back() {
    let mut app = PatternsApp::new();
    // Patterns draws both knees itself: the map column folds to its strip, and the top bar drops View and Knee.
    app.harness.get_by_label("Show the knee map");
    assert!(
        app.harness
            .query_by_label("Log pain: where does it hurt?")
            .is_none()
    );
    assert!(app.harness.query_by_label("Side view").is_none());

    // Back to Log pain: the diagram is there to mark on, with its switches.
    app.harness.get_by_label("Log pain").click_accesskit();
    app.harness.run();
    app.harness.get_by_label("Log pain: where does it hurt?");
    app.harness.get_by_label("Side view");
    assert!(app.harness.query_by_label("Show the knee map").is_none());
}
