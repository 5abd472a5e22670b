//! The inbox page (issue 13): newest first, a page at a time ("load more" asks for the next with
//! the cursor), mark one or all read, a click opens the ticket; the preferences below it.

use super::preferences::Preferences;
use super::{line, offered, on_arrival, unread};
use crate::api::use_api;
use crate::components::ui::LoadMore;
use crate::i18n::{format_time, Key};
use crate::state::busy::Busy;
use crate::state::locale::{tr, use_i18n, use_page_title};
use crate::state::toasts::use_toasts;
use baton_core::{MarkRead, Notification, NotificationPage};
use leptos::prelude::*;

/// Notifications a page asks for.
const PAGE: u32 = 30;

/// `fresh` (the newest page) in front of what was `shown`: where the two meet, what was loaded
/// below stays and so does its cursor; when more arrived than a page holds, the list starts over
/// from `fresh`.
fn merge(fresh: NotificationPage, shown: Option<Vec<Notification>>, next: Option<String>) -> (Vec<Notification>, Option<String>) {
    let oldest_fresh = fresh.items.last().map(|n| n.id);
    match (shown, oldest_fresh) {
        (Some(shown), Some(oldest)) if shown.first().is_some_and(|n| n.id >= oldest) => {
            let mut items = fresh.items;
            items.extend(shown.into_iter().filter(|n| n.id < oldest));
            (items, next)
        }
        _ => (fresh.items, fresh.next_cursor),
    }
}

/// The inbox page: `ticket_path` is where a notification's ticket opens (console or help center).
#[component]
pub fn NotificationsPage(ticket_path: fn(i64) -> String, staff: bool) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let (i18n, toasts) = (use_i18n(), use_toasts());
    use_page_title(|i| i.t(Key::NotifBell).to_owned());
    let available = offered();
    // What is shown (`None` until the first page answers) and the cursor of the page after it.
    let shown = RwSignal::new(None::<Vec<Notification>>);
    let next = RwSignal::new(None::<String>);
    let newest = move || {
        let api = api.get_value();
        leptos::task::spawn_local(async move {
            match api.notifications(None, Some(PAGE)).await {
                Ok(page) => {
                    unread().set(Some(page.unread));
                    let (items, cursor) = merge(page, shown.get_untracked(), next.get_untracked());
                    next.set(cursor);
                    shown.set(Some(items));
                }
                Err(e) => toasts.api_error(&e),
            }
        });
    };
    newest();
    on_arrival(newest);
    let more = Busy::new();
    let load = Callback::new(move |cursor: String| {
        let api = api.get_value();
        more.run(async move {
            match api.notifications(Some(&cursor), Some(PAGE)).await {
                Ok(page) => {
                    unread().set(Some(page.unread));
                    next.set(page.next_cursor);
                    shown.update(|s| s.get_or_insert_with(Vec::new).extend(page.items));
                }
                Err(e) => toasts.api_error(&e),
            }
        });
    });
    let busy = Busy::new();
    let mark_all = move || {
        let api = api.get_value();
        busy.run(async move {
            match api.mark_notifications_read(&MarkRead { ids: Vec::new(), all: true }).await {
                Ok(left) => {
                    unread().set(Some(left.unread));
                    shown.update(|s| s.iter_mut().flatten().for_each(|n| n.read = true));
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
        shown.get().map(|items| {
            if items.is_empty() {
                view! { <p class="muted" data-testid="notifications-empty">{tr(Key::NotifEmpty)}</p> }.into_any()
            } else {
                view! { <ul class="notification-list" data-testid="notification-list">{items.into_iter().map(item).collect_view()}</ul> }.into_any()
            }
        })
    };
    view! {
        <div class="container notifications-page">
            <h1>{tr(Key::NotifBell)}</h1>
            {move || (available.get() == Some(true)).then(|| view! {
                <div class="button-row">
                    <button type="button" class="button" data-testid="notifications-mark-all" disabled=move || busy.signal().get() || unread().get().unwrap_or(0) == 0
                        on:click=move |_| mark_all()>
                        {tr(Key::NotifMarkAll)}
                    </button>
                </div>
                {list}
                <LoadMore next=next.into() busy=more.signal() load />
                <Preferences staff />
            })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::merge;
    use baton_core::{Notification, NotificationKind, NotificationPage};

    fn n(id: i64) -> Notification {
        Notification { id, kind: NotificationKind::PublicReply, ticket_id: 1, ticket_number: 1, ticket_title: String::new(), actor: None, created_at: String::new(), read: false }
    }

    fn page(ids: &[i64], next: Option<&str>) -> NotificationPage {
        NotificationPage { items: ids.iter().copied().map(n).collect(), next_cursor: next.map(str::to_owned), unread: 0 }
    }

    /// The newest page's ids, the ids shown before, and what is shown after with its cursor.
    type Case = (&'static [i64], Option<&'static [i64]>, (&'static [i64], Option<&'static str>));

    #[test]
    fn the_newest_page_goes_in_front_of_what_was_loaded() {
        let ids = |v: &[Notification]| v.iter().map(|n| n.id).collect::<Vec<_>>();
        let cases: [Case; 4] = [
            // First load: the page and its cursor.
            (&[9, 8], None, (&[9, 8], Some("fresh"))),
            // One new on top of two pages loaded: nothing below is lost, the old cursor stays.
            (&[10, 9], Some(&[9, 8, 7, 6]), (&[10, 9, 8, 7, 6], Some("old"))),
            // More arrived than a page holds: a gap would hide some, so the list starts over.
            (&[20, 19], Some(&[9, 8]), (&[20, 19], Some("fresh"))),
            // An empty inbox stays empty.
            (&[], Some(&[]), (&[], Some("fresh"))),
        ];
        for (fresh, shown, (want, cursor)) in cases {
            let shown = shown.map(|s| s.iter().copied().map(n).collect());
            let (items, next) = merge(page(fresh, Some("fresh")), shown, Some("old".to_owned()));
            assert_eq!((ids(&items), next.as_deref()), (want.to_vec(), cursor), "fresh {fresh:?}");
        }
    }
}
