//! Cost of every export of a 52-week plan with a year of logged sessions: calendar, printable sessions (whole
//! plan), physio report, CSV, JSON, and the plan file out and back in. The target is well under a second each.
//!
//! Run with `cargo bench --bench export`.

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use kneemap::content::Content;
use kneemap::export::{
    Paper, PlanFileMeta, PrintRange, ReportInput, SessionTimes, all_data_json, export_plan,
    parse_plan_file, physio_report, plan_to_ics, session_logs_csv, sessions_pdf,
};
use kneemap::planner::{
    ExerciseLog, GenerateOptions, PainThresholds, Plan, PlannerData, SessionLog, generate_programme,
};

fn year_plan(content: &Content) -> Plan {
    let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or_default();
    let mut options = GenerateOptions::new("patellofemoral_pain", start);
    options.weeks = Some(52);
    let mut plan = generate_programme(content, &options).unwrap_or_default();
    plan.id = 1;
    plan
}

/// A logged session for every planned day of the year.
fn year_logs(plan: &Plan) -> Vec<SessionLog> {
    let mut logs = Vec::new();
    for (w, week) in plan.weeks.iter().enumerate() {
        for (d, day) in week.days.iter().enumerate() {
            if day.is_empty() {
                continue;
            }
            let date = plan
                .first_monday()
                .checked_add_days(Days::new(u64::try_from(w * 7 + d).unwrap_or(0)))
                .unwrap_or_default();
            let mut log = SessionLog::new(u64::try_from(logs.len() + 1).unwrap_or(0), date, w, d);
            log.plan_id = plan.id;
            log.pain_during = u8::try_from(w % 5).unwrap_or(0);
            log.next_morning_pain = Some(u8::try_from(w % 4).unwrap_or(0));
            log.notes = if w % 3 == 0 {
                "Felt fine, slight ache on stairs".into()
            } else {
                String::new()
            };
            log.entries = day
                .exercises
                .iter()
                .map(ExerciseLog::from_planned)
                .collect();
            logs.push(log);
        }
    }
    logs
}

fn bench_exports(c: &mut Criterion) {
    let Ok(content) = Content::embedded() else {
        return;
    };
    let plan = year_plan(&content);
    let logs = year_logs(&plan);
    let dtstamp = DateTime::<Utc>::from_timestamp(1_767_000_000, 0).unwrap_or_default();
    let thresholds = PainThresholds::default();
    let times = SessionTimes::every_day_at(NaiveTime::from_hms_opt(7, 0, 0).unwrap_or_default());

    let mut group = c.benchmark_group("export_52_weeks");
    group.sample_size(10);
    group.bench_function("ics", |b| {
        b.iter(|| plan_to_ics(&plan, &content, &times, dtstamp));
    });
    group.bench_function("sessions_pdf_whole_plan", |b| {
        b.iter(|| sessions_pdf(&plan, &content, PrintRange::WholePlan, Paper::A4));
    });
    group.bench_function("physio_report", |b| {
        b.iter(|| {
            physio_report(&ReportInput {
                plan: &plan,
                content: &content,
                logs: &logs,
                adjustments: &[],
                red_flags_ticked: &[],
                today: plan.first_monday() + Days::new(364),
                paper: Paper::A4,
                running: None,
                diary: None,
            })
        });
    });
    group.bench_function("csv", |b| b.iter(|| session_logs_csv(&logs, &content)));
    let data = PlannerData {
        plan: Some(plan.clone()),
        logs: logs.clone(),
        ..PlannerData::default()
    };
    group.bench_function("json", |b| b.iter(|| all_data_json(&data)));
    let meta = PlanFileMeta {
        author: String::new(),
        written_at: dtstamp,
    };
    group.bench_function("plan_file_export", |b| {
        b.iter(|| export_plan(&plan, Some(&thresholds), &meta));
    });
    let text = export_plan(&plan, Some(&thresholds), &meta).unwrap_or_default();
    group.bench_function("plan_file_import", |b| {
        b.iter(|| parse_plan_file(&text, &content));
    });
    group.finish();
}

criterion_group!(benches, bench_exports);
criterion_main!(benches);
