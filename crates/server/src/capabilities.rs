//! Which optional parts of the contract this backend implements (`GET /capabilities`), so the SPA
//! shows only what works here: a backend with the help center alone answers every flag `false`
//! and still serves customers. A feature that lands sets its flag here, in the same change.

use baton_core::Capabilities;

/// The reference server's parts: the agent workspace, roles, reports, SLA, routing, workflows,
/// notifications, sign-up, the catalog's setup and desk settings; the `admin` flag (the admin
/// console as one whole) is still to come.
pub const REFERENCE: Capabilities = Capabilities {
    workspace: true,
    roles: true,
    admin: false,
    workflows: true,
    sla: true,
    reports: true,
    notifications: true,
    sessions: true,
    settings: true,
    password_reset: true,
    invitations: true,
    mail: true,
    routing: true,
    signup: true,
    catalog: true,
    // customers administration (issue 12)
    customers_admin: true,
    // Automations (issue 13).
    automations: true,
    // audit log (issue 12)
    audit_log: true,
    kb_categories: true,
};

/// What this backend implements.
pub fn of_this_backend() -> Capabilities {
    REFERENCE
}
