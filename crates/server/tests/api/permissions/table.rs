//! The table: every route with who may call it, and the requests each permission guards.

use axum::http::{Method, StatusCode};
use baton_core::{Permission, Permissions};
use serde_json::{json, Value};
use Guard::{Needs, Public, Session, Staff};
use Permission as P;

/// Who may call a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guard {
    /// Anyone, without a session.
    Public,
    /// Any signed-in user: customers by the ticket rules, staff by their share of the tickets.
    Session,
    /// Any staff (customers get 403, or 404 where ticket-scoped); some requests of these routes
    /// need a permission besides (see [`probes`]).
    Staff,
    /// Staff holding this permission.
    Needs(Permission),
}

/// Every route of the API (paths under `/api/v1`) and its guard.
pub const ROUTES: &[(&str, &str, Guard)] = &[
    ("GET", "/health", Public),
    ("GET", "/ready", Public),
    ("GET", "/capabilities", Public),
    ("GET", "/openapi.json", Public),
    ("GET", "/docs", Public),
    ("POST", "/session", Public),
    ("POST", "/session/jwt", Public),
    // A single-use link is its own credential.
    ("POST", "/password-tokens/{token}", Public),
    ("POST", "/password-resets", Public),
    ("POST", "/signups", Public),
    ("GET", "/widget/{tenant}", Public),
    ("GET", "/kb/categories", Public),
    ("GET", "/kb/articles", Public),
    ("GET", "/kb/articles/{id}", Public),
    ("DELETE", "/session", Session),
    ("DELETE", "/sessions", Session),
    ("GET", "/me", Session),
    ("GET", "/ticket-types", Session),
    ("POST", "/tickets", Session),
    ("GET", "/tickets", Session),
    ("GET", "/tickets/{id}", Session),
    ("POST", "/tickets/{id}/actions", Session),
    ("GET", "/tickets/{id}/messages", Session),
    ("POST", "/tickets/{id}/messages", Session),
    ("PUT", "/tickets/{id}/confidential", Session),
    ("POST", "/attachments", Session),
    ("GET", "/attachments/{id}", Session),
    ("GET", "/events", Session),
    ("POST", "/events/ticket", Session),
    ("PATCH", "/tickets/{id}", Staff),
    ("PUT", "/tickets/{id}/star", Staff),
    ("DELETE", "/tickets/{id}/star", Staff),
    ("GET", "/tickets/{id}/confidential/reveals", Staff),
    ("GET", "/tickets/{id}/presence", Staff),
    ("POST", "/tickets/{id}/presence", Staff),
    ("DELETE", "/tickets/{id}/presence", Staff),
    ("GET", "/views", Staff),
    ("POST", "/views", Staff),
    ("GET", "/views/counts", Staff),
    ("PUT", "/views/order", Staff),
    ("GET", "/views/{id}", Staff),
    ("PUT", "/views/{id}", Staff),
    ("DELETE", "/views/{id}", Staff),
    ("PUT", "/views/{id}/hidden", Staff),
    ("GET", "/views/{id}/tickets", Staff),
    ("GET", "/groups", Staff),
    ("GET", "/agents", Staff),
    ("GET", "/customer-groups", Staff),
    ("GET", "/quick-replies", Staff),
    ("POST", "/quick-replies", Staff),
    ("PUT", "/quick-replies/{id}", Staff),
    ("DELETE", "/quick-replies/{id}", Staff),
    ("GET", "/me/settings", Staff),
    ("PUT", "/me/settings", Staff),
    ("PUT", "/me/availability", Staff),
    // notifications (issue 13): each caller's own.
    ("GET", "/notifications", Session),
    ("POST", "/notifications/read", Session),
    ("GET", "/me/notification-preferences", Session),
    ("PUT", "/me/notification-preferences", Session),
    ("GET", "/customers", Staff),
    ("GET", "/customers/{id}", Staff),
    ("GET", "/tickets/{id}/requester", Staff),
    ("POST", "/customers/{id}/tickets", Staff),
    ("POST", "/tickets/bulk", Needs(P::TicketsBulk)),
    ("POST", "/tickets/{id}/trash", Needs(P::TicketsDelete)),
    ("DELETE", "/tickets/{id}/trash", Needs(P::TicketsDelete)),
    ("POST", "/tickets/{id}/suspend", Needs(P::TicketsDelete)),
    ("DELETE", "/tickets/{id}/suspend", Needs(P::TicketsDelete)),
    ("POST", "/tickets/{id}/confidential/reveal", Needs(P::TicketsRevealConfidential)),
    ("POST", "/customers", Needs(P::CustomersManage)),
    ("POST", "/kb/categories", Needs(P::KbWrite)),
    ("PATCH", "/kb/categories/{id}", Needs(P::KbWrite)),
    ("DELETE", "/kb/categories/{id}", Needs(P::KbWrite)),
    ("POST", "/kb/articles", Needs(P::KbWrite)),
    ("PATCH", "/kb/articles/{id}", Needs(P::KbWrite)),
    // The knowledge-base editor (issue 12).
    ("DELETE", "/kb/articles/{id}", Needs(P::KbWrite)),
    ("GET", "/admin/sso", Needs(P::SettingsManage)),
    ("POST", "/admin/sso/secret", Needs(P::SettingsManage)),
    ("PUT", "/admin/sso/origins", Needs(P::SettingsManage)),
    ("GET", "/admin/settings", Needs(P::SettingsManage)),
    ("PATCH", "/admin/settings", Needs(P::SettingsManage)),
    ("GET", "/admin/sla/calendars", Needs(P::SettingsManage)),
    ("POST", "/admin/sla/calendars", Needs(P::SettingsManage)),
    ("PUT", "/admin/sla/calendars/{id}", Needs(P::SettingsManage)),
    ("DELETE", "/admin/sla/calendars/{id}", Needs(P::SettingsManage)),
    ("GET", "/admin/sla/policies", Needs(P::SettingsManage)),
    ("POST", "/admin/sla/policies", Needs(P::SettingsManage)),
    ("PUT", "/admin/sla/policies/order", Needs(P::SettingsManage)),
    ("PUT", "/admin/sla/policies/{id}", Needs(P::SettingsManage)),
    ("GET", "/admin/ticket-types", Needs(P::SettingsManage)),
    ("POST", "/admin/ticket-types", Needs(P::SettingsManage)),
    ("PUT", "/admin/ticket-types/order", Needs(P::SettingsManage)),
    ("PUT", "/admin/ticket-types/{id}", Needs(P::SettingsManage)),
    ("POST", "/admin/ticket-types/{id}/subtypes", Needs(P::SettingsManage)),
    ("PUT", "/admin/ticket-types/{id}/subtypes/order", Needs(P::SettingsManage)),
    ("POST", "/admin/ticket-types/{id}/fields", Needs(P::SettingsManage)),
    ("PUT", "/admin/subtypes/{id}", Needs(P::SettingsManage)),
    ("PUT", "/admin/fields/order", Needs(P::SettingsManage)),
    ("PUT", "/admin/fields/{id}", Needs(P::SettingsManage)),
    ("GET", "/admin/dictionaries", Needs(P::SettingsManage)),
    ("POST", "/admin/dictionaries", Needs(P::SettingsManage)),
    ("PUT", "/admin/dictionaries/{id}", Needs(P::SettingsManage)),
    ("DELETE", "/admin/sla/policies/{id}", Needs(P::SettingsManage)),
    ("GET", "/admin/groups", Needs(P::SettingsManage)),
    ("POST", "/admin/groups", Needs(P::SettingsManage)),
    ("PATCH", "/admin/groups/{id}", Needs(P::SettingsManage)),
    ("DELETE", "/admin/groups/{id}", Needs(P::SettingsManage)),
    ("GET", "/admin/routing/rules", Needs(P::SettingsManage)),
    ("POST", "/admin/routing/rules", Needs(P::SettingsManage)),
    ("PUT", "/admin/routing/rules/order", Needs(P::SettingsManage)),
    ("PUT", "/admin/routing/rules/{id}", Needs(P::SettingsManage)),
    ("DELETE", "/admin/routing/rules/{id}", Needs(P::SettingsManage)),
    // Workflows (issue 13): moves are for whoever may work the ticket.
    ("GET", "/admin/workflows", Needs(P::SettingsManage)),
    ("POST", "/admin/workflows", Needs(P::SettingsManage)),
    ("GET", "/admin/workflows/{id}", Needs(P::SettingsManage)),
    ("PUT", "/admin/workflows/{id}", Needs(P::SettingsManage)),
    ("DELETE", "/admin/workflows/{id}", Needs(P::SettingsManage)),
    ("POST", "/tickets/{id}/workflow/pass", Staff),
    // Automations (issue 13).
    ("GET", "/admin/automations", Needs(P::SettingsManage)),
    ("POST", "/admin/automations", Needs(P::SettingsManage)),
    ("PUT", "/admin/automations/order", Needs(P::SettingsManage)),
    ("GET", "/admin/automations/{id}", Needs(P::SettingsManage)),
    ("PUT", "/admin/automations/{id}", Needs(P::SettingsManage)),
    ("DELETE", "/admin/automations/{id}", Needs(P::SettingsManage)),
    ("POST", "/tickets/{id}/workflow/return", Staff),
    ("GET", "/admin/roles", Needs(P::AgentsManage)),
    ("POST", "/admin/roles", Needs(P::AgentsManage)),
    ("PATCH", "/admin/roles/{id}", Needs(P::AgentsManage)),
    ("DELETE", "/admin/roles/{id}", Needs(P::AgentsManage)),
    ("PUT", "/admin/agents/{id}/role", Needs(P::AgentsManage)),
    ("GET", "/admin/agents", Needs(P::AgentsManage)),
    ("POST", "/admin/agents", Needs(P::AgentsManage)),
    ("PATCH", "/admin/agents/{id}", Needs(P::AgentsManage)),
    ("POST", "/admin/agents/{id}/invitation", Needs(P::AgentsManage)),
    ("GET", "/admin/mail", Needs(P::SettingsManage)),
    // customers administration (issue 12)
    ("GET", "/admin/customers", Needs(P::CustomersManage)),
    ("GET", "/admin/customers/{id}", Needs(P::CustomersManage)),
    ("PATCH", "/admin/customers/{id}", Needs(P::CustomersManage)),
    ("POST", "/admin/customers/{id}/merge", Needs(P::CustomersManage)),
    ("POST", "/admin/customers/import", Needs(P::CustomersImport)),
    ("GET", "/admin/customer-groups", Needs(P::CustomersManage)),
    ("POST", "/admin/customer-groups", Needs(P::CustomersManage)),
    ("PATCH", "/admin/customer-groups/{id}", Needs(P::CustomersManage)),
    ("GET", "/reports/summary", Needs(P::ReportsView)),
    ("GET", "/reports/agents", Needs(P::ReportsView)),
    ("GET", "/reports/tickets", Needs(P::ReportsView)),
    ("GET", "/reports/tickets.csv", Needs(P::ReportsExport)),
    // Reports (issue 14, session 9).
    ("GET", "/reports/tickets.xlsx", Needs(P::ReportsExport)),
    ("GET", "/reports/groups", Needs(P::ReportsView)),
    ("GET", "/reports/comments", Needs(P::ReportsView)),
    // audit log (issue 12)
    ("GET", "/admin/audit", Needs(P::SettingsManage)),
    // Reports (issue 14, session 10): SLA attainment per policy and the breaches.
    ("GET", "/reports/sla", Needs(P::ReportsView)),
    ("GET", "/reports/sla/breaches", Needs(P::ReportsView)),
];

/// What a probe's `{id}` names; each is made fresh for the request (as the admin or Alice).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    None,
    /// Alice's ticket, routed to no group: every agent's.
    Ticket,
    /// The same, with confidential info to reveal.
    SecretTicket,
    /// Alice's ticket routed to Billing, a group the tester is not in.
    BillingTicket,
    PublicView,
    PublicReply,
    Article,
    /// A new draft article (the knowledge-base editor, issue 12: deleting one).
    NewArticle,
    /// A new knowledge-base category without articles.
    NewCategory,
    /// A custom role without permissions.
    Role,
    /// A new agent whose custom role has no permissions.
    Agent,
    SlaCalendar,
    SlaPolicy,
    /// A new agent group without members, where nothing routes.
    Group,
    /// A new routing rule to a new group.
    RoutingRule,
    /// Workflows: a new ticket type and a new group (`$type`, `$group`), where none runs yet.
    WorkflowType,
    /// Workflows: a new workflow on a new type, over a new group.
    Workflow,
    /// Someone invited with a custom role without permissions, who has not joined yet.
    Invitee,
    /// A new ticket type without sub-types or fields.
    CatalogType,
    /// A new sub-type of a new type.
    Subtype,
    /// A new text field, the only one of a new type.
    Field,
    Dictionary,
    // customers administration (issue 12)
    /// A new customer of the desk, registered by the admin.
    Customer,
    /// A new customer to merge away, and another (`"$into"`) to merge into.
    CustomerPair,
    /// A new customer group.
    CustomerGroup,
    /// Automations (issue 13): a new rule no ticket of the probes meets.
    Automation,
}

/// A request that needs `permission` (and `also`, for the request to succeed at all): without it
/// the answer is `refused`.
#[derive(Debug, Clone)]
pub struct Probe {
    pub permission: Permission,
    pub also: Permissions,
    pub method: Method,
    pub route: &'static str,
    pub target: Target,
    /// The body; `$n` in a string becomes a number unique to the request, `"$id"` the target's id
    /// (`"$sid"` as a string), `"$role"` the custom role of a [`Target::Agent`], `"$group"` the group
    /// of a [`Target::RoutingRule`], `"$policies"` and `"$rules"` every SLA policy or rule.
    pub body: Option<Value>,
    pub refused: StatusCode,
}

fn probe(permission: Permission, method: Method, route: &'static str, target: Target, body: Option<Value>) -> Probe {
    Probe { permission, also: Permissions::NONE, method, route, target, body, refused: StatusCode::FORBIDDEN }
}

/// Every guarded request, by permission.
pub fn probes() -> Vec<Probe> {
    use Target as T;
    let public_view = json!({ "name": "View $n", "visibility": "public" });
    let public_reply = json!({ "title": "Reply $n", "body": "b", "visibility": "public" });
    let mut bulk_trash = probe(P::TicketsDelete, Method::POST, "/tickets/bulk", T::Ticket, Some(json!({ "ids": ["$id"], "op": { "kind": "trash" } })));
    bulk_trash.also = Permissions::of(&[P::TicketsBulk]);
    let mut see_all = vec![
        probe(P::TicketsSeeAll, Method::GET, "/tickets/{id}", T::BillingTicket, None),
        probe(P::TicketsSeeAll, Method::GET, "/tickets/{id}/messages", T::BillingTicket, None),
    ];
    for p in &mut see_all {
        // Outside the agent's share a ticket does not exist for them.
        p.refused = StatusCode::NOT_FOUND;
    }
    let mut all = see_all;
    all.extend([
        bulk_trash,
        probe(P::TicketsDelete, Method::POST, "/tickets/{id}/trash", T::Ticket, None),
        probe(P::TicketsDelete, Method::DELETE, "/tickets/{id}/trash", T::Ticket, None),
        probe(P::TicketsDelete, Method::POST, "/tickets/{id}/suspend", T::Ticket, None),
        probe(P::TicketsDelete, Method::DELETE, "/tickets/{id}/suspend", T::Ticket, None),
        probe(P::TicketsRevealConfidential, Method::POST, "/tickets/{id}/confidential/reveal", T::SecretTicket, None),
        probe(P::TicketsBulk, Method::POST, "/tickets/bulk", T::Ticket, Some(json!({ "ids": ["$id"], "op": { "kind": "priority", "priority": "high" } }))),
        probe(P::ViewsManagePublic, Method::POST, "/views", T::None, Some(public_view.clone())),
        probe(P::ViewsManagePublic, Method::PUT, "/views/{id}", T::PublicView, Some(public_view)),
        probe(P::ViewsManagePublic, Method::DELETE, "/views/{id}", T::PublicView, None),
        probe(P::ViewsManagePublic, Method::PUT, "/views/order", T::PublicView, Some(json!({ "ids": ["$sid"], "scope": "everyone" }))),
        probe(P::ViewsManagePublic, Method::PUT, "/views/{id}/hidden", T::PublicView, Some(json!({ "hidden": true, "scope": "everyone" }))),
        probe(P::ViewsManagePublic, Method::POST, "/quick-replies", T::None, Some(public_reply.clone())),
        probe(P::ViewsManagePublic, Method::PUT, "/quick-replies/{id}", T::PublicReply, Some(public_reply)),
        probe(P::ViewsManagePublic, Method::DELETE, "/quick-replies/{id}", T::PublicReply, None),
        probe(P::CustomersManage, Method::POST, "/customers", T::None, Some(json!({ "name": "Caller $n", "email": "caller$n@example.com" }))),
        probe(P::KbWrite, Method::POST, "/kb/categories", T::None, Some(json!({ "name": "Category $n" }))),
        probe(P::KbWrite, Method::PATCH, "/kb/categories/{id}", T::NewCategory, Some(json!({ "name": "Renamed $n" }))),
        probe(P::KbWrite, Method::DELETE, "/kb/categories/{id}", T::NewCategory, None),
        probe(P::KbWrite, Method::POST, "/kb/articles", T::None, Some(json!({ "title": "Article $n" }))),
        probe(P::KbWrite, Method::PATCH, "/kb/articles/{id}", T::Article, Some(json!({ "title": "Edited $n" }))),
        // The knowledge-base editor (issue 12): deleting gets an article of its own.
        probe(P::KbWrite, Method::DELETE, "/kb/articles/{id}", T::NewArticle, None),
        probe(P::SettingsManage, Method::GET, "/admin/sso", T::None, None),
        probe(P::SettingsManage, Method::POST, "/admin/sso/secret", T::None, None),
        probe(P::SettingsManage, Method::PUT, "/admin/sso/origins", T::None, Some(json!({ "origins": ["https://shop.test"] }))),
        probe(P::SettingsManage, Method::GET, "/admin/settings", T::None, None),
        probe(P::SettingsManage, Method::PATCH, "/admin/settings", T::None, Some(json!({ "auto_close_days": 4 }))),
        probe(P::SettingsManage, Method::GET, "/admin/sla/calendars", T::None, None),
        probe(P::SettingsManage, Method::POST, "/admin/sla/calendars", T::None, Some(sla_calendar())),
        probe(P::SettingsManage, Method::GET, "/admin/sla/policies", T::None, None),
        probe(P::SettingsManage, Method::POST, "/admin/sla/policies", T::None, Some(sla_policy())),
        probe(P::SettingsManage, Method::PUT, "/admin/sla/calendars/{id}", T::SlaCalendar, Some(sla_calendar())),
        probe(P::SettingsManage, Method::DELETE, "/admin/sla/calendars/{id}", T::SlaCalendar, None),
        probe(P::SettingsManage, Method::PUT, "/admin/sla/policies/{id}", T::SlaPolicy, Some(sla_policy())),
        probe(P::SettingsManage, Method::PUT, "/admin/sla/policies/order", T::SlaPolicy, Some(json!({ "ids": "$policies" }))),
        probe(P::SettingsManage, Method::DELETE, "/admin/sla/policies/{id}", T::SlaPolicy, None),
        probe(P::SettingsManage, Method::GET, "/admin/ticket-types", T::None, None),
        probe(P::SettingsManage, Method::POST, "/admin/ticket-types", T::None, Some(json!({ "name": { "en": "Type $n" } }))),
        probe(P::SettingsManage, Method::PUT, "/admin/ticket-types/order", T::CatalogType, Some(json!({ "ids": "$types" }))),
        probe(P::SettingsManage, Method::PUT, "/admin/ticket-types/{id}", T::CatalogType, Some(json!({ "name": { "en": "Renamed $n" } }))),
        probe(P::SettingsManage, Method::POST, "/admin/ticket-types/{id}/subtypes", T::CatalogType, Some(json!({ "name": { "en": "Sub $n" } }))),
        probe(P::SettingsManage, Method::PUT, "/admin/ticket-types/{id}/subtypes/order", T::CatalogType, Some(json!({ "ids": [] }))),
        probe(P::SettingsManage, Method::POST, "/admin/ticket-types/{id}/fields", T::CatalogType, Some(catalog_field())),
        probe(P::SettingsManage, Method::PUT, "/admin/subtypes/{id}", T::Subtype, Some(json!({ "name": { "en": "Renamed $n" } }))),
        probe(P::SettingsManage, Method::PUT, "/admin/fields/order", T::Field, Some(json!({ "ids": ["$id"] }))),
        probe(P::SettingsManage, Method::PUT, "/admin/fields/{id}", T::Field, Some(json!({ "label": { "en": "Relabelled $n" } }))),
        probe(P::SettingsManage, Method::GET, "/admin/dictionaries", T::None, None),
        probe(P::SettingsManage, Method::POST, "/admin/dictionaries", T::None, Some(dictionary())),
        probe(P::SettingsManage, Method::PUT, "/admin/dictionaries/{id}", T::Dictionary, Some(dictionary())),
        probe(P::SettingsManage, Method::GET, "/admin/groups", T::None, None),
        probe(P::SettingsManage, Method::POST, "/admin/groups", T::None, Some(json!({ "name": "Group $n", "mode": "round_robin" }))),
        probe(P::SettingsManage, Method::PATCH, "/admin/groups/{id}", T::Group, Some(json!({ "name": "Renamed $n", "mode": "least_loaded" }))),
        probe(P::SettingsManage, Method::DELETE, "/admin/groups/{id}", T::Group, None),
        probe(P::SettingsManage, Method::GET, "/admin/routing/rules", T::None, None),
        probe(P::SettingsManage, Method::POST, "/admin/routing/rules", T::Group, Some(routing_rule())),
        probe(P::SettingsManage, Method::PUT, "/admin/routing/rules/{id}", T::RoutingRule, Some(json!({ "name": "Rule $n", "group_id": "$group" }))),
        probe(P::SettingsManage, Method::PUT, "/admin/routing/rules/order", T::RoutingRule, Some(json!({ "ids": "$rules" }))),
        probe(P::SettingsManage, Method::DELETE, "/admin/routing/rules/{id}", T::RoutingRule, None),
        // Workflows (issue 13).
        probe(P::SettingsManage, Method::GET, "/admin/workflows", T::None, None),
        probe(P::SettingsManage, Method::POST, "/admin/workflows", T::WorkflowType, Some(workflow())),
        probe(P::SettingsManage, Method::GET, "/admin/workflows/{id}", T::Workflow, None),
        probe(P::SettingsManage, Method::PUT, "/admin/workflows/{id}", T::Workflow, Some(workflow())),
        probe(P::SettingsManage, Method::DELETE, "/admin/workflows/{id}", T::Workflow, None),
        // Automations (issue 13).
        probe(P::SettingsManage, Method::GET, "/admin/automations", T::None, None),
        probe(P::SettingsManage, Method::POST, "/admin/automations", T::None, Some(automation())),
        probe(P::SettingsManage, Method::GET, "/admin/automations/{id}", T::Automation, None),
        probe(P::SettingsManage, Method::PUT, "/admin/automations/{id}", T::Automation, Some(automation())),
        probe(P::SettingsManage, Method::PUT, "/admin/automations/order", T::Automation, Some(json!({ "ids": "$automations" }))),
        probe(P::SettingsManage, Method::DELETE, "/admin/automations/{id}", T::Automation, None),
        probe(P::SettingsManage, Method::GET, "/admin/mail", T::None, None),
        probe(P::AgentsManage, Method::GET, "/admin/roles", T::None, None),
        probe(P::AgentsManage, Method::POST, "/admin/roles", T::None, Some(json!({ "name": "Role $n", "permissions": [] }))),
        probe(P::AgentsManage, Method::PATCH, "/admin/roles/{id}", T::Role, Some(json!({ "name": "Renamed $n" }))),
        probe(P::AgentsManage, Method::DELETE, "/admin/roles/{id}", T::Role, None),
        // The same (empty) custom role again: the agent set would be more than agents.manage
        // alone may grant.
        probe(P::AgentsManage, Method::PUT, "/admin/agents/{id}/role", T::Agent, Some(json!({ "role": "agent", "role_id": "$role" }))),
        probe(P::AgentsManage, Method::GET, "/admin/agents", T::None, None),
        // The fixture agent's empty custom role: all that agents.manage alone may give.
        probe(P::AgentsManage, Method::POST, "/admin/agents", T::Agent, Some(json!({ "email": "invitee$n@baton.test", "name": "Invitee $n", "role": "agent", "role_id": "$role" }))),
        probe(P::AgentsManage, Method::PATCH, "/admin/agents/{id}", T::Agent, Some(json!({ "name": "Renamed $n" }))),
        probe(P::AgentsManage, Method::POST, "/admin/agents/{id}/invitation", T::Invitee, None),
        // customers administration (issue 12); the import's body (a JSON string) is sent as the
        // CSV file itself.
        probe(P::CustomersManage, Method::GET, "/admin/customers", T::None, None),
        probe(P::CustomersManage, Method::GET, "/admin/customers/{id}", T::Customer, None),
        probe(P::CustomersManage, Method::PATCH, "/admin/customers/{id}", T::Customer, Some(json!({ "name": "Renamed $n" }))),
        probe(P::CustomersManage, Method::POST, "/admin/customers/{id}/merge", T::CustomerPair, Some(json!({ "into": "$into" }))),
        probe(P::CustomersImport, Method::POST, "/admin/customers/import", T::None, Some(json!("email,name\nimported$n@customer.test,Imported\n"))),
        probe(P::CustomersManage, Method::GET, "/admin/customer-groups", T::None, None),
        probe(P::CustomersManage, Method::POST, "/admin/customer-groups", T::None, Some(json!({ "name": "Group $n" }))),
        probe(P::CustomersManage, Method::PATCH, "/admin/customer-groups/{id}", T::CustomerGroup, Some(json!({ "name": "Renamed $n" }))),
        probe(P::ReportsView, Method::GET, "/reports/summary", T::None, None),
        probe(P::ReportsView, Method::GET, "/reports/agents", T::None, None),
        probe(P::ReportsView, Method::GET, "/reports/tickets", T::None, None),
        probe(P::ReportsExport, Method::GET, "/reports/tickets.csv", T::None, None),
        // Reports (issue 14, session 9).
        probe(P::ReportsExport, Method::GET, "/reports/tickets.xlsx", T::None, None),
        probe(P::ReportsView, Method::GET, "/reports/groups", T::None, None),
        probe(P::ReportsView, Method::GET, "/reports/comments", T::None, None),
        // audit log (issue 12)
        probe(P::SettingsManage, Method::GET, "/admin/audit", T::None, None),
        // Reports (issue 14, session 10).
        probe(P::ReportsView, Method::GET, "/reports/sla", T::None, None),
        probe(P::ReportsView, Method::GET, "/reports/sla/breaches", T::None, None),
    ]);
    all
}

/// A valid body for each route that takes one (for the columns test: the refusal must be the
/// guard's, not the body's).
pub fn body_for(path: &str) -> Option<Value> {
    Some(match path {
        "/session" => json!({ "email": "nobody@example.com", "password": "x" }),
        "/session/jwt" => json!({ "tenant": "demo", "token": "x" }),
        "/password-tokens/{token}" => json!({ "password": "a long enough password" }),
        "/password-resets" => json!({ "email": "nobody@example.com" }),
        "/signups" => json!({ "email": "nobody@example.com", "name": "Nobody", "tenant": "demo" }),
        "/tickets" | "/customers/{id}/tickets" => json!({ "title": "t", "description": "d" }),
        "/tickets/{id}" => json!({ "priority": "high" }),
        "/tickets/{id}/actions" => json!({ "action": "open" }),
        "/tickets/{id}/messages" => json!({ "body": "b" }),
        "/tickets/{id}/confidential" => json!({ "value": "v" }),
        "/tickets/{id}/presence" => json!({ "typing": false }),
        "/tickets/bulk" => json!({ "ids": [1], "op": { "kind": "priority", "priority": "high" } }),
        "/views" | "/views/{id}" => json!({ "name": "View $n", "visibility": "private" }),
        "/views/order" => json!({ "ids": ["mine"] }),
        "/views/{id}/hidden" => json!({ "hidden": true }),
        "/quick-replies" | "/quick-replies/{id}" => json!({ "title": "Reply $n", "body": "b" }),
        "/me/settings" => json!({ "shortcuts": {} }),
        "/customers" => json!({ "name": "Caller $n", "email": "caller$n@example.com" }),
        "/kb/categories" | "/kb/categories/{id}" => json!({ "name": "Category $n" }),
        "/kb/articles" | "/kb/articles/{id}" => json!({ "title": "Article $n" }),
        "/admin/sso/origins" => json!({ "origins": [] }),
        "/admin/settings" => json!({ "auto_close_days": 3 }),
        "/admin/sla/calendars" | "/admin/sla/calendars/{id}" => sla_calendar(),
        "/admin/sla/policies" | "/admin/sla/policies/{id}" => sla_policy(),
        "/admin/sla/policies/order" => json!({ "ids": [] }),
        "/admin/groups" | "/admin/groups/{id}" => json!({ "name": "Group $n" }),
        "/admin/ticket-types" | "/admin/ticket-types/{id}" | "/admin/ticket-types/{id}/subtypes" | "/admin/subtypes/{id}" => json!({ "name": { "en": "Type $n" } }),
        "/admin/ticket-types/order" | "/admin/ticket-types/{id}/subtypes/order" | "/admin/fields/order" => json!({ "ids": [] }),
        "/admin/ticket-types/{id}/fields" => catalog_field(),
        "/admin/fields/{id}" => json!({ "label": { "en": "Field $n" } }),
        "/admin/dictionaries" | "/admin/dictionaries/{id}" => dictionary(),
        "/admin/routing/rules" | "/admin/routing/rules/{id}" => json!({ "name": "Rule $n", "group_id": 1 }),
        "/admin/routing/rules/order" => json!({ "ids": [] }),
        "/admin/workflows" | "/admin/workflows/{id}" => json!({ "name": "W $n", "type_id": 1, "steps": [{ "key": "a", "name": "A", "group_id": 1 }] }),
        "/tickets/{id}/workflow/pass" => json!({ "step_id": 1, "assignee_id": 1 }),
        "/tickets/{id}/workflow/return" => json!({ "reason": "r" }),
        "/me/availability" => json!({ "available": true }),
        // Automations (issue 13).
        "/admin/automations" | "/admin/automations/{id}" => automation(),
        "/admin/automations/order" => json!({ "ids": [] }),
        // notifications (issue 13)
        "/notifications/read" => json!({ "all": true }),
        "/me/notification-preferences" => json!({ "events": [] }),
        "/admin/roles" | "/admin/roles/{id}" => json!({ "name": "Role $n", "permissions": [] }),
        "/admin/agents/{id}/role" => json!({ "role": "agent" }),
        "/admin/agents" => json!({ "email": "invitee$n@baton.test", "name": "Invitee $n", "role": "agent" }),
        "/admin/agents/{id}" => json!({ "name": "Renamed $n" }),
        // customers administration (issue 12)
        "/admin/customers/{id}" => json!({ "name": "Renamed $n" }),
        "/admin/customers/{id}/merge" => json!({ "into": 1 }),
        "/admin/customer-groups" | "/admin/customer-groups/{id}" => json!({ "name": "Group $n" }),
        _ => return None,
    })
}

/// A calendar any desk may create (its name carries the probe's number).
pub fn sla_calendar() -> Value {
    let day = json!([{ "start": "09:00", "end": "17:00" }]);
    json!({ "name": "Calendar $n", "time_zone": "UTC", "week": [day, day, day, day, day, [], []] })
}

pub fn sla_policy() -> Value {
    json!({ "name": "Policy $n", "targets": [{ "priority": "normal", "first_reply": 60 }] })
}

/// A rule to the probe's new group (`"$id"`: a [`Target::Group`]).
/// A one-step workflow on the fixture's type, over its group.
pub fn workflow() -> Value {
    json!({ "name": "Workflow $n", "type_id": "$type", "steps": [{ "key": "only", "name": "Only", "group_id": "$group" }] })
}

/// Automations (issue 13): a rule for tickets tagged as none is.
pub fn automation() -> Value {
    json!({ "name": "Automation $n", "trigger": { "kind": "event", "event": "created" },
            "conditions": [{ "field": "tags", "op": "in", "value": ["probe-never"] }],
            "actions": [{ "kind": "add_tags", "tags": ["probed"] }] })
}

pub fn routing_rule() -> Value {
    json!({ "name": "Rule $n", "conditions": { "channels": ["phone"] }, "group_id": "$id" })
}

/// A new text field, for a type's fields.
pub fn catalog_field() -> Value {
    json!({ "key": "f$n", "label": { "en": "Field $n" }, "kind": "text" })
}

pub fn dictionary() -> Value {
    json!({ "name": "Dictionary $n", "options": [{ "value": "a", "label": { "en": "A" } }] })
}
