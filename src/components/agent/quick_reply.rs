//! The quick-reply picker (`quick-reply`): a labelled list of canned responses and an Insert
//! button, both keyboard-usable. The chosen reply is rendered with its placeholders filled in
//! (`baton_core::render_quick_reply`) and inserted at the textarea's cursor; the text stays
//! editable.

use crate::api::use_api;
use crate::i18n::TicketKey;
use crate::state::locale::tr;
use baton_core::{render_quick_reply, Placeholders, QuickReply};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;

#[component]
pub fn QuickReplyPicker(
    /// The `id` of the textarea to insert into.
    target: &'static str,
    /// The textarea's bound value.
    value: RwSignal<String>,
    /// What the placeholders stand for on this ticket.
    placeholders: Placeholders,
) -> impl IntoView {
    let api = use_api();
    let replies = RwSignal::new(Vec::<QuickReply>::new());
    leptos::task::spawn_local(async move {
        if let Ok(r) = api.quick_replies().await {
            replies.try_set(r);
        }
    });
    let chosen = RwSignal::new(None::<i64>);
    let insert = move |_| {
        let Some(reply) = chosen.get_untracked().and_then(|id| replies.with_untracked(|r| r.iter().find(|r| r.id == id).cloned())) else {
            return;
        };
        let text = render_quick_reply(&reply.body, &placeholders);
        let area = document().get_element_by_id(target).and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok());
        let current = value.get_untracked();
        let (start, end) = area
            .as_ref()
            .map(|a| (a.selection_start().ok().flatten(), a.selection_end().ok().flatten()))
            .and_then(|(s, e)| Some((s?, e?)))
            .map(|(s, e)| (byte_index(&current, s), byte_index(&current, e)))
            .unwrap_or((current.len(), current.len()));
        let (start, end) = (start.min(end), start.max(end));
        let next = format!("{}{}{}", &current[..start], text, &current[end..]);
        let caret = current[..start].encode_utf16().count() + text.encode_utf16().count();
        value.set(next);
        if let Some(area) = area {
            request_animation_frame(move || {
                let _ = area.focus();
                let caret = u32::try_from(caret).unwrap_or(u32::MAX);
                let _ = area.set_selection_range(caret, caret);
            });
        }
    };
    let hidden = move || replies.with(Vec::is_empty);
    view! {
        <div class="field quick-reply" hidden=hidden>
            <label for="quick-reply">{tr(TicketKey::QuickReply.into())}</label>
            <p id="quick-reply-hint" class="hint">{tr(TicketKey::QuickReplyHint.into())}</p>
            <div class="inline-row">
                <select id="quick-reply" data-testid="quick-reply" aria-describedby="quick-reply-hint"
                    on:change=move |ev| chosen.set(event_target_value(&ev).parse().ok())>
                    <option value="" prop:selected=move || chosen.get().is_none()>{tr(TicketKey::QuickReplyChoose.into())}</option>
                    {move || replies.get().into_iter().map(|r| view! {
                        <option value=r.id prop:selected=move || chosen.get() == Some(r.id)>{r.title}</option>
                    }).collect_view()}
                </select>
                <button type="button" class="button" data-testid="quick-reply-insert"
                    disabled=move || chosen.get().is_none() on:click=insert>
                    {tr(TicketKey::QuickReplyInsert.into())}
                </button>
            </div>
        </div>
    }
}

/// The byte index in `s` of the UTF-16 offset `units` (what the DOM's selection counts in),
/// clamped to the end and to a character boundary.
fn byte_index(s: &str, units: u32) -> usize {
    let mut seen = 0u32;
    for (i, c) in s.char_indices() {
        if seen >= units {
            return i;
        }
        seen += c.len_utf16() as u32;
    }
    s.len()
}

#[cfg(test)]
mod tests {
    use super::byte_index;

    #[test]
    fn utf16_offsets_become_byte_indexes() {
        assert_eq!(byte_index("abc", 1), 1);
        assert_eq!(byte_index("你好世界", 2), 6);
        // An emoji is two UTF-16 units and four bytes.
        assert_eq!(byte_index("a😀b", 3), 5);
        assert_eq!(byte_index("a😀b", 2), 5, "inside a surrogate pair: the next boundary");
        assert_eq!(byte_index("abc", 99), 3);
        assert_eq!(byte_index("", 0), 0);
    }
}
