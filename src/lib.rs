//! KneeMap: an offline knee-pain map, red-flag checklist and strength planner for runners.
//!
//! Domain folders have no egui dependency and carry their own tests: `content` (the typed, validated RON
//! content), `map` (hit-testing, ranking, the map's state), `triage` (red flags, the age band, `Safety`),
//! `navigation` (the open tab), `planner` (plans, programmes,
//! progression, the session runner), `running` (run log, imports, load, return to run, shoes, cadence), `store` (the one durable, private, atomic file). `app` owns the window and
//! applies every panel's [`app::AppCommand`]s in one place; `ui` draws one tab or column per module.

/// The app's name, as the window and the data folder show it.
pub const APP_NAME: &str = "KneeMap";

pub mod app;
pub(crate) mod assets;
pub mod cli;
pub mod clock;
pub(crate) mod command;
pub mod content;
pub(crate) mod dialog;
pub mod diary;
pub mod document;
pub(crate) mod exercise_art;
pub mod export;
pub mod geometry;
pub(crate) mod library;
pub(crate) mod limits;
pub mod map;
pub mod navigation;
pub mod pain;
pub mod planner;
pub mod running;
pub mod store;
pub mod triage;
pub mod ui;
pub(crate) mod week;

pub use app::KneeMapApp;
