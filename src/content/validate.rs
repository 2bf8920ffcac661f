//! Cross-file validation of parsed content: ids, references, polygons, required items and empty text.
//!
//! serde has already checked types and field names; this pass checks what only the whole set can tell.
//! Positions are found by searching the file text for the offending id or field, so every error
//! still points at a line and column.

use std::collections::HashSet;

use super::Content;
use super::error::{ContentError, ContentErrorKind as Kind};
use super::load::{ContentFileKind as File, RawContent};
use super::model::{
    AgeBand, Claim, DiagramView, ExerciseKind, Location, PhaseDose, PhaseSchedule, Programme,
    ProgrammePhase, ViewKind,
};
use crate::geometry::{self, NormPos};

/// Names of the diagram pictures compiled into the app (see `assets/`).
pub const KNOWN_IMAGES: [&str; 2] = ["knee_front.png", "knee_side.png"];

/// Collects problems with positions.
struct Checker<'a> {
    raw: &'a RawContent,
    errors: Vec<ContentError>,
}

impl Checker<'_> {
    /// Records a problem located at the last anchor found, searching each anchor after the previous one.
    /// Anchors that are not found are skipped, so the position is the most specific one available.
    fn report(&mut self, file: File, anchors: &[&str], kind: Kind, message: String) {
        let text = self.raw.text(file);
        let mut offset = 0;
        let mut found_at = 0;
        for anchor in anchors {
            if let Some(i) = text[offset..].find(anchor) {
                found_at = offset + i;
                offset = found_at + anchor.len();
            }
        }
        let (line, col) = line_col(text, found_at);
        self.errors.push(ContentError {
            file: file.file_name().to_owned(),
            line,
            col,
            kind,
            message,
        });
    }

    fn report_nth(&mut self, file: File, needle: &str, nth: usize, kind: Kind, message: String) {
        let anchors: Vec<&str> = std::iter::repeat_n(needle, nth + 1).collect();
        self.report(file, &anchors, kind, message);
    }
}

fn quoted(id: &str) -> String {
    format!("\"{id}\"")
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, byte_offset: usize) -> (usize, usize) {
    let before = &text[..byte_offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Runs every check; returns all problems (empty when the content is sound).
pub fn validate(content: &Content, raw: &RawContent) -> Vec<ContentError> {
    let mut checker = Checker {
        raw,
        errors: Vec::new(),
    };
    check_duplicates(content, &mut checker);
    check_required(content, &mut checker);
    check_references(content, &mut checker);
    check_views(content, &mut checker);
    check_text(content, &mut checker);
    check_values(content, &mut checker);
    check_age_bands(content, &mut checker);
    check_programmes(content, &mut checker);
    checker.errors
}

fn check_duplicates(content: &Content, checker: &mut Checker<'_>) {
    let mut check = |file: File, what: &str, ids: Vec<&str>| {
        let mut seen: HashSet<&str> = HashSet::new();
        for id in ids {
            if !seen.insert(id) {
                // The second definition is the one to point at.
                checker.report_nth(
                    file,
                    &quoted(id),
                    1,
                    Kind::DuplicateId,
                    format!("duplicate {what} id \"{id}\""),
                );
            }
        }
    };
    check(
        File::Sources,
        "source",
        content.sources.iter().map(|s| s.id.as_str()).collect(),
    );
    check(
        File::Conditions,
        "condition",
        content.conditions.iter().map(|c| c.id.as_str()).collect(),
    );
    check(
        File::RedFlags,
        "red flag",
        content.red_flags.iter().map(|f| f.id.as_str()).collect(),
    );
    check(
        File::Exercises,
        "exercise",
        content.exercises.iter().map(|e| e.id.as_str()).collect(),
    );
    check(
        File::Symptoms,
        "symptom question",
        content.symptoms.iter().map(|q| q.id.as_str()).collect(),
    );
    check(
        File::Guidance,
        "factor",
        content
            .guidance
            .factors
            .iter()
            .map(|f| f.id.as_str())
            .collect(),
    );
    check(
        File::Guidance,
        "prevention topic",
        content
            .guidance
            .prevention
            .iter()
            .map(|t| t.id.as_str())
            .collect(),
    );
    for view in &content.regions.views {
        let mut seen: HashSet<&str> = HashSet::new();
        for region in &view.regions {
            let id = region.location.id.as_str();
            if !seen.insert(id) {
                checker.report(
                    File::Regions,
                    &[&format!("view: {:?}", view.view), &quoted(id), &quoted(id)],
                    Kind::DuplicateId,
                    format!(
                        "duplicate region id \"{id}\" in the {} view",
                        view.view.label()
                    ),
                );
            }
        }
    }
    let mut seen_views: HashSet<ViewKind> = HashSet::new();
    for view in &content.regions.views {
        if !seen_views.insert(view.view) {
            checker.report_nth(
                File::Regions,
                &format!("view: {:?}", view.view),
                1,
                Kind::DuplicateId,
                format!("the {} view is defined twice", view.view.label()),
            );
        }
    }
    let pictured: HashSet<&str> = content
        .regions
        .views
        .iter()
        .flat_map(|v| v.regions.iter().map(|r| r.location.id.as_str()))
        .collect();
    let mut seen_whole: HashSet<&str> = HashSet::new();
    for location in &content.regions.whole_knee {
        let id = location.id.as_str();
        if pictured.contains(id) || !seen_whole.insert(id) {
            checker.report(
                File::Regions,
                &["whole_knee", &quoted(id)],
                Kind::DuplicateId,
                format!("whole-knee location id \"{id}\" is already used"),
            );
        }
    }
}

fn check_required(content: &Content, checker: &mut Checker<'_>) {
    if content.conditions.is_empty() {
        checker.report(
            File::Conditions,
            &["conditions"],
            Kind::MissingRequired,
            "there are no conditions".to_owned(),
        );
    }
    for kind in ViewKind::ALL {
        if content.view(kind).is_none() {
            checker.report(
                File::Regions,
                &["views"],
                Kind::MissingRequired,
                format!("the {} view is missing", kind.label()),
            );
        }
    }
}

/// Checks that each id in `ids` exists; reports the first use of a missing one in `file`.
fn check_ids<'a>(
    checker: &mut Checker<'_>,
    file: File,
    context: &[&str],
    ids: impl IntoIterator<Item = &'a String>,
    exists: impl Fn(&str) -> bool,
    what: &str,
) {
    for id in ids {
        if !exists(id) {
            let needle = quoted(id);
            let mut anchors: Vec<&str> = context.to_vec();
            anchors.push(&needle);
            checker.report(
                file,
                &anchors,
                Kind::DanglingReference,
                format!("unknown {what} \"{id}\""),
            );
        }
    }
}

fn check_claims<'a>(
    content: &Content,
    checker: &mut Checker<'_>,
    file: File,
    context: &[&str],
    claims: impl IntoIterator<Item = &'a Claim>,
) {
    for claim in claims {
        if claim.sources.is_empty() {
            let mut anchors = context.to_vec();
            anchors.push(&claim.text);
            checker.report(
                file,
                &anchors,
                Kind::MissingRequired,
                "a claim cites no source".to_owned(),
            );
        }
        check_ids(
            checker,
            file,
            context,
            &claim.sources,
            |id| content.source(id).is_some(),
            "source",
        );
    }
}

fn check_references(content: &Content, checker: &mut Checker<'_>) {
    let source_exists = |id: &str| content.source(id).is_some();
    let condition_exists = |id: &str| content.condition(id).is_some();
    let exercise_exists = |id: &str| content.exercise(id).is_some();

    for c in &content.conditions {
        let ctx_id = quoted(&c.id);
        let ctx = [ctx_id.as_str()];
        let claims = c
            .summary
            .iter()
            .chain(&c.where_it_hurts)
            .chain(&c.what_it_feels_like)
            .chain(&c.what_makes_it_worse)
            .chain(&c.what_helps_first)
            .chain(&c.exercise_emphasis.summary)
            .chain(&c.running_guidance)
            .chain(&c.timeline)
            .chain(&c.see_someone_if);
        check_claims(content, checker, File::Conditions, &ctx, claims);
        for k in &c.contributors {
            check_ids(
                checker,
                File::Conditions,
                &ctx,
                [&k.factor],
                |id| content.factor(id).is_some(),
                "factor",
            );
            check_ids(
                checker,
                File::Conditions,
                &ctx,
                &k.sources,
                source_exists,
                "source",
            );
        }
        check_ids(
            checker,
            File::Conditions,
            &ctx,
            &c.exercise_emphasis.exercises,
            exercise_exists,
            "exercise",
        );
        check_ids(
            checker,
            File::Conditions,
            &ctx,
            &c.red_flags,
            |id| content.red_flag(id).is_some(),
            "red flag",
        );
        check_ids(
            checker,
            File::Conditions,
            &ctx,
            &c.references,
            source_exists,
            "source",
        );
    }

    let all_locations = content
        .regions
        .views
        .iter()
        .flat_map(|v| v.regions.iter().map(|r| &r.location))
        .chain(&content.regions.whole_knee);
    for location in all_locations {
        let ctx_id = quoted(&location.id);
        let ctx = [ctx_id.as_str()];
        check_ids(
            checker,
            File::Regions,
            &ctx,
            [&location.primary],
            condition_exists,
            "condition",
        );
        let alternatives = location.alternatives.iter().map(|a| &a.condition);
        check_ids(
            checker,
            File::Regions,
            &ctx,
            alternatives,
            condition_exists,
            "condition",
        );
        if location
            .alternatives
            .iter()
            .any(|a| a.condition == location.primary)
        {
            checker.report(
                File::Regions,
                &[&ctx_id, "alternatives"],
                Kind::BadValue,
                format!(
                    "location \"{}\" lists its primary condition as an alternative",
                    location.id
                ),
            );
        }
    }

    for q in &content.symptoms {
        let ctx_id = quoted(&q.id);
        let ctx = [ctx_id.as_str()];
        check_ids(
            checker,
            File::Symptoms,
            &ctx,
            q.weights.iter().map(|w| &w.condition),
            condition_exists,
            "condition",
        );
        check_ids(
            checker,
            File::Symptoms,
            &ctx,
            &q.sources,
            source_exists,
            "source",
        );
    }
    for f in &content.red_flags {
        let ctx_id = quoted(&f.id);
        check_ids(
            checker,
            File::RedFlags,
            &[ctx_id.as_str()],
            &f.sources,
            source_exists,
            "source",
        );
    }
    for e in &content.exercises {
        let ctx_id = quoted(&e.id);
        let ctx = [ctx_id.as_str()];
        check_ids(
            checker,
            File::Exercises,
            &ctx,
            &e.conditions,
            condition_exists,
            "condition",
        );
        check_ids(
            checker,
            File::Exercises,
            &ctx,
            &e.sources,
            source_exists,
            "source",
        );
        check_ids(
            checker,
            File::Exercises,
            &ctx,
            &e.dose.sources,
            source_exists,
            "source",
        );
    }
    let g = &content.guidance;
    check_claims(
        content,
        checker,
        File::Guidance,
        &[],
        g.introduction
            .iter()
            .chain(&g.takeaways)
            .chain(&g.professionals),
    );
    for f in &g.factors {
        let ctx_id = quoted(&f.id);
        let ctx = [ctx_id.as_str()];
        check_claims(content, checker, File::Guidance, &ctx, &f.explanation);
        check_ids(
            checker,
            File::Guidance,
            &ctx,
            &f.addressed_by,
            |id| content.prevention_topic(id).is_some(),
            "prevention topic",
        );
    }
    for t in &g.prevention {
        let ctx_id = quoted(&t.id);
        let ctx = [ctx_id.as_str()];
        check_claims(content, checker, File::Guidance, &ctx, &t.points);
        check_ids(
            checker,
            File::Guidance,
            &ctx,
            &t.exercises,
            exercise_exists,
            "exercise",
        );
    }
    for entry in &g.faq {
        check_claims(
            content,
            checker,
            File::Guidance,
            &[&entry.question],
            &entry.answer,
        );
    }
}

fn region_anchor(view: &DiagramView, id: &str) -> [String; 2] {
    [format!("view: {:?}", view.view), quoted(id)]
}

fn check_views(content: &Content, checker: &mut Checker<'_>) {
    for view in &content.regions.views {
        if !KNOWN_IMAGES.contains(&view.image.as_str()) {
            checker.report(
                File::Regions,
                &[&format!("view: {:?}", view.view), &quoted(&view.image)],
                Kind::DanglingReference,
                format!(
                    "unknown image \"{}\"; the app ships {}",
                    view.image,
                    KNOWN_IMAGES.join(", ")
                ),
            );
        }
        if !(view.aspect_ratio.is_finite() && view.aspect_ratio > 0.1 && view.aspect_ratio < 10.0) {
            checker.report(
                File::Regions,
                &[&format!("view: {:?}", view.view), "aspect_ratio"],
                Kind::BadValue,
                format!(
                    "aspect_ratio {} must be a positive width/height ratio",
                    view.aspect_ratio
                ),
            );
        }
        let mut sound: Vec<(usize, Vec<NormPos>)> = Vec::new();
        for (index, region) in view.regions.iter().enumerate() {
            let [view_anchor, id_anchor] = region_anchor(view, &region.location.id);
            let anchors = [view_anchor.as_str(), id_anchor.as_str(), "polygon"];
            let id = &region.location.id;
            let polygon: Vec<NormPos> = region.polygon.iter().copied().map(NormPos::from).collect();
            if polygon.len() < 3 {
                checker.report(
                    File::Regions,
                    &anchors,
                    Kind::TooFewPoints,
                    format!(
                        "region \"{id}\" has {} points; a polygon needs at least 3",
                        polygon.len()
                    ),
                );
                continue;
            }
            if let Some(p) = polygon.iter().find(|p| !p.is_in_unit_square()) {
                checker.report(
                    File::Regions,
                    &anchors,
                    Kind::PointOutOfRange,
                    format!(
                        "region \"{id}\" has point ({}, {}) outside the picture; use 0.0–1.0",
                        p.x, p.y
                    ),
                );
                continue;
            }
            if let Some((a, b)) = geometry::first_self_intersection(&polygon) {
                checker.report(
                    File::Regions,
                    &anchors,
                    Kind::SelfIntersecting,
                    format!(
                        "region \"{id}\" crosses itself (edges {} and {} intersect)",
                        a + 1,
                        b + 1
                    ),
                );
                continue;
            }
            if geometry::signed_area(&polygon).abs() < 1e-5 {
                checker.report(
                    File::Regions,
                    &anchors,
                    Kind::BadValue,
                    format!("region \"{id}\" has no area"),
                );
                continue;
            }
            sound.push((index, polygon));
        }
        for (i, (index_a, poly_a)) in sound.iter().enumerate() {
            for (index_b, poly_b) in &sound[i + 1..] {
                let (a, b) = (&view.regions[*index_a], &view.regions[*index_b]);
                if a.priority == b.priority && geometry::polygons_overlap(poly_a, poly_b) {
                    let [view_anchor, id_anchor] = region_anchor(view, &b.location.id);
                    checker.report(
                        File::Regions,
                        &[&view_anchor, &id_anchor],
                        Kind::OverlapWithoutPriority,
                        format!(
                            "regions \"{}\" and \"{}\" overlap in the {} view; give one a higher priority",
                            a.location.id,
                            b.location.id,
                            view.view.label()
                        ),
                    );
                }
            }
        }
    }
    // The same location drawn in two views must mean the same thing in both.
    let mut first_seen: Vec<&Location> = Vec::new();
    for view in &content.regions.views {
        for region in &view.regions {
            let location = &region.location;
            match first_seen.iter().find(|l| l.id == location.id) {
                Some(first) if *first != location => {
                    let [view_anchor, id_anchor] = region_anchor(view, &location.id);
                    checker.report(
                        File::Regions,
                        &[&view_anchor, &id_anchor],
                        Kind::InconsistentLocation,
                        format!(
                            "location \"{}\" differs between views; label, hint, primary and alternatives must match",
                            location.id
                        ),
                    );
                }
                Some(_) => {}
                None => first_seen.push(location),
            }
        }
    }
    for landmark in content.regions.views.iter().flat_map(|v| &v.landmarks) {
        let points = [NormPos::from(landmark.at), NormPos::from(landmark.text_at)];
        if points.iter().any(|p| !p.is_in_unit_square()) {
            checker.report(
                File::Regions,
                &[&quoted(&landmark.label)],
                Kind::PointOutOfRange,
                format!("landmark \"{}\" lies outside the picture", landmark.label),
            );
        }
    }
}

fn check_text(content: &Content, checker: &mut Checker<'_>) {
    let mut require = |file: File, anchors: &[&str], what: &str, text: &str| {
        if text.trim().is_empty() {
            checker.report(file, anchors, Kind::EmptyText, format!("{what} is empty"));
        }
    };
    for c in &content.conditions {
        let id = quoted(&c.id);
        require(
            File::Conditions,
            &[&id, "lay_name"],
            "lay_name",
            &c.lay_name,
        );
        require(
            File::Conditions,
            &[&id, "clinical_name"],
            "clinical_name",
            &c.clinical_name,
        );
        let lists = [
            ("summary", &c.summary),
            ("where_it_hurts", &c.where_it_hurts),
            ("what_it_feels_like", &c.what_it_feels_like),
            ("what_makes_it_worse", &c.what_makes_it_worse),
            ("what_helps_first", &c.what_helps_first),
            ("timeline", &c.timeline),
            ("see_someone_if", &c.see_someone_if),
        ];
        for (field, claims) in lists {
            if claims.is_empty() {
                require(File::Conditions, &[&id, field], field, "");
            }
            for claim in claims {
                require(
                    File::Conditions,
                    &[&id, field, "text: \"\""],
                    field,
                    &claim.text,
                );
            }
        }
        if c.contributors.is_empty() {
            require(File::Conditions, &[&id, "contributors"], "contributors", "");
        }
        if c.exercise_emphasis.exercises.is_empty() {
            require(
                File::Conditions,
                &[&id, "exercise_emphasis"],
                "exercise_emphasis.exercises",
                "",
            );
        }
    }
    let locations = content
        .regions
        .views
        .iter()
        .flat_map(|v| v.regions.iter().map(|r| &r.location))
        .chain(&content.regions.whole_knee);
    for l in locations {
        let id = quoted(&l.id);
        require(File::Regions, &[&id, "label"], "label", &l.label);
        require(File::Regions, &[&id, "hint"], "hint", &l.hint);
        for a in &l.alternatives {
            require(
                File::Regions,
                &[&id, &quoted(&a.condition), "why"],
                "alternative why",
                &a.why,
            );
        }
    }
    for f in &content.red_flags {
        let id = quoted(&f.id);
        require(File::RedFlags, &[&id, "text"], "text", &f.text);
        require(File::RedFlags, &[&id, "who"], "who", &f.who);
        require(File::RedFlags, &[&id, "action"], "action", &f.action);
    }
    for e in &content.exercises {
        let id = quoted(&e.id);
        require(File::Exercises, &[&id, "name"], "name", &e.name);
        if e.steps.is_empty() {
            require(File::Exercises, &[&id, "steps"], "steps", "");
        }
        for step in &e.steps {
            require(File::Exercises, &[&id, "steps"], "a step", step);
        }
    }
    for q in &content.symptoms {
        let id = quoted(&q.id);
        require(File::Symptoms, &[&id, "question"], "question", &q.question);
        require(File::Symptoms, &[&id, "because"], "because", &q.because);
    }
    for s in &content.sources {
        require(File::Sources, &[&quoted(&s.id), "title"], "title", &s.title);
    }
    require(
        File::Guidance,
        &["disclaimer"],
        "disclaimer",
        &content.guidance.disclaimer,
    );
}

fn check_values(content: &Content, checker: &mut Checker<'_>) {
    for e in &content.exercises {
        let id = quoted(&e.id);
        let dose = &e.dose;
        if dose.sets == 0 || dose.sets > 10 {
            checker.report(
                File::Exercises,
                &[&id, "sets"],
                Kind::BadValue,
                format!("exercise {id}: {} sets is outside 1–10", dose.sets),
            );
        }
        let reps_ok = dose.reps.is_some_and(|r| (1..=50).contains(&r));
        let hold_ok = dose.hold_secs.is_some_and(|h| (1..=600).contains(&h));
        if !reps_ok && !hold_ok {
            checker.report(
                File::Exercises,
                &[&id, "dose"],
                Kind::BadValue,
                format!("exercise {id}: the dose needs reps (1–50) or hold_secs (1–600)"),
            );
        }
        if dose.rest_secs > 600 {
            checker.report(
                File::Exercises,
                &[&id, "rest_secs"],
                Kind::BadValue,
                format!(
                    "exercise {id}: rest of {} s is over 10 minutes",
                    dose.rest_secs
                ),
            );
        }
    }
    for q in &content.symptoms {
        for w in &q.weights {
            if !(-3..=3).contains(&w.weight) {
                checker.report(
                    File::Symptoms,
                    &[&quoted(&q.id), &quoted(&w.condition)],
                    Kind::BadValue,
                    format!(
                        "weight {} for \"{}\" is outside -3..=3",
                        w.weight, w.condition
                    ),
                );
            }
        }
    }
}

/// A condition restricted to some age bands may only be offered where those ages are: never as a location's
/// primary (which everyone sees), and as an alternative only when the alternative is restricted to a subset of
/// the condition's bands.
fn check_age_bands(content: &Content, checker: &mut Checker<'_>) {
    let all_locations = content
        .regions
        .views
        .iter()
        .flat_map(|v| v.regions.iter().map(|r| &r.location))
        .chain(&content.regions.whole_knee);
    for location in all_locations {
        let location_id = quoted(&location.id);
        if let Some(primary) = content.condition(&location.primary)
            && !primary.only_for_ages.is_empty()
        {
            checker.report(
                File::Regions,
                &[&location_id, "primary", &quoted(&primary.id)],
                Kind::BadValue,
                format!(
                    "location {location_id}: primary condition \"{}\" is only for ages {}; \
                     a location's primary must apply to everyone (list it as an age-restricted alternative)",
                    primary.id,
                    band_list(&primary.only_for_ages)
                ),
            );
        }
        for alternative in &location.alternatives {
            let Some(condition) = content.condition(&alternative.condition) else {
                continue;
            };
            if condition.only_for_ages.is_empty() {
                continue;
            }
            let outside: Vec<AgeBand> = if alternative.only_for_ages.is_empty() {
                AgeBand::ALL
                    .into_iter()
                    .filter(|b| !condition.only_for_ages.contains(b))
                    .collect()
            } else {
                alternative
                    .only_for_ages
                    .iter()
                    .copied()
                    .filter(|b| !condition.only_for_ages.contains(b))
                    .collect()
            };
            if !outside.is_empty() {
                checker.report(
                    File::Regions,
                    &[&location_id, "alternatives", &quoted(&condition.id)],
                    Kind::BadValue,
                    format!(
                        "location {location_id}: alternative \"{}\" is only for ages {} but is offered to {}; \
                         set only_for_ages on the alternative",
                        condition.id,
                        band_list(&condition.only_for_ages),
                        band_list(&outside)
                    ),
                );
            }
        }
    }
}

/// Longest programme, in weeks (a year).
pub const MAX_PROGRAMME_WEEKS: u8 = 52;

/// `condition: "id"`, the anchor of a programme in programmes.ron.
fn programme_anchor(condition_id: &str) -> String {
    format!("condition: \"{condition_id}\"")
}

/// Programmes: one per condition unless the condition is clinician-led; known exercises and sources; weeks in
/// order without gaps or overlaps; doses, schedules and pain limits in range; no pain number in phase text
/// that disagrees with the programme's limit.
fn check_programmes(content: &Content, checker: &mut Checker<'_>) {
    let monitoring = &content.pain_monitoring;
    check_claims(
        content,
        checker,
        File::Programmes,
        &["pain_monitoring"],
        &monitoring.explanation,
    );
    if monitoring.explanation.is_empty() {
        checker.report(
            File::Programmes,
            &["pain_monitoring", "explanation"],
            Kind::MissingRequired,
            "pain_monitoring.explanation is empty: say where the pain limits come from".to_owned(),
        );
    }
    let limits = [
        ("default_max_during", monitoring.default_max_during),
        ("highest_max_during", monitoring.highest_max_during),
        ("max_next_morning_rise", monitoring.max_next_morning_rise),
        ("weekly_rise_tolerance", monitoring.weekly_rise_tolerance),
    ];
    for (field, value) in limits {
        if value > 10 {
            checker.report(
                File::Programmes,
                &["pain_monitoring", field],
                Kind::BadValue,
                format!("{field} {value} is outside the 0–10 pain scale"),
            );
        }
    }
    if monitoring.default_max_during > monitoring.highest_max_during {
        checker.report(
            File::Programmes,
            &["pain_monitoring", "default_max_during"],
            Kind::BadValue,
            format!(
                "default_max_during {}/10 is above highest_max_during {}/10",
                monitoring.default_max_during, monitoring.highest_max_during
            ),
        );
    }

    let mut seen: HashSet<&str> = HashSet::new();
    for programme in &content.programmes {
        let anchor = programme_anchor(&programme.condition);
        if !seen.insert(programme.condition.as_str()) {
            checker.report_nth(
                File::Programmes,
                &anchor,
                1,
                Kind::DuplicateId,
                format!("a second programme for \"{}\"", programme.condition),
            );
        }
        match content.condition(&programme.condition) {
            None => checker.report(
                File::Programmes,
                &[&anchor],
                Kind::DanglingReference,
                format!("unknown condition \"{}\"", programme.condition),
            ),
            Some(c) if c.clinician_led.is_some() => checker.report(
                File::Programmes,
                &[&anchor],
                Kind::BadValue,
                format!(
                    "\"{}\" is clinician_led in conditions.ron, so it must not have a self-managed programme",
                    programme.condition
                ),
            ),
            Some(_) => {}
        }
        check_programme(content, checker, programme, &anchor);
    }

    for condition in &content.conditions {
        let anchor = format!("id: \"{}\"", condition.id);
        match &condition.clinician_led {
            Some(reason) if reason.trim().is_empty() => checker.report(
                File::Conditions,
                &[&anchor, "clinician_led"],
                Kind::EmptyText,
                format!(
                    "clinician_led of \"{}\" is empty: give the reason it is managed with a clinician",
                    condition.id
                ),
            ),
            None if content.programme_for(&condition.id).is_none() => checker.report(
                File::Conditions,
                &[&anchor],
                Kind::MissingRequired,
                format!(
                    "condition \"{}\" has no programme in programmes.ron; add one or set clinician_led with the reason",
                    condition.id
                ),
            ),
            Some(_) | None => {}
        }
    }
}

fn check_programme(
    content: &Content,
    checker: &mut Checker<'_>,
    programme: &Programme,
    anchor: &str,
) {
    check_claims(
        content,
        checker,
        File::Programmes,
        &[anchor],
        programme.summary.iter().chain(&programme.notes),
    );
    if programme.phrase.trim().is_empty() {
        checker.report(
            File::Programmes,
            &[anchor, "phrase"],
            Kind::EmptyText,
            "phrase is empty".to_owned(),
        );
    }
    if !(1..=MAX_PROGRAMME_WEEKS).contains(&programme.default_weeks) {
        checker.report(
            File::Programmes,
            &[anchor, "default_weeks"],
            Kind::BadValue,
            format!(
                "default_weeks {} is outside 1–{MAX_PROGRAMME_WEEKS}",
                programme.default_weeks
            ),
        );
    }
    let limit = programme.max_pain_during(&content.pain_monitoring);
    if limit > content.pain_monitoring.highest_max_during {
        checker.report(
            File::Programmes,
            &[anchor, "max_pain_during"],
            Kind::BadValue,
            format!(
                "max_pain_during {limit}/10 is above the {}/10 the pain-monitoring model accepts",
                content.pain_monitoring.highest_max_during
            ),
        );
    }
    if programme.phases.is_empty() {
        checker.report(
            File::Programmes,
            &[anchor, "phases"],
            Kind::MissingRequired,
            format!(
                "the programme for \"{}\" has no phases",
                programme.condition
            ),
        );
    }
    let mut previous_last: Option<Option<u8>> = None;
    for (index, phase) in programme.phases.iter().enumerate() {
        let is_last = index + 1 == programme.phases.len();
        let name = quoted(&phase.name);
        let mut report = |field: &str, kind: Kind, message: String| {
            checker.report(File::Programmes, &[anchor, &name, field], kind, message);
        };
        if phase.name.trim().is_empty() {
            report("name", Kind::EmptyText, "phase name is empty".to_owned());
        }
        if let Some((field, message)) = weeks_problem(programme, phase, previous_last, is_last) {
            report(field, Kind::BadValue, message);
        }
        previous_last = Some(phase.last_week);
        if let PhaseSchedule::Spread {
            sessions_per_week,
            at_least,
        } = phase.schedule
            && (!(1..=7).contains(&sessions_per_week)
                || at_least == 0
                || at_least > sessions_per_week)
        {
            report(
                "schedule",
                Kind::BadValue,
                format!(
                    "schedule of {at_least}–{sessions_per_week} sessions a week: use 1–7 sessions with at_least \
                     between 1 and sessions_per_week"
                ),
            );
        }
        if let Some(problem) = dose_problem(&phase.dose) {
            report("dose", Kind::BadValue, format!("phase {name}: {problem}"));
        }
        for (field, text) in [
            ("progress_when", &phase.progress_when),
            ("ease_off_when", &phase.ease_off_when),
        ] {
            if text.trim().is_empty() {
                report(field, Kind::EmptyText, format!("{field} is empty"));
            }
            if let Some(number) = pain_numbers(text).into_iter().find(|n| *n != limit) {
                report(
                    field,
                    Kind::BadValue,
                    format!(
                        "phase {name} says {number}/10 but the programme's pain limit is {limit}/10; write \
                         \"your pain limit\" instead of a number"
                    ),
                );
            }
        }
        check_slots(content, checker, anchor, phase);
        check_ids(
            checker,
            File::Programmes,
            &[anchor, &name],
            &phase.sources,
            |id| content.source(id).is_some(),
            "source",
        );
    }
}

/// A phase's exercise slots: at least one, each naming known strength or isometric exercises with a reason.
fn check_slots(content: &Content, checker: &mut Checker<'_>, anchor: &str, phase: &ProgrammePhase) {
    let name = quoted(&phase.name);
    if phase.slots.is_empty() {
        checker.report(
            File::Programmes,
            &[anchor, &name, "slots"],
            Kind::MissingRequired,
            format!("phase {name} has no exercise slots"),
        );
    }
    for slot in &phase.slots {
        if slot.exercises.is_empty() {
            checker.report(
                File::Programmes,
                &[anchor, &name, "slots"],
                Kind::MissingRequired,
                format!("a slot of phase {name} names no exercise"),
            );
        }
        if slot.reason.trim().is_empty() {
            checker.report(
                File::Programmes,
                &[anchor, &name, "reason: \"\""],
                Kind::EmptyText,
                format!("a slot of phase {name} has an empty reason"),
            );
        }
        for id in &slot.exercises {
            let needle = quoted(id);
            let problem = match content.exercise(id) {
                None => Some((
                    Kind::DanglingReference,
                    format!("unknown exercise {needle} in phase {name}"),
                )),
                Some(e) if matches!(e.kind, ExerciseKind::WarmUp | ExerciseKind::Stretch) => {
                    Some((
                        Kind::BadValue,
                        format!(
                            "exercise {needle} in phase {name} is a warm-up or stretch; programmes use strength or \
                         isometric work"
                        ),
                    ))
                }
                Some(_) => None,
            };
            if let Some((kind, message)) = problem {
                checker.report(File::Programmes, &[anchor, &name, &needle], kind, message);
            }
        }
    }
}

/// The first problem with a phase's weeks, as `(field, message)`: the first phase starts at week 1, each next one
/// the week after the previous ends, only the last may be open-ended, and a closed last phase ends at
/// `default_weeks` (an open-ended one starts no later than the week after).
fn weeks_problem(
    programme: &Programme,
    phase: &ProgrammePhase,
    previous_last: Option<Option<u8>>,
    is_last: bool,
) -> Option<(&'static str, String)> {
    let name = quoted(&phase.name);
    let first = phase.first_week;
    match previous_last {
        Some(None) => {
            return Some((
                "first_week",
                format!(
                    "phase {name} follows an open-ended phase (last_week: None); only the last phase may be \
                     open-ended"
                ),
            ));
        }
        None if first != 1 => {
            return Some((
                "first_week",
                format!("the first phase {name} starts in week {first}; it must start in week 1"),
            ));
        }
        Some(Some(previous)) if first <= previous => {
            return Some((
                "first_week",
                format!(
                    "phase {name} starts in week {first} but the previous phase runs to week {previous}: weeks \
                     overlap or are out of order"
                ),
            ));
        }
        Some(Some(previous)) if first > previous.saturating_add(1) => {
            let missing = if first == previous + 2 {
                format!("week {} belongs", previous + 1)
            } else {
                format!("weeks {}–{} belong", previous + 1, first - 1)
            };
            return Some((
                "first_week",
                format!("phase {name} starts in week {first}: {missing} to no phase"),
            ));
        }
        _ => {}
    }
    match phase.last_week {
        Some(last) if last < first => Some((
            "last_week",
            format!("phase {name} ends in week {last}, before it starts in week {first}"),
        )),
        Some(last) if is_last && last != programme.default_weeks => Some((
            "last_week",
            format!(
                "the last phase ends in week {last} but default_weeks is {}",
                programme.default_weeks
            ),
        )),
        None if is_last && first > programme.default_weeks.saturating_add(1) => Some((
            "first_week",
            format!(
                "the open-ended last phase starts in week {first}, after default_weeks {} + 1",
                programme.default_weeks
            ),
        )),
        _ => None,
    }
}

/// The `N` of every "N/10" in `text`.
fn pain_numbers(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("/10") {
        let digits: String = text[..at]
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect::<Vec<char>>()
            .into_iter()
            .rev()
            .collect();
        if let Ok(n) = digits.parse::<u8>() {
            out.push(n);
        }
    }
    out
}

/// What is out of range in a phase dose, if anything.
fn dose_problem(dose: &PhaseDose) -> Option<String> {
    let sets_ok = |sets: u8| (1..=10).contains(&sets);
    let hold_ok = |secs: u16| (1..=600).contains(&secs);
    match dose {
        PhaseDose::Standard {
            sets,
            reps: (low, high),
            hold_sets,
            hold_secs,
        } => {
            if !sets_ok(*sets) || !sets_ok(*hold_sets) {
                return Some(format!(
                    "{sets} sets ({hold_sets} for holds) is outside 1–10"
                ));
            }
            if *low == 0 || low > high || *high > 50 {
                return Some(format!(
                    "a rep range of {low}–{high} must be within 1–50, low first"
                ));
            }
            if !hold_ok(*hold_secs) {
                return Some(format!("a hold of {hold_secs} s is outside 1–600 s"));
            }
        }
        PhaseDose::Isometric {
            sets,
            hold_secs,
            rest_secs,
        } => {
            if !sets_ok(*sets) {
                return Some(format!("{sets} sets is outside 1–10"));
            }
            if !hold_ok(*hold_secs) {
                return Some(format!("a hold of {hold_secs} s is outside 1–600 s"));
            }
            if *rest_secs > 600 {
                return Some(format!("rest of {rest_secs} s is over 10 minutes"));
            }
        }
        PhaseDose::HeavySlow {
            sets,
            rest_secs,
            tempo,
            rm_steps,
        } => {
            if !sets_ok(*sets) {
                return Some(format!("{sets} sets is outside 1–10"));
            }
            if *rest_secs > 600 {
                return Some(format!("rest of {rest_secs} s is over 10 minutes"));
            }
            if [tempo.lower_secs, tempo.pause_secs, tempo.lift_secs]
                .iter()
                .any(|s| *s > 20)
            {
                return Some("a tempo phase is over 20 s".to_owned());
            }
            if rm_steps.first().is_none_or(|(week, _)| *week != 1) {
                return Some("rm_steps must start at week 1".to_owned());
            }
            for pair in rm_steps.windows(2) {
                let ((week_a, reps_a), (week_b, reps_b)) = (pair[0], pair[1]);
                if week_b <= week_a || reps_b > reps_a {
                    return Some(format!(
                        "rm_steps ({week_a}, {reps_a}) then ({week_b}, {reps_b}): weeks must rise and reps must not"
                    ));
                }
            }
            if rm_steps.iter().any(|(_, reps)| !(1..=50).contains(reps)) {
                return Some("rm_steps reps must be within 1–50".to_owned());
            }
        }
    }
    None
}

fn band_list(bands: &[AgeBand]) -> String {
    bands
        .iter()
        .map(|b| b.label())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_from_one() {
        let text = "ab\ncd\n\"x\"";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 4), (2, 2));
        assert_eq!(line_col(text, 6), (3, 1));
    }
}
