//! Reading a server-sent-events response in tests: frame by frame, with a timeout, since the
//! stream never ends by itself.

use http_body_util::BodyExt;
use std::time::Duration;

/// One event as the client sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SseEvent {
    pub id: String,
    pub event: String,
    pub data: String,
}

impl SseEvent {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.data).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.data))
    }
}

/// An open event stream.
pub struct Sse {
    body: axum::body::Body,
    buffer: String,
    /// Everything received, comments included, to search for what must never be sent.
    pub raw: String,
}

impl Sse {
    pub fn new(response: axum::response::Response) -> Sse {
        assert_eq!(response.status(), axum::http::StatusCode::OK);
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok());
        assert_eq!(content_type, Some("text/event-stream"));
        Sse {
            body: response.into_body(),
            buffer: String::new(),
            raw: String::new(),
        }
    }

    /// The next event within `wait`, skipping comments (keep-alives); `None` if none came.
    pub async fn next_within(&mut self, wait: Duration) -> Option<SseEvent> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            if let Some(event) = self.take_event() {
                return Some(event);
            }
            let frame = tokio::time::timeout_at(deadline, self.body.frame())
                .await
                .ok()??;
            let bytes = frame.expect("stream error").into_data().unwrap_or_default();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            self.raw.push_str(&text);
            self.buffer.push_str(&text);
        }
    }

    /// Whether the server ends the stream within `wait` (events and keep-alives meanwhile are
    /// read and dropped).
    pub async fn ends_within(&mut self, wait: Duration) -> bool {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            match tokio::time::timeout_at(deadline, self.body.frame()).await {
                Err(_) => return false,
                Ok(None) => return true,
                Ok(Some(frame)) => {
                    let bytes = frame.expect("stream error").into_data().unwrap_or_default();
                    self.raw.push_str(&String::from_utf8_lossy(&bytes));
                }
            }
        }
    }

    /// The next event; fails the test if none comes within two seconds.
    pub async fn next(&mut self) -> SseEvent {
        self.next_within(Duration::from_secs(2))
            .await
            .expect("an event within 2 s")
    }

    /// Every event arriving within `wait` of the previous one.
    pub async fn drain(&mut self, wait: Duration) -> Vec<SseEvent> {
        let mut events = Vec::new();
        while let Some(event) = self.next_within(wait).await {
            events.push(event);
        }
        events
    }

    fn take_event(&mut self) -> Option<SseEvent> {
        loop {
            let end = self.buffer.find("\n\n")?;
            let block: String = self.buffer.drain(..end + 2).collect();
            let mut event = SseEvent {
                id: String::new(),
                event: String::new(),
                data: String::new(),
            };
            let mut any = false;
            for line in block.lines() {
                let (name, value) = line.split_once(':').unwrap_or((line, ""));
                let value = value.strip_prefix(' ').unwrap_or(value).to_owned();
                match name {
                    "id" => event.id = value,
                    "event" => event.event = value,
                    "data" => event.data = value,
                    _ => continue,
                }
                any = true;
            }
            if any {
                return Some(event);
            }
        }
    }
}
