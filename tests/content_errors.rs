//! Broken content inputs: each case edits one shipped file and asserts the error kind, the file and the line
//! (and column where it is exact), as `kneemap --check-content` would print them.

#![expect(
    clippy::expect_used,
    reason = "Test helpers outside #[test] fns: a panic here is the failure report."
)]

use kneemap::content::{
    ContentError, ContentErrorKind as Kind, ContentFileKind as File, RawContent,
};

/// 1-based line of the `nth` (0-based) occurrence of `needle` in `text`.
fn line_of(text: &str, needle: &str, nth: usize) -> usize {
    let mut offset = 0;
    for _ in 0..nth {
        offset += text[offset..].find(needle).expect("needle occurs") + needle.len();
    }
    let at = offset + text[offset..].find(needle).expect("needle occurs");
    text[..at].matches('\n').count() + 1
}

/// Replaces the `nth` occurrence of `from` with `to`.
fn replace_nth(text: &str, from: &str, to: &str, nth: usize) -> String {
    let mut offset = 0;
    for _ in 0..nth {
        offset += text[offset..].find(from).expect("occurs") + from.len();
    }
    let at = offset + text[offset..].find(from).expect("occurs");
    format!("{}{}{}", &text[..at], to, &text[at + from.len()..])
}

/// Replaces the `nth` polygon's point list in regions.ron.
fn replace_polygon(text: &str, nth: usize, points: &str) -> String {
    let mut offset = 0;
    for _ in 0..=nth {
        offset += text[offset..].find("polygon: [").expect("polygon") + 1;
    }
    let start = offset - 1 + "polygon: ".len();
    let end = start + text[start..].find(']').expect("closing bracket") + 1;
    format!("{}{}{}", &text[..start], points, &text[end..])
}

fn errors_for(file: File, text: String) -> Vec<ContentError> {
    match RawContent::embedded().with_file(file, text).parse() {
        Ok(_) => panic!("broken {} was accepted", file.file_name()),
        Err(errors) => errors.0,
    }
}

struct Case {
    name: &'static str,
    file: File,
    edit: fn(&str) -> String,
    kind: Kind,
    /// The expected line, computed from the edited text.
    line: fn(&str) -> Option<usize>,
    /// Text the message must contain.
    message_contains: &'static str,
}

#[test]
fn every_broken_input_is_reported_with_kind_file_and_position() {
    let cases = [
        Case {
            name: "truncated file",
            file: File::Regions,
            edit: |_| "(views: [".to_owned(),
            kind: Kind::Syntax,
            line: |_| Some(1),
            message_contains: "Expected opening `(`",
        },
        Case {
            name: "`=` instead of `:`",
            file: File::Regions,
            edit: |t| replace_nth(t, "primary:", "primary =", 0),
            kind: Kind::Syntax,
            line: |t| Some(line_of(t, "primary =", 0)),
            message_contains: "Expected colon",
        },
        Case {
            name: "unknown field (typo)",
            file: File::Conditions,
            edit: |t| replace_nth(t, "lay_name:", "lay_nmae:", 0),
            kind: Kind::UnknownField,
            line: |t| Some(line_of(t, "lay_nmae", 0)),
            message_contains: "lay_nmae",
        },
        Case {
            name: "unknown enum variant",
            file: File::RedFlags,
            edit: |t| replace_nth(t, "urgency: SameDay", "urgency: Someday", 0),
            kind: Kind::Syntax,
            line: |t| Some(line_of(t, "Someday", 0)),
            message_contains: "Someday",
        },
        Case {
            name: "missing required field",
            file: File::Exercises,
            edit: |t| replace_nth(t, "named_in_article:", "// named_in_article:", 0),
            kind: Kind::MissingField,
            // RON reports a missing field where the struct closes: the end of the first exercise.
            line: |t| Some(line_of(t, "// named_in_article:", 0) + 2),
            message_contains: "named_in_article",
        },
        Case {
            name: "duplicate red flag id",
            file: File::RedFlags,
            edit: |t| {
                replace_nth(
                    t,
                    "id: \"sudden_sharp_pain\"",
                    "id: \"cannot_bear_weight\"",
                    0,
                )
            },
            kind: Kind::DuplicateId,
            line: |t| Some(line_of(t, "\"cannot_bear_weight\"", 1)),
            message_contains: "cannot_bear_weight",
        },
        Case {
            name: "region names an unknown condition",
            file: File::Regions,
            edit: |t| {
                replace_nth(
                    t,
                    "primary: \"meniscus_tear\"",
                    "primary: \"meniscus_tears\"",
                    0,
                )
            },
            kind: Kind::DanglingReference,
            line: |t| Some(line_of(t, "\"meniscus_tears\"", 0)),
            message_contains: "meniscus_tears",
        },
        Case {
            name: "alternative names an unknown condition",
            file: File::Regions,
            edit: |t| {
                replace_nth(
                    t,
                    "condition: \"knee_osteoarthritis\"",
                    "condition: \"knee_arthritis\"",
                    0,
                )
            },
            kind: Kind::DanglingReference,
            line: |t| Some(line_of(t, "\"knee_arthritis\"", 0)),
            message_contains: "knee_arthritis",
        },
        Case {
            name: "condition links an unknown exercise",
            file: File::Conditions,
            edit: |t| replace_nth(t, "\"glute_bridge\"", "\"glute_bridges\"", 0),
            kind: Kind::DanglingReference,
            line: |t| Some(line_of(t, "\"glute_bridges\"", 0)),
            message_contains: "unknown exercise",
        },
        Case {
            name: "condition links an unknown red flag",
            file: File::Conditions,
            edit: |t| replace_nth(t, "\"persistent_pain\"", "\"persistant_pain\"", 0),
            kind: Kind::DanglingReference,
            line: |t| Some(line_of(t, "\"persistant_pain\"", 0)),
            message_contains: "unknown red flag",
        },
        Case {
            name: "claim cites an unknown source",
            file: File::Guidance,
            edit: |t| replace_nth(t, "\"buist_2008\"", "\"buist_2009\"", 0),
            kind: Kind::DanglingReference,
            line: |t| Some(line_of(t, "\"buist_2009\"", 0)),
            message_contains: "unknown source",
        },
        Case {
            name: "polygon with two points",
            file: File::Regions,
            edit: |t| replace_polygon(t, 1, "[(0.1, 0.1), (0.2, 0.2)]"),
            kind: Kind::TooFewPoints,
            line: |t| Some(line_of(t, "polygon", 1)),
            message_contains: "patellar_tendon",
        },
        Case {
            name: "point outside the picture",
            file: File::Regions,
            edit: |t| replace_polygon(t, 0, "[(0.1, 0.1), (1.5, 0.1), (0.1, 0.2)]"),
            kind: Kind::PointOutOfRange,
            line: |t| Some(line_of(t, "polygon", 0)),
            message_contains: "1.5",
        },
        Case {
            name: "self-intersecting polygon",
            file: File::Regions,
            edit: |t| replace_polygon(t, 2, "[(0.02, 0.02), (0.1, 0.1), (0.1, 0.02), (0.02, 0.1)]"),
            kind: Kind::SelfIntersecting,
            line: |t| Some(line_of(t, "polygon", 2)),
            message_contains: "crosses itself",
        },
        Case {
            name: "overlapping regions without priority",
            file: File::Regions,
            edit: |t| {
                let first =
                    replace_polygon(t, 0, "[(0.02, 0.02), (0.2, 0.02), (0.2, 0.2), (0.02, 0.2)]");
                replace_polygon(
                    &first,
                    1,
                    "[(0.1, 0.1), (0.3, 0.1), (0.3, 0.3), (0.1, 0.3)]",
                )
            },
            kind: Kind::OverlapWithoutPriority,
            line: |t| Some(line_of(t, "\"patellar_tendon\"", 0)),
            message_contains: "overlap",
        },
        Case {
            name: "empty required text",
            file: File::RedFlags,
            edit: |t| {
                let at = t.find("action: \"").expect("action") + "action: \"".len();
                let end = at + t[at..].find('"').expect("closing quote");
                format!("{}{}", &t[..at], &t[end..])
            },
            kind: Kind::EmptyText,
            line: |t| Some(line_of(t, "action: \"\"", 0)),
            message_contains: "action is empty",
        },
        Case {
            // Was "one of the article's five conditions missing": condition ids are no longer written in Rust,
            // so a renamed condition is caught because it has no programme (and its programme's id dangles).
            name: "condition without a programme and not clinician-led",
            file: File::Conditions,
            edit: |t| replace_nth(t, "id: \"knee_osteoarthritis\"", "id: \"knee_oa\"", 0),
            kind: Kind::MissingRequired,
            line: |t| Some(line_of(t, "id: \"knee_oa\"", 0)),
            message_contains: "\"knee_oa\" has no programme",
        },
        Case {
            name: "programme for an unknown condition",
            file: File::Programmes,
            edit: |t| {
                replace_nth(
                    t,
                    "condition: \"meniscus_tear\"",
                    "condition: \"meniscus_tears\"",
                    0,
                )
            },
            kind: Kind::DanglingReference,
            line: |t| Some(line_of(t, "\"meniscus_tears\"", 0)),
            message_contains: "meniscus_tears",
        },
        Case {
            name: "programme slot names an unknown exercise",
            file: File::Programmes,
            edit: |t| replace_nth(t, "[\"side_leg_raise\"]", "[\"side_leg_rise\"]", 0),
            kind: Kind::DanglingReference,
            line: |t| Some(line_of(t, "\"side_leg_rise\"", 0)),
            message_contains: "unknown exercise \"side_leg_rise\"",
        },
        Case {
            name: "a source nothing cites",
            file: File::Sources,
            edit: |t| {
                replace_nth(
                    t,
                    "    sources: [\n",
                    "    sources: [\n        (id: \"orphan_2020\", authors: \"A\", year: 2020, title: \"T\", published_in: \"J\", level: Low, verified_primary: false, note: \"N\"),\n",
                    0,
                )
            },
            kind: Kind::BadValue,
            line: |t| Some(line_of(t, "\"orphan_2020\"", 0)),
            message_contains: "source 'orphan_2020' is cited nowhere",
        },
        Case {
            name: "running.ron: a misspelt field",
            file: File::Running,
            edit: |t| replace_nth(t, "title: \"Big jump", "tilte: \"Big jump", 0),
            kind: Kind::UnknownField,
            line: |t| Some(line_of(t, "tilte", 0)),
            message_contains: "tilte",
        },
        Case {
            name: "running.ron: a load rule cites an unknown source",
            file: File::Running,
            edit: |t| replace_nth(t, "\"bjsm_2025_single_run\"", "\"frandsen_typo\"", 0),
            kind: Kind::DanglingReference,
            line: |t| Some(line_of(t, "\"frandsen_typo\"", 0)),
            message_contains: "unknown source id 'frandsen_typo'",
        },
        Case {
            // IT band plan: without its "walk 3, run 2" rung, running jumps from 6 to 18 minutes (×3).
            name: "a return-to-run rung more than doubles the running",
            file: File::Running,
            edit: |t| {
                replace_nth(
                    t,
                    "                (label: \"Walk 3 min, run 2 min × 6\", run_secs: 120, walk_secs: 180, repeats: 6, sessions_to_advance: 2),\n",
                    "",
                    1,
                )
            },
            kind: Kind::BadValue,
            line: |t| Some(line_of(t, "(label: \"Walk 2 min, run 3 min × 6\"", 1)),
            message_contains: "stage 2 'Walk 2 min, run 3 min × 6' of 'it_band_syndrome' is 200% more running than stage 1",
        },
        Case {
            // Continuous running: 20 to 30 minutes in one step is +50%, past the 25% the ladder allows.
            name: "a continuous rung grows past the ladder's margin",
            file: File::Running,
            edit: |t| {
                replace_nth(
                    t,
                    "                (label: \"Run 24 min continuously\", run_secs: 1440, walk_secs: 0, repeats: 1, sessions_to_advance: 2),\n",
                    "",
                    0,
                )
            },
            kind: Kind::BadValue,
            line: |t| Some(line_of(t, "(label: \"Run 30 min continuously\"", 0)),
            message_contains: "once running is continuous a step may add at most 25%",
        },
        Case {
            name: "programme phase cites an unknown source",
            file: File::Programmes,
            edit: |t| {
                replace_nth(
                    t,
                    "\"fredericson_weir_2006\"",
                    "\"fredericson_wier_2006\"",
                    0,
                )
            },
            kind: Kind::DanglingReference,
            line: |t| Some(line_of(t, "\"fredericson_wier_2006\"", 0)),
            message_contains: "fredericson_wier_2006",
        },
        Case {
            name: "programme phases overlap",
            file: File::Programmes,
            edit: |t| replace_nth(t, "first_week: 3,", "first_week: 2,", 0),
            kind: Kind::BadValue,
            line: |t| Some(line_of(t, "first_week: 2,", 0)),
            message_contains: "weeks overlap or are out of order",
        },
        Case {
            name: "programme phases leave a gap",
            file: File::Programmes,
            edit: |t| replace_nth(t, "first_week: 7,", "first_week: 8,", 0),
            kind: Kind::BadValue,
            line: |t| Some(line_of(t, "first_week: 8,", 0)),
            message_contains: "week 7 belongs to no phase",
        },
        Case {
            name: "programme phase ends before it starts",
            file: File::Programmes,
            edit: |t| replace_nth(t, "last_week: Some(6),", "last_week: Some(2),", 0),
            kind: Kind::BadValue,
            line: |t| Some(line_of(t, "last_week: Some(2),", 1)),
            message_contains: "ends in week 2, before it starts in week 3",
        },
        Case {
            name: "programme rep range upside down",
            file: File::Programmes,
            edit: |t| replace_nth(t, "reps: (10, 15)", "reps: (15, 10)", 0),
            kind: Kind::BadValue,
            line: |t| Some(line_of(t, "reps: (15, 10)", 0)),
            message_contains: "rep range of 15–10",
        },
        Case {
            name: "programme isometric dose with zero sets",
            file: File::Programmes,
            edit: |t| replace_nth(t, "Isometric(sets: 5", "Isometric(sets: 0", 0),
            kind: Kind::BadValue,
            line: |t| Some(line_of(t, "Isometric(sets: 0", 0)),
            message_contains: "0 sets is outside 1–10",
        },
        Case {
            name: "heavy slow repetition targets rising",
            file: File::Programmes,
            edit: |t| replace_nth(t, "(6, 8), (9, 6)", "(6, 8), (9, 10)", 0),
            kind: Kind::BadValue,
            line: |t| Some(line_of(t, "dose: HeavySlow(", 0)),
            message_contains: "weeks must rise and reps must not",
        },
        Case {
            name: "programme schedule out of range",
            file: File::Programmes,
            edit: |t| {
                replace_nth(
                    t,
                    "Spread(sessions_per_week: 3, at_least: 2)",
                    "Spread(sessions_per_week: 3, at_least: 4)",
                    0,
                )
            },
            kind: Kind::BadValue,
            line: |t| Some(line_of(t, "at_least: 4", 0)),
            message_contains: "sessions a week",
        },
        Case {
            name: "programme pain limit above what the model accepts",
            file: File::Programmes,
            edit: |t| replace_nth(t, "max_pain_during: Some(5)", "max_pain_during: Some(7)", 0),
            kind: Kind::BadValue,
            line: |t| Some(line_of(t, "max_pain_during: Some(7)", 0)),
            message_contains: "above the 5/10",
        },
        Case {
            name: "phase text with a pain number that disagrees with the programme's limit",
            file: File::Programmes,
            edit: |t| {
                replace_nth(
                    t,
                    "pain stays within your pain limit during the exercises",
                    "pain stays under 5/10 during the exercises",
                    0,
                )
            },
            kind: Kind::BadValue,
            line: |t| Some(line_of(t, "under 5/10", 0)),
            message_contains: "says 5/10 but the programme's pain limit is 3/10",
        },
        Case {
            name: "unknown field in a programme",
            file: File::Programmes,
            edit: |t| replace_nth(t, "heavy_load: true", "heavy_loads: true", 0),
            kind: Kind::UnknownField,
            line: |t| Some(line_of(t, "heavy_loads", 0)),
            message_contains: "heavy_loads",
        },
        Case {
            name: "same location defined differently in two views",
            file: File::Regions,
            edit: |t| {
                replace_nth(
                    t,
                    "label: \"Front of knee, around the kneecap\"",
                    "label: \"Kneecap\"",
                    1,
                )
            },
            kind: Kind::InconsistentLocation,
            line: |t| Some(line_of(t, "\"kneecap\"", 1)),
            message_contains: "differs between views",
        },
        Case {
            name: "exercise with zero sets",
            file: File::Exercises,
            edit: |t| replace_nth(t, "sets: 3", "sets: 0", 0),
            kind: Kind::BadValue,
            line: |t| Some(line_of(t, "sets: 0", 0)),
            message_contains: "0 sets",
        },
        Case {
            name: "other cause names an unknown location",
            file: File::Regions,
            edit: |t| {
                replace_nth(
                    t,
                    "locations: [\"inner_joint_line\"]",
                    "locations: [\"inner_joint_lien\"]",
                    0,
                )
            },
            kind: Kind::DanglingReference,
            line: |t| Some(line_of(t, "\"inner_joint_lien\"", 0)),
            message_contains: "unknown location \"inner_joint_lien\"",
        },
        Case {
            name: "other cause with empty fits_if",
            file: File::Regions,
            edit: |t| {
                let start = t.find("fits_if: \"").expect("fits_if") + "fits_if: \"".len();
                let end = start + t[start..].find('"').expect("closing quote");
                format!("{} {}", &t[..start], &t[end..])
            },
            kind: Kind::EmptyText,
            line: |t| Some(line_of(t, "fits_if: \" \"", 0)),
            message_contains: "other cause fits_if is empty",
        },
        Case {
            name: "unknown field in a clinical topic",
            file: File::Guidance,
            edit: |t| {
                replace_nth(
                    t,
                    "title: \"Soreness, or pain",
                    "titel: \"Soreness, or pain",
                    0,
                )
            },
            kind: Kind::UnknownField,
            line: |t| Some(line_of(t, "titel", 0)),
            message_contains: "titel",
        },
        Case {
            name: "clinical topic shown for an unknown condition",
            file: File::Guidance,
            edit: |t| {
                replace_nth(
                    t,
                    "\"patellar_tendinopathy\", \"knee_osteoarthritis\"],",
                    "\"patellar_tendinopathy\", \"knee_osteoarthritis\", \"runners_toe\"],",
                    0,
                )
            },
            kind: Kind::DanglingReference,
            line: |t| Some(line_of(t, "\"runners_toe\"", 0)),
            message_contains: "unknown condition \"runners_toe\"",
        },
        Case {
            name: "clinical topic point with empty text",
            file: File::Guidance,
            edit: |t| {
                let start =
                    t.find("text: \"Muscle soreness").expect("soreness point") + "text: \"".len();
                let end = start + t[start..].find('"').expect("closing quote");
                format!("{}{}", &t[..start], &t[end..])
            },
            kind: Kind::EmptyText,
            line: |t| Some(line_of(t, "text: \"\"", 0)),
            message_contains: "clinical topic point is empty",
        },
    ];
    assert!(cases.len() >= 12);
    for case in &cases {
        let original = RawContent::embedded();
        let edited = (case.edit)(original.text(case.file));
        let errors = errors_for(case.file, edited.clone());
        let Some(error) = errors.iter().find(|e| e.kind == case.kind) else {
            panic!("{}: expected {:?}, got {errors:#?}", case.name, case.kind);
        };
        assert_eq!(error.file, case.file.file_name(), "{}", case.name);
        if let Some(line) = (case.line)(&edited) {
            assert_eq!(error.line, line, "{}: {error}", case.name);
        }
        assert!(
            error.message.contains(case.message_contains),
            "{}: {error}",
            case.name
        );
        // The printed form is `file:line:col: message`.
        assert!(
            error
                .to_string()
                .starts_with(&format!("{}:{}:{}: ", error.file, error.line, error.col))
        );
    }
}

#[test]
fn unknown_field_column_points_at_the_field() {
    let text = replace_nth(
        RawContent::embedded().text(File::Conditions),
        "lay_name:",
        "lay_nmae:",
        0,
    );
    let errors = errors_for(File::Conditions, text.clone());
    let error = errors
        .iter()
        .find(|e| e.kind == Kind::UnknownField)
        .expect("unknown field");
    let line = text.lines().nth(error.line - 1).expect("line exists");
    let col_of_field = line.find("lay_nmae").expect("on that line") + 1;
    assert_eq!(error.col, col_of_field, "{error}");
}

#[test]
fn check_content_on_a_directory_prints_positions_and_fails() {
    let dir = tempfile::tempdir().expect("temp dir");
    for kind in kneemap::content::CONTENT_FILES {
        std::fs::write(
            dir.path().join(kind.file_name()),
            RawContent::embedded().text(kind),
        )
        .expect("write");
    }
    let clean = kneemap::cli::check_content(Some(dir.path()));
    assert!(clean.ok, "{:?}", clean.lines);
    let broken = replace_nth(
        RawContent::embedded().text(File::RedFlags),
        "urgency: SameDay",
        "urgency: Someday",
        0,
    );
    std::fs::write(dir.path().join("red_flags.ron"), &broken).expect("write");
    let report = kneemap::cli::check_content(Some(dir.path()));
    assert!(!report.ok);
    let expected = format!("red_flags.ron:{}:", line_of(&broken, "Someday", 0));
    assert!(report.lines[0].starts_with(&expected), "{:?}", report.lines);
}

/// Restricts the condition `id` in conditions.ron to `bands` (RON list text), as a content author would.
fn restrict_condition(id: &str, bands: &str) -> RawContent {
    let conditions = RawContent::embedded().text(File::Conditions).to_owned();
    let anchor = format!("id: \"{id}\",");
    let restricted = replace_nth(
        &conditions,
        &anchor,
        &format!("{anchor} only_for_ages: {bands},"),
        0,
    );
    RawContent::embedded().with_file(File::Conditions, restricted)
}

#[test]
fn age_restricted_condition_cannot_be_a_locations_primary() {
    let raw = restrict_condition("meniscus_tear", "[Under16]");
    let errors = raw.parse().expect_err("restricted primary accepted").0;
    let error = errors
        .iter()
        .find(|e| e.kind == Kind::BadValue && e.message.contains("primary"))
        .unwrap_or_else(|| panic!("no primary error in {errors:#?}"));
    assert_eq!(error.file, "regions.ron");
    let regions = raw.text(File::Regions);
    assert_eq!(
        error.line,
        line_of(regions, "primary: \"meniscus_tear\"", 0),
        "{error}"
    );
    assert!(error.message.contains("Under 16"), "{error}");
}

#[test]
fn age_restricted_alternative_must_carry_a_subset_of_the_bands() {
    // Restricting a condition makes every unrestricted alternative that lists it an error (its primary
    // uses are errors too, checked above).
    let raw = restrict_condition("patellar_tendinopathy", "[Age16To39]");
    let errors = raw
        .parse()
        .expect_err("unrestricted alternative accepted")
        .0;
    let regions = raw.text(File::Regions);
    let first_alternative = line_of(regions, "(condition: \"patellar_tendinopathy\"", 0);
    assert!(
        errors.iter().any(|e| e.file == "regions.ron"
            && e.kind == Kind::BadValue
            && e.line == first_alternative
            && e.message.contains("16 to 39")
            && e.message.contains("Under 16")),
        "{errors:#?}"
    );

    // Restricting the alternatives to a subset of the condition's bands removes the alternative errors.
    let fixed_regions = regions.replace(
        "(condition: \"patellar_tendinopathy\", why:",
        "(condition: \"patellar_tendinopathy\", only_for_ages: [Age16To39], why:",
    );
    let errors = raw
        .with_file(File::Regions, fixed_regions)
        .parse()
        .err()
        .map(|e| e.0)
        .unwrap_or_default();
    assert!(
        errors
            .iter()
            .all(|e| !e.message.contains("alternative \"patellar_tendinopathy\"")),
        "{errors:#?}"
    );

    // A wider band on the alternative than on the condition is still an error.
    let conditions = restrict_condition("patellar_tendinopathy", "[Age16To39]");
    let wider = conditions.text(File::Regions).replace(
        "(condition: \"patellar_tendinopathy\", why:",
        "(condition: \"patellar_tendinopathy\", only_for_ages: [Age16To39, Age60Plus], why:",
    );
    let errors = conditions
        .with_file(File::Regions, wider)
        .parse()
        .expect_err("wider band accepted")
        .0;
    assert!(
        errors.iter().any(
            |e| e.message.contains("alternative \"patellar_tendinopathy\"")
                && e.message.contains("60 or over")
        ),
        "{errors:#?}"
    );
}
