//! Which cue sounds how: the session timer's [`Cue`]s mapped to five short, distinct tone patterns, and the
//! patterns synthesised as sine tones (no audio files). No egui and no audio device here, so all of it is unit
//! tested.
//!
//! One batch of cues (what one frame's commands or one tick of the timer produced) sounds at most once: a rest
//! that ends starts the next get-ready countdown in the same instant, and one tone says both. The louder news wins:
//! the session's end, then a hold's end, a rest's end, the start of work, and last getting ready.

use crate::planner::session_timer::{Cue, Phase};

/// A sound the runner plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CueSound {
    /// A get-ready countdown began: two short low beeps.
    GetReady,
    /// Work began (a hold or a set of reps): one long high beep.
    Start,
    /// A rest ran its full time: two rising notes.
    RestEnd,
    /// A hold ran its full time: two falling notes.
    HoldEnd,
    /// The last set is done: three rising notes.
    SessionDone,
}

/// One note of a pattern; a frequency of 0 is a silent gap.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Note {
    pub frequency_hz: f32,
    pub length_ms: u32,
}

const fn note(frequency_hz: f32, length_ms: u32) -> Note {
    Note {
        frequency_hz,
        length_ms,
    }
}

/// Loudest sample value (full scale is 1.0): clear over a fan or music, not startling.
pub const AMPLITUDE: f32 = 0.45;

/// Fade in and out of every note, so no note starts or stops with a click.
pub const FADE_MS: u32 = 6;

impl CueSound {
    /// The sound of one cue, if it has one. A rest's start has none: the hold's end (or the user's own press)
    /// already said it.
    pub fn for_cue(cue: &Cue) -> Option<Self> {
        match cue {
            Cue::PhaseStarted(step) => match step.phase {
                Phase::GetReady { .. } => Some(Self::GetReady),
                Phase::Reps { .. } | Phase::Hold { .. } => Some(Self::Start),
                Phase::Rest { .. } | Phase::Done => None,
            },
            Cue::HoldFinished => Some(Self::HoldEnd),
            Cue::RestFinished => Some(Self::RestEnd),
            Cue::SessionFinished => Some(Self::SessionDone),
        }
    }

    /// The one sound for a batch of cues (see the module docs), or `None` when none of them sounds.
    pub fn for_batch(cues: &[Cue]) -> Option<Self> {
        cues.iter().filter_map(Self::for_cue).max()
    }

    /// The notes, in order.
    pub fn notes(self) -> &'static [Note] {
        const GAP: f32 = 0.0;
        const GET_READY: [Note; 3] = [note(660.0, 90), note(GAP, 80), note(660.0, 90)];
        const START: [Note; 1] = [note(1320.0, 320)];
        const REST_END: [Note; 3] = [note(784.0, 140), note(GAP, 30), note(1047.0, 200)];
        const HOLD_END: [Note; 3] = [note(1047.0, 140), note(GAP, 30), note(698.0, 240)];
        const SESSION_DONE: [Note; 5] = [
            note(523.0, 130),
            note(GAP, 20),
            note(659.0, 130),
            note(GAP, 20),
            note(784.0, 300),
        ];
        match self {
            Self::GetReady => &GET_READY,
            Self::Start => &START,
            Self::RestEnd => &REST_END,
            Self::HoldEnd => &HOLD_END,
            Self::SessionDone => &SESSION_DONE,
        }
    }

    /// How long the sound lasts, in milliseconds.
    pub fn length_ms(self) -> u32 {
        self.notes().iter().map(|n| n.length_ms).sum()
    }

    /// The sound as mono samples in [-[`AMPLITUDE`], [`AMPLITUDE`]] at `sample_rate_hz`.
    pub fn samples(self, sample_rate_hz: u32) -> Vec<f32> {
        // Sample rates (at most a few hundred kHz) and sample indices (a second's worth) are exact in f32.
        let rate = sample_rate_hz as f32;
        let mut out = Vec::new();
        for n in self.notes() {
            let count = samples_in(n.length_ms, sample_rate_hz);
            let fade = samples_in(FADE_MS, sample_rate_hz).min(count / 2).max(1);
            out.extend((0..count).map(|i| {
                if n.frequency_hz <= 0.0 {
                    return 0.0;
                }
                let t = i as f32 / rate;
                let envelope = (i.min(count - 1 - i) as f32 / fade as f32).min(1.0);
                AMPLITUDE * envelope * (std::f32::consts::TAU * n.frequency_hz * t).sin()
            }));
        }
        out
    }
}

/// Samples in `length_ms` at `sample_rate_hz`.
fn samples_in(length_ms: u32, sample_rate_hz: u32) -> usize {
    let count = u64::from(length_ms) * u64::from(sample_rate_hz) / 1000;
    // At most a few seconds at any real sample rate: far below usize::MAX.
    usize::try_from(count).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::planner::session_timer::{Side, TimerStep};

    const ALL: [CueSound; 5] = [
        CueSound::GetReady,
        CueSound::Start,
        CueSound::RestEnd,
        CueSound::HoldEnd,
        CueSound::SessionDone,
    ];

    fn started(phase: Phase) -> Cue {
        Cue::PhaseStarted(TimerStep {
            exercise_index: 0,
            set_number: 1,
            side: Some(Side::Left),
            phase,
        })
    }

    #[test]
    fn each_cue_has_its_sound() {
        assert_eq!(
            CueSound::for_cue(&started(Phase::GetReady { secs: 5 })),
            Some(CueSound::GetReady)
        );
        assert_eq!(
            CueSound::for_cue(&started(Phase::Hold { secs: 30 })),
            Some(CueSound::Start)
        );
        assert_eq!(
            CueSound::for_cue(&started(Phase::Reps { target: 12 })),
            Some(CueSound::Start)
        );
        assert_eq!(CueSound::for_cue(&started(Phase::Rest { secs: 60 })), None);
        assert_eq!(
            CueSound::for_cue(&Cue::HoldFinished),
            Some(CueSound::HoldEnd)
        );
        assert_eq!(
            CueSound::for_cue(&Cue::RestFinished),
            Some(CueSound::RestEnd)
        );
        assert_eq!(
            CueSound::for_cue(&Cue::SessionFinished),
            Some(CueSound::SessionDone)
        );
    }

    #[test]
    fn a_batch_sounds_once_with_the_weightiest_news() {
        assert_eq!(CueSound::for_batch(&[]), None);
        assert_eq!(
            CueSound::for_batch(&[started(Phase::Rest { secs: 60 })]),
            None
        );
        // A rest ran out and the next get-ready began at once: the rest's end says both.
        assert_eq!(
            CueSound::for_batch(&[Cue::RestFinished, started(Phase::GetReady { secs: 5 })]),
            Some(CueSound::RestEnd)
        );
        assert_eq!(
            CueSound::for_batch(&[Cue::HoldFinished, started(Phase::Rest { secs: 60 })]),
            Some(CueSound::HoldEnd)
        );
        assert_eq!(
            CueSound::for_batch(&[Cue::HoldFinished, Cue::SessionFinished]),
            Some(CueSound::SessionDone)
        );
        assert_eq!(
            CueSound::for_batch(&[
                started(Phase::GetReady { secs: 5 }),
                started(Phase::Hold { secs: 5 })
            ]),
            Some(CueSound::Start)
        );
    }

    #[test]
    fn the_sounds_are_short_and_tell_apart() {
        for sound in ALL {
            let length_ms = sound.length_ms();
            assert!(
                (150..=700).contains(&length_ms),
                "{sound:?}: {length_ms} ms"
            );
        }
        // No two sounds share their notes: each has its own pitch contour or rhythm.
        for (i, a) in ALL.iter().enumerate() {
            for b in &ALL[i + 1..] {
                assert_ne!(a.notes(), b.notes(), "{a:?} and {b:?}");
            }
        }
        // Rising for the end of a rest (get going), falling for the end of a hold (let go).
        let pitches = |s: CueSound| -> Vec<f32> {
            s.notes()
                .iter()
                .map(|n| n.frequency_hz)
                .filter(|f| *f > 0.0)
                .collect()
        };
        assert!(pitches(CueSound::RestEnd).is_sorted());
        assert!(pitches(CueSound::HoldEnd).iter().rev().is_sorted());
        assert!(pitches(CueSound::SessionDone).is_sorted());
    }

    #[test]
    fn samples_are_in_range_and_fade_in_and_out() {
        for sound in ALL {
            for rate in [44_100, 48_000] {
                let samples = sound.samples(rate);
                let expected = u64::from(sound.length_ms()) * u64::from(rate) / 1000;
                let expected = usize::try_from(expected).unwrap();
                assert!(samples.len().abs_diff(expected) <= sound.notes().len());
                assert!(samples.iter().all(|s| s.abs() <= AMPLITUDE + 1e-6));
                assert!(samples[0].abs() < 1e-6, "{sound:?} starts silent");
                assert!(
                    samples.last().unwrap().abs() < 0.05,
                    "{sound:?} ends quietly"
                );
                let peak = samples.iter().fold(0.0_f32, |m, s| m.max(s.abs()));
                assert!(peak > AMPLITUDE * 0.9, "{sound:?} is audible");
            }
        }
    }

    #[test]
    fn the_tone_has_its_frequency() {
        // Zero crossings of Start's single note: about 2 per period.
        let rate = 48_000;
        let samples = CueSound::Start.samples(rate);
        let crossings = samples
            .windows(2)
            .filter(|w| (w[0] < 0.0) != (w[1] < 0.0))
            .count();
        let seconds = samples.len() as f32 / rate as f32;
        let measured_hz = crossings as f32 / 2.0 / seconds;
        assert!((measured_hz - 1320.0).abs() < 15.0, "{measured_hz} Hz");
    }
}
