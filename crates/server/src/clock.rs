//! The one clock of the server. Everything time-based (timestamps of writes, expiries, and the
//! scheduled work to come: SLA, automations, purges) reads it, so a test can move time forward
//! instead of waiting.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use time::OffsetDateTime;

/// The system clock, shifted by an offset that only tests change, or stopped at an instant a
/// test chose (`pin`). Clones share both.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    offset_secs: Arc<AtomicI64>,
    /// Unix seconds the clock stands at (before the offset); 0 while it runs with real time.
    pinned: Arc<AtomicI64>,
}

impl Clock {
    /// Now, truncated to whole seconds as timestamps are stored.
    pub fn now(&self) -> OffsetDateTime {
        let pinned = self.pinned.load(Ordering::Relaxed);
        let base = match pinned {
            0 => crate::storage::now(),
            at => OffsetDateTime::from_unix_timestamp(at).unwrap_or_else(|_| crate::storage::now()),
        };
        base + time::Duration::seconds(self.offset_secs.load(Ordering::Relaxed))
    }

    /// Stops this clock (and its clones) at `at`, so durations a test builds with [`advance`]
    /// are exact (reports assert seconds); real time no longer moves it.
    ///
    /// [`advance`]: Clock::advance
    pub fn pin(&self, at: OffsetDateTime) {
        self.offset_secs.store(0, Ordering::Relaxed);
        self.pinned.store(at.unix_timestamp(), Ordering::Relaxed);
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

    #[test]
    fn a_pinned_clock_moves_only_when_advanced() {
        let clock = Clock::default();
        let at = time::macros::datetime!(2030-03-02 08:00:00 UTC);
        clock.pin(at);
        assert_eq!(clock.now(), at);
        clock.advance(time::Duration::seconds(90));
        assert_eq!(clock.clone().now(), at + time::Duration::seconds(90));
    }
}
