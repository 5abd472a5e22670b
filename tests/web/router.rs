//! The app's routing (leptos_router, with redirects as `routes::GoTo` makes them): links navigate
//! without a page load, `:param` and query changes reach the page without rebuilding it,
//! back/forward follow, the same address again adds no history entry, redirects replace.

use crate::support::*;
use baton::i18n::Locale;
use baton::routes::GoTo;
use leptos::prelude::*;
use leptos_router::components::{Routes, Route};
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::{path, NavigateOptions};
use std::sync::atomic::{AtomicUsize, Ordering};
use wasm_bindgen_test::*;

/// How many times the item page was built.
static ITEM_BUILDS: AtomicUsize = AtomicUsize::new(0);

#[component]
fn Home() -> impl IntoView {
    view! {
        <a data-testid="to-item" href="/r/items/7?q=a%20b">"item"</a>
        <a data-testid="to-top" href="#top">"top"</a>
        <p data-testid="home">"home"</p>
    }
}

#[component]
fn Item() -> impl IntoView {
    ITEM_BUILDS.fetch_add(1, Ordering::SeqCst);
    let params = use_params_map();
    let query = use_query_map();
    let navigate = use_navigate();
    view! {
        <p data-testid="item-id">{move || params.read().get("id")}</p>
        <p data-testid="item-q">{move || query.read().get("q")}</p>
        <a data-testid="to-old" href="/r/old">"old"</a>
        <a data-testid="to-nowhere" href="/r/nowhere">"nowhere"</a>
        <button data-testid="next" on:click=move |_| navigate("/r/items/8", NavigateOptions::default())>"next"</button>
    }
}

fn path_and_query() -> String {
    let location = window().location();
    location.pathname().unwrap_or_default() + &location.search().unwrap_or_default()
}

/// Waits for `condition` over real time: back and forward reach the page as a `popstate` task,
/// later than the microtasks [`until`] waits through.
async fn until_popstate(what: &str, condition: impl Fn() -> bool) {
    for _ in 0..100 {
        if condition() {
            return;
        }
        let pause = js_sys::Promise::new(&mut |resolve, _| {
            let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(pause).await;
    }
    panic!("timed out waiting for: {what}");
}

fn replace_address(to: &str) {
    let history = window().history().expect("history");
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(to))
        .expect("replaceState");
}

#[wasm_bindgen_test]
async fn links_params_back_and_redirects() {
    let runner_page = path_and_query();
    replace_address("/r/home");
    // `mount` provides the `<Router>`.
    let page = mount(Locale::En, || {
        view! {
            <Routes fallback=|| view! { <p data-testid="nowhere">"none"</p> }>
                <Route path=path!("/r/home") view=Home />
                <Route path=path!("/r/items/:id") view=Item />
                <Route path=path!("/r/old") view=|| view! { <GoTo path="/r/home" /> } />
            </Routes>
        }
    });
    until("home", || page.find("[data-testid='home']").is_some()).await;

    // A same-page fragment stays the browser's: no route change.
    page.click("to-top");
    until("fragment", || window().location().hash().unwrap_or_default() == "#top").await;
    assert!(page.find("[data-testid='home']").is_some());

    // A link: the router's, no page load (this test would not survive one).
    ITEM_BUILDS.store(0, Ordering::SeqCst);
    page.click("to-item");
    until("item 7", || page.find("[data-testid='item-id']").is_some_and(|_| page.text("item-id") == "7")).await;
    assert_eq!(page.text("item-q"), "a b", "the query, decoded");
    // leptos_router writes a link's address once its page is ready (microtasks later).
    until("the item's address", || path_and_query() == "/r/items/7?q=a%20b").await;

    // Another id on the same route: the page stays, its params follow.
    page.click("next");
    until("item 8", || page.text("item-id") == "8").await;
    assert_eq!(page.text("item-q"), "");
    assert_eq!(ITEM_BUILDS.load(Ordering::SeqCst), 1, "built once for both ids");
    // The same address again adds no history entry: "back" below goes straight to item 7.
    page.click("next");

    // Back: popstate brings the previous address and its page.
    window().history().expect("history").back().expect("back");
    until_popstate("item 7 again", || page.text("item-id") == "7").await;
    window().history().expect("history").back().expect("back");
    until_popstate("home again", || page.find("[data-testid='home']").is_some()).await;

    // A redirect replaces the entry it was rendered for: "back" skips it.
    page.click("to-item");
    until("item 7", || page.find("[data-testid='item-id']").is_some()).await;
    page.click("to-old");
    until("redirected home", || page.find("[data-testid='home']").is_some()).await;
    assert_eq!(path_and_query(), "/r/home");
    window().history().expect("history").back().expect("back");
    until_popstate("item 7, not /r/old", || page.find("[data-testid='item-id']").is_some()).await;
    assert_eq!(path_and_query(), "/r/items/7?q=a%20b");

    // A path no route matches: the fallback.
    page.click("to-nowhere");
    until("fallback", || page.find("[data-testid='nowhere']").is_some()).await;
    drop(page);
    replace_address(&runner_page);
}

/// The app's routes: a signed-out click on a link to a signed-in page goes to the login page with
/// that page as `next`, and "back" returns to where the link was (no entry for the ticket's
/// address, which would redirect again).
#[wasm_bindgen_test]
async fn a_signed_out_link_to_a_ticket_logs_in_and_comes_back_to_it() {
    let runner_page = path_and_query();
    replace_address("/r/start");
    let page = mount(Locale::En, || {
        crate::fake_server::provide_app(None);
        view! {
            <a data-testid="to-ticket" href="/tickets/3">"ticket 3"</a>
            <baton::routes::AppRoutes />
        }
    });
    page.click("to-ticket");
    until_popstate("the login page", || path_and_query() == "/login?next=%2Ftickets%2F3").await;
    window().history().expect("history").back().expect("back");
    until_popstate("back where the link was", || path_and_query() == "/r/start").await;
    drop(page);
    replace_address(&runner_page);
}
