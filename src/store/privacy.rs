//! Keeps health data readable by its owner only: private folder and file modes on Unix, and the start-up check
//! that tightens looser modes.

use std::fs::{self, OpenOptions};
use std::io;
use std::path::Path;

/// Mode of the data folder on Unix: owner only.
pub const DIR_MODE: u32 = 0o700;
/// Mode of every file KneeMap writes on Unix: owner read and write.
pub const FILE_MODE: u32 = 0o600;

/// Options for a new file that must not exist yet, created with [`FILE_MODE`].
pub fn private_file_options() -> OpenOptions {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(FILE_MODE);
    }
    options
}

/// Creates `dir` and any missing parents; folders created here get [`DIR_MODE`], and `dir` itself is tightened
/// if it already existed with a looser mode.
pub fn create_private_dir_all(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        fs::DirBuilder::new()
            .recursive(true)
            .mode(DIR_MODE)
            .create(dir)?;
        set_mode_if_looser(dir, DIR_MODE)?;
        Ok(())
    }
    #[cfg(not(unix))]
    fs::create_dir_all(dir)
}

/// Tightens `dir` to [`DIR_MODE`] and every regular file directly in it to [`FILE_MODE`] where they are looser.
/// Returns a line per path changed or not changeable. A missing folder is fine (nothing saved yet).
pub fn tighten(dir: &Path) -> Vec<String> {
    let mut report = Vec::new();
    #[cfg(unix)]
    {
        if !dir.is_dir() {
            return report;
        }
        note(&mut report, dir, set_mode_if_looser(dir, DIR_MODE));
        let Ok(entries) = fs::read_dir(dir) else {
            return report;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if entry.file_type().is_ok_and(|t| t.is_file()) {
                note(&mut report, &path, set_mode_if_looser(&path, FILE_MODE));
            }
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
    report
}

#[cfg(unix)]
fn note(report: &mut Vec<String>, path: &Path, result: io::Result<bool>) {
    match result {
        Ok(true) => report.push(format!("made {} private to you", path.display())),
        Ok(false) => {}
        Err(e) => report.push(format!("could not make {} private: {e}", path.display())),
    }
}

/// Sets `mode` when the current permissions grant anything `mode` does not. Returns whether it changed them.
#[cfg(unix)]
fn set_mode_if_looser(path: &Path, mode: u32) -> io::Result<bool> {
    use std::os::unix::fs::PermissionsExt;
    let current = fs::metadata(path)?.permissions().mode() & 0o777;
    if current & !mode == 0 {
        return Ok(false);
    }
    fs::set_permissions(path, fs::Permissions::from_mode(mode))?;
    Ok(true)
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn new_folders_and_files_are_private() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("a").join("kneemap");
        create_private_dir_all(&dir).unwrap();
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(&root.path().join("a")), 0o700);
        let file = dir.join("x.ron");
        private_file_options().open(&file).unwrap();
        assert_eq!(mode(&file), 0o600);
    }

    #[test]
    fn looser_modes_are_tightened_and_reported() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("kneemap");
        fs::create_dir(&dir).unwrap();
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
        let loose = dir.join("kneemap.ron");
        fs::write(&loose, "x").unwrap();
        fs::set_permissions(&loose, fs::Permissions::from_mode(0o644)).unwrap();
        let tight = dir.join("kneemap.ron.bak");
        fs::write(&tight, "x").unwrap();
        fs::set_permissions(&tight, fs::Permissions::from_mode(0o400)).unwrap();

        let report = tighten(&dir);
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(&loose), 0o600);
        assert_eq!(mode(&tight), 0o400, "stricter modes are left alone");
        assert_eq!(report.len(), 2, "{report:?}");
        assert!(tighten(&dir).is_empty(), "second pass changes nothing");
    }

    #[test]
    fn missing_folder_is_fine() {
        assert!(tighten(Path::new("/definitely/not/here")).is_empty());
    }
}
