//! Agent workspace pieces, props only: the side list of views with live counts, the virtualized
//! ticket table, and the panel that shows an edit conflict (412) side by side.

mod conflict_panel;
mod ticket_table;
mod view_list;

pub use conflict_panel::{ConflictPanel, ConflictRow};
pub use ticket_table::{visible_range, TicketTable, ROW_HEIGHT};
pub use view_list::{view_name_key, ViewList};
