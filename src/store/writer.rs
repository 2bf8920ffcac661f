//! The background writer: saves happen on their own thread, so a slow disk never stalls a frame. The UI thread
//! hands over the latest snapshot and returns; snapshots that arrive while a write is in flight replace each
//! other, so only the newest is written next. Each finished write is reported back (the app collects the reports
//! in `logic()`), and dropping the writer waits for the last write.

use std::io;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

use super::file::{SessionWriter, StoreError, Versioned};

/// One finished write, in the order they happened.
#[derive(Debug)]
pub struct WriteReport {
    /// The [`BackgroundWriter::submit`] call this write saved (later ones may have been merged into it).
    pub generation: u64,
    pub result: Result<(), StoreError>,
}

/// Saves snapshots of `T` through one [`SessionWriter`] on a thread of its own.
#[derive(Debug)]
pub struct BackgroundWriter<T> {
    shared: Arc<Shared<T>>,
    thread: Option<JoinHandle<()>>,
}

#[derive(Debug)]
struct Shared<T> {
    slot: Mutex<Slot<T>>,
    changed: Condvar,
}

#[derive(Debug)]
struct Slot<T> {
    /// The newest snapshot not yet taken by the writer.
    pending: Option<T>,
    /// How many snapshots were submitted.
    submitted: u64,
    /// The generation of the last finished write.
    finished: u64,
    /// No more snapshots: write what is pending, then stop.
    closing: bool,
}

impl<T> Shared<T> {
    fn lock(&self) -> MutexGuard<'_, Slot<T>> {
        // A panic while holding the lock leaves plain data behind: still usable.
        self.slot.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl<T: Versioned + Send + 'static> BackgroundWriter<T> {
    /// Starts the thread. `report` runs on it after every write (send the report to the UI and wake it). When no
    /// thread can be started, the session writer is handed back with the reason, to save without one.
    pub fn spawn(
        writer: SessionWriter,
        mut report: impl FnMut(WriteReport) + Send + 'static,
    ) -> Result<Self, (io::Error, Box<SessionWriter>)> {
        let shared = Arc::new(Shared {
            slot: Mutex::new(Slot {
                pending: None,
                submitted: 0,
                finished: 0,
                closing: false,
            }),
            changed: Condvar::new(),
        });
        let theirs = Arc::clone(&shared);
        // The writer moves into the thread only once the thread runs; if none can start, it comes back from here.
        let store = writer.store().clone();
        let handover = Arc::new(Mutex::new(Some(writer)));
        let handover_theirs = Arc::clone(&handover);
        let spawned = std::thread::Builder::new()
            .name("kneemap-store-writer".to_owned())
            .spawn(move || {
                let writer = handover_theirs
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .take();
                if let Some(writer) = writer {
                    run(&theirs, writer, &mut report);
                }
            });
        match spawned {
            Ok(thread) => Ok(Self {
                shared,
                thread: Some(thread),
            }),
            Err(e) => {
                let writer = handover
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .take()
                    .unwrap_or_else(|| SessionWriter::new(store));
                Err((e, Box::new(writer)))
            }
        }
    }

    /// Hands over the newest snapshot, replacing any the writer has not started on, and returns at once with
    /// its generation.
    pub fn submit(&self, data: T) -> u64 {
        let mut slot = self.shared.lock();
        slot.pending = Some(data);
        slot.submitted += 1;
        let generation = slot.submitted;
        drop(slot);
        self.shared.changed.notify_all();
        generation
    }

    /// Every submitted snapshot is on disk (or its write failed and was reported).
    pub fn is_idle(&self) -> bool {
        let slot = self.shared.lock();
        slot.finished >= slot.submitted
    }

    /// Waits until [`Self::is_idle`] (closing the window, restoring a backup, tests). Returns early if the thread
    /// has died, which only a bug can cause.
    pub fn wait_idle(&self) {
        let mut slot = self.shared.lock();
        while slot.finished < slot.submitted {
            if self.thread.as_ref().is_none_or(JoinHandle::is_finished) {
                return;
            }
            slot = self
                .shared
                .changed
                .wait_timeout(slot, Duration::from_millis(100))
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }
}

impl<T> Drop for BackgroundWriter<T> {
    /// Writes what is pending, then stops the thread and waits for it.
    fn drop(&mut self) {
        self.shared.lock().closing = true;
        self.shared.changed.notify_all();
        if let Some(thread) = self.thread.take() {
            // A panic on the writer thread has already been printed; nothing more to do while closing.
            let _ = thread.join();
        }
    }
}

/// The writer thread: waits for a snapshot, writes it, reports, and again, until closed with nothing pending.
fn run<T: Versioned>(
    shared: &Shared<T>,
    mut writer: SessionWriter,
    report: &mut impl FnMut(WriteReport),
) {
    loop {
        let (generation, data) = {
            let mut slot = shared.lock();
            while slot.pending.is_none() && !slot.closing {
                slot = shared
                    .changed
                    .wait(slot)
                    .unwrap_or_else(PoisonError::into_inner);
            }
            match slot.pending.take() {
                Some(data) => (slot.submitted, data),
                None => return,
            }
        };
        let result = writer.write(&data);
        drop(data);
        // Reported before it counts as finished: whoever waited for it finds the report already sent.
        report(WriteReport { generation, result });
        shared.lock().finished = generation;
        shared.changed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;

    use serde::{Deserialize, Serialize};

    use super::*;
    use crate::store::file::{InjectedFault, Store};

    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    struct Counter {
        n: u64,
    }

    impl Versioned for Counter {
        const CURRENT_VERSION: u32 = 1;
        fn migrate(version: u32, _text: &str) -> Result<Self, crate::store::MigrationError> {
            Err(crate::store::MigrationError::NoMigration(version))
        }
    }

    fn writer_on(store: Store) -> (BackgroundWriter<Counter>, mpsc::Receiver<WriteReport>) {
        let (sender, receiver) = mpsc::channel();
        let writer = BackgroundWriter::spawn(SessionWriter::new(store), move |report| {
            let _ = sender.send(report);
        })
        .unwrap();
        (writer, receiver)
    }

    #[test]
    fn snapshots_arriving_during_a_write_are_merged_into_one_write_of_the_newest() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::in_dir(dir.path()).with_rename_delay(Duration::from_millis(150));
        let (writer, reports) = writer_on(store.clone());
        writer.submit(Counter { n: 1 });
        // Wait until the first write has been taken, then pile up snapshots behind it.
        while writer.shared.lock().pending.is_some() {
            std::thread::yield_now();
        }
        for n in 2..=20 {
            writer.submit(Counter { n });
        }
        assert!(!writer.is_idle(), "the first write is still in flight");
        writer.wait_idle();
        assert!(writer.is_idle());
        let done: Vec<WriteReport> = reports.try_iter().collect();
        assert_eq!(
            done.iter().map(|r| r.generation).collect::<Vec<_>>(),
            [1, 20],
            "two writes for twenty snapshots"
        );
        assert!(done.iter().all(|r| r.result.is_ok()));
        assert_eq!(store.load::<Counter>().into_data(), Counter { n: 20 });
    }

    #[test]
    fn dropping_the_writer_writes_the_last_snapshot_first() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::in_dir(dir.path()).with_rename_delay(Duration::from_millis(50));
        let (writer, _reports) = writer_on(store.clone());
        for n in 1..=5 {
            writer.submit(Counter { n });
        }
        drop(writer);
        assert_eq!(store.load::<Counter>().into_data(), Counter { n: 5 });
    }

    #[test]
    fn a_failed_write_is_reported_and_the_next_snapshot_tries_again() {
        let dir = tempfile::tempdir().unwrap();
        let (writer, reports) =
            writer_on(Store::in_dir(dir.path()).with_injected_fault(Some(InjectedFault::DiskFull)));
        writer.submit(Counter { n: 1 });
        writer.wait_idle();
        let failed = reports.try_recv().unwrap();
        assert!(
            matches!(failed.result, Err(StoreError::Write { .. })),
            "{failed:?}"
        );
        writer.submit(Counter { n: 2 });
        writer.wait_idle();
        assert!(reports.try_recv().unwrap().result.is_err(), "retried");
        assert!(!Store::in_dir(dir.path()).path().exists());
    }
}
