//! How many live event streams one user may hold open on this process: each is a connection and
//! a task, and a client that reconnects without closing (or a script) must not pile them up.
//! Counted per replica, in memory: a stream lives on one process, and the cap is against piling
//! up, not an exact quota across a cluster.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Streams one user may have open on one server by default (tabs, devices and the widget
/// together); `--streams-per-user`.
pub const MAX_STREAMS_PER_USER: usize = 10;

/// The open streams per (tenant, user) of this process.
#[derive(Debug, Clone)]
pub struct StreamSlots {
    open: Arc<Mutex<HashMap<(i64, i64), usize>>>,
    max: usize,
}

impl Default for StreamSlots {
    fn default() -> Self {
        StreamSlots::new(MAX_STREAMS_PER_USER)
    }
}

/// A held place; the stream that holds it gives it back when it is dropped.
#[derive(Debug)]
pub struct Slot {
    open: Arc<Mutex<HashMap<(i64, i64), usize>>>,
    user: (i64, i64),
}

impl StreamSlots {
    /// At most `max` streams per user.
    pub fn new(max: usize) -> StreamSlots {
        StreamSlots { open: Arc::default(), max }
    }

    /// A place for a stream of `user` (tenant, user id), if they hold fewer than the cap.
    pub fn take(&self, user: (i64, i64)) -> Option<Slot> {
        let mut open = self.open.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let held = open.entry(user).or_insert(0);
        if *held >= self.max {
            return None;
        }
        *held += 1;
        Some(Slot { open: self.open.clone(), user })
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut open = self.open.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(held) = open.get_mut(&self.user) {
            *held -= 1;
            if *held == 0 {
                open.remove(&self.user);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_per_user_and_come_back_when_dropped() {
        let slots = StreamSlots::default();
        let held: Vec<Slot> = (0..MAX_STREAMS_PER_USER).filter_map(|_| slots.take((1, 7))).collect();
        assert_eq!(held.len(), MAX_STREAMS_PER_USER);
        assert!(slots.take((1, 7)).is_none());
        assert!(slots.take((1, 8)).is_some(), "another user has places of their own");
        drop(held);
        assert!(slots.take((1, 7)).is_some());
        assert!(slots.open.lock().expect("lock").get(&(1, 7)).is_none(), "emptied entries are removed");
    }
}
