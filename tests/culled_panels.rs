//! The long panels lay out only what is near the visible part when no screen reader is connected
//! (`ui::culled_scroll`). These tests drive the real app through the condition panel and the planner history,
//! once with AccessKit off (blocks skipped) and once with it on (every block drawn), through scrolling, data
//! changes made while blocks are skipped, a new day, a narrower window and a zoom, and check that every frame
//! paints exactly the same text in the same places: skipping blocks changes nothing a user can see.

#![expect(
    clippy::unwrap_used,
    reason = "Test helpers outside #[test] fns: a panic here is the failure report."
)]

use chrono::{Days, NaiveDate};
use egui::epaint::{ClippedShape, Shape};
use egui::{Event, Modifiers, MouseWheelUnit, RawInput, TouchPhase};
use kneemap::KneeMapApp;
use kneemap::app::AppCommand;
use kneemap::clock::Clock;
use kneemap::content::{AgeBand, Content, ViewKind};
use kneemap::document::UserData;
use kneemap::map::state::{Command, MapState};
use kneemap::navigation::Tab;
use kneemap::planner::{
    Applied, ExerciseLog, GenerateOptions, PlannerCommand, PlannerData, SessionLog, next_log_id,
};
use kneemap::triage::Safety;
use kneemap::triage::TriageCommand;
use kneemap::ui::culled_scroll;
use kneemap::ui::planner::PlannerView;

/// A text painted in a frame and where, rounded to whole points.
type Painted = (String, i32, i32);

/// Every text and rectangle (the scroll bar's handle among them) a frame paints where it can be seen, inside its
/// clip rectangle and the window, with its position.
fn painted_texts(shapes: &[ClippedShape], screen: egui::Rect) -> Vec<Painted> {
    fn collect(shape: &Shape, visible: egui::Rect, out: &mut Vec<Painted>) {
        match shape {
            Shape::Text(text) if visible.intersects(text.visual_bounding_rect()) => {
                #[expect(
                    clippy::cast_possible_truncation,
                    reason = "Screen positions in a laptop-sized window fit an i32."
                )]
                out.push((
                    text.galley.text().to_owned(),
                    text.pos.x.round() as i32,
                    text.pos.y.round() as i32,
                ));
            }
            #[expect(
                clippy::cast_possible_truncation,
                reason = "Sizes and positions in a laptop-sized window fit an i32."
            )]
            Shape::Rect(rect) if visible.intersects(rect.visual_bounding_rect()) => {
                let shown = rect.rect.intersect(visible);
                out.push((
                    format!("rect {}x{}", shown.width().round(), shown.height().round()),
                    shown.min.x.round() as i32,
                    shown.min.y.round() as i32,
                ));
            }
            Shape::Vec(shapes) => {
                for shape in shapes {
                    collect(shape, visible, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in shapes {
        collect(
            &clipped.shape,
            clipped.clip_rect.intersect(screen),
            &mut out,
        );
    }
    out
}

/// One thing the user (or the day) does between recorded frames.
#[derive(Clone)]
enum Step {
    /// Turn the mouse wheel over the central panel by this many points (positive: down the page).
    Scroll(f32),
    /// Commands applied as the app applies a frame's commands (a click elsewhere, a finished job).
    Apply(Vec<AppCommand>),
    /// The clock moves to the next day.
    NextDay,
    /// The window becomes this wide.
    Resize { width_pt: f32 },
    /// Ctrl+plus: a finer pixel grid (the test's window is given in points, so it keeps its size in points).
    Zoom(f32),
}

/// The app on a plain context, driven frame by frame with a manual clock.
struct Driver {
    ctx: egui::Context,
    app: KneeMapApp,
    content: Content,
    time_secs: f64,
    width_pt: f32,
    /// Blocks skipped over all recorded frames (AccessKit off only).
    skipped: usize,
    panel: &'static str,
}

impl Driver {
    fn new(
        data: &UserData,
        screen_reader: bool,
        panel: &'static str,
        today: NaiveDate,
        view: Option<PlannerView>,
    ) -> Self {
        let content = Content::embedded().unwrap();
        let ctx = egui::Context::default();
        if screen_reader {
            ctx.enable_accesskit();
        }
        let mut app = KneeMapApp::from_parts(&ctx, Ok(content.clone()), data.clone());
        app.set_clock(Clock::manual(today));
        if let Some(view) = view {
            app.panels_mut().planner.view = view;
        }
        Self {
            ctx,
            app,
            content,
            time_secs: 0.0,
            width_pt: 1280.0,
            skipped: 0,
            panel,
        }
    }

    fn frame(&mut self, events: Vec<Event>) -> Vec<Painted> {
        self.time_secs += 1.0;
        let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(self.width_pt, 800.0));
        let input = RawInput {
            screen_rect: Some(screen),
            time: Some(self.time_secs),
            events,
            ..RawInput::default()
        };
        let app = &mut self.app;
        let output = self.ctx.run_ui(input, |ui| app.main_ui(ui));
        let texts = painted_texts(&output.shapes, screen);
        output.drop_without_applying_deltas();
        texts
    }

    fn pointer(&self) -> Event {
        Event::PointerMoved(egui::pos2(self.width_pt / 2.0, 450.0))
    }

    /// Does `step` and returns what each frame painted while it settled (scroll animations included).
    fn step(&mut self, step: &Step) -> Vec<Vec<Painted>> {
        let pointer = self.pointer();
        let mut frames = Vec::new();
        match step {
            Step::Scroll(down_pt) => {
                let wheel = Event::MouseWheel {
                    unit: MouseWheelUnit::Point,
                    delta: egui::vec2(0.0, -down_pt),
                    phase: TouchPhase::Move,
                    source: egui::MouseWheelSource::Wheel,
                    modifiers: Modifiers::default(),
                };
                frames.push(self.frame(vec![pointer, wheel]));
            }
            Step::Apply(commands) => self.app.apply(&self.content, commands.clone()),
            Step::NextDay => {
                let tomorrow = self.app.clock_mut().today() + Days::new(1);
                self.app.clock_mut().set_today(tomorrow);
            }
            Step::Resize { width_pt } => self.width_pt = *width_pt,
            Step::Zoom(factor) => self.ctx.set_zoom_factor(*factor),
        }
        for _ in 0..4 {
            frames.push(self.frame(vec![self.pointer()]));
            if let Some(counts) = culled_scroll::last_counts(&self.ctx, self.panel) {
                self.skipped += counts.skipped;
            }
        }
        frames
    }
}

/// Runs `steps` with blocks skipped and with every block drawn, and checks each step paints the same; `last_text`
/// must show at the end, and blocks must really have been skipped.
fn assert_same_with_and_without_skipping(
    data: &UserData,
    panel: &'static str,
    view: Option<PlannerView>,
    today: NaiveDate,
    steps: &[Step],
    last_text: &str,
) {
    let mut skipping = Driver::new(data, false, panel, today, view);
    let mut full = Driver::new(data, true, panel, today, view);
    let settle = Step::Apply(Vec::new());
    let mut first = None;
    let mut last = Vec::new();
    for (index, step) in std::iter::once(&settle).chain(steps).enumerate() {
        let seen = skipping.step(step);
        let expected = full.step(step);
        assert_eq!(seen.len(), expected.len());
        for (frame, (seen, expected)) in seen.iter().zip(&expected).enumerate() {
            assert_eq!(
                seen, expected,
                "step {index}, frame {frame} paints differently when blocks are skipped"
            );
        }
        first.get_or_insert_with(|| seen.first().cloned().unwrap_or_default());
        last = seen.last().cloned().unwrap_or_default();
    }
    assert!(
        last.iter().any(|(text, _, _)| text.contains(last_text)),
        "at the end, {last_text:?} shows"
    );
    assert_ne!(first.as_ref(), Some(&last), "the panel really scrolled");
    assert!(skipping.skipped > 0, "blocks were skipped");
    assert_eq!(full.skipped, 0, "a screen reader gets every block");
}

fn map_data(content: &Content) -> UserData {
    let mut map = MapState {
        disclaimer_acknowledged: true,
        view: ViewKind::Front,
        ..MapState::default()
    };
    let _ = map.apply(content, Command::SelectLocation("kneecap".into()), None);
    UserData {
        map,
        ..UserData::default()
    }
}

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

#[test]
fn the_condition_panel_paints_the_same_with_skipped_blocks() {
    let content = Content::embedded().unwrap();
    let data = map_data(&content);
    let answer = AppCommand::Map(Command::SetSymptom {
        question_id: "worse_downhill_stairs".into(),
        yes: true,
    });
    let steps = [
        Step::Scroll(500.0),
        Step::Scroll(500.0),
        // Scrolled down, the ranking and the questions at the top are skipped when these change them.
        Step::Apply(vec![answer]),
        Step::Apply(vec![AppCommand::Triage(TriageCommand::SetAgeBand(Some(
            AgeBand::Under16,
        )))]),
        Step::Scroll(-300.0),
        Step::Scroll(700.0),
        Step::Resize { width_pt: 1100.0 },
        Step::Scroll(600.0),
        Step::Zoom(1.2),
        Step::Scroll(800.0),
        Step::Scroll(4000.0),
        Step::Scroll(4000.0),
    ];
    assert_same_with_and_without_skipping(
        &data,
        "condition_panel",
        None,
        day(2026, 12, 2),
        &steps,
        "Content last reviewed",
    );
}

#[test]
fn the_planner_history_paints_the_same_with_skipped_blocks() {
    let content = Content::embedded().unwrap();
    let start = day(2026, 9, 7);
    let today = day(2026, 12, 2);
    let mut data = map_data(&content);
    data.navigation.tab = Tab::Planner;
    let mut planner = PlannerData::new();
    let mut options = GenerateOptions::new("patellofemoral_pain", start);
    // A year of weeks makes the adherence table several screens long.
    options.weeks = Some(52);
    let applied = planner.apply(&content, PlannerCommand::Generate(options), Safety::CLEAR);
    assert_eq!(applied, Applied::Changed);
    let plan = planner.plan.clone().unwrap();
    // Sessions logged for the first two weeks, each with its next-morning pain.
    for (week, week_plan) in plan.weeks.iter().enumerate().take(2) {
        for (weekday, day_plan) in week_plan.days.iter().enumerate() {
            if day_plan.is_empty() {
                continue;
            }
            let date = start + Days::new((week * 7 + weekday) as u64);
            let mut log = SessionLog::new(next_log_id(&planner.logs), date, week, weekday);
            log.entries = day_plan
                .exercises
                .iter()
                .map(ExerciseLog::from_planned)
                .collect();
            log.pain_during = 2;
            log.next_morning_pain = Some(1);
            let applied = planner.apply(&content, PlannerCommand::LogSession(log), Safety::CLEAR);
            assert_eq!(applied, Applied::Changed);
        }
    }
    // Today's session, logged from elsewhere: the list of logged sessions, below the year-long adherence table and
    // skipped, grows by a line. Its next-morning question appears at the top of the history tomorrow, above the
    // part on screen by then.
    let mut todays = SessionLog::new(next_log_id(&planner.logs), today, 12, 2);
    todays.pain_during = 2;
    let applied = planner.clone().apply(
        &content,
        PlannerCommand::LogSession(todays.clone()),
        Safety::CLEAR,
    );
    assert_eq!(applied, Applied::Changed, "today's session can be logged");
    data.planner = planner;
    let steps = [
        Step::Scroll(600.0),
        Step::Scroll(600.0),
        Step::Apply(vec![AppCommand::Planner(PlannerCommand::LogSession(
            todays,
        ))]),
        Step::NextDay,
        Step::Scroll(-200.0),
        Step::Resize { width_pt: 1000.0 },
        Step::Scroll(900.0),
        Step::Zoom(1.2),
        Step::Scroll(4000.0),
        Step::Scroll(4000.0),
    ];
    assert_same_with_and_without_skipping(
        &data,
        "planner_history",
        Some(PlannerView::History),
        today,
        &steps,
        "get-ready countdown",
    );
}
