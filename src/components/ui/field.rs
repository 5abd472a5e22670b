//! A labelled text input or textarea with an optional hint and its validation message. The value
//! lives in a signal the caller owns, so nothing typed is lost when the form shows errors.

use super::field_error::{error_id, has_error, FieldErrorText};
use super::label::{label_text, Label, RequiredMark};
use baton_core::FieldError;
use leptos::prelude::*;
use std::sync::Arc;

/// How an input is tied to its hint and error message, for `aria-describedby` and
/// `aria-invalid`. Every labelled input of the app uses it.
#[derive(Clone)]
pub struct Described {
    id: Arc<str>,
    field: Arc<str>,
    hint: Option<Label>,
    errors: Signal<Vec<FieldError>>,
}

impl Described {
    /// Input `id`, whose errors arrive under the API field name `field`.
    pub fn new(
        id: &str,
        field: &str,
        hint: Option<Label>,
        errors: Signal<Vec<FieldError>>,
    ) -> Described {
        Described {
            id: id.into(),
            field: field.into(),
            hint,
            errors,
        }
    }

    /// `aria-invalid` while an error about the field shows.
    pub fn invalid(&self) -> impl Fn() -> Option<&'static str> + Send + Sync + 'static {
        let (errors, field) = (self.errors, self.field.clone());
        move || errors.with(|e| has_error(e, &field)).then_some("true")
    }

    /// `aria-describedby`: the hint and, while shown, the error.
    pub fn described_by(&self) -> impl Fn() -> Option<String> + Send + Sync + 'static {
        let (errors, field) = (self.errors, self.field.clone());
        let hint = self.hint.is_some().then(|| hint_id(&self.id));
        let error = error_id(&self.id);
        move || {
            let mut ids: Vec<&str> = hint.iter().map(String::as_str).collect();
            if errors.with(|e| has_error(e, &field)) {
                ids.push(&error);
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    }

    /// The hint paragraph, if there is a hint.
    pub fn hint_view(&self) -> impl IntoView {
        let id = hint_id(&self.id);
        self.hint.clone().map(|hint| {
            view! { <p class="field-hint" id=id>{label_text(hint)}</p> }
        })
    }

    /// The error paragraph (empty while there is none).
    pub fn error_view(&self) -> impl IntoView {
        view! { <FieldErrorText input_id=self.id.to_string() field=self.field.to_string() errors=self.errors /> }
    }

    /// `<label for=id>` with the required mark.
    pub fn label_view(&self, label: Label, required: bool) -> impl IntoView {
        view! {
            <label for=self.id.to_string()>
                {label_text(label)}
                {required.then(|| view! { <RequiredMark /> })}
            </label>
        }
    }
}

fn hint_id(id: &str) -> String {
    format!("{id}-hint")
}

/// A one-line input.
#[component]
pub fn TextField(
    /// The input's `id`; the hint and error ids derive from it.
    #[prop(into)]
    id: String,
    /// The input's `data-testid` (SELECTORS.md).
    #[prop(into)]
    testid: String,
    /// The JSON field name its validation errors are reported under.
    #[prop(into)]
    field: String,
    /// The label text.
    #[prop(into)]
    label: Label,
    /// The value, two-way bound.
    value: RwSignal<String>,
    /// The form's current validation errors.
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
    /// The input `type`.
    #[prop(default = "text")]
    input_type: &'static str,
    /// A help text under the label.
    #[prop(optional_no_strip)]
    hint: Option<Label>,
    /// The `autocomplete` token.
    #[prop(default = "off")]
    autocomplete: &'static str,
    /// Marks the field required, visibly and for assistive technology (validation itself is ours).
    #[prop(optional)]
    required: bool,
) -> impl IntoView {
    let d = Described::new(&id, &field, hint, errors);
    // Numbers are typed into a text input with a decimal keypad: a `type="number"` input reports
    // "199." as "199", the two-way binding writes that back, and the caret jumps to the start —
    // typing "199.5" gave "5199". baton-core validates the number either way.
    let (input_type, inputmode) = match input_type {
        "number" => ("text", Some("decimal")),
        other => (other, None),
    };
    view! {
        <div class="field">
            {d.label_view(label, required)}
            {d.hint_view()}
            <input
                id=id
                name=field
                type=input_type
                inputmode=inputmode
                data-testid=testid
                autocomplete=autocomplete
                aria-required=required.then_some("true")
                aria-invalid=d.invalid()
                aria-describedby=d.described_by()
                bind:value=value
            />
            {d.error_view()}
        </div>
    }
}

/// A multi-line input.
#[component]
pub fn TextArea(
    /// The textarea's `id`; the hint and error ids derive from it.
    #[prop(into)]
    id: String,
    /// The textarea's `data-testid` (SELECTORS.md).
    #[prop(into)]
    testid: String,
    /// The JSON field name its validation errors are reported under.
    #[prop(into)]
    field: String,
    /// The label text.
    #[prop(into)]
    label: Label,
    /// The value, two-way bound.
    value: RwSignal<String>,
    /// The form's current validation errors.
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
    /// A help text under the label.
    #[prop(optional_no_strip)]
    hint: Option<Label>,
    /// Visible lines.
    #[prop(default = 6)]
    rows: u32,
    /// Marks the field required, visibly and for assistive technology (validation itself is ours).
    #[prop(optional)]
    required: bool,
) -> impl IntoView {
    let d = Described::new(&id, &field, hint, errors);
    view! {
        <div class="field">
            {d.label_view(label, required)}
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
            {d.error_view()}
        </div>
    }
}
