//! `kneemap import`, `kneemap runs` and `kneemap export`: the same import and export functions the app uses,
//! on the data folder, for scripts and power users. Changes go through `Document::apply`, as the app's do; its
//! effects (reading activity files) run here in the foreground. A damaged data file is never changed here: the app
//! keeps it aside and offers the last good backup.

use std::path::{Path, PathBuf};

use chrono::Utc;

use super::{Report, read_store};
use crate::command::{AppCommand, Effect};
use crate::content::Content;
use crate::document::{Document, UserData, When};
use crate::export::request::read_plan_file;
use crate::export::request::{ExportKind, ExportRequest, export_bytes};
use crate::export::{PLAN_FILE_EXTENSION, Paper, PrintRange};
use crate::running::RunningCommand;
use crate::running::import::import_paths;
use crate::store::Store;

/// Loads the data for a command that changes it; a missing file is an empty start, a damaged one stops here.
fn load_for_change(data_dir: Option<&Path>) -> Result<(Store, UserData), Report> {
    read_store(data_dir).map(|(store, found)| (store, found.unwrap_or_default()))
}

/// A `.kneemap-plan` file, by its name (also how the window sorts the files it is started with).
pub(crate) fn is_plan_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(PLAN_FILE_EXTENSION))
}

/// `kneemap import PATH...`: activity files, folders and Strava exports go to the run log; `.kneemap-plan` files
/// become new plans (the current plan is kept as an earlier plan). One line per file, then a summary; ok when every
/// file was imported or already there.
pub fn import(data_dir: Option<&Path>, paths: &[PathBuf], content: &Content) -> Report {
    let (store, data) = match load_for_change(data_dir) {
        Ok(loaded) => loaded,
        Err(report) => return report,
    };
    let mut document = Document::new(data);
    let when = When {
        now_utc: Utc::now(),
        today: chrono::Local::now().date_naive(),
        pointer_held: false,
    };
    let (plan_files, activity_paths): (Vec<&PathBuf>, Vec<&PathBuf>) =
        paths.iter().partition(|p| is_plan_file(p));
    let mut lines = Vec::new();
    let mut ok = true;
    let mut changed = false;
    for path in plan_files {
        match import_plan_file(path, &mut document, content, &when) {
            Ok(line) => {
                changed = true;
                lines.push(line);
            }
            Err(line) => {
                ok = false;
                lines.push(line);
            }
        }
    }
    if !activity_paths.is_empty() {
        let owned: Vec<PathBuf> = activity_paths.into_iter().cloned().collect();
        let command = AppCommand::Running(RunningCommand::ImportFiles(owned));
        // The document says what to read and under which limits; the files are read here, as the app's import
        // job reads them, and the result is merged as the app merges a finished job.
        for effect in document.apply(content, command, &when).effects {
            if let Effect::ImportFiles { paths, limits } = effect {
                let report = document
                    .data
                    .merge_activities(import_paths(&paths, &limits));
                lines.extend(report.lines.iter().map(ToString::to_string));
                lines.push(report.summary());
                ok &= report.all_ok();
                changed |= report.activities_added > 0;
            }
        }
    }
    if changed && let Err(e) = store.save(&document.data) {
        return Report {
            ok: false,
            lines: vec![format!("nothing was saved: {e}")],
        };
    }
    Report { ok, lines }
}

fn import_plan_file(
    path: &Path,
    document: &mut Document,
    content: &Content,
    when: &When,
) -> Result<String, String> {
    let label = path.display();
    let imported = read_plan_file(path, content).map_err(|reasons| {
        format!(
            "{label}: refused, nothing imported:\n  {}",
            reasons.join("\n  ")
        )
    })?;
    let name = imported.plan.name.clone();
    let command = AppCommand::AddImportedPlan {
        imported,
        keep_current: true,
    };
    let applied = document.apply(content, command, when);
    match applied.refused {
        Some(reason) => Err(format!("{label}: refused: {reason}")),
        None if applied.changed => Ok(format!(
            "{label}: imported the plan \"{name}\" as the current plan"
        )),
        None => Err(format!("{label}: nothing to import")),
    }
}

/// `kneemap runs [--json]`.
pub fn runs(data_dir: Option<&Path>, json: bool) -> Report {
    match read_store(data_dir) {
        Ok((_, found)) => Report {
            ok: true,
            lines: vec![
                crate::running::listing::format_runs(&found.unwrap_or_default().running, json)
                    .trim_end()
                    .to_owned(),
            ],
        },
        Err(report) => report,
    }
}

/// What `kneemap export` was asked for.
#[derive(Debug, Clone)]
pub struct ExportArgs {
    pub kind: ExportKind,
    pub out: PathBuf,
    pub plan_id: Option<u64>,
    pub letter: bool,
    /// 1-based week to print, or the whole plan.
    pub week: Option<usize>,
    pub author: String,
}

/// `kneemap export KIND --out FILE`: writes atomically, readable by its owner only.
pub fn export(data_dir: Option<&Path>, args: &ExportArgs, content: &Content) -> Report {
    let data = match read_store(data_dir) {
        Ok((_, found)) => found.unwrap_or_default(),
        Err(report) => return report,
    };
    let mut request = ExportRequest::new(args.kind);
    request.plan_id = args.plan_id;
    request.paper = if args.letter {
        Paper::Letter
    } else {
        Paper::A4
    };
    if let Some(week) = args.week {
        request.range = PrintRange::Week(week.saturating_sub(1));
    }
    request.author.clone_from(&args.author);
    let today = chrono::Local::now().date_naive();
    match export_bytes(&data, content, &request, Utc::now(), today) {
        Ok(bytes) => match crate::store::write_atomically(&args.out, &bytes) {
            Ok(()) => Report {
                ok: true,
                lines: vec![format!(
                    "wrote {} ({} bytes) to {}",
                    args.kind.label(),
                    bytes.len(),
                    args.out.display()
                )],
            },
            Err(e) => Report::failed(format!("could not write {}: {e}", args.out.display())),
        },
        Err(e) => Report::failed(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::planner::{Applied, PlannerCommand};
    use crate::triage::Safety;

    fn fixtures() -> Option<PathBuf> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures");
        if dir.is_dir() {
            Some(dir)
        } else {
            // CI sets KNEEMAP_REQUIRE_FIXTURES=1: there a missing folder fails instead of skipping.
            assert!(
                std::env::var_os("KNEEMAP_REQUIRE_FIXTURES").is_none_or(|v| v != "1"),
                "KNEEMAP_REQUIRE_FIXTURES=1 but ../shared/fixtures is missing"
            );
            eprintln!("skipped: ../shared/fixtures is not here");
            None
        }
    }

    #[test]
    fn import_then_again_adds_nothing_and_a_bad_file_fails_the_batch() {
        let Some(fixtures) = fixtures() else { return };
        let content = Content::embedded().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let gpx = fixtures.join("gpx/garmin-activity.gpx");
        let first = import(Some(dir.path()), std::slice::from_ref(&gpx), &content);
        assert!(first.ok, "{:?}", first.lines);
        let again = import(Some(dir.path()), std::slice::from_ref(&gpx), &content);
        assert!(again.ok, "already there is fine: {:?}", again.lines);
        assert!(again.lines.iter().any(|l| l.contains("already there")));
        let broken = fixtures.join("fit/activity-settings-corruptheader.fit");
        let mixed = import(Some(dir.path()), &[broken, gpx], &content);
        assert!(!mixed.ok);
        let listed = runs(Some(dir.path()), false);
        assert!(listed.ok);
        assert_eq!(
            Store::in_dir(dir.path())
                .inspect::<UserData>()
                .unwrap()
                .unwrap()
                .running
                .runs
                .len(),
            1
        );
    }

    #[test]
    fn plan_files_round_trip_through_export_and_import() {
        let content = Content::embedded().unwrap();
        let source = tempfile::tempdir().unwrap();
        let mut data = UserData::default();
        let options = crate::planner::GenerateOptions::new(
            "it_band_syndrome",
            chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
        );
        assert_eq!(
            data.planner
                .apply(&content, PlannerCommand::Generate(options), Safety::CLEAR),
            Applied::Changed
        );
        Store::in_dir(source.path()).save(&data).unwrap();
        let out = source.path().join("shared.kneemap-plan");
        let args = ExportArgs {
            kind: ExportKind::Plan,
            out: out.clone(),
            plan_id: None,
            letter: false,
            week: None,
            author: "A. Physio".to_owned(),
        };
        let written = export(Some(source.path()), &args, &content);
        assert!(written.ok, "{:?}", written.lines);

        let target = tempfile::tempdir().unwrap();
        let imported = import(Some(target.path()), std::slice::from_ref(&out), &content);
        assert!(imported.ok, "{:?}", imported.lines);
        let loaded = Store::in_dir(target.path())
            .inspect::<UserData>()
            .unwrap()
            .unwrap();
        let plan = loaded.planner.plan.unwrap();
        assert_eq!(plan.weeks, data.planner.plan.as_ref().unwrap().weeks);

        std::fs::write(&out, "(format: \"kneemap-plan\", version: 99)").unwrap();
        let refused = import(Some(target.path()), &[out], &content);
        assert!(!refused.ok);
        assert!(refused.lines[0].contains("refused"), "{:?}", refused.lines);
    }

    #[test]
    fn a_damaged_store_is_never_changed_by_the_command_line() {
        let content = Content::embedded().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(crate::store::FILE_NAME);
        std::fs::write(&file, "garbage").unwrap();
        let report = import(Some(dir.path()), &[dir.path().join("x.gpx")], &content);
        assert!(!report.ok);
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "garbage");
    }
}
