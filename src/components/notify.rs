//! Notifications in the SPA (issue 13, capability `notifications`), shared by the help center and
//! the console: the bell with the unread count (refetched on each live `notification.created`),
//! the inbox page (newest first, mark one or all read, a click opens the ticket) and the
//! preferences (per kind: in the app, when mailed; the digest for staff). Without the capability
//! none of it shows.

use crate::api::use_api;
use crate::i18n::Key;
use crate::state::live::use_live;
use crate::state::locale::use_i18n;
use baton_core::{EventType, Notification, NotificationKind as K};
use leptos::prelude::*;

mod inbox;
mod preferences;

pub use inbox::NotificationsPage;

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

