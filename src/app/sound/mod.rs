//! Where the session runner's cue sounds go: the default output device, a recording (tests), or nowhere.
//!
//! The device is opened lazily, by the first sound, on a thread of its own (`kneemap-sound`): starting the app
//! opens nothing, and the UI thread only sends a [`CueSound`] down a channel, never waiting for a device. Each sound
//! opens a stream, plays its tones and closes it again, so nothing runs between cues (no idle callbacks). When
//! there is no device, or it fails, the thread says so once and stops: the app shows [`NO_DEVICE_NOTICE`] and the
//! cues stay visual only. Which cue sounds how is [`tones`].

pub mod tones;

use std::sync::mpsc;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

pub use tones::CueSound;

/// Shown in the runner when no sound can be played.
pub const NO_DEVICE_NOTICE: &str = "No sound device: the runner shows its cues on screen only";

/// Why a sound could not be played.
#[derive(Debug, thiserror::Error)]
pub enum SoundError {
    #[error("no default output device")]
    NoDevice,
    #[error("the output device's sample format {0} is not supported")]
    UnsupportedFormat(String),
    #[error("the output device failed: {0}")]
    Device(String),
}

/// Plays one sound to its end (blocking the sound thread, never the UI).
pub trait Player {
    fn play(&mut self, sound: CueSound) -> Result<(), SoundError>;
}

/// Opens the device, on the sound thread.
type Opener = Box<dyn FnOnce() -> Result<Box<dyn Player>, SoundError> + Send>;

/// Wakes the UI when the sound thread has news.
type Waker = Arc<dyn Fn() + Send + Sync>;

/// Where the runner's sounds go.
#[derive(Default)]
pub enum SoundOutput {
    /// Nowhere, and no notice (the app as a library: tests and benchmarks, unless they record).
    #[default]
    Off,
    /// A device opened on the first sound, on its own thread.
    Device(DeviceOutput),
    /// What would have been played, in order (tests).
    Recording(Recorded),
}

impl SoundOutput {
    /// The system's default output device (cpal), not opened until the first sound.
    pub fn device() -> Self {
        Self::Device(DeviceOutput::new(Box::new(open_default_device)))
    }

    /// A device opened by `open` on the sound thread (tests: one that fails, as with no sound card).
    pub fn device_with(
        open: impl FnOnce() -> Result<Box<dyn Player>, SoundError> + Send + 'static,
    ) -> Self {
        Self::Device(DeviceOutput::new(Box::new(open)))
    }

    /// A recording, and the handle that reads it.
    pub fn recording() -> (Self, Recorded) {
        let recorded = Recorded::default();
        (Self::Recording(recorded.clone()), recorded)
    }

    /// Asks for `sound`; returns at once.
    pub fn play(&mut self, sound: CueSound) {
        match self {
            Self::Off => {}
            Self::Device(device) => device.play(sound),
            Self::Recording(recorded) => recorded.push(sound),
        }
    }

    /// Takes the sound thread's news (call once a frame); true when the notice changed.
    pub fn poll(&mut self) -> bool {
        match self {
            Self::Device(device) => device.poll(),
            Self::Off | Self::Recording(_) => false,
        }
    }

    /// Why sounds are not heard, for the runner to show.
    pub fn notice(&self) -> Option<&'static str> {
        match self {
            Self::Device(device) if device.unavailable => Some(NO_DEVICE_NOTICE),
            _ => None,
        }
    }

    /// True once the device has been asked for (the sound thread is running or has run).
    pub fn device_requested(&self) -> bool {
        matches!(self, Self::Device(device) if device.open.is_none())
    }

    /// Wakes the UI when the sound thread reports (the app's repaint).
    pub fn set_waker(&mut self, waker: impl Fn() + Send + Sync + 'static) {
        if let Self::Device(device) = self {
            device.waker = Some(Arc::new(waker));
        }
    }
}

/// The sounds a [`SoundOutput::Recording`] was asked for, in order.
#[derive(Debug, Clone, Default)]
pub struct Recorded(Arc<Mutex<Vec<CueSound>>>);

impl Recorded {
    /// Every sound so far, oldest first.
    pub fn sounds(&self) -> Vec<CueSound> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Takes the sounds so far.
    pub fn take(&self) -> Vec<CueSound> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(PoisonError::into_inner))
    }

    fn push(&self, sound: CueSound) {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(sound);
    }
}

/// The device side: the opener until the first sound, then the channel to the sound thread.
pub struct DeviceOutput {
    /// Taken by the first sound.
    open: Option<Opener>,
    sender: Option<mpsc::Sender<CueSound>>,
    /// The sound thread's one report: the device could not be opened, or failed.
    failed: Option<mpsc::Receiver<SoundError>>,
    /// No sound can be played: the notice shows and nothing more is sent.
    unavailable: bool,
    waker: Option<Waker>,
}

impl DeviceOutput {
    fn new(open: Opener) -> Self {
        Self {
            open: Some(open),
            sender: None,
            failed: None,
            unavailable: false,
            waker: None,
        }
    }

    fn play(&mut self, sound: CueSound) {
        if self.unavailable {
            return;
        }
        if let Some(open) = self.open.take() {
            self.start_thread(open);
        }
        let sent = self.sender.as_ref().is_some_and(|s| s.send(sound).is_ok());
        if !sent {
            // The thread has stopped; its report (if any) comes through poll().
            self.sender = None;
        }
    }

    fn start_thread(&mut self, open: Opener) {
        let (sender, receiver) = mpsc::channel::<CueSound>();
        let (report, failed) = mpsc::channel();
        let waker = self.waker.clone();
        let spawned = std::thread::Builder::new()
            .name("kneemap-sound".to_owned())
            .spawn(move || {
                let outcome = open().and_then(|mut player| {
                    receiver.iter().try_for_each(|sound| player.play(sound))
                });
                if let Err(error) = outcome {
                    // Said once, here: the app shows the notice and sends nothing more.
                    eprintln!("KneeMap: sound cues are off ({error})");
                    let _unheard = report.send(error);
                    if let Some(wake) = waker {
                        wake();
                    }
                }
            });
        match spawned {
            Ok(_) => {
                self.sender = Some(sender);
                self.failed = Some(failed);
            }
            Err(error) => {
                eprintln!("KneeMap: sound cues are off (no thread: {error})");
                self.unavailable = true;
            }
        }
    }

    fn poll(&mut self) -> bool {
        let failed = self.failed.as_ref().is_some_and(|r| r.try_recv().is_ok());
        if failed && !self.unavailable {
            self.unavailable = true;
            self.sender = None;
            self.failed = None;
            return true;
        }
        false
    }
}

/// The default output device's default configuration, found on the sound thread.
fn open_default_device() -> Result<Box<dyn Player>, SoundError> {
    use cpal::traits::{DeviceTrait as _, HostTrait as _};
    let device = cpal::default_host()
        .default_output_device()
        .ok_or(SoundError::NoDevice)?;
    let config = device
        .default_output_config()
        .map_err(|e| SoundError::Device(e.to_string()))?;
    Ok(Box::new(CpalPlayer { device, config }))
}

/// Plays each sound on a stream of its own, closed when the sound has played.
struct CpalPlayer {
    device: cpal::Device,
    config: cpal::SupportedStreamConfig,
}

impl Player for CpalPlayer {
    fn play(&mut self, sound: CueSound) -> Result<(), SoundError> {
        use cpal::SampleFormat as F;
        use cpal::traits::StreamTrait as _;
        let samples = sound.samples(self.config.sample_rate());
        let stream = match self.config.sample_format() {
            F::F32 => self.stream::<f32>(samples),
            F::I16 => self.stream::<i16>(samples),
            F::U16 => self.stream::<u16>(samples),
            F::I32 => self.stream::<i32>(samples),
            F::U8 => self.stream::<u8>(samples),
            F::F64 => self.stream::<f64>(samples),
            other => return Err(SoundError::UnsupportedFormat(other.to_string())),
        }?;
        stream
            .play()
            .map_err(|e| SoundError::Device(e.to_string()))?;
        // The stream plays on the device's own thread; keep it open until the tones and the device's buffer are
        // out, then close it.
        std::thread::sleep(Duration::from_millis(u64::from(sound.length_ms()) + 150));
        Ok(())
    }
}

impl CpalPlayer {
    /// A stream that plays `samples` (mono) on every channel, then silence.
    fn stream<T>(&self, samples: Vec<f32>) -> Result<cpal::Stream, SoundError>
    where
        T: cpal::SizedSample + cpal::FromSample<f32>,
    {
        use cpal::traits::DeviceTrait as _;
        let channels = usize::from(self.config.channels()).max(1);
        let mut next = samples.into_iter();
        self.device
            .build_output_stream(
                self.config.config(),
                move |data: &mut [T], _: &cpal::OutputCallbackInfo| {
                    for frame in data.chunks_mut(channels) {
                        let value = T::from_sample(next.next().unwrap_or(0.0));
                        frame.fill(value);
                    }
                },
                // Underruns and the like: the sound may stutter once; not worth a message per cue.
                |_error| {},
                None,
            )
            .map_err(|e| SoundError::Device(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records into a shared list, like a device that works.
    struct Fake(Arc<Mutex<Vec<CueSound>>>);

    impl Player for Fake {
        fn play(&mut self, sound: CueSound) -> Result<(), SoundError> {
            self.0.lock().unwrap().push(sound);
            Ok(())
        }
    }

    fn wait_for(mut done: impl FnMut() -> bool) {
        for _ in 0..500 {
            if done() {
                return;
            }
            std::thread::sleep(Duration::from_millis(4));
        }
        panic!("timed out");
    }

    #[test]
    fn the_device_is_opened_by_the_first_sound_only() {
        let opened = Arc::new(Mutex::new(0));
        let played = Arc::new(Mutex::new(Vec::new()));
        let (o, p) = (Arc::clone(&opened), Arc::clone(&played));
        let mut output = SoundOutput::device_with(move || {
            *o.lock().unwrap() += 1;
            Ok(Box::new(Fake(p)) as Box<dyn Player>)
        });
        assert!(!output.device_requested());
        assert!(!output.poll());
        assert_eq!(*opened.lock().unwrap(), 0, "nothing opened before a sound");
        output.play(CueSound::GetReady);
        output.play(CueSound::Start);
        assert!(output.device_requested());
        wait_for(|| played.lock().unwrap().len() == 2);
        assert_eq!(
            *played.lock().unwrap(),
            [CueSound::GetReady, CueSound::Start]
        );
        assert_eq!(*opened.lock().unwrap(), 1);
        assert!(!output.poll());
        assert_eq!(output.notice(), None);
    }

    #[test]
    fn no_device_gives_one_notice_and_no_more_attempts() {
        let attempts = Arc::new(Mutex::new(0));
        let a = Arc::clone(&attempts);
        let woken = Arc::new(Mutex::new(0));
        let w = Arc::clone(&woken);
        let mut output = SoundOutput::device_with(move || {
            *a.lock().unwrap() += 1;
            Err(SoundError::NoDevice)
        });
        output.set_waker(move || *w.lock().unwrap() += 1);
        output.play(CueSound::GetReady);
        wait_for(|| output.poll());
        assert_eq!(output.notice(), Some(NO_DEVICE_NOTICE));
        assert_eq!(*woken.lock().unwrap(), 1, "the UI is woken once");
        for _ in 0..5 {
            output.play(CueSound::Start);
            assert!(!output.poll(), "the notice changes once");
        }
        assert_eq!(*attempts.lock().unwrap(), 1, "no second attempt");
        assert_eq!(output.notice(), Some(NO_DEVICE_NOTICE));
    }

    #[test]
    fn a_recording_keeps_the_order_and_off_is_silent() {
        let (mut output, recorded) = SoundOutput::recording();
        output.play(CueSound::RestEnd);
        output.play(CueSound::HoldEnd);
        assert_eq!(recorded.sounds(), [CueSound::RestEnd, CueSound::HoldEnd]);
        assert_eq!(recorded.take().len(), 2);
        assert!(recorded.sounds().is_empty());
        let mut off = SoundOutput::Off;
        off.play(CueSound::Start);
        assert_eq!(off.notice(), None);
        assert!(!off.device_requested());
    }
}
