//! Moving keyboard focus where the user needs to look next.

use leptos::prelude::document;
use wasm_bindgen::JsCast;

/// Focuses the element with `id`, if it exists and can take focus.
pub fn focus_id(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        // Focusing only fails for detached elements; then there is nothing to do.
        let _ = el.focus();
    }
}
