//! Where the user is in the app: the open tab (remembered across restarts), the exercise shown in the library and
//! the Prevention tab's focus. The app's own state, saved with the document; no egui here.

use serde::{Deserialize, Serialize};

use crate::content::Content;

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

/// The open tab and what it shows. Unknown ids (after a content change) are dropped on load.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Navigation {
    pub tab: Tab,
    /// Exercise id shown in the library.
    pub open_exercise: Option<String>,
    /// Factor or prevention topic id to bring into view in the Prevention tab.
    pub prevention_focus: Option<String>,
}

/// A move the UI asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub enum NavCommand {
    ShowTab(Tab),
    ShowExercise(String),
    /// Open the Prevention tab at a factor or topic.
    ShowPrevention(String),
}

impl Navigation {
    /// Applies one move and says whether anything changed. Unknown ids change nothing.
    #[must_use = "a change must be saved"]
    pub fn apply(&mut self, content: &Content, command: NavCommand) -> bool {
        match command {
            NavCommand::ShowTab(tab) => self.show(tab),
            NavCommand::ShowExercise(id) => {
                content.exercise(&id).is_some()
                    && (set(&mut self.open_exercise, Some(id)) | self.show(Tab::Exercises))
            }
            NavCommand::ShowPrevention(id) => {
                (content.factor(&id).is_some() || content.prevention_topic(&id).is_some())
                    && (set(&mut self.prevention_focus, Some(id)) | self.show(Tab::Prevention))
            }
        }
    }

    /// Shows `tab`; true when that changed it.
    pub fn show(&mut self, tab: Tab) -> bool {
        set(&mut self.tab, tab)
    }

    /// Drops ids the content no longer has (after loading saved state); a focus is a one-time jump.
    pub fn sanitize(&mut self, content: &Content) {
        if self
            .open_exercise
            .as_deref()
            .is_some_and(|id| content.exercise(id).is_none())
        {
            self.open_exercise = None;
        }
        self.prevention_focus = None;
    }
}

/// Sets `slot` to `value`; true when that changed it.
fn set<T: PartialEq>(slot: &mut T, value: T) -> bool {
    if *slot == value {
        false
    } else {
        *slot = value;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_change_the_tab_and_unknown_ids_change_nothing() {
        let content = Content::embedded().unwrap();
        let mut navigation = Navigation::default();
        assert!(navigation.apply(&content, NavCommand::ShowTab(Tab::About)));
        assert!(!navigation.apply(&content, NavCommand::ShowTab(Tab::About)));
        let before = navigation.clone();
        assert!(!navigation.apply(&content, NavCommand::ShowExercise("nope".into())));
        assert!(!navigation.apply(&content, NavCommand::ShowPrevention("nope".into())));
        assert_eq!(navigation, before);
        let exercise = content.exercises[0].id.clone();
        assert!(navigation.apply(&content, NavCommand::ShowExercise(exercise.clone())));
        assert_eq!(navigation.tab, Tab::Exercises);
        assert_eq!(navigation.open_exercise, Some(exercise));
    }
}
