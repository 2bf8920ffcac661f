//! Table test for the red-flag checklist: every shipped red flag has a row here giving its urgency and who to
//! see, so a change to either (or a new flag without a row) is a deliberate, reviewed edit.

#![expect(
    clippy::expect_used,
    reason = "A failed lookup in a test is the failure report."
)]

use std::collections::BTreeSet;

use kneemap::content::Urgency::{Emergency, SameDay, Soon, Within48Hours};
use kneemap::content::{AgeBand, Content, Urgency};

/// (id, urgency, who to see), in the order of `content/red_flags.ron`.
const EXPECTED: &[(&str, Urgency, &str)] = &[
    (
        "cannot_bear_weight",
        SameDay,
        "Urgent care, a same-day GP appointment or a sports medicine physician. Go to the emergency department if it followed a fall or collision or the knee looks misshapen.",
    ),
    (
        "sudden_sharp_pain",
        SameDay,
        "A sports medicine physician, a physiotherapist with same-day appointments, or urgent care.",
    ),
    (
        "swelling_redness_warmth",
        SameDay,
        "A same-day GP appointment, urgent care or a sports medicine physician.",
    ),
    (
        "instability_locking_clicking",
        Soon,
        "A physiotherapist, sports medicine physician or orthopaedic specialist.",
    ),
    (
        "persistent_pain",
        Soon,
        "A physiotherapist, sports medicine physician or orthopaedic specialist.",
    ),
    ("hot_swollen_knee", Emergency, "Emergency department."),
    (
        "calf_pain_swelling",
        SameDay,
        "Urgent care or a same-day doctor's appointment (in the UK, NHS 111 can arrange this).",
    ),
    (
        "breathless_chest_pain",
        Emergency,
        "Emergency services: call the emergency number (999 in the UK, 112 in Europe, 911 in North America).",
    ),
    (
        "night_pain_weight_loss",
        Soon,
        "Your GP or a sports medicine physician.",
    ),
    (
        "several_joints_or_after_infection",
        Soon,
        "Your GP, who can refer you to a rheumatologist (joint inflammation specialist) if needed.",
    ),
    (
        "ottawa_after_injury",
        SameDay,
        "Urgent care, a minor injuries unit or an emergency department: somewhere that can take an X-ray.",
    ),
    (
        "rapid_swelling_or_pop",
        SameDay,
        "Urgent care, a minor injuries unit, an emergency department or a same-day sports medicine clinic.",
    ),
    (
        "cannot_straighten_or_lift_leg",
        SameDay,
        "An emergency department or urgent care centre, today.",
    ),
    (
        "kneecap_slipped_out",
        SameDay,
        "Urgent care or a minor injuries unit today; the emergency department if the kneecap is still out of place.",
    ),
    (
        "locked_knee",
        SameDay,
        "Same-day urgent care, or the emergency department if you can't get there otherwise or the knee is badly deformed.",
    ),
    (
        "foot_cold_pale_numb",
        Emergency,
        "Emergency services: call the emergency number or go to the emergency department now.",
    ),
    (
        "bone_stress_signs",
        Soon,
        "A sports medicine doctor or your GP; a physiotherapist can also assess it and arrange a scan if needed.",
    ),
    (
        "hip_groin_pain_on_hopping_or_weight",
        SameDay,
        "A same-day GP appointment, urgent care or a sports medicine physician: somewhere that can arrange an X-ray.",
    ),
    (
        "hip_or_groin_pain",
        Soon,
        "A physiotherapist, sports medicine physician or your GP, who can examine the hip as well as the knee.",
    ),
    (
        "pins_needles_or_back_pain",
        Soon,
        "Your GP or a physiotherapist.",
    ),
    ("nerve_symptoms", Emergency, "Emergency department."),
    (
        "child_limp_thigh_knee_pain",
        SameDay,
        "A same-day GP or urgent care appointment; say that you are worried about the hip. The emergency department if you can't put weight on the leg at all.",
    ),
    (
        "young_bone_pain_or_swelling",
        Within48Hours,
        "Your GP within 48 hours (say it is bone pain at night or without a clear cause, so they can arrange an X-ray); the emergency department if the child is unwell, feverish or can't put weight on the leg.",
    ),
];

fn content() -> Content {
    Content::embedded().expect("embedded content loads")
}

#[test]
fn every_red_flag_has_the_expected_urgency_and_who_to_see() {
    let content = content();
    for (id, urgency, who) in EXPECTED {
        let flag = content
            .red_flags
            .iter()
            .find(|f| f.id == *id)
            .unwrap_or_else(|| panic!("red flag {id:?} is in the table but not in red_flags.ron"));
        assert_eq!(flag.urgency, *urgency, "urgency of {id:?}");
        assert_eq!(flag.who, *who, "who to see for {id:?}");
    }
}

#[test]
fn the_table_and_the_file_list_the_same_flags_once_each() {
    let content = content();
    let in_file: Vec<&str> = content.red_flags.iter().map(|f| f.id.as_str()).collect();
    let in_table: Vec<&str> = EXPECTED.iter().map(|(id, _, _)| *id).collect();
    let unique: BTreeSet<&str> = in_table.iter().copied().collect();
    assert_eq!(unique.len(), in_table.len(), "a flag has two rows");
    assert_eq!(
        in_table, in_file,
        "every red flag needs exactly one row in this table, in file order"
    );
}

#[test]
fn a_hot_swollen_knee_is_an_emergency_with_or_without_fever() {
    let content = content();
    let hot = content
        .red_flags
        .iter()
        .find(|f| f.id == "hot_swollen_knee")
        .expect("hot_swollen_knee");
    assert_eq!(hot.urgency, Emergency);
    assert!(hot.text.contains("with or without a fever"), "{}", hot.text);
    // The milder swelling line must point to the same rule rather than asking for a fever.
    let milder = content
        .red_flags
        .iter()
        .find(|f| f.id == "swelling_redness_warmth")
        .expect("swelling_redness_warmth");
    assert!(
        milder.action.contains("with or without a fever"),
        "{}",
        milder.action
    );
}

#[test]
fn painless_clicking_is_not_a_red_flag() {
    let content = content();
    let clicking = content
        .red_flags
        .iter()
        .find(|f| f.id == "instability_locking_clicking")
        .expect("instability_locking_clicking");
    assert!(
        clicking.text.contains("clicks with pain or swelling"),
        "{}",
        clicking.text
    );
}

#[test]
fn only_the_age_specific_flags_are_restricted_by_age() {
    let content = content();
    let restricted: Vec<(&str, &[AgeBand])> = content
        .red_flags
        .iter()
        .filter(|f| !f.only_for_ages.is_empty())
        .map(|f| (f.id.as_str(), f.only_for_ages.as_slice()))
        .collect();
    assert_eq!(
        restricted,
        vec![
            // Adults: night or rest pain is "within a week or so"; children and young people have their own line.
            (
                "night_pain_weight_loss",
                [AgeBand::Age16To39, AgeBand::Age40To59, AgeBand::Age60Plus].as_slice()
            ),
            ("child_limp_thigh_knee_pain", [AgeBand::Under16].as_slice()),
            // NICE NG12: children and young people are 0–24, so the line is asked up to the 16–39 band.
            (
                "young_bone_pain_or_swelling",
                [AgeBand::Under16, AgeBand::Age16To39].as_slice()
            ),
        ]
    );
}

/// Every flag a child (under 16) is asked about, and every flag a child's condition panel links: none of them
/// may leave night or bone pain to "a week or so"; night or bone pain in a child is seen within 48 hours.
#[test]
fn a_child_with_night_or_bone_pain_is_seen_within_48_hours_never_in_a_week() {
    let content = content();
    let young = content
        .red_flags
        .iter()
        .find(|f| f.id == "young_bone_pain_or_swelling")
        .expect("young_bone_pain_or_swelling");
    assert_eq!(young.urgency, Within48Hours);
    assert!(young.applies_to_age(AgeBand::Under16));
    assert!(young.text.contains("night") && young.action.contains("48 hours"));
    assert!(young.sources.iter().any(|s| s == "nice_ng12"));
    let slow = ["week or so", "within a week", "week or two", "next week"];
    let child_flags = content
        .red_flags
        .iter()
        .filter(|f| f.applies_to_age(AgeBand::Under16));
    for flag in child_flags {
        let mentions_night_or_bone =
            flag.text.contains("night") || flag.text.to_lowercase().contains("bone pain");
        if mentions_night_or_bone {
            for phrase in slow {
                assert!(
                    !flag.action.contains(phrase),
                    "{} (asked of under-16s) says \"{phrase}\"",
                    flag.id
                );
            }
        }
    }
    for condition in content
        .conditions
        .iter()
        .filter(|c| c.only_for_ages == [AgeBand::Under16])
    {
        assert!(
            condition
                .red_flags
                .iter()
                .any(|id| id == "young_bone_pain_or_swelling"),
            "{} links the 48-hour line",
            condition.id
        );
        assert!(
            !condition
                .red_flags
                .iter()
                .any(|id| id == "night_pain_weight_loss"),
            "{} links the adult night-pain line",
            condition.id
        );
    }
}

/// Groin or front-of-hip pain with pain on hopping or weight-bearing is same-day (possible femoral-neck stress
/// fracture) and stops training; plain hip or groin pain stays "book an appointment".
#[test]
fn hip_pain_on_hopping_or_weight_bearing_is_same_day_and_plain_hip_pain_stays_soon() {
    use kneemap::triage::Safety;
    let content = content();
    let flag = |id: &str| {
        content
            .red_flags
            .iter()
            .find(|f| f.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    let femoral_neck = flag("hip_groin_pain_on_hopping_or_weight");
    assert_eq!(femoral_neck.urgency, SameDay);
    assert!(femoral_neck.text.contains("hop") && femoral_neck.text.contains("groin"));
    assert!(femoral_neck.action.contains("Stop running"));
    assert!(femoral_neck.detail.contains("femoral neck"));
    assert_eq!(flag("hip_or_groin_pain").urgency, Soon);
    assert!(
        flag("hip_or_groin_pain")
            .detail
            .contains("hop or put weight on the leg"),
        "the plain hip line points to the same-day one"
    );
    let ticked = |id: &str| std::iter::once(id.to_owned()).collect::<BTreeSet<String>>();
    assert!(
        Safety::from_ticked(
            &content.red_flags,
            &ticked("hip_groin_pain_on_hopping_or_weight")
        )
        .training_blocked()
    );
    let plain = Safety::from_ticked(&content.red_flags, &ticked("hip_or_groin_pain"));
    assert!(plain.progression_paused() && !plain.training_blocked());
    assert!(
        Safety::from_ticked(&content.red_flags, &ticked("young_bone_pain_or_swelling"))
            .training_blocked(),
        "the 48-hour line blocks training like a same-day one"
    );
}

/// Bone stress mimics a meniscus tear and osteoarthritis, so both panels link it, and it says "can be signs".
#[test]
fn bone_stress_signs_are_linked_from_the_meniscus_and_osteoarthritis_panels() {
    let content = content();
    let bone = content
        .red_flags
        .iter()
        .find(|f| f.id == "bone_stress_signs")
        .expect("bone_stress_signs");
    assert!(bone.detail.contains("can be signs of"), "{}", bone.detail);
    assert!(!bone.detail.contains("These are signs of"));
    for id in ["meniscus_tear", "knee_osteoarthritis"] {
        let condition = content.condition(id).expect(id);
        assert!(
            condition.red_flags.iter().any(|f| f == "bone_stress_signs"),
            "{id} links bone stress"
        );
        assert!(
            condition
                .see_someone_if
                .iter()
                .any(|c| c.text.contains("can be signs of a") && c.text.contains("stress fracture")),
            "{id} says what bone stress can look like there"
        );
    }
}

#[test]
fn every_red_flag_cites_at_least_one_source_that_exists() {
    let content = content();
    for flag in &content.red_flags {
        assert!(!flag.sources.is_empty(), "{} has no source", flag.id);
        for source in &flag.sources {
            assert!(
                content.source(source).is_some(),
                "{} cites unknown source {source}",
                flag.id
            );
        }
    }
}
