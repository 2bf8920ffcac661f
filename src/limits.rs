//! The bounds shared by content validation and the domains: dose ranges, the 0–10 pain scale and the longest
//! plan. A leaf: it imports nothing from the crate, so content can check against it without reaching a domain.

/// Pain is scored 0..=10 everywhere in KneeMap.
pub const PAIN_SCALE_MAX: u8 = 10;

/// Most weeks a plan (generated, made by hand or imported) may have.
pub const MAX_PLAN_WEEKS: usize = 52;

/// Allowed ranges for numbers the user types. Values outside are clamped at the edge by `planner::clamp_planned` and
/// `planner::clamp_log`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits;

impl Limits {
    pub const SETS_MIN: u8 = 1;
    pub const SETS_MAX: u8 = 10;
    pub const REPS_MIN: u8 = 1;
    pub const REPS_MAX: u8 = 50;
    pub const HOLD_SECS_MIN: u16 = 1;
    pub const HOLD_SECS_MAX: u16 = 600;
    pub const REST_SECS_MAX: u16 = 600;
    pub const LOAD_KG_MAX: f32 = 500.0;
    /// Longest phase of a tempo (lowering, pause or lifting).
    pub const TEMPO_PHASE_SECS_MAX: u8 = 20;
    /// Pain and effort scales run 0..=10.
    pub const SCALE_MAX: u8 = PAIN_SCALE_MAX;

    pub fn sets_in_range(sets: u8) -> bool {
        (Self::SETS_MIN..=Self::SETS_MAX).contains(&sets)
    }

    pub fn reps_in_range(reps: u8) -> bool {
        (Self::REPS_MIN..=Self::REPS_MAX).contains(&reps)
    }

    pub fn hold_in_range(hold_secs: u16) -> bool {
        (Self::HOLD_SECS_MIN..=Self::HOLD_SECS_MAX).contains(&hold_secs)
    }

    /// A load made safe: NaN or infinite becomes `None`, negative becomes 0, above the maximum becomes the maximum.
    pub fn clamp_load_kg(load_kg: Option<f32>) -> Option<f32> {
        load_kg
            .filter(|l| l.is_finite())
            .map(|l| l.clamp(0.0, Self::LOAD_KG_MAX))
    }
}
