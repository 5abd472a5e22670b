//! The ticket page's data, cut into the slices its parts show. Each slice is a memo, so a
//! refetch after a live event re-renders only the parts whose slice changed.

use crate::api::ApiError;
use crate::state::session::Session;
use baton_core::status::{on_reply, Action, Actor};
use baton_core::{Message, Ticket, TicketType};
use crate::state::load::Load;
use leptos::prelude::*;

/// The ticket, its thread and the catalog, once all three are in.
type Loaded = (Ticket, Vec<Message>, Vec<TicketType>);

/// The page's slices.
#[derive(Clone, Copy)]
pub struct Parts {
    /// Loading (`None`), failed, or loaded.
    pub state: Memo<Option<Result<Loaded, ApiError>>>,
    /// A ticket is shown.
    pub shown: Memo<bool>,
    /// The header and details: the ticket and the catalog.
    pub head: Memo<Option<(Ticket, Vec<TicketType>)>>,
    pub messages: Memo<Vec<Message>>,
    pub can_reply: Memo<bool>,
    pub actions: Memo<Vec<Action>>,
    pub can_rate: Memo<bool>,
    /// (stored, the viewer asked it): the box shows when either holds; only the requester edits.
    pub confidential: Memo<(bool, bool)>,
}

impl Parts {
    /// Slices of the page's three resources for ticket `id`, as `session`'s user sees them.
    pub fn new(
        id: Memo<Option<i64>>,
        ticket: Load<Ticket>,
        thread: Load<Vec<Message>>,
        catalog: Load<Vec<TicketType>>,
        session: Session,
    ) -> Parts {
        let actor = move || session.me().map_or(Actor::Customer, |me| me.role.actor());
        let state = Memo::new(move |_| match (ticket.get(), thread.get(), catalog.get()) {
            // Until the new ticket arrives after a change of `:id`, the old one is not shown.
            // A catalog that failed to load only costs the field labels.
            (Some(Ok(t)), Some(Ok(messages)), Some(types)) if Some(t.id) == id.get() => {
                Some(Ok((t, messages, types.unwrap_or_default())))
            }
            (Some(Err(e)), _, _) | (_, Some(Err(e)), _) => Some(Err(e)),
            _ => None,
        });
        // Each part of the page follows only what it shows, so a refetch after a live event
        // re-renders what changed and keeps the rest (an open "are you sure", a shown secret).
        let part = move |f: fn(&Ticket) -> bool| {
            Memo::new(move |_| state.with(|s| matches!(s, Some(Ok((t, _, _))) if f(t))))
        };
        let shown = part(|_| true);
        let can_rate = part(|t| t.allowed_actions.contains(&Action::Rate));
        let can_reply = Memo::new(move |_| {
            state.with(|s| matches!(s, Some(Ok((t, _, _))) if on_reply(t.status, actor()).is_ok()))
        });
        let head = Memo::new(move |_| {
            state.with(|s| match s {
                Some(Ok((t, _, types))) => Some((t.clone(), types.clone())),
                _ => None,
            })
        });
        let messages = Memo::new(move |_| {
            state.with(|s| match s {
                Some(Ok((_, messages, _))) => messages.clone(),
                _ => Vec::new(),
            })
        });
        let actions = Memo::new(move |_| {
            state.with(|s| match s {
                Some(Ok((t, _, _))) => t.allowed_actions.clone(),
                _ => Vec::new(),
            })
        });
        // (stored, the viewer asked it): the box shows when either holds; only the requester edits.
        let confidential = Memo::new(move |_| {
            let viewer = session.me().map(|me| me.id);
            state.with(|s| match s {
                Some(Ok((t, _, _))) => (t.confidential_set, viewer == Some(t.requester.id)),
                _ => (false, false),
            })
        });
        Parts {
            state,
            shown,
            head,
            messages,
            can_reply,
            actions,
            can_rate,
            confidential,
        }
    }

    /// An attribute of the shown ticket (none while there is none).
    pub fn attr(
        self,
        f: fn(&Ticket) -> String,
    ) -> impl Fn() -> Option<String> + Send + Sync + 'static {
        let state = self.state;
        move || {
            state.with(|s| match s {
                Some(Ok((t, _, _))) => Some(f(t)),
                _ => None,
            })
        }
    }
}
