//! The diagram pictures compiled into the binary, and PNG decoding with the `image` crate.

/// Front view of a right knee, rendered at 2x from `assets/knee_front.svg`.
pub const KNEE_FRONT_PNG: &[u8] = include_bytes!("../assets/knee_front.png");
/// Outer-side view of a right knee, rendered at 2x from `assets/knee_side.svg`.
pub const KNEE_SIDE_PNG: &[u8] = include_bytes!("../assets/knee_side.png");

/// Largest picture accepted, in pixels per side (guards against a corrupt header asking for gigabytes).
const MAX_SIDE_PX: u32 = 4096;

/// Decoded RGBA pixels (not premultiplied), row by row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedImage {
    pub width_px: usize,
    pub height_px: usize,
    pub rgba: Vec<u8>,
}

/// Why a picture could not be decoded.
#[derive(Debug, thiserror::Error)]
pub enum ImageError {
    #[error("not a readable PNG: {0}")]
    Decode(#[from] image::ImageError),
    #[error("picture is {width_px}x{height_px} px; at most {MAX_SIDE_PX} px per side is accepted")]
    TooLarge { width_px: u32, height_px: u32 },
}

/// Decodes PNG bytes to RGBA.
pub fn decode_png(bytes: &[u8]) -> Result<DecodedImage, ImageError> {
    let decoded = image::load_from_memory_with_format(bytes, image::ImageFormat::Png)?;
    let (width_px, height_px) = (decoded.width(), decoded.height());
    if width_px > MAX_SIDE_PX || height_px > MAX_SIDE_PX {
        return Err(ImageError::TooLarge {
            width_px,
            height_px,
        });
    }
    let rgba = decoded.into_rgba8();
    // Both sides are at most MAX_SIDE_PX, a u32 that fits usize on every target KneeMap builds for.
    Ok(DecodedImage {
        width_px: width_px as usize,
        height_px: height_px as usize,
        rgba: rgba.into_raw(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_pictures_decode_at_2x_with_the_content_aspect_ratio() {
        let content = crate::content::Content::embedded().unwrap();
        for (bytes, kind) in [
            (KNEE_FRONT_PNG, crate::content::ViewKind::Front),
            (KNEE_SIDE_PNG, crate::content::ViewKind::Side),
        ] {
            let image = decode_png(bytes).unwrap();
            assert_eq!(image.rgba.len(), image.width_px * image.height_px * 4);
            assert!(image.width_px >= 600, "rendered at 2x for HiDPI");
            // Sides of a few hundred pixels are exact in f32.
            let ratio = image.width_px as f32 / image.height_px as f32;
            let view = content.view(kind).unwrap();
            assert!(
                (ratio - view.aspect_ratio).abs() < 0.01,
                "{kind:?}: {ratio} vs {}",
                view.aspect_ratio
            );
        }
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(matches!(
            decode_png(b"not a png"),
            Err(ImageError::Decode(_))
        ));
        assert!(decode_png(&[]).is_err());
    }
}
