//! A host site for the widget tests: one static HTML page served on its own loopback port, so it
//! is another origin than the Baton server (another port) — and another site too when the test
//! opens it as `localhost` while Baton is `127.0.0.1`, which is what third-party cookie
//! blocking keys on.

use axum::response::Html;
use axum::routing::get;
use axum::Router;
use std::net::SocketAddr;
use tokio::task::JoinHandle;

/// A page being served until dropped.
pub struct HostSite {
    addr: SocketAddr,
    task: JoinHandle<()>,
}

impl HostSite {
    /// Serves `page` at `/`.
    pub async fn start(page: String) -> HostSite {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind a host port");
        let addr = listener.local_addr().expect("host address");
        let app = Router::new().route("/", get(move || async move { Html(page) }));
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        HostSite { addr, task }
    }

    /// The page's origin under `hostname` (`127.0.0.1` or `localhost`).
    pub fn origin(&self, hostname: &str) -> String {
        format!("http://{hostname}:{}", self.addr.port())
    }
}

impl Drop for HostSite {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// A host page with the loader tag for `baton` (the Baton server's origin) and the `tenant`,
/// with `attributes` added to the tag (e.g. `data-token="…"`). It records, for the test to read:
/// `window.batonEvents` (every `baton:*` event with its detail), `window.hostErrors` (errors and
/// `console.error`s) and `window.globalsBefore` (the globals before the loader ran). Its own CSS
/// styles every button red, which must not reach the launcher.
pub fn page(baton: &str, tenant: &str, attributes: &str) -> String {
    format!(
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host shop</title>
<script>
window.hostErrors = []; window.batonEvents = [];
window.addEventListener('error', function (e) {{ hostErrors.push(String(e.message)); }});
var realError = console.error;
console.error = function () {{ hostErrors.push([].slice.call(arguments).join(' ')); realError.apply(console, arguments); }};
['opened', 'closed', 'ticket-created', 'token-expired', 'sign-in-failed'].forEach(function (n) {{
  window.addEventListener('baton:' + n, function (e) {{ batonEvents.push(Object.assign({{ name: n }}, e.detail)); }});
}});
window.globalsBefore = Object.keys(window);
</script>
<style>button {{ color: red !important; background: yellow !important; }}</style>
</head><body>
<h1>Host shop</h1>
<button id="host-button" type="button">Host button</button>
<script src="{baton}/widget.js" data-tenant="{tenant}" data-locale="en" {attributes} async></script>
</body></html>"#
    )
}

/// A page that frames the widget document directly, without the loader.
pub fn framing_page(baton: &str, tenant: &str) -> String {
    format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Framer</title></head>
<body><iframe id="direct" title="direct" src="{baton}/widget?tenant={tenant}&origin=x"></iframe></body></html>"#
    )
}
