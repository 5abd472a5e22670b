//! Prefilling the submit form from the host (`Baton.prefill({title, type})`).
//!
// The form is driven through its public selectors (`ticket-title`, `ticket-type`), as a user
// or the browser's autofill would: the form and its draft keep owning their state, and the
// widget needs no second way into them.

use wasm_bindgen::JsCast;
use web_sys::{Event, EventInit, HtmlInputElement, HtmlSelectElement};

/// What the host asked to fill in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prefill {
    pub title: Option<String>,
    pub ticket_type: Option<i64>,
}

/// Animation frames to wait for the form (and its type list) to appear: about five seconds.
const FRAMES: u32 = 300;

/// Fills the form once its fields exist.
pub fn apply(prefill: Prefill) {
    step(prefill, FRAMES);
}

fn step(mut prefill: Prefill, frames: u32) {
    if let Some(title) = prefill.title.take() {
        match element::<HtmlInputElement>("ticket-title") {
            Some(input) => {
                input.set_value(&title);
                dispatch(&input, "input");
            }
            None => prefill.title = Some(title),
        }
    }
    if let Some(id) = prefill.ticket_type {
        // The options arrive with the tenant's types: done once the value sticks.
        if let Some(select) = element::<HtmlSelectElement>("ticket-type") {
            select.set_value(&id.to_string());
            if select.value() == id.to_string() {
                dispatch(&select, "change");
                prefill.ticket_type = None;
            }
        }
    }
    let done = prefill.title.is_none() && prefill.ticket_type.is_none();
    if !done && frames > 0 {
        leptos::prelude::request_animation_frame(move || step(prefill, frames - 1));
    }
}

fn element<T: JsCast>(testid: &str) -> Option<T> {
    leptos::prelude::document()
        .query_selector(&format!("[data-testid='{testid}']"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<T>().ok())
}

fn dispatch(target: &web_sys::EventTarget, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    if let Ok(event) = Event::new_with_event_init_dict(kind, &init) {
        let _ = target.dispatch_event(&event);
    }
}
