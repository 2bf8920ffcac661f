//! Cross-file validation of parsed content: ids, references, polygons, required items and empty text.
//!
//! serde has already checked types and field names; this pass checks what only the whole set can tell.
//! Positions are found by searching the file text for the offending id or field, so every error
//! still points at a line and column.

use std::collections::HashSet;

use super::Content;
use super::error::{ContentError, ContentErrorKind as Kind};
use super::load::{ContentFileKind as File, RawContent};
use super::model::{AgeBand, Claim, DiagramView, Location, ViewKind};
use crate::geometry::{self, NormPos};
use crate::limits::Limits;

mod programmes;
mod running;
mod sources;

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
    pub(super) fn report(&mut self, file: File, anchors: &[&str], kind: Kind, message: String) {
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

    pub(super) fn report_nth(
        &mut self,
        file: File,
        needle: &str,
        nth: usize,
        kind: Kind,
        message: String,
    ) {
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
    programmes::check_programmes(content, &mut checker);
    running::check_running(content, &mut checker);
    sources::check_every_source_is_cited(content, &mut checker);
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
        "clinical topic",
        content
            .guidance
            .clinical_topics
            .iter()
            .map(|t| t.id.as_str())
            .collect(),
    );
    check(
        File::Regions,
        "other cause",
        content
            .regions
            .other_causes
            .iter()
            .map(|c| c.id.as_str())
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
    for topic in &g.clinical_topics {
        let ctx_id = quoted(&topic.id);
        let ctx = [ctx_id.as_str()];
        check_claims(content, checker, File::Guidance, &ctx, &topic.points);
        check_ids(
            checker,
            File::Guidance,
            &ctx,
            &topic.conditions,
            condition_exists,
            "condition",
        );
        if topic.conditions.is_empty() {
            checker.report(
                File::Guidance,
                &[&ctx_id, "conditions"],
                Kind::MissingRequired,
                format!("clinical topic {ctx_id} lists no conditions, so no panel would show it"),
            );
        }
    }
    check_other_cause_references(content, checker);
    check_pain_diary(content, checker);
}

/// The pain diary's guide cites its sources, its band is a real change on the 0–10 scale, and each red-flag
/// pointer names flags that exist, once per trigger.
fn check_pain_diary(content: &Content, checker: &mut Checker<'_>) {
    let diary = &content.guidance.pain_diary;
    let ctx = ["pain_diary"];
    check_claims(
        content,
        checker,
        File::Guidance,
        &ctx,
        diary
            .how_to_mark
            .iter()
            .chain(std::iter::once(&diary.meaningful_change)),
    );
    let band = diary.meaningful_change_points;
    if !(band.is_finite() && band > 0.0 && band < f32::from(crate::limits::PAIN_SCALE_MAX)) {
        checker.report(
            File::Guidance,
            &["pain_diary", "meaningful_change_points"],
            Kind::BadValue,
            format!(
                "pain_diary meaningful_change_points is {band}: it must be above 0 and below {}",
                crate::limits::PAIN_SCALE_MAX
            ),
        );
    }
    let mut seen = HashSet::new();
    for pointer in &diary.red_flag_pointers {
        let trigger = format!("{:?}", pointer.when);
        let ctx = ["pain_diary", "red_flag_pointers", trigger.as_str()];
        if !seen.insert(pointer.when) {
            checker.report(
                File::Guidance,
                &ctx,
                Kind::DuplicateId,
                format!("pain_diary has two red-flag pointers for {trigger}"),
            );
        }
        if pointer.red_flags.is_empty() {
            checker.report(
                File::Guidance,
                &ctx,
                Kind::MissingRequired,
                format!("pain_diary red-flag pointer {trigger} names no red flag"),
            );
        }
        check_ids(
            checker,
            File::Guidance,
            &ctx,
            &pointer.red_flags,
            |id| content.red_flag(id).is_some(),
            "red flag",
        );
        if pointer.text.trim().is_empty() {
            checker.report(
                File::Guidance,
                &ctx,
                Kind::EmptyText,
                format!("pain_diary red-flag pointer {trigger} text is empty"),
            );
        }
    }
}

/// Each "If it doesn't fit" cause names locations that exist and cites sources that exist.
fn check_other_cause_references(content: &Content, checker: &mut Checker<'_>) {
    for cause in &content.regions.other_causes {
        let ctx_id = quoted(&cause.id);
        let ctx = [ctx_id.as_str()];
        check_ids(
            checker,
            File::Regions,
            &ctx,
            &cause.locations,
            |id| content.location(id).is_some(),
            "location",
        );
        if cause.locations.is_empty() {
            checker.report(
                File::Regions,
                &[&ctx_id, "locations"],
                Kind::MissingRequired,
                format!("other cause {ctx_id} lists no locations, so no panel would show it"),
            );
        }
        if cause.sources.is_empty() {
            checker.report(
                File::Regions,
                &[&ctx_id, "sources"],
                Kind::MissingRequired,
                format!("other cause {ctx_id} cites no source"),
            );
        }
        check_ids(
            checker,
            File::Regions,
            &ctx,
            &cause.sources,
            |id| content.source(id).is_some(),
            "source",
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
    for cause in &content.regions.other_causes {
        let id = quoted(&cause.id);
        require(
            File::Regions,
            &[&id, "name"],
            "other cause name",
            &cause.name,
        );
        require(
            File::Regions,
            &[&id, "fits_if"],
            "other cause fits_if",
            &cause.fits_if,
        );
        require(File::Regions, &[&id, "who"], "other cause who", &cause.who);
    }
    for topic in &content.guidance.clinical_topics {
        let id = quoted(&topic.id);
        require(
            File::Guidance,
            &[&id, "title"],
            "clinical topic title",
            &topic.title,
        );
        if topic.points.is_empty() {
            require(
                File::Guidance,
                &[&id, "points"],
                "clinical topic points",
                "",
            );
        }
        for point in &topic.points {
            require(
                File::Guidance,
                &[&id, "text: \"\""],
                "clinical topic point",
                &point.text,
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
        if !Limits::sets_in_range(dose.sets) {
            checker.report(
                File::Exercises,
                &[&id, "sets"],
                Kind::BadValue,
                format!(
                    "exercise {id}: {} sets is outside {}–{}",
                    dose.sets,
                    Limits::SETS_MIN,
                    Limits::SETS_MAX
                ),
            );
        }
        let reps_ok = dose.reps.is_some_and(Limits::reps_in_range);
        let hold_ok = dose.hold_secs.is_some_and(Limits::hold_in_range);
        if !reps_ok && !hold_ok {
            checker.report(
                File::Exercises,
                &[&id, "dose"],
                Kind::BadValue,
                format!(
                    "exercise {id}: the dose needs reps ({}–{}) or hold_secs ({}–{})",
                    Limits::REPS_MIN,
                    Limits::REPS_MAX,
                    Limits::HOLD_SECS_MIN,
                    Limits::HOLD_SECS_MAX
                ),
            );
        }
        if dose.rest_secs > Limits::REST_SECS_MAX {
            checker.report(
                File::Exercises,
                &[&id, "rest_secs"],
                Kind::BadValue,
                format!(
                    "exercise {id}: rest of {} s is over {} minutes",
                    dose.rest_secs,
                    Limits::REST_SECS_MAX / 60
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
