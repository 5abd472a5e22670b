//! The texts of customers administration (issue 12): `/admin/customers` — the list, the edit
//! panel with deactivation and merge, and the CSV import. Admin bundle only; reached as
//! `Key::Customers(…)`; each locale is one exhaustive `match`, so a missing translation is a
//! compile error.

mod en;
mod zh_cn;

use baton_core::problem::field_code;

/// One translatable text of the customers page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CustomerKey {
    Title,
    Filters,
    Search,
    Group,
    AllGroups,
    NoGroup,
    State,
    AllStates,
    Active,
    Deactivated,
    Merged,
    Sort,
    SortName,
    SortNameDesc,
    SortEmail,
    SortCreated,
    SortCreatedDesc,
    Apply,
    Total,
    None,
    ColName,
    ColEmail,
    ColPhone,
    ColGroup,
    ColState,
    ColTickets,
    ColActions,
    Edit,
    EditOf,
    Name,
    Email,
    Phone,
    Save,
    Saved,
    Close,
    Deactivate,
    Reactivate,
    DeactivateConfirm,
    MergeTitle,
    MergeHint,
    MergeSearch,
    MergeInto,
    MergeConfirm,
    MergedInto,
    More,
    ImportOpen,
    ImportTitle,
    ImportHint,
    ImportFile,
    ImportPreview,
    ImportSubmit,
    ImportDone,
    ColRow,
    ColOutcome,
    ColErrors,
    OutcomeCreated,
    OutcomeUpdated,
    OutcomeUnchanged,
    OutcomeFailed,
    ImportSummary,
    NoFile,
    TooManyRows,
    InvalidEncoding,
    MissingColumn,
    Duplicate,
    StaffEmail,
    EmailTaken,
}

registered_keyset!(CustomerKey, Customers);

pub(super) fn register() {
    register_texts();
}

/// The text of a field error code, the import's own codes included.
pub fn code_key(code: &str) -> super::Key {
    match code {
        field_code::TOO_MANY_ROWS => CustomerKey::TooManyRows.into(),
        field_code::INVALID_ENCODING => CustomerKey::InvalidEncoding.into(),
        field_code::MISSING_COLUMN => CustomerKey::MissingColumn.into(),
        field_code::DUPLICATE => CustomerKey::Duplicate.into(),
        field_code::ALREADY_EXISTS => CustomerKey::StaffEmail.into(),
        other => super::field_key(other),
    }
}
