//! Native file dialogs (`rfd`, XDG portal on Linux) run on their own thread, so drawing never waits for them.
//! The UI keeps a [`DialogHandle`] and calls [`DialogHandle::poll`] each frame. When no dialog service can
//! answer, the result says so and the UI falls back to its typed path field.

use std::path::PathBuf;
use std::sync::mpsc;

/// Which dialog to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogKind {
    /// One or more activity files or Strava `.zip` exports.
    OpenActivityFiles,
    /// A folder (for example an unpacked Strava export).
    OpenFolder,
    /// A `.kneemap-plan` file to import.
    OpenPlanFile,
    /// Where to save a file, with a suggested name.
    SaveFile {
        suggested_name: String,
        extension: String,
    },
}

/// What the dialog gave back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogResult {
    Picked(Vec<PathBuf>),
    /// Closed without choosing, or the dialog service failed silently (rfd reports both the same way).
    Cancelled,
    /// No dialog service is reachable; type a path instead.
    Unavailable(String),
}

/// A dialog running on its own thread.
#[derive(Debug)]
pub struct DialogHandle {
    receiver: mpsc::Receiver<DialogResult>,
    finished: bool,
}

impl DialogHandle {
    /// Opens `kind` on a new thread; `on_done` runs on that thread when it closes (pass a repaint request).
    #[must_use]
    pub fn open(kind: DialogKind, on_done: impl FnOnce() + Send + 'static) -> Self {
        Self::spawn(move || run_dialog(&kind), on_done)
    }

    /// Runs any blocking `work` on a thread and delivers its result through the same polling (used by `open`
    /// and by tests).
    #[must_use]
    pub fn spawn(
        work: impl FnOnce() -> DialogResult + Send + 'static,
        on_done: impl FnOnce() + Send + 'static,
    ) -> Self {
        let (sender, receiver) = mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("file-dialog".into())
            .spawn(move || {
                // The receiver may be gone if the UI dropped the handle; nothing to do then.
                let _ = sender.send(work());
                on_done();
            });
        if let Err(e) = spawned {
            let (sender, receiver) = mpsc::channel();
            let _ = sender.send(DialogResult::Unavailable(format!(
                "cannot start the dialog thread: {e}"
            )));
            return Self {
                receiver,
                finished: false,
            };
        }
        Self {
            receiver,
            finished: false,
        }
    }

    /// The result once the dialog has closed; `None` while it is open (never blocks). Returns the result once.
    pub fn poll(&mut self) -> Option<DialogResult> {
        if self.finished {
            return None;
        }
        match self.receiver.try_recv() {
            Ok(result) => {
                self.finished = true;
                Some(result)
            }
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => {
                self.finished = true;
                Some(DialogResult::Unavailable(
                    "the file dialog stopped unexpectedly".into(),
                ))
            }
        }
    }
}

/// Whether a dialog service could answer: on Linux the portal needs a session bus, the fallback needs zenity.
fn service_available() -> Result<(), String> {
    if !cfg!(target_os = "linux") {
        return Ok(());
    }
    let has_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        || std::env::var_os("XDG_RUNTIME_DIR")
            .is_some_and(|d| PathBuf::from(d).join("bus").exists());
    let has_zenity = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|p| p.join("zenity").is_file()));
    if has_bus || has_zenity {
        Ok(())
    } else {
        Err("No file dialog service (XDG desktop portal or zenity) is available: type the path instead.".into())
    }
}

fn run_dialog(kind: &DialogKind) -> DialogResult {
    if let Err(message) = service_available() {
        return DialogResult::Unavailable(message);
    }
    let picked = match kind {
        DialogKind::OpenActivityFiles => rfd::FileDialog::new()
            .set_title("Import runs")
            .add_filter(
                "Activity files and exports",
                &["gpx", "tcx", "fit", "gz", "zip"],
            )
            .pick_files(),
        DialogKind::OpenPlanFile => rfd::FileDialog::new()
            .set_title("Import a plan")
            .add_filter("KneeMap plan", &[crate::export::PLAN_FILE_EXTENSION])
            .pick_file()
            .map(|p| vec![p]),
        DialogKind::OpenFolder => rfd::FileDialog::new()
            .set_title("Import a folder")
            .pick_folder()
            .map(|p| vec![p]),
        DialogKind::SaveFile {
            suggested_name,
            extension,
        } => rfd::FileDialog::new()
            .set_title("Save")
            .set_file_name(suggested_name)
            .add_filter(extension, &[extension.as_str()])
            .save_file()
            .map(|p| vec![p]),
    };
    match picked {
        Some(paths) if !paths.is_empty() => DialogResult::Picked(paths),
        _ => DialogResult::Cancelled,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Barrier};

    #[test]
    fn poll_never_blocks_and_returns_the_result_once() {
        let gate = Arc::new(Barrier::new(2));
        let worker_gate = Arc::clone(&gate);
        let mut handle = DialogHandle::spawn(
            move || {
                worker_gate.wait();
                DialogResult::Picked(vec![PathBuf::from("/tmp/a.gpx")])
            },
            || {},
        );
        // The worker is parked on the barrier: polling returns at once with nothing.
        assert_eq!(handle.poll(), None);
        gate.wait();
        let result = loop {
            if let Some(result) = handle.poll() {
                break result;
            }
            std::thread::yield_now();
        };
        assert_eq!(
            result,
            DialogResult::Picked(vec![PathBuf::from("/tmp/a.gpx")])
        );
        assert_eq!(handle.poll(), None, "the result comes once");
    }

    #[test]
    fn a_panicking_dialog_reports_unavailable() {
        let mut handle = DialogHandle::spawn(|| panic!("portal crashed"), || {});
        let result = loop {
            if let Some(result) = handle.poll() {
                break result;
            }
            std::thread::yield_now();
        };
        assert!(matches!(result, DialogResult::Unavailable(_)));
    }
}
