//! Frame cost of KneeMap's main screen (a condition panel open, a red flag ticked) next to egui's own demo
//! (`egui_demo_lib::DemoWindows`) in the same run, so the ratio is machine-independent.
//!
//! Run with `cargo bench --bench frame`. Each iteration is one full frame: `run_ui` plus `tessellate`.

use criterion::{Criterion, criterion_group, criterion_main};
use egui::RawInput;
use kneemap::KneeMapApp;
use kneemap::content::{Content, ViewKind};
use kneemap::state::{Command, MapState};

/// A 1280×800 window, as on a typical laptop.
fn laptop_input() -> RawInput {
    RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..RawInput::default()
    }
}

fn main_screen_state(content: &Content, view: ViewKind, location: &str) -> MapState {
    let mut state = MapState {
        disclaimer_acknowledged: true,
        view,
        ..MapState::default()
    };
    state.apply(content, Command::SelectLocation(location.to_owned()));
    state.apply(
        content,
        Command::SetSymptom {
            question_id: "worse_downhill_stairs".into(),
            yes: true,
        },
    );
    state.apply(
        content,
        Command::SetRedFlag {
            flag_id: "persistent_pain".into(),
            ticked: true,
        },
    );
    state
}

fn bench_frames(c: &mut Criterion) {
    let content = match Content::embedded() {
        Ok(content) => content,
        Err(errors) => panic!("shipped content is broken:\n{errors}"),
    };

    for (name, view, location) in [
        ("kneemap_front_patellofemoral", ViewKind::Front, "kneecap"),
        ("kneemap_side_it_band", ViewKind::Side, "outer_knee_itb"),
    ] {
        let ctx = egui::Context::default();
        let state = main_screen_state(&content, view, location);
        let mut app = KneeMapApp::from_parts(&ctx, Ok(content.clone()), state);
        // Warm-up frames: fonts, text layout caches and texture uploads happen once, not per frame.
        for _ in 0..3 {
            let output = ctx.run_ui(laptop_input(), |ui| app.main_ui(ui));
            output.drop_without_applying_deltas();
        }
        c.bench_function(name, |b| {
            b.iter(|| {
                let mut output = ctx.run_ui(laptop_input(), |ui| app.main_ui(ui));
                ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
                output.drop_without_applying_deltas();
            });
        });
    }

    let ctx = egui::Context::default();
    let mut demo_windows = egui_demo_lib::DemoWindows::default();
    for _ in 0..3 {
        let output = ctx.run_ui(laptop_input(), |ui| demo_windows.ui(ui));
        output.drop_without_applying_deltas();
    }
    c.bench_function("egui_demo_windows", |b| {
        b.iter(|| {
            let mut output = ctx.run_ui(laptop_input(), |ui| demo_windows.ui(ui));
            ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
            output.drop_without_applying_deltas();
        });
    });
}

criterion_group!(benches, bench_frames);
criterion_main!(benches);
