//! The built-in agent views of DOMAIN.md (mine, starred, all, …): their wire ids and names.

use serde::{Deserialize, Serialize};

/// The built-in views, in their default order. Wire ids are the snake_case keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BuiltinView {
    /// Assigned to me and unsolved, plus tickets I requested.
    Mine,
    Starred,
    /// Everything I may see.
    All,
    /// Tickets I am CC'd on.
    Cc,
    /// Tickets of my agent groups.
    Groups,
    /// New or open, in my groups, nobody assigned.
    Unassigned,
    Pending,
    Solved,
    /// Closed, confirmed or rated.
    Closed,
    Trash,
    Suspended,
}

impl BuiltinView {
    pub const ALL: [BuiltinView; 11] = [
        BuiltinView::Mine,
        BuiltinView::Starred,
        BuiltinView::All,
        BuiltinView::Cc,
        BuiltinView::Groups,
        BuiltinView::Unassigned,
        BuiltinView::Pending,
        BuiltinView::Solved,
        BuiltinView::Closed,
        BuiltinView::Trash,
        BuiltinView::Suspended,
    ];

    /// The wire id, e.g. `mine`.
    pub fn key(self) -> &'static str {
        match self {
            BuiltinView::Mine => "mine",
            BuiltinView::Starred => "starred",
            BuiltinView::All => "all",
            BuiltinView::Cc => "cc",
            BuiltinView::Groups => "groups",
            BuiltinView::Unassigned => "unassigned",
            BuiltinView::Pending => "pending",
            BuiltinView::Solved => "solved",
            BuiltinView::Closed => "closed",
            BuiltinView::Trash => "trash",
            BuiltinView::Suspended => "suspended",
        }
    }

    pub fn from_key(key: &str) -> Option<BuiltinView> {
        BuiltinView::ALL.into_iter().find(|v| v.key() == key)
    }

    /// The English name; the SPA translates by key.
    pub fn name(self) -> &'static str {
        match self {
            BuiltinView::Mine => "My tickets",
            BuiltinView::Starred => "Starred",
            BuiltinView::All => "All tickets",
            BuiltinView::Cc => "CC'd to me",
            BuiltinView::Groups => "My groups",
            BuiltinView::Unassigned => "Unassigned (my groups and unrouted)",
            BuiltinView::Pending => "Pending",
            BuiltinView::Solved => "Solved",
            BuiltinView::Closed => "Closed",
            BuiltinView::Trash => "Trash",
            BuiltinView::Suspended => "Suspended",
        }
    }
}
