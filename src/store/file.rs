//! The durable local store for the user's health data (map choices, red-flag ticks, plans, session logs): one
//! versioned RON file, written atomically, readable by its owner only.
//!
//! # Files
//! All files live in one directory (by default the platform data directory, e.g. `~/.local/share/kneemap`):
//!
//! * `kneemap.ron` — the main file, an [`Envelope`] holding the format name, the format version and the data.
//! * `kneemap.ron.bak`, `kneemap.ron.bak.2`, `kneemap.ron.bak.3` — the last [`BACKUPS_KEPT`] good versions, newest
//!   first. A session's first save (and then at most one save every [`BACKUP_INTERVAL`]) makes the current (valid)
//!   main file the new `.bak` and shifts the older ones down; the oldest falls off. So the backups are the states at
//!   the start of the last sessions and every few minutes within one. A backup is a hard link to the main file it
//!   was (the main file is only ever replaced by a rename, never written in place), so rotating writes no data;
//!   where the file system has no hard links, the file is copied.
//! * `kneemap.ron.corrupt-20261125T181500` (and `.unreadable-…`, `.too-large-…`, `.newer-version-…`,
//!   `.before-restore-…`) — files that were kept aside. The store never deletes or overwrites these; when a name is
//!   taken, `-2`, `-3`, … is appended.
//! * `.kneemap.ron.tmp-<pid>-<n>` — a save in progress. If the app is killed mid-write, one may be left over; it is
//!   never read, and the next save removes leftovers older than [`STALE_TEMP_AGE`].
//!
//! # Guarantees
//! * A save is atomic: the new content goes to a temporary file in the same directory, is flushed and `sync_all`ed,
//!   then renamed over the main file (on Unix the directory is fsynced too, where possible). After a crash the main
//!   file is either the old or the new content, never a mix.
//! * Private: on Unix the folder is created `0700` and every file `0600`; [`Store::tighten_permissions`] fixes
//!   looser modes left by older versions or other tools.
//! * A failed save (disk full, read-only folder, folder gone) never truncates or replaces the last good file: the
//!   temporary file is removed and the error names the path and the OS reason.
//! * A damaged, unreadable, oversized (over [`MAX_BYTES`]) or newer-version main file never panics and is never
//!   overwritten: [`Store::load`] moves it aside and returns [`LoadOutcome::Recovered`] with a plain-words notice for
//!   the user, and a save checks the main file and keeps an invalid one aside before writing.
//! * Cheap repeated saves: a [`SessionWriter`] remembers what it last wrote (length, modification time and, on Unix,
//!   the file's identity). A later save compares that with one `stat` of the main file and, when nothing else has
//!   replaced it, writes without reading it: one fsynced temporary file, one rename, one directory sync. A main
//!   file that changed behind its back is read and checked as at the start of a session.
//!
//! # Keeping files aside
//! `keep_aside` is the one way a file is kept: it is moved (a damaged main file) or copied (the file a restore
//! replaces, the backup offered after a recovery) to a fresh `<name>.<tag>-<local time>` name that is claimed
//! without replacing anything (a hard link, or a file created with `create_new`), so two windows keeping files at
//! the same second cannot overwrite each other's.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::privacy;

/// The `format` field of every store file.
pub const FORMAT_NAME: &str = "kneemap-store";
/// The main file's name inside the data directory.
pub const FILE_NAME: &str = "kneemap.ron";
/// Files larger than this are refused as damaged (and kept aside); saves that would exceed it fail.
pub const MAX_BYTES: u64 = 16 * 1024 * 1024;
/// How many rotated backups (`.bak`, `.bak.2`, …) are kept.
pub const BACKUPS_KEPT: usize = 3;
/// After a session's first save, the backups rotate again only when a save comes this long after the last rotation.
pub const BACKUP_INTERVAL: Duration = Duration::from_secs(5 * 60);
/// Leftover temporary files older than this are removed by the next save (younger ones may belong to a save running
/// in another KneeMap window right now).
pub const STALE_TEMP_AGE: Duration = Duration::from_secs(60);

/// What is on disk: the data wrapped with the format name and version, so a file can be recognised and migrated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope<T> {
    /// Always [`FORMAT_NAME`].
    pub format: String,
    /// The data's format version, [`Versioned::CURRENT_VERSION`] when written by this build.
    pub version: u32,
    pub data: T,
}

/// Data that can live in the store.
pub trait Versioned: Serialize + DeserializeOwned + Default {
    /// The version this build writes. Start at 1; bump on every incompatible change of the data's shape.
    const CURRENT_VERSION: u32;

    /// Reads a file of an older `version` (1 ≤ `version` < [`Self::CURRENT_VERSION`]). `text` is the whole file;
    /// [`parse_envelope`] with the old shape as `D` is the usual first step. The error is a short technical reason.
    fn migrate(version: u32, text: &str) -> Result<Self, MigrationError>;
}

/// Parses a whole store file as an [`Envelope`] of `D`; for [`Versioned::migrate`] implementations.
pub fn parse_envelope<D: DeserializeOwned>(text: &str) -> Result<Envelope<D>, MigrationError> {
    ron::from_str(text).map_err(|e| MigrationError::Unreadable(e.to_string()))
}

/// Why a file could not be read as a version of a document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MigrationError {
    /// This build knows no way from that version to the current one.
    #[error("no migration from version {0}")]
    NoMigration(u32),
    /// The text is not that version's shape (the RON error, with its position).
    #[error("{0}")]
    Unreadable(String),
}

/// Why a file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Not valid RON, not a KneeMap store, or data that does not fit; the text is the technical reason.
    Damaged(String),
    /// The file could not be read at all (permissions, a folder in its place, …).
    Unreadable(String),
    /// Larger than [`MAX_BYTES`].
    TooLarge { bytes: u64 },
    /// Written by a newer KneeMap with a format version this build does not know.
    NewerVersion { version: u32 },
}

impl Problem {
    /// The tag in the kept-aside file's name, e.g. `corrupt` in `kneemap.ron.corrupt-20261125T181500`.
    fn aside_tag(&self) -> &'static str {
        match self {
            Self::Damaged(_) => "corrupt",
            Self::Unreadable(_) => "unreadable",
            Self::TooLarge { .. } => "too-large",
            Self::NewerVersion { .. } => "newer-version",
        }
    }

    /// A technical one-liner, for error messages.
    pub fn reason(&self) -> String {
        match self {
            Self::Damaged(reason) | Self::Unreadable(reason) => reason.clone(),
            Self::TooLarge { bytes } => format!("{bytes} bytes, over the {MAX_BYTES}-byte limit"),
            Self::NewerVersion { version } => {
                format!("format version {version} was saved by a newer KneeMap")
            }
        }
    }
}

/// The result of [`Store::load`]. Loading never fails: a bad file is kept aside and the user is told.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadOutcome<T> {
    /// There is no store file yet (first start): `T::default()`.
    Fresh(T),
    /// The main file was read (and migrated, if it was an older version).
    Loaded(T),
    /// The main file could not be used. It was moved aside (not deleted) and `data` is `T::default()`.
    Recovered {
        data: T,
        /// What to show the user, in plain words; mentions where the file went.
        notice: String,
        /// Where the bad file now is. If it could not be moved, this is the main path itself, and saves refuse to
        /// write until it can be moved.
        kept_aside: PathBuf,
        problem: Problem,
    },
}

impl<T> LoadOutcome<T> {
    /// The data, whatever the outcome.
    #[cfg(test)]
    pub fn into_data(self) -> T {
        match self {
            Self::Fresh(data) | Self::Loaded(data) | Self::Recovered { data, .. } => data,
        }
    }

    /// The notice for the user, when there is one.
    pub fn notice(&self) -> Option<&str> {
        match self {
            Self::Recovered { notice, .. } => Some(notice),
            Self::Fresh(_) | Self::Loaded(_) => None,
        }
    }
}

/// Errors from saving or restoring. Each names the file involved.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no folder for KneeMap's data could be found on this system (is the home folder set?)")]
    NoDataDir,
    #[error("could not create the folder {}: {source}", .path.display())]
    CreateDir { path: PathBuf, source: io::Error },
    #[error("could not read {}: {source}", .path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("could not write {}: {source}", .path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error("could not encode the data for {}: {message}", .path.display())]
    Encode { path: PathBuf, message: String },
    #[error("{} would be {bytes} bytes, over the {max_bytes}-byte limit", .path.display())]
    TooLarge {
        path: PathBuf,
        bytes: u64,
        max_bytes: u64,
    },
    #[error("{} cannot be used: {reason}", .path.display())]
    Invalid { path: PathBuf, reason: String },
    #[error("could not move {} aside to keep it safe ({source}); nothing was overwritten", .path.display())]
    KeepAside { path: PathBuf, source: io::Error },
}

/// The store: one main file plus its backups and kept-aside files in the same directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    path: PathBuf,
    fault: Option<InjectedFault>,
    /// A pause between syncing the temporary file and renaming it (tests; see [`RENAME_DELAY_ENV`]).
    rename_delay: Option<Duration>,
}

/// A failure to inject into every write of a store, so tests can show that a failed save loses nothing. Real
/// failures take the same path: the OS error surfaces from the same write calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InjectedFault {
    /// The disk fills up half-way through writing the temporary file.
    DiskFull,
    /// The folder is read-only: the temporary file cannot be created.
    ReadOnlyFolder,
}

impl InjectedFault {
    fn error(self) -> io::Error {
        match self {
            Self::DiskFull => io::Error::new(
                io::ErrorKind::StorageFull,
                "no space left on device (injected by a test)",
            ),
            Self::ReadOnlyFolder => io::Error::new(
                io::ErrorKind::ReadOnlyFilesystem,
                "read-only file system (injected by a test)",
            ),
        }
    }
}

/// Environment variable read by the crash test (`scripts/crash_test.sh`): milliseconds to wait after the temporary
/// file is synced and before it is renamed over the main file, so a SIGKILL can land mid-save. Unset in normal use.
pub const RENAME_DELAY_ENV: &str = "KNEEMAP_TEST_DELAY_BEFORE_RENAME_MS";

fn rename_delay_from_env() -> Option<Duration> {
    static DELAY: std::sync::OnceLock<Option<Duration>> = std::sync::OnceLock::new();
    *DELAY.get_or_init(|| {
        std::env::var(RENAME_DELAY_ENV)
            .ok()
            .and_then(|ms| ms.trim().parse::<u64>().ok())
            .map(Duration::from_millis)
    })
}

/// How the current main file looks, before a save or restore.
enum MainState {
    Missing,
    /// Readable by this build.
    Valid,
    Invalid(Problem),
}

/// What a save wrote (or a load read) at the main path, as `stat` sees it: a later `stat` that shows the same
/// length, modification time and (on Unix) device and inode means nobody has replaced or changed the file since.
/// The main file is only ever replaced by a rename, so its identity changes with every write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Written {
    len: u64,
    modified: Option<SystemTime>,
    /// Device and inode.
    identity: Option<(u64, u64)>,
}

impl Written {
    fn of(meta: &fs::Metadata) -> Self {
        #[cfg(unix)]
        let identity = {
            use std::os::unix::fs::MetadataExt;
            Some((meta.dev(), meta.ino()))
        };
        #[cfg(not(unix))]
        let identity = None;
        Self {
            len: meta.len(),
            modified: meta.modified().ok(),
            identity,
        }
    }

    /// One `stat` of `path`, no read: is the file there still the one described?
    fn still_at(&self, path: &Path) -> bool {
        fs::symlink_metadata(path).is_ok_and(|meta| meta.is_file() && Self::of(&meta) == *self)
    }
}

impl Store {
    /// The store in the platform data directory (`ProjectDirs::from("", "", "KneeMap")`). The directory is created
    /// by the first save.
    pub fn open_default() -> Result<Self, StoreError> {
        Ok(Self::in_dir(Self::default_dir()?))
    }

    /// A store whose main file is `path` (its directory need not exist yet).
    pub fn at(path: impl Into<PathBuf>) -> Self {
        Self {
            path: path.into(),
            fault: None,
            rename_delay: None,
        }
    }

    /// The store kept in `dir` (the `--data-dir` flag).
    pub fn in_dir(dir: impl AsRef<Path>) -> Self {
        Self::at(dir.as_ref().join(FILE_NAME))
    }

    /// The platform data directory KneeMap uses when no `--data-dir` is given.
    pub fn default_dir() -> Result<PathBuf, StoreError> {
        directories::ProjectDirs::from("", "", "KneeMap")
            .map(|dirs| dirs.data_dir().to_owned())
            .ok_or(StoreError::NoDataDir)
    }

    /// The folder holding the main file.
    pub fn dir(&self) -> PathBuf {
        parent_dir(&self.path)
    }

    /// Makes every later write fail as `fault` says (tests of failed saves).
    #[cfg(test)]
    #[must_use]
    pub fn with_injected_fault(mut self, fault: Option<InjectedFault>) -> Self {
        self.fault = fault;
        self
    }

    /// Waits `delay` between syncing each temporary file and renaming it into place (tests that need a write to
    /// be in flight; the crash test sets [`RENAME_DELAY_ENV`] instead).
    #[cfg(test)]
    #[must_use]
    pub fn with_rename_delay(mut self, delay: Duration) -> Self {
        self.rename_delay = Some(delay);
        self
    }

    /// Restricts the folder to its owner (`0700`) and KneeMap's files in it to `0600` where they are looser.
    /// Returns one line per path that was changed or could not be changed. A no-op on non-Unix systems, where the
    /// per-user data folder is already private.
    pub fn tighten_permissions(&self) -> Vec<String> {
        privacy::tighten(&self.dir())
    }

    /// The main file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the main file without changing anything on disk (for `kneemap data check`): `Ok(None)` when there is
    /// no file yet, the problem when it cannot be used.
    pub fn inspect<T: Versioned>(&self) -> Result<Option<T>, Problem> {
        read_valid::<T>(&self.path).map(|found| found.map(|read| read.data))
    }

    /// Reads the main file. Never fails and never panics: a bad file is moved aside and reported.
    pub fn load<T: Versioned>(&self) -> LoadOutcome<T> {
        self.load_session().0
    }

    /// [`Self::load`], and the writer for this session's saves, which knows the file it just read: its first save
    /// backs that file up without reading it again.
    pub fn load_session<T: Versioned>(&self) -> (LoadOutcome<T>, SessionWriter) {
        let mut writer = SessionWriter::new(self.clone());
        let outcome = match read_valid::<T>(&self.path) {
            Ok(None) => LoadOutcome::Fresh(T::default()),
            Ok(Some(read)) => {
                writer.last = Some(read.file);
                LoadOutcome::Loaded(read.data)
            }
            Err(problem) => {
                let (kept_aside, moved) =
                    match keep_aside(&self.path, problem.aside_tag(), Keep::Move) {
                        Ok(aside) => (aside, true),
                        Err(_) => (self.path.clone(), false),
                    };
                let notice = notice_for(&problem, &kept_aside, moved, !self.backups().is_empty());
                LoadOutcome::Recovered {
                    data: T::default(),
                    notice,
                    kept_aside,
                    problem,
                }
            }
        };
        (outcome, writer)
    }

    /// Writes `data` atomically as the new main file, as the first save of a session: a valid current main file
    /// becomes the newest backup first; an invalid one is kept aside (and if that fails, nothing is written). The
    /// command line saves this way; the app saves through one [`SessionWriter`] on its writer thread.
    pub fn save<T: Versioned>(&self, data: &T) -> Result<(), StoreError> {
        SessionWriter::new(self.clone()).write(data)
    }

    /// The backups that exist, newest first.
    pub fn backups(&self) -> Vec<PathBuf> {
        (1..=BACKUPS_KEPT)
            .map(|n| self.backup_path(n))
            .filter(|p| p.is_file())
            .collect()
    }

    /// The newest backup that this build can read, if any: what the app should offer after a recovery.
    pub fn latest_good_backup<T: Versioned>(&self) -> Option<PathBuf> {
        self.backups()
            .into_iter()
            .find(|p| matches!(read_valid::<T>(p), Ok(Some(_))))
    }

    /// Keeps a copy of `backup` beside it under a fresh `<name>.recovery-<local time>` name that later rotations
    /// never touch, and returns the copy's path: what the app offers to restore after a damaged file.
    pub fn keep_for_restore(&self, backup: &Path) -> io::Result<PathBuf> {
        keep_aside(backup, "recovery", Keep::Copy)
    }

    /// Checks that `backup` (usually one of [`Self::backups`]) holds readable data, then makes it the main file
    /// atomically. The current main file, good or bad, is kept aside as `kneemap.ron.before-restore-…` first.
    /// Returns the restored data (migrated if the backup was an older version).
    pub fn restore_backup<T: Versioned>(&self, backup: &Path) -> Result<T, StoreError> {
        let (bytes, data) = match read_valid::<T>(backup) {
            Ok(Some(read)) => (read.bytes, read.data),
            Ok(None) => {
                return Err(StoreError::Read {
                    path: backup.to_owned(),
                    source: io::Error::from(io::ErrorKind::NotFound),
                });
            }
            Err(problem) => {
                return Err(StoreError::Invalid {
                    path: backup.to_owned(),
                    reason: problem.reason(),
                });
            }
        };
        self.ensure_dir()?;
        if fs::symlink_metadata(&self.path).is_ok() {
            keep_aside(&self.path, "before-restore", Keep::Copy).map_err(|source| {
                StoreError::KeepAside {
                    path: self.path.clone(),
                    source,
                }
            })?;
        }
        self.write_main(&bytes)?;
        Ok(data)
    }

    /// `n` = 1 is `kneemap.ron.bak`, `n` ≥ 2 is `kneemap.ron.bak.<n>`.
    fn backup_path(&self, n: usize) -> PathBuf {
        if n <= 1 {
            with_suffix(&self.path, ".bak")
        } else {
            with_suffix(&self.path, &format!(".bak.{n}"))
        }
    }

    fn ensure_dir(&self) -> Result<(), StoreError> {
        match self.path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => privacy::create_private_dir_all(dir)
                .map_err(|source| StoreError::CreateDir {
                    path: dir.to_owned(),
                    source,
                }),
            _ => Ok(()),
        }
    }

    /// Serialises `data` in its envelope; refuses what would be over [`MAX_BYTES`].
    fn encode<T: Versioned>(&self, data: &T) -> Result<String, StoreError> {
        let envelope = Envelope {
            format: FORMAT_NAME.to_owned(),
            version: T::CURRENT_VERSION,
            data,
        };
        let text = ron::ser::to_string_pretty(&envelope, ron::ser::PrettyConfig::default())
            .map_err(|e| StoreError::Encode {
                path: self.path.clone(),
                message: e.to_string(),
            })?;
        let bytes = u64::try_from(text.len()).unwrap_or(u64::MAX);
        if bytes > MAX_BYTES {
            return Err(StoreError::TooLarge {
                path: self.path.clone(),
                bytes,
                max_bytes: MAX_BYTES,
            });
        }
        Ok(text)
    }

    /// Reads and checks the main file (the slow path: session start, or a file changed behind a writer's back).
    fn main_state<T: Versioned>(&self) -> MainState {
        match read_valid::<T>(&self.path) {
            Ok(None) => MainState::Missing,
            Ok(Some(_)) => MainState::Valid,
            Err(problem) => MainState::Invalid(problem),
        }
    }

    /// Shifts `.bak` → `.bak.2` → … (dropping the oldest) and makes the current main file the new `.bak`: a hard
    /// link (no data written), or a copy where the file system has no hard links.
    fn push_backup(&self) -> Result<(), StoreError> {
        for n in (1..BACKUPS_KEPT).rev() {
            let from = self.backup_path(n);
            if from.is_file() {
                let to = self.backup_path(n + 1);
                fs::rename(&from, &to).map_err(|source| StoreError::Write { path: to, source })?;
            }
        }
        let newest = self.backup_path(1);
        let linked = fs::hard_link(&self.path, &newest);
        let result = match linked {
            Ok(()) => Ok(()),
            Err(_) => fs::read(&self.path)
                .and_then(|bytes| write_atomically_with(&newest, &bytes, self.fault, self.delay()))
                .map(|_| ()),
        };
        result.map_err(|source| StoreError::Write {
            path: newest,
            source,
        })
    }

    fn delay(&self) -> Option<Duration> {
        self.rename_delay.or_else(rename_delay_from_env)
    }

    /// Writes `bytes` as the main file atomically and says what is there now.
    fn write_main(&self, bytes: &[u8]) -> Result<Written, StoreError> {
        write_atomically_with(&self.path, bytes, self.fault, self.delay()).map_err(|source| {
            StoreError::Write {
                path: self.path.clone(),
                source,
            }
        })
    }
}

/// One session's saves of one store (the app keeps one on its writer thread; [`Store::save`] uses a fresh one).
/// It remembers what it last wrote, so a save after the first costs one `stat`, one fsynced temporary file, one
/// rename and one directory sync, and never reads the store; backups rotate on the session's first save and then
/// at most every [`BACKUP_INTERVAL`].
#[derive(Debug)]
pub struct SessionWriter {
    store: Store,
    /// What this session last wrote (or loaded) at the main path.
    last: Option<Written>,
    /// When this session last rotated the backups.
    rotated_at: Option<Instant>,
    backup_interval: Duration,
}

impl SessionWriter {
    /// A writer that knows nothing about the main file yet: its first save reads and checks it.
    pub fn new(store: Store) -> Self {
        Self {
            store,
            last: None,
            rotated_at: None,
            backup_interval: BACKUP_INTERVAL,
        }
    }

    /// Rotates the backups at most every `interval` instead of [`BACKUP_INTERVAL`] (tests).
    #[cfg(test)]
    #[must_use]
    pub fn with_backup_interval(mut self, interval: Duration) -> Self {
        self.backup_interval = interval;
        self
    }

    /// The store written to.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Serialises `data` once and writes it atomically as the new main file. The main file is read only when
    /// this writer does not know it (the session's first save after a fresh start, or someone else replaced it):
    /// then an invalid one is kept aside and a valid one backed up, as [`Store::save`] promises.
    pub fn write<T: Versioned>(&mut self, data: &T) -> Result<(), StoreError> {
        let text = self.store.encode(data)?;
        self.store.ensure_dir()?;
        let path = self.store.path.clone();
        let known = self.last.is_some_and(|last| last.still_at(&path));
        let rotation_due = self
            .rotated_at
            .is_none_or(|at| at.elapsed() >= self.backup_interval);
        if !known || rotation_due {
            remove_stale_temps(&path);
            let state = if known {
                MainState::Valid
            } else {
                self.store.main_state::<T>()
            };
            match state {
                MainState::Missing => {}
                MainState::Valid => self.store.push_backup()?,
                MainState::Invalid(problem) => {
                    keep_aside(&path, problem.aside_tag(), Keep::Move).map_err(|source| {
                        StoreError::KeepAside {
                            path: path.clone(),
                            source,
                        }
                    })?;
                }
            }
            self.rotated_at = Some(Instant::now());
        }
        self.last = Some(self.store.write_main(text.as_bytes())?);
        Ok(())
    }
}

/// Writes `bytes` to `path` so that after a crash the file holds either the old or the new content: a temporary
/// file in the same directory is written, flushed and synced, then renamed over `path`; on Unix the directory is
/// then synced as well (best effort). The temporary file is removed if anything fails.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomically_with(path, bytes, None, rename_delay_from_env()).map(|_| ())
}

/// [`write_atomically`] with an optional injected failure and pause before the rename. The file is created `0600`
/// on Unix. Returns what is at `path` now.
fn write_atomically_with(
    path: &Path,
    bytes: &[u8],
    fault: Option<InjectedFault>,
    delay: Option<Duration>,
) -> io::Result<Written> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = parent_dir(path);
    let (temp_path, mut file) = loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let candidate = dir.join(format!("{}{}-{n}", temp_prefix(path), std::process::id()));
        if fault == Some(InjectedFault::ReadOnlyFolder) {
            return Err(InjectedFault::ReadOnlyFolder.error());
        }
        match privacy::private_file_options().open(&candidate) {
            Ok(file) => break (candidate, file),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    };
    let written = if fault == Some(InjectedFault::DiskFull) {
        // Half the bytes reach the disk, then it is full: the half-written temporary file must not survive.
        file.write_all(&bytes[..bytes.len() / 2])
            .and_then(|()| Err(InjectedFault::DiskFull.error()))
    } else {
        file.write_all(bytes)
            .and_then(|()| file.flush())
            .and_then(|()| file.sync_all())
            // The rename keeps the file's identity and modification time: this is what `path` will show.
            .and_then(|()| file.metadata())
            .map(|meta| Written::of(&meta))
    };
    drop(file);
    if written.is_ok()
        && let Some(delay) = delay
    {
        std::thread::sleep(delay);
    }
    let renamed = written.and_then(|written| fs::rename(&temp_path, path).map(|()| written));
    match renamed {
        Ok(written) => {
            sync_dir(&dir);
            Ok(written)
        }
        Err(e) => {
            let _ = fs::remove_file(&temp_path);
            Err(e)
        }
    }
}

/// A store file that was read and checked.
struct ReadFile<T> {
    bytes: Vec<u8>,
    data: T,
    file: Written,
}

/// Reads and checks a store file. `Ok(None)`: it does not exist.
fn read_valid<T: Versioned>(path: &Path) -> Result<Option<ReadFile<T>>, Problem> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Problem::Unreadable(e.to_string())),
    };
    let meta = file
        .metadata()
        .map_err(|e| Problem::Unreadable(e.to_string()))?;
    if !meta.is_file() {
        return Err(Problem::Unreadable(
            "a folder or other non-file is in its place".to_owned(),
        ));
    }
    if meta.len() > MAX_BYTES {
        return Err(Problem::TooLarge { bytes: meta.len() });
    }
    let mut bytes = Vec::new();
    // One byte over the limit is enough to know the file grew past it since the metadata was read.
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Problem::Unreadable(e.to_string()))?;
    let len = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if len > MAX_BYTES {
        return Err(Problem::TooLarge { bytes: len });
    }
    let data = decode::<T>(&bytes)?;
    Ok(Some(ReadFile {
        bytes,
        data,
        file: Written::of(&meta),
    }))
}

/// Only the envelope's header, to pick the version before parsing the data.
#[derive(Deserialize)]
struct Header {
    format: String,
    version: u32,
}

fn decode<T: Versioned>(bytes: &[u8]) -> Result<T, Problem> {
    let text =
        std::str::from_utf8(bytes).map_err(|e| Problem::Damaged(format!("not UTF-8 text: {e}")))?;
    let header: Header = ron::from_str(text).map_err(|e| Problem::Damaged(e.to_string()))?;
    if header.format != FORMAT_NAME {
        return Err(Problem::Damaged(format!(
            "format is {:?}, not {FORMAT_NAME:?}",
            header.format
        )));
    }
    match header.version {
        0 => Err(Problem::Damaged(
            "format version 0 does not exist".to_owned(),
        )),
        v if v > T::CURRENT_VERSION => Err(Problem::NewerVersion { version: v }),
        v if v == T::CURRENT_VERSION => parse_envelope::<T>(text)
            .map(|e| e.data)
            .map_err(|e| Problem::Damaged(e.to_string())),
        v => T::migrate(v, text)
            .map_err(|e| Problem::Damaged(format!("could not upgrade from version {v}: {e}"))),
    }
}

/// The plain-words notice for a recovery.
fn notice_for(problem: &Problem, kept_aside: &Path, moved: bool, has_backups: bool) -> String {
    let what = match problem {
        Problem::Damaged(_) => "KneeMap could not read your saved data (map choices, red flags, plans and logs): the file is damaged.".to_owned(),
        Problem::Unreadable(reason) => {
            format!("KneeMap could not open your saved data ({reason}).")
        }
        Problem::TooLarge { bytes } => format!(
            "Your saved data file is {:.1} MiB, more than the {} MiB KneeMap accepts, so it was \
             treated as damaged.",
            mib(*bytes),
            MAX_BYTES / (1024 * 1024)
        ),
        Problem::NewerVersion { .. } => {
            "Your data was saved by a newer KneeMap, which this version cannot read. \
             Update KneeMap to use them."
                .to_owned()
        }
    };
    let kept = if moved {
        format!(
            "Nothing was deleted: the file was moved aside to {}.",
            kept_aside.display()
        )
    } else {
        format!(
            "Nothing was deleted: the file is still at {}, and KneeMap will not save until it can move it aside.",
            kept_aside.display()
        )
    };
    let next = if has_backups {
        "You can restore the last good backup, or start fresh."
    } else {
        "There is no backup yet, so KneeMap starts fresh."
    };
    format!("{what} {kept} {next}")
}

/// For display only; precision loss on huge sizes does not matter.
fn mib(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

/// How [`keep_aside`] keeps a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keep {
    /// Away from its name (a damaged main file must not be read or overwritten again).
    Move,
    /// Beside it, the original staying in place (a folder in the way is moved all the same).
    Copy,
}

/// Keeps `path` under a fresh `<name>.<tag>-<local time>` (then `-2`, `-3`, …) and returns the new path. A name
/// is claimed only by an operation that fails when it is taken — a hard link, `create_new` or `create_dir` — so
/// nothing is ever replaced, even by another window keeping a file at the same second. A hard link shares the data
/// (the main file is only ever replaced, never written in place); a copy is made where links are not possible.
fn keep_aside(path: &Path, tag: &str, keep: Keep) -> io::Result<PathBuf> {
    let is_file = fs::symlink_metadata(path)?.is_file();
    let stamp = chrono::Local::now().format("%Y%m%dT%H%M%S");
    let base = format!(".{tag}-{stamp}");
    for n in 1..=1000 {
        let candidate = if n == 1 {
            with_suffix(path, &base)
        } else {
            with_suffix(path, &format!("{base}-{n}"))
        };
        let claimed = if is_file {
            claim_file(path, &candidate, keep)
        } else {
            claim_by_rename(path, &candidate, false)
        };
        match claimed {
            Ok(()) => {
                sync_dir(&parent_dir(path));
                return Ok(candidate);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "too many kept-aside files with this name",
    ))
}

/// Puts the regular file `path` at the unused name `aside`: a hard link, then (to move) the old name removed;
/// without hard links a private copy, or (to move) a rename onto a freshly created placeholder.
fn claim_file(path: &Path, aside: &Path, keep: Keep) -> io::Result<()> {
    match fs::hard_link(path, aside) {
        Ok(()) => {
            if keep == Keep::Move {
                fs::remove_file(path)?;
            }
            return Ok(());
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(e),
        Err(_) => {}
    }
    match keep {
        Keep::Move => claim_by_rename(path, aside, true),
        Keep::Copy => {
            let mut to = privacy::private_file_options().open(aside)?;
            let copied = File::open(path)
                .and_then(|mut from| io::copy(&mut from, &mut to))
                .and_then(|_| to.sync_all());
            if copied.is_err() {
                let _ = fs::remove_file(aside);
            }
            copied
        }
    }
}

/// Claims `aside` with an empty placeholder of the same kind (fails when taken), then renames `path` over it.
fn claim_by_rename(path: &Path, aside: &Path, is_file: bool) -> io::Result<()> {
    if is_file {
        privacy::private_file_options().open(aside)?;
    } else {
        fs::create_dir(aside)?;
    }
    fs::rename(path, aside).inspect_err(|_| {
        let _ = if is_file {
            fs::remove_file(aside)
        } else {
            fs::remove_dir(aside)
        };
    })
}

/// Removes `.<name>.tmp-*` files next to `path` left by a save that was killed, if older than [`STALE_TEMP_AGE`].
fn remove_stale_temps(path: &Path) {
    let prefix = temp_prefix(path);
    let Ok(entries) = fs::read_dir(parent_dir(path)) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        if !entry.file_name().to_string_lossy().starts_with(&prefix) {
            continue;
        }
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|modified| {
                now.duration_since(modified)
                    .is_ok_and(|age| age >= STALE_TEMP_AGE)
            });
        if stale {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// `.kneemap.ron.tmp-` for `…/kneemap.ron`.
fn temp_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(".{name}.tmp-")
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// Makes a rename in `dir` durable. Best effort: not all platforms or file systems allow syncing a directory.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(handle) = File::open(dir) {
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    struct Notes {
        entries: Vec<String>,
    }

    impl Versioned for Notes {
        const CURRENT_VERSION: u32 = 1;
        fn migrate(version: u32, _text: &str) -> Result<Self, MigrationError> {
            Err(MigrationError::NoMigration(version))
        }
    }

    fn notes(entries: &[&str]) -> Notes {
        Notes {
            entries: entries.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    fn files_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn missing_file_is_fresh() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join("sub").join(FILE_NAME));
        assert_eq!(store.load::<Notes>(), LoadOutcome::Fresh(Notes::default()));
        assert!(store.backups().is_empty());
    }

    #[test]
    fn round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join("nested").join(FILE_NAME));
        store.save(&notes(&["left knee, 3/10 after 5 km"])).unwrap();
        assert_eq!(
            store.load::<Notes>(),
            LoadOutcome::Loaded(notes(&["left knee, 3/10 after 5 km"]))
        );
        let text = fs::read_to_string(store.path()).unwrap();
        assert!(text.contains("format: \"kneemap-store\""), "{text}");
        assert!(text.contains("version: 1"), "{text}");
    }

    #[test]
    fn save_replaces_atomically_and_rotates_backups() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join(FILE_NAME));
        for n in 1..=5 {
            store.save(&notes(&[&format!("entry {n}")])).unwrap();
        }
        assert_eq!(store.load::<Notes>().into_data(), notes(&["entry 5"]));
        assert_eq!(
            files_in(dir.path()),
            [
                "kneemap.ron",
                "kneemap.ron.bak",
                "kneemap.ron.bak.2",
                "kneemap.ron.bak.3"
            ],
            "no temporary files left"
        );
        let backups = store.backups();
        assert_eq!(backups.len(), BACKUPS_KEPT);
        let contents: Vec<Notes> = backups
            .iter()
            .map(|p| read_valid::<Notes>(p).unwrap().unwrap().data)
            .collect();
        assert_eq!(
            contents,
            [
                notes(&["entry 4"]),
                notes(&["entry 3"]),
                notes(&["entry 2"])
            ],
            "newest first"
        );
    }

    #[test]
    fn a_session_backs_up_on_its_first_save_and_then_only_after_the_interval() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join(FILE_NAME));
        store.save(&notes(&["last session"])).unwrap();
        let (loaded, mut writer) = store.load_session::<Notes>();
        assert_eq!(loaded, LoadOutcome::Loaded(notes(&["last session"])));
        for n in 1..=4 {
            writer.write(&notes(&[&format!("edit {n}")])).unwrap();
        }
        assert_eq!(store.load::<Notes>().into_data(), notes(&["edit 4"]));
        let backups = store.backups();
        assert_eq!(backups.len(), 1, "one rotation, at the first save");
        assert_eq!(
            read_valid::<Notes>(&backups[0]).unwrap().unwrap().data,
            notes(&["last session"]),
            "the backup is the state the session started from"
        );

        let mut eager = SessionWriter::new(store.clone()).with_backup_interval(Duration::ZERO);
        eager.write(&notes(&["a"])).unwrap();
        eager.write(&notes(&["b"])).unwrap();
        let contents: Vec<Notes> = store
            .backups()
            .iter()
            .map(|p| read_valid::<Notes>(p).unwrap().unwrap().data)
            .collect();
        assert_eq!(
            contents,
            [notes(&["a"]), notes(&["edit 4"]), notes(&["last session"])],
            "past the interval every save rotates"
        );
        assert_eq!(
            files_in(dir.path()).len(),
            1 + BACKUPS_KEPT,
            "{:?}",
            files_in(dir.path())
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_backup_is_a_link_to_the_file_it_was_and_keeps_it_after_the_next_write() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join(FILE_NAME));
        store.save(&notes(&["one"])).unwrap();
        let inode = fs::metadata(store.path()).unwrap().ino();
        store.save(&notes(&["two"])).unwrap();
        let backup = &store.backups()[0];
        assert_eq!(fs::metadata(backup).unwrap().ino(), inode, "no data copied");
        assert_ne!(fs::metadata(store.path()).unwrap().ino(), inode);
        assert_eq!(
            read_valid::<Notes>(backup).unwrap().unwrap().data,
            notes(&["one"])
        );
        assert_eq!(store.load::<Notes>().into_data(), notes(&["two"]));
    }

    #[test]
    fn a_main_file_changed_behind_the_writers_back_is_checked_before_it_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join(FILE_NAME));
        let mut writer = SessionWriter::new(store.clone());
        writer.write(&notes(&["mine"])).unwrap();
        // Another window saves a good file: it becomes a backup rather than vanishing.
        write_atomically(
            store.path(),
            b"(format: \"kneemap-store\", version: 1, data: (entries: [\"theirs\"]))",
        )
        .unwrap();
        writer.write(&notes(&["mine 2"])).unwrap();
        assert_eq!(
            read_valid::<Notes>(&store.backups()[0])
                .unwrap()
                .unwrap()
                .data,
            notes(&["theirs"])
        );
        // Someone writes garbage into it in place: kept aside, never overwritten.
        fs::write(store.path(), b"garbage {{").unwrap();
        writer.write(&notes(&["mine 3"])).unwrap();
        let aside: Vec<String> = files_in(dir.path())
            .into_iter()
            .filter(|n| n.starts_with("kneemap.ron.corrupt-"))
            .collect();
        assert_eq!(aside.len(), 1, "{:?}", files_in(dir.path()));
        assert_eq!(fs::read(dir.path().join(&aside[0])).unwrap(), b"garbage {{");
        assert_eq!(store.load::<Notes>().into_data(), notes(&["mine 3"]));
    }

    #[test]
    fn keeping_a_copy_never_replaces_one_kept_before_and_leaves_the_original() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join(FILE_NAME));
        store.save(&notes(&["one"])).unwrap();
        store.save(&notes(&["two"])).unwrap();
        let backup = store.backups()[0].clone();
        let first = store.keep_for_restore(&backup).unwrap();
        let second = store.keep_for_restore(&backup).unwrap();
        assert_ne!(first, second);
        for kept in [&first, &second, &backup] {
            assert_eq!(
                read_valid::<Notes>(kept).unwrap().unwrap().data,
                notes(&["one"])
            );
        }
        // A name already taken (a file of the same second) is skipped, not replaced.
        let stamp = chrono::Local::now().format("%Y%m%dT%H%M%S");
        let taken = with_suffix(store.path(), &format!(".corrupt-{stamp}"));
        fs::write(&taken, b"kept earlier").unwrap();
        fs::write(store.path(), b"damaged").unwrap();
        let moved = keep_aside(store.path(), "corrupt", Keep::Move).unwrap();
        assert_eq!(fs::read(&taken).unwrap(), b"kept earlier");
        assert_eq!(fs::read(&moved).unwrap(), b"damaged");
        assert!(!store.path().exists());
    }

    #[test]
    fn write_atomically_leaves_only_the_target() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("export.csv");
        write_atomically(&target, b"old").unwrap();
        write_atomically(&target, b"new").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"new");
        assert_eq!(files_in(dir.path()), ["export.csv"]);
    }

    #[test]
    fn corrupt_file_is_kept_aside_untouched_until_the_next_save() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join(FILE_NAME));
        store.save(&notes(&["good"])).unwrap();
        store.save(&notes(&["good 2"])).unwrap();
        let garbage = b"(format: \"kneemap-store\", version: 1, data: (entries: [\"trunc";
        fs::write(store.path(), garbage).unwrap();

        let LoadOutcome::Recovered {
            data,
            notice,
            kept_aside,
            problem,
        } = store.load::<Notes>()
        else {
            panic!("expected a recovery")
        };
        assert_eq!(data, Notes::default());
        assert!(matches!(problem, Problem::Damaged(_)));
        assert!(notice.contains("damaged"), "{notice}");
        assert!(
            notice.contains(&kept_aside.display().to_string()),
            "{notice}"
        );
        assert!(notice.contains("backup"), "{notice}");
        let aside_name = kept_aside
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        assert!(
            aside_name.starts_with("kneemap.ron.corrupt-"),
            "{aside_name}"
        );
        assert_eq!(
            fs::read(&kept_aside).unwrap(),
            garbage,
            "original bytes preserved"
        );
        assert!(!store.path().exists(), "main file moved, not rewritten");
        assert_eq!(
            store.latest_good_backup::<Notes>(),
            Some(store.backups()[0].clone())
        );

        store.save(&notes(&["after recovery"])).unwrap();
        assert_eq!(
            fs::read(&kept_aside).unwrap(),
            garbage,
            "still preserved after the next save"
        );
        assert_eq!(
            store.load::<Notes>().into_data(),
            notes(&["after recovery"])
        );
    }

    #[test]
    fn a_second_corrupt_file_gets_its_own_name() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join(FILE_NAME));
        fs::write(store.path(), b"first garbage").unwrap();
        let first = match store.load::<Notes>() {
            LoadOutcome::Recovered { kept_aside, .. } => kept_aside,
            other => panic!("{other:?}"),
        };
        fs::write(store.path(), b"second garbage").unwrap();
        let second = match store.load::<Notes>() {
            LoadOutcome::Recovered { kept_aside, .. } => kept_aside,
            other => panic!("{other:?}"),
        };
        assert_ne!(first, second);
        assert_eq!(fs::read(&first).unwrap(), b"first garbage");
        assert_eq!(fs::read(&second).unwrap(), b"second garbage");
    }

    #[test]
    fn save_keeps_an_invalid_main_file_aside_even_without_a_load() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join(FILE_NAME));
        fs::write(store.path(), b"not ron at all {{{").unwrap();
        store.save(&notes(&["new"])).unwrap();
        let aside: Vec<String> = files_in(dir.path())
            .into_iter()
            .filter(|n| n.starts_with("kneemap.ron.corrupt-"))
            .collect();
        assert_eq!(aside.len(), 1, "{:?}", files_in(dir.path()));
        assert_eq!(
            fs::read(dir.path().join(&aside[0])).unwrap(),
            b"not ron at all {{{"
        );
        assert!(store.backups().is_empty(), "a bad file is not a backup");
    }

    #[test]
    fn future_version_is_kept_aside_with_a_notice() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join(FILE_NAME));
        let future =
            "(format: \"kneemap-store\", version: 99, data: (entries: [], shiny_new_field: 3))";
        fs::write(store.path(), future).unwrap();
        let LoadOutcome::Recovered {
            notice,
            kept_aside,
            problem,
            ..
        } = store.load::<Notes>()
        else {
            panic!("expected a recovery")
        };
        assert_eq!(problem, Problem::NewerVersion { version: 99 });
        assert!(notice.contains("saved by a newer KneeMap"), "{notice}");
        assert!(
            kept_aside
                .to_string_lossy()
                .contains("kneemap.ron.newer-version-")
        );
        assert_eq!(fs::read_to_string(&kept_aside).unwrap(), future);
    }

    #[test]
    fn wrong_format_name_is_damaged() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join(FILE_NAME));
        fs::write(
            store.path(),
            "(format: \"something-else\", version: 1, data: (entries: []))",
        )
        .unwrap();
        assert!(matches!(
            store.load::<Notes>(),
            LoadOutcome::Recovered {
                problem: Problem::Damaged(_),
                ..
            }
        ));
    }

    #[test]
    fn oversized_file_is_refused_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join(FILE_NAME));
        let file = File::create(store.path()).unwrap();
        file.set_len(MAX_BYTES + 1).unwrap();
        drop(file);
        let LoadOutcome::Recovered {
            problem,
            kept_aside,
            notice,
            ..
        } = store.load::<Notes>()
        else {
            panic!("expected a recovery")
        };
        assert_eq!(
            problem,
            Problem::TooLarge {
                bytes: MAX_BYTES + 1
            }
        );
        assert!(notice.contains("16 MiB"), "{notice}");
        assert_eq!(fs::metadata(&kept_aside).unwrap().len(), MAX_BYTES + 1);
    }

    #[test]
    fn saving_too_much_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join(FILE_NAME));
        store.save(&notes(&["small"])).unwrap();
        let huge = Notes {
            entries: vec!["x".repeat(1024 * 1024); 17],
        };
        assert!(matches!(
            store.save(&huge),
            Err(StoreError::TooLarge { .. })
        ));
        assert_eq!(
            store.load::<Notes>().into_data(),
            notes(&["small"]),
            "old data untouched"
        );
    }

    #[test]
    fn unreadable_path_recovers_without_panicking() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join(FILE_NAME));
        fs::create_dir(store.path()).unwrap();
        fs::write(store.path().join("inside.txt"), b"keep me").unwrap();
        let LoadOutcome::Recovered {
            problem,
            kept_aside,
            ..
        } = store.load::<Notes>()
        else {
            panic!("expected a recovery")
        };
        assert!(matches!(problem, Problem::Unreadable(_)), "{problem:?}");
        assert_eq!(fs::read(kept_aside.join("inside.txt")).unwrap(), b"keep me");
        store.save(&notes(&["fresh"])).unwrap();
        assert_eq!(store.load::<Notes>().into_data(), notes(&["fresh"]));
    }

    #[test]
    fn killed_mid_write_leftover_is_ignored_then_cleaned() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join(FILE_NAME));
        store
            .save(&notes(&["entered a second before the kill"]))
            .unwrap();
        // A save that died after creating its temporary file: half-written content.
        let leftover = dir.path().join(".kneemap.ron.tmp-4242-0");
        fs::write(
            &leftover,
            b"(format: \"kneemap-store\", version: 1, data: (entr",
        )
        .unwrap();
        let young = dir.path().join(".kneemap.ron.tmp-4243-0");
        fs::write(&young, b"(format").unwrap();
        let old = SystemTime::now() - Duration::from_secs(3600);
        File::options()
            .write(true)
            .open(&leftover)
            .unwrap()
            .set_modified(old)
            .unwrap();

        assert_eq!(
            store.load::<Notes>(),
            LoadOutcome::Loaded(notes(&["entered a second before the kill"]))
        );
        store.save(&notes(&["next entry"])).unwrap();
        assert!(!leftover.exists(), "stale temp removed");
        assert!(
            young.exists(),
            "a recent temp may be another window's save in progress"
        );
        assert_eq!(store.load::<Notes>().into_data(), notes(&["next entry"]));
    }

    #[test]
    fn killed_before_the_first_rename_is_still_fresh() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join(FILE_NAME));
        fs::write(
            dir.path().join(".kneemap.ron.tmp-1-0"),
            b"(format: \"kneemap-store\"",
        )
        .unwrap();
        assert_eq!(store.load::<Notes>(), LoadOutcome::Fresh(Notes::default()));
    }

    /// A plan as version 1 stored it.
    #[derive(Debug, Deserialize)]
    struct PlanV1 {
        name: String,
        days_per_week: u8,
    }

    /// The same plan in version 2: renamed field, new field.
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    struct Plan {
        title: String,
        days: Vec<u8>,
    }

    impl Versioned for Plan {
        const CURRENT_VERSION: u32 = 2;
        fn migrate(version: u32, text: &str) -> Result<Self, MigrationError> {
            match version {
                1 => {
                    let old = parse_envelope::<PlanV1>(text)?.data;
                    Ok(Self {
                        title: old.name,
                        days: (1..=old.days_per_week).collect(),
                    })
                }
                other => Err(MigrationError::NoMigration(other)),
            }
        }
    }

    #[test]
    fn migrates_from_version_1() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join(FILE_NAME));
        fs::write(
            store.path(),
            "(format: \"kneemap-store\", version: 1, data: (name: \"Rehab\", days_per_week: 3))",
        )
        .unwrap();
        let plan = store.load::<Plan>().into_data();
        assert_eq!(
            plan,
            Plan {
                title: "Rehab".into(),
                days: vec![1, 2, 3]
            }
        );

        store.save(&plan).unwrap();
        assert!(
            fs::read_to_string(store.path())
                .unwrap()
                .contains("version: 2")
        );
        let v1_backup = &store.backups()[0];
        assert!(
            fs::read_to_string(v1_backup)
                .unwrap()
                .contains("version: 1"),
            "the v1 file is the backup"
        );
        assert_eq!(store.load::<Plan>(), LoadOutcome::Loaded(plan));
    }

    #[test]
    fn failed_migration_is_kept_aside() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join(FILE_NAME));
        fs::write(
            store.path(),
            "(format: \"kneemap-store\", version: 1, data: (nom: \"x\"))",
        )
        .unwrap();
        assert!(matches!(
            store.load::<Plan>(),
            LoadOutcome::Recovered {
                problem: Problem::Damaged(_),
                ..
            }
        ));
    }

    #[test]
    fn restore_backup_validates_and_keeps_the_current_state() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join(FILE_NAME));
        store.save(&notes(&["good"])).unwrap();
        store.save(&notes(&["good", "better"])).unwrap();
        fs::write(store.path(), b"garbage").unwrap();
        let LoadOutcome::Recovered { kept_aside, .. } = store.load::<Notes>() else {
            panic!("expected a recovery")
        };

        let backup = store.latest_good_backup::<Notes>().unwrap();
        assert_eq!(
            store.restore_backup::<Notes>(&backup).unwrap(),
            notes(&["good"])
        );
        assert_eq!(store.load::<Notes>(), LoadOutcome::Loaded(notes(&["good"])));
        assert_eq!(fs::read(&kept_aside).unwrap(), b"garbage");
        assert!(backup.exists(), "the backup itself stays");

        // Restoring over a good main file keeps that file too.
        store.save(&notes(&["later"])).unwrap();
        let oldest = store.backups().last().unwrap().clone();
        assert_eq!(
            store.restore_backup::<Notes>(&oldest).unwrap(),
            notes(&["good"])
        );
        assert_eq!(store.load::<Notes>().into_data(), notes(&["good"]));
        let before: Vec<String> = files_in(dir.path())
            .into_iter()
            .filter(|n| n.starts_with("kneemap.ron.before-restore-"))
            .collect();
        assert_eq!(before.len(), 1, "{:?}", files_in(dir.path()));
        assert!(before.iter().any(|n| {
            read_valid::<Notes>(&dir.path().join(n))
                .unwrap()
                .unwrap()
                .data
                == notes(&["later"])
        }));
    }

    #[test]
    fn restore_refuses_a_bad_backup() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join(FILE_NAME));
        store.save(&notes(&["current"])).unwrap();
        let bad = dir.path().join("kneemap.ron.bak");
        fs::write(&bad, b"broken").unwrap();
        assert!(matches!(
            store.restore_backup::<Notes>(&bad),
            Err(StoreError::Invalid { .. })
        ));
        assert_eq!(
            store.load::<Notes>().into_data(),
            notes(&["current"]),
            "main untouched"
        );
        let message = store
            .restore_backup::<Notes>(&dir.path().join("nope"))
            .unwrap_err()
            .to_string();
        assert!(message.contains("nope"), "{message}");
    }
}
