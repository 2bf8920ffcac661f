//! UI tests for issue 7 ("Clinical accuracy") and issue 13 on the real app at 1280×800: every red flag raises
//! its banner, the age question changes which checks and conditions show, a condition panel answers first, and
//! the clinical content of issue 13 ("If it doesn't fit", the questions runners ask) is reachable by label.

#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "Test helpers outside #[test] fns: a panic here is the failure report."
)]

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use kneemap::KneeMapApp;
use kneemap::content::{AgeBand, Condition, Content, RedFlag};
use kneemap::triage::headline;
use kneemap::ui::condition::{
    CLINICAL_TOPICS_TITLE, DOESNT_FIT_TITLE, SUMMARY_LABEL, panel_heading,
};
use kneemap::ui::red_flags::BANNER_LABEL;

const WINDOW_HEIGHT: f32 = 800.0;

fn content() -> Content {
    Content::embedded().unwrap()
}

/// The real app, built by its own constructor, in a 1280×800 window.
fn app_harness() -> Harness<'static, KneeMapApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, WINDOW_HEIGHT))
        .build_eframe(|cc| KneeMapApp::new(cc, Content::embedded(), None));
    harness.run();
    harness
}

fn click_label(harness: &mut Harness<'static, KneeMapApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

fn banner_count(harness: &Harness<'static, KneeMapApp>) -> usize {
    harness.query_all_by_label_contains(BANNER_LABEL).count()
}

/// Checkbox of a red flag in the checklist, if it is shown.
fn flag_checkbox_shown(harness: &Harness<'static, KneeMapApp>, flag: &RedFlag) -> bool {
    harness
        .query_by_role_and_label(egui::Role::CheckBox, &flag.text)
        .is_some()
}

/// Whether "Also consider" lists `condition` as a link (the open condition is the panel's heading instead).
fn listed_as_alternative(harness: &Harness<'static, KneeMapApp>, condition: &Condition) -> bool {
    let name = format!("{} ({})", condition.lay_name, condition.clinical_name);
    harness.query_all_by_role(egui::Role::Link).any(|node| {
        node.accesskit_node()
            .label()
            .is_some_and(|label| label.starts_with(&name))
    })
}

fn growth_plate_conditions(content: &Content) -> Vec<&Condition> {
    content
        .conditions
        .iter()
        .filter(|c| c.only_for_ages == [AgeBand::Under16])
        .collect()
}

/// The label of the first spot on the front picture that offers `condition` as an alternative.
fn spot_offering(content: &Content, condition: &Condition) -> String {
    let front = content
        .view(kneemap::content::ViewKind::Front)
        .expect("front view");
    front
        .regions
        .iter()
        .map(|r| &r.location)
        .chain(&content.regions.whole_knee)
        .find(|l| l.alternatives.iter().any(|a| a.condition == condition.id))
        .unwrap_or_else(|| panic!("no front-view spot offers {}", condition.id))
        .label
        .clone()
}

#[test]
fn every_red_flag_alone_raises_its_urgency_headline_and_who_to_see() {
    let content = content();
    let mut harness = app_harness();
    assert!(content.red_flags.len() >= 10, "issue 7 added flags");
    for flag in &content.red_flags {
        assert_eq!(
            banner_count(&harness),
            0,
            "no banner before ticking {}",
            flag.id
        );
        harness
            .get_by_role_and_label(egui::Role::CheckBox, &flag.text)
            .click_accesskit();
        harness.run();
        assert_eq!(
            harness.state().triage().ticked().iter().collect::<Vec<_>>(),
            vec![&flag.id],
            "only {} is ticked",
            flag.id
        );
        let banner = format!("{BANNER_LABEL}: {}", headline(flag.urgency));
        assert!(
            harness.query_by_label(&banner).is_some(),
            "{}: banner \"{banner}\" missing",
            flag.id
        );
        assert!(
            harness
                .query_by_label(&format!("See: {}", flag.who.trim_end_matches('.')))
                .is_some(),
            "{}: banner does not name who to see ({})",
            flag.id,
            flag.who
        );
        harness
            .get_by_role_and_label(egui::Role::CheckBox, &flag.text)
            .click_accesskit();
        harness.run();
        assert!(harness.state().triage().ticked().is_empty());
    }
    assert_eq!(
        banner_count(&harness),
        0,
        "the banner goes once nothing is ticked"
    );
}

#[test]
fn under_16_shows_the_child_checks_and_the_growth_plate_conditions() {
    let content = content();
    let child_flags: Vec<&RedFlag> = content
        .red_flags
        .iter()
        .filter(|f| f.only_for_ages.contains(&AgeBand::Under16))
        .collect();
    assert!(!child_flags.is_empty(), "a limp check exists for children");
    let growth = growth_plate_conditions(&content);
    let mut growth_ids: Vec<&str> = growth.iter().map(|c| c.id.as_str()).collect();
    growth_ids.sort_unstable();
    assert_eq!(
        growth_ids,
        [
            "osgood_schlatter",
            "osteochondritis_dissecans",
            "sinding_larsen_johansson"
        ],
        "Osgood-Schlatter, Sinding-Larsen-Johansson and osteochondritis dissecans"
    );

    let mut harness = app_harness();
    harness.get_by_label("How old is the runner?");
    click_label(&mut harness, &format!("Age {}", AgeBand::Under16.label()));
    assert_eq!(harness.state().triage().age_band(), Some(AgeBand::Under16));
    for flag in &child_flags {
        assert!(
            flag_checkbox_shown(&harness, flag),
            "{} shown for under-16s",
            flag.id
        );
    }
    for condition in &growth {
        harness
            .get_by_role_and_label(egui::Role::Button, &spot_offering(&content, condition))
            .click();
        harness.run();
        harness.get_by_label("Also consider");
        assert!(
            listed_as_alternative(&harness, condition),
            "{} listed under Also consider",
            condition.id
        );
    }
}

#[test]
fn age_16_to_39_hides_the_child_checks_and_the_growth_plate_conditions() {
    let content = content();
    let mut harness = app_harness();
    click_label(&mut harness, &format!("Age {}", AgeBand::Age16To39.label()));
    assert_eq!(
        harness.state().triage().age_band(),
        Some(AgeBand::Age16To39)
    );
    for flag in &content.red_flags {
        assert_eq!(
            flag_checkbox_shown(&harness, flag),
            flag.applies_to_age(AgeBand::Age16To39),
            "{} shown exactly when it applies to 16 to 39",
            flag.id
        );
    }
    harness
        .get_by_role_and_label(egui::Role::Button, "Below the kneecap, on the tendon")
        .click();
    harness.run();
    harness.get_by_label("Also consider");
    // The adult alternatives are still listed, so the check below looks at a real list.
    assert!(
        harness
            .query_all_by_role(egui::Role::Link)
            .any(|n| { n.accesskit_node().label().is_some_and(|l| l.contains(" (")) })
    );
    for condition in growth_plate_conditions(&content) {
        assert!(
            !listed_as_alternative(&harness, condition),
            "{} not listed for adults",
            condition.id
        );
    }
}

#[test]
fn the_condition_summary_is_on_the_first_screen_after_picking_the_front_of_the_knee() {
    let content = content();
    let mut harness = app_harness();
    click_label(&mut harness, "Front of knee, around the kneecap");
    let condition = content
        .condition(harness.state().state().open_condition.as_deref().unwrap())
        .unwrap();
    harness.get_by_label(&panel_heading(condition));
    let summary = harness.get_by_label(SUMMARY_LABEL).rect();
    assert!(
        summary.top() >= 0.0 && summary.bottom() <= WINDOW_HEIGHT,
        "summary at {summary:?} is not inside the {WINDOW_HEIGHT} px window"
    );
    // Each topic's first claim is in the summary, inside the window.
    for claims in [
        &condition.summary,
        &condition.where_it_hurts,
        &condition.what_helps_first,
        &condition.see_someone_if,
    ] {
        let text = &claims.first().unwrap().text;
        let node = harness.get_by_label(text);
        assert!(
            node.rect().bottom() <= WINDOW_HEIGHT,
            "\"{text}\" is below the fold"
        );
    }
    // The summary comes before the ranking.
    assert!(summary.bottom() <= harness.get_by_label("Also consider").rect().top());
}

#[test]
fn a_clinician_led_condition_gives_its_reason_and_no_programme() {
    let content = content();
    let mut harness = app_harness();
    click_label(&mut harness, &format!("Age {}", AgeBand::Under16.label()));
    for condition in growth_plate_conditions(&content) {
        harness
            .get_by_role_and_label(egui::Role::Button, &spot_offering(&content, condition))
            .click();
        harness.run();
        let reason = condition.clinician_led.as_deref().unwrap();
        let name = format!("{} ({})", condition.lay_name, condition.clinical_name);
        harness.get_by_label_contains(&name).click_accesskit();
        harness.run();
        assert_eq!(
            harness.state().state().open_condition.as_deref(),
            Some(condition.id.as_str())
        );
        harness.get_by_label("Managed with a physiotherapist or doctor");
        let reason_rect = harness.get_by_label(reason).rect();
        assert!(
            reason_rect.bottom() <= WINDOW_HEIGHT,
            "the reason is on the first screen"
        );
        assert!(harness.query_by_label("Suggested programme").is_none());
        assert!(harness.query_by_label_contains("Phase 1:").is_none());
    }
}

#[test]
fn the_symptom_questions_fold_until_answered() {
    let content = content();
    let mut harness = app_harness();
    click_label(&mut harness, "Front of knee, around the kneecap");
    let question = &content
        .symptoms
        .iter()
        .find(|q| q.id == "pain_tip_kneecap_jumping")
        .unwrap()
        .question;
    assert!(
        harness.query_by_label(question).is_none(),
        "folded at first"
    );
    click_label(&mut harness, "Refine with symptom questions");
    // The questions sit below the summary and the ranking, so the checkbox may be scrolled out of view.
    harness.get_by_label(question).click_accesskit();
    harness.run();
    assert_eq!(harness.state().state().yes_answers.len(), 1);
    harness.get_by_label_contains("Ranked higher because you said");
    // Answered: the section stays open.
    harness.get_by_label(question);
}

#[test]
fn the_pain_limit_offers_the_models_range_and_explains_it_from_the_content() {
    let content = content();
    let monitoring = &content.pain_monitoring;
    let mut harness = app_harness();
    click_label(&mut harness, "Planner");
    click_label(&mut harness, "Log & history");
    harness.get_by_label("Pain limits");
    for claim in &monitoring.explanation {
        harness.get_by_label(&claim.text);
    }
    let spin = harness.get_by_role_and_label(
        egui::Role::SpinButton,
        "Highest pain during exercise for this plan",
    );
    let node = spin.accesskit_node();
    assert_eq!(
        node.numeric_value(),
        Some(f64::from(monitoring.default_max_during))
    );
    assert_eq!(node.min_numeric_value(), Some(0.0));
    assert_eq!(
        node.max_numeric_value(),
        Some(f64::from(monitoring.highest_max_during))
    );
}

/// Picks a spot and checks the condition panel's "If it doesn't fit" section lists exactly the other causes
/// written for that spot, each with what points to it and who to see.
fn assert_doesnt_fit_lists_the_spots_causes(
    harness: &mut Harness<'static, KneeMapApp>,
    spot: &str,
) {
    let content = content();
    let location = content
        .locations()
        .into_iter()
        .find(|l| l.label == spot)
        .unwrap_or_else(|| panic!("no spot {spot}"));
    // A pictured spot is a button named by its label; the whole-knee choice is only in the list under the
    // picture, named by its label and hint.
    let list_label = format!("{}: {}", location.label, location.hint);
    match harness.query_by_role_and_label(egui::Role::Button, spot) {
        Some(button) => button.click(),
        None => harness
            .get_by_role_and_label(egui::Role::Button, &list_label)
            .click(),
    }
    harness.run();
    let primary = content.condition(&location.primary).unwrap();
    harness.get_by_label(&panel_heading(primary));
    harness.get_by_label(DOESNT_FIT_TITLE);
    let (here, elsewhere): (Vec<_>, Vec<_>) = content
        .regions
        .other_causes
        .iter()
        .partition(|c| c.locations.contains(&location.id));
    assert!(!here.is_empty(), "{spot} has other causes");
    for cause in here {
        harness.get_by_label(&cause.name);
        harness.get_by_label(&cause.fits_if);
        harness.get_by_label(&format!("Who to see: {}", cause.who));
    }
    for cause in elsewhere {
        assert!(
            harness.query_by_label(&cause.name).is_none(),
            "{} is not a cause at {spot}",
            cause.id
        );
    }
}

#[test]
fn the_panel_for_each_spot_says_what_else_it_could_be_and_who_to_see() {
    let mut harness = app_harness();
    for spot in [
        "Inner side of the knee, on the joint line",
        "Below the kneecap, on the tendon",
        "Front of knee, around the kneecap",
        "Outside of the knee, just above the joint line",
        "Outer side of the knee, on the joint line",
        "Whole knee aches and feels stiff",
    ] {
        assert_doesnt_fit_lists_the_spots_causes(&mut harness, spot);
    }
    // Pes anserine pain, fat pad, plica, popliteus, hamstring tendon, a slipping kneecap and the hip are all
    // reachable from some spot.
    let content = content();
    for id in [
        "pes_anserine",
        "fat_pad",
        "medial_plica",
        "popliteus",
        "hamstring_tendon",
        "patellar_instability",
        "hip_referred",
    ] {
        assert!(
            content.regions.other_causes.iter().any(|c| c.id == id),
            "{id} is written"
        );
    }
}

#[test]
fn the_questions_runners_ask_open_in_the_condition_panel() {
    let content = content();
    let mut harness = app_harness();
    click_label(&mut harness, "Front of knee, around the kneecap");
    let open = harness.state().state().open_condition.clone().unwrap();
    harness.get_by_label(CLINICAL_TOPICS_TITLE);
    let topics: Vec<_> = content
        .guidance
        .clinical_topics
        .iter()
        .filter(|t| t.conditions.contains(&open))
        .collect();
    let mut ids: Vec<&str> = topics.iter().map(|t| t.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(
        ids,
        [
            "bone_stress",
            "cadence_change",
            "calf_ankle_shoes",
            "first_run_after_break",
            "imaging",
            "pain_medicines",
            "soreness_or_pain"
        ],
        "runner's knee shows every topic"
    );
    for topic in topics {
        let first = &topic.points[0].text;
        assert!(
            harness.query_by_label(first).is_none(),
            "{} is folded at first",
            topic.id
        );
        harness.get_by_label(&topic.title).click_accesskit();
        harness.run();
        for point in &topic.points {
            harness.get_by_label(&point.text);
        }
    }
}

#[test]
fn a_childs_panel_shows_the_scan_advice_with_the_48_hour_x_ray() {
    let content = content();
    let mut harness = app_harness();
    click_label(&mut harness, &format!("Age {}", AgeBand::Under16.label()));
    let ocd = content.condition("osteochondritis_dissecans").unwrap();
    harness
        .get_by_role_and_label(egui::Role::Button, &spot_offering(&content, ocd))
        .click();
    harness.run();
    let name = format!("{} ({})", ocd.lay_name, ocd.clinical_name);
    harness.get_by_label_contains(&name).click_accesskit();
    harness.run();
    harness.get_by_label(&panel_heading(ocd));
    let imaging = content
        .guidance
        .clinical_topics
        .iter()
        .find(|t| t.id == "imaging")
        .unwrap();
    harness.get_by_label(&imaging.title).click_accesskit();
    harness.run();
    let point = imaging
        .points
        .iter()
        .find(|p| p.text.contains("within 48 hours"))
        .expect("the imaging topic names the 48-hour X-ray");
    harness.get_by_label(&point.text);
    // Only the topics written for this condition show: no painkiller advice in a child's panel.
    let medicines = content
        .guidance
        .clinical_topics
        .iter()
        .find(|t| t.id == "pain_medicines")
        .unwrap();
    assert!(harness.query_by_label(&medicines.title).is_none());
}

#[test]
fn the_prevention_tab_lists_every_question_runners_ask_and_links_its_panels() {
    let content = content();
    let mut harness = app_harness();
    click_label(&mut harness, "Prevention & causes");
    harness.get_by_label(CLINICAL_TOPICS_TITLE);
    for topic in &content.guidance.clinical_topics {
        harness.get_by_label(&topic.title).click_accesskit();
        harness.run();
        for point in &topic.points {
            harness.get_by_label(&point.text);
        }
    }
    // A panel link opens the condition.
    let cadence = content
        .guidance
        .clinical_topics
        .iter()
        .find(|t| t.id == "cadence_change")
        .unwrap();
    let first = content.condition(&cadence.conditions[0]).unwrap();
    harness
        .query_all_by_role(egui::Role::Link)
        .find(|n| n.accesskit_node().label().as_deref() == Some(first.lay_name.as_str()))
        .expect("a link to the first panel")
        .click_accesskit();
    harness.run();
    assert_eq!(
        harness.state().state().open_condition.as_deref(),
        Some(first.id.as_str())
    );
}
