//! Every route of the app in one place: [`Page`] builds links, [`AppRoutes`] (help center) and
//! [`AgentRoutes`] (agent workspace, its own bundle) match them. Ticket pages need a session;
//! without one they send the user to the login page, which brings them back afterwards
//! (`/login?next=…`). A link or redirect into the other bundle is a full page load ([`Elsewhere`]).

use crate::components::ui::{dynamic, Loading};
use crate::pages::help_center::{KbArticlePage, KbHome, MyTickets, NewTicket, TicketDetail};
use crate::pages::widget::{use_widget, WidgetGate};
use crate::pages::{Login, NotFound};
use crate::state::session::use_session;
use leptos::prelude::*;
use leptos_router::components::{Routes, Redirect, Route};
use leptos_router::hooks::use_location;
use leptos_router::{path, NavigateOptions};

/// A page of the app, for links and navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// `/`: sends the user on to their tickets, or to sign in.
    Home,
    Login,
    /// `/set-password?token=…`: a single-use link sets a password.
    #[cfg(feature = "console")]
    SetPassword,
    MyTickets,
    NewTicket,
    Ticket(i64),
    /// `/agent`: the agent workspace (staff only); `?view=<id>` picks the view.
    Agent,
    /// `/agent/tickets/:id`: a ticket as the agent works it.
    #[cfg(feature = "console")]
    AgentTicket(i64),
    /// `/agent/tickets/new`: registering a ticket for a caller (phone).
    #[cfg(feature = "console")]
    AgentNewTicket,
    /// `/agent/settings`: the agent's own settings (keyboard shortcuts).
    #[cfg(feature = "console")]
    AgentSettings,
    /// `/kb`: the help articles, readable without signing in.
    Kb,
    KbArticle(i64),
}

impl Page {
    pub fn path(self) -> String {
        match self {
            Page::Home => "/".into(),
            Page::Login => "/login".into(),
            #[cfg(feature = "console")]
            Page::SetPassword => "/set-password".into(),
            Page::MyTickets => "/tickets".into(),
            Page::NewTicket => "/tickets/new".into(),
            Page::Ticket(id) => format!("/tickets/{id}"),
            Page::Agent => "/agent".into(),
            #[cfg(feature = "console")]
            Page::AgentTicket(id) => format!("/agent/tickets/{id}"),
            #[cfg(feature = "console")]
            Page::AgentNewTicket => "/agent/tickets/new".into(),
            #[cfg(feature = "console")]
            Page::AgentSettings => "/agent/settings".into(),
            Page::Kb => "/kb".into(),
            Page::KbArticle(id) => format!("/kb/{id}"),
        }
    }
}

/// The login page, coming back to `next` afterwards.
pub fn login_path(next: &str) -> String {
    format!(
        "{}?next={}",
        Page::Login.path(),
        String::from(js_sys::encode_uri_component(next))
    )
}

/// `next` if it is a path of this app; anything else (`//evil.test`, `https://…`) is dropped so
/// the login page cannot be used to send people elsewhere.
pub fn safe_next(next: Option<String>) -> Option<String> {
    next.filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.starts_with("/\\"))
}

/// The workspace showing view `id`.
#[cfg(feature = "console")]
pub fn agent_view_path(id: &str) -> String {
    format!("{}?view={}", Page::Agent.path(), String::from(js_sys::encode_uri_component(id)))
}

/// The browser's path and query: when the routes are first built, the address the server sent
/// this bundle's document for.
fn here() -> String {
    let location = window().location();
    location.pathname().unwrap_or_default() + &location.search().unwrap_or_default()
}

/// `/forgot-password`, in the console's bundle: `?tenant=` prefills the desk.
pub const FORGOT_PASSWORD_PATH: &str = "/forgot-password";

/// `/signup` (a customer creates an account), in the console's bundle like the password pages:
/// `?tenant=` prefills the desk.
pub const SIGNUP_PATH: &str = "/signup";

/// The three bundles; the server answers each path with its bundle's document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bundle {
    /// `index.html`: the help center and widget, what customers download (budget ≤ 300 KB).
    HelpCenter,
    /// `agent.html` (`dist/ws/`): the agent console, `/agent` and below (but the reports), and the
    /// single-use account pages `/set-password`, `/forgot-password` and `/signup`.
    Console,
    /// `admin.html` (`dist/adm/`): the admin console's pages, `/admin` and below, and the reports
    /// page `/agent/reports` (managers').
    Admin,
}

/// The bundle `path` belongs to. The server's `http::spa::bundle_of` says the same (the same
/// table tests both).
pub fn bundle_of(path: &str) -> Bundle {
    let under = |prefix: &str| path.strip_prefix(prefix).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
    // The reports page (`pages::agent::REPORTS_PATH`) is the admin console's: with leptos_router
    // the console measured 472,578 B brotli, over its 450 KB budget (BENCHMARKS.md).
    if under("/admin") || under("/agent/reports") || under("/agent/settings") || under("/agent/notifications") || path == NOTIFICATIONS_PATH {
        Bundle::Admin
    } else if path == "/set-password" || path == FORGOT_PASSWORD_PATH || path == SIGNUP_PATH || under("/agent") {
        Bundle::Console
    } else {
        Bundle::HelpCenter
    }
}

/// Whether `path` is staff's (the console's or the admin console's), not the help center's.
pub fn is_agent_path(path: &str) -> bool {
    bundle_of(path) != Bundle::HelpCenter
}

/// The help center's inbox (notifications, issue 13); the console's is [`AGENT_NOTIFICATIONS_PATH`].
pub const NOTIFICATIONS_PATH: &str = "/notifications";
/// The console's inbox (notifications, issue 13).
pub const AGENT_NOTIFICATIONS_PATH: &str = "/agent/notifications";

/// The `<Routes>` of the help center (and widget), tried in order (`/tickets/new`
/// before `/tickets/:id`).
#[component]
pub fn AppRoutes() -> impl IntoView {
    let loaded = here();
    view! {
        <Routes fallback=move || view! { <Elsewhere bundle=Bundle::HelpCenter loaded=loaded.clone() /> }>
            <Route path=path!("/") view=Home />
            <Route path=path!("/login") view=Login />
            // A desk's own address for signing in (issue 12): the slug fills in the desk.
            <Route path=path!("/t/:slug/login") view=Login />
            // The widget's entry (`public/widget.js` frames it): on to the submit form.
            <Route path=path!("/widget") view=|| view! { <SignedIn><GoTo path=Page::NewTicket.path() /></SignedIn> } />
            <Route path=path!("/kb") view=KbHome />
            <Route path=path!("/kb/:id") view=KbArticlePage />
            <Route path=path!("/tickets") view=|| view! { <SignedIn><MyTickets /></SignedIn> } />
            <Route path=path!("/tickets/new") view=|| view! { <SignedIn><NewTicket /></SignedIn> } />
            <Route path=path!("/tickets/:id") view=|| view! { <SignedIn><TicketDetail /></SignedIn> } />
        </Routes>
    }
}

/// The `<Routes>` of the agent workspace (only its bundle is built with the `console` feature).
#[cfg(feature = "console")]
#[component]
pub fn AgentRoutes() -> impl IntoView {
    use crate::pages::agent::{AgentTicket, PhoneTicket, StaffOnly, Workspace};
    use crate::pages::{ForgotPassword, SetPassword, SignUp};
    let loaded = here();
    // `path!` takes literals: "/forgot-password" is `FORGOT_PASSWORD_PATH`, "/signup" `SIGNUP_PATH` (the test
    // `route_paths_are_the_link_paths` holds them equal).
    view! {
        <Routes fallback=move || view! { <Elsewhere bundle=Bundle::Console loaded=loaded.clone() /> }>
            // A single-use link's page (`pages::set_password`): no session needed, anyone may land here.
            <Route path=path!("/set-password") view=SetPassword />
            // Asking for such a link: no session either.
            <Route path=path!("/forgot-password") view=ForgotPassword />
            // Signing up (`pages::signup`): no session either.
            <Route path=path!("/signup") view=SignUp />
            <Route path=path!("/agent") view=|| view! { <SignedIn><StaffOnly><Workspace /></StaffOnly></SignedIn> } />
            <Route path=path!("/agent/tickets/new") view=|| view! { <SignedIn><StaffOnly><PhoneTicket /></StaffOnly></SignedIn> } />
            <Route path=path!("/agent/tickets/:id") view=|| view! { <SignedIn><StaffOnly><AgentTicket /></StaffOnly></SignedIn> } />
        </Routes>
    }
}

/// The `<Routes>` of the admin console (its own bundle, built with the `admin` feature).
#[cfg(feature = "admin")]
#[component]
pub fn AdminRoutes() -> impl IntoView {
    use crate::pages::admin::{AdminAgents, AdminMail, AdminSettings, AdminSla, AGENTS_PATH};
    // Workflows (issue 13).
    use crate::pages::admin::AdminWorkflows;
    use crate::pages::admin::AdminCatalog;
    // Groups and routing (issue 13).
    use crate::pages::admin::AdminRouting;
    // Customers administration (issue 12).
    use crate::pages::admin::AdminCustomers;
    // Automations (issue 13).
    use crate::pages::admin::AdminAutomations;
    // Custom roles (issue 12).
    use crate::pages::admin::AdminRoles;
    // audit log (issue 12)
    use crate::pages::admin::AdminAudit;
    // Knowledge-base and quick-reply editors (issue 12).
    use crate::pages::admin::{AdminKb, AdminQuickReplies};
    use crate::components::notify::NotificationsPage;
    use crate::pages::agent::{AgentSettings, Reports, StaffOnly};
    let loaded = here();
    // `path!` takes literals: they are `pages::admin`'s `*_PATH` and `pages::agent::REPORTS_PATH`
    // (see `route_paths_are_the_link_paths`).
    view! {
        <Routes fallback=move || view! { <Elsewhere bundle=Bundle::Admin loaded=loaded.clone() /> }>
            <Route path=path!("/admin") view=|| view! { <GoTo path=AGENTS_PATH /> } />
            <Route path=path!("/admin/agents") view=|| view! { <SignedIn><StaffOnly><AdminAgents /></StaffOnly></SignedIn> } />
            <Route path=path!("/admin/mail") view=|| view! { <SignedIn><StaffOnly><AdminMail /></StaffOnly></SignedIn> } />
            <Route path=path!("/admin/settings") view=|| view! { <SignedIn><StaffOnly><AdminSettings /></StaffOnly></SignedIn> } />
            <Route path=path!("/admin/sla") view=|| view! { <SignedIn><StaffOnly><AdminSla /></StaffOnly></SignedIn> } />
            // Workflows (issue 13).
            <Route path=path!("/admin/workflows") view=|| view! { <SignedIn><StaffOnly><AdminWorkflows /></StaffOnly></SignedIn> } />
            <Route path=path!("/admin/types") view=|| view! { <SignedIn><StaffOnly><AdminCatalog /></StaffOnly></SignedIn> } />
            <Route path=path!("/admin/routing") view=|| view! { <SignedIn><StaffOnly><AdminRouting /></StaffOnly></SignedIn> } />
            // Customers administration (issue 12).
            <Route path=path!("/admin/customers") view=|| view! { <SignedIn><StaffOnly><AdminCustomers /></StaffOnly></SignedIn> } />
            <Route path=path!("/admin/automations") view=|| view! { <SignedIn><StaffOnly><AdminAutomations /></StaffOnly></SignedIn> } />
            // Custom roles (issue 12).
            <Route path=path!("/admin/roles") view=|| view! { <SignedIn><StaffOnly><AdminRoles /></StaffOnly></SignedIn> } />
            // audit log (issue 12)
            <Route path=path!("/admin/audit") view=|| view! { <SignedIn><StaffOnly><AdminAudit /></StaffOnly></SignedIn> } />
            // Knowledge-base and quick-reply editors (issue 12).
            <Route path=path!("/admin/kb") view=|| view! { <SignedIn><StaffOnly><AdminKb /></StaffOnly></SignedIn> } />
            <Route path=path!("/admin/quick-replies") view=|| view! { <SignedIn><StaffOnly><AdminQuickReplies /></StaffOnly></SignedIn> } />
            // The reports (managers'), here rather than in the console for the console's budget;
            // not a `Page`: an arm in `Page::path` would land in the help center's wasm.
            <Route path=path!("/agent/reports") view=|| view! { <SignedIn><StaffOnly><Reports /></StaffOnly></SignedIn> } />
            // An agent's own settings and inbox (with notification preferences), here too for the
            // console's budget (BENCHMARKS.md): pages an agent opens now and then, not all day.
            <Route path=path!("/agent/settings") view=|| view! { <SignedIn><StaffOnly><AgentSettings /></StaffOnly></SignedIn> } />
            <Route path=path!("/agent/notifications") view=|| view! { <SignedIn><StaffOnly><NotificationsPage ticket_path=|id| Page::AgentTicket(id).path() staff=true /></StaffOnly></SignedIn> } />
            // The customer's inbox and notification preferences, an account page like `/signup`
            // (the help center and the agent console are at their size budgets; BENCHMARKS.md).
            // "/notifications" is `NOTIFICATIONS_PATH`.
            <Route path=path!("/notifications") view=|| view! { <SignedIn><NotificationsPage ticket_path=|id| Page::Ticket(id).path() staff=false /></SignedIn> } />
        </Routes>
    }
}

/// leptos_router's [`Redirect`] such that the address redirected from leaves no history entry
/// ("back" does not land on the redirect again). When the browser already shows that address (a
/// page load, [`use_navigate`](leptos_router::hooks::use_navigate), a session that ran out), the
/// redirect replaces it; a link's address is written only once its page is ready, which a
/// redirect never is, so then the redirect's own address is added in its stead.
#[component]
pub fn GoTo(#[prop(into)] path: String) -> impl IntoView {
    let location = use_location();
    let browser = window().location();
    let shown = browser.pathname().ok() == Some(location.pathname.get_untracked())
        && browser.search().unwrap_or_default().trim_start_matches('?') == location.search.get_untracked();
    view! { <Redirect path options=NavigateOptions { replace: shown, ..NavigateOptions::default() } /> }
}

/// A path none of this bundle's routes match. If it is the other bundle's (a link, a redirect,
/// the login page sending staff to `/agent`), the browser loads it from the server, which sends
/// that bundle's document; otherwise, or if the server already sent this document for it
/// (`loaded`, as under `trunk serve`, so it cannot reload forever), it is not found.
#[component]
fn Elsewhere(bundle: Bundle, loaded: String) -> impl IntoView {
    let location = use_location();
    let path = location.pathname.get_untracked();
    if bundle_of(&path) == bundle || loaded.split('?').next() == Some(path.as_str()) {
        return view! { <NotFound /> }.into_any();
    }
    let search = location.search.get_untracked();
    let hash = location.hash.get_untracked();
    let mut url = path;
    if !search.is_empty() {
        url = url + "?" + &search;
    }
    if !hash.is_empty() {
        url = url + if hash.starts_with('#') { "" } else { "#" } + &hash;
    }
    // After the router has written this address (a link's is written once its page, this one,
    // is ready): the page load then replaces that entry, as a redirect would.
    let failed = RwSignal::new(false);
    set_timeout(
        move || failed.set(window().location().replace(&url).is_err()),
        std::time::Duration::ZERO,
    );
    dynamic(move || match failed.get() {
        true => view! { <NotFound /> }.into_any(),
        false => view! { <Loading /> }.into_any(),
    })
    .into_any()
}

/// Shows `children` to a signed-in user; anyone else goes to the login page, which brings them
/// back here afterwards, unless they just signed out on purpose. (One guard for every route
/// rather than a guard generated again per route.)
#[component]
fn SignedIn(children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let location = use_location();
    let signed_in = Memo::new(move |_| session.signed_in());
    dynamic(move || match signed_in.get() {
        None => view! { <Loading /> }.into_any(),
        Some(true) => children().into_any(),
        // The widget has no login page: the host signs its users in (see `pages::widget`).
        Some(false) if use_widget().is_some() => view! { <WidgetGate /> }.into_any(),
        Some(false) => {
            let to = if session.signed_out_by_user() {
                Page::Login.path()
            } else {
                // The router's address: leptos_router writes a link's to the address bar only
                // once the page is ready, which may be after this guard has rendered.
                let search = location.search.get_untracked();
                let query = if search.is_empty() { String::new() } else { format!("?{search}") };
                login_path(&(location.pathname.get_untracked() + &query))
            };
            view! { <GoTo path=to /> }.into_any()
        }
    })
}

/// Where a signed-in user starts: staff in the workspace, customers at their tickets.
pub fn home_of(me: Option<&baton_core::Me>) -> String {
    match me {
        Some(me) if crate::pages::agent::is_staff(me) => Page::Agent.path(),
        _ => Page::MyTickets.path(),
    }
}

/// `/`: on to the tickets when signed in, else to the login page.
#[component]
fn Home() -> impl IntoView {
    let session = use_session();
    dynamic(move || match session.signed_in() {
        None => view! { <Loading /> }.into_any(),
        Some(true) => view! { <GoTo path=home_of(session.me().as_ref()) /> }.into_any(),
        Some(false) => view! { <GoTo path=Page::Login.path() /> }.into_any(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_stays_inside_the_app() {
        let cases = [
            (Some("/tickets/3"), Some("/tickets/3")),
            (Some("/tickets?status=open"), Some("/tickets?status=open")),
            (Some("//evil.test/x"), None),
            (Some("/\\evil.test"), None),
            (Some("https://evil.test"), None),
            (None, None),
        ];
        for (next, expected) in cases {
            assert_eq!(
                safe_next(next.map(Into::into)),
                expected.map(Into::into),
                "{next:?}"
            );
        }
    }

    #[test]
    fn paths() {
        assert_eq!(Page::Ticket(12).path(), "/tickets/12");
        assert_eq!(Page::NewTicket.path(), "/tickets/new");
        assert_eq!(Page::KbArticle(4).path(), "/kb/4");
    }

    #[cfg(feature = "admin")]
    #[test]
    /// The routes' `path!` literals are the paths links are built from.
    fn route_paths_are_the_link_paths() {
        assert_eq!(FORGOT_PASSWORD_PATH, "/forgot-password");
        assert_eq!(SIGNUP_PATH, "/signup");
        assert_eq!([NOTIFICATIONS_PATH, AGENT_NOTIFICATIONS_PATH], ["/notifications", "/agent/notifications"]);
        assert_eq!(crate::pages::agent::REPORTS_PATH, "/agent/reports");
        use crate::pages::admin::{AGENTS_PATH, MAIL_PATH, SETTINGS_PATH, SLA_PATH, WORKFLOWS_PATH};
        assert_eq!([AGENTS_PATH, MAIL_PATH, SETTINGS_PATH, SLA_PATH], ["/admin/agents", "/admin/mail", "/admin/settings", "/admin/sla"]);
        assert_eq!(WORKFLOWS_PATH, "/admin/workflows");
        assert_eq!(crate::pages::admin::CATALOG_PATH, "/admin/types");
        assert_eq!(crate::pages::admin::ROUTING_PATH, "/admin/routing");
        // Customers administration (issue 12).
        assert_eq!(crate::pages::admin::CUSTOMERS_PATH, "/admin/customers");
        assert_eq!(crate::pages::admin::AUTOMATIONS_PATH, "/admin/automations");
        // audit log (issue 12)
        assert_eq!(crate::pages::admin::AUDIT_PATH, "/admin/audit");
        // Knowledge-base and quick-reply editors (issue 12).
        assert_eq!([crate::pages::admin::KB_PATH, crate::pages::admin::QUICK_REPLIES_PATH], ["/admin/kb", "/admin/quick-replies"]);
    }

    #[test]
    /// The same table as the server's `http::spa` test: the two must say the same.
    fn paths_are_their_bundles() {
        let console = ["/agent", "/agent/", "/agent/tickets/3", "/set-password", "/forgot-password", "/signup", "/agent/reportsx"];
        let admin = ["/admin", "/admin/", "/admin/agents", "/admin/mail", "/admin/sla", "/admin/workflows", "/admin/types", "/admin/routing", "/admin/automations", "/agent/reports", "/agent/reports/", "/admin/customers"];
        let help_center = ["/", "/agents", "/agentx/1", "/login", "/kb/agent", "/tickets/1", "/set-password/x",
            "/forgot-password/x", "/signup/x", "/signups", "/admins", "/administrator", "/ws/agent", "/adm/x"];
        // audit log (issue 12)
        assert_eq!(bundle_of("/admin/audit"), Bundle::Admin);
        // Knowledge-base and quick-reply editors (issue 12).
        let admin = [&admin[..], &["/admin/kb", "/admin/quick-replies", "/agent/settings"]].concat();
        for (paths, bundle) in [(&console[..], Bundle::Console), (&admin[..], Bundle::Admin), (&help_center[..], Bundle::HelpCenter)] {
            for path in paths {
                assert_eq!(bundle_of(path), bundle, "{path}");
                assert_eq!(is_agent_path(path), bundle != Bundle::HelpCenter, "{path}");
            }
        }
    }
}
