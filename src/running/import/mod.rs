//! Reading watch files (GPX, TCX, FIT, gzipped or not, folders, Strava exports) into parsed activities, with a
//! size limit on every read. Pure apart from reading the given paths; nothing here touches `RunningData`
//! (see [`merge`] for that).

mod fit;
mod gpx;
pub mod merge;
mod strava;
mod tcx;

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::model::{Sport, Units};

pub use merge::{MergeLine, MergeOutcome, MergeReport, merge_batch};

/// Limits on what an import will read. Every read stops at the limit while reading, not after.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportLimits {
    /// Largest single file read from disk (compressed or not).
    pub max_file_bytes: u64,
    /// Largest content a `.gz` file or one `.zip` entry may inflate to.
    pub max_inflated_bytes: u64,
    /// Largest total a whole `.zip` may inflate to.
    pub max_archive_inflated_bytes: u64,
    /// Most files read from one folder tree or archive.
    pub max_files: usize,
    /// Units of Strava's first `Distance` column when no metre column or file gives the distance.
    pub strava_fallback_units: Units,
}

impl Default for ImportLimits {
    fn default() -> Self {
        Self {
            max_file_bytes: 64 * 1024 * 1024,
            max_inflated_bytes: 128 * 1024 * 1024,
            max_archive_inflated_bytes: 2 * 1024 * 1024 * 1024,
            max_files: 50_000,
            strava_fallback_units: Units::Kilometres,
        }
    }
}

/// One activity read from a file or a CSV row.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedActivity {
    pub start_utc: DateTime<Utc>,
    pub sport: Sport,
    pub distance_m: f64,
    pub elapsed_secs: f64,
    pub moving_secs: Option<f64>,
    /// Steps per minute, both feet (one-foot counts already doubled).
    pub cadence_spm: Option<f64>,
    /// Gear name from a Strava export, matched against shoe names when merging.
    pub gear_name: Option<String>,
}

/// What happened to one file.
#[derive(Debug, Clone, PartialEq)]
pub enum FileOutcome {
    /// Read; warnings say what was odd (bad CRC, a Strava row whose file was missing …).
    Parsed {
        activities: Vec<ParsedActivity>,
        warnings: Vec<String>,
    },
    Failed(String),
}

/// One file (or archive entry, or CSV row) and its outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct FileReport {
    /// The path, or `export.zip!activities/1.fit.gz`, or `activities.csv row 7`.
    pub label: String,
    pub outcome: FileOutcome,
}

/// Everything one import read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportBatch {
    pub files: Vec<FileReport>,
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read: {0}")]
    Io(String),
    #[error("larger than the {limit_mb} MB limit")]
    TooLarge { limit_mb: u64 },
    #[error(
        "inflates past the {limit_mb} MB limit (possible decompression bomb); stopped while reading"
    )]
    InflatesTooFar { limit_mb: u64 },
    #[error("empty file")]
    Empty,
    #[error("not a run file (expected GPX, TCX, FIT, gzip or a Strava export)")]
    NotARunFile,
    #[error("{0}")]
    Bad(String),
}

fn mb(bytes: u64) -> u64 {
    bytes.div_ceil(1024 * 1024)
}

/// Reads at most `limit` bytes from `reader`; more than that is an error, found while reading.
pub(crate) fn read_capped(
    mut reader: impl Read,
    limit: u64,
    inflating: bool,
) -> Result<Vec<u8>, ImportError> {
    let mut bytes = Vec::new();
    reader
        .by_ref()
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| {
            if inflating {
                ImportError::Bad(format!("corrupt compressed data: {e}"))
            } else {
                ImportError::Io(e.to_string())
            }
        })?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > limit {
        return Err(if inflating {
            ImportError::InflatesTooFar {
                limit_mb: mb(limit),
            }
        } else {
            ImportError::TooLarge {
                limit_mb: mb(limit),
            }
        });
    }
    Ok(bytes)
}

/// The kinds of content recognised by their first bytes (extensions are only a hint).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Gzip,
    Zip,
    Fit,
    Gpx,
    Tcx,
    Unknown,
}

fn sniff(bytes: &[u8]) -> Kind {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        return Kind::Gzip;
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Kind::Zip;
    }
    if bytes.len() >= 12 && &bytes[8..12] == b".FIT" {
        return Kind::Fit;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head);
    if head.contains("<TrainingCenterDatabase") {
        Kind::Tcx
    } else if head.contains("<gpx") {
        Kind::Gpx
    } else {
        Kind::Unknown
    }
}

/// Parses the bytes of one activity file (already read with a limit); gzip is unwrapped once.
pub(crate) fn parse_activity_bytes(
    bytes: &[u8],
    limits: &ImportLimits,
) -> Result<(Vec<ParsedActivity>, Vec<String>), ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    match sniff(bytes) {
        Kind::Gzip => {
            let inner = read_capped(
                flate2::read::GzDecoder::new(bytes),
                limits.max_inflated_bytes,
                true,
            )?;
            if inner.is_empty() {
                return Err(ImportError::Empty);
            }
            match sniff(&inner) {
                Kind::Gzip | Kind::Zip => Err(ImportError::Bad(
                    "archive inside a gzip file is not read".into(),
                )),
                _ => parse_plain(&inner),
            }
        }
        Kind::Zip => Err(ImportError::Bad(
            "a .zip is read only as a Strava export (with activities.csv)".into(),
        )),
        _ => parse_plain(bytes),
    }
}

fn parse_plain(bytes: &[u8]) -> Result<(Vec<ParsedActivity>, Vec<String>), ImportError> {
    match sniff(bytes) {
        Kind::Fit => fit::parse(bytes).map_err(ImportError::Bad),
        Kind::Gpx => gpx::parse(bytes)
            .map(|a| (vec![a], Vec::new()))
            .map_err(ImportError::Bad),
        Kind::Tcx => tcx::parse(bytes)
            .map(|a| (a, Vec::new()))
            .map_err(ImportError::Bad),
        Kind::Gzip | Kind::Zip | Kind::Unknown => Err(ImportError::NotARunFile),
    }
}

fn report(
    label: String,
    result: Result<(Vec<ParsedActivity>, Vec<String>), ImportError>,
) -> FileReport {
    FileReport {
        label,
        outcome: match result {
            Ok((activities, warnings)) => FileOutcome::Parsed {
                activities,
                warnings,
            },
            Err(e) => FileOutcome::Failed(e.to_string()),
        },
    }
}

/// Reads one file from disk with the size limit.
fn read_file(path: &Path, limits: &ImportLimits) -> Result<Vec<u8>, ImportError> {
    let file = File::open(path).map_err(|e| ImportError::Io(e.to_string()))?;
    if let Ok(meta) = file.metadata()
        && meta.len() > limits.max_file_bytes
    {
        return Err(ImportError::TooLarge {
            limit_mb: mb(limits.max_file_bytes),
        });
    }
    read_capped(file, limits.max_file_bytes, false)
}

/// Reads every path (files, folders, Strava exports) into activities plus a line per file.
/// One damaged file never stops the rest.
#[must_use]
pub fn import_paths(paths: &[PathBuf], limits: &ImportLimits) -> ImportBatch {
    let mut batch = ImportBatch::default();
    for path in paths {
        import_one(path, limits, &mut batch);
    }
    batch
}

fn import_one(path: &Path, limits: &ImportLimits, batch: &mut ImportBatch) {
    let label = path.display().to_string();
    if path.is_dir() {
        if path.join("activities.csv").is_file() {
            strava::import_folder(path, limits, batch);
        } else {
            import_folder(path, limits, batch);
        }
        return;
    }
    let is_zip_name = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"));
    if is_zip_name || looks_like_zip(path) {
        strava::import_zip(path, limits, batch);
        return;
    }
    let result = read_file(path, limits).and_then(|bytes| parse_activity_bytes(&bytes, limits));
    batch.files.push(report(label, result));
}

fn looks_like_zip(path: &Path) -> bool {
    let mut head = [0u8; 4];
    File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| &head == b"PK\x03\x04")
}

/// A plain folder: every file in it (recursively, sorted), up to the file limit.
fn import_folder(dir: &Path, limits: &ImportLimits, batch: &mut ImportBatch) {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        let entries = match std::fs::read_dir(&current) {
            Ok(entries) => entries,
            Err(e) => {
                batch.files.push(FileReport {
                    label: current.display().to_string(),
                    outcome: FileOutcome::Failed(format!("cannot list folder: {e}")),
                });
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            // Symlinks are not followed, so a loop cannot trap the import.
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                stack.push(path);
            } else if kind.is_file() && is_activity_name(&path) {
                files.push(path);
            }
        }
    }
    files.sort();
    if files.len() > limits.max_files {
        batch.files.push(FileReport {
            label: dir.display().to_string(),
            outcome: FileOutcome::Failed(format!(
                "{} files: more than the {} file limit; only the first {} were read",
                files.len(),
                limits.max_files,
                limits.max_files
            )),
        });
        files.truncate(limits.max_files);
    }
    for file in files {
        import_one(&file, limits, batch);
    }
}

/// File names a folder import picks up (others, like a README, are skipped silently).
fn is_activity_name(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    [
        ".gpx", ".tcx", ".fit", ".gpx.gz", ".tcx.gz", ".fit.gz", ".zip",
    ]
    .iter()
    .any(|ext| name.ends_with(ext))
}

/// Parses an RFC 3339 timestamp (`2017-07-29T14:46:35.000Z`) to UTC.
#[must_use]
pub(crate) fn parse_time(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text.trim())
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// Maps a sport name from a file or export (several languages) to a [`Sport`].
#[must_use]
pub(crate) fn sport_from_name(name: &str) -> Sport {
    let name = name.trim().to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| name.contains(w));
    if has(&["elliptic", "ellipti", "crosstrainer"]) {
        Sport::Elliptical
    } else if has(&[
        "walk",
        "hik",
        "wander",
        "spazier",
        "marche",
        "randonn",
        "caminat",
        "senderismo",
    ]) {
        Sport::Walking
    } else if has(&["swim", "schwimm", "natation", "nata", "zwem"]) {
        Sport::Swimming
    } else if has(&[
        "bik", "cycl", "ride", "rad", "vélo", "velo", "ciclis", "fiets", "bici",
    ]) {
        Sport::Cycling
    } else if has(&[
        "run", "lauf", "course", "carrera", "corsa", "hardloop", "jog", "trail",
    ]) || name.is_empty()
    {
        Sport::Run
    } else {
        Sport::Other
    }
}

/// Great-circle distance between two WGS84 points in metres (haversine on a 6371 km sphere).
#[must_use]
pub(crate) fn haversine_m(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    const EARTH_RADIUS_M: f64 = 6_371_000.0;
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * a.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn sniffing_ignores_extensions() {
        assert_eq!(
            sniff(b"<?xml version='1.0'?><gpx version=\"1.1\">"),
            Kind::Gpx
        );
        assert_eq!(sniff(b"<TrainingCenterDatabase>"), Kind::Tcx);
        assert_eq!(
            sniff(&[14, 16, 0, 0, 0, 0, 0, 0, b'.', b'F', b'I', b'T']),
            Kind::Fit
        );
        assert_eq!(sniff(b"hello"), Kind::Unknown);
    }

    #[test]
    fn gzip_bomb_is_stopped_while_reading() {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        let zeros = vec![0u8; 1024 * 1024];
        for _ in 0..8 {
            encoder.write_all(&zeros).unwrap();
        }
        let bomb = encoder.finish().unwrap();
        let limits = ImportLimits {
            max_inflated_bytes: 1024 * 1024,
            ..ImportLimits::default()
        };
        let err = parse_activity_bytes(&bomb, &limits).unwrap_err();
        assert!(
            matches!(err, ImportError::InflatesTooFar { limit_mb: 1 }),
            "{err:?}"
        );
    }

    #[test]
    fn empty_random_and_truncated_gzip_fail_cleanly() {
        let limits = ImportLimits::default();
        assert_eq!(
            parse_activity_bytes(b"", &limits).unwrap_err(),
            ImportError::Empty
        );
        assert_eq!(
            parse_activity_bytes(b"just some text", &limits).unwrap_err(),
            ImportError::NotARunFile
        );
        let err = parse_activity_bytes(&[0x1f, 0x8b, 8, 0, 1, 2], &limits).unwrap_err();
        assert!(err.to_string().contains("corrupt"), "{err}");
    }

    #[test]
    fn sport_names_in_several_languages() {
        assert_eq!(sport_from_name("Running"), Sport::Run);
        assert_eq!(sport_from_name("Lauf"), Sport::Run);
        assert_eq!(sport_from_name("Ride"), Sport::Cycling);
        assert_eq!(sport_from_name("Radfahrt"), Sport::Cycling);
        assert_eq!(sport_from_name("Swim"), Sport::Swimming);
        assert_eq!(sport_from_name("Elliptical"), Sport::Elliptical);
        assert_eq!(sport_from_name("Walk"), Sport::Walking);
        assert_eq!(sport_from_name("Rowing"), Sport::Other);
    }

    #[test]
    fn haversine_one_degree_of_latitude() {
        let d = haversine_m(0.0, 0.0, 1.0, 0.0);
        assert!((d - 111_195.0).abs() < 1.0, "{d}");
    }
}
