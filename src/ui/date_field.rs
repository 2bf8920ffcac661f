//! A typed date with a calendar picker beside it, and a typed time of day: the one date and time input of every
//! form (runs, the plan start, shoes, the pain diary). Typing still works; the picker writes the same text.

use chrono::{Datelike as _, NaiveDate, NaiveTime};
use egui::{RichText, Ui};

use crate::ui::theme;

/// How dates are typed and shown in the fields.
pub const DATE_FORMAT: &str = "%Y-%m-%d";
/// How times of day are typed and shown in the fields.
pub const TIME_FORMAT: &str = "%H:%M";

/// The date typed in `text`, if it is one (`YYYY-MM-DD`, spaces around ignored).
#[must_use]
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), DATE_FORMAT).ok()
}

/// The time of day typed in `text`, if it is one (`HH:MM`, 24-hour, spaces around ignored).
#[must_use]
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text.trim(), TIME_FORMAT).ok()
}

/// `date` as the fields type it.
#[must_use]
pub fn format_date(date: NaiveDate) -> String {
    date.format(DATE_FORMAT).to_string()
}

/// The message shown beside a field holding something that is not a date.
#[must_use]
pub fn date_error(text: &str) -> String {
    format!("Date '{}' is not YYYY-MM-DD.", text.trim())
}

/// The message shown beside a field holding something that is not a time of day.
#[must_use]
pub fn time_error(text: &str) -> String {
    format!("Time '{}' is not HH:MM.", text.trim())
}

fn to_jiff(date: NaiveDate) -> Option<jiff::civil::Date> {
    let year = i16::try_from(date.year()).ok()?;
    let month = i8::try_from(date.month()).ok()?;
    let day = i8::try_from(date.day()).ok()?;
    jiff::civil::Date::new(year, month, day).ok()
}

fn from_jiff(date: jiff::civil::Date) -> Option<NaiveDate> {
    let month = u32::try_from(date.month()).ok()?;
    let day = u32::try_from(date.day()).ok()?;
    NaiveDate::from_ymd_opt(i32::from(date.year()), month, day)
}

/// Names a widget for screen readers (and for tests that find it by label) without a visible label of its own.
fn set_accessible_label(ui: &Ui, id: egui::Id, label: String) {
    ui.ctx()
        .accesskit_node_builder(id, |node| node.set_label(label));
}

/// A small error line under a field, once the field is left holding text that cannot be read.
fn error_under(ui: &mut Ui, message: String) {
    ui.label(
        RichText::new(message)
            .small()
            .color(theme::colors(ui).error_text),
    );
}

/// Runs `add` in a column (room for an error line under a field) when `column`, else in the current layout.
fn in_column_if<R>(ui: &mut Ui, column: bool, add: impl FnOnce(&mut Ui) -> R) -> R {
    if column {
        ui.vertical(add).inner
    } else {
        add(ui)
    }
}

/// The label of the calendar button beside the date field named `label`.
#[must_use]
pub fn picker_label(label: &str) -> String {
    format!("{label}: pick on a calendar")
}

/// A `YYYY-MM-DD` text field named `label` for screen readers (e.g. "Run date"), with a calendar button named
/// "{label}: pick on a calendar" beside it. Picking writes the date into `text`; typing keeps working. Returns
/// the date `text` holds, or `None` while it holds none (then a short error shows under it once the field is left). The
/// calendar opens on that date, or on `fallback` (today) while the text is not a date.
///
/// It is one group: put it in a grid cell or a plain row, not at the end of a `horizontal_wrapped` row, which
/// cannot move a group to the next line and lets it overflow (widening everything after it).
pub fn date_field(
    ui: &mut Ui,
    id_salt: &str,
    text: &mut String,
    label: &str,
    fallback: NaiveDate,
) -> Option<NaiveDate> {
    // The error goes under the field, not beside it, so a form's columns keep their width; a field holding a date
    // is one plain row (a vertical group in a grid cell makes its row taller).
    let holds_no_date = parse_date(text).is_none() && !text.trim().is_empty();
    in_column_if(ui, holds_no_date, |ui| {
        let (typed, left) = ui
            .horizontal(|ui| {
                let edit = ui.add(
                    egui::TextEdit::singleline(text)
                        .id_salt((id_salt, "date_text"))
                        .hint_text("YYYY-MM-DD")
                        .desired_width(96.0),
                );
                set_accessible_label(ui, edit.id, label.to_owned());
                let typed = parse_date(text);
                let start = to_jiff(typed.unwrap_or(fallback)).or_else(|| to_jiff(fallback));
                if let Some(mut picked) = start {
                    let picker = ui.add(
                        egui_extras::DatePickerButton::new(&mut picked)
                            .id_salt(id_salt)
                            // A fixed word (no strftime field): the date is in the text field, and the
                            // calendar glyph egui puts after it is not in every font.
                            .format("Pick…")
                            .show_icon(false)
                            // Its year, month and day lists have no accessible names; the arrows and the
                            // month grid do, and the text field is the quicker way to a date years away.
                            .combo_boxes(false)
                            .calendar_week(false)
                            // Red weekends read as warnings in a health app.
                            .highlight_weekends(false),
                    );
                    set_accessible_label(ui, picker.id, picker_label(label));
                    if picker.changed()
                        && let Some(date) = from_jiff(picked)
                    {
                        *text = format_date(date);
                        return (Some(date), false);
                    }
                }
                (typed, !edit.has_focus())
            })
            .inner;
        if typed.is_none() && left && !text.trim().is_empty() {
            error_under(ui, date_error(text));
        }
        typed
    })
}

/// An `HH:MM` (24-hour) text field named `label` for screen readers (e.g. "Run start time"). Returns the time
/// `text` holds, or `None` while it holds none (then a short error shows under it once the field is left).
pub fn time_field(ui: &mut Ui, id_salt: &str, text: &mut String, label: &str) -> Option<NaiveTime> {
    let holds_no_time = parse_time(text).is_none() && !text.trim().is_empty();
    in_column_if(ui, holds_no_time, |ui| {
        let edit = ui.add(
            egui::TextEdit::singleline(text)
                .id_salt((id_salt, "time_text"))
                .hint_text("HH:MM")
                .desired_width(52.0),
        );
        set_accessible_label(ui, edit.id, label.to_owned());
        let typed = parse_time(text);
        if typed.is_none() && !edit.has_focus() && !text.trim().is_empty() {
            error_under(ui, time_error(text));
        }
        typed
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_parse_and_convert_both_ways() {
        let date = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
        assert_eq!(parse_date(" 2024-02-29 "), Some(date));
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("29/02/2024"), None);
        assert_eq!(from_jiff(to_jiff(date).unwrap()), Some(date));
        assert_eq!(format_date(date), "2024-02-29");
        assert_eq!(parse_time("07:05"), NaiveTime::from_hms_opt(7, 5, 0));
        assert_eq!(parse_time("24:00"), None);
        assert!(date_error("03/06/2024").contains("03/06/2024"));
        assert!(time_error("25:00").contains("25:00"));
    }

    #[test]
    fn dates_outside_the_calendars_years_are_not_offered_to_it() {
        let far = NaiveDate::from_ymd_opt(40_000, 1, 1).unwrap();
        assert_eq!(to_jiff(far), None);
    }
}
