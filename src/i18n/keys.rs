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

    // My tickets.
    MyTicketsTitle,
    StatusFilter,
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
    DescriptionHeading,
    ThreadHeading,
    ThreadEmpty,
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

    // Field codes (baton_core::problem::field_code).
    FieldRequired,
    FieldTooLong,
    FieldInvalidPhone,
    FieldInvalidEmail,
    FieldInvalidValue,

    // Transition refusal reasons (baton_core::status::TransitionError::code).
    ReasonTicketFinal,
    ReasonWrongActor,
    ReasonNotFromState,
}
