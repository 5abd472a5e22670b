//! The page's translated texts ([`ReportKey`], `crate::i18n::agent_reports`) in the current
//! locale: the page's own counterparts of `I18n::t`, `tr` and `trf`, which take the help center's
//! `Key` (see the keyset's module for why these texts are not one of its variants).

use crate::i18n::{agent_reports, fill, ReportKey};
use crate::state::locale::{use_i18n, I18n};

/// The text of `key` in the current locale (tracked).
pub fn t(i18n: I18n, key: ReportKey) -> &'static str {
    agent_reports::text(i18n.locale(), key)
}

/// The template `key` with its `{0}`, `{1}`, … filled in.
pub fn tf(i18n: I18n, key: ReportKey, args: &[&str]) -> String {
    fill(t(i18n, key), args)
}

/// The text of `key` as a view child or attribute value that follows the locale.
pub fn rt(key: ReportKey) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || t(i18n, key)
}
