//! Single sign-on and the embeddable widget: the wire types of `POST /session/jwt`, of the
//! admin's SSO settings and of the widget's public configuration, plus the one check of an
//! embed origin that the server enforces and an admin screen can run before sending.

use crate::problem::{field_code, FieldError};
use crate::Me;
use serde::{Deserialize, Serialize};

/// The request header naming the channel a ticket comes in through (`web`, `widget`, …); the
/// widget sends `widget`. Absent means `web`.
pub const CHANNEL_HEADER: &str = "Baton-Channel";

/// The most origins a tenant may allow to embed the widget.
pub const MAX_EMBED_ORIGINS: usize = 20;

/// `POST /api/v1/session/jwt`: a JWT signed by the host site with the tenant's SSO secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JwtExchange {
    /// The tenant's public slug (the loader's `data-tenant`).
    pub tenant: String,
    /// The compact JWS (`header.claims.signature`), HS256.
    pub token: String,
}

/// The answer to [`JwtExchange`]: a short-lived session for `Authorization: Bearer`. No cookie
/// is set, because inside a third-party iframe the browser may refuse or partition it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BearerSession {
    pub token: String,
    pub expires_at: String,
    pub me: Me,
}

/// `GET /api/v1/widget/{tenant}`: what the loader and the widget need to know before anyone
/// signs in. Public: the same origins are in the widget page's `frame-ancestors` anyway.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WidgetConfig {
    pub tenant: String,
    pub name: String,
    /// Origins (`https://host[:port]`) allowed to embed the widget.
    pub allowed_origins: Vec<String>,
}

/// `GET /api/v1/admin/sso`: the tenant's SSO and embedding settings; never the secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SsoSettings {
    pub tenant: String,
    pub secret_set: bool,
    #[serde(default)]
    pub secret_rotated_at: Option<String>,
    pub allowed_origins: Vec<String>,
}

/// `POST /api/v1/admin/sso/secret`: the new secret, shown this once only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SsoSecret {
    pub secret: String,
    pub rotated_at: String,
}

/// `PUT /api/v1/admin/sso/origins`: the whole list of allowed embed origins.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmbedOrigins {
    pub origins: Vec<String>,
}

/// `value` as a canonical origin (`scheme://host[:port]`, lowercase, default port dropped), or
/// `None` if it is not an http(s) origin. A path, query, credentials or wildcard are refused:
/// `frame-ancestors` and `postMessage` compare whole origins, so anything else would never match.
pub fn normalize_origin(value: &str) -> Option<String> {
    let lower = value.trim().to_ascii_lowercase();
    let (scheme, rest) = lower.split_once("://")?;
    let default_port = match scheme {
        "http" => "80",
        "https" => "443",
        _ => return None,
    };
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    let (host, port) = split_port(rest)?;
    let host_ok = if let Some(v6) = host.strip_prefix('[') {
        v6.strip_suffix(']')
            .is_some_and(|a| !a.is_empty() && a.chars().all(|c| c.is_ascii_hexdigit() || c == ':'))
    } else {
        !host.is_empty()
            && host.len() <= 253
            && !host.starts_with(['.', '-'])
            && !host.ends_with(['.', '-'])
            && host.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
    };
    if !host_ok {
        return None;
    }
    match port {
        Some(p) if p == default_port => Some(format!("{scheme}://{host}")),
        Some(p) => Some(format!("{scheme}://{host}:{p}")),
        None => Some(format!("{scheme}://{host}")),
    }
}

/// `host[:port]` split, the port checked to be 1–65535 without leading zeros.
fn split_port(rest: &str) -> Option<(&str, Option<&str>)> {
    let colon = match rest.rfind(':') {
        // An IPv6 literal's colons are inside the brackets.
        Some(i) if !rest[i..].contains(']') => i,
        _ => return Some((rest, None)),
    };
    let (host, port) = (&rest[..colon], &rest[colon + 1..]);
    let valid = !port.starts_with('0') && port.parse::<u16>().is_ok_and(|p| p > 0);
    valid.then_some((host, Some(port)))
}

/// The allowed origins of `request`, normalized, in order, without duplicates; or the field
/// errors (`origins` too long, `origins.N` invalid).
pub fn embed_origins(request: &EmbedOrigins) -> Result<Vec<String>, Vec<FieldError>> {
    if request.origins.len() > MAX_EMBED_ORIGINS {
        return Err(vec![FieldError::new("origins", field_code::TOO_LONG)]);
    }
    let mut errors = Vec::new();
    let mut origins: Vec<String> = Vec::new();
    for (i, raw) in request.origins.iter().enumerate() {
        match normalize_origin(raw) {
            Some(o) if !origins.contains(&o) => origins.push(o),
            Some(_) => {}
            None => errors.push(FieldError::new(&format!("origins.{i}"), field_code::INVALID_VALUE)),
        }
    }
    if errors.is_empty() {
        Ok(origins)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_normalized_or_refused() {
        let cases = [
            ("https://Shop.Example.com", Some("https://shop.example.com")),
            ("https://shop.example.com/", Some("https://shop.example.com")),
            ("https://shop.example.com:443", Some("https://shop.example.com")),
            ("http://127.0.0.1:8081", Some("http://127.0.0.1:8081")),
            ("http://localhost:80", Some("http://localhost")),
            ("http://[::1]:3000", Some("http://[::1]:3000")),
            (" https://a.test ", Some("https://a.test")),
            ("https://a.test/path", None),
            ("https://a.test?x=1", None),
            ("https://user@a.test", None),
            ("https://*.a.test", None),
            ("ftp://a.test", None),
            ("a.test", None),
            ("https://", None),
            ("https://a.test:0", None),
            ("https://a.test:65536", None),
            ("https://a.test:08", None),
            ("javascript://a.test", None),
            ("https://-a.test", None),
        ];
        for (raw, expected) in cases {
            assert_eq!(normalize_origin(raw).as_deref(), expected, "{raw}");
        }
    }

    #[test]
    fn origin_lists_dedupe_and_name_bad_entries() {
        let ok = embed_origins(&EmbedOrigins {
            origins: vec!["https://a.test".into(), "https://A.test/".into(), "http://b.test:81".into()],
        });
        assert_eq!(ok, Ok(vec!["https://a.test".to_owned(), "http://b.test:81".to_owned()]));
        let bad = embed_origins(&EmbedOrigins { origins: vec!["https://a.test".into(), "nope".into()] });
        assert_eq!(bad, Err(vec![FieldError::new("origins.1", field_code::INVALID_VALUE)]));
        let many = EmbedOrigins { origins: (0..21).map(|i| format!("https://{i}.test")).collect() };
        assert_eq!(embed_origins(&many), Err(vec![FieldError::new("origins", field_code::TOO_LONG)]));
        assert_eq!(embed_origins(&EmbedOrigins::default()), Ok(Vec::new()));
    }
}
