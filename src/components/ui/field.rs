//! A labelled text input or textarea with an optional hint and its validation message. The value
//! lives in a signal the caller owns, so nothing typed is lost when the form shows errors.

use super::field_error::{error_id, has_error, FieldErrorText};
use crate::i18n::Key;
use crate::state::locale::tr;
use baton_core::FieldError;
use leptos::prelude::*;

/// What both field kinds share: label, hint, error wiring.
#[derive(Clone, Copy)]
struct Described {
    id: &'static str,
    field: &'static str,
    hint: Option<Key>,
    errors: Signal<Vec<FieldError>>,
}

impl Described {
    fn invalid(self) -> impl Fn() -> Option<&'static str> + Copy {
        move || {
            self.errors
                .with(|e| has_error(e, self.field))
                .then_some("true")
        }
    }

    /// `aria-describedby`: the hint and, while shown, the error.
    fn described_by(self) -> impl Fn() -> Option<String> + Copy {
        move || {
            let mut ids = Vec::new();
            if self.hint.is_some() {
                ids.push(format!("{}-hint", self.id));
            }
            if self.errors.with(|e| has_error(e, self.field)) {
                ids.push(error_id(self.id));
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    }

    fn hint_view(self) -> impl IntoView {
        self.hint.map(|hint| {
            view! { <p class="field-hint" id=format!("{}-hint", self.id)>{tr(hint)}</p> }
        })
    }
}

/// A one-line input.
#[component]
pub fn TextField(
    /// The input's `id`; the hint and error ids derive from it.
    id: &'static str,
    /// The input's `data-testid` (SELECTORS.md).
    testid: &'static str,
    /// The JSON field name its validation errors are reported under.
    field: &'static str,
    /// The label text.
    label: Key,
    /// The value, two-way bound.
    value: RwSignal<String>,
    /// The form's current validation errors.
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
    /// The input `type`.
    #[prop(default = "text")]
    input_type: &'static str,
    /// A help text under the label.
    #[prop(optional)]
    hint: Option<Key>,
    /// The `autocomplete` token.
    #[prop(default = "off")]
    autocomplete: &'static str,
    /// Marks the field required for assistive technology (validation itself is ours).
    #[prop(optional)]
    required: bool,
) -> impl IntoView {
    let d = Described {
        id,
        field,
        hint,
        errors,
    };
    view! {
        <div class="field">
            <label for=id>{tr(label)}</label>
            {d.hint_view()}
            <input
                id=id
                name=field
                type=input_type
                data-testid=testid
                autocomplete=autocomplete
                aria-required=required.then_some("true")
                aria-invalid=d.invalid()
                aria-describedby=d.described_by()
                bind:value=value
            />
            <FieldErrorText input_id=id field errors />
        </div>
    }
}

/// A multi-line input.
#[component]
pub fn TextArea(
    /// The textarea's `id`; the hint and error ids derive from it.
    id: &'static str,
    /// The textarea's `data-testid` (SELECTORS.md).
    testid: &'static str,
    /// The JSON field name its validation errors are reported under.
    field: &'static str,
    /// The label text.
    label: Key,
    /// The value, two-way bound.
    value: RwSignal<String>,
    /// The form's current validation errors.
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
    /// A help text under the label.
    #[prop(optional)]
    hint: Option<Key>,
    /// Visible lines.
    #[prop(default = 6)]
    rows: u32,
    /// Marks the field required for assistive technology (validation itself is ours).
    #[prop(optional)]
    required: bool,
) -> impl IntoView {
    let d = Described {
        id,
        field,
        hint,
        errors,
    };
    view! {
        <div class="field">
            <label for=id>{tr(label)}</label>
            {d.hint_view()}
            <textarea
                id=id
                name=field
                rows=rows
                data-testid=testid
                aria-required=required.then_some("true")
                aria-invalid=d.invalid()
                aria-describedby=d.described_by()
                bind:value=value
            ></textarea>
            <FieldErrorText input_id=id field errors />
        </div>
    }
}
