//! The texts of the agent's ticket page beyond [`super::AgentKey`]: quick replies, the extra
//! properties, channels, the customer panel and phone registration. Reached as
//! `Key::AgentTicket(…)`; each locale is one exhaustive `match`, so a missing translation is a
//! compile error.

mod en;
mod zh_cn;

use super::Key;
use baton_core::Channel;

/// One translatable text of the agent's ticket page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TicketKey {
    // Quick replies and shortcuts.
    QuickReply,
    QuickReplyChoose,
    QuickReplyInsert,
    QuickReplyHint,
    ShortcutsHint,
    // Extra properties.
    TicketType,
    TicketSubtype,
    NoType,
    TypeChangeHint,
    CustomFields,
    CcNone,
    // Channels.
    Channel,
    ChannelWeb,
    ChannelWidget,
    ChannelPhone,
    ChannelEmail,
    ChannelApi,
    // Customer panel.
    CustomerEmail,
    CustomerPhone,
    NoCustomerGroup,
    StaffRequester,
    // Phone registration.
    PhoneLink,
    PhoneTitle,
    PhoneIntro,
    CallerHeading,
    CustomerSearch,
    CustomerSearchHint,
    CustomerSearchButton,
    CustomerNoMatch,
    CustomerPick,
    NewCustomerHeading,
    CustomerName,
    CustomerEmailLabel,
    CustomerPhoneLabel,
    CustomerCreate,
    CustomerCreated,
    CallerIs,
    ChangeCaller,
    PhoneTicketCreated,
    FormHeading,
    CustomerExists,
    // System entries of property changes (staff only).
    ChangeLine,
    // Automations (issue 13): an automation rule's entry.
    ChangeByRule,
    ChangeTrashed,
    ChangeRestored,
    ChangeSuspended,
    ChangeUnsuspended,
}

registered_keyset!(TicketKey, AgentTicket);

pub(super) fn register() {
    register_texts();
}

/// A channel's name.
pub fn channel_key(channel: Channel) -> Key {
    Key::AgentTicket(match channel {
        Channel::Web => TicketKey::ChannelWeb,
        Channel::Widget => TicketKey::ChannelWidget,
        Channel::Phone => TicketKey::ChannelPhone,
        Channel::Email => TicketKey::ChannelEmail,
        Channel::Api => TicketKey::ChannelApi,
    })
}

/// A channel's wire code (`phone`), for `data-channel`.
pub fn channel_code(channel: Channel) -> &'static str {
    match channel {
        Channel::Web => "web",
        Channel::Widget => "widget",
        Channel::Phone => "phone",
        Channel::Email => "email",
        Channel::Api => "api",
    }
}
