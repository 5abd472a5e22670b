//! Building blocks that take everything they show as props (texts come from the locale context):
//! generic [`ui`] widgets, [`ticket`] and knowledge-base ([`kb`]) pieces, and the [`layout`] of
//! the shell.

pub mod kb;
#[cfg(feature = "console")]
pub mod agent;
pub mod layout;
// notifications (issue 13)
pub mod notify;
pub mod ticket;
pub mod ui;
