//! Renders every SVG in `assets/` and `assets/exercises/` to a PNG beside it at twice the SVG's size:
//! `cargo run --example render_diagrams`.
//!
//! The knee diagrams are drawn as SVG sources (`assets/knee_front.svg`, `assets/knee_side.svg`, viewBox 400x600)
//! and the app loads the 800x1200 PNGs. The exercise illustrations (`assets/exercises/<exercise_id>.svg`, viewBox
//! 320x220, written by `assets/exercises/generate.py`) become 640x440 PNGs. Run this after editing an SVG and
//! commit both files. Uses std, `resvg` (which re-exports `usvg` and `tiny_skia`) and the app's `image` crate
//! for a compact PNG encoding; the pictures contain no text, so no fonts are loaded. A PNG whose pixels would not
//! change is left untouched, so re-running the command does not churn files.

use std::fmt;
use std::path::{Path, PathBuf};

use image::ImageEncoder;
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use resvg::{tiny_skia, usvg};

/// The folders under `assets/` whose SVGs are rendered ("" is `assets/` itself); each must hold at least one.
const SVG_DIRS: [&str; 2] = ["", "exercises"];

/// Pixels per SVG unit: the PNGs are rendered at 2x for sharp display on high-DPI screens.
const SCALE: f32 = 2.0;

/// What went wrong, and with which file.
struct RenderError {
    path: PathBuf,
    what: String,
}

impl RenderError {
    fn new(path: &Path, what: impl Into<String>) -> Self {
        Self {
            path: path.to_path_buf(),
            what: what.into(),
        }
    }
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.what)
    }
}

// `main` returning `Err` prints the `Debug` form; make it the readable message.
impl fmt::Debug for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for RenderError {}

fn main() -> Result<(), RenderError> {
    let assets_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    let mut svgs = Vec::new();
    for sub_dir in SVG_DIRS {
        let dir = assets_dir.join(sub_dir);
        let found = svg_files(&dir)?;
        if found.is_empty() {
            return Err(RenderError::new(&dir, "no .svg files to render"));
        }
        svgs.extend(found);
    }
    for svg_path in &svgs {
        let png_path = svg_path.with_extension("png");
        let (width, height, written) = render(svg_path, &png_path)?;
        println!(
            "{} -> {} ({width}x{height}{})",
            svg_path.display(),
            png_path.display(),
            if written { "" } else { ", unchanged" }
        );
    }
    Ok(())
}

/// The `.svg` files directly in `dir`, sorted by name so the output order is stable.
fn svg_files(dir: &Path) -> Result<Vec<PathBuf>, RenderError> {
    let entries = std::fs::read_dir(dir)
        .map_err(|err| RenderError::new(dir, format!("cannot list the directory: {err}")))?;
    let mut svgs = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|err| RenderError::new(dir, format!("cannot read a directory entry: {err}")))?
            .path();
        if path.extension().is_some_and(|ext| ext == "svg") {
            svgs.push(path);
        }
    }
    svgs.sort();
    Ok(svgs)
}

/// Renders one SVG to a PNG at [`SCALE`] with a transparent background; returns the PNG's size in pixels and
/// whether the file was written (it is not when the existing PNG already has exactly these pixels).
fn render(svg_path: &Path, png_path: &Path) -> Result<(u32, u32, bool), RenderError> {
    let data = std::fs::read(svg_path)
        .map_err(|err| RenderError::new(svg_path, format!("cannot read the file: {err}")))?;
    let options = usvg::Options {
        resources_dir: svg_path.parent().map(Path::to_path_buf),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_data(&data, &options)
        .map_err(|err| RenderError::new(svg_path, format!("not a valid SVG: {err}")))?;

    let size = tree.size().to_int_size().scale_by(SCALE).ok_or_else(|| {
        RenderError::new(svg_path, "the scaled picture size is zero or too large")
    })?;
    let (width, height) = (size.width(), size.height());
    let mut pixmap = tiny_skia::Pixmap::new(width, height).ok_or_else(|| {
        RenderError::new(
            svg_path,
            format!("cannot allocate a {width}x{height} image"),
        )
    })?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(SCALE, SCALE),
        &mut pixmap.as_mut(),
    );
    // tiny-skia keeps premultiplied alpha; PNG stores straight alpha.
    let rgba: Vec<u8> = pixmap
        .pixels()
        .iter()
        .flat_map(|pixel| {
            let c = pixel.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    if same_pixels(png_path, width, height, &rgba) {
        return Ok((width, height, false));
    }
    let mut encoded = Vec::new();
    PngEncoder::new_with_quality(&mut encoded, CompressionType::Best, FilterType::Adaptive)
        .write_image(&rgba, width, height, image::ExtendedColorType::Rgba8)
        .map_err(|err| RenderError::new(png_path, format!("cannot encode the PNG: {err}")))?;
    std::fs::write(png_path, encoded)
        .map_err(|err| RenderError::new(png_path, format!("cannot write the PNG: {err}")))?;
    Ok((width, height, true))
}

/// Whether `png_path` already holds a `width` x `height` picture with exactly these RGBA pixels.
fn same_pixels(png_path: &Path, width: u32, height: u32, rgba: &[u8]) -> bool {
    let Ok(bytes) = std::fs::read(png_path) else {
        return false;
    };
    let Ok(existing) = image::load_from_memory_with_format(&bytes, image::ImageFormat::Png) else {
        return false;
    };
    existing.width() == width
        && existing.height() == height
        && existing.into_rgba8().as_raw() == rgba
}
