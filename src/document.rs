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
    /// The session runner plays no sound cues.
    pub sound_muted: bool,
}

/// Everything saved, in one atomic file (schema version 5).
///
/// Versions 1 and 2 held the planner's data alone (map choices lived in eframe's own storage, which writes only on
/// a timer while frames are drawn); they load with default map state, and the app imports the map state from
/// eframe's storage once ([`UserData::eframe_state_imported`]). Version 3 had no runs; version 4 adds them, so a
/// KneeMap that knows only version 3 refuses the file instead of dropping the runs on its next save. Version 5
/// adds the pain diary, for the same reason.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct UserData {
    pub map: MapState,
    pub planner: PlannerData,
    /// Runs, shoes, running settings and the return-to-run plan.
    pub running: RunningData,
    pub preferences: Preferences,
    /// The pain diary: where it hurt, how much, when (version 5).
    pub diary: crate::diary::Diary,
    /// The map state once kept by eframe has been copied in (it is never read from there again).
    pub eframe_state_imported: bool,
}

impl Versioned for UserData {
    const CURRENT_VERSION: u32 = 5;

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
            // Version 3 is version 4 without runs, and version 4 is version 5 without the pain diary: every field
            // they have reads the same.
            3 | 4 => return parse_envelope::<Self>(text).map(|envelope| envelope.data),
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

/// When a command is applied: the clock, and whether the pointer is held (a drag sends an edit every frame; its
/// edits are one undo step).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    pub now_utc: chrono::DateTime<chrono::Utc>,
    pub today: chrono::NaiveDate,
    pub pointer_held: bool,
}

/// The document being edited: the data, with undo and redo over its plan state. [`Document::apply`] runs every
/// use case that changes the data and returns what else the shell must do (file I/O) as effects; the app applies
/// each panel's commands through it, and the command line and the tests call the same functions.
#[derive(Debug, Default)]
pub struct Document {
    pub data: UserData,
    history: crate::planner::PlanHistory,
    /// A drag is sending edits: they join the undo step it started.
    edit_in_progress: bool,
    /// The diary entry being written and the diary's own undo history.
    pub diary_editor: crate::diary::DiaryEditor,
}

impl Document {
    pub fn new(data: UserData) -> Self {
        Self {
            data,
            ..Self::default()
        }
    }

    /// Whether Undo and Redo have a plan edit to act on.
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Replaces the data (a restored backup): the remembered edits belonged to the old data.
    pub fn replace(&mut self, data: UserData) {
        self.data = data;
        self.history.clear();
        self.edit_in_progress = false;
        self.diary_editor.clear();
    }

    /// The local day the red flags ticked now were ticked (the earliest), if any is.
    pub fn red_flag_since(
        &self,
        now_utc: chrono::DateTime<chrono::Utc>,
    ) -> Option<chrono::NaiveDate> {
        self.data
            .map
            .red_flags_ticked_since(now_utc)
            .map(|at| crate::running::model::to_local(at).date_naive())
    }

    /// What the running rules need to know: today, the red flags and the plan's pain limits.
    pub fn running_context(
        &self,
        content: &crate::content::Content,
        when: &When,
    ) -> crate::running::RunningContext {
        crate::running::RunningContext {
            today: when.today,
            red_flag_ticked: self.data.safety(content).progression_paused(),
            red_flag_since: self.red_flag_since(when.now_utc),
            thresholds: self.data.planner.thresholds().clone(),
        }
    }

    /// Adds an imported plan as a plan edit (undo takes it back, with the earlier plans as they were).
    pub fn add_imported_plan(
        &mut self,
        content: &crate::content::Content,
        imported: crate::export::plan_file::ImportedPlan,
        keep_current: bool,
    ) -> crate::command::Applied {
        let before = crate::planner::PlanState::of(&self.data.planner);
        let applied = self.data.add_imported_plan(content, imported, keep_current);
        if applied == crate::planner::Applied::Changed && !before.matches(&self.data.planner) {
            self.history.record(before);
        }
        crate::command::Applied::from_planner(applied)
    }

    /// Applies one command at `when`. The session runner, the plan-import preview and the store's notices are the
    /// shell's own state; their commands change nothing here.
    pub fn apply(
        &mut self,
        content: &crate::content::Content,
        command: crate::command::AppCommand,
        when: &When,
    ) -> crate::command::Applied {
        use crate::command::{AppCommand, Applied, Effect, Panel};
        use crate::planner::PlannerCommand;
        use crate::running::RunningCommand;
        if !when.pointer_held {
            self.edit_in_progress = false;
        }
        match command {
            AppCommand::Map(command) => Applied::changed(
                Panel::Map,
                self.data.map.apply(content, command, when.now_utc),
            ),
            AppCommand::Planner(mut command) => {
                // The runner's age band, as the user gave it, decides which programmes may be suggested.
                if let PlannerCommand::Generate(options) = &mut command {
                    options.age_band = self.data.map.age_band;
                    options.age_answered = self.data.map.age_question_done;
                }
                let safety = self.data.safety(content);
                let before = command
                    .is_plan_edit()
                    .then(|| crate::planner::PlanState::of(&self.data.planner));
                let applied = self.data.planner.apply(content, command, safety);
                if let Some(before) = before
                    && applied == crate::planner::Applied::Changed
                    && !before.matches(&self.data.planner)
                    && !self.edit_in_progress
                {
                    self.history.record(before);
                    self.edit_in_progress = when.pointer_held;
                }
                Applied::from_planner(applied)
            }
            AppCommand::UndoPlanEdit => {
                Applied::changed(Panel::Planner, self.history.undo_in(&mut self.data.planner))
            }
            AppCommand::RedoPlanEdit => {
                Applied::changed(Panel::Planner, self.history.redo_in(&mut self.data.planner))
            }
            AppCommand::Running(RunningCommand::ImportFiles(paths)) => Applied::effect(
                Panel::Running,
                Effect::ImportFiles {
                    paths,
                    limits: self.data.import_limits(),
                },
            ),
            AppCommand::Running(RunningCommand::ExportClickTrack { path, spm, minutes }) => {
                Applied::effect(
                    Panel::Running,
                    Effect::WriteClickTrack { path, spm, minutes },
                )
            }
            AppCommand::Running(command) => {
                let context = self.running_context(content, when);
                Applied::from_running(self.data.running.apply(command, &context))
            }
            AppCommand::Diary(command) => {
                let runs = &self.data.running.runs;
                match self.diary_editor.apply(
                    content,
                    &mut self.data.diary,
                    command,
                    when.now_utc,
                    |id| runs.iter().any(|run| run.id == id),
                ) {
                    Ok(outcome) => Applied::changed(
                        Panel::Diary,
                        outcome == crate::diary::DiaryOutcome::EntriesChanged,
                    ),
                    Err(error) => Applied::refused(Panel::Diary, error.to_string()),
                }
            }
            AppCommand::SetAppearance(appearance) => {
                let changed = self.data.preferences.appearance != appearance;
                self.data.preferences.appearance = appearance;
                Applied::changed(Panel::Settings, changed)
            }
            AppCommand::SetSoundMuted(muted) => {
                let changed = self.data.preferences.sound_muted != muted;
                self.data.preferences.sound_muted = muted;
                Applied::changed(Panel::Settings, changed)
            }
            AppCommand::Export { request, path } => {
                Applied::effect(Panel::Settings, Effect::Export { request, path })
            }
            AppCommand::ReadPlanFile(path) => {
                Applied::effect(Panel::Planner, Effect::ReadPlanFile(path))
            }
            AppCommand::Session(_)
            | AppCommand::AcceptPlanImport { .. }
            | AppCommand::DiscardPlanImport
            | AppCommand::RestoreBackup
            | AppCommand::DismissDataNotice => Applied::changed(Panel::Settings, false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_applies_commands_groups_a_drag_and_returns_effects() {
        use crate::command::{AppCommand, Effect, Panel};
        use crate::planner::{GenerateOptions, PlannerCommand};
        let content = crate::content::Content::embedded().unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let at = |pointer_held| When {
            now_utc: chrono::Utc::now(),
            today,
            pointer_held,
        };
        let mut document = Document::default();
        let applied = document.apply(
            &content,
            AppCommand::Planner(PlannerCommand::Generate(GenerateOptions::new(
                "patellofemoral_pain",
                today,
            ))),
            &at(false),
        );
        assert!(applied.changed && applied.refused.is_none());
        assert_eq!(applied.panel, Panel::Planner);
        assert!(document.can_undo());
        // A drag: three edits while the pointer is held are one undo step.
        for week_count in 0..3 {
            let add = AppCommand::Planner(PlannerCommand::AddWeek);
            assert!(
                document.apply(&content, add, &at(true)).changed,
                "{week_count}"
            );
        }
        let weeks = document.data.planner.plan.as_ref().unwrap().weeks.len();
        assert!(
            document
                .apply(&content, AppCommand::UndoPlanEdit, &at(false))
                .changed
        );
        assert_eq!(
            document.data.planner.plan.as_ref().unwrap().weeks.len(),
            weeks - 3,
            "one undo takes back the whole drag"
        );
        // File work comes back as an effect, with the runner's import limits; nothing changes.
        let applied = document.apply(
            &content,
            AppCommand::Running(crate::running::RunningCommand::ImportFiles(vec![
                "a.gpx".into(),
            ])),
            &at(false),
        );
        assert!(!applied.changed);
        assert!(
            matches!(&applied.effects[..], [Effect::ImportFiles { paths, .. }] if paths.len() == 1)
        );
        // A refusal says why, for its panel.
        let applied = document.apply(
            &content,
            AppCommand::Running(crate::running::RunningCommand::DeleteRun(99)),
            &at(false),
        );
        assert_eq!(applied.panel, Panel::Running);
        assert_eq!(
            applied.refused.as_deref(),
            Some("That run no longer exists.")
        );
        assert!(!applied.changed);
    }
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
        assert!(text.contains("version: 5"), "{text}");
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
