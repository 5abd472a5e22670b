//! The table's header cells (a sort button where the server sorts by the column) and its body
//! cells, one function each per column kind.

use super::super::view_editor::{column_code, COLUMNS};
use crate::i18n::agent::{agent_status_key, priority_code, priority_key};
use crate::i18n::{format_time, AgentKey, Key, ListKey};
use crate::routes::Page;
use crate::state::locale::{tr, use_i18n, I18n};
use baton_core::{Channel, Column, SortDir, SortField, TicketRow, ViewSort};
use leptos::prelude::*;

/// The sortable header of one column.
fn sort_header(field: SortField, label: Key, sort: Signal<ViewSort>, on_sort: Callback<SortField>) -> impl IntoView {
    let i18n = use_i18n();
    let aria = move || {
        let s = sort.get();
        match (s.field == field, s.dir) {
            (false, _) => "none",
            (true, SortDir::Asc) => "ascending",
            (true, SortDir::Desc) => "descending",
        }
    };
    let title = move || i18n.tf(AgentKey::SortBy.into(), &[i18n.t(label)]);
    view! {
        <th scope="col" aria-sort=aria data-column=field.code()>
            <button type="button" class="sort" data-testid="sort-header" data-sort=field.code() title=title
                on:click=move |_| on_sort.run(field)>
                {tr(label)}
            </button>
        </th>
    }
}

/// A column's header: a sort button where the server can sort by it.
pub(super) fn header(column: Column, sort: Signal<ViewSort>, on_sort: Callback<SortField>) -> AnyView {
    let label = COLUMNS.iter().find(|(c, _)| *c == column).map_or(Key::from(ListKey::ColTitle), |(_, k)| (*k).into());
    let sortable = match column {
        Column::Number => Some(SortField::Number),
        Column::Status => Some(SortField::Status),
        Column::Priority => Some(SortField::Priority),
        Column::CreatedAt => Some(SortField::CreatedAt),
        Column::UpdatedAt => Some(SortField::UpdatedAt),
        _ => None,
    };
    match sortable {
        Some(field) => sort_header(field, label, sort, on_sort).into_any(),
        None => view! { <th scope="col" data-column=column_code(column)>{tr(label)}</th> }.into_any(),
    }
}

fn channel_key(c: Channel) -> Key {
    match c {
        Channel::Web => ListKey::ChWeb,
        Channel::Widget => ListKey::ChWidget,
        Channel::Phone => ListKey::ChPhone,
        Channel::Email => ListKey::ChEmail,
        Channel::Api => ListKey::ChApi,
    }
    .into()
}

/// One cell of a row.
pub(super) fn cell(column: Column, t: &TicketRow, i18n: I18n) -> AnyView {
    let time = |at: &str| {
        let at = at.to_owned();
        move || format_time(&at, i18n.locale())
    };
    match column {
        Column::Number => view! { <td>{format!("#{}", t.number)}</td> }.into_any(),
        Column::Title => view! { <td class="title"><a href=Page::AgentTicket(t.id).path()>{t.title.clone()}</a></td> }.into_any(),
        Column::Status => view! { <td data-status=t.status.code()>{tr(agent_status_key(t.status))}</td> }.into_any(),
        Column::Priority => view! { <td data-priority=priority_code(t.priority)>{tr(priority_key(t.priority))}</td> }.into_any(),
        Column::Requester => view! { <td>{t.requester.name.clone()}</td> }.into_any(),
        Column::Assignee => {
            let a = t.assignee.as_ref().map(|a| a.name.clone());
            view! { <td>{move || a.clone().unwrap_or_else(|| i18n.t(AgentKey::Nobody.into()).to_owned())}</td> }.into_any()
        }
        Column::Group => view! { <td>{t.group.as_ref().map(|g| g.name.clone())}</td> }.into_any(),
        Column::Type => {
            let name = t.type_name.clone();
            view! { <td>{move || name.as_ref().map(|n| n.get(i18n.locale().code()).to_owned())}</td> }.into_any()
        }
        Column::Tags => view! { <td>{t.tags.join(", ")}</td> }.into_any(),
        Column::Channel => view! { <td>{tr(channel_key(t.channel))}</td> }.into_any(),
        Column::CreatedAt => view! { <td>{time(&t.created_at)}</td> }.into_any(),
        Column::UpdatedAt => view! { <td>{time(&t.updated_at)}</td> }.into_any(),
        Column::Sla => super::super::sla::sla_cell(t.sla_due_at.clone(), t.sla_breached, i18n),
    }
}

