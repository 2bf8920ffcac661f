//! Work that reads or writes files runs on its own thread, never inside `ui()`: imports of activity files and
//! exports. Each job sends one [`JobDone`] back; `logic()` collects them and applies the results.

use std::sync::mpsc;

use crate::running::import::ImportBatch;

/// What a finished job hands back.
#[derive(Debug)]
pub enum JobDone {
    /// Activity files read and checked; merging into the run log happens on the UI thread.
    Imported(ImportBatch),
    /// A file was written (or not): a line for the user.
    Wrote(Result<String, String>),
    /// A plan file was read and checked whole: the plan to preview, or every reason it was refused.
    PlanRead(Result<Box<crate::export::ImportedPlan>, Vec<String>>),
}

/// Background jobs and the channel they report on.
#[derive(Debug)]
pub struct Jobs {
    sender: mpsc::Sender<JobDone>,
    receiver: mpsc::Receiver<JobDone>,
    running: usize,
}

impl Default for Jobs {
    fn default() -> Self {
        let (sender, receiver) = mpsc::channel();
        Self {
            sender,
            receiver,
            running: 0,
        }
    }
}

impl Jobs {
    /// Runs `work` on a new thread; `wake` runs after it finishes (pass a repaint request).
    pub fn spawn(
        &mut self,
        name: &str,
        work: impl FnOnce() -> JobDone + Send + 'static,
        wake: impl FnOnce() + Send + 'static,
    ) {
        let sender = self.sender.clone();
        let spawned = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                // The app may have closed; then nobody needs the result.
                let _ = sender.send(work());
                wake();
            });
        match spawned {
            Ok(_) => self.running += 1,
            Err(e) => {
                let _ = self
                    .sender
                    .send(JobDone::Wrote(Err(format!("could not start {name}: {e}"))));
            }
        }
    }

    /// The jobs that finished since the last call (never blocks).
    pub fn finished(&mut self) -> Vec<JobDone> {
        let done: Vec<JobDone> = self.receiver.try_iter().collect();
        self.running = self.running.saturating_sub(done.len());
        done
    }

    /// Waits for every running job (tests and the command line).
    pub fn wait_all(&mut self) -> Vec<JobDone> {
        let mut done = Vec::new();
        while self.running > 0 {
            match self.receiver.recv() {
                Ok(job) => {
                    self.running -= 1;
                    done.push(job);
                }
                Err(_) => break,
            }
        }
        done
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jobs_report_back_once_each() {
        let mut jobs = Jobs::default();
        jobs.spawn("one", || JobDone::Wrote(Ok("a".into())), || {});
        jobs.spawn("two", || JobDone::Wrote(Err("b".into())), || {});
        let done = jobs.wait_all();
        assert_eq!(done.len(), 2);
        assert!(jobs.finished().is_empty());
    }
}
