//! A field's label text: one of ours (a translation [`Key`]) or the tenant's own multilingual
//! [`Text`] (custom fields, ticket types), shown in the current locale either way.

use crate::i18n::Key;
use crate::state::locale::use_i18n;
use baton_core::Text;
use leptos::prelude::*;

/// Where a label's words come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    Key(Key),
    Tenant(Text),
}

impl From<Key> for Label {
    fn from(key: Key) -> Label {
        Label::Key(key)
    }
}

impl From<Text> for Label {
    fn from(text: Text) -> Label {
        Label::Tenant(text)
    }
}

/// The label's text in the current locale (tracked).
pub fn label_text(label: Label) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let i18n = use_i18n();
    move || match &label {
        Label::Key(key) => i18n.t(*key).to_owned(),
        Label::Tenant(text) => text.get(i18n.locale().code()).to_owned(),
    }
}

/// A tenant text in the current locale (tracked).
pub fn tenant_text(text: Text) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    label_text(Label::Tenant(text))
}

/// The marker of a required field: a visible asterisk, and the word for screen readers where
/// `aria-required` cannot say it (group legends).
#[component]
pub fn RequiredMark(
    /// Also say "required" in words, hidden visually.
    #[prop(optional)]
    spoken: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class="required-mark" aria-hidden="true">" *"</span>
        {spoken.then(|| view! { <span class="sr-only">{move || i18n.t(Key::Required)}</span> })}
    }
}
