//! The demo's agent groups: Support (Agent Smith), Billing (Li Lei), Supervisors (Zhou Min) and
//! Warehouse (Chen Gang), the last two for the goods-return workflow. The admin is in none:
//! `tickets.see_all` shows them everything anyway. Also a custom role, the public quick replies
//! every agent has, and the customers' phone numbers agents search by.

use crate::storage::{self, demo as demo_store, groups, roles, Conn};
use baton_core::{AssignMode, Permission, Permissions, Role};
use std::collections::HashMap;

/// (group, assignment mode, members).
pub const GROUPS: &[(&str, AssignMode, &[&str])] = &[
    ("Support", AssignMode::Manual, &["agent@baton.test"]),
    ("Billing", AssignMode::Manual, &["agent2@baton.test"]),
    // Workflows (issue 13): the goods-return flow's approval and receipt steps.
    ("Supervisors", AssignMode::Manual, &["supervisor@baton.test"]),
    ("Warehouse", AssignMode::Manual, &["warehouse@baton.test"]),
];

/// Custom roles: (name, permissions, holders). The auditor reads every group's tickets and the
/// reports, and may not reveal confidential info, trash, or act in bulk.
pub const ROLES: &[(&str, Permissions, &[&str])] = &[(
    "Auditor",
    Permissions::of(&[Permission::TicketsSeeAll, Permission::ReportsView]),
    &["auditor@baton.test"],
)];

/// Phone numbers of demo customers, so an agent taking a call can find them by a few digits.
pub const CUSTOMER_PHONES: &[(&str, &str)] = &[
    ("alice@customer.test", "+86 138 0013 8001"),
    ("bob@customer.test", "+86 139 0013 8002"),
];

/// Public quick replies (title, body), in Chinese and English, with placeholders.
pub const QUICK_REPLIES: &[(&str, &str)] = &[
    (
        "问候 / Greeting",
        "{{requester.name}}，您好！感谢您联系我们，我是客服 {{agent.name}}，正在处理您的工单 #{{ticket.number}}。\n\n\
         Hello {{requester.name}}, thank you for contacting us. I am {{agent.name}} and I am working on your ticket #{{ticket.number}}.",
    ),
    (
        "需要更多信息 / More details needed",
        "{{requester.name}}，您好！为了尽快解决问题，请补充：出现问题的时间、操作步骤以及截图。\n\n\
         Hello {{requester.name}}, to solve this quickly, please tell us when it happened, the steps you took, and attach a screenshot.",
    ),
    (
        "已解决 / Resolved",
        "{{requester.name}}，您好！工单 #{{ticket.number}} 中的问题已处理完毕，如仍有疑问请直接回复。祝好！{{agent.name}}\n\n\
         Hello {{requester.name}}, the problem in ticket #{{ticket.number}} is solved. Reply here if anything is still unclear. Best regards, {{agent.name}}",
    ),
];

pub(super) async fn seed(
    conn: &mut Conn,
    tenant_id: i64,
    user_ids: &HashMap<&str, i64>,
    now: &str,
) -> Result<(), storage::Error> {
    for (name, mode, members) in GROUPS {
        let id = groups::create(conn, tenant_id, name, mode.code(), now).await?;
        for email in *members {
            if let Some(user) = user_ids.get(email) {
                groups::add_member(conn, tenant_id, id, *user).await?;
            }
        }
    }
    for (name, set, holders) in ROLES {
        let Some(role_id) = roles::insert(conn, tenant_id, name, *set, now).await? else { continue };
        for email in *holders {
            if let Some(user) = user_ids.get(email) {
                roles::set_staff_role(conn, tenant_id, *user, Role::Agent, Some(role_id)).await?;
            }
        }
    }
    for (email, phone) in CUSTOMER_PHONES {
        if let Some(user) = user_ids.get(email) {
            demo_store::set_phone(conn, *user, phone).await?;
        }
    }
    for (title, body) in QUICK_REPLIES {
        demo_store::insert_public_quick_reply(conn, tenant_id, title, body, now).await?;
    }
    Ok(())
}
