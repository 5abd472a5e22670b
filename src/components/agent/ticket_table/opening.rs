//! Opening a row's ticket from anywhere on the row: a click (ctrl/⌘ or the middle button: a new
//! tab) and Enter, leaving the row's own controls their meaning.

use crate::routes::Page;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A click on a row outside its controls opens the ticket: here, or in a new tab with ctrl/⌘ or
/// the middle button (`aux`), as a click on the title's link does. Clicks on the link, the
/// checkbox or another control keep their own meaning. Returns the path to open here.
pub(super) fn open_row(ev: &leptos::ev::MouseEvent, id: i64, aux: bool) -> Option<String> {
    let on_control = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| el.closest("a, button, input, label, select").ok().flatten().is_some());
    if on_control || (aux && ev.button() != 1) {
        return None;
    }
    let path = Page::AgentTicket(id).path();
    if aux || ev.ctrl_key() || ev.meta_key() {
        let _ = window().open_with_url_and_target(&path, "_blank");
        return None;
    }
    Some(path)
}

/// Whether a key press is a plain Enter inside a row but not on its link (which opens the ticket
/// itself): the checkbox, say. The shortcuts leave keys typed into inputs alone, so the row does
/// it.
pub(super) fn enter_on_row(ev: &leptos::ev::KeyboardEvent) -> bool {
    let modified = ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.shift_key();
    let on_control = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| el.closest("a, button, select").ok().flatten().is_some());
    ev.key() == "Enter" && !modified && !on_control
}

