//! The custom role editor: a name and the permissions, one checkbox each with what it allows
//! (those the admin does not hold are shown but cannot be ticked: the server would refuse
//! them). The name is checked here as the server checks it; the server's refusals (a name
//! taken, 409) show above the form, the typed values kept.

use crate::api::use_api;
use crate::components::ui::{show_refusal, FormFailure, TextField};
use crate::i18n::{Key, RoleKey as R};
use super::super::sla::ErrorAt;
use crate::state::busy::Busy;
use crate::state::locale::tr;
use baton_core::roles::role_name;
use baton_core::{FieldError, NewRole, Permission, Permissions, RoleInfo, RolePatch};
use leptos::prelude::*;
use crate::pages::admin::form_parts::SaveCancel;

#[component]
pub fn RoleForm(
    /// The custom role to change; `None` for a new one.
    existing: Option<RoleInfo>,
    /// The permissions the admin holds (the only ones they may grant).
    grantable: Permissions,
    on_saved: Callback<RoleInfo>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let id = existing.as_ref().and_then(|r| r.id);
    let name = RwSignal::new(existing.as_ref().map(|r| r.name.clone()).unwrap_or_default());
    let chosen = RwSignal::new(existing.map(|r| r.permissions).unwrap_or_default());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<(Key, String)>);
    let busy = Busy::new();
    let pending = busy.signal();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        let (typed, permissions) = (name.get_untracked().trim().to_owned(), chosen.get_untracked());
        if let Err(local) = role_name(&typed) {
            errors.set(local);
            return;
        }
        errors.set(Vec::new());
        busy.run(async move {
            let api = api.get_value();
            let saved = match id {
                Some(id) => api.change_role(id, &RolePatch { name: Some(typed), permissions: Some(permissions) }).await,
                None => api.create_role(&NewRole { name: typed, permissions }).await,
            };
            match saved {
                Ok(role) => on_saved.run(role),
                Err(error) => show_refusal(&error, error.field_errors(), errors, failure),
            }
        });
    };
    view! {
        <form class="card form admin-form" novalidate on:submit=submit data-testid="role-form" aria-labelledby="role-form-h">
            <h2 id="role-form-h">{tr(if id.is_some() { R::Edit } else { R::New }.into())}</h2>
            <FormFailure failure testid="role-error" />
            <TextField id="role-name" testid="role-name" field="name" label=Key::from(R::Name) value=name errors required=true />
            <fieldset class="field admin-groups" aria-describedby="role-permissions-error">
                <legend>{tr(R::Permissions.into())}</legend>
                {Permission::ALL.into_iter().map(|p| {
                    view! {
                        <label class="admin-check">
                            <input type="checkbox" data-testid="role-permission" value=p.code() disabled=!grantable.contains(p)
                                prop:checked=move || chosen.get().contains(p)
                                on:change=move |_| chosen.update(|c| *c = if c.contains(p) { c.without(p) } else { c.with(p) }) />
                            {tr(R::Perm(p).into())}
                        </label>
                    }
                }).collect_view()}
                <ErrorAt id="role-permissions-error" field="permissions" errors />
            </fieldset>
            <SaveCancel prefix="role" pending on_cancel />
        </form>
    }
}
