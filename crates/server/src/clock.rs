//! The one clock of the server. Everything time-based (timestamps of writes, expiries, and the
//! scheduled work to come: SLA, automations, purges) reads it, so a test can move time forward
//! instead of waiting.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use time::OffsetDateTime;

/// The system clock, shifted by an offset that only tests change. Clones share the offset.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    offset_secs: Arc<AtomicI64>,
}

impl Clock {
    /// Now, truncated to whole seconds as timestamps are stored.
    pub fn now(&self) -> OffsetDateTime {
        crate::storage::now() + time::Duration::seconds(self.offset_secs.load(Ordering::Relaxed))
    }

    /// Now in Unix milliseconds, for what lives seconds rather than days (presence): the same
    /// offset, without the truncation to whole seconds.
    pub fn now_ms(&self) -> i64 {
        let now = OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000;
        i64::try_from(now).unwrap_or(i64::MAX) + self.offset_secs.load(Ordering::Relaxed) * 1000
    }

    /// Moves this clock (and its clones) forward by `by`.
    pub fn advance(&self, by: time::Duration) {
        self.offset_secs.fetch_add(by.whole_seconds(), Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::Clock;

    #[test]
    fn advancing_moves_every_clone() {
        let clock = Clock::default();
        let other = clock.clone();
        let before = other.now();
        clock.advance(time::Duration::days(3));
        let moved = other.now() - before;
        assert!(moved >= time::Duration::days(3) && moved < time::Duration::days(3) + time::Duration::seconds(5), "{moved}");
        let ms = other.now_ms() - other.now().unix_timestamp() * 1000;
        assert!((0..5000).contains(&ms), "now_ms and now disagree by {ms} ms");
    }
}
