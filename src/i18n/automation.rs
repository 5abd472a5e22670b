//! The texts of automations (issue 13): the admin page `/admin/automations`. Admin bundle only;
//! reached as `Key::Automation(…)`; each locale is one exhaustive `match`, so a missing
//! translation is a compile error. (The thread's "by rule" entry is `TicketKey::ChangeByRule`,
//! the console's.)

mod en;
mod zh_cn;

/// One translatable text of the automations page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AutomationKey {
    Title,
    Intro,
    None,
    New,
    Edit,
    Delete,
    ConfirmDelete,
    MoveUp,
    MoveDown,
    ActiveToggle,
    Active,
    Inactive,
    Name,
    When,
    EvCreated,
    EvUpdated,
    EvCustomerReplied,
    EvAgentReplied,
    TimeRule,
    Basis,
    BasisCreated,
    BasisUpdated,
    BasisSolved,
    BasisPending,
    BasisSlaDue,
    Hours,
    Conditions,
    NoConditions,
    AddCondition,
    Actions,
    AddAction,
    RemoveAction,
    ActionKind,
    ActAssignGroup,
    ActAssignAgent,
    ActSetPriority,
    ActSetType,
    ActAddTags,
    ActRemoveTags,
    ActAddNote,
    ActNotify,
    ActQuickReply,
    Value,
    Subtype,
    NotifyAssignee,
    NotifyGroup,
    NotifyAgent,
    TagsHint,
    Save,
    Cancel,
    Saved,
    NameTaken,
}

registered_keyset!(AutomationKey, Automation);

pub(super) fn register() {
    register_texts();
}
