//! Every source in `sources.ron` must be cited somewhere: a source nothing cites is dead weight the About tab
//! would still list as evidence.

use super::{Checker, quoted};
use crate::content::Content;
use crate::content::error::ContentErrorKind as Kind;
use crate::content::load::{CONTENT_FILES, ContentFileKind as File};

pub(super) fn check_every_source_is_cited(content: &Content, checker: &mut Checker<'_>) {
    for source in &content.sources {
        let needle = quoted(&source.id);
        let cited = CONTENT_FILES
            .iter()
            .filter(|kind| **kind != File::Sources)
            .any(|kind| checker.raw.text(*kind).contains(&needle));
        if !cited {
            checker.report(
                File::Sources,
                &[&format!("id: {needle}")],
                Kind::BadValue,
                format!(
                    "source '{}' is cited nowhere: cite it or remove it",
                    source.id
                ),
            );
        }
    }
}
