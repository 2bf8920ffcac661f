//! The `.kneemap-plan` hand-off file: one plan as versioned RON, written by [`export_plan`] and checked whole by
//! [`parse_plan_file`], which either returns the complete plan or every problem with its line — never part of a
//! plan, never a panic. The format is documented in `docs/plan-file-format.md`.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::ExportError;
use super::ron_spans::{Seg, Spans};
use crate::content::{Content, Tempo};
use crate::planner::data::MAX_PLAN_WEEKS;
use crate::planner::{
    DayPlan, Limits, PainThresholds, Plan, PlannedExercise, WeekPlan, clamp_planned,
};

/// The `format` field of every plan file.
pub const PLAN_FILE_FORMAT: &str = "kneemap-plan";
/// The format version this build writes and the newest it reads.
pub const PLAN_FILE_VERSION: u32 = 1;
/// The file name extension, without the dot.
pub const PLAN_FILE_EXTENSION: &str = "kneemap-plan";
/// Larger files are refused before parsing (a full 52-week plan is well under 1 MiB).
pub const MAX_PLAN_FILE_BYTES: usize = 4 * 1024 * 1024;
/// Most exercises one day may hold.
pub const MAX_EXERCISES_PER_DAY: usize = 30;
/// Longest plan name, author and "why" line, in characters.
pub const MAX_SHORT_TEXT_CHARS: usize = 200;
/// Longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 2000;
/// Most notes a plan may carry.
pub const MAX_NOTES: usize = 100;
/// Most problems listed for one file; the rest are counted in a last line.
pub const MAX_PROBLEMS_LISTED: usize = 50;
/// Start dates outside these years are refused as mistakes.
pub const START_YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// Day keys in a week, Monday first (the same order as [`WeekPlan::days`]).
pub const DAY_KEYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Who wrote a plan file and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanFileMeta {
    /// A person's name or "" (e.g. the physio who wrote the plan).
    pub author: String,
    pub written_at: DateTime<Utc>,
}

/// A plan file that passed every check.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedPlan {
    /// The plan, with `id` 0: the importing store gives it a fresh id.
    pub plan: Plan,
    /// The pain limits the author set for this plan, if any.
    pub pain_limits: Option<PainThresholds>,
    pub author: String,
    /// The program that wrote the file, e.g. `KneeMap 0.1.0`.
    pub written_by: String,
    pub written_at: DateTime<Utc>,
}

impl ImportedPlan {
    /// Plain-words lines for the import preview: name, author and date, length, sessions and exercises.
    #[must_use]
    pub fn preview_lines(&self, content: &Content) -> Vec<String> {
        let plan = &self.plan;
        let mut lines = vec![format!("\"{}\"", plan.name)];
        let by = if self.author.trim().is_empty() {
            String::new()
        } else {
            format!("by {}, ", self.author)
        };
        lines.push(format!(
            "{by}written {} with {}",
            self.written_at.format("%-d %B %Y"),
            self.written_by
        ));
        if let Some(condition) = plan
            .condition_id
            .as_deref()
            .and_then(|id| content.condition(id))
        {
            lines.push(format!("For {}", condition.lay_name));
        }
        let sessions = plan
            .weeks
            .iter()
            .flat_map(|w| w.days.iter())
            .filter(|d| !d.is_empty())
            .count();
        lines.push(format!(
            "{} weeks from {}, {sessions} sessions",
            plan.weeks.len(),
            plan.first_monday().format("%-d %B %Y")
        ));
        let mut names: Vec<&str> = Vec::new();
        for planned in plan
            .weeks
            .iter()
            .flat_map(|w| w.days.iter())
            .flat_map(|d| d.exercises.iter())
        {
            let name = content
                .exercise(&planned.exercise_id)
                .map_or(planned.exercise_id.as_str(), |e| e.name.as_str());
            if !names.contains(&name) {
                names.push(name);
            }
        }
        lines.push(format!("Exercises: {}", names.join(", ")));
        if let Some(limits) = &self.pain_limits {
            lines.push(format!(
                "Pain limit during exercise: {}/10",
                limits.max_during
            ));
        }
        lines
    }
}

/// One reason a plan file was refused, with where it is (1-based line; column in characters where known).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}{}: {reason}", .column.map(|c| format!(", column {c}")).unwrap_or_default())]
pub struct PlanFileProblem {
    pub line: usize,
    pub column: Option<usize>,
    pub reason: String,
}

/// The whole file.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanFileV1 {
    format: String,
    version: u32,
    written_by: String,
    #[serde(default)]
    author: String,
    written_at: DateTime<Utc>,
    plan: FilePlan,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FilePlan {
    name: String,
    #[serde(default)]
    condition_id: Option<String>,
    start_date: NaiveDate,
    #[serde(default = "default_sessions")]
    intended_sessions_per_week: u8,
    #[serde(default)]
    notes: Vec<String>,
    #[serde(default)]
    pain_limits: Option<FilePainLimits>,
    /// The programme's phases over the plan's weeks (1-based, inclusive); absent for a hand-made plan.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    phases: Vec<FilePhase>,
    weeks: Vec<FileWeek>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FilePhase {
    name: String,
    first_week: usize,
    last_week: usize,
    #[serde(default)]
    heavy_load: bool,
    /// What the runner confirms before the phase starts (absent: it starts on its week).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    start_criteria: Vec<String>,
}

fn default_sessions() -> u8 {
    3
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FilePainLimits {
    max_during: u8,
    max_next_morning_rise: u8,
    allow_weekly_rise: bool,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct FileWeek {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    monday: Vec<FileExercise>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tuesday: Vec<FileExercise>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    wednesday: Vec<FileExercise>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    thursday: Vec<FileExercise>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    friday: Vec<FileExercise>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    saturday: Vec<FileExercise>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sunday: Vec<FileExercise>,
}

impl FileWeek {
    fn days(&self) -> [&Vec<FileExercise>; 7] {
        [
            &self.monday,
            &self.tuesday,
            &self.wednesday,
            &self.thursday,
            &self.friday,
            &self.saturday,
            &self.sunday,
        ]
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileExercise {
    exercise: String,
    sets: u8,
    #[serde(default)]
    reps: Option<u8>,
    #[serde(default)]
    hold_secs: Option<u16>,
    #[serde(default)]
    load_kg: Option<f32>,
    #[serde(default = "default_rest")]
    rest_secs: u16,
    #[serde(default)]
    tempo: Option<Tempo>,
    #[serde(default)]
    per_side: bool,
    #[serde(default)]
    rep_range: Option<(u8, u8)>,
    #[serde(default)]
    why: String,
}

fn default_rest() -> u16 {
    60
}

/// The top-level `format` and `version` as written, found without parsing the rest (a newer version may not
/// parse as this one). `None` for a field that is missing or not a plain string / number.
fn read_header(text: &str, spans: &Spans<'_>) -> (Option<String>, Option<u64>) {
    let format = spans.value_offset(&[Seg::Field("format")]).and_then(|at| {
        let rest = text.get(at..)?.strip_prefix('"')?;
        let end = rest.find('"')?;
        Some(rest[..end].to_owned())
    });
    let version = spans.value_offset(&[Seg::Field("version")]).and_then(|at| {
        let rest = text.get(at..)?;
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok()
    });
    (format, version)
}

impl FileExercise {
    fn from_planned(p: &PlannedExercise) -> Self {
        Self {
            exercise: p.exercise_id.clone(),
            sets: p.sets,
            reps: p.reps,
            hold_secs: p.hold_secs,
            load_kg: p.load_kg,
            rest_secs: p.rest_secs,
            tempo: p.tempo,
            per_side: p.per_side,
            rep_range: p.rep_range,
            why: p.why.clone(),
        }
    }

    fn to_planned(&self) -> PlannedExercise {
        let mut planned = PlannedExercise {
            exercise_id: self.exercise.clone(),
            sets: self.sets,
            reps: self.reps,
            hold_secs: self.hold_secs,
            load_kg: self.load_kg,
            rest_secs: self.rest_secs,
            tempo: self.tempo,
            per_side: self.per_side,
            why: self.why.clone(),
            rep_range: self.rep_range,
        };
        // Validation has already refused anything out of range; this only guards the invariant.
        clamp_planned(&mut planned);
        planned
    }
}

/// The plan as `.kneemap-plan` text (pretty RON). The plan's id is not written: it means nothing in another store.
///
/// # Errors
/// [`ExportError::Encode`] if RON serialisation fails (not expected for planner data).
pub fn export_plan(
    plan: &Plan,
    pain_limits: Option<&PainThresholds>,
    meta: &PlanFileMeta,
) -> Result<String, ExportError> {
    let file = PlanFileV1 {
        format: PLAN_FILE_FORMAT.to_owned(),
        version: PLAN_FILE_VERSION,
        written_by: concat!("KneeMap ", env!("CARGO_PKG_VERSION")).to_owned(),
        author: meta.author.clone(),
        written_at: meta.written_at,
        plan: FilePlan {
            name: plan.name.clone(),
            condition_id: plan.condition_id.clone(),
            start_date: plan.start_date,
            intended_sessions_per_week: plan.intended_sessions_per_week,
            notes: plan.notes.clone(),
            pain_limits: pain_limits.map(|t| FilePainLimits {
                max_during: t.max_during,
                max_next_morning_rise: t.max_next_morning_rise,
                allow_weekly_rise: t.allow_weekly_rise,
            }),
            phases: plan
                .phases
                .iter()
                .map(|phase| FilePhase {
                    name: phase.name.clone(),
                    first_week: phase.first_week_index + 1,
                    last_week: phase.last_week_index + 1,
                    heavy_load: phase.heavy_load,
                    start_criteria: phase.start_criteria.clone(),
                })
                .collect(),
            weeks: plan.weeks.iter().map(file_week).collect(),
        },
    };
    let config = ron::ser::PrettyConfig::default().struct_names(false);
    let mut text = ron::ser::to_string_pretty(&file, config).map_err(|e| ExportError::Encode {
        format: "RON",
        message: e.to_string(),
    })?;
    text.push('\n');
    Ok(text)
}

fn file_week(week: &WeekPlan) -> FileWeek {
    let day = |i: usize| -> Vec<FileExercise> {
        week.days[i]
            .exercises
            .iter()
            .map(FileExercise::from_planned)
            .collect()
    };
    FileWeek {
        monday: day(0),
        tuesday: day(1),
        wednesday: day(2),
        thursday: day(3),
        friday: day(4),
        saturday: day(5),
        sunday: day(6),
    }
}

/// Collects problems with positions looked up in the text.
struct Problems<'t> {
    spans: Spans<'t>,
    list: Vec<PlanFileProblem>,
    /// Problems not listed because of [`MAX_PROBLEMS_LISTED`].
    unlisted: usize,
}

impl Problems<'_> {
    fn at(&mut self, path: &[Seg<'_>], reason: String) {
        if self.list.len() >= MAX_PROBLEMS_LISTED {
            self.unlisted += 1;
            return;
        }
        let (line, column) = self.spans.position_of(path).unwrap_or((1, 1));
        self.list.push(PlanFileProblem {
            line,
            column: Some(column),
            reason,
        });
    }

    fn finish(mut self) -> Vec<PlanFileProblem> {
        if self.unlisted > 0 {
            let line = self.list.last().map_or(1, |p| p.line);
            self.list.push(PlanFileProblem {
                line,
                column: None,
                reason: format!("and {} more problems like these", self.unlisted),
            });
        }
        self.list
    }
}

/// Text shown back to the user, cut short so a huge value cannot flood the message.
fn shown(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() > MAX {
        let cut: String = text.chars().take(MAX).collect();
        format!("\"{cut}…\"")
    } else {
        format!("\"{text}\"")
    }
}

/// Reads a `.kneemap-plan` file and checks all of it against `content` and the planner's limits. On success the
/// whole plan is returned; otherwise every problem found (up to [`MAX_PROBLEMS_LISTED`]), each with its line.
///
/// # Errors
/// Every [`PlanFileProblem`] found: the file is too large, not RON or of the wrong shape, of another format or a
/// newer version, or holds unknown ids, out-of-range doses, too many weeks or text that is too long.
pub fn parse_plan_file(
    text: &str,
    content: &Content,
) -> Result<ImportedPlan, Vec<PlanFileProblem>> {
    if text.len() > MAX_PLAN_FILE_BYTES {
        return Err(vec![PlanFileProblem {
            line: 1,
            column: None,
            reason: format!(
                "the file is {} bytes, more than the {MAX_PLAN_FILE_BYTES} bytes a plan file may have",
                text.len()
            ),
        }]);
    }
    let mut problems = Problems {
        spans: Spans::new(text),
        list: Vec::new(),
        unlisted: 0,
    };
    // The header first: a newer version may have fields this build does not know, so report only that.
    let (format, version) = read_header(text, &problems.spans);
    if let Some(format) = &format
        && format != PLAN_FILE_FORMAT
    {
        problems.at(
            &[Seg::Field("format")],
            format!(
                "this is not a KneeMap plan file: format is {}, expected \"{PLAN_FILE_FORMAT}\"",
                shown(format)
            ),
        );
        return Err(problems.finish());
    }
    match version {
        Some(v) if v > u64::from(PLAN_FILE_VERSION) => {
            problems.at(
                &[Seg::Field("version")],
                format!(
                    "the file is format version {v}, written by a newer KneeMap; this version reads \
                     version {PLAN_FILE_VERSION} and older. Update KneeMap to import it"
                ),
            );
            return Err(problems.finish());
        }
        Some(0) => {
            problems.at(
                &[Seg::Field("version")],
                "format version 0 does not exist; the first version is 1".to_owned(),
            );
            return Err(problems.finish());
        }
        _ => {}
    }
    let file: PlanFileV1 = match ron::from_str(text) {
        Ok(file) => file,
        Err(e) => {
            let (line, column) = if e.span.start.line == 0 {
                (1, None)
            } else {
                (e.span.start.line, Some(e.span.start.col))
            };
            return Err(vec![PlanFileProblem {
                line,
                column,
                reason: format!("the file cannot be read here: {}", e.code),
            }]);
        }
    };
    check_file(&file, content, &mut problems);
    let problems = problems.finish();
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(build(file))
}

fn check_text(problems: &mut Problems<'_>, path: &[Seg<'_>], what: &str, text: &str, max: usize) {
    let chars = text.chars().count();
    if chars > max {
        problems.at(
            path,
            format!("{what} is too long: {chars} characters, at most {max} allowed"),
        );
    }
}

fn check_file(file: &PlanFileV1, content: &Content, problems: &mut Problems<'_>) {
    let plan = &file.plan;
    // The header scan above normally catches these; this covers headers it could not read (e.g. escapes).
    if file.format != PLAN_FILE_FORMAT {
        problems.at(
            &[Seg::Field("format")],
            format!(
                "this is not a KneeMap plan file: format is {}, expected \"{PLAN_FILE_FORMAT}\"",
                shown(&file.format)
            ),
        );
    }
    if file.version != PLAN_FILE_VERSION {
        problems.at(
            &[Seg::Field("version")],
            format!(
                "format version {} cannot be read; this version reads version {PLAN_FILE_VERSION}",
                file.version
            ),
        );
    }
    check_text(
        problems,
        &[Seg::Field("author")],
        "the author",
        &file.author,
        MAX_SHORT_TEXT_CHARS,
    );
    check_text(
        problems,
        &[Seg::Field("written_by")],
        "written_by",
        &file.written_by,
        MAX_SHORT_TEXT_CHARS,
    );
    let p = Seg::Field("plan");
    check_text(
        problems,
        &[p, Seg::Field("name")],
        "the plan name",
        &plan.name,
        MAX_SHORT_TEXT_CHARS,
    );
    if plan.name.trim().is_empty() {
        problems.at(&[p, Seg::Field("name")], "the plan has no name".to_owned());
    }
    if let Some(id) = &plan.condition_id
        && content.condition(id).is_none()
    {
        problems.at(
            &[p, Seg::Field("condition_id")],
            format!("unknown condition {}", shown(id)),
        );
    }
    if !START_YEARS.contains(&plan.start_date.year()) {
        problems.at(
            &[p, Seg::Field("start_date")],
            format!(
                "start date {} is out of range: the year must be {} to {}",
                plan.start_date,
                START_YEARS.start(),
                START_YEARS.end()
            ),
        );
    }
    if plan.intended_sessions_per_week > 7 {
        problems.at(
            &[p, Seg::Field("intended_sessions_per_week")],
            format!(
                "{} sessions a week is out of range: at most 7",
                plan.intended_sessions_per_week
            ),
        );
    }
    if plan.notes.len() > MAX_NOTES {
        problems.at(
            &[p, Seg::Field("notes")],
            format!(
                "too many notes: {}, at most {MAX_NOTES} allowed",
                plan.notes.len()
            ),
        );
    }
    for (i, note) in plan.notes.iter().enumerate() {
        check_text(
            problems,
            &[p, Seg::Field("notes"), Seg::Index(i)],
            &format!("note {}", i + 1),
            note,
            MAX_NOTE_CHARS,
        );
    }
    if let Some(limits) = &plan.pain_limits {
        let at = [p, Seg::Field("pain_limits")];
        if limits.max_during > Limits::SCALE_MAX {
            problems.at(
                &[at[0], at[1], Seg::Field("max_during")],
                format!(
                    "pain limit {} is out of range: pain is scored 0 to {}",
                    limits.max_during,
                    Limits::SCALE_MAX
                ),
            );
        }
        if limits.max_next_morning_rise > Limits::SCALE_MAX {
            problems.at(
                &[at[0], at[1], Seg::Field("max_next_morning_rise")],
                format!(
                    "next-morning rise {} is out of range: pain is scored 0 to {}",
                    limits.max_next_morning_rise,
                    Limits::SCALE_MAX
                ),
            );
        }
    }
    for (i, phase) in plan.phases.iter().enumerate() {
        let at = [p, Seg::Field("phases"), Seg::Index(i)];
        check_text(
            problems,
            &at,
            "phase name",
            &phase.name,
            MAX_SHORT_TEXT_CHARS,
        );
        let previous_end = i
            .checked_sub(1)
            .and_then(|j| plan.phases.get(j))
            .map_or(0, |q| q.last_week);
        if phase.first_week == 0
            || phase.first_week > phase.last_week
            || phase.last_week > plan.weeks.len()
            || phase.first_week <= previous_end
        {
            problems.at(
                &at,
                format!(
                    "phase \"{}\" runs weeks {} to {}: phases must lie within the plan's {} weeks, in order, \
                     without overlapping",
                    shown(&phase.name),
                    phase.first_week,
                    phase.last_week,
                    plan.weeks.len()
                ),
            );
        }
    }
    let weeks = Seg::Field("weeks");
    if plan.weeks.is_empty() {
        problems.at(&[p, weeks], "the plan has no weeks".to_owned());
    }
    if plan.weeks.len() > MAX_PLAN_WEEKS {
        problems.at(
            &[p, weeks],
            format!(
                "too many weeks: {}, a plan may have at most {MAX_PLAN_WEEKS}",
                plan.weeks.len()
            ),
        );
    }
    for (w, week) in plan.weeks.iter().enumerate() {
        for (d, exercises) in week.days().into_iter().enumerate() {
            let day = Seg::Field(DAY_KEYS[d]);
            let where_ = format!("week {} {}", w + 1, crate::planner::day_name(d));
            if exercises.len() > MAX_EXERCISES_PER_DAY {
                problems.at(
                    &[p, weeks, Seg::Index(w), day],
                    format!(
                        "{where_} has {} exercises, at most {MAX_EXERCISES_PER_DAY} allowed",
                        exercises.len()
                    ),
                );
            }
            for (k, exercise) in exercises.iter().enumerate() {
                let path = [p, weeks, Seg::Index(w), day, Seg::Index(k)];
                check_exercise(exercise, content, &path, &where_, problems);
            }
        }
    }
}

fn check_exercise<'a>(
    e: &FileExercise,
    content: &Content,
    path: &[Seg<'a>; 5],
    where_: &str,
    problems: &mut Problems<'_>,
) {
    let field = |name: &'a str| -> [Seg<'a>; 6] {
        let [plan, weeks, week, day, index] = *path;
        [plan, weeks, week, day, index, Seg::Field(name)]
    };
    if content.exercise(&e.exercise).is_none() {
        problems.at(
            &field("exercise"),
            format!("{where_}: unknown exercise {}", shown(&e.exercise)),
        );
    }
    let name = content
        .exercise(&e.exercise)
        .map_or_else(|| e.exercise.clone(), |x| x.name.clone());
    let mut out_of_range = |key: &'static str, what: String| {
        problems.at(&field(key), format!("{where_}, {name}: {what}"));
    };
    if !(Limits::SETS_MIN..=Limits::SETS_MAX).contains(&e.sets) {
        out_of_range(
            "sets",
            format!(
                "{} sets is out of range ({} to {})",
                e.sets,
                Limits::SETS_MIN,
                Limits::SETS_MAX
            ),
        );
    }
    if let Some(reps) = e.reps
        && !(Limits::REPS_MIN..=Limits::REPS_MAX).contains(&reps)
    {
        out_of_range(
            "reps",
            format!(
                "{reps} reps is out of range ({} to {})",
                Limits::REPS_MIN,
                Limits::REPS_MAX
            ),
        );
    }
    if let Some(hold) = e.hold_secs
        && !(Limits::HOLD_SECS_MIN..=Limits::HOLD_SECS_MAX).contains(&hold)
    {
        out_of_range(
            "hold_secs",
            format!(
                "a {hold} s hold is out of range ({} to {} s)",
                Limits::HOLD_SECS_MIN,
                Limits::HOLD_SECS_MAX
            ),
        );
    }
    if e.rest_secs > Limits::REST_SECS_MAX {
        out_of_range(
            "rest_secs",
            format!(
                "{} s rest is out of range (0 to {} s)",
                e.rest_secs,
                Limits::REST_SECS_MAX
            ),
        );
    }
    if let Some(load) = e.load_kg
        && !(load.is_finite() && (0.0..=Limits::LOAD_KG_MAX).contains(&load))
    {
        out_of_range(
            "load_kg",
            format!(
                "a load of {load} kg is out of range (0 to {} kg)",
                Limits::LOAD_KG_MAX
            ),
        );
    }
    if let Some(tempo) = e.tempo {
        let longest = tempo.lower_secs.max(tempo.pause_secs).max(tempo.lift_secs);
        if longest > Limits::TEMPO_PHASE_SECS_MAX {
            out_of_range(
                "tempo",
                format!(
                    "a tempo phase of {longest} s is out of range (at most {} s)",
                    Limits::TEMPO_PHASE_SECS_MAX
                ),
            );
        }
    }
    if let Some((low, high)) = e.rep_range {
        let reps = Limits::REPS_MIN..=Limits::REPS_MAX;
        if !reps.contains(&low) || !reps.contains(&high) || low > high {
            out_of_range(
                "rep_range",
                format!(
                    "rep range {low}–{high} is out of range (lowest first, each {} to {})",
                    Limits::REPS_MIN,
                    Limits::REPS_MAX
                ),
            );
        }
    }
    if e.why.chars().count() > MAX_SHORT_TEXT_CHARS {
        out_of_range(
            "why",
            format!(
                "the reason is too long: {} characters, at most {MAX_SHORT_TEXT_CHARS} allowed",
                e.why.chars().count()
            ),
        );
    }
}

fn build(file: PlanFileV1) -> ImportedPlan {
    let plan = file.plan;
    let weeks = plan
        .weeks
        .iter()
        .map(|week| WeekPlan {
            days: week.days().map(|exercises| DayPlan {
                exercises: exercises.iter().map(FileExercise::to_planned).collect(),
            }),
        })
        .collect();
    let pain_limits = plan.pain_limits.map(|l| PainThresholds {
        max_during: l.max_during,
        max_next_morning_rise: l.max_next_morning_rise,
        allow_weekly_rise: l.allow_weekly_rise,
        ..PainThresholds::default()
    });
    ImportedPlan {
        plan: Plan {
            id: 0,
            name: plan.name,
            condition_id: plan.condition_id,
            start_date: plan.start_date,
            weeks,
            intended_sessions_per_week: plan.intended_sessions_per_week,
            notes: plan.notes,
            phases: plan
                .phases
                .into_iter()
                .map(|phase| crate::planner::model::PlanPhase {
                    name: phase.name,
                    first_week_index: phase.first_week - 1,
                    last_week_index: phase.last_week - 1,
                    heavy_load: phase.heavy_load,
                    start_criteria: phase.start_criteria,
                    started_on: None,
                })
                .collect(),
            pain_thresholds: pain_limits.clone().unwrap_or_default(),
        },
        pain_limits,
        author: file.author,
        written_by: file.written_by,
        written_at: file.written_at,
    }
}
