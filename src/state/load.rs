//! [`Load`]: what a page fetched from the API, as a signal — `None` until the first answer, then
//! the last answer, kept while a newer one is on its way (pages update in place, no "Loading"
//! flash). It fetches again when a signal its fetcher read changes, or on [`Load::refetch`].
//!
//! Why not Leptos's `LocalResource`: its async-derived machinery was ~46 KB of the help center's
//! wasm for eight resources (twiggy); an effect, a signal and a counter do what these pages need.

use crate::api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;

/// The answer of the latest request (an older one arriving late is dropped).
pub struct Load<T: 'static> {
    value: RwSignal<Option<Result<T, ApiError>>>,
    again: Trigger,
}

impl<T> Clone for Load<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Load<T> {}

impl<T: Clone + Send + Sync + 'static> Load<T> {
    /// Runs `fetch` now and whenever a signal it reads (before its first `.await`) changes.
    pub fn new<Fut>(fetch: impl Fn() -> Fut + 'static) -> Load<T>
    where
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        let value = RwSignal::new(None);
        let again = Trigger::new();
        let latest = StoredValue::new(0_u64);
        Effect::new(move |_| {
            again.track();
            let answer = fetch();
            let request = latest.try_update_value(|n| {
                *n += 1;
                *n
            });
            spawn_local(async move {
                let answer = answer.await;
                if request.is_some() && latest.try_get_value() == request {
                    value.try_set(Some(answer));
                }
            });
        });
        Load { value, again }
    }

    /// The last answer (tracked), `None` before the first.
    pub fn get(&self) -> Option<Result<T, ApiError>> {
        self.value.get()
    }

    /// Asks again; the current answer stays until the new one arrives.
    pub fn refetch(&self) {
        self.again.notify();
    }
}
