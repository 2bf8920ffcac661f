//! KneeMap's entry point: parses flags, then runs a command-line verb, checks content, or opens the window.

use std::process::ExitCode;

use kneemap::cli::{self, Cli, DataAction, Report, Verb};

fn main() -> ExitCode {
    let args = Cli::parse_with_version();
    if let Some(dir) = &args.check_content {
        return print_report(&cli::check_content(dir.as_deref()));
    }
    match &args.command {
        Some(Verb::Data { action }) => {
            let report = match action {
                DataAction::Path => cli::data_path(args.data_dir.as_deref()),
                DataAction::Check => cli::data_check(args.data_dir.as_deref()),
                DataAction::CrashWriter { from } => {
                    cli::crash_writer(args.data_dir.as_deref(), *from)
                }
                DataAction::CrashCheck { saved, submitted } => {
                    cli::crash_check(args.data_dir.as_deref(), *saved, *submitted)
                }
            };
            print_report(&report)
        }
        Some(Verb::Import { paths }) => with_content(&args, |content| {
            cli::exchange::import(args.data_dir.as_deref(), paths, content)
        }),
        Some(Verb::Runs { json }) => {
            print_report(&cli::exchange::runs(args.data_dir.as_deref(), *json))
        }
        Some(Verb::Export {
            kind,
            out,
            plan,
            letter,
            week,
            author,
        }) => with_content(&args, |content| {
            let export = cli::exchange::ExportArgs {
                kind: kind.kind(),
                out: out.clone(),
                plan_id: *plan,
                letter: *letter,
                week: *week,
                author: author.clone(),
            };
            cli::exchange::export(args.data_dir.as_deref(), &export, content)
        }),
        None => run_app(&args),
    }
}

/// Runs a verb that needs the content, or reports why the content did not load.
fn with_content(args: &Cli, verb: impl FnOnce(&kneemap::content::Content) -> Report) -> ExitCode {
    match cli::load_content(args.content_dir.as_deref()) {
        Ok(content) => print_report(&verb(&content)),
        Err(errors) => {
            eprintln!("{errors}");
            ExitCode::FAILURE
        }
    }
}

fn print_report(report: &Report) -> ExitCode {
    for line in &report.lines {
        if report.ok {
            println!("{line}");
        } else {
            eprintln!("{line}");
        }
    }
    if report.ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn run_app(args: &Cli) -> ExitCode {
    let content = cli::load_content(args.content_dir.as_deref());
    if let Err(errors) = &content {
        // The window shows them too; the terminal copy helps content authors.
        eprintln!("{errors}");
    }
    // Without a data folder the app still runs, and says that nothing will be saved.
    let store = match cli::store_for(args.data_dir.as_deref()) {
        Ok(store) => Some(store),
        Err(e) => {
            eprintln!("KneeMap cannot save your data: {e}");
            None
        }
    };
    // eframe keeps only the window's size and place, beside KneeMap's own data.
    let options = kneemap::app::desktop::native_options(
        store.as_ref().map(kneemap::store::Store::dir).as_deref(),
    );
    let files = args.files.clone();
    let result = eframe::run_native(
        kneemap::app::APP_NAME,
        options,
        Box::new(|cc| {
            Ok(Box::new(
                kneemap::KneeMapApp::new(cc, content, store)
                    .with_start_files(files)
                    // The session runner's cues; the device is opened by the first one, not here.
                    .with_sound_output(kneemap::app::sound::SoundOutput::device()),
            ))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("KneeMap could not open its window: {e}");
            ExitCode::FAILURE
        }
    }
}
