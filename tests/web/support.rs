//! The harness every browser test uses: mount a component with the app's contexts, find elements
//! by `data-testid`, act like a user (type, click, fire events) and wait for the DOM to follow.

use baton::i18n::Locale;
use baton::state::locale::I18n;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

/// A mounted component in its own `<div>`; unmounted and removed when dropped.
pub struct Mounted {
    root: HtmlElement,
    /// The mount's reactive owner, cleaned up when the test is done with it.
    owner: Option<Owner>,
    _handle: Box<dyn std::any::Any>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        // leptos_router keeps the first router's owner alive (its server-redirect hook is set
        // once per page); cleaning up removes that router's window listeners, which would take
        // the next tests' link clicks.
        if let Some(owner) = self.owner.take() {
            owner.cleanup();
        }
        self.root.remove();
    }
}

impl Mounted {
    pub fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).expect("valid selector")
    }

    pub fn get(&self, selector: &str) -> Element {
        self.find(selector)
            .unwrap_or_else(|| panic!("no element {selector} in {}", self.root.inner_html()))
    }

    pub fn testid(&self, id: &str) -> Element {
        self.get(&format!("[data-testid='{id}']"))
    }

    pub fn all(&self, selector: &str) -> Vec<Element> {
        let list = self
            .root
            .query_selector_all(selector)
            .expect("valid selector");
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<Element>().ok())
            .collect()
    }

    pub fn click(&self, id: &str) {
        self.testid(id).unchecked_into::<HtmlElement>().click();
    }

    pub fn text(&self, id: &str) -> String {
        self.testid(id)
            .text_content()
            .unwrap_or_default()
            .trim()
            .to_owned()
    }

    pub fn text_of_all(&self, selector: &str) -> Vec<String> {
        self.all(selector)
            .iter()
            .map(|e| e.text_content().unwrap_or_default().trim().to_owned())
            .collect()
    }

    pub fn field_error(&self, field: &str) -> Option<Element> {
        self.find(&format!(
            "[data-testid='field-error'][data-field='{field}']"
        ))
    }
}

/// Mounts `view` with the locale context in `locale` and a router, as the app's root provides them.
pub fn mount<V: IntoView + 'static>(locale: Locale, view: impl FnOnce() -> V + 'static) -> Mounted {
    let document = document();
    let root: HtmlElement = document
        .create_element("div")
        .expect("div")
        .unchecked_into();
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    // As the agent workspace's app does; the help center's leaves them out of its bundle.
    baton::i18n::agent::register();
    // Inside a `<Router>`, as every app renders its pages.
    let owner = std::rc::Rc::new(std::cell::Cell::new(None));
    let mount_owner = owner.clone();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        mount_owner.set(Owner::current());
        I18n::provide(locale);
        // The router's children must be `Send`; `view` is built once, inside it.
        let view = StoredValue::new_local(Some(view));
        view! {
            <leptos_router::components::Router>
                {view.try_update_value(Option::take).flatten().map(|view| view())}
            </leptos_router::components::Router>
        }
    });
    Mounted {
        root,
        owner: owner.take(),
        _handle: Box::new(handle),
    }
}

/// Lets the reactive system run until `condition` holds (or fails the test after many ticks).
pub async fn until(what: &str, condition: impl Fn() -> bool) {
    for _ in 0..100 {
        if condition() {
            return;
        }
        tick().await;
    }
    panic!("timed out waiting for: {what}");
}

/// Types `value` into an input or textarea as a user would (value, then a bubbling `input`).
pub fn type_into(el: &Element, value: &str) {
    if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(area) = el.dyn_ref::<HtmlTextAreaElement>() {
        area.set_value(value);
    }
    fire(el, "input");
}

pub fn fire(el: &Element, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict(kind, &init).expect("event");
    el.dispatch_event(&event).expect("dispatch");
}

pub fn value_of(el: &Element) -> String {
    el.dyn_ref::<HtmlInputElement>()
        .map(HtmlInputElement::value)
        .or_else(|| {
            el.dyn_ref::<HtmlTextAreaElement>()
                .map(HtmlTextAreaElement::value)
        })
        .or_else(|| el.dyn_ref::<web_sys::HtmlSelectElement>().map(web_sys::HtmlSelectElement::value))
        .unwrap_or_default()
}

/// Chooses a value in a `<select>` as a user would (value, then a bubbling `change`).
pub fn choose(el: &Element, value: &str) {
    if let Some(select) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.set_value(value);
    }
    fire(el, "change");
}

/// Ticks or unticks a checkbox or radio button (then a bubbling `change`).
pub fn check(el: &Element, on: bool) {
    if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
        input.set_checked(on);
    }
    fire(el, "change");
}

/// Picks files (name, text content) in a file input, as a user would with the file chooser.
pub fn pick_files(el: &Element, files: &[(&str, &str)]) {
    let transfer = web_sys::DataTransfer::new().expect("DataTransfer");
    for (name, text) in files {
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
        let file = web_sys::File::new_with_str_sequence(&parts, name).expect("file");
        transfer.items().add_with_file(&file).expect("add file");
    }
    el.unchecked_ref::<HtmlInputElement>()
        .set_files(transfer.files().as_ref());
    fire(el, "change");
}

/// The value of a `<select>` or input.
pub fn selected(el: &Element) -> String {
    el.dyn_ref::<web_sys::HtmlSelectElement>()
        .map(web_sys::HtmlSelectElement::value)
        .unwrap_or_else(|| value_of(el))
}

/// The `value`s of a `<select>`'s options, placeholder included.
pub fn option_values(el: &Element) -> Vec<String> {
    let options = el.query_selector_all("option").expect("options");
    (0..options.length())
        .filter_map(|i| options.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .map(|o| o.get_attribute("value").unwrap_or_default())
        .collect()
}

/// Whether `el` or an ancestor is `hidden`.
pub fn hidden(el: &Element) -> bool {
    el.closest("[hidden]").ok().flatten().is_some()
}
