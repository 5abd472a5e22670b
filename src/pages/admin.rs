//! The admin console's first pages (issue 12), in the console's bundle: the desk's staff
//! ([`AdminAgents`], `/admin/agents`: invite, resend, deactivate, roles) and the mail outbox
//! ([`AdminMail`], `/admin/mail`). Each is shown to staff holding its permission on a backend that
//! has its part of the contract (`GET /capabilities`: `invitations`, `mail`); the top bar's
//! [`AdminLink`] appears on the same terms. The server decides all the same.

// The pages themselves are the admin bundle's (`admin.html`, feature `admin`); the console keeps
// what its top bar needs to link there ([`AdminLink`], [`Section`]).
#[cfg(feature = "admin")]
mod agent_row;
#[cfg(feature = "admin")]
mod agents;
#[cfg(feature = "admin")]
mod invite;
#[cfg(feature = "admin")]
mod mail;
#[cfg(feature = "admin")]
mod mail_table;
#[cfg(feature = "admin")]
mod settings;
#[cfg(feature = "admin")]
mod sla;
// Workflows (issue 13).
#[cfg(feature = "admin")]
mod workflows;
// The catalog's setup (issue 12): types, sub-types, fields, dictionaries.
#[cfg(feature = "admin")]
mod catalog;
// Which tickets a policy or rule is for (SLA, routing).
#[cfg(feature = "admin")]
mod conditions;
// Agent groups and routing rules (issue 13).
#[cfg(feature = "admin")]
mod routing;
// Customers administration (issue 12).
#[cfg(feature = "admin")]
mod customers;
// Automations (issue 13).
#[cfg(feature = "admin")]
mod automations;
// Custom roles (issue 12).
#[cfg(feature = "admin")]
mod roles;
// What the admin editors and lists share: save and cancel, the question before a delete.
#[cfg(feature = "admin")]
mod form_parts;
// audit log (issue 12)
#[cfg(feature = "admin")]
mod audit;
// Knowledge-base and quick-reply editors (issue 12).
#[cfg(feature = "admin")]
mod kb;
#[cfg(feature = "admin")]
pub mod quick_replies;

#[cfg(feature = "admin")]
pub use agents::AdminAgents;
#[cfg(feature = "admin")]
pub use mail::AdminMail;
#[cfg(feature = "admin")]
pub use settings::AdminSettings;
#[cfg(feature = "admin")]
pub use sla::AdminSla;
#[cfg(feature = "admin")]
pub use workflows::AdminWorkflows;
#[cfg(feature = "admin")]
pub use catalog::AdminCatalog;
#[cfg(feature = "admin")]
pub use routing::AdminRouting;
#[cfg(feature = "admin")]
pub use customers::AdminCustomers;
#[cfg(feature = "admin")]
pub use automations::AdminAutomations;
#[cfg(feature = "admin")]
pub use roles::AdminRoles;
// audit log (issue 12)
#[cfg(feature = "admin")]
pub use audit::AdminAudit;
// Knowledge-base and quick-reply editors (issue 12).
#[cfg(feature = "admin")]
pub use kb::AdminKb;
#[cfg(feature = "admin")]
pub use quick_replies::AdminQuickReplies;

use crate::api::use_api;
use crate::components::ui::{ErrorPanel, Loading};
use crate::i18n::{AdminKey, Key};
use leptos_router::hooks::use_location;
use crate::state::load::Load;
use crate::state::locale::tr;
use crate::state::session::use_session;
use baton_core::{Capabilities, Me, Permission};
use leptos::prelude::*;

/// The staff page's path.
pub const AGENTS_PATH: &str = "/admin/agents";
/// The outbox page's path (`?status=` filters it).
pub const MAIL_PATH: &str = "/admin/mail";
/// The desk's settings page.
pub const SETTINGS_PATH: &str = "/admin/settings";
/// The SLA page: business calendars and policies.
pub const SLA_PATH: &str = "/admin/sla";
/// Workflows (issue 13): the templates per ticket type.
pub const WORKFLOWS_PATH: &str = "/admin/workflows";
/// The catalog (issue 12): ticket types, sub-types, custom fields and dictionaries.
pub const CATALOG_PATH: &str = "/admin/types";
/// Agent groups and routing rules (issue 13).
pub const ROUTING_PATH: &str = "/admin/routing";
/// Customers administration (issue 12): list, edit, deactivate, merge, CSV import.
pub const CUSTOMERS_PATH: &str = "/admin/customers";
/// Automations (issue 13): event and time rules.
pub const AUTOMATIONS_PATH: &str = "/admin/automations";
/// Custom roles (issue 12).
pub const ROLES_PATH: &str = "/admin/roles";
/// The audit log (issue 12): every change to the desk's setup.
pub const AUDIT_PATH: &str = "/admin/audit";
/// Knowledge-base editor (issue 12): articles and categories.
pub const KB_PATH: &str = "/admin/kb";
/// Shared quick replies (issue 12).
pub const QUICK_REPLIES_PATH: &str = "/admin/quick-replies";

/// One admin page: its path, the permission it needs and whether the backend has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Agents,
    Mail,
    Settings,
    Sla,
    Workflows,
    Catalog,
    // Routing (issue 13), customers (issue 12), automations (issue 13): the admin bundle's only,
    // so the console's stays as it is (its "Admin" link does not consider them: whoever may see
    // them may see Settings too).
    #[cfg(feature = "admin")]
    Routing,
    #[cfg(feature = "admin")]
    Customers,
    #[cfg(feature = "admin")]
    Automations,
    #[cfg(feature = "admin")]
    Roles,
    // audit log (issue 12)
    #[cfg(feature = "admin")]
    Audit,
    // Knowledge-base and quick-reply editors (issue 12).
    #[cfg(feature = "admin")]
    Kb,
    #[cfg(feature = "admin")]
    QuickReplies,
}

impl Section {
    #[cfg(not(feature = "admin"))]
    const ALL: [Section; 6] = [Section::Agents, Section::Settings, Section::Catalog, Section::Sla, Section::Workflows, Section::Mail];
    #[cfg(feature = "admin")]
    const ALL: [Section; 13] = [Section::Agents, Section::Roles, Section::Customers, Section::Settings, Section::Catalog, Section::Routing, Section::Sla, Section::Workflows, Section::Automations, Section::Kb, Section::QuickReplies, Section::Mail, Section::Audit];

    pub fn path(self) -> &'static str {
        match self {
            Section::Agents => AGENTS_PATH,
            Section::Mail => MAIL_PATH,
            Section::Settings => SETTINGS_PATH,
            Section::Sla => SLA_PATH,
            Section::Workflows => WORKFLOWS_PATH,
            Section::Catalog => CATALOG_PATH,
            #[cfg(feature = "admin")]
            Section::Routing => ROUTING_PATH,
            #[cfg(feature = "admin")]
            Section::Customers => CUSTOMERS_PATH,
            #[cfg(feature = "admin")]
            Section::Automations => AUTOMATIONS_PATH,
            #[cfg(feature = "admin")]
            Section::Roles => ROLES_PATH,
            #[cfg(feature = "admin")]
            Section::Audit => AUDIT_PATH,
            #[cfg(feature = "admin")]
            Section::Kb => KB_PATH,
            #[cfg(feature = "admin")]
            Section::QuickReplies => QUICK_REPLIES_PATH,
        }
    }

    fn label(self) -> Key {
        match self {
            Section::Agents => AdminKey::NavAgents.into(),
            Section::Mail => AdminKey::NavMail.into(),
            Section::Settings => AdminKey::NavSettings.into(),
            Section::Sla => AdminKey::NavSla.into(),
            Section::Workflows => crate::i18n::WorkflowKey::AdminTitle.into(),
            Section::Catalog => catalog_label(),
            #[cfg(feature = "admin")]
            Section::Routing => crate::i18n::RoutingKey::Title.into(),
            #[cfg(feature = "admin")]
            Section::Customers => crate::i18n::CustomerKey::Title.into(),
            #[cfg(feature = "admin")]
            Section::Automations => crate::i18n::AutomationKey::Title.into(),
            #[cfg(feature = "admin")]
            Section::Roles => crate::i18n::RoleKey::Title.into(),
            #[cfg(feature = "admin")]
            Section::Audit => crate::i18n::AuditKey::Title.into(),
            #[cfg(feature = "admin")]
            Section::Kb => crate::i18n::KbAdminKey::Title.into(),
            #[cfg(feature = "admin")]
            Section::QuickReplies => crate::i18n::KbAdminKey::QrTitle.into(),
        }
    }

    fn permission(self) -> Permission {
        match self {
            Section::Agents => Permission::AgentsManage,
            Section::Mail | Section::Settings | Section::Sla | Section::Workflows | Section::Catalog => Permission::SettingsManage,
            #[cfg(feature = "admin")]
            Section::Routing | Section::Automations => Permission::SettingsManage,
            // audit log (issue 12)
            #[cfg(feature = "admin")]
            Section::Audit => Permission::SettingsManage,
            #[cfg(feature = "admin")]
            Section::Customers => Permission::CustomersManage,
            #[cfg(feature = "admin")]
            Section::Roles => Permission::AgentsManage,
            // What the server asks of article and category writes, and of public quick replies.
            #[cfg(feature = "admin")]
            Section::Kb => Permission::KbWrite,
            #[cfg(feature = "admin")]
            Section::QuickReplies => Permission::ViewsManagePublic,
        }
    }

    fn offered(self, caps: &Capabilities) -> bool {
        match self {
            Section::Agents => caps.invitations,
            Section::Mail => caps.mail,
            Section::Settings => caps.settings,
            Section::Sla => caps.sla,
            Section::Workflows => caps.workflows,
            Section::Catalog => caps.catalog,
            #[cfg(feature = "admin")]
            Section::Routing => caps.routing,
            #[cfg(feature = "admin")]
            Section::Customers => caps.customers_admin,
            #[cfg(feature = "admin")]
            Section::Automations => caps.automations,
            #[cfg(feature = "admin")]
            Section::Roles => caps.roles,
            #[cfg(feature = "admin")]
            Section::Audit => caps.audit_log,
            // Writing articles is the base contract's (spec/conformance/kb.hurl): no flag. Quick
            // replies are the workspace's.
            #[cfg(feature = "admin")]
            Section::Kb => true,
            #[cfg(feature = "admin")]
            Section::QuickReplies => caps.workspace,
        }
    }

    /// Whether `me` may see it on a backend with `caps`.
    pub fn open_to(self, me: &Me, caps: &Capabilities) -> bool {
        me.can(self.permission()) && self.offered(caps)
    }
}

// The catalog's texts are the admin bundle's only; the console never shows a section's label
// (its top bar links with "Admin"), so it gets that.
#[cfg(feature = "admin")]
fn catalog_label() -> Key {
    crate::i18n::CatalogKey::Title.into()
}

#[cfg(not(feature = "admin"))]
fn catalog_label() -> Key {
    AdminKey::NavAdmin.into()
}

/// What this backend offers, asked once per component that needs it.
fn capabilities() -> Load<Capabilities> {
    let api = StoredValue::new(use_api());
    Load::new(move || {
        let api = api.get_value();
        async move { api.capabilities().await }
    })
}

/// The top bar's "Admin" entry: to the first admin page the signed-in user may see, if any.
#[component]
pub fn AdminLink(
    /// The signed-in user.
    #[prop(into)]
    me: Signal<Option<Me>>,
) -> impl IntoView {
    let caps = capabilities();
    let location = use_location();
    move || {
        let caps = caps.get().and_then(Result::ok)?;
        let me = me.get()?;
        let first = Section::ALL.into_iter().find(|s| s.open_to(&me, &caps))?;
        let here = location.pathname.get().starts_with("/admin");
        Some(view! {
            <li><a href=first.path() data-testid="nav-admin" aria-current=here.then_some("page")>
                {tr(AdminKey::NavAdmin.into())}
            </a></li>
        })
    }
}

/// The page of `section` under its heading and the admin navigation, or why it cannot be shown.
#[component]
pub fn AdminPage(section: Section, children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let caps = capabilities();
    let children = StoredValue::new(children);
    view! {
        <div class="admin" data-testid="admin-page" data-section=section.path()>
            {move || {
                let me = session.me();
                let caps = caps.get().map(|c| c.map(|c| (c, me.as_ref().is_some_and(|me| me.can(section.permission())))));
                match caps {
                    None => view! { <Loading /> }.into_any(),
                    Some(Err(error)) => view! { <ErrorPanel error /> }.into_any(),
                    Some(Ok((_, false))) => refusal(AdminKey::NotAllowed, "forbidden"),
                    Some(Ok((c, true))) if !section.offered(&c) => refusal(AdminKey::Unavailable, "unavailable"),
                    Some(Ok((c, true))) => {
                        // The pages below ask it for the flags of their own parts.
                        provide_context(c);
                        view! {
                            <AdminNav current=section caps=c me=me />
                            {children.with_value(|c| c())}
                        }.into_any()
                    }
                }
            }}
        </div>
    }
}

/// The links between the admin pages this user may see.
#[component]
fn AdminNav(current: Section, caps: Capabilities, me: Option<Me>) -> impl IntoView {
    let shown: Vec<Section> = Section::ALL.into_iter().filter(|s| me.as_ref().is_some_and(|me| s.open_to(me, &caps))).collect();
    // On a phone the list folds behind a button naming the page (style/admin.css): thirteen
    // links would fill the first screen.
    let open = RwSignal::new(false);
    view! {
        <nav class="admin-nav" aria-label=tr(AdminKey::AdminNav.into())>
            <button type="button" class="button admin-nav-toggle" data-testid="admin-nav-toggle" aria-controls="admin-nav-list"
                aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
                <span class="sr-only">{tr(AdminKey::AdminNav.into())}": "</span>{tr(current.label())}
            </button>
            <ul id="admin-nav-list" class:open=open>
                {shown.into_iter().map(|s| view! {
                    <li><a href=s.path() data-testid="admin-nav-link" data-section=s.path()
                        aria-current=(s == current).then_some("page")>{tr(s.label())}</a></li>
                }).collect_view()}
            </ul>
        </nav>
    }
}

/// Why the page is not shown, under the console's heading (a page without a level-one heading
/// is harder to find one's way in with a screen reader: axe's `page-has-heading-one`).
fn refusal(key: AdminKey, code: &'static str) -> AnyView {
    view! {
        <h1>{tr(AdminKey::NavAdmin.into())}</h1>
        <div class="error-panel" role="alert" data-testid="admin-refused" data-code=code>
            <p>{tr(key.into())}</p>
        </div>
    }
    .into_any()
}
