//! The ticket status lifecycle of DOMAIN.md: seven states, the events that move between them and
//! who may trigger each. `apply` is the single authority; `allowed_actions` lists the buttons a
//! client may show.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A ticket's status. The wire codes are the lowercase names (`new`, `open`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    New,
    Open,
    Pending,
    Solved,
    Confirmed,
    Rated,
    Closed,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::New,
        Status::Open,
        Status::Pending,
        Status::Solved,
        Status::Confirmed,
        Status::Rated,
        Status::Closed,
    ];

    /// The wire code, as stored in the database and used in `data-status`.
    pub fn code(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Open => "open",
            Status::Pending => "pending",
            Status::Solved => "solved",
            Status::Confirmed => "confirmed",
            Status::Rated => "rated",
            Status::Closed => "closed",
        }
    }

    pub fn from_code(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    /// `rated` and `closed` end a ticket; a customer who needs more opens a follow-up.
    pub fn is_final(self) -> bool {
        matches!(self, Status::Rated | Status::Closed)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A user's role in a tenant. `owner` is an admin that cannot be demoted or deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Customer,
    Agent,
    Admin,
    Owner,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Role::Customer => "customer",
            Role::Agent => "agent",
            Role::Admin => "admin",
            Role::Owner => "owner",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        [Role::Customer, Role::Agent, Role::Admin, Role::Owner]
            .into_iter()
            .find(|r| r.code() == code)
    }

    /// Which side of the lifecycle this role acts on.
    pub fn actor(self) -> Actor {
        match self {
            Role::Customer => Actor::Customer,
            Role::Agent | Role::Admin | Role::Owner => Actor::Agent,
        }
    }

    pub fn is_staff(self) -> bool {
        self.actor() == Actor::Agent
    }
}

/// Who triggers a lifecycle event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    Customer,
    Agent,
    System,
}

/// A lifecycle event. Wire codes are snake_case (`set_pending`, `auto_close`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// An agent opens (查看) a new ticket.
    Open,
    /// An agent waits on the customer (待回复).
    SetPending,
    /// The customer replies to a pending ticket.
    CustomerReply,
    /// An agent completes the ticket (完结工单).
    Complete,
    /// The customer confirms it is done (确认工单已完成).
    Confirm,
    /// The customer continues messaging on a solved ticket (继续留言).
    Continue,
    /// An agent reopens a solved ticket.
    Reopen,
    /// The customer rates the service (提交评价).
    Rate,
    /// The customer closes the ticket (关闭工单).
    Close,
    /// The system closes a ticket left unconfirmed for N days.
    AutoClose,
}

impl Action {
    pub const ALL: [Action; 10] = [
        Action::Open,
        Action::SetPending,
        Action::CustomerReply,
        Action::Complete,
        Action::Confirm,
        Action::Continue,
        Action::Reopen,
        Action::Rate,
        Action::Close,
        Action::AutoClose,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Action::Open => "open",
            Action::SetPending => "set_pending",
            Action::CustomerReply => "customer_reply",
            Action::Complete => "complete",
            Action::Confirm => "confirm",
            Action::Continue => "continue",
            Action::Reopen => "reopen",
            Action::Rate => "rate",
            Action::Close => "close",
            Action::AutoClose => "auto_close",
        }
    }

    /// The one actor allowed to trigger this event.
    pub fn actor(self) -> Actor {
        use Action::*;
        match self {
            Open | SetPending | Complete | Reopen => Actor::Agent,
            CustomerReply | Confirm | Continue | Rate | Close => Actor::Customer,
            AutoClose => Actor::System,
        }
    }

    /// The states this event may start from.
    pub fn from_states(self) -> &'static [Status] {
        use Status::*;
        match self {
            Action::Open => &[New],
            Action::SetPending => &[New, Open],
            Action::CustomerReply => &[Pending],
            Action::Complete => &[New, Open, Pending],
            Action::Confirm => &[Solved],
            Action::Continue => &[Solved],
            Action::Reopen => &[Solved],
            Action::Rate => &[Confirmed],
            Action::Close => &[New, Open, Pending],
            Action::AutoClose => &[Solved],
        }
    }

    /// The state this event leads to.
    pub fn target(self) -> Status {
        use Action::*;
        match self {
            Open | CustomerReply | Continue | Reopen => Status::Open,
            SetPending => Status::Pending,
            Complete => Status::Solved,
            Confirm => Status::Confirmed,
            Rate => Status::Rated,
            Close | AutoClose => Status::Closed,
        }
    }
}

/// Why an event was refused. `code()` is the stable reason sent in problem+json `reason`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransitionError {
    /// The ticket is `rated` or `closed`; nothing moves it any more.
    Final(Status),
    /// This actor may never trigger this event.
    WrongActor { action: Action, actor: Actor },
    /// The event exists for this actor but not from the current state.
    NotFromState { action: Action, from: Status },
}

impl TransitionError {
    pub fn code(&self) -> &'static str {
        match self {
            TransitionError::Final(_) => "ticket_final",
            TransitionError::WrongActor { .. } => "wrong_actor",
            TransitionError::NotFromState { .. } => "not_from_state",
        }
    }
}

impl fmt::Display for TransitionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TransitionError::Final(s) => write!(f, "the ticket is {s} and can no longer change"),
            TransitionError::WrongActor { action, actor } => {
                write!(f, "{actor:?} may not {}", action.code())
            }
            TransitionError::NotFromState { action, from } => {
                write!(f, "cannot {} a ticket that is {from}", action.code())
            }
        }
    }
}

impl std::error::Error for TransitionError {}

/// Applies `action` by `actor` to a ticket in `from`; the new status, or why not.
pub fn apply(from: Status, action: Action, actor: Actor) -> Result<Status, TransitionError> {
    if action.actor() != actor {
        return Err(TransitionError::WrongActor { action, actor });
    }
    if from.is_final() {
        return Err(TransitionError::Final(from));
    }
    if !action.from_states().contains(&from) {
        return Err(TransitionError::NotFromState { action, from });
    }
    Ok(action.target())
}

/// The events `actor` may trigger now, in a stable order. Replies are not listed here: see
/// [`on_reply`].
pub fn allowed_actions(from: Status, actor: Actor) -> Vec<Action> {
    Action::ALL
        .into_iter()
        .filter(|a| !matches!(a, Action::CustomerReply | Action::Continue))
        .filter(|a| apply(from, *a, actor).is_ok())
        .collect()
}

/// What a new message does to the status. A customer's reply moves `pending` (and `solved`, 继续留言)
/// back to `open`; an agent's reply or note leaves the status alone. `Ok(None)`: no change.
/// Messages on `confirmed`, `rated` or `closed` tickets are refused (a follow-up ticket is the way).
pub fn on_reply(from: Status, actor: Actor) -> Result<Option<Action>, TransitionError> {
    if from.is_final() {
        return Err(TransitionError::Final(from));
    }
    match (actor, from) {
        (_, Status::Confirmed) => Err(TransitionError::NotFromState {
            action: if actor == Actor::Customer { Action::Continue } else { Action::Reopen },
            from,
        }),
        (Actor::Customer, Status::Pending) => Ok(Some(Action::CustomerReply)),
        (Actor::Customer, Status::Solved) => Ok(Some(Action::Continue)),
        (Actor::System, _) => Err(TransitionError::WrongActor { action: Action::CustomerReply, actor }),
        _ => Ok(None),
    }
}

#[cfg(test)]
#[path = "status_tests.rs"]
mod tests;
