//! The scheduler: work that runs on a timer rather than on a request (purges, the mail outbox,
//! closing solved tickets, purging flagged ones, SLA due times). With several replicas on one
//! database it runs on one at a time: the one holding the lease (`scheduler_lease`, migration
//! 0011), which it renews every third of its length. When that replica dies, its lease runs out
//! and another takes it over at its next attempt, so the jobs pause for at most a lease and a
//! third.
//!
//! A job must be safe to run twice: the new holder runs every job at once (it does not know when
//! the old one last did), and a holder that stalls longer than its lease (a long GC-free pause
//! is rare, a slow database is not) may overlap with the next one for one run.
//!
//! Adding a job: a module here with `pub async fn run(app: &Services) -> Result<(), Error>`, and
//! one line in [`jobs`].

// Automations (issue 13).
mod automations;
mod lifecycle;
mod purge;
mod sla;

use crate::error::Error;
use crate::services::Services;
use crate::storage::{self, scheduler as lease};
use futures_util::future::BoxFuture;
use std::time::Duration;
use time::OffsetDateTime;
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// The lease's name (one scheduler for now; a job that must run alone could take its own).
pub const LEASE: &str = "scheduler";

/// A scheduled job: what it is called (in logs), how often it runs, what it does.
pub struct Job {
    pub name: &'static str,
    pub every: time::Duration,
    pub run: for<'a> fn(&'a Services) -> BoxFuture<'a, Result<(), Error>>,
}

/// Every job, in the order they run when due.
pub fn jobs() -> Vec<Job> {
    vec![
        Job { name: "purge", every: purge::EVERY, run: |app| Box::pin(purge::run(app)) },
        Job { name: "lifecycle", every: lifecycle::EVERY, run: |app| Box::pin(lifecycle::run(app)) },
        Job { name: "sla", every: sla::EVERY, run: |app| Box::pin(sla::run(app)) },
        // automations (issue 13): time rules, after the SLA watch has set breaches and due times.
        Job { name: "automations", every: automations::EVERY, run: |app| Box::pin(automations::run(app)) },
        // notifications (issue 13): digests first, so a digest queued now goes out in this round.
        Job { name: "digest", every: crate::notifications::digest::EVERY, run: |app| Box::pin(async { crate::notifications::digest::run(app).await.map(drop) }) },
        Job { name: "mail", every: crate::mail::send::EVERY, run: |app| Box::pin(async { crate::mail::send::run(app).await.map(drop) }) },
    ]
}

/// One process's scheduler: its holder id (random per process, prefixed with the process id so
/// an operator looking at the lease row can tell which replica runs the jobs), its jobs and when
/// each last ran here.
pub struct Scheduler {
    app: Services,
    holder: String,
    lease: time::Duration,
    jobs: Vec<(Job, Option<OffsetDateTime>)>,
    holding: bool,
}

impl Scheduler {
    /// A scheduler over `app` whose lease lasts `lease` unless renewed.
    pub fn new(app: Services, lease: Duration) -> Scheduler {
        let holder = format!("{}-{:08x}", std::process::id(), rand::random::<u32>());
        Scheduler {
            app,
            holder,
            lease: time::Duration::try_from(lease).unwrap_or(time::Duration::MAX),
            jobs: jobs().into_iter().map(|job| (job, None)).collect(),
            holding: false,
        }
    }

    /// The id this scheduler holds the lease under.
    pub fn holder(&self) -> &str {
        &self.holder
    }

    /// Takes or renews the lease; whether this scheduler holds it now.
    async fn take(&mut self) -> Result<bool, Error> {
        let now = self.app.clock.now();
        let until = now.checked_add(self.lease).unwrap_or(now);
        let held = lease::take(&self.app.db, LEASE, &self.holder, &storage::timestamp(now), &storage::timestamp(until)).await?;
        if held != self.holding {
            if held {
                tracing::info!(holder = %self.holder, "this replica now runs the scheduled jobs");
            } else {
                tracing::warn!(holder = %self.holder, "another replica took over the scheduled jobs");
            }
        }
        self.holding = held;
        Ok(held)
    }

    /// One round: takes or renews the lease and, while holding it, runs the jobs that are due
    /// (renewing before each, so a slow job does not let the lease run out behind it). Whether
    /// this scheduler holds the lease afterwards. A failing job is logged and retried when next
    /// due; the others run regardless.
    pub async fn tick(&mut self) -> Result<bool, Error> {
        if !self.take().await? {
            return Ok(false);
        }
        for i in 0..self.jobs.len() {
            let now = self.app.clock.now();
            let (job, last) = &self.jobs[i];
            if last.is_some_and(|last| now - last < job.every) {
                continue;
            }
            if i > 0 && !self.take().await? {
                return Ok(false);
            }
            let (job, last) = &mut self.jobs[i];
            if let Err(e) = (job.run)(&self.app).await {
                tracing::error!(job = job.name, error = %e, "a scheduled job failed");
            }
            *last = Some(now);
        }
        Ok(true)
    }

    /// Runs [`Scheduler::tick`] every third of the lease in a task of its own, until stopped.
    pub fn spawn(mut self) -> SchedulerHandle {
        let (stop, mut stopped) = watch::channel(false);
        let every = Duration::try_from(self.lease / 3).unwrap_or(Duration::from_secs(1));
        let task = tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tokio::select! {
                    _ = stopped.changed() => break,
                    _ = tick.tick() => {}
                    // Mail queued here: the sending job (due every round) runs now, not at the next tick.
                    _ = self.app.mailer.woken() => {}
                }
                if let Err(e) = self.tick().await {
                    // Without the database there is no lease either: run nothing until it answers.
                    self.holding = false;
                    tracing::error!(error = %e, "cannot take or renew the scheduler's lease");
                }
            }
            if self.holding {
                if let Err(e) = lease::release(&self.app.db, LEASE, &self.holder).await {
                    tracing::warn!(error = %e, "cannot give the scheduler's lease up");
                }
            }
        });
        SchedulerHandle { stop, task }
    }
}

/// A running scheduler.
pub struct SchedulerHandle {
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl SchedulerHandle {
    /// Stops after the round in progress and gives the lease up, so another replica can take it
    /// at once rather than when it runs out.
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        if let Err(e) = self.task.await {
            tracing::error!(error = %e, "the scheduler task failed");
        }
    }
}
