//! Attachments as download links (`data-testid="attachment"`) to the API, with name and size.

use crate::api::attachment_href;
use crate::components::ui::format_size;
use crate::i18n::Key;
use crate::state::locale::trf;
use baton_core::Attachment;
use leptos::prelude::*;

/// One attachment: its name as a download link, then its size.
#[component]
pub fn AttachmentLink(
    /// The file to link to.
    attachment: Attachment,
) -> impl IntoView {
    let name = attachment.name;
    view! {
        <a class="attachment" data-testid="attachment" data-attachment-id=attachment.id
            href=attachment_href(attachment.id) download=name.clone()
            aria-label=trf(Key::AttachmentDownload, vec![name.clone()])>
            {name.clone()}
        </a>
        <span class="muted">" "{format_size(attachment.size as f64)}</span>
    }
}

/// A list of download links; nothing when there are none.
#[component]
pub fn AttachmentList(
    /// The files, in the order given.
    attachments: Vec<Attachment>,
) -> impl IntoView {
    (!attachments.is_empty()).then(|| {
        view! {
            <ul class="attachments">
                {attachments.into_iter().map(|attachment| view! { <li><AttachmentLink attachment /></li> }).collect_view()}
            </ul>
        }
    })
}
