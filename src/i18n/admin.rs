//! The texts of the account pages and the admin console (issue 12): `/forgot-password`,
//! `/admin/agents`, `/admin/mail` and the top bar's "Admin" entry. Console bundle only (the
//! `console` feature), reached as `Key::Admin(…)`; each locale is one exhaustive `match`.

pub(super) mod en;
pub(super) mod zh_cn;

/// One translatable text of the account pages and the admin console.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AdminKey {
    // `/forgot-password`.
    ForgotTitle,
    ForgotIntro,
    ForgotDeskHint,
    ForgotSubmit,
    ForgotSubmitting,
    ForgotSent,
    BackToLogin,
    // The console's way in and the admin pages' navigation.
    NavAdmin,
    AdminNav,
    NavAgents,
    NavMail,
    NotAllowed,
    Unavailable,
    // `/admin/agents`.
    AgentsTitle,
    ColName,
    ColEmail,
    ColRole,
    ColGroups,
    ColState,
    ColActions,
    StateInvited,
    StateActive,
    StateDeactivated,
    RoleAgent,
    RoleAdmin,
    RoleOwner,
    NoAgents,
    NoGroups,
    InviteTitle,
    InviteOpen,
    InviteName,
    InviteRole,
    InviteGroups,
    InviteSubmit,
    InviteSubmitting,
    InviteCancel,
    /// `{0}`: the email the invitation went to.
    Invited,
    Resend,
    /// `{0}`: the email.
    Resent,
    Deactivate,
    Reactivate,
    /// `{0}`: the agent's name.
    DeactivateConfirm,
    DeactivateHint,
    ConfirmYes,
    ConfirmNo,
    /// `{0}`: the agent's name.
    Deactivated,
    /// `{0}`: the agent's name.
    Reactivated,
    /// The role select's label, `{0}`: the agent's name.
    RoleOf,
    /// `{0}`: the agent's name.
    RoleChanged,
    ErrAlreadyExists,
    ErrConflict,
    /// `{0}`: the time.
    InvitedAt,
    // `/admin/mail`.
    MailTitle,
    MailIntro,
    NoSmtp,
    MailStatus,
    MailStatusAll,
    MailQueued,
    MailSent,
    MailFailed,
    ColTo,
    ColSubject,
    ColKind,
    ColStatus,
    ColAttempts,
    ColLastError,
    ColTimes,
    KindSetup,
    KindInvitation,
    KindPasswordReset,
    /// `{0}`: the time.
    CreatedAt,
    /// `{0}`: the time.
    NextAttemptAt,
    /// `{0}`: the time.
    SentAt,
    NoMail,
}

impl From<AdminKey> for super::Key {
    fn from(key: AdminKey) -> super::Key {
        super::Key::Admin(key)
    }
}
