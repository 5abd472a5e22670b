//! The filters every report shares, written into a statement: the tenant, the ticket properties
//! (assignee, group, type, priority, channel, sub-type, the requester's customer group, the
//! assignee's role; each a list, any of which matches) and a period
//! on one of the facts' timestamps. Trashed and suspended tickets are never counted.

use crate::storage::Sql;

/// What a report counts. `from` and `to` are stored timestamps (`from` inclusive, `to`
/// exclusive); `None` leaves that end open. Empty lists filter nothing.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub tenant_id: i64,
    pub from: Option<String>,
    pub to: Option<String>,
    pub agents: Vec<i64>,
    pub groups: Vec<i64>,
    pub types: Vec<i64>,
    pub priorities: Vec<String>,
    pub channels: Vec<String>,
    // Session 9: sub-types, the requester's customer group, the assignee's role (built-in codes
    // or custom role ids: any matches).
    pub subtypes: Vec<i64>,
    pub customer_groups: Vec<i64>,
    pub roles: Vec<String>,
    pub role_ids: Vec<i64>,
}

/// The facts joined to their tickets; `f` and `t`.
pub const FROM: &str = " FROM ticket_facts f JOIN tickets t ON t.id = f.ticket_id AND t.tenant_id = f.tenant_id";

/// The period's column: a ticket's creation or its first solve.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    Created,
    Solved,
}

impl Moment {
    pub fn column(self) -> &'static str {
        match self {
            Moment::Created => "f.created_at",
            Moment::Solved => "f.first_solved_at",
        }
    }
}

/// The statuses a ticket is "not solved" in (backlog, open now).
pub const UNSOLVED: &str = "('new', 'open', 'pending')";

fn push_in<T: Clone + Into<crate::storage::Arg>>(q: &mut Sql, column: &str, values: &[T]) {
    if values.is_empty() {
        return;
    }
    q.push(format_args!(" AND {column} IN ("));
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            q.push(", ");
        }
        q.push_bind(v.clone());
    }
    q.push(")");
}

/// `v1, v2, …` as bound values.
fn push_list<T: Clone + Into<crate::storage::Arg>>(q: &mut Sql, values: &[T]) {
    for (i, v) in values.iter().enumerate() {
        q.push(if i == 0 { "" } else { ", " }).push_bind(v.clone());
    }
}

impl Filter {
    /// ` WHERE` with the tenant and the ticket properties (no period).
    pub fn push_where(&self, q: &mut Sql) {
        q.push(" WHERE f.tenant_id = ").push_bind(self.tenant_id);
        q.push(" AND t.trashed_at IS NULL AND t.suspended_at IS NULL");
        self.push_properties(q);
    }

    /// The ticket properties alone (`AND …`).
    pub fn push_properties(&self, q: &mut Sql) {
        push_in(q, "t.assignee_id", &self.agents);
        push_in(q, "t.assignee_group_id", &self.groups);
        push_in(q, "t.type_id", &self.types);
        push_in(q, "t.priority", &self.priorities);
        push_in(q, "t.channel", &self.channels);
        push_in(q, "t.subtype_id", &self.subtypes);
        if !self.customer_groups.is_empty() {
            q.push(" AND t.requester_id IN (SELECT cg.id FROM users cg WHERE cg.tenant_id = ").push_bind(self.tenant_id);
            push_in(q, "cg.customer_group_id", &self.customer_groups);
            q.push(")");
        }
        if !self.roles.is_empty() || !self.role_ids.is_empty() {
            q.push(" AND t.assignee_id IN (SELECT ar.id FROM users ar WHERE ar.tenant_id = ").push_bind(self.tenant_id);
            q.push(" AND (");
            let mut any = false;
            for (column, empty) in [("ar.role", self.roles.is_empty()), ("ar.role_id", self.role_ids.is_empty())] {
                if empty {
                    continue;
                }
                q.push(if any { " OR " } else { "" });
                any = true;
                q.push(format_args!("{column} IN ("));
                match column {
                    "ar.role" => push_list(q, &self.roles),
                    _ => push_list(q, &self.role_ids),
                }
                q.push(")");
            }
            q.push("))");
        }
    }

    /// `AND` the period on `moment` (a ticket never solved is outside every period by solve).
    pub fn push_period(&self, q: &mut Sql, moment: Moment) {
        let column = moment.column();
        if moment == Moment::Solved {
            q.push(format_args!(" AND {column} IS NOT NULL"));
        }
        if let Some(from) = &self.from {
            q.push(format_args!(" AND {column} >= ")).push_bind(from);
        }
        if let Some(to) = &self.to {
            q.push(format_args!(" AND {column} < ")).push_bind(to);
        }
    }

    /// `FROM … WHERE …` for the tickets whose `moment` falls in the period.
    pub fn tickets(&self, q: &mut Sql, moment: Moment) {
        q.push(FROM);
        self.push_where(q);
        self.push_period(q, moment);
    }
}
