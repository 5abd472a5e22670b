//! App-wide state, provided as context at the root and read with `expect_context()`: who is signed
//! in ([`session`]), the language ([`locale`]) and the transient messages ([`toasts`]); plus
//! [`busy`], the "request running" flag every sending button uses.

pub mod busy;
pub mod locale;
pub mod session;
pub mod toasts;
