//! Several job runners (`flits serve --only runner`) on one PostgreSQL, and one killed mid-run:
//! every job still runs exactly once. PostgreSQL only (SQLite has a single writer by design).
//! The processes are started with the old names on purpose, `--only scheduler` and
//! `FLITS_SCHEDULER__TICK_SECONDS`, so that these documented aliases are used by real processes.

use std::collections::HashSet;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use chrono::{TimeDelta, Utc};
use flits_store::Store;
use flits_survey::PollState;

use crate::helpers::*;
use crate::scheduler_support::*;

fn start_scheduler(db: &TestDb, log: &std::path::Path) -> Child {
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .unwrap();
    flits_command()
        .args(["serve", "--only", "scheduler"])
        .env("FLITS_DATABASE_URL", &db.url)
        .env("FLITS_BIND", "127.0.0.1:0")
        .env("FLITS_SCHEDULER__TICK_SECONDS", "1")
        .env("RUST_LOG", "info")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .unwrap()
}

/// Kills the children when the test ends, also when it fails.
struct Children(Vec<Child>);

impl Drop for Children {
    fn drop(&mut self) {
        for child in &mut self.0 {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

async fn wait_for(what: &str, timeout: Duration, mut done: impl AsyncFnMut() -> bool) {
    let start = Instant::now();
    while !done().await {
        assert!(start.elapsed() < timeout, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn count_state(store: &Store, slugs: &[String], state: PollState) -> usize {
    let wanted: HashSet<&str> = slugs.iter().map(String::as_str).collect();
    store
        .polls()
        .await
        .unwrap()
        .into_iter()
        .filter(|p| wanted.contains(p.slug.as_str()) && p.state == state)
        .count()
}

fn postgres_or_skip(test: &str) -> bool {
    if postgres_url().is_none() {
        crate::skip::skipped(test, "FLITS_TEST_POSTGRES_URL is not set (PostgreSQL only)");
        return false;
    }
    true
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_scheduler_processes_run_every_job_exactly_once() {
    if !postgres_or_skip("two_scheduler_processes_run_every_job_exactly_once") {
        return;
    }
    let s = setup(Backend::Postgres).await;
    let now = Utc::now();
    let audiences = ["velsen", "beverwijk", "heemskerk", "jongeren-velsen"];
    let mut slugs = Vec::new();
    // 30 due to open (and still open), 30 whose whole period passed, 30 open and due to close,
    // and 30 that fall due a few seconds after the processes started, while both are ticking.
    for i in 0..120 {
        let slug = format!("peiling-{i:03}");
        let (state, opens, closes) = match i / 30 {
            0 => (
                PollState::Scheduled,
                now - TimeDelta::hours(1),
                now + TimeDelta::days(7),
            ),
            1 => (
                PollState::Scheduled,
                now - TimeDelta::days(9),
                now - TimeDelta::days(2),
            ),
            2 => (
                PollState::Open,
                now - TimeDelta::days(9),
                now - TimeDelta::hours(1),
            ),
            _ => (
                PollState::Scheduled,
                now + TimeDelta::seconds(4),
                now + TimeDelta::seconds(8),
            ),
        };
        placed(
            &s.store,
            &slug,
            &[audiences[i % 4]],
            state,
            opens,
            closes,
            &["mastodon-ijmond", "webhook-ijmond"],
        )
        .await;
        slugs.push(slug);
    }
    let dir = tempfile::tempdir().unwrap();
    let logs = [dir.path().join("a.log"), dir.path().join("b.log")];
    let _children = Children(vec![
        start_scheduler(&s.db, &logs[0]),
        start_scheduler(&s.db, &logs[1]),
    ]);

    let store = s.store.clone();
    let all = slugs.clone();
    wait_for(
        "every poll to be handled",
        Duration::from_secs(90),
        async || {
            count_state(&store, &all[..30], PollState::Open).await == 30
                && count_state(&store, &all[30..], PollState::Closed).await == 90
        },
    )
    .await;
    // Give both instances a few more ticks to try anything twice.
    tokio::time::sleep(Duration::from_secs(3)).await;

    let runs = s.store.job_runs(None).await.unwrap();
    let count = |kind: &str| runs.iter().filter(|r| r.kind == kind).count();
    assert_eq!(count("open"), 90, "30 + 30 + 30 opened, each once");
    assert_eq!(count("close"), 90, "30 + 30 + 30 closed, each once");
    assert_eq!(count("publication_reminder"), 90);
    let distinct: HashSet<_> = runs.iter().map(|r| (r.poll_id, r.kind.clone())).collect();
    assert_eq!(distinct.len(), runs.len());
    let runners: HashSet<_> = runs
        .iter()
        .filter_map(|r| r.details["runner"].as_str().map(str::to_owned))
        .collect();
    eprintln!(
        "jobs were done by {} process(es): {runners:?}",
        runners.len()
    );

    // Announcements: exactly one per channel for every poll that was announced, none for the
    // polls that were over before they opened.
    let mut announced = 0;
    let mut posts = 0;
    for slug in &slugs {
        let poll = s.store.poll_by_slug(slug).await.unwrap().unwrap();
        let n = s.store.outbox_posts(poll.id).await.unwrap().len();
        posts += n;
        let open = s
            .store
            .job_runs(Some(poll.id))
            .await
            .unwrap()
            .into_iter()
            .find(|r| r.kind == "open");
        if let Some(open) = open {
            if open.details["already_over"] == false {
                announced += 1;
                assert_eq!(n, 2, "{slug}");
            } else {
                assert_eq!(n, 0, "{slug}");
            }
        }
    }
    assert!(announced >= 30, "{announced}");
    assert_eq!(posts, announced * 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_scheduler_killed_mid_run_and_restarted_does_everything_once() {
    if !postgres_or_skip("a_scheduler_killed_mid_run_and_restarted_does_everything_once") {
        return;
    }
    let s = setup(Backend::Postgres).await;
    let now = Utc::now();
    let mut slugs = Vec::new();
    for i in 0..400 {
        let slug = format!("veel-{i:03}");
        placed(
            &s.store,
            &slug,
            &[["velsen", "beverwijk", "heemskerk"][i % 3]],
            PollState::Scheduled,
            now - TimeDelta::minutes(10),
            now + TimeDelta::days(3),
            &["mastodon-ijmond"],
        )
        .await;
        slugs.push(slug);
    }
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("runner.log");
    let mut first = Children(vec![start_scheduler(&s.db, &log)]);
    let store = s.store.clone();
    wait_for("the first job", Duration::from_secs(60), async || {
        !store.job_runs(None).await.unwrap().is_empty()
    })
    .await;
    // SIGKILL: no chance to finish the job in hand.
    first.0[0].kill().unwrap();
    first.0[0].wait().unwrap();
    let at_kill = s.store.job_runs(None).await.unwrap().len();
    eprintln!("killed after {at_kill} of 400 jobs");
    assert!(at_kill >= 1);

    let _second = Children(vec![start_scheduler(&s.db, &log)]);
    let all = slugs.clone();
    wait_for("every poll to open", Duration::from_secs(90), async || {
        count_state(&store, &all, PollState::Open).await == 400
    })
    .await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let runs = s.store.job_runs(None).await.unwrap();
    assert_eq!(runs.len(), 400);
    assert!(runs.iter().all(|r| r.kind == "open"));
    let distinct: HashSet<_> = runs.iter().map(|r| r.poll_id).collect();
    assert_eq!(distinct.len(), 400);
    let mut posts = 0;
    for slug in &slugs {
        let poll = s.store.poll_by_slug(slug).await.unwrap().unwrap();
        let p = s.store.outbox_posts(poll.id).await.unwrap();
        assert_eq!(p.len(), 1, "{slug}");
        posts += p.len();
    }
    assert_eq!(posts, 400);
}
