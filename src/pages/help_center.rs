//! The customer's help center: read help articles, submit a ticket, follow one's tickets, talk on
//! a ticket.

mod kb;
mod kb_article;
mod my_tickets;
mod new_ticket;
mod ticket_detail;
mod uploads;

pub use kb::KbHome;
pub use kb_article::KbArticlePage;
pub use my_tickets::MyTickets;
pub use new_ticket::NewTicket;
pub use ticket_detail::TicketDetail;
pub use uploads::uploader;
