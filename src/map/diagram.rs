//! Region hit-testing on the knee pictures, for either knee: which location lies under a point.
//!
//! Regions are authored for the right knee; the left knee is the mirror image, so its polygons mirror x.

use serde::{Deserialize, Serialize};

use crate::content::{DiagramView, Region};
use crate::map::geometry::{self, NormPos};

/// Which leg.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub enum Knee {
    Left,
    #[default]
    Right,
}

impl Knee {
    pub const ALL: [Self; 2] = [Self::Left, Self::Right];

    pub fn label(self) -> &'static str {
        match self {
            Self::Left => "Left",
            Self::Right => "Right",
        }
    }

    /// Converts a point authored for the right knee to this knee (and back: mirroring is its own inverse).
    pub fn from_right_knee(self, p: NormPos) -> NormPos {
        match self {
            Self::Right => p,
            Self::Left => p.mirrored(),
        }
    }
}

/// A region's outline for the given knee, in normalised image space.
pub fn region_polygon(region: &Region, knee: Knee) -> Vec<NormPos> {
    region
        .polygon
        .iter()
        .map(|p| knee.from_right_knee(NormPos::from(*p)))
        .collect()
}

/// The region under `point` (normalised image space of `knee`'s picture); the highest priority wins
/// where regions overlap. `None` over empty space.
pub fn hit_test(view: &DiagramView, knee: Knee, point: NormPos) -> Option<&Region> {
    let authored_point = knee.from_right_knee(point);
    view.regions
        .iter()
        .filter(|r| {
            let polygon: Vec<NormPos> = r.polygon.iter().copied().map(NormPos::from).collect();
            geometry::contains(&polygon, authored_point)
        })
        .max_by_key(|r| r.priority)
}

/// A point inside the region (for its label, its keyboard focus target and tests), for the given knee.
pub fn region_anchor(region: &Region, knee: Knee) -> Option<NormPos> {
    let polygon: Vec<NormPos> = region.polygon.iter().copied().map(NormPos::from).collect();
    geometry::interior_point(&polygon).map(|p| knee.from_right_knee(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Content, ViewKind};

    fn content() -> Content {
        Content::embedded().unwrap()
    }

    #[test]
    fn every_region_anchor_hits_its_own_region_in_both_views_and_knees() {
        let content = content();
        for kind in ViewKind::ALL {
            let view = content.view(kind).unwrap();
            for knee in Knee::ALL {
                for region in &view.regions {
                    let anchor = region_anchor(region, knee).unwrap();
                    let hit = hit_test(view, knee, anchor).map(|r| r.location.id.as_str());
                    assert_eq!(hit, Some(region.location.id.as_str()), "{kind:?} {knee:?}");
                    assert_eq!(
                        content.condition(&region.location.primary).map(|c| &c.id),
                        Some(&region.location.primary)
                    );
                }
            }
        }
    }

    #[test]
    fn corners_and_margins_hit_nothing() {
        let content = content();
        for kind in ViewKind::ALL {
            let view = content.view(kind).unwrap();
            for knee in Knee::ALL {
                for p in [
                    (0.01, 0.01),
                    (0.99, 0.01),
                    (0.01, 0.99),
                    (0.99, 0.99),
                    (0.5, 0.01),
                    (0.5, 0.99),
                ] {
                    assert!(
                        hit_test(view, knee, NormPos::from(p)).is_none(),
                        "{kind:?} {knee:?} {p:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn left_knee_mirrors_the_right() {
        let content = content();
        let view = content.view(ViewKind::Front).unwrap();
        for region in &view.regions {
            let right = region_anchor(region, Knee::Right).unwrap();
            let left = region_anchor(region, Knee::Left).unwrap();
            assert!((left.x - (1.0 - right.x)).abs() < 1e-6);
            assert!((left.y - right.y).abs() < f32::EPSILON);
            // The right knee's point generally lands elsewhere (or nowhere) on the left picture.
            let left_polygon = region_polygon(region, Knee::Left);
            assert!(geometry::contains(&left_polygon, left));
        }
    }

    #[test]
    fn outer_knee_is_on_the_viewers_left_for_the_right_knee_front_view() {
        let content = content();
        let view = content.view(ViewKind::Front).unwrap();
        let anchor = |id: &str, knee| {
            let region = view.regions.iter().find(|r| r.location.id == id).unwrap();
            region_anchor(region, knee).unwrap()
        };
        assert!(
            anchor("outer_joint_line", Knee::Right).x < anchor("inner_joint_line", Knee::Right).x
        );
        assert!(
            anchor("outer_joint_line", Knee::Left).x > anchor("inner_joint_line", Knee::Left).x
        );
    }
}
