//! The frame around every page: the header bar with navigation, user and language.

mod header;
mod locale_switch;

pub use header::Header;
pub use locale_switch::LocaleSwitch;
