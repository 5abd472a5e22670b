//! Helpers of the widget tests: host-signed SSO tokens, the admin's allow-list, and reading the
//! host page — the loader's shadow root and what the page recorded — from the WebDriver side.

use crate::browser::WAIT;
use crate::{ApiClient, Browser, Stack};
use jsonwebtoken::{encode, EncodingKey, Header};
use serde_json::{json, Value};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Makes every token's jti unique, even for two tokens signed within the same second.
static NEXT_JTI: AtomicU64 = AtomicU64::new(0);
use thirtyfour::prelude::*;

pub const SECRET: &str = baton_server::demo::SSO_SECRET;

pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

/// A token for host user `sub`, signed with the demo tenant's secret, `exp` seconds from now.
pub fn token(sub: &str, name: &str, exp_in: i64) -> String {
    let claims = json!({
        "sub": sub, "email": format!("{sub}@shop.test"), "name": name,
        "exp": now() + exp_in, "jti": format!("{sub}-{}-{}", now(), NEXT_JTI.fetch_add(1, Ordering::Relaxed)),
    });
    encode(
        &Header::default(),
        &claims,
        &EncodingKey::from_secret(SECRET.as_bytes()),
    )
    .expect("sign")
}

/// Lets `origins` embed the demo tenant's widget, through the admin API as an admin would.
pub async fn allow(stack: &Stack, origins: &[String]) {
    let admin = ApiClient::login(&stack.base_url(), "admin@baton.test").await;
    let (status, body) = admin
        .put("/api/v1/admin/sso/origins", json!({ "origins": origins }))
        .await;
    assert_eq!(status, 200, "{body}");
}

/// Runs `script` until it returns something other than null; that value.
pub async fn until(b: &Browser, what: &str, script: &str) -> ScriptRet {
    let deadline = Instant::now() + WAIT;
    loop {
        let ret = b.driver.execute(script, Vec::new()).await.expect("script");
        if !ret.json().is_null() {
            return ret;
        }
        assert!(Instant::now() < deadline, "waited for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The element with `testid` inside the loader's shadow root.
pub async fn in_shadow(b: &Browser, testid: &str) -> WebElement {
    let script = format!(
        "const h = document.querySelector('[data-baton]');\
         return h && h.shadowRoot.querySelector(\"[data-testid='{testid}']\");"
    );
    until(b, testid, &script).await.element().expect("element")
}

pub async fn eval(b: &Browser, script: &str) -> Value {
    b.driver
        .execute(script, Vec::new())
        .await
        .expect("script")
        .json()
        .clone()
}

/// What the host page recorded of the loader's events.
pub async fn events(b: &Browser) -> Vec<Value> {
    eval(b, "return window.batonEvents;")
        .await
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// The demo desk's "Technical issue" type and its "Site is down" sub-type (no required fields).
pub async fn technical_issue(stack: &Stack) -> (i64, i64) {
    let alice = ApiClient::login(&stack.base_url(), "alice@customer.test").await;
    let (status, body) = alice.get("/api/v1/ticket-types").await;
    assert_eq!(status, 200, "{body}");
    let types = body
        .as_array()
        .cloned()
        .or_else(|| body["items"].as_array().cloned())
        .unwrap_or_default();
    let named = |v: &Value, en: &str| v["name"]["en"] == en;
    let t = types
        .iter()
        .find(|t| named(t, "Technical issue"))
        .expect("the demo type");
    let sub = t["subtypes"]
        .as_array()
        .and_then(|s| s.iter().find(|s| named(s, "Site is down")).cloned())
        .expect("sub-type");
    (
        t["id"].as_i64().unwrap_or_default(),
        sub["id"].as_i64().unwrap_or_default(),
    )
}
