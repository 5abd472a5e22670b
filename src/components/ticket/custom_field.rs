//! One custom field of a ticket type, rendered by its kind as `field-<key>`, labelled in the
//! current locale, marked when required, with its error (`fields.<key>`) next to it.

mod choice;
mod slot;

pub use slot::{attachment_ids, FieldSlot, SavedSlot};

use crate::components::ui::{Described, FilePicker, Label, TextArea, TextField, Upload};
use baton_core::{CustomField, FieldError, FieldKind};
use choice::{CheckboxField, ChoiceGroup, ChoiceSelect};
use leptos::either::EitherOf6;
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
        Effect::watch(
            move || parent_value.get(),
            move |_, _, _| slot.clear(),
            false,
        );
    }
    let described = Described::new(&id, &field, hint.clone(), errors);
    // Either types rather than `into_any()`: a static choice needs no type-erased render code.
    let text_type = match def.kind {
        FieldKind::Number => "number",
        FieldKind::Date => "date",
        FieldKind::Datetime => "datetime-local",
        _ => "text",
    };
    match def.kind {
        FieldKind::Text | FieldKind::Number | FieldKind::Date | FieldKind::Datetime => {
            EitherOf6::A(view! {
                <TextField id=id.clone() testid=id field label hint value=slot.text errors input_type=text_type required />
            })
        }
        FieldKind::Textarea => EitherOf6::B(view! {
            <TextArea id=id.clone() testid=id field label hint value=slot.text errors required rows=4 />
        }),
        FieldKind::Select => EitherOf6::C(view! {
            <div class="field">
                {described.label_view(label, required)}
                {described.hint_view()}
                <ChoiceSelect def id described=described.clone() state=slot parent_value />
                {described.error_view()}
            </div>
        }),
        FieldKind::Multiselect | FieldKind::Radio => {
            EitherOf6::D(view! { <ChoiceGroup def id label described state=slot parent_value /> })
        }
        FieldKind::Checkbox => {
            EitherOf6::E(view! { <CheckboxField id label required described state=slot /> })
        }
        FieldKind::Attachment => EitherOf6::F(view! {
            <FilePicker id=id.clone() testid=id field label hint uploads=slot.files on_upload errors required />
        }),
    }
}
