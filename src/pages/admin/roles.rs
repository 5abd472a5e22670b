//! `/admin/roles` (issue 12, capability `roles`, `agents.manage`): the built-in roles with what
//! they may do, and the desk's custom roles — create, rename, change their permissions
//! ([`form`]), delete (asked first; a role staff still hold is refused, 409 `role_in_use`, and
//! said so). Giving a role to an agent stays on the staff page's role select.

mod form;

use super::{AdminPage, Section};
use crate::api::use_api;
use crate::components::ui::loaded;
use crate::i18n::{fill, AdminKey, Key, RoleKey as R};
use crate::state::busy::Busy;
use crate::state::load::Load;
use crate::state::locale::{tr, use_i18n, use_page_title};
use crate::state::session::use_session;
use crate::state::toasts::use_toasts;
use baton_core::{Permission, Permissions, Role, RoleInfo};
use form::RoleForm;
use leptos::prelude::*;
use super::form_parts::ConfirmDelete;

#[component]
pub fn AdminRoles() -> impl IntoView {
    use_page_title(|i| i.t(R::Title.into()).to_owned());
    let api = StoredValue::new(use_api());
    let data = Load::new(move || {
        let api = api.get_value();
        async move { api.roles().await }
    });
    view! {
        <AdminPage section=Section::Roles>
            <div class="admin-head"><h1>{tr(R::Title.into())}</h1></div>
            <p class="muted">{tr(R::Intro.into())}</p>
            {move || loaded(data.get(), |roles| view! { <RoleList roles /> }.into_any())}
        </AdminPage>
    }
}

/// A role's name as shown: the built-ins' translated.
fn role_name(role: &RoleInfo) -> Option<Key> {
    role.builtin.map(|b| match b {
        Role::Owner => AdminKey::RoleOwner.into(),
        Role::Admin => AdminKey::RoleAdmin.into(),
        _ => AdminKey::RoleAgent.into(),
    })
}

#[component]
fn RoleList(roles: Vec<RoleInfo>) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let (i18n, toasts, session) = (use_i18n(), use_toasts(), use_session());
    // What the admin may grant: the server refuses the rest (403).
    let grantable: Permissions = session.me().map(|me| Permission::ALL.into_iter().filter(|p| me.can(*p)).collect()).unwrap_or_default();
    let roles = RwSignal::new(roles);
    let editing = RwSignal::new(None::<Option<RoleInfo>>);
    let confirming = RwSignal::new(None::<i64>);
    let notice = RwSignal::new(None::<String>);
    let busy = Busy::new();
    let pending = busy.signal();
    let say = move |key: Key, name: &str| notice.set(Some(fill(i18n.t(key), &[name])));
    let saved = Callback::new(move |r: RoleInfo| {
        say(AdminKey::SlaSaved.into(), &r.name);
        roles.update(|list| match list.iter_mut().find(|x| x.id.is_some() && x.id == r.id) {
            Some(x) => *x = r,
            None => list.push(r),
        });
        editing.set(None);
    });
    let cancel = Callback::new(move |()| editing.set(None));
    let delete = move |id: i64, name: String| {
        let api = api.get_value();
        busy.run(async move {
            let done = api.delete_role(id).await;
            confirming.set(None);
            match done {
                Ok(()) => {
                    roles.update(|l| l.retain(|r| r.id != Some(id)));
                    say(AdminKey::SlaDeleted.into(), &name);
                }
                Err(e) if e.is("role_in_use") => say(R::InUse.into(), &name),
                Err(e) => toasts.api_error(&e),
            }
        });
    };
    let row = move |role: RoleInfo| {
        let name = role_name(&role).map_or_else(|| role.name.clone(), |k| i18n.t(k).to_owned());
        let granted: Vec<&str> = role.permissions.iter().map(|p| i18n.t(R::Perm(p).into())).collect();
        let granted = if granted.is_empty() { i18n.t(R::NoPermissions.into()).to_owned() } else { granted.join(" · ") };
        let members = i18n.tf(R::Members.into(), &[&role.members.to_string()]);
        let custom = role.id.map(|id| {
            let (edit, name) = (role.clone(), name.clone());
            let label = |key: AdminKey| fill(i18n.t(key.into()), &[&name]);
            let question = fill(i18n.t(AdminKey::SlaDeleteConfirm.into()), &[&name]);
            view! {
                <span class="admin-actions">
                    <button type="button" class="button" data-testid="role-edit" aria-label=label(AdminKey::SlaEditOf)
                        on:click=move |_| editing.set(Some(Some(edit.clone())))>{tr(AdminKey::SlaEdit.into())}</button>
                    <button type="button" class="button" data-testid="role-delete" aria-label=label(AdminKey::SlaDeleteOf)
                        on:click=move |_| confirming.set(Some(id))>{tr(AdminKey::SlaDelete.into())}</button>
                </span>
                {move || (confirming.get() == Some(id)).then(|| {
                    let name = name.clone();
                    let (on_yes, on_no) = (Callback::new(move |()| delete(id, name.clone())), Callback::new(move |()| confirming.set(None)));
                    view! { <ConfirmDelete prefix="role" question=question.clone() pending on_yes on_no /> }
                })}
            }
        });
        view! {
            <li data-testid="role" data-role-id=role.id data-builtin=role.builtin.map(Role::code)>
                <span>
                    <strong>{name}</strong>" · "{members}
                    {role.builtin.is_some().then(|| view! { " · "<span class="badge">{tr(R::Builtin.into())}</span> })}
                    <br /><span class="muted" data-testid="role-permissions">{granted}</span>
                </span>
                {custom}
            </li>
        }
    };
    view! {
        <p class="admin-notice" role="status" data-testid="admin-notice">{move || notice.get()}</p>
        {move || editing.get().map(|existing| view! { <RoleForm existing grantable on_saved=saved on_cancel=cancel /> })}
        <section class="card" aria-labelledby="roles-h" data-testid="roles">
            <div class="admin-head">
                <h2 id="roles-h">{tr(R::Title.into())}</h2>
                <button type="button" class="button" data-testid="role-new" on:click=move |_| editing.set(Some(None))>{tr(R::New.into())}</button>
            </div>
            {move || roles.with(|l| l.iter().all(|r| r.id.is_none())).then(|| view! { <p class="muted">{tr(R::NoCustom.into())}</p> })}
            <ul class="admin-list">{move || roles.get().into_iter().map(row).collect_view()}</ul>
        </section>
    }
}
