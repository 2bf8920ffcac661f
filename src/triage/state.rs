//! What the user has told the triage: every red-flag tick and untick with its time (the one record of which flags
//! are ticked), and the runner's age band. [`TriageState::apply`] is its only writer.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::content::{AgeBand, Content};

/// A red flag ticked or unticked at a moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RedFlagEvent {
    pub flag_id: String,
    pub ticked: bool,
    /// When; `None` for a tick kept by a KneeMap that did not record times yet (a flag ticked then counts from
    /// "now" wherever its time matters), or an untick made because the content no longer has the flag.
    pub at: Option<DateTime<Utc>>,
}

/// Most red-flag events kept; the oldest are dropped beyond this, but never the tick of a flag ticked now.
pub const MAX_RED_FLAG_EVENTS: usize = 500;

/// A change to the triage the UI asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub enum TriageCommand {
    SetRedFlag {
        flag_id: String,
        ticked: bool,
    },
    ClearRedFlags,
    /// The runner's age band (`None`: prefer not to say). Either way the question is done.
    SetAgeBand(Option<AgeBand>),
}

/// The red-flag log and the age answer. The log is the truth: a flag is ticked when its latest event is a tick;
/// the ticked set is derived from it (on load and after each change) and never saved.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TriageState {
    /// Every tick and untick, oldest first (for the physio report and the day a return to run pauses from).
    events: Vec<RedFlagEvent>,
    /// Derived from `events`: the flags whose latest event is a tick.
    ticked: BTreeSet<String>,
    /// The runner's age band, if given: it adds the checks and conditions that only apply to some ages (under-16s:
    /// growth plates, a limp with knee pain) and keeps heavy loading for under-16s with a clinician.
    age_band: Option<AgeBand>,
    /// The age question was answered or skipped, so it is not asked again.
    age_question_done: bool,
}

/// The saved shape: the log and the age answer (the ticked set is derived on load).
#[derive(Serialize)]
struct SavedRef<'a> {
    red_flag_events: &'a [RedFlagEvent],
    age_band: Option<AgeBand>,
    age_question_done: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Saved {
    red_flag_events: Vec<RedFlagEvent>,
    age_band: Option<AgeBand>,
    age_question_done: bool,
}

impl Serialize for TriageState {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        SavedRef {
            red_flag_events: &self.events,
            age_band: self.age_band,
            age_question_done: self.age_question_done,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for TriageState {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let saved = Saved::deserialize(deserializer)?;
        let mut state = Self {
            events: saved.red_flag_events,
            ticked: BTreeSet::new(),
            age_band: saved.age_band,
            age_question_done: saved.age_question_done,
        };
        state.derive_ticked();
        Ok(state)
    }
}

impl TriageState {
    /// From a file of version 5 or older, which kept the ticked set beside the log: the set was what counted, so
    /// a flag it holds that the log does not show ticked gets a tick without a time, and a flag the log shows
    /// ticked that the set does not hold gets an untick without a time.
    pub fn from_ticked_and_events(
        ticked: &BTreeSet<String>,
        mut events: Vec<RedFlagEvent>,
        age_band: Option<AgeBand>,
        age_question_done: bool,
    ) -> Self {
        let logged = ticked_in(&events);
        for flag_id in ticked.difference(&logged) {
            events.push(RedFlagEvent {
                flag_id: flag_id.clone(),
                ticked: true,
                at: None,
            });
        }
        for flag_id in logged.difference(ticked) {
            events.push(RedFlagEvent {
                flag_id: flag_id.clone(),
                ticked: false,
                at: None,
            });
        }
        let mut state = Self {
            events,
            ticked: BTreeSet::new(),
            age_band,
            age_question_done,
        };
        state.derive_ticked();
        state
    }

    /// Ids of the flags ticked now.
    pub fn ticked(&self) -> &BTreeSet<String> {
        &self.ticked
    }

    pub fn is_ticked(&self, flag_id: &str) -> bool {
        self.ticked.contains(flag_id)
    }

    /// Every tick and untick, oldest first.
    pub fn events(&self) -> &[RedFlagEvent] {
        &self.events
    }

    pub fn age_band(&self) -> Option<AgeBand> {
        self.age_band
    }

    pub fn age_question_done(&self) -> bool {
        self.age_question_done
    }

    /// What the ticked flags allow now.
    pub fn safety(&self, content: &Content) -> super::Safety {
        super::Safety::from_ticked(&content.red_flags, &self.ticked)
    }

    /// Applies one command at `now` and says whether anything changed. Unknown flag ids change nothing.
    #[must_use = "a change must be saved"]
    pub fn apply(&mut self, content: &Content, command: TriageCommand, now: DateTime<Utc>) -> bool {
        match command {
            TriageCommand::SetRedFlag { flag_id, ticked } => {
                if content.red_flag(&flag_id).is_none() || self.is_ticked(&flag_id) == ticked {
                    return false;
                }
                self.record(flag_id, ticked, Some(now));
                true
            }
            TriageCommand::ClearRedFlags => {
                let ticked: Vec<String> = self.ticked.iter().cloned().collect();
                for flag_id in &ticked {
                    self.record(flag_id.clone(), false, Some(now));
                }
                !ticked.is_empty()
            }
            TriageCommand::SetAgeBand(band) => {
                let changed = self.age_band != band || !self.age_question_done;
                self.age_band = band;
                self.age_question_done = true;
                changed
            }
        }
    }

    /// When the red flags ticked now were ticked: the earliest of their latest ticks. A flag ticked without a
    /// recorded time counts from `fallback`. `None` when nothing is ticked.
    pub fn ticked_since(&self, fallback: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.ticked
            .iter()
            .map(|flag| {
                self.events
                    .iter()
                    .rev()
                    .find(|e| e.flag_id == *flag && e.ticked)
                    .and_then(|e| e.at)
                    .unwrap_or(fallback)
            })
            .min()
    }

    /// Unticks (without a time) the flags the content no longer has (after loading saved state); their earlier
    /// events stay for the report.
    pub fn sanitize(&mut self, content: &Content) {
        let unknown: Vec<String> = self
            .ticked
            .iter()
            .filter(|id| content.red_flag(id).is_none())
            .cloned()
            .collect();
        for flag_id in unknown {
            self.record(flag_id, false, None);
        }
    }

    fn record(&mut self, flag_id: String, ticked: bool, at: Option<DateTime<Utc>>) {
        if ticked {
            self.ticked.insert(flag_id.clone());
        } else {
            self.ticked.remove(&flag_id);
        }
        self.events.push(RedFlagEvent {
            flag_id,
            ticked,
            at,
        });
        if self.events.len() > MAX_RED_FLAG_EVENTS {
            // Drop the oldest events, but never the latest tick of a flag that is ticked now: it keeps the flag
            // ticked, and when it was ticked is what the report shows and what pauses a return to run from that
            // day. Every other flag's latest event is an untick or gone, so dropping older ones keeps it unticked.
            let keep: Vec<usize> = self
                .ticked
                .iter()
                .filter_map(|flag| {
                    self.events
                        .iter()
                        .rposition(|e| e.flag_id == *flag && e.ticked)
                })
                .collect();
            let mut excess = self.events.len() - MAX_RED_FLAG_EVENTS;
            let mut index = 0;
            self.events.retain(|_| {
                let drop = excess > 0 && !keep.contains(&index);
                if drop {
                    excess -= 1;
                }
                index += 1;
                !drop
            });
        }
    }

    fn derive_ticked(&mut self) {
        self.ticked = ticked_in(&self.events);
    }
}

/// The flags whose latest event in `events` is a tick.
fn ticked_in(events: &[RedFlagEvent]) -> BTreeSet<String> {
    let mut ticked = BTreeSet::new();
    for event in events {
        if event.ticked {
            ticked.insert(event.flag_id.clone());
        } else {
            ticked.remove(&event.flag_id);
        }
    }
    ticked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content() -> Content {
        Content::embedded().unwrap()
    }

    fn at(minute: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_764_000_000 + minute * 60, 0).unwrap()
    }

    fn tick(flag: &str, ticked: bool) -> TriageCommand {
        TriageCommand::SetRedFlag {
            flag_id: flag.to_owned(),
            ticked,
        }
    }

    #[test]
    fn pruning_old_events_keeps_the_tick_of_a_flag_still_ticked() {
        let content = content();
        let mut state = TriageState::default();
        let start = Utc::now();
        let kept = content.red_flags[0].id.clone();
        let churn = content.red_flags[1].id.clone();
        assert!(state.apply(&content, tick(&kept, true), start));
        for n in 0..MAX_RED_FLAG_EVENTS {
            let at = start + chrono::Duration::seconds(i64::try_from(n).unwrap() + 1);
            assert!(state.apply(&content, tick(&churn, n % 2 == 0), at));
        }
        assert_eq!(state.events().len(), MAX_RED_FLAG_EVENTS);
        assert_eq!(state.ticked_since(Utc::now()), Some(start));
        assert!(state.is_ticked(&kept));
        // What a reload derives from the pruned log is what was ticked.
        let reloaded: TriageState = ron::from_str(&ron::to_string(&state).unwrap()).unwrap();
        assert_eq!(reloaded, state);
    }

    #[test]
    fn ticking_and_unticking_says_whether_anything_changed() {
        let content = content();
        let mut state = TriageState::default();
        let flag = content.red_flags[0].id.clone();
        assert!(state.apply(&content, tick(&flag, true), at(0)));
        assert!(
            !state.apply(&content, tick(&flag, true), at(0)),
            "ticked already: no second event"
        );
        assert_eq!(state.events().len(), 1);
        assert!(state.is_ticked(&flag));
        assert!(state.apply(&content, tick(&flag, false), at(1)));
        assert!(state.ticked().is_empty());
        assert!(state.apply(&content, tick(&flag, true), at(2)));
        assert!(state.apply(&content, TriageCommand::ClearRedFlags, at(3)));
        assert!(!state.apply(&content, TriageCommand::ClearRedFlags, at(3)));
        assert!(!state.apply(&content, tick("not_a_flag", true), at(4)));
        let events: Vec<(bool, Option<DateTime<Utc>>)> =
            state.events().iter().map(|e| (e.ticked, e.at)).collect();
        assert_eq!(
            events,
            [
                (true, Some(at(0))),
                (false, Some(at(1))),
                (true, Some(at(2))),
                (false, Some(at(3)))
            ],
            "a repeated tick and an unknown flag record nothing"
        );
        for minute in 0..(i64::try_from(MAX_RED_FLAG_EVENTS).unwrap() + 10) {
            let _ = state.apply(&content, tick(&flag, minute % 2 == 0), at(minute));
        }
        assert_eq!(state.events().len(), MAX_RED_FLAG_EVENTS);
    }

    #[test]
    fn the_age_answer_is_done_once_given_or_skipped() {
        let content = content();
        let mut state = TriageState::default();
        assert!(state.apply(&content, TriageCommand::SetAgeBand(None), at(0)));
        assert!(state.age_question_done() && state.age_band().is_none());
        assert!(!state.apply(&content, TriageCommand::SetAgeBand(None), at(0)));
        assert!(state.apply(
            &content,
            TriageCommand::SetAgeBand(Some(AgeBand::Under16)),
            at(0)
        ));
        assert_eq!(state.age_band(), Some(AgeBand::Under16));
    }

    #[test]
    fn the_saved_log_is_the_truth_and_stale_flags_are_unticked() {
        let content = content();
        let mut state = TriageState::default();
        let _ = state.apply(&content, tick("locked_knee", true), at(0));
        let old = TriageState::from_ticked_and_events(
            &BTreeSet::from(["removed_flag".to_owned(), "locked_knee".to_owned()]),
            state.events().to_vec(),
            None,
            false,
        );
        let text = ron::to_string(&old).unwrap();
        assert!(!text.contains("ticked_red_flags"), "{text}");
        let mut loaded: TriageState = ron::from_str(&text).unwrap();
        assert_eq!(loaded.ticked().len(), 2);
        assert_eq!(loaded.ticked_since(at(9)), Some(at(0)));
        loaded.sanitize(&content);
        assert_eq!(
            loaded.ticked().iter().collect::<Vec<_>>(),
            ["locked_knee"],
            "a flag the content dropped is unticked"
        );
        // Missing fields fall back to defaults.
        let empty: TriageState = ron::from_str("()").unwrap();
        assert_eq!(empty, TriageState::default());
    }
}
