//! The expected status of each cell, as data: who sees which column (`sees`), and what a route
//! answers a principal about a column (`expect`), from the route's guard in the permissions table,
//! the principal's permissions and that sight.

use super::classify::Kind;
use crate::permissions::table::Guard;
use axum::http::{Method, StatusCode};
use baton_core::{Permission, Permissions};

/// The principals, in the order each route asks them: customers before staff, so that no staff
/// change (a restore from the trash) is seen by a customer cell of the same route; the demo
/// desk's admin last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Anonymous,
    /// Alice (Acme, a group that shares): the requester of the own, the other group's and the
    /// trashed ticket.
    CustomerA,
    /// Carol (Globex): the requester of the other customer's ticket.
    CustomerB,
    /// Bob (Acme): Alice's group peer.
    Peer,
    /// The demo agent, of Support (the own ticket's group).
    AgentIn,
    /// Li Lei, of Billing (the other group's ticket's group).
    AgentOut,
    /// An agent of Support whose role is every permission but the one the route needs
    /// (`tickets.see_all` where it needs none).
    Lacking,
    /// The other desk's admin.
    OtherAdmin,
    Admin,
}

impl Who {
    pub const ALL: [Who; 9] = [Who::Anonymous, Who::CustomerA, Who::CustomerB, Who::Peer, Who::AgentIn, Who::AgentOut, Who::Lacking, Who::OtherAdmin, Who::Admin];

    fn is_customer(self) -> bool {
        matches!(self, Who::CustomerA | Who::CustomerB | Who::Peer)
    }

    fn permissions(self, lacks: Permission) -> Permissions {
        match self {
            Who::AgentIn | Who::AgentOut => Permissions::AGENT,
            Who::Lacking => Permissions::ALL.without(lacks),
            Who::Admin | Who::OtherAdmin => Permissions::ALL,
            _ => Permissions::NONE,
        }
    }
}

/// What a cell is about. Tickets (and their attachments): the own ticket (Alice's, in Support),
/// the other group's (Alice's, in Billing), the other customer's (Carol's, in Support), the other
/// desk's (Dave's), a trashed and a suspended one (Alice's, in Support). Other resources: the demo desk's
/// (`Own`), another agent's private one (Li Lei's view or quick reply), the other desk's and a
/// deleted one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    Own,
    Group,
    Customer,
    Tenant,
    Trashed,
    Suspended,
    Private,
    Deleted,
}

impl Col {
    pub const TICKETS: [Col; 6] = [Col::Own, Col::Group, Col::Customer, Col::Tenant, Col::Trashed, Col::Suspended];

    /// Out of the customers' sight until restored (DOMAIN.md: trashed, suspended).
    fn flagged(self) -> bool {
        matches!(self, Col::Trashed | Col::Suspended)
    }

    /// The start of the title of every ticket (or name of every private view and reply) of the
    /// column: a body that must not show it to someone who does not see the column leaks.
    pub fn marker(self) -> &'static str {
        match self {
            Col::Own => "mx-own-",
            Col::Group => "mx-group-",
            Col::Customer => "mx-customer-",
            Col::Tenant => "mx-tenant-",
            Col::Trashed => "mx-trashed-",
            Col::Suspended => "mx-suspended-",
            Col::Private => "mx-private-",
            Col::Deleted => "mx-deleted-",
        }
    }
}

/// A cell's expectation: past every check of who may ask (the request may still fail on the
/// resource's state or the body: 400, 409, 412, 422, 428), or refused with exactly this status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    Passes,
    Refused(StatusCode),
}

impl Expect {
    pub fn holds(self, status: StatusCode) -> bool {
        match self {
            Expect::Passes => status.is_success() || [400, 409, 412, 422, 428].contains(&status.as_u16()),
            Expect::Refused(s) => s == status,
        }
    }

    pub fn short(self) -> String {
        match self {
            Expect::Passes => "ok".into(),
            Expect::Refused(s) => s.as_u16().to_string(),
        }
    }
}

/// Whether `who` may see what column `col` holds (`lacks`: the permission the Lacking agent is
/// without for this route).
pub fn sees(who: Who, col: Col, kind: Kind, lacks: Permission) -> bool {
    use Col::*;
    if !matches!(kind, Kind::Ticket | Kind::Attachment) {
        return match col {
            Own => who != Who::OtherAdmin && (!who.is_customer() && who != Who::Anonymous || kind == Kind::Article),
            Tenant => who == Who::OtherAdmin,
            Private => who == Who::AgentOut,
            _ => false,
        };
    }
    match who {
        Who::Anonymous => false,
        Who::CustomerA => matches!(col, Own | Group),
        Who::CustomerB => col == Customer,
        Who::Peer => matches!(col, Own | Group),
        Who::AgentIn => matches!(col, Own | Customer) || col.flagged(),
        Who::AgentOut => col == Group,
        Who::Lacking => matches!(col, Own | Customer) || col.flagged() || col == Group && lacks != Permission::TicketsSeeAll,
        Who::Admin => col != Tenant,
        Who::OtherAdmin => col == Tenant,
    }
}

/// The markers `who` must never be shown (those of the ticket columns they do not see, and
/// another agent's private views and replies).
pub fn hidden_markers(who: Who, lacks: Permission) -> Vec<&'static str> {
    let mut hidden: Vec<_> = Col::TICKETS.into_iter().filter(|c| !sees(who, *c, Kind::Ticket, lacks)).map(Col::marker).collect();
    if who != Who::AgentOut {
        hidden.push(Col::Private.marker());
    }
    hidden
}

/// The markers a response must show (so that the matrix asks what it means to): a ticket seen
/// by its reader, and every column of tickets a principal sees but the flagged in their list.
pub fn must_show(method: &Method, path: &str, who: Who, col: Col, lacks: Permission) -> Vec<&'static str> {
    let seen = |c: Col| sees(who, c, Kind::Ticket, lacks);
    match path {
        _ if *method != Method::GET => Vec::new(),
        "/tickets/{id}" if seen(col) => vec![col.marker()],
        "/tickets" => Col::TICKETS.into_iter().filter(|c| !c.flagged() && seen(*c)).map(Col::marker).collect(),
        _ => Vec::new(),
    }
}

/// Who may send a request the ticket's requester alone may: confidential info is the
/// requester's to set (staff and the peer get 403), the lifecycle actions the requester's and
/// staff's (the peer gets 403).
fn requester_only(method: &Method, path: &str, who: Who, col: Col) -> bool {
    let requester = who == Who::CustomerA && col != Col::Customer || who == Who::CustomerB && col == Col::Customer;
    match path {
        "/tickets/{id}/confidential" => *method == Method::PUT && !requester,
        "/tickets/{id}/actions" => who == Who::Peer,
        _ => false,
    }
}

/// What `route` (guarded by `guard`; `probed`: the permission a request of a Staff route needs to
/// change a shared view or reply) answers `who` about `col`.
#[allow(clippy::too_many_arguments)]
pub fn expect(method: &Method, path: &str, kind: Kind, guard: Guard, probed: Option<Permission>, who: Who, col: Col, lacks: Permission) -> Expect {
    let refused = Expect::Refused;
    if who == Who::Anonymous {
        if guard != Guard::Public {
            return refused(StatusCode::UNAUTHORIZED);
        }
    } else if who.is_customer() && matches!(guard, Guard::Staff | Guard::Needs(_)) {
        // A staff route of a ticket hides it from customers as if it were not there.
        let ticket = matches!(kind, Kind::Ticket | Kind::Attachment);
        return refused(if ticket { StatusCode::NOT_FOUND } else { StatusCode::FORBIDDEN });
    }
    let holds = |p: Permission| who.permissions(lacks).contains(p);
    if let Guard::Needs(p) = guard {
        if !holds(p) {
            return refused(StatusCode::FORBIDDEN);
        }
    }
    if kind == Kind::List {
        return Expect::Passes;
    }
    // Hiding a view for everyone is refused whichever the view (the scope is in the body); the
    // private column is asked for the owner alone.
    if let Some(p) = probed.filter(|_| path == "/views/{id}/hidden" && col != Col::Private) {
        if !holds(p) {
            return refused(StatusCode::FORBIDDEN);
        }
    }
    if !sees(who, col, kind, lacks) {
        return refused(StatusCode::NOT_FOUND);
    }
    if requester_only(method, path, who, col) {
        return refused(StatusCode::FORBIDDEN);
    }
    // A shared (public) view or reply is changed by those who manage them (the own column's, asked
    // with the probe's body); one's own private one by its owner.
    if let Some(p) = probed {
        if col == Col::Own && !holds(p) {
            return refused(StatusCode::FORBIDDEN);
        }
    }
    Expect::Passes
}
