//! The bulk bar, shown while tickets are selected in the table: assign (agent and group), set the
//! priority, a status action, trash. One `POST /tickets/bulk` each; tickets it could not change
//! are listed with the translated reason, and the list and counts refresh. The selection stays
//! (less the tickets just trashed), so several actions can follow one another.

use crate::api::use_api;
use crate::i18n::agent::{priority_code, priority_from_code, priority_key, PRIORITIES};
use crate::i18n::{problem_key, reason_key, Key, ListKey};
use crate::state::busy::Busy;
use crate::state::locale::{tr, use_i18n};
use crate::state::toasts::use_toasts;
use baton_core::{Action, BulkItem, BulkOp};
use leptos::prelude::*;

const ACTIONS: [(Action, &str, ListKey); 4] = [
    (Action::Complete, "complete", ListKey::ActComplete),
    (Action::SetPending, "set_pending", ListKey::ActSetPending),
    (Action::Reopen, "reopen", ListKey::ActReopen),
    (Action::Open, "open", ListKey::ActOpen),
];

/// Why one ticket could not be changed.
fn failure_key(item: &BulkItem) -> Key {
    match (&item.reason, &item.code) {
        (Some(reason), _) => reason_key(reason),
        (None, Some(code)) => problem_key(code),
        (None, None) => Key::ErrUnknown,
    }
}

fn parse_id(v: &str) -> Option<Option<i64>> {
    match v {
        "none" => Some(None),
        other => other.parse().ok().map(Some),
    }
}

#[component]
pub fn BulkBar(
    /// The ids of the selected tickets.
    selected: RwSignal<Vec<i64>>,
    /// The ticket numbers, to name the tickets that failed.
    #[prop(into)]
    number_of: Callback<i64, Option<i64>>,
    /// Something changed: reload the list and the counts.
    #[prop(into)]
    on_done: Callback<()>,
    /// The user may trash tickets (`tickets.delete`): otherwise no trash button.
    may_trash: bool,
) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let (i18n, toasts) = (use_i18n(), use_toasts());
    let agents = RwSignal::new(Vec::<(i64, String)>::new());
    let groups = RwSignal::new(Vec::<(i64, String)>::new());
    {
        let api = api.get_value();
        leptos::task::spawn_local(async move {
            if let Ok(a) = api.agents().await {
                agents.try_set(a.into_iter().map(|a| (a.id, a.name)).collect());
            }
            if let Ok(g) = api.groups().await {
                groups.try_set(g.into_iter().map(|g| (g.id, g.name)).collect());
            }
        });
    }
    let (assignee, group, priority, action) =
        (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let failures = RwSignal::new(Vec::<BulkItem>::new());
    let busy = Busy::new();
    let run = move |op: BulkOp| {
        let trashing = op == BulkOp::Trash;
        let ids = selected.get_untracked();
        if ids.is_empty() {
            return;
        }
        let api = api.get_value();
        busy.run(async move {
            match api.bulk(ids, op).await {
                Ok(result) => {
                    let (ok, failed): (Vec<_>, Vec<_>) = result.results.into_iter().partition(|i| i.ok);
                    if !ok.is_empty() {
                        toasts.success(ListKey::BulkDone.into());
                    }
                    // The selection stays for the next action, less what left the list (trashed).
                    if trashing {
                        selected.update(|s| s.retain(|id| !ok.iter().any(|i| i.id == *id)));
                    }
                    failures.set(failed);
                    on_done.run(());
                }
                Err(e) => toasts.api_error(&e),
            }
        });
    };
    let assign = move |_| {
        let Some(assignee_id) = parse_id(&assignee.get_untracked()) else { return };
        let group_id = parse_id(&group.get_untracked());
        run(BulkOp::Assign { assignee_id, group_id });
    };
    let set_priority = move |_| {
        if let Some(p) = priority_from_code(&priority.get_untracked()) {
            run(BulkOp::Priority { priority: p });
        }
    };
    let act = move |_| {
        let code = action.get_untracked();
        if let Some((a, _, _)) = ACTIONS.iter().find(|(_, c, _)| *c == code) {
            run(BulkOp::Action { action: *a });
        }
    };
    let count = move || i18n.tf(ListKey::BulkSelected.into(), &[&selected.with(Vec::len).to_string()]);
    let options = |list: RwSignal<Vec<(i64, String)>>| {
        move || list.get().into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()
    };
    view! {
        <section class="bulk-bar" data-testid="bulk-bar" aria-labelledby="bulk-heading">
            <h2 id="bulk-heading" class="sr-only">{tr(ListKey::BulkHeading.into())}</h2>
            <p class="bulk-count" data-testid="bulk-count" aria-live="polite">{count}</p>
            <div class="bulk-group" role="group" aria-labelledby="bulk-assignee-label">
                <label id="bulk-assignee-label" for="bulk-assignee">{tr(ListKey::BulkAssignee.into())}</label>
                <select id="bulk-assignee" data-testid="bulk-assignee" on:change=move |ev| assignee.set(event_target_value(&ev))>
                    <option value="">{tr(ListKey::ChooseAgent.into())}</option>
                    <option value="none">{tr(ListKey::Unassign.into())}</option>
                    {options(agents)}
                </select>
                <label for="bulk-group">{tr(ListKey::BulkGroup.into())}</label>
                <select id="bulk-group" data-testid="bulk-group" on:change=move |ev| group.set(event_target_value(&ev))>
                    <option value="">{tr(ListKey::KeepGroup.into())}</option>
                    {options(groups)}
                </select>
                <button type="button" class="button" data-testid="bulk-assign" disabled=busy.signal() on:click=assign>
                    {tr(ListKey::BulkApply.into())}
                </button>
            </div>
            <div class="bulk-group" role="group" aria-labelledby="bulk-priority-label">
                <label id="bulk-priority-label" for="bulk-priority">{tr(ListKey::BulkPriority.into())}</label>
                <select id="bulk-priority" data-testid="bulk-priority" on:change=move |ev| priority.set(event_target_value(&ev))>
                    <option value="">{tr(ListKey::ChoosePriority.into())}</option>
                    {PRIORITIES.iter().map(|p| view! { <option value=priority_code(*p)>{tr(priority_key(*p))}</option> }).collect_view()}
                </select>
                <button type="button" class="button" data-testid="bulk-priority-apply" disabled=busy.signal() on:click=set_priority>
                    {tr(ListKey::BulkApply.into())}
                </button>
            </div>
            <div class="bulk-group" role="group" aria-labelledby="bulk-action-label">
                <label id="bulk-action-label" for="bulk-action">{tr(ListKey::BulkStatus.into())}</label>
                <select id="bulk-action" data-testid="bulk-action" on:change=move |ev| action.set(event_target_value(&ev))>
                    <option value="">{tr(ListKey::ChooseAction.into())}</option>
                    {ACTIONS.iter().map(|(_, c, k)| view! { <option value=*c>{tr((*k).into())}</option> }).collect_view()}
                </select>
                <button type="button" class="button" data-testid="bulk-action-apply" disabled=busy.signal() on:click=act>
                    {tr(ListKey::BulkApply.into())}
                </button>
            </div>
            {may_trash.then(|| view! {
                <button type="button" class="button danger" data-testid="bulk-trash" disabled=busy.signal() on:click=move |_| run(BulkOp::Trash)>
                    {tr(ListKey::BulkTrash.into())}
                </button>
            })}
            <button type="button" class="link-button" data-testid="bulk-clear" on:click=move |_| { selected.set(Vec::new()); failures.set(Vec::new()); }>
                {tr(ListKey::BulkClear.into())}
            </button>
            {move || (!failures.with(Vec::is_empty)).then(|| view! {
                <div class="bulk-failures" data-testid="bulk-failures" role="alert">
                    <p>{i18n.tf(ListKey::BulkSomeFailed.into(), &[&failures.with(Vec::len).to_string()])}</p>
                    <ul>
                        {failures.get().into_iter().map(|item| {
                            let id = item.id;
                            let number = number_of.run(id).unwrap_or(id).to_string();
                            let text = move || i18n.tf(ListKey::BulkItem.into(), &[&number, i18n.t(failure_key(&item))]);
                            view! { <li data-testid="bulk-failure" data-ticket-id=id>{text}</li> }
                        }).collect_view()}
                    </ul>
                </div>
            })}
        </section>
    }
}
