//! `/admin/agents`: the desk's staff with their state, role and groups; "Invite agent" opens the
//! invitation form; each row resends an invitation, deactivates (after a confirmation) or
//! reactivates, and changes the role. What an action did is announced above the table.

use super::agent_row::AgentRow;
use super::invite::InviteForm;
use super::{AdminPage, Section};
use crate::api::use_api;
use crate::components::ui::{loaded, focus_id};
use crate::i18n::AdminKey;
use crate::state::load::Load;
use crate::state::locale::{tr, use_page_title};
use crate::state::session::use_session;
use leptos::prelude::*;

/// A role the form and the rows offer: `admin`, `agent`, or `agent` with a custom role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleChoice {
    /// `admin`, `agent` or `agent:<id>` (the `<select>`'s value).
    pub value: String,
    /// The custom role's name; `None` for the built-ins (translated).
    pub name: Option<String>,
}

/// The choices from `GET /admin/roles`: the built-in agent set and admin, then custom roles
/// (nobody is made owner). Without an answer, the two built-ins.
pub fn role_choices(roles: &[baton_core::RoleInfo]) -> Vec<RoleChoice> {
    let builtin = |value: &str| RoleChoice { value: value.to_owned(), name: None };
    let mut choices = vec![builtin("agent"), builtin("admin")];
    choices.extend(roles.iter().filter_map(|r| r.id.map(|id| RoleChoice { value: format!("agent:{id}"), name: Some(r.name.clone()) })));
    choices
}

#[component]
pub fn AdminAgents() -> impl IntoView {
    use_page_title(|i| i.t(AdminKey::AgentsTitle.into()).to_owned());
    view! {
        <AdminPage section=Section::Agents>
            <AgentsBody />
        </AdminPage>
    }
}

#[component]
fn AgentsBody() -> impl IntoView {
    let api = StoredValue::new(use_api());
    let me = use_session().me_untracked().map(|me| me.id);
    let agents = Load::new(move || {
        let api = api.get_value();
        async move { api.admin_agents().await }
    });
    let groups = Load::new(move || {
        let api = api.get_value();
        async move { api.groups().await }
    });
    let roles = Load::new(move || {
        let api = api.get_value();
        async move { api.roles().await }
    });
    let groups = Signal::derive(move || groups.get().and_then(Result::ok).unwrap_or_default());
    let choices = Signal::derive(move || role_choices(&roles.get().and_then(Result::ok).unwrap_or_default()));
    let inviting = RwSignal::new(false);
    // What the last action did ("Invitation sent to …"), announced politely.
    let notice = RwSignal::new(None::<String>);
    let on_done = Callback::new(move |text: String| {
        notice.set(Some(text));
        agents.refetch();
    });
    let on_invited = Callback::new(move |text: String| {
        inviting.set(false);
        on_done.run(text);
        focus_id("invite-open");
    });
    view! {
        <div class="admin-head">
            <h1>{tr(AdminKey::AgentsTitle.into())}</h1>
            <button type="button" id="invite-open" class="button primary" data-testid="invite-open"
                aria-expanded=move || inviting.get().to_string() on:click=move |_| inviting.update(|o| *o = !*o)>
                {tr(AdminKey::InviteOpen.into())}
            </button>
        </div>
        <p class="admin-notice" role="status" data-testid="admin-notice">{move || notice.get()}</p>
        {move || inviting.get().then(|| view! {
            <InviteForm groups choices on_invited on_cancel=Callback::new(move |()| { inviting.set(false); focus_id("invite-open"); }) />
        })}
        {move || loaded(agents.get(), |list| {
            if list.is_empty() {
                return view! { <p class="muted" data-testid="agents-empty">{tr(AdminKey::NoAgents.into())}</p> }.into_any();
            }
            view! {
                <div class="admin-scroll">
                    <table class="admin-table" data-testid="agents-table">
                        <thead><tr>
                            <th scope="col">{tr(AdminKey::ColName.into())}</th>
                            <th scope="col">{tr(AdminKey::ColRole.into())}</th>
                            <th scope="col">{tr(AdminKey::ColGroups.into())}</th>
                            <th scope="col">{tr(AdminKey::ColState.into())}</th>
                            <th scope="col">{tr(AdminKey::ColActions.into())}</th>
                        </tr></thead>
                        <tbody>
                            {list.into_iter().map(|agent| {
                                let me = Some(agent.id) == me;
                                view! { <AgentRow agent me choices on_done /> }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        })}
    }
}
