//! Keeping the user's data safe: loading it at start, saving it off the UI thread after a change (after a drag,
//! once the pointer is released), keeping a failed save's data in memory with a notice that stays until a save
//! succeeds, offering the last good backup after a damaged file, and importing the map state that older versions
//! kept in eframe's storage.
//!
//! A save in `logic()` hands a copy of the data to the store's writer thread ([`BackgroundWriter`]) and returns;
//! the thread serialises and writes it (snapshots that pile up during a write are merged) and reports back. The
//! reports are collected in `logic()` ([`Persistence::collect_saves`]), which shows or clears the failed-save
//! notice. Closing the window waits for the last write ([`Persistence::finish`]).

use std::path::PathBuf;
use std::sync::mpsc;

use crate::document::UserData;
use crate::store::{BackgroundWriter, LoadOutcome, SessionWriter, Store, WriteReport};

/// Key under which versions before the single store kept the map state in eframe's storage.
pub const LEGACY_EFRAME_STATE_KEY: &str = "kneemap_map_state";

pub use crate::command::Notice;

/// Wakes the UI from the writer thread (an egui repaint request in the app).
type Waker = std::sync::Arc<dyn Fn() + Send + Sync + 'static>;

/// Where saves go.
enum Writer {
    /// Nothing saved yet this session: the writer knows the file that was loaded.
    NotStarted(SessionWriter),
    /// The writer thread, and the channel its reports come back on.
    Background {
        thread: BackgroundWriter<UserData>,
        reports: mpsc::Receiver<WriteReport>,
    },
    /// No thread could be started: saves are written in `logic()`, as before there was a writer thread.
    Inline {
        writer: SessionWriter,
        reports: Vec<WriteReport>,
    },
}

impl std::fmt::Debug for Writer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::NotStarted(_) => "NotStarted",
            Self::Background { .. } => "Background",
            Self::Inline { .. } => "Inline",
        })
    }
}

/// The store, whether the data needs saving, and what to tell the user about it.
#[derive(Default)]
pub struct Persistence {
    store: Option<Store>,
    /// `None` when there is no store; started on the first save.
    writer: Option<Writer>,
    /// Changed since the last hand-over to the writer.
    dirty: bool,
    /// Why the last save failed; cleared by the next successful save.
    save_error: Option<String>,
    /// About loading: a damaged file kept aside, no data folder, modes tightened.
    load_notice: Option<String>,
    /// A private copy of the last good backup, offered after a damaged file was kept aside.
    offered_backup: Option<PathBuf>,
    /// Called from the writer thread when a report needs showing.
    waker: Option<Waker>,
}

impl std::fmt::Debug for Persistence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Persistence")
            .field("store", &self.store)
            .field("writer", &self.writer)
            .field("dirty", &self.dirty)
            .field("save_error", &self.save_error)
            .field("load_notice", &self.load_notice)
            .field("offered_backup", &self.offered_backup)
            .finish_non_exhaustive()
    }
}

impl Persistence {
    /// Opens `store` (none: nothing can be saved this time) and loads the data; a damaged file is kept aside and
    /// reported, and the folder's modes are made private.
    pub fn open(store: Option<Store>) -> (Self, UserData) {
        let mut persistence = Self {
            store,
            ..Self::default()
        };
        let Some(store) = &persistence.store else {
            persistence.load_notice = Some(
                "No data folder was found, so nothing you enter will be saved this time."
                    .to_owned(),
            );
            return (persistence, UserData::default());
        };
        let tightened = store.tighten_permissions();
        let (outcome, writer) = store.load_session::<UserData>();
        let data = match outcome {
            LoadOutcome::Fresh(data) | LoadOutcome::Loaded(data) => data,
            LoadOutcome::Recovered { data, notice, .. } => {
                persistence.load_notice = Some(notice);
                // Later saves rotate the backups, so keep a private copy of the good one to restore from; if none
                // can be kept, no restore is offered rather than one that could vanish.
                persistence.offered_backup = store
                    .latest_good_backup::<UserData>()
                    .and_then(|backup| store.keep_for_restore(&backup).ok());
                data
            }
        };
        persistence.writer = Some(Writer::NotStarted(writer));
        // Tightening is silent in the window (nothing for the user to do); the terminal says what changed.
        for line in &tightened {
            eprintln!("KneeMap: {line}");
        }
        (persistence, data)
    }

    /// Wakes the UI when a finished save must be shown (a failure, or the success that clears one).
    pub fn set_waker(&mut self, wake: impl Fn() + Send + Sync + 'static) {
        self.waker = Some(std::sync::Arc::new(wake));
    }

    /// The data changed: save it in the next `logic()`.
    pub fn mark_dirty(&mut self) {
        self.dirty = true;
    }

    /// Data is waiting to be handed to the writer.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// A handed-over snapshot is not on disk yet.
    pub fn is_writing(&self) -> bool {
        matches!(&self.writer, Some(Writer::Background { thread, .. }) if !thread.is_idle())
    }

    /// Hands a copy of `data` to the writer thread and returns (the first call starts the thread). On failure
    /// the data stays in memory, the last good file is untouched, and the error shows once the report is
    /// collected, until a later save (the next change, or exit) succeeds.
    pub fn save(&mut self, data: &UserData) {
        self.dirty = false;
        let Some(store) = &self.store else {
            return;
        };
        let writer = match self.writer.take() {
            Some(Writer::NotStarted(writer)) => self.start(writer),
            Some(started) => started,
            None => self.start(SessionWriter::new(store.clone())),
        };
        let writer = match writer {
            Writer::Background { thread, reports } => {
                thread.submit(data.clone());
                Writer::Background { thread, reports }
            }
            Writer::Inline {
                mut writer,
                mut reports,
            } => {
                let result = writer.write(data);
                reports.push(WriteReport {
                    generation: 0,
                    result,
                });
                Writer::Inline { writer, reports }
            }
            not_started @ Writer::NotStarted(_) => not_started,
        };
        self.writer = Some(writer);
    }

    /// Starts the writer thread; without one, saves are written inline.
    fn start(&self, writer: SessionWriter) -> Writer {
        let (sender, reports) = mpsc::channel();
        let waker = self.waker.clone();
        let mut last_failed = false;
        let report = move |report: WriteReport| {
            let failed = report.result.is_err();
            let show = failed || last_failed;
            last_failed = failed;
            // The app may have closed; then nobody needs the report.
            let _ = sender.send(report);
            if show && let Some(wake) = &waker {
                wake();
            }
        };
        match BackgroundWriter::spawn(writer, report) {
            Ok(thread) => Writer::Background { thread, reports },
            Err((e, writer)) => {
                eprintln!("KneeMap: no thread for saving ({e}); saving on the window's thread");
                Writer::Inline {
                    writer: *writer,
                    reports: Vec::new(),
                }
            }
        }
    }

    /// Takes the reports of finished saves (never blocks): a failure shows its notice, a success clears it.
    pub fn collect_saves(&mut self) {
        let results: Vec<WriteReport> = match &mut self.writer {
            Some(Writer::Background { reports, .. }) => reports.try_iter().collect(),
            Some(Writer::Inline { reports, .. }) => std::mem::take(reports),
            Some(Writer::NotStarted(_)) | None => Vec::new(),
        };
        for report in results {
            match report.result {
                Ok(()) => self.save_error = None,
                Err(e) => {
                    self.save_error = Some(format!(
                        "Your last change is not saved yet: {e}. It is kept while KneeMap stays open, and KneeMap \
                         tries again after your next change and when you close it."
                    ));
                }
            }
        }
    }

    /// Waits until every handed-over snapshot is written, then collects the reports (restoring a backup, tests).
    pub fn wait_for_saves(&mut self) {
        if let Some(Writer::Background { thread, .. }) = &self.writer {
            thread.wait_idle();
        }
        self.collect_saves();
    }

    /// Hands the data over if anything changed and the pointer is not held down (a drag saves once, on release).
    pub fn save_if_dirty(&mut self, data: &UserData, pointer_down: bool) {
        if self.dirty && !pointer_down {
            self.save(data);
        }
    }

    /// Hands the data over when anything is unsaved or the last save failed (eframe's periodic save; never
    /// waits).
    pub fn save_unsaved(&mut self, data: &UserData) {
        self.collect_saves();
        if self.dirty || self.save_error.is_some() {
            self.save(data);
        }
    }

    /// Closing: saves what is unsaved (or failed last time) and waits for the last write.
    pub fn finish(&mut self, data: &UserData) {
        self.save_unsaved(data);
        self.wait_for_saves();
    }

    /// The notices to show, most important first.
    pub fn notices(&self) -> Vec<Notice> {
        let mut notices = Vec::new();
        if let Some(text) = &self.save_error {
            notices.push(Notice {
                text: text.clone(),
                is_error: true,
            });
        }
        if let Some(text) = &self.load_notice {
            notices.push(Notice {
                text: text.clone(),
                is_error: false,
            });
        }
        notices
    }

    /// A backup can be restored.
    pub fn has_offered_backup(&self) -> bool {
        self.offered_backup.is_some()
    }

    /// Hides the load notice (the user has read it).
    pub fn dismiss_load_notice(&mut self) {
        self.load_notice = None;
    }

    /// Restores the offered backup as the main file and returns its data, or says why it could not. Waits for a
    /// write in flight first, so it cannot land over the restored file; the writer then sees a main file it did
    /// not write, and its next save checks it and backs it up.
    pub fn restore_backup(&mut self) -> Option<UserData> {
        self.wait_for_saves();
        let (Some(store), Some(backup)) = (&self.store, self.offered_backup.take()) else {
            return None;
        };
        match store.restore_backup::<UserData>(&backup) {
            Ok(data) => {
                self.load_notice = Some(format!("Restored your data from {}.", backup.display()));
                self.dirty = false;
                Some(data)
            }
            Err(e) => {
                self.load_notice = Some(format!("The backup could not be restored: {e}"));
                None
            }
        }
    }

    /// Where the data lives, if anywhere.
    pub fn store(&self) -> Option<&Store> {
        self.store.as_ref()
    }
}

/// Takes the map state older versions kept in eframe's storage, once: it fills the map state only when the store
/// has none of its own, and the data remembers the import so it never happens again. Returns whether the data
/// changed (and must be saved).
pub fn import_legacy_map_state(
    data: &mut UserData,
    legacy: Option<crate::document::MapStateV5>,
) -> bool {
    if data.eframe_state_imported {
        return false;
    }
    if let Some(old) = legacy
        && data.map == crate::map::state::MapState::default()
        && data.triage == crate::triage::TriageState::default()
        && data.navigation == crate::navigation::Navigation::default()
    {
        (data.map, data.triage, data.navigation) = old.split();
    }
    data.eframe_state_imported = true;
    true
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::path::Path;

    use super::*;
    use crate::store::InjectedFault;

    fn data_with_flag(flag: &str) -> UserData {
        UserData {
            triage: crate::triage::TriageState::from_ticked_and_events(
                &std::collections::BTreeSet::from([flag.to_owned()]),
                Vec::new(),
                None,
                false,
            ),
            ..UserData::default()
        }
    }

    /// A store holding one good save, and that save's bytes.
    fn saved_store(dir: &Path) -> (Store, Vec<u8>) {
        let store = Store::in_dir(dir);
        store.save(&data_with_flag("first")).unwrap();
        let bytes = fs::read(store.path()).unwrap();
        (store, bytes)
    }

    fn assert_failed_save_keeps_everything(fault: InjectedFault) {
        let dir = tempfile::tempdir().unwrap();
        let (store, good) = saved_store(dir.path());
        let (mut persistence, _) =
            Persistence::open(Some(store.clone().with_injected_fault(Some(fault))));
        let changed = data_with_flag("second");
        persistence.mark_dirty();
        persistence.save_if_dirty(&changed, false);
        persistence.wait_for_saves();

        assert_eq!(
            fs::read(store.path()).unwrap(),
            good,
            "last good file untouched"
        );
        let notices = persistence.notices();
        assert_eq!(notices.len(), 1, "{notices:?}");
        assert!(notices[0].is_error);
        assert!(
            notices[0]
                .text
                .contains(&store.path().display().to_string()),
            "{}",
            notices[0].text
        );
        assert!(!persistence.is_dirty(), "no retry on every frame");
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".tmp-"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");

        // The fault clears (space freed): the exit save writes what was kept in memory and the notice goes.
        persistence.writer = None;
        persistence.store = Some(store.clone());
        persistence.finish(&changed);
        assert!(persistence.notices().is_empty());
        assert_eq!(store.load::<UserData>().into_data(), changed);
    }

    #[test]
    fn disk_full_loses_nothing_and_says_so_until_a_save_works() {
        assert_failed_save_keeps_everything(InjectedFault::DiskFull);
    }

    #[test]
    fn read_only_folder_loses_nothing_and_says_so_until_a_save_works() {
        assert_failed_save_keeps_everything(InjectedFault::ReadOnlyFolder);
    }

    #[test]
    fn folder_deleted_while_running_is_recreated_privately() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("kneemap");
        let (store, _) = saved_store(&dir);
        let (mut persistence, _) = Persistence::open(Some(store.clone()));
        fs::remove_dir_all(&dir).unwrap();
        persistence.mark_dirty();
        persistence.save_if_dirty(&data_with_flag("after"), false);
        persistence.wait_for_saves();
        assert!(persistence.notices().is_empty());
        assert_eq!(
            store.load::<UserData>().into_data(),
            data_with_flag("after")
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                fs::metadata(&dir).unwrap().permissions().mode() & 0o777,
                0o700
            );
            assert_eq!(
                fs::metadata(store.path()).unwrap().permissions().mode() & 0o777,
                0o600
            );
        }
    }

    #[test]
    fn folder_replaced_by_a_file_fails_with_a_notice_and_retries_on_the_next_change() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("kneemap");
        let (store, _) = saved_store(&dir);
        let (mut persistence, _) = Persistence::open(Some(store.clone()));
        fs::remove_dir_all(&dir).unwrap();
        fs::write(&dir, "not a folder").unwrap();
        persistence.mark_dirty();
        persistence.save_if_dirty(&data_with_flag("after"), false);
        persistence.wait_for_saves();
        assert!(persistence.notices()[0].is_error);
        assert!(persistence.notices()[0].text.contains("kneemap"));

        fs::remove_file(&dir).unwrap();
        persistence.mark_dirty();
        persistence.save_if_dirty(&data_with_flag("after 2"), false);
        persistence.wait_for_saves();
        assert!(
            persistence.notices().is_empty(),
            "a later save clears the notice"
        );
        assert_eq!(
            store.load::<UserData>().into_data(),
            data_with_flag("after 2")
        );
    }

    #[cfg(unix)]
    #[test]
    fn real_read_only_folder_when_not_root() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let (store, good) = saved_store(dir.path());
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o500)).unwrap();
        // Root may write anyway; then this case is covered by the injected fault above.
        let probe = dir.path().join("probe");
        if fs::write(&probe, "x").is_ok() {
            eprintln!("running as root: read-only folder covered by the injected fault only");
            return;
        }
        let mut persistence = Persistence {
            store: Some(store.clone()),
            ..Persistence::default()
        };
        persistence.mark_dirty();
        persistence.save_if_dirty(&data_with_flag("second"), false);
        persistence.wait_for_saves();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700)).unwrap();
        assert_eq!(fs::read(store.path()).unwrap(), good);
        assert!(persistence.notices()[0].is_error);
    }

    #[test]
    fn legacy_map_state_is_imported_once_and_never_over_newer_data() {
        // As eframe's storage kept it: RON of the old map state.
        let legacy: crate::document::MapStateV5 =
            ron::from_str("(knee: Left, ticked_red_flags: [\"hot_swollen_knee\"], tab: Running)")
                .unwrap();

        let mut fresh = UserData::default();
        assert!(import_legacy_map_state(&mut fresh, Some(legacy.clone())));
        let imported = fresh.clone();
        assert_eq!(imported.map.knee, crate::map::diagram::Knee::Left);
        assert!(imported.triage.is_ticked("hot_swollen_knee"));
        assert_eq!(imported.navigation.tab, crate::navigation::Tab::Running);
        assert!(!import_legacy_map_state(&mut fresh, None), "only once");
        assert_eq!(fresh, imported);

        let mut own = data_with_flag("newer");
        assert!(import_legacy_map_state(&mut own, Some(legacy)));
        assert_eq!(own, {
            let mut expected = data_with_flag("newer");
            expected.eframe_state_imported = true;
            expected
        });
    }

    #[test]
    fn a_drag_saves_once_on_release() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::in_dir(dir.path());
        let (mut persistence, _) = Persistence::open(Some(store.clone()));
        persistence.mark_dirty();
        persistence.save_if_dirty(&data_with_flag("dragging"), true);
        assert!(persistence.is_dirty());
        assert!(
            !store.path().exists(),
            "nothing written while the pointer is down"
        );
        persistence.save_if_dirty(&data_with_flag("released"), false);
        assert!(!persistence.is_dirty());
        persistence.wait_for_saves();
        assert_eq!(
            store.load::<UserData>().into_data(),
            data_with_flag("released")
        );
    }

    #[test]
    fn damaged_file_is_kept_aside_and_a_backup_offered() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = saved_store(dir.path());
        store.save(&data_with_flag("second")).unwrap();
        fs::write(
            store.path(),
            "(format: \"kneemap-store\", version: 3, data: (map: (",
        )
        .unwrap();
        let (mut persistence, data) = Persistence::open(Some(store.clone()));
        assert_eq!(data, UserData::default());
        assert!(persistence.has_offered_backup());
        assert!(persistence.notices()[0].text.contains("damaged"));
        let restored = persistence.restore_backup().unwrap();
        assert_eq!(restored, data_with_flag("first"));
        assert_eq!(
            store.load::<UserData>().into_data(),
            data_with_flag("first")
        );
    }

    #[cfg(unix)]
    #[test]
    fn loose_modes_are_tightened_at_start() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = saved_store(dir.path());
        fs::set_permissions(store.path(), fs::Permissions::from_mode(0o644)).unwrap();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
        let (persistence, _) = Persistence::open(Some(store.clone()));
        assert_eq!(
            fs::metadata(store.path()).unwrap().permissions().mode() & 0o777,
            0o600
        );
        assert_eq!(
            fs::metadata(dir.path()).unwrap().permissions().mode() & 0o777,
            0o700
        );
        assert!(persistence.notices().is_empty());
    }
}
