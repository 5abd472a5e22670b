//! `/admin/workflows` (issue 13, 流程流转): the desk's workflow templates, one per ticket type —
//! listed with their steps, created or edited in [`form`] (type, ordered steps with handler group,
//! required fields, step SLA and next steps), deleted after a question (their tickets leave the
//! workflow). Shown on a backend with the `workflows` capability to holders of `settings.manage`.

mod form;

use super::{AdminPage, Section};
use crate::api::use_api;
use crate::components::ui::loaded;
use crate::i18n::{fill, WorkflowKey as W};
use crate::state::busy::Busy;
use crate::state::load::Load;
use crate::state::locale::{tr, use_i18n, use_page_title};
use crate::state::toasts::use_toasts;
use baton_core::{AgentGroup, TicketType, Workflow};
use form::WorkflowForm;
use leptos::prelude::*;
use super::form_parts::ConfirmDelete;

/// What the editor picks from.
#[derive(Clone, Default)]
pub struct Lists {
    pub types: Vec<TicketType>,
    pub groups: Vec<AgentGroup>,
}

#[component]
pub fn AdminWorkflows() -> impl IntoView {
    use_page_title(|i| i.t(W::AdminTitle.into()).to_owned());
    let api = StoredValue::new(use_api());
    let data = Load::new(move || {
        let api = api.get_value();
        async move {
            let workflows = api.workflows().await?;
            let types = api.ticket_types().await?;
            let groups = api.groups().await?;
            Ok((Lists { types, groups }, workflows))
        }
    });
    view! {
        <AdminPage section=Section::Workflows>
            <div class="admin-head"><h1>{tr(W::AdminTitle.into())}</h1></div>
            <p class="muted">{tr(W::AdminIntro.into())}</p>
            {move || loaded(data.get(), |(lists, workflows)| view! { <WorkflowList lists workflows /> }.into_any())}
        </AdminPage>
    }
}

#[component]
fn WorkflowList(lists: Lists, workflows: Vec<Workflow>) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let (i18n, toasts) = (use_i18n(), use_toasts());
    let lists = StoredValue::new(lists);
    let workflows = RwSignal::new(workflows);
    // The editor: `Some(None)` a new workflow, `Some(Some(w))` workflow `w`.
    let editing = RwSignal::new(None::<Option<Workflow>>);
    let confirming = RwSignal::new(None::<i64>);
    let notice = RwSignal::new(None::<String>);
    let busy = Busy::new();
    let pending = busy.signal();
    let saved = Callback::new(move |w: Workflow| {
        notice.set(Some(i18n.t(W::AdminSaved.into()).to_owned()));
        workflows.update(|list| match list.iter_mut().find(|x| x.id == w.id) {
            Some(x) => *x = w,
            None => list.push(w),
        });
        editing.set(None);
    });
    let cancel = Callback::new(move |()| editing.set(None));
    let delete = move |id: i64| {
        let api = api.get_value();
        busy.run(async move {
            let done = api.delete_workflow(id).await;
            confirming.set(None);
            match done {
                Ok(()) => workflows.update(|l| l.retain(|w| w.id != id)),
                Err(e) => toasts.api_error(&e),
            }
        });
    };
    let type_name = move |id: i64| {
        let locale = i18n.locale().code();
        lists.with_value(|l| l.types.iter().find(|t| t.id == id).map_or_else(|| format!("#{id}"), |t| t.name.get(locale).to_owned()))
    };
    view! {
        <p class="admin-notice" role="status" data-testid="admin-notice">{move || notice.get()}</p>
        {move || editing.get().map(|existing| view! { <WorkflowForm existing lists=lists.get_value() on_saved=saved on_cancel=cancel /> })}
        <section class="card" aria-labelledby="workflows-h" data-testid="workflows-list">
            <div class="admin-head">
                <h2 id="workflows-h">{tr(W::AdminTitle.into())}</h2>
                <button type="button" class="button" data-testid="workflow-new" on:click=move |_| editing.set(Some(None))>{tr(W::AdminNew.into())}</button>
            </div>
            {move || workflows.with(Vec::is_empty).then(|| view! { <p class="muted">{tr(W::AdminNone.into())}</p> })}
            <ul class="admin-list">
                {move || workflows.get().into_iter().map(|w| {
                    let (id, name) = (w.id, w.name.clone());
                    let steps = w.steps.iter().map(|s| format!("{} ({})", s.name, s.group.name)).collect::<Vec<_>>().join(" → ");
                    let question = fill(i18n.t(W::AdminConfirmDelete.into()), &[&name]);
                    view! {
                        <li data-testid="workflow-row" data-workflow-id=id>
                            <span><strong>{name.clone()}</strong>" · "{type_name(w.type_id)}<br /><span class="muted">{steps}</span></span>
                            <span class="admin-actions">
                                <button type="button" class="button" data-testid="workflow-edit" aria-label=format!("{} {name}", i18n.t(W::AdminEdit.into()))
                                    on:click=move |_| editing.set(Some(Some(w.clone())))>{tr(W::AdminEdit.into())}</button>
                                <button type="button" class="button" data-testid="workflow-delete" aria-label=format!("{} {name}", i18n.t(W::AdminDelete.into()))
                                    on:click=move |_| confirming.set(Some(id))>{tr(W::AdminDelete.into())}</button>
                            </span>
                            {move || (confirming.get() == Some(id)).then(|| {
                                let (on_yes, on_no) = (Callback::new(move |()| delete(id)), Callback::new(move |()| confirming.set(None)));
                                view! { <ConfirmDelete prefix="workflow" question=question.clone() pending on_yes on_no /> }
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
