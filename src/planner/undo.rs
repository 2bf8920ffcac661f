//! Undo and redo of plan edits: each edit that changed the plan state (the plan in use, with its pain limits, and
//! the earlier plans) keeps the state as it was, so Ctrl+Z puts it back and Ctrl+Shift+Z does it again. Logs,
//! progression history and settings are not edits and are never undone.

use super::data::PlannerData;
use super::model::Plan;

/// Everything a plan edit can change: the plan in use (its pain limits live on it) and the earlier plans (which
/// "add as a new plan" adds to).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanState {
    pub plan: Option<Plan>,
    pub earlier_plans: Vec<Plan>,
}

impl PlanState {
    /// A copy of `data`'s plan state.
    pub fn of(data: &PlannerData) -> Self {
        Self {
            plan: data.plan.clone(),
            earlier_plans: data.earlier_plans.clone(),
        }
    }

    /// Whether `data` still holds this state (compared in place, nothing cloned).
    pub fn matches(&self, data: &PlannerData) -> bool {
        self.plan == data.plan && self.earlier_plans == data.earlier_plans
    }

    /// Moves the state out of `data`.
    pub fn take(data: &mut PlannerData) -> Self {
        Self {
            plan: data.plan.take(),
            earlier_plans: std::mem::take(&mut data.earlier_plans),
        }
    }

    /// Puts this state into `data`.
    pub fn put(self, data: &mut PlannerData) {
        data.plan = self.plan;
        data.earlier_plans = self.earlier_plans;
    }
}

/// Most edits remembered; the oldest is forgotten beyond this.
pub const MAX_UNDO_STEPS: usize = 100;

/// The states before (undo) and after (redo) the remembered edits.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanHistory<T = PlanState> {
    undo: Vec<T>,
    redo: Vec<T>,
}

impl<T> Default for PlanHistory<T> {
    fn default() -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }
}

impl PlanHistory<PlanState> {
    /// Undoes the last edit of `data`'s plan state. False when there is nothing to undo.
    pub fn undo_in(&mut self, data: &mut PlannerData) -> bool {
        let mut state = PlanState::take(data);
        let done = self.undo(&mut state);
        state.put(data);
        done
    }

    /// Redoes the last undone edit of `data`'s plan state. False when there is nothing to redo.
    pub fn redo_in(&mut self, data: &mut PlannerData) -> bool {
        let mut state = PlanState::take(data);
        let done = self.redo(&mut state);
        state.put(data);
        done
    }
}

impl<T> PlanHistory<T> {
    /// Remembers `before` as the state an edit changed; a new edit forgets what could be redone.
    pub fn record(&mut self, before: T) {
        self.undo.push(before);
        if self.undo.len() > MAX_UNDO_STEPS {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Puts the state before the last edit back into `plan`. False when there is nothing to undo.
    pub fn undo(&mut self, plan: &mut T) -> bool {
        let Some(before) = self.undo.pop() else {
            return false;
        };
        self.redo.push(std::mem::replace(plan, before));
        true
    }

    /// Does the last undone edit again. False when there is nothing to redo.
    pub fn redo(&mut self, plan: &mut T) -> bool {
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

    #[expect(
        clippy::unnecessary_wraps,
        reason = "The history holds Option<Plan>: no plan is a state too."
    )]
    fn plan(name: &str) -> Option<Plan> {
        Some(Plan::new(
            name,
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            1,
        ))
    }

    #[test]
    fn undo_and_redo_walk_the_edits() {
        let mut history: PlanHistory<Option<Plan>> = PlanHistory::default();
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
        let mut history: PlanHistory<Option<Plan>> = PlanHistory::default();
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
