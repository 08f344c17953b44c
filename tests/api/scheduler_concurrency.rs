//! Schedule decisions do not interleave: of many overlapping polls scheduled into the same slot at
//! the same moment, exactly one gets it — within one process, and (PostgreSQL) across processes.

use flits::scheduling::{ScheduleCommand, ScheduleFailure, schedule_poll};
use flits_store::Store;

use crate::helpers::*;
use crate::on_both_backends;
use crate::scheduler_support::*;

fn command(slug: &str) -> ScheduleCommand {
    let opens = chrono::Utc::now() + chrono::Duration::days(60);
    ScheduleCommand {
        slug: slug.into(),
        opens_at: opens,
        closes_at: opens + chrono::Duration::days(7),
        channels: Vec::new(),
        override_reason: None,
        actor: Some("comms@velsen.example".into()),
    }
}

async fn race(
    stores: Vec<Store>,
    settings: &flits::settings::Settings,
    n: usize,
) -> (usize, usize) {
    let mut tasks = Vec::new();
    for i in 0..n {
        let store = stores[i % stores.len()].clone();
        let settings = settings.clone();
        tasks.push(tokio::spawn(async move {
            schedule_poll(&store, &settings, command(&format!("race-{i}"))).await
        }));
    }
    let (mut ok, mut conflict) = (0, 0);
    for t in tasks {
        match t.await.unwrap() {
            Ok(_) => ok += 1,
            Err(ScheduleFailure::Conflicts { .. }) => conflict += 1,
            Err(other) => panic!("unexpected failure: {other}"),
        }
    }
    (ok, conflict)
}

on_both_backends!(
    overlapping_requests_at_the_same_moment_schedule_one_poll,
    |backend| async move {
        let s = setup(backend).await;
        for i in 0..8 {
            draft(&s.store, &format!("race-{i}"), &["velsen"]).await;
        }
        let (ok, conflict) = race(vec![s.store.clone()], &s.settings, 8).await;
        assert_eq!(
            (ok, conflict),
            (1, 7),
            "exactly one of the overlapping polls gets the slot"
        );
    }
);

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_processes_on_postgresql_do_not_both_take_the_slot() {
    if postgres_url().is_none() {
        return crate::skip::skipped(
            "two_processes_on_postgresql_do_not_both_take_the_slot",
            "FLITS_TEST_POSTGRES_URL is not set",
        );
    }
    let s = setup(Backend::Postgres).await;
    for i in 0..8 {
        draft(&s.store, &format!("race-{i}"), &["velsen"]).await;
    }
    // A second store has its own pool and its own in-process lock, as a second process would.
    let other = Store::connect(&s.db.url).await.unwrap();
    let (ok, conflict) = race(vec![s.store.clone(), other], &s.settings, 8).await;
    assert_eq!((ok, conflict), (1, 7));
}
