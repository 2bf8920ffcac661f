//! The one document in the store: everything the user has said (map choices, symptom answers, red-flag ticks and
//! their history, preferences, plans and logs), with its schema version and migrations from older files.

use serde::{Deserialize, Serialize};

use super::file::{Versioned, parse_envelope};
use crate::map::state::MapState;
use crate::planner::PlannerData;
use crate::running::model::RunningData;

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

/// Everything saved, in one atomic file (schema version 4).
///
/// Versions 1 and 2 held the planner's data alone (map choices lived in eframe's own storage, which writes only on
/// a timer while frames are drawn); they load with default map state, and the app imports the map state from
/// eframe's storage once ([`UserData::eframe_state_imported`]). Version 3 had no runs; version 4 adds them, so a
/// KneeMap that knows only version 3 refuses the file instead of dropping the runs on its next save.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct UserData {
    pub map: MapState,
    pub planner: PlannerData,
    /// Runs, shoes, running settings and the return-to-run plan.
    pub running: RunningData,
    pub preferences: Preferences,
    /// The map state once kept by eframe has been copied in (it is never read from there again).
    pub eframe_state_imported: bool,
}

impl Versioned for UserData {
    const CURRENT_VERSION: u32 = 4;

    fn migrate(version: u32, text: &str) -> Result<Self, String> {
        let planner = match version {
            1 => PlannerData::migrate(1, text)?,
            2 => parse_envelope::<PlannerData>(text)?.data,
            // Version 3 is version 4 without runs: every field it has reads the same.
            3 => return parse_envelope::<Self>(text).map(|envelope| envelope.data),
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
        let runs = self
            .running
            .runs
            .iter()
            .filter(|r| r.sport.is_run())
            .count();
        let cross_training = self.running.runs.len() - runs;
        vec![
            plan,
            format!("session logs: {}", self.planner.logs.len()),
            format!("runs: {runs}, cross-training sessions: {cross_training}"),
            format!("shoes: {}", self.running.shoes.len()),
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
        assert!(text.contains("version: 4"), "{text}");
        assert_eq!(store.load::<UserData>().into_data(), data);
    }

    #[test]
    fn version_3_file_loads_with_an_empty_run_log_and_keeps_everything_else() {
        let mut data = UserData::default();
        data.map
            .ticked_red_flags
            .insert("persistent_pain".to_owned());
        data.planner.get_ready_secs = 7;
        data.eframe_state_imported = true;
        let v4 = ron::ser::to_string(&crate::store::Envelope {
            format: crate::store::FORMAT_NAME.to_owned(),
            version: 3,
            data: &data,
        })
        .unwrap();
        // A real version-3 file has no `running` field at all.
        let v3 = v4.replace("running:(", "unused_running_marker:(");
        assert!(!v3.contains("running:("), "{v3}");
        let v3 = remove_field(&v3, "unused_running_marker:");
        let migrated = UserData::migrate(3, &v3).unwrap();
        assert_eq!(migrated, data);
        assert!(migrated.running.runs.is_empty());
    }

    /// Removes `name(...)` with balanced parentheses and the comma after it.
    fn remove_field(text: &str, name: &str) -> String {
        let start = text.find(name).unwrap();
        let mut depth = 0;
        let mut end = start + name.len();
        for (i, c) in text[end..].char_indices() {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => {
                    depth -= 1;
                    if depth == 0 {
                        end += i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        let end = if text[end..].starts_with(',') {
            end + 1
        } else {
            end
        };
        format!("{}{}", &text[..start], &text[end..])
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
