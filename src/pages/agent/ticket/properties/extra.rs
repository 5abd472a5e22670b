//! The properties beyond the selects: CC (agents, as checkboxes), the custom fields of the
//! chosen type (the help center's inputs), and the rows a conflict shows.

use super::values::{editable_fields, show_value, Form, Values};
use crate::components::agent::ConflictRow;
use crate::components::ticket::CustomFieldInput;
use crate::components::ui::{Label, Upload};
use crate::i18n::agent::priority_key;
use crate::i18n::{AgentKey, TicketKey};
use crate::state::locale::{tr, I18n};
use baton_core::{AgentInfo, FieldError, Ticket, TicketType};
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

/// What a conflict shows: each property that the agent changed or that changed on the server,
/// where the server's value now differs from the agent's.
pub fn conflict_rows(i18n: I18n, base: &Values, now: &Ticket, mine: &Values, types: &[TicketType], agents: &[AgentInfo]) -> Vec<ConflictRow> {
    let theirs = Values::of(now);
    let locale = i18n.locale().code();
    let agent = |id: Option<i64>| match id {
        None => i18n.t(AgentKey::Nobody.into()).to_owned(),
        Some(id) => agents.iter().find(|a| a.id == id).map_or_else(|| format!("#{id}"), |a| a.name.clone()),
    };
    let staff = now.staff.clone().unwrap_or_default();
    let group = |id: Option<i64>| match (id, &staff.group) {
        (None, _) => i18n.t(AgentKey::Nobody.into()).to_owned(),
        (Some(id), Some(g)) if g.id == id => g.name.clone(),
        (Some(id), _) => agents.iter().flat_map(|a| &a.groups).find(|g| g.id == id).map_or_else(|| format!("#{id}"), |g| g.name.clone()),
    };
    let type_name = |id: Option<i64>| id.and_then(|id| types.iter().find(|t| t.id == id)).map_or_else(|| i18n.t(TicketKey::NoType.into()).to_owned(), |t| t.name.get(locale).to_owned());
    let subtype_name = |id: Option<i64>| id.and_then(|id| types.iter().find_map(|t| t.subtype(id))).map_or_else(|| "—".to_owned(), |s| s.name.get(locale).to_owned());
    let names = |ids: &[i64]| ids.iter().map(|id| agent(Some(*id))).collect::<Vec<_>>().join(", ");
    let mut rows = Vec::new();
    let mut add = |field: &str, label: Label, changed: bool, t: String, m: String| {
        if changed && t != m {
            rows.push(ConflictRow { field: field.to_owned(), label, theirs: t, mine: m });
        }
    };
    let touched = |a: bool, b: bool| a || b;
    add("priority", Label::Key(AgentKey::Priority.into()), touched(mine.priority != base.priority, theirs.priority != base.priority),
        i18n.t(priority_key(theirs.priority)).to_owned(), i18n.t(priority_key(mine.priority)).to_owned());
    add("group", Label::Key(AgentKey::Group.into()), touched(mine.group != base.group, theirs.group != base.group), group(theirs.group), group(mine.group));
    add("assignee", Label::Key(AgentKey::Assignee.into()), touched(mine.assignee != base.assignee, theirs.assignee != base.assignee), agent(theirs.assignee), agent(mine.assignee));
    add("tags", Label::Key(AgentKey::Tags.into()), touched(mine.tags != base.tags, theirs.tags != base.tags), theirs.tags.join(", "), mine.tags.join(", "));
    add("type", Label::Key(TicketKey::TicketType.into()), touched(mine.type_id != base.type_id, theirs.type_id != base.type_id), type_name(theirs.type_id), type_name(mine.type_id));
    add("subtype", Label::Key(TicketKey::TicketSubtype.into()), touched(mine.subtype_id != base.subtype_id, theirs.subtype_id != base.subtype_id), subtype_name(theirs.subtype_id), subtype_name(mine.subtype_id));
    add("cc", Label::Key(AgentKey::Cc.into()), touched(mine.cc != base.cc, theirs.cc != base.cc), names(&theirs.cc), names(&mine.cc));
    let labels: Vec<_> = types.iter().flat_map(|t| t.fields.iter().chain(t.subtypes.iter().flat_map(|s| s.fields.iter()))).collect();
    for (key, value) in &mine.fields {
        let label = labels.iter().find(|f| &f.key == key).map_or_else(|| Label::Key(TicketKey::CustomFields.into()), |f| Label::Tenant(f.label.clone()));
        add(&format!("fields.{key}"), label, base.fields.get(key) != Some(value) || theirs.fields.get(key) != base.fields.get(key),
            show_value(theirs.fields.get(key)), show_value(Some(value)));
    }
    rows
}
