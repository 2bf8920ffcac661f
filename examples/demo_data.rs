//! Writes a demonstration data folder: a generated runner's-knee programme that started three weeks ago, its
//! sessions logged with pain scores, a few runs and a planned long run, the map with a spot chosen, and four weeks
//! of pain diary (outer-knee IT band pain that starts at about 8 km of the weekly long run and eases over three
//! weeks, with next-morning and stairs entries and a mild left kneecap ache after sitting). For
//! screenshots and for trying the app without typing a month of data:
//!
//! ```sh
//! cargo run --example demo_data -- /tmp/kneemap-demo
//! cargo run --release -- --data-dir /tmp/kneemap-demo
//! ```

use std::process::ExitCode;

use chrono::{Datelike, Days, Local, TimeZone, Utc};
use kneemap::content::Content;
use kneemap::document::UserData;
use kneemap::map::state::Command;
use kneemap::planner::{
    Applied, ExerciseLog, GenerateOptions, PlannerCommand, SessionLog, next_log_id,
};
use kneemap::running::{RunDraft, RunningCommand, RunningContext, Sport};
use kneemap::store::Store;
use kneemap::triage::Safety;

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: demo_data DIR");
        return ExitCode::FAILURE;
    };
    let content = match Content::embedded() {
        Ok(content) => content,
        Err(errors) => {
            eprintln!("{errors}");
            return ExitCode::FAILURE;
        }
    };
    let today = Local::now().date_naive();
    let monday = today - Days::new(u64::from(today.weekday().num_days_from_monday()));
    let start = monday - Days::new(21);
    let mut data = UserData {
        eframe_state_imported: true,
        ..UserData::default()
    };
    let now = Utc::now();
    for command in [
        Command::AcknowledgeDisclaimer,
        Command::SelectLocation("kneecap".to_owned()),
    ] {
        let _ = data.map.apply(&content, command, None);
    }
    let _ = data.triage.apply(
        &content,
        kneemap::triage::TriageCommand::SetAgeBand(Some(kneemap::content::AgeBand::Age40To59)),
        now,
    );
    data.navigation.tab = kneemap::navigation::Tab::Planner;
    let options = GenerateOptions::new("patellofemoral_pain", start);
    if data
        .planner
        .apply(&content, PlannerCommand::Generate(options), Safety::CLEAR)
        != Applied::Changed
    {
        eprintln!("could not generate the demonstration plan");
        return ExitCode::FAILURE;
    }
    let Some(plan) = data.planner.plan.clone() else {
        return ExitCode::FAILURE;
    };
    // Every planned session before today, logged with low, settling pain.
    for (week, week_plan) in plan.weeks.iter().enumerate() {
        for (day, day_plan) in week_plan.days.iter().enumerate() {
            let Some(date) = plan.date_of(week, day).filter(|d| *d < today) else {
                continue;
            };
            if day_plan.is_empty() {
                continue;
            }
            let mut log = SessionLog::new(next_log_id(&data.planner.logs), date, week, day);
            log.entries = day_plan
                .exercises
                .iter()
                .map(ExerciseLog::from_planned)
                .collect();
            log.pain_before = Some(2);
            log.pain_during = u8::try_from(3 - week.min(2)).unwrap_or(1);
            log.next_morning_pain = Some(1);
            log.effort = 6;
            let _ = data
                .planner
                .apply(&content, PlannerCommand::LogSession(log), Safety::CLEAR);
        }
    }
    let context = RunningContext {
        today,
        red_flag_ticked: false,
        red_flag_since: None,
        thresholds: kneemap::pain::PainThresholds::default(),
    };
    let mut commands = Vec::new();
    for (days_ago, km, minutes) in [
        (20_u64, 4.0, 26_u32),
        (16, 5.0, 31),
        (12, 5.0, 30),
        (9, 6.0, 37),
        (5, 6.5, 40),
        (2, 7.0, 43),
    ] {
        let date = today - Days::new(days_ago);
        let start_utc = Utc.from_utc_datetime(&date.and_hms_opt(7, 30, 0).unwrap_or_default());
        commands.push(RunningCommand::AddRun(RunDraft {
            start_utc,
            sport: Sport::Run,
            distance_m: km * 1000.0,
            elapsed_secs: minutes * 60,
            cadence_spm: Some(164.0),
            pain_during: Some(2),
            pain_next_morning: Some(1),
            surface: None,
            shoe_id: None,
            notes: String::new(),
        }));
    }
    // The weekly long run of the diary's story: IT band pain from about 8 km, easing week by week.
    for (days_ago, km, minutes, pain) in LONG_RUNS {
        let date = today - Days::new(days_ago);
        let start_utc = Utc.from_utc_datetime(&date.and_hms_opt(8, 0, 0).unwrap_or_default());
        commands.push(RunningCommand::AddRun(RunDraft {
            start_utc,
            sport: Sport::Run,
            distance_m: km * 1000.0,
            elapsed_secs: minutes * 60,
            cadence_spm: Some(162.0),
            pain_during: Some(pain),
            pain_next_morning: Some(pain.saturating_sub(2)),
            surface: None,
            shoe_id: None,
            notes: String::new(),
        }));
    }
    for (days_ahead, km, minutes) in [(1_u64, 5.0, 32_u32), (3, 8.0, 52)] {
        commands.push(RunningCommand::PlanRun {
            date: today + Days::new(days_ahead),
            distance_m: km * 1000.0,
            duration_secs: minutes * 60,
        });
    }
    commands.push(RunningCommand::AddShoe {
        name: "Daily trainer".to_owned(),
        start_date: today - Days::new(200),
        initial_distance_m: 540_000.0,
    });
    for command in commands {
        let _ = data.running.apply(command, &context);
    }
    data.diary = demo_diary(&data.running.runs, today);
    match Store::in_dir(&dir).save(&data) {
        Ok(()) => {
            println!("demonstration data written to {dir}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

/// The weekly long runs: days ago, km, minutes, pain during (0–10).
const LONG_RUNS: [(u64, f64, u32, u8); 4] = [
    (25, 10.0, 62, 6),
    (18, 10.0, 63, 5),
    (11, 9.0, 56, 3),
    (4, 9.0, 55, 2),
];

/// Four weeks of diary: each long run with an entry saying where the outer-knee pain started, the next morning,
/// stairs now and then, and a mild left kneecap ache after long sitting.
fn demo_diary(runs: &[kneemap::running::Run], today: chrono::NaiveDate) -> kneemap::diary::Diary {
    use kneemap::content::{PainContext, PainQuality, ViewKind};
    use kneemap::diary::{Diary, DiaryEntry, MarkPlace, Onset, PainMark, from_local_time};
    use kneemap::map::diagram::Knee;

    let itb_spot = |view: ViewKind, nudge: f32, intensity: u8, quality: PainQuality| PainMark {
        knee: Knee::Right,
        place: MarkPlace::Spot {
            view,
            at_right_knee: match view {
                ViewKind::Front => (0.30 + nudge, 0.44 - nudge),
                ViewKind::Side => (0.50 + nudge, 0.43 + nudge),
            },
            location: Some("outer_knee_itb".to_owned()),
        },
        intensity,
        quality,
    };
    let itb_area = |intensity: u8| PainMark {
        knee: Knee::Right,
        place: MarkPlace::Region {
            location: "outer_knee_itb".to_owned(),
        },
        intensity,
        quality: PainQuality::Ache,
    };
    let mut entries: Vec<DiaryEntry> = Vec::new();
    let mut add = |days_ago: u64, hour: u32, marks: Vec<PainMark>, contexts: &[PainContext]| {
        let date = today - Days::new(days_ago);
        let id = u64::try_from(entries.len()).unwrap_or(0);
        entries.push(DiaryEntry {
            id,
            at_utc: from_local_time(date.and_hms_opt(hour, 10, 0).unwrap_or_default()),
            marks,
            contexts: contexts.iter().copied().collect(),
            ..DiaryEntry::default()
        });
        entries.len() - 1
    };
    let mut linked: Vec<(usize, u64, f64)> = Vec::new();
    for (week, (days_ago, _, _, pain)) in LONG_RUNS.iter().enumerate() {
        // Where it started: 7.5 to 8.5 km.
        let onset_km = [8.0, 7.5, 8.5, 8.0][week];
        let nudge = [0.0, 0.01, -0.01, 0.02][week];
        let during = add(
            *days_ago,
            9,
            vec![
                itb_spot(ViewKind::Front, nudge, *pain, PainQuality::Sharp),
                itb_spot(
                    ViewKind::Side,
                    nudge,
                    pain.saturating_sub(1),
                    PainQuality::Burning,
                ),
            ],
            &[PainContext::DuringRun],
        );
        linked.push((during, *days_ago, onset_km));
        // The morning after: two points lower, and nothing to log once that reaches 0.
        if *pain > 2 {
            add(
                days_ago - 1,
                7,
                vec![itb_area(pain - 2)],
                &[PainContext::NextMorning],
            );
        }
        if week < 3 {
            add(
                days_ago - 2,
                18,
                vec![itb_area(pain.saturating_sub(3).max(1))],
                &[PainContext::Stairs],
            );
        }
    }
    for (days_ago, intensity) in [(21_u64, 2_u8), (13, 1), (6, 1)] {
        add(
            days_ago,
            16,
            vec![PainMark {
                knee: Knee::Left,
                place: MarkPlace::Region {
                    location: "kneecap".to_owned(),
                },
                intensity,
                quality: PainQuality::Stiff,
            }],
            &[PainContext::AfterLongSitting],
        );
    }
    // The short runs: a niggle after the first ones, nothing since.
    for (days_ago, intensity) in [(20_u64, 2_u8), (16, 2), (12, 1)] {
        add(
            days_ago,
            10,
            vec![itb_area(intensity)],
            &[PainContext::AfterRun],
        );
    }
    for (index, days_ago, onset_km) in linked {
        let date = today - Days::new(days_ago);
        let run = runs.iter().find(|run| {
            run.distance_m >= 9000.0
                && kneemap::diary::local_time(run.start_utc).date_naive() == date
        });
        if let (Some(entry), Some(run)) = (entries.get_mut(index), run) {
            entry.run_id = Some(run.id);
            entry.onset = Some(Onset::AtKm(onset_km));
        }
    }
    let mut diary = Diary {
        entries,
        next_id: 0,
    };
    diary.repair();
    diary
}
