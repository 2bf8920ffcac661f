//! Printable sessions: for each planned day, its exercises with drawing, dose, key cues and a box per set to tick,
//! then places to write pain during, next-morning pain, effort and notes.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::doc::{ACCENT, BLACK, Doc, GREY, LIGHT_GREY, Style};
use super::{Paper, PrintRange};
use crate::content::Content;
use crate::export::ExportError;
use crate::planner::{DayPlan, Plan, PlannedExercise, day_name, estimate_session_minutes};

const PICTURE_W: f32 = 96.0;
const PICTURE_H: f32 = 66.0;
const GUTTER: f32 = 12.0;
const TICK_BOX: f32 = 10.0;
/// Cues printed per exercise (the most important come first in the content).
const CUES_SHOWN: usize = 2;

const TITLE: Style = Style::new(15.0).bold().color(ACCENT);
const SUBTITLE: Style = Style::new(9.0).color(GREY);
const NAME: Style = Style::new(11.5).bold();
const DOSE: Style = Style::new(9.5);
const CUE: Style = Style::new(8.5).color(GREY);
const LABEL: Style = Style::new(9.0);

const HEADER_H: f32 = 40.0;
const FOOTER_H: f32 = 74.0;

/// The chosen sessions as a PDF: sessions follow one another and a session never starts on a page it does not fit.
///
/// # Errors
/// [`ExportError::WeekOutOfRange`] for a week the plan does not have, [`ExportError::NothingToPrint`] when the
/// chosen weeks have no sessions, [`ExportError::Font`] / [`ExportError::Image`] if a built-in font or drawing
/// cannot be read.
pub fn sessions_pdf(
    plan: &Plan,
    content: &Content,
    range: PrintRange,
    paper: Paper,
) -> Result<Vec<u8>, ExportError> {
    let weeks = match range {
        PrintRange::Week(week) if week >= plan.weeks.len() => {
            return Err(ExportError::WeekOutOfRange {
                week: week + 1,
                weeks: plan.weeks.len(),
            });
        }
        PrintRange::Week(week) => week..week + 1,
        PrintRange::WholePlan => 0..plan.weeks.len(),
    };
    let mut doc = Doc::new(paper)?;
    let mut printed = 0usize;
    for week_index in weeks {
        for day_index in 0..7 {
            let Some(day) = plan.day(week_index, day_index).filter(|d| !d.is_empty()) else {
                continue;
            };
            let date = plan.date_of(week_index, day_index);
            session(&mut doc, plan, content, (week_index, day_index), date, day)?;
            printed += 1;
        }
    }
    if printed == 0 {
        return Err(ExportError::NothingToPrint);
    }
    let title = format!("{}: sessions", plan.name);
    Ok(doc.finish(&title, &format!("KneeMap · {}", plan.name)))
}

/// The text column of an exercise, wrapped.
struct Block {
    name: Vec<String>,
    dose: Vec<String>,
    cues: Vec<String>,
    height: f32,
}

fn layout_block(doc: &mut Doc, planned: &PlannedExercise, content: &Content, width: f32) -> Block {
    let exercise = content.exercise(&planned.exercise_id);
    let name = exercise.map_or(planned.exercise_id.as_str(), |e| e.name.as_str());
    let mut dose = planned.dose_summary();
    if planned.rest_secs > 0 {
        let _ = write!(dose, " · rest {} s", planned.rest_secs);
    }
    if let Some(t) = planned.tempo {
        let _ = write!(
            dose,
            " · tempo {}-{}-{} (down-pause-up)",
            t.lower_secs, t.pause_secs, t.lift_secs
        );
    }
    let name = doc.wrap(name, NAME.size_pt, width);
    let dose = doc.wrap(&dose, DOSE.size_pt, width);
    let mut cues = Vec::new();
    for cue in exercise.iter().flat_map(|e| e.cues.iter()).take(CUES_SHOWN) {
        let wrapped = doc.wrap(cue, CUE.size_pt, width - 8.0);
        for (i, line) in wrapped.into_iter().enumerate() {
            cues.push(if i == 0 {
                format!("• {line}")
            } else {
                format!("  {line}")
            });
        }
    }
    // Line counts of a few dozen: exact in f32.
    let text_h = NAME.leading() * name.len() as f32
        + DOSE.leading() * dose.len() as f32
        + CUE.leading() * cues.len() as f32
        + 4.0
        + TICK_BOX
        + 4.0;
    Block {
        name,
        dose,
        cues,
        height: text_h.max(PICTURE_H) + GUTTER,
    }
}

fn session(
    doc: &mut Doc,
    plan: &Plan,
    content: &Content,
    (week_index, day_index): (usize, usize),
    date: Option<NaiveDate>,
    day: &DayPlan,
) -> Result<(), ExportError> {
    let left = doc.margin();
    let text_x = left + PICTURE_W + GUTTER;
    let text_w = doc.text_width() - PICTURE_W - GUTTER;
    let blocks: Vec<Block> = day
        .exercises
        .iter()
        .map(|p| layout_block(doc, p, content, text_w))
        .collect();
    let total: f32 = HEADER_H + blocks.iter().map(|b| b.height).sum::<f32>() + FOOTER_H;
    let first = blocks.first().map_or(0.0, |b| b.height);
    if doc.y > doc.margin() + 0.5 {
        // Keep a session on one page when it fits on a page at all; else at least keep its start together.
        let page_room = doc.bottom() - doc.margin();
        if total <= page_room {
            doc.ensure_space(total);
        } else {
            doc.ensure_space(HEADER_H + first);
        }
        if doc.y > doc.margin() + 0.5 {
            doc.y += 8.0;
        }
    }

    // Header.
    let date_text = date.map_or_else(String::new, |d| format!(" {}", d.format("%-d %B %Y")));
    let title = format!(
        "Week {} · {}{date_text}",
        week_index + 1,
        day_name(day_index)
    );
    doc.text(left, doc.y + TITLE.size_pt, TITLE, &title);
    let minutes = format!("about {} min", estimate_session_minutes(day));
    let minutes_w = doc.measure(&minutes, LABEL.size_pt);
    let right = left + doc.text_width();
    doc.text(right - minutes_w, doc.y + TITLE.size_pt, LABEL, &minutes);
    let subtitle = doc.fit(&plan.name, SUBTITLE.size_pt, doc.text_width());
    doc.text(left, doc.y + TITLE.size_pt + 13.0, SUBTITLE, &subtitle);
    let rule_y = doc.y + HEADER_H - 8.0;
    doc.line((left, rule_y), (right, rule_y), 0.8, ACCENT, 0.0);
    doc.y += HEADER_H;

    for (planned, block) in day.exercises.iter().zip(&blocks) {
        doc.ensure_space(block.height);
        let top = doc.y;
        let has_picture =
            doc.exercise_picture(&planned.exercise_id, left, top, PICTURE_W, PICTURE_H)?;
        if has_picture {
            doc.stroke_rect(left, top, PICTURE_W, PICTURE_H, 0.4, LIGHT_GREY);
        }
        let mut y = top;
        y += doc.lines_at(text_x, y, NAME, &block.name);
        y += doc.lines_at(text_x, y, DOSE, &block.dose);
        y += doc.lines_at(text_x, y, CUE, &block.cues);
        y += 4.0;
        // A box per set (per side when done on each side) to tick.
        let label = if planned.per_side {
            "Sets (L / R)"
        } else {
            "Sets"
        };
        doc.text(text_x, y + TICK_BOX - 1.5, LABEL, label);
        let mut x = text_x + doc.measure(label, LABEL.size_pt) + 8.0;
        for _ in 0..planned.sets {
            doc.stroke_rect(x, y, TICK_BOX, TICK_BOX, 0.7, BLACK);
            x += TICK_BOX + 3.0;
            if planned.per_side {
                doc.stroke_rect(x, y, TICK_BOX, TICK_BOX, 0.7, BLACK);
                x += TICK_BOX + 7.0;
            } else {
                x += 4.0;
            }
        }
        let done_label = if planned.load_kg.is_some() {
            "reps / kg done:"
        } else {
            "done:"
        };
        let x = x + 10.0;
        doc.text(x, y + TICK_BOX - 1.5, LABEL.color(GREY), done_label);
        let line_x = x + doc.measure(done_label, LABEL.size_pt) + 4.0;
        let line_end = (line_x + 90.0).min(right);
        doc.line(
            (line_x, y + TICK_BOX),
            (line_end, y + TICK_BOX),
            0.5,
            GREY,
            0.0,
        );
        doc.y = top + block.height;
    }

    // Scores and notes.
    doc.ensure_space(FOOTER_H);
    let top = doc.y + 4.0;
    let mut x = left;
    for label in ["Pain during (0–10)", "Next morning (0–10)", "Effort (0–10)"] {
        doc.text(x, top + 12.0, LABEL, label);
        x += doc.measure(label, LABEL.size_pt) + 5.0;
        doc.stroke_rect(x, top, 26.0, 16.0, 0.8, BLACK);
        x += 26.0 + 18.0;
    }
    doc.text(left, top + 36.0, LABEL, "Notes");
    let notes_x = left + doc.measure("Notes", LABEL.size_pt) + 6.0;
    doc.line((notes_x, top + 37.0), (right, top + 37.0), 0.5, GREY, 0.0);
    doc.line((left, top + 56.0), (right, top + 56.0), 0.5, GREY, 0.0);
    doc.y = top + FOOTER_H - 4.0;
    Ok(())
}
