//! A view's tickets as a table that renders only the rows in and near the viewport: rows have a
//! fixed height, two spacer rows stand in for the rest, so 10,000 tickets cost a few dozen
//! elements. The view's columns in its order; sortable ones are header buttons; reaching the end
//! asks for the next page. A checkbox per row and one for all loaded rows select for bulk actions.
//! A click anywhere on a row opens its ticket (ctrl/⌘- or middle-click: in a new tab, as on the
//! title's link), and so does Enter inside it (on its checkbox); on phones each row is a card,
//! taller, with the same fixed-height arithmetic.

use crate::i18n::ListKey;
use crate::routes::Page;
use crate::state::locale::use_i18n;
use baton_core::{Column, SortField, TicketRow, ViewSort};
use leptos::html::Div;
use leptos::prelude::*;
use std::ops::Range;

mod cells;
mod opening;

use cells::{cell, header};
use opening::{enter_on_row, open_row};

/// The height of every row, in CSS pixels (set inline on each row: the row window's arithmetic
/// depends on it whatever the stylesheet says).
pub const ROW_HEIGHT: f64 = 40.0;
/// The height of a row shown as a card, on screens up to [`CARD_WIDTH`] wide (style/agent.css
/// lays the cells out in two lines there).
pub const CARD_HEIGHT: f64 = 72.0;
/// The widest screen, in CSS pixels, on which rows are cards (the `max-width` of agent.css's query).
pub const CARD_WIDTH: f64 = 640.0;
/// Rows rendered above and below the visible ones, so fast scrolling shows no gap.
const OVERSCAN: usize = 10;
/// The viewport height assumed before the browser has laid the table out.
const FALLBACK_VIEWPORT: f64 = 800.0;

/// The indexes of the rows to render for a viewport `viewport` px high scrolled to `scroll_top`,
/// with rows `row_h` px high.
pub fn visible_range(scroll_top: f64, viewport: f64, len: usize, row_h: f64) -> Range<usize> {
    let first = (scroll_top.max(0.0) / row_h).floor() as usize;
    let shown = (viewport.max(0.0) / row_h).ceil() as usize + 1;
    let start = first.saturating_sub(OVERSCAN).min(len);
    let end = (first + shown + OVERSCAN).min(len);
    start..end
}

/// The columns of a view that names none, as the table shows them.
pub fn default_columns() -> Vec<Column> {
    vec![Column::Number, Column::Title, Column::Requester, Column::Status, Column::Priority, Column::Assignee, Column::UpdatedAt]
}

/// The table; `selected` is the keyboard selection (j/k), kept in view; `checked` the rows
/// ticked for a bulk action.
#[component]
pub fn TicketTable(
    /// Every row loaded so far.
    #[prop(into)]
    rows: Signal<Vec<TicketRow>>,
    /// The columns to show, in order (default: `DEFAULT_COLUMNS` plus the requester).
    #[prop(optional, into)]
    columns: Option<Signal<Vec<Column>>>,
    /// The order the rows are in.
    #[prop(into)]
    sort: Signal<ViewSort>,
    /// A sortable header was clicked.
    #[prop(into)]
    on_sort: Callback<SortField>,
    /// The rendered rows come near the end of what is loaded: time for the next page.
    #[prop(into)]
    on_near_end: Callback<()>,
    /// The index of the selected row.
    #[prop(into)]
    selected: Signal<Option<usize>>,
    /// The ids of the ticked rows.
    #[prop(optional)]
    checked: Option<RwSignal<Vec<i64>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let columns = columns.unwrap_or_else(|| Signal::stored(default_columns()));
    let checked = checked.unwrap_or_else(|| RwSignal::new(Vec::new()));
    let scroller = NodeRef::<Div>::new();
    let scroll_top = RwSignal::new(0.0);
    let viewport = RwSignal::new(FALLBACK_VIEWPORT);
    let row_h = RwSignal::new(ROW_HEIGHT);
    let navigate = StoredValue::new_local(leptos_router::hooks::use_navigate());
    let measure = move || {
        let width = window().inner_width().ok().and_then(|w| w.as_f64()).unwrap_or(f64::MAX);
        row_h.set(if width <= CARD_WIDTH { CARD_HEIGHT } else { ROW_HEIGHT });
        if let Some(el) = scroller.get_untracked() {
            scroll_top.set(f64::from(el.scroll_top()));
            // Never more than the window: an unconstrained container would render every row.
            let window_h = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(FALLBACK_VIEWPORT);
            let h = f64::from(el.client_height()).min(window_h);
            viewport.set(if h > 0.0 { h } else { FALLBACK_VIEWPORT });
        }
    };
    Effect::new(move |_| {
        if scroller.get().is_some() {
            measure();
        }
    });
    // A phone turned sideways, a window resized across CARD_WIDTH: rows change shape.
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    let range = Memo::new(move |_| visible_range(scroll_top.get(), viewport.get(), rows.with(Vec::len), row_h.get()));
    Effect::new(move |_| {
        let (end, len) = (range.get().end, rows.with(Vec::len));
        if len > 0 && end + OVERSCAN >= len {
            on_near_end.run(());
        }
    });
    // Keep the keyboard selection on screen.
    Effect::new(move |_| {
        let (Some(i), Some(el)) = (selected.get(), scroller.get_untracked()) else { return };
        let rh = row_h.get_untracked();
        let top = i as f64 * rh;
        let (now, h) = (f64::from(el.scroll_top()), viewport.get_untracked());
        if top < now {
            el.set_scroll_top(top as i32);
        } else if top + rh > now + h {
            el.set_scroll_top((top + rh - h) as i32);
        }
        measure();
    });
    let width = move || columns.with(Vec::len) + 1;
    let spacer = move |px: f64| view! {
        <tr class="spacer" aria-hidden="true"><td colspan=width style:height=format!("{px}px")></td></tr>
    };
    let all_checked = move || {
        rows.with(|r| !r.is_empty() && checked.with(|c| r.iter().all(|t| c.contains(&t.id))))
    };
    let toggle_all = move |ev| {
        let on = event_target_checked(&ev);
        checked.set(if on { rows.with_untracked(|r| r.iter().map(|t| t.id).collect()) } else { Vec::new() });
    };
    let row = move |(i, t): (usize, TicketRow)| {
        let id = t.id;
        let is_checked = move || checked.with(|c| c.contains(&id));
        let label = move || i18n.tf(ListKey::SelectRow.into(), &[&t.number.to_string()]);
        let t2 = t.clone();
        view! {
            <tr data-testid="ticket-row" data-ticket-id=t.id data-status=t.status.code() aria-rowindex=i + 2
                style:height=move || format!("{}px", row_h.get()) class:selected=move || selected.get() == Some(i)
                class:checked=is_checked aria-selected=move || is_checked().to_string()
                on:click=move |ev| if let Some(path) = open_row(&ev, id, false) {
                    navigate.with_value(|go| go(&path, Default::default()));
                }
                on:auxclick=move |ev| { open_row(&ev, id, true); }
                on:keydown=move |ev| if enter_on_row(&ev) {
                    navigate.with_value(|go| go(&Page::AgentTicket(id).path(), Default::default()));
                }>
                <td class="select">
                    <input type="checkbox" data-testid="row-select" aria-label=label prop:checked=is_checked
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            checked.update(|c| { c.retain(|x| *x != id); if on { c.push(id) } });
                        } />
                </td>
                {move || columns.get().into_iter().map(|c| cell(c, &t2, i18n)).collect_view()}
            </tr>
        }
    };
    view! {
        // The scroll box's own size rules are inline: the row window depends on them.
        <div class="ticket-scroll" node_ref=scroller on:scroll=move |_| measure()
            style="overflow-y: auto; flex: 1 1 0; min-height: 0">
            <table class="ticket-table" aria-rowcount=move || rows.with(Vec::len) + 1>
                <thead><tr aria-rowindex="1">
                    <th scope="col" class="select">
                        <input type="checkbox" data-testid="select-all" aria-label=move || i18n.t(ListKey::SelectAll.into())
                            prop:checked=all_checked on:change=toggle_all />
                    </th>
                    {move || columns.get().into_iter().map(|c| header(c, sort, on_sort)).collect_view()}
                </tr></thead>
                <tbody>
                    {move || spacer(range.get().start as f64 * row_h.get())}
                    <For each=move || {
                            let r = range.get();
                            rows.with(|rows| rows[r.clone()].iter().cloned().enumerate().map(|(k, t)| (r.start + k, t)).collect::<Vec<_>>())
                        }
                        key=|(i, t)| (*i, t.id, t.version)
                        children=row />
                    {move || spacer(rows.with(Vec::len).saturating_sub(range.get().end) as f64 * row_h.get())}
                </tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_only_rows_near_the_viewport() {
        assert_eq!(visible_range(0.0, 400.0, 10_000, ROW_HEIGHT), 0..21);
        assert_eq!(visible_range(4000.0, 400.0, 10_000, ROW_HEIGHT), 90..121);
        assert_eq!(visible_range(399_990.0, 400.0, 10_000, ROW_HEIGHT), 9989..10_000);
        assert_eq!(visible_range(0.0, 400.0, 3, ROW_HEIGHT), 0..3);
        assert_eq!(visible_range(0.0, 400.0, 0, ROW_HEIGHT), 0..0);
    }

    #[test]
    fn cards_are_taller_so_fewer_are_rendered() {
        // 720 px of 72 px cards: 10 visible + 1 partly, plus the overscan below.
        assert_eq!(visible_range(0.0, 720.0, 10_000, CARD_HEIGHT), 0..21);
        assert_eq!(visible_range(7200.0, 720.0, 10_000, CARD_HEIGHT), 90..121);
    }
}
