//! Renders every SVG in `assets/` and `assets/exercises/` to a PNG beside it at twice the SVG's size, and the app
//! icon to its PNG sizes and a Windows `.ico`: `cargo run --example render_diagrams`.
//!
//! The knee diagrams are drawn as SVG sources (`assets/knee_front.svg`, `assets/knee_side.svg`, viewBox 400x600)
//! and the app loads the 800x1200 PNGs. The exercise illustrations (`assets/exercises/<exercise_id>.svg`, viewBox
//! 320x220, written by `assets/exercises/generate.py`) become 640x440 PNGs. Run this after editing an SVG and
//! commit both files. Uses std, `resvg` (which re-exports `usvg` and `tiny_skia`) and the app's `image` crate
//! for a compact PNG encoding; the pictures contain no text, so no fonts are loaded. A PNG whose pixels would not
//! change is left untouched, so re-running the command does not churn files.
//!
//! The icon (`assets/icon/kneemap.svg`, viewBox 512x512) becomes `assets/icon/kneemap-SIZE.png` for every size in
//! [`ICON_SIZES_PX`] (the hicolor theme sizes the packages install; the app's window icon is the 128 px one), and
//! `assets/icon/kneemap.ico` holds the sizes up to 256 px as PNG entries for the Windows `.exe` (`build.rs`).

use std::fmt;
use std::path::{Path, PathBuf};

use image::ImageEncoder;
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use resvg::{tiny_skia, usvg};

/// The folders under `assets/` whose SVGs are rendered ("" is `assets/` itself); each must hold at least one.
const SVG_DIRS: [&str; 2] = ["", "exercises"];

/// Pixels per SVG unit: the PNGs are rendered at 2x for sharp display on high-DPI screens.
const SCALE: f32 = 2.0;

/// The icon's source, under `assets/`.
const ICON_SVG: &str = "icon/kneemap.svg";

/// The square sizes the icon is rendered at, in pixels.
const ICON_SIZES_PX: [u32; 8] = [16, 24, 32, 48, 64, 128, 256, 512];

/// The largest size an `.ico` entry can have.
const ICO_MAX_PX: u32 = 256;

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
        let tree = load_svg(svg_path)?;
        let size = tree.size().to_int_size().scale_by(SCALE).ok_or_else(|| {
            RenderError::new(svg_path, "the scaled picture size is zero or too large")
        })?;
        let rgba = rasterize(svg_path, &tree, size.width(), size.height())?;
        let written = write_png(&png_path, size.width(), size.height(), &rgba)?;
        report(svg_path, &png_path, size.width(), size.height(), written);
    }
    render_icon(&assets_dir.join(ICON_SVG))
}

/// Renders the icon at every [`ICON_SIZES_PX`] and writes the `.ico` from the sizes it can hold.
fn render_icon(svg_path: &Path) -> Result<(), RenderError> {
    let tree = load_svg(svg_path)?;
    let mut ico_entries = Vec::new();
    for size_px in ICON_SIZES_PX {
        let png_path = svg_path.with_file_name(format!("kneemap-{size_px}.png"));
        let rgba = rasterize(svg_path, &tree, size_px, size_px)?;
        let written = write_png(&png_path, size_px, size_px, &rgba)?;
        report(svg_path, &png_path, size_px, size_px, written);
        if size_px <= ICO_MAX_PX {
            ico_entries.push((size_px, encode_png(&png_path, size_px, size_px, &rgba)?));
        }
    }
    let ico_path = svg_path.with_extension("ico");
    let ico = ico_file(&ico_entries);
    let unchanged = std::fs::read(&ico_path).is_ok_and(|existing| existing == ico);
    if !unchanged {
        std::fs::write(&ico_path, &ico)
            .map_err(|err| RenderError::new(&ico_path, format!("cannot write the icon: {err}")))?;
    }
    println!(
        "{} -> {} ({} sizes{})",
        svg_path.display(),
        ico_path.display(),
        ico_entries.len(),
        if unchanged { ", unchanged" } else { "" }
    );
    Ok(())
}

/// An `.ico` file whose entries are whole PNG files (read by Windows Vista and later, and by windres): a 6-byte
/// header, a 16-byte directory entry per picture, then the pictures. 256 px is written as 0, as the format says.
fn ico_file(entries: &[(u32, Vec<u8>)]) -> Vec<u8> {
    const HEADER_BYTES: usize = 6;
    const ENTRY_BYTES: usize = 16;
    let count = u16::try_from(entries.len()).unwrap_or(u16::MAX);
    let mut out = Vec::new();
    out.extend_from_slice(&[0, 0, 1, 0]); // reserved, type 1 = icon
    out.extend_from_slice(&count.to_le_bytes());
    let mut offset = HEADER_BYTES + ENTRY_BYTES * entries.len();
    for (size_px, png) in entries {
        let side = u8::try_from(*size_px).unwrap_or(0);
        out.extend_from_slice(&[side, side, 0, 0]); // width, height, no palette, reserved
        out.extend_from_slice(&1u16.to_le_bytes()); // colour planes
        out.extend_from_slice(&32u16.to_le_bytes()); // bits per pixel
        out.extend_from_slice(&u32::try_from(png.len()).unwrap_or(u32::MAX).to_le_bytes());
        out.extend_from_slice(&u32::try_from(offset).unwrap_or(u32::MAX).to_le_bytes());
        offset += png.len();
    }
    for (_, png) in entries {
        out.extend_from_slice(png);
    }
    out
}

fn report(svg_path: &Path, png_path: &Path, width: u32, height: u32, written: bool) {
    println!(
        "{} -> {} ({width}x{height}{})",
        svg_path.display(),
        png_path.display(),
        if written { "" } else { ", unchanged" }
    );
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

/// Parses one SVG (pictures it links are looked up beside it).
fn load_svg(svg_path: &Path) -> Result<usvg::Tree, RenderError> {
    let data = std::fs::read(svg_path)
        .map_err(|err| RenderError::new(svg_path, format!("cannot read the file: {err}")))?;
    let options = usvg::Options {
        resources_dir: svg_path.parent().map(Path::to_path_buf),
        ..usvg::Options::default()
    };
    usvg::Tree::from_data(&data, &options)
        .map_err(|err| RenderError::new(svg_path, format!("not a valid SVG: {err}")))
}

/// Draws `tree` scaled to `width` x `height` pixels on a transparent background; straight-alpha RGBA.
fn rasterize(
    svg_path: &Path,
    tree: &usvg::Tree,
    width: u32,
    height: u32,
) -> Result<Vec<u8>, RenderError> {
    let mut pixmap = tiny_skia::Pixmap::new(width, height).ok_or_else(|| {
        RenderError::new(
            svg_path,
            format!("cannot allocate a {width}x{height} image"),
        )
    })?;
    let svg_size = tree.size();
    resvg::render(
        tree,
        tiny_skia::Transform::from_scale(
            width as f32 / svg_size.width(),
            height as f32 / svg_size.height(),
        ),
        &mut pixmap.as_mut(),
    );
    // tiny-skia keeps premultiplied alpha; PNG stores straight alpha.
    Ok(pixmap
        .pixels()
        .iter()
        .flat_map(|pixel| {
            let c = pixel.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect())
}

/// Writes the pixels as a PNG unless `png_path` already holds exactly them; returns whether it wrote.
fn write_png(png_path: &Path, width: u32, height: u32, rgba: &[u8]) -> Result<bool, RenderError> {
    if same_pixels(png_path, width, height, rgba) {
        return Ok(false);
    }
    let encoded = encode_png(png_path, width, height, rgba)?;
    std::fs::write(png_path, encoded)
        .map_err(|err| RenderError::new(png_path, format!("cannot write the PNG: {err}")))?;
    Ok(true)
}

/// The pixels as a compact PNG file (`png_path` only names it in errors).
fn encode_png(
    png_path: &Path,
    width: u32,
    height: u32,
    rgba: &[u8],
) -> Result<Vec<u8>, RenderError> {
    let mut encoded = Vec::new();
    PngEncoder::new_with_quality(&mut encoded, CompressionType::Best, FilterType::Adaptive)
        .write_image(rgba, width, height, image::ExtendedColorType::Rgba8)
        .map_err(|err| RenderError::new(png_path, format!("cannot encode the PNG: {err}")))?;
    Ok(encoded)
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
