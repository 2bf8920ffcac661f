//! What saving one red-flag tick costs, on a store holding ten years of daily runs (3,650, each imported from a
//! watch file) and a year of a 52-week programme with every session logged.
//!
//! * `save_tick_ui_thread` — the UI thread's share: a tick applied, then `Persistence::save_if_dirty`, exactly as
//!   `logic()` calls it. Before issue 14 that call was the whole synchronous save; now it hands a copy to the writer
//!   thread and returns.
//! * `save_tick_write` — the whole write of one tick, timed synchronously: `Store::save` (a fresh session: looks at
//!   the main file, rotates the backups, writes) and the writer thread's session writer (second tick of a session:
//!   serialise, one fsynced temporary file, one rename, the directory sync).
//! * `save_handover_*` — the two ways the UI thread could hand the snapshot over: a clone of the data, or the RON
//!   text serialised on the UI thread.
//!
//! The store lives under the target folder (a real disk, so fsync costs what it costs there). Run with
//! `cargo bench --bench save`.

use chrono::{Days, NaiveDate, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use kneemap::app::persistence::Persistence;
use kneemap::content::Content;
use kneemap::document::UserData;
use kneemap::map::state::Command;
use kneemap::planner::{Applied, ExerciseLog, GenerateOptions, PlannerCommand, SessionLog};
use kneemap::running::model::RunOrigin;
use kneemap::running::{Run, RunningData};
use kneemap::store::{Envelope, FORMAT_NAME, Store, Versioned};
use kneemap::triage::Safety;
use kneemap::triage::TriageCommand;

/// Ten years of daily runs, each with notes and the file it came from.
fn ten_years_of_runs() -> RunningData {
    let first = NaiveDate::from_ymd_opt(2016, 1, 4).unwrap_or_default();
    let mut data = RunningData::default();
    for day in 0..3650_u64 {
        let date = first + Days::new(day);
        let start_utc = Utc.from_utc_datetime(&date.and_hms_opt(6, 45, 0).unwrap_or_default());
        let km = 5.0 + f64::from(u32::try_from(day % 9).unwrap_or(0));
        data.runs.push(Run {
            id: day + 1,
            start_utc,
            distance_m: km * 1000.0,
            elapsed_secs: u32::try_from(day % 9).unwrap_or(0) * 330 + 1650,
            moving_secs: Some(1600),
            cadence_spm: Some(166.0),
            pain_during: Some(u8::try_from(day % 4).unwrap_or(0)),
            pain_next_morning: Some(1),
            notes: "Easy along the river, knee quiet on the way back.".to_owned(),
            origin: RunOrigin::Imported(format!("activity_{}.fit", 9_000_000 + day)),
            ..Run::default()
        });
    }
    data.next_id = 3651;
    data
}

/// A store's worth of data: the runs, a year of logged strength sessions, a spot chosen.
fn heavy_user(content: &Content) -> UserData {
    let mut data = UserData {
        eframe_state_imported: true,
        ..UserData::default()
    };
    let _ = data
        .map
        .apply(content, Command::AcknowledgeDisclaimer, None);
    let _ = data
        .map
        .apply(content, Command::SelectLocation("kneecap".to_owned()), None);
    let start = NaiveDate::from_ymd_opt(2025, 1, 6).unwrap_or_default();
    let mut options = GenerateOptions::new("patellofemoral_pain", start);
    options.weeks = Some(52);
    let generated = data
        .planner
        .apply(content, PlannerCommand::Generate(options), Safety::CLEAR);
    assert_eq!(generated, Applied::Changed, "the benchmark needs a plan");
    if let Some(plan) = data.planner.plan.clone() {
        for (week, week_plan) in plan.weeks.iter().enumerate() {
            for (day, day_plan) in week_plan.days.iter().enumerate() {
                if day_plan.is_empty() {
                    continue;
                }
                let date = start + Days::new(u64::try_from(week * 7 + day).unwrap_or(0));
                let id = kneemap::planner::next_log_id(&data.planner.logs);
                let mut log = SessionLog::new(id, date, week, day);
                log.entries = day_plan
                    .exercises
                    .iter()
                    .map(ExerciseLog::from_planned)
                    .collect();
                log.pain_during = u8::try_from(week % 4).unwrap_or(0);
                log.effort = 6;
                let _ = data
                    .planner
                    .apply(content, PlannerCommand::LogSession(log), Safety::CLEAR);
            }
        }
    }
    data.running = ten_years_of_runs();
    data
}

/// A tick or an untick of the first red flag, alternating, as a user clicking the checkbox.
fn toggle_red_flag(content: &Content, data: &mut UserData) {
    let flag_id = content.red_flags[0].id.clone();
    let ticked = !data.triage.is_ticked(&flag_id);
    let _ = data.triage.apply(
        content,
        TriageCommand::SetRedFlag { flag_id, ticked },
        Utc::now(),
    );
}

fn bench_save(c: &mut Criterion) {
    let content = match Content::embedded() {
        Ok(content) => content,
        Err(errors) => panic!("shipped content is broken:\n{errors}"),
    };
    let mut data = heavy_user(&content);
    let encoded = |data: &UserData| {
        ron::ser::to_string_pretty(
            &Envelope {
                format: FORMAT_NAME.to_owned(),
                version: UserData::CURRENT_VERSION,
                data,
            },
            ron::ser::PrettyConfig::default(),
        )
        .unwrap_or_default()
    };
    eprintln!(
        "store file: {} bytes, {} runs, {} session logs",
        encoded(&data).len(),
        data.running.runs.len(),
        data.planner.logs.len()
    );
    let root = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap_or_else(|e| {
        panic!("no temporary folder under the target folder: {e}");
    });

    let mut group = c.benchmark_group("save");
    group.sample_size(30);

    group.bench_function("save_handover_clone", |b| {
        b.iter(|| std::hint::black_box(data.clone()));
    });
    group.bench_function("save_handover_serialise", |b| {
        b.iter(|| std::hint::black_box(encoded(&data)));
    });

    // The whole synchronous save, as `kneemap import` and every save before issue 14 did it.
    let store = Store::in_dir(root.path().join("sync"));
    if let Err(e) = store.save(&data) {
        panic!("first save failed: {e}");
    }
    group.bench_function("save_tick_write_store_save", |b| {
        b.iter(|| {
            toggle_red_flag(&content, &mut data);
            if let Err(e) = store.save(&data) {
                panic!("save failed: {e}");
            }
        });
    });
    session_write_bench(&mut group, &content, &mut data, &root);

    // The UI thread's share, through the app's own persistence, exactly as `logic()` calls it.
    let (mut persistence, _) = Persistence::open(Some(Store::in_dir(root.path().join("app"))));
    persistence.mark_dirty();
    persistence.save_if_dirty(&data, false);
    group.bench_function("save_tick_ui_thread", |b| {
        b.iter(|| {
            toggle_red_flag(&content, &mut data);
            persistence.mark_dirty();
            persistence.save_if_dirty(&data, false);
        });
    });
    group.finish();
    drop(persistence);
}

/// The writer thread's work for one tick after the first of a session, timed on this thread.
fn session_write_bench(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    content: &Content,
    data: &mut UserData,
    root: &tempfile::TempDir,
) {
    let mut writer = kneemap::store::SessionWriter::new(Store::in_dir(root.path().join("writer")));
    if let Err(e) = writer.write(data) {
        panic!("first save failed: {e}");
    }
    group.bench_function("save_tick_write_session", |b| {
        b.iter(|| {
            toggle_red_flag(content, data);
            if let Err(e) = writer.write(data) {
                panic!("save failed: {e}");
            }
        });
    });
}

criterion_group!(benches, bench_save);
criterion_main!(benches);
