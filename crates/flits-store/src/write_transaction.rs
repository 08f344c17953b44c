//! Transactions that write take SQLite's write lock when they begin.
//!
//! sea-orm begins every transaction with SQLite's plain, deferred `BEGIN`, which takes the write
//! lock only at the first write. In WAL mode a transaction that has read and then writes, after
//! another connection committed in between, fails at once with `SQLITE_BUSY` ("database is
//! locked"): its snapshot is stale, and the busy timeout does not apply to that case. With the job
//! runner writing beside a staff request or a CLI command, that happens under load. `BEGIN
//! IMMEDIATE` takes the lock first, waiting up to the busy timeout, so the transaction reads what
//! it then writes over. PostgreSQL needs nothing of this: its transactions begin as they are.

use sea_orm::{ConnectionTrait, DatabaseTransaction, TransactionTrait};

use crate::{Backend, Store, StoreError};

impl Store {
    /// Begins a transaction that will write; on SQLite it holds the write lock from the start.
    pub(crate) async fn begin_write(&self) -> Result<DatabaseTransaction, StoreError> {
        let txn = self.db.begin().await?;
        if self.backend() == Backend::Sqlite {
            // End sea-orm's empty deferred transaction and begin an immediate one on the same
            // connection; the transaction object commits or rolls back whichever is open.
            txn.execute_unprepared("COMMIT").await?;
            if let Err(e) = txn.execute_unprepared("BEGIN IMMEDIATE").await {
                // Leave the connection in a transaction again, as the object expects, so that
                // dropping it ends cleanly.
                let _ = txn.execute_unprepared("BEGIN").await;
                return Err(e.into());
            }
        }
        Ok(txn)
    }
}
