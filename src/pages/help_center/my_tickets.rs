//! `/tickets`: the signed-in customer's tickets (and their group's, where the group shares
//! them), newest first, filtered by status and searched by number or title (both kept in the URL
//! as `?status=` and `?q=`, so back and reload keep them), with "load more" through
//! `next_cursor`. A live `ticket.*` event refetches the list.

use crate::api::{use_api, TicketQuery};
use crate::components::ticket::TicketList;
use crate::components::ui::{dynamic, loaded, paged, LoadMore};
use crate::i18n::{status_key, Key};
use crate::routes::Page;
use crate::state::busy::Busy;
use crate::state::live::{use_live, LiveUpdate};
use crate::state::locale::{tr, use_page_title};
use crate::state::session::use_session;
use crate::state::toasts::use_toasts;
use baton_core::{Page as ListPage, Status, TicketSummary};
use crate::state::load::Load;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

/// The value of the "all statuses" option.
const ALL: &str = "all";

#[component]
pub fn MyTickets() -> impl IntoView {
    let api = use_api();
    let toasts = use_toasts();
    let session = use_session();
    use_page_title(|i| i.t(Key::MyTicketsTitle).to_owned());

    let query = use_query_map();
    let status = Memo::new(move |_| {
        query
            .read()
            .get("status")
            .and_then(|s| Status::from_code(&s))
    });
    let q = Memo::new(move |_| query.read().get("q").filter(|q| !q.trim().is_empty()));
    let first = Load::new({
        let api = api.clone();
        move || {
            let (api, status, q) = (api.clone(), status.get(), q.get());
            async move {
                api.tickets(&TicketQuery {
                    status,
                    q,
                    ..Default::default()
                })
                .await
            }
        }
    });
    // Pages fetched with "load more", after the first; a new filter starts over.
    let more = RwSignal::new(Vec::<ListPage<TicketSummary>>::new());
    Effect::new(move |_| {
        status.track();
        q.track();
        more.set(Vec::new());
    });
    // A ticket created or changed elsewhere: show the list as it is now, from the top.
    if let Some(live) = use_live() {
        Effect::watch(
            move || live.latest(),
            move |update, _, _| {
                if update.as_ref().is_some_and(LiveUpdate::changes_lists) {
                    more.set(Vec::new());
                    first.refetch();
                }
            },
            false,
        );
    }
    let busy = Busy::new();
    let loading_more = busy.signal();
    let api = StoredValue::new(api);
    let load_more = move |cursor: String| {
        let query = TicketQuery {
            status: status.get_untracked(),
            q: q.get_untracked(),
            cursor: Some(cursor),
            ..Default::default()
        };
        let api = api.get_value();
        busy.run(async move {
            match api.tickets(&query).await {
                // A page asked for before the filter changed belongs to the old list.
                Ok(page)
                    if status.try_get_untracked() == Some(query.status)
                        && q.try_get_untracked() == Some(query.q.clone()) =>
                {
                    more.update(|m| m.push(page))
                }
                Ok(_) => {}
                Err(error) => toasts.api_error(&error),
            }
        });
    };

    let navigate = StoredValue::new(use_navigate());
    let go = move |status: Option<Status>, q: Option<String>| {
        navigate.with_value(|navigate| navigate(&list_path(status, q.as_deref()), Default::default()));
    };
    let filter = move |ev: leptos::ev::Event| {
        go(Status::from_code(&event_target_value(&ev)), q.get_untracked());
    };
    let search_input = NodeRef::<leptos::html::Input>::new();
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = search_input.get_untracked().map(|i| i.value()).unwrap_or_default();
        go(status.get_untracked(), Some(text).filter(|t| !t.trim().is_empty()));
    };

    let list = move |first: ListPage<TicketSummary>| {
        let (tickets, next) = paged(first, more);
        let empty = move || tickets.with(Vec::is_empty);
        view! {
            {dynamic(move || if empty() {
                let filtered = status.get().is_some() || q.get().is_some();
                let key = if filtered { Key::NoTicketsWithStatus } else { Key::NoTickets };
                view! { <p class="empty card">{tr(key)}</p> }.into_any()
            } else {
                view! { <TicketList tickets viewer=session.me().map(|me| me.id) /> }.into_any()
            })}
            <LoadMore next busy=loading_more load=Callback::new(load_more) />
        }
    };

    view! {
        <div class="page-head">
            <h1>{tr(Key::MyTicketsTitle)}</h1>
            <div class="filter">
                <label for="status-filter">{tr(Key::StatusFilter)}</label>
                <select id="status-filter" data-testid="status-filter" on:change=filter>
                    <option value=ALL prop:selected=move || status.get().is_none()>{tr(Key::StatusAll)}</option>
                    {Status::ALL.into_iter().map(|s| view! {
                        <option value=s.code() prop:selected=move || status.get() == Some(s)>{tr(status_key(s))}</option>
                    }).collect_view()}
                </select>
            </div>
            <form class="filter" role="search" on:submit=search>
                <label for="ticket-search">{tr(Key::TicketSearchLabel)}</label>
                <input type="search" id="ticket-search" name="q" data-testid="ticket-search"
                    node_ref=search_input prop:value=move || q.get().unwrap_or_default() />
                <button type="submit" class="button" data-testid="ticket-search-submit">{tr(Key::TicketSearchSubmit)}</button>
            </form>
        </div>
        {dynamic(move || loaded(first.get(), |page| list(page).into_any()))}
    }
}

/// `/tickets` with its filters as query parameters (`q` percent-encoded).
fn list_path(status: Option<Status>, q: Option<&str>) -> String {
    let mut params = Vec::new();
    if let Some(s) = status {
        params.push(format!("status={}", s.code()));
    }
    if let Some(q) = q {
        params.push(format!("q={}", String::from(js_sys::encode_uri_component(q))));
    }
    if params.is_empty() {
        Page::MyTickets.path()
    } else {
        format!("{}?{}", Page::MyTickets.path(), params.join("&"))
    }
}
