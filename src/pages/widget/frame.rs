//! The widget's frame: checks with the server that the host may embed us, speaks the loader's
//! protocol (identify, prefill, opened; ready, close), and lays out the bar and the routed page.

use super::bar::WidgetBar;
use super::prefill::{self, Prefill};
use super::{use_widget, Gate};
use crate::api::use_api;
use crate::components::ui::focus_id;
use crate::routes::{AppRoutes, Page};
use crate::state::embed::{Embed, EmbedParams, FromHost, ToHost};
use crate::state::session::use_session;
use baton_core::sso::JwtExchange;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_location, use_navigate};

#[component]
pub fn WidgetFrame(params: EmbedParams) -> impl IntoView {
    let Some(widget) = use_widget() else {
        return ().into_any();
    };
    let api = use_api();
    let session = use_session();
    let navigate = StoredValue::new_local(use_navigate());

    let on_message = move |message: FromHost| match message {
        FromHost::Identify { token: Some(token) } => {
            let (api, tenant) = (
                api.clone(),
                widget
                    .embed
                    .with_untracked(|e| e.as_ref().map(|e| e.tenant.clone())),
            );
            spawn_local(async move {
                let request = JwtExchange {
                    tenant: tenant.unwrap_or_default(),
                    token,
                };
                match api.exchange_jwt(&request).await {
                    Ok(signed_in) => {
                        api.set_bearer(Some(signed_in.token));
                        session.signed_in_as(signed_in.me);
                    }
                    Err(error) => {
                        api.set_bearer(None);
                        let code = error
                            .problem()
                            .map_or("internal".to_owned(), |p| p.code.clone());
                        session.sign_out(false);
                        widget.gate.set(Gate::Refused(code.clone()));
                        widget.notify(ToHost::SignInFailed { code });
                    }
                }
            });
        }
        FromHost::Identify { token: None } => {
            session.sign_out(false);
            widget.gate.set(Gate::Anonymous);
        }
        FromHost::Prefill { title, ticket_type } => {
            widget.prefill.set(Some(Prefill { title, ticket_type }));
            navigate.with_value(|go| go(&Page::NewTicket.path(), Default::default()));
        }
        FromHost::Opened => focus_id("main"),
    };

    // Is this host on the tenant's list? Only then do we speak to it at all.
    let check_api = use_api();
    spawn_local(async move {
        let allowed = match check_api.widget_config(&params.tenant).await {
            Ok(config) => Embed::verify(&params, &config.allowed_origins),
            Err(_) => None,
        };
        match allowed {
            Some(embed) => {
                embed.listen(on_message);
                embed.post(&ToHost::Ready);
                widget.embed.set(Some(embed));
            }
            None => {
                widget.gate.set(Gate::NotAllowed);
                session.sign_out(false);
            }
        }
    });

    // A prefill waits for the submit form to be on screen.
    let location = use_location();
    Effect::new(move |_| {
        if location.pathname.get() == Page::NewTicket.path() {
            if let Some(p) = widget.prefill.get() {
                widget.prefill.set(None);
                prefill::apply(p);
            }
        }
    });
    let _ = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            widget.notify(ToHost::Close);
        }
    });

    view! {
        <WidgetBar me=Signal::derive(move || session.me()) on_close=move || widget.notify(ToHost::Close) />
        <main id="main" class="widget-main" tabindex="-1">
            <AppRoutes />
        </main>
    }
    .into_any()
}
