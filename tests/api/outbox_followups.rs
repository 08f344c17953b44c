//! What the outbox does after the announcement: a reminder staff ask for, the results as a reply
//! in the announcement's thread, the native poll's counts pulled back, and failures kept as notes
//! staff read in their own language.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{TimeDelta, Utc};
use flits_bridge::{Channel, FailureNote};
use flits_i18n::Locale;
use flits_runner::delivery::Outbox;
use flits_runner::run_due_jobs;
use flits_scheduling::{ReminderCommand, ReminderFailure, Scheduling};
use flits_survey::PollState;
use flits_types::ChannelId;
use secrecy::SecretString;

use crate::bridge_support::mastodon::{self, FakeMastodon, Fault};
use crate::on_both_backends;
use crate::scheduler_support::*;

/// A Mastodon channel `mastodon-velsen` on `fake`, with or without native polls.
fn mastodon_channel(fake: &FakeMastodon, native_poll: bool) -> Arc<dyn Channel> {
    let setting: flits_bridge::ChannelSetting = serde_json::from_value(serde_json::json!({
        "id": "mastodon-velsen", "kind": "mastodon", "base_url": fake.url(),
        "token_env": "MASTODON_TOKEN", "native_poll": native_poll,
    }))
    .unwrap();
    let secrets = BTreeMap::from([(
        "MASTODON_TOKEN".to_owned(),
        SecretString::from(mastodon::TOKEN.to_owned()),
    )]);
    flits_bridge::connect_with(&setting, &flits_bridge::ClientOptions::default(), &secrets).unwrap()
}

fn outbox(channel: Arc<dyn Channel>) -> Outbox {
    Outbox::new(
        vec![channel],
        "https://peiling.example.nl".parse().unwrap(),
        std::time::Duration::from_secs(300),
    )
}

fn status_text(status: &serde_json::Value) -> String {
    status["content"].as_str().unwrap_or_default().to_owned()
}

on_both_backends!(
    results_reply_in_the_announcements_thread_once,
    |backend| async move {
        let s = setup(backend).await;
        let now = Utc::now();
        let poll = placed(
            &s.store,
            "nu-open",
            &["velsen"],
            PollState::Scheduled,
            now - TimeDelta::minutes(1),
            now + TimeDelta::days(7),
            &["mastodon-velsen"],
        )
        .await;
        run_due_jobs(&s.store, now).await.unwrap();
        let fake = FakeMastodon::start(mastodon::Config::default()).await;
        let outbox = outbox(mastodon_channel(&fake, false));
        // The announcement fails for a moment, and the results are published meanwhile: the
        // reply waits for it instead of going out as a post of its own.
        fake.fault(Fault::ServerError(503));
        assert_eq!(outbox.deliver_due(&s.store, now).await.unwrap().retrying, 1);
        assert_eq!(
            s.store.enqueue_result_replies(poll.id, now).await.unwrap(),
            1
        );
        assert_eq!(
            s.store.enqueue_result_replies(poll.id, now).await.unwrap(),
            0
        );
        let report = outbox.deliver_due(&s.store, now).await.unwrap();
        assert_eq!((report.posted, report.retrying), (0, 1), "{report:?}");
        let waiting = s.store.outbox_posts(poll.id).await.unwrap();
        let results = waiting.iter().find(|p| p.purpose == "results").unwrap();
        assert_eq!(results.status, "pending");
        let note = FailureNote::parse(results.last_error.as_deref().unwrap());
        assert_eq!(note.code, "waiting-for-announcement");
        assert!(fake.statuses().is_empty());

        // Later the announcement goes, then (at the latest a backoff later) the results in its
        // thread.
        let later = now + TimeDelta::hours(2);
        outbox.deliver_due(&s.store, later).await.unwrap();
        let later = later + TimeDelta::minutes(1);
        outbox.deliver_due(&s.store, later).await.unwrap();
        let statuses = fake.statuses();
        assert_eq!(statuses.len(), 2, "{statuses:?}");
        let announcement = &statuses[0];
        let reply = &statuses[1];
        assert!(status_text(announcement).contains("/p/nu-open?c=mastodon-velsen"));
        assert_eq!(reply["in_reply_to_id"], announcement["id"]);
        assert!(
            status_text(reply).contains("https://peiling.example.nl/p/nu-open/results"),
            "{}",
            status_text(reply)
        );
        let posts = s.store.outbox_posts(poll.id).await.unwrap();
        assert!(posts.iter().all(|p| p.status == "posted"), "{posts:?}");

        // Nothing more, however often the outbox runs.
        outbox
            .deliver_due(&s.store, later + TimeDelta::days(1))
            .await
            .unwrap();
        assert_eq!(fake.statuses().len(), 2);

        // A later "what we did" goes in the same thread, with its own words.
        let closed = now + TimeDelta::days(8);
        run_due_jobs(&s.store, closed).await.unwrap();
        let published = s
            .store
            .publish_results(
                poll.id,
                flits_store::NewPublication {
                    summary: flits_survey::Text::Plain("U zei: meer rekken.".into()),
                    quotes: Vec::new(),
                    actor: None,
                },
                closed,
            )
            .await
            .unwrap();
        // (The results reply was sent already, so publishing adds none.)
        assert_eq!(
            published,
            flits_store::PublishOutcome::Published { replies: 0 }
        );
        assert!(
            s.store
                .add_result_update(
                    poll.id,
                    flits_survey::Text::Plain("De rekken staan er.".into()),
                    None,
                    closed,
                )
                .await
                .unwrap()
        );
        outbox.deliver_due(&s.store, closed).await.unwrap();
        let statuses = fake.statuses();
        let update = statuses.last().unwrap();
        assert_eq!(update["in_reply_to_id"], announcement["id"]);
        assert!(status_text(update).contains("Nieuws over"), "{update}");
        assert!(status_text(update).contains("/p/nu-open/results"));
    }
);

on_both_backends!(
    results_follow_a_failed_announcement_as_a_post_of_their_own,
    |backend| async move {
        let s = setup(backend).await;
        let now = Utc::now();
        let poll = placed(
            &s.store,
            "nu-open",
            &["velsen"],
            PollState::Scheduled,
            now - TimeDelta::minutes(1),
            now + TimeDelta::days(7),
            &["mastodon-velsen"],
        )
        .await;
        run_due_jobs(&s.store, now).await.unwrap();
        let fake = FakeMastodon::start(mastodon::Config::default()).await;
        let outbox = outbox(mastodon_channel(&fake, false));
        fake.fault(Fault::EchoToken);
        assert_eq!(outbox.deliver_due(&s.store, now).await.unwrap().failed, 1);
        s.store.enqueue_result_replies(poll.id, now).await.unwrap();
        assert_eq!(outbox.deliver_due(&s.store, now).await.unwrap().posted, 1);
        let statuses = fake.statuses();
        assert_eq!(statuses.len(), 1);
        assert!(statuses[0]["in_reply_to_id"].is_null());
        assert!(status_text(&statuses[0]).contains("/p/nu-open/results"));
    }
);

on_both_backends!(
    the_native_poll_mirrors_the_first_question_and_its_counts_come_back,
    |backend| async move {
        let s = setup(backend).await;
        let now = Utc::now();
        let poll = placed(
            &s.store,
            "nu-open",
            &["velsen"],
            PollState::Scheduled,
            now - TimeDelta::minutes(1),
            now + TimeDelta::days(2),
            &["mastodon-velsen"],
        )
        .await;
        run_due_jobs(&s.store, now).await.unwrap();
        let fake = FakeMastodon::start(mastodon::Config::default()).await;
        let outbox = outbox(mastodon_channel(&fake, true));
        assert_eq!(outbox.deliver_due(&s.store, now).await.unwrap().posted, 1);
        let status = fake.statuses().remove(0);
        let native = &status["poll"];
        let titles: Vec<&str> = native["options"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["title"].as_str().unwrap())
            .collect();
        assert_eq!(titles, ["Met de fiets", "Met de bus"]);
        assert!(status_text(&status).contains("Hoe komt u meestal naar het station?"));
        let native_id = native["id"].as_str().unwrap().to_owned();
        let post = s.store.outbox_posts(poll.id).await.unwrap().remove(0);
        assert_eq!(post.native_poll_id.as_deref(), Some(native_id.as_str()));
        assert!(post.native_tally.is_none());

        fake.vote(&native_id, 0, 3);
        assert_eq!(
            outbox.refresh_native_counts(&s.store, now).await.unwrap(),
            1
        );
        let (tally, _) = s
            .store
            .outbox_posts(poll.id)
            .await
            .unwrap()
            .remove(0)
            .native_tally
            .unwrap();
        assert_eq!(tally.options[0].title, "Met de fiets");
        assert_eq!(tally.options[0].votes, Some(3));
        assert_eq!(tally.options[1].votes, Some(0));
        assert!(!tally.expired);
        // Not pulled again within the quarter of an hour…
        fake.vote(&native_id, 1, 2);
        let soon = now + TimeDelta::minutes(5);
        assert_eq!(
            outbox.refresh_native_counts(&s.store, soon).await.unwrap(),
            0
        );
        // …but after it.
        let later = now + TimeDelta::minutes(16);
        assert_eq!(
            outbox.refresh_native_counts(&s.store, later).await.unwrap(),
            1
        );
        let (tally, _) = s
            .store
            .outbox_posts(poll.id)
            .await
            .unwrap()
            .remove(0)
            .native_tally
            .unwrap();
        assert_eq!(tally.options[1].votes, Some(2));
        assert_eq!(tally.voters, Some(5));
        // The counts never become responses.
        assert_eq!(s.store.count_responses(poll.id).await.unwrap(), 0);
    }
);

on_both_backends!(
    a_reminder_is_posted_once_within_the_weekly_limit_and_audited,
    |backend| async move {
        let mut s = setup(backend).await;
        let now = Utc::now();
        let poll = placed(
            &s.store,
            "nu-open",
            &["velsen"],
            PollState::Scheduled,
            now - TimeDelta::minutes(1),
            now + TimeDelta::days(7),
            &["mastodon-velsen"],
        )
        .await;
        // A draft cannot be reminded of.
        let scheduling = Scheduling::new(s.store.clone(), s.settings.scheduling_policy());
        let command = |channel: &str| ReminderCommand {
            slug: "nu-open".into(),
            channel: ChannelId::parse(channel).unwrap(),
            actor: Some("comms@velsen.nl".into()),
        };
        assert!(matches!(
            scheduling.remind(command("mastodon-velsen"), now).await,
            Err(ReminderFailure::NotOpen { .. })
        ));
        run_due_jobs(&s.store, now).await.unwrap();
        let fake = FakeMastodon::start(mastodon::Config::default()).await;
        let outbox = outbox(mastodon_channel(&fake, true));
        outbox.deliver_due(&s.store, now).await.unwrap();

        // Only on the poll's own channels.
        let refused = scheduling
            .remind(command("x-velsen"), now)
            .await
            .unwrap_err();
        assert_eq!(refused.code(), "unknown_channel");
        let message = flits_scheduling::text::reminder_message(&refused, Locale::Nl);
        assert!(message.contains("x-velsen"), "{message}");

        let later = now + TimeDelta::hours(30);
        scheduling
            .remind(command("mastodon-velsen"), later)
            .await
            .unwrap();
        let again = scheduling
            .remind(command("mastodon-velsen"), later)
            .await
            .unwrap_err();
        assert_eq!(again.code(), "already_reminded");
        assert_eq!(outbox.deliver_due(&s.store, later).await.unwrap().posted, 1);
        let statuses = fake.statuses();
        assert_eq!(statuses.len(), 2);
        let reminder = &statuses[1];
        assert!(status_text(reminder).contains("nog open"), "{reminder}");
        assert!(status_text(reminder).contains("/p/nu-open?c=mastodon-velsen"));
        // One native poll per poll: the reminder carries none.
        assert!(reminder["poll"].is_null());
        let audit = s.store.audit_entries(10).await.unwrap();
        let entry = audit.iter().find(|a| a.action == "poll.reminder").unwrap();
        assert_eq!(entry.actor_email.as_deref(), Some("comms@velsen.nl"));
        assert_eq!(entry.details["channel"], "mastodon-velsen");

        // The reminder is a post on its channel like any other: with the announcement it fills
        // the channel's two posts a week, so a third poll there must wait.
        draft(&s.store, "heemskerk-poll", &["heemskerk"]).await;
        let refused = schedule_poll(
            &s.store,
            &s.settings,
            flits_scheduling::ScheduleCommand {
                slug: "heemskerk-poll".into(),
                opens_at: now + TimeDelta::days(2),
                closes_at: now + TimeDelta::days(3),
                channels: vec![ChannelId::parse("mastodon-velsen").unwrap()],
                override_reason: None,
                actor: None,
                scope: flits_schedule::TargetScope::Any,
            },
        )
        .await
        .unwrap_err();
        let flits_scheduling::ScheduleFailure::Conflicts { conflicts, .. } = &refused else {
            panic!("{refused:?}");
        };
        assert!(
            conflicts
                .iter()
                .any(|c| c.rule() == flits_schedule::RuleKind::ChannelPostsPerWeek),
            "{conflicts:?}"
        );

        // A channel that takes one poll post a week has had it (the announcement).
        s.settings.spacing.channel_posts_per_week = 1;
        let strict = Scheduling::new(s.store.clone(), s.settings.scheduling_policy());
        let other = placed(
            &s.store,
            "ook-open",
            &["beverwijk"],
            PollState::Scheduled,
            now - TimeDelta::minutes(1),
            now + TimeDelta::days(10),
            &["webhook-velsen"],
        )
        .await;
        run_due_jobs(&s.store, now).await.unwrap();
        let full = strict
            .remind(
                ReminderCommand {
                    slug: "ook-open".into(),
                    channel: ChannelId::parse("webhook-velsen").unwrap(),
                    actor: None,
                },
                now + TimeDelta::hours(1),
            )
            .await
            .unwrap_err();
        let ReminderFailure::WeeklyLimit { next_free, .. } = &full else {
            panic!("{full:?}");
        };
        // A week after the announcement, which is before the poll closes.
        // (PostgreSQL keeps microseconds.)
        let expected = now - TimeDelta::minutes(1) + TimeDelta::days(7);
        assert!(
            next_free.is_some_and(|at| (at - expected).abs() < TimeDelta::seconds(1)),
            "{next_free:?}"
        );
        assert_eq!(full.code(), "spacing_conflict");
        let posts = s.store.outbox_posts(other.id).await.unwrap();
        assert!(posts.iter().all(|p| p.purpose != "reminder"));
        assert!(s.store.outbox_posts(poll.id).await.unwrap().len() == 2);
    }
);

on_both_backends!(
    a_failed_post_can_be_tried_again_and_only_a_failed_one,
    |backend| async move {
        let s = setup(backend).await;
        let now = Utc::now();
        let poll = placed(
            &s.store,
            "nu-open",
            &["velsen"],
            PollState::Scheduled,
            now - TimeDelta::minutes(1),
            now + TimeDelta::days(7),
            &["mastodon-velsen"],
        )
        .await;
        run_due_jobs(&s.store, now).await.unwrap();
        let fake = FakeMastodon::start(mastodon::Config::default()).await;
        let outbox = outbox(mastodon_channel(&fake, false));
        fake.fault(Fault::EchoToken);
        outbox.deliver_due(&s.store, now).await.unwrap();
        let failed = s.store.outbox_posts(poll.id).await.unwrap().remove(0);
        assert_eq!(failed.status, "failed");
        let note = FailureNote::parse(failed.last_error.as_deref().unwrap());
        assert_eq!(note.code, "refused");
        let (nl, en) = (note.describe(Locale::Nl), note.describe(Locale::En));
        assert!(
            nl.contains("401") && en.contains("401") && nl != en,
            "{nl} / {en}"
        );
        assert!(
            !nl.contains(mastodon::TOKEN) && !failed.last_error.unwrap().contains(mastodon::TOKEN)
        );

        let audit = |action: &str| flits_store::NewAudit {
            actor_email: Some("comms@velsen.nl".into()),
            action: action.into(),
            poll_slug: Some("nu-open".into()),
            details: serde_json::json!({}),
        };
        let outcome = s
            .store
            .retry_post(poll.id, failed.id, audit("channel_post.retry"), now)
            .await
            .unwrap();
        assert_eq!(outcome, flits_store::RetryOutcome::Queued);
        assert_eq!(outbox.deliver_due(&s.store, now).await.unwrap().posted, 1);
        assert_eq!(fake.statuses().len(), 1);
        // A posted one stays posted; an unknown one is not found.
        let posted = s.store.outbox_posts(poll.id).await.unwrap().remove(0);
        assert_eq!(
            s.store
                .retry_post(poll.id, posted.id, audit("channel_post.retry"), now)
                .await
                .unwrap(),
            flits_store::RetryOutcome::NotFailed
        );
        assert_eq!(
            s.store
                .retry_post(
                    poll.id,
                    uuid::Uuid::new_v4(),
                    audit("channel_post.retry"),
                    now
                )
                .await
                .unwrap(),
            flits_store::RetryOutcome::NotFound
        );
        let retries = s
            .store
            .audit_entries(20)
            .await
            .unwrap()
            .into_iter()
            .filter(|a| a.action == "channel_post.retry")
            .count();
        assert_eq!(
            retries, 1,
            "only the retry that happened is in the audit log"
        );
    }
);
