//! Agent workspace pieces, props only: the side list of views with live counts, the virtualized
//! ticket table, the panel that shows an edit conflict (412) side by side, and the wording of
//! property changes in the thread.

mod change_entry;
mod conflict_panel;
mod customer_panel;
mod handoff_notice;
mod presence_bar;
mod quick_reply;
mod ticket_table;
mod view_list;
pub(crate) mod view_editor;
mod view_manager;
mod bulk_bar;
mod shortcut_help;
mod sla;

pub use change_entry::{describe_change, describe_in_context, show_value, ChangeCatalog};
pub use conflict_panel::{ConflictPanel, ConflictRow};
pub use customer_panel::CustomerCard;
pub use handoff_notice::HandoffNotice;
pub use presence_bar::{PresenceBar, Typing};
pub use quick_reply::QuickReplyPicker;
pub use ticket_table::{default_columns, visible_range, TicketTable, ROW_HEIGHT};
pub use view_list::{view_name_key, ViewList};
pub use view_editor::{column_code, ViewEditor, COLUMNS};
pub use view_manager::ViewManager;
pub use bulk_bar::BulkBar;
pub use shortcut_help::{action_key, ShortcutHelp};
pub use sla::{countdown, sla_cell, SlaPanel};
