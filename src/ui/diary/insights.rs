//! The pain diary's Patterns view: for a chosen period, a heat map of both knees on the diagram (front or side
//! view) with the left/right table, the trend of the daily worst score with session and run pain and the
//! meaningful-change band, where in a run pain starts, and pain beside weekly distance. Every figure and every
//! series of the plots is computed from the diary once per change (keyed on the drawn revision, the period, the
//! trend's filter and the day), never per frame.

use egui::emath::RectTransform;
use egui::{Color32, Pos2, Rect, RichText, Sense, Shape, Stroke, Ui, Vec2, pos2};
use egui_plot::{Bar, BarChart, Line, MarkerShape, Plot, PlotPoint, Points, Span};

use crate::command::AppCommand;
use crate::content::{Content, ViewKind};
use crate::diary::insights::{
    self, HeatMap, KneeHeat, LoggedPainSource, Period, PlaceKey, TrendFilter, WeekPain,
};
use crate::map::diagram::{self, Knee};
use crate::map::geometry::NormPos;
use crate::ui::diagram::{fill_mesh, fit_aspect, paint_orientation, paint_picture, screen_polygon};
use crate::ui::{theme, widgets};

/// What the Patterns view reads.
pub struct PatternsView<'a> {
    pub data: &'a crate::document::UserData,
    pub today: chrono::NaiveDate,
    pub now_utc: chrono::DateTime<chrono::Utc>,
    pub drawn_revision: u64,
    pub textures: &'a crate::ui::diagram::DiagramTextures,
}

/// What the figures were computed from.
type Key = (u64, Period, chrono::NaiveDate, TrendFilter);

/// One row of the left/right table, in words.
#[derive(Debug, Clone)]
struct ComparisonRow {
    place: String,
    left: String,
    right: String,
}

/// A place the trend can follow, with its words.
#[derive(Debug, Clone)]
struct PlaceOption {
    place: Option<PlaceKey>,
    label: String,
}

/// The trend plot's series, ready to draw (x: days from the common era, y: 0–10 or scaled distance).
#[derive(Debug, Clone, Default)]
struct TrendSeries {
    diary_worst: Vec<PlotPoint>,
    session_during: Vec<PlotPoint>,
    session_morning: Vec<PlotPoint>,
    run_during: Vec<PlotPoint>,
    run_morning: Vec<PlotPoint>,
    /// Run distance scaled so the longest run of the period is [`DISTANCE_SCALE_TOP`].
    run_bars: Vec<Bar>,
    longest_run_km: f64,
    /// "bars: run distance, tallest 10.0 km".
    distance_legend: String,
    /// The period's starting level and the band around it.
    band: Option<(f64, f64, f64)>,
    first_x: f64,
    last_x: f64,
}

/// The figures drawn, computed once per change.
#[derive(Debug, Clone)]
struct Computed {
    key: Key,
    heat: HeatMap,
    summary: String,
    rows: Vec<ComparisonRow>,
    /// Each knee's figures in words (left, right), for the pictures' accessible labels.
    knee_words: [String; 2],
    places: Vec<PlaceOption>,
    series: TrendSeries,
    trend_days: usize,
    trend_label: String,
    reading: String,
    onset: Option<String>,
    /// Week by week, in words: week of, running, worst, mean daily worst.
    weeks: Vec<[String; 4]>,
    /// Whether any week has a run or a diary entry.
    weeks_with_data: bool,
}

/// The view's own state: the period, the picture view, the trend's place and knee, and the cached figures.
#[derive(Debug, Default)]
pub struct PatternsUi {
    pub period: Period,
    pub view: ViewKind,
    pub filter: TrendFilter,
    computed: Option<Computed>,
}

/// Height of the scaled distance bars' tallest bar on the 0–10 pain axis.
const DISTANCE_SCALE_TOP: f64 = 4.0;
/// Tallest heat-map picture (points).
const MAX_PICTURE_HEIGHT: f32 = 360.0;

fn day_x(date: chrono::NaiveDate) -> f64 {
    use chrono::Datelike as _;
    f64::from(date.num_days_from_ce())
}

/// "3 Dec" for an x value of the trend plot.
fn date_of(x: f64) -> String {
    #[expect(
        clippy::cast_possible_truncation,
        reason = "x values are day numbers of dates the plot holds, well inside i32"
    )]
    let day = x.round() as i32;
    chrono::NaiveDate::from_num_days_from_ce_opt(day)
        .map(|d| d.format("%-d %b").to_string())
        .unwrap_or_default()
}

fn knee_index(knee: Knee) -> usize {
    match knee {
        Knee::Left => 0,
        Knee::Right => 1,
    }
}

/// "outside of the knee on 6 of 9 diary days, mean 3.5, worst 5; ..." for one knee.
fn knee_words(content: &Content, heat: &KneeHeat, days_with_entries: u32) -> String {
    if heat.places.is_empty() {
        return "nothing marked".to_owned();
    }
    let mut places: Vec<(&PlaceKey, &insights::PlaceHeat)> = heat.places.iter().collect();
    places.sort_by_key(|(_, h)| std::cmp::Reverse((h.days, h.max_intensity)));
    places
        .iter()
        .map(|(key, h)| {
            format!(
                "{} on {} of {} diary days, mean {:.1}, worst {}",
                key.label(content),
                h.days,
                days_with_entries,
                h.mean_intensity(),
                h.max_intensity
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn filter_words(content: &Content, filter: &TrendFilter) -> String {
    let place = filter
        .place
        .as_ref()
        .map_or_else(|| "all places".to_owned(), |p| p.label(content));
    let knee = filter
        .knee
        .map_or("both knees", |k| match k {
            Knee::Left => "left knee",
            Knee::Right => "right knee",
        })
        .to_owned();
    format!("{place}, {knee}")
}

fn compute(content: &Content, view: &PatternsView<'_>, key: Key) -> Computed {
    let (_, period, today, filter) = &key;
    let diary = &view.data.diary;
    let heat = HeatMap::build(diary, *period, *today);
    let days = heat.days_with_entries;
    let summary = if heat.entries == 0 {
        format!(
            "No diary entries from {} to {}.",
            heat.first_day.format("%-d %b"),
            heat.last_day.format("%-d %b %Y")
        )
    } else {
        format!(
            "{} {} on {} {}, {} to {}.",
            heat.entries,
            if heat.entries == 1 {
                "entry"
            } else {
                "entries"
            },
            days,
            if days == 1 { "day" } else { "days" },
            heat.first_day.format("%-d %b"),
            heat.last_day.format("%-d %b %Y")
        )
    };
    let side_words = |side: &insights::PlaceHeat| {
        if side.marks == 0 {
            "—".to_owned()
        } else {
            format!(
                "{} of {} {}\nmean {:.1}, worst {}",
                side.days,
                days,
                if days == 1 { "day" } else { "days" },
                side.mean_intensity(),
                side.max_intensity
            )
        }
    };
    let comparison = heat.comparison();
    let rows = comparison
        .iter()
        .map(|(place, left, right)| ComparisonRow {
            place: capitalise(&place.label(content)),
            left: side_words(left),
            right: side_words(right),
        })
        .collect();
    let mut places = vec![PlaceOption {
        place: None,
        label: "All places".to_owned(),
    }];
    places.extend(comparison.iter().map(|(place, _, _)| PlaceOption {
        place: Some(place.clone()),
        label: capitalise(&place.label(content)),
    }));
    if let Some(chosen) = &filter.place
        && !places.iter().any(|o| o.place.as_ref() == Some(chosen))
    {
        places.push(PlaceOption {
            place: Some(chosen.clone()),
            label: capitalise(&chosen.label(content)),
        });
    }
    let knee_words = [
        knee_words(content, &heat.left, days),
        knee_words(content, &heat.right, days),
    ];

    let trend = insights::daily_trend(diary, filter, heat.first_day, *today);
    let band_points = content.guidance.pain_diary.meaningful_change_points;
    let reading = insights::read_trend(&trend, band_points);
    let logged = insights::logged_pain(
        &view.data.planner.logs,
        &view.data.running.runs,
        heat.first_day,
        *today,
    );
    let mut series = TrendSeries {
        diary_worst: trend
            .iter()
            .map(|d| PlotPoint::new(day_x(d.date), f64::from(d.max_intensity)))
            .collect(),
        first_x: day_x(heat.first_day),
        last_x: day_x(*today),
        ..TrendSeries::default()
    };
    let units = view.data.running.settings.units;
    let mut run_km: Vec<(f64, f64)> = Vec::new();
    for point in &logged {
        let x = day_x(point.date);
        let (during, morning) = match point.source {
            LoggedPainSource::StrengthSession => {
                (&mut series.session_during, &mut series.session_morning)
            }
            LoggedPainSource::Run => (&mut series.run_during, &mut series.run_morning),
        };
        if let Some(score) = point.during {
            during.push(PlotPoint::new(x, f64::from(score)));
        }
        if let Some(score) = point.next_morning {
            // Next morning belongs to the day after.
            morning.push(PlotPoint::new(x + 1.0, f64::from(score)));
        }
        if let Some(km) = point.distance_km.filter(|km| km.is_finite() && *km > 0.0) {
            run_km.push((x, km));
        }
    }
    series.longest_run_km = run_km.iter().map(|(_, km)| *km).fold(0.0, f64::max);
    if series.longest_run_km > 0.0 {
        series.distance_legend = format!(
            "bars: run distance, tallest {}",
            units.format(series.longest_run_km * 1000.0)
        );
        series.run_bars = run_km
            .iter()
            .map(|(x, km)| {
                Bar::new(*x, km / series.longest_run_km * DISTANCE_SCALE_TOP)
                    .width(0.8)
                    .name(format!("{} run", units.format(km * 1000.0)))
            })
            .collect();
    }
    if let Some(reading) = &reading {
        let start = f64::from(reading.start_mean);
        let band = f64::from(band_points);
        series.band = Some((start, (start - band).max(0.0), start + band));
    }
    let runs = logged
        .iter()
        .filter(|p| p.source == LoggedPainSource::Run)
        .count();
    let sessions = logged.len() - runs;
    let trend_label = format!(
        "Trend of the daily worst pain score, {}, {}: {} diary days{}; {} runs and {} strength sessions on the same dates.",
        filter_words(content, filter),
        period.label().to_lowercase(),
        trend.len(),
        match (trend.first(), trend.last()) {
            (Some(first), Some(last)) => format!(
                ", {} on {} to {} on {}",
                first.max_intensity,
                first.date.format("%-d %b"),
                last.max_intensity,
                last.date.format("%-d %b")
            ),
            _ => String::new(),
        },
        runs,
        sessions
    );
    let reading = reading.map_or_else(
        || {
            format!(
                "{} diary days for {} in this period: the trend needs at least 4.",
                trend.len(),
                filter_words(content, filter)
            )
        },
        |r| r.sentence(band_points),
    );
    let onset = insights::onset_summary(diary, &view.data.running.runs, 5, view.now_utc)
        .map(|o| o.sentence(view.data.running.settings.units));
    let weeks =
        insights::weekly_pain_vs_distance(diary, &view.data.running.runs, heat.first_day, *today);
    let weeks_with_data = weeks.iter().any(|w| w.runs > 0 || w.diary_max.is_some());
    let weeks = weeks.iter().map(|week| week_row(week, units)).collect();
    Computed {
        weeks_with_data,
        trend_days: trend.len(),
        key,
        heat,
        summary,
        rows,
        knee_words,
        places,
        series,
        trend_label,
        reading,
        onset,
        weeks,
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Draws the Patterns view; returns the commands given.
pub fn patterns_ui(
    ui: &mut Ui,
    content: &Content,
    view: &PatternsView<'_>,
    state: &mut PatternsUi,
) -> Vec<AppCommand> {
    // The controls first, so a period or view picked this frame is drawn this frame.
    ui.horizontal_wrapped(|ui| {
        for period in Period::ALL {
            ui.selectable_value(&mut state.period, period, period.label());
        }
        ui.separator();
        for kind in ViewKind::ALL {
            let response =
                ui.selectable_label(state.view == kind, format!("{} view", kind.label()));
            response.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::Button,
                    true,
                    state.view == kind,
                    format!("Heat map: {} view", kind.label().to_lowercase()),
                )
            });
            if response.clicked() {
                state.view = kind;
            }
        }
    });
    let key = (
        view.drawn_revision,
        state.period,
        view.today,
        state.filter.clone(),
    );
    if state.computed.as_ref().is_none_or(|c| c.key != key) {
        state.computed = Some(compute(content, view, key));
    }
    let Some(computed) = &state.computed else {
        return Vec::new();
    };
    let mut filter = state.filter.clone();
    egui::ScrollArea::vertical()
        .id_salt("diary_patterns")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            heat_section_ui(ui, content, view, state.view, computed, &mut filter);
            trend_section_ui(ui, content, computed, &mut filter);
            if let Some(onset) = &computed.onset {
                widgets::section_title(ui, "Where in a run it starts");
                ui.label(onset);
            }
            weekly_section_ui(ui, computed);
        });
    if filter != state.filter {
        state.filter = filter;
        // Recomputed and drawn on the next frame.
        ui.ctx().request_repaint();
    }
    Vec::new()
}

fn heat_section_ui(
    ui: &mut Ui,
    content: &Content,
    view: &PatternsView<'_>,
    view_kind: ViewKind,
    computed: &Computed,
    filter: &mut TrendFilter,
) {
    widgets::section_title(ui, "Places that keep coming back");
    ui.label(&computed.summary);
    let Some(diagram_view) = content.view(view_kind) else {
        ui.label("This view has no picture in the content.");
        return;
    };
    let gap = ui.spacing().item_spacing.x * 2.0;
    let each_width = ((ui.available_width() - gap) / 2.0).max(80.0);
    let size = fit_aspect(
        egui::vec2(each_width, MAX_PICTURE_HEIGHT),
        diagram_view.aspect_ratio,
    );
    let period = computed.heat.period.label().to_lowercase();
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = gap;
        for knee in Knee::ALL {
            ui.vertical(|ui| {
                ui.set_width(size.x);
                ui.label(RichText::new(format!("{} knee", knee.label())).strong());
                let words = &computed.knee_words[knee_index(knee)];
                let label = || {
                    format!(
                        "{} knee heat map, {period}, {} view: {words}.",
                        knee.label(),
                        view_kind.label().to_lowercase()
                    )
                };
                if let Some(place) = heat_picture_ui(
                    ui,
                    content,
                    view.textures,
                    diagram_view,
                    knee,
                    computed,
                    filter,
                    size,
                    &label,
                ) {
                    filter.place = Some(place);
                    filter.knee = Some(knee);
                }
            });
        }
    });
    legend_ui(ui);
    ui.add_space(4.0);
    // The place column wraps, so the table fits the panel at any width.
    let place_width = (ui.available_width() * 0.4).clamp(110.0, 260.0);
    egui::Grid::new("left_right")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            ui.label(RichText::new("Place").strong());
            ui.label(RichText::new(Knee::Left.label()).strong());
            ui.label(RichText::new(Knee::Right.label()).strong());
            ui.end_row();
            for row in &computed.rows {
                ui.scope(|ui| {
                    ui.set_max_width(place_width);
                    ui.add(egui::Label::new(&row.place).wrap());
                });
                ui.label(&row.left);
                ui.label(&row.right);
                ui.end_row();
            }
        });
}

/// One knee's heat map: the picture, each area shaded, the spot cells as dots, the whole-knee marks as a ring.
/// Returns the place clicked, if any.
#[expect(
    clippy::too_many_arguments,
    reason = "one picture's inputs, all read-only but the filter"
)]
fn heat_picture_ui(
    ui: &mut Ui,
    content: &Content,
    textures: &crate::ui::diagram::DiagramTextures,
    diagram_view: &crate::content::DiagramView,
    knee: Knee,
    computed: &Computed,
    filter: &TrendFilter,
    size: Vec2,
    label: &dyn Fn() -> String,
) -> Option<PlaceKey> {
    let heat = computed.heat.knee(knee);
    let days = computed.heat.days_with_entries;
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, label()));
    let to_screen = RectTransform::from_to(Rect::from_min_size(Pos2::ZERO, Vec2::splat(1.0)), rect);
    let painter = ui.painter_at(rect.expand(2.0));
    paint_picture(&painter, textures, diagram_view.view, knee, rect);
    let chosen_here = filter.knee.is_none_or(|k| k == knee);
    for region in &diagram_view.regions {
        let key = PlaceKey::Location(region.location.id.clone());
        let points = screen_polygon(region, knee, &to_screen);
        let shade = heat.shade(&key, days);
        if shade > 0.0 {
            painter.add(Shape::mesh(fill_mesh(
                region,
                knee,
                &points,
                shade_color(shade),
            )));
        }
        let chosen = chosen_here && filter.place.as_ref() == Some(&key);
        let stroke = if chosen {
            Stroke::new(3.0, theme::on_picture().region_selected_stroke)
        } else {
            Stroke::new(1.0, theme::on_picture().region_idle_stroke)
        };
        painter.add(Shape::closed_line(points, stroke));
    }
    // The whole knee: diffuse marks and the whole-knee area from the list.
    let ring = content
        .regions
        .whole_knee
        .iter()
        .map(|l| heat.shade(&PlaceKey::Location(l.id.clone()), days))
        .fold(heat.shade(&PlaceKey::Diffuse, days), f32::max);
    if ring > 0.0 {
        painter.rect_stroke(
            rect.shrink(3.0),
            8.0,
            Stroke::new(3.0 + 5.0 * ring, shade_color(ring)),
            egui::StrokeKind::Inside,
        );
    }
    let cell_px = rect.width() / f32::from(insights::SPOT_GRID);
    for cell in heat.spots.iter().filter(|c| c.view == diagram_view.view) {
        let (x, y) = cell.centre_right_knee();
        let at = knee.from_right_knee(NormPos::new(x, y));
        let centre = to_screen.transform_pos(pos2(at.x, at.y));
        #[expect(clippy::cast_precision_loss, reason = "mark counts far below 2^24")]
        let count = cell.marks as f32;
        let radius = (2.5 + 1.5 * count.sqrt()).min(cell_px.max(6.0));
        painter.circle(
            centre,
            radius,
            theme::pain_color(cell.max_intensity),
            Stroke::new(1.0, Color32::WHITE),
        );
    }
    paint_orientation(&painter, diagram_view.view, knee, rect);
    let from_screen = to_screen.inverse();
    let hovered = response.hover_pos().and_then(|p| {
        let n = from_screen.transform_pos(p);
        diagram::hit_test(diagram_view, knee, NormPos::new(n.x, n.y))
    });
    if let Some(region) = hovered {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        let key = PlaceKey::Location(region.location.id.clone());
        let figures = heat.places.get(&key).map_or_else(
            || "not marked in this period".to_owned(),
            |h| {
                format!(
                    "{} of {days} diary days, mean {:.1}, worst {}",
                    h.days,
                    h.mean_intensity(),
                    h.max_intensity
                )
            },
        );
        response.clone().on_hover_ui_at_pointer(|ui| {
            ui.label(RichText::new(&region.location.label).strong());
            ui.label(figures);
            ui.label(RichText::new("Click to follow it in the trend").small());
        });
    }
    if response.clicked() {
        return hovered
            .or_else(|| {
                response.interact_pointer_pos().and_then(|p| {
                    let n = from_screen.transform_pos(p);
                    diagram::hit_test(diagram_view, knee, NormPos::new(n.x, n.y))
                })
            })
            .map(|region| PlaceKey::Location(region.location.id.clone()));
    }
    None
}

/// The fill of a shaded area or the whole-knee ring: the pain colour of the shade, translucent so the drawing
/// shows through.
fn shade_color(shade: f32) -> Color32 {
    let shade = shade.clamp(0.0, 1.0);
    // 0–1 × 10 rounds to 0..=10, a pain score.
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "clamped to 0..=10"
    )]
    let score = (shade * 10.0).round() as u8;
    theme::pain_color(score).gamma_multiply(0.45 + 0.4 * shade)
}

fn legend_ui(ui: &mut Ui) {
    let text_color = theme::colors(ui).muted_text;
    let small = |text: &str| RichText::new(text).small().color(text_color);
    ui.horizontal_wrapped(|ui| {
        ui.label(small("Shade:"));
        ui.label(small("seldom, mild"));
        let (rect, _) = ui.allocate_exact_size(egui::vec2(96.0, 12.0), Sense::hover());
        let painter = ui.painter();
        for step in 0..6_u8 {
            let width = rect.width() / 6.0;
            let left = rect.left() + width * f32::from(step);
            painter.rect_filled(
                Rect::from_min_size(pos2(left, rect.top()), egui::vec2(width, rect.height())),
                0.0,
                shade_color(f32::from(step) / 5.0),
            );
        }
        ui.label(small("often, severe"));
    });
    ui.horizontal_wrapped(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(24.0, 12.0), Sense::hover());
        ui.painter().circle_filled(
            pos2(rect.left() + 4.0, rect.center().y),
            3.0,
            theme::pain_color(3),
        );
        ui.painter().circle_filled(
            pos2(rect.right() - 7.0, rect.center().y),
            6.0,
            theme::pain_color(9),
        );
        ui.label(small("spots: bigger = more marks, darker = worse"));
        let (rect, _) = ui.allocate_exact_size(egui::vec2(18.0, 12.0), Sense::hover());
        ui.painter().rect_stroke(
            rect,
            3.0,
            Stroke::new(2.5, shade_color(0.6)),
            egui::StrokeKind::Inside,
        );
        ui.label(small("frame: the whole knee"));
    });
}

fn trend_section_ui(ui: &mut Ui, content: &Content, computed: &Computed, filter: &mut TrendFilter) {
    widgets::section_title(ui, "Trend");
    ui.horizontal_wrapped(|ui| {
        let place_label = computed
            .places
            .iter()
            .find(|o| o.place == filter.place)
            .map_or("All places", |o| o.label.as_str());
        let combo = egui::ComboBox::from_id_salt("trend_place")
            .selected_text(place_label)
            .width(260.0)
            .show_ui(ui, |ui| {
                for option in &computed.places {
                    ui.selectable_value(&mut filter.place, option.place.clone(), &option.label);
                }
            });
        combo.response.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::ComboBox,
                true,
                format!("Trend place: {place_label}"),
            )
        });
        for (knee, text) in [
            (None, "Both knees"),
            (Some(Knee::Left), "Left"),
            (Some(Knee::Right), "Right"),
        ] {
            let response = ui.selectable_label(filter.knee == knee, text);
            response.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::Button,
                    true,
                    filter.knee == knee,
                    format!("Trend knee: {text}"),
                )
            });
            if response.clicked() {
                filter.knee = knee;
            }
        }
    });
    trend_plot_ui(ui, computed);
    ui.label(&computed.reading);
    widgets::claim_ui(ui, content, &content.guidance.pain_diary.meaningful_change);
}

fn trend_plot_ui(ui: &mut Ui, computed: &Computed) {
    let series = &computed.series;
    let colors = theme::colors(ui);
    let diary_color = theme::pain_color(8);
    let session_color = colors.accent;
    let run_color = colors.warning_text;
    let plot = Plot::new("diary_trend")
        .height(230.0)
        .include_y(0.0)
        .include_y(10.0)
        .include_x(series.first_x)
        .include_x(series.last_x + 1.0)
        .allow_scroll(false)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .y_axis_label("Pain 0–10")
        .label_formatter(|hover| match hover {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } if *plot_name != "Run distance" => Some(format!(
                "{plot_name}\n{}: {:.0}/10",
                date_of(position.x),
                position.y
            )),
            _ => None,
        })
        .x_axis_formatter(|mark, _range| date_of(mark.value));
    let response = plot.show(ui, |plot_ui| {
        if let Some((start, low, high)) = series.band {
            plot_ui.span(
                // No name: the span would lay out its label every frame; the key under the plot names it.
                Span::new("", low..=high)
                    .axis(egui_plot::Axis::Y)
                    .fill(colors.good_text.gamma_multiply(0.12))
                    .border_color(colors.good_text.gamma_multiply(0.5)),
            );
            plot_ui.hline(
                egui_plot::HLine::new("Starting level", start)
                    .color(colors.good_text)
                    .style(egui_plot::LineStyle::dashed_dense()),
            );
        }
        if !series.run_bars.is_empty() {
            plot_ui.bar_chart(
                BarChart::new("Run distance", series.run_bars.clone())
                    .color(colors.chart_volume.gamma_multiply(0.7)),
            );
        }
        plot_ui.line(
            Line::new("Diary: worst of the day", &series.diary_worst[..])
                .color(diary_color)
                .width(2.0),
        );
        plot_ui.points(
            Points::new("Diary: worst of the day", &series.diary_worst[..])
                .color(diary_color)
                .radius(3.0),
        );
        for (name, points, shape, color, filled) in [
            (
                "Strength session: during",
                &series.session_during,
                MarkerShape::Square,
                session_color,
                true,
            ),
            (
                "Strength session: next morning",
                &series.session_morning,
                MarkerShape::Square,
                session_color,
                false,
            ),
            (
                "Run: during",
                &series.run_during,
                MarkerShape::Diamond,
                run_color,
                true,
            ),
            (
                "Run: next morning",
                &series.run_morning,
                MarkerShape::Diamond,
                run_color,
                false,
            ),
        ] {
            if !points.is_empty() {
                plot_ui.points(
                    Points::new(name, &points[..])
                        .shape(shape)
                        .color(color)
                        .filled(filled)
                        .radius(4.5),
                );
            }
        }
    });
    plot_legend_ui(ui, series);
    let label = &computed.trend_label;
    response
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, label));
    if computed.trend_days == 0 {
        ui.label(
            RichText::new("No diary marks for this place and knee in the period.")
                .color(colors.muted_text),
        );
    }
}

/// The trend's key, under the plot (the plot's own legend would cover the data on a narrow panel).
fn plot_legend_ui(ui: &mut Ui, series: &TrendSeries) {
    let colors = theme::colors(ui);
    let text_color = colors.muted_text;
    let small = |text: &str| RichText::new(text).small().color(text_color);
    let swatch = |ui: &mut Ui, paint: &dyn Fn(&egui::Painter, Rect), text: &str| {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(16.0, 12.0), Sense::hover());
            paint(ui.painter(), rect);
            ui.label(small(text));
        });
    };
    // One key per line: a key and its words cannot wrap inside a wrapping row without overflowing the panel.
    ui.vertical(|ui| {
        let diary = theme::pain_color(8);
        swatch(
            ui,
            &|p, r| {
                p.line_segment([r.left_center(), r.right_center()], Stroke::new(2.0, diary));
                p.circle_filled(r.center(), 3.0, diary);
            },
            "diary, worst of the day",
        );
        if series.band.is_some() {
            let good = colors.good_text;
            swatch(
                ui,
                &|p, r| {
                    p.rect_filled(r, 0.0, good.gamma_multiply(0.2));
                    p.line_segment([r.left_center(), r.right_center()], Stroke::new(1.0, good));
                },
                "starting level ± meaningful change",
            );
        }
        let session = colors.accent;
        if !(series.session_during.is_empty() && series.session_morning.is_empty()) {
            swatch(
                ui,
                &|p, r| {
                    let left =
                        Rect::from_center_size(r.center() - egui::vec2(4.0, 0.0), Vec2::splat(6.0));
                    let right =
                        Rect::from_center_size(r.center() + egui::vec2(4.0, 0.0), Vec2::splat(6.0));
                    p.rect_filled(left, 0.0, session);
                    p.rect_stroke(
                        right,
                        0.0,
                        Stroke::new(1.0, session),
                        egui::StrokeKind::Inside,
                    );
                },
                "strength session: during / next morning",
            );
        }
        let run = colors.warning_text;
        if !(series.run_during.is_empty() && series.run_morning.is_empty()) {
            swatch(
                ui,
                &|p, r| {
                    let diamond = |c: Pos2| {
                        vec![
                            c + egui::vec2(0.0, -4.0),
                            c + egui::vec2(4.0, 0.0),
                            c + egui::vec2(0.0, 4.0),
                            c + egui::vec2(-4.0, 0.0),
                        ]
                    };
                    p.add(Shape::convex_polygon(
                        diamond(r.center() - egui::vec2(4.0, 0.0)),
                        run,
                        Stroke::NONE,
                    ));
                    p.add(Shape::closed_line(
                        diamond(r.center() + egui::vec2(5.0, 0.0)),
                        Stroke::new(1.0, run),
                    ));
                },
                "run: during / next morning",
            );
        }
        if !series.run_bars.is_empty() {
            let bars = colors.chart_volume.gamma_multiply(0.7);
            swatch(
                ui,
                &|p, r| {
                    p.rect_filled(
                        Rect::from_center_size(r.center(), egui::vec2(6.0, 12.0)),
                        0.0,
                        bars,
                    );
                },
                &series.distance_legend,
            );
        }
    });
}

fn week_row(week: &WeekPain, units: crate::running::Units) -> [String; 4] {
    [
        week.week_start.format("%-d %b %Y").to_string(),
        format!(
            "{} in {} run{}",
            units.format(week.distance_km * 1000.0),
            week.runs,
            if week.runs == 1 { "" } else { "s" }
        ),
        week.diary_max
            .map_or_else(|| "—".to_owned(), |m| m.to_string()),
        week.diary_mean
            .map_or_else(|| "—".to_owned(), |m| format!("{m:.1}")),
    ]
}

fn weekly_section_ui(ui: &mut Ui, computed: &Computed) {
    widgets::section_title(ui, "Pain and weekly distance");
    if !computed.weeks_with_data {
        ui.label("No runs and no diary entries in this period.");
        return;
    }
    egui::CollapsingHeader::new("Week by week")
        .id_salt("diary_weekly")
        .default_open(computed.weeks.len() <= 14)
        .show(ui, |ui| {
            egui::Grid::new("diary_weekly_grid")
                .striped(true)
                .num_columns(4)
                .show(ui, |ui| {
                    for heading in ["Week of", "Running", "Worst pain", "Mean daily worst"] {
                        ui.label(RichText::new(heading).strong());
                    }
                    ui.end_row();
                    for row in &computed.weeks {
                        for cell in row {
                            ui.label(cell);
                        }
                        ui.end_row();
                    }
                });
        });
}
