//! The texts of the reports page (`/agent/reports`): filters, overview, chart, workload table,
//! drill-down and export. Reached as `Key::Agent(AgentKey::Reports(…))`, through the agent
//! keyset's registered texts, so none of it (not even a `match` arm) lands in the help center's
//! wasm, which sits at its size budget.

mod en;
mod zh_cn;

/// One translatable text of the reports page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportKey {
    Nav,
    Title,
    NotAllowed,
    Unavailable,
    FiltersHeading,
    From,
    To,
    By,
    ByCreated,
    BySolved,
    Interval,
    Day,
    Week,
    Month,
    Agents,
    Types,
    NoneChosenAll,
    Apply,
    BadPeriod,
    OverviewHeading,
    Created,
    Solved,
    Backlog,
    ResolutionRate,
    ReopenRate,
    FirstReply,
    FirstResolution,
    FullResolution,
    Median,
    P90,
    Average,
    Tickets,
    Measure,
    NoValue,
    CsatHeading,
    CsatSatisfied,
    CsatAverage,
    CsatCount,
    CsatResponseRate,
    CsatDistribution,
    Stars,
    Seconds,
    Minutes,
    HoursMinutes,
    DaysHours,
    ChartHeading,
    ChartTableCaption,
    PeriodStart,
    PointLabel,
    NoData,
    AgentsHeading,
    Agent,
    Assigned,
    OpenNow,
    PublicReplies,
    InternalNotes,
    FirstReplyMedian,
    CsatShare,
    DrillLabel,
    DrillHeading,
    DrillAgentHeading,
    DrillClose,
    DrillEmpty,
    Number,
    TicketTitle,
    Status,
    Assignee,
    CreatedAt,
    Unassigned,
    ExportCsv,
}

impl From<ReportKey> for super::Key {
    fn from(key: ReportKey) -> super::Key {
        super::Key::Agent(super::AgentKey::Reports(key))
    }
}

/// The text of `key` in `locale` (only the agent keyset's registered texts call this).
pub(super) fn text(locale: super::Locale, key: ReportKey) -> &'static str {
    match locale {
        super::Locale::ZhCn => zh_cn::text(key),
        super::Locale::En => en::text(key),
    }
}
