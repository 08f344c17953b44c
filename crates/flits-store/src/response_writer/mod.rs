//! Group commit of residents' responses: request handlers hand their row to a writer task and
//! wait for its answer, instead of each running a transaction of its own.
//!
//! A writer takes whatever is queued at that moment (it never waits to fill a batch), stores it
//! with one `INSERT … ON CONFLICT DO NOTHING` on the table's key, whose id derives from the poll
//! and the submission id (`responses::response_id`), so a duplicate is still detected exactly,
//! row by row, and only after the commit answers each handler of the batch. A reply therefore
//! never goes out before its row is durable.
//!
//! - SQLite ([`sqlite`]) takes one writer at a time: one writer task on one connection. Handlers
//!   each running their own transaction would queue on the database lock and pay a commit each.
//! - PostgreSQL ([`postgres`]) takes concurrent writers, but pays a commit (a WAL flush) and a
//!   round trip per transaction: a few writer tasks share the queue, so one batch commits while
//!   the next one forms. A row costs far less than a single-row transaction.

mod database_file;
mod postgres;
mod sqlite;

use std::collections::HashSet;

use tokio::sync::{mpsc, oneshot};

use crate::{Backend, NewResponse, Store, StoreError};

/// The most rows one batch takes; more queued rows go into the next one at once.
const MAX_BATCH: usize = 1024;
/// How many rows may wait for a writer before handlers wait to hand theirs over.
const QUEUE: usize = 8192;

struct Job {
    row: NewResponse,
    reply: oneshot::Sender<Result<bool, StoreError>>,
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Job")
    }
}

/// A handle to the writer tasks; cheap to clone. The tasks end when every handle is dropped.
#[derive(Debug, Clone)]
pub struct ResponseWriter {
    tx: mpsc::Sender<Job>,
}

fn writer_gone() -> StoreError {
    StoreError::Sqlx(sqlx::Error::Io(std::io::Error::other(
        "the response writer has stopped",
    )))
}

impl ResponseWriter {
    /// Starts the writer on the current Tokio runtime. `None` for an in-memory SQLite database,
    /// whose single connection the writer would take from everyone: it keeps the pool path
    /// ([`Store::insert_response`]).
    pub fn start(store: &Store) -> Option<ResponseWriter> {
        let (tx, rx) = mpsc::channel(QUEUE);
        match store.backend() {
            Backend::Sqlite => {
                let pool = store.db.get_sqlite_connection_pool().clone();
                if pool.options().get_max_connections() < 2 {
                    return None;
                }
                sqlite::spawn(pool, rx, tx.downgrade());
            }
            Backend::Postgres => {
                postgres::spawn(store.db.get_postgres_connection_pool().clone(), rx);
            }
        }
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

/// Answers every job of a failed batch with the error. Whether the database is only briefly out
/// of reach (the caller answers `503`, try again) is kept; the error itself cannot be shared.
fn fail_all(batch: &mut Vec<Job>, error: &sqlx::Error) {
    let unavailable = crate::error::sqlx_unavailable(error);
    for job in batch.drain(..) {
        let message = format!("group commit failed: {error}");
        let _ = job.reply.send(Err(if unavailable {
            StoreError::Sqlx(sqlx::Error::Io(std::io::Error::other(message)))
        } else {
            StoreError::Sqlx(sqlx::Error::Protocol(message))
        }));
    }
}

/// After an error that says the database is out of reach, every row already waiting is answered
/// with it too, at once: otherwise each batch in the queue would wait out its own connect timeout
/// before its handlers could say "try again".
fn fail_waiting(queue: &mut mpsc::Receiver<Job>, error: &sqlx::Error) {
    if !crate::error::sqlx_unavailable(error) {
        return;
    }
    let mut waiting = Vec::new();
    while let Ok(job) = queue.try_recv() {
        waiting.push(job);
    }
    fail_all(&mut waiting, error);
}

/// The positions of the batch's rows to insert: the first occurrence of each (poll, submission
/// id); a later occurrence in the same batch is a duplicate of it.
fn first_occurrences(batch: &[Job]) -> Vec<usize> {
    let mut seen: HashSet<(uuid::Uuid, &str)> = HashSet::with_capacity(batch.len());
    (0..batch.len())
        .filter(|&i| seen.insert((batch[i].row.poll_id, batch[i].row.submission_id.as_str())))
        .collect()
}

/// Per job of the batch whether its row was new, from the keys the insert returned.
fn which_are_new(
    batch: &[Job],
    inserted: Vec<usize>,
    new_rows: &HashSet<(uuid::Uuid, String)>,
) -> Vec<bool> {
    let mut new = vec![false; batch.len()];
    for i in inserted {
        let r = &batch[i].row;
        new[i] = new_rows.contains(&(r.poll_id, r.submission_id.as_str().to_owned()));
    }
    new
}

/// Answers each job of a committed batch.
fn answer_all(batch: &mut Vec<Job>, new: Vec<bool>) {
    for (job, ok) in batch.drain(..).zip(new) {
        // A handler that gave up (client went away) simply does not hear back.
        let _ = job.reply.send(Ok(ok));
    }
}

impl Store {
    /// Whether a response with this submission id is stored for the poll.
    pub async fn response_exists(
        &self,
        poll_id: uuid::Uuid,
        submission_id: &flits_types::SubmissionId,
    ) -> Result<bool, StoreError> {
        use crate::entity::response::{Column, Entity};
        use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
        // Along the table's key (migration 12); the submission id is in no index.
        Ok(Entity::find()
            .filter(Column::PollId.eq(poll_id))
            .filter(Column::Id.eq(crate::responses::response_id(poll_id, submission_id)))
            .count(&self.db)
            .await?
            > 0)
    }
}

#[cfg(test)]
mod test_support {
    use super::*;

    /// A response of `poll_id` with submission id `sid`.
    pub fn row(poll_id: uuid::Uuid, sid: &str) -> NewResponse {
        NewResponse {
            poll_id,
            submission_id: flits_types::SubmissionId::parse(sid).unwrap(),
            channel: Some(flits_types::ChannelId::parse("poster").unwrap()),
            lang: "nl".into(),
            answers: serde_json::json!({"q1": "ja"}),
            submitted_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
        }
    }

    /// A batch of `n` jobs for the submission ids `s0, s0, s1, s1, …`: each id twice.
    pub fn jobs(poll_id: uuid::Uuid, n: usize) -> Vec<Job> {
        (0..n)
            .map(|i| Job {
                row: row(poll_id, &format!("s{}", i / 2)),
                reply: oneshot::channel().0,
            })
            .collect()
    }

    /// A poll with one open question in a migrated store.
    pub async fn poll_in(store: &Store, slug: &str) -> uuid::Uuid {
        store.upsert_region("r", "R").await.unwrap();
        store.upsert_organisation("o", "r", "O").await.unwrap();
        let def: flits_survey::PollDefinition = serde_json::from_value(serde_json::json!({
            "slug": slug, "title": "Test",
            "questions": [{"id": "q1", "kind": "open_text", "text": "Iets?"}]
        }))
        .unwrap();
        store
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
            .id
    }

    /// 200 concurrent inserts, every submission id twice: exactly one of each pair is new, and
    /// the pool path sees the writer's rows as duplicates too.
    pub async fn concurrent_pairs_store_each_row_once(store: &Store, poll_id: uuid::Uuid) {
        let writer = ResponseWriter::start(store).unwrap();
        let mut handles = Vec::new();
        for i in 0..200 {
            let w = writer.clone();
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
        assert!(!store.insert_response(row(poll_id, "s3")).await.unwrap());
    }
}
