use super::*;
use axum::http::HeaderValue;
use baton_core::{NewTicket, TicketAction};

fn fields(r: Result<impl std::fmt::Debug, Error>) -> Vec<(String, String)> {
    match r {
        Err(Error::Domain(DomainError::Validation(errors))) => {
            errors.into_iter().map(|e| (e.field, e.code)).collect()
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
}

fn headers(pairs: &[(header::HeaderName, &'static str)]) -> HeaderMap {
    pairs
        .iter()
        .map(|(name, value)| (name.clone(), HeaderValue::from_static(value)))
        .collect()
}

#[test]
fn body_errors_are_classified() {
    let missing = parse_json::<NewTicket>(br#"{"title":"t"}"#);
    assert_eq!(fields(missing), [("description".into(), "required".into())]);
    let unknown = parse_json::<NewTicket>(br#"{"title":"t","description":"d","x":1}"#);
    assert_eq!(fields(unknown), [("x".into(), "invalid_value".into())]);
    let wrong_type = parse_json::<NewTicket>(br#"{"title":5,"description":"d"}"#);
    assert_eq!(
        fields(wrong_type),
        [("title".into(), "invalid_value".into())]
    );
    let bad_action = parse_json::<TicketAction>(br#"{"action":"explode"}"#);
    assert_eq!(
        fields(bad_action),
        [("action".into(), "invalid_value".into())]
    );
    for malformed in [
        &b"{"[..],
        b"",
        b"[1]",
        b"[\"t\", \"d\"]",
        b"{} x",
        b"\"s\"",
        b"null",
    ] {
        let r = parse_json::<NewTicket>(malformed);
        assert!(
            matches!(r, Err(Error::MalformedJson(_))),
            "{malformed:?}: {r:?}"
        );
    }
}

#[test]
fn tokens_come_from_bearer_or_cookie() {
    assert_eq!(session_token(&HeaderMap::new()), None);
    let cookie = (header::COOKIE, "a=1; baton_session=abc; b=2");
    assert_eq!(
        session_token(&headers(std::slice::from_ref(&cookie))).as_deref(),
        Some("abc")
    );
    let bearer = (header::AUTHORIZATION, "Bearer xyz");
    assert_eq!(
        session_token(&headers(&[cookie.clone(), bearer])).as_deref(),
        Some("xyz")
    );
    let basic = (header::AUTHORIZATION, "Basic xyz");
    assert_eq!(session_token(&headers(&[cookie.clone(), basic])), None);
    // Over HTTPS only the `__Host-` cookie counts (a sibling subdomain can set the plain one).
    let https = (header::HeaderName::from_static("x-forwarded-proto"), "https");
    let host = (header::COOKIE, "__Host-baton_session=tls");
    assert_eq!(session_token(&headers(&[cookie.clone(), https.clone()])), None);
    assert_eq!(session_token(&headers(&[cookie.clone(), host.clone(), https])).as_deref(), Some("tls"));
    assert_eq!(session_token(&headers(&[host])), None, "plain http reads only the plain name");
}

#[test]
fn json_media_types() {
    let with = |ct: &'static str| is_json(&headers(&[(header::CONTENT_TYPE, ct)]));
    assert!(with("application/json"));
    assert!(with("Application/JSON; charset=utf-8"));
    assert!(with("application/merge-patch+json"));
    assert!(!with("text/plain"));
    assert!(!is_json(&HeaderMap::new()));
}

#[test]
fn nul_in_text_is_refused_naming_the_field() {
    // (body, the field named): JSON carries NUL only as the escape `\u0000`; an escaped backslash
    // before `u0000` is text, not NUL.
    let cases: [(&[u8], Option<&str>); 5] = [
        (br#"{"title":"a\u0000b","description":"d"}"#, Some("title")),
        (br#"{"title":"t","description":"d","fields":{"order_no":"\u0000"}}"#, Some("fields.order_no")),
        (br#"{"title":"t","description":"d","cc":["x","\u0000"]}"#, Some("cc.1")),
        (br#"{"title":"t","description":"d","fields":{"k\u0000":"v"}}"#, Some("fields.k\u{0}")),
        (br#"{"title":"a\\u0000b","description":"d"}"#, None),
    ];
    for (body, named) in cases {
        let r = parse_json::<serde_json::Value>(body);
        match named {
            Some(field) => assert_eq!(fields(r), [(field.to_owned(), "invalid_value".to_owned())], "{body:?}"),
            None => assert!(r.is_ok(), "{body:?}: {r:?}"),
        }
    }
}
