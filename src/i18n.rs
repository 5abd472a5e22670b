//! Translations, zh-CN and en: the [`Key`] enum names every user-visible text and each locale is
//! one exhaustive `match`, so a missing translation is a compile error.
//!
// Why not leptos_i18n: it measured +25 KB gzip of wasm and needs a build.rs code generator; an enum
// and two `match`es give the same build-time completeness check for nothing.

/// What each of the agent workspace's keysets (`agent`, `agent_list`, `agent_ticket`) declares
/// beside its enum and its `en`/`zh_cn` modules: `From<$key> for Key`, and its texts reached
/// through a function that [`agent::register`] installs. The help center never shows these keys,
/// but the locale `match`es name them; without the indirection its bundle would carry every agent
/// text (the linker keeps what is referenced, not what is reached).
#[cfg(feature = "console")]
macro_rules! registered_keyset {
    ($key:ident, $variant:ident) => {
        impl From<$key> for super::Key {
            fn from(key: $key) -> super::Key {
                super::Key::$variant(key)
            }
        }

        static TEXTS: std::sync::OnceLock<fn(super::Locale, $key) -> &'static str> =
            std::sync::OnceLock::new();

        /// Makes this keyset's texts available.
        fn register_texts() {
            let _ = TEXTS.set(|locale, key| match locale {
                super::Locale::ZhCn => zh_cn::text(key),
                super::Locale::En => en::text(key),
            });
        }

        /// The text of `key` in `locale` (empty before it is registered).
        pub fn text(locale: super::Locale, key: $key) -> &'static str {
            TEXTS.get().map_or("", |text| text(locale, key))
        }
    };
}

#[cfg(feature = "console")]
pub mod admin;
#[cfg(feature = "console")]
pub mod agent;
#[cfg(feature = "console")]
pub mod agent_list;
#[cfg(feature = "console")]
pub mod agent_reports;
#[cfg(feature = "console")]
pub mod agent_ticket;
// Workflows (issue 13).
#[cfg(feature = "console")]
pub mod workflow;
// The catalog's setup (issue 12).
#[cfg(feature = "admin")]
pub mod catalog;
// Agent groups, routing rules, availability (issue 13).
#[cfg(feature = "admin")]
pub mod routing;
// Customers administration (issue 12).
#[cfg(feature = "admin")]
pub mod customers;
// Automations (issue 13).
#[cfg(feature = "admin")]
pub mod automation;
// A business calendar's holiday import (issue 13).
#[cfg(feature = "admin")]
pub mod calendar;
// Custom roles (issue 12).
#[cfg(feature = "admin")]
pub mod roles;
// audit log (issue 12)
#[cfg(feature = "admin")]
pub mod audit;
// Knowledge-base and quick-reply editors (issue 12).
#[cfg(feature = "admin")]
pub mod kb_admin;
mod codes;
mod en;
mod keys;
mod zh_cn;

pub use codes::{error_key, error_message, field_key, problem_key, reason_key, status_key, UPLOADS_PENDING};
#[cfg(feature = "console")]
pub use admin::AdminKey;
#[cfg(feature = "console")]
pub use agent::AgentKey;
#[cfg(feature = "console")]
pub use agent_list::ListKey;
#[cfg(feature = "console")]
pub use agent_reports::ReportKey;
#[cfg(feature = "console")]
pub use agent_ticket::TicketKey;
// Workflows (issue 13).
#[cfg(feature = "console")]
pub use workflow::WorkflowKey;
#[cfg(feature = "admin")]
pub use catalog::CatalogKey;
#[cfg(feature = "admin")]
pub use routing::RoutingKey;
// Customers administration (issue 12).
#[cfg(feature = "admin")]
pub use customers::CustomerKey;
// Automations (issue 13).
#[cfg(feature = "admin")]
pub use automation::AutomationKey;
// A business calendar's holiday import (issue 13).
#[cfg(feature = "admin")]
pub use calendar::CalendarKey;
// Custom roles (issue 12).
#[cfg(feature = "admin")]
pub use roles::RoleKey;
// audit log (issue 12)
#[cfg(feature = "admin")]
pub use audit::AuditKey;
// Knowledge-base and quick-reply editors (issue 12).
#[cfg(feature = "admin")]
pub use kb_admin::KbAdminKey;
pub use keys::Key;

use wasm_bindgen::JsValue;

/// A language the app is translated into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    ZhCn,
    #[default]
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::ZhCn, Locale::En];

    /// The BCP 47 tag, used in `<html lang>`, localStorage and the `locale-switch` values.
    pub fn code(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-CN",
            Locale::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Locale> {
        Locale::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The best locale for a browser language tag: any Chinese gets zh-CN, everything else en.
    pub fn from_language_tag(tag: &str) -> Locale {
        if tag.to_ascii_lowercase().starts_with("zh") {
            Locale::ZhCn
        } else {
            Locale::En
        }
    }

    /// The language's own name, shown in the language chooser.
    pub fn name_key(self) -> Key {
        match self {
            Locale::ZhCn => Key::LanguageZhCn,
            Locale::En => Key::LanguageEn,
        }
    }

    /// The text of `key` in this locale.
    pub fn text(self, key: Key) -> &'static str {
        match self {
            Locale::ZhCn => zh_cn::text(key),
            Locale::En => en::text(key),
        }
    }
}

/// Replaces `{0}`, `{1}`, … in a translated template with `args`.
pub fn fill(template: &str, args: &[&str]) -> String {
    args.iter()
        .enumerate()
        .fold(template.to_owned(), |text, (i, arg)| {
            text.replace(&format!("{{{i}}}"), arg)
        })
}

/// An RFC 3339 timestamp as a local date and time in `locale`'s conventions (via the browser's
/// `Intl`, so no date library ships in the wasm). Unparseable input is returned unchanged.
pub fn format_time(rfc3339: &str, locale: Locale) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(rfc3339));
    if date.get_time().is_nan() {
        return rfc3339.to_owned();
    }
    let options = js_sys::Object::new();
    // Setting a property on a fresh plain object cannot fail; if it somehow did, the browser's
    // default format is still a fine result.
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    date.to_locale_string(locale.code(), &options).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_placeholders_in_order() {
        assert_eq!(fill("{0} → {1}", &["a", "b"]), "a → b");
        assert_eq!(fill("#{0}", &["12"]), "#12");
    }

    #[test]
    fn chooses_locale_from_browser_language() {
        for (tag, locale) in [
            ("zh-CN", Locale::ZhCn),
            ("zh-TW", Locale::ZhCn),
            ("zh", Locale::ZhCn),
            ("en-US", Locale::En),
            ("fr", Locale::En),
        ] {
            assert_eq!(Locale::from_language_tag(tag), locale, "{tag}");
        }
    }
}
