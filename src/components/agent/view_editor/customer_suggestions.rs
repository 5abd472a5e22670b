//! The requester condition's suggestions: a `<datalist>` of the customers whose name, email or
//! phone contains what the agent typed (`GET /customers?q=`), each offered by its id — the value
//! the condition takes — and labelled with name and email. The browser shows and filters the
//! list under the input; picking one (mouse or arrow keys + Enter) fills in the id.

use crate::api::use_api;
use crate::state::load::Load;
use leptos::prelude::*;

/// Fewer characters than this search nothing (every customer would match).
const MIN_QUERY: usize = 2;

#[component]
pub fn CustomerSuggestions(
    /// The datalist's id, named by the input's `list`.
    id: String,
    /// What the agent typed.
    #[prop(into)]
    typed: Signal<String>,
) -> impl IntoView {
    let api = use_api();
    let found = Load::new(move || {
        let (api, q) = (api.clone(), typed.get().trim().to_owned());
        // An id already typed (digits only) needs no search.
        let search = q.chars().count() >= MIN_QUERY && !q.chars().all(|c| c.is_ascii_digit());
        async move {
            match search {
                true => api.find_customers(&q).await,
                false => Ok(Vec::new()),
            }
        }
    });
    view! {
        <datalist id=id data-testid="requester-suggestions">
            {move || found.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|c| view! {
                <option value=c.id.to_string()>{format!("{} <{}>", c.name, c.email)}</option>
            }).collect_view()}
        </datalist>
    }
}
