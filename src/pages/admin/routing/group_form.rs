//! An agent group's editor: name, assignment mode, members and managers (ticked among the desk's
//! staff who are not deactivated; a manager is always a member, so ticking a manager ticks the
//! member and unticking a member unticks the manager). The server's errors show beside their
//! inputs; what was typed stays.

use super::super::conditions::toggle;
use super::super::sla::ErrorAt;
use crate::api::use_api;
use crate::components::ui::{show_refusal, FormFailure, TextField};
use crate::i18n::routing::mode_key;
use crate::i18n::{AdminKey, Key, RoutingKey as R};
use crate::state::busy::Busy;
use crate::state::locale::{tr, use_i18n};
use baton_core::{AdminGroup, AssignMode, FieldError, GroupPatch, NewGroup, UserRef};
use leptos::prelude::*;
use crate::pages::admin::form_parts::SaveCancel;

#[component]
pub fn GroupForm(
    /// The group to change; `None` for a new one.
    existing: Option<AdminGroup>,
    /// Who may be a member.
    staff: Vec<UserRef>,
    on_saved: Callback<AdminGroup>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let (api, i18n) = (StoredValue::new(use_api()), use_i18n());
    let id = existing.as_ref().map(|g| g.id);
    let ids = |people: &[UserRef]| people.iter().map(|p| p.id).collect::<Vec<_>>();
    let name = RwSignal::new(existing.as_ref().map(|g| g.name.clone()).unwrap_or_default());
    let mode = RwSignal::new(existing.as_ref().map(|g| g.mode).unwrap_or_default());
    let members = RwSignal::new(existing.as_ref().map(|g| ids(&g.members)).unwrap_or_default());
    let managers = RwSignal::new(existing.as_ref().map(|g| ids(&g.managers)).unwrap_or_default());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<(Key, String)>);
    let busy = Busy::new();
    let pending = busy.signal();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        let (name, mode) = (name.get_untracked().trim().to_owned(), mode.get_untracked());
        let (members, managers) = (members.get_untracked(), managers.get_untracked());
        if name.is_empty() {
            errors.set(vec![FieldError::new("name", "required")]);
            return;
        }
        busy.run(async move {
            let api = api.get_value();
            let saved = match id {
                Some(id) => api.change_group(id, &GroupPatch { name: Some(name), mode: Some(mode), members: Some(members), managers: Some(managers) }).await,
                None => api.create_group(&NewGroup { name, mode, members, managers }).await,
            };
            match saved {
                Ok(group) => on_saved.run(group),
                Err(error) => show_refusal(&error, error.field_errors(), errors, failure),
            }
        });
    };
    let staff = StoredValue::new(staff);
    let person = move |p: UserRef| {
        let (pid, name) = (p.id, p.name);
        let said = {
            let name = name.clone();
            move |key: R| {
                let name = name.clone();
                move || format!("{name}: {}", i18n.t(key.into()))
            }
        };
        view! {
            <tr data-testid="group-person" data-user-id=pid>
                <th scope="row">{name}</th>
                <td>
                    <input type="checkbox" id=format!("member-{pid}") data-testid="group-member" prop:checked=move || members.with(|m| m.contains(&pid))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            members.update(|m| toggle(m, pid, on));
                            if !on { managers.update(|m| toggle(m, pid, false)); }
                        } />
                    <label for=format!("member-{pid}") class="sr-only">{said(R::Members)}</label>
                </td>
                <td>
                    <input type="checkbox" id=format!("manager-{pid}") data-testid="group-manager" prop:checked=move || managers.with(|m| m.contains(&pid))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            managers.update(|m| toggle(m, pid, on));
                            if on { members.update(|m| toggle(m, pid, true)); }
                        } />
                    <label for=format!("manager-{pid}") class="sr-only">{said(R::Managers)}</label>
                </td>
            </tr>
        }
    };
    view! {
        <form class="card form admin-form" novalidate on:submit=submit data-testid="group-form" aria-labelledby="group-form-h">
            <h2 id="group-form-h">{tr(if id.is_some() { R::EditGroup } else { R::NewGroup }.into())}</h2>
            <FormFailure failure testid="group-error" />
            <TextField id="group-name" testid="group-name" field="name" label=Key::from(AdminKey::SlaName) value=name errors required=true />
            <div class="field">
                <label for="group-mode">{tr(R::Mode.into())}</label>
                <select id="group-mode" data-testid="group-mode" on:change=move |ev| mode.set(AssignMode::from_code(&event_target_value(&ev)).unwrap_or_default())>
                    {AssignMode::ALL.into_iter().map(|m| view! {
                        <option value=m.code() selected=move || mode.get() == m>{tr(mode_key(m).into())}</option>
                    }).collect_view()}
                </select>
            </div>
            <p class="field-hint">{tr(R::ManagersHint.into())}</p>
            <table class="prefs-table" data-testid="group-people">
                <thead><tr>
                    <th scope="col">{tr(AdminKey::SlaName.into())}</th>
                    <th scope="col">{tr(R::Members.into())}</th>
                    <th scope="col">{tr(R::Managers.into())}</th>
                </tr></thead>
                <tbody>{staff.get_value().into_iter().map(person).collect_view()}</tbody>
            </table>
            <ErrorAt id="group-members-error" field="members" errors />
            <ErrorAt id="group-managers-error" field="managers" errors />
            <SaveCancel prefix="group" pending on_cancel />
        </form>
    }
}
