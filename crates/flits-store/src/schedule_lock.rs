//! One schedule decision at a time, also across processes. A reminder post is such a decision
//! too: it takes a place in its channel's weekly limit.
//!
//! Checking a new schedule against the calendar and writing it must not interleave with another
//! such check, or two overlapping polls could both pass. A [`ScheduleLock`] is a transaction that
//! holds the database's write lock from the calendar read to the schedule write:
//!
//! * SQLite: the transaction is `BEGIN IMMEDIATE`, which takes the database's single write lock at
//!   once, so a `flits poll schedule` run beside `flits serve` on the same file waits for it (up to
//!   the busy timeout) instead of reading a calendar that is about to change;
//! * PostgreSQL: a transaction-scoped advisory lock, released when the transaction ends, also if
//!   the process dies.
//!
//! Inside a process an async mutex orders schedule decisions first, so they queue without polling
//! the database's lock.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseTransaction};
use tokio::sync::{Mutex, OwnedMutexGuard};

use crate::calendar::{
    CalendarPoll, ScheduleWrite, calendar_polls_on, write_cancel_on, write_schedule_on,
};
use crate::outbox::{enqueue_reminder_on, reminder_times_on};
use crate::{Backend, NewAudit, Store, StoreError};
use uuid::Uuid;

/// The advisory lock key of scheduling ("flits" in ASCII, as a number).
const ADVISORY_KEY: i64 = 0x0066_6c69_7473;

/// Held while a schedule is checked and written: read the calendar with
/// [`ScheduleLock::calendar_polls`], then end it with [`ScheduleLock::write_schedule`] or
/// [`ScheduleLock::release`]. Dropping it rolls back and releases too.
pub struct ScheduleLock {
    _local: OwnedMutexGuard<()>,
    txn: DatabaseTransaction,
}

impl ScheduleLock {
    /// The polls on the calendar that close at or after `since` (see
    /// [`crate::CalendarPoll`]), read under the lock.
    pub async fn calendar_polls(
        &self,
        since: DateTime<Utc>,
    ) -> Result<Vec<CalendarPoll>, StoreError> {
        calendar_polls_on(&self.txn, since).await
    }

    /// Writes the schedule (state `scheduled`, times, audiences, channels, audit rows) and commits,
    /// which releases the lock. `Ok(false)` when the poll is no longer a draft or scheduled (the
    /// runner opened it in the meantime); then nothing is written.
    pub async fn write_schedule(self, write: ScheduleWrite) -> Result<bool, StoreError> {
        if write_schedule_on(&self.txn, write, Utc::now()).await? {
            self.txn.commit().await?;
            Ok(true)
        } else {
            self.txn.rollback().await?;
            Ok(false)
        }
    }

    /// Cancels a scheduled poll (back to draft, its slot freed) with its audit row and commits,
    /// which releases the lock. `Ok(false)` when the poll is no longer scheduled; then nothing is
    /// written.
    pub async fn write_cancel(
        self,
        poll_id: Uuid,
        audit: NewAudit,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        if write_cancel_on(&self.txn, poll_id, audit, now).await? {
            self.txn.commit().await?;
            Ok(true)
        } else {
            self.txn.rollback().await?;
            Ok(false)
        }
    }

    /// When reminders were posted (or queued) on each of `channel_ids` since `since`, read under
    /// the lock: they count towards the channels' weekly limit.
    pub async fn reminder_times(
        &self,
        channel_ids: &[String],
        since: DateTime<Utc>,
    ) -> Result<Vec<(String, DateTime<Utc>)>, StoreError> {
        reminder_times_on(&self.txn, channel_ids, since).await
    }

    /// Puts a reminder of the poll on `channel_id` in the outbox with its audit row and commits,
    /// which releases the lock. `Ok(false)` when the poll already has a reminder on the channel;
    /// then nothing is written.
    pub async fn write_reminder(
        self,
        poll_id: Uuid,
        channel_id: &str,
        audit: NewAudit,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        if enqueue_reminder_on(&self.txn, poll_id, channel_id, audit, now).await? {
            self.txn.commit().await?;
            Ok(true)
        } else {
            self.txn.rollback().await?;
            Ok(false)
        }
    }

    /// Releases the lock without writing anything.
    pub async fn release(self) -> Result<(), StoreError> {
        Ok(self.txn.rollback().await?)
    }
}

/// The in-process part of the lock, shared by clones of a store.
pub(crate) fn new_local_lock() -> Arc<Mutex<()>> {
    Arc::new(Mutex::new(()))
}

impl Store {
    /// Waits until no other schedule decision is being made, in this process or any other on the
    /// same database, and holds the database's write lock until the returned lock ends.
    pub async fn lock_scheduling(&self) -> Result<ScheduleLock, StoreError> {
        let local = self.schedule_lock.clone().lock_owned().await;
        let txn = self.begin_write().await?;
        if self.backend() == Backend::Postgres {
            txn.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({ADVISORY_KEY})"))
                .await?;
        }
        Ok(ScheduleLock { _local: local, txn })
    }
}
