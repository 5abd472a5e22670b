//! `/agent/reports`: the manager's report page (issue 14, first slice) — filters held in the URL,
//! the overview numbers, created vs solved over time, the workload per agent and per group, the
//! tickets behind any number and the CSV and XLSX exports. Shown only when the backend has reports (`GET /capabilities`)
//! and the user holds `reports.view`; [`ReportsLink`] is the workspace's way in, on the same terms.

mod agents;
mod chart;
mod comments;
mod drill;
mod filters;
mod format;
mod groups;
mod overview;
mod params;
// Session 10: SLA attainment per policy and the breaches.
mod sla;
mod text;

use crate::api::use_api;
use crate::components::ui::{loaded, ErrorPanel, Loading};
use crate::i18n::ReportKey;
use leptos_router::hooks::{use_navigate, use_query_map};
use crate::state::load::Load;
use crate::state::locale::use_page_title;
use crate::state::session::use_session;
use agents::AgentTable;
use baton_core::{Capabilities, Permission};
use chart::Chart;
use drill::DrillList;
use filters::FilterForm;
use groups::GroupTable;
use leptos::prelude::*;
use params::Filters;
use text::{rt, t};

/// The page's path (its filters go in the query).
pub const REPORTS_PATH: &str = "/agent/reports";


/// A number whose tickets the user asked to see: the `metric` of `GET /reports/tickets`, its
/// name, and the agent or group whose number it is (overriding that filter).
#[derive(Debug, Clone, PartialEq)]
pub struct Drill {
    pub metric: &'static str,
    pub label: ReportKey,
    pub agent: Option<(i64, String)>,
    // Session 10: the group whose number it is (overriding the group filter).
    pub group: Option<(i64, String)>,
}

/// Today's date by the browser's calendar (session 10: report days are the desk's, which its
/// staff usually share; the page cannot read the desk's zone without `settings.manage`).
fn today() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// Whether the backend has reports, asked once per page that needs it.
fn capabilities() -> Load<Capabilities> {
    let api = StoredValue::new(use_api());
    Load::new(move || {
        let api = api.get_value();
        async move { api.capabilities().await }
    })
}

/// The workspace's link to the reports, for those who may see them on a backend that has them.
#[component]
pub fn ReportsLink() -> impl IntoView {
    let session = use_session();
    let caps = capabilities();
    let i18n = crate::state::locale::use_i18n();
    move || {
        let shown = session.can(Permission::ReportsView) && matches!(caps.get(), Some(Ok(c)) if c.reports);
        // `nav`, not `rt`: the console's wasm then carries no other text of the page.
        shown.then(|| view! { <a href=REPORTS_PATH data-testid="reports-nav">{move || crate::i18n::agent_reports::nav(i18n.locale())}</a> })
    }
}

/// The page, or why it cannot be shown (translated).
#[component]
pub fn Reports() -> impl IntoView {
    use_page_title(|i| t(i, ReportKey::Title).to_owned());
    let session = use_session();
    let caps = capabilities();
    let allowed = Memo::new(move |_| session.can(Permission::ReportsView));
    move || {
        if !allowed.get() {
            return refusal(ReportKey::NotAllowed, "forbidden");
        }
        match caps.get() {
            None => view! { <Loading /> }.into_any(),
            Some(Err(error)) => view! { <ErrorPanel error /> }.into_any(),
            Some(Ok(c)) if !c.reports => refusal(ReportKey::Unavailable, "unavailable"),
            Some(Ok(c)) => view! { <ReportBody sla=c.sla /> }.into_any(),
        }
    }
}

fn refusal(key: ReportKey, code: &'static str) -> AnyView {
    view! {
        <div class="reports">
            <h1>{rt(ReportKey::Title)}</h1>
            <div class="error-panel" role="alert" data-testid="reports-refused" data-code=code>
                <p>{rt(key)}</p>
            </div>
        </div>
    }
    .into_any()
}

/// The report of the URL's filters.
#[component]
fn ReportBody(
    /// Whether the backend has SLA (`GET /capabilities`): its attainment is shown only then.
    sla: bool,
) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let session = use_session();
    let query_map = use_query_map();
    let today = today();
    let filters = Memo::new(move |_| query_map.with(|q| Filters::from_query(|k| q.get(k), &today)));
    let api_query = Memo::new(move |_| filters.with(Filters::api));
    let summary = Load::new(move || {
        let (api, query) = (api.get_value(), api_query.get());
        async move { api.report_summary(&query).await }
    });
    let workload = Load::new(move || {
        let (api, query) = (api.get_value(), api_query.get());
        async move { api.report_agents(&query).await }
    });
    let group_workload = Load::new(move || {
        let (api, query) = (api.get_value(), api_query.get());
        async move { api.report_groups(&query).await }
    });
    let agent_list = Load::new(move || {
        let api = api.get_value();
        async move { api.agents().await }
    });
    let type_list = Load::new(move || {
        let api = api.get_value();
        async move { api.ticket_types().await }
    });
    let group_list = Load::new(move || {
        let api = api.get_value();
        async move { api.groups().await }
    });
    let groups = Signal::derive(move || group_list.get().and_then(Result::ok).unwrap_or_default());
    let agents = Signal::derive(move || agent_list.get().and_then(Result::ok).unwrap_or_default());
    let types = Signal::derive(move || type_list.get().and_then(Result::ok).unwrap_or_default());

    let drill = RwSignal::new(None::<Drill>);
    // A drill-down belongs to the filters it was opened under.
    Effect::new(move |_| {
        filters.track();
        drill.set(None);
    });
    let on_drill = Callback::new(move |d: Drill| drill.set(Some(d)));
    let navigate = use_navigate();
    let on_apply = Callback::new(move |f: Filters| {
        navigate(&format!("{REPORTS_PATH}?{}", f.to_search()), Default::default());
    });
    let may_export = session.can(Permission::ReportsExport);
    let csv = move || api.get_value().report_csv_url(&api_query.get());
    let xlsx = move || api.get_value().report_xlsx_url(&api_query.get());
    view! {
        <div class="reports" data-testid="reports-page">
            <div class="report-head">
                <h1>{rt(ReportKey::Title)}</h1>
                {may_export.then(|| view! {
                    <a class="button" href=csv download="" data-testid="reports-export">{rt(ReportKey::ExportCsv)}</a>
                    <a class="button" href=xlsx download="" data-testid="reports-export-xlsx">{rt(ReportKey::ExportXlsx)}</a>
                })}
            </div>
            {move || {
                let current = filters.get();
                view! { <FilterForm current agents types groups on_apply /> }
            }}
            {move || loaded(summary.get(), |s| {
                let series = s.series.clone();
                view! {
                    <overview::Overview summary=s on_drill sla />
                    <Chart series />
                }.into_any()
            })}
            {move || drill.get().map(|d| view! {
                <DrillList query=api_query.get_untracked() drill=d on_close=Callback::new(move |()| drill.set(None)) />
            })}
            {move || loaded(workload.get(), |rows| view! { <AgentTable rows on_drill /> }.into_any())}
            {move || loaded(group_workload.get(), |rows| view! { <GroupTable rows on_drill /> }.into_any())}
            // Session 10: SLA attainment per policy and the breaches (a backend with SLA only).
            {sla.then_some(move || view! { <sla::SlaReport query=api_query.get() /> })}
            {move || view! { <comments::CommentList query=api_query.get() /> }}
        </div>
    }
}
