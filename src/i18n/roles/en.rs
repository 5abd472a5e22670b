//! English (en) texts of the roles page.

use super::RoleKey;
use baton_core::Permission as P;

pub fn text(key: RoleKey) -> &'static str {
    use RoleKey::*;
    match key {
        Title => "Roles",
        Intro => "A role is a set of permissions. The built-in roles are fixed; a custom role gives the agents who hold it exactly what is ticked, on top of working the tickets of their groups. You can only grant what you hold yourself.",
        Builtin => "Built-in",
        Members => "{0} staff",
        New => "New role",
        Edit => "Edit role",
        Name => "Name",
        Permissions => "Permissions",
        InUse => "“{0}” is still held by staff: give them another role first.",
        NoPermissions => "Only their groups' tickets",
        NoCustom => "No custom roles yet.",
        Perm(p) => match p {
            P::TicketsSeeAll => "See every group's tickets",
            P::TicketsDelete => "Trash, restore and suspend tickets",
            P::TicketsRevealConfidential => "Reveal confidential info (each reveal is recorded)",
            P::TicketsBulk => "Change many tickets at once",
            P::ViewsManagePublic => "Manage public views and shared quick replies",
            P::CustomersManage => "Register and edit customers",
            P::CustomersImport => "Import customers in bulk",
            P::KbWrite => "Write knowledge-base articles",
            P::ReportsView => "See reports",
            P::ReportsExport => "Export reports",
            P::SettingsManage => "Set up the desk: types, routing, SLA, workflows, automations, settings",
            P::AgentsManage => "Invite agents and give roles",
        },
    }
}
