//! A view as SQL: the built-ins' predicates and custom conditions compiled into a `QueryBuilder`.
//! Every value is bound, never spliced into the text; the SQL text depends only on the shape of
//! the view (fields and operators), so SQLite's prepared-statement cache keeps working.

use baton_core::views::conditions::{time_value, ConditionField, TimeValue};
use baton_core::{BuiltinView, Condition, Op};
use crate::storage::{Dialect, Sql};

/// What a view selects, beyond the visibility every query has.
#[derive(Debug, Clone)]
pub enum ViewFilter {
    Builtin(BuiltinView),
    /// Conditions already validated by `baton_core::validate_new_view`.
    Custom(Vec<Condition>),
}

/// Who is asking, for `me` and the "mine" views, and the time relative dates count back from.
#[derive(Debug, Clone, Copy)]
pub struct Viewer<'a> {
    pub user_id: i64,
    pub tenant_id: i64,
    pub now: &'a str,
    pub now_unix: i64,
}

/// Not in the trash and not suspended: every view but those two shows only these.
const LIVE: &str = " AND t.trashed_at IS NULL AND t.suspended_at IS NULL";
const MY_GROUPS: &str = "(SELECT group_id FROM agent_group_members WHERE user_id = ";

pub fn push_filter(q: &mut Sql, filter: &ViewFilter, v: Viewer<'_>, dialect: Dialect) {
    use BuiltinView::*;
    match filter {
        ViewFilter::Builtin(Trash) => {
            q.push(" AND t.trashed_at IS NOT NULL");
        }
        ViewFilter::Builtin(Suspended) => {
            q.push(" AND t.suspended_at IS NOT NULL AND t.trashed_at IS NULL");
        }
        ViewFilter::Builtin(b) => {
            q.push(LIVE);
            push_builtin(q, *b, v.user_id);
        }
        ViewFilter::Custom(conditions) => {
            q.push(LIVE);
            for c in conditions {
                push_condition(q, c, v, dialect);
            }
        }
    }
}

fn push_builtin(q: &mut Sql, view: BuiltinView, me: i64) {
    use BuiltinView::*;
    match view {
        Mine => {
            q.push(" AND ((t.assignee_id = ").push_bind(me);
            q.push(" AND t.status IN ('new', 'open', 'pending')) OR t.requester_id = ").push_bind(me).push(")");
        }
        Starred => {
            q.push(" AND t.id IN (SELECT ticket_id FROM ticket_stars WHERE user_id = ").push_bind(me).push(")");
        }
        All | Trash | Suspended => {}
        Cc => {
            q.push(" AND t.id IN (SELECT ticket_id FROM ticket_cc WHERE user_id = ").push_bind(me).push(")");
        }
        Groups => {
            q.push(" AND t.assignee_group_id IN ").push(MY_GROUPS).push_bind(me).push(")");
        }
        Unassigned => {
            // Unrouted tickets (no group) are every agent's, so they wait here too.
            q.push(" AND t.assignee_id IS NULL AND t.status IN ('new', 'open')");
            q.push(" AND (t.assignee_group_id IS NULL OR t.assignee_group_id IN ")
                .push(MY_GROUPS)
                .push_bind(me)
                .push("))");
        }
        Pending => {
            q.push(" AND t.status = 'pending'");
        }
        Solved => {
            q.push(" AND t.status = 'solved'");
        }
        Closed => {
            q.push(" AND t.status IN ('closed', 'confirmed', 'rated')");
        }
    }
}

/// One bound value of a condition.
enum Val {
    Null,
    Int(i64),
    Text(String),
}

fn push_val(q: &mut Sql, v: &Val) {
    match v {
        Val::Null => q.push("NULL"),
        Val::Int(n) => q.push_bind(*n),
        Val::Text(s) => q.push_bind(s.clone()),
    };
}

/// `col` compared with `values` by `op`. `none` is NULL; `is_not`/`not_in` keep tickets whose
/// column is empty (unless `none` is among the values), as an agent would expect.
fn push_compare(q: &mut Sql, col: &str, op: Op, values: &[Val]) {
    let has_null = values.iter().any(|v| matches!(v, Val::Null));
    let rest: Vec<&Val> = values.iter().filter(|v| !matches!(v, Val::Null)).collect();
    let negate = matches!(op, Op::IsNot | Op::NotIn);
    q.push(if negate { " AND (NOT (FALSE" } else { " AND ((FALSE" });
    if has_null {
        q.push(" OR ").push(col).push(" IS NULL");
    }
    if !rest.is_empty() {
        q.push(" OR ").push(col).push(" IN (");
        for (i, v) in rest.iter().enumerate() {
            if i > 0 {
                q.push(", ");
            }
            push_val(q, v);
        }
        q.push(")");
    }
    q.push(")");
    if negate && !has_null {
        // NOT (col IN …) is NULL, not true, for an empty column.
        q.push(" OR ").push(col).push(" IS NULL");
    }
    q.push(")");
}

fn push_condition(q: &mut Sql, c: &Condition, v: Viewer<'_>, dialect: Dialect) {
    let Some(field) = ConditionField::parse(&c.field) else { return };
    let values = c.value.values();
    let ids = |me: Option<i64>| -> Vec<Val> {
        values
            .iter()
            .map(|s| match *s {
                "none" => Val::Null,
                "me" => me.map_or(Val::Null, Val::Int),
                s => s.parse().map_or(Val::Null, Val::Int),
            })
            .collect()
    };
    let texts = || values.iter().map(|s| Val::Text((*s).to_owned())).collect::<Vec<_>>();
    // Each condition sits in its own parentheses: `AND (TRUE <rest>)`.
    q.push(" AND (TRUE");
    match field {
        ConditionField::Status => push_compare(q, "t.status", c.op, &texts()),
        ConditionField::Priority => push_compare(q, "t.priority", c.op, &texts()),
        ConditionField::Channel => push_compare(q, "t.channel", c.op, &texts()),
        ConditionField::Type => push_compare(q, "t.type_id", c.op, &ids(None)),
        ConditionField::Subtype => push_compare(q, "t.subtype_id", c.op, &ids(None)),
        ConditionField::Group => push_compare(q, "t.assignee_group_id", c.op, &ids(None)),
        ConditionField::WorkflowStep => push_compare(q, "t.workflow_step_id", c.op, &ids(None)),
        ConditionField::Assignee => push_compare(q, "t.assignee_id", c.op, &ids(Some(v.user_id))),
        ConditionField::Requester => push_compare(q, "t.requester_id", c.op, &ids(None)),
        ConditionField::CustomerGroup => push_compare(
            q,
            "(SELECT customer_group_id FROM users WHERE users.id = t.requester_id)",
            c.op,
            &ids(None),
        ),
        ConditionField::Tags => {
            let negate = matches!(c.op, Op::IsNot | Op::NotIn);
            q.push(if negate { " AND NOT EXISTS" } else { " AND EXISTS" });
            q.push(" (SELECT 1 FROM ticket_tags tg WHERE tg.ticket_id = t.id AND tg.tag IN (");
            push_list(q, &texts());
            q.push("))");
        }
        ConditionField::Sla => {
            let state: Vec<Val> = values.iter().map(|s| if *s == "none" { Val::Null } else { Val::Text((*s).to_owned()) }).collect();
            let col = "(CASE WHEN t.sla_policy_id IS NULL THEN NULL WHEN t.sla_breached THEN 'breached' ELSE 'on_time' END)";
            push_compare(q, col, c.op, &state);
        }
        ConditionField::CreatedAt | ConditionField::UpdatedAt | ConditionField::SlaDueAt => {
            let col = match field {
                ConditionField::CreatedAt => "t.created_at",
                ConditionField::UpdatedAt => "t.updated_at",
                _ => "t.sla_due_at",
            };
            let bound = match values.first().and_then(|s| time_value(s)) {
                Some(TimeValue::Absolute(s)) => s.to_owned(),
                Some(TimeValue::SecondsAgo(secs)) => crate::storage::timestamp(
                    time::OffsetDateTime::from_unix_timestamp(v.now_unix - secs)
                        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH),
                ),
                None => v.now.to_owned(),
            };
            q.push(" AND ").push(col).push(if c.op == Op::Before { " < " } else { " >= " });
            q.push_bind(bound);
        }
        ConditionField::Custom(key) => {
            let negate = matches!(c.op, Op::IsNot | Op::NotIn);
            q.push(if negate { " AND NOT EXISTS" } else { " AND EXISTS" });
            // Each value of the field as text: a list's items, or the single value itself, so one
            // form serves single values and multiselect lists alike; a checkbox's true is "1".
            q.push(match dialect {
                Dialect::Sqlite => {
                    " (SELECT 1 FROM ticket_field_values fv JOIN custom_fields cf ON cf.id = fv.field_id, \
                     json_each(fv.value) j WHERE fv.ticket_id = t.id AND cf.tenant_id = "
                }
                Dialect::Postgres => {
                    " (SELECT 1 FROM ticket_field_values fv JOIN custom_fields cf ON cf.id = fv.field_id \
                     CROSS JOIN LATERAL (SELECT CASE e WHEN 'true' THEN '1' WHEN 'false' THEN '0' ELSE e END AS value \
                     FROM jsonb_array_elements_text(CASE jsonb_typeof(CAST(fv.value AS jsonb)) \
                     WHEN 'array' THEN CAST(fv.value AS jsonb) ELSE jsonb_build_array(CAST(fv.value AS jsonb)) END) e) j \
                     WHERE fv.ticket_id = t.id AND cf.tenant_id = "
                }
            })
            .push_bind(v.tenant_id);
            q.push(" AND cf.key = ").push_bind(key);
            q.push(" AND CAST(j.value AS TEXT) IN (");
            let forms: Vec<Val> = values.iter().flat_map(|v| stored_forms(v)).map(Val::Text).collect();
            push_list(q, &forms);
            q.push("))");
        }
    }
    q.push(")");
}

/// The texts a stored custom field value matching condition value `v` reads as in SQL: `v`
/// itself; for a number, also the stored JSON's text of it (a value is stored as a JSON number,
/// so 3 is `3.0`: "3" matches it by value); for a checkbox's `true` / `false`, also the `1` / `0`
/// that the database's JSON functions give for them. Plain texts in the SQL keep one statement
/// for every database.
fn stored_forms(v: &str) -> Vec<String> {
    let mut forms = vec![v.to_owned()];
    match v {
        "true" => forms.push("1".to_owned()),
        "false" => forms.push("0".to_owned()),
        _ => {
            if let Some(n) = v.trim().parse::<f64>().ok().filter(|n| n.is_finite()) {
                forms.extend(serde_json::to_string(&n).ok());
                if n.fract() == 0.0 && n.abs() < 1e15 {
                    // Written as an integer (`3`), as JSON numbers may also be stored.
                    forms.push(format!("{}", n as i64));
                }
            }
        }
    }
    let mut unique: Vec<String> = Vec::with_capacity(forms.len());
    for form in forms {
        if !unique.contains(&form) {
            unique.push(form);
        }
    }
    unique
}

fn push_list(q: &mut Sql, values: &[Val]) {
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            q.push(", ");
        }
        push_val(q, v);
    }
}

#[cfg(test)]
mod tests {
    use super::stored_forms;

    #[test]
    fn numbers_and_checkboxes_match_as_stored() {
        assert_eq!(stored_forms("3"), ["3", "3.0"]);
        assert_eq!(stored_forms("3.0"), ["3.0", "3"]);
        assert_eq!(stored_forms("199.5"), ["199.5"]);
        assert_eq!(stored_forms("true"), ["true", "1"]);
        assert_eq!(stored_forms("red"), ["red"]);
    }
}
