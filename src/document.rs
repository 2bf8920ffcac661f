//! The one document: everything the user has said (map choices, symptom answers, red-flag ticks and their history,
//! preferences, plans, logs, runs), with its schema version and every migration from older files. The store below
//! writes it without knowing its type; the app and the command line both read and change it.

use serde::{Deserialize, Serialize};

use crate::map::state::MapState;
use crate::planner::model::Plan;
use crate::planner::{PlannerData, SessionLog};
use crate::running::model::RunningData;
use crate::store::{Versioned, parse_envelope};

/// The first schema (version 1): the planner's plan and logs only; pain limits were fixed and nothing was adjusted.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct PlannerDataV1 {
    plan: Option<Plan>,
    logs: Vec<SessionLog>,
}

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

    fn migrate(version: u32, text: &str) -> Result<Self, crate::store::MigrationError> {
        let planner = match version {
            1 => {
                let old = parse_envelope::<PlannerDataV1>(text)?.data;
                PlannerData {
                    plan: old.plan,
                    logs: old.logs,
                    ..PlannerData::default()
                }
            }
            2 => parse_envelope::<PlannerData>(text)?.data,
            // Version 3 is version 4 without runs: every field it has reads the same.
            3 => return parse_envelope::<Self>(text).map(|envelope| envelope.data),
            other => return Err(crate::store::MigrationError::NoMigration(other)),
        };
        Ok(Self {
            planner,
            ..Self::default()
        })
    }
}

impl UserData {
    /// What the ticked red flags allow now: the one safety status the planner, the running rules and the exports
    /// are told.
    pub fn safety(&self, content: &crate::content::Content) -> crate::triage::Safety {
        crate::triage::Safety::from_ticked(&content.red_flags, &self.map.ticked_red_flags)
    }

    /// The limits an import of activity files runs under, with the runner's units for Strava's unlabelled column.
    pub fn import_limits(&self) -> crate::running::import::ImportLimits {
        crate::running::import::ImportLimits {
            strava_fallback_units: self.running.settings.units,
            ..crate::running::import::ImportLimits::default()
        }
    }

    /// Merges imported activities into the run log (duplicates skipped): the app's import job and `kneemap import`
    /// both end here.
    pub fn merge_activities(
        &mut self,
        batch: crate::running::import::ImportBatch,
    ) -> crate::running::import::MergeReport {
        crate::running::import::merge_batch(&mut self.running, batch)
    }

    /// Adds a plan read from a `.kneemap-plan` file, with the pain limits the file carries (they live on the plan),
    /// as a new plan (the current one kept as an earlier plan) or replacing the current one. The app's import
    /// preview and `kneemap import` both end here; the planner's safety rules apply.
    pub fn add_imported_plan(
        &mut self,
        content: &crate::content::Content,
        imported: crate::export::plan_file::ImportedPlan,
        keep_current: bool,
    ) -> crate::planner::Applied {
        let mut plan = imported.plan;
        if let Some(limits) = imported.pain_limits {
            plan.pain_thresholds = limits;
        }
        let safety = self.safety(content);
        self.planner.apply(
            content,
            crate::planner::PlannerCommand::AddPlan {
                plan: Box::new(plan),
                keep_current,
            },
            safety,
        )
    }

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
        let v2 = ron::ser::to_string(&crate::store::Envelope {
            format: crate::store::FORMAT_NAME.to_owned(),
            version: 2,
            data: planner,
        })
        .unwrap();
        std::fs::write(store.path(), v2).unwrap();

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
        // With a plan: it keeps its days, and the pain limits are the defaults.
        let plan = Plan::new(
            "Old plan",
            chrono::NaiveDate::from_ymd_opt(2025, 3, 3).unwrap(),
            2,
        );
        let plan_text = ron::to_string(&plan).unwrap();
        let v1 = format!(
            "(format: \"kneemap-store\", version: 1, data: (plan: Some({plan_text}), logs: []))"
        );
        let data = UserData::migrate(1, &v1).unwrap();
        assert_eq!(
            data.planner.plan.as_ref().map(|p| &p.weeks),
            Some(&plan.weeks)
        );
        assert_eq!(
            *data.planner.thresholds(),
            crate::pain::PainThresholds::default()
        );
        assert_eq!(
            data.planner.get_ready_secs,
            crate::planner::DEFAULT_GET_READY_SECS
        );
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
