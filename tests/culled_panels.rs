//! The long panels lay out only what is near the visible part when no screen reader is connected
//! (`ui::culled_scroll`). These tests scroll the real app through the condition panel and the planner history,
//! once with AccessKit off (blocks skipped) and once with it on (every block drawn), and check that every frame
//! paints exactly the same text in the same places: skipping blocks changes nothing a user can see.

// Test helpers outside #[test] fns: a panic here is the failure report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui::epaint::{ClippedShape, Shape};
use egui::{Event, Modifiers, MouseWheelUnit, RawInput, TouchPhase};
use kneemap::KneeMapApp;
use kneemap::content::{Content, ViewKind};
use kneemap::map::state::{Command, MapState, Tab};
use kneemap::map::triage::Safety;
use kneemap::planner::{Applied, GenerateOptions, PlannerCommand, PlannerData};
use kneemap::store::UserData;
use kneemap::ui::planner::PlannerView;

/// Every text painted in a frame with its position, rounded to whole points.
fn painted_texts(shapes: &[ClippedShape]) -> Vec<(String, i32, i32)> {
    fn collect(shape: &Shape, out: &mut Vec<(String, i32, i32)>) {
        match shape {
            Shape::Text(text) => {
                // Screen positions in a 1280×800 window fit an i32.
                #[allow(clippy::cast_possible_truncation)]
                out.push((
                    text.galley.text().to_owned(),
                    text.pos.x.round() as i32,
                    text.pos.y.round() as i32,
                ));
            }
            Shape::Vec(shapes) => {
                for shape in shapes {
                    collect(shape, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in shapes {
        collect(&clipped.shape, &mut out);
    }
    out
}

/// Runs one frame at `time_secs` with `events` and returns what it painted.
fn frame(
    ctx: &egui::Context,
    app: &mut KneeMapApp,
    time_secs: f64,
    events: Vec<Event>,
) -> Vec<(String, i32, i32)> {
    let input = RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        time: Some(time_secs),
        events,
        ..RawInput::default()
    };
    let output = ctx.run_ui(input, |ui| app.main_ui(ui));
    let texts = painted_texts(&output.shapes);
    output.drop_without_applying_deltas();
    texts
}

/// Scrolls the central panel from top to bottom in steps and returns what each step painted, the unscrolled
/// panel first.
fn scroll_through(
    data: &UserData,
    screen_reader: bool,
    setup: impl Fn(&mut KneeMapApp),
) -> Vec<Vec<(String, i32, i32)>> {
    let content = Content::embedded().unwrap();
    let ctx = egui::Context::default();
    if screen_reader {
        ctx.enable_accesskit();
    }
    let mut app = KneeMapApp::from_parts(&ctx, Ok(content), data.clone());
    setup(&mut app);
    let mut time_secs = 0.0;
    let mut steps = Vec::new();
    // Settle: fonts, first measurement, then a frame that may skip.
    for _ in 0..3 {
        time_secs += 1.0;
        frame(&ctx, &mut app, time_secs, Vec::new());
    }
    time_secs += 1.0;
    steps.push(frame(&ctx, &mut app, time_secs, Vec::new()));
    let over_centre = egui::pos2(640.0, 450.0);
    for _ in 0..16 {
        time_secs += 1.0;
        let wheel = vec![
            Event::PointerMoved(over_centre),
            Event::MouseWheel {
                unit: MouseWheelUnit::Point,
                delta: egui::vec2(0.0, -400.0),
                phase: TouchPhase::Move,
                source: egui::MouseWheelSource::Wheel,
                modifiers: Modifiers::default(),
            },
        ];
        frame(&ctx, &mut app, time_secs, wheel);
        // Later frames let any scroll animation finish; the last one is compared.
        for _ in 0..3 {
            time_secs += 1.0;
            frame(
                &ctx,
                &mut app,
                time_secs,
                vec![Event::PointerMoved(over_centre)],
            );
        }
        time_secs += 1.0;
        steps.push(frame(
            &ctx,
            &mut app,
            time_secs,
            vec![Event::PointerMoved(over_centre)],
        ));
    }
    steps
}

fn assert_same_frames(
    skipped: &[Vec<(String, i32, i32)>],
    full: &[Vec<(String, i32, i32)>],
    last_text: &str,
) {
    assert_eq!(skipped.len(), full.len());
    for (step, (skipped, full)) in skipped.iter().zip(full).enumerate() {
        assert_eq!(
            skipped, full,
            "scroll step {step} paints differently when blocks are skipped"
        );
    }
    let last = skipped.last().unwrap();
    assert!(
        last.iter().any(|(text, _, _)| text.contains(last_text)),
        "scrolled to the end, {last_text:?} shows"
    );
    // The scrolling really moved the panel: the first and last steps differ.
    assert_ne!(skipped.first(), skipped.last());
}

fn map_data(content: &Content) -> UserData {
    let mut map = MapState {
        disclaimer_acknowledged: true,
        view: ViewKind::Front,
        ..MapState::default()
    };
    let now = chrono::Utc::now();
    map.apply(content, Command::SelectLocation("kneecap".into()), now);
    UserData {
        map,
        ..UserData::default()
    }
}

#[test]
fn the_condition_panel_paints_the_same_with_skipped_blocks() {
    let content = Content::embedded().unwrap();
    let data = map_data(&content);
    let skipped = scroll_through(&data, false, |_| {});
    let full = scroll_through(&data, true, |_| {});
    assert_same_frames(&skipped, &full, "Content last reviewed");
}

#[test]
fn the_planner_history_paints_the_same_with_skipped_blocks() {
    let content = Content::embedded().unwrap();
    let mut data = map_data(&content);
    data.map.tab = Tab::Planner;
    let mut planner = PlannerData::new();
    let start = chrono::Local::now().date_naive();
    let mut options = GenerateOptions::new("patellofemoral_pain", start);
    // A year of weeks makes the adherence table several screens long.
    options.weeks = Some(52);
    let applied = planner.apply(&content, PlannerCommand::Generate(options), Safety::CLEAR);
    assert_eq!(applied, Applied::Changed);
    data.planner = planner;
    let show_history = |app: &mut KneeMapApp| app.panels_mut().planner.view = PlannerView::History;
    let skipped = scroll_through(&data, false, show_history);
    let full = scroll_through(&data, true, show_history);
    assert_same_frames(&skipped, &full, "get-ready countdown");
}
