//! The job runner: it opens scheduled polls at their opening time and closes open polls at their
//! closing time, catching up after downtime, with each job done exactly once.
//!
//! # How it works
//!
//! [`run`] wakes up once at start (so it catches up with whatever fell due while nothing was
//! running) and then every tick, and calls [`run_due_jobs`], which:
//!
//! 1. opens every scheduled poll whose `opens_at` has come. Opening puts one `announce` post per
//!    channel of the poll in the outbox (`channel_posts`, status `pending`), which the bridge posts.
//!    A poll whose closing time has *also* passed (the runner was down for its whole open period)
//!    is opened without announcements and closed in the same step: nobody should be invited to a
//!    poll that is already over, but its history stays complete (an `open` and a `close` record);
//! 2. closes every open poll whose `closes_at` has come, and records a `pending`
//!    `publication_reminder` job for the component that reminds staff to publish the results.
//!
//! After the jobs, each tick sends the outbox of channel posts ([`delivery`]) and the results
//! e-mails of published polls ([`feedback`]), and every few minutes has the day's responses
//! written again in random order ([`shuffle`]).
//!
//! # Exactly once, across instances and crashes
//!
//! Each job is one database transaction that starts by claiming the poll with a conditional
//! update (`… WHERE id = ? AND state = 'scheduled' AND opens_at <= now`); only the instance whose
//! update changed the row does the rest, and it records the job in `job_runs`, whose unique
//! `(poll_id, kind)` index rules out a second run. Several `flits serve --only runner`
//! processes on one PostgreSQL may therefore run side by side; on SQLite writers are serialised
//! by the database itself. A process killed in the middle of a job leaves an uncommitted
//! transaction that the database rolls back, and the next tick of any instance does the job. See
//! `flits_store`'s jobs module for the queries.
//!
//! All times are UTC.

mod backoff;
pub mod compose;
pub mod delivery;
pub mod feedback;
pub mod retention;
pub mod shuffle;

use std::future::Future;
use std::time::Duration;

use chrono::{DateTime, Utc};
use flits_store::{DuePoll, Store, StoreError};

/// How the runner loop behaves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunnerConfig {
    /// Time between two looks for due jobs (at least one second).
    pub tick: Duration,
    /// How many due polls one query fetches; the step keeps fetching until none are left.
    pub batch: u64,
    /// When published polls' responses are deleted (`[retention]`); `None` keeps them.
    pub retention: Option<retention::Retention>,
}

/// How many due polls one query fetches.
const BATCH: u64 = 100;

impl RunnerConfig {
    /// The configuration for a tick of `tick_seconds` (0 counts as 1); the tick's default is the
    /// `[scheduler] tick_seconds` of `config/default.toml`.
    pub fn every(tick_seconds: u64) -> RunnerConfig {
        RunnerConfig {
            tick: Duration::from_secs(tick_seconds.max(1)),
            batch: BATCH,
            retention: None,
        }
    }

    /// The same, deleting published polls' responses as `retention` says.
    pub fn with_retention(self, retention: retention::Retention) -> RunnerConfig {
        RunnerConfig {
            retention: Some(retention),
            ..self
        }
    }
}

/// Why a step could not run at all. A failure of one job does not stop the others; it is in
/// [`JobReport::failed`] and is retried at the next tick.
#[derive(Debug, thiserror::Error)]
pub enum RunnerError {
    #[error("cannot look for due jobs: {0}")]
    Store(#[from] StoreError),
}

/// What one step did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JobReport {
    /// Slugs of the polls this step opened.
    pub opened: Vec<String>,
    /// Slugs of the polls this step closed.
    pub closed: Vec<String>,
    /// Channel announcements put in the outbox.
    pub announcements: u64,
    /// Due jobs another instance did first (or that were no longer due when claimed).
    pub skipped: usize,
    /// Jobs that failed, with the poll's slug; they are retried at the next tick.
    pub failed: Vec<(String, String)>,
}

impl JobReport {
    /// Whether the step found nothing to do.
    pub fn is_empty(&self) -> bool {
        self.opened.is_empty()
            && self.closed.is_empty()
            && self.skipped == 0
            && self.failed.is_empty()
    }
}

/// A name for this process in the job records (no host names or addresses: just the process id).
fn runner_name() -> String {
    format!("pid-{}", std::process::id())
}

/// Most batches one step fetches per kind of job, so that a job that keeps failing can never make
/// a step loop for ever (with [`BATCH`] that is a million polls per step).
const MAX_BATCHES: usize = 10_000;

/// One step: opens and closes everything due at `now`. Callable from tests with any `now`.
pub async fn run_due_jobs(store: &Store, now: DateTime<Utc>) -> Result<JobReport, RunnerError> {
    run_due_jobs_with(store, now, BATCH, &runner_name()).await
}

async fn run_due_jobs_with(
    store: &Store,
    now: DateTime<Utc>,
    batch: u64,
    runner: &str,
) -> Result<JobReport, RunnerError> {
    let batch = batch.max(1);
    let mut report = JobReport::default();
    for _ in 0..MAX_BATCHES {
        let due = store.due_openings(now, batch).await?;
        let progress = open_batch(store, now, runner, &due, &mut report).await;
        if (due.len() as u64) < batch || !progress {
            break;
        }
    }
    for _ in 0..MAX_BATCHES {
        let due = store.due_closings(now, batch).await?;
        let progress = close_batch(store, now, runner, &due, &mut report).await;
        if (due.len() as u64) < batch || !progress {
            break;
        }
    }
    Ok(report)
}

/// Opens the polls of one batch; whether any of them is no longer due (done here or elsewhere).
async fn open_batch(
    store: &Store,
    now: DateTime<Utc>,
    runner: &str,
    due: &[DuePoll],
    report: &mut JobReport,
) -> bool {
    let mut progress = false;
    for poll in due {
        match store.open_due_poll(poll.id, now, runner).await {
            Ok(Some(opened)) => {
                progress = true;
                report.announcements += opened.announcements;
                report.opened.push(poll.slug.clone());
                tracing::info!(
                    poll = %poll.slug,
                    announcements = opened.announcements,
                    already_over = opened.already_over,
                    "poll opened"
                );
            }
            Ok(None) => {
                progress = true;
                report.skipped += 1;
            }
            Err(e) => {
                tracing::warn!(poll = %poll.slug, error = %e, "opening the poll failed; retrying at the next tick");
                report.failed.push((poll.slug.clone(), e.to_string()));
            }
        }
    }
    progress
}

/// Closes the polls of one batch; whether any of them is no longer due.
async fn close_batch(
    store: &Store,
    now: DateTime<Utc>,
    runner: &str,
    due: &[DuePoll],
    report: &mut JobReport,
) -> bool {
    let mut progress = false;
    for poll in due {
        match store.close_due_poll(poll.id, now, runner).await {
            Ok(true) => {
                progress = true;
                report.closed.push(poll.slug.clone());
                tracing::info!(poll = %poll.slug, "poll closed");
            }
            Ok(false) => {
                progress = true;
                report.skipped += 1;
            }
            Err(e) => {
                tracing::warn!(poll = %poll.slug, error = %e, "closing the poll failed; retrying at the next tick");
                report.failed.push((poll.slug.clone(), e.to_string()));
            }
        }
    }
    progress
}

/// The runner loop: a step at once (catching up after downtime), then one every tick, until
/// `shutdown` completes. A step that has started is finished before the loop stops, and a step
/// that fails is logged and tried again at the next tick.
pub async fn run(
    store: Store,
    config: RunnerConfig,
    outbox: delivery::Outbox,
    feedback: feedback::FeedbackMail,
    shutdown: impl Future<Output = ()>,
) {
    let runner = runner_name();
    let tick = config.tick.max(Duration::from_secs(1));
    let mut interval = tokio::time::interval(tick);
    interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut shuffle = shuffle::Shuffle::default();
    tokio::pin!(shutdown);
    tracing::info!(tick_seconds = tick.as_secs(), %runner, "job runner started");
    loop {
        tokio::select! {
            _ = &mut shutdown => break,
            _ = interval.tick() => {}
        }
        match run_due_jobs_with(&store, Utc::now(), config.batch, &runner).await {
            Ok(report) if !report.is_empty() => tracing::info!(
                opened = report.opened.len(),
                closed = report.closed.len(),
                announcements = report.announcements,
                skipped = report.skipped,
                failed = report.failed.len(),
                "job runner step"
            ),
            Ok(_) => {}
            Err(e) => {
                tracing::warn!(error = %e, "job runner step failed; retrying at the next tick")
            }
        }
        // Then the posts the openings put in the outbox (and any that are due again).
        match outbox.deliver_due(&store, Utc::now()).await {
            Ok(report) if report != delivery::DeliveryReport::default() => tracing::info!(
                posted = report.posted,
                retrying = report.retrying,
                failed = report.failed,
                "channel posts"
            ),
            Ok(_) => {}
            Err(e) => {
                tracing::warn!(error = %e, "sending the outbox failed; retrying at the next tick")
            }
        }
        // And the counts of the native polls those posts carried.
        if let Err(e) = outbox.refresh_native_counts(&store, Utc::now()).await {
            tracing::warn!(error = %e, "pulling native poll counts failed; retrying at the next tick")
        }
        // And the results e-mails of published polls (the step logs what it did).
        if let Err(e) = feedback.step(&store, Utc::now()).await {
            tracing::warn!(error = %e, "sending the results e-mails failed; retrying at the next tick")
        }
        // And the responses whose retention period ended.
        if let Some(retention) = &config.retention {
            match retention.step(&store, Utc::now()).await {
                Ok(report) => {
                    for (poll, responses) in &report.deleted {
                        tracing::info!(%poll, responses, "responses deleted (data retention)");
                    }
                    for (poll, error) in &report.failed {
                        tracing::warn!(%poll, %error, "deleting responses failed; retrying at the next tick");
                    }
                }
                Err(e) => {
                    tracing::warn!(error = %e, "data retention step failed; retrying at the next tick")
                }
            }
        }
        // And, every few minutes, the day's responses in an order that says nothing.
        if let Err(e) = shuffle.step(&store, Utc::now()).await {
            tracing::warn!(error = %e, "shuffling the responses failed; retrying at the next tick")
        }
    }
    tracing::info!("job runner stopped");
}
