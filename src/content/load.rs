//! Reading the content files (embedded or from a directory) and parsing each into its typed model.

use std::path::Path;

use serde::de::DeserializeOwned;

use super::error::{ContentError, ContentErrorKind, ContentErrors};
use super::model::running::RunningGuidance;
use super::model::{
    ConditionsFile, ExercisesFile, Guidance, ProgrammesFile, RedFlagsFile, RegionsFile,
    SourcesFile, SymptomsFile,
};
use super::{Content, validate};

/// The content files, in load order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentFileKind {
    Sources,
    Conditions,
    Regions,
    Symptoms,
    RedFlags,
    Exercises,
    Guidance,
    Programmes,
    /// Running load rules, return-to-run plans, shoe and cadence texts (`model::running`).
    Running,
}

impl ContentFileKind {
    /// File name inside the content directory.
    pub fn file_name(self) -> &'static str {
        match self {
            Self::Sources => "sources.ron",
            Self::Conditions => "conditions.ron",
            Self::Regions => "regions.ron",
            Self::Symptoms => "symptoms.ron",
            Self::RedFlags => "red_flags.ron",
            Self::Exercises => "exercises.ron",
            Self::Guidance => "guidance.ron",
            Self::Programmes => "programmes.ron",
            Self::Running => "running.ron",
        }
    }

    fn embedded_text(self) -> &'static str {
        match self {
            Self::Sources => include_str!("../../content/sources.ron"),
            Self::Conditions => include_str!("../../content/conditions.ron"),
            Self::Regions => include_str!("../../content/regions.ron"),
            Self::Symptoms => include_str!("../../content/symptoms.ron"),
            Self::RedFlags => include_str!("../../content/red_flags.ron"),
            Self::Exercises => include_str!("../../content/exercises.ron"),
            Self::Guidance => include_str!("../../content/guidance.ron"),
            Self::Programmes => include_str!("../../content/programmes.ron"),
            Self::Running => include_str!("../../content/running.ron"),
        }
    }
}

/// Every content file.
pub const CONTENT_FILES: [ContentFileKind; 9] = [
    ContentFileKind::Sources,
    ContentFileKind::Conditions,
    ContentFileKind::Regions,
    ContentFileKind::Symptoms,
    ContentFileKind::RedFlags,
    ContentFileKind::Exercises,
    ContentFileKind::Guidance,
    ContentFileKind::Programmes,
    ContentFileKind::Running,
];

/// Largest content file accepted from disk; the shipped files are far smaller.
const MAX_CONTENT_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// The unparsed text of every content file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawContent {
    texts: Vec<(ContentFileKind, String)>,
}

impl RawContent {
    /// The copy compiled into the binary.
    pub fn embedded() -> Self {
        Self {
            texts: CONTENT_FILES
                .iter()
                .map(|kind| (*kind, kind.embedded_text().to_owned()))
                .collect(),
        }
    }

    /// Reads every content file from `dir`; reports every unreadable file, not just the first.
    pub fn from_dir(dir: &Path) -> Result<Self, ContentErrors> {
        let mut texts = Vec::new();
        let mut errors = Vec::new();
        for kind in CONTENT_FILES {
            let path = dir.join(kind.file_name());
            let io_error = |message: String| ContentError {
                file: path.display().to_string(),
                line: 1,
                col: 1,
                kind: ContentErrorKind::Io,
                message,
            };
            match std::fs::metadata(&path) {
                Ok(meta) if meta.len() > MAX_CONTENT_FILE_BYTES => {
                    errors.push(io_error(format!(
                        "file is {} bytes; content files are limited to {MAX_CONTENT_FILE_BYTES} bytes",
                        meta.len()
                    )));
                    continue;
                }
                Ok(_) => {}
                Err(e) => {
                    errors.push(io_error(format!("cannot read: {e}")));
                    continue;
                }
            }
            match std::fs::read_to_string(&path) {
                Ok(text) => texts.push((kind, text)),
                Err(e) => errors.push(io_error(format!("cannot read: {e}"))),
            }
        }
        if errors.is_empty() {
            Ok(Self { texts })
        } else {
            Err(ContentErrors(errors))
        }
    }

    /// Builds a content set from the embedded files with one file's text replaced (for tests and tools).
    #[must_use]
    pub fn with_file(mut self, kind: ContentFileKind, text: impl Into<String>) -> Self {
        let text = text.into();
        for (k, t) in &mut self.texts {
            if *k == kind {
                t.clone_from(&text);
            }
        }
        self
    }

    /// The text of one file.
    pub fn text(&self, kind: ContentFileKind) -> &str {
        self.texts
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or("", |(_, t)| t.as_str())
    }

    /// Parses every file, then validates the whole set. Returns every problem found.
    pub fn parse(&self) -> Result<Content, ContentErrors> {
        let mut errors = Vec::new();
        let sources: Option<SourcesFile> = self.parse_file(ContentFileKind::Sources, &mut errors);
        let conditions: Option<ConditionsFile> =
            self.parse_file(ContentFileKind::Conditions, &mut errors);
        let regions: Option<RegionsFile> = self.parse_file(ContentFileKind::Regions, &mut errors);
        let symptoms: Option<SymptomsFile> =
            self.parse_file(ContentFileKind::Symptoms, &mut errors);
        let red_flags: Option<RedFlagsFile> =
            self.parse_file(ContentFileKind::RedFlags, &mut errors);
        let exercises: Option<ExercisesFile> =
            self.parse_file(ContentFileKind::Exercises, &mut errors);
        let guidance: Option<Guidance> = self.parse_file(ContentFileKind::Guidance, &mut errors);
        let programmes: Option<ProgrammesFile> =
            self.parse_file(ContentFileKind::Programmes, &mut errors);
        let running: Option<RunningGuidance> =
            self.parse_file(ContentFileKind::Running, &mut errors);
        let (
            Some(sources),
            Some(conditions),
            Some(regions),
            Some(symptoms),
            Some(red_flags),
            Some(exercises),
            Some(guidance),
            Some(programmes),
            Some(running),
        ) = (
            sources, conditions, regions, symptoms, red_flags, exercises, guidance, programmes,
            running,
        )
        else {
            return Err(ContentErrors(errors));
        };
        let content = Content::assemble(
            sources.sources,
            conditions.conditions,
            regions,
            symptoms.questions,
            red_flags.red_flags,
            exercises.exercises,
            guidance,
            programmes,
            running,
        );
        let problems = validate::validate(&content, self);
        if problems.is_empty() {
            Ok(content)
        } else {
            Err(ContentErrors(problems))
        }
    }

    fn parse_file<T: DeserializeOwned>(
        &self,
        kind: ContentFileKind,
        errors: &mut Vec<ContentError>,
    ) -> Option<T> {
        let options = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        match options.from_str::<T>(self.text(kind)) {
            Ok(value) => Some(value),
            Err(e) => {
                let error_kind = match &e.code {
                    ron::Error::NoSuchStructField { .. } => ContentErrorKind::UnknownField,
                    ron::Error::MissingStructField { .. } => ContentErrorKind::MissingField,
                    _ => ContentErrorKind::Syntax,
                };
                errors.push(ContentError {
                    file: kind.file_name().to_owned(),
                    line: e.span.start.line,
                    col: e.span.start.col,
                    kind: error_kind,
                    message: e.code.to_string(),
                });
                None
            }
        }
    }
}
