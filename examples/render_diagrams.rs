//! Renders every SVG in `assets/` to a PNG beside it at twice the SVG's size: `cargo run --example render_diagrams`.
//!
//! The knee diagrams are drawn as SVG sources (`assets/knee_front.svg`, `assets/knee_side.svg`, viewBox 400x600)
//! and the app loads the 800x1200 PNGs. Run this after editing an SVG and commit both files. Uses only std and
//! `resvg` (which re-exports `usvg` and `tiny_skia`); the pictures contain no text, so no fonts are loaded.

use std::fmt;
use std::path::{Path, PathBuf};

use resvg::{tiny_skia, usvg};

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
    let svgs = svg_files(&assets_dir)?;
    if svgs.is_empty() {
        return Err(RenderError::new(&assets_dir, "no .svg files to render"));
    }
    for svg_path in &svgs {
        let png_path = svg_path.with_extension("png");
        let (width, height) = render(svg_path, &png_path)?;
        println!(
            "{} -> {} ({width}x{height})",
            svg_path.display(),
            png_path.display()
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

/// Renders one SVG to a PNG at [`SCALE`] with a transparent background; returns the PNG's size in pixels.
fn render(svg_path: &Path, png_path: &Path) -> Result<(u32, u32), RenderError> {
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
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).ok_or_else(|| {
        RenderError::new(
            svg_path,
            format!("cannot allocate a {}x{} image", size.width(), size.height()),
        )
    })?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(SCALE, SCALE),
        &mut pixmap.as_mut(),
    );
    pixmap
        .save_png(png_path)
        .map_err(|err| RenderError::new(png_path, format!("cannot write the PNG: {err}")))?;
    Ok((size.width(), size.height()))
}
