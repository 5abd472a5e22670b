//! The console's shell and dark mode (issue 15): at a phone's 390 px and a laptop's 1366 px, in
//! the light and the dark theme, the workspace list and an agent's ticket page fit the screen (no
//! sideways scrolling), show none of the help center's customer navigation, and pass axe (which
//! checks AA contrast); the help center passes axe in dark too. A click anywhere on a row, and
//! Enter on its checkbox, open the ticket while a click on the checkbox only ticks it; the
//! console's theme switch is remembered across a reload.

use baton_e2e::{browser::tid, ApiClient, Browser, Chromedriver, Stack, DEMO_PASSWORD};
use serde_json::json;
use std::time::{Duration, Instant};
use thirtyfour::{By, Key};

/// The two screens: a phone (390 × 844, touch) and a laptop (1366 × 900).
const SCREENS: [(i64, i64, bool); 2] = [(390, 844, true), (1366, 900, false)];

/// Lays pages out on a `width` × `height` CSS px screen (a phone's when `mobile`) and makes
/// `prefers-color-scheme` say `dark` or `light`, as Chromium's DevTools device mode does.
async fn emulate(b: &Browser, (width, height, mobile): (i64, i64, bool), dark: bool) {
    let dev = b.driver.cdp();
    let metrics = json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile });
    dev.send_raw("Emulation.setDeviceMetricsOverride", metrics).await.expect("device metrics");
    let scheme = if dark { "dark" } else { "light" };
    let media = json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] });
    dev.send_raw("Emulation.setEmulatedMedia", media).await.expect("emulated media");
}

/// The page's `[scrollWidth, clientWidth, innerWidth]`.
async fn widths(b: &Browser) -> Vec<i64> {
    let script = "const d = document.documentElement; return [d.scrollWidth, d.clientWidth, innerWidth];";
    serde_json::from_value(b.driver.execute(script, Vec::new()).await.expect("script").json().clone()).expect("widths")
}

/// Fails when the page is wider than the screen (it would scroll sideways), or when the
/// emulation did not take (so that this check cannot pass by measuring the wrong screen).
async fn assert_fits(b: &Browser, width: i64, page: &str) {
    let w = widths(b).await;
    assert_eq!(w[2], width, "{page}: the screen is not {width} px wide: {w:?}");
    assert!(w[0] <= w[1], "{page} scrolls sideways at {width} px: scrollWidth {} > clientWidth {}", w[0], w[1]);
}

/// Whether the page's background is dark (relative luminance of the body's background < 0.2).
async fn looks_dark(b: &Browser) -> bool {
    let script = "const m = getComputedStyle(document.body).backgroundColor.match(/[\\d.]+/g).map(Number);\
        const l = c => { c /= 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };\
        return 0.2126 * l(m[0]) + 0.7152 * l(m[1]) + 0.0722 * l(m[2]) < 0.2;";
    b.driver.execute(script, Vec::new()).await.expect("script").json() == &json!(true)
}

async fn assert_theme(b: &Browser, dark: bool, page: &str) {
    assert_eq!(looks_dark(b).await, dark, "{page}: the page is not in the {} theme", if dark { "dark" } else { "light" });
}

/// Waits until the address's path is `path`.
async fn wait_path(b: &Browser, path: &str) {
    let deadline = Instant::now() + baton_e2e::browser::WAIT;
    loop {
        let now = b.driver.current_url().await.expect("url").path().to_owned();
        if now == path {
            return;
        }
        assert!(Instant::now() < deadline, "at {now}, wanted {path}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// From wherever the workspace opened, the view of all tickets, by the rail: on a phone the rail
/// is folded first (its views hidden), and its button unfolds it.
async fn open_all_tickets(b: &Browser, phone: bool) {
    b.find("view-item").await;
    if phone {
        b.hidden("view-item").await;
        b.find_with("rail-toggle", "aria-expanded", "false").await.click().await.expect("unfold the rail");
        b.find_with("rail-toggle", "aria-expanded", "true").await;
    }
    b.find_with("view-item", "data-view-id", "all").await.click().await.expect("all tickets");
    wait_path(b, "/agent").await;
}

// Each screen and theme in a browser of its own, moving inside the app rather than loading pages:
// a browser stalls after a few full loads of pages with live streams (issue 16's note).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn console_fits_phones_and_laptops_in_both_themes() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let alice = ApiClient::login(&base, "alice@customer.test").await;
    let long = "A very long subject that a customer typed without thinking about narrow screens at all, \
                with_an_unbroken_identifier_like_this_one_that_never_wraps_anywhere";
    let id = alice.create_ticket(long).await;
    alice.create_ticket("Console: second").await;

    let chromedriver = Chromedriver::start().await;
    for screen in SCREENS {
        for dark in [false, true] {
            let what = format!("{} px, {}", screen.0, if dark { "dark" } else { "light" });
            let b = chromedriver.browser("en").await;
            emulate(&b, screen, dark).await;
            b.login(&base, "agent@baton.test", DEMO_PASSWORD).await;
            open_all_tickets(&b, screen.2).await;
            let row = b.find_with("ticket-row", "data-ticket-id", &id).await;
            assert_theme(&b, dark, &what).await;
            assert_fits(&b, screen.0, &format!("the workspace ({what})")).await;
            for customer_nav in ["nav-submit", "nav-my-tickets"] {
                assert!(b.driver.find_all(tid(customer_nav)).await.expect("query").is_empty(), "{customer_nav} in the console ({what})");
            }
            b.assert_accessible(&format!("the workspace ({what})")).await;

            row.find(By::Css("td.title a")).await.expect("the subject's link").click().await.expect("open");
            b.find_with("ticket-detail", "data-ticket-id", &id).await;
            b.find("reply-body").await;
            assert_fits(&b, screen.0, &format!("a ticket page ({what})")).await;
            assert!(b.driver.find_all(tid("nav-my-tickets")).await.expect("query").is_empty());
            b.assert_accessible(&format!("a ticket page ({what})")).await;
            b.quit().await;
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn help_center_passes_axe_in_dark_on_phones_and_laptops() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let alice = ApiClient::login(&base, "alice@customer.test").await;
    let id = alice.create_ticket("Dark: a ticket").await;

    let chromedriver = Chromedriver::start().await;
    for screen in SCREENS {
        let what = format!("{} px, dark", screen.0);
        let b = chromedriver.browser("en").await;
        emulate(&b, screen, true).await;
        b.goto(&stack.url("/kb")).await;
        b.find("kb-search").await;
        assert_theme(&b, true, &what).await;
        assert_fits(&b, screen.0, &format!("the help articles ({what})")).await;
        b.assert_accessible(&format!("the help articles ({what})")).await;
        b.goto(&stack.url("/login")).await;
        b.find("login-email").await;
        b.assert_accessible(&format!("the login page ({what})")).await;
        // Signed in, from page to page by the app's own links.
        b.login(&base, "alice@customer.test", DEMO_PASSWORD).await;
        let pages = [("nav-my-tickets", "ticket-row"), ("nav-submit", "ticket-form"), ("nav-my-tickets", "ticket-row")];
        for (link, testid) in pages {
            b.click(link).await;
            b.find(testid).await;
            assert_theme(&b, true, &what).await;
            assert_fits(&b, screen.0, &format!("{link} ({what})")).await;
            b.assert_accessible(&format!("{link} ({what})")).await;
        }
        b.find_with("ticket-row", "data-ticket-id", &id).await.click().await.expect("open the ticket");
        b.find_with("ticket-detail", "data-ticket-id", &id).await;
        assert_fits(&b, screen.0, &format!("a ticket page ({what})")).await;
        b.assert_accessible(&format!("a ticket page ({what})")).await;
        b.quit().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_row_opens_on_click_and_enter_and_its_checkbox_only_ticks() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let alice = ApiClient::login(&base, "alice@customer.test").await;
    let first = alice.create_ticket("Rows: first").await;
    let second = alice.create_ticket("Rows: second").await;

    let chromedriver = Chromedriver::start().await;
    for screen in SCREENS {
        let b = chromedriver.browser("en").await;
        emulate(&b, screen, false).await;
        b.login(&base, "agent@baton.test", DEMO_PASSWORD).await;
        open_all_tickets(&b, screen.2).await;
        // A click on the row away from its link (its status cell) opens the ticket.
        let row = b.find_with("ticket-row", "data-ticket-id", &first).await;
        row.find(By::Css("td[data-status]")).await.expect("status cell").click().await.expect("click the row");
        wait_path(&b, &format!("/agent/tickets/{first}")).await;
        b.find_with("ticket-detail", "data-ticket-id", &first).await;

        // Back in the list, a click on a checkbox ticks its row and stays.
        b.driver.back().await.expect("back");
        let row = b.find_with("ticket-row", "data-ticket-id", &second).await;
        let tick = row.find(tid("row-select")).await.expect("checkbox");
        tick.click().await.expect("tick");
        b.find("bulk-bar").await;
        b.wait_text("bulk-count", |t| t.contains('1')).await;
        wait_path(&b, "/agent").await;

        // Enter with the focus on a row's checkbox opens that row's ticket.
        tick.send_keys(Key::Enter).await.expect("enter");
        wait_path(&b, &format!("/agent/tickets/{second}")).await;
        b.find_with("ticket-detail", "data-ticket-id", &second).await;
        b.quit().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_theme_switch_is_remembered_across_a_reload() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;
    emulate(&b, SCREENS[1], false).await;
    b.login(&base, "agent@baton.test", DEMO_PASSWORD).await;
    b.goto(&stack.url("/agent")).await;
    b.find("view-item").await;
    assert_theme(&b, false, "the system's light").await;

    b.select("theme-switch", "dark").await;
    b.find_by(By::Css("html[data-theme='dark']")).await;
    assert_theme(&b, true, "chosen dark").await;
    b.driver.refresh().await.expect("reload");
    b.find("view-item").await;
    assert_theme(&b, true, "chosen dark, reloaded").await;
    let chosen = b.find("theme-switch").await.value().await.expect("value");
    assert_eq!(chosen.as_deref(), Some("dark"));
    b.assert_accessible("the workspace, chosen dark over a light system").await;

    // Back to the system's choice: the attribute goes, the page follows the system again.
    b.select("theme-switch", "system").await;
    b.gone_by(By::Css("html[data-theme]")).await;
    assert_theme(&b, false, "the system's again").await;
    b.quit().await;
}
