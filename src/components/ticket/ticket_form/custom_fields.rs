//! The custom fields of the chosen type and sub-type, and the errors the form has no field for.

use super::TicketDraft;
use crate::components::ticket::custom_field::CustomFieldInput;
use crate::components::ui::Upload;
use crate::i18n::{field_key, Key};
use crate::state::locale::tr;
use baton_core::{CustomField, FieldError, TicketType};
use leptos::prelude::*;

/// The API names of the fields the form always shows.
const BASIC_FIELDS: [&str; 6] = ["title", "description", "contact_phone", "related_url", "confidential", "attachment_ids"];

/// Whether the form shows an input for `field` now, where its error appears beside it: the
/// basic fields always; the type while the desk has types; the sub-type while the chosen type
/// has sub-types (a backend may still name it: its row is hidden then); a custom field while
/// the chosen type and sub-type have it. Any other error goes to the summary.
fn placed(field: &str, draft: TicketDraft, types: &[TicketType], custom: &[String]) -> bool {
    match field {
        "type_id" => !types.is_empty(),
        "subtype_id" => {
            let type_id = draft.type_id.get();
            types.iter().find(|t| Some(t.id) == type_id).is_some_and(|t| !t.subtypes.is_empty())
        }
        f => BASIC_FIELDS.contains(&f) || custom.iter().any(|c| c == f),
    }
}

/// What the summary calls `field`: the label of the type or sub-type, else its API name.
fn field_label(field: &str) -> String {
    match field {
        "type_id" => tr(Key::FieldType)().to_owned(),
        "subtype_id" => tr(Key::FieldSubtype)().to_owned(),
        other => other.to_owned(),
    }
}

/// The custom fields of the chosen type and sub-type: the type's, then the sub-type's.
pub fn chosen_fields(draft: TicketDraft, types: &[TicketType]) -> Vec<CustomField> {
    let type_id = draft.type_id.get();
    let Some(ty) = types.iter().find(|t| Some(t.id) == type_id) else {
        return Vec::new();
    };
    let subtype = draft.subtype_id.get().and_then(|id| ty.subtype(id));
    ty.fields_for(subtype).cloned().collect()
}

/// One input per custom field; re-rendered only when the type or sub-type changes.
#[component]
pub fn CustomFields(
    /// The form's state.
    draft: TicketDraft,
    /// The tenant's catalog.
    #[prop(into)]
    types: Signal<Vec<TicketType>>,
    /// The form's current validation errors.
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
    /// Starts uploading a file (attachment fields).
    #[prop(into)]
    on_upload: Callback<web_sys::File, Upload>,
) -> impl IntoView {
    let defs = Memo::new(move |_| types.with(|t| chosen_fields(draft, t)));
    move || {
        defs.get()
            .into_iter()
            .map(|def| {
                let slot = draft.slot(&def.key);
                let parent_value: Signal<Option<String>> = match def.parent.as_deref() {
                    Some(parent) => {
                        let parent = draft.slot(parent).text;
                        Memo::new(move |_| Some(parent.get()).filter(|v| !v.is_empty())).into()
                    }
                    None => Signal::stored(None),
                };
                view! { <CustomFieldInput def state=slot parent_value errors on_upload /> }
            })
            .collect_view()
    }
}

/// Field errors about fields the form does not show (a field removed from the catalog meanwhile,
/// a newer server's rule), so no refusal goes unexplained.
#[component]
pub fn OtherErrors(
    /// The form's state.
    draft: TicketDraft,
    /// The tenant's catalog.
    #[prop(into)]
    types: Signal<Vec<TicketType>>,
    /// The form's current validation errors.
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
) -> impl IntoView {
    let others = move || {
        let shown: Vec<String> = types
            .with(|t| chosen_fields(draft, t))
            .into_iter()
            .map(|f| format!("fields.{}", f.key))
            .collect();
        types.with(|types| {
            errors.with(|errors| {
                errors
                    .iter()
                    .filter(|e| !placed(&e.field, draft, types, &shown))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    };
    move || {
        let others = others();
        (!others.is_empty()).then(|| view! {
            <div class="form-error" role="alert">
                <p>{tr(Key::OtherErrors)}</p>
                <ul>
                    {others.into_iter().map(|e| view! {
                        <li class="field-error" data-testid="field-error" data-field=e.field.clone()>
                            {field_label(&e.field)}": "{tr(field_key(&e.code))}
                        </li>
                    }).collect_view()}
                </ul>
            </div>
        })
    }
}
