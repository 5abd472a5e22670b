//! The summary's numbers: created, solved and backlog (each opens the tickets behind it, and has
//! the previous period's count and the change beside it), the rates, the duration statistics and customer satisfaction.

use super::format::{average, duration, percent, share};
use super::Drill;
use super::text::{rt, t, tf};
use crate::i18n::ReportKey;
use crate::state::locale::use_i18n;
use baton_core::{Attainment, CsatStats, DurationStats, ReportSummary, SlaAttainment};
use leptos::prelude::*;


/// The overview of one report.
#[component]
pub fn Overview(
    /// The summary to show.
    summary: ReportSummary,
    /// Called with the number whose tickets the user wants to see.
    on_drill: Callback<Drill>,
    /// Whether to show the SLA attainment (the backend has SLA).
    sla: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let before = summary.previous.as_ref();
    let counts = [
        (ReportKey::Created, "created", summary.created, before.map(|p| (p.created, p.created_change))),
        (ReportKey::Solved, "solved", summary.solved, before.map(|p| (p.solved, p.solved_change))),
        (ReportKey::Backlog, "backlog", summary.backlog, before.map(|p| (p.backlog, p.backlog_change))),
    ];
    let rates = [
        (ReportKey::ResolutionRate, "report-resolution-rate", summary.resolution_rate),
        (ReportKey::ReopenRate, "report-reopen-rate", summary.reopen_rate),
    ];
    let durations = [
        (ReportKey::FirstReply, "first_reply", summary.first_reply),
        (ReportKey::FirstResolution, "first_resolution", summary.first_resolution),
        (ReportKey::FullResolution, "full_resolution", summary.full_resolution),
    ];
    view! {
        <section class="card report-section">
            <h2 id="report-overview-h">{rt(ReportKey::OverviewHeading)}</h2>
            <dl class="report-numbers">
                {counts.into_iter().map(|(key, metric, value, before)| {
                    let label = move || tf(i18n, ReportKey::DrillLabel, &[t(i18n, key), &value.to_string()]);
                    view! {
                        <div class="report-number">
                            <dt>{rt(key)}</dt>
                            <dd>
                                <button type="button" class="report-drill-button" data-testid=format!("report-{metric}")
                                    data-value=value aria-label=label
                                    on:click=move |_| on_drill.run(Drill { metric, label: key, agent: None, group: None })>
                                    {value}
                                </button>
                            </dd>
                            {before.map(|(count, change)| view! {
                                <dd class="report-previous" data-testid=format!("report-previous-{metric}")
                                    data-value=count data-change=change.map(|c| c.to_string())>
                                    {move || tf(i18n, ReportKey::PreviousPeriod, &[&count.to_string(), &signed(i18n, change)])}
                                </dd>
                            })}
                        </div>
                    }
                }).collect_view()}
                {rates.into_iter().map(|(key, testid, value)| view! {
                    <div class="report-number">
                        <dt>{rt(key)}</dt>
                        <dd data-testid=testid data-value=value.map(|v| v.to_string())>{move || share(i18n, value)}</dd>
                    </div>
                }).collect_view()}
            </dl>
            <div class="report-scroll" tabindex="0" role="region" aria-labelledby="report-overview-h">
                <table class="report-table" data-testid="report-durations">
                    <thead><tr>
                        <th scope="col">{rt(ReportKey::Measure)}</th>
                        <th scope="col">{rt(ReportKey::Median)}</th>
                        <th scope="col">{rt(ReportKey::P90)}</th>
                        <th scope="col">{rt(ReportKey::Average)}</th>
                        <th scope="col">{rt(ReportKey::Tickets)}</th>
                    </tr></thead>
                    <tbody>
                        {durations.into_iter().map(|(key, metric, stats)| duration_row(key, metric, stats)).collect_view()}
                    </tbody>
                </table>
            </div>
            {sla.then(|| view! { <Sla sla=summary.sla /> })}
            <Csat csat=summary.csat />
        </section>
    }
}

/// A change as a signed percentage (`+25%`, `−75%`), or "none" when there was nothing before.
fn signed(i18n: crate::state::locale::I18n, change: Option<f64>) -> String {
    match change {
        Some(c) if c > 0.0 => format!("+{}", percent(c)),
        Some(c) if c < 0.0 => format!("\u{2212}{}", percent(-c)),
        other => share(i18n, other),
    }
}

fn duration_row(key: ReportKey, metric: &'static str, stats: DurationStats) -> impl IntoView {
    let i18n = use_i18n();
    let DurationStats { count, median, p90, average } = stats;
    view! {
        <tr data-testid="report-duration" data-metric=metric data-median=median data-p90=p90 data-average=average data-count=count>
            <th scope="row">{rt(key)}</th>
            <td>{move || duration(i18n, median)}</td>
            <td>{move || duration(i18n, p90)}</td>
            <td>{move || duration(i18n, average)}</td>
            <td>{count}</td>
        </tr>
    }
}

/// Customer satisfaction: the share of 4–5, the average, how many ratings, the response rate and
/// the count of each score.
#[component]
fn Csat(
    /// The period's ratings.
    csat: CsatStats,
) -> impl IntoView {
    let i18n = use_i18n();
    let CsatStats { count, satisfied_share, average: avg, distribution, response_rate } = csat;
    let most = distribution.iter().copied().max().unwrap_or(0).max(1);
    view! {
        <h3>{rt(ReportKey::CsatHeading)}</h3>
        <dl class="report-numbers">
            <div class="report-number">
                <dt>{rt(ReportKey::CsatSatisfied)}</dt>
                <dd data-testid="report-csat-satisfied" data-value=satisfied_share.map(|v| v.to_string())>{move || share(i18n, satisfied_share)}</dd>
            </div>
            <div class="report-number">
                <dt>{rt(ReportKey::CsatAverage)}</dt>
                <dd data-testid="report-csat-average" data-value=avg.map(|v| v.to_string())>{move || average(i18n, avg)}</dd>
            </div>
            <div class="report-number">
                <dt>{rt(ReportKey::CsatCount)}</dt>
                <dd data-testid="report-csat-count" data-value=count>{count}</dd>
            </div>
            <div class="report-number">
                <dt>{rt(ReportKey::CsatResponseRate)}</dt>
                <dd data-testid="report-csat-response" data-value=response_rate.map(|v| v.to_string())>{move || share(i18n, response_rate)}</dd>
            </div>
        </dl>
        <table class="report-table report-dist" data-testid="report-csat-distribution">
            <caption>{rt(ReportKey::CsatDistribution)}</caption>
            <tbody>
                {distribution.into_iter().enumerate().map(|(i, n)| {
                    let stars = (i + 1).to_string();
                    // A bar as wide as this score's share of the most frequent one (text beside it).
                    let width = format!("width: {}%", n * 100 / most);
                    view! {
                        <tr data-testid="report-csat-score" data-rating=i + 1 data-value=n>
                            <th scope="row">{move || tf(i18n, ReportKey::Stars, &[&stars])}</th>
                            <td class="report-bar-cell"><span class="report-bar" style=width></span></td>
                            <td>{n}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// SLA attainment per target: the share met on time (a percentage) and the met and breached
/// counts behind it.
#[component]
fn Sla(
    /// The period's attainment.
    sla: SlaAttainment,
) -> impl IntoView {
    let i18n = use_i18n();
    let targets = [(ReportKey::SlaFirstReply, "first_reply", sla.first_reply), (ReportKey::SlaResolution, "resolution", sla.resolution)];
    view! {
        <h3 id="report-sla-h">{rt(ReportKey::SlaHeading)}</h3>
        <div class="report-scroll" tabindex="0" role="region" aria-labelledby="report-sla-h">
            <table class="report-table" data-testid="report-sla">
                <thead><tr>
                    <th scope="col">{rt(ReportKey::SlaTarget)}</th>
                    <th scope="col">{rt(ReportKey::SlaShare)}</th>
                    <th scope="col">{rt(ReportKey::SlaMet)}</th>
                    <th scope="col">{rt(ReportKey::SlaBreached)}</th>
                </tr></thead>
                <tbody>
                    {targets.into_iter().map(|(key, target, a)| {
                        let Attainment { met, breached, share: s } = a;
                        view! {
                            <tr data-testid="report-sla-target" data-target=target data-share=s.map(|v| v.to_string())
                                data-met=met data-breached=breached>
                                <th scope="row">{rt(key)}</th>
                                <td>{move || share(i18n, s)}</td>
                                <td>{met}</td>
                                <td>{breached}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
