//! The texts of `/admin/roles` (issue 12): the built-in and custom roles and each permission's
//! name and meaning. Admin bundle only; reached as `Key::Roles(…)`; each locale is one
//! exhaustive `match`, so a missing translation is a compile error.

mod en;
mod zh_cn;


/// One translatable text of the roles page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RoleKey {
    Title,
    Intro,
    Builtin,
    /// `{0}`: how many staff hold it.
    Members,
    New,
    Edit,
    Name,
    Permissions,
    /// `{0}`: the role's name.
    InUse,
    NoPermissions,
    NoCustom,
    /// A permission's name.
    Perm(baton_core::Permission),
}

registered_keyset!(RoleKey, Roles);

pub(super) fn register() {
    register_texts();
}
