//! Notifications in the SPA (issue 13, capability `notifications`), shared by the help center and
//! the console: the bell with the unread count (refetched on each live `notification.created`),
//! the inbox page (newest first, mark one or all read, a click opens the ticket) and the
//! preferences (per kind: in the app, when mailed; the digest for staff). Without the capability
//! none of it shows.

use crate::api::use_api;
use crate::i18n::{format_time, Key};
use crate::state::busy::Busy;
use crate::state::live::use_live;
use crate::state::locale::{tr, tr_while, use_i18n, use_page_title};
use crate::state::toasts::use_toasts;
use baton_core::{EmailWhen, EventType, MarkRead, Notification, NotificationKind as K, NotificationPreferences};
use leptos::prelude::*;

thread_local! {
    /// The unread count, shared by the bell and the inbox (which marks read). Reference-counted,
    /// not owned by whichever component first asked: a bell re-rendered (or a page left) must
    /// not take the count with it.
    static UNREAD: ArcRwSignal<Option<i64>> = ArcRwSignal::new(None);
}

fn unread() -> ArcRwSignal<Option<i64>> {
    UNREAD.with(Clone::clone)
}

/// Runs `then` on each live `notification.created` (the pattern the lists use for theirs).
fn on_arrival(then: impl Fn() + 'static) {
    if let Some(live) = use_live() {
        Effect::watch(
            move || live.latest(),
            move |update, _, _| {
                if update.as_ref().is_some_and(|u| u.kind == EventType::NotificationCreated) {
                    then();
                }
            },
            false,
        );
    }
}

/// Whether the backend has notifications (`GET /capabilities`).
fn offered() -> LocalResource<bool> {
    let api = use_api();
    LocalResource::new(move || {
        let api = api.clone();
        async move { api.offers("notifications").await.unwrap_or(false) }
    })
}

/// The bell: a link to the inbox (`href`) with the unread count, live.
#[component]
pub fn NotificationBell(href: &'static str) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let i18n = use_i18n();
    let available = offered();
    let fetch = move || {
        let api = api.get_value();
        leptos::task::spawn_local(async move {
            if let Ok(page) = api.notifications(None, Some(1)).await {
                unread().set(Some(page.unread));
            }
        });
    };
    Effect::watch(move || available.get(), move |has, _, _| if *has == Some(true) { fetch() }, true);
    on_arrival(move || if available.get_untracked() == Some(true) { fetch() });
    let count = move || unread().get().unwrap_or(0);
    let label = move || format!("{}, {}", i18n.t(Key::NotifBell), i18n.tf(Key::NotifUnread, &[&count().to_string()]));
    move || {
        (available.get() == Some(true)).then(|| view! {
            <a class="bell" href=href data-testid="notification-bell" aria-label=label>
                <span aria-hidden="true">"🔔"</span>
                <span class="bell-count" data-testid="notification-count" aria-hidden="true" hidden=move || count() == 0>{count}</span>
            </a>
        })
    }
}

/// What notification `n` says, in the reader's language.
fn line(n: &Notification, i18n: crate::state::locale::I18n) -> String {
    let (num, title) = (n.ticket_number.to_string(), n.ticket_title.as_str());
    #[cfg(feature = "console")]
    let desk = i18n.t(crate::i18n::AgentKey::NotifDesk.into());
    #[cfg(not(feature = "console"))]
    let desk = "";
    let actor = n.actor.as_ref().map_or(desk, |a| a.name.as_str());
    let (key, args): (Key, Vec<&str>) = match n.kind {
        K::PublicReply => (Key::NotifPublicReply, vec![actor, &num, title]),
        K::Solved => (Key::NotifSolved, vec![&num, title]),
        K::Closed => (Key::NotifClosed, vec![&num, title]),
        #[cfg(feature = "console")]
        staff => {
            use crate::i18n::AgentKey as A;
            match staff {
                K::NewTicket => (A::NotifNewTicket.into(), vec![&num, title]),
                K::Assigned => (A::NotifAssigned.into(), vec![actor, &num, title]),
                K::CustomerReplied => (A::NotifCustomerReplied.into(), vec![actor, &num, title]),
                K::Mentioned => (A::NotifMentioned.into(), vec![actor, &num, title]),
                K::SlaWarning => (A::NotifSlaWarning.into(), vec![&num, title]),
                _ => (A::NotifSlaBreach.into(), vec![&num, title]),
            }
        }
        // The help center never receives staff kinds.
        #[cfg(not(feature = "console"))]
        _ => return format!("#{num} {title}"),
    };
    i18n.tf(key, &args)
}

/// The inbox page: `ticket_path` is where a notification's ticket opens (console or help center).
#[component]
pub fn NotificationsPage(ticket_path: fn(i64) -> String, staff: bool) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let (i18n, toasts) = (use_i18n(), use_toasts());
    use_page_title(|i| i.t(Key::NotifBell).to_owned());
    let available = offered();
    let items = LocalResource::new(move || {
        let api = api.get_value();
        async move { api.notifications(None, Some(50)).await }
    });
    on_arrival(move || items.refetch());
    Effect::new(move |_| {
        if let Some(Ok(page)) = items.get() {
            unread().set(Some(page.unread));
        }
    });
    let busy = Busy::new();
    let mark = move |body: MarkRead| {
        let api = api.get_value();
        busy.run(async move {
            match api.mark_notifications_read(&body).await {
                Ok(left) => {
                    unread().set(Some(left.unread));
                    items.refetch();
                }
                Err(e) => toasts.api_error(&e),
            }
        });
    };
    // Opening one leaves the page: only the shared count is updated, nothing of this page's.
    let opened = move |id: i64| {
        let api = api.get_value();
        leptos::task::spawn_local(async move {
            if let Ok(left) = api.mark_notifications_read(&MarkRead { ids: vec![id], all: false }).await {
                unread().set(Some(left.unread));
            }
        });
    };
    let item = move |n: Notification| {
        let (id, read) = (n.id, n.read);
        let text = line(&n, i18n);
        let when = format_time(&n.created_at, i18n.locale());
        view! {
            <li class="notification" class:unread=!read data-testid="notification-item" data-kind=n.kind.code() data-read=read.to_string()>
                <a href=ticket_path(n.ticket_id) data-testid="notification-open" on:click=move |_| if !read { opened(id) }>
                    {(!read).then(|| view! { <span class="sr-only">{tr(Key::NotifUnreadMark)}": "</span> })}
                    {text}
                </a>
                <time class="muted" datetime=n.created_at.clone()>{when}</time>
            </li>
        }
    };
    let list = move || {
        items.get().map(|page| match page {
            Ok(page) if page.items.is_empty() => view! { <p class="muted" data-testid="notifications-empty">{tr(Key::NotifEmpty)}</p> }.into_any(),
            Ok(page) => view! { <ul class="notification-list" data-testid="notification-list">{page.items.into_iter().map(item).collect_view()}</ul> }.into_any(),
            Err(e) => {
                toasts.api_error(&e);
                ().into_any()
            }
        })
    };
    view! {
        <div class="container notifications-page">
            <h1>{tr(Key::NotifBell)}</h1>
            {move || (available.get() == Some(true)).then(|| view! {
                <div class="button-row">
                    <button type="button" class="button" data-testid="notifications-mark-all" disabled=move || busy.signal().get() || unread().get().unwrap_or(0) == 0
                        on:click=move |_| mark(MarkRead { ids: Vec::new(), all: true })>
                        {tr(Key::NotifMarkAll)}
                    </button>
                </div>
                {list}
                <Preferences staff />
            })}
        </div>
    }
}

fn kind_label(kind: K) -> Key {
    match kind {
        K::PublicReply => Key::NotifKindPublicReply,
        K::Solved => Key::NotifKindSolved,
        K::Closed => Key::NotifKindClosed,
        #[cfg(feature = "console")]
        staff => {
            use crate::i18n::AgentKey as A;
            match staff {
                K::NewTicket => A::NotifKindNewTicket.into(),
                K::Assigned => A::NotifKindAssigned.into(),
                K::CustomerReplied => A::NotifKindCustomerReplied.into(),
                K::Mentioned => A::NotifKindMentioned.into(),
                K::SlaWarning => A::NotifKindSlaWarning.into(),
                _ => A::NotifKindSlaBreach.into(),
            }
        }
        #[cfg(not(feature = "console"))]
        _ => Key::NotifBell,
    }
}

/// The preferences form: one row per kind the user receives, and the digest for staff.
#[component]
fn Preferences(staff: bool) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let (i18n, toasts) = (use_i18n(), use_toasts());
    let form = RwSignal::new(None::<NotificationPreferences>);
    leptos::task::spawn_local(async move {
        match api.get_value().notification_preferences().await {
            Ok(prefs) => form.set(Some(prefs)),
            Err(e) => toasts.api_error(&e),
        }
    });
    let busy = Busy::new();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(prefs) = form.get_untracked() else { return };
        let api = api.get_value();
        busy.run(async move {
            match api.put_notification_preferences(&prefs).await {
                Ok(stored) => {
                    form.set(Some(stored));
                    toasts.success(Key::NotifPrefsSaved);
                }
                Err(e) => toasts.api_error(&e),
            }
        });
    };
    let row = move |i: usize, kind: K| {
        let in_app = format!("pref-{}-app", kind.code());
        let email = format!("pref-{}-email", kind.code());
        let get = move || form.with(|f| f.as_ref().and_then(|f| f.events.get(i).copied()));
        let choice = move |w: EmailWhen, key: Key| view! {
            <option value=w.code() selected=move || get().is_some_and(|p| p.email == w)>{tr(key)}</option>
        };
        view! {
            <tr data-testid="notification-pref" data-kind=kind.code()>
                <th scope="row">{tr(kind_label(kind))}</th>
                <td>
                    <input type="checkbox" id=in_app.clone() data-testid="pref-in-app" prop:checked=move || get().is_some_and(|p| p.in_app)
                        on:change=move |ev| { let on = event_target_checked(&ev); form.update(|f| if let Some(p) = f.as_mut().and_then(|f| f.events.get_mut(i)) { p.in_app = on; }); } />
                    <label for=in_app class="sr-only">{move || format!("{}: {}", i18n.t(kind_label(kind)), i18n.t(Key::NotifPrefsInApp))}</label>
                </td>
                <td>
                    <label for=email.clone() class="sr-only">{move || format!("{}: {}", i18n.t(kind_label(kind)), i18n.t(Key::NotifPrefsEmail))}</label>
                    <select id=email data-testid="pref-email"
                        on:change=move |ev| { let w = EmailWhen::from_code(&event_target_value(&ev)).unwrap_or_default(); form.update(|f| if let Some(p) = f.as_mut().and_then(|f| f.events.get_mut(i)) { p.email = w; }); }>
                        {choice(EmailWhen::Never, Key::NotifEmailNever)}
                        {choice(EmailWhen::Offline, Key::NotifEmailOffline)}
                        {choice(EmailWhen::Always, Key::NotifEmailAlways)}
                    </select>
                </td>
            </tr>
        }
    };
    // Rows are made once the kinds are known, not again on every change (focus stays put).
    let kinds = Memo::new(move |_| form.with(|f| f.as_ref().map(|f| f.events.iter().map(|p| p.kind).collect::<Vec<_>>())));
    let rows = move || kinds.get().map(|kinds| kinds.into_iter().enumerate().map(|(i, kind)| row(i, kind)).collect_view());
    #[cfg(feature = "console")]
    let digest = move || staff.then(|| view! {
        <div class="field checkbox">
            <input type="checkbox" id="pref-digest" data-testid="pref-digest" prop:checked=move || form.with(|f| f.as_ref().is_some_and(|f| f.digest))
                on:change=move |ev| { let on = event_target_checked(&ev); form.update(|f| if let Some(f) = f.as_mut() { f.digest = on; }); } />
            <label for="pref-digest">{tr(crate::i18n::AgentKey::NotifDigest.into())}</label>
        </div>
    });
    #[cfg(not(feature = "console"))]
    let digest = move || { let _ = staff; };
    view! {
        <form class="card" data-testid="notification-preferences" aria-labelledby="notif-prefs-heading" on:submit=save novalidate>
            <h2 id="notif-prefs-heading">{tr(Key::NotifPrefsTitle)}</h2>
            <table class="prefs-table">
                <thead><tr>
                    <th scope="col">{tr(Key::NotifPrefsEvent)}</th>
                    <th scope="col">{tr(Key::NotifPrefsInApp)}</th>
                    <th scope="col">{tr(Key::NotifPrefsEmail)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            {digest}
            <div class="button-row">
                <button type="submit" class="button primary" data-testid="notification-prefs-save" disabled=busy.signal()>
                    {tr_while(busy.signal(), Key::Loading, Key::NotifPrefsSave)}
                </button>
            </div>
        </form>
    }
}
