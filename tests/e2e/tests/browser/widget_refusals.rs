//! The widget refuses what it must: a host origin not on the tenant's list cannot open or frame
//! it, and expired, wrongly signed or replayed SSO tokens are refused, in the widget and by the API.

use baton_e2e::host::{framing_page, page, HostSite};
use baton_e2e::widget::{allow, eval, in_shadow, now, token, until};
use baton_e2e::{Chromedriver, Stack};
use jsonwebtoken::{encode, EncodingKey, Header};
use serde_json::{json, Value};
use thirtyfour::prelude::*;

/// A site that is not on the list: the loader refuses to open, and framing the widget document
/// directly is blocked by its `frame-ancestors`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_origin_not_on_the_allow_list_cannot_frame_the_widget() {
    let stack = Stack::start().await;
    allow(&stack, &["https://shop.example".to_owned()]).await;
    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;
    let host = HostSite::start(page(&stack.base_url(), "demo", "")).await;
    b.goto(&format!("{}/", host.origin("127.0.0.1"))).await;
    in_shadow(&b, "baton-launcher")
        .await
        .click()
        .await
        .expect("click");
    until(
        &b,
        "the launcher to go",
        "return document.querySelector('[data-baton]') ? null : true;",
    )
    .await;
    assert_eq!(
        eval(&b, "return document.querySelectorAll('iframe').length;").await,
        json!(0)
    );

    let framer = HostSite::start(framing_page(&stack.base_url(), "demo")).await;
    b.goto(&format!("{}/", framer.origin("127.0.0.1"))).await;
    let frame = b.driver.find(By::Id("direct")).await.expect("iframe");
    frame.enter_frame().await.expect("into the frame");
    // Chromium replaces a refused frame with its own error page.
    let href = until(&b, "the frame to settle", "return document.readyState === 'complete' && location.href !== 'about:blank' ? location.href : null;").await;
    let href = href.json().as_str().unwrap_or_default().to_owned();
    assert!(
        href.starts_with("chrome-error:"),
        "the widget rendered in a foreign frame: {href}"
    );
    b.quit().await;
}

/// Expired, wrongly signed and replayed tokens: the widget shows why and tells the host; the
/// server refuses each with its code.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_tokens_are_refused() {
    let stack = Stack::start().await;
    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;
    let expired = token("shop-old", "Old Olly", -120);
    let host = HostSite::start(page(
        &stack.base_url(),
        "demo",
        &format!(r#"data-token="{expired}""#),
    ))
    .await;
    allow(&stack, &[host.origin("127.0.0.1")]).await;
    b.goto(&format!("{}/", host.origin("127.0.0.1"))).await;
    in_shadow(&b, "baton-launcher")
        .await
        .click()
        .await
        .expect("open");
    let failed = until(
        &b,
        "sign-in-failed",
        "return batonEvents.find(e => e.name === 'sign-in-failed') || null;",
    )
    .await;
    assert_eq!(failed.json()["code"], "sso_expired");
    in_shadow(&b, "baton-frame")
        .await
        .enter_frame()
        .await
        .expect("into the widget");
    b.find("widget-gate").await;
    b.driver.enter_default_frame().await.expect("back");

    let http = reqwest::Client::new();
    let exchange = |token: String| {
        http.post(stack.url("/api/v1/session/jwt"))
            .json(&json!({ "tenant": "demo", "token": token }))
            .send()
    };
    let code = |res: reqwest::Response| async move {
        let status = res.status().as_u16();
        (
            status,
            res.json::<Value>().await.unwrap_or_default()["code"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
        )
    };
    let good = token("shop-once", "Once Only", 300);
    assert_eq!(exchange(good.clone()).await.expect("send").status(), 200);
    assert_eq!(
        code(exchange(good).await.expect("send")).await,
        (401, "sso_replayed".to_owned())
    );
    assert_eq!(
        code(exchange(expired).await.expect("send")).await,
        (401, "sso_expired".to_owned())
    );
    let forged = encode(
        &Header::default(),
        &json!({"sub": "x", "email": "x@shop.test", "name": "X", "exp": now() + 60, "jti": "f"}),
        &EncodingKey::from_secret(b"forged"),
    )
    .expect("sign");
    assert_eq!(
        code(exchange(forged).await.expect("send")).await,
        (401, "sso_bad_signature".to_owned())
    );
    b.quit().await;
}
