//! Which clicks on links the router takes over: a plain left click on an `<a href>` to a path of
//! this origin. Everything else is the browser's (new tab, modifier keys, `target`, `download`,
//! `rel="external"`, other origins, a `#fragment` on the same page, a handler that already
//! prevented the default).

use leptos::ev::MouseEvent;
use leptos::prelude::window;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// The path, query and fragment to navigate to, if this click is one the router handles.
pub(super) fn internal_target(ev: &MouseEvent) -> Option<String> {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.alt_key()
        || ev.ctrl_key()
        || ev.shift_key()
    {
        return None;
    }
    let target: Element = ev.target()?.dyn_into().ok()?;
    let link = target.closest("a[href]").ok()??;
    let target_attr = link.get_attribute("target").unwrap_or_default();
    let rel = link.get_attribute("rel").unwrap_or_default();
    if !(target_attr.is_empty() || target_attr == "_self")
        || link.has_attribute("download")
        || rel.split_ascii_whitespace().any(|r| r == "external")
    {
        return None;
    }
    let location = window().location();
    let url = web_sys::Url::new_with_base(&link.get_attribute("href")?, &location.href().ok()?).ok()?;
    if url.origin() != location.origin().ok()? {
        return None;
    }
    let same_page = url.pathname() == location.pathname().ok()?
        && url.search() == location.search().ok()?;
    if same_page && !url.hash().is_empty() {
        return None;
    }
    Some(url.pathname() + &url.search() + &url.hash())
}
