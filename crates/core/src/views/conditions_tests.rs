//! The condition table: every field with a good and a bad operator and value.

use super::*;
use crate::views::{CondValue, Visibility};

fn one(field: &str, op: Op, v: &str) -> Condition {
    Condition { field: field.into(), op, value: CondValue::One(v.into()) }
}

fn view(conditions: Vec<Condition>) -> NewView {
    NewView { name: "urgent Acme".into(), visibility: Visibility::Private, conditions, ..Default::default() }
}

/// (field, op, value, expected error as (part, code)).
type Case = (&'static str, Op, &'static str, Option<(&'static str, &'static str)>);

#[test]
fn conditions_table() {
    let cases: &[Case] = &[
        ("status", Op::Is, "open", None),
        ("status", Op::Is, "opened", Some(("value", "invalid_value"))),
        ("status", Op::Before, "open", Some(("op", "invalid_operator"))),
        ("priority", Op::IsNot, "urgent", None),
        ("channel", Op::Is, "phone", None),
        ("type", Op::Is, "3", None),
        ("type", Op::Is, "me", Some(("value", "invalid_value"))),
        ("subtype", Op::Is, "0", Some(("value", "invalid_value"))),
        ("group", Op::Is, "none", None),
        ("assignee", Op::Is, "me", None),
        ("assignee", Op::Is, "none", None),
        ("assignee", Op::IsNot, "12", None),
        ("requester", Op::Is, "none", Some(("value", "invalid_value"))),
        ("customer_group", Op::Is, "4", None),
        ("tags", Op::Is, "vip", None),
        ("tags", Op::Is, " ", Some(("value", "invalid_value"))),
        ("created_at", Op::After, "2026-01-02", None),
        ("created_at", Op::After, "2026-01-02T03:04:05Z", None),
        ("updated_at", Op::Before, "-7d", None),
        ("updated_at", Op::Before, "-7w", Some(("value", "invalid_value"))),
        // A unit wider than a byte is refused, never split inside (it used to panic).
        ("updated_at", Op::Before, "-1中", Some(("value", "invalid_value"))),
        ("created_at", Op::After, "+", Some(("value", "invalid_value"))),
        ("sla_due_at", Op::Before, "+4h", None),
        ("sla_due_at", Op::After, "-2d", None),
        ("sla_due_at", Op::Is, "+4h", Some(("op", "invalid_operator"))),
        ("sla", Op::Is, "breached", None),
        ("sla", Op::NotIn, "on_time", None),
        ("sla", Op::Is, "none", None),
        ("sla", Op::Is, "late", Some(("value", "invalid_value"))),
        ("sla", Op::Before, "breached", Some(("op", "invalid_operator"))),
        ("updated_at", Op::Is, "-7d", Some(("op", "invalid_operator"))),
        ("workflow_step", Op::Is, "5", None),
        ("workflow_step", Op::NotIn, "none", None),
        ("workflow_step", Op::Is, "me", Some(("value", "invalid_value"))),
        ("workflow_step", Op::Before, "5", Some(("op", "invalid_operator"))),
        ("fields.order_no", Op::Is, "A-1", None),
        ("fields.Order", Op::Is, "A-1", Some(("field", "unknown_field"))),
        ("colour", Op::Is, "red", Some(("field", "unknown_field"))),
    ];
    for (field, op, value, expected) in cases {
        let got = validate_new_view(&view(vec![one("status", Op::Is, "new"), one(field, *op, value)]));
        let want = expected.map(|(part, code)| vec![FieldError::new(&format!("conditions[1].{part}"), code)]);
        assert_eq!(got.err(), want, "{field} {op:?} {value}");
    }
}

#[test]
fn in_takes_a_list_and_is_takes_one() {
    let many = |op| Condition { field: "priority".into(), op, value: CondValue::Many(vec!["high".into(), "urgent".into()]) };
    assert!(validate_new_view(&view(vec![many(Op::In)])).is_ok());
    assert!(validate_new_view(&view(vec![many(Op::Is)])).is_err());
    let empty = Condition { field: "priority".into(), op: Op::In, value: CondValue::Many(vec![]) };
    assert!(validate_new_view(&view(vec![empty])).is_err());
}

#[test]
fn name_and_visibility() {
    let mut v = view(vec![]);
    v.name = "  ".into();
    v.visibility = Visibility::Builtin;
    let fields: Vec<_> = validate_new_view(&v).unwrap_err().into_iter().map(|e| e.field).collect();
    assert_eq!(fields, ["name", "visibility"]);
}
