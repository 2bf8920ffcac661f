//! UI tests on the real app with `egui_kittest`: widgets are found by their accessible labels, clicked with the
//! pointer or driven by the keyboard, and the resulting panels are asserted by their headings.

#![expect(
    clippy::unwrap_used,
    reason = "Test helpers outside #[test] fns: a panic here is the failure report."
)]
#![expect(
    clippy::redundant_closure_for_method_calls,
    reason = "Spelled through kittest's node traits, the method path is longer than the closure."
)]

use egui::{Event, Key, Modifiers, PointerButton, Pos2, Rect, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use kneemap::KneeMapApp;
use kneemap::content::{Content, ViewKind};
use kneemap::map::diagram::{self, Knee};
use kneemap::map::geometry::NormPos;
use kneemap::map::ranking;
use kneemap::ui::condition::panel_heading;
use kneemap::ui::diagram::picture_label;
use kneemap::ui::red_flags::BANNER_LABEL;

fn content() -> Content {
    Content::embedded().unwrap()
}

/// The real app, built by its own constructor, in a 1280×800 window.
fn app_harness() -> Harness<'static, KneeMapApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(|cc| KneeMapApp::new(cc, Content::embedded(), None));
    harness.run();
    harness
}

fn choose_view_and_knee(harness: &mut Harness<'static, KneeMapApp>, view: ViewKind, knee: Knee) {
    harness
        .get_by_label(&format!("{} view", view.label()))
        .click();
    harness.run();
    harness
        .get_by_label(&format!("{} knee", knee.label()))
        .click();
    harness.run();
    assert_eq!(harness.state().state().view, view);
    assert_eq!(harness.state().state().knee, knee);
}

fn click_at(harness: &mut Harness<'static, KneeMapApp>, pos: Pos2) {
    harness.hover_at(pos);
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::default(),
        });
    }
    harness.run();
}

fn expected_heading(content: &Content, location_id: &str) -> String {
    let location = content.location(location_id).unwrap();
    let top = &ranking::rank(content, location, &std::collections::BTreeSet::new(), None)[0];
    panel_heading(content.condition(&top.condition_id).unwrap())
}

#[test]
fn every_region_of_both_views_and_knees_opens_its_panel_by_accessible_label() {
    let content = content();
    let mut harness = app_harness();
    for view in ViewKind::ALL {
        for knee in Knee::ALL {
            choose_view_and_knee(&mut harness, view, knee);
            for region in &content.view(view).unwrap().regions {
                let label = &region.location.label;
                let node = harness.get_by_role_and_label(egui::Role::Button, label);
                node.click();
                harness.run();
                let heading = expected_heading(&content, &region.location.id);
                harness.get_by_label(&heading);
                assert_eq!(
                    harness.state().state().selected_location.as_deref(),
                    Some(region.location.id.as_str()),
                    "{view:?} {knee:?} {label}"
                );
                assert_eq!(
                    harness.state().state().open_condition.as_deref(),
                    Some(region.location.primary.as_str())
                );
            }
        }
    }
}

#[test]
fn raw_pointer_clicks_inside_regions_open_the_matching_panel() {
    let content = content();
    let mut harness = app_harness();
    for view in ViewKind::ALL {
        for knee in Knee::ALL {
            choose_view_and_knee(&mut harness, view, knee);
            let picture: Rect = harness.get_by_label(&picture_label(view, knee)).rect();
            let view_content = content.view(view).unwrap();
            let to_screen = |p: NormPos| {
                pos2(
                    picture.left() + p.x * picture.width(),
                    picture.top() + p.y * picture.height(),
                )
            };
            for region in &view_content.regions {
                // The region's button sits on its anchor; click elsewhere inside the outline.
                let polygon = diagram::region_polygon(region, knee);
                let anchor = diagram::region_anchor(region, knee).unwrap();
                let node_center = harness
                    .get_by_role_and_label(egui::Role::Button, &region.location.label)
                    .rect()
                    .center();
                let anchor_screen = to_screen(anchor);
                assert!(
                    (node_center - anchor_screen).length() < 2.0,
                    "node rect sits on the region's anchor"
                );
                let inside = polygon
                    .iter()
                    .map(|v| {
                        NormPos::new(
                            anchor.x + 0.7 * (v.x - anchor.x),
                            anchor.y + 0.7 * (v.y - anchor.y),
                        )
                    })
                    .find(|p| {
                        diagram::hit_test(view_content, knee, *p).map(|r| &r.location.id)
                            == Some(&region.location.id)
                            && (to_screen(*p) - anchor_screen).length() > 14.0
                    })
                    .unwrap_or(anchor);
                click_at(&mut harness, to_screen(inside));
                assert_eq!(
                    harness.state().state().selected_location.as_deref(),
                    Some(region.location.id.as_str()),
                    "{view:?} {knee:?} click at {inside:?}"
                );
                harness.get_by_label(&expected_heading(&content, &region.location.id));
            }
            // Empty space inside the picture changes nothing.
            let before = harness.state().state().clone();
            click_at(&mut harness, to_screen(NormPos::new(0.03, 0.03)));
            assert_eq!(harness.state().state(), &before);
        }
    }
}

#[test]
fn location_list_and_whole_knee_choice_open_panels() {
    let content = content();
    let mut harness = app_harness();
    for location in content.locations() {
        let label = format!("{}: {}", location.label, location.hint);
        harness.get_by_label(&label).click();
        harness.run();
        harness.get_by_label(&expected_heading(&content, &location.id));
    }
    let whole = &content.regions.whole_knee[0];
    assert_eq!(
        harness.state().state().selected_location.as_deref(),
        Some(whole.id.as_str())
    );
    assert_eq!(
        harness.state().state().open_condition.as_deref(),
        Some("knee_osteoarthritis")
    );
}

#[test]
fn ticking_a_red_flag_shows_the_banner_and_unticking_removes_it() {
    let content = content();
    let mut harness = app_harness();
    assert!(harness.query_by_label_contains(BANNER_LABEL).is_none());
    let flag = content
        .red_flags
        .iter()
        .find(|f| f.id == "hot_swollen_knee")
        .unwrap();
    harness.get_by_label(&flag.text).click();
    harness.run();
    let banner = harness.get_by_label_contains(BANNER_LABEL);
    assert!(
        banner
            .accesskit_node()
            .label()
            .unwrap()
            .contains("emergency")
    );
    assert!(harness.state().triage().is_ticked(&flag.id));
    harness.get_by_label(&flag.text).click();
    harness.run();
    assert!(harness.query_by_label_contains(BANNER_LABEL).is_none());
}

#[test]
fn keyboard_only_tab_to_a_region_and_press_enter() {
    let content = content();
    let mut harness = app_harness();
    let labels: Vec<&str> = content
        .view(ViewKind::Front)
        .unwrap()
        .regions
        .iter()
        .map(|r| r.location.label.as_str())
        .collect();
    let mut focused_label = None;
    for _ in 0..40 {
        harness.key_press(Key::Tab);
        harness.run();
        if let Some(node) = harness.query_by(|n| n.is_focused()) {
            let label = node.accesskit_node().label().unwrap_or_default();
            if labels.contains(&label.as_str()) {
                focused_label = Some(label);
                break;
            }
        }
    }
    let focused_label = focused_label.expect("Tab reaches a diagram region");
    harness.key_press(Key::Enter);
    harness.run();
    let region = content
        .view(ViewKind::Front)
        .unwrap()
        .regions
        .iter()
        .find(|r| r.location.label == focused_label)
        .unwrap();
    harness.get_by_label(&expected_heading(&content, &region.location.id));
    // Space works too: Tab on to the next spot (a region or a list row) and pick it with Space.
    let before = harness.state().state().selected_location.clone();
    harness.key_press(Key::Tab);
    harness.run();
    let next_label = harness
        .query_by(|n| n.is_focused())
        .and_then(|n| n.accesskit_node().label())
        .expect("something has focus");
    let next = content
        .locations()
        .into_iter()
        .find(|l| next_label == l.label || next_label == format!("{}: {}", l.label, l.hint))
        .expect("the next focus stop is a place");
    assert_ne!(
        before.as_deref(),
        Some(next.id.as_str()),
        "focus moved to another place"
    );
    harness.key_press(Key::Space);
    harness.run();
    assert_eq!(
        harness.state().state().selected_location.as_deref(),
        Some(next.id.as_str())
    );
}

#[test]
fn symptom_answers_re_rank_and_explain() {
    let content = content();
    let mut harness = app_harness();
    harness
        .get_by_role_and_label(
            egui::Role::Button,
            &content.location("kneecap").unwrap().label,
        )
        .click();
    harness.run();
    let question = content
        .symptoms
        .iter()
        .find(|q| q.id == "pain_tip_kneecap_jumping")
        .unwrap();
    harness
        .get_by_label("Refine with symptom questions")
        .click();
    harness.run();
    harness.get_by_label(&question.question).click_accesskit();
    harness.run();
    harness.get_by_label_contains("Ranked higher because you said");
    assert!(harness.state().state().yes_answers.contains(&question.id));
}

#[test]
fn broken_content_shows_errors_instead_of_panicking() {
    let broken = kneemap::content::RawContent::embedded()
        .with_file(kneemap::content::ContentFileKind::Regions, "(views: [")
        .parse();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| KneeMapApp::new(cc, broken.clone(), None));
    harness.run();
    harness.get_by_label("KneeMap could not load its content");
    harness.get_by_label_contains("regions.ron:1:");
}

#[test]
fn every_character_in_the_content_files_has_a_glyph_in_the_app_fonts() {
    // Every character of every content file must have a glyph in the app's fonts (proportional and
    // monospace), so no panel ever shows a missing-character box.
    let raw = kneemap::content::RawContent::embedded();
    let harness = Harness::builder()
        .with_size(egui::vec2(800.0, 600.0))
        .build_ui(|ui| {
            ui.label("fonts loaded");
        });
    let mut missing = std::collections::BTreeSet::new();
    harness.ctx.fonts_mut(|fonts| {
        for kind in kneemap::content::CONTENT_FILES {
            for c in raw.text(kind).chars().filter(|c| !c.is_control()) {
                for font in [
                    egui::FontId::proportional(14.0),
                    egui::FontId::monospace(13.0),
                ] {
                    if !fonts.has_glyph(&font, c) {
                        missing.insert((kind.file_name(), c, format!("U+{:04X}", u32::from(c))));
                    }
                }
            }
        }
    });
    assert!(
        missing.is_empty(),
        "characters without a glyph: {missing:?}"
    );
    // The check can fail: a character no bundled font has is reported.
    assert!(
        !harness
            .ctx
            .fonts_mut(|fonts| fonts.has_glyph(&egui::FontId::proportional(14.0), '\u{10FFFD}'))
    );
}

#[test]
fn panel_and_section_titles_are_headings_with_levels() {
    let content = content();
    let mut harness = app_harness();
    harness
        .get_by_label("Front of knee, around the kneecap")
        .click();
    harness.run();
    let heading_level = |harness: &Harness<'static, KneeMapApp>, label: &str| {
        let node = harness.get_by_label(label);
        assert_eq!(
            node.accesskit_node().role(),
            egui::accesskit::Role::Heading,
            "{label}"
        );
        node.accesskit_node().level()
    };
    assert_eq!(heading_level(&harness, "Red flags"), Some(1));
    assert_eq!(heading_level(&harness, "Where does it hurt?"), Some(1));
    let condition = content
        .condition(&harness.state().state().open_condition.clone().unwrap())
        .unwrap();
    assert_eq!(heading_level(&harness, &panel_heading(condition)), Some(1));
    assert_eq!(heading_level(&harness, "Also consider"), Some(2));
    // Every heading has a level, and there are several of each kind to jump between.
    let headings: Vec<_> = harness
        .query_all_by_role(egui::accesskit::Role::Heading)
        .collect();
    assert!(headings.len() >= 6, "{}", headings.len());
    assert!(
        headings
            .iter()
            .all(|h| h.accesskit_node().level().is_some())
    );
}

/// Every button, checkbox, combo box, slider and spin button on screen has a label, and no two share one.
fn assert_unique_labels(harness: &Harness<'static, KneeMapApp>, place: &str) {
    let mut seen = std::collections::BTreeMap::<String, usize>::new();
    for role in [
        egui::accesskit::Role::Button,
        egui::accesskit::Role::CheckBox,
        egui::accesskit::Role::ComboBox,
        egui::accesskit::Role::Slider,
        egui::accesskit::Role::SpinButton,
    ] {
        for node in harness.query_all_by_role(role) {
            let label = node.accesskit_node().label().unwrap_or_default();
            assert!(!label.is_empty(), "{role:?} without a label: {place}");
            *seen.entry(label).or_default() += 1;
        }
    }
    let repeated: Vec<_> = seen.iter().filter(|(_, n)| **n > 1).collect();
    assert!(repeated.is_empty(), "{place}: repeated labels {repeated:?}");
}

#[test]
fn every_labelled_control_has_a_unique_label() {
    let mut harness = app_harness();
    for tab in [
        "Condition",
        "Planner",
        "Running",
        "Exercises",
        "Prevention & causes",
        "About & sources",
    ] {
        harness.get_by_label(tab).click();
        harness.run();
        assert_unique_labels(&harness, &format!("the {tab} tab"));
    }
    // Every planner view, with a plan on the board (and the heavy programme's age check on the generator).
    harness.get_by_label("Planner").click();
    harness.run();
    harness.get_by_label("Suggest a programme").click();
    harness.run();
    harness.get_by_label("Condition for the programme").click();
    harness.run();
    harness.get_by_label("Jumper's knee").click();
    harness.run();
    assert_unique_labels(&harness, "the generator with the age check");
    harness
        .get_by_label("Programme age check: 16 to 39")
        .click();
    harness.run();
    harness.get_by_label("Generate programme").click();
    harness.run();
    assert!(harness.state().planner_data().plan.is_some());
    for view in [
        "Week plan",
        "Suggest a programme",
        "Run a session",
        "Log & history",
        "Export & share",
    ] {
        harness.get_by_label(view).click();
        harness.run();
        assert_unique_labels(&harness, &format!("the planner's {view} view with a plan"));
    }
    // A week whose stage waits for its criteria: the gate's checklist and buttons too.
    harness.get_by_label("Week plan").click();
    harness.run();
    for _ in 0..2 {
        harness.get_by_label("Next week").click();
        harness.run();
    }
    harness.get_by_label_contains("Before \"Slow strength (isotonic)\" starts");
    assert_unique_labels(&harness, "a week waiting for its stage's criteria");
}
