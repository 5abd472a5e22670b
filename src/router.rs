//! Client-side routing for both bundles: the History API, one click listener for same-origin
//! links, and a table of path patterns per bundle ([`Routes`]).
//!
//! Why not leptos_router: its nested, typed route matching was 67 KB of the help center's 1,033 KB
//! of wasm (twiggy) for eight flat routes; this module does what those routes need — `:param`
//! segments, the query string, push/replace, back/forward, link interception — in a few KB, and
//! keeps leptos_router's names (`use_navigate`, `use_query_map`, `use_params_map`,
//! `use_location`, `Redirect`) so pages read the same.

mod link;
mod matching;

pub use matching::Params;

use leptos::prelude::*;
use matching::{current_href, Href};

/// The current address, provided by [`Router`].
#[derive(Clone, Copy)]
struct Here(RwSignal<Href>);

fn here() -> RwSignal<Href> {
    match use_context::<Here>() {
        Some(Here(href)) => href,
        // Outside a router (component tests): the address as it is, never changing.
        None => RwSignal::new(current_href()),
    }
}

/// Keeps the current address in a signal: updated by [`use_navigate`], by links (see
/// [`link`]) and by the browser's back and forward buttons.
#[component]
pub fn Router(children: Children) -> impl IntoView {
    let href = RwSignal::new(current_href());
    provide_context(Here(href));
    let popstate = window_event_listener(leptos::ev::popstate, move |_| href.set(current_href()));
    let click = window_event_listener(leptos::ev::click, move |ev| {
        if let Some(to) = link::internal_target(&ev) {
            ev.prevent_default();
            go(href, &to, NavigateOptions::default());
        }
    });
    on_cleanup(move || {
        popstate.remove();
        click.remove();
    });
    children()
}

/// How [`use_navigate`] moves: `replace` overwrites the current history entry instead of adding
/// one; `scroll` goes to the top of the new page (the default, as a page load would).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NavigateOptions {
    pub replace: bool,
    pub scroll: bool,
}

impl Default for NavigateOptions {
    fn default() -> Self {
        NavigateOptions {
            replace: false,
            scroll: true,
        }
    }
}

/// Moves to `to` (a path of this origin, with query and hash) without a page load.
pub fn use_navigate() -> impl Fn(&str, NavigateOptions) + Clone + 'static {
    let href = here();
    move |to: &str, options: NavigateOptions| go(href, to, options)
}

fn go(href: RwSignal<Href>, to: &str, options: NavigateOptions) {
    let Ok(history) = window().history() else {
        return;
    };
    // The same address again adds no history entry (a second click on the current link).
    let replace = options.replace || href.with_untracked(|h| h.full() == to);
    let written = if replace {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(to))
    } else {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(to))
    };
    if written.is_err() {
        return;
    }
    href.set(current_href());
    if options.scroll && !to.contains('#') {
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Navigates to `path` when rendered, replacing the current history entry (so "back" does not
/// land on the redirect again). Deferred to a microtask: a redirect is rendered while the routes
/// are, and must not change the address in the middle of that.
#[component]
pub fn Redirect(#[prop(into)] path: String) -> impl IntoView {
    let navigate = use_navigate();
    queue_microtask(move || {
        navigate(
            &path,
            NavigateOptions {
                replace: true,
                ..NavigateOptions::default()
            },
        )
    });
}

/// The parts of the current address, each a signal of its own.
#[derive(Clone, Copy)]
pub struct Location {
    /// The path, e.g. `/tickets/3`.
    pub pathname: Memo<String>,
    /// The query string without its `?`.
    pub search: Memo<String>,
    /// The fragment with its `#`, or empty.
    pub hash: Memo<String>,
}

pub fn use_location() -> Location {
    let href = here();
    Location {
        pathname: Memo::new(move |_| href.with(|h| h.path.clone())),
        search: Memo::new(move |_| href.with(|h| h.search.clone())),
        hash: Memo::new(move |_| href.with(|h| h.hash.clone())),
    }
}

/// The query string's parameters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query(String);

impl Query {
    /// The (decoded) value of `key`, the first if it is given twice.
    pub fn get(&self, key: &str) -> Option<String> {
        web_sys::UrlSearchParams::new_with_str(&self.0)
            .ok()
            .and_then(|params| params.get(key))
    }
}

pub fn use_query_map() -> Memo<Query> {
    let href = here();
    Memo::new(move |_| href.with(|h| Query(h.search.clone())))
}

/// The `:name` segments of the route being shown (see [`Routes`]).
pub fn use_params_map() -> Memo<Params> {
    match use_context::<Memo<Params>>() {
        Some(params) => params,
        None => Memo::new(|_| Params::default()),
    }
}

/// One route: a path pattern (`/tickets/:id`) and the page it shows.
pub struct Route {
    pattern: &'static str,
    view: fn() -> AnyView,
}

impl Route {
    pub const fn new(pattern: &'static str, view: fn() -> AnyView) -> Route {
        Route { pattern, view }
    }
}

/// Shows the first of `routes` whose pattern matches the current path, else `fallback`. The page
/// is built again only when another route matches; a change of `:param` (`/tickets/3` →
/// `/tickets/4`) or of the query reaches it through [`use_params_map`] and [`use_query_map`].
#[component]
pub fn Routes(routes: &'static [Route], #[prop(into)] fallback: ViewFn) -> impl IntoView {
    let href = here();
    let matched = Memo::new(move |_| {
        href.with(|h| {
            routes
                .iter()
                .enumerate()
                .find_map(|(i, route)| matching::matches(route.pattern, &h.path).map(|p| (i, p)))
        })
    });
    let chosen = Memo::new(move |_| matched.with(|m| m.as_ref().map(|(i, _)| *i)));
    provide_context(Memo::new(move |_| {
        matched.with(|m| m.as_ref().map(|(_, p)| p.clone()).unwrap_or_default())
    }));
    crate::components::ui::dynamic(move || match chosen.get() {
        Some(i) => (routes[i].view)(),
        None => fallback.run(),
    })
}
