//! The texts of the catalog's setup (issue 12): `/admin/types` — ticket types, sub-types, custom
//! fields and dictionaries. Admin bundle only; reached as `Key::Catalog(…)`; each locale is one
//! exhaustive `match`, so a missing translation is a compile error.

mod en;
mod zh_cn;

use baton_core::FieldKind;

/// One translatable text of the catalog's admin page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CatalogKey {
    Title,
    Intro,
    Types,
    NoTypes,
    NewType,
    NameEn,
    NameZh,
    Active,
    Off,
    SwitchOff,
    SwitchOn,
    MoveUp,
    MoveDown,
    Subtypes,
    NewSubtype,
    Group,
    NoGroup,
    TypeFields,
    SubtypeFields,
    NoFields,
    NewField,
    Key,
    LabelEn,
    LabelZh,
    Kind,
    Required,
    HelpEn,
    HelpZh,
    Dictionary,
    NoDictionary,
    Parent,
    NoParent,
    Add,
    Save,
    Cancel,
    Edit,
    EditOf,
    Rename,
    RenameOf,
    Saved,
    Taken,
    Dictionaries,
    NoDictionaries,
    NewDictionary,
    DictName,
    Options,
    OptionsIntro,
    Value,
    ParentValue,
    AddOption,
    RemoveOption,
    OptionUp,
    OptionDown,
    OffOptions,
    Restore,
    KindText,
    KindTextarea,
    KindNumber,
    KindDate,
    KindDatetime,
    KindSelect,
    KindMultiselect,
    KindRadio,
    KindCheckbox,
    KindAttachment,
}

registered_keyset!(CatalogKey, Catalog);

pub(super) fn register() {
    register_texts();
}

/// The translated name of a field kind.
pub fn kind_key(kind: FieldKind) -> CatalogKey {
    match kind {
        FieldKind::Text => CatalogKey::KindText,
        FieldKind::Textarea => CatalogKey::KindTextarea,
        FieldKind::Number => CatalogKey::KindNumber,
        FieldKind::Date => CatalogKey::KindDate,
        FieldKind::Datetime => CatalogKey::KindDatetime,
        FieldKind::Select => CatalogKey::KindSelect,
        FieldKind::Multiselect => CatalogKey::KindMultiselect,
        FieldKind::Radio => CatalogKey::KindRadio,
        FieldKind::Checkbox => CatalogKey::KindCheckbox,
        FieldKind::Attachment => CatalogKey::KindAttachment,
    }
}
