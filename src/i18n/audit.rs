//! The texts of `/admin/audit` (issue 12, the audit log): the filters, the table, each target
//! kind and each verb of an action code (`sla_policy.updated` reads "SLA policy · updated"). Admin
//! bundle only; reached as `Key::Audit(…)`; each locale is one exhaustive `match`, so a missing
//! translation is a compile error.

mod en;
mod zh_cn;

/// One translatable text of the audit log page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AuditKey {
    Title,
    Intro,
    Filters,
    Actor,
    Kind,
    Anyone,
    AnyKind,
    From,
    To,
    Clear,
    Empty,
    ColTime,
    ColActor,
    ColAction,
    ColTarget,
    ColChanges,
    NoChanges,
    Nobody,
    // Target kinds (baton_core::audit::TARGET_KINDS).
    KindAgent,
    KindRole,
    KindAgentGroup,
    KindRoutingRule,
    KindCustomer,
    KindCustomerGroup,
    KindTicketType,
    KindSubtype,
    KindField,
    KindDictionary,
    KindWorkflow,
    KindSlaCalendar,
    KindSlaPolicy,
    KindAutomation,
    KindSettings,
    KindSso,
    // Verbs (the part of an action after the dot).
    Created,
    Updated,
    Deleted,
    Reordered,
    Invited,
    InvitationResent,
    Deactivated,
    Reactivated,
    RoleChanged,
    Merged,
    Imported,
    SecretRotated,
    OriginsUpdated,
}

registered_keyset!(AuditKey, Audit);

pub(super) fn register() {
    register_texts();
}

/// The translated name of a target kind; `None` for one this SPA does not know yet.
pub fn kind_key(kind: &str) -> Option<AuditKey> {
    use AuditKey::*;
    Some(match kind {
        "agent" => KindAgent,
        "role" => KindRole,
        "agent_group" => KindAgentGroup,
        "routing_rule" => KindRoutingRule,
        "customer" => KindCustomer,
        "customer_group" => KindCustomerGroup,
        "ticket_type" => KindTicketType,
        "subtype" => KindSubtype,
        "field" => KindField,
        "dictionary" => KindDictionary,
        "workflow" => KindWorkflow,
        "sla_calendar" => KindSlaCalendar,
        "sla_policy" => KindSlaPolicy,
        "automation" => KindAutomation,
        "settings" => KindSettings,
        "sso" => KindSso,
        _ => return None,
    })
}

/// The translated verb of an action (`agent.deactivated` → `Deactivated`); `None` if unknown.
pub fn verb_key(action: &str) -> Option<AuditKey> {
    use AuditKey::*;
    Some(match action.split_once('.')?.1 {
        "created" => Created,
        "updated" => Updated,
        "deleted" => Deleted,
        "reordered" => Reordered,
        "invited" => Invited,
        "invitation_resent" => InvitationResent,
        "deactivated" => Deactivated,
        "reactivated" => Reactivated,
        "role_changed" => RoleChanged,
        "merged" => Merged,
        "imported" => Imported,
        "secret_rotated" => SecretRotated,
        "origins_updated" => OriginsUpdated,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_the_server_records_is_translated() {
        for kind in baton_core::audit::TARGET_KINDS {
            assert!(kind_key(kind).is_some(), "{kind}");
        }
        assert_eq!(verb_key("sla_policy.updated"), Some(AuditKey::Updated));
        assert_eq!((verb_key("agent.unknown_verb"), verb_key("nodot")), (None, None));
    }
}
