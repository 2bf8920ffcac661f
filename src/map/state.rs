//! What the user has chosen on the map screen (view, knee, location, answers, ticked red flags) and the
//! commands that change it. Pure data: the UI sends [`Command`]s, [`MapState::apply`] is the only writer.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::content::{AgeBand, Content, ViewKind};
use crate::map::diagram::Knee;
use crate::map::ranking;

/// The main area's tabs beside the diagram.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Tab {
    /// The open condition panel (or an invitation to pick a location).
    #[default]
    Condition,
    /// The pain diary: log where and how much it hurts on the diagram, see the entries and their patterns.
    Diary,
    /// Strength planner: week plan, programme generator, session runner, log and history.
    Planner,
    /// Run log, imports, weekly load, return to running, shoes and cadence.
    Running,
    /// Exercise library.
    Exercises,
    /// Contributing factors, prevention, key takeaways and FAQ.
    Prevention,
    /// What KneeMap is, the disclaimer and every source.
    About,
}

impl Tab {
    pub const ALL: [Self; 7] = [
        Self::Condition,
        Self::Diary,
        Self::Planner,
        Self::Running,
        Self::Exercises,
        Self::Prevention,
        Self::About,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Condition => "Condition",
            Self::Diary => "Pain diary",
            Self::Planner => "Planner",
            Self::Running => "Running",
            Self::Exercises => "Exercises",
            Self::Prevention => "Prevention & causes",
            Self::About => "About & sources",
        }
    }
}

/// Persisted choices of the map screen. Unknown ids (e.g. after a content change) are dropped on load.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct MapState {
    pub view: ViewKind,
    pub knee: Knee,
    /// Location id picked on the diagram or in the list.
    pub selected_location: Option<String>,
    /// Condition id whose panel is open.
    pub open_condition: Option<String>,
    /// Ids of symptom questions answered "yes".
    pub yes_answers: BTreeSet<String>,
    /// Ids of ticked red flags.
    pub ticked_red_flags: BTreeSet<String>,
    pub tab: Tab,
    /// The "educational, not a diagnosis" notice has been read.
    pub disclaimer_acknowledged: bool,
    /// Anatomy names drawn over the picture.
    pub hide_anatomy_labels: bool,
    /// Exercise id shown in the library.
    pub open_exercise: Option<String>,
    /// Factor or prevention topic id to bring into view in the Prevention tab.
    pub prevention_focus: Option<String>,
    /// Every tick and untick of a red flag with its time, oldest first (for the physio report).
    pub red_flag_events: Vec<RedFlagEvent>,
    /// The runner's age band, if given: it adds the checks and conditions that only apply to some ages
    /// (under-16s: growth plates, a limp with knee pain) and keeps heavy loading for under-16s with a clinician.
    pub age_band: Option<AgeBand>,
    /// The age question was answered or skipped, so it is not asked again.
    pub age_question_done: bool,
}

/// A red flag ticked or unticked at a moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RedFlagEvent {
    pub flag_id: String,
    pub ticked: bool,
    pub at: DateTime<Utc>,
}

/// Most red-flag events kept; the oldest are dropped beyond this.
pub const MAX_RED_FLAG_EVENTS: usize = 500;

/// A change the UI asks for. Panels return these; the app applies them once per frame.
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub enum Command {
    /// Pick a location: opens the top-ranked condition for it.
    SelectLocation(String),
    /// Open a condition's panel (keeps the location so "Also consider" stays).
    OpenCondition(String),
    SetView(ViewKind),
    SetKnee(Knee),
    SetSymptom {
        question_id: String,
        yes: bool,
    },
    ClearSymptoms,
    SetRedFlag {
        flag_id: String,
        ticked: bool,
    },
    ClearRedFlags,
    ShowTab(Tab),
    ShowExercise(String),
    /// Open the Prevention tab at a factor or topic.
    ShowPrevention(String),
    AcknowledgeDisclaimer,
    SetAnatomyLabels(bool),
    /// The runner's age band (`None`: prefer not to say). Either way the question is done.
    SetAgeBand(Option<AgeBand>),
}

impl MapState {
    /// Applies one command at `now` and says whether anything changed (the app saves only then). Ids are checked
    /// against `content`; unknown ids change nothing.
    #[must_use = "a change must be saved"]
    pub fn apply(&mut self, content: &Content, command: Command, now: DateTime<Utc>) -> bool {
        /// Sets `slot` to `value`; true when that changed it.
        fn set<T: PartialEq>(slot: &mut T, value: T) -> bool {
            if *slot == value {
                false
            } else {
                *slot = value;
                true
            }
        }
        match command {
            Command::SelectLocation(id) => {
                let Some(location) = content.location(&id) else {
                    return false;
                };
                let ranked = ranking::rank(content, location, &self.yes_answers, self.age_band);
                let opened = set(
                    &mut self.open_condition,
                    ranked.first().map(|c| c.condition_id.clone()),
                );
                let selected = set(&mut self.selected_location, Some(id));
                set(&mut self.tab, Tab::Condition) | opened | selected
            }
            Command::OpenCondition(id) => {
                content.condition(&id).is_some()
                    && (set(&mut self.open_condition, Some(id))
                        | set(&mut self.tab, Tab::Condition))
            }
            Command::SetView(view) => set(&mut self.view, view),
            Command::SetKnee(knee) => set(&mut self.knee, knee),
            Command::SetSymptom { question_id, yes } => {
                if !content.symptoms.iter().any(|q| q.id == question_id) {
                    return false;
                }
                if yes {
                    self.yes_answers.insert(question_id)
                } else {
                    self.yes_answers.remove(&question_id)
                }
            }
            Command::ClearSymptoms => {
                let had = !self.yes_answers.is_empty();
                self.yes_answers.clear();
                had
            }
            Command::SetRedFlag { flag_id, ticked } => {
                if content.red_flag(&flag_id).is_none() {
                    return false;
                }
                let changed = if ticked {
                    self.ticked_red_flags.insert(flag_id.clone())
                } else {
                    self.ticked_red_flags.remove(&flag_id)
                };
                if changed {
                    self.record_red_flag(flag_id, ticked, now);
                }
                changed
            }
            Command::ClearRedFlags => {
                let ticked = std::mem::take(&mut self.ticked_red_flags);
                let changed = !ticked.is_empty();
                for flag_id in ticked {
                    self.record_red_flag(flag_id, false, now);
                }
                changed
            }
            Command::ShowTab(tab) => set(&mut self.tab, tab),
            Command::ShowExercise(id) => {
                content.exercise(&id).is_some()
                    && (set(&mut self.open_exercise, Some(id)) | set(&mut self.tab, Tab::Exercises))
            }
            Command::ShowPrevention(id) => {
                (content.factor(&id).is_some() || content.prevention_topic(&id).is_some())
                    && (set(&mut self.prevention_focus, Some(id))
                        | set(&mut self.tab, Tab::Prevention))
            }
            Command::AcknowledgeDisclaimer => set(&mut self.disclaimer_acknowledged, true),
            Command::SetAnatomyLabels(show) => set(&mut self.hide_anatomy_labels, !show),
            Command::SetAgeBand(band) => {
                set(&mut self.age_band, band) | set(&mut self.age_question_done, true)
            }
        }
    }

    /// When the red flags ticked now were ticked: the earliest of their latest ticks. A flag ticked before tick
    /// times were recorded counts from `fallback`. `None` when nothing is ticked.
    pub fn red_flags_ticked_since(&self, fallback: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.ticked_red_flags
            .iter()
            .map(|flag| {
                self.red_flag_events
                    .iter()
                    .rev()
                    .find(|e| e.flag_id == *flag && e.ticked)
                    .map_or(fallback, |e| e.at)
            })
            .min()
    }

    fn record_red_flag(&mut self, flag_id: String, ticked: bool, at: DateTime<Utc>) {
        self.red_flag_events.push(RedFlagEvent {
            flag_id,
            ticked,
            at,
        });
        if self.red_flag_events.len() > MAX_RED_FLAG_EVENTS {
            // Drop the oldest events, but never the tick of a flag that is ticked now: when it was ticked is what
            // the report shows and what pauses a return to run from that day.
            let keep: Vec<usize> = self
                .ticked_red_flags
                .iter()
                .filter_map(|flag| {
                    self.red_flag_events
                        .iter()
                        .rposition(|e| e.flag_id == *flag && e.ticked)
                })
                .collect();
            let mut excess = self.red_flag_events.len() - MAX_RED_FLAG_EVENTS;
            let mut index = 0;
            self.red_flag_events.retain(|_| {
                let drop = excess > 0 && !keep.contains(&index);
                if drop {
                    excess -= 1;
                }
                index += 1;
                !drop
            });
        }
    }

    /// Drops ids the content no longer has (after loading saved state).
    pub fn sanitize(&mut self, content: &Content) {
        if self
            .selected_location
            .as_deref()
            .is_some_and(|id| content.location(id).is_none())
        {
            self.selected_location = None;
        }
        if self
            .open_condition
            .as_deref()
            .is_some_and(|id| content.condition(id).is_none())
        {
            self.open_condition = None;
        }
        if self
            .open_exercise
            .as_deref()
            .is_some_and(|id| content.exercise(id).is_none())
        {
            self.open_exercise = None;
        }
        self.yes_answers
            .retain(|id| content.symptoms.iter().any(|q| &q.id == id));
        self.ticked_red_flags
            .retain(|id| content.red_flag(id).is_some());
        self.prevention_focus = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pruning_old_events_keeps_the_tick_of_a_flag_still_ticked() {
        let content = Content::embedded().unwrap();
        let mut state = MapState::default();
        let start = Utc::now();
        let kept = content.red_flags[0].id.clone();
        let churn = content.red_flags[1].id.clone();
        let tick = |flag: &str, ticked| Command::SetRedFlag {
            flag_id: flag.to_owned(),
            ticked,
        };
        assert!(state.apply(&content, tick(&kept, true), start));
        for n in 0..MAX_RED_FLAG_EVENTS {
            let at = start + chrono::Duration::seconds(i64::try_from(n).unwrap() + 1);
            assert!(state.apply(&content, tick(&churn, n % 2 == 0), at));
        }
        assert_eq!(state.red_flag_events.len(), MAX_RED_FLAG_EVENTS);
        assert_eq!(state.red_flags_ticked_since(Utc::now()), Some(start));
    }

    #[test]
    fn apply_says_whether_anything_changed() {
        let content = Content::embedded().unwrap();
        let mut state = MapState::default();
        let now = Utc::now();
        assert!(state.apply(&content, Command::SetKnee(Knee::Left), now));
        assert!(
            !state.apply(&content, Command::SetKnee(Knee::Left), now),
            "same knee again"
        );
        assert!(state.apply(&content, Command::SelectLocation("kneecap".into()), now));
        assert!(!state.apply(&content, Command::SelectLocation("kneecap".into()), now));
        assert!(!state.apply(
            &content,
            Command::SelectLocation("no_such_spot".into()),
            now
        ));
        let flag = content.red_flags[0].id.clone();
        let tick = |ticked| Command::SetRedFlag {
            flag_id: flag.clone(),
            ticked,
        };
        assert!(state.apply(&content, tick(true), now));
        assert!(
            !state.apply(&content, tick(true), now),
            "ticked already: no second event"
        );
        assert_eq!(state.red_flag_events.len(), 1);
        assert!(state.apply(&content, Command::ClearRedFlags, now));
        assert!(!state.apply(&content, Command::ClearRedFlags, now));
        assert!(!state.apply(&content, Command::ClearSymptoms, now));
    }

    fn content() -> Content {
        Content::embedded().unwrap()
    }

    fn at(minute: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_764_000_000 + minute * 60, 0).unwrap()
    }

    #[test]
    fn selecting_a_location_opens_its_primary_condition() {
        let content = content();
        let mut state = MapState {
            tab: Tab::About,
            ..MapState::default()
        };
        let _ = state.apply(
            &content,
            Command::SelectLocation("outer_knee_itb".into()),
            at(0),
        );
        assert_eq!(state.open_condition.as_deref(), Some("it_band_syndrome"));
        assert_eq!(state.tab, Tab::Condition);
    }

    #[test]
    fn answers_given_first_change_which_condition_opens() {
        let content = content();
        let mut state = MapState::default();
        for q in ["morning_stiffness", "worse_with_activity_better_with_rest"] {
            let _ = state.apply(
                &content,
                Command::SetSymptom {
                    question_id: q.into(),
                    yes: true,
                },
                at(0),
            );
        }
        let _ = state.apply(
            &content,
            Command::SelectLocation("inner_joint_line".into()),
            at(0),
        );
        assert_eq!(state.open_condition.as_deref(), Some("knee_osteoarthritis"));
    }

    #[test]
    fn unknown_ids_change_nothing() {
        let content = content();
        let mut state = MapState::default();
        let before = state.clone();
        for command in [
            Command::SelectLocation("elbow".into()),
            Command::OpenCondition("gout".into()),
            Command::SetRedFlag {
                flag_id: "nope".into(),
                ticked: true,
            },
            Command::SetSymptom {
                question_id: "nope".into(),
                yes: true,
            },
            Command::ShowExercise("nope".into()),
            Command::ShowPrevention("nope".into()),
        ] {
            let _ = state.apply(&content, command, at(0));
        }
        assert_eq!(state, before);
    }

    #[test]
    fn ticking_and_unticking_red_flags() {
        let content = content();
        let mut state = MapState::default();
        let _ = state.apply(
            &content,
            Command::SetRedFlag {
                flag_id: "hot_swollen_knee".into(),
                ticked: true,
            },
            at(0),
        );
        assert!(state.ticked_red_flags.contains("hot_swollen_knee"));
        let _ = state.apply(
            &content,
            Command::SetRedFlag {
                flag_id: "hot_swollen_knee".into(),
                ticked: false,
            },
            at(0),
        );
        assert!(state.ticked_red_flags.is_empty());
    }

    #[test]
    fn saved_state_round_trips_and_sanitizes_stale_ids() {
        let content = content();
        let mut state = MapState::default();
        let _ = state.apply(&content, Command::SelectLocation("kneecap".into()), at(0));
        let _ = state.apply(
            &content,
            Command::SetRedFlag {
                flag_id: "locked_knee".into(),
                ticked: true,
            },
            at(0),
        );
        state.ticked_red_flags.insert("removed_flag".into());
        let text = ron::to_string(&state).unwrap();
        let mut loaded: MapState = ron::from_str(&text).unwrap();
        loaded.sanitize(&content);
        assert_eq!(loaded.selected_location.as_deref(), Some("kneecap"));
        assert_eq!(loaded.ticked_red_flags.len(), 1);
        // Missing fields fall back to defaults (older saves keep loading).
        let old: MapState = ron::from_str("(knee: Left)").unwrap();
        assert_eq!(old.knee, Knee::Left);
    }

    #[test]
    fn red_flag_ticks_are_recorded_with_their_time() {
        let content = content();
        let mut state = MapState::default();
        let flag = content.red_flags[0].id.clone();
        let tick = |ticked| Command::SetRedFlag {
            flag_id: flag.clone(),
            ticked,
        };
        let _ = state.apply(&content, tick(true), at(1));
        let _ = state.apply(&content, tick(true), at(2));
        let _ = state.apply(&content, tick(false), at(3));
        let _ = state.apply(&content, tick(true), at(4));
        let _ = state.apply(&content, Command::ClearRedFlags, at(5));
        let _ = state.apply(
            &content,
            Command::SetRedFlag {
                flag_id: "not_a_flag".to_owned(),
                ticked: true,
            },
            at(6),
        );
        let events: Vec<(bool, DateTime<Utc>)> = state
            .red_flag_events
            .iter()
            .map(|e| (e.ticked, e.at))
            .collect();
        assert_eq!(
            events,
            [(true, at(1)), (false, at(3)), (true, at(4)), (false, at(5))],
            "a repeated tick and an unknown flag record nothing"
        );
        assert!(state.ticked_red_flags.is_empty());
        for minute in 0..(i64::try_from(MAX_RED_FLAG_EVENTS).unwrap() + 10) {
            let _ = state.apply(&content, tick(minute % 2 == 0), at(minute));
        }
        assert_eq!(state.red_flag_events.len(), MAX_RED_FLAG_EVENTS);
    }
}
