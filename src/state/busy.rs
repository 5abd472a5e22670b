//! One request at a time per button: [`Busy`] runs a future, tracks that it is running (to
//! disable the button and say "Sending…") and refuses to start a second one meanwhile, so a
//! double click never sends twice.
//!
//! Leptos' `Action` does the same and more (input and value signals, versions); its code is
//! generated again for each input and output type, and we need none of the rest.

use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;
use std::pin::Pin;

/// Whether a request started by this control is still running.
#[derive(Debug, Clone, Copy)]
pub struct Busy(RwSignal<bool>);

impl Busy {
    pub fn new() -> Busy {
        Busy(RwSignal::new(false))
    }

    /// Runs `work` unless a run is still going; returns false if it was refused.
    pub fn run(&self, work: impl Future<Output = ()> + 'static) -> bool {
        if self.0.get_untracked() {
            return false;
        }
        self.start(Box::pin(work));
        true
    }

    /// The body of [`Busy::run`], with the work boxed: not generic, so the wrapping future and
    /// its spawn exist once rather than once per caller.
    fn start(&self, work: Pin<Box<dyn Future<Output = ()>>>) {
        self.0.set(true);
        let flag = self.0;
        spawn_local(async move {
            work.await;
            // The page may be gone by now (navigation); then there is nothing to reset.
            flag.try_set(false);
        });
    }

    /// True while running (tracked).
    pub fn signal(&self) -> Signal<bool> {
        self.0.into()
    }

    /// True while running (untracked).
    pub fn is_busy(&self) -> bool {
        self.0.get_untracked()
    }
}

impl Default for Busy {
    fn default() -> Busy {
        Busy::new()
    }
}
