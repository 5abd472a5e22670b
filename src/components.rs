//! Building blocks that take everything they show as props (texts come from the locale context):
//! generic [`ui`] widgets, [`ticket`] pieces, and the [`layout`] of the shell.

pub mod agent;
pub mod layout;
pub mod ticket;
pub mod ui;
