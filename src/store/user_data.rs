//! The one document in the store: everything the user has said (map choices, symptom answers, red-flag ticks and
//! their history, preferences, plans and logs), with its schema version and migrations from older files.

use serde::{Deserialize, Serialize};

use super::file::{Versioned, parse_envelope};
use crate::map::state::MapState;
use crate::planner::PlannerData;

/// Light or dark colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Appearance {
    /// Follow the operating system's setting.
    #[default]
    System,
    Light,
    Dark,
}

impl Appearance {
    pub const ALL: [Self; 3] = [Self::System, Self::Light, Self::Dark];

    pub fn label(self) -> &'static str {
        match self {
            Self::System => "System",
            Self::Light => "Light",
            Self::Dark => "Dark",
        }
    }
}

/// How the user likes the app to look and behave.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    pub appearance: Appearance,
}

/// Everything saved, in one atomic file (schema version 3).
///
/// Versions 1 and 2 held the planner's data alone (map choices lived in eframe's own storage, which writes only on
/// a timer while frames are drawn); they load as version 3 with default map state, and the app imports the map
/// state from eframe's storage once ([`UserData::eframe_state_imported`]).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct UserData {
    pub map: MapState,
    pub planner: PlannerData,
    pub preferences: Preferences,
    /// The map state once kept by eframe has been copied in (it is never read from there again).
    pub eframe_state_imported: bool,
}

impl Versioned for UserData {
    const CURRENT_VERSION: u32 = 3;

    fn migrate(version: u32, text: &str) -> Result<Self, String> {
        let planner = match version {
            1 => PlannerData::migrate(1, text)?,
            2 => parse_envelope::<PlannerData>(text)?.data,
            other => return Err(format!("no migration from version {other}")),
        };
        Ok(Self {
            planner,
            ..Self::default()
        })
    }
}

impl UserData {
    /// One line per kind of thing held, for `kneemap data check`.
    pub fn summary_lines(&self) -> Vec<String> {
        let plan = match &self.planner.plan {
            Some(plan) => format!(
                "plan: \"{}\", {} weeks from {}",
                plan.name,
                plan.weeks.len(),
                plan.start_date
            ),
            None => "plan: none".to_owned(),
        };
        let ticked: Vec<&str> = self
            .map
            .ticked_red_flags
            .iter()
            .map(String::as_str)
            .collect();
        vec![
            plan,
            format!("session logs: {}", self.planner.logs.len()),
            format!("dose changes: {}", self.planner.adjustments.len()),
            if ticked.is_empty() {
                "red flags ticked: none".to_owned()
            } else {
                format!("red flags ticked: {}", ticked.join(", "))
            },
            format!("symptom answers: {}", self.map.yes_answers.len()),
            format!(
                "chosen spot: {}",
                self.map.selected_location.as_deref().unwrap_or("none")
            ),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{LoadOutcome, Store};

    #[test]
    fn version_2_planner_file_loads_as_user_data() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::in_dir(dir.path());
        let mut planner = PlannerData::new();
        planner.get_ready_secs = 9;
        // A version-2 file as the previous KneeMap wrote it: the planner's data alone.
        store.save(&planner).unwrap();
        let text = std::fs::read_to_string(store.path()).unwrap();
        assert!(text.contains("version: 2"), "{text}");

        let LoadOutcome::Loaded(data) = store.load::<UserData>() else {
            panic!("expected a migrated load");
        };
        assert_eq!(data.planner.get_ready_secs, 9);
        assert_eq!(data.map, MapState::default());
        assert!(!data.eframe_state_imported);

        store.save(&data).unwrap();
        let text = std::fs::read_to_string(store.path()).unwrap();
        assert!(text.contains("version: 3"), "{text}");
        assert_eq!(store.load::<UserData>().into_data(), data);
    }

    #[test]
    fn version_1_planner_file_loads_as_user_data() {
        let text = "(format: \"kneemap-store\", version: 1, data: (plan: None, logs: []))";
        let data = UserData::migrate(1, text).unwrap();
        assert!(data.planner.plan.is_none());
        assert!(UserData::migrate(7, text).is_err());
    }

    #[test]
    fn summary_names_what_is_held() {
        let mut data = UserData::default();
        data.map
            .ticked_red_flags
            .insert("cannot_bear_weight".to_owned());
        let lines = data.summary_lines();
        assert!(lines.iter().any(|l| l == "plan: none"));
        assert!(
            lines
                .iter()
                .any(|l| l == "red flags ticked: cannot_bear_weight")
        );
        assert!(lines.iter().any(|l| l == "session logs: 0"));
    }
}
