//! What the user has chosen on the map screen (view, knee, location, open condition, answers) and the commands that
//! change it. Pure data: the UI sends [`Command`]s, [`MapState::apply`] is the only writer. Red-flag ticks and the
//! age band are the triage's (`triage::TriageState`); the open tab is the app's (`navigation::Navigation`).

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::content::{AgeBand, Content, ViewKind};
use crate::map::diagram::Knee;
use crate::map::ranking;

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
    /// The "educational, not a diagnosis" notice has been read.
    pub disclaimer_acknowledged: bool,
    /// Anatomy names drawn over the picture.
    pub hide_anatomy_labels: bool,
}

/// A change the UI asks for. Panels return these; the app applies them once per frame.
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub enum Command {
    /// Pick a location: opens the top-ranked condition for it (and the app shows the Condition tab).
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
    AcknowledgeDisclaimer,
    SetAnatomyLabels(bool),
}

impl Command {
    /// Whether the command opens a condition's panel the content has: the app then shows the Condition tab, even
    /// when the map itself does not change.
    pub fn opens_condition(&self, content: &Content) -> bool {
        match self {
            Self::SelectLocation(id) => content.location(id).is_some(),
            Self::OpenCondition(id) => content.condition(id).is_some(),
            _ => false,
        }
    }
}

impl MapState {
    /// Applies one command and says whether anything changed (the app saves only then). Ids are checked against
    /// `content`; unknown ids change nothing. A location ranks its conditions for the runner's `age_band`.
    #[must_use = "a change must be saved"]
    pub fn apply(
        &mut self,
        content: &Content,
        command: Command,
        age_band: Option<AgeBand>,
    ) -> bool {
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
                let ranked = ranking::rank(content, location, &self.yes_answers, age_band);
                let opened = set(
                    &mut self.open_condition,
                    ranked.first().map(|c| c.condition_id.clone()),
                );
                let selected = set(&mut self.selected_location, Some(id));
                opened | selected
            }
            Command::OpenCondition(id) => {
                content.condition(&id).is_some() && set(&mut self.open_condition, Some(id))
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
            Command::AcknowledgeDisclaimer => set(&mut self.disclaimer_acknowledged, true),
            Command::SetAnatomyLabels(show) => set(&mut self.hide_anatomy_labels, !show),
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
        self.yes_answers
            .retain(|id| content.symptoms.iter().any(|q| &q.id == id));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content() -> Content {
        Content::embedded().unwrap()
    }

    #[test]
    fn apply_says_whether_anything_changed() {
        let content = content();
        let mut state = MapState::default();
        assert!(state.apply(&content, Command::SetKnee(Knee::Left), None));
        assert!(
            !state.apply(&content, Command::SetKnee(Knee::Left), None),
            "same knee again"
        );
        assert!(state.apply(&content, Command::SelectLocation("kneecap".into()), None));
        assert!(!state.apply(&content, Command::SelectLocation("kneecap".into()), None));
        assert!(!state.apply(
            &content,
            Command::SelectLocation("no_such_spot".into()),
            None
        ));
        assert!(!state.apply(&content, Command::ClearSymptoms, None));
        assert!(Command::SelectLocation("kneecap".into()).opens_condition(&content));
        assert!(!Command::SelectLocation("no_such_spot".into()).opens_condition(&content));
        assert!(!Command::SetKnee(Knee::Left).opens_condition(&content));
    }

    #[test]
    fn selecting_a_location_opens_its_primary_condition() {
        let content = content();
        let mut state = MapState::default();
        let _ = state.apply(
            &content,
            Command::SelectLocation("outer_knee_itb".into()),
            None,
        );
        assert_eq!(state.open_condition.as_deref(), Some("it_band_syndrome"));
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
                None,
            );
        }
        let _ = state.apply(
            &content,
            Command::SelectLocation("inner_joint_line".into()),
            None,
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
            Command::SetSymptom {
                question_id: "nope".into(),
                yes: true,
            },
        ] {
            let _ = state.apply(&content, command, None);
        }
        assert_eq!(state, before);
    }

    #[test]
    fn saved_state_round_trips_and_sanitizes_stale_ids() {
        let content = content();
        let mut state = MapState::default();
        let _ = state.apply(&content, Command::SelectLocation("kneecap".into()), None);
        state.yes_answers.insert("removed_question".into());
        let text = ron::to_string(&state).unwrap();
        let mut loaded: MapState = ron::from_str(&text).unwrap();
        loaded.sanitize(&content);
        assert_eq!(loaded.selected_location.as_deref(), Some("kneecap"));
        assert!(loaded.yes_answers.is_empty());
        // Missing fields fall back to defaults (older saves keep loading).
        let old: MapState = ron::from_str("(knee: Left)").unwrap();
        assert_eq!(old.knee, Knee::Left);
    }
}
