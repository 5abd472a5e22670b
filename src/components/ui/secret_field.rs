//! A password-type input with a show/hide toggle, for secrets the user types once and never
//! reads back (confidential info 机密信息).

use super::field::Described;
use super::label::Label;
use crate::i18n::Key;
use crate::state::locale::tr;
use baton_core::FieldError;
use leptos::prelude::*;

/// The masked input, its toggle, hint and error.
#[component]
pub fn SecretField(
    /// The input's `id`; the hint and error ids derive from it.
    #[prop(into)]
    id: String,
    /// The input's `data-testid` (SELECTORS.md); the toggle's is `<testid>-toggle`.
    #[prop(into)]
    testid: String,
    /// The JSON field name its validation errors are reported under.
    #[prop(into)]
    field: String,
    /// The label text.
    #[prop(into)]
    label: Label,
    /// A help text under the label.
    #[prop(optional_no_strip)]
    hint: Option<Label>,
    /// The value, two-way bound.
    value: RwSignal<String>,
    /// The form's current validation errors.
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
) -> impl IntoView {
    let d = Described::new(&id, &field, hint, errors);
    let shown = RwSignal::new(false);
    let toggle_testid = format!("{testid}-toggle");
    view! {
        <div class="field">
            {d.label_view(label, false)}
            {d.hint_view()}
            <div class="secret-input">
                <input
                    id=id.clone()
                    name=field
                    type=move || if shown.get() { "text" } else { "password" }
                    data-testid=testid
                    autocomplete="off"
                    spellcheck="false"
                    aria-invalid=d.invalid()
                    aria-describedby=d.described_by()
                    bind:value=value
                />
                <button type="button" class="button" data-testid=toggle_testid aria-controls=id
                    aria-label=tr(Key::SecretShowLabel)
                    aria-pressed=move || if shown.get() { "true" } else { "false" }
                    on:click=move |_| shown.update(|s| *s = !*s)>
                    {tr(Key::SecretShow)}
                </button>
            </div>
            {d.error_view()}
        </div>
    }
}
