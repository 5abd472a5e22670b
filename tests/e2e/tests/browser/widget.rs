//! The embeddable widget on a host site of another origin and site, in real headless Chromium
//! against the real server: the loader stays idle until opened, the host's signed-in user
//! submits a ticket through single sign-on, with third-party cookies allowed and blocked; the
//! agent sees it with channel `widget`, the host hears `ticket-created`.

use baton_e2e::host::{page, HostSite};
use baton_e2e::widget::{allow, eval, events, in_shadow, technical_issue, token, until};
use baton_e2e::{ApiClient, Browser, Chromedriver, Stack};
use serde_json::{json, Value};
use thirtyfour::prelude::*;

/// The whole journey. The host page is `127.0.0.1:<its port>` and loads Baton as
/// `localhost:<port>`: another origin and another site, so the widget's frame is a third party
/// whose cookies the browser allows or (`blocked`) blocks.
async fn submit_through_the_widget(b: &Browser, stack: &Stack, blocked: bool) {
    let name = if blocked { "Blocked Bea" } else { "Widget Wen" };
    let sub = if blocked { "shop-bea" } else { "shop-wen" };
    let attrs = format!(
        r##"data-token="{}" data-color="#0a7d33""##,
        token(sub, name, 300)
    );
    let baton = stack.base_url().replace("127.0.0.1", "localhost");
    let host = HostSite::start(page(&baton, "demo", &attrs)).await;
    allow(stack, &[host.origin("127.0.0.1")]).await;
    b.goto(&format!("{}/", host.origin("127.0.0.1"))).await;

    // Until opened: one button, nothing fetched but the loader, one new global, no leaked CSS.
    let launcher = in_shadow(b, "baton-launcher").await;
    // (What the host page itself loads, such as its favicon, is not ours to count.)
    let fetched = eval(
        b,
        "return performance.getEntriesByType('resource').map(e => e.name)\
        .filter(n => !n.startsWith(location.origin));",
    )
    .await;
    assert_eq!(
        fetched,
        json!([format!("{baton}/widget.js")]),
        "before opening"
    );
    // (globalsBefore is the host page's own; ret_nodes is left by the WebDriver client.)
    let globals = eval(
        b,
        "return Object.keys(window).filter(k => !globalsBefore.includes(k)\
        && k !== 'globalsBefore' && k !== 'ret_nodes');",
    )
    .await;
    assert_eq!(globals, json!(["Baton"]));
    assert_eq!(
        launcher.css_value("color").await.expect("css"),
        "rgba(255, 255, 255, 1)"
    );
    let host_button = b
        .driver
        .find(By::Id("host-button"))
        .await
        .expect("host button");
    assert_eq!(
        host_button
            .css_value("background-color")
            .await
            .expect("css"),
        "rgba(255, 255, 0, 1)"
    );

    // The host prefills a title and a type, then the user opens the widget.
    let (type_id, subtype_id) = technical_issue(stack).await;
    let prefill =
        format!("Baton.prefill({{ title: 'Order 1042 never arrived', type: {type_id} }});");
    b.driver
        .execute(&prefill, Vec::new())
        .await
        .expect("prefill");
    launcher.click().await.expect("open");
    let frame = in_shadow(b, "baton-frame").await;
    until(
        b,
        "opened",
        "return batonEvents.find(e => e.name === 'opened') || null;",
    )
    .await;
    // Messages that do not come from the widget's frame are ignored: these would otherwise add a
    // ticket-created event and close the panel (the events are checked exactly below).
    b.driver
        .execute(
            "window.postMessage({ baton: 'ticket-created', id: 999, number: 999 }, '*');\
             window.postMessage({ baton: 'close' }, '*');",
            Vec::new(),
        )
        .await
        .expect("forged messages");
    frame.clone().enter_frame().await.expect("into the widget");
    b.find("ticket-form").await;
    b.wait_text("current-user", |t| t == name).await;
    // The browser's setting is in force in this third-party frame: a cookie sticks (and storage
    // access is granted) exactly when third-party cookies are allowed. The widget needs neither.
    let probe = b.driver.execute_async("const done = arguments[0];\
        document.cookie = 'probe=1; SameSite=None; Secure';\
        document.hasStorageAccess().then(access => done({ cookie: document.cookie.includes('probe'), access }));",
        Vec::new()).await.expect("probe");
    assert_eq!(
        probe.json(),
        &json!({ "cookie": !blocked, "access": !blocked }),
        "third-party cookies"
    );
    let title = until(
        b,
        "the prefilled title",
        "const e = document.querySelector(\"[data-testid='ticket-title']\");\
        return e && e.value ? e.value : null;",
    )
    .await;
    assert_eq!(title.json(), "Order 1042 never arrived");
    let chosen = until(
        b,
        "the prefilled type",
        "const e = document.querySelector(\"[data-testid='ticket-type']\");\
        return e && e.value ? e.value : null;",
    )
    .await;
    assert_eq!(chosen.json(), &json!(type_id.to_string()));
    let subtype = b.find("ticket-subtype").await;
    thirtyfour::components::SelectElement::new(&subtype)
        .await
        .expect("select")
        .select_by_value(&subtype_id.to_string())
        .await
        .expect("choose the sub-type");
    b.assert_accessible("the widget's submit form").await;
    let cost = eval(b, "const all = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];\
        return { requests: all.length, transfer: all.reduce((s, e) => s + e.transferSize, 0),\
                 names: all.map(e => e.name.replace(location.origin, '')) };").await;
    eprintln!("widget open cost inside the frame (blocked={blocked}): {cost}");
    b.type_into(
        "ticket-description",
        "The parcel tracking stopped a week ago.",
    )
    .await;
    b.click("ticket-submit").await;
    let detail = b.find_with("ticket-detail", "data-status", "new").await;
    let id = detail
        .attr("data-ticket-id")
        .await
        .expect("attr")
        .expect("ticket id");

    // Back on the host page: the event arrived; the widget closes with Escape, focus returns.
    b.driver
        .enter_default_frame()
        .await
        .expect("back to the host");
    let created = until(
        b,
        "ticket-created",
        "return batonEvents.find(e => e.name === 'ticket-created') || null;",
    )
    .await;
    assert_eq!(created.json()["id"].to_string(), id);
    frame.clone().enter_frame().await.expect("into the widget");
    b.find("reply-body")
        .await
        .send_keys(Key::Escape)
        .await
        .expect("escape");
    b.driver
        .enter_default_frame()
        .await
        .expect("back to the host");
    until(
        b,
        "closed",
        "return batonEvents.find(e => e.name === 'closed') || null;",
    )
    .await;
    let focused = eval(
        b,
        "return document.activeElement.shadowRoot.activeElement.dataset.testid;",
    )
    .await;
    assert_eq!(focused, "baton-launcher");
    let names: Vec<Value> = events(b).await.iter().map(|e| e["name"].clone()).collect();
    assert_eq!(
        names,
        [json!("opened"), json!("ticket-created"), json!("closed")]
    );
    assert_eq!(
        eval(b, "return hostErrors;").await,
        json!([]),
        "errors in the host's console"
    );

    // At 360 px the panel takes the whole screen and the widget fits it; its own button closes it.
    b.driver
        .set_window_rect(0, 0, 360, 740)
        .await
        .expect("resize");
    b.driver
        .execute("Baton.open();", Vec::new())
        .await
        .expect("open again");
    let fits = eval(
        b,
        "const r = document.querySelector('[data-baton]').shadowRoot\
        .querySelector(\"[data-testid='baton-frame']\").getBoundingClientRect();\
        return [Math.round(r.width), innerWidth, Math.round(r.height), innerHeight];",
    )
    .await;
    assert_eq!(
        fits[0], fits[1],
        "the panel is as wide as the screen: {fits}"
    );
    assert_eq!(
        fits[2], fits[3],
        "the panel is as high as the screen: {fits}"
    );
    frame.clone().enter_frame().await.expect("into the widget");
    let overflow = eval(
        b,
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
    )
    .await;
    assert_eq!(overflow, json!(0), "the widget scrolls sideways at 360 px");
    b.click("widget-close").await;
    b.driver
        .enter_default_frame()
        .await
        .expect("back to the host");
    until(
        b,
        "closed again",
        "return batonEvents.filter(e => e.name === 'closed').length === 2 || null;",
    )
    .await;

    // The agent sees it, from the widget, requested by the host's user.
    let agent = ApiClient::login(&stack.base_url(), "agent@baton.test").await;
    let (status, ticket) = agent.get(&format!("/api/v1/tickets/{id}")).await;
    assert_eq!(status, 200, "{ticket}");
    assert_eq!(
        (
            ticket["channel"].as_str(),
            ticket["requester"]["name"].as_str()
        ),
        (Some("widget"), Some(name))
    );
    assert_eq!(ticket["title"], "Order 1042 never arrived");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_host_user_submits_a_ticket_through_the_widget() {
    let stack = Stack::start().await;
    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;
    submit_through_the_widget(&b, &stack, false).await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_widget_works_with_third_party_cookies_blocked() {
    let stack = Stack::start().await;
    let chromedriver = Chromedriver::start().await;
    let b = chromedriver
        .browser_blocking_third_party_cookies("en")
        .await;
    submit_through_the_widget(&b, &stack, true).await;
    b.quit().await;
}
