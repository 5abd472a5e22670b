//! `/agent?view=<id>`: the side list of views with live counts, and the chosen view's tickets in
//! a virtualized table, loaded a page at a time as the agent scrolls. A live `ticket.*` event
//! refreshes the counts and the list. j / k move the selection, Enter opens it.

use crate::api::use_api;
use crate::components::agent::{TicketTable, ViewList};
use crate::components::ui::ErrorPanel;
use crate::i18n::{AgentKey, Key};
use crate::routes::Page;
use crate::state::busy::Busy;
use crate::state::live::use_live;
use crate::state::locale::{tr, use_page_title};
use crate::state::toasts::use_toasts;
use baton_core::{SortDir, SortField, TicketRow, View, ViewCount, ViewSort};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn Workspace() -> impl IntoView {
    let api = StoredValue::new(use_api());
    let toasts = use_toasts();
    use_page_title(|i| i.t(AgentKey::WorkspaceTitle.into()).to_owned());

    let views = RwSignal::new(Vec::<View>::new());
    let counts = RwSignal::new(Vec::<ViewCount>::new());
    let failure = RwSignal::new(None);
    leptos::task::spawn_local(async move {
        match api.get_value().views().await {
            Ok(v) => views.set(v),
            Err(e) => failure.set(Some(e)),
        }
    });
    let refresh_counts = move || {
        let api = api.get_value();
        leptos::task::spawn_local(async move {
            if let Ok(c) = api.view_counts().await {
                counts.try_set(c);
            }
        });
    };
    refresh_counts();

    let query = use_query_map();
    let selected = Memo::new(move |_| {
        query.read().get("view").or_else(|| {
            views.with(|v| v.iter().find(|v| !v.hidden).map(|v| v.id.clone()))
        })
    });
    let current = Memo::new(move |_| {
        let id = selected.get()?;
        views.with(|v| v.iter().find(|v| v.id == id).cloned())
    });
    let sort_override = RwSignal::new(None::<ViewSort>);
    let sort = Signal::derive(move || {
        sort_override.get().unwrap_or_else(|| current.with(|v| v.as_ref().map(|v| v.sort).unwrap_or_default()))
    });

    let rows = RwSignal::new(Vec::<TicketRow>::new());
    let cursor = RwSignal::new(None::<String>);
    let loaded_once = RwSignal::new(false);
    // Answers for an earlier view or order are dropped.
    let generation = StoredValue::new(0u64);
    let busy = Busy::new();
    let load = move |fresh: bool| {
        let Some(view) = selected.get_untracked() else { return };
        if fresh {
            generation.update_value(|g| *g += 1);
        } else if cursor.get_untracked().is_none() {
            return;
        }
        let (gen, after) = (generation.get_value(), if fresh { None } else { cursor.get_untracked() });
        let order = sort_override.get_untracked();
        let api = api.get_value();
        let work = async move {
            let page = api.view_tickets(&view, after.as_deref(), order).await;
            if generation.try_get_value() != Some(gen) {
                return;
            }
            match page {
                Ok(page) => {
                    rows.update(|r| {
                        if fresh {
                            r.clear();
                        }
                        r.extend(page.items);
                    });
                    cursor.set(page.next_cursor);
                    loaded_once.set(true);
                }
                Err(e) => toasts.api_error(&e),
            }
        };
        if fresh {
            leptos::task::spawn_local(work);
        } else {
            busy.run(work);
        }
    };
    Effect::new(move |_| {
        selected.track();
        sort_override.track();
        load(true);
    });
    Effect::new(move |_| {
        selected.track();
        sort_override.set(None);
    });
    if let Some(live) = use_live() {
        Effect::watch(
            move || live.latest(),
            move |update, _, _| {
                if update.as_ref().is_some_and(|u| u.changes_lists()) {
                    refresh_counts();
                    load(true);
                }
            },
            false,
        );
    }

    let on_sort = move |field: SortField| {
        let now = sort.get_untracked();
        let dir = match (now.field == field, now.dir) {
            (true, SortDir::Desc) => SortDir::Asc,
            _ => SortDir::Desc,
        };
        sort_override.set(Some(ViewSort { field, dir }));
    };

    let cursor_at = RwSignal::new(None::<usize>);
    let navigate = use_navigate();
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if typing_in_a_field(&ev) || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let len = rows.with_untracked(Vec::len);
        match ev.key().as_str() {
            "j" if len > 0 => cursor_at.update(|c| *c = Some(c.map_or(0, |i| (i + 1).min(len - 1)))),
            "k" if len > 0 => cursor_at.update(|c| *c = Some(c.map_or(0, |i| i.saturating_sub(1)))),
            "Enter" => {
                if let Some(id) = cursor_at.get_untracked().and_then(|i| rows.with_untracked(|r| r.get(i).map(|t| t.id))) {
                    navigate(&Page::AgentTicket(id).path(), Default::default());
                }
            }
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());

    let title = move || current.get().map(|v| match crate::components::agent::view_name_key(&v) {
        Some(key) => tr(key)().to_owned(),
        None => v.name,
    });
    view! {
        <div class="workspace">
            <aside class="workspace-side">
                <ViewList views counts selected />
            </aside>
            <section class="workspace-main" aria-labelledby="view-title">
                <h1 id="view-title">{move || title().unwrap_or_else(|| tr(Key::Agent(AgentKey::TicketsHeading))().to_owned())}</h1>
                {move || failure.get().map(|error| view! { <ErrorPanel error /> })}
                {move || (loaded_once.get() && rows.with(Vec::is_empty)).then(|| view! {
                    <p class="empty card">{tr(AgentKey::NoTicketsInView.into())}</p>
                })}
                <TicketTable rows sort on_sort on_near_end=move |()| load(false) selected=cursor_at />
            </section>
        </div>
    }
}

/// Shortcuts never fire while the agent types in an input, select or textarea.
pub fn typing_in_a_field(ev: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.has_attribute("contenteditable")
        })
}
