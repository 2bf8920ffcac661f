//! The sources every fact cites (`content/sources.ron`).

use serde::{Deserialize, Serialize};

use super::EvidenceLevel;

/// `content/sources.ron`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcesFile {
    pub sources: Vec<Source>,
}

/// A publication, guideline or article that facts cite.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    /// E.g. "Crossley KM et al." or "Alex".
    pub authors: String,
    pub year: Option<u16>,
    pub title: String,
    /// Journal, publisher or website.
    pub published_in: String,
    #[serde(default)]
    pub doi: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    pub level: EvidenceLevel,
    /// False when the fact was seen only in a secondary summary or from memory, not checked in the original.
    pub verified_primary: bool,
    /// Optional caveat shown with the source (design, size, limits).
    #[serde(default)]
    pub note: String,
}
