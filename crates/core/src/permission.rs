//! Permissions (权限) of DOMAIN.md: the twelve named rights a role is made of, the built-in roles'
//! sets, and the effective set of a user. The server enforces them on every endpoint; the SPA
//! reads `Me.permissions` only to hide what the user lacks.
//!
//! A role is a [`Permissions`] set: owner and admin hold all, the built-in agent what agents have
//! always done, a custom role (自定义角色) what an admin composed. The wire form of a permission is
//! its dotted code (`tickets.see_all`); the order of [`Permission::ALL`] is fixed (lists and
//! `Me.permissions` follow it, and [`Permissions`] keeps one bit per position).

use crate::status::Role;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One permission. Serialized as its dotted code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Permission {
    /// Every group's tickets, not only the agent's share (their groups, assigned, CC'd, unrouted).
    #[serde(rename = "tickets.see_all")]
    TicketsSeeAll,
    /// Trash, restore, suspend and unsuspend tickets.
    #[serde(rename = "tickets.delete")]
    TicketsDelete,
    /// Reveal a ticket's confidential info (each reveal is recorded).
    #[serde(rename = "tickets.reveal_confidential")]
    TicketsRevealConfidential,
    /// Bulk actions on many tickets at once.
    #[serde(rename = "tickets.bulk")]
    TicketsBulk,
    /// Public views and quick replies, and the order and hiding of views for everyone.
    #[serde(rename = "views.manage_public")]
    ViewsManagePublic,
    /// Register and edit customers.
    #[serde(rename = "customers.manage")]
    CustomersManage,
    /// Import customers in bulk.
    #[serde(rename = "customers.import")]
    CustomersImport,
    /// Write the knowledge base.
    #[serde(rename = "kb.write")]
    KbWrite,
    #[serde(rename = "reports.view")]
    ReportsView,
    #[serde(rename = "reports.export")]
    ReportsExport,
    /// The desk's configuration: types, fields, routing, workflows, SLA, automations, SSO.
    #[serde(rename = "settings.manage")]
    SettingsManage,
    /// Agents and their roles, and the custom roles themselves.
    #[serde(rename = "agents.manage")]
    AgentsManage,
}

impl Permission {
    /// Every permission, in the fixed order of lists and of [`Permissions`]' bits.
    pub const ALL: [Permission; 12] = [
        Permission::TicketsSeeAll,
        Permission::TicketsDelete,
        Permission::TicketsRevealConfidential,
        Permission::TicketsBulk,
        Permission::ViewsManagePublic,
        Permission::CustomersManage,
        Permission::CustomersImport,
        Permission::KbWrite,
        Permission::ReportsView,
        Permission::ReportsExport,
        Permission::SettingsManage,
        Permission::AgentsManage,
    ];

    /// The wire code, e.g. `tickets.see_all`.
    pub const fn code(self) -> &'static str {
        match self {
            Permission::TicketsSeeAll => "tickets.see_all",
            Permission::TicketsDelete => "tickets.delete",
            Permission::TicketsRevealConfidential => "tickets.reveal_confidential",
            Permission::TicketsBulk => "tickets.bulk",
            Permission::ViewsManagePublic => "views.manage_public",
            Permission::CustomersManage => "customers.manage",
            Permission::CustomersImport => "customers.import",
            Permission::KbWrite => "kb.write",
            Permission::ReportsView => "reports.view",
            Permission::ReportsExport => "reports.export",
            Permission::SettingsManage => "settings.manage",
            Permission::AgentsManage => "agents.manage",
        }
    }

    pub fn from_code(code: &str) -> Option<Permission> {
        Permission::ALL.into_iter().find(|p| p.code() == code)
    }

    /// The bit of this permission in a [`Permissions`] set: its position in [`Permission::ALL`].
    const fn bit(self) -> u16 {
        1 << self as u16
    }
}

impl fmt::Display for Permission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A set of permissions, one bit each: `Copy`, so the signed-in user carries it for free.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Permissions(u16);

impl Permissions {
    pub const NONE: Permissions = Permissions(0);
    pub const ALL: Permissions = Permissions::of(&Permission::ALL);

    /// The built-in agent role: work the tickets of their groups, as agents always could —
    /// reveal confidential info, trash and suspend, bulk actions, register callers — but not
    /// see every group's tickets, publish views or replies, write the knowledge base or manage
    /// the desk.
    pub const AGENT: Permissions = Permissions::of(&[
        Permission::TicketsRevealConfidential,
        Permission::TicketsDelete,
        Permission::TicketsBulk,
        Permission::CustomersManage,
    ]);

    pub const fn of(list: &[Permission]) -> Permissions {
        let mut bits = 0;
        let mut i = 0;
        while i < list.len() {
            bits |= list[i].bit();
            i += 1;
        }
        Permissions(bits)
    }

    pub const fn contains(self, p: Permission) -> bool {
        self.0 & p.bit() != 0
    }

    /// Whether every permission of `other` is in this set.
    pub const fn covers(self, other: Permissions) -> bool {
        self.0 & other.0 == other.0
    }

    pub const fn with(self, p: Permission) -> Permissions {
        Permissions(self.0 | p.bit())
    }

    pub const fn union(self, other: Permissions) -> Permissions {
        Permissions(self.0 | other.0)
    }

    pub const fn without(self, p: Permission) -> Permissions {
        Permissions(self.0 & !p.bit())
    }

    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The permissions of the set, in the fixed order.
    pub fn iter(self) -> impl Iterator<Item = Permission> {
        Permission::ALL.into_iter().filter(move |p| self.contains(*p))
    }

    pub fn to_vec(self) -> Vec<Permission> {
        self.iter().collect()
    }

    /// The codes of the set, in the fixed order (`Me.permissions`).
    pub fn codes(self) -> Vec<String> {
        self.iter().map(|p| p.code().to_owned()).collect()
    }

    /// The set of the known `codes`. Unknown codes are dropped, not refused: a permission this
    /// build does not know (written by a newer one) grants nothing here rather than failing.
    pub fn from_codes<'a>(codes: impl IntoIterator<Item = &'a str>) -> Permissions {
        codes.into_iter().filter_map(Permission::from_code).collect()
    }

    /// The set of a built-in role: none for customers, [`Permissions::AGENT`] for agents, all for
    /// admins and the owner.
    pub const fn of_role(role: Role) -> Permissions {
        match role {
            Role::Customer => Permissions::NONE,
            Role::Agent => Permissions::AGENT,
            Role::Admin | Role::Owner => Permissions::ALL,
        }
    }

    /// What a user may do: owner and admin everything (a custom role does not narrow them), an
    /// agent their custom role's set if they have one, else the built-in agent set; customers
    /// nothing (their rights come from the ticket rules, not from permissions).
    pub const fn effective(role: Role, custom: Option<Permissions>) -> Permissions {
        match (role, custom) {
            (Role::Agent, Some(set)) => set,
            (role, _) => Permissions::of_role(role),
        }
    }
}

impl FromIterator<Permission> for Permissions {
    fn from_iter<I: IntoIterator<Item = Permission>>(iter: I) -> Permissions {
        iter.into_iter().fold(Permissions::NONE, Permissions::with)
    }
}

impl Serialize for Permissions {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for Permissions {
    /// A list of codes; an unknown code is an error here (a request naming it is refused), unlike
    /// [`Permissions::from_codes`]. Duplicates collapse.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Permissions, D::Error> {
        Ok(Vec::<Permission>::deserialize(d)?.into_iter().collect())
    }
}

#[cfg(test)]
#[path = "permission_tests.rs"]
mod tests;
