//! Plane geometry on normalised image coordinates: point-in-polygon, simplicity and overlap checks, mirroring.
//!
//! Coordinates are "normalised image space": x and y in [0,1], y pointing down, independent of screen size.

/// A point in normalised image space.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NormPos {
    pub x: f32,
    pub y: f32,
}

impl NormPos {
    pub const fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }

    /// The same anatomical point on the other leg: the picture is mirrored left-right.
    #[must_use]
    pub fn mirrored(self) -> Self {
        Self::new(1.0 - self.x, self.y)
    }

    /// True when both coordinates are finite and inside [0,1].
    pub fn is_in_unit_square(self) -> bool {
        (0.0..=1.0).contains(&self.x) && (0.0..=1.0).contains(&self.y)
    }
}

impl From<(f32, f32)> for NormPos {
    fn from((x, y): (f32, f32)) -> Self {
        Self::new(x, y)
    }
}

/// Axis-aligned bounding box of a polygon as (min, max); `None` for an empty polygon.
pub fn bounding_box(polygon: &[NormPos]) -> Option<(NormPos, NormPos)> {
    let first = *polygon.first()?;
    Some(polygon.iter().fold((first, first), |(min, max), p| {
        (
            NormPos::new(min.x.min(p.x), min.y.min(p.y)),
            NormPos::new(max.x.max(p.x), max.y.max(p.y)),
        )
    }))
}

/// Even-odd rule point-in-polygon test. Points exactly on an edge may go either way.
pub fn contains(polygon: &[NormPos], point: NormPos) -> bool {
    let mut inside = false;
    let n = polygon.len();
    if n < 3 {
        return false;
    }
    let mut j = n - 1;
    for i in 0..n {
        let (a, b) = (polygon[i], polygon[j]);
        if (a.y > point.y) != (b.y > point.y) {
            let x_at_y = a.x + (point.y - a.y) / (b.y - a.y) * (b.x - a.x);
            if point.x < x_at_y {
                inside = !inside;
            }
        }
        j = i;
    }
    inside
}

/// Signed area (positive when the vertices run clockwise in y-down space).
pub fn signed_area(polygon: &[NormPos]) -> f32 {
    let n = polygon.len();
    (0..n)
        .map(|i| {
            let (a, b) = (polygon[i], polygon[(i + 1) % n]);
            a.x * b.y - b.x * a.y
        })
        .sum::<f32>()
        / 2.0
}

fn orientation(a: NormPos, b: NormPos, c: NormPos) -> f32 {
    (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
}

/// True when segments `p1`–`p2` and `q1`–`q2` cross or touch.
pub fn segments_intersect(p1: NormPos, p2: NormPos, q1: NormPos, q2: NormPos) -> bool {
    let d1 = orientation(q1, q2, p1);
    let d2 = orientation(q1, q2, p2);
    let d3 = orientation(p1, p2, q1);
    let d4 = orientation(p1, p2, q2);
    if ((d1 > 0.0 && d2 < 0.0) || (d1 < 0.0 && d2 > 0.0))
        && ((d3 > 0.0 && d4 < 0.0) || (d3 < 0.0 && d4 > 0.0))
    {
        return true;
    }
    let on_segment = |a: NormPos, b: NormPos, c: NormPos| {
        c.x >= a.x.min(b.x) && c.x <= a.x.max(b.x) && c.y >= a.y.min(b.y) && c.y <= a.y.max(b.y)
    };
    (d1 == 0.0 && on_segment(q1, q2, p1))
        || (d2 == 0.0 && on_segment(q1, q2, p2))
        || (d3 == 0.0 && on_segment(p1, p2, q1))
        || (d4 == 0.0 && on_segment(p1, p2, q2))
}

fn edges(polygon: &[NormPos]) -> impl Iterator<Item = (usize, NormPos, NormPos)> + '_ {
    let n = polygon.len();
    (0..n).map(move |i| (i, polygon[i], polygon[(i + 1) % n]))
}

/// Returns the indices of the first pair of non-adjacent edges that cross, if any.
/// A polygon with no such pair (and at least 3 points) is simple.
pub fn first_self_intersection(polygon: &[NormPos]) -> Option<(usize, usize)> {
    let n = polygon.len();
    if n < 4 {
        return None;
    }
    for (i, a1, a2) in edges(polygon) {
        for (j, b1, b2) in edges(polygon).skip(i + 2) {
            // The last edge is adjacent to the first one.
            if i == 0 && j == n - 1 {
                continue;
            }
            if segments_intersect(a1, a2, b1, b2) {
                return Some((i, j));
            }
        }
    }
    None
}

/// True when the interiors or outlines of two simple polygons share any point.
pub fn polygons_overlap(a: &[NormPos], b: &[NormPos]) -> bool {
    if a.len() < 3 || b.len() < 3 {
        return false;
    }
    let edges_cross =
        edges(a).any(|(_, a1, a2)| edges(b).any(|(_, b1, b2)| segments_intersect(a1, a2, b1, b2)));
    edges_cross || contains(a, b[0]) || contains(b, a[0])
}

/// A point guaranteed to lie inside the polygon, near its visual centre: the centroid when it is inside,
/// otherwise the middle of the widest inside span along the horizontal line through the centroid
/// (or through the bounding box's middle). `None` for degenerate polygons.
pub fn interior_point(polygon: &[NormPos]) -> Option<NormPos> {
    if polygon.len() < 3 {
        return None;
    }
    let area = signed_area(polygon);
    let centroid = if area.abs() > f32::EPSILON {
        let n = polygon.len();
        let (cx, cy) = (0..n).fold((0.0, 0.0), |(cx, cy), i| {
            let (a, b) = (polygon[i], polygon[(i + 1) % n]);
            let cross = a.x * b.y - b.x * a.y;
            (cx + (a.x + b.x) * cross, cy + (a.y + b.y) * cross)
        });
        NormPos::new(cx / (6.0 * area), cy / (6.0 * area))
    } else {
        return None;
    };
    if contains(polygon, centroid) {
        return Some(centroid);
    }
    let (min, max) = bounding_box(polygon)?;
    let scan_rows = [centroid.y, f32::midpoint(min.y, max.y)];
    let extra_rows = (1..20u8).map(|k| min.y + (max.y - min.y) * f32::from(k) / 20.0);
    scan_rows
        .into_iter()
        .chain(extra_rows)
        .find_map(|y| widest_span_middle(polygon, y))
}

fn widest_span_middle(polygon: &[NormPos], y: f32) -> Option<NormPos> {
    let mut crossings: Vec<f32> = edges(polygon)
        .filter(|(_, a, b)| (a.y > y) != (b.y > y))
        .map(|(_, a, b)| a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x))
        .collect();
    crossings.sort_by(f32::total_cmp);
    crossings
        .chunks_exact(2)
        .max_by(|l, r| (l[1] - l[0]).total_cmp(&(r[1] - r[0])))
        .map(|span| NormPos::new(f32::midpoint(span[0], span[1]), y))
        .filter(|p| contains(polygon, *p))
}

/// Ear-clipping triangulation of a simple polygon; returns index triples into `polygon`.
/// Used to fill concave regions. Returns fewer triangles (never panics) for degenerate input.
#[expect(
    clippy::many_single_char_names,
    reason = "a, b, c are a triangle's corners, as geometry texts name them."
)]
pub fn triangulate(polygon: &[NormPos]) -> Vec<[usize; 3]> {
    let n = polygon.len();
    if n < 3 {
        return Vec::new();
    }
    let clockwise = signed_area(polygon) > 0.0;
    let mut remaining: Vec<usize> = (0..n).collect();
    let mut triangles = Vec::with_capacity(n - 2);
    let is_convex = |a: NormPos, b: NormPos, c: NormPos| {
        let turn = orientation(a, b, c);
        if clockwise { turn > 0.0 } else { turn < 0.0 }
    };
    let mut guard = 0;
    while remaining.len() > 3 && guard < n * n {
        guard += 1;
        let m = remaining.len();
        let ear = (0..m).find(|&i| {
            let (ia, ib, ic) = (
                remaining[(i + m - 1) % m],
                remaining[i],
                remaining[(i + 1) % m],
            );
            let (a, b, c) = (polygon[ia], polygon[ib], polygon[ic]);
            is_convex(a, b, c)
                && remaining
                    .iter()
                    .filter(|&&k| k != ia && k != ib && k != ic)
                    .all(|&k| !point_in_triangle(polygon[k], a, b, c))
        });
        let Some(i) = ear else { break };
        triangles.push([
            remaining[(i + m - 1) % m],
            remaining[i],
            remaining[(i + 1) % m],
        ]);
        remaining.remove(i);
    }
    if remaining.len() == 3 {
        triangles.push([remaining[0], remaining[1], remaining[2]]);
    }
    triangles
}

fn point_in_triangle(p: NormPos, a: NormPos, b: NormPos, c: NormPos) -> bool {
    let d1 = orientation(a, b, p);
    let d2 = orientation(b, c, p);
    let d3 = orientation(c, a, p);
    let has_neg = d1 < 0.0 || d2 < 0.0 || d3 < 0.0;
    let has_pos = d1 > 0.0 || d2 > 0.0 || d3 > 0.0;
    !(has_neg && has_pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn poly(points: &[(f32, f32)]) -> Vec<NormPos> {
        points.iter().copied().map(NormPos::from).collect()
    }

    #[test]
    fn square_contains_centre_not_outside() {
        let square = poly(&[(0.2, 0.2), (0.6, 0.2), (0.6, 0.6), (0.2, 0.6)]);
        assert!(contains(&square, NormPos::new(0.4, 0.4)));
        assert!(!contains(&square, NormPos::new(0.7, 0.4)));
        assert!(!contains(&square, NormPos::new(0.4, 0.1)));
    }

    #[test]
    fn degenerate_polygon_contains_nothing() {
        assert!(!contains(
            &poly(&[(0.0, 0.0), (1.0, 1.0)]),
            NormPos::new(0.5, 0.5)
        ));
    }

    #[test]
    fn bow_tie_is_self_intersecting() {
        let bow_tie = poly(&[(0.0, 0.0), (1.0, 1.0), (1.0, 0.0), (0.0, 1.0)]);
        assert!(first_self_intersection(&bow_tie).is_some());
        let square = poly(&[(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)]);
        assert_eq!(first_self_intersection(&square), None);
    }

    #[test]
    fn overlap_detects_crossing_and_containment() {
        let a = poly(&[(0.0, 0.0), (0.5, 0.0), (0.5, 0.5), (0.0, 0.5)]);
        let crossing = poly(&[(0.4, 0.4), (0.9, 0.4), (0.9, 0.9), (0.4, 0.9)]);
        let inside = poly(&[(0.1, 0.1), (0.2, 0.1), (0.2, 0.2)]);
        let apart = poly(&[(0.6, 0.6), (0.9, 0.6), (0.9, 0.9)]);
        assert!(polygons_overlap(&a, &crossing));
        assert!(polygons_overlap(&a, &inside));
        assert!(polygons_overlap(&inside, &a));
        assert!(!polygons_overlap(&a, &apart));
    }

    #[test]
    fn interior_point_of_concave_c_shape_is_inside() {
        // A "C" whose centroid falls in the gap.
        let c_shape = poly(&[
            (0.1, 0.1),
            (0.9, 0.1),
            (0.9, 0.3),
            (0.3, 0.3),
            (0.3, 0.7),
            (0.9, 0.7),
            (0.9, 0.9),
            (0.1, 0.9),
        ]);
        let p = interior_point(&c_shape).unwrap();
        assert!(contains(&c_shape, p), "{p:?}");
    }

    #[test]
    fn triangulation_covers_concave_area_exactly() {
        let c_shape = poly(&[
            (0.1, 0.1),
            (0.9, 0.1),
            (0.9, 0.3),
            (0.3, 0.3),
            (0.3, 0.7),
            (0.9, 0.7),
            (0.9, 0.9),
            (0.1, 0.9),
        ]);
        for polygon in [c_shape.clone(), c_shape.iter().rev().copied().collect()] {
            let triangles = triangulate(&polygon);
            assert_eq!(triangles.len(), polygon.len() - 2);
            let area: f32 = triangles
                .iter()
                .map(|t| signed_area(&[polygon[t[0]], polygon[t[1]], polygon[t[2]]]).abs())
                .sum();
            assert!((area - signed_area(&polygon).abs()).abs() < 1e-5);
        }
    }

    #[test]
    fn mirroring_twice_is_identity() {
        let p = NormPos::new(0.25, 0.7);
        assert_eq!(p.mirrored(), NormPos::new(0.75, 0.7));
        assert_eq!(p.mirrored().mirrored(), p);
    }

    #[test]
    fn unit_square_check_rejects_nan_and_outside() {
        assert!(NormPos::new(0.0, 1.0).is_in_unit_square());
        assert!(!NormPos::new(1.01, 0.5).is_in_unit_square());
        assert!(!NormPos::new(f32::NAN, 0.5).is_in_unit_square());
    }
}
