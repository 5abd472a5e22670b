//! `/admin/audit` (issue 12): the audit log, newest first, 50 at a time ("load more"), filtered
//! by who made the change, what kind of thing it changed and a date range. The filters live in
//! the URL (`?actor=&kind=&from=&to=`, dates as `YYYY-MM-DD` in the viewer's time zone), so a
//! reload or a shared link shows the same. `settings.manage`, capability `audit_log`.

mod filter;
mod table;

use super::{AdminPage, Section};
use crate::api::use_api;
use crate::components::ui::{loaded, paged, LoadMore};
use crate::i18n::AuditKey;
use crate::state::busy::Busy;
use crate::state::load::Load;
use crate::state::locale::{tr, use_page_title};
use crate::state::toasts::use_toasts;
use baton_core::{AgentInfo, Page as ListPage};
use filter::Filter;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use table::AuditTable;

#[component]
pub fn AdminAudit() -> impl IntoView {
    use_page_title(|i| i.t(AuditKey::Title.into()).to_owned());
    view! {
        <AdminPage section=Section::Audit>
            <AuditBody />
        </AdminPage>
    }
}

#[component]
fn AuditBody() -> impl IntoView {
    let api = StoredValue::new(use_api());
    let toasts = use_toasts();
    let query = use_query_map();
    let filter = Memo::new(move |_| query.with(|q| Filter::from_query(|k| q.get(k))));
    let first = Load::new(move || {
        let (api, f) = (api.get_value(), filter.get());
        async move { api.audit(&f.to_api(), None).await }
    });
    // The pages after the first; a new filter starts the list over.
    let more = RwSignal::new(Vec::<ListPage<crate::api::AuditRow>>::new());
    Effect::new(move |_| {
        filter.track();
        more.set(Vec::new());
    });
    let busy = Busy::new();
    let load = Callback::new(move |cursor: String| {
        let f = filter.get_untracked().to_api();
        busy.run(async move {
            match api.get_value().audit(&f, Some(&cursor)).await {
                Ok(page) => more.update(|m| m.push(ListPage { items: page.items, next_cursor: page.next_cursor })),
                Err(error) => toasts.api_error(&error),
            }
        });
    });
    let people = Load::new(move || {
        let api = api.get_value();
        async move { api.agents().await }
    });
    let people = Signal::derive(move || people.get().and_then(Result::ok).unwrap_or_default());
    let navigate = use_navigate();
    // Each filter changes the URL; the list follows it.
    let go = move |change: &dyn Fn(&mut Filter)| {
        let mut f = filter.get_untracked();
        change(&mut f);
        navigate(&f.url(), Default::default());
    };
    let go = StoredValue::new_local(go);
    let set = move |key: &'static str| move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        go.with_value(|go| go(&|f: &mut Filter| f.set(key, &value)));
    };
    view! {
        <div class="admin-head">
            <h1>{tr(AuditKey::Title.into())}</h1>
        </div>
        <p class="muted">{tr(AuditKey::Intro.into())}</p>
        <form class="admin-filters" role="search" aria-label=tr(AuditKey::Filters.into()) data-testid="audit-filters"
            on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="audit-actor">{tr(AuditKey::Actor.into())}</label>
                <select id="audit-actor" data-testid="audit-actor" on:change=set("actor")>
                    <option value="" selected=move || filter.get().actor.is_none()>{tr(AuditKey::Anyone.into())}</option>
                    {move || people.get().into_iter().map(|a: AgentInfo| {
                        let chosen = filter.get_untracked().actor == Some(a.id);
                        view! { <option value=a.id.to_string() selected=chosen>{a.name}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="audit-kind">{tr(AuditKey::Kind.into())}</label>
                <select id="audit-kind" data-testid="audit-kind" on:change=set("kind")>
                    <option value="" selected=move || filter.get().kind.is_none()>{tr(AuditKey::AnyKind.into())}</option>
                    {baton_core::audit::TARGET_KINDS.iter().map(|kind| {
                        let label = crate::i18n::audit::kind_key(kind).map(|k| tr(k.into()));
                        view! {
                            <option value=*kind selected=move || filter.get().kind.as_deref() == Some(*kind)>
                                {move || label.map_or_else(|| (*kind).to_owned(), |l| l().to_owned())}
                            </option>
                        }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="audit-from">{tr(AuditKey::From.into())}</label>
                <input id="audit-from" type="date" data-testid="audit-from" prop:value=move || filter.get().from.unwrap_or_default() on:change=set("from") />
            </div>
            <div class="field">
                <label for="audit-to">{tr(AuditKey::To.into())}</label>
                <input id="audit-to" type="date" data-testid="audit-to" prop:value=move || filter.get().to.unwrap_or_default() on:change=set("to") />
            </div>
            <button type="button" class="button" data-testid="audit-clear"
                on:click=move |_| go.with_value(|go| go(&|f: &mut Filter| *f = Filter::default()))>
                {tr(AuditKey::Clear.into())}
            </button>
        </form>
        {move || loaded(first.get(), |page| {
            let (items, next) = paged(ListPage { items: page.items, next_cursor: page.next_cursor }, more);
            view! {
                <AuditTable items />
                <LoadMore next busy=busy.signal() load />
            }.into_any()
        })}
    }
}
