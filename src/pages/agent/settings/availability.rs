//! Availability (issue 13, capability `routing`): whether routing may hand the agent new tickets
//! (`PUT /me/availability`); round robin and least loaded skip agents who are away. Colleagues
//! can still assign them tickets. A refused change puts the choice back and says why.

use crate::api::use_api;
use crate::i18n::RoutingKey as R;
use crate::state::busy::Busy;
use crate::state::locale::tr;
use crate::state::toasts::use_toasts;
use leptos::prelude::*;

#[component]
pub fn AvailabilitySetting() -> impl IntoView {
    let api = StoredValue::new(use_api());
    let toasts = use_toasts();
    // Read afresh (not the session's copy, which is as old as the page load).
    let available = RwSignal::new(None::<bool>);
    let offered = LocalResource::new(move || {
        let api = api.get_value();
        async move {
            let offered = api.capabilities().await.map(|c| c.routing).unwrap_or(false);
            if offered {
                if let Ok(me) = api.me().await {
                    available.set(Some(me.available));
                }
            }
            offered
        }
    });
    let busy = Busy::new();
    let choose = move |on: bool| {
        let before = available.get_untracked();
        available.set(Some(on));
        let api = api.get_value();
        busy.run(async move {
            match api.set_availability(on).await {
                Ok(a) => {
                    available.set(Some(a.available));
                    toasts.success(if a.available { R::Available } else { R::Away }.into());
                }
                Err(e) => {
                    available.set(before);
                    toasts.api_error(&e);
                }
            }
        });
    };
    let option = move |on: bool, key: R| view! {
        <label class="choice">
            <input type="radio" name="availability" data-testid="availability" value=if on { "available" } else { "away" }
                prop:checked=move || available.get() == Some(on) disabled=busy.signal() on:change=move |_| choose(on) />
            {tr(key.into())}
        </label>
    };
    // A memo: choosing must not rebuild the section (focus stays on the radio button).
    let shown = Memo::new(move |_| offered.get().unwrap_or(false) && available.with(Option::is_some));
    move || {
        shown.get().then(|| view! {
            <section class="card" aria-labelledby="availability-heading" data-testid="availability-settings">
                <h2 id="availability-heading">{tr(R::Availability.into())}</h2>
                <fieldset class="field">
                    <legend class="sr-only">{tr(R::Availability.into())}</legend>
                    {option(true, R::Available)}
                    <br />
                    {option(false, R::Away)}
                </fieldset>
                <p class="field-hint">{tr(R::AvailabilityHint.into())}</p>
            </section>
        })
    }
}
