//! Attachments as download links (`data-testid="attachment"`) to the API, with name and size.
//!
//! In the widget (bearer session, no cookies) a click fetches the file with the token instead of
//! following the link, which the server would refuse; the link stays a real link either way.

use crate::api::{attachment_href, Api};
use crate::components::ui::format_size;
use crate::i18n::Key;
use crate::state::locale::trf;
use crate::state::toasts::Toasts;
use baton_core::Attachment;
use leptos::prelude::*;

/// One attachment: its name as a download link, then its size.
#[component]
pub fn AttachmentLink(
    /// The file to link to.
    attachment: Attachment,
) -> impl IntoView {
    let name = attachment.name;
    let id = attachment.id;
    let download_name = name.clone();
    // Read here: an event handler runs outside the component's owner, where context is not found.
    let api = use_context::<Api>();
    let toasts = use_context::<Toasts>();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        // Component tests provide no client; cookie sessions download through the link itself.
        let Some(api) = api.clone().filter(Api::holds_bearer) else {
            return;
        };
        ev.prevent_default();
        let name = download_name.clone();
        leptos::task::spawn_local(async move {
            if let (Err(error), Some(toasts)) = (api.download(id, &name).await, toasts) {
                toasts.api_error(&error);
            }
        });
    };
    view! {
        <a class="attachment" data-testid="attachment" data-attachment-id=id
            href=attachment_href(id) download=name.clone() on:click=on_click
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
