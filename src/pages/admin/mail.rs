//! `/admin/mail`: the desk's mail outbox, newest first, 50 at a time ("load more"), filtered by
//! status (`?status=`, so the filter survives a reload and can be linked). Without SMTP configured
//! the page says that mail waits in the outbox until it is. Bodies are never shown: they hold
//! single-use links.

use super::mail_table::MailTable;
use super::{AdminPage, Section, MAIL_PATH};
use crate::api::{use_api, MailStatus, OutboxMail};
use crate::components::ui::{loaded, paged, LoadMore};
use crate::i18n::{AdminKey, Key};
use leptos_router::hooks::{use_navigate, use_query_map};
use crate::state::busy::Busy;
use crate::state::load::Load;
use crate::state::locale::{tr, use_page_title};
use crate::state::toasts::use_toasts;
use baton_core::Page as ListPage;
use leptos::prelude::*;

/// The label of a status (the filter's options, the table's badges).
pub fn status_key(status: MailStatus) -> Key {
    match status {
        MailStatus::Queued => AdminKey::MailQueued.into(),
        MailStatus::Sent => AdminKey::MailSent.into(),
        MailStatus::Failed => AdminKey::MailFailed.into(),
    }
}

#[component]
pub fn AdminMail() -> impl IntoView {
    use_page_title(|i| i.t(AdminKey::MailTitle.into()).to_owned());
    view! {
        <AdminPage section=Section::Mail>
            <MailBody />
        </AdminPage>
    }
}

#[component]
fn MailBody() -> impl IntoView {
    let api = StoredValue::new(use_api());
    let toasts = use_toasts();
    let query = use_query_map();
    let status = Memo::new(move |_| query.with(|q| q.get("status").and_then(|s| MailStatus::from_code(&s))));
    let first = Load::new(move || {
        let (api, status) = (api.get_value(), status.get());
        async move { api.outbox(status, None).await }
    });
    // The pages after the first; a new filter starts the list over.
    let more = RwSignal::new(Vec::<ListPage<OutboxMail>>::new());
    Effect::new(move |_| {
        status.track();
        more.set(Vec::new());
    });
    let busy = Busy::new();
    let load = Callback::new(move |cursor: String| {
        let status = status.get_untracked();
        busy.run(async move {
            match api.get_value().outbox(status, Some(&cursor)).await {
                Ok(page) => more.update(|m| m.push(ListPage { items: page.items, next_cursor: page.next_cursor })),
                Err(error) => toasts.api_error(&error),
            }
        });
    });
    let navigate = use_navigate();
    let choose = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        let to = if code.is_empty() { MAIL_PATH.to_owned() } else { format!("{MAIL_PATH}?status={code}") };
        navigate(&to, Default::default());
    };
    view! {
        <div class="admin-head">
            <h1>{tr(AdminKey::MailTitle.into())}</h1>
            <div class="field admin-filter">
                <label for="mail-status">{tr(AdminKey::MailStatus.into())}</label>
                <select id="mail-status" data-testid="mail-status" on:change=choose>
                    <option value="" selected=move || status.get().is_none()>{tr(AdminKey::MailStatusAll.into())}</option>
                    {MailStatus::ALL.into_iter().map(|s| view! {
                        <option value=s.code() selected=move || status.get() == Some(s)>{tr(status_key(s))}</option>
                    }).collect_view()}
                </select>
            </div>
        </div>
        <p class="muted">{tr(AdminKey::MailIntro.into())}</p>
        {move || loaded(first.get(), |outbox| {
            let smtp = outbox.smtp;
            let (items, next) = paged(ListPage { items: outbox.items, next_cursor: outbox.next_cursor }, more);
            view! {
                {(!smtp).then(|| view! {
                    <p class="admin-warning" role="status" data-testid="mail-no-smtp">{tr(AdminKey::NoSmtp.into())}</p>
                })}
                <MailTable items />
                <LoadMore next busy=busy.signal() load />
            }.into_any()
        })}
    }
}
