//! The report for the physio: the plan and where the user is in it, adherence per week, the pain chart (during
//! and next morning), the pain diary (see [`super::diary`]), each dose change with its reason, red flags ticked
//! and when, and notes.

use chrono::{DateTime, NaiveDate, Utc};

use super::Paper;
use super::doc::{ACCENT, BLACK, Doc, GREY, LIGHT_GREY, Rgb, Style, WARM};
use crate::content::Content;
use crate::export::ExportError;
use crate::planner::{Adjustment, PainThresholds, Plan, SessionLog, adherence_per_week, day_name};

/// Everything the report shows, borrowed from the app's data.
#[derive(Debug, Clone, Copy)]
pub struct ReportInput<'a> {
    pub plan: &'a Plan,
    pub content: &'a Content,
    /// All session logs; only those of `plan` (by `plan_id`) are reported.
    pub logs: &'a [SessionLog],
    /// Dose changes made by the progression rules, with their reasons.
    pub adjustments: &'a [Adjustment],
    /// Ticked red flags: flag id and when it was ticked.
    pub red_flags_ticked: &'a [(String, DateTime<Utc>)],
    /// The report's date (where the user is in the plan).
    pub today: NaiveDate,
    pub paper: Paper,
    /// Runs and cross-training, when the runner logs them: the last 12 weeks' load and recent runs with pain.
    pub running: Option<&'a crate::running::RunningData>,
    /// The pain diary: places marked per knee, the trend and onset for the report's period, pain beside distance.
    pub diary: Option<&'a crate::diary::Diary>,
}

const H1: Style = Style::new(18.0).bold().color(ACCENT);
const H2: Style = Style::new(12.5).bold().color(ACCENT);
const BODY: Style = Style::new(9.5);
const SMALL: Style = Style::new(8.0).color(GREY);
const PAIN_COLOR: Rgb = WARM;
const MORNING_COLOR: Rgb = ACCENT;

/// The report as a PDF.
///
/// # Errors
/// [`ExportError::Font`] or [`ExportError::Image`] if a built-in font or drawing cannot be read (a build fault).
pub fn physio_report(input: &ReportInput<'_>) -> Result<Vec<u8>, ExportError> {
    let mut doc = Doc::new(input.paper)?;
    let plan = input.plan;
    let logs: Vec<&SessionLog> = {
        let mut own: Vec<&SessionLog> =
            input.logs.iter().filter(|l| l.plan_id == plan.id).collect();
        own.sort_by_key(|l| (l.date, l.id));
        own
    };
    let x = doc.margin();
    let w = doc.text_width();

    doc.paragraph(x, w, H1, "Knee exercise report for your physiotherapist");
    doc.paragraph(
        x,
        w,
        SMALL,
        &format!(
            "Written by KneeMap on {}. Self-reported training and pain records, for discussion with a clinician; \
             not a diagnosis.",
            input.today.format("%-d %B %Y")
        ),
    );

    section(&mut doc, "Plan");
    doc.paragraph(x, w, BODY, &plan_summary(input));
    doc.paragraph(
        x,
        w,
        BODY,
        // The pain limits live on the plan only: the report cannot show other limits than the plan's.
        &format!("Pain rule in use: {}", plan.pain_thresholds.describe()),
    );

    section(&mut doc, "Adherence");
    adherence(&mut doc, input);

    section(&mut doc, "Pain");
    pain_chart(&mut doc, &logs, &plan.pain_thresholds);

    if let Some(diary) = input.diary {
        section(&mut doc, "Pain diary");
        super::diary::diary_section(
            &mut doc,
            &super::diary::DiaryInput {
                diary,
                content: input.content,
                running: input.running,
                from: plan.first_monday(),
                today: input.today,
            },
        );
    }

    section(&mut doc, "Dose changes");
    if input.adjustments.is_empty() {
        doc.paragraph(x, w, BODY, "No dose changes yet.");
    }
    for a in input.adjustments {
        let name = input
            .content
            .exercise(&a.exercise_id)
            .map_or(a.exercise_id.as_str(), |e| e.name.as_str());
        let line = format!(
            "{}  {name}: {} ({} → {}). {}",
            a.date.format("%-d %b %Y"),
            a.action.label(),
            a.from,
            a.to,
            a.reason
        );
        doc.paragraph(x, w, BODY, &line);
        doc.y += 2.0;
    }

    section(&mut doc, "Red flags ticked");
    if input.red_flags_ticked.is_empty() {
        doc.paragraph(x, w, BODY, "None ticked.");
    }
    for (flag_id, when) in input.red_flags_ticked {
        let line = match input.content.red_flag(flag_id) {
            Some(flag) => format!(
                "{}: \"{}\" (advice: {}, {})",
                when.format("%-d %b %Y %H:%M UTC"),
                flag.text,
                flag.urgency.label(),
                flag.who
            ),
            None => format!("{}: {flag_id}", when.format("%-d %b %Y %H:%M UTC")),
        };
        doc.paragraph(x, w, BODY.color(Rgb(0.7, 0.1, 0.1)), &line);
    }

    if let Some(running) = input.running.filter(|r| !r.runs.is_empty()) {
        section(&mut doc, "Running and cross-training");
        running_section(&mut doc, running, input.today);
    }

    section(&mut doc, "Session notes");
    let noted: Vec<&&SessionLog> = logs.iter().filter(|l| !l.notes.trim().is_empty()).collect();
    if noted.is_empty() {
        doc.paragraph(x, w, BODY, "No notes written.");
    }
    for log in noted {
        let line = format!(
            "{} (week {}, {}), pain {}/10: {}",
            log.date.format("%-d %b %Y"),
            log.week_index + 1,
            day_name(log.day_index),
            log.pain_during,
            log.notes.trim()
        );
        doc.paragraph(x, w, BODY, &line);
        doc.y += 2.0;
    }
    if !plan.notes.is_empty() {
        section(&mut doc, "Plan notes");
        for note in &plan.notes {
            doc.paragraph(x, w, BODY, &format!("• {note}"));
        }
    }
    let title = format!("{}: report", plan.name);
    Ok(doc.finish(&title, &format!("KneeMap report · {}", plan.name)))
}

fn section(doc: &mut Doc, title: &str) {
    doc.ensure_space(60.0);
    doc.y += 10.0;
    let (x, w) = (doc.margin(), doc.text_width());
    doc.paragraph(x, w, H2, title);
    doc.line((x, doc.y), (x + w, doc.y), 0.5, LIGHT_GREY, 0.0);
    doc.y += 5.0;
}

fn plan_summary(input: &ReportInput<'_>) -> String {
    let plan = input.plan;
    let mut parts = vec![format!("\"{}\"", plan.name)];
    if let Some(condition) = plan
        .condition_id
        .as_deref()
        .and_then(|id| input.content.condition(id))
    {
        parts.push(format!(
            "for {} ({})",
            condition.lay_name, condition.clinical_name
        ));
    }
    let weeks = plan.weeks.len();
    parts.push(format!(
        "{weeks} weeks from {}",
        plan.first_monday().format("%-d %B %Y")
    ));
    let position = match plan.week_index_for(input.today) {
        Some(week) => format!("Now in week {} of {weeks}.", week + 1),
        None if input.today < plan.first_monday() => "Not started yet.".to_owned(),
        None => "Finished.".to_owned(),
    };
    let sessions = if plan.intended_sessions_per_week > 0 {
        format!(
            " Aiming for {} sessions a week.",
            plan.intended_sessions_per_week
        )
    } else {
        String::new()
    };
    format!("{}. {position}{sessions}", parts.join(", "))
}

/// Weeks up to the report date (or every week once the plan is over), as a bar per week plus a total.
fn adherence(doc: &mut Doc, input: &ReportInput<'_>) {
    let plan = input.plan;
    let (x, w) = (doc.margin(), doc.text_width());
    let last_week = match plan.week_index_for(input.today) {
        Some(week) => week + 1,
        None if input.today < plan.first_monday() => 0,
        None => plan.weeks.len(),
    };
    let rows: Vec<(usize, u32, u32)> = adherence_per_week(plan, input.logs)
        .into_iter()
        .take(last_week)
        .collect();
    if rows.is_empty() {
        doc.paragraph(x, w, BODY, "The plan has not started yet.");
        return;
    }
    let planned: u32 = rows.iter().map(|r| r.1).sum();
    let done: u32 = rows.iter().map(|r| r.2).sum();
    let percent = (done * 100 + planned / 2).checked_div(planned).unwrap_or(0);
    doc.paragraph(
        x,
        w,
        BODY,
        &format!(
            "{done} of {planned} planned sessions done so far ({percent}%). Each bar is one week: \
             the filled part is sessions done, the outline sessions planned."
        ),
    );
    let chart_h = 50.0;
    doc.ensure_space(chart_h + 24.0);
    let top = doc.y + 4.0;
    let max_planned = rows.iter().map(|r| r.1).max().unwrap_or(1).max(1);
    // Week counts (at most MAX_PLAN_WEEKS) and session counts per week are small: exact in f32.
    let slot = (w / rows.len() as f32).min(28.0);
    let bar_w = slot * 0.7;
    let label_every = if rows.len() > 26 { 4 } else { 1 };
    for (i, (week, week_planned, week_done)) in rows.iter().enumerate() {
        let (bx, planned_h, done_h) = (
            x + slot * i as f32,
            chart_h * *week_planned as f32 / max_planned as f32,
            chart_h * *week_done as f32 / max_planned as f32,
        );
        if planned_h > 0.0 {
            doc.stroke_rect(bx, top + chart_h - planned_h, bar_w, planned_h, 0.6, GREY);
        }
        if done_h > 0.0 {
            doc.fill_rect(bx, top + chart_h - done_h, bar_w, done_h, ACCENT);
        }
        if i % label_every == 0 {
            doc.text(bx, top + chart_h + 10.0, SMALL, &format!("{}", week + 1));
        }
    }
    doc.line((x, top + chart_h), (x + w, top + chart_h), 0.5, BLACK, 0.0);
    doc.y = top + chart_h + 18.0;
}

/// Pain during each session and the next morning, 0–10 against the date, with the pain limit drawn in.
fn pain_chart(doc: &mut Doc, logs: &[&SessionLog], thresholds: &PainThresholds) {
    let (x, w) = (doc.margin(), doc.text_width());
    let (Some(first), Some(last)) = (logs.first(), logs.last()) else {
        doc.paragraph(x, w, BODY, "No sessions logged yet.");
        return;
    };
    let chart_h = 150.0;
    doc.ensure_space(chart_h + 50.0);
    let axis_w = 22.0;
    let top = doc.y + 6.0;
    let left = x + axis_w;
    let width = w - axis_w - 6.0;
    let span_days = (last.date - first.date).num_days().max(1);
    let point = |date: NaiveDate, pain: f32| -> (f32, f32) {
        // Day spans of a plan's logs (a few years at most) are exact in f32.
        let days = (date - first.date).num_days() as f32;
        (
            left + width * days / span_days as f32,
            top + chart_h - chart_h * pain / 10.0,
        )
    };
    for score in (0u8..=10).step_by(2) {
        let (_, y) = point(first.date, f32::from(score));
        doc.line((left, y), (left + width, y), 0.3, LIGHT_GREY, 0.0);
        doc.text(x, y + 3.0, SMALL, &score.to_string());
    }
    let (_, limit_y) = point(first.date, f32::from(thresholds.max_during));
    doc.line((left, limit_y), (left + width, limit_y), 0.8, GREY, 3.0);
    doc.text(
        left + 4.0,
        limit_y - 3.0,
        SMALL,
        &format!("your limit {}/10", thresholds.max_during),
    );
    let during: Vec<(f32, f32)> = logs
        .iter()
        .map(|l| point(l.date, f32::from(l.pain_during)))
        .collect();
    let morning: Vec<(f32, f32)> = logs
        .iter()
        .filter_map(|l| l.next_morning_pain.map(|p| point(l.date, f32::from(p))))
        .collect();
    doc.polyline(&during, 1.4, PAIN_COLOR, 0.0);
    doc.polyline(&morning, 1.4, MORNING_COLOR, 2.5);
    for (px, py) in &during {
        doc.fill_rect(px - 1.8, py - 1.8, 3.6, 3.6, PAIN_COLOR);
    }
    for (px, py) in &morning {
        doc.stroke_rect(px - 1.8, py - 1.8, 3.6, 3.6, 0.8, MORNING_COLOR);
    }
    doc.line((left, top), (left, top + chart_h), 0.6, BLACK, 0.0);
    doc.line(
        (left, top + chart_h),
        (left + width, top + chart_h),
        0.6,
        BLACK,
        0.0,
    );
    let date_y = top + chart_h + 11.0;
    doc.text(
        left,
        date_y,
        SMALL,
        &first.date.format("%-d %b %Y").to_string(),
    );
    let end_label = last.date.format("%-d %b %Y").to_string();
    let end_w = doc.measure(&end_label, SMALL.size_pt);
    doc.text(left + width - end_w, date_y, SMALL, &end_label);
    // Legend.
    let legend_y = date_y + 14.0;
    doc.line(
        (left, legend_y - 3.0),
        (left + 18.0, legend_y - 3.0),
        1.4,
        PAIN_COLOR,
        0.0,
    );
    doc.text(left + 22.0, legend_y, BODY, "during the session");
    let second = left + 22.0 + doc.measure("during the session", BODY.size_pt) + 18.0;
    doc.line(
        (second, legend_y - 3.0),
        (second + 18.0, legend_y - 3.0),
        1.4,
        MORNING_COLOR,
        2.5,
    );
    doc.text(second + 22.0, legend_y, BODY, "next morning");
    doc.y = legend_y + 8.0;
    let worst = logs.iter().map(|l| l.pain_during).max().unwrap_or(0);
    let over = logs
        .iter()
        .filter(|l| l.pain_during > thresholds.max_during)
        .count();
    doc.paragraph(
        x,
        w,
        BODY,
        &format!(
            "{} sessions logged; worst pain during a session {worst}/10; {over} above the limit.",
            logs.len()
        ),
    );
}

/// Weekly distance for the last 12 weeks, the load warnings in force, and the last four weeks' runs with pain.
fn running_section(doc: &mut Doc, running: &crate::running::RunningData, today: NaiveDate) {
    use crate::running::load::{load_warnings, weekly_totals};
    let (x, w) = (doc.margin(), doc.text_width());
    let units = running.settings.units;
    let unit = units.short_label();
    let last_monday = today;
    let first_monday = today - chrono::Days::new(7 * 11);
    for week in weekly_totals(running, first_monday, last_monday, today) {
        let line = format!(
            "Week of {}: {:.1} {unit} running, {:.1} {unit} cross-training",
            week.monday.format("%-d %b"),
            units.from_metres(week.run_m),
            units.from_metres(week.cross_m)
        );
        doc.paragraph(x, w, BODY, &line);
    }
    let warnings = load_warnings(running, today);
    if !warnings.is_empty() {
        doc.y += 4.0;
        doc.paragraph(
            x,
            w,
            BODY.bold(),
            "Load warnings (information, not a verdict)",
        );
        for warning in warnings {
            doc.paragraph(x, w, BODY.color(Rgb(0.6, 0.3, 0.0)), &warning.detail);
        }
    }
    doc.y += 4.0;
    doc.paragraph(x, w, BODY.bold(), "Runs in the last four weeks");
    let since = today - chrono::Days::new(28);
    let mut recent: Vec<&crate::running::Run> =
        running.runs.iter().filter(|r| r.date() >= since).collect();
    recent.sort_by_key(|r| r.start_utc);
    if recent.is_empty() {
        doc.paragraph(x, w, BODY, "None logged.");
    }
    for run in recent {
        let pain = |label: &str, value: Option<u8>| {
            value
                .map(|p| format!(", {label} {p}/10"))
                .unwrap_or_default()
        };
        let line = format!(
            "{}: {} {:.1} {unit} in {} min{}{}",
            run.date().format("%a %-d %b"),
            run.sport.label(),
            units.from_metres(run.distance_m),
            run.elapsed_secs / 60,
            pain("pain during", run.pain_during),
            pain("next morning", run.pain_next_morning)
        );
        doc.paragraph(x, w, BODY, &line);
    }
}
