//! Draws the knee picture with its clickable regions and turns clicks, Tab and Enter into commands.
//!
//! Every region is also a focusable button with an accessible name, placed on a point inside the region,
//! so keyboard and screen-reader users can pick it; pointer clicks are resolved by polygon hit-testing.

use egui::emath::RectTransform;
use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Shape, Stroke, Ui, Vec2, pos2, vec2};

use super::theme;
use crate::command::AppCommand;
use crate::content::{Content, DiagramView, Location, ViewKind};
use crate::diary::DiaryCommand;
use crate::map::diagram::{self, Knee};
use crate::map::geometry::{self, NormPos};
use crate::map::state::{Command, MapState};

/// The diagram pictures as GPU textures, uploaded once at start-up.
pub struct DiagramTextures {
    front: Option<egui::TextureHandle>,
    side: Option<egui::TextureHandle>,
    /// Why a picture is missing, shown in place of it.
    pub problems: Vec<String>,
}

impl DiagramTextures {
    /// Decodes the embedded PNGs and uploads them. A broken picture is reported, never a crash.
    pub fn load(ctx: &egui::Context) -> Self {
        let mut problems = Vec::new();
        let mut upload = |name: &str, bytes: &[u8]| match crate::assets::decode_png(bytes) {
            Ok(image) => {
                let color_image = egui::ColorImage::from_rgba_unmultiplied(
                    [image.width_px, image.height_px],
                    &image.rgba,
                );
                Some(ctx.load_texture(name, color_image, egui::TextureOptions::LINEAR))
            }
            Err(e) => {
                problems.push(format!("{name}: {e}"));
                None
            }
        };
        let front = upload("knee_front.png", crate::assets::KNEE_FRONT_PNG);
        let side = upload("knee_side.png", crate::assets::KNEE_SIDE_PNG);
        Self {
            front,
            side,
            problems,
        }
    }

    pub(crate) fn get(&self, view: ViewKind) -> Option<&egui::TextureHandle> {
        match view {
            ViewKind::Front => self.front.as_ref(),
            ViewKind::Side => self.side.as_ref(),
        }
    }
}

/// Accessible name of the picture as a whole.
pub fn picture_label(view: ViewKind, knee: Knee) -> String {
    let side = match view {
        ViewKind::Front => "front view",
        ViewKind::Side => "side view from the outside",
    };
    format!("Knee diagram, {} knee, {side}", knee.label().to_lowercase())
}

/// What a click on the diagram does.
#[derive(Clone, Copy)]
pub enum DiagramMode<'a> {
    /// Pick a spot to read about it.
    Explore,
    /// Log pain: a click places a mark on the entry being written (drawn with its score); a region's button
    /// (keyboard, screen reader) adds the whole area. `None` when no entry is being written: the first mark
    /// starts one.
    LogPain(Option<&'a crate::diary::DiaryEntry>),
}

/// Draws the diagram filling at most `max_size`; returns the commands the user gave.
pub fn diagram_ui(
    ui: &mut Ui,
    content: &Content,
    state: &MapState,
    textures: &DiagramTextures,
    max_size: Vec2,
    mode: DiagramMode<'_>,
) -> Vec<AppCommand> {
    let mut commands: Vec<AppCommand> = Vec::new();
    let logging = matches!(mode, DiagramMode::LogPain(_));
    let start_entry = matches!(mode, DiagramMode::LogPain(None));
    // Log-pain commands, with a new entry first when none is being written.
    let log = |commands: &mut Vec<AppCommand>, command: DiaryCommand| {
        if start_entry && !commands.iter().any(|c| matches!(c, AppCommand::Diary(_))) {
            commands.push(DiaryCommand::NewDraft { from_last: false }.into());
        }
        commands.push(command.into());
    };
    let Some(view) = content.view(state.view) else {
        ui.label("This view has no picture in the content.");
        return commands;
    };
    let knee = state.knee;
    let size = fit_aspect(max_size, view.aspect_ratio);
    let (picture_rect, background) = ui.allocate_exact_size(size, Sense::click());
    background.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Image, true, picture_label(state.view, knee))
    });

    // Normalised image space [0,1]² → screen points, and back.
    let to_screen = RectTransform::from_to(
        Rect::from_min_size(Pos2::ZERO, Vec2::splat(1.0)),
        picture_rect,
    );
    let from_screen = to_screen.inverse();
    let painter = ui.painter_at(picture_rect.expand(2.0));
    paint_picture(&painter, textures, state.view, knee, picture_rect);

    // Which region is under the pointer (pointer hover is resolved by the polygons, not by widget rects).
    let pointer_region = ui
        .ctx()
        .pointer_hover_pos()
        .filter(|p| picture_rect.contains(*p) && ui.rect_contains_pointer(picture_rect))
        .and_then(|p| {
            let n = from_screen.transform_pos(p);
            diagram::hit_test(view, knee, NormPos::new(n.x, n.y))
        });

    let mut focused_region = None;
    let mut clicked_by_pointer = background
        .clicked()
        .then(|| background.interact_pointer_pos())
        .flatten();
    for region in &view.regions {
        let Some(anchor) = diagram::region_anchor(region, knee) else {
            continue;
        };
        let anchor_screen = to_screen.transform_pos(pos2(anchor.x, anchor.y));
        let id = egui::Id::unique(("knee_region", state.view, &region.location.id));
        let button_rect =
            Rect::from_center_size(anchor_screen, Vec2::splat(26.0)).intersect(picture_rect);
        let response = ui.interact(button_rect, id, Sense::click());
        let selected = state.selected_location.as_deref() == Some(region.location.id.as_str());
        let label = if logging {
            format!("Log pain: {}", region.location.label)
        } else {
            region.location.label.clone()
        };
        response
            .widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &label));
        if response.has_focus() {
            focused_region = Some(region);
        }
        if response.clicked() {
            match response.interact_pointer_pos() {
                // A pointer click: decided by the polygon under the pointer below.
                Some(pos) => clicked_by_pointer = Some(pos),
                // Keyboard (Enter/Space) or a screen reader's click action.
                None if logging => log(
                    &mut commands,
                    DiaryCommand::AddRegion {
                        knee,
                        location: region.location.id.clone(),
                    },
                ),
                None => commands.push(Command::SelectLocation(region.location.id.clone()).into()),
            }
        }
    }
    if let Some(pos) = clicked_by_pointer {
        let n = from_screen.transform_pos(pos);
        let at_norm = NormPos::new(n.x, n.y);
        if logging {
            // A mark goes where the click was, inside an area or not.
            log(
                &mut commands,
                DiaryCommand::PlaceSpot {
                    view: state.view,
                    knee,
                    at_norm,
                },
            );
        } else if let Some(region) = diagram::hit_test(view, knee, at_norm) {
            // Clicking empty space changes nothing.
            commands.push(Command::SelectLocation(region.location.id.clone()).into());
        }
    }

    paint_regions(
        &painter,
        view,
        // The spot chosen to read about is not a pain mark: log-pain mode does not show it.
        if logging {
            None
        } else {
            state.selected_location.as_deref()
        },
        knee,
        &to_screen,
        pointer_region,
        focused_region,
    );
    if !state.hide_anatomy_labels {
        // Below this width the names would cover the picture; the caption and list still name every spot.
        if picture_rect.width() >= MIN_WIDTH_FOR_LANDMARKS {
            paint_landmarks(&painter, view, knee, &to_screen);
        }
    }
    paint_orientation(&painter, state.view, knee, picture_rect);
    if let DiagramMode::LogPain(Some(entry)) = mode {
        paint_marks(&painter, view, knee, &to_screen, entry);
    }

    let highlighted = pointer_region.or(focused_region);
    if pointer_region.is_some() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    let caption = match (highlighted, logging) {
        (Some(region), true) => format!("{} — click to mark the spot", region.location.label),
        (None, true) => {
            "Click exactly where it hurts to place a mark, or press Tab to mark a whole area."
                .to_owned()
        }
        (Some(region), false) => format!("{} — click to read more", region.location.label),
        (None, false) => "Point at where it hurts, or press Tab to move between spots.".to_owned(),
    };
    ui.label(egui::RichText::new(caption).color(theme::on_picture().muted_text));
    commands
}

/// Paints the knee picture of `view` for `knee` (mirrored for the left) into `picture_rect`, or says it is missing.
pub(crate) fn paint_picture(
    painter: &egui::Painter,
    textures: &DiagramTextures,
    view: ViewKind,
    knee: Knee,
    picture_rect: Rect,
) {
    painter.rect_filled(picture_rect, 8.0, theme::picture::BACKGROUND);
    match textures.get(view) {
        Some(texture) => {
            let uv = match knee {
                Knee::Right => Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)),
                // The left knee is the mirror image.
                Knee::Left => Rect::from_min_max(pos2(1.0, 0.0), pos2(0.0, 1.0)),
            };
            painter.image(texture.id(), picture_rect, uv, theme::picture::TINT);
        }
        None => {
            painter.text(
                picture_rect.center(),
                Align2::CENTER_CENTER,
                "Picture unavailable — use the list below",
                FontId::proportional(theme::size::BODY),
                theme::on_picture().muted_text,
            );
        }
    }
}

/// The marks of the entry being written that belong on this picture and knee: spots as numbered dots, areas
/// shaded with their score; whole-knee marks as a ring around the picture.
fn paint_marks(
    painter: &egui::Painter,
    view: &DiagramView,
    knee: Knee,
    to_screen: &RectTransform,
    entry: &crate::diary::DiaryEntry,
) {
    use crate::diary::MarkPlace;
    for mark in entry.marks.iter().filter(|m| m.knee == knee) {
        let color = theme::pain_color(mark.intensity);
        match &mark.place {
            MarkPlace::Spot {
                view: mark_view,
                at_right_knee,
                ..
            } if *mark_view == view.view => {
                let at = knee.from_right_knee(NormPos::new(at_right_knee.0, at_right_knee.1));
                let centre = to_screen.transform_pos(pos2(at.x, at.y));
                painter.circle(centre, 11.0, color, Stroke::new(2.0, Color32::WHITE));
                painter.text(
                    centre,
                    Align2::CENTER_CENTER,
                    mark.intensity.to_string(),
                    FontId::proportional(theme::size::SMALL),
                    theme::pain_text_color(mark.intensity),
                );
            }
            MarkPlace::Region { location } => {
                if let Some(region) = view.regions.iter().find(|r| &r.location.id == location) {
                    let points = screen_polygon(region, knee, to_screen);
                    painter.add(Shape::mesh(fill_mesh(
                        region,
                        knee,
                        &points,
                        color.gamma_multiply(0.55),
                    )));
                    if let Some(anchor) = diagram::region_anchor(region, knee) {
                        let centre = to_screen.transform_pos(pos2(anchor.x, anchor.y));
                        painter.text(
                            centre,
                            Align2::CENTER_CENTER,
                            mark.intensity.to_string(),
                            FontId::proportional(theme::size::BODY),
                            theme::picture::LANDMARK_TEXT,
                        );
                    }
                }
            }
            MarkPlace::Diffuse => {
                let rect = to_screen.to();
                painter.rect_stroke(
                    rect.shrink(3.0),
                    8.0,
                    Stroke::new(5.0, color.gamma_multiply(0.8)),
                    egui::StrokeKind::Inside,
                );
            }
            MarkPlace::Spot { .. } => {}
        }
    }
}

/// Narrowest picture (points) on which anatomy names are drawn.
const MIN_WIDTH_FOR_LANDMARKS: f32 = 250.0;

/// The largest size with the given width/height ratio that fits in `max_size`.
pub(crate) fn fit_aspect(max_size: Vec2, aspect_ratio: f32) -> Vec2 {
    let width = max_size.x.min(max_size.y * aspect_ratio).max(1.0);
    vec2(width, width / aspect_ratio)
}

pub(crate) fn screen_polygon(
    region: &crate::content::Region,
    knee: Knee,
    to_screen: &RectTransform,
) -> Vec<Pos2> {
    diagram::region_polygon(region, knee)
        .into_iter()
        .map(|p| to_screen.transform_pos(pos2(p.x, p.y)))
        .collect()
}

fn paint_regions(
    painter: &egui::Painter,
    view: &DiagramView,
    selected: Option<&str>,
    knee: Knee,
    to_screen: &RectTransform,
    hovered: Option<&crate::content::Region>,
    focused: Option<&crate::content::Region>,
) {
    for region in &view.regions {
        let points = screen_polygon(region, knee, to_screen);
        let id = region.location.id.as_str();
        let is_selected = selected == Some(id);
        let is_hovered = hovered.is_some_and(|r| r.location.id == id);
        let is_focused = focused.is_some_and(|r| r.location.id == id);
        let (fill, stroke) = if is_selected {
            (
                theme::on_picture().region_selected_fill,
                Stroke::new(2.5, theme::on_picture().region_selected_stroke),
            )
        } else if is_hovered || is_focused {
            (
                theme::on_picture().region_hover_fill,
                Stroke::new(2.0, theme::on_picture().accent),
            )
        } else {
            (
                Color32::TRANSPARENT,
                Stroke::new(1.0, theme::on_picture().region_idle_stroke),
            )
        };
        if fill != Color32::TRANSPARENT {
            painter.add(Shape::mesh(fill_mesh(region, knee, &points, fill)));
        }
        painter.add(Shape::closed_line(points.clone(), stroke));
        if is_focused {
            let dashed = Shape::dashed_line(
                &closed(&points),
                Stroke::new(1.5, theme::on_picture().focus_outline),
                5.0,
                3.0,
            );
            painter.extend(dashed);
        }
    }
}

/// A filled mesh of a possibly concave region (egui's polygon fill assumes convex shapes).
pub(crate) fn fill_mesh(
    region: &crate::content::Region,
    knee: Knee,
    screen_points: &[Pos2],
    fill: Color32,
) -> egui::Mesh {
    let mut mesh = egui::Mesh::default();
    for p in screen_points {
        mesh.colored_vertex(*p, fill);
    }
    for [a, b, c] in geometry::triangulate(&diagram::region_polygon(region, knee)) {
        // Indices are below the region's point count (at most a few dozen), so they fit in u32.
        let index = |i: usize| u32::try_from(i).unwrap_or(0);
        mesh.add_triangle(index(a), index(b), index(c));
    }
    mesh
}

fn closed(points: &[Pos2]) -> Vec<Pos2> {
    let mut out = points.to_vec();
    if let Some(first) = points.first() {
        out.push(*first);
    }
    out
}

fn paint_landmarks(
    painter: &egui::Painter,
    view: &DiagramView,
    knee: Knee,
    to_screen: &RectTransform,
) {
    let font = FontId::proportional(theme::size::LANDMARK);
    for landmark in &view.landmarks {
        let at = knee.from_right_knee(NormPos::from(landmark.at));
        let text_at = knee.from_right_knee(NormPos::from(landmark.text_at));
        let at_screen = to_screen.transform_pos(pos2(at.x, at.y));
        let text_screen = to_screen.transform_pos(pos2(text_at.x, text_at.y));
        let align = if text_at.x < 0.5 {
            Align2::LEFT_CENTER
        } else {
            Align2::RIGHT_CENTER
        };
        let galley = painter.layout_no_wrap(
            landmark.label.clone(),
            font.clone(),
            theme::picture::LANDMARK_TEXT,
        );
        let text_rect = align.anchor_size(text_screen, galley.size());
        let line_start = if text_at.x < 0.5 {
            pos2(text_rect.right() + 2.0, text_rect.center().y)
        } else {
            pos2(text_rect.left() - 2.0, text_rect.center().y)
        };
        painter.line_segment(
            [line_start, at_screen],
            Stroke::new(1.0, theme::picture::LANDMARK_LINE),
        );
        painter.circle_filled(at_screen, 2.5, theme::picture::LANDMARK_LINE);
        painter.rect_filled(text_rect.expand(2.0), 3.0, theme::picture::LANDMARK_HALO);
        painter.galley(text_rect.min, galley, theme::picture::LANDMARK_TEXT);
    }
}

/// "Outer side" / "Inner side" (front view) or "Front" / "Back" (side view) at the bottom corners.
pub(crate) fn paint_orientation(painter: &egui::Painter, view: ViewKind, knee: Knee, rect: Rect) {
    // For the right knee's front view the outer side is on the viewer's left; the left knee mirrors it.
    let (left_text, right_text) = match (view, knee) {
        (ViewKind::Front, Knee::Right) => ("Outer side", "Inner side"),
        (ViewKind::Front, Knee::Left) => ("Inner side", "Outer side"),
        (ViewKind::Side, Knee::Right) => ("Back of knee", "Front of knee"),
        (ViewKind::Side, Knee::Left) => ("Front of knee", "Back of knee"),
    };
    let font = FontId::proportional(theme::size::SMALL);
    let y = rect.bottom() - 12.0;
    painter.text(
        pos2(rect.left() + 8.0, y),
        Align2::LEFT_CENTER,
        left_text,
        font.clone(),
        theme::on_picture().muted_text,
    );
    painter.text(
        pos2(rect.right() - 8.0, y),
        Align2::RIGHT_CENTER,
        right_text,
        font,
        theme::on_picture().muted_text,
    );
}

/// The same locations as a plain list (many people prefer a list to a body map).
pub fn location_list_ui(ui: &mut Ui, content: &Content, state: &MapState) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.with_layout(egui::Layout::top_down_justified(egui::Align::Min), |ui| {
        ui.spacing_mut().item_spacing.y = LIST_ROW_GAP;
        for location in content.locations() {
            if location_button(
                ui,
                location,
                state.selected_location.as_deref() == Some(location.id.as_str()),
            ) {
                commands.push(Command::SelectLocation(location.id.clone()));
            }
        }
    });
    commands
}

/// Vertical gap between rows of the location list.
const LIST_ROW_GAP: f32 = 2.0;

/// Height the location list needs, so the picture can take the rest of the column.
pub fn location_list_height(ui: &Ui, row_count: usize) -> f32 {
    let row = ui
        .spacing()
        .interact_size
        .y
        .max(ui.text_style_height(&egui::TextStyle::Button))
        + 2.0 * ui.spacing().button_padding.y
        + LIST_ROW_GAP;
    row * row_count as f32
}

/// A two-line selectable row: the location and what people notice there. Its accessible name is both lines.
fn location_button(ui: &mut Ui, location: &Location, selected: bool) -> bool {
    let text = egui::RichText::new(&location.label);
    let response = ui
        .add(egui::Button::selectable(selected, text))
        .on_hover_text(&location.hint);
    let accessible = format!("{}: {}", location.label, location.hint);
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::Button, true, selected, &accessible)
    });
    response.clicked()
}
