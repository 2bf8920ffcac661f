//! Command-line interface: run the app (optionally on content from disk) or check content without a window.

use std::path::{Path, PathBuf};

use clap::Parser;

use crate::content::Content;

/// KneeMap: knee pain map, red flags and strength planner for runners (offline, educational).
#[derive(Debug, Parser)]
#[command(name = "kneemap", version, about)]
pub struct Cli {
    /// Run on the content files in DIR instead of the copy built into the app (for content authors).
    #[arg(long, value_name = "DIR")]
    pub content_dir: Option<PathBuf>,

    /// Validate content and exit: DIR if given, otherwise the built-in copy. Prints every problem as
    /// `file:line:col: message` and exits non-zero, or prints a one-line summary and exits 0.
    #[arg(long, value_name = "DIR", num_args = 0..=1)]
    pub check_content: Option<Option<PathBuf>>,
}

/// Result of `--check-content`: what to print and whether it passed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    pub ok: bool,
    /// One line per problem, or the summary line.
    pub lines: Vec<String>,
}

/// Validates the content in `dir` (or the built-in copy).
pub fn check_content(dir: Option<&Path>) -> CheckReport {
    match load_content(dir) {
        Ok(content) => CheckReport {
            ok: true,
            lines: vec![content.summary()],
        },
        Err(errors) => {
            let mut lines: Vec<String> = errors.0.iter().map(ToString::to_string).collect();
            lines.push(format!("{} problem(s) found", errors.0.len()));
            CheckReport { ok: false, lines }
        }
    }
}

/// Loads the content the app should run on.
pub fn load_content(content_dir: Option<&Path>) -> Result<Content, crate::content::ContentErrors> {
    match content_dir {
        Some(dir) => Content::from_dir(dir),
        None => Content::embedded(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_parse() {
        let cli = Cli::try_parse_from(["kneemap", "--check-content"]).unwrap();
        assert_eq!(cli.check_content, Some(None));
        let cli = Cli::try_parse_from(["kneemap", "--check-content", "content"]).unwrap();
        assert_eq!(cli.check_content, Some(Some(PathBuf::from("content"))));
        let cli = Cli::try_parse_from(["kneemap", "--content-dir", "x"]).unwrap();
        assert_eq!(cli.content_dir, Some(PathBuf::from("x")));
        assert!(Cli::try_parse_from(["kneemap", "--bogus"]).is_err());
    }

    #[test]
    fn built_in_content_checks_clean() {
        let report = check_content(None);
        assert!(report.ok, "{:?}", report.lines);
        assert_eq!(report.lines.len(), 1);
        assert!(report.lines[0].starts_with("content OK"));
    }

    #[test]
    fn missing_directory_reports_every_file() {
        let report = check_content(Some(Path::new("/definitely/not/here")));
        assert!(!report.ok);
        assert!(report.lines.iter().any(|l| l.contains("conditions.ron")));
        assert!(report.lines.len() >= 8);
    }
}
