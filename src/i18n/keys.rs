//! Every user-visible text of the app, as one enum. Each locale file matches on it exhaustively,
//! so adding a key without translating it everywhere fails the build.
//!
//! Texts with `{0}`, `{1}` take arguments: see [`crate::i18n::fill`].

/// One translatable text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    // Shell: header, navigation, language.
    ProductName,
    SkipToContent,
    MainNav,
    NavSubmit,
    NavMyTickets,
    SignedInAs,
    Logout,
    Language,
    LanguageZhCn,
    LanguageEn,
    Loading,

    // The embeddable widget.
    WidgetTitle,
    WidgetClose,
    WidgetNotAllowed,
    WidgetSignInHint,
    WidgetSessionExpired,
    WidgetOpenHelpCenter,
    ErrSsoInvalidToken,
    ErrSsoBadSignature,
    ErrSsoExpired,
    ErrSsoReplayed,
    Dismiss,
    NotificationsRegion,
    NotFoundTitle,
    NotFoundBody,
    BackToMyTickets,

    // Login.
    LoginTitle,
    LoginIntro,
    Email,
    Password,
    LoginSubmit,
    LoginSubmitting,
    /// The login form's desk (tenant slug) field, shown when the email is in several desks.
    Desk,
    DeskHint,
    /// The login page's link to `/forgot-password` (when the backend has password resets).
    ForgotPasswordLink,
    SignupLink,

    // Submitting a ticket.
    NewTicketTitle,
    NewTicketIntro,
    FieldTitle,
    FieldDescription,
    FieldDescriptionHint,
    FieldContactPhone,
    FieldContactPhoneHint,
    TicketSubmit,
    TicketSubmitting,
    TicketCreated,

    // The complete submit form: types, custom fields, uploads, confidential info, retry.
    Required,
    ChooseOption,
    FieldType,
    FieldSubtype,
    ChooseTypeFirst,
    FieldRelatedUrl,
    FieldRelatedUrlHint,
    FieldConfidential,
    FieldConfidentialHint,
    SecretShow,
    SecretShowLabel,
    FieldAttachments,
    FieldAttachmentsHint,
    UploadProgress,
    UploadRemove,
    UploadDone,
    UploadsPending,
    Yes,
    No,
    Retry,
    OtherErrors,

    // My tickets.
    MyTicketsTitle,
    StatusFilter,
    TicketSearchLabel,
    TicketSearchSubmit,
    StatusAll,
    UpdatedAt,
    TicketNumber,
    LoadMore,
    LoadingMore,
    NoTickets,
    NoTicketsWithStatus,

    // Ticket detail.
    TicketDetailTitle,
    TicketUnavailable,
    SubmittedOn,
    /// The desk's promise on a ticket page: "We will reply by {time}" (SLA `reply_by`).
    ReplyBy,
    DescriptionHeading,
    ThreadHeading,
    ThreadEmpty,
    /// The button above a long thread: `{0}` earlier entries not shown yet.
    ThreadEarlier,
    SystemAuthor,
    StatusChanged,
    ReplyHeading,
    ReplyLabel,
    ReplySend,
    ReplySending,
    ReplySent,
    ReplyClosedNotice,
    ActionsHeading,
    ActionConfirm,
    ActionConfirmHint,
    ActionClose,
    CloseConfirmPrompt,
    CloseConfirmYes,
    CloseConfirmNo,
    TicketConfirmed,
    TicketClosed,
    RatingHeading,
    RatingStars,
    RatingStar,
    RatingComment,
    RatingSubmit,
    RatingThanks,

    // Ticket page: requester, details, attachments, confidential info.
    AskedBy,
    DetailsHeading,
    DetailContactPhone,
    DetailRelatedUrl,
    AttachmentsHeading,
    AttachmentDownload,
    ConfidentialHeading,
    ConfidentialStored,
    ConfidentialNone,
    ConfidentialNote,
    ConfidentialReplace,
    ConfidentialReplaceHint,
    ConfidentialSave,
    ConfidentialSaving,
    ConfidentialSaved,
    ConfidentialCleared,
    ReplyAttachments,

    // Knowledge base (help articles) and the suggestions on the ticket form.
    NavKb,
    KbTitle,
    KbIntro,
    KbSearchLabel,
    KbSearchSubmit,
    KbCategory,
    KbCategoryAll,
    KbArticlesHeading,
    KbResultsHeading,
    KbNoArticles,
    KbNoResults,
    KbBackToList,
    KbStillNeedHelp,
    KbArticleUnavailable,
    KbSuggestionsHeading,
    KbOpensInNewTab,

    // Status labels, customer wording (DOMAIN.md).
    StatusNew,
    StatusOpen,
    StatusPending,
    StatusSolved,
    StatusConfirmed,
    StatusRated,
    StatusClosed,

    // Problem codes (baton_core::problem::code) and client-side failures.
    ErrUnauthenticated,
    ErrInvalidCredentials,
    ErrForbidden,
    ErrNotFound,
    ErrMalformedJson,
    ErrUnsupportedMediaType,
    ErrPayloadTooLarge,
    ErrValidationFailed,
    ErrTransitionRefused,
    ErrInternal,
    ErrNetwork,
    ErrDecode,
    ErrUnknown,
    ErrTenantRequired,
    /// `rate_limited` with `Retry-After`: `{0}` minutes (more than one).
    ErrRateLimited,
    /// `rate_limited`, a minute or less to wait.
    ErrRateLimitedMinute,
    /// `rate_limited` without a `Retry-After`.
    ErrRateLimitedLater,

    // Field codes (baton_core::problem::field_code).
    FieldRequired,
    FieldTooLong,
    FieldInvalidPhone,
    FieldInvalidEmail,
    FieldInvalidValue,
    FieldInvalidUrl,
    FieldInvalidNumber,
    FieldInvalidDate,
    FieldFileType,
    FieldFileTooLarge,
    FieldPasswordTooWeak,

    // Transition refusal reasons (baton_core::status::TransitionError::code).
    ReasonTicketFinal,
    ReasonWrongActor,
    ReasonNotFromState,

    // Notifications (issue 13): the bell, the inbox, the preferences.
    NotifBell,
    NotifUnread,
    NotifEmpty,
    NotifMarkAll,
    NotifUnreadMark,
    NotifPublicReply,
    NotifSolved,
    NotifClosed,
    NotifPrefsTitle,
    NotifPrefsEvent,
    NotifPrefsInApp,
    NotifPrefsEmail,
    NotifEmailNever,
    NotifEmailOffline,
    NotifEmailAlways,
    NotifPrefsSave,
    NotifPrefsSaved,
    NotifKindPublicReply,
    NotifKindSolved,
    NotifKindClosed,

    // The agent workspace's own texts (see `crate::i18n::agent`).
    #[cfg(feature = "console")]
    Agent(super::AgentKey),
    // The workspace's lists, view editor, bulk actions, shortcuts (see `crate::i18n::agent_list`).
    #[cfg(feature = "console")]
    AgentList(super::ListKey),
    // The agent's ticket page (see `crate::i18n::agent_ticket`).
    #[cfg(feature = "console")]
    AgentTicket(super::TicketKey),
    // Workflows (see `crate::i18n::workflow`).
    #[cfg(feature = "console")]
    Workflow(super::WorkflowKey),
    // The catalog's setup (see `crate::i18n::catalog`).
    #[cfg(feature = "admin")]
    Catalog(super::CatalogKey),
    // Groups and routing (see `crate::i18n::routing`).
    #[cfg(feature = "admin")]
    Routing(super::RoutingKey),
    // Customers administration (see `crate::i18n::customers`).
    #[cfg(feature = "admin")]
    Customers(super::CustomerKey),
    // Automations (see `crate::i18n::automation`).
    #[cfg(feature = "admin")]
    Automation(super::AutomationKey),
    // A business calendar's holiday import (see `crate::i18n::calendar`).
    #[cfg(feature = "admin")]
    Calendar(super::CalendarKey),
    // Custom roles (see `crate::i18n::roles`).
    #[cfg(feature = "admin")]
    Roles(super::RoleKey),
    // The audit log (see `crate::i18n::audit`; issue 12).
    #[cfg(feature = "admin")]
    Audit(super::AuditKey),
    // Knowledge-base and quick-reply editors (see `crate::i18n::kb_admin`, issue 12).
    #[cfg(feature = "admin")]
    KbAdmin(super::KbAdminKey),
    // The account pages and the admin console (see `crate::i18n::admin`).
    #[cfg(feature = "console")]
    Admin(super::AdminKey),
}
