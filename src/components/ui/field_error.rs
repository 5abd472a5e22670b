//! The translated message under a field that failed validation, tied to it by id.

use crate::i18n::field_key;
use crate::state::locale::tr;
use baton_core::FieldError;
use leptos::prelude::*;

/// The id of the error message of the input `input_id`, for `aria-describedby`.
pub fn error_id(input_id: &str) -> String {
    format!("{input_id}-error")
}

/// Whether `errors` names `field`.
pub fn has_error(errors: &[FieldError], field: &str) -> bool {
    errors.iter().any(|e| e.field == field)
}

/// `<p data-testid="field-error" data-field=…>`, shown only while `errors` names `field`.
#[component]
pub fn FieldErrorText(
    /// The `id` of the input the message belongs to.
    #[prop(into)]
    input_id: String,
    /// The field's JSON name, as in the server's `errors[].field` (`fields.<key>` for custom fields).
    #[prop(into)]
    field: String,
    /// The current errors of the whole form.
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
) -> impl IntoView {
    let id = error_id(&input_id);
    let code = {
        let field = field.clone();
        move || errors.with(|e| e.iter().find(|e| e.field == field).map(|e| e.code.clone()))
    };
    move || {
        code().map(|code| {
            view! {
                <p class="field-error" id=id.clone() data-testid="field-error" data-field=field.clone()>
                    {tr(field_key(&code))}
                </p>
            }
        })
    }
}
