//! Content checks for issue 13's clinical corrections: the pain numbers cite the papers they come from, claims
//! the article makes are attributed to it, clicking alone no longer weights a meniscus tear, osteochondritis
//! dissecans is a clinician-led condition for under-16s, and every spot has an "If it doesn't fit" route.

#![expect(
    clippy::unwrap_used,
    reason = "Test helpers outside #[test] fns: a panic here is the failure report."
)]

use std::collections::BTreeSet;

use kneemap::content::{AgeBand, Claim, Content};
use kneemap::map::ranking::rank;

fn content() -> Content {
    Content::embedded().unwrap()
}

/// Every claim of the condition panels, the guidance and the clinical topics, with where it is.
fn all_claims(content: &Content) -> Vec<(String, &Claim)> {
    let mut out: Vec<(String, &Claim)> = Vec::new();
    for c in &content.conditions {
        let lists = [
            &c.summary,
            &c.where_it_hurts,
            &c.what_it_feels_like,
            &c.what_makes_it_worse,
            &c.what_helps_first,
            &c.exercise_emphasis.summary,
            &c.running_guidance,
            &c.timeline,
            &c.see_someone_if,
        ];
        out.extend(
            lists
                .into_iter()
                .flatten()
                .map(|claim| (c.id.clone(), claim)),
        );
    }
    let g = &content.guidance;
    out.extend(
        g.introduction
            .iter()
            .chain(&g.takeaways)
            .chain(&g.professionals)
            .map(|claim| ("guidance".to_owned(), claim)),
    );
    for f in &g.factors {
        out.extend(f.explanation.iter().map(|claim| (f.id.clone(), claim)));
    }
    for t in &g.prevention {
        out.extend(t.points.iter().map(|claim| (t.id.clone(), claim)));
    }
    for t in &g.clinical_topics {
        out.extend(t.points.iter().map(|claim| (t.id.clone(), claim)));
    }
    for q in &g.faq {
        out.extend(q.answer.iter().map(|claim| (q.question.clone(), claim)));
    }
    out
}

/// A pain score such as "3/10" or "2/10" in the text.
fn has_pain_score(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes
        .windows(4)
        .any(|w| w[0].is_ascii_digit() && &w[1..4] == b"/10")
}

#[test]
fn pain_numbers_cite_the_pain_monitoring_papers_not_common_practice() {
    let content = content();
    let papers = ["thomee_1997", "silbernagel_2007", "esculier_2018"];
    let mut checked = 0;
    for (place, claim) in all_claims(&content) {
        // A pain limit: a score with the words that make it a rule (a trial's measured effect is not one).
        let is_limit = ["limit", "or less", "safe zone", "accept", "up to"]
            .iter()
            .any(|w| claim.text.contains(w));
        if !has_pain_score(&claim.text) || !is_limit {
            continue;
        }
        checked += 1;
        assert!(
            claim.sources.iter().any(|s| papers.contains(&s.as_str())),
            "{place}: \"{}\" gives a pain number without citing Thomeé, Silbernagel or Esculier",
            claim.text
        );
        assert!(
            !claim
                .sources
                .iter()
                .any(|s| s == "pain_monitoring_practice"),
            "{place}: \"{}\" still rests on pain_monitoring_practice",
            claim.text
        );
    }
    assert!(
        checked >= 6,
        "pain numbers appear in the panels ({checked})"
    );
}

#[test]
fn the_pain_limit_numbers_are_explained_where_they_appear() {
    let content = content();
    let soreness = content
        .guidance
        .clinical_topics
        .iter()
        .find(|t| t.id == "soreness_or_pain")
        .unwrap();
    let one_limit = soreness
        .points
        .iter()
        .find(|p| p.text.contains("one pain limit"))
        .expect("the topic explains the one limit");
    for number in ["3/10", "0–2", "5/10", "2/10"] {
        assert!(one_limit.text.contains(number), "{number} is explained");
    }
    assert!(
        soreness
            .points
            .iter()
            .any(|p| p.text.contains("at rest") && p.text.contains("red-flag checklist")),
        "constant rest or night pain points to the checklist"
    );
    let pfp = content.condition("patellofemoral_pain").unwrap();
    let running_2 = pfp
        .running_guidance
        .iter()
        .find(|c| c.text.contains("2/10"))
        .unwrap();
    assert!(
        running_2.text.contains("3/10") && running_2.text.contains("one limit"),
        "the runner's-knee 2/10 says how it relates to the plan's limit: {}",
        running_2.text
    );
}

#[test]
fn jumpers_knee_keeps_tolerable_flat_running_and_sends_only_those_who_stopped_to_return_to_run() {
    let content = content();
    let tendon = content.condition("patellar_tendinopathy").unwrap();
    assert!(
        tendon
            .running_guidance
            .iter()
            .any(|c| c.text.contains("flat") && c.text.contains("keep doing it"))
    );
    assert!(
        tendon.running_guidance.iter().any(|c| {
            c.text.contains("return-to-run plan") && c.text.contains("stopped running")
        })
    );
}

#[test]
fn the_articles_claims_about_hip_drop_and_lowering_risk_are_attributed_and_set_against_the_trials()
{
    let content = content();
    let hip_drop = content.factor("hip_drop_valgus").unwrap();
    for claim in &hip_drop.explanation {
        if claim.sources == ["article"] {
            assert!(
                claim.text.starts_with("The article"),
                "attributed: {}",
                claim.text
            );
        }
    }
    assert!(
        hip_drop
            .explanation
            .iter()
            .any(|c| c.sources.iter().any(|s| s == "toresdahl_2020"))
    );
    let takeaways = &content.guidance.takeaways;
    let lower_risk = takeaways
        .iter()
        .position(|c| c.text.contains("substantially lower your risk"))
        .unwrap();
    assert!(takeaways[lower_risk].text.starts_with("The article says"));
    let next = &takeaways[lower_risk + 1];
    assert!(
        next.sources.iter().any(|s| s == "toresdahl_2020")
            && next.sources.iter().any(|s| s == "buist_2008"),
        "the null prevention trials follow: {}",
        next.text
    );
}

#[test]
fn warm_up_drills_are_not_credited_to_the_article() {
    let content = content();
    for id in ["leg_swings", "hip_circles", "high_knee_march"] {
        let exercise = content.exercise(id).unwrap();
        assert!(!exercise.named_in_article, "{id}");
        assert!(
            !exercise.sources.iter().any(|s| s == "article")
                && !exercise.dose.sources.iter().any(|s| s == "article"),
            "{id} cites the article"
        );
    }
    for (place, claim) in all_claims(&content) {
        let lower = claim.text.to_lowercase();
        if lower.contains("leg swings") || lower.contains("hip circles") {
            assert!(
                !claim.sources.iter().any(|s| s == "article"),
                "{place}: {}",
                claim.text
            );
        }
    }
}

#[test]
fn clicking_alone_does_not_raise_a_meniscus_tear_but_catching_locking_and_giving_way_do() {
    let content = content();
    for q in &content.symptoms {
        let raises_meniscus = q
            .weights
            .iter()
            .any(|w| w.condition == "meniscus_tear" && w.weight > 0);
        if q.because.contains("click") {
            assert!(
                !raises_meniscus,
                "{} weights clicking toward a meniscus tear",
                q.id
            );
        }
    }
    let catching = content
        .symptoms
        .iter()
        .find(|q| q.id == "catching_locking_giving_way")
        .unwrap();
    for word in ["catch", "lock", "give way"] {
        assert!(catching.question.contains(word), "{word}");
    }
    let location = content.location("inner_joint_line").unwrap();
    let answers: BTreeSet<String> = std::iter::once(catching.id.clone()).collect();
    let ranked = rank(&content, location, &answers, None);
    let meniscus = ranked
        .iter()
        .find(|c| c.condition_id == "meniscus_tear")
        .unwrap();
    assert!(meniscus.explanation().unwrap().contains("catching"));
}

#[test]
fn osteochondritis_dissecans_is_a_clinician_led_condition_for_under_16s_only() {
    let content = content();
    let ocd = content.condition("osteochondritis_dissecans").unwrap();
    assert_eq!(ocd.only_for_ages, [AgeBand::Under16]);
    assert!(ocd.clinician_led.as_deref().is_some_and(|r| !r.is_empty()));
    assert!(content.programme_for(&ocd.id).is_none());
    let offered: Vec<_> = content
        .locations()
        .into_iter()
        .flat_map(|l| l.alternatives.iter())
        .filter(|a| a.condition == ocd.id)
        .collect();
    assert!(offered.len() >= 2, "offered at more than one spot");
    assert!(
        offered
            .iter()
            .all(|a| a.only_for_ages == [AgeBand::Under16])
    );
    for location in content.locations() {
        for band in [AgeBand::Age16To39, AgeBand::Age40To59, AgeBand::Age60Plus] {
            assert!(
                !rank(&content, location, &BTreeSet::new(), Some(band))
                    .iter()
                    .any(|c| c.condition_id == ocd.id),
                "{} offers OCD to {band:?}",
                location.id
            );
        }
    }
}

#[test]
fn every_spot_has_an_it_doesnt_fit_route_with_who_to_see() {
    let content = content();
    for location in content.locations() {
        let causes: Vec<_> = content
            .regions
            .other_causes
            .iter()
            .filter(|c| c.locations.contains(&location.id))
            .collect();
        assert!(!causes.is_empty(), "{} has no other causes", location.id);
        for cause in causes {
            assert!(!cause.who.trim().is_empty() && !cause.sources.is_empty());
        }
    }
}

#[test]
fn topical_nsaids_for_knee_oa_and_never_painkillers_to_run_through_pain() {
    let content = content();
    let medicines = content
        .guidance
        .clinical_topics
        .iter()
        .find(|t| t.id == "pain_medicines")
        .unwrap();
    assert!(
        medicines
            .conditions
            .iter()
            .any(|c| c == "knee_osteoarthritis")
    );
    assert!(
        medicines.points.iter().any(
            |p| p.text.contains("topical NSAID") && p.sources.iter().any(|s| s == "nice_ng226")
        )
    );
    assert!(
        medicines
            .points
            .iter()
            .any(|p| p.text.starts_with("Never take painkillers")
                && p.sources.iter().any(|s| s == "kuster_2013"))
    );
    assert!(
        !medicines
            .conditions
            .iter()
            .filter_map(|id| content.condition(id))
            .any(|c| c.only_for_ages == [AgeBand::Under16]),
        "no painkiller advice in a child's panel"
    );
}

#[test]
fn the_cadence_change_starts_at_about_5_percent_for_part_of_each_run() {
    let content = content();
    let cadence = content
        .guidance
        .clinical_topics
        .iter()
        .find(|t| t.id == "cadence_change")
        .unwrap();
    assert!(cadence.points.iter().any(|p| p.text.contains("5%")));
    assert!(
        cadence
            .points
            .iter()
            .any(|p| p.text.contains("part of each run"))
    );
}
