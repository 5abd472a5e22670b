//! The texts of `/admin/routing` (issue 13): agent groups with their assignment mode, members and
//! managers, the ordered routing rules, and an agent's availability. Admin bundle only; reached
//! as `Key::Routing(…)`; each locale is one exhaustive `match`, so a missing translation is a
//! compile error.

mod en;
mod zh_cn;

use baton_core::AssignMode;

/// One translatable text of the routing page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RoutingKey {
    Title,
    Intro,
    Groups,
    NoGroups,
    NewGroup,
    EditGroup,
    Mode,
    ModeManual,
    ModeRoundRobin,
    ModeLeastLoaded,
    Members,
    NoMembers,
    Managers,
    ManagersHint,
    Rules,
    NoRules,
    NewRule,
    EditRule,
    OrderHint,
    SendTo,
    Agent,
    ByMode,
    InUse,
    Availability,
    Available,
    Away,
    AvailabilityHint,
}

registered_keyset!(RoutingKey, Routing);

pub(super) fn register() {
    register_texts();
}

/// The translated name of an assignment mode.
pub fn mode_key(mode: AssignMode) -> RoutingKey {
    match mode {
        AssignMode::Manual => RoutingKey::ModeManual,
        AssignMode::RoundRobin => RoutingKey::ModeRoundRobin,
        AssignMode::LeastLoaded => RoutingKey::ModeLeastLoaded,
    }
}
