//! Ticket pieces: the status pill, lists, the submit form and its custom fields, the ticket's
//! details, attachments and confidential info, the thread and its composer, lifecycle actions and
//! rating. They show and collect; the pages fetch and send.

mod attachment_list;
mod confidential_box;
mod custom_field;
mod message_item;
mod rating_form;
mod reply_box;
mod status_pill;
mod thread;
mod ticket_actions;
mod ticket_details;
mod ticket_form;
mod ticket_header;
mod ticket_list;

pub use attachment_list::{AttachmentLink, AttachmentList};
pub use confidential_box::ConfidentialBox;
pub use custom_field::{CustomFieldInput, FieldSlot};
pub use message_item::MessageItem;
pub use rating_form::RatingForm;
pub use reply_box::ReplyBox;
pub use status_pill::StatusPill;
pub use thread::Thread;
pub use ticket_actions::TicketActions;
pub use ticket_details::TicketDetails;
pub use ticket_form::{use_ticket_types, TicketDraft, TicketForm, TypePicker};
pub use ticket_header::TicketHeader;
pub use ticket_list::TicketList;
