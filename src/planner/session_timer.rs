//! The session runner's clock arithmetic: which step of a strength session is current, and how long is left.
//!
//! Time is never counted in frames. The caller passes `now` — a [`Duration`] since any fixed instant of its choosing
//! (e.g. `Instant::now() - app_start`) — to every call, and all phase boundaries are computed from timestamps, so
//! the timer is right after the window was hidden or the app was starved for minutes: [`SessionTimer::update`]
//! walks through every timed phase that ended in the meantime. Tests use plain `Duration`s as a fake clock.
//!
//! # The sequence
//! For each exercise, for each set, for each side (left then right when `per_side`, else once):
//! get-ready countdown (skipped when `get_ready_secs` is 0) → work ([`Phase::Hold`] countdown when the item has a
//! hold time, else [`Phase::Reps`], which waits for "Set done"). After both sides of a set comes a [`Phase::Rest`]
//! of the item's `rest_secs` (skipped when 0) — also between exercises — except after the very last set of the
//! session, which leads straight to [`Phase::Done`].

use std::time::Duration;

/// Which side a per-side set is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    Left,
    Right,
}

/// What the user is doing now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Countdown before the work starts.
    GetReady { secs: u16 },
    /// Counted reps; waits for the user to press "Set done". `target` 0 means the item had no rep count.
    Reps { target: u8 },
    /// Timed hold; ends by itself (or early with "Set done").
    Hold { secs: u16 },
    /// Countdown before the next set or exercise.
    Rest { secs: u16 },
    /// The session is over.
    Done,
}

impl Phase {
    /// How long the phase runs by itself; `None` when it waits for the user (reps) or is final.
    pub fn duration(self) -> Option<Duration> {
        match self {
            Self::GetReady { secs } | Self::Hold { secs } | Self::Rest { secs } => {
                Some(Duration::from_secs(u64::from(secs)))
            }
            Self::Reps { .. } | Self::Done => None,
        }
    }

    /// True for the phases where the user works (reps or hold).
    pub fn is_work(self) -> bool {
        matches!(self, Self::Reps { .. } | Self::Hold { .. })
    }
}

/// One step of the session.
///
/// For [`Phase::Rest`] the indices name the set just finished (`side` is `None`); use
/// [`SessionTimer::upcoming`] to show what comes next. [`Phase::Done`] repeats the last set's indices (0 and 0 for
/// an empty session).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimerStep {
    /// Index into the items given to [`SessionTimer::new`].
    pub exercise_index: usize,
    /// 1-based.
    pub set_number: u8,
    pub side: Option<Side>,
    pub phase: Phase,
}

/// One exercise of the session, as the timer needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TimerItem {
    pub sets: u8,
    /// Reps per set (per side when `per_side`); used when there is no hold.
    pub reps: Option<u8>,
    /// Hold time per set (per side); when set and above 0 the work is a timed hold instead of reps.
    pub hold_secs: Option<u16>,
    /// Rest after each set (after both sides), and before the next exercise.
    pub rest_secs: u16,
    /// Each set is done once per side, left first.
    pub per_side: bool,
}

/// Something that happened, for the UI to flash or beep once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// A new step began (not sent for [`Phase::Done`]; see [`Cue::SessionFinished`]).
    PhaseStarted(TimerStep),
    /// A hold ran its full time (not sent when the user ended it early).
    HoldFinished,
    /// A rest ran its full time (not sent when skipped).
    RestFinished,
    /// The last set is done.
    SessionFinished,
}

/// Steps a user through a session. See the module docs for the sequence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionTimer {
    /// Every step in order; never empty, the last one is always [`Phase::Done`].
    steps: Vec<TimerStep>,
    /// The current step; always a valid index into `steps`.
    index: usize,
    /// The caller's clock when the session started.
    started_at: Duration,
    /// Total time spent paused in finished pauses.
    paused_total: Duration,
    /// The caller's clock when the current pause began.
    paused_at: Option<Duration>,
    /// When the current step began, in active time (see [`Self::active`]).
    phase_start: Duration,
}

impl SessionTimer {
    /// Starts the session at `now`, in its first step.
    pub fn new(items: &[TimerItem], get_ready_secs: u16, now: Duration) -> Self {
        Self {
            steps: build_steps(items, get_ready_secs),
            index: 0,
            started_at: now,
            paused_total: Duration::ZERO,
            paused_at: None,
            phase_start: Duration::ZERO,
        }
    }

    /// The current step.
    pub fn current(&self) -> &TimerStep {
        // `index` never passes the final Done step and `steps` is never empty.
        &self.steps[self.index]
    }

    /// The next work step (reps or hold) after the current one, e.g. for "Next: set 2, right side" during a rest.
    pub fn upcoming(&self) -> Option<&TimerStep> {
        self.steps
            .iter()
            .skip(self.index + 1)
            .find(|s| s.phase.is_work())
    }

    /// The step right after the current one (a rest, a get-ready countdown or the next work), e.g. for "Then: rest
    /// 60 s"; `None` once finished or when only [`Phase::Done`] is left.
    pub fn following(&self) -> Option<&TimerStep> {
        self.steps
            .get(self.index + 1)
            .filter(|s| s.phase != Phase::Done)
    }

    /// Moves through every timed phase that has ended by `now` (several, if the app was in the background) and
    /// returns what happened, each cue once.
    pub fn update(&mut self, now: Duration) -> Vec<Cue> {
        let active = self.active(now);
        let mut cues = Vec::new();
        while let Some(length) = self.current().phase.duration() {
            let end = self.phase_start + length;
            if active < end {
                break;
            }
            match self.current().phase {
                Phase::Hold { .. } => cues.push(Cue::HoldFinished),
                Phase::Rest { .. } => cues.push(Cue::RestFinished),
                _ => {}
            }
            // The next phase starts when this one ended, not at `now`, so a long gap lands on the right phase.
            self.advance(end, &mut cues);
        }
        cues
    }

    /// The user pressed "Set done": ends a reps phase, or a hold early. Ignored in other phases.
    pub fn complete_set(&mut self, now: Duration) -> Vec<Cue> {
        let mut cues = self.update(now);
        if self.current().phase.is_work() {
            self.advance(self.active(now), &mut cues);
        }
        cues
    }

    /// Ends a rest (or a get-ready countdown) now. Ignored in other phases.
    pub fn skip_rest(&mut self, now: Duration) -> Vec<Cue> {
        let mut cues = self.update(now);
        if matches!(
            self.current().phase,
            Phase::Rest { .. } | Phase::GetReady { .. }
        ) {
            self.advance(self.active(now), &mut cues);
        }
        cues
    }

    /// Freezes the clock: remaining time stays as it is until [`Self::resume`]. No effect when paused or finished.
    pub fn pause(&mut self, now: Duration) {
        if self.paused_at.is_none() && !self.is_finished() {
            self.paused_at = Some(now);
        }
    }

    /// Restarts the clock after [`Self::pause`]. No effect when not paused.
    pub fn resume(&mut self, now: Duration) {
        if let Some(paused_at) = self.paused_at.take() {
            self.paused_total += now.saturating_sub(paused_at);
        }
    }

    /// True between [`Self::pause`] and [`Self::resume`].
    pub fn is_paused(&self) -> bool {
        self.paused_at.is_some()
    }

    /// True once the last set is done ([`Phase::Done`]).
    pub fn is_finished(&self) -> bool {
        self.current().phase == Phase::Done
    }

    /// Time left in the current countdown (0 once it has run out, until the next [`Self::update`]); `None` when
    /// the phase has no clock (reps, done).
    pub fn remaining(&self, now: Duration) -> Option<Duration> {
        let length = self.current().phase.duration()?;
        Some((self.phase_start + length).saturating_sub(self.active(now)))
    }

    /// [`Self::remaining`] in seconds, for a progress ring.
    pub fn remaining_secs(&self, now: Duration) -> Option<f32> {
        self.remaining(now).map(|r| r.as_secs_f32())
    }

    /// The whole seconds to display: [`Self::remaining`] rounded up, so a 5 s countdown shows 5 until it has run a
    /// full second and 0 only when it is over.
    pub fn remaining_whole_secs(&self, now: Duration) -> Option<u64> {
        self.remaining(now)
            .map(|r| r.as_secs() + u64::from(r.subsec_nanos() > 0))
    }

    /// How long until [`Self::remaining_whole_secs`] changes (zero when the countdown has run out and an
    /// [`Self::update`] is due); `None` when nothing changes by itself (reps, paused, done).
    pub fn next_repaint_in(&self, now: Duration) -> Option<Duration> {
        if self.is_paused() {
            return None;
        }
        let remaining = self.remaining(now)?;
        Some(match remaining.subsec_nanos() {
            _ if remaining.is_zero() => Duration::ZERO,
            0 => Duration::from_secs(1),
            nanos => Duration::from_nanos(u64::from(nanos)),
        })
    }

    /// Sets of `exercise_index` finished so far (a per-side set counts once both sides are done).
    pub fn sets_done(&self, exercise_index: usize) -> u8 {
        let done = self.steps[..self.index]
            .iter()
            .filter(|s| {
                s.phase.is_work()
                    && s.exercise_index == exercise_index
                    && s.side != Some(Side::Left)
            })
            .count();
        u8::try_from(done).unwrap_or(u8::MAX)
    }

    /// (work steps done, work steps in total); each side of a per-side set counts as one step.
    pub fn progress(&self) -> (usize, usize) {
        let is_work = |s: &&TimerStep| s.phase.is_work();
        (
            self.steps[..self.index].iter().filter(is_work).count(),
            self.steps.iter().filter(is_work).count(),
        )
    }

    /// Time since the start, minus time spent paused; frozen while paused. Saturates if the clock goes backwards.
    fn active(&self, now: Duration) -> Duration {
        self.paused_at
            .unwrap_or(now)
            .saturating_sub(self.started_at)
            .saturating_sub(self.paused_total)
    }

    /// Goes to the next step, which starts at `start` (active time), and records its cue.
    fn advance(&mut self, start: Duration, cues: &mut Vec<Cue>) {
        if self.is_finished() {
            return;
        }
        self.index += 1;
        self.phase_start = start;
        let step = *self.current();
        if step.phase == Phase::Done {
            self.paused_at = None;
            cues.push(Cue::SessionFinished);
        } else {
            cues.push(Cue::PhaseStarted(step));
        }
    }
}

/// The whole sequence, ending with a Done step.
fn build_steps(items: &[TimerItem], get_ready_secs: u16) -> Vec<TimerStep> {
    let mut steps = Vec::new();
    let mut last = (0, 0);
    for (exercise_index, item) in items.iter().enumerate() {
        let work = match item.hold_secs {
            Some(secs) if secs > 0 => Phase::Hold { secs },
            _ => Phase::Reps {
                target: item.reps.unwrap_or(0),
            },
        };
        let sides: &[Option<Side>] = if item.per_side {
            &[Some(Side::Left), Some(Side::Right)]
        } else {
            &[None]
        };
        for set_number in 1..=item.sets {
            for &side in sides {
                let step = |phase| TimerStep {
                    exercise_index,
                    set_number,
                    side,
                    phase,
                };
                if get_ready_secs > 0 {
                    steps.push(step(Phase::GetReady {
                        secs: get_ready_secs,
                    }));
                }
                steps.push(step(work));
            }
            if item.rest_secs > 0 {
                steps.push(TimerStep {
                    exercise_index,
                    set_number,
                    side: None,
                    phase: Phase::Rest {
                        secs: item.rest_secs,
                    },
                });
            }
            last = (exercise_index, set_number);
        }
    }
    // No rest after the very last set of the session.
    if steps
        .last()
        .is_some_and(|s| matches!(s.phase, Phase::Rest { .. }))
    {
        steps.pop();
    }
    steps.push(TimerStep {
        exercise_index: last.0,
        set_number: last.1,
        side: None,
        phase: Phase::Done,
    });
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(s: u64) -> Duration {
        Duration::from_secs(s)
    }

    fn ms(m: u64) -> Duration {
        Duration::from_millis(m)
    }

    fn step(exercise_index: usize, set_number: u8, side: Option<Side>, phase: Phase) -> TimerStep {
        TimerStep {
            exercise_index,
            set_number,
            side,
            phase,
        }
    }

    fn started(s: TimerStep) -> Cue {
        Cue::PhaseStarted(s)
    }

    fn reps_item(sets: u8, reps: u8, rest_secs: u16) -> TimerItem {
        TimerItem {
            sets,
            reps: Some(reps),
            rest_secs,
            ..Default::default()
        }
    }

    fn hold_item(sets: u8, hold_secs: u16, rest_secs: u16) -> TimerItem {
        TimerItem {
            sets,
            hold_secs: Some(hold_secs),
            rest_secs,
            ..Default::default()
        }
    }

    #[test]
    fn full_walk_through_two_exercises() {
        let mut t = SessionTimer::new(&[reps_item(2, 10, 30), hold_item(1, 20, 45)], 5, secs(100));
        assert_eq!(*t.current(), step(0, 1, None, Phase::GetReady { secs: 5 }));
        assert_eq!(t.progress(), (0, 3));
        assert_eq!(t.update(ms(104_900)), []);
        assert_eq!(
            t.update(secs(105)),
            [started(step(0, 1, None, Phase::Reps { target: 10 }))]
        );
        assert_eq!(t.update(secs(500)), [], "reps wait for the user");

        assert_eq!(
            t.complete_set(secs(520)),
            [started(step(0, 1, None, Phase::Rest { secs: 30 }))]
        );
        assert_eq!(t.sets_done(0), 1);
        assert_eq!(
            t.upcoming(),
            Some(&step(0, 2, None, Phase::Reps { target: 10 }))
        );
        assert_eq!(
            t.following(),
            Some(&step(0, 2, None, Phase::GetReady { secs: 5 })),
            "the step right after the rest"
        );
        assert_eq!(t.remaining_secs(secs(530)), Some(20.0));
        assert_eq!(
            t.update(secs(550)),
            [
                Cue::RestFinished,
                started(step(0, 2, None, Phase::GetReady { secs: 5 }))
            ]
        );
        assert_eq!(
            t.update(secs(555)),
            [started(step(0, 2, None, Phase::Reps { target: 10 }))]
        );
        assert_eq!(
            t.complete_set(secs(570)),
            [started(step(0, 2, None, Phase::Rest { secs: 30 }))]
        );
        assert_eq!(t.sets_done(0), 2);
        assert_eq!(t.progress(), (2, 3));

        // Rest between exercises, skipped early.
        assert_eq!(
            t.skip_rest(secs(575)),
            [started(step(1, 1, None, Phase::GetReady { secs: 5 }))]
        );
        assert_eq!(
            t.update(secs(580)),
            [started(step(1, 1, None, Phase::Hold { secs: 20 }))]
        );
        assert_eq!(t.remaining_whole_secs(ms(580_001)), Some(20));
        assert_eq!(
            t.update(secs(600)),
            [Cue::HoldFinished, Cue::SessionFinished],
            "no rest after the last set"
        );
        assert!(t.is_finished());
        assert_eq!(t.following(), None);
        assert_eq!(t.current().phase, Phase::Done);
        assert_eq!((t.sets_done(0), t.sets_done(1)), (2, 1));
        assert_eq!(t.progress(), (3, 3));
        assert_eq!(t.update(secs(10_000)), []);
        assert_eq!(t.complete_set(secs(10_000)), []);
        assert_eq!(t.remaining_secs(secs(10_000)), None);
    }

    #[test]
    fn long_background_gap_lands_on_the_right_phase_and_cues_once() {
        // Holds: get ready 0-5, hold 5-35, rest 35-95, get ready 95-100, hold 100-130, rest 130-190,
        // get ready 190-195, hold 195-225, rest 225-285 (before the next exercise), get ready 285-290, reps.
        let mut t = SessionTimer::new(
            &[hold_item(3, 30, 60), reps_item(2, 12, 60)],
            5,
            Duration::ZERO,
        );
        let cues = t.update(secs(600));
        assert_eq!(*t.current(), step(1, 1, None, Phase::Reps { target: 12 }));
        assert_eq!(cues.iter().filter(|c| **c == Cue::HoldFinished).count(), 3);
        assert_eq!(cues.iter().filter(|c| **c == Cue::RestFinished).count(), 3);
        assert_eq!(
            cues.iter()
                .filter(|c| matches!(c, Cue::PhaseStarted(_)))
                .count(),
            10
        );
        assert_eq!(
            cues.last(),
            Some(&started(step(1, 1, None, Phase::Reps { target: 12 })))
        );
        assert_eq!(t.sets_done(0), 3);
        assert_eq!(t.update(secs(601)), [], "cues are reported once");

        // A gap that ends inside a rest keeps the rest's own clock.
        let mut t = SessionTimer::new(&[hold_item(3, 30, 60)], 5, Duration::ZERO);
        assert_eq!(t.update(ms(150_500)).len(), 8);
        assert_eq!(*t.current(), step(0, 2, None, Phase::Rest { secs: 60 }));
        assert_eq!(t.remaining(ms(150_500)), Some(ms(39_500)));
    }

    #[test]
    fn remaining_and_repaint_at_chosen_instants() {
        let t = SessionTimer::new(&[hold_item(1, 30, 0)], 5, secs(10));
        assert_eq!(t.remaining(secs(10)), Some(secs(5)));
        assert_eq!(t.remaining_whole_secs(secs(10)), Some(5));
        assert_eq!(t.next_repaint_in(secs(10)), Some(secs(1)));

        // 2.3 s into the 5 s countdown: 2.7 s left, shows 3, changes to 2 in 0.7 s.
        let now = ms(12_300);
        assert_eq!(t.remaining(now), Some(ms(2_700)));
        assert!((t.remaining_secs(now).unwrap() - 2.7).abs() < 1e-4);
        assert_eq!(t.remaining_whole_secs(now), Some(3));
        assert_eq!(t.next_repaint_in(now), Some(ms(700)));

        assert_eq!(t.next_repaint_in(ms(14_999)), Some(ms(1)));
        // Run out but not updated yet: repaint now so the update happens.
        assert_eq!(t.remaining(secs(15)), Some(Duration::ZERO));
        assert_eq!(t.next_repaint_in(secs(20)), Some(Duration::ZERO));

        let mut reps = SessionTimer::new(&[reps_item(1, 8, 0)], 0, Duration::ZERO);
        assert_eq!(reps.current().phase, Phase::Reps { target: 8 });
        assert_eq!(reps.remaining_secs(secs(3)), None);
        assert_eq!(reps.next_repaint_in(secs(3)), None, "waiting for the user");
        assert_eq!(reps.complete_set(secs(4)), [Cue::SessionFinished]);
        assert_eq!(reps.next_repaint_in(secs(5)), None);
    }

    #[test]
    fn pause_freezes_the_remaining_time() {
        let mut t = SessionTimer::new(&[hold_item(1, 30, 0)], 0, Duration::ZERO);
        assert_eq!(t.current().phase, Phase::Hold { secs: 30 });
        t.pause(secs(10));
        assert!(t.is_paused());
        t.pause(secs(50)); // a second pause does not move the freeze point
        assert_eq!(t.update(secs(100)), []);
        assert_eq!(t.remaining(secs(100)), Some(secs(20)));
        assert_eq!(t.next_repaint_in(secs(100)), None);

        t.resume(secs(100));
        assert!(!t.is_paused());
        t.resume(secs(105)); // no effect when not paused
        assert_eq!(t.remaining(secs(110)), Some(secs(10)));
        assert_eq!(t.next_repaint_in(ms(110_400)), Some(ms(600)));
        assert_eq!(t.update(ms(119_999)), []);
        assert_eq!(
            t.update(secs(120)),
            [Cue::HoldFinished, Cue::SessionFinished]
        );
        t.pause(secs(121));
        assert!(!t.is_paused(), "nothing to pause once finished");
    }

    #[test]
    fn user_actions_while_paused_start_the_next_phase_paused() {
        let mut t = SessionTimer::new(&[reps_item(2, 10, 30)], 0, Duration::ZERO);
        t.pause(secs(5));
        assert_eq!(
            t.complete_set(secs(8)),
            [started(step(0, 1, None, Phase::Rest { secs: 30 }))]
        );
        assert_eq!(
            t.remaining(secs(100)),
            Some(secs(30)),
            "the rest waits for resume"
        );
        t.resume(secs(100));
        assert_eq!(t.remaining(secs(110)), Some(secs(20)));
    }

    #[test]
    fn per_side_sets_alternate_left_then_right() {
        let item = TimerItem {
            sets: 2,
            reps: Some(8),
            rest_secs: 20,
            per_side: true,
            ..Default::default()
        };
        let mut t = SessionTimer::new(&[item], 3, Duration::ZERO);
        assert_eq!(
            *t.current(),
            step(0, 1, Some(Side::Left), Phase::GetReady { secs: 3 })
        );
        assert_eq!(
            t.update(secs(3)),
            [started(step(
                0,
                1,
                Some(Side::Left),
                Phase::Reps { target: 8 }
            ))]
        );
        assert_eq!(
            t.complete_set(secs(30)),
            [started(step(
                0,
                1,
                Some(Side::Right),
                Phase::GetReady { secs: 3 }
            ))]
        );
        assert_eq!(t.sets_done(0), 0, "half a set");
        assert_eq!(t.progress(), (1, 4));
        assert_eq!(
            t.update(secs(33)),
            [started(step(
                0,
                1,
                Some(Side::Right),
                Phase::Reps { target: 8 }
            ))]
        );
        assert_eq!(
            t.complete_set(secs(60)),
            [started(step(0, 1, None, Phase::Rest { secs: 20 }))]
        );
        assert_eq!(t.sets_done(0), 1);
        assert_eq!(
            t.upcoming(),
            Some(&step(0, 2, Some(Side::Left), Phase::Reps { target: 8 }))
        );
        assert_eq!(
            t.update(secs(83)),
            [
                Cue::RestFinished,
                started(step(0, 2, Some(Side::Left), Phase::GetReady { secs: 3 })),
                started(step(0, 2, Some(Side::Left), Phase::Reps { target: 8 })),
            ]
        );
        t.complete_set(secs(90));
        t.update(secs(93));
        assert_eq!(t.complete_set(secs(120)), [Cue::SessionFinished]);
        assert_eq!(t.sets_done(0), 2);
        assert_eq!(t.progress(), (4, 4));
    }

    #[test]
    fn complete_set_only_acts_on_work_phases() {
        let mut t = SessionTimer::new(&[hold_item(2, 30, 60)], 5, Duration::ZERO);
        assert_eq!(t.complete_set(secs(1)), [], "ignored while getting ready");
        assert_eq!(t.current().phase, Phase::GetReady { secs: 5 });
        assert_eq!(
            t.update(secs(5)),
            [started(step(0, 1, None, Phase::Hold { secs: 30 }))]
        );
        // Ending a hold early: no HoldFinished beep, the rest starts now.
        assert_eq!(
            t.complete_set(secs(20)),
            [started(step(0, 1, None, Phase::Rest { secs: 60 }))]
        );
        assert_eq!(t.complete_set(secs(21)), [], "ignored while resting");
        assert_eq!(t.remaining(secs(21)), Some(secs(59)));
        assert_eq!(t.skip_rest(secs(30)).len(), 1);
        // Pressing late, after the hold already ran out, catches up first and then has nothing more to end.
        let cues = t.complete_set(secs(80));
        assert_eq!(
            cues,
            [
                started(step(0, 2, None, Phase::Hold { secs: 30 })),
                Cue::HoldFinished,
                Cue::SessionFinished
            ]
        );
        assert!(t.is_finished());
    }

    #[test]
    fn skip_rest_is_ignored_during_work() {
        let mut t = SessionTimer::new(&[reps_item(2, 5, 30)], 0, Duration::ZERO);
        assert_eq!(t.skip_rest(secs(1)), []);
        assert_eq!(t.current().phase, Phase::Reps { target: 5 });
    }

    #[test]
    fn zero_rest_and_zero_get_ready_are_left_out() {
        let mut t = SessionTimer::new(&[reps_item(2, 5, 0), reps_item(1, 6, 0)], 0, Duration::ZERO);
        assert_eq!(
            t.complete_set(secs(10)),
            [started(step(0, 2, None, Phase::Reps { target: 5 }))]
        );
        assert_eq!(
            t.complete_set(secs(20)),
            [started(step(1, 1, None, Phase::Reps { target: 6 }))]
        );
        assert_eq!(t.complete_set(secs(30)), [Cue::SessionFinished]);
        assert_eq!(t.progress(), (3, 3));
    }

    #[test]
    fn empty_session_is_finished_at_once() {
        let t = SessionTimer::new(&[], 5, secs(1));
        assert!(t.is_finished());
        assert_eq!(t.progress(), (0, 0));
        assert_eq!(t.upcoming(), None);
        let no_sets = SessionTimer::new(&[reps_item(0, 10, 30)], 5, secs(1));
        assert!(no_sets.is_finished());
    }

    #[test]
    fn clock_going_backwards_does_not_panic() {
        let mut t = SessionTimer::new(&[hold_item(1, 10, 0)], 0, secs(100));
        assert_eq!(t.update(secs(50)), []);
        assert_eq!(t.remaining(secs(50)), Some(secs(10)));
        t.pause(secs(60));
        t.resume(secs(40));
        assert_eq!(
            t.update(secs(110)),
            [Cue::HoldFinished, Cue::SessionFinished]
        );
    }
}
