//! The audit log's table: when (in the viewer's locale), who, the change (kind and verb
//! translated; an unknown code as the server sends it), on what, and what changed as plain text
//! ("name: A → B", `api::admin_audit`), never as HTML. On phones each entry is a card.

use crate::i18n::audit::{kind_key, verb_key};
use crate::i18n::{format_time, AuditKey};
use crate::state::locale::{tr, use_i18n};
use crate::api::AuditRow;
use leptos::prelude::*;

#[component]
pub fn AuditTable(
    /// The entries loaded so far, newest first.
    items: Signal<Vec<AuditRow>>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let list = items.get();
        if list.is_empty() {
            return view! { <p class="muted" data-testid="audit-empty">{tr(AuditKey::Empty.into())}</p> }.into_any();
        }
        view! {
            <div class="admin-scroll">
                <table class="admin-table" data-testid="audit-table">
                    <thead><tr>
                        <th scope="col">{tr(AuditKey::ColTime.into())}</th>
                        <th scope="col">{tr(AuditKey::ColActor.into())}</th>
                        <th scope="col">{tr(AuditKey::ColAction.into())}</th>
                        <th scope="col">{tr(AuditKey::ColTarget.into())}</th>
                        <th scope="col">{tr(AuditKey::ColChanges.into())}</th>
                    </tr></thead>
                    <tbody>
                        {list.into_iter().map(|e| {
                            let (kind, verb) = (kind_key(&e.target_kind), verb_key(&e.action));
                            let (raw_kind, raw_action) = (e.target_kind.clone(), e.action.clone());
                            let action = move || match (kind, verb) {
                                (Some(k), Some(v)) => format!("{} · {}", i18n.t(k.into()), i18n.t(v.into())),
                                _ => raw_action.clone(),
                            };
                            let target_kind = move || kind.map_or_else(|| raw_kind.clone(), |k| i18n.t(k.into()).to_owned());
                            let label = e.target_label.clone();
                            let lines = e.lines;
                            let at = e.at.clone();
                            let actor = (!e.actor_name.is_empty()).then(|| e.actor_name.clone());
                            view! {
                                <tr data-testid="audit-row" data-action=e.action.clone() data-kind=e.target_kind.clone()>
                                    <td data-label=tr(AuditKey::ColTime.into())>
                                        <time datetime=e.at.clone()>{move || format_time(&at, i18n.locale())}</time>
                                    </td>
                                    <td data-label=tr(AuditKey::ColActor.into()) data-testid="audit-actor-name">
                                        {move || actor.clone().unwrap_or_else(|| i18n.t(AuditKey::Nobody.into()).to_owned())}
                                    </td>
                                    <td data-label=tr(AuditKey::ColAction.into()) data-testid="audit-action">{action}</td>
                                    <td data-label=tr(AuditKey::ColTarget.into())><div class="admin-who">
                                        <span>{label}</span>
                                        <span class="muted">{target_kind}</span>
                                    </div></td>
                                    <td data-label=tr(AuditKey::ColChanges.into()) data-testid="audit-changes">
                                        {if lines.is_empty() {
                                            view! { <span class="muted">{tr(AuditKey::NoChanges.into())}</span> }.into_any()
                                        } else {
                                            view! { <ul class="audit-changes">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> }.into_any()
                                        }}
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    }
}
