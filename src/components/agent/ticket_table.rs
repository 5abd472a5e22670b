//! A view's tickets as a table that renders only the rows in and near the viewport: rows have a
//! fixed height, two spacer rows stand in for the rest, so 10,000 tickets cost a few dozen
//! elements. The view's columns in its order; sortable ones are header buttons; reaching the end
//! asks for the next page. A checkbox per row and one for all loaded rows select for bulk actions.

use super::view_editor::{column_code, COLUMNS};
use crate::i18n::agent::{agent_status_key, priority_code, priority_key};
use crate::i18n::{format_time, AgentKey, Key, ListKey};
use crate::routes::Page;
use crate::state::locale::{tr, use_i18n, I18n};
use baton_core::{Channel, Column, SortDir, SortField, TicketRow, ViewSort};
use leptos::html::Div;
use leptos::prelude::*;
use std::ops::Range;

/// The height of every row, in CSS pixels (`.ticket-table tbody tr` in style/main.css).
pub const ROW_HEIGHT: f64 = 40.0;
/// Inline, as the row window's arithmetic depends on it whatever the stylesheet says.
const ROW_STYLE: &str = "height: 40px";
/// Rows rendered above and below the visible ones, so fast scrolling shows no gap.
const OVERSCAN: usize = 10;
/// The viewport height assumed before the browser has laid the table out.
const FALLBACK_VIEWPORT: f64 = 800.0;

/// The indexes of the rows to render for a viewport `viewport` px high scrolled to `scroll_top`.
pub fn visible_range(scroll_top: f64, viewport: f64, len: usize) -> Range<usize> {
    let first = (scroll_top.max(0.0) / ROW_HEIGHT).floor() as usize;
    let shown = (viewport.max(0.0) / ROW_HEIGHT).ceil() as usize + 1;
    let start = first.saturating_sub(OVERSCAN).min(len);
    let end = (first + shown + OVERSCAN).min(len);
    start..end
}

/// The columns of a view that names none, as the table shows them.
pub fn default_columns() -> Vec<Column> {
    vec![Column::Number, Column::Title, Column::Requester, Column::Status, Column::Priority, Column::Assignee, Column::UpdatedAt]
}

/// The sortable header of one column.
fn sort_header(field: SortField, label: Key, sort: Signal<ViewSort>, on_sort: Callback<SortField>) -> impl IntoView {
    let i18n = use_i18n();
    let aria = move || {
        let s = sort.get();
        match (s.field == field, s.dir) {
            (false, _) => "none",
            (true, SortDir::Asc) => "ascending",
            (true, SortDir::Desc) => "descending",
        }
    };
    let title = move || i18n.tf(AgentKey::SortBy.into(), &[i18n.t(label)]);
    view! {
        <th scope="col" aria-sort=aria data-column=field.code()>
            <button type="button" class="sort" data-testid="sort-header" data-sort=field.code() title=title
                on:click=move |_| on_sort.run(field)>
                {tr(label)}
            </button>
        </th>
    }
}

/// A column's header: a sort button where the server can sort by it.
fn header(column: Column, sort: Signal<ViewSort>, on_sort: Callback<SortField>) -> AnyView {
    let label = COLUMNS.iter().find(|(c, _)| *c == column).map_or(Key::from(ListKey::ColTitle), |(_, k)| (*k).into());
    let sortable = match column {
        Column::Number => Some(SortField::Number),
        Column::Status => Some(SortField::Status),
        Column::Priority => Some(SortField::Priority),
        Column::CreatedAt => Some(SortField::CreatedAt),
        Column::UpdatedAt => Some(SortField::UpdatedAt),
        _ => None,
    };
    match sortable {
        Some(field) => sort_header(field, label, sort, on_sort).into_any(),
        None => view! { <th scope="col" data-column=column_code(column)>{tr(label)}</th> }.into_any(),
    }
}

fn channel_key(c: Channel) -> Key {
    match c {
        Channel::Web => ListKey::ChWeb,
        Channel::Widget => ListKey::ChWidget,
        Channel::Phone => ListKey::ChPhone,
        Channel::Email => ListKey::ChEmail,
        Channel::Api => ListKey::ChApi,
    }
    .into()
}

/// One cell of a row.
fn cell(column: Column, t: &TicketRow, i18n: I18n) -> AnyView {
    let time = |at: &str| {
        let at = at.to_owned();
        move || format_time(&at, i18n.locale())
    };
    match column {
        Column::Number => view! { <td>{format!("#{}", t.number)}</td> }.into_any(),
        Column::Title => view! { <td class="title"><a href=Page::AgentTicket(t.id).path()>{t.title.clone()}</a></td> }.into_any(),
        Column::Status => view! { <td data-status=t.status.code()>{tr(agent_status_key(t.status))}</td> }.into_any(),
        Column::Priority => view! { <td data-priority=priority_code(t.priority)>{tr(priority_key(t.priority))}</td> }.into_any(),
        Column::Requester => view! { <td>{t.requester.name.clone()}</td> }.into_any(),
        Column::Assignee => {
            let a = t.assignee.as_ref().map(|a| a.name.clone());
            view! { <td>{move || a.clone().unwrap_or_else(|| i18n.t(AgentKey::Nobody.into()).to_owned())}</td> }.into_any()
        }
        Column::Group => view! { <td>{t.group.as_ref().map(|g| g.name.clone())}</td> }.into_any(),
        Column::Type => {
            let name = t.type_name.clone();
            view! { <td>{move || name.as_ref().map(|n| n.get(i18n.locale().code()).to_owned())}</td> }.into_any()
        }
        Column::Tags => view! { <td>{t.tags.join(", ")}</td> }.into_any(),
        Column::Channel => view! { <td>{tr(channel_key(t.channel))}</td> }.into_any(),
        Column::CreatedAt => view! { <td>{time(&t.created_at)}</td> }.into_any(),
        Column::UpdatedAt => view! { <td>{time(&t.updated_at)}</td> }.into_any(),
    }
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
    let measure = move || {
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
    let range = Memo::new(move |_| visible_range(scroll_top.get(), viewport.get(), rows.with(Vec::len)));
    Effect::new(move |_| {
        let (end, len) = (range.get().end, rows.with(Vec::len));
        if len > 0 && end + OVERSCAN >= len {
            on_near_end.run(());
        }
    });
    // Keep the keyboard selection on screen.
    Effect::new(move |_| {
        let (Some(i), Some(el)) = (selected.get(), scroller.get_untracked()) else { return };
        let top = i as f64 * ROW_HEIGHT;
        let (now, h) = (f64::from(el.scroll_top()), viewport.get_untracked());
        if top < now {
            el.set_scroll_top(top as i32);
        } else if top + ROW_HEIGHT > now + h {
            el.set_scroll_top((top + ROW_HEIGHT - h) as i32);
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
                style=ROW_STYLE class:selected=move || selected.get() == Some(i) class:checked=is_checked
                aria-selected=move || is_checked().to_string()>
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
                    {move || spacer(range.get().start as f64 * ROW_HEIGHT)}
                    <For each=move || {
                            let r = range.get();
                            rows.with(|rows| rows[r.clone()].iter().cloned().enumerate().map(|(k, t)| (r.start + k, t)).collect::<Vec<_>>())
                        }
                        key=|(i, t)| (*i, t.id, t.version)
                        children=row />
                    {move || spacer(rows.with(Vec::len).saturating_sub(range.get().end) as f64 * ROW_HEIGHT)}
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
        assert_eq!(visible_range(0.0, 400.0, 10_000), 0..21);
        assert_eq!(visible_range(4000.0, 400.0, 10_000), 90..121);
        assert_eq!(visible_range(399_990.0, 400.0, 10_000), 9989..10_000);
        assert_eq!(visible_range(0.0, 400.0, 3), 0..3);
        assert_eq!(visible_range(0.0, 400.0, 0), 0..0);
    }
}
