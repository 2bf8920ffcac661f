//! The physio report's pain diary section, for the report's period: the diagram's areas shaded per knee, a table
//! of the places marked (days, mean and worst score per knee), the trend read against the meaningful-change band
//! with its source, where in a run pain starts, and pain beside weekly distance for the last weeks.

use chrono::{Datelike, Days, NaiveDate};

use super::doc::{ACCENT, BLACK, Doc, GREY, LIGHT_GREY, Rgb, Style, WARM};
use crate::content::{Content, ViewKind};
use crate::diary::insights::{
    HeatMap, KneeHeat, Period, PlaceHeat, PlaceKey, TrendFilter, daily_trend, onset_summary,
    read_trend, weekly_pain_vs_distance,
};
use crate::diary::{Diary, from_local_time};
use crate::map::diagram::{Knee, region_polygon};
use crate::running::{RunningData, Units};

const BODY: Style = Style::new(9.5);
const BODY_BOLD: Style = Style::new(9.5).bold();
const SMALL: Style = Style::new(8.0).color(GREY);
const TABLE: Style = Style::new(9.0);
const TABLE_HEAD: Style = Style::new(8.5).bold().color(ACCENT);
/// How many weeks the pain-beside-distance table shows.
const WEEKS_SHOWN: u64 = 8;
/// How many of the last runs the onset sentence looks at.
const ONSET_RUNS: usize = 5;
/// An area nobody marked.
const UNMARKED: Rgb = Rgb(0.96, 0.96, 0.96);
/// A marked spot on the schematic.
const SPOT: Rgb = Rgb(0.55, 0.05, 0.05);

/// What the section reads.
#[derive(Debug, Clone, Copy)]
pub struct DiaryInput<'a> {
    pub diary: &'a Diary,
    pub content: &'a Content,
    pub running: Option<&'a RunningData>,
    /// The first day the report covers (the plan's first Monday).
    pub from: NaiveDate,
    pub today: NaiveDate,
}

/// The diary period that covers the report: the plan so far, at least four weeks, at most a year.
pub fn period_for(from: NaiveDate, today: NaiveDate) -> Period {
    let days_so_far = u64::try_from((today - from).num_days() + 1).unwrap_or(0);
    Period::ALL
        .into_iter()
        .filter(|p| p.days() >= Period::Last4Weeks.days())
        .find(|p| p.days() >= days_so_far)
        .unwrap_or(Period::LastYear)
}

/// "Piva SR, Gil AB, Moore CG, Fitzgerald GK (2009). Title. Journal 41(3). doi:…", or the id if unknown.
fn cite(content: &Content, id: &str) -> String {
    content.source(id).map_or_else(
        || id.to_owned(),
        |source| {
            let year = source.year.map(|y| format!(" ({y})")).unwrap_or_default();
            let doi = source
                .doi
                .as_ref()
                .map(|doi| format!(" doi:{doi}"))
                .unwrap_or_default();
            format!(
                "{}{year}. {}. {}.{doi}",
                source.authors, source.title, source.published_in
            )
        },
    )
}

/// Draws the section at the cursor.
pub fn diary_section(doc: &mut Doc, input: &DiaryInput<'_>) {
    let (x, w) = (doc.margin(), doc.text_width());
    let period = period_for(input.from, input.today);
    let map = HeatMap::build(input.diary, period, input.today);
    let span = format!(
        "{} ({} to {})",
        period.label(),
        map.first_day.format("%-d %b %Y"),
        map.last_day.format("%-d %b %Y")
    );
    if map.entries == 0 {
        doc.paragraph(
            x,
            w,
            BODY,
            &format!("No pain diary entries in the period: {span}."),
        );
        return;
    }
    doc.paragraph(
        x,
        w,
        BODY,
        &format!(
            "{span}: {} entries on {} days. Each mark has its own place, score (0-10) and feel; the shading \
             is darker for places marked on more days and with higher scores.",
            map.entries, map.days_with_entries
        ),
    );
    heat_pictures(doc, input.content, &map);
    let map_source = input
        .content
        .guidance
        .pain_diary
        .how_to_mark
        .first()
        .and_then(|claim| claim.sources.first())
        .map(|id| cite(input.content, id));
    if let Some(source) = map_source {
        doc.paragraph(
            x,
            w,
            SMALL,
            &format!(
                "Marks follow the knee pain map (a spot, an area or the whole knee): {source}"
            ),
        );
    }
    doc.y += 4.0;
    places_table(doc, input.content, &map);

    doc.y += 6.0;
    let guidance = &input.content.guidance.pain_diary;
    let band = guidance.meaningful_change_points;
    let days = daily_trend(
        input.diary,
        &TrendFilter::default(),
        map.first_day,
        map.last_day,
    );
    doc.paragraph(x, w, BODY_BOLD, "Trend (each day's worst mark, both knees)");
    let reading = read_trend(&days, band).map_or_else(
        || {
            format!(
                "Only {} diary days in the period: a trend needs at least 4.",
                days.len()
            )
        },
        |reading| reading.sentence(band),
    );
    doc.paragraph(x, w, BODY, &reading);
    let sources: Vec<String> = guidance
        .meaningful_change
        .sources
        .iter()
        .map(|id| cite(input.content, id))
        .collect();
    doc.paragraph(
        x,
        w,
        SMALL,
        &format!(
            "The ±{band:.1}-point band: {} Source: {}",
            guidance.meaningful_change.text,
            sources.join("; ")
        ),
    );

    let units = input
        .running
        .map_or(Units::default(), |running| running.settings.units);
    let runs = input.running.map_or(&[][..], |running| &running.runs[..]);
    let end_of_today = from_local_time(
        input
            .today
            .checked_add_days(Days::new(1))
            .unwrap_or(input.today)
            .and_time(chrono::NaiveTime::MIN),
    );
    if let Some(summary) = onset_summary(input.diary, runs, ONSET_RUNS, end_of_today) {
        doc.y += 6.0;
        doc.paragraph(x, w, BODY_BOLD, "Where in a run it starts");
        doc.paragraph(x, w, BODY, &summary.sentence(units));
    }

    doc.y += 6.0;
    weekly_table(doc, input.diary, runs, units, input.today);
}

/// The part of a view's picture its areas cover, padded: (left, top, width, height) in normalised coordinates of
/// `knee`'s picture.
fn areas_bounds(view: &crate::content::DiagramView, knee: Knee) -> (f32, f32, f32, f32) {
    let (mut min_x, mut min_y, mut max_x, mut max_y) = (1.0_f32, 1.0_f32, 0.0_f32, 0.0_f32);
    for point in view.regions.iter().flat_map(|r| region_polygon(r, knee)) {
        min_x = min_x.min(point.x);
        min_y = min_y.min(point.y);
        max_x = max_x.max(point.x);
        max_y = max_y.max(point.y);
    }
    if min_x >= max_x || min_y >= max_y {
        return (0.0, 0.0, 1.0, 1.0);
    }
    let pad = 0.06;
    let (left, top) = ((min_x - pad).max(0.0), (min_y - pad).max(0.0));
    (
        left,
        top,
        (max_x + pad).min(1.0) - left,
        (max_y + pad).min(1.0) - top,
    )
}

/// The front and side areas of each knee, shaded by [`KneeHeat::shade`], with the marked spots as dots; a knee
/// marked "whole knee, diffuse" gets a tinted panel and says on how many days.
fn heat_pictures(doc: &mut Doc, content: &Content, map: &HeatMap) {
    let (x, w) = (doc.margin(), doc.text_width());
    let panels: Vec<(Knee, ViewKind)> = Knee::ALL
        .into_iter()
        .flat_map(|knee| ViewKind::ALL.map(|view| (knee, view)))
        .collect();
    let gap = 10.0;
    let slot_w = (w - gap * (panels.len() as f32 - 1.0)) / panels.len() as f32;
    let max_h = 110.0;
    doc.ensure_space(max_h + 36.0);
    let top = doc.y + 4.0;
    let mut lowest = top;
    for (i, (knee, view_kind)) in panels.iter().enumerate() {
        let Some(view) = content.regions.views.iter().find(|v| v.view == *view_kind) else {
            continue;
        };
        let aspect = if view.aspect_ratio.is_finite() && view.aspect_ratio > 0.0 {
            view.aspect_ratio
        } else {
            1.0
        };
        // Only the part of the picture the areas cover is drawn, as large as the slot allows.
        let (crop_x, crop_y, crop_w, crop_h) = areas_bounds(view, *knee);
        let crop_aspect = crop_w * aspect / crop_h;
        let (box_w, box_h) = if slot_w / crop_aspect <= max_h {
            (slot_w, slot_w / crop_aspect)
        } else {
            (max_h * crop_aspect, max_h)
        };
        let left = x + (slot_w + gap) * i as f32 + (slot_w - box_w) / 2.0;
        let heat: &KneeHeat = map.knee(*knee);
        let to_page = |px: f32, py: f32| {
            (
                left + (px - crop_x) / crop_w * box_w,
                top + (py - crop_y) / crop_h * box_h,
            )
        };
        let diffuse = heat.places.get(&PlaceKey::Diffuse).copied();
        if diffuse.is_some() {
            let tint = mix(
                Rgb(1.0, 1.0, 1.0),
                WARM,
                0.35 * heat.shade(&PlaceKey::Diffuse, map.days_with_entries),
            );
            doc.fill_rect(left, top, box_w, box_h, tint);
        }
        doc.stroke_rect(left, top, box_w, box_h, 0.4, LIGHT_GREY);
        let mut regions: Vec<&crate::content::Region> = view.regions.iter().collect();
        regions.sort_by_key(|r| r.priority);
        for region in regions {
            let key = PlaceKey::Location(region.location.id.clone());
            let shade = heat.shade(&key, map.days_with_entries);
            let fill = if heat.places.contains_key(&key) {
                mix(Rgb(1.0, 0.93, 0.85), WARM, shade)
            } else {
                UNMARKED
            };
            let points: Vec<(f32, f32)> = region_polygon(region, *knee)
                .into_iter()
                .map(|p| to_page(p.x, p.y))
                .collect();
            doc.polygon(&points, Some(fill), Some((0.5, GREY)));
        }
        for spot in heat.spots.iter().filter(|s| s.view == *view_kind) {
            let (rx, ry) = spot.centre_right_knee();
            let at = knee.from_right_knee(crate::geometry::NormPos::new(rx, ry));
            let (px, py) = to_page(at.x, at.y);
            let inside = |v: f32, from: f32, size: f32| (from..=from + size).contains(&v);
            if !(inside(px, left, box_w) && inside(py, top, box_h)) {
                continue;
            }
            let size = 2.5 + f32::from(spot.max_intensity) * 0.25;
            doc.fill_rect(px - size / 2.0, py - size / 2.0, size, size, SPOT);
        }
        let caption = format!(
            "{} knee, {}",
            knee.label(),
            view_kind.label().to_lowercase()
        );
        let caption = doc.fit(&caption, SMALL.size_pt, slot_w);
        doc.text(left, top + box_h + 10.0, SMALL, &caption);
        let mut bottom = top + box_h + 14.0;
        if let Some(diffuse) = diffuse.filter(|_| *view_kind == ViewKind::Front) {
            let days = if diffuse.days == 1 { "day" } else { "days" };
            let line = format!("whole knee: {} {days}", diffuse.days);
            doc.text(left, top + box_h + 20.0, SMALL, &line);
            bottom += 10.0;
        }
        lowest = lowest.max(bottom);
    }
    doc.y = lowest + 2.0;
}

/// `from` blended towards `to` by `t` (0–1).
fn mix(from: Rgb, to: Rgb, t: f32) -> Rgb {
    let t = t.clamp(0.0, 1.0);
    Rgb(
        from.0 + (to.0 - from.0) * t,
        from.1 + (to.1 - from.1) * t,
        from.2 + (to.2 - from.2) * t,
    )
}

/// Column `i`'s left edge and width in a table of `widths` (fractions of the text width).
fn columns(doc: &Doc, widths: &[f32]) -> Vec<(f32, f32)> {
    let (mut left, w) = (doc.margin(), doc.text_width());
    widths
        .iter()
        .map(|fraction| {
            let column = (left, fraction * w);
            left += fraction * w;
            column
        })
        .collect()
}

/// A table: an optional group row, a header row and the rows, a rule under the header and light rules between
/// rows; text columns (the first `text_columns`) left-aligned, numbers right-aligned. The header is drawn again
/// at the top of a new page.
fn table(
    doc: &mut Doc,
    widths: &[f32],
    groups: &[(usize, usize, &str)],
    header: &[&str],
    rows: &[Vec<String>],
    text_columns: usize,
) {
    let row_h = TABLE.leading() + 3.0;
    let pad = 4.0;
    let cols = columns(doc, widths);
    let (x, w) = (doc.margin(), doc.text_width());
    let draw_cell = |doc: &mut Doc, column: usize, baseline: f32, style: Style, text: &str| {
        let (left, width) = cols[column];
        let text = doc.fit(text, style.size_pt, width - 2.0 * pad);
        let at = if column < text_columns {
            left + pad
        } else {
            left + width - pad - doc.measure(&text, style.size_pt)
        };
        doc.text(at, baseline, style, &text);
    };
    let draw_header = |doc: &mut Doc| {
        if !groups.is_empty() {
            let baseline = doc.y + TABLE_HEAD.size_pt;
            for (first, last, label) in groups {
                let (left, _) = cols[*first];
                let (last_left, last_w) = cols[*last];
                let label_w = doc.measure(label, TABLE_HEAD.size_pt);
                let centre = (left + last_left + last_w) / 2.0;
                doc.text(centre - label_w / 2.0, baseline, TABLE_HEAD, label);
                doc.line(
                    (left + pad, doc.y + row_h - 1.0),
                    (last_left + last_w - pad, doc.y + row_h - 1.0),
                    0.4,
                    LIGHT_GREY,
                    0.0,
                );
            }
            doc.y += row_h;
        }
        let baseline = doc.y + TABLE_HEAD.size_pt;
        for (column, label) in header.iter().enumerate() {
            draw_cell(doc, column, baseline, TABLE_HEAD, label);
        }
        doc.y += row_h;
        doc.line((x, doc.y - 2.0), (x + w, doc.y - 2.0), 0.6, BLACK, 0.0);
    };
    doc.ensure_space(row_h * 3.0);
    draw_header(doc);
    for row in rows {
        if doc.y + row_h > doc.bottom() {
            doc.new_page();
            draw_header(doc);
        }
        let baseline = doc.y + TABLE.size_pt;
        for (column, cell) in row.iter().enumerate() {
            draw_cell(doc, column, baseline, TABLE, cell);
        }
        doc.y += row_h;
        doc.line((x, doc.y - 2.0), (x + w, doc.y - 2.0), 0.3, LIGHT_GREY, 0.0);
    }
    doc.y += 2.0;
}

/// The rows of the places table: place, then days marked, mean and worst score for the left and the right knee
/// ("-" where that knee was not marked there), most marked first.
fn place_rows(content: &Content, map: &HeatMap) -> Vec<Vec<String>> {
    let figures = |heat: &PlaceHeat| -> [String; 3] {
        if heat.marks == 0 {
            ["-".to_owned(), "-".to_owned(), "-".to_owned()]
        } else {
            [
                heat.days.to_string(),
                format!("{:.1}", heat.mean_intensity()),
                heat.max_intensity.to_string(),
            ]
        }
    };
    map.comparison()
        .iter()
        .map(|(key, left, right)| {
            let mut row = vec![capitalised(&key.label(content))];
            row.extend(figures(left));
            row.extend(figures(right));
            row
        })
        .collect()
}

/// Every place marked on either knee: days marked, mean and worst score, left and right.
fn places_table(doc: &mut Doc, content: &Content, map: &HeatMap) {
    let rows = place_rows(content, map);
    let numbers = 0.085;
    table(
        doc,
        &[
            1.0 - 6.0 * numbers,
            numbers,
            numbers,
            numbers,
            numbers,
            numbers,
            numbers,
        ],
        &[(1, 3, "Left knee"), (4, 6, "Right knee")],
        &["Place", "days", "mean", "worst", "days", "mean", "worst"],
        &rows,
        1,
    );
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The last weeks' running distance beside the week's diary pain.
fn weekly_table(
    doc: &mut Doc,
    diary: &Diary,
    runs: &[crate::running::Run],
    units: Units,
    today: NaiveDate,
) {
    let (x, w) = (doc.margin(), doc.text_width());
    let this_monday = today
        .checked_sub_days(Days::new(u64::from(today.weekday().num_days_from_monday())))
        .unwrap_or(today);
    let first = this_monday
        .checked_sub_days(Days::new(7 * (WEEKS_SHOWN - 1)))
        .unwrap_or(this_monday);
    let weeks = weekly_pain_vs_distance(diary, runs, first, today);
    doc.paragraph(
        x,
        w,
        BODY_BOLD,
        &format!("Pain beside weekly running distance, last {WEEKS_SHOWN} weeks"),
    );
    let unit = units.short_label();
    let rows: Vec<Vec<String>> = weeks
        .iter()
        .map(|week| {
            vec![
                week.week_start.format("%-d %b %Y").to_string(),
                format!("{:.1} {unit}", units.from_metres(week.distance_km * 1000.0)),
                week.runs.to_string(),
                week.diary_max
                    .map_or_else(|| "-".to_owned(), |m| m.to_string()),
                week.diary_mean
                    .map_or_else(|| "-".to_owned(), |m| format!("{m:.1}")),
            ]
        })
        .collect();
    table(
        doc,
        &[0.32, 0.17, 0.11, 0.19, 0.21],
        &[],
        &[
            "Week of",
            "Running",
            "Runs",
            "Worst diary score",
            "Mean of daily worst",
        ],
        &rows,
        1,
    );
    doc.paragraph(
        x,
        w,
        SMALL,
        "Diary scores are the week's worst mark and the mean of each diary day's worst mark (0-10); \
         \"-\" is a week without entries.",
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn the_period_covers_the_plan_so_far_within_four_weeks_and_a_year() {
        let today = day("2026-12-03");
        assert_eq!(period_for(day("2026-12-01"), today), Period::Last4Weeks);
        assert_eq!(period_for(day("2026-11-06"), today), Period::Last4Weeks);
        assert_eq!(period_for(day("2026-11-05"), today), Period::Last3Months);
        assert_eq!(period_for(day("2025-01-01"), today), Period::LastYear);
        assert_eq!(period_for(day("2027-01-04"), today), Period::Last4Weeks);
    }

    #[test]
    fn sources_are_cited_in_full() {
        let content = Content::embedded().unwrap();
        let piva = cite(&content, "piva_2009_mcid");
        assert!(
            piva.starts_with("Piva SR") && piva.contains("(2009)"),
            "{piva}"
        );
        assert!(piva.contains("doi:10.2340/16501977-0295"), "{piva}");
        assert_eq!(cite(&content, "nope"), "nope");
        assert_eq!(capitalised("the whole knee"), "The whole knee");
    }

    fn recent_diary(today: NaiveDate) -> Diary {
        use crate::content::PainQuality;
        use crate::diary::{DiaryEntry, MarkPlace, PainMark};
        let mark = |knee: Knee, place: MarkPlace, intensity: u8| PainMark {
            knee,
            place,
            intensity,
            quality: PainQuality::Ache,
        };
        let kneecap = || MarkPlace::Region {
            location: "kneecap".into(),
        };
        let entries = (0..6_u64)
            .map(|back| {
                let date = today.checked_sub_days(Days::new(back * 3)).unwrap();
                let mut marks = vec![mark(
                    Knee::Right,
                    kneecap(),
                    6 - u8::try_from(back).unwrap(),
                )];
                if back % 2 == 0 {
                    marks.push(mark(Knee::Left, MarkPlace::Diffuse, 2));
                }
                DiaryEntry {
                    id: back,
                    at_utc: from_local_time(date.and_hms_opt(9, 0, 0).unwrap()),
                    marks,
                    ..DiaryEntry::default()
                }
            })
            .collect();
        let mut diary = Diary {
            entries,
            next_id: 0,
        };
        diary.repair();
        diary
    }

    #[test]
    fn the_places_table_has_a_row_per_place_with_each_knees_figures() {
        let content = Content::embedded().unwrap();
        let today = day("2026-12-03");
        let map = HeatMap::build(&recent_diary(today), Period::Last4Weeks, today);
        let rows = place_rows(&content, &map);
        assert_eq!(rows.len(), 2, "{rows:?}");
        // Kneecap, right knee only: 6 days, scores 1..=6 (mean 3.5), worst 6.
        let kneecap = rows
            .iter()
            .find(|r| r[0] != "The whole knee, diffuse")
            .unwrap();
        assert_eq!(kneecap[1..], ["-", "-", "-", "6", "3.5", "6"]);
        let diffuse = rows
            .iter()
            .find(|r| r[0] == "The whole knee, diffuse")
            .unwrap();
        assert_eq!(diffuse[1..], ["3", "2.0", "2", "-", "-", "-"]);
    }

    #[test]
    fn the_section_draws_with_a_diary_and_says_so_without_one() {
        let content = Content::embedded().unwrap();
        let today = day("2026-12-03");
        let mut running = RunningData::default();
        running.runs.push(crate::running::Run {
            id: 1,
            start_utc: from_local_time(day("2026-12-01").and_hms_opt(7, 0, 0).unwrap()),
            distance_m: 10_000.0,
            elapsed_secs: 3600,
            ..crate::running::Run::default()
        });
        let diary = recent_diary(today);
        let mut pages = Vec::new();
        for diary in [&diary, &Diary::default()] {
            let mut doc = Doc::new(super::super::Paper::A4).unwrap();
            let before = doc.y;
            diary_section(
                &mut doc,
                &DiaryInput {
                    diary,
                    content: &content,
                    running: Some(&running),
                    from: day("2026-11-30"),
                    today,
                },
            );
            assert!(doc.y > before);
            pages.push((doc.y, doc.finish("t", "f").len()));
        }
        assert!(
            pages[0].0 > pages[1].0 + 200.0,
            "pictures and tables take room: {pages:?}"
        );
    }
}
