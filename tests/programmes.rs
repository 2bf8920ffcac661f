//! Programmes are one content source: the condition panel's phases and the generated plan's phases must be the
//! same for every condition, under-16s get no heavy-load programme, and clinician-led conditions get none.

#![expect(
    clippy::unwrap_used,
    reason = "Test helpers outside #[test] fns: a panic here is the failure report."
)]

use chrono::NaiveDate;
use kneemap::content::{AgeBand, Content, ContentErrorKind, ContentFileKind, RawContent};
use kneemap::planner::{GenerateError, GenerateOptions, generate_programme};

/// Monday 2026-01-05.
fn monday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()
}

/// Options long enough to reach every phase of the condition's programme.
fn options_for_every_phase(content: &Content, condition_id: &str) -> GenerateOptions {
    let programme = content.programme_for(condition_id).unwrap();
    let last_start = programme.phases.iter().map(|p| p.first_week).max().unwrap();
    GenerateOptions {
        weeks: Some(programme.default_weeks.max(last_start)),
        age_band: Some(kneemap::content::AgeBand::Age16To39),
        ..GenerateOptions::new(condition_id, monday())
    }
}

#[test]
fn panel_phases_and_generated_phases_are_the_same_for_every_condition() {
    let content = Content::embedded().unwrap();
    let mut compared = 0;
    for condition in &content.conditions {
        let panel = content.phase_summaries(&condition.id);
        let Some(programme) = content.programme_for(&condition.id) else {
            // Only clinician-led conditions may have no programme, and then the panel shows no phases.
            assert!(condition.clinician_led.is_some(), "{}", condition.id);
            assert!(panel.is_empty(), "{}", condition.id);
            continue;
        };
        let plan = generate_programme(&content, &options_for_every_phase(&content, &condition.id))
            .unwrap_or_else(|e| panic!("{}: {e}", condition.id));
        let panel_names: Vec<&str> = panel.iter().map(|p| p.name.as_str()).collect();
        let plan_names: Vec<&str> = plan.phases.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(panel_names, plan_names, "{}", condition.id);
        // Weeks: the plan lays each phase on the weeks the panel states, in order, without gaps.
        let mut next_week_index = 0;
        for ((shown, phase), laid_out) in panel.iter().zip(&programme.phases).zip(&plan.phases) {
            assert!(
                shown.weeks.starts_with(&phase.weeks_label()),
                "{}",
                shown.weeks
            );
            assert_eq!(
                laid_out.first_week_index + 1,
                usize::from(phase.first_week),
                "{} {}",
                condition.id,
                phase.name
            );
            assert_eq!(laid_out.first_week_index, next_week_index, "{}", phase.name);
            if let Some(last) = phase.last_week {
                assert_eq!(
                    laid_out.last_week_index + 1,
                    usize::from(last),
                    "{}",
                    phase.name
                );
            }
            assert_eq!(laid_out.heavy_load, shown.heavy_load);
            next_week_index = laid_out.last_week_index + 1;
            // Every exercise the plan uses in this phase is one the panel lists (or an all-round extra).
            for week in &plan.weeks[laid_out.first_week_index..=laid_out.last_week_index] {
                for planned in week.days.iter().flat_map(|d| &d.exercises) {
                    let general = content
                        .exercise(&planned.exercise_id)
                        .is_some_and(|e| e.conditions.is_empty());
                    assert!(
                        general || shown.exercises.contains(&planned.exercise_id),
                        "{} {}: {} not on the panel",
                        condition.id,
                        phase.name,
                        planned.exercise_id
                    );
                }
            }
        }
        assert_eq!(next_week_index, plan.weeks.len(), "{}", condition.id);
        compared += 1;
    }
    assert!(compared >= 5, "only {compared} programmes compared");
}

#[test]
fn under_16s_are_refused_heavy_load_programmes_only() {
    let content = Content::embedded().unwrap();
    let mut refused = 0;
    for programme in &content.programmes {
        let options = GenerateOptions {
            age_band: Some(AgeBand::Under16),
            ..options_for_every_phase(&content, &programme.condition)
        };
        let condition = content.condition(&programme.condition).unwrap();
        if !condition.applies_to_age(AgeBand::Under16) {
            continue;
        }
        let result = generate_programme(&content, &options);
        if let Some(heavy) = programme.phases.iter().find(|p| p.heavy_load) {
            let error = result.expect_err("heavy load generated for an under-16");
            assert_eq!(
                error,
                GenerateError::HeavyLoadUnder16 {
                    phase: heavy.name.clone()
                }
            );
            assert!(error.to_string().contains("needs a clinician"), "{error}");
            refused += 1;
        } else {
            let plan = result.unwrap_or_else(|e| panic!("{}: {e}", programme.condition));
            assert!(plan.phases.iter().all(|p| !p.heavy_load));
        }
        // The same programme is made for an adult.
        let adult = GenerateOptions {
            age_band: Some(AgeBand::Age16To39),
            ..options
        };
        if condition.applies_to_age(AgeBand::Age16To39) {
            assert!(generate_programme(&content, &adult).is_ok());
        }
    }
    assert!(refused >= 1, "no shipped programme has a heavy-load phase");
}

#[test]
fn tendinopathy_follows_the_four_stages_and_patellofemoral_lasts_twelve_weeks() {
    let content = Content::embedded().unwrap();
    let stages: Vec<&str> = content
        .programme_for("patellar_tendinopathy")
        .unwrap()
        .phases
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(stages.len(), 4, "{stages:?}");
    assert!(stages[0].contains("Isometric"));
    assert!(stages[1].contains("isotonic"));
    assert!(stages[2].contains("Heavy slow"));
    assert!(stages[3].contains("running"));
    let plan = generate_programme(
        &content,
        &GenerateOptions::new("patellofemoral_pain", monday()),
    )
    .unwrap();
    assert_eq!(plan.weeks.len(), 12);
}

#[test]
fn a_clinician_led_condition_with_a_programme_is_an_error() {
    let conditions = RawContent::embedded()
        .text(ContentFileKind::Conditions)
        .replacen(
            "id: \"meniscus_tear\",",
            "id: \"meniscus_tear\", clinician_led: \"Needs an assessment first.\",",
            1,
        );
    let errors = RawContent::embedded()
        .with_file(ContentFileKind::Conditions, conditions)
        .parse()
        .expect_err("accepted")
        .0;
    let error = errors
        .iter()
        .find(|e| e.file == "programmes.ron" && e.kind == ContentErrorKind::BadValue)
        .unwrap_or_else(|| panic!("{errors:#?}"));
    assert!(error.message.contains("clinician_led"), "{error}");
    let programmes = RawContent::embedded();
    let line = programmes
        .text(ContentFileKind::Programmes)
        .lines()
        .position(|l| l.contains("condition: \"meniscus_tear\""))
        .unwrap()
        + 1;
    assert_eq!(error.line, line, "{error}");

    // Clinician-led with its programme removed is accepted, and the generator gives the reason.
    let programmes_text = programmes.text(ContentFileKind::Programmes).to_owned();
    let conditions = RawContent::embedded()
        .text(ContentFileKind::Conditions)
        .replacen(
            "id: \"meniscus_tear\",",
            "id: \"meniscus_tear\", clinician_led: \"Needs an assessment first.\",",
            1,
        );
    let start = programmes_text
        .find("// ================================================================ MENISCUS TEAR")
        .unwrap();
    let end = programmes_text
        .find("// ================================================================ KNEE OSTEOARTHRITIS")
        .unwrap();
    let without = format!("{}{}", &programmes_text[..start], &programmes_text[end..]);
    let content = RawContent::embedded()
        .with_file(ContentFileKind::Conditions, conditions)
        .with_file(ContentFileKind::Programmes, without)
        .parse()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(content.phase_summaries("meniscus_tear").is_empty());
    let error =
        generate_programme(&content, &GenerateOptions::new("meniscus_tear", monday())).unwrap_err();
    assert!(
        error.to_string().contains("Needs an assessment first."),
        "{error}"
    );
}
