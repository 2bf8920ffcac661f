//! Checks of `content/running.ron` as part of the whole set: every text sourced, the rules the code names present,
//! a return-to-run plan for every programme's condition, and every ladder growing no faster than its rule allows.

use super::{Checker, quoted};
use crate::content::Content;
use crate::content::error::ContentErrorKind as Kind;
use crate::content::load::ContentFileKind as File;
use crate::content::model::running::{LOAD_RULE_IDS, PAIN_RULE_IDS, RuleText};

/// Anchors that locate stage `index` of the return-to-run plan for `condition` (labels repeat across plans).
fn stage_anchors(condition: &str, index: usize) -> Vec<String> {
    let mut anchors = vec![
        "return_to_run".to_owned(),
        format!("condition: {}", quoted(condition)),
        "stages:".to_owned(),
    ];
    anchors.extend(std::iter::repeat_n("(label:".to_owned(), index + 1));
    anchors
}

fn report_at(checker: &mut Checker<'_>, anchors: &[String], kind: Kind, message: String) {
    let anchors: Vec<&str> = anchors.iter().map(String::as_str).collect();
    checker.report(File::Running, &anchors, kind, message);
}

pub(super) fn check_running(content: &Content, checker: &mut Checker<'_>) {
    let running = &content.running;
    let ladder = &running.ladder_rule;
    if !(ladder.max_run_time_growth.is_finite()
        && (1.0..=3.0).contains(&ladder.max_run_time_growth)
        && ladder.max_continuous_step_pct.is_finite()
        && (1.0..=50.0).contains(&ladder.max_continuous_step_pct)
        && (180..=900).contains(&ladder.reference_pace_secs_per_km))
    {
        checker.report(
            File::Running,
            &["ladder_rule"],
            Kind::BadValue,
            "ladder_rule: growth must be 1–3×, the continuous step 1–50 % and the pace 180–900 s/km".to_owned(),
        );
    }
    let ladder_text = RuleText {
        id: "ladder_rule".to_owned(),
        title: ladder.title.clone(),
        text: ladder.text.clone(),
        sources: ladder.sources.clone(),
        level: ladder.level,
    };
    let texts = running.load_rules.iter().chain(&running.pain_rules).chain([
        &ladder_text,
        &running.swap,
        &running.shoe_rule,
        &running.shoe_rotation,
        &running.cadence,
    ]);
    for rule in texts {
        let at = quoted(&rule.title);
        if rule.text.trim().is_empty() || rule.title.trim().is_empty() {
            checker.report(
                File::Running,
                &[&at],
                Kind::EmptyText,
                format!("rule '{}' has an empty title or text", rule.id),
            );
        }
        if rule.sources.is_empty() {
            checker.report(
                File::Running,
                &[&at],
                Kind::MissingField,
                format!("rule '{}' cites no source", rule.title),
            );
        }
        for id in rule
            .sources
            .iter()
            .filter(|id| content.source(id).is_none())
        {
            checker.report(
                File::Running,
                &[&at, &quoted(id)],
                Kind::DanglingReference,
                format!("unknown source id '{id}'"),
            );
        }
    }
    for (group, required) in [
        (&running.load_rules, &LOAD_RULE_IDS[..]),
        (&running.pain_rules, &PAIN_RULE_IDS[..]),
    ] {
        for id in required
            .iter()
            .filter(|id| !group.iter().any(|r| r.id == **id))
        {
            checker.report(
                File::Running,
                &[],
                Kind::MissingRequired,
                format!("rule '{id}' is missing"),
            );
        }
    }
    for condition in content.programme_condition_ids() {
        if running.plan(condition).is_none() {
            checker.report(
                File::Running,
                &["return_to_run"],
                Kind::MissingRequired,
                format!("no return-to-run plan for '{condition}'"),
            );
        }
    }
    for plan in &running.return_to_run {
        let at = [
            "return_to_run".to_owned(),
            format!("condition: {}", quoted(&plan.condition)),
        ];
        if plan.entry_criteria.is_empty() || plan.entry_criteria.iter().any(|c| c.trim().is_empty())
        {
            report_at(
                checker,
                &at,
                Kind::EmptyText,
                format!("plan '{}' needs entry criteria", plan.condition),
            );
        }
        if plan.stages.is_empty() {
            report_at(
                checker,
                &at,
                Kind::BadValue,
                format!("plan '{}' has no stages", plan.condition),
            );
        }
        if !plan
            .stages
            .iter()
            .any(|s| s.walk_secs == 0 && s.total_run_secs() >= 1800)
        {
            report_at(
                checker,
                &at,
                Kind::BadValue,
                format!(
                    "plan '{}' never reaches 30 minutes of continuous running",
                    plan.condition
                ),
            );
        }
        for id in plan
            .sources
            .iter()
            .filter(|id| content.source(id).is_none())
        {
            let mut anchors = at.to_vec();
            anchors.push("sources:".to_owned());
            anchors.push(quoted(id));
            report_at(
                checker,
                &anchors,
                Kind::DanglingReference,
                format!("unknown source id '{id}'"),
            );
        }
        for (index, stage) in plan.stages.iter().enumerate() {
            let is_distance = stage.distance_m.is_some_and(|d| d.is_finite() && d > 0.0);
            let is_timed = stage.run_secs > 0 && stage.repeats > 0;
            if !(is_distance || is_timed)
                || stage.sessions_to_advance == 0
                || stage.label.trim().is_empty()
            {
                report_at(
                    checker,
                    &stage_anchors(&plan.condition, index),
                    Kind::BadValue,
                    format!(
                        "stage '{}' of '{}' needs a run time or distance and at least one session",
                        stage.label, plan.condition
                    ),
                );
            }
        }
        for (index, why) in ladder.broken_rungs(plan) {
            report_at(
                checker,
                &stage_anchors(&plan.condition, index),
                Kind::BadValue,
                why,
            );
        }
    }
}
