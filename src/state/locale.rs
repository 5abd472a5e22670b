//! The current language: chosen from localStorage, else the browser's language, else (signed in)
//! the desk's; remembered when the user switches; mirrored into `<html lang>`. Components translate with [`I18n::t`].

use crate::i18n::{fill, format_time, Key, Locale};
use leptos::prelude::*;

const STORAGE_KEY: &str = "baton.locale";

/// The locale context.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
    /// Whether someone chose the language (the user, earlier or now; the host page of the
    /// widget) or the browser asked for one of ours; if not, the desk's language is taken. The
    /// help center's only: staff choose theirs in the console (whose size budget is tight).
    #[cfg(not(feature = "console"))]
    settled: RwSignal<bool>,
}

impl I18n {
    /// Creates the context with `locale`, chosen, and provides it to everything below the caller.
    pub fn provide(locale: Locale) -> I18n {
        I18n::provide_settled(locale, true)
    }

    /// Creates the context with the language chosen earlier, else the browser's: a browser that
    /// asks for neither of ours gets English until the desk's language is known
    /// ([`I18n::follow_desk`]).
    pub fn provide_detected() -> I18n {
        let (locale, settled) = I18n::detect();
        I18n::provide_settled(locale, settled)
    }

    fn provide_settled(locale: Locale, settled: bool) -> I18n {
        let i18n = I18n {
            locale: RwSignal::new(locale),
            #[cfg(not(feature = "console"))]
            settled: RwSignal::new(settled),
        };
        #[cfg(feature = "console")]
        let _ = settled;
        provide_context(i18n);
        Effect::new(move |_| {
            let code = i18n.locale.get().code();
            if let Some(html) = document().document_element() {
                // Only fails for an invalid attribute name; "lang" is valid.
                let _ = html.set_attribute("lang", code);
            }
        });
        i18n
    }

    /// The locale the user chose earlier, else the browser's preferred language; and whether
    /// either named one of ours.
    pub fn detect() -> (Locale, bool) {
        let stored = storage()
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .and_then(|code| Locale::from_code(&code));
        stored.map_or_else(
            || {
                let tag = window().navigator().language().unwrap_or_default().to_ascii_lowercase();
                (Locale::from_language_tag(&tag), tag.starts_with("zh") || tag.starts_with("en"))
            },
            |l| (l, true),
        )
    }

    /// Takes the desk's language (`Me.tenant.language`) unless the language is settled.
    #[cfg(not(feature = "console"))]
    pub fn follow_desk(&self, code: Option<&str>) {
        if let Some(l) = code.and_then(Locale::from_code).filter(|_| !self.settled.get_untracked()) {
            self.locale.set(l);
        }
    }

    /// The current locale (tracked).
    pub fn locale(&self) -> Locale {
        self.locale.get()
    }

    /// Switches the language and remembers the choice.
    pub fn set(&self, locale: Locale) {
        self.locale.set(locale);
        #[cfg(not(feature = "console"))]
        self.settled.set(true);
        if let Some(storage) = storage() {
            // Private browsing may refuse storage; the switch still works for this visit.
            let _ = storage.set_item(STORAGE_KEY, locale.code());
        }
    }

    /// The text of `key` in the current locale (tracked, so views re-render on a switch).
    pub fn t(&self, key: Key) -> &'static str {
        self.locale.get().text(key)
    }

    /// The text of `key` with its `{0}`, `{1}`, … filled in.
    pub fn tf(&self, key: Key, args: &[&str]) -> String {
        fill(self.t(key), args)
    }
}

/// The text of `key`, as a view child or attribute value that follows the locale.
///
/// Every call returns the same closure type, so the renderer's code for a reactive text is
/// generated once rather than once per text: a `move || i18n.t(…)` per call site measured about
/// 1 KB of wasm each.
pub fn tr(key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || i18n.t(key)
}

/// [`tr`] of `busy` while `when` holds, else of `idle` ("Sending…" / "Send").
pub fn tr_while(
    when: Signal<bool>,
    busy: Key,
    idle: Key,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || i18n.t(if when.get() { busy } else { idle })
}

/// [`tr`] of a template with its `{0}`, `{1}`, … filled by `args`.
pub fn trf(key: Key, args: Vec<String>) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let i18n = use_i18n();
    move || {
        fill(
            i18n.t(key),
            &args.iter().map(String::as_str).collect::<Vec<_>>(),
        )
    }
}

/// [`tr`] of a template whose `{0}` is the RFC 3339 time `at`, formatted for the locale.
pub fn tr_time(key: Key, at: String) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let i18n = use_i18n();
    move || fill(i18n.t(key), &[&format_time(&at, i18n.locale())])
}

/// The locale context; panics if [`I18n::provide`] was not called above.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// Keeps `document.title` as "page · product" in the current language while the caller lives.
pub fn use_page_title(page: impl Fn(I18n) -> String + 'static) {
    let i18n = use_i18n();
    Effect::new(move |_| {
        let title = format!("{} · {}", page(i18n), i18n.t(Key::ProductName));
        document().set_title(&title);
    });
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}
