//! A view's tickets as a table that renders only the rows in and near the viewport: rows have a
//! fixed height, two spacer rows stand in for the rest, so 10,000 tickets cost a few dozen
//! elements. Sortable columns are header buttons; reaching the end asks for the next page.

use crate::i18n::agent::{agent_status_key, priority_key};
use crate::i18n::{format_time, AgentKey, Key};
use crate::routes::Page;
use crate::state::locale::{tr, use_i18n};
use baton_core::{SortDir, SortField, TicketRow, ViewSort};
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

/// The sortable header of one column.
fn sort_header(field: SortField, label: AgentKey, sort: Signal<ViewSort>, on_sort: Callback<SortField>) -> impl IntoView {
    let i18n = use_i18n();
    let aria = move || {
        let s = sort.get();
        match (s.field == field, s.dir) {
            (false, _) => "none",
            (true, SortDir::Asc) => "ascending",
            (true, SortDir::Desc) => "descending",
        }
    };
    let title = move || i18n.tf(AgentKey::SortBy.into(), &[i18n.t(label.into())]);
    view! {
        <th scope="col" aria-sort=aria>
            <button type="button" class="sort" data-testid="sort-header" data-sort=field.code() title=title
                on:click=move |_| on_sort.run(field)>
                {tr(label.into())}
            </button>
        </th>
    }
}

/// The table; `selected` is the keyboard selection (j/k), kept in view.
#[component]
pub fn TicketTable(
    /// Every row loaded so far.
    #[prop(into)]
    rows: Signal<Vec<TicketRow>>,
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
) -> impl IntoView {
    let i18n = use_i18n();
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
    let spacer = move |px: f64| view! {
        <tr class="spacer" aria-hidden="true"><td colspan="7" style:height=format!("{px}px")></td></tr>
    };
    let row = move |(i, t): (usize, TicketRow)| {
        let updated = t.updated_at.clone();
        let assignee = t.assignee.map(|a| a.name);
        view! {
            <tr data-testid="ticket-row" data-ticket-id=t.id data-status=t.status.code() aria-rowindex=i + 2
                style=ROW_STYLE class:selected=move || selected.get() == Some(i)>
                <td>{format!("#{}", t.number)}</td>
                <td class="title"><a href=Page::AgentTicket(t.id).path()>{t.title}</a></td>
                <td>{t.requester.name}</td>
                <td>{tr(agent_status_key(t.status))}</td>
                <td data-priority=crate::i18n::agent::priority_code(t.priority)>{tr(priority_key(t.priority))}</td>
                <td>{move || assignee.clone().unwrap_or_else(|| i18n.t(AgentKey::Nobody.into()).to_owned())}</td>
                <td>{move || format_time(&updated, i18n.locale())}</td>
            </tr>
        }
    };
    view! {
        // The scroll box's own size rules are inline: the row window depends on them.
        <div class="ticket-scroll" node_ref=scroller on:scroll=move |_| measure()
            style="overflow-y: auto; flex: 1 1 0; min-height: 0">
            <table class="ticket-table" aria-rowcount=move || rows.with(Vec::len) + 1>
                <thead><tr aria-rowindex="1">
                    {sort_header(SortField::Number, AgentKey::ColNumber, sort, on_sort)}
                    <th scope="col">{tr(Key::Agent(AgentKey::ColTitle))}</th>
                    <th scope="col">{tr(Key::Agent(AgentKey::ColRequester))}</th>
                    {sort_header(SortField::Status, AgentKey::ColStatus, sort, on_sort)}
                    {sort_header(SortField::Priority, AgentKey::ColPriority, sort, on_sort)}
                    <th scope="col">{tr(Key::Agent(AgentKey::ColAssignee))}</th>
                    {sort_header(SortField::UpdatedAt, AgentKey::ColUpdated, sort, on_sort)}
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
