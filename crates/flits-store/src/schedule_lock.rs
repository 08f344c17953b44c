//! One schedule decision at a time.
//!
//! Checking a new schedule against the calendar and writing it must not interleave with another
//! such check, or two overlapping polls could both pass. Inside a process an async mutex orders
//! them; across processes on PostgreSQL a transaction-scoped advisory lock does (released when the
//! lock's transaction ends, also if the process dies). SQLite deployments are served by one process.

use std::sync::Arc;

use sea_orm::{ConnectionTrait, DatabaseTransaction, TransactionTrait};
use tokio::sync::{Mutex, OwnedMutexGuard};

use crate::{Backend, Store, StoreError};

/// The advisory lock key of scheduling ("flits" in ASCII, as a number).
const ADVISORY_KEY: i64 = 0x0066_6c69_7473;

/// Held while a schedule is checked and written; [`ScheduleLock::release`] ends it.
pub struct ScheduleLock {
    _local: OwnedMutexGuard<()>,
    advisory: Option<DatabaseTransaction>,
}

impl ScheduleLock {
    /// Releases the lock (dropping it does too; this reports a failure to release).
    pub async fn release(mut self) -> Result<(), StoreError> {
        if let Some(txn) = self.advisory.take() {
            txn.commit().await?;
        }
        Ok(())
    }
}

/// The in-process part of the lock, shared by clones of a store.
pub(crate) fn new_local_lock() -> Arc<Mutex<()>> {
    Arc::new(Mutex::new(()))
}

impl Store {
    /// Waits until no other schedule decision is being made, in this process or (PostgreSQL) any.
    pub async fn lock_scheduling(&self) -> Result<ScheduleLock, StoreError> {
        let local = self.schedule_lock.clone().lock_owned().await;
        let advisory = match self.backend() {
            Backend::Postgres => {
                let txn = self.db.begin().await?;
                txn.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({ADVISORY_KEY})"))
                    .await?;
                Some(txn)
            }
            Backend::Sqlite => None,
        };
        Ok(ScheduleLock {
            _local: local,
            advisory,
        })
    }
}
