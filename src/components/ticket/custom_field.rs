//! One custom field of a ticket type, rendered by its kind as `field-<key>`, labelled in the
//! current locale, marked when required, with its error (`fields.<key>`) next to it.

mod choice;
mod slot;

pub use slot::{attachment_ids, FieldSlot, SavedSlot};

use crate::components::ui::{Described, FilePicker, Label, TextArea, TextField, Upload};
use baton_core::{CustomField, FieldError, FieldKind};
use choice::{CheckboxField, ChoiceGroup, ChoiceSelect};
use leptos::prelude::*;

/// The input of `def`.
#[component]
pub fn CustomFieldInput(
    /// The field's definition from the catalog.
    def: CustomField,
    /// Its value while the form is filled in.
    state: FieldSlot,
    /// The current value of the cascading parent field (for fields with `parent`).
    #[prop(into)]
    parent_value: Signal<Option<String>>,
    /// The form's current validation errors.
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
    /// Starts uploading a file (attachment fields).
    #[prop(into)]
    on_upload: Callback<web_sys::File, Upload>,
) -> impl IntoView {
    let slot = state;
    let id = format!("field-{}", def.key);
    let field = format!("fields.{}", def.key);
    let label = Label::Tenant(def.label.clone());
    let hint = def.help.clone().map(Label::Tenant);
    let required = def.required;
    // A cascading field's options depend on the parent: its value no longer applies once the
    // parent changes.
    if def.parent.is_some() {
        Effect::watch(move || parent_value.get(), move |_, _, _| slot.clear(), false);
    }
    let described = Described::new(&id, &field, hint.clone(), errors);
    let text = |input_type: &'static str| {
        view! {
            <TextField id=id.clone() testid=id.clone() field=field.clone() label=label.clone() hint=hint.clone()
                value=slot.text errors input_type required />
        }
        .into_any()
    };
    match def.kind {
        FieldKind::Text => text("text"),
        FieldKind::Number => text("number"),
        FieldKind::Date => text("date"),
        FieldKind::Datetime => text("datetime-local"),
        FieldKind::Textarea => view! {
            <TextArea id=id.clone() testid=id field label hint value=slot.text errors required rows=4 />
        }
        .into_any(),
        FieldKind::Select => view! {
            <div class="field">
                {described.label_view(label, required)}
                {described.hint_view()}
                <ChoiceSelect def id described=described.clone() state=slot parent_value />
                {described.error_view()}
            </div>
        }
        .into_any(),
        FieldKind::Multiselect | FieldKind::Radio => {
            view! { <ChoiceGroup def id label described state=slot parent_value /> }.into_any()
        }
        FieldKind::Checkbox => {
            view! { <CheckboxField id label required described state=slot /> }.into_any()
        }
        FieldKind::Attachment => view! {
            <FilePicker id=id.clone() testid=id field label hint uploads=slot.files on_upload errors required />
        }
        .into_any(),
    }
}
