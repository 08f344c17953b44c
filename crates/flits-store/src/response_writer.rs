//! Group commit of residents' responses on SQLite: one writer task, one connection.
//!
//! SQLite takes one writer at a time. Many request handlers each running their own transaction
//! queue on the database lock and pay a commit each; here they hand their row to a single writer
//! task instead. The writer takes whatever is queued at that moment (it never waits to fill a
//! batch), stores it in one transaction — each row with `ON CONFLICT DO NOTHING` on the unique
//! `(poll_id, submission_id)` index, so a duplicate is still detected exactly, row by row — commits,
//! and only then answers each handler of the batch. A reply therefore never goes out before its row
//! is durable (WAL with `synchronous=NORMAL`: it survives a crash of the process).
//!
//! PostgreSQL takes concurrent writers well: it keeps the normal pool path
//! ([`Store::insert_response`]) and gets no writer.

use std::collections::HashSet;
use std::time::Duration;

use sqlx::pool::PoolConnection;
use sqlx::{Connection, Row, Sqlite};
use tokio::sync::{mpsc, oneshot};

use crate::{Backend, NewResponse, Store, StoreError};

/// The most rows one transaction takes; more queued rows go into the next one at once.
const MAX_BATCH: usize = 1024;
/// How many rows may wait for the writer before handlers wait to hand theirs over.
const QUEUE: usize = 8192;
/// How often the WAL is checkpointed.
const CHECKPOINT_EVERY: Duration = Duration::from_secs(1);

/// The most rows one INSERT statement carries (7 parameters each, well under SQLite's limit).
const MAX_STATEMENT_ROWS: usize = 256;

struct Job {
    row: NewResponse,
    reply: oneshot::Sender<Result<bool, StoreError>>,
}

/// A handle to the writer task; cheap to clone. The task ends when every handle is dropped.
#[derive(Debug, Clone)]
pub struct ResponseWriter {
    tx: mpsc::Sender<Job>,
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Job")
    }
}

fn writer_gone() -> StoreError {
    StoreError::Sqlx(sqlx::Error::Io(std::io::Error::other(
        "the response writer has stopped",
    )))
}

impl ResponseWriter {
    /// Starts the writer task on the current Tokio runtime for a SQLite store; `None` for
    /// PostgreSQL (and an in-memory SQLite with its single connection), which keep the pool path.
    pub fn start(store: &Store) -> Option<ResponseWriter> {
        if store.backend() != Backend::Sqlite {
            return None;
        }
        let pool = store.db.get_sqlite_connection_pool().clone();
        if pool.options().get_max_connections() < 2 {
            // An in-memory database has one connection: the writer would take it from everyone.
            return None;
        }
        let (tx, rx) = mpsc::channel(QUEUE);
        tokio::spawn(checkpoints(pool.clone(), tx.downgrade()));
        tokio::spawn(run(pool, rx));
        Some(ResponseWriter { tx })
    }

    /// Stores a response; `Ok(false)` when this submission id was already stored for the poll.
    /// Returns only after the transaction holding the row has committed.
    pub async fn insert(&self, row: NewResponse) -> Result<bool, StoreError> {
        let (reply, answer) = oneshot::channel();
        self.tx
            .send(Job { row, reply })
            .await
            .map_err(|_| writer_gone())?;
        answer.await.map_err(|_| writer_gone())?
    }
}

/// Moves the WAL into the database file once a second, outside the commit path (the writer's
/// own connection does not checkpoint: a checkpoint inside a commit is a latency spike). Ends
/// with the writer.
async fn checkpoints(pool: sqlx::SqlitePool, writer: mpsc::WeakSender<Job>) {
    let mut tick = tokio::time::interval(CHECKPOINT_EVERY);
    tick.tick().await;
    loop {
        tick.tick().await;
        if writer.upgrade().is_none() {
            return;
        }
        if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
            .execute(&pool)
            .await
        {
            tracing::warn!(error = %e, "WAL checkpoint failed");
        }
    }
}

async fn run(pool: sqlx::SqlitePool, mut rx: mpsc::Receiver<Job>) {
    let mut conn: Option<PoolConnection<Sqlite>> = None;
    let mut batch: Vec<Job> = Vec::with_capacity(MAX_BATCH);
    while rx.recv_many(&mut batch, MAX_BATCH).await > 0 {
        if conn.is_none() {
            match pool.acquire().await {
                Ok(mut c) => {
                    // Checkpoints happen in `checkpoints`, not when this connection commits.
                    if let Err(e) = sqlx::query("PRAGMA wal_autocheckpoint=0")
                        .execute(&mut *c)
                        .await
                    {
                        tracing::warn!(error = %e, "cannot move WAL checkpoints off the commit path");
                    }
                    conn = Some(c);
                }
                Err(e) => {
                    tracing::error!(error = %e, "response writer cannot get a connection");
                    fail_all(&mut batch, &e.to_string());
                    // Do not spin when the database is gone; the next batch tries again.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            }
        }
        let Some(c) = conn.as_mut() else { continue };
        match commit(c, &batch).await {
            Ok(inserted) => {
                for (job, ok) in batch.drain(..).zip(inserted) {
                    // A handler that gave up (client went away) simply does not hear back.
                    let _ = job.reply.send(Ok(ok));
                }
            }
            Err(e) => {
                tracing::error!(error = %e, rows = batch.len(), "group commit failed");
                fail_all(&mut batch, &e.to_string());
                // The connection may be broken: take a fresh one for the next batch.
                if let Some(mut c) = conn.take() {
                    c.close_on_drop();
                }
            }
        }
    }
}

fn fail_all(batch: &mut Vec<Job>, message: &str) {
    for job in batch.drain(..) {
        let _ = job.reply.send(Err(StoreError::Sqlx(sqlx::Error::Io(
            std::io::Error::other(format!("group commit failed: {message}")),
        ))));
    }
}

/// The multi-row insert for `n` rows: only the rows that are new come back.
fn insert_sql(n: usize) -> String {
    let mut sql = String::from(
        "INSERT INTO responses (id, poll_id, submission_id, channel, lang, answers, submitted_on) VALUES ",
    );
    for i in 0..n {
        if i > 0 {
            sql.push(',');
        }
        sql.push_str("(?, ?, ?, ?, ?, ?, ?)");
    }
    sql.push_str(
        " ON CONFLICT (poll_id, submission_id) DO NOTHING RETURNING poll_id, submission_id",
    );
    sql
}

/// Splits `n` into powers of two (largest first, at most `MAX_STATEMENT_ROWS`), so a handful of
/// prepared statements serve every batch size.
fn chunk_sizes(mut n: usize) -> Vec<usize> {
    let mut sizes = Vec::new();
    while n > 0 {
        let size = if n >= MAX_STATEMENT_ROWS {
            MAX_STATEMENT_ROWS
        } else {
            1 << (usize::BITS - 1 - n.leading_zeros())
        };
        sizes.push(size);
        n -= size;
    }
    sizes
}

/// One transaction for the whole batch; per row whether it was new. Each row is inserted with
/// `ON CONFLICT DO NOTHING` on the unique index, several rows per statement; a submission id that
/// occurs twice in one batch is inserted once and the later occurrence is a duplicate.
async fn commit(
    conn: &mut PoolConnection<Sqlite>,
    batch: &[Job],
) -> Result<Vec<bool>, sqlx::Error> {
    let mut first: HashSet<(uuid::Uuid, &str)> = HashSet::with_capacity(batch.len());
    let unique: Vec<usize> = (0..batch.len())
        .filter(|&i| first.insert((batch[i].row.poll_id, batch[i].row.submission_id.as_str())))
        .collect();
    let mut new_rows: HashSet<(uuid::Uuid, String)> = HashSet::with_capacity(unique.len());
    let mut tx = conn.begin().await?;
    let mut at = 0;
    for size in chunk_sizes(unique.len()) {
        let sql = insert_sql(size);
        let mut query = sqlx::query(&sql);
        for &i in &unique[at..at + size] {
            let r = &batch[i].row;
            query = query
                .bind(uuid::Uuid::new_v4())
                .bind(r.poll_id)
                .bind(r.submission_id.as_str())
                .bind(r.channel.as_ref().map(|c| c.as_str()))
                .bind(r.lang.as_str())
                .bind(r.answers.to_string())
                .bind(r.submitted_on);
        }
        for row in query.fetch_all(&mut *tx).await? {
            new_rows.insert((row.try_get(0)?, row.try_get(1)?));
        }
        at += size;
    }
    tx.commit().await?;
    let mut inserted = vec![false; batch.len()];
    for i in unique {
        let r = &batch[i].row;
        inserted[i] = new_rows.contains(&(r.poll_id, r.submission_id.as_str().to_owned()));
    }
    Ok(inserted)
}

impl Store {
    /// Whether a response with this submission id is stored for the poll.
    pub async fn response_exists(
        &self,
        poll_id: uuid::Uuid,
        submission_id: &flits_types::SubmissionId,
    ) -> Result<bool, StoreError> {
        use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
        Ok(crate::entity::response::Entity::find()
            .filter(crate::entity::response::Column::PollId.eq(poll_id))
            .filter(crate::entity::response::Column::SubmissionId.eq(submission_id.as_str()))
            .count(&self.db)
            .await?
            > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn store_with_poll() -> (tempfile_dir::Dir, Store, uuid::Uuid) {
        let dir = tempfile_dir::Dir::new();
        let store = Store::connect(&format!("sqlite:{}", dir.path.join("t.db").display()))
            .await
            .unwrap();
        store.migrate().await.unwrap();
        store.upsert_region("r", "R").await.unwrap();
        store.upsert_organisation("o", "r", "O").await.unwrap();
        let def: flits_survey::PollDefinition = serde_json::from_value(serde_json::json!({
            "slug": "writer-test", "title": "Test",
            "questions": [{"id": "q1", "kind": "open_text", "text": "Iets?"}]
        }))
        .unwrap();
        let poll = store
            .insert_poll(crate::NewPoll {
                organisation_id: "o".into(),
                state: flits_survey::PollState::Open,
                definition: def,
                opens_at: None,
                closes_at: None,
                channels: Vec::new(),
            })
            .await
            .unwrap();
        (dir, store, poll.id)
    }

    mod tempfile_dir {
        /// A directory under the system temp dir, removed on drop (no extra dependency).
        pub struct Dir {
            pub path: std::path::PathBuf,
        }
        impl Dir {
            pub fn new() -> Dir {
                let path =
                    std::env::temp_dir().join(format!("flits-writer-{}", uuid::Uuid::new_v4()));
                std::fs::create_dir_all(&path).unwrap();
                Dir { path }
            }
        }
        impl Drop for Dir {
            fn drop(&mut self) {
                let _ = std::fs::remove_dir_all(&self.path);
            }
        }
    }

    fn row(poll_id: uuid::Uuid, sid: &str) -> NewResponse {
        NewResponse {
            poll_id,
            submission_id: flits_types::SubmissionId::parse(sid).unwrap(),
            channel: Some(flits_types::ChannelId::parse("poster").unwrap()),
            lang: "nl".into(),
            answers: serde_json::json!({"q1": "ja"}),
            submitted_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
        }
    }

    /// Responses `0..n` of `poll_id` (open answer `"0"`, `"1"`…), inserted in one statement.
    async fn fill(store: &Store, poll_id: uuid::Uuid, n: usize, prefix: &str) {
        use sea_orm::{ConnectionTrait, DbBackend, Statement};
        store
            .db
            .execute(Statement::from_sql_and_values(
                DbBackend::Sqlite,
                "WITH RECURSIVE c(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM c WHERE x + 1 < ?) \
                 INSERT INTO responses (id, poll_id, submission_id, channel, lang, answers, submitted_on) \
                 SELECT randomblob(16), ?, ? || x, NULL, 'nl', json_object('q1', '' || x), '2026-11-28' FROM c",
                [(n as i64).into(), poll_id.into(), prefix.into()],
            ))
            .await
            .unwrap();
    }

    /// The open answers of a poll's responses as `scan_responses` reads them, sorted.
    async fn scanned(store: &Store, poll_id: uuid::Uuid) -> Vec<usize> {
        use futures_util::TryStreamExt;
        let mut answers: Vec<usize> = store
            .scan_responses(poll_id)
            .await
            .unwrap()
            .map_ok(|r| {
                let v: serde_json::Value = serde_json::from_str(&r.answers).unwrap();
                v["q1"].as_str().unwrap().parse::<usize>().unwrap()
            })
            .try_collect()
            .await
            .unwrap();
        answers.sort_unstable();
        answers
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_scan_reads_every_row_of_its_poll_once_by_table_or_by_index() {
        let (_dir, store, big) = store_with_poll().await;
        let def: flits_survey::PollDefinition = serde_json::from_value(serde_json::json!({
            "slug": "writer-test-2", "title": "Test",
            "questions": [{"id": "q1", "kind": "open_text", "text": "Iets?"}]
        }))
        .unwrap();
        let small = store
            .insert_poll(crate::NewPoll {
                organisation_id: "o".into(),
                state: flits_survey::PollState::Open,
                definition: def,
                opens_at: None,
                closes_at: None,
                channels: Vec::new(),
            })
            .await
            .unwrap()
            .id;
        // Both past a page, the small poll's rows among the big one's in the table, and under
        // an eighth of all rows.
        let many = crate::SQLITE_PAGE as usize * 8;
        let few = crate::SQLITE_PAGE as usize + 3;
        fill(&store, big, many, "b").await;
        fill(&store, small, few, "s").await;
        assert!(store.sqlite_table_scan_pays(big).await.unwrap());
        assert!(!store.sqlite_table_scan_pays(small).await.unwrap());
        assert_eq!(scanned(&store, big).await, (0..many).collect::<Vec<_>>());
        assert_eq!(scanned(&store, small).await, (0..few).collect::<Vec<_>>());
        // A poll without responses reads none, either way.
        assert!(
            !store
                .sqlite_table_scan_pays(uuid::Uuid::new_v4())
                .await
                .unwrap()
        );
    }

    #[test]
    fn batches_split_into_few_statement_sizes() {
        assert_eq!(chunk_sizes(0), Vec::<usize>::new());
        assert_eq!(chunk_sizes(1), vec![1]);
        assert_eq!(chunk_sizes(7), vec![4, 2, 1]);
        assert_eq!(chunk_sizes(600), vec![256, 256, 64, 16, 8]);
        assert_eq!(chunk_sizes(600).iter().sum::<usize>(), 600);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn batches_store_each_row_once_and_see_duplicates() {
        let (_dir, store, poll_id) = store_with_poll().await;
        let writer = ResponseWriter::start(&store).unwrap();
        let mut handles = Vec::new();
        for i in 0..200 {
            let w = writer.clone();
            // Every id twice, concurrently: exactly one of each pair is new.
            let sid = format!("s{}", i / 2);
            handles.push(tokio::spawn(
                async move { w.insert(row(poll_id, &sid)).await },
            ));
        }
        let mut new = 0;
        for h in handles {
            if h.await.unwrap().unwrap() {
                new += 1;
            }
        }
        assert_eq!(new, 100);
        // Rows written by the writer are read back through the sea-orm layer.
        assert_eq!(store.count_responses(poll_id).await.unwrap(), 100);
        let sid = |s: &str| flits_types::SubmissionId::parse(s).unwrap();
        assert!(store.response_exists(poll_id, &sid("s7")).await.unwrap());
        assert!(!store.response_exists(poll_id, &sid("s700")).await.unwrap());
        // The pool path sees the writer's rows as duplicates too.
        assert!(!store.insert_response(row(poll_id, "s3")).await.unwrap());
    }
}
