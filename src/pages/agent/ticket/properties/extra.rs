//! The properties beyond the selects: CC (agents, as checkboxes) and the custom fields of the
//! chosen type (the help center's inputs).

use super::values::{editable_fields, Form};
use crate::components::ticket::CustomFieldInput;
use crate::components::ui::Upload;
use crate::i18n::{AgentKey, TicketKey};
use crate::state::locale::tr;
use baton_core::{AgentInfo, FieldError, TicketType};
use leptos::prelude::*;

/// `ticket-cc`: a checkbox per agent.
#[component]
pub fn CcPicker(agents: RwSignal<Vec<AgentInfo>>, cc: RwSignal<Vec<i64>>) -> impl IntoView {
    let toggle = move |id: i64, on: bool| {
        cc.update(|list| {
            list.retain(|x| *x != id);
            if on {
                list.push(id);
            }
        })
    };
    view! {
        <fieldset class="field cc-picker" data-testid="ticket-cc" aria-describedby="ticket-cc-hint">
            <legend>{tr(AgentKey::Cc.into())}</legend>
            <p id="ticket-cc-hint" class="hint">{tr(AgentKey::CcHint.into())}</p>
            {move || {
                let list = agents.get();
                if list.is_empty() {
                    return view! { <p class="muted">{tr(TicketKey::CcNone.into())}</p> }.into_any();
                }
                list.into_iter().map(|a| {
                    let id = a.id;
                    view! {
                        <label class="check">
                            <input type="checkbox" data-testid="ticket-cc-option" value=id
                                prop:checked=move || cc.with(|c| c.contains(&id))
                                on:change=move |ev| toggle(id, event_target_checked(&ev)) />
                            {a.name}
                        </label>
                    }
                }).collect_view().into_any()
            }}
        </fieldset>
    }
}

/// The custom fields of the type and sub-type chosen in the form.
#[component]
pub fn FieldEditors(form: Form, #[prop(into)] types: Signal<Vec<TicketType>>, #[prop(into)] errors: Signal<Vec<FieldError>>) -> impl IntoView {
    let defs = Memo::new(move |_| types.with(|t| editable_fields(t, form.type_id.get(), form.subtype_id.get())));
    // Attachment fields are not edited here, so nothing is ever uploaded.
    let on_upload = Callback::new(|file: web_sys::File| Upload::new(file.name(), file.size()));
    move || {
        let defs = defs.get();
        (!defs.is_empty()).then(|| view! {
            <fieldset class="custom-fields" data-testid="ticket-fields">
                <legend>{tr(TicketKey::CustomFields.into())}</legend>
                {defs.into_iter().map(|def| {
                    let parent_value: Signal<Option<String>> = match def.parent.as_deref() {
                        Some(parent) => {
                            let parent = form.slot(parent).text;
                            Memo::new(move |_| Some(parent.get()).filter(|v| !v.is_empty())).into()
                        }
                        None => Signal::stored(None),
                    };
                    view! { <CustomFieldInput def=def.clone() state=form.slot(&def.key) parent_value errors on_upload /> }
                }).collect_view()}
            </fieldset>
        })
    }
}
