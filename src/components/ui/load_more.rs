//! "Load more" for a cursor-paginated list: the items loaded so far and the button that asks for
//! the next page. The page owns the fetching, so a new filter can start the list over.

use crate::i18n::Key;
use crate::state::locale::tr_while;
use baton_core::Page as ListPage;
use leptos::prelude::*;

/// The items of `first` followed by those of every page in `more`, and the cursor of the page
/// after the last one loaded (`None` when there is no more).
pub fn paged<T: Clone + Send + Sync + 'static>(
    first: ListPage<T>,
    more: RwSignal<Vec<ListPage<T>>>,
) -> (Signal<Vec<T>>, Signal<Option<String>>) {
    let items = Signal::derive({
        let first = first.items.clone();
        move || {
            let mut all = first.clone();
            more.with(|m| m.iter().for_each(|p| all.extend(p.items.iter().cloned())));
            all
        }
    });
    let next = Signal::derive(move || {
        more.with(|m| {
            m.last()
                .map_or(first.next_cursor.clone(), |p| p.next_cursor.clone())
        })
    });
    (items, next)
}

/// The "load more" button, shown while there is a next page.
#[component]
pub fn LoadMore(
    /// The cursor of the next page; no button without one.
    next: Signal<Option<String>>,
    /// True while a page is on its way (the button is disabled and says so).
    busy: Signal<bool>,
    /// Asks for the page at the cursor given.
    load: Callback<String>,
) -> impl IntoView {
    move || {
        next.get().map(|cursor| {
            view! {
                <div class="load-more">
                    <button type="button" class="button" data-testid="load-more" disabled=busy
                        on:click=move |_| { load.run(cursor.clone()); }>
                        {tr_while(busy, Key::LoadingMore, Key::LoadMore)}
                    </button>
                </div>
            }
        })
    }
}
