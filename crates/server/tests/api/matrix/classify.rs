//! Which column set each route is asked about. Every route with a path parameter is listed here
//! (a new one fails `every_scoped_route_is_classified_once` until it is); every route without one
//! is a list when it is a GET (asked by every principal, its body searched for markers) and out
//! of the matrix otherwise (creating, signing in: `permissions.rs` covers who may).

use crate::permissions::table::Target;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A ticket's own route: the five ticket columns.
    Ticket,
    /// An attachment of a ticket of each ticket column.
    Attachment,
    /// A knowledge-base article: the demo desk's published one is public.
    Article,
    /// Another resource, made by each desk's admin as the permissions table's target says.
    Resource(Target),
    /// A GET without a parameter.
    List,
    /// Not a resource of a desk: a single-use link, a desk's public widget settings, the stream.
    Outside,
}

use Kind::{Article, Attachment, Outside, Resource, Ticket};
use Target as T;

/// Every route with a path parameter (paths under `/api/v1`).
pub const SCOPED: &[(&str, &str, Kind)] = &[
    ("POST", "/password-tokens/{token}", Outside),
    ("GET", "/widget/{tenant}", Outside),
    ("GET", "/kb/articles/{id}", Article),
    ("PATCH", "/kb/articles/{id}", Article),
    ("DELETE", "/kb/articles/{id}", Resource(T::NewArticle)),
    ("PATCH", "/kb/categories/{id}", Resource(T::NewCategory)),
    ("DELETE", "/kb/categories/{id}", Resource(T::NewCategory)),
    ("GET", "/tickets/{id}", Ticket),
    ("PATCH", "/tickets/{id}", Ticket),
    ("POST", "/tickets/{id}/actions", Ticket),
    ("GET", "/tickets/{id}/messages", Ticket),
    ("POST", "/tickets/{id}/messages", Ticket),
    ("PUT", "/tickets/{id}/confidential", Ticket),
    ("POST", "/tickets/{id}/confidential/reveal", Ticket),
    ("GET", "/tickets/{id}/confidential/reveals", Ticket),
    ("PUT", "/tickets/{id}/star", Ticket),
    ("DELETE", "/tickets/{id}/star", Ticket),
    ("GET", "/tickets/{id}/presence", Ticket),
    ("POST", "/tickets/{id}/presence", Ticket),
    ("DELETE", "/tickets/{id}/presence", Ticket),
    ("GET", "/tickets/{id}/requester", Ticket),
    ("POST", "/tickets/{id}/trash", Ticket),
    ("DELETE", "/tickets/{id}/trash", Ticket),
    ("POST", "/tickets/{id}/suspend", Ticket),
    ("DELETE", "/tickets/{id}/suspend", Ticket),
    ("POST", "/tickets/{id}/workflow/pass", Ticket),
    ("POST", "/tickets/{id}/workflow/return", Ticket),
    ("GET", "/attachments/{id}", Attachment),
    ("GET", "/views/{id}", Resource(T::PublicView)),
    ("PUT", "/views/{id}", Resource(T::PublicView)),
    ("DELETE", "/views/{id}", Resource(T::PublicView)),
    ("PUT", "/views/{id}/hidden", Resource(T::PublicView)),
    ("GET", "/views/{id}/tickets", Resource(T::PublicView)),
    ("PUT", "/quick-replies/{id}", Resource(T::PublicReply)),
    ("DELETE", "/quick-replies/{id}", Resource(T::PublicReply)),
    ("GET", "/customers/{id}", Resource(T::Customer)),
    ("POST", "/customers/{id}/tickets", Resource(T::Customer)),
    ("GET", "/admin/customers/{id}", Resource(T::Customer)),
    ("PATCH", "/admin/customers/{id}", Resource(T::Customer)),
    ("POST", "/admin/customers/{id}/merge", Resource(T::CustomerPair)),
    ("PATCH", "/admin/customer-groups/{id}", Resource(T::CustomerGroup)),
    ("PUT", "/admin/sla/calendars/{id}", Resource(T::SlaCalendar)),
    ("DELETE", "/admin/sla/calendars/{id}", Resource(T::SlaCalendar)),
    ("PUT", "/admin/sla/policies/{id}", Resource(T::SlaPolicy)),
    ("DELETE", "/admin/sla/policies/{id}", Resource(T::SlaPolicy)),
    ("PUT", "/admin/ticket-types/{id}", Resource(T::CatalogType)),
    ("POST", "/admin/ticket-types/{id}/subtypes", Resource(T::CatalogType)),
    ("PUT", "/admin/ticket-types/{id}/subtypes/order", Resource(T::CatalogType)),
    ("POST", "/admin/ticket-types/{id}/fields", Resource(T::CatalogType)),
    ("PUT", "/admin/subtypes/{id}", Resource(T::Subtype)),
    ("PUT", "/admin/fields/{id}", Resource(T::Field)),
    ("PUT", "/admin/dictionaries/{id}", Resource(T::Dictionary)),
    ("PATCH", "/admin/groups/{id}", Resource(T::Group)),
    ("DELETE", "/admin/groups/{id}", Resource(T::Group)),
    ("PUT", "/admin/routing/rules/{id}", Resource(T::RoutingRule)),
    ("DELETE", "/admin/routing/rules/{id}", Resource(T::RoutingRule)),
    ("GET", "/admin/workflows/{id}", Resource(T::Workflow)),
    ("PUT", "/admin/workflows/{id}", Resource(T::Workflow)),
    ("DELETE", "/admin/workflows/{id}", Resource(T::Workflow)),
    ("GET", "/admin/automations/{id}", Resource(T::Automation)),
    ("PUT", "/admin/automations/{id}", Resource(T::Automation)),
    ("DELETE", "/admin/automations/{id}", Resource(T::Automation)),
    ("PATCH", "/admin/roles/{id}", Resource(T::Role)),
    ("DELETE", "/admin/roles/{id}", Resource(T::Role)),
    ("PUT", "/admin/agents/{id}/role", Resource(T::Agent)),
    ("PATCH", "/admin/agents/{id}", Resource(T::Agent)),
    ("POST", "/admin/agents/{id}/invitation", Resource(T::Invitee)),
];

/// The kind of `(method, path)`, or None for a scoped route missing from [`SCOPED`].
pub fn kind(method: &str, path: &str) -> Option<Kind> {
    if !path.contains('{') {
        return Some(if method == "GET" && path != "/events" { Kind::List } else { Outside });
    }
    SCOPED.iter().find(|(m, p, _)| *m == method && *p == path).map(|(_, _, k)| *k)
}
