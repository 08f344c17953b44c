//! Schedule decisions do not interleave: of many overlapping polls scheduled into the same slot at
//! the same moment, exactly one gets it — within one process, and across processes on one SQLite
//! file (the write lock of `BEGIN IMMEDIATE`) or one PostgreSQL database (an advisory lock).

use std::process::{Output, Stdio};

use flits_scheduling::{ScheduleCommand, ScheduleFailure};
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
        scope: flits_schedule::TargetScope::Any,
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

on_both_backends!(
    two_stores_like_two_processes_do_not_both_take_the_slot,
    |backend| async move {
        let s = setup(backend).await;
        for i in 0..12 {
            draft(&s.store, &format!("race-{i}"), &["velsen"]).await;
        }
        // Each further store has its own pool and its own in-process lock, as another process
        // would: only the database's lock orders them.
        let mut stores = vec![s.store.clone()];
        for _ in 0..3 {
            stores.push(Store::connect(&s.db.url).await.unwrap());
        }
        let (ok, conflict) = race(stores, &s.settings, 12).await;
        assert_eq!((ok, conflict), (1, 11));
    }
);

on_both_backends!(
    concurrent_cli_processes_on_one_database_schedule_one_poll,
    |backend| async move {
        const PROCESSES: usize = 8;
        let s = setup(backend).await;
        for i in 0..PROCESSES {
            draft(&s.store, &format!("race-{i}"), &["velsen"]).await;
        }
        let opens = chrono::Utc::now() + chrono::Duration::days(60);
        let (opens, closes) = (
            opens.to_rfc3339(),
            (opens + chrono::Duration::days(7)).to_rfc3339(),
        );
        // Every process connects, reads the calendar and writes on its own, all at once.
        let children: Vec<_> = (0..PROCESSES)
            .map(|i| {
                flits_command()
                    .env("FLITS_DATABASE_URL", &s.db.url)
                    .args(["poll", "schedule", &format!("race-{i}")])
                    .args(["--opens", &opens, "--closes", &closes])
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let outputs: Vec<Output> = children
            .into_iter()
            .map(|c| c.wait_with_output().unwrap())
            .collect();
        let report: Vec<String> = outputs
            .iter()
            .map(|o| {
                format!(
                    "{:?}\n{}{}",
                    o.status.code(),
                    String::from_utf8_lossy(&o.stdout),
                    String::from_utf8_lossy(&o.stderr)
                )
            })
            .collect();
        let exits = |code| {
            outputs
                .iter()
                .filter(|o| o.status.code() == Some(code))
                .count()
        };
        assert_eq!(
            (exits(0), exits(1)),
            (1, PROCESSES - 1),
            "exactly one process schedules; the others see its poll as a conflict:\n{}",
            report.join("\n")
        );
        let scheduled = s
            .store
            .polls()
            .await
            .unwrap()
            .into_iter()
            .filter(|p| p.state == flits_survey::PollState::Scheduled)
            .count();
        assert_eq!(scheduled, 1);
    }
);
