//! The pain diary: entries of where the knee hurts (marks on the diagram, each with its own intensity and
//! quality), when, and in what context; the draft being written and the commands that change both, with undo.
//! What the diary shows over time (heat map, trends, onset distance) is in [`insights`].
//!
//! Marks follow the knee pain map (Thompson et al. 2009): pain is a spot, a region or diffuse.

pub mod insights;

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use crate::content::{Content, KneeSign, PainContext, PainQuality, RedFlagPointer, ViewKind};
use crate::geometry::NormPos;
use crate::limits::PAIN_SCALE_MAX;
use crate::map::diagram::{Knee, hit_test};

/// Most marks one entry holds (the diagram has nine areas; spots beyond this are noise).
pub const MAX_MARKS_PER_ENTRY: usize = 24;
/// Most entries kept: ten entries a day for more than thirteen years.
pub const MAX_ENTRIES: usize = 50_000;
/// Longest note on an entry, in characters.
pub const MAX_NOTE_CHARS: usize = 2_000;
/// Furthest an onset can be into a run.
pub const MAX_ONSET_KM: f64 = 250.0;
pub const MAX_ONSET_MIN: u32 = 24 * 60;
/// How far ahead of the clock an entry may be dated (a clock a little off is not an error).
const FUTURE_SLACK_MINUTES: i64 = 5;

/// Where on the knee one mark is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum MarkPlace {
    /// A spot placed on a picture, in normalised image coordinates of the RIGHT knee (as the content's polygons
    /// are), with the area it falls in, if any.
    Spot {
        view: ViewKind,
        at_right_knee: (f32, f32),
        location: Option<String>,
    },
    /// A whole area picked from the list (a location id of the diagram).
    Region { location: String },
    /// The whole knee, no clear place.
    Diffuse,
}

impl MarkPlace {
    /// The location id it counts towards in the heat map and the trend, if any.
    pub fn location(&self) -> Option<&str> {
        match self {
            Self::Spot { location, .. } => location.as_deref(),
            Self::Region { location } => Some(location),
            Self::Diffuse => None,
        }
    }
}

/// One place that hurts, with its own score and feel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PainMark {
    pub knee: Knee,
    pub place: MarkPlace,
    /// 0–10.
    pub intensity: u8,
    pub quality: PainQuality,
}

impl PainMark {
    /// Where it is in words: "inner side of the knee, on the joint line", "the whole knee, diffuse".
    pub fn place_label(&self, content: &Content) -> String {
        let location_label = |id: &str| {
            location_label(content, id).map_or_else(|| id.replace('_', " "), str::to_lowercase)
        };
        match &self.place {
            MarkPlace::Spot {
                view,
                location: Some(id),
                ..
            } => format!(
                "spot on the {} ({})",
                location_label(id),
                view.label().to_lowercase()
            ),
            MarkPlace::Spot {
                view,
                location: None,
                ..
            } => format!("spot on the {} view", view.label().to_lowercase()),
            MarkPlace::Region { location } => location_label(location),
            MarkPlace::Diffuse => "the whole knee, diffuse".to_owned(),
        }
    }

    /// The screen-reader name: "Right knee, inner side of the knee, on the joint line, sharp, 4 out of 10".
    pub fn describe(&self, content: &Content) -> String {
        format!(
            "{} knee, {}, {}, {} out of {PAIN_SCALE_MAX}",
            self.knee.label(),
            self.place_label(content),
            self.quality.label(),
            self.intensity
        )
    }
}

/// The label of a location id of the diagram (either view or the whole-knee choices).
pub fn location_label<'a>(content: &'a Content, id: &str) -> Option<&'a str> {
    content
        .regions
        .views
        .iter()
        .flat_map(|view| view.regions.iter().map(|region| &region.location))
        .chain(&content.regions.whole_knee)
        .find(|location| location.id == id)
        .map(|location| location.label.as_str())
}

/// When during a run the pain began.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Onset {
    AtKm(f64),
    AtMinute(u32),
}

/// One diary entry: the marks, when, and the context.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DiaryEntry {
    pub id: u64,
    /// When the pain was felt (shown in local time).
    pub at_utc: DateTime<Utc>,
    pub marks: Vec<PainMark>,
    pub contexts: BTreeSet<PainContext>,
    pub signs: BTreeSet<KneeSign>,
    /// During a run: where it started.
    pub onset: Option<Onset>,
    /// The run this entry belongs to (during or after it), by run id.
    pub run_id: Option<u64>,
    pub note: String,
}

impl Default for DiaryEntry {
    fn default() -> Self {
        Self {
            id: 0,
            at_utc: DateTime::<Utc>::UNIX_EPOCH,
            marks: Vec::new(),
            contexts: BTreeSet::new(),
            signs: BTreeSet::new(),
            onset: None,
            run_id: None,
            note: String::new(),
        }
    }
}

impl DiaryEntry {
    /// The highest score of its marks (0 with none).
    pub fn max_intensity(&self) -> u8 {
        self.marks.iter().map(|m| m.intensity).max().unwrap_or(0)
    }

    /// The red-flag pointers this entry's contexts and signs trigger, in content order.
    pub fn red_flag_pointers<'c>(&self, content: &'c Content) -> Vec<&'c RedFlagPointer> {
        red_flag_pointers(content, &self.contexts, &self.signs)
    }
}

/// The pointers that `contexts` and `signs` trigger, in content order.
pub fn red_flag_pointers<'c>(
    content: &'c Content,
    contexts: &BTreeSet<PainContext>,
    signs: &BTreeSet<KneeSign>,
) -> Vec<&'c RedFlagPointer> {
    use crate::content::PointerTrigger;
    content
        .guidance
        .pain_diary
        .red_flag_pointers
        .iter()
        .filter(|pointer| match pointer.when {
            PointerTrigger::Context(context) => contexts.contains(&context),
            PointerTrigger::Sign(sign) => signs.contains(&sign),
        })
        .collect()
}

/// All entries, oldest first (sorted by time, then id).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Diary {
    pub entries: Vec<DiaryEntry>,
    pub next_id: u64,
}

/// Why an entry was not saved.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DiaryError {
    #[error("Mark at least one place that hurts (or the whole knee) before saving.")]
    NoMarks,
    #[error("An entry holds at most {MAX_MARKS_PER_ENTRY} marks.")]
    TooManyMarks,
    #[error("A pain score is from 0 to {PAIN_SCALE_MAX}; {0} is not on the scale.")]
    IntensityOffScale(u8),
    #[error("The entry is dated in the future ({0}); pick the time the pain was felt.")]
    InTheFuture(String),
    #[error(
        "Where the pain started must be between 0 and {MAX_ONSET_KM} km or 0 and {MAX_ONSET_MIN} minutes."
    )]
    OnsetOutOfRange,
    #[error("A note holds at most {MAX_NOTE_CHARS} characters.")]
    NoteTooLong,
    #[error("That run is no longer in the run log.")]
    NoSuchRun,
    #[error("That diary entry no longer exists.")]
    NoSuchEntry,
    #[error("The diary is full ({MAX_ENTRIES} entries); export it and delete old entries first.")]
    Full,
    #[error("That mark no longer exists.")]
    NoSuchMark,
    #[error("\"{0}\" is not an area of the diagram.")]
    UnknownLocation(String),
    #[error("That point is outside the picture.")]
    OutsidePicture,
    #[error("Start a new entry first.")]
    NoDraft,
    #[error("Nothing to undo in the diary.")]
    NothingToUndo,
    #[error("Nothing to redo in the diary.")]
    NothingToRedo,
}

impl Diary {
    pub fn entry(&self, id: u64) -> Option<&DiaryEntry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// The newest entry.
    pub fn latest(&self) -> Option<&DiaryEntry> {
        self.entries.last()
    }

    /// Entries from `from_utc` (inclusive) to `to_utc` (exclusive): a binary search, so a ten-year diary costs
    /// what the period holds.
    pub fn between(&self, from_utc: DateTime<Utc>, to_utc: DateTime<Utc>) -> &[DiaryEntry] {
        let start = self.entries.partition_point(|e| e.at_utc < from_utc);
        let end = self.entries.partition_point(|e| e.at_utc < to_utc);
        self.entries.get(start..end.max(start)).unwrap_or(&[])
    }

    /// Puts `entry` in time order (an edit may move it).
    fn insert_sorted(&mut self, entry: DiaryEntry) {
        let at = self
            .entries
            .partition_point(|e| (e.at_utc, e.id) < (entry.at_utc, entry.id));
        self.entries.insert(at, entry);
    }

    fn remove(&mut self, id: u64) -> Option<DiaryEntry> {
        let index = self.entries.iter().position(|e| e.id == id)?;
        Some(self.entries.remove(index))
    }

    /// Sets the entry with `id` to `entry` (or removes it with `None`), returning what was there.
    fn put(&mut self, id: u64, entry: Option<DiaryEntry>) -> Option<DiaryEntry> {
        let before = self.remove(id);
        if let Some(entry) = entry {
            self.next_id = self.next_id.max(entry.id + 1);
            self.insert_sorted(entry);
        }
        before
    }

    /// Drops what a loaded file cannot hold (scores off the scale, too many marks), keeps time order and a
    /// `next_id` beyond every id. Returns how many entries were dropped.
    pub fn repair(&mut self) -> usize {
        let before = self.entries.len();
        self.entries.retain(|e| {
            !e.marks.is_empty()
                && e.marks.len() <= MAX_MARKS_PER_ENTRY
                && e.marks.iter().all(|m| m.intensity <= PAIN_SCALE_MAX)
        });
        self.entries.sort_by_key(|e| (e.at_utc, e.id));
        self.entries.dedup_by_key(|e| e.id);
        self.next_id = self
            .entries
            .iter()
            .map(|e| e.id + 1)
            .max()
            .unwrap_or(0)
            .max(self.next_id);
        before - self.entries.len()
    }
}

/// Checks an entry before it is saved.
pub fn validate(
    entry: &DiaryEntry,
    now_utc: DateTime<Utc>,
    run_exists: impl Fn(u64) -> bool,
) -> Result<(), DiaryError> {
    if entry.marks.is_empty() {
        return Err(DiaryError::NoMarks);
    }
    if entry.marks.len() > MAX_MARKS_PER_ENTRY {
        return Err(DiaryError::TooManyMarks);
    }
    if let Some(mark) = entry.marks.iter().find(|m| m.intensity > PAIN_SCALE_MAX) {
        return Err(DiaryError::IntensityOffScale(mark.intensity));
    }
    if entry.at_utc > now_utc + chrono::Duration::minutes(FUTURE_SLACK_MINUTES) {
        return Err(DiaryError::InTheFuture(
            local_time(entry.at_utc)
                .format("%Y-%m-%d %H:%M")
                .to_string(),
        ));
    }
    match entry.onset {
        Some(Onset::AtKm(km)) if !(km.is_finite() && (0.0..=MAX_ONSET_KM).contains(&km)) => {
            return Err(DiaryError::OnsetOutOfRange);
        }
        Some(Onset::AtMinute(minute)) if minute > MAX_ONSET_MIN => {
            return Err(DiaryError::OnsetOutOfRange);
        }
        _ => {}
    }
    if entry.note.chars().count() > MAX_NOTE_CHARS {
        return Err(DiaryError::NoteTooLong);
    }
    if let Some(run_id) = entry.run_id
        && !run_exists(run_id)
    {
        return Err(DiaryError::NoSuchRun);
    }
    Ok(())
}

/// `at` in the runner's local time.
pub fn local_time(at: DateTime<Utc>) -> chrono::DateTime<chrono::FixedOffset> {
    crate::running::model::to_local(at)
}

/// A local wall-clock time back to UTC, with the same offset [`local_time`] uses.
pub fn from_local_time(local: NaiveDateTime) -> DateTime<Utc> {
    let offset = *local_time(Utc::now()).offset();
    offset
        .from_local_datetime(&local)
        .single()
        .map_or_else(|| local.and_utc(), |at| at.with_timezone(&Utc))
}

/// The entry being written or edited: not saved until [`DiaryCommand::SaveDraft`].
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The entry being edited, or `None` for a new one.
    pub editing: Option<u64>,
    pub entry: DiaryEntry,
}

/// A change the diary panel asks for.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum DiaryCommand {
    /// Start a new entry now; `from_last` copies the places, scores and contexts of the newest entry.
    NewDraft {
        from_last: bool,
    },
    /// Open an entry to change it.
    EditEntry(u64),
    /// A click on the picture at `at_screen_norm` (normalised image coordinates as drawn for `knee`).
    PlaceSpot {
        view: ViewKind,
        knee: Knee,
        at_norm: NormPos,
    },
    /// A whole area (location id), from the list or the keyboard.
    AddRegion {
        knee: Knee,
        location: String,
    },
    /// The whole knee, no clear place.
    AddDiffuse {
        knee: Knee,
    },
    SetIntensity {
        mark: usize,
        intensity: u8,
    },
    SetQuality {
        mark: usize,
        quality: PainQuality,
    },
    RemoveMark(usize),
    /// Local date and time the pain was felt.
    SetTime(NaiveDateTime),
    SetContext {
        context: PainContext,
        on: bool,
    },
    SetSign {
        sign: KneeSign,
        on: bool,
    },
    SetOnset(Option<Onset>),
    LinkRun(Option<u64>),
    SetNote(String),
    /// Save the draft as a new entry or over the one it edits.
    SaveDraft,
    DiscardDraft,
    DeleteEntry(u64),
    Undo,
    Redo,
}

impl DiaryCommand {
    /// Whether it changes saved entries (the rest edit the draft, which is not saved).
    pub fn changes_entries(&self) -> bool {
        matches!(
            self,
            Self::SaveDraft | Self::DeleteEntry(_) | Self::Undo | Self::Redo
        )
    }
}

/// One saved change, as the entry before and after (either may be absent): undo puts `before` back.
#[derive(Debug, Clone, PartialEq)]
struct DiaryChange {
    id: u64,
    before: Option<DiaryEntry>,
    after: Option<DiaryEntry>,
}

/// Most diary changes remembered for undo.
const MAX_UNDO: usize = 100;

/// The draft and the undo history of the diary: the document's, never saved.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DiaryEditor {
    pub draft: Option<Draft>,
    undo: Vec<DiaryChange>,
    redo: Vec<DiaryChange>,
}

/// What a diary command did.
#[derive(Debug, Clone, PartialEq)]
pub enum DiaryOutcome {
    /// Saved entries changed: the data must be saved.
    EntriesChanged,
    /// Only the draft changed.
    DraftChanged,
    Unchanged,
}

impl DiaryEditor {
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Forgets the draft and the history (the data was replaced).
    pub fn clear(&mut self) {
        *self = Self::default();
    }

    /// Applies `command` to the draft or to `diary`. `run_exists` says whether a run id is in the run log.
    ///
    /// # Errors
    /// Why the command was refused; nothing changed then.
    pub fn apply(
        &mut self,
        content: &Content,
        diary: &mut Diary,
        command: DiaryCommand,
        now_utc: DateTime<Utc>,
        run_exists: impl Fn(u64) -> bool,
    ) -> Result<DiaryOutcome, DiaryError> {
        match command {
            DiaryCommand::NewDraft { from_last } => {
                let mut entry = DiaryEntry {
                    at_utc: now_utc,
                    ..DiaryEntry::default()
                };
                if from_last && let Some(last) = diary.latest() {
                    entry.marks.clone_from(&last.marks);
                    entry.contexts.clone_from(&last.contexts);
                    entry.signs.clone_from(&last.signs);
                }
                self.draft = Some(Draft {
                    editing: None,
                    entry,
                });
                Ok(DiaryOutcome::DraftChanged)
            }
            DiaryCommand::EditEntry(id) => {
                let entry = diary.entry(id).ok_or(DiaryError::NoSuchEntry)?.clone();
                self.draft = Some(Draft {
                    editing: Some(id),
                    entry,
                });
                Ok(DiaryOutcome::DraftChanged)
            }
            DiaryCommand::DiscardDraft => Ok(if self.draft.take().is_some() {
                DiaryOutcome::DraftChanged
            } else {
                DiaryOutcome::Unchanged
            }),
            DiaryCommand::SaveDraft => {
                let draft = self.draft.as_ref().ok_or(DiaryError::NoDraft)?;
                validate(&draft.entry, now_utc, &run_exists)?;
                let id = match draft.editing {
                    Some(id) if diary.entry(id).is_some() => id,
                    Some(_) => return Err(DiaryError::NoSuchEntry),
                    None if diary.entries.len() >= MAX_ENTRIES => return Err(DiaryError::Full),
                    None => diary.next_id,
                };
                let mut entry = draft.entry.clone();
                entry.id = id;
                let before = diary.put(id, Some(entry.clone()));
                self.record(DiaryChange {
                    id,
                    before,
                    after: Some(entry),
                });
                self.draft = None;
                Ok(DiaryOutcome::EntriesChanged)
            }
            DiaryCommand::DeleteEntry(id) => {
                let before = diary.put(id, None).ok_or(DiaryError::NoSuchEntry)?;
                if self.draft.as_ref().is_some_and(|d| d.editing == Some(id)) {
                    self.draft = None;
                }
                self.record(DiaryChange {
                    id,
                    before: Some(before),
                    after: None,
                });
                Ok(DiaryOutcome::EntriesChanged)
            }
            DiaryCommand::Undo => {
                let change = self.undo.pop().ok_or(DiaryError::NothingToUndo)?;
                diary.put(change.id, change.before.clone());
                self.redo.push(change);
                Ok(DiaryOutcome::EntriesChanged)
            }
            DiaryCommand::Redo => {
                let change = self.redo.pop().ok_or(DiaryError::NothingToRedo)?;
                diary.put(change.id, change.after.clone());
                self.undo.push(change);
                Ok(DiaryOutcome::EntriesChanged)
            }
            edit => {
                let draft = self.draft.as_mut().ok_or(DiaryError::NoDraft)?;
                let changed = edit_draft(content, &mut draft.entry, edit)?;
                Ok(if changed {
                    DiaryOutcome::DraftChanged
                } else {
                    DiaryOutcome::Unchanged
                })
            }
        }
    }

    fn record(&mut self, change: DiaryChange) {
        self.undo.push(change);
        if self.undo.len() > MAX_UNDO {
            self.undo.remove(0);
        }
        self.redo.clear();
    }
}

/// Adds `mark` unless the entry is full; a second mark on the same area (or a second "diffuse") of the same knee
/// replaces nothing and is refused as a duplicate only for regions and diffuse (spots may sit close together).
fn add_mark(entry: &mut DiaryEntry, mark: PainMark) -> Result<bool, DiaryError> {
    let duplicate = !matches!(mark.place, MarkPlace::Spot { .. })
        && entry
            .marks
            .iter()
            .any(|m| m.knee == mark.knee && m.place == mark.place);
    if duplicate {
        return Ok(false);
    }
    if entry.marks.len() >= MAX_MARKS_PER_ENTRY {
        return Err(DiaryError::TooManyMarks);
    }
    entry.marks.push(mark);
    Ok(true)
}

/// The score a new mark starts with: the entry's last mark's, or 3 (mild) on an empty entry.
fn starting_intensity(entry: &DiaryEntry) -> u8 {
    entry.marks.last().map_or(3, |m| m.intensity)
}

fn edit_draft(
    content: &Content,
    entry: &mut DiaryEntry,
    edit: DiaryCommand,
) -> Result<bool, DiaryError> {
    match edit {
        DiaryCommand::PlaceSpot {
            view,
            knee,
            at_norm,
        } => {
            if !at_norm.is_in_unit_square() {
                return Err(DiaryError::OutsidePicture);
            }
            let location = content
                .regions
                .views
                .iter()
                .find(|v| v.view == view)
                .and_then(|v| hit_test(v, knee, at_norm))
                .map(|region| region.location.id.clone());
            let right = knee.from_right_knee(at_norm);
            let intensity = starting_intensity(entry);
            add_mark(
                entry,
                PainMark {
                    knee,
                    place: MarkPlace::Spot {
                        view,
                        at_right_knee: (right.x, right.y),
                        location,
                    },
                    intensity,
                    quality: PainQuality::default(),
                },
            )
        }
        DiaryCommand::AddRegion { knee, location } => {
            if location_label(content, &location).is_none() {
                return Err(DiaryError::UnknownLocation(location));
            }
            let intensity = starting_intensity(entry);
            add_mark(
                entry,
                PainMark {
                    knee,
                    place: MarkPlace::Region { location },
                    intensity,
                    quality: PainQuality::default(),
                },
            )
        }
        DiaryCommand::AddDiffuse { knee } => {
            let intensity = starting_intensity(entry);
            add_mark(
                entry,
                PainMark {
                    knee,
                    place: MarkPlace::Diffuse,
                    intensity,
                    quality: PainQuality::Ache,
                },
            )
        }
        DiaryCommand::SetIntensity { mark, intensity } => {
            if intensity > PAIN_SCALE_MAX {
                return Err(DiaryError::IntensityOffScale(intensity));
            }
            let mark = entry.marks.get_mut(mark).ok_or(DiaryError::NoSuchMark)?;
            Ok(std::mem::replace(&mut mark.intensity, intensity) != intensity)
        }
        DiaryCommand::SetQuality { mark, quality } => {
            let mark = entry.marks.get_mut(mark).ok_or(DiaryError::NoSuchMark)?;
            Ok(std::mem::replace(&mut mark.quality, quality) != quality)
        }
        DiaryCommand::RemoveMark(index) => {
            if index >= entry.marks.len() {
                return Err(DiaryError::NoSuchMark);
            }
            entry.marks.remove(index);
            Ok(true)
        }
        DiaryCommand::SetTime(local) => {
            let at = from_local_time(local);
            Ok(std::mem::replace(&mut entry.at_utc, at) != at)
        }
        DiaryCommand::SetContext { context, on } => Ok(if on {
            entry.contexts.insert(context)
        } else {
            entry.contexts.remove(&context)
        }),
        DiaryCommand::SetSign { sign, on } => Ok(if on {
            entry.signs.insert(sign)
        } else {
            entry.signs.remove(&sign)
        }),
        DiaryCommand::SetOnset(onset) => Ok(std::mem::replace(&mut entry.onset, onset) != onset),
        DiaryCommand::LinkRun(run_id) => Ok(std::mem::replace(&mut entry.run_id, run_id) != run_id),
        DiaryCommand::SetNote(note) => Ok(std::mem::replace(&mut entry.note, note.clone()) != note),
        // The rest are handled by `DiaryEditor::apply`.
        DiaryCommand::NewDraft { .. }
        | DiaryCommand::EditEntry(_)
        | DiaryCommand::SaveDraft
        | DiaryCommand::DiscardDraft
        | DiaryCommand::DeleteEntry(_)
        | DiaryCommand::Undo
        | DiaryCommand::Redo => Ok(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content() -> Content {
        Content::embedded().unwrap()
    }

    fn now() -> DateTime<Utc> {
        "2026-12-03T18:00:00Z".parse().unwrap()
    }

    fn apply(
        editor: &mut DiaryEditor,
        diary: &mut Diary,
        command: DiaryCommand,
    ) -> Result<DiaryOutcome, DiaryError> {
        editor.apply(&content(), diary, command, now(), |id| id == 7)
    }

    #[test]
    fn an_entry_with_two_marks_is_written_saved_edited_deleted_and_undone() {
        let content = content();
        let mut editor = DiaryEditor::default();
        let mut diary = Diary::default();
        assert_eq!(
            apply(&mut editor, &mut diary, DiaryCommand::SaveDraft),
            Err(DiaryError::NoDraft)
        );
        apply(
            &mut editor,
            &mut diary,
            DiaryCommand::NewDraft { from_last: true },
        )
        .unwrap();
        assert_eq!(
            apply(&mut editor, &mut diary, DiaryCommand::SaveDraft),
            Err(DiaryError::NoMarks)
        );
        // A click on the inner joint line of the front view (right knee), and the outer side as a region.
        let front = content
            .regions
            .views
            .iter()
            .find(|v| v.view == ViewKind::Front)
            .unwrap();
        let inner = front
            .regions
            .iter()
            .find(|r| r.location.id == "inner_joint_line")
            .unwrap();
        let at_norm = crate::map::diagram::region_anchor(inner, Knee::Right).unwrap();
        apply(
            &mut editor,
            &mut diary,
            DiaryCommand::PlaceSpot {
                view: ViewKind::Front,
                knee: Knee::Right,
                at_norm,
            },
        )
        .unwrap();
        apply(
            &mut editor,
            &mut diary,
            DiaryCommand::AddRegion {
                knee: Knee::Right,
                location: "outer_knee_itb".into(),
            },
        )
        .unwrap();
        // The same region twice is one mark.
        assert_eq!(
            apply(
                &mut editor,
                &mut diary,
                DiaryCommand::AddRegion {
                    knee: Knee::Right,
                    location: "outer_knee_itb".into(),
                },
            ),
            Ok(DiaryOutcome::Unchanged)
        );
        for (mark, intensity, quality) in [(0, 4, PainQuality::Sharp), (1, 2, PainQuality::Ache)] {
            apply(
                &mut editor,
                &mut diary,
                DiaryCommand::SetIntensity { mark, intensity },
            )
            .unwrap();
            apply(
                &mut editor,
                &mut diary,
                DiaryCommand::SetQuality { mark, quality },
            )
            .unwrap();
        }
        assert_eq!(
            apply(
                &mut editor,
                &mut diary,
                DiaryCommand::SetIntensity {
                    mark: 0,
                    intensity: 11
                }
            ),
            Err(DiaryError::IntensityOffScale(11))
        );
        let draft = &editor.draft.as_ref().unwrap().entry;
        assert_eq!(
            draft.marks[0].describe(&content),
            "Right knee, spot on the inner side of the knee, on the joint line (front), sharp, 4 out of 10"
        );
        assert_eq!(
            draft.marks[1].describe(&content),
            "Right knee, outside of the knee, just above the joint line, ache, 2 out of 10"
        );
        assert_eq!(
            apply(&mut editor, &mut diary, DiaryCommand::SaveDraft),
            Ok(DiaryOutcome::EntriesChanged)
        );
        assert_eq!(diary.entries.len(), 1);
        assert!(editor.draft.is_none());
        let id = diary.entries[0].id;

        // Edit: lower the sharp mark, link an unknown run (refused), then a known one.
        apply(&mut editor, &mut diary, DiaryCommand::EditEntry(id)).unwrap();
        apply(
            &mut editor,
            &mut diary,
            DiaryCommand::SetIntensity {
                mark: 0,
                intensity: 1,
            },
        )
        .unwrap();
        apply(&mut editor, &mut diary, DiaryCommand::LinkRun(Some(3))).unwrap();
        assert_eq!(
            apply(&mut editor, &mut diary, DiaryCommand::SaveDraft),
            Err(DiaryError::NoSuchRun)
        );
        apply(&mut editor, &mut diary, DiaryCommand::LinkRun(Some(7))).unwrap();
        apply(&mut editor, &mut diary, DiaryCommand::SaveDraft).unwrap();
        assert_eq!(diary.entries.len(), 1, "an edit replaces, it does not add");
        assert_eq!(diary.entries[0].marks[0].intensity, 1);

        apply(&mut editor, &mut diary, DiaryCommand::DeleteEntry(id)).unwrap();
        assert!(diary.entries.is_empty());
        apply(&mut editor, &mut diary, DiaryCommand::Undo).unwrap();
        assert_eq!(diary.entries[0].marks[0].intensity, 1, "delete undone");
        apply(&mut editor, &mut diary, DiaryCommand::Undo).unwrap();
        assert_eq!(diary.entries[0].marks[0].intensity, 4, "edit undone");
        apply(&mut editor, &mut diary, DiaryCommand::Undo).unwrap();
        assert!(diary.entries.is_empty(), "add undone");
        assert_eq!(
            apply(&mut editor, &mut diary, DiaryCommand::Undo),
            Err(DiaryError::NothingToUndo)
        );
        apply(&mut editor, &mut diary, DiaryCommand::Redo).unwrap();
        apply(&mut editor, &mut diary, DiaryCommand::Redo).unwrap();
        assert_eq!(diary.entries[0].marks[0].intensity, 1);

        // A new entry can start from the last one.
        apply(
            &mut editor,
            &mut diary,
            DiaryCommand::NewDraft { from_last: true },
        )
        .unwrap();
        assert_eq!(editor.draft.as_ref().unwrap().entry.marks.len(), 2);
        apply(&mut editor, &mut diary, DiaryCommand::SaveDraft).unwrap();
        assert_eq!(diary.entries.len(), 2);
        assert_ne!(diary.entries[0].id, diary.entries[1].id);
    }

    #[test]
    fn a_left_knee_spot_is_stored_in_right_knee_coordinates_and_finds_its_area() {
        let content = content();
        let mut editor = DiaryEditor::default();
        let mut diary = Diary::default();
        apply(
            &mut editor,
            &mut diary,
            DiaryCommand::NewDraft { from_last: false },
        )
        .unwrap();
        let front = &content.regions.views[0];
        let region = front
            .regions
            .iter()
            .find(|r| r.location.id == "outer_knee_itb")
            .unwrap();
        let on_left = crate::map::diagram::region_anchor(region, Knee::Left).unwrap();
        apply(
            &mut editor,
            &mut diary,
            DiaryCommand::PlaceSpot {
                view: front.view,
                knee: Knee::Left,
                at_norm: on_left,
            },
        )
        .unwrap();
        let mark = &editor.draft.as_ref().unwrap().entry.marks[0];
        assert_eq!(mark.place.location(), Some("outer_knee_itb"));
        let MarkPlace::Spot { at_right_knee, .. } = mark.place else {
            panic!("a spot");
        };
        assert!((at_right_knee.0 - (1.0 - on_left.x)).abs() < 1e-6);
        assert_eq!(
            apply(
                &mut editor,
                &mut diary,
                DiaryCommand::PlaceSpot {
                    view: front.view,
                    knee: Knee::Left,
                    at_norm: NormPos { x: 1.5, y: 0.5 },
                }
            ),
            Err(DiaryError::OutsidePicture)
        );
    }

    #[test]
    fn saving_refuses_the_future_an_onset_off_the_road_and_unknown_areas() {
        let mut editor = DiaryEditor::default();
        let mut diary = Diary::default();
        apply(
            &mut editor,
            &mut diary,
            DiaryCommand::NewDraft { from_last: false },
        )
        .unwrap();
        apply(
            &mut editor,
            &mut diary,
            DiaryCommand::AddDiffuse { knee: Knee::Left },
        )
        .unwrap();
        assert!(matches!(
            apply(
                &mut editor,
                &mut diary,
                DiaryCommand::AddRegion {
                    knee: Knee::Left,
                    location: "elbow".into()
                }
            ),
            Err(DiaryError::UnknownLocation(_))
        ));
        let tomorrow = local_time(now() + chrono::Duration::days(1)).naive_local();
        apply(&mut editor, &mut diary, DiaryCommand::SetTime(tomorrow)).unwrap();
        assert!(matches!(
            apply(&mut editor, &mut diary, DiaryCommand::SaveDraft),
            Err(DiaryError::InTheFuture(_))
        ));
        let an_hour_ago = local_time(now() - chrono::Duration::hours(1)).naive_local();
        apply(&mut editor, &mut diary, DiaryCommand::SetTime(an_hour_ago)).unwrap();
        apply(
            &mut editor,
            &mut diary,
            DiaryCommand::SetOnset(Some(Onset::AtKm(f64::NAN))),
        )
        .unwrap();
        assert_eq!(
            apply(&mut editor, &mut diary, DiaryCommand::SaveDraft),
            Err(DiaryError::OnsetOutOfRange)
        );
        apply(
            &mut editor,
            &mut diary,
            DiaryCommand::SetOnset(Some(Onset::AtKm(8.0))),
        )
        .unwrap();
        apply(&mut editor, &mut diary, DiaryCommand::SaveDraft).unwrap();
        assert_eq!(
            diary.entries[0].at_utc,
            now() - chrono::Duration::hours(1),
            "local time round-trips"
        );
    }

    #[test]
    fn worrying_contexts_and_signs_point_to_red_flags_that_exist() {
        let content = content();
        let entry = DiaryEntry {
            contexts: [PainContext::AtNight, PainContext::Stairs].into(),
            signs: [KneeSign::Locking].into(),
            ..DiaryEntry::default()
        };
        let pointers = entry.red_flag_pointers(&content);
        assert_eq!(pointers.len(), 2);
        for pointer in pointers {
            for id in &pointer.red_flags {
                assert!(content.red_flag(id).is_some(), "{id}");
            }
        }
        assert!(DiaryEntry::default().red_flag_pointers(&content).is_empty());
    }

    #[test]
    fn between_finds_a_period_and_repair_drops_what_cannot_be_right() {
        let mark = PainMark {
            knee: Knee::Right,
            place: MarkPlace::Diffuse,
            intensity: 2,
            quality: PainQuality::Ache,
        };
        let mut diary = Diary::default();
        for day in (0..10).rev() {
            diary.entries.push(DiaryEntry {
                id: day,
                at_utc: now() - chrono::Duration::days(i64::try_from(day).unwrap()),
                marks: vec![mark.clone()],
                ..DiaryEntry::default()
            });
        }
        diary.entries[3].marks[0].intensity = 42;
        assert_eq!(diary.repair(), 1);
        assert_eq!(diary.next_id, 10);
        let last_three = diary.between(
            now() - chrono::Duration::days(2),
            now() + chrono::Duration::seconds(1),
        );
        assert_eq!(last_three.len(), 3);
        assert!(diary.entries.windows(2).all(|w| w[0].at_utc <= w[1].at_utc));
    }
}
