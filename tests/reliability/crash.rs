//! Crash under load: `flits serve` is killed with SIGKILL while 64 clients submit, and started
//! again; every acknowledged submission must be stored, none twice.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::RwLock;

use crate::ledger::Ledger;
use crate::load::Load;
use crate::processes::{Flits, free_port, prepare_demo};
use crate::tools::postgres_url;

async fn crash_and_restart(database_url: &str, run: &str) {
    let _serial = crate::one_at_a_time().await;
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("flits.log");
    prepare_demo(database_url, &log).await;
    let port = free_port();
    let server = Flits::start(database_url, port, &["serve"], &log).await;
    let load = Load::start(Arc::new(RwLock::new(server.base())));

    tokio::time::sleep(Duration::from_secs(3)).await;
    let killed_at = load.started.elapsed();
    server.kill();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let server = Flits::start(database_url, port, &["serve"], &log).await;
    let restarted_at = load.started.elapsed();
    tokio::time::sleep(Duration::from_secs(2)).await;
    let outcome = load.finish(Duration::from_secs(30)).await;
    drop(server);

    let recorded = |from: Duration, to: Duration| {
        outcome
            .events
            .iter()
            .filter(|e| e.at >= from && e.at < to && e.status == Some(201))
            .count()
    };
    let before = recorded(Duration::ZERO, killed_at);
    let after = recorded(restarted_at, Duration::MAX);
    let no_reply = outcome.count(None);
    eprintln!(
        "{run}: {before} recorded before the kill, {after} after the restart, {no_reply} requests \
         without a reply, {} duplicates answered",
        outcome.count(Some(200))
    );
    assert!(
        before > 0 && after > 0,
        "{run}: the load did not run on both sides of the crash"
    );
    assert!(
        no_reply > 0,
        "{run}: the kill did not interrupt any request"
    );
    Ledger::of(database_url, &outcome).await.assert_exact(run);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_keeps_every_acknowledged_submission_through_a_kill() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("flits.db").display());
    crash_and_restart(&url, "crash, SQLite").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_keeps_every_acknowledged_submission_through_a_kill() {
    let Some(server) = postgres_url() else {
        return crate::skip::skipped(
            "crash::postgres_keeps_every_acknowledged_submission_through_a_kill",
            "FLITS_TEST_POSTGRES_URL is not set",
        );
    };
    let db = crate::tools::PgDatabase::create(&server).await;
    crash_and_restart(&db.url, "crash, PostgreSQL").await;
    db.drop().await;
}
