//! The log-and-history view: next-morning pain, what changed and why, the pain and volume chart, adherence,
//! logged sessions and the pain limits.

use chrono::{Datelike, NaiveDate};
use egui::{RichText, Ui};

use super::{PlannerContext, PlannerUi, action_color, date_label};
use crate::command::AppCommand;
use crate::content::Content;
use crate::planner::{self, Limits, PlannerCommand, PlannerData};
use crate::ui::{theme, widgets};

/// The history's blocks, top to bottom; each is drawn on its own so the long view lays out only what shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum HistoryBlock {
    NextMorning,
    WhatChanged,
    Chart,
    Adherence,
    LoggedSessions,
    Settings,
}

impl HistoryBlock {
    const ALL: [Self; 6] = [
        Self::NextMorning,
        Self::WhatChanged,
        Self::Chart,
        Self::Adherence,
        Self::LoggedSessions,
        Self::Settings,
    ];

    /// The blocks with something to show today.
    pub(super) fn shown(data: &PlannerData, today: NaiveDate) -> Vec<Self> {
        Self::ALL
            .into_iter()
            .filter(|block| match block {
                Self::NextMorning => awaiting_next_morning(data, today).is_some(),
                Self::Adherence => data.plan.is_some(),
                _ => true,
            })
            .collect()
    }
}

/// The logged session whose next-morning pain is still to be given, once that morning has come.
fn awaiting_next_morning(data: &PlannerData, today: NaiveDate) -> Option<&planner::SessionLog> {
    data.awaiting_next_morning().filter(|l| l.date < today)
}

/// One block of the history view.
pub(super) fn history_block_ui(
    ui: &mut Ui,
    content: &Content,
    data: &PlannerData,
    state: &mut PlannerUi,
    context: &PlannerContext<'_>,
    block: HistoryBlock,
    commands: &mut Vec<AppCommand>,
) {
    match block {
        HistoryBlock::NextMorning => next_morning_ui(ui, data, state, context, commands),
        HistoryBlock::WhatChanged => what_changed_ui(ui, content, data),
        HistoryBlock::Chart => {
            widgets::section_title(ui, "Pain and training volume");
            pain_chart_ui(ui, data);
        }
        HistoryBlock::Adherence => adherence_ui(ui, data),
        HistoryBlock::LoggedSessions => logged_sessions_ui(ui, data),
        HistoryBlock::Settings => {
            pain_limits_ui(ui, content, data, commands);
            get_ready_ui(ui, data, commands);
        }
    }
}

fn next_morning_ui(
    ui: &mut Ui,
    data: &PlannerData,
    state: &mut PlannerUi,
    context: &PlannerContext<'_>,
    commands: &mut Vec<AppCommand>,
) {
    if let Some(waiting) = awaiting_next_morning(data, context.today) {
        egui::Frame::group(ui.style())
            .fill(theme::colors(ui).notice_fill)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(
                    RichText::new(format!(
                        "How is the knee the morning after {}?",
                        date_label(waiting.date)
                    ))
                    .strong(),
                );
                ui.add(
                    egui::Slider::new(&mut state.morning_pain, 0..=Limits::SCALE_MAX)
                        .text("pain this morning (0–10)"),
                )
                .widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Slider,
                        true,
                        "Next-morning pain, 0 to 10",
                    )
                });
                if ui.button("Save next-morning pain").clicked() {
                    commands.push(AppCommand::Planner(PlannerCommand::SetNextMorningPain {
                        log_id: waiting.id,
                        pain: state.morning_pain,
                    }));
                }
            });
    }
}

fn what_changed_ui(ui: &mut Ui, content: &Content, data: &PlannerData) {
    widgets::section_title(ui, "What changed and why");
    if data.adjustments.is_empty() {
        ui.label(
            RichText::new(
                "No changes yet: the plan moves on only when pain stays within your limits.",
            )
            .color(theme::colors(ui).muted_text),
        );
    }
    for adjustment in data.adjustments.iter().rev().take(12) {
        let name = content
            .exercise(&adjustment.exercise_id)
            .map_or(adjustment.exercise_id.as_str(), |e| e.name.as_str());
        ui.label(
            RichText::new(format!(
                "{} · {name}: {} ({} to {}). {}",
                date_label(adjustment.date),
                adjustment.action.label(),
                adjustment.from,
                adjustment.to,
                adjustment.reason
            ))
            .color(action_color(ui, adjustment.action)),
        );
    }
}

fn adherence_ui(ui: &mut Ui, data: &PlannerData) {
    if let Some(plan) = &data.plan {
        widgets::section_title(ui, "Sessions done per week");
        egui::Grid::new("adherence")
            .striped(true)
            .num_columns(3)
            .show(ui, |ui| {
                ui.label(RichText::new("Week").strong());
                ui.label(RichText::new("Planned").strong());
                ui.label(RichText::new("Done").strong());
                ui.end_row();
                for (week, planned, done) in planner::adherence_per_week(plan, &data.logs) {
                    ui.label(format!("{}", week + 1));
                    ui.label(planned.to_string());
                    ui.label(done.to_string());
                    ui.end_row();
                }
            });
    }
}

fn logged_sessions_ui(ui: &mut Ui, data: &PlannerData) {
    widgets::section_title(ui, "Logged sessions");
    if data.logs.is_empty() {
        ui.label(RichText::new("Nothing logged yet.").color(theme::colors(ui).muted_text));
    }
    for log in data.logs.iter().rev().take(20) {
        ui.label(format!(
            "{} · pain {}/10 during{} · effort {}/10{}",
            date_label(log.date),
            log.pain_during,
            log.next_morning_pain
                .map(|p| format!(", {p}/10 next morning"))
                .unwrap_or_default(),
            log.effort,
            if log.notes.is_empty() {
                String::new()
            } else {
                format!(" · {}", log.notes)
            }
        ));
    }
}

fn get_ready_ui(ui: &mut Ui, data: &PlannerData, commands: &mut Vec<AppCommand>) {
    let mut get_ready = data.get_ready_secs;
    ui.add(
        egui::DragValue::new(&mut get_ready)
            .range(0..=planner::MAX_GET_READY_SECS)
            .prefix("get-ready countdown ")
            .suffix(" s"),
    )
    .widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::SpinButton,
            true,
            "Get-ready countdown in seconds",
        )
    });
    if get_ready != data.get_ready_secs {
        commands.push(AppCommand::Planner(PlannerCommand::SetGetReadySecs(
            get_ready,
        )));
    }
}

/// Accessible name of the pain-limit control (tests look for it).
const PAIN_LIMIT_LABEL: &str = "Highest pain during exercise for this plan";

/// The plan's pain limits: where they come from (content, with sources), the limit during exercise within the
/// range the pain-monitoring model accepts, and the next-morning and week-to-week checks.
fn pain_limits_ui(
    ui: &mut Ui,
    content: &Content,
    data: &PlannerData,
    commands: &mut Vec<AppCommand>,
) {
    let monitoring = &content.pain_monitoring;
    widgets::section_title(ui, "Pain limits");
    widgets::claims_ui(ui, content, &monitoring.explanation);
    ui.label(RichText::new(data.thresholds().describe()).small());
    let mut thresholds = data.thresholds().clone();
    let mut max_during = thresholds.max_during;
    // The range is the model's: 0 up to the highest limit it accepts during exercise.
    let highest = monitoring.highest_max_during.min(Limits::SCALE_MAX);
    ui.horizontal_wrapped(|ui| {
        ui.add(
            egui::DragValue::new(&mut max_during)
                .range(0..=highest)
                // A limit saved before the model's ceiling existed is reported below, not changed on sight.
                .clamp_existing_to_range(false)
                .prefix("pain during exercise at most ")
                .suffix("/10"),
        )
        .widget_info(|| {
            // The value stays in what a screen reader hears; the range is exposed by the drag value itself.
            let mut info = egui::WidgetInfo::drag_value(true, f64::from(max_during));
            info.label = Some(PAIN_LIMIT_LABEL.to_owned());
            info
        });
        let default_label = format!(
            "Use the cautious default ({}/10)",
            monitoring.default_max_during
        );
        if max_during != monitoring.default_max_during && ui.button(&default_label).clicked() {
            max_during = monitoring.default_max_during;
        }
    });
    if let Err(error) = data
        .thresholds()
        .clone()
        .with_max_during(data.thresholds().max_during, monitoring)
    {
        ui.label(
            RichText::new(format!(
                "Your saved limit is too high: {error}. Choose a lower one."
            ))
            .color(theme::colors(ui).warning_text),
        );
    }
    if max_during != thresholds.max_during {
        // The domain range-checks the choice; a refusal is shown, never silently clamped.
        match thresholds.clone().with_max_during(max_during, monitoring) {
            Ok(updated) => thresholds = updated,
            Err(error) => {
                ui.label(RichText::new(error.to_string()).color(theme::colors(ui).warning_text));
            }
        }
    }
    ui.horizontal_wrapped(|ui| {
        ui.add(
            egui::DragValue::new(&mut thresholds.max_next_morning_rise)
                .range(0..=Limits::SCALE_MAX)
                .prefix("next-morning rise at most "),
        )
        .widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::SpinButton, true, "Allowed next-morning rise")
        });
        ui.checkbox(
            &mut thresholds.allow_weekly_rise,
            "allow pain to creep up week to week",
        );
    });
    if thresholds != *data.thresholds() {
        commands.push(AppCommand::Planner(PlannerCommand::SetThresholds(
            thresholds,
        )));
    }
}

/// Days since the Unix epoch, the chart's x axis.
fn day_number(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce())
}

fn pain_chart_ui(ui: &mut Ui, data: &PlannerData) {
    let pain = planner::pain_series(&data.logs);
    if pain.is_empty() {
        ui.label(
            RichText::new("Log sessions to see pain and volume over time.")
                .color(theme::colors(ui).muted_text),
        );
        return;
    }
    let during: Vec<[f64; 2]> = pain.iter().map(|(d, p, _)| [day_number(*d), *p]).collect();
    let morning: Vec<[f64; 2]> = pain
        .iter()
        .filter_map(|(d, _, m)| m.map(|m| [day_number(*d), m]))
        .collect();
    // Markers as well as lines, so a single session already shows.
    let during_points = during.clone();
    let morning_points = morning.clone();
    let volume = planner::volume_series(&data.logs);
    let max_volume = volume.iter().map(|(_, v)| *v).fold(1.0_f64, f64::max);
    // Volume is drawn on the 0–10 pain scale (10 = the largest session) so both share one chart.
    let volume_scaled: Vec<[f64; 2]> = volume
        .iter()
        .map(|(d, v)| [day_number(*d), v / max_volume * 10.0])
        .collect();
    let limit = f64::from(data.thresholds().max_during);
    let plot = egui_plot::Plot::new("pain_volume_chart")
        .height(200.0)
        .include_y(0.0)
        .include_y(10.0)
        .allow_scroll(false)
        .legend(egui_plot::Legend::default())
        .x_axis_formatter(|mark, _range| {
            #[expect(
                clippy::cast_possible_truncation,
                reason = "Axis marks are day numbers of dates the chart holds, well inside i32."
            )]
            let day = mark.value.round() as i32;
            NaiveDate::from_num_days_from_ce_opt(day)
                .map(|d| d.format("%-d %b").to_string())
                .unwrap_or_default()
        });
    let colors = theme::colors(ui);
    let response = plot.show(ui, |plot_ui| {
        plot_ui.line(
            egui_plot::Line::new("Training volume (relative)", volume_scaled)
                .color(colors.chart_volume),
        );
        plot_ui.line(
            egui_plot::Line::new("Pain during", during)
                .color(colors.warning_text)
                .width(2.0),
        );
        plot_ui.line(
            egui_plot::Line::new("Pain next morning", morning)
                .color(colors.accent)
                .width(2.0),
        );
        plot_ui.hline(egui_plot::HLine::new("Your pain limit", limit).color(colors.good_text));
        plot_ui.points(
            egui_plot::Points::new("Pain during", during_points)
                .color(colors.warning_text)
                .radius(3.5),
        );
        plot_ui.points(
            egui_plot::Points::new("Pain next morning", morning_points)
                .color(colors.accent)
                .radius(3.5),
        );
    });
    response.response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Image,
            true,
            "Chart of pain and training volume over time",
        )
    });
}
