//! Any path no route matches.

use crate::i18n::Key;
use crate::routes::Page;
use crate::state::locale::{tr, use_page_title};
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    use_page_title(|i| i.t(Key::NotFoundTitle).to_owned());
    view! {
        <h1>{tr(Key::NotFoundTitle)}</h1>
        <p>{tr(Key::NotFoundBody)}</p>
        <p><a href=Page::MyTickets.path()>{tr(Key::BackToMyTickets)}</a></p>
    }
}
