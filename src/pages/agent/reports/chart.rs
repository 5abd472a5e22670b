//! Created vs solved over time as an SVG line chart of our own (no chart library in the bundle),
//! with its data table as the text alternative. Each point is focusable and names its values, so
//! a keyboard user can walk the chart as well as the table.

use super::text::{rt, tf};
use crate::i18n::ReportKey;
use crate::state::locale::use_i18n;
use baton_core::ReportPoint;
use leptos::prelude::*;

/// The drawing's coordinate box (it scales to its container).
const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 220.0;
const LEFT: f64 = 40.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 28.0;


/// Where point `i` of `n` with `value` sits, on a scale from 0 to `top`.
pub fn position(i: usize, n: usize, value: i64, top: i64) -> (f64, f64) {
    let span = WIDTH - LEFT - RIGHT;
    let x = if n <= 1 { LEFT + span / 2.0 } else { LEFT + span * i as f64 / (n - 1) as f64 };
    let y = HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * value as f64 / top.max(1) as f64;
    (x, y)
}

fn polyline(series: &[ReportPoint], top: i64, value: fn(&ReportPoint) -> i64) -> String {
    series
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let (x, y) = position(i, series.len(), value(p), top);
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The chart and its table.
#[component]
pub fn Chart(
    /// One point per bucket, oldest first.
    series: Vec<ReportPoint>,
) -> impl IntoView {
    let i18n = use_i18n();
    let n = series.len();
    let top = series.iter().map(|p| p.created.max(p.solved)).max().unwrap_or(0).max(1);
    let created_line = polyline(&series, top, |p| p.created);
    let solved_line = polyline(&series, top, |p| p.solved);
    let (first, last) = (
        series.first().map(|p| p.start.clone()).unwrap_or_default(),
        series.last().map(|p| p.start.clone()).unwrap_or_default(),
    );
    let axis_y = HEIGHT - BOTTOM;
    let points = series.iter().enumerate().map(|(i, p)| {
        let (x, yc) = position(i, n, p.created, top);
        let (_, ys) = position(i, n, p.solved, top);
        let args = [p.start.clone(), p.created.to_string(), p.solved.to_string()];
        let label = move || tf(i18n, ReportKey::PointLabel, &[&args[0], &args[1], &args[2]]);
        view! {
            <g class="chart-point" role="img" tabindex="0" aria-label=label data-testid="report-chart-point"
                data-start=p.start.clone() data-created=p.created data-solved=p.solved>
                <circle class="chart-created" cx=x cy=yc r="4"></circle>
                <circle class="chart-solved" cx=x cy=ys r="4"></circle>
            </g>
        }
    }).collect_view();
    let rows = series.into_iter().map(|p| view! {
        <tr data-testid="report-chart-row" data-start=p.start.clone() data-created=p.created data-solved=p.solved>
            <th scope="row">{p.start.clone()}</th>
            <td>{p.created}</td>
            <td>{p.solved}</td>
        </tr>
    }).collect_view();
    view! {
        <section class="card report-section">
            <h2 id="report-chart-h">{rt(ReportKey::ChartHeading)}</h2>
            {(n == 0).then(|| view! { <p class="empty">{rt(ReportKey::NoData)}</p> })}
            <div class="report-chart-box">
                <svg class="report-chart" data-testid="report-chart" viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                    role="group" aria-labelledby="report-chart-h">
                    <line class="chart-axis" x1=LEFT y1=axis_y x2=WIDTH - RIGHT y2=axis_y></line>
                    <line class="chart-axis" x1=LEFT y1=TOP x2=LEFT y2=axis_y></line>
                    <text class="chart-label" x=LEFT - 6.0 y=TOP + 4.0 text-anchor="end" aria-hidden="true">{top}</text>
                    <text class="chart-label" x=LEFT - 6.0 y=axis_y text-anchor="end" aria-hidden="true">"0"</text>
                    <text class="chart-label" x=LEFT y=HEIGHT - 8.0 aria-hidden="true">{first}</text>
                    <text class="chart-label" x=WIDTH - RIGHT y=HEIGHT - 8.0 text-anchor="end" aria-hidden="true">{last}</text>
                    <polyline class="chart-created" points=created_line fill="none"></polyline>
                    <polyline class="chart-solved" points=solved_line fill="none"></polyline>
                    {points}
                </svg>
                <p class="chart-legend" aria-hidden="true">
                    <span class="chart-key chart-created"></span>{rt(ReportKey::Created)}
                    " "
                    <span class="chart-key chart-solved"></span>{rt(ReportKey::Solved)}
                </p>
            </div>
            <div class="report-scroll" tabindex="0" role="region" aria-labelledby="report-chart-caption">
                <table class="report-table" data-testid="report-chart-table">
                    <caption id="report-chart-caption">{rt(ReportKey::ChartTableCaption)}</caption>
                    <thead><tr>
                        <th scope="col">{rt(ReportKey::PeriodStart)}</th>
                        <th scope="col">{rt(ReportKey::Created)}</th>
                        <th scope="col">{rt(ReportKey::Solved)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_span_the_width_and_scale_to_the_largest_value() {
        assert_eq!(position(0, 3, 0, 10), (LEFT, HEIGHT - BOTTOM));
        assert_eq!(position(2, 3, 10, 10), (WIDTH - RIGHT, TOP));
        // A single point sits in the middle; an all-zero series stays on the axis.
        assert_eq!(position(0, 1, 0, 0).0, LEFT + (WIDTH - LEFT - RIGHT) / 2.0);
        assert_eq!(position(1, 3, 0, 0).1, HEIGHT - BOTTOM);
    }
}
