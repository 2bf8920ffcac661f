//! Strava bulk exports (the `.zip` or its unpacked folder): `activities.csv` plus the files it links.
//! The CSV repeats column names, follows the account's language, changes its column count between versions and
//! writes its first `Distance` in the account's units with a locale decimal mark.

use std::fs::File;
use std::io::{Read, Seek};
use std::path::{Component, Path};

use chrono::{DateTime, NaiveDateTime, Utc};

use super::{
    FileOutcome, FileReport, ImportBatch, ImportError, ImportLimits, ParsedActivity, mb,
    parse_activity_bytes, read_capped, sport_from_name,
};

/// Header names seen in Strava exports, by language (lower case).
const DATE: &[&str] = &[
    "activity date",
    "aktivitätsdatum",
    "date de l'activité",
    "fecha de la actividad",
    "data dell'attività",
    "activiteitsdatum",
];
const TYPE: &[&str] = &[
    "activity type",
    "aktivitätsart",
    "type d'activité",
    "tipo de actividad",
    "tipo di attività",
    "activiteitstype",
];
const ELAPSED: &[&str] = &[
    "elapsed time",
    "verstrichene zeit",
    "temps écoulé",
    "tiempo transcurrido",
    "tempo trascorso",
    "verstreken tijd",
];
const MOVING: &[&str] = &[
    "moving time",
    "bewegungszeit",
    "temps de déplacement",
    "tiempo en movimiento",
    "tempo in movimento",
    "beweegtijd",
];
const DISTANCE: &[&str] = &[
    "distance",
    "distanz",
    "distancia",
    "distanza",
    "afstand",
    "entfernung",
];
const GEAR: &[&str] = &[
    "activity gear",
    "aktivitätsausrüstung",
    "ausrüstung",
    "équipement de l'activité",
    "equipo de la actividad",
    "attrezzatura dell'attività",
    "uitrusting voor activiteit",
];
const FILENAME: &[&str] = &[
    "filename",
    "dateiname",
    "nom du fichier",
    "nombre de archivo",
    "nome file",
    "bestandsnaam",
];

/// Column positions found in one CSV header.
#[derive(Debug, Default)]
struct Columns {
    date: Option<usize>,
    sport: Option<usize>,
    elapsed: Option<usize>,
    moving: Option<usize>,
    /// First `Distance`: the account's units, locale decimal mark.
    distance_user: Option<usize>,
    /// Second `Distance`: metres.
    distance_m: Option<usize>,
    gear: Option<usize>,
    filename: Option<usize>,
}

impl Columns {
    fn from_header(header: &csv::StringRecord) -> Self {
        let names: Vec<String> = header
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}').to_lowercase())
            .collect();
        let all = |aliases: &[&str]| -> Vec<usize> {
            names
                .iter()
                .enumerate()
                .filter(|(_, n)| aliases.contains(&n.as_str()))
                .map(|(i, _)| i)
                .collect()
        };
        let distances = all(DISTANCE);
        let elapsed = all(ELAPSED);
        Self {
            // The first columns have kept their order in every version seen: id, date, name, type, description,
            // elapsed time, distance. Unknown languages fall back to those positions.
            date: all(DATE)
                .first()
                .copied()
                .or((names.len() > 1).then_some(1)),
            sport: all(TYPE)
                .first()
                .copied()
                .or((names.len() > 3).then_some(3)),
            elapsed: elapsed.first().copied().or((names.len() > 5).then_some(5)),
            moving: all(MOVING).first().copied(),
            distance_user: distances
                .first()
                .copied()
                .or((names.len() > 6).then_some(6)),
            distance_m: distances.get(1).copied(),
            gear: all(GEAR).first().copied(),
            filename: all(FILENAME).first().copied(),
        }
    }
}

/// Parses a number written with either decimal mark (`12.84`, `12,84`, `1.234,5`, `1,234.5`).
#[must_use]
pub(super) fn parse_locale_number(text: &str) -> Option<f64> {
    let t: String = text
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    if t.is_empty() {
        return None;
    }
    let normalised = match (t.rfind(','), t.rfind('.')) {
        (Some(c), Some(d)) if c > d => t.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => t.replace(',', ""),
        (Some(_), None) => t.replace(',', "."),
        _ => t,
    };
    normalised
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v >= 0.0)
}

/// Parses Strava's export dates (UTC) in the formats seen across languages.
#[must_use]
pub(super) fn parse_strava_date(text: &str) -> Option<DateTime<Utc>> {
    const FORMATS: &[&str] = &[
        "%b %d, %Y, %I:%M:%S %p",
        "%b %e, %Y, %l:%M:%S %p",
        "%d.%m.%Y, %H:%M:%S",
        "%d/%m/%Y, %H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%SZ",
        "%d %b %Y, %H:%M:%S",
        "%d-%m-%Y, %H:%M:%S",
    ];
    let text = text.trim();
    FORMATS
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
        .map(|naive| naive.and_utc())
}

/// One CSV row, as far as it could be read.
struct Row {
    line: u64,
    start_utc: Option<DateTime<Utc>>,
    sport_name: String,
    elapsed_secs: Option<f64>,
    moving_secs: Option<f64>,
    distance_user: Option<f64>,
    distance_m: Option<f64>,
    gear: Option<String>,
    filename: Option<String>,
}

fn read_rows(csv_bytes: &[u8]) -> Result<Vec<Row>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(csv_bytes);
    let header = reader
        .headers()
        .map_err(|e| format!("activities.csv header cannot be read: {e}"))?
        .clone();
    let columns = Columns::from_header(&header);
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| format!("activities.csv: {e}"))?;
        let get = |i: Option<usize>| {
            i.and_then(|i| record.get(i))
                .map(str::trim)
                .filter(|s| !s.is_empty())
        };
        let filename = get(columns.filename).map(str::to_owned).or_else(|| {
            // Column names unknown: the file column is the one naming a file under activities/.
            record
                .iter()
                .find(|v| v.starts_with("activities/"))
                .map(str::to_owned)
        });
        rows.push(Row {
            line: record.position().map_or(0, csv::Position::line),
            start_utc: get(columns.date).and_then(parse_strava_date),
            sport_name: get(columns.sport).unwrap_or("").to_owned(),
            elapsed_secs: get(columns.elapsed).and_then(parse_locale_number),
            moving_secs: get(columns.moving).and_then(parse_locale_number),
            distance_user: get(columns.distance_user).and_then(parse_locale_number),
            distance_m: get(columns.distance_m).and_then(parse_locale_number),
            gear: get(columns.gear).map(str::to_owned),
            filename,
        });
    }
    Ok(rows)
}

/// Where the linked files come from: the unpacked folder or the archive.
trait Source {
    fn read(&mut self, name: &str, limits: &ImportLimits) -> Result<Option<Vec<u8>>, ImportError>;
    fn label(&self, name: &str) -> String;
}

struct FolderSource<'a>(&'a Path);

/// A relative path inside the export with no `..`, root or drive parts.
fn is_safe_relative(name: &str) -> bool {
    Path::new(name)
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
}

impl Source for FolderSource<'_> {
    fn read(&mut self, name: &str, limits: &ImportLimits) -> Result<Option<Vec<u8>>, ImportError> {
        if !is_safe_relative(name) {
            return Err(ImportError::Bad(format!(
                "file name '{name}' points outside the export"
            )));
        }
        let path = self.0.join(name);
        if !path.is_file() {
            return Ok(None);
        }
        super::read_file(&path, limits).map(Some)
    }
    fn label(&self, name: &str) -> String {
        self.0.join(name).display().to_string()
    }
}

struct ZipSource<R: Read + Seek> {
    archive: zip::ZipArchive<R>,
    zip_label: String,
    inflated_total: u64,
}

impl<R: Read + Seek> ZipSource<R> {
    fn read_entry(&mut self, index: usize, limits: &ImportLimits) -> Result<Vec<u8>, ImportError> {
        let remaining = limits
            .max_archive_inflated_bytes
            .saturating_sub(self.inflated_total);
        let cap = limits.max_inflated_bytes.min(remaining);
        let entry = self
            .archive
            .by_index(index)
            .map_err(|e| ImportError::Bad(format!("damaged archive entry: {e}")))?;
        let bytes = read_capped(entry, cap, true).map_err(|e| match e {
            ImportError::InflatesTooFar { .. } if cap < limits.max_inflated_bytes => {
                ImportError::InflatesTooFar {
                    limit_mb: mb(limits.max_archive_inflated_bytes),
                }
            }
            other => other,
        })?;
        self.inflated_total += u64::try_from(bytes.len()).unwrap_or(u64::MAX);
        Ok(bytes)
    }
}

impl<R: Read + Seek> Source for ZipSource<R> {
    fn read(&mut self, name: &str, limits: &ImportLimits) -> Result<Option<Vec<u8>>, ImportError> {
        let wanted = name.trim_start_matches("./");
        let Some(index) = self.archive.index_for_name(wanted) else {
            return Ok(None);
        };
        self.read_entry(index, limits).map(Some)
    }
    fn label(&self, name: &str) -> String {
        format!("{}!{}", self.zip_label, name)
    }
}

/// Imports an unpacked export folder.
pub(super) fn import_folder(dir: &Path, limits: &ImportLimits, batch: &mut ImportBatch) {
    let csv_path = dir.join("activities.csv");
    match super::read_file(&csv_path, limits) {
        Ok(bytes) => import_rows(
            &bytes,
            &mut FolderSource(dir),
            &csv_path.display().to_string(),
            limits,
            batch,
        ),
        Err(e) => batch.files.push(FileReport {
            label: csv_path.display().to_string(),
            outcome: FileOutcome::Failed(e.to_string()),
        }),
    }
}

/// Imports a `.zip`: a Strava export when it holds `activities.csv`, otherwise every activity file in it.
pub(super) fn import_zip(path: &Path, limits: &ImportLimits, batch: &mut ImportBatch) {
    let label = path.display().to_string();
    let fail = |batch: &mut ImportBatch, reason: String| {
        batch.files.push(FileReport {
            label: label.clone(),
            outcome: FileOutcome::Failed(reason),
        });
    };
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) => return fail(batch, format!("cannot read: {e}")),
    };
    let archive = match zip::ZipArchive::new(file) {
        Ok(archive) => archive,
        Err(e) => return fail(batch, format!("not a readable zip archive: {e}")),
    };
    if archive.len() > limits.max_files {
        return fail(
            batch,
            format!(
                "{} entries: more than the {} file limit",
                archive.len(),
                limits.max_files
            ),
        );
    }
    let csv_name = archive
        .file_names()
        .filter_map(Result::ok)
        .filter(|n| n.rsplit('/').next() == Some("activities.csv"))
        .min_by_key(|n| n.len())
        .map(std::borrow::Cow::into_owned);
    let mut source = ZipSource {
        archive,
        zip_label: label.clone(),
        inflated_total: 0,
    };
    let Some(csv_name) = csv_name else {
        // A plain zip of activity files.
        for index in 0..source.archive.len() {
            let name = match source.archive.name_for_index(index) {
                Some(Ok(name)) => name.into_owned(),
                _ => continue,
            };
            if name.ends_with('/') || !super::is_activity_name(Path::new(&name)) {
                continue;
            }
            let result = source
                .read_entry(index, limits)
                .and_then(|b| parse_activity_bytes(&b, limits));
            batch.files.push(super::report(source.label(&name), result));
        }
        return;
    };
    let prefix = csv_name.trim_end_matches("activities.csv").to_owned();
    match source.read(&csv_name, limits) {
        Ok(Some(bytes)) => {
            let mut prefixed = PrefixedSource {
                inner: &mut source,
                prefix,
            };
            import_rows(
                &bytes,
                &mut prefixed,
                &format!("{label}!{csv_name}"),
                limits,
                batch,
            );
        }
        Ok(None) => fail(batch, "activities.csv vanished from the archive".to_owned()),
        Err(e) => fail(batch, format!("activities.csv: {e}")),
    }
}

/// Resolves CSV file names relative to the folder holding `activities.csv` inside the archive.
struct PrefixedSource<'a, S: Source> {
    inner: &'a mut S,
    prefix: String,
}

impl<S: Source> Source for PrefixedSource<'_, S> {
    fn read(&mut self, name: &str, limits: &ImportLimits) -> Result<Option<Vec<u8>>, ImportError> {
        self.inner.read(&format!("{}{}", self.prefix, name), limits)
    }
    fn label(&self, name: &str) -> String {
        self.inner.label(&format!("{}{}", self.prefix, name))
    }
}

fn import_rows(
    csv_bytes: &[u8],
    source: &mut impl Source,
    csv_label: &str,
    limits: &ImportLimits,
    batch: &mut ImportBatch,
) {
    let rows = match read_rows(csv_bytes) {
        Ok(rows) => rows,
        Err(reason) => {
            batch.files.push(FileReport {
                label: csv_label.to_owned(),
                outcome: FileOutcome::Failed(reason),
            });
            return;
        }
    };
    for row in rows {
        let csv_sport = (!row.sport_name.is_empty()).then(|| sport_from_name(&row.sport_name));
        if let Some(name) = &row.filename {
            let label = source.label(name);
            match source
                .read(name, limits)
                .and_then(|b| b.map(|b| parse_activity_bytes(&b, limits)).transpose())
            {
                Ok(Some((mut activities, warnings))) => {
                    for a in &mut activities {
                        a.gear_name.clone_from(&row.gear);
                        if let Some(sport) = csv_sport {
                            a.sport = sport;
                        }
                    }
                    batch.files.push(FileReport {
                        label,
                        outcome: FileOutcome::Parsed {
                            activities,
                            warnings,
                        },
                    });
                    continue;
                }
                Ok(None) => {
                    let outcome = match from_row(&row, limits) {
                        Ok(a) => FileOutcome::Parsed {
                            activities: vec![a],
                            warnings: vec![
                                "linked file is missing; read from the CSV row".to_owned(),
                            ],
                        },
                        Err(reason) => {
                            FileOutcome::Failed(format!("linked file is missing and {reason}"))
                        }
                    };
                    batch.files.push(FileReport { label, outcome });
                    continue;
                }
                Err(e) => {
                    batch.files.push(FileReport {
                        label,
                        outcome: FileOutcome::Failed(e.to_string()),
                    });
                    continue;
                }
            }
        }
        let label = format!("{csv_label} line {}", row.line);
        let outcome = match from_row(&row, limits) {
            Ok(a) => FileOutcome::Parsed {
                activities: vec![a],
                warnings: Vec::new(),
            },
            Err(reason) => FileOutcome::Failed(reason),
        };
        batch.files.push(FileReport { label, outcome });
    }
}

/// An activity from the CSV alone (manual entries, treadmill runs).
fn from_row(row: &Row, limits: &ImportLimits) -> Result<ParsedActivity, String> {
    let start = row.start_utc.ok_or("the row's date cannot be read")?;
    let elapsed = row.elapsed_secs.ok_or("the row has no elapsed time")?;
    let distance_m = row
        .distance_m
        .or_else(|| {
            row.distance_user
                .map(|d| limits.strava_fallback_units.to_metres(d))
        })
        .unwrap_or(0.0);
    Ok(ParsedActivity {
        start_utc: start,
        sport: sport_from_name(&row.sport_name),
        distance_m,
        elapsed_secs: elapsed,
        moving_secs: row.moving_secs,
        cadence_spm: None,
        gear_name: row.gear.clone(),
    })
}

#[cfg(test)]
#[expect(
    clippy::float_cmp,
    reason = "expected values are computed from exact inputs"
)]
mod tests {
    use super::*;
    use crate::running::model::Sport;

    #[test]
    fn locale_numbers() {
        assert_eq!(parse_locale_number("12.84"), Some(12.84));
        assert_eq!(parse_locale_number("12,84"), Some(12.84));
        assert_eq!(parse_locale_number("1.234,5"), Some(1234.5));
        assert_eq!(parse_locale_number("1,234.5"), Some(1234.5));
        assert_eq!(parse_locale_number(""), None);
        assert_eq!(parse_locale_number("abc"), None);
    }

    #[test]
    fn dates_in_english_and_german() {
        let en = parse_strava_date("Jul 29, 2017, 2:46:35 PM").unwrap();
        assert_eq!(en.to_rfc3339(), "2017-07-29T14:46:35+00:00");
        let de = parse_strava_date("15.08.2015, 14:45:08").unwrap();
        assert_eq!(de.to_rfc3339(), "2015-08-15T14:45:08+00:00");
        assert!(parse_strava_date("yesterday").is_none());
    }

    #[test]
    fn german_csv_with_repeated_columns_and_no_file() {
        let csv = "Aktivitäts-ID,Aktivitätsdatum,Name der Aktivität,Aktivitätsart,Beschreibung,Verstrichene Zeit,Distanz,Dateiname,Verstrichene Zeit,Bewegungszeit,Distanz\n\
                   7,\"15.08.2015, 14:45:08\",Lauf,Lauf,,1800,\"5,20\",,1800,1750,5200.5\n\
                   8,\"16.08.2015, 07:00:00\",Rad,Radfahrt,,3600,\"20,0\",,3600,3500,\n";
        let rows = read_rows(csv.as_bytes()).unwrap();
        let limits = ImportLimits::default();
        let run = from_row(&rows[0], &limits).unwrap();
        assert_eq!(run.distance_m, 5200.5, "second Distance column is metres");
        assert_eq!(run.moving_secs, Some(1750.0));
        assert_eq!(run.sport, Sport::Run);
        let ride = from_row(
            &rows[1],
            &ImportLimits {
                strava_fallback_units: crate::running::model::Units::Miles,
                ..limits
            },
        )
        .unwrap();
        assert_eq!(ride.sport, Sport::Cycling);
        assert!(
            (ride.distance_m - 20.0 * 1609.344).abs() < 1e-6,
            "first Distance in the fallback units"
        );
    }

    #[test]
    fn traversal_names_are_refused() {
        assert!(!is_safe_relative("../etc/passwd"));
        assert!(!is_safe_relative("/etc/passwd"));
        assert!(is_safe_relative("activities/1.gpx"));
    }
}
