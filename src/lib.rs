//! KneeMap: an offline knee-pain map, red-flag checklist and strength planner for runners.
//!
//! Domain modules (`content`, `geometry`, `diagram`, `ranking`, `triage`, `state`, `library`, `planner`,
//! `session_timer`, `store`, `clock`, `assets`, `exercise_art`, `cli`) have no egui dependency and carry their own
//! tests; `ui` and `app` only draw and turn input into commands ([`state::Command`], [`planner::PlannerCommand`]).

pub mod app;
pub mod assets;
pub mod cli;
pub mod clock;
pub mod content;
pub mod diagram;
pub mod exercise_art;
pub mod export;
pub mod geometry;
pub mod library;
pub mod planner;
pub mod ranking;
pub mod session_timer;
pub mod state;
pub mod store;
pub mod triage;
pub mod ui;

pub use app::KneeMapApp;
