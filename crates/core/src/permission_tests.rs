//! The permission codes and the built-in roles against DOMAIN.md, written out independently of
//! the implementation: a change to either one shows.

use super::*;
use Permission as P;

/// DOMAIN.md's list, in its order, with the wire codes.
const CODES: [(Permission, &str); 12] = [
    (P::TicketsSeeAll, "tickets.see_all"),
    (P::TicketsDelete, "tickets.delete"),
    (P::TicketsRevealConfidential, "tickets.reveal_confidential"),
    (P::TicketsBulk, "tickets.bulk"),
    (P::ViewsManagePublic, "views.manage_public"),
    (P::CustomersManage, "customers.manage"),
    (P::CustomersImport, "customers.import"),
    (P::KbWrite, "kb.write"),
    (P::ReportsView, "reports.view"),
    (P::ReportsExport, "reports.export"),
    (P::SettingsManage, "settings.manage"),
    (P::AgentsManage, "agents.manage"),
];

/// Who holds what, one row per permission: (permission, customer, agent, admin, owner). The agent
/// column is what agents could do before permissions existed (reveal, trash and suspend, bulk,
/// register callers), so the demo's agents and admins keep exactly their old rights.
const BUILT_IN: [(Permission, bool, bool, bool, bool); 12] = [
    (P::TicketsSeeAll, false, false, true, true),
    (P::TicketsDelete, false, true, true, true),
    (P::TicketsRevealConfidential, false, true, true, true),
    (P::TicketsBulk, false, true, true, true),
    (P::ViewsManagePublic, false, false, true, true),
    (P::CustomersManage, false, true, true, true),
    (P::CustomersImport, false, false, true, true),
    (P::KbWrite, false, false, true, true),
    (P::ReportsView, false, false, true, true),
    (P::ReportsExport, false, false, true, true),
    (P::SettingsManage, false, false, true, true),
    (P::AgentsManage, false, false, true, true),
];

#[test]
fn codes_are_domain_md_in_a_fixed_order() {
    assert_eq!(Permission::ALL, CODES.map(|(p, _)| p));
    for (p, code) in CODES {
        assert_eq!(p.code(), code);
        assert_eq!(Permission::from_code(code), Some(p));
        assert_eq!(serde_json::to_value(p).ok(), Some(serde_json::Value::from(code)));
        assert_eq!(serde_json::from_value::<Permission>(code.into()).ok(), Some(p));
    }
    assert_eq!(Permission::from_code("see_all_tickets"), None);
    assert!(serde_json::from_str::<Permission>("\"tickets.see_everything\"").is_err());
}

#[test]
fn built_in_roles_hold_their_column() {
    for (p, customer, agent, admin, owner) in BUILT_IN {
        for (role, expected) in [
            (Role::Customer, customer),
            (Role::Agent, agent),
            (Role::Admin, admin),
            (Role::Owner, owner),
        ] {
            assert_eq!(Permissions::of_role(role).contains(p), expected, "{role:?} {p}");
        }
    }
    assert_eq!(Permissions::of_role(Role::Owner), Permissions::ALL);
    assert_eq!(Permissions::ALL.iter().count(), 12);
}

#[test]
fn a_custom_role_replaces_the_agent_set_only() {
    let auditor = Permissions::of(&[P::TicketsSeeAll, P::ReportsView]);
    // (role, custom role, effective)
    let table = [
        (Role::Agent, None, Permissions::AGENT),
        (Role::Agent, Some(auditor), auditor),
        (Role::Agent, Some(Permissions::NONE), Permissions::NONE),
        (Role::Admin, Some(auditor), Permissions::ALL),
        (Role::Owner, Some(Permissions::NONE), Permissions::ALL),
        (Role::Customer, Some(auditor), Permissions::NONE),
        (Role::Customer, None, Permissions::NONE),
    ];
    for (role, custom, effective) in table {
        assert_eq!(Permissions::effective(role, custom), effective, "{role:?} {custom:?}");
    }
}

#[test]
fn sets_list_in_the_fixed_order_and_read_codes_leniently() {
    let set = Permissions::of(&[P::AgentsManage, P::TicketsSeeAll, P::AgentsManage]);
    assert_eq!(set.codes(), ["tickets.see_all", "agents.manage"]);
    assert_eq!(set.to_vec(), [P::TicketsSeeAll, P::AgentsManage]);
    assert!(set.contains(P::AgentsManage) && !set.contains(P::KbWrite));
    assert!(set.without(P::AgentsManage).covers(Permissions::of(&[P::TicketsSeeAll])));
    assert!(!set.covers(Permissions::AGENT) && Permissions::ALL.covers(set));
    assert!(Permissions::NONE.is_empty() && !set.is_empty());
    assert_eq!(set.union(Permissions::of(&[P::KbWrite])).codes(), ["tickets.see_all", "kb.write", "agents.manage"]);
    // Stored codes: an unknown one grants nothing; a request naming one is refused.
    assert_eq!(Permissions::from_codes(["kb.write", "kb.rewrite"]), Permissions::of(&[P::KbWrite]));
    assert_eq!(serde_json::to_string(&set).ok().as_deref(), Some(r#"["tickets.see_all","agents.manage"]"#));
    let read: Result<Permissions, _> = serde_json::from_str(r#"["agents.manage","tickets.see_all","agents.manage"]"#);
    assert_eq!(read.ok(), Some(set));
    assert!(serde_json::from_str::<Permissions>(r#"["kb.rewrite"]"#).is_err());
}
