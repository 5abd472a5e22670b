//! One entry of a ticket's thread. User text is rendered as text, never as HTML; system entries
//! become a translated sentence built from their status change, or from their property change by
//! the `describe` the workspace passes (customers never receive those, so the help center carries
//! no wording for them); attachments are download links.

use super::AttachmentList;
use crate::i18n::{format_time, status_key, Key};
use crate::state::locale::use_i18n;
use baton_core::{Message, MessageKind};
use leptos::prelude::*;

fn kind_code(kind: MessageKind) -> &'static str {
    match kind {
        MessageKind::Public => "public",
        MessageKind::Internal => "internal",
        MessageKind::System => "system",
    }
}

/// `<li data-testid="message" data-kind=…>` with author, time and `message-body`.
#[component]
pub fn MessageItem(
    /// The entry to show.
    message: Message,
    /// Words the property change of the entry with this id, if it records one (staff only);
    /// otherwise a system entry shows its body. A plain function that reads the changes from
    /// context, so the help center, which never receives one, carries nothing for them.
    #[prop(optional_no_strip)]
    describe: Option<fn(i64) -> Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let kind = message.kind;
    let author = message.author.map(|a| a.name);
    let id = message.id;
    let change = message.status_change;
    let body = message.body;
    let attachments = message.attachments;
    let created = message.created_at.clone();
    let text = move || match change {
        Some(c) => i18n.tf(
            Key::StatusChanged,
            &[i18n.t(status_key(c.from)), i18n.t(status_key(c.to))],
        ),
        None => describe.and_then(|d| d(id)).unwrap_or_else(|| body.clone()),
    };
    view! {
        <li class=format!("message message-{}", kind_code(kind)) data-testid="message" data-kind=kind_code(kind)>
            <div class="message-meta">
                <span class="message-author">
                    {move || author.clone().unwrap_or_else(|| i18n.t(Key::SystemAuthor).to_owned())}
                </span>
                <time datetime=message.created_at>{move || format_time(&created, i18n.locale())}</time>
            </div>
            <p class="message-body" data-testid="message-body">{text}</p>
            <AttachmentList attachments />
        </li>
    }
}
