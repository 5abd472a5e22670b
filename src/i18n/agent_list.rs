//! The agent workspace's list side (view editor, managing views, bulk actions, shortcuts and the
//! settings page): a key enum of its own ([`ListKey`], reached as `Key::AgentList(…)`). Each
//! locale is one exhaustive `match`: a missing translation is a compile error.

mod en;
mod zh_cn;

use super::{Key, Locale};

/// One translatable text of the workspace's lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListKey {
    // View editor.
    NewView,
    EditView,
    EditViewNamed,
    ViewName,
    Visibility,
    VisPrivate,
    VisPublic,
    ConditionsHeading,
    NoConditions,
    CondField,
    CondOp,
    CondValue,
    AddCondition,
    RemoveCondition,
    ChooseValue,
    ValueMe,
    ValueNone,
    HintSeveral,
    HintTime,
    HintId,
    HintRequester,
    ErrUnknownField,
    ErrInvalidOperator,
    ErrInvalidValue,
    FStatus,
    FPriority,
    FChannel,
    FType,
    FSubtype,
    FGroup,
    FAssignee,
    FRequester,
    FCustomerGroup,
    FTags,
    FCreatedAt,
    FUpdatedAt,
    OpIs,
    OpIsNot,
    OpIn,
    OpNotIn,
    OpBefore,
    OpAfter,
    ChWeb,
    ChWidget,
    ChPhone,
    ChEmail,
    ChApi,
    SortHeading,
    SortField,
    SortDir,
    DirAsc,
    DirDesc,
    ColumnsHeading,
    ColNumber,
    ColTitle,
    ColStatus,
    ColPriority,
    ColRequester,
    ColAssignee,
    ColGroup,
    ColType,
    ColTags,
    ColChannel,
    ColCreated,
    ColUpdated,
    SaveView,
    Saving,
    Cancel,
    ViewSaved,
    DeleteView,
    DeleteAsk,
    DeleteYes,
    DeleteNo,
    ViewDeleted,
    // Managing the list of views.
    ManageViews,
    ManageIntro,
    MoveUp,
    MoveDown,
    HideView,
    ShowView,
    ManageEveryone,
    HiddenMark,
    PublicMark,
    Close,
    // Bulk selection and actions.
    SelectRow,
    SelectAll,
    ColSelect,
    BulkHeading,
    BulkSelected,
    BulkAssignee,
    ChooseAgent,
    Unassign,
    BulkGroup,
    KeepGroup,
    BulkPriority,
    ChoosePriority,
    BulkStatus,
    ChooseAction,
    ActComplete,
    ActSetPending,
    ActReopen,
    ActOpen,
    BulkApply,
    BulkTrash,
    BulkRestore,
    BulkClear,
    BulkDone,
    BulkSomeFailed,
    BulkItem,
    // Shortcuts.
    ShortcutsButton,
    ShortcutsHeading,
    ShortcutsIntro,
    ShortcutsChange,
    ColAction,
    ColKey,
    ANextTicket,
    APrevTicket,
    AOpenTicket,
    AReply,
    ANote,
    AComplete,
    AAssignMe,
    AStar,
    ASelect,
    ATrash,
    AHelp,
    SettingsTitle,
    SettingsNav,
    SettingsIntro,
    ShortcutKeyFor,
    SaveShortcuts,
    RestoreDefaults,
    ShortcutsSaved,
    ErrShortcut,
    BackToWorkspace,
}

impl From<ListKey> for Key {
    fn from(key: ListKey) -> Key {
        Key::AgentList(key)
    }
}

/// The texts, once [`register`]ed by the agent workspace (see `crate::i18n::agent::register`:
/// this keeps them out of the help center's bundle).
static TEXTS: std::sync::OnceLock<fn(Locale, ListKey) -> &'static str> = std::sync::OnceLock::new();

pub(super) fn register() {
    let _ = TEXTS.set(|locale, key| match locale {
        Locale::ZhCn => zh_cn::text(key),
        Locale::En => en::text(key),
    });
}

/// The text of `key` in `locale` (empty before [`register`]).
pub fn text(locale: Locale, key: ListKey) -> &'static str {
    TEXTS.get().map_or("", |text| text(locale, key))
}
