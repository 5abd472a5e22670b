//! Who is signed in: loaded from `GET /me` at start-up (401 means signed out), set by the login
//! page, cleared by sign-out or by any request that finds the session expired.

use crate::api::Api;
#[cfg(not(feature = "console"))]
use crate::state::locale::I18n;
use baton_core::{Me, Permission};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What the app knows about the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionState {
    /// `GET /me` has not answered yet.
    Loading,
    SignedOut,
    SignedIn(Me),
}

/// The session context.
#[derive(Debug, Clone, Copy)]
pub struct Session {
    state: RwSignal<SessionState>,
    /// True after the user signed out on purpose: the login page then forgets where they were.
    by_user: RwSignal<bool>,
    /// The language, which follows the desk's when no one chose one: in the help center, whose
    /// customers' pages it is for (staff pick theirs in the console; and its budget is tight).
    #[cfg(not(feature = "console"))]
    i18n: Option<I18n>,
}

impl Session {
    /// Creates the context in `state` and provides it to everything below the caller.
    pub fn provide(state: SessionState) -> Session {
        let session = Session {
            state: RwSignal::new(state),
            by_user: RwSignal::new(false),
            #[cfg(not(feature = "console"))]
            i18n: use_context::<I18n>(),
        };
        provide_context(session);
        session
    }

    /// Asks the server who is signed in. Any failure means signed out: the login page is the
    /// right place to land when the server cannot be reached either.
    pub fn load(self, api: Api) {
        spawn_local(async move {
            match api.me().await {
                Ok(me) => self.enter(me),
                Err(_) => self.state.set(SessionState::SignedOut),
            }
        });
    }

    /// The signed-in user (tracked).
    pub fn me(&self) -> Option<Me> {
        match self.state.get() {
            SessionState::SignedIn(me) => Some(me),
            _ => None,
        }
    }

    /// The signed-in user (untracked).
    pub fn me_untracked(&self) -> Option<Me> {
        self.state.with_untracked(|s| match s {
            SessionState::SignedIn(me) => Some(me.clone()),
            _ => None,
        })
    }

    /// Whether the signed-in user holds `p` (untracked), to hide what they may not do; the server
    /// decides all the same.
    pub fn can(&self, p: Permission) -> bool {
        self.state.with_untracked(|s| matches!(s, SessionState::SignedIn(me) if me.can(p)))
    }

    /// `Some(true)` signed in, `Some(false)` signed out, `None` still loading (tracked).
    pub fn signed_in(&self) -> Option<bool> {
        self.state.with(|s| match s {
            SessionState::Loading => None,
            SessionState::SignedOut => Some(false),
            SessionState::SignedIn(_) => Some(true),
        })
    }

    /// Whether the last sign-out was the user's own choice (untracked).
    pub fn signed_out_by_user(&self) -> bool {
        self.by_user.get_untracked()
    }

    pub fn signed_in_as(&self, me: Me) {
        self.by_user.set(false);
        self.enter(me);
    }

    /// Signed in as `me`; the language follows their desk's unless it is settled.
    fn enter(&self, me: Me) {
        #[cfg(not(feature = "console"))]
        if let Some(i18n) = self.i18n {
            i18n.follow_desk(me.tenant.language.as_deref());
        }
        self.state.set(SessionState::SignedIn(me));
    }

    /// Forgets the user. `by_user`: they asked for it (as opposed to an expired session).
    pub fn sign_out(&self, by_user: bool) {
        self.by_user.set(by_user);
        self.state.set(SessionState::SignedOut);
    }
}

/// The session context; panics if [`Session::provide`] was not called above.
pub fn use_session() -> Session {
    expect_context::<Session>()
}
