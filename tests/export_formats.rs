//! Calendar, CSV, JSON and PDF exports, each read back with an independent reader where one exists.

#![expect(
    clippy::unwrap_used,
    reason = "test helpers outside #[test] fns: a panic here is the failure report"
)]

use std::io::BufReader;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use kneemap::content::Content;
use kneemap::export::ics::session_uid;
use kneemap::export::{
    Paper, PrintRange, ReportInput, SESSION_LOG_COLUMNS, SessionTime, SessionTimes, all_data_json,
    physio_report, plan_to_ics, session_logs_csv, sessions_pdf,
};
use kneemap::planner::{
    Action, Adjustment, ExerciseLog, GenerateOptions, Plan, PlannedExercise, PlannerData,
    SessionLog, generate_programme,
};

fn content() -> Content {
    Content::embedded().unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn stamp(secs: i64) -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp(secs, 0).unwrap()
}

fn generated(content: &Content, weeks: Option<u8>) -> Plan {
    let mut options = GenerateOptions::new("patellofemoral_pain", date(2026, 1, 7));
    options.weeks = weeks;
    let mut plan = generate_programme(content, &options).unwrap();
    plan.id = 9;
    plan
}

fn sessions(plan: &Plan) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (w, week) in plan.weeks.iter().enumerate() {
        for (d, day) in week.days.iter().enumerate() {
            if !day.is_empty() {
                out.push((w, d));
            }
        }
    }
    out
}

/// RFC 5545 text unescaping, for comparing read-back values.
fn unescape(value: &str) -> String {
    value
        .replace("\\n", "\n")
        .replace("\\N", "\n")
        .replace("\\,", ",")
        .replace("\\;", ";")
        .replace("\\\\", "\\")
}

fn prop<'a>(
    event: &'a ical::parser::ical::component::IcalEvent,
    name: &str,
) -> &'a ical::property::Property {
    event
        .properties
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no {name}"))
}

#[test]
fn ics_lines_are_crlf_and_folded_at_75_octets() {
    let content = content();
    let plan = generated(&content, Some(12));
    let text = plan_to_ics(
        &plan,
        &content,
        &SessionTimes::all_day(),
        stamp(1_767_000_000),
    );
    assert!(text.ends_with("\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'), "bare LF");
    assert!(!text.replace("\r\n", "").contains('\r'), "bare CR");
    let mut folded = 0;
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        if line.starts_with(' ') {
            folded += 1;
        }
    }
    assert!(folded > 0, "descriptions are long enough to need folding");
}

#[test]
fn ics_reads_back_with_one_event_per_session() {
    let content = content();
    let plan = generated(&content, None);
    let seven = NaiveTime::from_hms_opt(7, 15, 0).unwrap();
    let mut times = SessionTimes::all_day();
    times.by_weekday[0] = SessionTime::At(seven);
    let dtstamp = stamp(1_767_000_000);
    let text = plan_to_ics(&plan, &content, &times, dtstamp);

    let calendars: Vec<_> = ical::IcalParser::new(BufReader::new(text.as_bytes()))
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(calendars.len(), 1);
    let events = &calendars[0].events;
    let expected = sessions(&plan);
    assert_eq!(events.len(), expected.len());
    for (event, (w, d)) in events.iter().zip(&expected) {
        assert_eq!(
            prop(event, "UID").value.as_deref(),
            Some(session_uid(9, *w, *d).as_str())
        );
        assert_eq!(
            prop(event, "DTSTAMP").value.as_deref(),
            Some("20251229T092000Z")
        );
        let day_date = plan.date_of(*w, *d).unwrap();
        let start = prop(event, "DTSTART");
        if *d == 0 {
            let expected_start = format!("{}T071500", day_date.format("%Y%m%d"));
            assert_eq!(
                start.value.as_deref(),
                Some(expected_start.as_str()),
                "floating local time"
            );
        } else {
            assert_eq!(
                start.value.as_deref(),
                Some(day_date.format("%Y%m%d").to_string().as_str())
            );
            let params = start.params.as_ref().expect("VALUE=DATE");
            assert!(
                params
                    .iter()
                    .any(|(k, v)| k == "VALUE" && v == &["DATE".to_owned()])
            );
            let end = prop(event, "DTEND").value.clone().unwrap();
            assert_eq!(
                end,
                day_date.succ_opt().unwrap().format("%Y%m%d").to_string()
            );
        }
        let description = unescape(prop(event, "DESCRIPTION").value.as_deref().unwrap());
        for planned in &plan.day(*w, *d).unwrap().exercises {
            let name = &content.exercise(&planned.exercise_id).unwrap().name;
            assert!(
                description.contains(name.as_str()),
                "{name} missing from {description}"
            );
            assert!(
                description.contains(&planned.dose_summary()),
                "{description}"
            );
        }
    }
}

#[test]
fn ics_re_export_keeps_uids_and_raises_the_sequence() {
    let content = content();
    let mut plan = generated(&content, None);
    let first = plan_to_ics(
        &plan,
        &content,
        &SessionTimes::all_day(),
        stamp(1_767_000_000),
    );
    plan.weeks[0].days[0].exercises.pop();
    let second = plan_to_ics(
        &plan,
        &content,
        &SessionTimes::all_day(),
        stamp(1_767_086_400),
    );
    let read = |text: &str| {
        let calendar = ical::IcalParser::new(BufReader::new(text.as_bytes()))
            .next()
            .unwrap()
            .unwrap();
        calendar
            .events
            .iter()
            .map(|e| {
                (
                    prop(e, "UID").value.clone().unwrap(),
                    prop(e, "SEQUENCE")
                        .value
                        .clone()
                        .unwrap()
                        .parse::<u32>()
                        .unwrap(),
                )
            })
            .collect::<Vec<_>>()
    };
    let (a, b) = (read(&first), read(&second));
    assert_eq!(
        a.iter().map(|e| &e.0).collect::<Vec<_>>(),
        b.iter().map(|e| &e.0).collect::<Vec<_>>()
    );
    assert!(a.iter().zip(&b).all(|(x, y)| y.1 == x.1 + 24 * 60));
}

fn logs() -> Vec<SessionLog> {
    let mut first = SessionLog::new(1, date(2026, 1, 5), 0, 0);
    first.plan_id = 9;
    first.pain_during = 2;
    first.next_morning_pain = Some(1);
    first.effort = 6;
    first.notes = "Knee fine, \"tight\" hip, stairs ok\nsecond line".into();
    first.entries = vec![
        ExerciseLog {
            exercise_id: "squat".into(),
            sets_done: 3,
            reps_done: Some(12),
            hold_secs_done: None,
            load_kg: Some(12.5),
        },
        ExerciseLog {
            exercise_id: "wall_sit".into(),
            sets_done: 4,
            reps_done: None,
            hold_secs_done: Some(30),
            load_kg: None,
        },
    ];
    let mut empty = SessionLog::new(2, date(2026, 1, 7), 0, 2);
    empty.plan_id = 9;
    empty.pain_during = 4;
    empty.notes = "=HYPERLINK(\"x\")".into();
    let mut later = SessionLog::new(3, date(2026, 1, 12), 1, 0);
    later.plan_id = 9;
    later.pain_during = 1;
    later.entries = vec![ExerciseLog {
        exercise_id: "retired_exercise".into(),
        sets_done: 2,
        reps_done: Some(8),
        hold_secs_done: None,
        load_kg: None,
    }];
    // Out of order on purpose: the export sorts by date.
    vec![later, first, empty]
}

#[test]
fn csv_has_the_documented_columns_and_one_row_per_exercise() {
    let content = content();
    let text = session_logs_csv(&logs(), &content);
    assert!(text.contains("\r\n"));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, SESSION_LOG_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().unwrap();
    assert_eq!(rows.len(), 2 + 1 + 1);
    let col = |name: &str| SESSION_LOG_COLUMNS.iter().position(|c| *c == name).unwrap();
    assert_eq!(&rows[0][col("exercise")], "Squat");
    assert_eq!(&rows[0][col("load_kg")], "12.5");
    assert_eq!(&rows[0][col("date")], "2026-01-05");
    assert_eq!(&rows[0][col("weekday")], "Monday");
    assert_eq!(
        &rows[0][col("notes")],
        "Knee fine, \"tight\" hip, stairs ok\nsecond line"
    );
    assert_eq!(&rows[1][col("hold_secs_done")], "30");
    assert_eq!(&rows[1][col("reps_done")], "");
    assert_eq!(&rows[1][col("next_morning_pain")], "1");
    // A session without entries keeps a row for its pain.
    assert_eq!(&rows[2][col("session_id")], "2");
    assert_eq!(&rows[2][col("exercise_id")], "");
    assert_eq!(&rows[2][col("pain_during")], "4");
    assert_eq!(&rows[2][col("notes")], "'=HYPERLINK(\"x\")");
    assert_eq!(&rows[3][col("exercise")], "retired_exercise");
    assert_eq!(&rows[3][col("week")], "2");
}

#[test]
fn json_holds_all_data() {
    let content = content();
    let mut data = PlannerData::new();
    data.plan = Some(generated(&content, None));
    data.logs = logs();
    let text = all_data_json(&data).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["data"]["logs"].as_array().unwrap().len(), 3);
    assert_eq!(value["data"]["plan"]["id"], 9);
    let back: PlannerData = serde_json::from_value(value["data"].clone()).unwrap();
    assert_eq!(back, data);
}

/// Page objects in a PDF (`/Type /Page`, not `/Pages`), and the page tree's `/Count`.
fn page_counts(pdf: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(pdf);
    let pages = text.matches("/Type /Page").count() - text.matches("/Type /Pages").count();
    let count = text
        .split("/Count ")
        .nth(1)
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    (pages, count)
}

fn assert_pdf(pdf: &[u8]) -> usize {
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    assert!(pdf.trim_ascii_end().ends_with(b"%%EOF"));
    let (pages, count) = page_counts(pdf);
    assert_eq!(pages, count);
    pages
}

/// A plan whose sessions each hold five exercises: too long for two to share a page, short enough for one page.
fn five_exercise_plan(content: &Content, weeks: usize) -> Plan {
    let mut plan = Plan::new("Print test", date(2026, 1, 5), weeks);
    plan.id = 3;
    let ids = ["squat", "plank", "clamshell", "step_down", "calf_raise"];
    for week in 0..weeks {
        for day in [0, 3] {
            for id in ids {
                let exercise = content.exercise(id).unwrap();
                plan.add_exercise(
                    week,
                    day,
                    PlannedExercise::from_default_dose(exercise, "test".into()),
                );
            }
        }
    }
    plan
}

#[test]
fn sessions_pdf_prints_a_page_per_long_session_on_a4_and_letter() {
    let content = content();
    let plan = five_exercise_plan(&content, 3);
    for paper in [Paper::A4, Paper::Letter] {
        let week = sessions_pdf(&plan, &content, PrintRange::Week(1), paper).unwrap();
        assert_eq!(assert_pdf(&week), 2, "{paper:?}");
        let whole = sessions_pdf(&plan, &content, PrintRange::WholePlan, paper).unwrap();
        assert_eq!(assert_pdf(&whole), 6, "{paper:?}");
        let (w, h) = paper.size_pt();
        let media_box = format!("/MediaBox [0 0 {w} {h}]");
        assert!(
            String::from_utf8_lossy(&whole).contains(&media_box),
            "{media_box}"
        );
    }
}

#[test]
fn sessions_pdf_refuses_weeks_outside_the_plan_and_empty_weeks() {
    let content = content();
    let plan = five_exercise_plan(&content, 2);
    assert!(sessions_pdf(&plan, &content, PrintRange::Week(2), Paper::A4).is_err());
    let empty = Plan::new("Empty", date(2026, 1, 5), 2);
    let error = sessions_pdf(&empty, &content, PrintRange::WholePlan, Paper::A4).unwrap_err();
    assert!(error.to_string().contains("no planned sessions"), "{error}");
}

#[test]
fn sessions_pdf_embeds_each_drawing_once() {
    let content = content();
    let plan = five_exercise_plan(&content, 4);
    let pdf = sessions_pdf(&plan, &content, PrintRange::WholePlan, Paper::A4).unwrap();
    let text = String::from_utf8_lossy(&pdf);
    // Five drawings, each an image plus its alpha mask.
    assert_eq!(text.matches("/Subtype /Image").count(), 10);
}

#[test]
fn physio_report_is_a_pdf_with_every_section() {
    let content = content();
    let plan = generated(&content, None);
    let adjustments = vec![Adjustment {
        date: date(2026, 1, 12),
        exercise_id: "squat".into(),
        action: Action::Advance,
        reason: "Pain stayed at 2/10 or less".into(),
        from: "3 × 12".into(),
        to: "3 × 13".into(),
    }];
    let flag = content.red_flags[0].id.clone();
    let ticked = vec![(flag, stamp(1_768_000_000))];
    let logs = logs();
    // A month of runs, so the running section (weekly load, warnings, recent runs) is drawn too.
    let mut running = kneemap::running::RunningData::default();
    for day in 0..30_u32 {
        running.runs.push(kneemap::running::Run {
            id: u64::from(day) + 1,
            start_utc: stamp(1_766_300_000 + i64::from(day) * 86_400),
            distance_m: 5000.0 + f64::from(day) * 200.0,
            elapsed_secs: 1800,
            pain_during: Some(2),
            ..kneemap::running::Run::default()
        });
    }
    for paper in [Paper::A4, Paper::Letter] {
        let input = ReportInput {
            plan: &plan,
            content: &content,
            logs: &logs,
            adjustments: &adjustments,
            red_flags_ticked: &ticked,
            today: date(2026, 1, 20),
            paper,
            running: Some(&running),
            diary: None,
        };
        let pdf = physio_report(&input).unwrap();
        assert!(assert_pdf(&pdf) >= 1);
    }
    // With nothing logged it still works.
    let input = ReportInput {
        plan: &plan,
        content: &content,
        logs: &[],
        adjustments: &[],
        red_flags_ticked: &[],
        today: date(2025, 12, 1),
        paper: Paper::A4,
        running: None,
        diary: None,
    };
    assert_eq!(assert_pdf(&physio_report(&input).unwrap()), 1);
}
