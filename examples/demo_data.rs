//! Writes a demonstration data folder: a generated runner's-knee programme that started three weeks ago, its
//! sessions logged with pain scores, a few runs and a planned long run, and the map with a spot chosen. For
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
