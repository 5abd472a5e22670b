//! The texts of a business calendar's holiday import on `/admin/sla` (issue 13). Admin bundle
//! only; reached as `Key::Calendar(…)`; each locale is one exhaustive `match`, so a missing
//! translation is a compile error.

mod en;
mod zh_cn;

/// One translatable text of the holiday import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CalendarKey {
    ImportTitle,
    ImportHint,
    ImportText,
    ImportFile,
    ImportAdd,
    /// `{0}` holidays and `{1}` working days.
    ImportDone,
    /// `{0}`: the line numbers.
    ImportBad,
    ImportEmpty,
    FileUnreadable,
}

registered_keyset!(CalendarKey, Calendar);

pub(super) fn register() {
    register_texts();
}
