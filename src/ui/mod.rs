//! Drawing code: each module draws one part of the window and returns the commands the user gave.

pub mod about;
pub mod condition;
pub mod culled_scroll;
pub mod date_field;
pub mod diagram;
pub mod diary;
pub mod exercises;
pub mod layout;
pub mod planner;
pub mod prevention;
pub mod red_flags;
pub mod running;
pub mod theme;
pub mod widgets;
