//! Drawing code: each module draws one part of the window and returns the commands the user gave.

pub(crate) mod about;
pub mod condition;
pub mod culled_scroll;
pub mod date_field;
pub mod diagram;
pub mod diary;
pub(crate) mod exercises;
pub(crate) mod layout;
pub mod planner;
pub(crate) mod prevention;
pub mod red_flags;
pub mod running;
pub(crate) mod theme;
pub(crate) mod widgets;
