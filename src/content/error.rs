//! Content errors: each names the file, the line and column, what kind of problem it is, and a message.

use std::fmt;

/// What is wrong, so tests and tools can tell problems apart without parsing messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ContentErrorKind {
    /// The file could not be read.
    Io,
    /// Not valid RON, or a value of the wrong type.
    Syntax,
    /// A field the model does not know (usually a typo).
    UnknownField,
    /// A required field is absent.
    MissingField,
    /// Two items of the same kind share an id.
    DuplicateId,
    /// A reference names an id that does not exist.
    DanglingReference,
    /// A polygon has fewer than 3 points.
    TooFewPoints,
    /// A polygon point lies outside [0,1] or is not a number.
    PointOutOfRange,
    /// A polygon's edges cross each other.
    SelfIntersecting,
    /// Two regions of a view overlap and neither has a higher priority.
    OverlapWithoutPriority,
    /// Required text is empty or only whitespace.
    EmptyText,
    /// One of the article's five conditions (or a diagram view) is missing.
    MissingRequired,
    /// The same location id is defined differently in two views.
    InconsistentLocation,
    /// A number or value that cannot be right (zero sets, an aspect ratio of 0 …).
    BadValue,
}

/// One problem in one content file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    /// File name relative to the content directory, e.g. `regions.ron`.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    pub kind: ContentErrorKind,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.col, self.message
        )
    }
}

/// All problems found in a content set (never empty when returned as an error).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ContentErrors(pub Vec<ContentError>);

impl fmt::Display for ContentErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl ContentErrors {
    /// The distinct kinds present, for tests.
    pub fn kinds(&self) -> Vec<ContentErrorKind> {
        let mut kinds: Vec<ContentErrorKind> = Vec::new();
        for error in &self.0 {
            if !kinds.contains(&error.kind) {
                kinds.push(error.kind);
            }
        }
        kinds
    }
}
