//! KneeMap's entry point: parses flags, then checks content or opens the window.

use std::process::ExitCode;

use clap::Parser;
use kneemap::cli::{self, Cli};

fn main() -> ExitCode {
    let args = Cli::parse();
    if let Some(dir) = &args.check_content {
        let report = cli::check_content(dir.as_deref());
        for line in &report.lines {
            if report.ok {
                println!("{line}");
            } else {
                eprintln!("{line}");
            }
        }
        return if report.ok {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        };
    }
    let content = cli::load_content(args.content_dir.as_deref());
    if let Err(errors) = &content {
        // The window shows them too; the terminal copy helps content authors.
        eprintln!("{errors}");
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(kneemap::app::APP_NAME)
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([960.0, 620.0]),
        ..Default::default()
    };
    // The planner's store lives in the platform data directory; without one the app still runs, unsaved.
    let store = match kneemap::store::Store::open_default() {
        Ok(store) => Some(store),
        Err(e) => {
            eprintln!("KneeMap cannot save plans: {e}");
            None
        }
    };
    let result = eframe::run_native(
        kneemap::app::APP_NAME,
        options,
        Box::new(|cc| Ok(Box::new(kneemap::KneeMapApp::new(cc, content, store)))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("KneeMap could not open its window: {e}");
            ExitCode::FAILURE
        }
    }
}
