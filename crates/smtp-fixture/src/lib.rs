//! A real SMTP server for the mail tests: Python's aiosmtpd (`-c aiosmtpd.handlers.Mailbox`),
//! started on a free loopback port, keeps every message it accepts in a Maildir in a temp
//! directory; [`SmtpSink::wait_for`] reads them back, parsed with `mail-parser`. The server under
//! test speaks real SMTP to it, so what the tests see is what a mail server would have received.
//! The process is killed when the sink is dropped.
//!
//! aiosmtpd lives in the git-ignored `.venv-tools` at the workspace root (scripts/setup.sh
//! installs it, pinned); Debian's `python3-aiosmtpd` serves too when that venv is missing.

use mail_parser::MessageParser;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// One message the sink caught.
#[derive(Debug, Clone)]
pub struct Message {
    /// The `To` header's addresses.
    pub to: Vec<String>,
    pub subject: String,
    /// The text/plain body.
    pub text: String,
    /// The text/html body, if the message had one.
    pub html: Option<String>,
    /// Every header as (name, value), in order.
    pub headers: Vec<(String, String)>,
}

impl Message {
    /// The value of header `name` (any case), if present.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// A running SMTP server and the Maildir it writes.
pub struct SmtpSink {
    addr: SocketAddr,
    child: Child,
    dir: TempDir,
}

/// The Python with aiosmtpd: the workspace's `.venv-tools`, else the system's `python3`.
fn python() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let venv = root.join(".venv-tools/bin/python");
    if venv.is_file() {
        venv
    } else {
        PathBuf::from("python3")
    }
}

/// A loopback port nobody listens on now (the OS's pick, released for the server to take).
fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    listener.local_addr().expect("local address").port()
}

impl SmtpSink {
    /// Starts a server and waits (up to 20 s) until it accepts connections.
    pub fn start() -> SmtpSink {
        let dir = tempfile::tempdir().expect("temp dir");
        let maildir = dir.path().join("Maildir");
        for sub in ["cur", "new", "tmp"] {
            std::fs::create_dir_all(maildir.join(sub)).expect("maildir");
        }
        let port = free_port();
        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        let child = Command::new(python())
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")])
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(&maildir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start aiosmtpd (run scripts/setup.sh test: it installs it in .venv-tools)");
        let mut sink = SmtpSink { addr, child, dir };
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_err() {
            if let Ok(Some(status)) = sink.child.try_wait() {
                panic!("aiosmtpd exited at start ({status}): is it installed (scripts/setup.sh test)?");
            }
            assert!(Instant::now() < deadline, "aiosmtpd did not listen on {addr} within 20 s");
            std::thread::sleep(Duration::from_millis(50));
        }
        sink
    }

    /// The server's address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `--smtp-url` for this server (plain SMTP, no authentication).
    pub fn url(&self) -> String {
        format!("smtp://{}", self.addr)
    }

    /// Every message caught so far, oldest first.
    pub fn messages(&self) -> Vec<Message> {
        let maildir = self.dir.path().join("Maildir");
        let mut files: Vec<(std::time::SystemTime, PathBuf)> = ["new", "cur"]
            .iter()
            .flat_map(|sub| std::fs::read_dir(maildir.join(sub)).into_iter().flatten())
            .filter_map(|entry| {
                let entry = entry.ok()?;
                let modified = entry.metadata().ok()?.modified().ok()?;
                Some((modified, entry.path()))
            })
            .collect();
        files.sort();
        files.iter().filter_map(|(_, path)| parse(&std::fs::read(path).ok()?)).collect()
    }

    /// The messages caught for `to` (compared without case).
    pub fn messages_to(&self, to: &str) -> Vec<Message> {
        self.messages().into_iter().filter(|m| m.to.iter().any(|a| a.eq_ignore_ascii_case(to))).collect()
    }

    /// The newest message to `to`, waiting up to `timeout` for one; panics when none arrives.
    pub fn wait_for(&self, to: &str, timeout: Duration) -> Message {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(message) = self.messages_to(to).pop() {
                return message;
            }
            assert!(Instant::now() < deadline, "no mail to {to} within {timeout:?}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn parse(raw: &[u8]) -> Option<Message> {
    let message = MessageParser::default().parse(raw)?;
    let to = message
        .to()
        .map(|to| to.iter().filter_map(|a| a.address().map(str::to_owned)).collect())
        .unwrap_or_default();
    let headers = message
        .headers_raw()
        .map(|(name, value)| (name.to_owned(), value.trim().to_owned()))
        .collect();
    Some(Message {
        to,
        subject: message.subject().unwrap_or_default().to_owned(),
        text: message.body_text(0).map(|t| t.into_owned()).unwrap_or_default(),
        html: message.body_html(0).map(|h| h.into_owned()),
        headers,
    })
}

/// The first `http://` or `https://` link in `text`, up to the next whitespace or `<`, `>`, `"`.
pub fn link_in(text: &str) -> Option<String> {
    let start = text.find("http://").or_else(|| text.find("https://"))?;
    let link: String = text[start..].chars().take_while(|c| !c.is_whitespace() && !"<>\"".contains(*c)).collect();
    Some(link)
}

#[cfg(test)]
mod tests {
    #[test]
    fn links_end_at_whitespace_or_markup() {
        let cases = [
            ("Set it here: http://x.test/set-password?token=ab12\nThanks", Some("http://x.test/set-password?token=ab12")),
            ("<a href=\"https://x.test/a?b=c\">", Some("https://x.test/a?b=c")),
            ("no link", None),
        ];
        for (text, link) in cases {
            assert_eq!(super::link_in(text).as_deref(), link, "{text}");
        }
    }
}
