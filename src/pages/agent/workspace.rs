//! `/agent?view=<id>`: the side list of views with live counts, and the chosen view's tickets in
//! a virtualized table, loaded a page at a time as the agent scrolls. A live `ticket.*` event
//! refreshes the counts and the list. The agent's shortcuts (state/shortcuts) move the selection
//! (j / k), open it (Enter) and tick it (x); ticked rows get the bulk bar (Enter with the focus
//! on a row's checkbox opens that row: see TicketTable). On phones the rail of views folds behind a button. `view-new` and
//! `view-edit` open the view editor in the main pane, `view-manage` the order and hidden list.

use crate::api::use_api;
use crate::components::agent::{default_columns, BulkBar, HandoffNotice, ShortcutHelp, TicketTable, ViewEditor, ViewList, ViewManager};
use crate::components::ui::ErrorPanel;
use crate::i18n::{AgentKey, Key, ListKey};
use crate::routes::{agent_view_path, Page};
use crate::state::busy::Busy;
use crate::state::live::use_live;
use crate::state::locale::{tr, use_page_title};
use crate::state::session::use_session;
use crate::state::shortcuts;
use crate::state::toasts::use_toasts;
use baton_core::{Permission, SortDir, SortField, TicketRow, View, ViewCount, ViewSort};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

/// What the main pane shows besides the list.
#[derive(Clone, PartialEq)]
enum Pane {
    List,
    New,
    Edit(View),
    Manage,
}

#[component]
pub fn Workspace() -> impl IntoView {
    let pane = RwSignal::new(Pane::List);
    let api = StoredValue::new(use_api());
    let toasts = use_toasts();
    use_page_title(|i| i.t(AgentKey::WorkspaceTitle.into()).to_owned());

    let views = RwSignal::new(Vec::<View>::new());
    let counts = RwSignal::new(Vec::<ViewCount>::new());
    let failure = RwSignal::new(None);
    let load_views = move || {
        let api = api.get_value();
        leptos::task::spawn_local(async move {
            match api.views().await {
                Ok(v) => {
                    views.try_set(v);
                }
                Err(e) => {
                    failure.try_set(Some(e));
                }
            }
        });
    };
    load_views();
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
    let columns = Signal::derive(move || {
        current.with(|v| match v {
            Some(v) if v.builtin.is_none() && !v.columns.is_empty() => v.columns.clone(),
            _ => default_columns(),
        })
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
    let checked = RwSignal::new(Vec::<i64>::new());
    // On phones the rail of views folds away; choosing a view folds it again.
    let rail_open = RwSignal::new(false);
    Effect::new(move |_| {
        selected.track();
        rail_open.set(false);
        sort_override.set(None);
        checked.set(Vec::new());
        // Another view was chosen: an open editor or manager was about the last one.
        pane.set(Pane::List);
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
    shortcuts::install(&["next_ticket", "prev_ticket", "open_ticket", "select"], move |action, ev| {
        if pane.with_untracked(|p| !matches!(p, Pane::List)) {
            return;
        }
        let len = rows.with_untracked(Vec::len);
        let at = cursor_at.get_untracked();
        let id_at = |i: usize| rows.with_untracked(|r| r.get(i).map(|t| t.id));
        match action {
            "next_ticket" if len > 0 => cursor_at.set(Some(at.map_or(0, |i| (i + 1).min(len - 1)))),
            "prev_ticket" if len > 0 => cursor_at.set(Some(at.map_or(0, |i| i.saturating_sub(1)))),
            "open_ticket" => {
                // Enter on a focused link or button keeps its own meaning.
                if on_a_control(ev) {
                    return;
                }
                if let Some(id) = at.and_then(id_at) {
                    navigate(&Page::AgentTicket(id).path(), Default::default());
                }
            }
            "select" => {
                if let Some(id) = at.and_then(id_at) {
                    ev.prevent_default();
                    checked.update(|c| if let Some(p) = c.iter().position(|x| *x == id) { c.remove(p); } else { c.push(id) });
                }
            }
            _ => {}
        }
    });

    let session = use_session();
    let may_publish = move || session.can(Permission::ViewsManagePublic);
    let (may_bulk, may_trash) = (session.can(Permission::TicketsBulk), session.can(Permission::TicketsDelete));
    let navigate = use_navigate();
    let on_saved = {
        let navigate = navigate.clone();
        move |view: View| {
            pane.set(Pane::List);
            load_views();
            refresh_counts();
            navigate(&agent_view_path(&view.id), Default::default());
            load(true);
        }
    };
    let on_deleted = move |_id: String| {
        pane.set(Pane::List);
        load_views();
        refresh_counts();
        navigate(&Page::Agent.path(), Default::default());
    };
    let on_bulk_done = move |()| {
        refresh_counts();
        load(true);
    };
    let number_of = move |id: i64| rows.with_untracked(|r| r.iter().find(|t| t.id == id).map(|t| t.number));
    let editor = move || match pane.get() {
        Pane::List => None,
        Pane::Manage => Some(view! {
            <ViewManager views may_publish=may_publish() on_edit=move |v| pane.set(Pane::Edit(v)) on_close=move |()| pane.set(Pane::List) />
        }.into_any()),
        Pane::New => Some(view! {
            <ViewEditor existing=None may_publish=may_publish() on_saved=on_saved.clone() on_deleted=on_deleted.clone()
                on_cancel=move |()| pane.set(Pane::List) />
        }.into_any()),
        Pane::Edit(v) => Some(view! {
            <ViewEditor existing=Some(v) may_publish=may_publish() on_saved=on_saved.clone() on_deleted=on_deleted.clone()
                on_cancel=move |()| pane.set(Pane::List) />
        }.into_any()),
    };

    let title = move || current.get().map(|v| match crate::components::agent::view_name_key(&v) {
        Some(key) => tr(key)().to_owned(),
        None => v.name,
    });
    let editable = move || current.get().filter(|v| v.editable);
    view! {
        <div class="workspace">
            <aside class="workspace-side" class:open=move || rail_open.get()>
                <button type="button" class="button rail-toggle" data-testid="rail-toggle" aria-controls="view-rail"
                    aria-expanded=move || rail_open.get().to_string() on:click=move |_| rail_open.update(|o| *o = !*o)>
                    {tr(AgentKey::ShowViews.into())}
                </button>
                <div id="view-rail" class="rail-body">
                    <p><a class="button" href=Page::AgentNewTicket.path() data-testid="phone-ticket-link">{tr(crate::i18n::TicketKey::PhoneLink.into())}</a></p>
                    <ViewList views counts selected />
                </div>
            </aside>
            <section class="workspace-main" aria-labelledby="view-title">
                <div class="workspace-head">
                    <h1 id="view-title">{move || title().unwrap_or_else(|| tr(Key::Agent(AgentKey::TicketsHeading))().to_owned())}</h1>
                    <div class="workspace-tools">
                        <button type="button" class="button" data-testid="view-new" on:click=move |_| pane.set(Pane::New)>
                            {tr(ListKey::NewView.into())}
                        </button>
                        {move || editable().map(|v| view! {
                            <button type="button" class="button" data-testid="view-edit" on:click=move |_| pane.set(Pane::Edit(v.clone()))>
                                {tr(ListKey::EditView.into())}
                            </button>
                        })}
                        <button type="button" class="button" data-testid="view-manage" on:click=move |_| pane.set(Pane::Manage)>
                            {tr(ListKey::ManageViews.into())}
                        </button>
                        <ShortcutHelp />
                        <a href=Page::AgentSettings.path() data-testid="agent-settings-link">{tr(ListKey::SettingsNav.into())}</a>
                        {reports_link()}
                    </div>
                </div>
                <HandoffNotice />
                {editor}
                {move || failure.get().map(|error| view! { <ErrorPanel error /> })}
                {move || (loaded_once.get() && rows.with(Vec::is_empty)).then(|| view! {
                    <p class="empty card">{tr(AgentKey::NoTicketsInView.into())}</p>
                })}
                {move || (may_bulk && !checked.with(Vec::is_empty)).then(|| view! { <BulkBar selected=checked number_of on_done=on_bulk_done may_trash /> })}
                <TicketTable rows columns sort on_sort on_near_end=move |()| load(false) selected=cursor_at checked />
            </section>
        </div>
    }
}

/// Whether a key press happened on a link or button (whose own Enter must not be taken over).
fn on_a_control(ev: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| el.closest("a[href], button, summary").ok().flatten().is_some())
}

/// The reports page's link, in the console's build only (the `console` feature).
fn reports_link() -> AnyView {
    #[cfg(feature = "console")]
    return view! { <super::ReportsLink /> }.into_any();
    #[cfg(not(feature = "console"))]
    ().into_any()
}
