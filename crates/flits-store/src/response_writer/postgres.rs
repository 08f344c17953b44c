//! The PostgreSQL writer: a few tasks share the queue. One takes what is waiting and commits it
//! while the next batch forms behind it, so the database's WAL flushes overlap instead of each
//! row paying one. Each batch is one statement, `INSERT … SELECT FROM UNNEST(…)`, prepared once
//! per connection whatever the batch's size, and committed on its own.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use sqlx::{PgPool, Row};
use tokio::sync::{Mutex, mpsc};

use super::{Job, MAX_BATCH, answer_all, fail_all, fail_waiting, first_occurrences, which_are_new};

/// How many batches may be committing at once. Two keep the database busy while a batch's
/// replies go out; more only split the waiting rows into smaller batches.
const WRITERS: usize = 2;

/// The id derives from the submission id (`responses::response_id`), so the primary key refuses
/// a second row of the same submission (migration 12).
const INSERT: &str = "INSERT INTO responses (id, poll_id, submission_id, channel, lang, answers, submitted_on) \
     SELECT * FROM UNNEST($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[]) \
     ON CONFLICT (id) DO NOTHING RETURNING poll_id, submission_id";

/// Starts the writers; they end when the last handle is dropped.
pub(super) fn spawn(pool: PgPool, rx: mpsc::Receiver<Job>) {
    let queue = Arc::new(Mutex::new(rx));
    for _ in 0..WRITERS {
        tokio::spawn(run(pool.clone(), queue.clone()));
    }
}

async fn run(pool: PgPool, queue: Arc<Mutex<mpsc::Receiver<Job>>>) {
    let mut batch: Vec<Job> = Vec::with_capacity(MAX_BATCH);
    loop {
        // Only the task holding the queue waits on it; it lets go as soon as it has a batch.
        if queue.lock().await.recv_many(&mut batch, MAX_BATCH).await == 0 {
            return;
        }
        match commit(&pool, &batch).await {
            Ok(new) => answer_all(&mut batch, new),
            Err(e) => {
                tracing::error!(error = %e, rows = batch.len(), "group commit failed");
                fail_all(&mut batch, &e);
                // The task receiving, if any, is not stuck: it answers what it takes in time.
                if let Ok(mut waiting) = queue.try_lock() {
                    fail_waiting(&mut waiting, &e);
                }
                // Do not spin when the database is gone; the next batch tries again.
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }
}

/// Stores the batch in one statement; per row whether it was new.
async fn commit(pool: &PgPool, batch: &[Job]) -> Result<Vec<bool>, sqlx::Error> {
    let unique = first_occurrences(batch);
    let n = unique.len();
    let (mut ids, mut polls, mut submissions) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    let (mut channels, mut langs, mut answers, mut dates) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    for &i in &unique {
        let r = &batch[i].row;
        ids.push(crate::responses::response_id(r.poll_id, &r.submission_id));
        polls.push(r.poll_id);
        submissions.push(r.submission_id.as_str());
        channels.push(r.channel.as_ref().map(|c| c.as_str()));
        langs.push(r.lang.as_str());
        answers.push(r.answers.to_string());
        dates.push(r.submitted_on);
    }
    let rows = sqlx::query(INSERT)
        .bind(ids)
        .bind(polls)
        .bind(submissions)
        .bind(channels)
        .bind(langs)
        .bind(answers)
        .bind(dates)
        .fetch_all(pool)
        .await?;
    let mut new_rows = HashSet::with_capacity(rows.len());
    for row in rows {
        new_rows.insert((row.try_get(0)?, row.try_get(1)?));
    }
    Ok(which_are_new(batch, unique, &new_rows))
}

#[cfg(test)]
mod tests {
    use sqlx::Connection;

    use super::super::test_support::{concurrent_pairs_store_each_row_once, jobs, poll_in};
    use super::*;
    use crate::Store;

    /// Runs `body` on a fresh database of the test PostgreSQL server (`FLITS_TEST_POSTGRES_URL`),
    /// dropped at the end. Without one the test says `SKIPPED`, or fails where every test must
    /// run (`CI=true`, `FLITS_TEST_REQUIRE_ALL=1`), as the integration tests do.
    async fn with_database<F, Fut>(test: &str, body: F)
    where
        F: FnOnce(Store) -> Fut,
        Fut: std::future::Future<Output = ()>,
    {
        let Some(admin) = std::env::var("FLITS_TEST_POSTGRES_URL")
            .ok()
            .filter(|s| !s.is_empty())
        else {
            let must_run = std::env::var("CI").is_ok_and(|v| v == "true")
                || std::env::var("FLITS_TEST_REQUIRE_ALL").is_ok_and(|v| v == "1");
            assert!(
                !must_run,
                "{test} cannot run: FLITS_TEST_POSTGRES_URL is not set"
            );
            // Straight to the process's stderr: the harness captures only the print macros.
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED {test}: FLITS_TEST_POSTGRES_URL is not set"
            );
            return;
        };
        let name = format!("flits_w_{}", uuid::Uuid::new_v4().simple());
        let mut conn = sqlx::PgConnection::connect(&admin).await.unwrap();
        sqlx::query(&format!("CREATE DATABASE \"{name}\""))
            .execute(&mut conn)
            .await
            .unwrap();
        let url = match admin.rsplit_once('/') {
            Some((server, _)) => format!("{server}/{name}"),
            None => panic!("FLITS_TEST_POSTGRES_URL names no database: {admin}"),
        };
        let store = Store::connect(&url).await.unwrap();
        store.migrate().await.unwrap();
        body(store.clone()).await;
        store.close().await.unwrap();
        sqlx::query(&format!("DROP DATABASE \"{name}\" WITH (FORCE)"))
            .execute(&mut conn)
            .await
            .unwrap();
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn batches_store_each_row_once_and_see_duplicates() {
        with_database(
            "postgres::batches_store_each_row_once",
            |store| async move {
                let poll_id = poll_in(&store, "writer-test").await;
                concurrent_pairs_store_each_row_once(&store, poll_id).await;
            },
        )
        .await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_batch_with_repeats_and_stored_rows_says_which_are_new() {
        with_database("postgres::a_batch_with_repeats", |store| async move {
            let poll_id = poll_in(&store, "writer-test").await;
            let pool = store.db.get_postgres_connection_pool().clone();
            let first = commit(&pool, &jobs(poll_id, 40)).await.unwrap();
            assert_eq!(first, (0..40).map(|i| i % 2 == 0).collect::<Vec<_>>());
            let second = commit(&pool, &jobs(poll_id, 700)).await.unwrap();
            let expected: Vec<bool> = (0..700).map(|i| i % 2 == 0 && i >= 40).collect();
            assert_eq!(second, expected);
            assert_eq!(store.count_responses(poll_id).await.unwrap(), 350);
        })
        .await;
    }
}
