//! Which ticket fields a view condition may test, with which operators and values — the one table
//! the view editor offers and the server enforces. Whether a `fields.<key>` names a real custom
//! field is for the server to say; everything else is decided here.

use super::{Condition, NewView, Op};
use crate::dto::{Channel, Priority};
use crate::problem::{field_code, FieldError};


/// A view holds at most this many conditions, which bounds the SQL a view compiles to.
pub const MAX_CONDITIONS: usize = 20;

/// A field a condition tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConditionField {
    Status,
    Priority,
    Channel,
    Type,
    Subtype,
    Group,
    Assignee,
    Requester,
    CustomerGroup,
    Tags,
    CreatedAt,
    UpdatedAt,
    /// `sla`: `breached` (a target was missed), `on_time` (a policy applies, nothing missed) or
    /// `none` (no policy applies).
    Sla,
    /// `sla_due_at`: when the nearest running SLA target is due; `before +4h` is "due within four
    /// hours" (overdue ones included), and a paused or finished ticket has none.
    SlaDueAt,
    /// `workflow_step`: the id of the workflow step the ticket is at (`none`: in no workflow).
    WorkflowStep,
    /// `fields.<key>`: a custom field's value.
    Custom(String),
}

const EQUALITY: &[Op] = &[Op::Is, Op::IsNot, Op::In, Op::NotIn];
const RANGE: &[Op] = &[Op::Before, Op::After];

impl ConditionField {
    pub fn parse(name: &str) -> Option<ConditionField> {
        use ConditionField::*;
        Some(match name {
            "status" => Status,
            "priority" => Priority,
            "channel" => Channel,
            "type" => Type,
            "subtype" => Subtype,
            "group" => Group,
            "assignee" => Assignee,
            "requester" => Requester,
            "customer_group" => CustomerGroup,
            "tags" => Tags,
            "created_at" => CreatedAt,
            "updated_at" => UpdatedAt,
            "sla" => Sla,
            "sla_due_at" => SlaDueAt,
            "workflow_step" => WorkflowStep,
            other => {
                let key = other.strip_prefix("fields.")?;
                let ok = !key.is_empty()
                    && key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
                return ok.then(|| Custom(key.to_owned()));
            }
        })
    }

    /// The operators this field accepts.
    pub fn ops(&self) -> &'static [Op] {
        match self {
            ConditionField::CreatedAt | ConditionField::UpdatedAt | ConditionField::SlaDueAt => RANGE,
            _ => EQUALITY,
        }
    }

    /// Whether `value` is a possible value of this field (ids must be numbers; `me`/`none` only
    /// where they mean something).
    pub fn accepts(&self, value: &str) -> bool {
        use ConditionField::*;
        let id = |v: &str| v.parse::<i64>().is_ok_and(|n| n > 0);
        match self {
            Status => crate::status::Status::from_code(value).is_some(),
            Priority => priority_from_code(value).is_some(),
            Channel => channel_from_code(value).is_some(),
            Type | Subtype | Requester => id(value),
            Group | CustomerGroup | WorkflowStep => value == "none" || id(value),
            Assignee => value == "me" || value == "none" || id(value),
            Tags => !value.trim().is_empty() && value.chars().count() <= 50,
            CreatedAt | UpdatedAt | SlaDueAt => time_value(value).is_some(),
            Sla => ["breached", "on_time", "none"].contains(&value),
            Custom(_) => value.chars().count() <= 200,
        }
    }
}

/// The priority with this wire code.
pub fn priority_from_code(code: &str) -> Option<Priority> {
    [Priority::Low, Priority::Normal, Priority::High, Priority::Urgent]
        .into_iter()
        .find(|p| priority_code(*p) == code)
}

pub fn priority_code(p: Priority) -> &'static str {
    match p {
        Priority::Low => "low",
        Priority::Normal => "normal",
        Priority::High => "high",
        Priority::Urgent => "urgent",
    }
}

/// The channel with this wire code.
pub fn channel_from_code(code: &str) -> Option<Channel> {
    [Channel::Web, Channel::Widget, Channel::Phone, Channel::Email, Channel::Api]
        .into_iter()
        .find(|c| channel_code(*c) == code)
}

pub fn channel_code(c: Channel) -> &'static str {
    match c {
        Channel::Web => "web",
        Channel::Widget => "widget",
        Channel::Phone => "phone",
        Channel::Email => "email",
        Channel::Api => "api",
    }
}

/// A time condition's value: an absolute date or instant, or an offset back from now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeValue<'a> {
    /// `YYYY-MM-DD` or an RFC 3339 UTC instant, compared as text (the stored format sorts so).
    Absolute(&'a str),
    /// `-7d`, `-12h`: this many seconds before now (`+4h`, `+2d`: negative, after now).
    SecondsAgo(i64),
}

pub fn time_value(v: &str) -> Option<TimeValue<'_>> {
    let (sign, rest) = match (v.strip_prefix('-'), v.strip_prefix('+')) {
        (Some(rest), _) => (1, Some(rest)),
        (None, Some(rest)) => (-1, Some(rest)),
        (None, None) => (1, None),
    };
    if let Some(rest) = rest {
        // The unit is the last character, whatever its width ("-1中" is refused, not split inside
        // a character).
        let unit = rest.chars().last()?;
        let num = &rest[..rest.len() - unit.len_utf8()];
        let n: i64 = num.parse().ok().filter(|n| (1..=3650 * 24).contains(n))?;
        let per = match unit {
            'd' => 86_400,
            'h' => 3_600,
            _ => return None,
        };
        return Some(TimeValue::SecondsAgo(sign * n * per));
    }
    let b = v.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    let date = b.len() >= 10 && digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10);
    let shape = b.len() == 10 || (b.len() == 20 && b[10] == b'T' && b[19] == b'Z');
    (date && shape).then_some(TimeValue::Absolute(v))
}

/// Checks a view's name, conditions and columns; errors name `conditions[<i>].field|op|value`.
pub fn validate_new_view(view: &NewView) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    let name = view.name.trim();
    if name.is_empty() {
        errors.push(FieldError::new("name", field_code::REQUIRED));
    } else if name.chars().count() > 100 {
        errors.push(FieldError::new("name", field_code::TOO_LONG));
    } else if name.chars().any(char::is_control) {
        // A name is one line of text; PostgreSQL also refuses NUL in text (it was a 500 there).
        errors.push(FieldError::new("name", field_code::INVALID_VALUE));
    }
    if view.visibility == super::Visibility::Builtin {
        errors.push(FieldError::new("visibility", field_code::INVALID_VALUE));
    }
    if view.conditions.len() > MAX_CONDITIONS {
        errors.push(FieldError::new("conditions", field_code::TOO_LONG));
    }
    check_conditions(&view.conditions, &mut errors);
    if errors.is_empty() { Ok(()) } else { Err(errors) }
}

/// Each condition's first mistake as `conditions[<i>].field|op|value` (views and automation
/// rules share the one condition language).
pub fn check_conditions(conditions: &[Condition], errors: &mut Vec<FieldError>) {
    for (i, c) in conditions.iter().enumerate() {
        if let Err(e) = check(c) {
            errors.push(FieldError { field: format!("conditions[{i}].{}", e.0), code: e.1.to_owned() });
        }
    }
}

/// The first thing wrong with one condition: (which part, field code).
fn check(c: &Condition) -> Result<ConditionField, (&'static str, &'static str)> {
    let field = ConditionField::parse(&c.field).ok_or(("field", field_code::UNKNOWN_FIELD))?;
    if !field.ops().contains(&c.op) {
        return Err(("op", field_code::INVALID_OPERATOR));
    }
    let values = c.value.values();
    let single = matches!(c.op, Op::Is | Op::IsNot | Op::Before | Op::After);
    let shape_ok = if single { values.len() == 1 } else { (1..=100).contains(&values.len()) };
    if !shape_ok || !values.iter().all(|v| field.accepts(v)) {
        return Err(("value", field_code::INVALID_VALUE));
    }
    Ok(field)
}

/// Parses a condition already validated; `None` if it is not valid.
pub fn parse_condition(c: &Condition) -> Option<ConditionField> {
    check(c).ok()
}

#[cfg(test)]
#[path = "conditions_tests.rs"]
mod tests;
