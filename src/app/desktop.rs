//! KneeMap's identity on the desktop: the app id shared by the window, the `.desktop` file and the `AppStream`
//! metainfo in `packaging/`, the window icon, where eframe keeps the window's size and place, and the text of
//! `kneemap --version`.

use std::path::{Path, PathBuf};

use crate::content::Content;

/// The reverse-DNS app id: the Wayland app id and X11 class of the window, the `.desktop` file's name
/// (`packaging/io.github.kneemap.KneeMap.desktop`), its `Icon=` and `StartupWMClass=`, and the metainfo's `<id>`.
pub const APP_ID: &str = "io.github.kneemap.KneeMap";

/// The window icon (X11, Wayland compositors that read it, the Windows taskbar): 128 px, rendered from
/// `assets/icon/kneemap.svg` by `cargo run --example render_diagrams`.
const WINDOW_ICON_PNG: &[u8] = include_bytes!("../../assets/icon/kneemap-128.png");

/// The file eframe keeps the window's size and place in: `app.ron` in KneeMap's data folder. That is where
/// eframe put it on its own while the window's app id was `kneemap` (`~/.local/share/kneemap/app.ron` on Linux),
/// so the reverse-DNS app id does not move it.
pub fn eframe_state_file(data_dir: &Path) -> PathBuf {
    data_dir.join("app.ron")
}

/// The window icon decoded for eframe; `None` (the platform's default icon) if the PNG cannot be decoded, which
/// a test rules out for the PNG built into the binary.
pub fn window_icon() -> Option<egui::IconData> {
    let decoded =
        image::load_from_memory_with_format(WINDOW_ICON_PNG, image::ImageFormat::Png).ok()?;
    let rgba = decoded.into_rgba8();
    Some(egui::IconData {
        width: rgba.width(),
        height: rgba.height(),
        rgba: rgba.into_raw(),
    })
}

/// The window's options: title, app id, icon, size, and eframe's state file in `data_dir` (none: eframe keeps
/// nothing, as KneeMap saves nothing then either).
pub fn native_options(data_dir: Option<&Path>) -> eframe::NativeOptions {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(crate::app::APP_NAME)
        .with_app_id(APP_ID)
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([960.0, 620.0]);
    if let Some(icon) = window_icon() {
        viewport = viewport.with_icon(icon);
    }
    eframe::NativeOptions {
        viewport,
        persistence_path: data_dir.map(eframe_state_file),
        ..Default::default()
    }
}

/// What `kneemap --version` prints after `kneemap `: the version, then the built-in content's review date and
/// licence on their own lines.
pub fn version_text() -> String {
    let content_line = match Content::embedded() {
        Ok(content) => match content.review_date() {
            Some(date) => format!(
                "content reviewed {date}: {} conditions, {} sources",
                content.conditions.len(),
                content.sources.len()
            ),
            None => "content: no conditions".to_owned(),
        },
        Err(errors) => format!(
            "content: {} problem(s) in the built-in copy (kneemap --check-content lists them)",
            errors.0.len()
        ),
    };
    format!(
        "{}\n{content_line}\nlicence: {} (pictures and text: KneeMap's own; fonts: see the About tab)",
        env!("CARGO_PKG_VERSION"),
        env!("CARGO_PKG_LICENSE"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_icon_is_the_square_128_px_png() {
        let icon = window_icon().expect("the built-in icon decodes");
        assert_eq!((icon.width, icon.height), (128, 128));
        assert_eq!(icon.rgba.len(), 128 * 128 * 4);
        // Corners are transparent (rounded tile), the middle is painted.
        assert_eq!(icon.rgba[3], 0, "top-left corner is transparent");
        let middle = (64 * 128 + 64) * 4;
        assert_eq!(icon.rgba[middle + 3], 255, "the middle is opaque");
    }

    #[test]
    fn options_carry_the_app_id_icon_and_state_file() {
        let dir = Path::new("/some/data/kneemap");
        let options = native_options(Some(dir));
        assert_eq!(options.viewport.app_id.as_deref(), Some(APP_ID));
        assert!(options.viewport.icon.is_some());
        assert_eq!(
            options.persistence_path.as_deref(),
            Some(Path::new("/some/data/kneemap/app.ron"))
        );
        assert_eq!(native_options(None).persistence_path, None);
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn eframe_state_stays_where_the_old_app_id_put_it() {
        // Before the reverse-DNS id, eframe derived its file from the app id "kneemap".
        let old = eframe::storage_dir("kneemap")
            .expect("a home folder")
            .join("app.ron");
        let data_dir = crate::store::Store::default_dir().expect("a data folder");
        assert_eq!(eframe_state_file(&data_dir), old);
        // eframe on its own would now move it to a folder named after the new id.
        assert_ne!(
            eframe::storage_dir(APP_ID).map(|d| d.join("app.ron")),
            Some(old)
        );
    }

    #[test]
    fn version_names_the_version_and_the_review_date() {
        let text = version_text();
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some(env!("CARGO_PKG_VERSION")));
        let content_line = lines.next().unwrap_or_default();
        let content = Content::embedded().expect("built-in content loads");
        let date = content.review_date().expect("conditions have review dates");
        assert!(
            content_line.starts_with(&format!("content reviewed {date}")),
            "{content_line}"
        );
    }

    #[test]
    fn review_date_spans_panels_reviewed_on_different_days() {
        let mut content = Content::embedded().expect("built-in content loads");
        content.conditions[0].last_reviewed = "2025-01-31".to_owned();
        let date = content.review_date().unwrap_or_default();
        assert!(
            date.starts_with("2025-01-31 (oldest panel; newest 20"),
            "{date}"
        );
        content.conditions.clear();
        assert_eq!(content.review_date(), None);
    }
}
