//! Keeping the order of the responses from saying when each came in.
//!
//! A response carries the date it came in and nothing finer (docs/privacy-data.md). The order rows
//! sit in must not give the time back. On SQLite the table is keyed on each row's random id
//! (`WITHOUT ROWID`, migration 10), so it keeps no insert order at all. PostgreSQL appends new
//! rows to the table's pages in the order they come and stamps each with the number of the
//! transaction that wrote it (`xmin`). [`Store::shuffle_responses`] writes a day's rows once more,
//! in the order of their random ids and in one transaction: afterwards they lie in random order
//! and carry one and the same transaction number, so all that is left of their time is their
//! date. The runner calls it every few minutes for the days that still take responses.

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DbBackend, Statement, TransactionTrait};

use crate::{Backend, Store, StoreError};

const COLUMNS: &str = "id, poll_id, submission_id, channel, lang, answers, submitted_on";

impl Store {
    /// Writes the responses submitted on `since` or later again, on PostgreSQL, in the order of
    /// their random ids, all in one transaction; returns how many. Readers see every response
    /// throughout (the old rows until the commit, the new ones after), and a submit that comes in
    /// meanwhile is stored, or found a duplicate, as always. SQLite keeps no insert order
    /// (migration 10), so there this does nothing and returns 0.
    pub async fn shuffle_responses(&self, since: NaiveDate) -> Result<u64, StoreError> {
        if self.backend() != Backend::Postgres {
            return Ok(0);
        }
        let txn = self.db.begin().await?;
        txn.execute_unprepared(
            "CREATE TEMPORARY TABLE flits_responses_moving (LIKE responses) ON COMMIT DROP",
        )
        .await?;
        // Two statements, not one: within one statement PostgreSQL still counts the rows it is
        // deleting against the primary key the reinserted rows need.
        let moved = txn
            .execute(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "WITH moved AS (DELETE FROM responses WHERE submitted_on >= $1 RETURNING *) \
                 INSERT INTO flits_responses_moving SELECT * FROM moved",
                [since.into()],
            ))
            .await?
            .rows_affected();
        txn.execute_unprepared(&format!(
            "INSERT INTO responses ({COLUMNS}) \
             SELECT {COLUMNS} FROM flits_responses_moving ORDER BY id"
        ))
        .await?;
        txn.commit().await?;
        Ok(moved)
    }
}
