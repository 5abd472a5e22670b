//! Headless Chromium over WebDriver: a chromedriver process per test and browser sessions on it,
//! with helpers that find elements by `data-testid`, wait for conditions and run axe-core.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tempfile::TempDir;
use thirtyfour::prelude::*;

/// How long a condition may take before the test fails. Generous for a loaded 2-core CI machine;
/// tests never sleep for a fixed time, they wait for the condition.
pub const WAIT: Duration = Duration::from_secs(15);
const POLL: Duration = Duration::from_millis(50);

/// A chromedriver process on a free loopback port, killed when dropped.
pub struct Chromedriver {
    child: Child,
    port: u16,
}

impl Chromedriver {
    pub async fn start() -> Chromedriver {
        let port = free_port();
        let child = Command::new(std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into()))
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver on PATH (make test installs chromium-driver)");
        let driver = Chromedriver { child, port };
        let deadline = Instant::now() + WAIT;
        while reqwest::get(format!("{}/status", driver.url())).await.is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start on port {port}");
            tokio::time::sleep(POLL).await;
        }
        driver
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// A new, signed-out browser whose preferred language is `lang` (e.g. `en`, `zh-CN`).
    pub async fn browser(&self, lang: &str) -> Browser {
        self.browser_with(lang, false).await
    }

    /// [`Chromedriver::browser`] with third-party cookies blocked, as Safari and Firefox do by
    /// default and Chromium does with its setting on (which also denies third-party frames their
    /// storage).
    pub async fn browser_blocking_third_party_cookies(&self, lang: &str) -> Browser {
        self.browser_with(lang, true).await
    }

    async fn browser_with(&self, lang: &str, block_third_party_cookies: bool) -> Browser {
        let profile = tempfile::tempdir().expect("profile dir");
        let mut caps = DesiredCapabilities::chrome();
        caps.set_binary(&std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()))
            .expect("binary");
        for arg in [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--window-size=1280,900",
        ] {
            caps.add_arg(arg).expect("arg");
        }
        caps.add_arg(&format!("--accept-lang={lang}")).expect("arg");
        caps.add_arg(&format!("--user-data-dir={}", profile.path().display())).expect("arg");
        // Third-party cookies explicitly allowed or blocked, whatever this Chromium's default is:
        // the setting as the browser stores it (Settings → Third-party cookies), where
        // cookie_controls_mode 1 means "block third-party cookies" and 0 "allow".
        let prefs = serde_json::json!({
            "profile.block_third_party_cookies": block_third_party_cookies,
            "profile.cookie_controls_mode": if block_third_party_cookies { 1 } else { 0 },
        });
        caps.add_experimental_option("prefs", prefs).expect("prefs");
        // Chromium sometimes exits while starting on a loaded machine ("session not created:
        // Chrome instance exited"); that is the browser's start, not the app under test, so it is
        // tried again a few times before the test gives up.
        let mut attempt = 1;
        let driver = loop {
            match WebDriver::new(self.url(), caps.clone()).await {
                Ok(driver) => break driver,
                Err(e) if attempt < 3 => {
                    eprintln!("Chromium did not start (attempt {attempt}): {e}; trying again");
                    attempt += 1;
                    tokio::time::sleep(std::time::Duration::from_millis(500 * attempt)).await;
                }
                Err(e) => panic!("a Chromium session: {e}"),
            }
        };
        driver.set_script_timeout(WAIT).await.expect("script timeout");
        Browser { driver, _profile: profile }
    }
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port()
}

/// `[data-testid='name']`.
pub fn tid(name: &str) -> By {
    By::Css(format!("[data-testid='{name}']"))
}

/// One browser session. Call [`Browser::quit`] at the end of a test.
pub struct Browser {
    pub driver: WebDriver,
    _profile: TempDir,
}

impl Browser {
    pub async fn goto(&self, url: &str) {
        self.driver.goto(url).await.expect("navigate");
    }

    /// The first element with this testid, waiting for it to exist.
    pub async fn find(&self, testid: &str) -> WebElement {
        self.find_by(tid(testid)).await
    }

    pub async fn find_by(&self, by: By) -> WebElement {
        let what = format!("{by:?}");
        self.driver
            .query(by)
            .wait(WAIT, POLL)
            .first()
            .await
            .unwrap_or_else(|e| panic!("waited for {what}: {e}"))
    }

    /// Waits until an element with this testid has `attr` = `value`, and returns it.
    pub async fn find_with(&self, testid: &str, attr: &str, value: &str) -> WebElement {
        self.find_by(By::Css(format!("[data-testid='{testid}'][{attr}='{value}']"))).await
    }

    /// Waits until no element matches.
    pub async fn gone(&self, testid: &str) {
        self.gone_by(tid(testid)).await;
    }

    /// Waits until the element with this testid is absent or not displayed.
    pub async fn hidden(&self, testid: &str) {
        let deadline = Instant::now() + WAIT;
        loop {
            let shown = match self.driver.find_all(tid(testid)).await.expect("query").first() {
                Some(e) => e.is_displayed().await.unwrap_or(false),
                None => false,
            };
            if !shown {
                return;
            }
            assert!(Instant::now() < deadline, "{testid} is still displayed");
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until no element matches `by`.
    pub async fn gone_by(&self, by: By) {
        self.driver
            .query(by)
            .wait(WAIT, POLL)
            .wait_until_gone()
            .await
            .unwrap_or_else(|e| panic!("still there: {e}"));
    }

    /// Waits until `check` returns true for the element's text (Leptos splits text into several
    /// DOM nodes, so this reads `textContent`, whitespace-normalised).
    pub async fn wait_text(&self, testid: &str, check: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let text = self.text(testid).await;
            if let Some(t) = text.filter(|t| check(t)) {
                return t;
            }
            assert!(Instant::now() < deadline, "text of {testid} never matched");
            tokio::time::sleep(POLL).await;
        }
    }

    /// The normalised text of the first element with this testid, if there is one.
    pub async fn text(&self, testid: &str) -> Option<String> {
        let script = "const e = document.querySelector(`[data-testid='${arguments[0]}']`);\
                      return e ? e.textContent.replace(/\\s+/g, ' ').trim() : null;";
        let ret = self.driver.execute(script, vec![testid.into()]).await.expect("script");
        ret.json().as_str().map(str::to_owned)
    }

    pub async fn type_into(&self, testid: &str, text: &str) {
        let input = self.find(testid).await;
        input.clear().await.expect("clear");
        input.send_keys(text).await.expect("type");
    }

    /// Chooses the option with this value in the `<select>` with this testid, waiting for the
    /// option to exist (options often arrive with data).
    pub async fn select(&self, testid: &str, value: &str) {
        self.find_by(By::Css(format!("[data-testid='{testid}'] option[value='{value}']"))).await;
        let select = self.find(testid).await;
        thirtyfour::components::SelectElement::new(&select)
            .await
            .expect("a <select>")
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("choose {value} in {testid}: {e}"));
    }

    /// Sets an input's value the way a user's typing does (native setter, then `input` and
    /// `change` events) — for date and time inputs, whose typed format depends on the locale.
    pub async fn set_value(&self, testid: &str, value: &str) {
        let input = self.find(testid).await;
        let script = "const [e, v] = arguments;\
            const proto = e instanceof HTMLTextAreaElement ? HTMLTextAreaElement : HTMLInputElement;\
            Object.getOwnPropertyDescriptor(proto.prototype, 'value').set.call(e, v);\
            e.dispatchEvent(new Event('input', { bubbles: true }));\
            e.dispatchEvent(new Event('change', { bubbles: true }));";
        let element = input.to_json().expect("element reference");
        self.driver.execute(script, vec![element, value.into()]).await.expect("set value");
    }

    pub async fn click(&self, testid: &str) {
        self.find(testid).await.click().await.expect("click");
    }

    /// Signs in through the login form and waits for the header to show the user.
    pub async fn login(&self, base: &str, email: &str, password: &str) {
        self.goto(&format!("{base}/login")).await;
        self.type_into("login-email", email).await;
        self.type_into("login-password", password).await;
        self.click("login-submit").await;
        self.find("current-user").await;
    }

    /// Runs axe-core on the current page and fails on any violation, naming rule and nodes.
    pub async fn assert_accessible(&self, page: &str) {
        let axe = std::fs::read_to_string(crate::repo_root().join("node_modules/axe-core/axe.min.js"))
            .expect("node_modules/axe-core (make test installs it with npm ci)");
        self.driver.execute(axe, Vec::new()).await.expect("inject axe-core");
        let script = "const done = arguments[arguments.length - 1];\
            axe.run(document, { resultTypes: ['violations'] })\
              .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' @ ' +\
                 v.nodes.map(n => n.target.join(' ')).join(', '))))\
              .catch(e => done(['axe failed: ' + e]));";
        let ret = self.driver.execute_async(script, Vec::new()).await.expect("run axe-core");
        let violations: Vec<String> = serde_json::from_value(ret.json().clone())
            .unwrap_or_else(|e| panic!("axe-core gave no result list on {page}: {e}: {:?}", ret.json()));
        assert!(violations.is_empty(), "accessibility violations on {page}:\n{}", violations.join("\n"));
    }

    pub async fn quit(self) {
        self.driver.quit().await.expect("quit");
    }
}
