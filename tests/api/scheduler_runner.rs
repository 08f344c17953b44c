//! The job runner, one step at a time: opens and closes exactly once, catches up after downtime,
//! and competing steps never do a job twice.

use chrono::{TimeDelta, Utc};
use flits_runner::run_due_jobs;
use flits_survey::PollState;

use crate::on_both_backends;
use crate::scheduler_support::*;

on_both_backends!(opens_and_closes_exactly_once, |backend| async move {
    let s = setup(backend).await;
    let now = Utc::now();
    let poll = placed(
        &s.store,
        "nu-open",
        &["velsen"],
        PollState::Scheduled,
        now - TimeDelta::minutes(1),
        now + TimeDelta::hours(1),
        &["mastodon-velsen", "webhook-velsen"],
    )
    .await;
    let later = placed(
        &s.store,
        "later",
        &["beverwijk"],
        PollState::Scheduled,
        now + TimeDelta::days(3),
        now + TimeDelta::days(5),
        &["mastodon-velsen"],
    )
    .await;

    let report = run_due_jobs(&s.store, now).await.unwrap();
    assert_eq!(report.opened, vec!["nu-open".to_owned()]);
    assert!(report.closed.is_empty() && report.failed.is_empty());
    assert_eq!(report.announcements, 2);
    assert_eq!(
        s.store
            .poll_by_slug("nu-open")
            .await
            .unwrap()
            .unwrap()
            .state,
        PollState::Open
    );
    let posts = s.store.outbox_posts(poll.id).await.unwrap();
    assert_eq!(posts.len(), 2);
    assert!(
        posts
            .iter()
            .all(|p| p.purpose == "announce" && p.status == "pending")
    );

    // Again: nothing left to do.
    let again = run_due_jobs(&s.store, now).await.unwrap();
    assert!(again.is_empty(), "{again:?}");
    assert_eq!(s.store.outbox_posts(poll.id).await.unwrap().len(), 2);

    // After the closing time it closes, once, with a pending publication reminder.
    let report = run_due_jobs(&s.store, now + TimeDelta::hours(2))
        .await
        .unwrap();
    assert_eq!(report.closed, vec!["nu-open".to_owned()]);
    assert!(report.opened.is_empty());
    assert!(
        run_due_jobs(&s.store, now + TimeDelta::hours(2))
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        s.store
            .poll_by_slug("nu-open")
            .await
            .unwrap()
            .unwrap()
            .state,
        PollState::Closed
    );
    let runs = s.store.job_runs(Some(poll.id)).await.unwrap();
    let mut kinds: Vec<(&str, &str)> = runs
        .iter()
        .map(|r| (r.kind.as_str(), r.status.as_str()))
        .collect();
    kinds.sort();
    assert_eq!(
        kinds,
        vec![
            ("close", "done"),
            ("open", "done"),
            ("publication_reminder", "pending")
        ]
    );
    // The later poll was never touched.
    assert_eq!(
        s.store.poll_by_slug("later").await.unwrap().unwrap().state,
        PollState::Scheduled
    );
    assert!(s.store.job_runs(Some(later.id)).await.unwrap().is_empty());
});

on_both_backends!(catches_up_after_downtime, |backend| async move {
    let s = setup(backend).await;
    let now = Utc::now();
    // Its whole open period passed while nothing ran.
    let missed = placed(
        &s.store,
        "gemist",
        &["velsen"],
        PollState::Scheduled,
        now - TimeDelta::days(10),
        now - TimeDelta::days(3),
        &["mastodon-velsen"],
    )
    .await;
    // Should have opened two days ago and is still open.
    let late = placed(
        &s.store,
        "te-laat-open",
        &["beverwijk"],
        PollState::Scheduled,
        now - TimeDelta::days(2),
        now + TimeDelta::days(2),
        &["mastodon-beverwijk"],
    )
    .await;
    // Open, but should have closed yesterday.
    let overdue = placed(
        &s.store,
        "te-laat-dicht",
        &["heemskerk"],
        PollState::Open,
        now - TimeDelta::days(8),
        now - TimeDelta::days(1),
        &[],
    )
    .await;

    let report = run_due_jobs(&s.store, now).await.unwrap();
    let mut opened = report.opened.clone();
    opened.sort();
    assert_eq!(opened, vec!["gemist".to_owned(), "te-laat-open".to_owned()]);
    let mut closed = report.closed.clone();
    closed.sort();
    assert_eq!(
        closed,
        vec!["gemist".to_owned(), "te-laat-dicht".to_owned()]
    );
    // Nobody is invited to a poll that is already over.
    assert!(s.store.outbox_posts(missed.id).await.unwrap().is_empty());
    assert_eq!(s.store.outbox_posts(late.id).await.unwrap().len(), 1);
    let open_run = s
        .store
        .job_runs(Some(missed.id))
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.kind == "open")
        .unwrap();
    assert_eq!(open_run.details["already_over"], true);
    assert!(open_run.details["late_seconds"].as_i64().unwrap() >= 10 * 24 * 3600 - 5);
    for (slug, state) in [
        ("gemist", PollState::Closed),
        ("te-laat-open", PollState::Open),
        ("te-laat-dicht", PollState::Closed),
    ] {
        assert_eq!(
            s.store.poll_by_slug(slug).await.unwrap().unwrap().state,
            state,
            "{slug}"
        );
    }
    assert_eq!(s.store.job_runs(Some(overdue.id)).await.unwrap().len(), 2);
    assert!(run_due_jobs(&s.store, now).await.unwrap().is_empty());
});

on_both_backends!(
    competing_steps_never_run_a_job_twice,
    |backend| async move {
        let s = setup(backend).await;
        let now = Utc::now();
        let mut ids = Vec::new();
        for i in 0..24 {
            let audience = ["velsen", "beverwijk", "heemskerk"][i % 3];
            let poll = placed(
                &s.store,
                &format!("druk-{i:02}"),
                &[audience],
                PollState::Scheduled,
                now - TimeDelta::minutes(30),
                if i % 2 == 0 {
                    now - TimeDelta::minutes(1)
                } else {
                    now + TimeDelta::days(1)
                },
                &["mastodon-ijmond"],
            )
            .await;
            ids.push(poll.id);
        }
        let step = || {
            let store = s.store.clone();
            tokio::spawn(async move { run_due_jobs(&store, now).await.unwrap() })
        };
        let handles = [step(), step(), step(), step()];
        let mut opened = 0;
        let mut closed = 0;
        for h in handles {
            let r = h.await.unwrap();
            assert!(r.failed.is_empty(), "{:?}", r.failed);
            opened += r.opened.len();
            closed += r.closed.len();
        }
        assert_eq!((opened, closed), (24, 12));
        let runs = s.store.job_runs(None).await.unwrap();
        assert_eq!(runs.iter().filter(|r| r.kind == "open").count(), 24);
        assert_eq!(runs.iter().filter(|r| r.kind == "close").count(), 12);
        assert_eq!(
            runs.iter()
                .filter(|r| r.kind == "publication_reminder")
                .count(),
            12
        );
        let mut posts = 0;
        for id in &ids {
            posts += s.store.outbox_posts(*id).await.unwrap().len();
        }
        assert_eq!(posts, 12, "only the polls still open are announced");
    }
);
