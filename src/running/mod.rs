//! Running: the run log, watch-file imports, load warnings, the return-to-run plan, shoes and cadence.
//! No egui here; `ui::running` draws it and sends [`RunningCommand`]s.

pub(crate) mod cadence;
pub(crate) mod commands;
pub mod import;
pub(crate) mod listing;
pub(crate) mod load;
pub mod model;
pub mod return_to_run;
pub(crate) mod shoes;

pub use commands::{
    Applied, RunDraft, RunningCommand, RunningContext, RunningError, SwapOffer, swap_offer,
};
pub use model::{PlannedRun, Run, RunningData, Shoe, Sport, Surface, Units};
