//! Undo and redo of plan edits: each edit that changed the plan keeps the plan as it was, so Ctrl+Z puts it back
//! and Ctrl+Shift+Z does it again. Logs, progression history and settings are not edits and are never undone.

use super::model::Plan;

/// Most edits remembered; the oldest is forgotten beyond this.
pub const MAX_UNDO_STEPS: usize = 100;

/// The plans before (undo) and after (redo) the remembered edits.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanHistory {
    undo: Vec<Option<Plan>>,
    redo: Vec<Option<Plan>>,
}

impl PlanHistory {
    /// Remembers `before` as the plan an edit changed; a new edit forgets what could be redone.
    pub fn record(&mut self, before: Option<Plan>) {
        self.undo.push(before);
        if self.undo.len() > MAX_UNDO_STEPS {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Puts the plan before the last edit back into `plan`. False when there is nothing to undo.
    pub fn undo(&mut self, plan: &mut Option<Plan>) -> bool {
        let Some(before) = self.undo.pop() else {
            return false;
        };
        self.redo.push(std::mem::replace(plan, before));
        true
    }

    /// Does the last undone edit again. False when there is nothing to redo.
    pub fn redo(&mut self, plan: &mut Option<Plan>) -> bool {
        let Some(after) = self.redo.pop() else {
            return false;
        };
        self.undo.push(std::mem::replace(plan, after));
        true
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Forgets everything (after a restore from backup, the remembered plans belong to other data).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    #[allow(clippy::unnecessary_wraps)] // The history holds Option<Plan>: no plan is a state too.
    fn plan(name: &str) -> Option<Plan> {
        Some(Plan::new(
            name,
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            1,
        ))
    }

    #[test]
    fn undo_and_redo_walk_the_edits() {
        let mut history = PlanHistory::default();
        let mut current = plan("a");
        for name in ["b", "c"] {
            history.record(current.clone());
            current = plan(name);
        }
        assert!(history.undo(&mut current));
        assert_eq!(current, plan("b"));
        assert!(history.undo(&mut current));
        assert_eq!(current, plan("a"));
        assert!(!history.undo(&mut current), "nothing left");
        assert!(history.redo(&mut current));
        assert!(history.redo(&mut current));
        assert_eq!(current, plan("c"));
        assert!(!history.redo(&mut current));
        assert!(history.undo(&mut current));
        // A new edit after an undo forgets the redo.
        history.record(current.clone());
        current = plan("d");
        assert!(!history.can_redo());
        assert!(history.undo(&mut current));
        assert_eq!(current, plan("b"));
    }

    #[test]
    fn undo_brings_back_a_deleted_plan_and_history_is_bounded() {
        let mut history = PlanHistory::default();
        let mut current = plan("kept");
        history.record(current.clone());
        current = None;
        assert!(history.undo(&mut current));
        assert_eq!(current, plan("kept"));
        for n in 0..MAX_UNDO_STEPS + 20 {
            history.record(plan(&n.to_string()));
        }
        let mut steps = 0;
        while history.undo(&mut current) {
            steps += 1;
        }
        assert_eq!(steps, MAX_UNDO_STEPS);
    }
}
