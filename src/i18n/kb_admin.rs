//! The texts of the knowledge-base editor (`/admin/kb`) and the quick-reply editors
//! (`/admin/quick-replies`, the personal ones on `/agent/settings`), issue 12. Admin bundle only;
//! reached as `Key::KbAdmin(…)`; each locale is one exhaustive `match`, so a missing translation
//! is a compile error.

mod en;
mod zh_cn;

/// One translatable text of the knowledge-base and quick-reply editors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KbAdminKey {
    Title,
    Intro,
    Articles,
    NewArticle,
    Status,
    AllStatuses,
    Published,
    Draft,
    Category,
    AllCategories,
    NoCategory,
    ColTitle,
    ColUpdated,
    NoArticles,
    More,
    Edit,
    EditOf,
    Publish,
    Unpublish,
    PublishOf,
    UnpublishOf,
    EditArticle,
    FieldTitle,
    FieldBody,
    BodyHint,
    Save,
    SavePreview,
    Preview,
    PreviewHint,
    PreviewEmpty,
    Close,
    Saved,
    PublishedNotice,
    UnpublishedNotice,
    Categories,
    CategoryName,
    AddCategory,
    NoCategories,
    CategoryAdded,
    CategoryRenamed,
    CategoryDeleted,
    CategoryNewName,
    Rename,
    RenameCategoryOf,
    DeleteCategoryOf,
    DeleteCategoryConfirm,
    OpenInHelpCenter,
    QrTitle,
    QrIntro,
    QrMineTitle,
    QrMineIntro,
    QrNew,
    QrEdit,
    QrFieldTitle,
    QrFieldBody,
    QrBodyHint,
    QrNone,
    QrDeleteOf,
    QrDeleteConfirm,
    Delete,
    Keep,
    Cancel,
    QrSaved,
    QrDeleted,
    DeleteArticleConfirm,
    DeletedNotice,
}

registered_keyset!(KbAdminKey, KbAdmin);

pub(super) fn register() {
    register_texts();
}
