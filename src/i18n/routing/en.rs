//! English (en) texts of the routing page.

use super::RoutingKey;

pub fn text(key: RoutingKey) -> &'static str {
    use RoutingKey::*;
    match key {
        Title => "Groups and routing",
        Intro => "A new ticket goes to the group of the first routing rule it matches, else to its sub-type's group. Each group hands its tickets out as its assignment says; agents who are away get none.",
        Groups => "Agent groups",
        NoGroups => "No agent groups yet.",
        NewGroup => "New group",
        EditGroup => "Edit group",
        Mode => "Assignment",
        ModeManual => "Manual: tickets wait in the group's Unassigned view",
        ModeRoundRobin => "Round robin: each available member in turn",
        ModeLeastLoaded => "Least loaded: the available member with the fewest open tickets",
        Members => "Members",
        NoMembers => "No members",
        Managers => "Managers (组长)",
        ManagersHint => "Managers see and reassign the group's tickets and its members' work. A manager must be a member.",
        Rules => "Routing rules",
        NoRules => "No routing rules: new tickets go to their sub-type's group, or wait for everyone.",
        NewRule => "New rule",
        EditRule => "Edit rule",
        OrderHint => "Rules are tried from the top; the first that matches a new ticket routes it.",
        SendTo => "Send to group",
        Agent => "Agent",
        ByMode => "Whoever the group's assignment picks",
        InUse => "“{0}” still receives tickets from a routing rule, a sub-type or a workflow step: change those first.",
        Availability => "Availability",
        Available => "Available: routing may give me new tickets",
        Away => "Away: routing skips me",
        AvailabilityHint => "Only routing looks at this; colleagues can still assign tickets to you.",
    }
}
