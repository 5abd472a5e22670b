//! Table-driven tests of custom field validation, through the public entry point
//! `validate::new_ticket_with` with a small catalog holding one field of every kind.

use super::*;
use crate::dto::{FieldOption, NewTicket, Subtype, Text, TicketType};
use crate::validate::new_ticket_with;

fn field(key: &str, kind: FieldKind, required: bool) -> CustomField {
    CustomField { key: key.into(), label: Text::en_zh(key, key), kind, required, options: vec![], parent: None, help: None }
}

fn opt(value: &str, parent_value: Option<&str>) -> FieldOption {
    FieldOption { value: value.into(), label: Text::en_zh(value, value), parent_value: parent_value.map(Into::into) }
}

fn with_options(mut f: CustomField, values: &[&str]) -> CustomField {
    f.options = values.iter().map(|v| opt(v, None)).collect();
    f
}

/// Type 1 "Returns" with sub-type 10 carrying one optional field per kind plus a required text
/// and a province → city cascade; type 2 "Billing" with sub-type 20 and no fields.
fn catalog() -> Vec<TicketType> {
    let mut city = field("city", FieldKind::Select, false);
    city.parent = Some("province".into());
    city.options = vec![opt("hangzhou", Some("zj")), opt("ningbo", Some("zj")), opt("guangzhou", Some("gd"))];
    let fields = vec![
        field("order_no", FieldKind::Text, true),
        field("text", FieldKind::Text, false),
        field("textarea", FieldKind::Textarea, false),
        field("number", FieldKind::Number, false),
        field("date", FieldKind::Date, false),
        field("datetime", FieldKind::Datetime, false),
        with_options(field("select", FieldKind::Select, false), &["a", "b"]),
        with_options(field("multiselect", FieldKind::Multiselect, false), &["a", "b", "c"]),
        with_options(field("radio", FieldKind::Radio, false), &["yes", "no"]),
        field("checkbox", FieldKind::Checkbox, false),
        field("attachment", FieldKind::Attachment, false),
        with_options(field("province", FieldKind::Select, false), &["zj", "gd"]),
        city,
    ];
    vec![
        TicketType {
            id: 1,
            name: Text::en_zh("Returns", "退换货"),
            subtypes: vec![Subtype { id: 10, name: Text::en_zh("Return of goods", "退货"), fields }],
            fields: vec![field("agree", FieldKind::Checkbox, true)],
        },
        TicketType {
            id: 2,
            name: Text::en_zh("Billing", "账单"),
            subtypes: vec![Subtype { id: 20, name: Text::en_zh("Invoice", "发票"), fields: vec![] }],
            fields: vec![],
        },
    ]
}

fn s(v: &str) -> FieldValue {
    FieldValue::String(v.into())
}

fn list(v: &[&str]) -> FieldValue {
    FieldValue::List(v.iter().map(|x| x.to_string()).collect())
}

/// A valid Returns ticket plus `extra` field values (which replace the defaults).
fn returns(extra: &[(&str, FieldValue)]) -> NewTicket {
    let mut t = NewTicket {
        title: "Broken kettle".into(),
        description: "Arrived cracked".into(),
        type_id: Some(1),
        subtype_id: Some(10),
        ..Default::default()
    };
    t.fields.insert("order_no".into(), s("A-1001"));
    t.fields.insert("agree".into(), FieldValue::Bool(true));
    for (k, v) in extra {
        t.fields.insert(k.to_string(), v.clone());
    }
    t
}

/// (field, code) pairs, in the order validation reports them.
type Errors = Vec<(String, String)>;

fn errors(t: &NewTicket) -> Errors {
    new_ticket_with(t, &catalog()).err().unwrap_or_default().into_iter().map(|e| (e.field, e.code)).collect()
}

fn one(field: &str, code: &str) -> Errors {
    vec![(field.to_owned(), code.to_owned())]
}

#[test]
fn every_kind_accepts_its_values_and_refuses_others() {
    let long_text = "字".repeat(TEXT_MAX + 1);
    let long_area = "x".repeat(TEXTAREA_MAX + 1);
    // (field, value, expected error code or "" for valid)
    let cases: Vec<(&str, FieldValue, &str)> = vec![
        ("text", s("Kettle"), ""),
        ("text", s(&"字".repeat(TEXT_MAX)), ""),
        ("text", s(&long_text), "too_long"),
        ("text", FieldValue::Number(1.0), "invalid_value"),
        ("textarea", s("line 1\nline 2"), ""),
        ("textarea", s(&long_area), "too_long"),
        ("textarea", FieldValue::Bool(true), "invalid_value"),
        ("number", FieldValue::Number(3.5), ""),
        ("number", FieldValue::Number(-2.0), ""),
        ("number", FieldValue::Number(f64::INFINITY), "invalid_number"),
        ("number", FieldValue::Number(f64::NAN), "invalid_number"),
        ("number", s("12"), "invalid_number"),
        ("date", s("2024-02-29"), ""),
        ("date", s("2023-02-29"), "invalid_date"),
        ("date", s("2024-13-01"), "invalid_date"),
        ("date", s("2024-1-01"), "invalid_date"),
        ("date", s("2024-04-31"), "invalid_date"),
        ("date", s("yesterday"), "invalid_date"),
        ("date", FieldValue::Number(20240101.0), "invalid_date"),
        ("datetime", s("2024-05-01T09:30"), ""),
        ("datetime", s("2024-05-01T23:59:59"), ""),
        ("datetime", s("2024-05-01T24:00"), "invalid_date"),
        ("datetime", s("2024-05-01 09:30"), "invalid_date"),
        ("datetime", s("2024-05-01T9:30"), "invalid_date"),
        ("datetime", s("2024-05-01"), "invalid_date"),
        ("select", s("a"), ""),
        ("select", s("z"), "invalid_value"),
        ("select", list(&["a"]), "invalid_value"),
        ("multiselect", list(&["a", "c"]), ""),
        ("multiselect", list(&["a", "z"]), "invalid_value"),
        ("multiselect", list(&["a", "a"]), "invalid_value"),
        ("multiselect", s("a"), "invalid_value"),
        ("radio", s("no"), ""),
        ("radio", s("maybe"), "invalid_value"),
        ("checkbox", FieldValue::Bool(true), ""),
        ("checkbox", FieldValue::Bool(false), ""),
        ("checkbox", s("true"), "invalid_value"),
        ("attachment", list(&["12", "7"]), ""),
        ("attachment", list(&["x"]), "invalid_value"),
        ("attachment", list(&["-1"]), "invalid_value"),
        ("attachment", list(&["007"]), "invalid_value"),
        ("attachment", FieldValue::Number(12.0), "invalid_value"),
    ];
    for (key, value, code) in cases {
        let got = errors(&returns(&[(key, value.clone())]));
        let want = if code.is_empty() { vec![] } else { one(&format!("fields.{key}"), code) };
        assert_eq!(got, want, "{key} = {value:?}");
    }
}

#[test]
fn empty_values_count_as_missing() {
    for empty in [s(""), s("   "), list(&[])] {
        assert_eq!(errors(&returns(&[("order_no", empty.clone())])), one("fields.order_no", "required"), "{empty:?}");
        assert_eq!(errors(&returns(&[("select", empty.clone())])), vec![], "{empty:?}");
    }
}

#[test]
fn required_fields_of_type_and_subtype() {
    let mut t = returns(&[]);
    t.fields.clear();
    assert_eq!(
        errors(&t),
        vec![("fields.agree".into(), "required".into()), ("fields.order_no".into(), "required".into())]
    );
    // A required checkbox is an agreement: unticked is missing.
    assert_eq!(errors(&returns(&[("agree", FieldValue::Bool(false))])), one("fields.agree", "required"));
}

#[test]
fn cascading_options_follow_the_parent_value() {
    let cases: Vec<(Vec<(&str, FieldValue)>, Errors)> = vec![
        (vec![("province", s("zj")), ("city", s("hangzhou"))], vec![]),
        (vec![("province", s("zj")), ("city", s("ningbo"))], vec![]),
        (vec![("province", s("gd")), ("city", s("guangzhou"))], vec![]),
        (vec![("province", s("gd")), ("city", s("hangzhou"))], one("fields.city", "invalid_value")),
        (vec![("city", s("hangzhou"))], one("fields.city", "invalid_value")),
        (vec![("province", s("zj"))], vec![]),
        (
            vec![("province", s("xx")), ("city", s("hangzhou"))],
            vec![("fields.province".into(), "invalid_value".into()), ("fields.city".into(), "invalid_value".into())],
        ),
    ];
    for (values, want) in cases {
        assert_eq!(errors(&returns(&values)), want, "{values:?}");
    }
}

#[test]
fn unknown_keys_are_refused() {
    assert_eq!(errors(&returns(&[("colour", s("red"))])), one("fields.colour", "invalid_value"));
    // A field of another type's sub-type is unknown here.
    let mut billing = returns(&[]);
    billing.type_id = Some(2);
    billing.subtype_id = Some(20);
    assert_eq!(
        errors(&billing),
        vec![("fields.agree".into(), "invalid_value".into()), ("fields.order_no".into(), "invalid_value".into())]
    );
}

#[test]
fn type_and_subtype_membership() {
    let with = |type_id: Option<i64>, subtype_id: Option<i64>| {
        let mut t = returns(&[]);
        t.type_id = type_id;
        t.subtype_id = subtype_id;
        if type_id == Some(2) {
            t.fields.clear();
        }
        errors(&t)
    };
    assert_eq!(with(Some(1), Some(10)), vec![]);
    assert_eq!(with(None, None), one("type_id", "required"));
    assert_eq!(with(Some(99), None), one("type_id", "invalid_value"));
    assert_eq!(with(Some(1), None), one("subtype_id", "required"));
    assert_eq!(with(Some(1), Some(20)), one("subtype_id", "invalid_value"));
    assert_eq!(with(Some(2), Some(20)), vec![]);
}

#[test]
fn tenants_without_types_take_basic_tickets_only() {
    let basic = NewTicket { title: "t".into(), description: "d".into(), ..Default::default() };
    assert_eq!(new_ticket_with(&basic, &[]), Ok(()));
    let typed = NewTicket { type_id: Some(1), subtype_id: Some(10), ..basic.clone() };
    let codes: Vec<_> = new_ticket_with(&typed, &[]).err().unwrap_or_default().into_iter().map(|e| e.field).collect();
    assert_eq!(codes, ["type_id", "subtype_id"]);
}

#[test]
fn related_url_and_confidential() {
    let cases: Vec<(Option<&str>, Option<String>, Errors)> = vec![
        (Some("https://shop.example.com/orders/1?x=1"), Some("pw: hunter2".into()), vec![]),
        (Some("http://localhost:8080"), None, vec![]),
        (Some("  "), Some(String::new()), vec![]),
        (Some("ftp://example.com"), None, one("related_url", "invalid_url")),
        (Some("javascript:alert(1)"), None, one("related_url", "invalid_url")),
        (Some("https://"), None, one("related_url", "invalid_url")),
        (Some("https://exa mple.com"), None, one("related_url", "invalid_url")),
        (None, Some("密".repeat(crate::validate::CONFIDENTIAL_MAX)), vec![]),
        (None, Some("x".repeat(crate::validate::CONFIDENTIAL_MAX + 1)), one("confidential", "too_long")),
    ];
    for (url, confidential, want) in cases {
        let mut t = returns(&[]);
        t.related_url = url.map(Into::into);
        t.confidential = confidential;
        assert_eq!(errors(&t), want, "{url:?}");
    }
}

#[test]
fn dates_without_a_date_library() {
    for ok in ["2000-02-29", "1999-12-31", "2024-01-01"] {
        assert!(is_date(ok), "{ok}");
    }
    for bad in ["1900-02-29", "2024-00-10", "2024-01-00", "2024-01-32", "0999-01-01", "2024-01-0a", "２０２４-01-01", ""] {
        assert!(!is_date(bad), "{bad}");
    }
}
