//! `.kneemap-plan` files: generated plans survive export → import unchanged, and each kind of bad file is refused
//! whole with the right line.

#![expect(
    clippy::unwrap_used,
    reason = "test helpers outside #[test] fns: a panic here is the failure report"
)]

use chrono::{DateTime, NaiveDate, Utc};
use kneemap::content::Content;
use kneemap::export::plan_file::MAX_PLAN_FILE_BYTES;
use kneemap::export::{
    ImportedPlan, PLAN_FILE_VERSION, PlanFileMeta, PlanFileProblem, export_plan, parse_plan_file,
};
use kneemap::planner::data::MAX_PLAN_WEEKS;
use kneemap::planner::{
    GenerateOptions, PainThresholds, Plan, PlannedExercise, generate_programme,
    supported_conditions,
};

fn content() -> Content {
    Content::embedded().unwrap()
}

fn meta() -> PlanFileMeta {
    PlanFileMeta {
        author: "Dr. Example, physio".to_owned(),
        written_at: DateTime::<Utc>::from_timestamp(1_767_600_000, 0).unwrap(),
    }
}

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 7).unwrap()
}

fn generated(content: &Content, condition: &str, weeks: Option<u8>) -> Plan {
    let mut options = GenerateOptions::new(condition, start());
    options.weeks = weeks;
    options.age_band = Some(kneemap::content::AgeBand::Age16To39);
    let mut plan = generate_programme(content, &options).unwrap();
    plan.id = 42;
    plan
}

fn parse_ok(text: &str, content: &Content) -> ImportedPlan {
    match parse_plan_file(text, content) {
        Ok(imported) => imported,
        Err(problems) => panic!("refused: {problems:#?}\n{text}"),
    }
}

fn parse_err(text: &str, content: &Content) -> Vec<PlanFileProblem> {
    match parse_plan_file(text, content) {
        Ok(_) => panic!("accepted a bad file:\n{text}"),
        Err(problems) => problems,
    }
}

/// 1-based number of the `nth` line containing `needle`.
fn line_of(text: &str, needle: &str, nth: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .nth(nth)
        .map_or_else(|| panic!("no {nth}th line with {needle}"), |(i, _)| i + 1)
}

/// Replaces `from` by `to` on line `line` (1-based) only.
fn edit_line(text: &str, line: usize, from: &str, to: &str) -> String {
    let mut out: Vec<String> = text.lines().map(str::to_owned).collect();
    assert!(out[line - 1].contains(from), "{}", out[line - 1]);
    out[line - 1] = out[line - 1].replacen(from, to, 1);
    out.join("\n") + "\n"
}

#[test]
fn every_generated_programme_round_trips() {
    let content = content();
    let mut checked = 0;
    for condition in supported_conditions(&content) {
        let plan = generated(&content, condition, None);
        let limits = PainThresholds::for_condition(&content, condition);
        let text = export_plan(&plan, Some(&limits), &meta()).unwrap();
        let imported = parse_ok(&text, &content);
        let mut expected = plan.clone();
        expected.id = 0;
        assert_eq!(imported.plan, expected, "{condition}");
        assert_eq!(imported.pain_limits, Some(limits));
        assert_eq!(imported.author, "Dr. Example, physio");
        assert_eq!(imported.written_at, meta().written_at);
        assert!(imported.written_by.starts_with("KneeMap "));
        checked += 1;
    }
    assert!(checked >= 3, "only {checked} conditions");
}

#[test]
fn a_full_year_plan_with_every_dose_field_round_trips() {
    let content = content();
    let mut plan = generated(&content, "patellofemoral_pain", Some(52));
    assert_eq!(plan.weeks.len(), MAX_PLAN_WEEKS);
    let squat = content.exercise("squat").unwrap();
    let mut odd =
        PlannedExercise::from_default_dose(squat, "Hand-tuned, with \"quotes\" and é".into());
    odd.load_kg = Some(12.35);
    odd.hold_secs = Some(2);
    odd.per_side = true;
    odd.rep_range = Some((6, 8));
    plan.add_exercise(51, 6, odd);
    plan.notes.push("Line one\nline two".into());
    plan.condition_id = None;
    let text = export_plan(&plan, None, &meta()).unwrap();
    let imported = parse_ok(&text, &content);
    let mut expected = plan;
    expected.id = 0;
    assert_eq!(imported.plan, expected);
    assert_eq!(imported.pain_limits, None);
}

#[test]
fn the_documented_example_imports() {
    let doc = include_str!("../docs/plan-file-format.md");
    let start = doc.find("```ron\n").expect("an example block") + "```ron\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let imported = parse_ok(&doc[start..end], &content());
    assert_eq!(imported.plan.weeks.len(), 2);
    assert!(imported.pain_limits.is_some());
    assert!(!imported.plan.weeks[0].days[0].exercises.is_empty());
}

fn sample_text(content: &Content) -> String {
    let plan = generated(content, "patellofemoral_pain", None);
    export_plan(&plan, Some(&PainThresholds::default()), &meta()).unwrap()
}

#[test]
fn unknown_exercise_is_refused_with_its_line() {
    let content = content();
    let text = sample_text(&content);
    let line = line_of(&text, "exercise: \"", 3);
    let bad = edit_line(&text, line, "exercise: \"", "exercise: \"moonwalk_");
    let problems = parse_err(&bad, &content);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].line, line);
    assert!(
        problems[0].reason.contains("unknown exercise"),
        "{}",
        problems[0].reason
    );
    assert!(
        problems[0].reason.contains("moonwalk_"),
        "{}",
        problems[0].reason
    );
}

#[test]
fn doses_out_of_range_are_each_refused_with_their_lines() {
    let content = content();
    let text = sample_text(&content);
    let sets_line = line_of(&text, "sets: ", 0);
    let rest_line = line_of(&text, "rest_secs: ", 4);
    let sets_text = text.lines().nth(sets_line - 1).unwrap().trim().to_owned();
    let rest_text = text.lines().nth(rest_line - 1).unwrap().trim().to_owned();
    let bad = edit_line(&text, sets_line, &sets_text, "sets: 11,");
    let bad = edit_line(&bad, rest_line, &rest_text, "rest_secs: 900,");
    let problems = parse_err(&bad, &content);
    let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, [sets_line, rest_line], "{problems:#?}");
    assert!(
        problems[0]
            .reason
            .contains("11 sets is out of range (1 to 10)"),
        "{}",
        problems[0].reason
    );
    assert!(
        problems[1].reason.contains("rest is out of range"),
        "{}",
        problems[1].reason
    );
}

#[test]
fn a_negative_load_and_a_backwards_rep_range_are_refused() {
    let content = content();
    let text = sample_text(&content);
    let line = line_of(&text, "load_kg: None", 0);
    let bad = edit_line(&text, line, "load_kg: None", "load_kg: Some(-5.0)");
    let range_line = line_of(&bad, "rep_range: Some(", 1);
    let range_text = bad.lines().nth(range_line - 1).unwrap().trim().to_owned();
    let bad = edit_line(&bad, range_line, &range_text, "rep_range: Some((12, 8)),");
    let problems = parse_err(&bad, &content);
    assert_eq!(problems.len(), 2, "{problems:#?}");
    let load = problems.iter().find(|p| p.reason.contains("load")).unwrap();
    assert_eq!(load.line, line);
    let range = problems
        .iter()
        .find(|p| p.reason.contains("rep range"))
        .unwrap();
    assert_eq!(range.line, range_line);
}

#[test]
fn a_newer_version_is_refused_at_the_version_line() {
    let content = content();
    let text = sample_text(&content);
    let line = line_of(&text, "version: ", 0);
    let newer = PLAN_FILE_VERSION + 1;
    let bad = edit_line(
        &text,
        line,
        &format!("version: {PLAN_FILE_VERSION}"),
        &format!("version: {newer}"),
    );
    // A newer version may add fields: it is refused for its version alone.
    let bad = bad.replacen("    plan: (", "    new_thing: 5,\n    plan: (", 1);
    let problems = parse_err(&bad, &content);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].line, line);
    assert!(
        problems[0].reason.contains("newer KneeMap"),
        "{}",
        problems[0].reason
    );
}

#[test]
fn wrong_types_are_refused_at_ron_s_position() {
    let content = content();
    let text = sample_text(&content);
    let line = line_of(&text, "sets: ", 2);
    let current = text.lines().nth(line - 1).unwrap().trim().to_owned();
    let bad = edit_line(&text, line, &current, "sets: \"three\",");
    let problems = parse_err(&bad, &content);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].line, line);
    assert!(problems[0].column.is_some());

    let bad = edit_line(&text, line, &current, "sets: 300,");
    let problems = parse_err(&bad, &content);
    assert_eq!(problems[0].line, line, "{problems:#?}");

    let unknown_field = line_of(&text, "per_side: ", 0);
    let bad = edit_line(&text, unknown_field, "per_side: ", "colour: 3, per_side: ");
    let problems = parse_err(&bad, &content);
    assert_eq!(problems[0].line, unknown_field, "{problems:#?}");
}

#[test]
fn too_many_weeks_is_refused() {
    let content = content();
    let mut plan = Plan::new("Too long", start(), MAX_PLAN_WEEKS + 1);
    let squat = content.exercise("squat").unwrap();
    plan.add_exercise(
        0,
        0,
        PlannedExercise::from_default_dose(squat, String::new()),
    );
    let text = export_plan(&plan, None, &meta()).unwrap();
    let problems = parse_err(&text, &content);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0].reason.contains("too many weeks: 53"),
        "{}",
        problems[0].reason
    );
    assert_eq!(problems[0].line, line_of(&text, "weeks: [", 0));
}

#[test]
fn text_too_long_is_refused_at_its_line() {
    let content = content();
    let mut plan = generated(&content, "patellofemoral_pain", None);
    plan.name = "n".repeat(201);
    plan.notes.push("x".repeat(2001));
    let text = export_plan(&plan, None, &meta()).unwrap();
    let problems = parse_err(&text, &content);
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert_eq!(problems[0].line, line_of(&text, "name: \"nnn", 0));
    assert!(problems[0].reason.contains("too long: 201 characters"));
    assert_eq!(problems[1].line, line_of(&text, "xxxxx", 0));
}

#[test]
fn oversized_files_and_other_formats_are_refused() {
    let content = content();
    let huge = " ".repeat(MAX_PLAN_FILE_BYTES + 1);
    let problems = parse_err(&huge, &content);
    assert!(
        problems[0].reason.contains("bytes"),
        "{}",
        problems[0].reason
    );

    let text = sample_text(&content);
    let bad = text.replacen("format: \"kneemap-plan\"", "format: \"kneemap-store\"", 1);
    let problems = parse_err(&bad, &content);
    assert_eq!(problems[0].line, line_of(&bad, "format: ", 0));
    assert!(problems[0].reason.contains("not a KneeMap plan file"));

    for junk in [
        "",
        "(",
        "not ron at all",
        "\u{0}\u{1}",
        "(format: \"kneemap-plan\", version: 1)",
    ] {
        let problems = parse_err(junk, &content);
        assert!(!problems.is_empty());
        assert!(problems.iter().all(|p| p.line >= 1 && !p.reason.is_empty()));
    }
}

#[test]
fn many_problems_are_listed_up_to_a_cap_with_a_count() {
    let content = content();
    let text = sample_text(&content);
    let bad = text.replace("exercise: \"", "exercise: \"zz_");
    let problems = parse_err(&bad, &content);
    let exercises = text.matches("exercise: \"").count();
    if exercises > 50 {
        assert_eq!(problems.len(), 51);
        assert!(
            problems[50]
                .reason
                .contains(&format!("and {} more", exercises - 50))
        );
    } else {
        assert_eq!(problems.len(), exercises);
    }
    // Lines are in file order.
    assert!(problems.windows(2).all(|w| w[0].line <= w[1].line));
}

#[test]
fn the_preview_names_the_plan_author_and_exercises() {
    let content = content();
    let plan = generated(&content, "patellofemoral_pain", None);
    let text = export_plan(&plan, Some(&PainThresholds::default()), &meta()).unwrap();
    let lines = parse_ok(&text, &content).preview_lines(&content);
    let all = lines.join("\n");
    assert!(all.contains(&plan.name), "{all}");
    assert!(all.contains("by Dr. Example, physio"), "{all}");
    assert!(
        all.contains(&format!("{} weeks", plan.weeks.len())),
        "{all}"
    );
    let first = &plan.weeks[0]
        .days
        .iter()
        .find(|d| !d.is_empty())
        .unwrap()
        .exercises[0];
    let name = &content.exercise(&first.exercise_id).unwrap().name;
    assert!(all.contains(name.as_str()), "{all}");
    assert!(all.contains("Pain limit during exercise: 3/10"), "{all}");
}
