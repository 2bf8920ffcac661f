//! Frame cost of KneeMap's main screens next to egui's own demo (`egui_demo_lib::DemoWindows`) in the same run,
//! so the ratio is machine-independent: the map with a condition panel open and a red flag ticked, the planner
//! week, and the planner history with a year of logged sessions.
//!
//! The Running tab is measured with a month and with ten years of runs (its sections are blocks of a culled scroll
//! area, like the long panels below).
//!
//! The Pain diary tab (Patterns and Log pain) is measured with a month and with ten years of diary.
//!
//! A long scrolling panel lays out only what is near the visible part, except when a screen reader is connected
//! (see `ui::culled_scroll`); the map screen and the demo are measured that way too, with AccessKit on.
//!
//! Run with `cargo bench --bench frame`. Each iteration is one full frame: `run_ui` plus `tessellate`.

use chrono::{Days, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use egui::RawInput;
use kneemap::KneeMapApp;
use kneemap::content::{Content, ViewKind};
use kneemap::document::UserData;
use kneemap::map::state::{Command, MapState};
use kneemap::navigation::Tab;
use kneemap::planner::{
    Applied, ExerciseLog, GenerateOptions, PlannerCommand, PlannerData, SessionLog,
};
use kneemap::running::{PlannedRun, Run, RunningData};
use kneemap::triage::Safety;
use kneemap::triage::{TriageCommand, TriageState};
use kneemap::ui::planner::PlannerView;

/// A 1280×800 window, as on a typical laptop.
fn laptop_input() -> RawInput {
    RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..RawInput::default()
    }
}

fn main_screen_state(content: &Content, view: ViewKind, location: &str) -> UserData {
    let mut state = MapState {
        disclaimer_acknowledged: true,
        view,
        ..MapState::default()
    };
    let _ = state.apply(content, Command::SelectLocation(location.to_owned()), None);
    let _ = state.apply(
        content,
        Command::SetSymptom {
            question_id: "worse_downhill_stairs".into(),
            yes: true,
        },
        None,
    );
    let mut triage = TriageState::default();
    let _ = triage.apply(
        content,
        TriageCommand::SetRedFlag {
            flag_id: "persistent_pain".into(),
            ticked: true,
        },
        chrono::Utc::now(),
    );
    UserData {
        map: state,
        triage,
        ..UserData::default()
    }
}

/// A generated 52-week programme with every planned session of the year logged.
fn year_of_planner_data(content: &Content) -> PlannerData {
    let start = NaiveDate::from_ymd_opt(2025, 11, 24).unwrap_or_default();
    let mut data = PlannerData::new();
    let mut options = GenerateOptions::new("patellofemoral_pain", start);
    options.weeks = Some(52);
    let applied = data.apply(content, PlannerCommand::Generate(options), Safety::CLEAR);
    assert_eq!(applied, Applied::Changed, "the benchmark needs a plan");
    let Some(plan) = data.plan.clone() else {
        return data;
    };
    for (week, week_plan) in plan.weeks.iter().enumerate() {
        for (day, day_plan) in week_plan.days.iter().enumerate() {
            if day_plan.is_empty() {
                continue;
            }
            let date = start + Days::new((week * 7 + day) as u64);
            let mut log =
                SessionLog::new(kneemap::planner::next_log_id(&data.logs), date, week, day);
            log.entries = day_plan
                .exercises
                .iter()
                .map(ExerciseLog::from_planned)
                .collect();
            log.pain_during = u8::try_from(week % 4).unwrap_or(0);
            log.next_morning_pain = u8::try_from(week % 3).ok();
            log.effort = 6;
            "Felt fine on the stairs afterwards.".clone_into(&mut log.notes);
            let applied = data.apply(content, PlannerCommand::LogSession(log), Safety::CLEAR);
            assert_eq!(applied, Applied::Changed);
        }
    }
    data
}

/// A run every day for `days` days up to today, with cadence and pain, and a planned run each of the next days.
fn running_history(days: u64) -> RunningData {
    let today = chrono::Local::now().date_naive();
    let mut data = RunningData::default();
    for day in 0..days {
        let date = today - Days::new(days - day);
        let start = date.and_hms_opt(7, 0, 0).unwrap_or_default().and_utc();
        data.runs.push(Run {
            id: day + 1,
            start_utc: start,
            distance_m: 5000.0 + f64::from(u32::try_from(day % 7).unwrap_or(0)) * 1000.0,
            elapsed_secs: 1800,
            cadence_spm: Some(165.0),
            pain_during: Some(1),
            ..Run::default()
        });
    }
    for ahead in 1..=6 {
        data.planned.push(PlannedRun {
            id: days + ahead,
            date: today + Days::new(ahead),
            distance_m: 6000.0,
            duration_secs: 2100,
            ..PlannedRun::default()
        });
    }
    data.next_id = days + 10;
    data
}

fn bench_app(c: &mut Criterion, name: &str, ctx: &egui::Context, app: &mut KneeMapApp) {
    // Warm-up frames: fonts, text layout caches and texture uploads happen once, not per frame.
    for _ in 0..3 {
        let output = ctx.run_ui(laptop_input(), |ui| app.main_ui(ui));
        output.drop_without_applying_deltas();
    }
    c.bench_function(name, |b| {
        b.iter(|| {
            let mut output = ctx.run_ui(laptop_input(), |ui| app.main_ui(ui));
            ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
            output.drop_without_applying_deltas();
        });
    });
}

fn bench_frames(c: &mut Criterion) {
    let content = match Content::embedded() {
        Ok(content) => content,
        Err(errors) => panic!("shipped content is broken:\n{errors}"),
    };

    for (name, view, location) in [
        ("kneemap_front_patellofemoral", ViewKind::Front, "kneecap"),
        ("kneemap_side_it_band", ViewKind::Side, "outer_knee_itb"),
    ] {
        let ctx = egui::Context::default();
        let state = main_screen_state(&content, view, location);
        let mut app = KneeMapApp::from_parts(&ctx, Ok(content.clone()), state);
        bench_app(c, name, &ctx, &mut app);
    }

    let planner_data = year_of_planner_data(&content);
    for (name, view) in [
        ("kneemap_planner_week", PlannerView::Week),
        ("kneemap_history_year", PlannerView::History),
    ] {
        let ctx = egui::Context::default();
        let mut data = main_screen_state(&content, ViewKind::Front, "kneecap");
        data.navigation.tab = Tab::Planner;
        data.planner = planner_data.clone();
        // The board shows the week's runs too: a year of daily runs behind it.
        data.running = running_history(365);
        let mut app = KneeMapApp::from_parts(&ctx, Ok(content.clone()), data);
        app.panels_mut().planner.view = view;
        bench_app(c, name, &ctx, &mut app);
    }

    // The Running tab with a month of runs and with ten years (3,650 runs): the frame should barely grow.
    for (name, days) in [
        ("kneemap_running_month", 30),
        ("kneemap_running_10_years", 3650),
    ] {
        let ctx = egui::Context::default();
        let mut data = main_screen_state(&content, ViewKind::Front, "kneecap");
        data.navigation.tab = Tab::Running;
        data.running = running_history(days);
        let mut app = KneeMapApp::from_parts(&ctx, Ok(content.clone()), data);
        bench_app(c, name, &ctx, &mut app);
        // The sections below the fold (the run list, shoes, cadence...) are stepped over, not laid out.
        let counts = kneemap::ui::culled_scroll::last_counts(&ctx, "running_tab");
        assert!(
            counts.is_some_and(|counts| counts.skipped > 0),
            "{name}: the Running tab laid out every section: {counts:?}"
        );
    }

    // With a screen reader connected every block of the condition panel is laid out, and egui builds the
    // accessibility tree each frame.
    let ctx = egui::Context::default();
    ctx.enable_accesskit();
    let state = main_screen_state(&content, ViewKind::Front, "kneecap");
    let mut app = KneeMapApp::from_parts(&ctx, Ok(content.clone()), state);
    bench_app(c, "kneemap_front_screen_reader", &ctx, &mut app);

    for (name, screen_reader) in [
        ("egui_demo_windows", false),
        ("egui_demo_windows_screen_reader", true),
    ] {
        let ctx = egui::Context::default();
        if screen_reader {
            ctx.enable_accesskit();
        }
        let mut demo_windows = egui_demo_lib::DemoWindows::default();
        for _ in 0..3 {
            let output = ctx.run_ui(laptop_input(), |ui| demo_windows.ui(ui));
            output.drop_without_applying_deltas();
        }
        c.bench_function(name, |b| {
            b.iter(|| {
                let mut output = ctx.run_ui(laptop_input(), |ui| demo_windows.ui(ui));
                ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
                output.drop_without_applying_deltas();
            });
        });
    }
}

// ---- Pain diary (issue 16): the Patterns and Log pain sections with a month and with ten years of diary. ----

/// Three entries a day for `days` days up to now: a spot on each knee, an area, and now and then the whole knee,
/// scores moving with the day; the evening entry linked to that morning's run with where the pain started.
fn diary_history(days: u64, runs: &RunningData) -> kneemap::diary::Diary {
    use kneemap::content::{PainContext, PainQuality};
    use kneemap::diary::{Diary, DiaryEntry, MarkPlace, Onset, PainMark};
    use kneemap::map::diagram::Knee;

    let today = chrono::Local::now().date_naive();
    let mut entries = Vec::new();
    for day in 0..days {
        let date = today - Days::new(days - day);
        let score = u8::try_from(day % 7).unwrap_or(0) + 1;
        for (slot, hour) in [8_u32, 13, 19].into_iter().enumerate() {
            let offset = f32::from(u8::try_from(day % 5).unwrap_or(0)) * 0.01;
            let mut marks = vec![
                PainMark {
                    knee: Knee::Right,
                    place: MarkPlace::Spot {
                        view: ViewKind::Front,
                        at_right_knee: (0.30 + offset, 0.44),
                        location: Some("outer_knee_itb".to_owned()),
                    },
                    intensity: score,
                    quality: PainQuality::Sharp,
                },
                PainMark {
                    knee: Knee::Left,
                    place: MarkPlace::Spot {
                        view: ViewKind::Side,
                        at_right_knee: (0.52, 0.40 + offset),
                        location: None,
                    },
                    intensity: score / 2,
                    quality: PainQuality::Ache,
                },
                PainMark {
                    knee: Knee::Left,
                    place: MarkPlace::Region {
                        location: "kneecap".to_owned(),
                    },
                    intensity: 2,
                    quality: PainQuality::Stiff,
                },
            ];
            if day % 3 == 0 {
                marks.push(PainMark {
                    knee: Knee::Right,
                    place: MarkPlace::Diffuse,
                    intensity: 1,
                    quality: PainQuality::Ache,
                });
            }
            let linked = slot == 2;
            entries.push(DiaryEntry {
                id: day * 3 + u64::try_from(slot).unwrap_or(0),
                at_utc: date.and_hms_opt(hour, 0, 0).unwrap_or_default().and_utc(),
                marks,
                contexts: [if linked {
                    PainContext::AfterRun
                } else {
                    PainContext::Stairs
                }]
                .into_iter()
                .collect(),
                run_id: linked
                    .then(|| {
                        runs.runs
                            .get(usize::try_from(day).unwrap_or(0))
                            .map(|r| r.id)
                    })
                    .flatten(),
                onset: linked.then_some(Onset::AtKm(4.5)),
                ..DiaryEntry::default()
            });
        }
    }
    let mut diary = Diary {
        entries,
        next_id: 0,
    };
    diary.repair();
    diary
}

/// The Pain diary tab with a month and with ten years (3 entries a day, 3,650 days, marks on both knees, a run
/// every day): the ten-year frame should stay within 1.1× of the month's.
fn bench_diary(c: &mut Criterion) {
    use kneemap::ui::diary::DiarySection;

    let content = match Content::embedded() {
        Ok(content) => content,
        Err(errors) => panic!("shipped content is broken:\n{errors}"),
    };
    for (section_name, section) in [
        ("patterns", DiarySection::Patterns),
        ("log_pain", DiarySection::Entry),
    ] {
        for (length_name, days) in [("month", 30), ("10_years", 3650)] {
            let ctx = egui::Context::default();
            let mut data = main_screen_state(&content, ViewKind::Front, "kneecap");
            data.navigation.tab = Tab::Diary;
            data.running = running_history(days);
            data.diary = diary_history(days, &data.running);
            let mut app = KneeMapApp::from_parts(&ctx, Ok(content.clone()), data);
            app.panels_mut().diary.section = section;
            bench_app(
                c,
                &format!("kneemap_diary_{section_name}_{length_name}"),
                &ctx,
                &mut app,
            );
        }
    }
}

// ---- end of the pain diary block ----

criterion_group!(benches, bench_frames, bench_diary);
criterion_main!(benches);
