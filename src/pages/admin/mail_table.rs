//! The outbox's table: recipient, subject, kind, status badge, attempts, the last error and the
//! times (created, next attempt, sent) in the reader's locale. On phones each mail is a card.

use super::mail::status_key;
use crate::api::{MailStatus, OutboxMail};
use crate::i18n::{format_time, AdminKey, Key};
use crate::state::locale::{tr, use_i18n};
use leptos::prelude::*;

/// The label of a mail's kind; a kind this SPA does not know yet is shown as the server names it.
fn kind_key(kind: &str) -> Option<Key> {
    match kind {
        "setup" => Some(AdminKey::KindSetup.into()),
        "invitation" => Some(AdminKey::KindInvitation.into()),
        "password_reset" => Some(AdminKey::KindPasswordReset.into()),
        _ => None,
    }
}

#[component]
pub fn MailTable(
    /// The mails loaded so far, newest first.
    items: Signal<Vec<OutboxMail>>,
) -> impl IntoView {
    let i18n = use_i18n();
    // A time under its label ("Sent 7 Dec 2026, 10:00"), in the current locale.
    let time = move |key: AdminKey, at: Option<String>| {
        at.map(|at| view! { <span class="admin-time">{move || crate::i18n::fill(i18n.t(key.into()), &[&format_time(&at, i18n.locale())])}</span> })
    };
    move || {
        let list = items.get();
        if list.is_empty() {
            return view! { <p class="muted" data-testid="mail-empty">{tr(AdminKey::NoMail.into())}</p> }.into_any();
        }
        view! {
            <div class="admin-scroll">
                <table class="admin-table" data-testid="mail-table">
                    <thead><tr>
                        <th scope="col">{tr(AdminKey::ColTo.into())}</th>
                        <th scope="col">{tr(AdminKey::ColSubject.into())}</th>
                        <th scope="col">{tr(AdminKey::ColKind.into())}</th>
                        <th scope="col">{tr(AdminKey::ColStatus.into())}</th>
                        <th scope="col">{tr(AdminKey::ColAttempts.into())}</th>
                        <th scope="col">{tr(AdminKey::ColLastError.into())}</th>
                        <th scope="col">{tr(AdminKey::ColTimes.into())}</th>
                    </tr></thead>
                    <tbody>
                        {list.into_iter().map(|m| {
                            let kind = kind_key(&m.kind);
                            let raw_kind = m.kind.clone();
                            let status = MailStatus::from_code(&m.status);
                            let code = m.status.clone();
                            let raw_status = m.status.clone();
                            view! {
                                <tr data-testid="mail-row" data-mail-id=m.id data-status=code>
                                    <td data-label=tr(AdminKey::ColTo.into()) data-testid="mail-to">{m.to}</td>
                                    <td data-label=tr(AdminKey::ColSubject.into())>{m.subject}</td>
                                    <td data-label=tr(AdminKey::ColKind.into()) data-kind=m.kind>
                                        {move || kind.map_or_else(|| raw_kind.clone(), |k| i18n.t(k).to_owned())}
                                    </td>
                                    <td data-label=tr(AdminKey::ColStatus.into())>
                                        <span class=format!("badge mail-{code}") data-testid="mail-status-badge">
                                            {move || status.map_or_else(|| raw_status.clone(), |s| i18n.t(status_key(s)).to_owned())}
                                        </span>
                                    </td>
                                    <td data-label=tr(AdminKey::ColAttempts.into()) data-testid="mail-attempts">{m.attempts}</td>
                                    <td data-label=tr(AdminKey::ColLastError.into()) class="admin-error-text" data-testid="mail-last-error">
                                        {m.last_error.unwrap_or_default()}
                                    </td>
                                    <td data-label=tr(AdminKey::ColTimes.into())><div class="admin-times">
                                        {time(AdminKey::CreatedAt, Some(m.created_at))}
                                        {(status == Some(MailStatus::Queued)).then(|| time(AdminKey::NextAttemptAt, m.next_attempt_at))}
                                        {time(AdminKey::SentAt, m.sent_at)}
                                    </div></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }.into_any()
    }
}
