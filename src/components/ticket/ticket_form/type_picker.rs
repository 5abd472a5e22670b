//! The type (工单大类) and sub-type (工单小类) `<select>`s of the submit form. Option values are
//! ids, names show in the current locale; the sub-type list follows the chosen type.

use crate::components::ui::{tenant_text, Described, Label};
use crate::i18n::Key;
use crate::state::locale::tr;
use baton_core::{FieldError, TicketType};
use leptos::prelude::*;

/// The two selects; hidden when the tenant has no types (the sub-type one while the chosen type
/// has no sub-types).
#[component]
pub fn TypePicker(
    /// The tenant's catalog.
    #[prop(into)]
    types: Signal<Vec<TicketType>>,
    /// The chosen type.
    type_id: RwSignal<Option<i64>>,
    /// The chosen sub-type; reset when the type changes.
    subtype_id: RwSignal<Option<i64>>,
    /// The form's current validation errors (`type_id`, `subtype_id`).
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
) -> impl IntoView {
    let chosen = Memo::new(move |_| {
        let id = type_id.get()?;
        types.with(|t| t.iter().find(|t| t.id == id).cloned())
    });
    let has_subtypes = move || chosen.with(|t| t.as_ref().is_some_and(|t| !t.subtypes.is_empty()));
    let type_field = Described::new("ticket-type", "type_id", None, errors);
    let subtype_field = Described::new("ticket-subtype", "subtype_id", None, errors);
    let pick_type = move |ev: leptos::ev::Event| {
        type_id.set(event_target_value(&ev).parse().ok());
        subtype_id.set(None);
    };
    let type_options = move || {
        types
            .get()
            .into_iter()
            .map(|t| view! { <option value=t.id prop:selected=move || type_id.get() == Some(t.id)>{tenant_text(t.name)}</option> })
            .collect_view()
    };
    let subtype_options = move || {
        chosen
            .get()
            .map(|t| t.subtypes)
            .unwrap_or_default()
            .into_iter()
            .map(|s| view! { <option value=s.id prop:selected=move || subtype_id.get() == Some(s.id)>{tenant_text(s.name)}</option> })
            .collect_view()
    };
    let no_types = move || types.with(Vec::is_empty);
    // Always rendered, hidden when unused: cheaper than re-creating the selects.
    let (d, sd) = (type_field, subtype_field);
    view! {
        <div class="field-row" hidden=no_types>
            <div class="field">
                {d.label_view(Label::Key(Key::FieldType), true)}
                <select id="ticket-type" data-testid="ticket-type" aria-required="true"
                    aria-invalid=d.invalid() aria-describedby=d.described_by() on:change=pick_type>
                    <option value="" prop:selected=move || type_id.get().is_none()>{tr(Key::ChooseOption)}</option>
                    {type_options}
                </select>
                {d.error_view()}
            </div>
            <div class="field" hidden=move || !has_subtypes()>
                {sd.label_view(Label::Key(Key::FieldSubtype), true)}
                <select id="ticket-subtype" data-testid="ticket-subtype" aria-required="true"
                    aria-invalid=sd.invalid() aria-describedby=sd.described_by()
                    on:change=move |ev| subtype_id.set(event_target_value(&ev).parse().ok())>
                    <option value="" prop:selected=move || subtype_id.get().is_none()>{tr(Key::ChooseOption)}</option>
                    {subtype_options}
                </select>
                {sd.error_view()}
            </div>
        </div>
    }
}
