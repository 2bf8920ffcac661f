//! The knee map's domain: hit-testing of regions, ranking of candidate conditions
//! and the map's own state with the commands that change it. No egui here.

pub mod diagram;
/// The picture geometry is a leaf shared with content validation; the map reaches it here too.
pub use crate::geometry;
pub mod ranking;
pub mod state;
