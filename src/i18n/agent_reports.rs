//! The texts of the reports page (`/agent/reports`): filters, overview, chart, workload table,
//! drill-down and export. Not a variant of [`super::Key`]: the help center's locale `match`es
//! would carry an arm for it, and its wasm sits at its size budget. The page reads these through
//! its own `t`/`rt` (`pages::agent::reports::text`); each locale is still one exhaustive `match`,
//! so a missing translation is a compile error.

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
    SlaHeading,
    SlaTarget,
    SlaShare,
    SlaMet,
    SlaBreached,
    SlaFirstReply,
    SlaResolution,
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
    // Session 9: the XLSX export and the workload per group.
    ExportXlsx,
    GroupsHeading,
    Group,
    PreviousPeriod,
    CommentsHeading,
    CommentsEmpty,
    Groups,
    Roles,
    // Session 10: SLA attainment per policy and the breaches.
    SlaPoliciesHeading,
    Policy,
    SlaNextReply,
    DeletedPolicy,
    BreachesHeading,
    BreachesEmpty,
    DueAt,
    LateBy,
    StillRunning,
    NoGroup,
}

/// The workspace's link to the reports ([`ReportKey::Nav`]) on its own (session 10): the link is
/// the agent console's only report text, and through [`text`] its wasm carried the page's whole
/// table (the page itself is the admin console's).
pub fn nav(locale: super::Locale) -> &'static str {
    match locale {
        super::Locale::ZhCn => zh_cn::NAV,
        super::Locale::En => en::NAV,
    }
}

/// The text of `key` in `locale`.
pub fn text(locale: super::Locale, key: ReportKey) -> &'static str {
    match locale {
        super::Locale::ZhCn => zh_cn::text(key),
        super::Locale::En => en::text(key),
    }
}
