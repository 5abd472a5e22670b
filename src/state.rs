//! App-wide state, provided as context at the root and read with `expect_context()`: who is signed
//! in ([`session`]), the language ([`locale`]), the transient messages ([`toasts`]) and the live
//! events from the server ([`live`]); plus [`load`], what a page fetched, [`busy`], the "request running" flag every sending
//! button uses, [`draft`], the localStorage drafts that keep what users type, and [`handoff`], the
//! agent's last hand-off of a ticket out of their sight.

pub mod busy;
pub mod embed;
pub mod draft;
#[cfg(feature = "console")]
pub mod handoff;
pub mod live;
pub mod load;
pub mod locale;
pub mod session;
#[cfg(feature = "console")]
pub mod shortcuts;
pub mod toasts;
