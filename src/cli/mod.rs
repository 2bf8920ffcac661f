//! Command-line interface: run the app (optionally on content or data from elsewhere), check content, and the
//! verbs for power users and scripts (`data path|check`, `import`, `runs`, `export`).

pub mod exchange;

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::content::Content;
use crate::document::UserData;
use crate::store::{Store, StoreError};

/// KneeMap: knee pain map, red flags and strength planner for runners (offline, educational).
///
/// `kneemap FILE...` opens the window with the files: a `.kneemap-plan` file on the plan import preview, activity
/// files (GPX, TCX, FIT, also .gz; Strava .zip exports; folders) imported into the run log on the Running tab.
#[derive(Debug, Parser)]
#[command(name = "kneemap", version, about)]
pub struct Cli {
    /// Files to open in the window (what a file manager passes on a double-click).
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Run on the content files in DIR instead of the copy built into the app (for content authors).
    #[arg(long, value_name = "DIR")]
    pub content_dir: Option<PathBuf>,

    /// Keep your data in DIR instead of the platform data folder (portable use, tests).
    #[arg(long, value_name = "DIR", global = true)]
    pub data_dir: Option<PathBuf>,

    /// Validate content and exit: DIR if given, otherwise the built-in copy. Prints every problem as
    /// `file:line:col: message` and exits non-zero, or prints a one-line summary and exits 0.
    #[arg(long, value_name = "DIR", num_args = 0..=1)]
    pub check_content: Option<Option<PathBuf>>,

    #[command(subcommand)]
    pub command: Option<Verb>,
}

/// What to do instead of opening the window.
#[derive(Debug, Subcommand)]
pub enum Verb {
    /// Your data: where it is, and whether it loads.
    Data {
        #[command(subcommand)]
        action: DataAction,
    },
    /// Import activity files (GPX, TCX, FIT, also .gz), folders and Strava exports (.zip or folder) into the run
    /// log, and .kneemap-plan files as new plans. Prints a line per file and a summary; exits 1 if any failed.
    Import {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// List the runs and cross-training in the log (start, sport, metres, seconds, cadence, shoe).
    Runs {
        /// One JSON document instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Export to a file: ics (calendar), pdf (printable sessions), report (for the physio), csv (session logs),
    /// runs-csv, diary-csv (the pain diary, one row per mark), json (all data) or plan (a .kneemap-plan file to
    /// share).
    #[command(long_about = EXPORT_LONG_ABOUT)]
    Export {
        #[arg(value_enum)]
        kind: ExportFormat,
        /// Where to write (replaced atomically; readable by you only).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Which plan (default: the current one); ids are listed by `kneemap data check`.
        #[arg(long, value_name = "ID")]
        plan: Option<u64>,
        /// US Letter paper instead of A4 (pdf, report).
        #[arg(long)]
        letter: bool,
        /// Print only this plan week, 1-based (pdf).
        #[arg(long, value_name = "N")]
        week: Option<usize>,
        /// Author named in a plan file.
        #[arg(long, default_value = "")]
        author: String,
    },
}

/// `kneemap export --help`: the summary, then every column of the diary CSV (see [`crate::export::DIARY_COLUMNS`]).
const EXPORT_LONG_ABOUT: &str = "Export to a file: ics (calendar), pdf (printable sessions), report (for the \
physio), csv (session logs), runs-csv, diary-csv (the pain diary, one row per mark), json (all data) or plan (a \
.kneemap-plan file to share).

diary-csv columns: entry_id, mark (1-based within the entry), local_time (ISO 8601 with the UTC offset), knee \
(left|right), place_kind (spot|region|diffuse), location_id, location (the area in words), view (front|side, spots \
only), x, y (spots: normalised right-knee picture coordinates, 0-1, y down), intensity (0-10), quality \
(ache|sharp|burning|stiff|throbbing), contexts and signs (keys separated by ';'), onset_km, onset_min, run_id, \
note.";

/// The formats `kneemap export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Ics,
    Pdf,
    Report,
    Csv,
    RunsCsv,
    DiaryCsv,
    Json,
    Plan,
}

impl ExportFormat {
    /// The export behind this format.
    pub fn kind(self) -> crate::export::request::ExportKind {
        use crate::export::request::ExportKind;
        match self {
            Self::Ics => ExportKind::Calendar,
            Self::Pdf => ExportKind::Sessions,
            Self::Report => ExportKind::Report,
            Self::Csv => ExportKind::LogsCsv,
            Self::RunsCsv => ExportKind::RunsCsv,
            Self::DiaryCsv => ExportKind::DiaryCsv,
            Self::Json => ExportKind::Json,
            Self::Plan => ExportKind::Plan,
        }
    }
}

/// `kneemap data …`
#[derive(Debug, Subcommand)]
pub enum DataAction {
    /// Print the folder and file that hold your data.
    Path,
    /// Load your data without changing it and print what it holds (plans, logs, ticks) or what is wrong; exits 1
    /// when it cannot be used.
    Check,
    /// For `scripts/crash_test.sh`: save numbered states from FROM on, printing "saved N" after each, until killed.
    #[command(hide = true)]
    CrashWriter {
        #[arg(long)]
        from: u64,
    },
    /// For `scripts/crash_test.sh`: exit 0 when the store holds a state from SAVED (the last reported on disk)
    /// to SUBMITTED (the last handed to the writer; default SAVED + 1).
    #[command(hide = true)]
    CrashCheck {
        #[arg(long)]
        saved: u64,
        #[arg(long)]
        submitted: Option<u64>,
    },
}

impl Cli {
    /// The parsed command line, with `--version` printing [`crate::app::desktop::version_text`] (the version, the
    /// built-in content's review date and the licence); exits on `--help`, `--version` and errors, as clap does.
    pub fn parse_with_version() -> Self {
        use clap::FromArgMatches;
        let matches = Self::command_with_version().get_matches();
        Self::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
    }

    /// The clap command with that `--version` text.
    pub fn command_with_version() -> clap::Command {
        use clap::CommandFactory;
        Self::command().version(crate::app::desktop::version_text())
    }
}

/// What a verb prints and how it exits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub ok: bool,
    /// Lines for standard output (when ok) or standard error.
    pub lines: Vec<String>,
}

/// The store for `--data-dir`, or the platform data folder.
pub fn store_for(data_dir: Option<&Path>) -> Result<Store, StoreError> {
    match data_dir {
        Some(dir) => Ok(Store::in_dir(dir)),
        None => Store::open_default(),
    }
}

impl Report {
    /// A failure with one line.
    pub fn failed(line: impl Into<String>) -> Self {
        Self {
            ok: false,
            lines: vec![line.into()],
        }
    }
}

/// The store for `data_dir` and what it holds, read without changing anything (`None`: nothing saved yet); a
/// damaged or unreadable file is a failed report that says nothing was changed.
pub fn read_store(data_dir: Option<&Path>) -> Result<(Store, Option<UserData>), Report> {
    let store = store_for(data_dir).map_err(|e| Report::failed(e.to_string()))?;
    match store.inspect::<UserData>() {
        Ok(found) => Ok((store, found)),
        Err(problem) => Err(Report::failed(format!(
            "{}: cannot be used: {}. Nothing was changed; the app keeps a damaged file aside and offers the last \
             good backup when it starts.",
            store.path().display(),
            problem.reason()
        ))),
    }
}

/// `kneemap data path`.
pub fn data_path(data_dir: Option<&Path>) -> Report {
    match store_for(data_dir) {
        Ok(store) => Report {
            ok: true,
            lines: vec![
                format!("folder: {}", store.dir().display()),
                format!("file: {}", store.path().display()),
            ],
        },
        Err(e) => Report {
            ok: false,
            lines: vec![e.to_string()],
        },
    }
}

/// `kneemap data check`: reads the file and changes nothing, even when it is damaged.
pub fn data_check(data_dir: Option<&Path>) -> Report {
    match read_store(data_dir) {
        Ok((store, None)) => Report {
            ok: true,
            lines: vec![format!(
                "{}: no data yet (KneeMap creates it on the first change)",
                store.path().display()
            )],
        },
        Ok((store, Some(data))) => {
            let mut lines = vec![format!("{}: OK", store.path().display())];
            lines.extend(data.summary_lines().into_iter().map(|l| format!("  {l}")));
            Report { ok: true, lines }
        }
        Err(report) => report,
    }
}

/// The state the crash test's writer saves as number `n`: distinct for every `n`, and touching map state, red-flag
/// ticks and planner settings, so a mix of two saves would be caught.
pub fn crash_test_state(n: u64) -> UserData {
    let mut data = UserData::default();
    data.map.yes_answers.insert(format!("answer-{n}"));
    if n.is_multiple_of(2) {
        data.triage = crate::triage::TriageState::from_ticked_and_events(
            &std::collections::BTreeSet::from(["persistent_pain".to_owned()]),
            Vec::new(),
            None,
            false,
        );
    }
    data.planner.get_ready_secs = u16::try_from(n % 60).unwrap_or(0);
    data.eframe_state_imported = true;
    data
}

/// `kneemap data crash-writer`: hands states `from`, `from + 1`, … to the same background writer thread the app
/// saves through, one every millisecond, printing "submitted N" before each hand-over and "saved N" when a write
/// of state N is on disk. States that arrive during a write are merged, as in the app, so the kill lands while the
/// writer thread is mid-write and the main thread is still handing over newer states.
pub fn crash_writer(data_dir: Option<&Path>, from: u64) -> Report {
    use std::io::Write as _;
    let store = match store_for(data_dir) {
        Ok(store) => store,
        Err(e) => return Report::failed(e.to_string()),
    };
    let (failed_sender, failed) = std::sync::mpsc::channel();
    let first_generation_state = from.saturating_sub(1);
    let writer = crate::store::BackgroundWriter::spawn(
        crate::store::SessionWriter::new(store),
        move |report: crate::store::WriteReport| {
            let n = first_generation_state + report.generation;
            match report.result {
                Ok(()) => {
                    let mut out = std::io::stdout().lock();
                    let _ = writeln!(out, "saved {n}").and_then(|()| out.flush());
                }
                Err(e) => {
                    let _ = failed_sender.send(format!("save {n} failed: {e}"));
                }
            }
        },
    );
    let writer = match writer {
        Ok(writer) => writer,
        Err((e, _)) => return Report::failed(format!("could not start the writer thread: {e}")),
    };
    for n in from.. {
        if let Ok(line) = failed.try_recv() {
            return Report::failed(line);
        }
        let mut out = std::io::stdout().lock();
        if writeln!(out, "submitted {n}")
            .and_then(|()| out.flush())
            .is_err()
        {
            break;
        }
        drop(out);
        writer.submit(crash_test_state(n));
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    Report {
        ok: true,
        lines: Vec::new(),
    }
}

/// `kneemap data crash-check`: the store must hold a state from `saved` (the last one reported on disk) to
/// `submitted` (the last one handed to the writer, default `saved + 1`); 0 means nothing was saved yet, so no file
/// is also fine.
pub fn crash_check(data_dir: Option<&Path>, saved: u64, submitted: Option<u64>) -> Report {
    let fail = |line: String| Report {
        ok: false,
        lines: vec![line],
    };
    let store = match store_for(data_dir) {
        Ok(store) => store,
        Err(e) => return fail(e.to_string()),
    };
    let submitted = submitted.unwrap_or(saved + 1).max(saved);
    match store.inspect::<UserData>() {
        Ok(None) if saved == 0 => Report {
            ok: true,
            lines: vec!["no file yet".to_owned()],
        },
        Ok(None) => fail(format!("state {saved} was saved, but there is no file")),
        Ok(Some(data)) => {
            let found = (saved.max(1)..=submitted).find(|n| crash_test_state(*n) == data);
            match found {
                Some(n) => Report {
                    ok: true,
                    lines: vec![format!("state {n}")],
                },
                None => fail(format!(
                    "the store holds none of the states {saved} to {submitted}"
                )),
            }
        }
        Err(problem) => fail(format!("the store cannot be loaded: {}", problem.reason())),
    }
}

/// Validates the content in `dir` (or the built-in copy).
pub fn check_content(dir: Option<&Path>) -> Report {
    match load_content(dir) {
        Ok(content) => Report {
            ok: true,
            lines: vec![content.summary()],
        },
        Err(errors) => {
            let mut lines: Vec<String> = errors.0.iter().map(ToString::to_string).collect();
            lines.push(format!("{} problem(s) found", errors.0.len()));
            Report { ok: false, lines }
        }
    }
}

/// Loads the content the app should run on.
pub fn load_content(content_dir: Option<&Path>) -> Result<Content, crate::content::ContentErrors> {
    match content_dir {
        Some(dir) => Content::from_dir(dir),
        None => Content::embedded(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_parse() {
        let cli = Cli::try_parse_from(["kneemap", "--check-content"]).unwrap();
        assert_eq!(cli.check_content, Some(None));
        let cli = Cli::try_parse_from(["kneemap", "--check-content", "content"]).unwrap();
        assert_eq!(cli.check_content, Some(Some(PathBuf::from("content"))));
        let cli = Cli::try_parse_from(["kneemap", "--content-dir", "x"]).unwrap();
        assert_eq!(cli.content_dir, Some(PathBuf::from("x")));
        assert!(Cli::try_parse_from(["kneemap", "--bogus"]).is_err());
        let cli = Cli::try_parse_from(["kneemap", "data", "check", "--data-dir", "d"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Verb::Data {
                action: DataAction::Check
            })
        ));
        assert_eq!(cli.data_dir, Some(PathBuf::from("d")));
        let cli = Cli::try_parse_from(["kneemap", "--data-dir", "d", "data", "path"]).unwrap();
        assert_eq!(cli.data_dir, Some(PathBuf::from("d")));
        assert!(cli.files.is_empty());
    }

    #[test]
    fn files_open_the_window_and_never_shadow_a_verb() {
        let cli =
            Cli::try_parse_from(["kneemap", "plan.kneemap-plan", "run.gpx", "--data-dir", "d"])
                .unwrap();
        assert!(cli.command.is_none());
        assert_eq!(
            cli.files,
            [PathBuf::from("plan.kneemap-plan"), PathBuf::from("run.gpx")]
        );
        assert_eq!(cli.data_dir, Some(PathBuf::from("d")));
        // A verb's name is the verb; a file of that name is opened as ./data.
        let cli = Cli::try_parse_from(["kneemap", "data", "path"]).unwrap();
        assert!(cli.files.is_empty());
        assert!(matches!(cli.command, Some(Verb::Data { .. })));
        let cli = Cli::try_parse_from(["kneemap", "./data"]).unwrap();
        assert_eq!(cli.files, [PathBuf::from("./data")]);
        // After the first file every word is a file (a file manager may pass one named "import").
        let cli = Cli::try_parse_from(["kneemap", "run.gpx", "import", "x.gpx"]).unwrap();
        assert!(cli.command.is_none());
        assert_eq!(cli.files.len(), 3);
        let cli = Cli::try_parse_from(["kneemap", "import", "run.gpx", "x.gpx"]).unwrap();
        assert!(cli.files.is_empty());
        assert!(matches!(cli.command, Some(Verb::Import { ref paths }) if paths.len() == 2));
    }

    #[test]
    fn version_prints_the_review_date() {
        let error = Cli::command_with_version()
            .try_get_matches_from(["kneemap", "--version"])
            .unwrap_err();
        assert_eq!(error.kind(), clap::error::ErrorKind::DisplayVersion);
        let printed = error.to_string();
        assert!(
            printed.starts_with(&format!(
                "kneemap {}\ncontent reviewed 20",
                env!("CARGO_PKG_VERSION")
            )),
            "{printed}"
        );
    }

    #[test]
    fn built_in_content_checks_clean() {
        let report = check_content(None);
        assert!(report.ok, "{:?}", report.lines);
        assert_eq!(report.lines.len(), 1);
        assert!(report.lines[0].starts_with("content OK"));
    }

    #[test]
    fn content_folder_on_disk_checks_clean() {
        // What `kneemap --check-content content` checks in CI, without building the binary again.
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let report = check_content(Some(&dir));
        assert!(report.ok, "{:?}", report.lines);
    }

    #[test]
    fn missing_directory_reports_every_file() {
        let report = check_content(Some(Path::new("/definitely/not/here")));
        assert!(!report.ok);
        assert!(report.lines.iter().any(|l| l.contains("conditions.ron")));
        assert!(report.lines.len() >= 8);
    }

    #[test]
    fn data_path_and_check_on_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let path = data_path(Some(dir.path()));
        assert!(path.ok);
        assert!(path.lines[1].ends_with("kneemap.ron"), "{:?}", path.lines);

        let empty = data_check(Some(dir.path()));
        assert!(empty.ok);
        assert!(empty.lines[0].contains("no data yet"));

        let data = UserData {
            triage: crate::triage::TriageState::from_ticked_and_events(
                &std::collections::BTreeSet::from(["cannot_bear_weight".to_owned()]),
                Vec::new(),
                None,
                false,
            ),
            ..UserData::default()
        };
        Store::in_dir(dir.path()).save(&data).unwrap();
        let good = data_check(Some(dir.path()));
        assert!(good.ok, "{:?}", good.lines);
        assert!(
            good.lines
                .iter()
                .any(|l| l.contains("red flags ticked: cannot_bear_weight"))
        );

        let file = dir.path().join(crate::store::FILE_NAME);
        std::fs::write(
            &file,
            "(format: \"kneemap-store\", version: 3, data: (map: (view: Sideways",
        )
        .unwrap();
        let bad = data_check(Some(dir.path()));
        assert!(!bad.ok);
        assert!(bad.lines[0].contains("cannot be used"), "{:?}", bad.lines);
        assert!(file.exists(), "check never moves the file");
    }
}
