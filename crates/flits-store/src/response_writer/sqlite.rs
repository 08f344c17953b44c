//! The SQLite writer: one task on one connection, since SQLite takes one writer at a time. It
//! also moves the WAL into the database file, off the commit path.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use sqlx::pool::PoolConnection;
use sqlx::{Connection, Row, Sqlite};
use tokio::sync::mpsc;

use super::database_file::DatabaseFile;
use super::{Job, MAX_BATCH, answer_all, fail_all, fail_waiting, first_occurrences, which_are_new};
use crate::NewResponse;

/// How often the WAL is checkpointed. A checkpoint copies each page written since the one before
/// once, however often it was written; under load the writer dirties a page at a random place per
/// row, so the longer the interval, the more rows share a copy. Every 250 ms instead of every
/// 50 ms costs the server 2% to 14% less CPU per stored row and stores 12% to 28% more rows per
/// second (18,300–19,700 → 22,000–23,800 in alternating runs) with about the same p99 (17–24 ms);
/// every 500 ms gains no more and the p99 grows (20–35 ms). The WAL then holds up to about 25 MB
/// between checkpoints.
const CHECKPOINT_EVERY: Duration = Duration::from_millis(250);

/// The most rows one INSERT statement carries (7 parameters each, well under SQLite's limit).
const MAX_STATEMENT_ROWS: usize = 256;

/// A checkpoint this short leaves little for the writer to wait for.
const SHORT_PASS: Duration = Duration::from_millis(2);
/// At most this many checkpoints beside the writer before the last one under its turn. Each
/// copies what was written during the one before, so they shrink quickly; with only three, the
/// last one after a 250 ms interval sometimes still had thousands of frames to copy while the
/// writer waited, which showed in the p99.
const MAX_PASSES_BESIDE: usize = 10;

/// The last checkpoint, under the writer's turn, syncs every page copied into the database file
/// since the file was last synced. Syncing it beside the writer leaves only what the passes copied
/// during that sync, so the sync is repeated while they copied more than this many frames (about
/// a megabyte, a few milliseconds of random writes here)...
const FEW_UNSYNCED: i64 = 256;
/// ...but at most this many times a round. Each sync beside slows the writer's commits a little:
/// with three, the last checkpoint took 4.7–6.5 ms (median of a 10 s run) instead of 7.0–9.0 ms
/// with one, and the stored submit's p99 fell from 12.1–16.6 ms to 9.9–14.5 ms (seven runs
/// against five); with six the p99 rose again (16.8 and 19.0 ms).
const MAX_SYNCS_BESIDE: usize = 3;

/// The writer's turn to write: held by the writer for each batch, and briefly by the checkpoints
/// when they must catch up with it.
type WriteTurn = Arc<tokio::sync::Mutex<()>>;

/// Starts the writer and its checkpoints; both end when the last handle is dropped.
pub(super) fn spawn(
    pool: sqlx::SqlitePool,
    rx: mpsc::Receiver<Job>,
    handle: mpsc::WeakSender<Job>,
) {
    let turn = WriteTurn::default();
    let file = match DatabaseFile::open(pool.connect_options().get_filename()) {
        Ok(file) => Some(file),
        Err(e) => {
            tracing::warn!(
                error = %e,
                "the database file cannot be synced beside the writer; the writer will wait longer for checkpoints"
            );
            None
        }
    };
    tokio::spawn(checkpoints(pool.clone(), file, handle, turn.clone()));
    tokio::spawn(run(pool, rx, turn));
}

/// Moves the WAL into the database file every [`CHECKPOINT_EVERY`], outside the commit path (the
/// writer's own connection does not checkpoint: a checkpoint inside a commit is a latency spike).
/// Ends with the writer.
///
/// SQLite starts the WAL from its beginning again only when a write begins with every frame
/// already copied. Under steady writes a checkpoint beside the writer never gets there, and the
/// WAL would grow without end: by gigabytes a minute under a spike, each commit slower than the
/// one before. So checkpoints beside the writer each copy what was written during the one before,
/// until one is short; a last one then copies the few frames left while the writer waits its turn
/// (a few milliseconds), and the next batch writes from the WAL's start. That last one also
/// syncs the database file, which holds everything the passes beside copied since the WAL last
/// started over, so the file is synced beside the writer first ([`sync_beside`]). A long read
/// such as an export still holds the WAL back, as SQLite must.
async fn checkpoints(
    pool: sqlx::SqlitePool,
    file: Option<DatabaseFile>,
    writer: mpsc::WeakSender<Job>,
    turn: WriteTurn,
) {
    let mut tick = tokio::time::interval(CHECKPOINT_EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    tick.tick().await;
    // The WAL's length after the last checkpoint: while it stays the same nothing was written.
    let mut last_frames = 0;
    loop {
        tick.tick().await;
        if writer.upgrade().is_none() {
            return;
        }
        let mut pass = catch_up(&pool).await;
        if let Some(file) = &file {
            (pass, _) = sync_beside(&pool, file, pass, last_frames).await;
        }
        // Then the last few frames with the writer waiting.
        match pass {
            Ok(p) if p.wrote_since(last_frames) => {
                let _writes_wait = turn.lock().await;
                match checkpoint(&pool).await {
                    Ok(last) => last_frames = last.frames,
                    Err(e) => tracing::warn!(error = %e, "WAL checkpoint failed"),
                }
            }
            Ok(p) => last_frames = p.frames,
            Err(e) => tracing::warn!(error = %e, "WAL checkpoint failed"),
        }
    }
}

/// Writes out beside the writer what the passes so far copied into the database file, then
/// catches up with what was written meanwhile; again while the passes copied more than
/// [`FEW_UNSYNCED`] frames during the sync, at most [`MAX_SYNCS_BESIDE`] times. Returns the last
/// pass and how often the file was synced. Nothing is synced when nothing was written since the
/// last round (`last_frames`).
async fn sync_beside(
    pool: &sqlx::SqlitePool,
    file: &DatabaseFile,
    mut pass: Result<Pass, sqlx::Error>,
    last_frames: i64,
) -> (Result<Pass, sqlx::Error>, usize) {
    let mut syncs = 0;
    while syncs < MAX_SYNCS_BESIDE {
        let synced = match &pass {
            Ok(p) if p.wrote_since(last_frames) => p.copied,
            _ => break,
        };
        let result = file.sync().await;
        syncs += 1;
        pass = catch_up(pool).await;
        if let Err(e) = result {
            tracing::warn!(error = %e, "the database file was not synced beside the writer");
            break;
        }
        match &pass {
            Ok(p) if p.copied - synced > FEW_UNSYNCED => {}
            _ => break,
        }
    }
    (pass, syncs)
}

/// Passes beside the writer, each copying what was written during the one before, until one is
/// short (or [`MAX_PASSES_BESIDE`] more); the last one's result.
async fn catch_up(pool: &sqlx::SqlitePool) -> Result<Pass, sqlx::Error> {
    let mut pass = checkpoint(pool).await;
    for _ in 0..MAX_PASSES_BESIDE {
        match &pass {
            Ok(p) if p.frames > 0 && p.took > SHORT_PASS => pass = checkpoint(pool).await,
            _ => break,
        }
    }
    pass
}

/// A checkpoint: how many frames the WAL held when it began (then the writer has most likely
/// added more while it ran), how many of them have been copied into the database file since the
/// WAL last started over, and how long it took.
struct Pass {
    frames: i64,
    copied: i64,
    took: Duration,
}

impl Pass {
    /// Whether the WAL changed since a round that left it `last_frames` long: only then is there
    /// anything to sync or to copy under the writer's turn.
    fn wrote_since(&self, last_frames: i64) -> bool {
        self.frames > 0 && self.frames != last_frames
    }
}

/// One passive checkpoint (it never waits for the writer or readers).
async fn checkpoint(pool: &sqlx::SqlitePool) -> Result<Pass, sqlx::Error> {
    let started = std::time::Instant::now();
    // (busy, frames in the WAL, frames copied); -1 when the database is not in WAL mode.
    let (_busy, log, copied): (i64, i64, i64) = sqlx::query_as("PRAGMA wal_checkpoint(PASSIVE)")
        .fetch_one(pool)
        .await?;
    Ok(Pass {
        frames: log,
        copied,
        took: started.elapsed(),
    })
}

async fn run(pool: sqlx::SqlitePool, mut rx: mpsc::Receiver<Job>, turn: WriteTurn) {
    let mut conn: Option<PoolConnection<Sqlite>> = None;
    let mut batch: Vec<Job> = Vec::with_capacity(MAX_BATCH);
    while rx.recv_many(&mut batch, MAX_BATCH).await > 0 {
        if conn.is_none() {
            match pool.acquire().await {
                Ok(mut c) => {
                    // Checkpoints happen in `checkpoints`, not when this connection commits; the
                    // statement journal of a many-statement batch stays in memory.
                    if let Err(e) =
                        sqlx::query("PRAGMA wal_autocheckpoint=0; PRAGMA temp_store=MEMORY")
                            .execute(&mut *c)
                            .await
                    {
                        tracing::warn!(error = %e, "cannot tune the writer's connection");
                    }
                    conn = Some(c);
                }
                Err(e) => {
                    tracing::error!(error = %e, "response writer cannot get a connection");
                    fail_all(&mut batch, &e);
                    fail_waiting(&mut rx, &e);
                    // Do not spin when the database is gone; the next batch tries again.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            }
        }
        let Some(c) = conn.as_mut() else { continue };
        let _turn = turn.lock().await;
        match commit(c, &batch).await {
            Ok(new) => answer_all(&mut batch, new),
            Err(e) => {
                tracing::error!(error = %e, rows = batch.len(), "group commit failed");
                fail_all(&mut batch, &e);
                fail_waiting(&mut rx, &e);
                // The connection may be broken: take a fresh one for the next batch.
                if let Some(mut c) = conn.take() {
                    c.close_on_drop();
                }
            }
        }
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
    sql.push_str(" ON CONFLICT (poll_id, id) DO NOTHING RETURNING poll_id, submission_id");
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

/// Binds one row's seven values to an insert statement.
fn bind_row<'q>(
    query: sqlx::query::Query<'q, Sqlite, sqlx::sqlite::SqliteArguments<'q>>,
    r: &'q NewResponse,
) -> sqlx::query::Query<'q, Sqlite, sqlx::sqlite::SqliteArguments<'q>> {
    query
        .bind(crate::responses::response_id(r.poll_id, &r.submission_id))
        .bind(r.poll_id)
        .bind(r.submission_id.as_str())
        .bind(r.channel.as_ref().map(|c| c.as_str()))
        .bind(r.lang.as_str())
        .bind(r.answers.to_string())
        .bind(r.submitted_on)
}

/// Stores the batch; per row whether it was new. Each row is inserted with `ON CONFLICT DO
/// NOTHING` on the table's key `(poll_id, id)`, whose id derives from the submission id
/// (`responses::response_id`), several rows per statement; a submission id that occurs twice in
/// one batch is inserted once and the later occurrence is a duplicate.
///
/// A batch that fits one statement (the usual case: there are never more rows waiting than
/// connections) is that one statement on its own, which SQLite commits atomically: no `BEGIN` and
/// `COMMIT` round trips to the connection's thread, and no statement journal. A larger batch is a
/// transaction of a few statements whose sizes are powers of two.
async fn commit(
    conn: &mut PoolConnection<Sqlite>,
    batch: &[Job],
) -> Result<Vec<bool>, sqlx::Error> {
    let unique = first_occurrences(batch);
    let mut new_rows: HashSet<(uuid::Uuid, String)> = HashSet::with_capacity(unique.len());
    if unique.len() <= MAX_STATEMENT_ROWS {
        let sql = insert_sql(unique.len());
        let mut query = sqlx::query(&sql);
        for &i in &unique {
            query = bind_row(query, &batch[i].row);
        }
        for row in query.fetch_all(&mut **conn).await? {
            new_rows.insert((row.try_get(0)?, row.try_get(1)?));
        }
    } else {
        let mut tx = conn.begin().await?;
        let mut at = 0;
        for size in chunk_sizes(unique.len()) {
            let sql = insert_sql(size);
            let mut query = sqlx::query(&sql);
            for &i in &unique[at..at + size] {
                query = bind_row(query, &batch[i].row);
            }
            for row in query.fetch_all(&mut *tx).await? {
                new_rows.insert((row.try_get(0)?, row.try_get(1)?));
            }
            at += size;
        }
        tx.commit().await?;
    }
    Ok(which_are_new(batch, unique, &new_rows))
}

#[cfg(test)]
mod tests {
    use super::super::ResponseWriter;
    use super::super::test_support::{concurrent_pairs_store_each_row_once, jobs, poll_in, row};
    use super::*;
    use crate::Store;

    async fn store_with_poll() -> (tempfile_dir::Dir, Store, uuid::Uuid) {
        let dir = tempfile_dir::Dir::new();
        let store = Store::connect(&format!("sqlite:{}", dir.path.join("t.db").display()))
            .await
            .unwrap();
        store.migrate().await.unwrap();
        let poll = poll_in(&store, "writer-test").await;
        (dir, store, poll)
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
    async fn a_scan_reads_every_row_of_its_poll_once_page_by_page() {
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
        // Exactly two full pages (the last page is full, the next one empty), and a page and a
        // bit, beside each other in the table.
        let many = crate::SQLITE_PAGE as usize * 2;
        let few = crate::SQLITE_PAGE as usize + 3;
        fill(&store, big, many, "b").await;
        fill(&store, small, few, "s").await;
        assert_eq!(scanned(&store, big).await, (0..many).collect::<Vec<_>>());
        assert_eq!(scanned(&store, small).await, (0..few).collect::<Vec<_>>());
        // A poll without responses reads none.
        assert!(scanned(&store, uuid::Uuid::new_v4()).await.is_empty());
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
    async fn one_statement_and_many_statement_batches_agree_on_what_is_new() {
        let (_dir, store, poll_id) = store_with_poll().await;
        let pool = store.db.get_sqlite_connection_pool().clone();
        let mut conn = pool.acquire().await.unwrap();
        // 40 rows fit one statement: ids s0..s19, each twice in the batch.
        let small = commit(&mut conn, &jobs(poll_id, 40)).await.unwrap();
        let expected: Vec<bool> = (0..40).map(|i| i % 2 == 0).collect();
        assert_eq!(small, expected);
        // 700 rows take a transaction of several statements: s0..s19 are stored already.
        let large = commit(&mut conn, &jobs(poll_id, 700)).await.unwrap();
        let expected: Vec<bool> = (0..700).map(|i| i % 2 == 0 && i >= 40).collect();
        assert_eq!(large, expected);
        assert_eq!(store.count_responses(poll_id).await.unwrap(), 350);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_file_is_synced_beside_the_writer_only_after_writes() {
        let (dir, store, poll_id) = store_with_poll().await;
        let pool = store.db.get_sqlite_connection_pool().clone();
        let file = DatabaseFile::open(&dir.path.join("t.db")).unwrap();
        fill(&store, poll_id, 200, "a").await;
        // Nobody writes meanwhile: one sync, after which the pass has copied the whole WAL.
        let (pass, syncs) = sync_beside(&pool, &file, catch_up(&pool).await, 0).await;
        let pass = pass.unwrap();
        assert_eq!(syncs, 1);
        assert!(pass.frames > 0);
        assert_eq!(pass.copied, pass.frames);
        // Nothing written since that round: nothing to sync.
        let (again, syncs) = sync_beside(&pool, &file, catch_up(&pool).await, pass.frames).await;
        assert_eq!(syncs, 0);
        assert_eq!(again.unwrap().frames, pass.frames);
        // New rows: synced again.
        fill(&store, poll_id, 10, "b").await;
        let (_, syncs) = sync_beside(&pool, &file, catch_up(&pool).await, pass.frames).await;
        assert_eq!(syncs, 1);
    }

    /// The WAL header's checkpoint sequence number: one more each time the WAL starts over.
    fn wal_starts(dir: &tempfile_dir::Dir) -> u32 {
        let header = std::fs::read(dir.path.join("t.db-wal")).unwrap();
        u32::from_be_bytes(header[12..16].try_into().unwrap())
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_wal_starts_over_while_writes_never_stop() {
        let (dir, store, poll_id) = store_with_poll().await;
        let writer = ResponseWriter::start(&store).unwrap();
        let until = std::time::Instant::now() + Duration::from_millis(2000);
        let mut writers = Vec::new();
        for task in 0..16 {
            let w = writer.clone();
            writers.push(tokio::spawn(async move {
                let mut n = 0;
                while std::time::Instant::now() < until {
                    let sid = format!("t{task}-{n}");
                    assert!(w.insert(row(poll_id, &sid)).await.unwrap());
                    n += 1;
                }
                n
            }));
        }
        let mut stored = 0;
        for w in writers {
            stored += w.await.unwrap();
        }
        assert_eq!(store.count_responses(poll_id).await.unwrap(), stored);
        // A checkpoint every 250 ms that catches up with the writer: a fresh start each time
        // (eight in 2 s). A checkpoint beside a writer that never pauses would leave one WAL
        // growing throughout.
        let starts = wal_starts(&dir);
        assert!(
            starts >= 3,
            "the WAL started over {starts} times in 2 s of writes"
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn batches_store_each_row_once_and_see_duplicates() {
        let (_dir, store, poll_id) = store_with_poll().await;
        concurrent_pairs_store_each_row_once(&store, poll_id).await;
    }
}
