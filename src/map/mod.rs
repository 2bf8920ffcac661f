//! The knee map's domain: normalised picture geometry, hit-testing of regions, ranking of candidate conditions,
//! red-flag triage and the map's own state with the commands that change it. No egui here.

pub mod diagram;
pub mod geometry;
pub mod ranking;
pub mod state;
pub mod triage;
