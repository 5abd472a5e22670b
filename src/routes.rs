//! Every route of the app in one place: [`Page`] builds links, [`AppRoutes`] (help center) and
//! [`AgentRoutes`] (agent workspace, its own bundle) match them. Ticket pages need a session;
//! without one they send the user to the login page, which brings them back afterwards
//! (`/login?next=…`). A link or redirect into the other bundle is a full page load ([`Elsewhere`]).

use crate::components::notify::NotificationsPage;
use crate::components::ui::{dynamic, Loading};
use crate::pages::help_center::{KbArticlePage, KbHome, MyTickets, NewTicket, TicketDetail};
use crate::pages::widget::{use_widget, WidgetGate};
use crate::pages::{Login, NotFound};
use crate::state::session::use_session;
use leptos::prelude::*;
use crate::router::{use_location, Redirect, Route, Routes};

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

/// The page's own path and query, to come back to after signing in.
fn here() -> String {
    let location = window().location();
    location.pathname().unwrap_or_default() + &location.search().unwrap_or_default()
}

/// `/forgot-password`, in the console's bundle: `?tenant=` prefills the desk.
pub const FORGOT_PASSWORD_PATH: &str = "/forgot-password";

/// The three bundles; the server answers each path with its bundle's document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bundle {
    /// `index.html`: the help center and widget, what customers download (budget ≤ 250 KB).
    HelpCenter,
    /// `agent.html` (`dist/ws/`): the agent console, `/agent` and below, and the single-use
    /// password pages `/set-password` and `/forgot-password`.
    Console,
    /// `admin.html` (`dist/adm/`): the admin console's pages, `/admin` and below.
    Admin,
}

/// The bundle `path` belongs to. The server's `http::spa::bundle_of` says the same (the same
/// table tests both).
pub fn bundle_of(path: &str) -> Bundle {
    let under = |prefix: &str| path.strip_prefix(prefix).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
    if under("/admin") {
        Bundle::Admin
    } else if path == "/set-password" || path == FORGOT_PASSWORD_PATH || under("/agent") {
        Bundle::Console
    } else {
        Bundle::HelpCenter
    }
}

/// Whether `path` is staff's (the console's or the admin console's), not the help center's.
pub fn is_agent_path(path: &str) -> bool {
    bundle_of(path) != Bundle::HelpCenter
}

/// The routes of the help center (and widget).
static APP_ROUTES: [Route; 9] = [
    Route::new("/", || view! { <Home /> }.into_any()),
    Route::new("/login", || view! { <Login /> }.into_any()),
    // The widget's entry (`public/widget.js` frames it): on to the submit form.
    Route::new("/widget", || view! { <SignedIn><Redirect path=Page::NewTicket.path() /></SignedIn> }.into_any()),
    Route::new("/kb", || view! { <KbHome /> }.into_any()),
    Route::new("/kb/:id", || view! { <KbArticlePage /> }.into_any()),
    Route::new("/tickets", || view! { <SignedIn><MyTickets /></SignedIn> }.into_any()),
    Route::new("/tickets/new", || view! { <SignedIn><NewTicket /></SignedIn> }.into_any()),
    Route::new("/tickets/:id", || view! { <SignedIn><TicketDetail /></SignedIn> }.into_any()),
    // notifications (issue 13)
    Route::new(NOTIFICATIONS_PATH, || view! { <SignedIn><NotificationsPage ticket_path=|id| Page::Ticket(id).path() staff=false /></SignedIn> }.into_any()),
];

/// The help center's inbox (notifications, issue 13); the console's is [`AGENT_NOTIFICATIONS_PATH`].
pub const NOTIFICATIONS_PATH: &str = "/notifications";
/// The console's inbox (notifications, issue 13).
pub const AGENT_NOTIFICATIONS_PATH: &str = "/agent/notifications";

/// The `<Routes>` of the help center (and widget).
#[component]
pub fn AppRoutes() -> impl IntoView {
    let loaded = here();
    view! {
        <Routes routes=&APP_ROUTES fallback=move || view! { <Elsewhere bundle=Bundle::HelpCenter loaded=loaded.clone() /> }.into_any() />
    }
}

/// The `<Routes>` of the agent workspace (only its bundle is built with the `console` feature).
#[cfg(feature = "console")]
#[component]
pub fn AgentRoutes() -> impl IntoView {
    use crate::pages::agent::{AgentSettings, AgentTicket, PhoneTicket, Reports, StaffOnly, Workspace};
    use crate::pages::{ForgotPassword, SetPassword};
    static AGENT_ROUTES: [Route; 8] = [
        // A single-use link's page (`pages::set_password`): no session needed, anyone may land here.
        Route::new("/set-password", || view! { <SetPassword /> }.into_any()),
        // Asking for such a link: no session either.
        Route::new(FORGOT_PASSWORD_PATH, || view! { <ForgotPassword /> }.into_any()),
        Route::new("/agent", || view! { <SignedIn><StaffOnly><Workspace /></StaffOnly></SignedIn> }.into_any()),
        Route::new("/agent/settings", || view! { <SignedIn><StaffOnly><AgentSettings /></StaffOnly></SignedIn> }.into_any()),
        // Not a `Page`: an arm in `Page::path` would land in the help center's wasm (at its budget).
        Route::new(crate::pages::agent::REPORTS_PATH, || view! { <SignedIn><StaffOnly><Reports /></StaffOnly></SignedIn> }.into_any()),
        Route::new("/agent/tickets/new", || view! { <SignedIn><StaffOnly><PhoneTicket /></StaffOnly></SignedIn> }.into_any()),
        Route::new("/agent/tickets/:id", || view! { <SignedIn><StaffOnly><AgentTicket /></StaffOnly></SignedIn> }.into_any()),
        // notifications (issue 13)
        Route::new(AGENT_NOTIFICATIONS_PATH, || view! { <SignedIn><StaffOnly><NotificationsPage ticket_path=|id| Page::AgentTicket(id).path() staff=true /></StaffOnly></SignedIn> }.into_any()),
    ];
    let loaded = here();
    view! {
        <Routes routes=&AGENT_ROUTES fallback=move || view! { <Elsewhere bundle=Bundle::Console loaded=loaded.clone() /> }.into_any() />
    }
}

/// The `<Routes>` of the admin console (its own bundle, built with the `admin` feature).
#[cfg(feature = "admin")]
#[component]
pub fn AdminRoutes() -> impl IntoView {
    use crate::pages::admin::{AdminAgents, AdminMail, AdminSettings, AdminSla, AGENTS_PATH, MAIL_PATH, SETTINGS_PATH, SLA_PATH};
    use crate::pages::agent::StaffOnly;
    static ADMIN_ROUTES: [Route; 5] = [
        Route::new("/admin", || view! { <Redirect path=AGENTS_PATH /> }.into_any()),
        Route::new(AGENTS_PATH, || view! { <SignedIn><StaffOnly><AdminAgents /></StaffOnly></SignedIn> }.into_any()),
        Route::new(MAIL_PATH, || view! { <SignedIn><StaffOnly><AdminMail /></StaffOnly></SignedIn> }.into_any()),
        Route::new(SETTINGS_PATH, || view! { <SignedIn><StaffOnly><AdminSettings /></StaffOnly></SignedIn> }.into_any()),
        Route::new(SLA_PATH, || view! { <SignedIn><StaffOnly><AdminSla /></StaffOnly></SignedIn> }.into_any()),
    ];
    let loaded = here();
    view! {
        <Routes routes=&ADMIN_ROUTES fallback=move || view! { <Elsewhere bundle=Bundle::Admin loaded=loaded.clone() /> }.into_any() />
    }
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
    if window().location().replace(&url).is_err() {
        return view! { <NotFound /> }.into_any();
    }
    view! { <Loading /> }.into_any()
}

/// Shows `children` to a signed-in user; anyone else goes to the login page, which brings them
/// back here afterwards, unless they just signed out on purpose. (One guard for every route
/// rather than a guard generated again per route.)
#[component]
fn SignedIn(children: ChildrenFn) -> impl IntoView {
    let session = use_session();
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
                login_path(&here())
            };
            view! { <Redirect path=to /> }.into_any()
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
        Some(true) => view! { <Redirect path=home_of(session.me().as_ref()) /> }.into_any(),
        Some(false) => view! { <Redirect path=Page::Login.path() /> }.into_any(),
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

    #[test]
    /// The same table as the server's `http::spa` test: the two must say the same.
    fn paths_are_their_bundles() {
        let console = ["/agent", "/agent/", "/agent/tickets/3", "/set-password", "/forgot-password"];
        let admin = ["/admin", "/admin/", "/admin/agents", "/admin/mail", "/admin/sla"];
        let help_center = ["/", "/agents", "/agentx/1", "/login", "/kb/agent", "/tickets/1", "/set-password/x",
            "/forgot-password/x", "/admins", "/administrator", "/ws/agent", "/adm/x"];
        for (paths, bundle) in [(&console[..], Bundle::Console), (&admin[..], Bundle::Admin), (&help_center[..], Bundle::HelpCenter)] {
            for path in paths {
                assert_eq!(bundle_of(path), bundle, "{path}");
                assert_eq!(is_agent_path(path), bundle != Bundle::HelpCenter, "{path}");
            }
        }
    }
}
