//! The one document: everything the user has said (map choices, symptom answers, red-flag ticks and their history,
//! preferences, plans, logs, runs), with its schema version and every migration from older files. The store below
//! writes it without knowing its type; the app and the command line both read and change it.

use serde::{Deserialize, Serialize};

use crate::map::state::MapState;
use crate::navigation::Navigation;
use crate::planner::model::Plan;
use crate::planner::{PlannerData, SessionLog};
use crate::running::model::RunningData;
use crate::store::{Versioned, parse_envelope};
use crate::triage::{RedFlagEvent, TriageState};

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

/// Everything saved, in one atomic file (schema version 6).
///
/// Versions 1 and 2 held the planner's data alone (map choices lived in eframe's own storage, which writes only on
/// a timer while frames are drawn); they load with default map state, and the app imports the map state from
/// eframe's storage once ([`UserData::eframe_state_imported`]). Version 3 had no runs; version 4 adds them, so a
/// KneeMap that knows only version 3 refuses the file instead of dropping the runs on its next save. Version 5
/// adds the pain diary. Version 6 moves the red flags and the age answer out of the map state into `triage` (the
/// tick log alone, no ticked set beside it) and the tab into `navigation` ([`MapStateV5`]).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct UserData {
    pub map: MapState,
    /// The red-flag log and the age answer.
    pub triage: TriageState,
    /// The open tab (remembered across restarts), the exercise shown, the Prevention tab's focus.
    pub navigation: Navigation,
    pub planner: PlannerData,
    /// Runs, shoes, running settings and the return-to-run plan.
    pub running: RunningData,
    pub preferences: Preferences,
    /// The pain diary: where it hurt, how much, when (version 5).
    pub diary: crate::diary::Diary,
    /// The map state once kept by eframe has been copied in (it is never read from there again).
    pub eframe_state_imported: bool,
}

/// The map state as versions 3 to 5 saved it (and as eframe's storage kept it before): the red flags, the age
/// answer and the tab lived in it, and each tick was kept twice (the ticked set and the event log).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(default)]
pub struct MapStateV5 {
    view: crate::content::ViewKind,
    knee: crate::map::diagram::Knee,
    selected_location: Option<String>,
    open_condition: Option<String>,
    yes_answers: std::collections::BTreeSet<String>,
    ticked_red_flags: std::collections::BTreeSet<String>,
    tab: crate::navigation::Tab,
    disclaimer_acknowledged: bool,
    hide_anatomy_labels: bool,
    open_exercise: Option<String>,
    prevention_focus: Option<String>,
    red_flag_events: Vec<RedFlagEventV5>,
    age_band: Option<crate::content::AgeBand>,
    age_question_done: bool,
}

/// A red-flag event of versions 4 and 5 (always with a time).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
struct RedFlagEventV5 {
    flag_id: String,
    ticked: bool,
    at: chrono::DateTime<chrono::Utc>,
}

impl MapStateV5 {
    /// The map's part, the triage's part and the navigation.
    pub fn split(self) -> (MapState, TriageState, Navigation) {
        let events = self
            .red_flag_events
            .into_iter()
            .map(|e| RedFlagEvent {
                flag_id: e.flag_id,
                ticked: e.ticked,
                at: Some(e.at),
            })
            .collect();
        (
            MapState {
                view: self.view,
                knee: self.knee,
                selected_location: self.selected_location,
                open_condition: self.open_condition,
                yes_answers: self.yes_answers,
                disclaimer_acknowledged: self.disclaimer_acknowledged,
                hide_anatomy_labels: self.hide_anatomy_labels,
            },
            TriageState::from_ticked_and_events(
                &self.ticked_red_flags,
                events,
                self.age_band,
                self.age_question_done,
            ),
            Navigation {
                tab: self.tab,
                open_exercise: self.open_exercise,
                prevention_focus: self.prevention_focus,
            },
        )
    }
}

/// Versions 3 to 5 (3 had no runs; 5 adds the diary).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct UserDataV5 {
    map: MapStateV5,
    planner: PlannerData,
    running: RunningData,
    preferences: Preferences,
    diary: crate::diary::Diary,
    eframe_state_imported: bool,
}

impl Versioned for UserData {
    const CURRENT_VERSION: u32 = 6;

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
            // Version 3 is version 4 without runs, and version 5 is version 4 with the diary: every field they have
            // reads the same.
            3..=5 => {
                let old = parse_envelope::<UserDataV5>(text)?.data;
                let (map, triage, navigation) = old.map.split();
                return Ok(Self {
                    map,
                    triage,
                    navigation,
                    planner: old.planner,
                    running: old.running,
                    preferences: old.preferences,
                    diary: old.diary,
                    eframe_state_imported: old.eframe_state_imported,
                });
            }
            other => return Err(crate::store::MigrationError::NoMigration(other)),
        };
        Ok(Self {
            planner,
            ..Self::default()
        })
    }
}

impl UserData {
    /// Drops ids the content no longer has (after loading saved state).
    pub fn sanitize(&mut self, content: &crate::content::Content) {
        self.map.sanitize(content);
        self.triage.sanitize(content);
        self.navigation.sanitize(content);
    }

    /// What the ticked red flags allow now: the one safety status the planner, the running rules and the exports
    /// are told.
    pub fn safety(&self, content: &crate::content::Content) -> crate::triage::Safety {
        self.triage.safety(content)
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
        let ticked: Vec<&str> = self.triage.ticked().iter().map(String::as_str).collect();
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
            .triage
            .ticked_since(now_utc)
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
    fn add_imported_plan(
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
            AppCommand::Map(command) => {
                // A spot or condition opened shows its panel.
                let show_condition = command.opens_condition(content)
                    && self.data.navigation.show(crate::navigation::Tab::Condition);
                let age_band = self.data.triage.age_band();
                let changed = self.data.map.apply(content, command, age_band);
                Applied::changed(Panel::Map, changed | show_condition)
            }
            AppCommand::Triage(command) => Applied::changed(
                Panel::Map,
                self.data.triage.apply(content, command, when.now_utc),
            ),
            AppCommand::Navigate(command) => {
                Applied::changed(Panel::Map, self.data.navigation.apply(content, command))
            }
            AppCommand::Planner(mut command) => {
                // The runner's age band, as the user gave it, decides which programmes may be suggested.
                if let PlannerCommand::Generate(options) = &mut command {
                    options.age_band = self.data.triage.age_band();
                    options.age_answered = self.data.triage.age_question_done();
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
            AppCommand::AddImportedPlan {
                imported,
                keep_current,
            } => self.add_imported_plan(content, *imported, keep_current),
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
    fn a_spot_shows_the_condition_tab_and_red_flags_go_to_the_triage() {
        use crate::command::AppCommand;
        use crate::navigation::{NavCommand, Tab};
        let content = crate::content::Content::embedded().unwrap();
        let when = When {
            now_utc: chrono::Utc::now(),
            today: chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            pointer_held: false,
        };
        let mut document = Document::default();
        let spot = AppCommand::Map(crate::map::state::Command::SelectLocation("kneecap".into()));
        assert!(document.apply(&content, spot.clone(), &when).changed);
        assert!(
            document
                .apply(&content, NavCommand::ShowTab(Tab::About).into(), &when)
                .changed
        );
        // The same spot again: the map does not change, but its panel comes back into view.
        assert!(document.apply(&content, spot, &when).changed);
        assert_eq!(document.data.navigation.tab, Tab::Condition);
        let flag = content.red_flags[0].id.clone();
        let tick = crate::triage::TriageCommand::SetRedFlag {
            flag_id: flag.clone(),
            ticked: true,
        };
        assert!(document.apply(&content, tick.into(), &when).changed);
        assert!(document.data.triage.is_ticked(&flag));
        assert!(document.data.safety(&content).progression_paused());
    }

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
        assert!(text.contains("version: 6"), "{text}");
        assert_eq!(store.load::<UserData>().into_data(), data);
    }

    /// A version-4 file as KneeMap 4 wrote it: a spot, two flags ticked (one before tick times were recorded),
    /// one ticked and unticked, the age answer, a tab, an exercise and a prevention focus.
    const V4_FILE: &str = include_str!("../tests/data/user_data_v4.ron");

    /// Checks every field version 6 moved out of the map state, as the version-4 fixture set them.
    fn assert_moved_fields_of_v4_fixture(data: &UserData) {
        use crate::navigation::Tab;
        assert_eq!(data.map.knee, crate::map::diagram::Knee::Left);
        assert_eq!(data.map.selected_location.as_deref(), Some("kneecap"));
        assert_eq!(
            data.map.open_condition.as_deref(),
            Some("patellofemoral_pain")
        );
        assert!(data.map.disclaimer_acknowledged);
        assert_eq!(
            data.triage.ticked().iter().collect::<Vec<_>>(),
            ["cannot_bear_weight", "locked_knee"]
        );
        let at = |minute: i64| chrono::DateTime::from_timestamp(1_764_000_000 + minute * 60, 0);
        let events: Vec<(&str, bool, Option<chrono::DateTime<chrono::Utc>>)> = data
            .triage
            .events()
            .iter()
            .map(|e| (e.flag_id.as_str(), e.ticked, e.at))
            .collect();
        assert_eq!(
            events,
            [
                ("locked_knee", true, at(1)),
                ("locked_knee", false, at(2)),
                ("locked_knee", true, at(3)),
                ("hot_swollen_knee", true, at(4)),
                ("hot_swollen_knee", false, at(5)),
                // The tick the set held without an event: kept, without a time.
                ("cannot_bear_weight", true, None),
            ]
        );
        let now = at(100).unwrap();
        assert_eq!(
            data.triage.ticked_since(now),
            at(3),
            "the timeless tick counts from now, as before"
        );
        assert_eq!(
            data.triage.age_band(),
            Some(crate::content::AgeBand::Age40To59)
        );
        assert!(data.triage.age_question_done());
        assert_eq!(data.navigation.tab, Tab::Running);
        assert_eq!(
            data.navigation.open_exercise.as_deref(),
            Some("glute_bridge")
        );
        assert_eq!(
            data.navigation.prevention_focus.as_deref(),
            Some("training_errors")
        );
        assert_eq!(data.planner.get_ready_secs, 7);
        assert!(data.eframe_state_imported);
    }

    #[test]
    fn version_4_file_loads_with_triage_and_navigation_moved_out_of_the_map() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::in_dir(dir.path());
        std::fs::write(store.path(), V4_FILE).unwrap();
        let LoadOutcome::Loaded(data) = store.load::<UserData>() else {
            panic!("expected a migrated load");
        };
        assert_moved_fields_of_v4_fixture(&data);
        // Saved again, it is version 6 with one record of each tick, and reads back the same.
        store.save(&data).unwrap();
        let text = std::fs::read_to_string(store.path()).unwrap();
        assert!(text.contains("version: 6"), "{text}");
        assert!(!text.contains("ticked_red_flags"), "{text}");
        assert_eq!(store.load::<UserData>().into_data(), data);
    }

    #[test]
    fn version_5_file_with_a_diary_loads_the_same_fields() {
        // Version 5 is version 4 with the pain diary beside the other fields, as KneeMap 5 wrote it.
        let diary = crate::diary::Diary {
            entries: vec![crate::diary::DiaryEntry {
                id: 4,
                at_utc: chrono::DateTime::from_timestamp(1_764_000_000, 0).unwrap(),
                marks: vec![crate::diary::PainMark {
                    knee: crate::map::diagram::Knee::Left,
                    place: crate::diary::MarkPlace::Region {
                        location: "outer_knee_itb".into(),
                    },
                    intensity: 4,
                    quality: crate::content::PainQuality::Sharp,
                }],
                contexts: [crate::content::PainContext::DuringRun].into(),
                onset: Some(crate::diary::Onset::AtKm(8.0)),
                ..crate::diary::DiaryEntry::default()
            }],
            next_id: 5,
        };
        let diary_text = ron::to_string(&diary).unwrap();
        let v5 = V4_FILE.replace("version: 4,", "version: 5,").replace(
            "eframe_state_imported: true,",
            &format!("eframe_state_imported: true,\n        diary: {diary_text},"),
        );
        assert!(v5.contains("diary:") && v5.contains("version: 5,"), "{v5}");
        let data = UserData::migrate(5, &v5).unwrap();
        assert_moved_fields_of_v4_fixture(&data);
        assert_eq!(data.diary, diary, "the diary comes through the move");
    }

    #[test]
    fn version_3_file_loads_with_an_empty_run_log_and_keeps_everything_else() {
        // A real version-3 file is the version-4 one without the `running` field.
        let v3 = remove_field(&V4_FILE.replace("version: 4,", "version: 3,"), "running:");
        assert!(!v3.contains("running:"), "{v3}");
        let migrated = UserData::migrate(3, &v3).unwrap();
        assert_moved_fields_of_v4_fixture(&migrated);
        assert_eq!(migrated, UserData::migrate(4, V4_FILE).unwrap());
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
        assert!(UserData::migrate(9, text).is_err());
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
        let data = UserData {
            triage: TriageState::from_ticked_and_events(
                &std::collections::BTreeSet::from(["cannot_bear_weight".to_owned()]),
                Vec::new(),
                None,
                false,
            ),
            ..UserData::default()
        };
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
