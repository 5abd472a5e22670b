//! English (en) texts of the agent's ticket page.

use super::TicketKey;

pub fn text(key: TicketKey) -> &'static str {
    use TicketKey::*;
    match key {
        QuickReply => "Quick reply",
        QuickReplyChoose => "Choose a quick reply…",
        QuickReplyInsert => "Insert",
        QuickReplyHint => "Inserted at the cursor with the requester's name and the ticket number filled in; edit it as you like.",
        ShortcutsHint => "Shortcuts: {0} reply, {1} internal note, {2} complete.",
        TicketType => "Type",
        TicketSubtype => "Sub-type",
        NoType => "No type",
        CustomFields => "Custom fields",
        CcNone => "No other agents.",
        Channel => "Channel: {0}",
        ChannelWeb => "Web",
        ChannelWidget => "Widget",
        ChannelPhone => "Phone",
        ChannelEmail => "Email",
        ChannelApi => "API",
        CustomerEmail => "Email: {0}",
        CustomerPhone => "Phone: {0}",
        NoCustomerGroup => "No customer group",
        PhoneLink => "Register a phone ticket",
        PhoneTitle => "Register a ticket for a caller",
        PhoneIntro => "Find the caller, or add them as a new customer, then fill in the ticket for them.",
        CallerHeading => "Caller",
        CustomerSearch => "Find a customer",
        CustomerSearchHint => "Part of their name, email or phone number.",
        CustomerSearchButton => "Search",
        CustomerNoMatch => "No customer matches.",
        CustomerPick => "Choose",
        NewCustomerHeading => "New customer",
        CustomerName => "Name",
        CustomerEmailLabel => "Email",
        CustomerPhoneLabel => "Phone",
        CustomerCreate => "Add customer",
        CustomerCreated => "Customer added.",
        CallerIs => "Ticket for {0} ({1})",
        ChangeCaller => "Change caller",
        PhoneTicketCreated => "Ticket registered.",
        FormHeading => "Ticket",
        CustomerExists => "A customer with this email already exists: search for them instead.",
    }
}
