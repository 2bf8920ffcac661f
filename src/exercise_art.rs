//! Drawn illustrations of the exercises: one picture per exercise id, compiled into the binary (no egui here).
//!
//! Each picture is a 640x440 PNG with a transparent background, rendered at 2x from
//! `assets/exercises/<exercise_id>.svg` (viewBox 320x220). The SVGs are written by `assets/exercises/generate.py`
//! from pose definitions, then rendered with `cargo run --example render_diagrams`; see
//! `assets/exercises/README.md`. Decode the bytes with [`crate::assets::decode_png`].

/// Every exercise id that has a picture, in the order of `content/exercises.ron` (the tests check each).
#[cfg(test)]
const EXERCISE_IDS_WITH_ART: [&str; 29] = [
    "glute_bridge",
    "clamshell",
    "side_leg_raise",
    "single_leg_squat",
    "deadlift",
    "squat",
    "lunge",
    "step_up",
    "hamstring_curl",
    "nordic_curl",
    "calf_raise",
    "plank",
    "bird_dog",
    "pallof_press",
    "wall_sit",
    "spanish_squat",
    "decline_squat",
    "hsr_leg_press",
    "banded_hip_abduction",
    "step_down",
    "side_plank",
    "leg_swings",
    "hip_circles",
    "high_knee_march",
    "stretch_hamstring",
    "stretch_quad",
    "stretch_hip_flexor",
    "foam_roll_it_band",
    "stretch_calf",
];

/// Width and height in pixels of every exercise picture (2x the SVG's 320x220 viewBox).
#[cfg(test)]
const ART_SIZE_PX: (usize, usize) = (640, 440);

/// The PNG bytes illustrating `exercise_id`, or `None` if that exercise has no picture.
pub fn png_for(exercise_id: &str) -> Option<&'static [u8]> {
    let bytes: &'static [u8] = match exercise_id {
        "glute_bridge" => include_bytes!("../assets/exercises/glute_bridge.png"),
        "clamshell" => include_bytes!("../assets/exercises/clamshell.png"),
        "side_leg_raise" => include_bytes!("../assets/exercises/side_leg_raise.png"),
        "single_leg_squat" => include_bytes!("../assets/exercises/single_leg_squat.png"),
        "deadlift" => include_bytes!("../assets/exercises/deadlift.png"),
        "squat" => include_bytes!("../assets/exercises/squat.png"),
        "lunge" => include_bytes!("../assets/exercises/lunge.png"),
        "step_up" => include_bytes!("../assets/exercises/step_up.png"),
        "hamstring_curl" => include_bytes!("../assets/exercises/hamstring_curl.png"),
        "nordic_curl" => include_bytes!("../assets/exercises/nordic_curl.png"),
        "calf_raise" => include_bytes!("../assets/exercises/calf_raise.png"),
        "plank" => include_bytes!("../assets/exercises/plank.png"),
        "bird_dog" => include_bytes!("../assets/exercises/bird_dog.png"),
        "pallof_press" => include_bytes!("../assets/exercises/pallof_press.png"),
        "wall_sit" => include_bytes!("../assets/exercises/wall_sit.png"),
        "spanish_squat" => include_bytes!("../assets/exercises/spanish_squat.png"),
        "decline_squat" => include_bytes!("../assets/exercises/decline_squat.png"),
        "hsr_leg_press" => include_bytes!("../assets/exercises/hsr_leg_press.png"),
        "banded_hip_abduction" => include_bytes!("../assets/exercises/banded_hip_abduction.png"),
        "step_down" => include_bytes!("../assets/exercises/step_down.png"),
        "side_plank" => include_bytes!("../assets/exercises/side_plank.png"),
        "leg_swings" => include_bytes!("../assets/exercises/leg_swings.png"),
        "hip_circles" => include_bytes!("../assets/exercises/hip_circles.png"),
        "high_knee_march" => include_bytes!("../assets/exercises/high_knee_march.png"),
        "stretch_hamstring" => include_bytes!("../assets/exercises/stretch_hamstring.png"),
        "stretch_quad" => include_bytes!("../assets/exercises/stretch_quad.png"),
        "stretch_hip_flexor" => include_bytes!("../assets/exercises/stretch_hip_flexor.png"),
        "foam_roll_it_band" => include_bytes!("../assets/exercises/foam_roll_it_band.png"),
        "stretch_calf" => include_bytes!("../assets/exercises/stretch_calf.png"),
        _ => return None,
    };
    Some(bytes)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::assets::decode_png;
    use crate::content::Content;

    #[test]
    fn every_exercise_has_art_and_every_art_is_an_exercise() {
        let content = Content::embedded().unwrap();
        let exercise_ids: BTreeSet<&str> =
            content.exercises.iter().map(|e| e.id.as_str()).collect();
        let art_ids: BTreeSet<&str> = EXERCISE_IDS_WITH_ART.iter().copied().collect();
        assert_eq!(
            art_ids.len(),
            EXERCISE_IDS_WITH_ART.len(),
            "duplicate ids in EXERCISE_IDS_WITH_ART"
        );
        let missing: Vec<_> = exercise_ids.difference(&art_ids).collect();
        let unknown: Vec<_> = art_ids.difference(&exercise_ids).collect();
        assert!(
            missing.is_empty(),
            "exercises without a picture: {missing:?}"
        );
        assert!(
            unknown.is_empty(),
            "pictures for ids that are not exercises: {unknown:?}"
        );
        for id in exercise_ids {
            assert!(png_for(id).is_some(), "png_for({id:?}) is None");
        }
    }

    #[test]
    fn every_picture_decodes_at_640_by_440() {
        for id in EXERCISE_IDS_WITH_ART {
            let bytes = png_for(id).unwrap();
            let image = decode_png(bytes).unwrap_or_else(|err| panic!("{id}: {err}"));
            assert_eq!((image.width_px, image.height_px), ART_SIZE_PX, "{id}");
            assert_eq!(
                image.rgba.len(),
                image.width_px * image.height_px * 4,
                "{id}"
            );
            // Transparent background: the top-left corner is empty, and something is drawn.
            assert_eq!(
                image.rgba[3], 0,
                "{id}: the background should be transparent"
            );
            assert!(
                image.rgba.chunks_exact(4).any(|px| px[3] == 255),
                "{id}: blank picture"
            );
        }
    }

    #[test]
    fn unknown_ids_have_no_art() {
        assert!(png_for("").is_none());
        assert!(png_for("not_an_exercise").is_none());
        assert!(png_for("Squat").is_none(), "ids are case-sensitive");
    }
}
