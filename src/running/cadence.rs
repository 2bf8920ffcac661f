//! Cadence: the recent average, +5 % and +10 % targets (Heiderscheit 2011), the metronome's beat, and a WAV
//! click track written with `hound`.

use std::f64::consts::PI;
use std::path::Path;

use chrono::{Duration, NaiveDate};

use super::model::Run;

/// Plausible step rates (both feet); outside this a reading is treated as an error.
pub const MIN_SPM: f64 = 100.0;
pub const MAX_SPM: f64 = 240.0;
/// The article's common range, shown as context, not as a rule.
pub const COMMON_RANGE_SPM: (f64, f64) = (170.0, 180.0);
const SAMPLE_RATE_HZ: u32 = 22_050;
const CLICK_SECS: f64 = 0.03;
const CLICK_HZ: f64 = 1_000.0;

/// The step rate a run's cadence is raised towards.
#[derive(Debug, Clone, Copy, PartialEq)]
#[expect(
    clippy::struct_field_names,
    reason = "each name carries its unit (steps per minute), as the house rules ask"
)]
pub struct CadenceTargets {
    pub baseline_spm: f64,
    pub plus_5_spm: f64,
    pub plus_10_spm: f64,
}

/// +5 % and +10 % of the baseline, rounded to whole steps.
#[must_use]
pub fn targets(baseline_spm: f64) -> CadenceTargets {
    CadenceTargets {
        baseline_spm,
        plus_5_spm: (baseline_spm * 1.05).round(),
        plus_10_spm: (baseline_spm * 1.10).round(),
    }
}

/// Average cadence of runs in the 6 weeks to `today` that have one, else of the last 10 runs with one.
#[must_use]
pub fn recent_average_spm(runs: &[Run], today: NaiveDate) -> Option<f64> {
    let mut with_cadence: Vec<&Run> = runs
        .iter()
        .filter(|r| {
            r.sport.is_run()
                && r.cadence_spm
                    .is_some_and(|c| (MIN_SPM..=MAX_SPM).contains(&c))
        })
        .collect();
    with_cadence.sort_by_key(|r| r.start_utc);
    let since = today - Duration::weeks(6);
    let recent: Vec<f64> = with_cadence
        .iter()
        .filter(|r| r.date() >= since && r.date() <= today)
        .filter_map(|r| r.cadence_spm)
        .collect();
    let chosen: Vec<f64> = if recent.is_empty() {
        with_cadence
            .iter()
            .rev()
            .take(10)
            .filter_map(|r| r.cadence_spm)
            .collect()
    } else {
        recent
    };
    // At most a few thousand runs: exact in f64.
    (!chosen.is_empty()).then(|| chosen.iter().sum::<f64>() / chosen.len() as f64)
}

/// Brightness of the metronome dot (1 on the beat, fading to 0 before the next) at `elapsed_secs`.
#[must_use]
pub fn beat_pulse(spm: f64, elapsed_secs: f64) -> f32 {
    if !(MIN_SPM..=MAX_SPM).contains(&spm) || !elapsed_secs.is_finite() || elapsed_secs < 0.0 {
        return 0.0;
    }
    let interval = 60.0 / spm;
    let phase = (elapsed_secs % interval) / interval;
    #[expect(clippy::cast_possible_truncation, reason = "a value in [0, 1]")]
    let pulse = (1.0 - phase).powi(3) as f32;
    pulse
}

/// Seconds until the next beat, so the UI repaints only when the dot changes.
#[must_use]
pub fn secs_to_next_beat(spm: f64, elapsed_secs: f64) -> f64 {
    let interval = 60.0 / spm.clamp(MIN_SPM, MAX_SPM);
    interval - (elapsed_secs.max(0.0) % interval)
}

/// Why a click track could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ClickTrackError {
    #[error("cadence {0:.0} spm is outside {MIN_SPM:.0}–{MAX_SPM:.0}")]
    Cadence(f64),
    #[error("length must be 1 to 120 minutes, not {0}")]
    Minutes(u32),
    #[error("cannot write {path}: {message}")]
    Write { path: String, message: String },
}

/// 16-bit mono samples: a short 1 kHz click on every step for `minutes` minutes.
///
/// # Errors
/// A cadence outside 100–240 spm or a length outside 1–120 minutes.
#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "counts, indices and millisecond spans stay far below 2^52; values are clamped or rounded into range first; values are non-negative here"
)]
pub fn click_track_samples(spm: f64, minutes: u32) -> Result<Vec<i16>, ClickTrackError> {
    if !(MIN_SPM..=MAX_SPM).contains(&spm) {
        return Err(ClickTrackError::Cadence(spm));
    }
    if !(1..=120).contains(&minutes) {
        return Err(ClickTrackError::Minutes(minutes));
    }
    let rate = f64::from(SAMPLE_RATE_HZ);
    // u32s fit usize on every target KneeMap builds for; at most 22,050 × 60 × 120 samples (159 million).
    let total = SAMPLE_RATE_HZ as usize * 60 * minutes as usize;
    let interval = 60.0 / spm;
    // 0.03 s × 22,050 Hz: 661 samples, positive.
    let click_len = (CLICK_SECS * rate) as usize;
    let mut samples = vec![0i16; total];
    let mut beat = 0u64;
    loop {
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "a non-negative sample index, checked against the buffer length below"
        )]
        let start = (beat as f64 * interval * rate).round() as usize;
        if start >= total {
            break;
        }
        for (i, sample) in samples[start..(start + click_len).min(total)]
            .iter_mut()
            .enumerate()
        {
            // Sample indices below 661: exact in f64.
            let t = i as f64 / rate;
            let envelope = 1.0 - i as f64 / click_len as f64;
            #[expect(clippy::cast_possible_truncation, reason = "amplitude below i16::MAX")]
            let value = ((2.0 * PI * CLICK_HZ * t).sin() * envelope * 20_000.0) as i16;
            *sample = value;
        }
        beat += 1;
    }
    Ok(samples)
}

/// Writes the click track to `path` as a mono 16-bit WAV.
///
/// # Errors
/// Bad cadence or length, or the file cannot be written.
pub fn write_click_track(path: &Path, spm: f64, minutes: u32) -> Result<(), ClickTrackError> {
    let samples = click_track_samples(spm, minutes)?;
    let write_error = |e: hound::Error| ClickTrackError::Write {
        path: path.display().to_string(),
        message: e.to_string(),
    };
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: SAMPLE_RATE_HZ,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut writer = hound::WavWriter::create(path, spec).map_err(write_error)?;
    let mut i16_writer = writer.get_i16_writer(u32::try_from(samples.len()).unwrap_or(u32::MAX));
    for s in samples {
        i16_writer.write_sample(s);
    }
    i16_writer.flush().map_err(write_error)?;
    writer.finalize().map_err(write_error)
}

#[cfg(test)]
#[expect(
    clippy::float_cmp,
    reason = "expected values are computed from exact inputs"
)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    #[test]
    fn targets_are_five_and_ten_percent() {
        let t = targets(160.0);
        assert_eq!(t.plus_5_spm, 168.0);
        assert_eq!(t.plus_10_spm, 176.0);
    }

    #[test]
    fn recent_average_prefers_the_last_six_weeks() {
        let run = |day: u32, spm: f64| Run {
            start_utc: Utc.with_ymd_and_hms(2024, 3, day, 7, 0, 0).unwrap(),
            cadence_spm: Some(spm),
            ..Run::default()
        };
        let runs = vec![
            run(1, 150.0),
            run(20, 160.0),
            run(25, 170.0),
            run(26, 999.0),
        ];
        let today = NaiveDate::from_ymd_opt(2024, 4, 20).unwrap();
        assert_eq!(recent_average_spm(&runs, today), Some(165.0));
        let later = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        assert_eq!(
            recent_average_spm(&runs, later),
            Some(160.0),
            "falls back to the last runs"
        );
    }

    #[test]
    fn click_track_has_one_click_per_step() {
        let samples = click_track_samples(180.0, 1).unwrap();
        assert_eq!(samples.len(), 22_050 * 60);
        // Count click onsets: a non-zero sample after at least 100 silent ones.
        let mut onsets = 0;
        let mut silent = 1000;
        for s in &samples {
            if *s != 0 && silent > 100 {
                onsets += 1;
            }
            silent = if *s == 0 { silent + 1 } else { 0 };
        }
        assert_eq!(onsets, 180);
        assert!(click_track_samples(50.0, 1).is_err());
        assert!(click_track_samples(180.0, 0).is_err());
    }

    #[test]
    fn wav_file_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("click.wav");
        write_click_track(&path, 170.0, 1).unwrap();
        let reader = hound::WavReader::open(&path).unwrap();
        assert_eq!(reader.spec().sample_rate, 22_050);
        assert_eq!(reader.duration(), 22_050 * 60);
    }

    #[test]
    fn pulse_peaks_on_the_beat() {
        assert_eq!(beat_pulse(180.0, 0.0), 1.0);
        assert!(beat_pulse(180.0, 0.3) < 0.1);
        assert!((secs_to_next_beat(120.0, 0.2) - 0.3).abs() < 1e-9);
    }
}
