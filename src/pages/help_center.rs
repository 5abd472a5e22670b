//! The customer's help center: submit a ticket, follow one's tickets, talk on a ticket.

mod my_tickets;
mod new_ticket;
mod ticket_detail;
mod uploads;

pub use my_tickets::MyTickets;
pub use new_ticket::NewTicket;
pub use ticket_detail::TicketDetail;
