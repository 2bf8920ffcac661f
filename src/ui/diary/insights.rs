//! The pain diary's Patterns view: for a chosen period, which places keep coming back on each knee, the trend
//! with its meaningful-change reading, where in a run pain starts, and pain beside weekly distance. Computed from
//! the diary once per change (keyed on the drawn revision), never per frame.

use egui::{RichText, Ui};

use crate::command::AppCommand;
use crate::content::Content;
use crate::diary::insights::{self, HeatMap, Period, TrendFilter, TrendReading};
use crate::map::diagram::Knee;
use crate::ui::widgets;

/// What the Patterns view reads.
pub struct PatternsView<'a> {
    pub data: &'a crate::document::UserData,
    pub today: chrono::NaiveDate,
    pub now_utc: chrono::DateTime<chrono::Utc>,
    pub drawn_revision: u64,
    pub textures: &'a crate::ui::diagram::DiagramTextures,
}

/// The figures drawn, computed once per change.
#[derive(Debug, Clone)]
struct Computed {
    key: (u64, Period, chrono::NaiveDate, TrendFilter),
    heat: HeatMap,
    trend: Vec<insights::DayPain>,
    reading: Option<TrendReading>,
    onset: Option<insights::OnsetSummary>,
}

/// The view's own state: the period, the trend's place and knee, and the cached figures.
#[derive(Debug, Default)]
pub struct PatternsUi {
    pub period: Period,
    pub filter: TrendFilter,
    computed: Option<Computed>,
}

/// Draws the Patterns view; returns the commands given.
pub fn patterns_ui(
    ui: &mut Ui,
    content: &Content,
    view: &PatternsView<'_>,
    state: &mut PatternsUi,
) -> Vec<AppCommand> {
    let key = (
        view.drawn_revision,
        state.period,
        view.today,
        state.filter.clone(),
    );
    if state.computed.as_ref().is_none_or(|c| c.key != key) {
        let heat = HeatMap::build(&view.data.diary, state.period, view.today);
        let trend =
            insights::daily_trend(&view.data.diary, &state.filter, heat.first_day, view.today);
        let reading =
            insights::read_trend(&trend, content.guidance.pain_diary.meaningful_change_points);
        let onset =
            insights::onset_summary(&view.data.diary, &view.data.running.runs, 5, view.now_utc);
        state.computed = Some(Computed {
            key,
            heat,
            trend,
            reading,
            onset,
        });
    }
    let Some(computed) = &state.computed else {
        return Vec::new();
    };
    ui.horizontal_wrapped(|ui| {
        for period in Period::ALL {
            ui.selectable_value(&mut state.period, period, period.label());
        }
    });
    egui::ScrollArea::vertical()
        .id_salt("diary_patterns")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            widgets::section_title(ui, "Places that keep coming back");
            let heat = &computed.heat;
            ui.label(format!(
                "{} entries on {} days, {} to {}.",
                heat.entries,
                heat.days_with_entries,
                heat.first_day.format("%d %b"),
                heat.last_day.format("%d %b %Y")
            ));
            egui::Grid::new("left_right").striped(true).show(ui, |ui| {
                ui.label(RichText::new("Place").strong());
                ui.label(RichText::new(Knee::Left.label()).strong());
                ui.label(RichText::new(Knee::Right.label()).strong());
                ui.end_row();
                for (place, left, right) in heat.comparison() {
                    ui.label(place.label(content));
                    for side in [left, right] {
                        if side.marks == 0 {
                            ui.label("—");
                        } else {
                            ui.label(format!(
                                "{} days, mean {:.1}, worst {}",
                                side.days,
                                side.mean_intensity(),
                                side.max_intensity
                            ));
                        }
                    }
                    ui.end_row();
                }
            });
            widgets::section_title(ui, "Trend");
            let band = content.guidance.pain_diary.meaningful_change_points;
            match &computed.reading {
                Some(reading) => {
                    ui.label(reading.sentence(band));
                }
                None => {
                    ui.label(format!(
                        "{} diary days in this period: the trend needs at least 4.",
                        computed.trend.len()
                    ));
                }
            }
            widgets::claim_ui(ui, content, &content.guidance.pain_diary.meaningful_change);
            if let Some(onset) = &computed.onset {
                widgets::section_title(ui, "Where in a run it starts");
                ui.label(onset.sentence(view.data.running.settings.units));
            }
        });
    Vec::new()
}
