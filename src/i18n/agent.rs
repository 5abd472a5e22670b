//! The agent workspace's texts, a key enum of their own ([`AgentKey`], reached as
//! `Key::Agent(…)`) so the help center's locale files stay under the size limit. Each locale is
//! again one exhaustive `match`: a missing translation is a compile error.

mod en;
mod zh_cn;

use super::Key;
use baton_core::{BuiltinView, Priority, Status};

/// One translatable text of the agent workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AgentKey {
    // Workspace shell and view list.
    WorkspaceTitle,
    NavWorkspace,
    ViewsHeading,
    ViewCount,
    TicketsHeading,
    NoTicketsInView,
    LoadingMore,
    // The console's own shell (top bar, rail, theme).
    ConsoleName,
    ConsoleNav,
    ShowViews,
    Theme,
    ThemeSystem,
    ThemeLight,
    ThemeDark,
    // Built-in views, by key.
    ViewMine,
    ViewStarred,
    ViewAll,
    ViewCc,
    ViewGroups,
    ViewUnassigned,
    ViewPending,
    ViewSolved,
    ViewClosed,
    ViewTrash,
    ViewSuspended,
    // Columns and sorting.
    ColNumber,
    ColTitle,
    ColRequester,
    ColStatus,
    ColPriority,
    ColAssignee,
    ColUpdated,
    SortBy,
    Nobody,
    // Statuses, agent wording.
    StatusNew,
    StatusOpen,
    StatusPending,
    StatusSolved,
    StatusConfirmed,
    StatusRated,
    StatusClosed,
    // Priorities.
    PriorityLow,
    PriorityNormal,
    PriorityHigh,
    PriorityUrgent,
    // Ticket page.
    BackToList,
    TicketTitle,
    RequestedBy,
    Trashed,
    Suspended,
    RatedWith,
    // Composer.
    ComposerHeading,
    ReplyMode,
    ModePublic,
    ModeInternal,
    BodyPublic,
    BodyInternal,
    SendPublic,
    SendInternal,
    Sending,
    ReplySent,
    NoteAdded,
    // Properties and the edit conflict.
    PropertiesHeading,
    Priority,
    Group,
    Assignee,
    Cc,
    CcHint,
    Tags,
    TagsHint,
    SaveProperties,
    Saving,
    Saved,
    ConflictHeading,
    ConflictIntro,
    ConflictField,
    ConflictTheirs,
    ConflictMine,
    ReapplyMine,
    KeepTheirs,
    // Actions.
    ActionsHeading,
    ActComplete,
    ActPending,
    ActReopen,
    ActOpen,
    Star,
    Unstar,
    ActTrash,
    ActRestore,
    ActSuspend,
    ActUnsuspend,
    Done,
    // Confidential info.
    ConfidentialHeading,
    ConfidentialNone,
    Reveal,
    RevealLog,
    RevealEntry,
    // Customer panel and presence.
    CustomerHeading,
    CustomerGroup,
    OtherTickets,
    NoOtherTickets,
    PresenceLabel,
    PresenceAlone,
    PresenceViewing,
    PresenceTyping,
    // Setting a password from a single-use link (`/set-password?token=…`, served with this bundle).
    SetPasswordTitle,
    SetPasswordIntro,
    NewPassword,
    NewPasswordHint,
    SetPasswordSubmit,
    SetPasswordSubmitting,
    SetPasswordNoToken,
    ErrTokenInvalid,
    // Notifications (issue 13): staff kinds and the digest.
    NotifNewTicket,
    NotifAssigned,
    NotifCustomerReplied,
    NotifMentioned,
    NotifSlaWarning,
    NotifSlaBreach,
    NotifKindNewTicket,
    NotifKindAssigned,
    NotifKindCustomerReplied,
    NotifKindMentioned,
    NotifKindSlaWarning,
    NotifKindSlaBreach,
    NotifDigest,
    NotifDesk,
    NotifMention,
}

registered_keyset!(AgentKey, Agent);

/// Makes the agent texts available (these and `agent_list`'s and `agent_ticket`'s); the agent
/// workspace's app (and its tests) call it first.
pub fn register() {
    super::agent_list::register();
    super::agent_ticket::register();
    super::workflow::register();
    #[cfg(feature = "admin")]
    super::catalog::register();
    #[cfg(feature = "admin")]
    super::routing::register();
    #[cfg(feature = "admin")]
    super::customers::register();
    #[cfg(feature = "admin")]
    super::automation::register();
    #[cfg(feature = "admin")]
    super::calendar::register();
    #[cfg(feature = "admin")]
    super::roles::register();
    // audit log (issue 12)
    #[cfg(feature = "admin")]
    super::audit::register();
    // Knowledge-base and quick-reply editors (issue 12).
    #[cfg(feature = "admin")]
    super::kb_admin::register();
    register_texts();
}

/// A built-in view's translated name (the server sends the English one).
pub fn builtin_view_key(view: BuiltinView) -> Key {
    Key::Agent(match view {
        BuiltinView::Mine => AgentKey::ViewMine,
        BuiltinView::Starred => AgentKey::ViewStarred,
        BuiltinView::All => AgentKey::ViewAll,
        BuiltinView::Cc => AgentKey::ViewCc,
        BuiltinView::Groups => AgentKey::ViewGroups,
        BuiltinView::Unassigned => AgentKey::ViewUnassigned,
        BuiltinView::Pending => AgentKey::ViewPending,
        BuiltinView::Solved => AgentKey::ViewSolved,
        BuiltinView::Closed => AgentKey::ViewClosed,
        BuiltinView::Trash => AgentKey::ViewTrash,
        BuiltinView::Suspended => AgentKey::ViewSuspended,
    })
}

/// A status as agents call it (the help center uses the customer's wording).
pub fn agent_status_key(status: Status) -> Key {
    Key::Agent(match status {
        Status::New => AgentKey::StatusNew,
        Status::Open => AgentKey::StatusOpen,
        Status::Pending => AgentKey::StatusPending,
        Status::Solved => AgentKey::StatusSolved,
        Status::Confirmed => AgentKey::StatusConfirmed,
        Status::Rated => AgentKey::StatusRated,
        Status::Closed => AgentKey::StatusClosed,
    })
}

/// Every priority, lowest first.
pub const PRIORITIES: [Priority; 4] = [Priority::Low, Priority::Normal, Priority::High, Priority::Urgent];

/// The wire code of a priority (`urgent`), for `<option value>` and `data-*`.
pub fn priority_code(priority: Priority) -> &'static str {
    match priority {
        Priority::Low => "low",
        Priority::Normal => "normal",
        Priority::High => "high",
        Priority::Urgent => "urgent",
    }
}

pub fn priority_from_code(code: &str) -> Option<Priority> {
    PRIORITIES.into_iter().find(|p| priority_code(*p) == code)
}

pub fn priority_key(priority: Priority) -> Key {
    Key::Agent(match priority {
        Priority::Low => AgentKey::PriorityLow,
        Priority::Normal => AgentKey::PriorityNormal,
        Priority::High => AgentKey::PriorityHigh,
        Priority::Urgent => AgentKey::PriorityUrgent,
    })
}
