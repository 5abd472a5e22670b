//! The app running as the embeddable widget (`/widget?tenant=…&origin=…`, framed by the loader
//! `public/widget.js` on a host site): who embeds us, and the `postMessage` protocol with the
//! loader. Present as context only in the widget; the help center never provides it.
//!
//! Both directions are origin-checked: we post only to the host origin the loader named, after
//! checking it against the tenant's allowed origins from the server; we accept messages only
//! from that origin and from our parent window. A page that frames us under another name gets
//! nothing, and any other page's messages are ignored.

use crate::api::json;
use serde::Serialize;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::MessageEvent;

/// What the loader tells the widget: `{"baton":"identify","token":…}`,
/// `{"baton":"prefill","title":…,"type":…}`, `{"baton":"opened"}` (see [`FromHost::from_json`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FromHost {
    /// The host's SSO token (a JWT), or none when the visitor is not signed in on the host.
    Identify { token: Option<String> },
    /// Fill the submit form: a title and a ticket type id.
    Prefill {
        title: Option<String>,
        ticket_type: Option<i64>,
    },
    /// The panel was opened: take the keyboard focus.
    Opened,
}

impl FromHost {
    /// The message in `data` (JSON data, as `JSON.parse` gives it): an object whose `baton` names
    /// the kind; absent or `null` fields are `None`, a field of the wrong type refuses the whole
    /// message, other fields are ignored (what serde's `#[serde(tag = "baton")]` did). By hand,
    /// because serde's internally tagged enums buffer the message first: ~10 KB of wasm.
    pub fn from_json(data: &JsValue) -> Option<FromHost> {
        if !data.is_object() || js_sys::Array::is_array(data) {
            return None;
        }
        // `Some(None)` for absent or null, `None` for a value that is there but not wanted.
        let field = |name: &str| {
            let value = js_sys::Reflect::get(data, &JsValue::from_str(name)).ok()?;
            Some((!value.is_null() && !value.is_undefined()).then_some(value))
        };
        let text = |name: &str| match field(name)? {
            Some(value) => value.as_string().map(Some),
            None => Some(None),
        };
        match field("baton")??.as_string()?.as_str() {
            "identify" => Some(FromHost::Identify {
                token: text("token")?,
            }),
            "prefill" => {
                let ticket_type = match field("type")? {
                    Some(id) if js_sys::Number::is_safe_integer(&id) => Some(id.as_f64()? as i64),
                    Some(_) => return None,
                    None => None,
                };
                Some(FromHost::Prefill {
                    title: text("title")?,
                    ticket_type,
                })
            }
            "opened" => Some(FromHost::Opened),
            _ => None,
        }
    }
}

/// What the widget tells the loader, which turns it into events for the host page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "baton", rename_all = "kebab-case")]
pub enum ToHost {
    /// Loaded and listening: send the token (and any prefill) now.
    Ready,
    /// The user asked to close the panel.
    Close,
    TicketCreated {
        id: i64,
        number: i64,
    },
    /// The bearer session ran out: the host may call `Baton.identify(newToken)`.
    TokenExpired,
    /// The host's token was refused; `code` is the problem code (`sso_expired`, …).
    SignInFailed {
        code: String,
    },
}

/// The widget's parameters, read from the `/widget` URL the loader built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedParams {
    pub tenant: String,
    /// The origin the loader says it runs on; trusted only once the server lists it.
    pub origin: String,
    pub locale: Option<String>,
    /// The host's accent colour, `#rgb`…`#rrggbbaa` only (it goes into a style attribute).
    pub color: Option<String>,
}

impl EmbedParams {
    /// The parameters if this document is the widget (`/widget`), else `None`.
    pub fn from_location() -> Option<EmbedParams> {
        let location = web_sys::window()?.location();
        if location.pathname().ok()? != "/widget" {
            return None;
        }
        let query = web_sys::UrlSearchParams::new_with_str(&location.search().ok()?).ok()?;
        let color = query.get("color").filter(|c| is_hex_color(c));
        Some(EmbedParams {
            tenant: query.get("tenant").unwrap_or_default(),
            origin: query.get("origin").unwrap_or_default(),
            locale: query.get("locale"),
            color,
        })
    }
}

/// `#` and 3 to 8 hex digits.
pub fn is_hex_color(value: &str) -> bool {
    value.strip_prefix('#').is_some_and(|hex| {
        (3..=8).contains(&hex.len()) && hex.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

/// The widget context: the verified host origin and the tenant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Embed {
    pub tenant: String,
    host: String,
}

impl Embed {
    /// The context for `params` if the server's `allowed` origins include the loader's origin.
    pub fn verify(params: &EmbedParams, allowed: &[String]) -> Option<Embed> {
        allowed.contains(&params.origin).then(|| Embed {
            tenant: params.tenant.clone(),
            host: params.origin.clone(),
        })
    }

    /// Posts `message` to the parent window, for the verified host origin only: if the page
    /// that frames us is another one, the browser drops it.
    pub fn post(&self, message: &ToHost) {
        let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else {
            return;
        };
        if let Ok(value) = json::to_value(message) {
            // Only fails for uncloneable values; plain JSON-shaped data always clones.
            let _ = parent.post_message(&value, &self.host);
        }
    }

    /// Calls `handler` with every well-formed message from the host (our parent, at the
    /// verified origin), for the life of the page.
    pub fn listen(&self, handler: impl Fn(FromHost) + 'static) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let host = self.host.clone();
        let parent: Option<JsValue> = window.parent().ok().flatten().map(Into::into);
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let from_parent = match (event.source(), &parent) {
                (Some(source), Some(parent)) => js_sys::Object::is(&source, parent),
                _ => false,
            };
            if event.origin() != host || !from_parent {
                return;
            }
            // Through JSON text: only what JSON can say is accepted.
            let parsed = json::stringify(&event.data())
                .and_then(|s| json::parse(&s))
                .ok()
                .and_then(|data| FromHost::from_json(&data));
            if let Some(message) = parsed {
                handler(message);
            }
        });
        let _ =
            window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
        // The listener lives as long as the page, like the widget itself.
        on_message.forget();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the loader reads (`FromHost::from_json` is tested in the browser: tests/web/json.rs).
    #[test]
    fn messages_serialize_in_the_loaders_shape() {
        let created = serde_json::to_string(&ToHost::TicketCreated { id: 7, number: 2 });
        assert_eq!(
            created.ok().as_deref(),
            Some(r#"{"baton":"ticket-created","id":7,"number":2}"#)
        );
        assert_eq!(
            serde_json::to_string(&ToHost::Ready).ok().as_deref(),
            Some(r#"{"baton":"ready"}"#)
        );
    }

    #[test]
    fn only_listed_origins_and_hex_colours() {
        let params = EmbedParams {
            tenant: "demo".into(),
            origin: "https://shop.test".into(),
            locale: None,
            color: None,
        };
        assert!(Embed::verify(&params, &["https://shop.test".into()]).is_some());
        assert!(Embed::verify(&params, &["https://other.test".into()]).is_none());
        assert!(is_hex_color("#1f5fbf") && is_hex_color("#fff"));
        assert!(!is_hex_color("red") && !is_hex_color("#12;x") && !is_hex_color("#"));
    }
}
