//! The reliability suite: Flits under load while things break, as separate processes.
//!
//! Each test runs the real `flits` binary (not the library in-process), so that it can be killed
//! with SIGKILL, and drives it with 64 concurrent clients that behave as the JSON API asks: every
//! submission has its own id, and one that got no `201`/`200` is sent again with the same id until
//! it does. At the end the database must hold every acknowledged submission exactly once.
//!
//! - `crash`: the server is killed with SIGKILL under load and started again (SQLite, PostgreSQL).
//! - `outage`: a PostgreSQL cluster of the suite's own is stopped for 10 s under load: the
//!   collector answers `503` with `Retry-After` meanwhile and recovers by itself.
//! - `balancer`: two collectors and two job runners on one PostgreSQL behind nginx; one collector
//!   is killed mid-run.
//!
//! Each prints its figures (acknowledged, stored, lost, doubled, recovery time) on stderr. The tests
//! run one at a time; `cargo test --test reliability -- --nocapture` shows the figures.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../api/skip.rs"]
mod skip;
// Shared with the api tests, which also read the bodies.
#[allow(dead_code)]
#[path = "../api/webhook_receiver.rs"]
mod webhook_receiver;

mod balancer;
mod crash;
mod ledger;
mod load;
mod outage;
mod processes;
mod tools;

/// One test at a time: each puts a machine's worth of load on the server, and the outage test
/// times its recovery.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

async fn one_at_a_time() -> tokio::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().await
}
