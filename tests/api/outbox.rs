//! The outbox worker, one step at a time: a poll that opens is posted to each of its channels
//! exactly once, with the `?c=` link; temporary failures are retried later with the same delivery
//! id, and refusals are kept for staff to see, never dropped.

use std::collections::BTreeMap;

use chrono::{TimeDelta, Utc};
use flits_runner::delivery::Outbox;
use flits_runner::run_due_jobs;
use flits_survey::PollState;
use secrecy::SecretString;

use crate::on_both_backends;
use crate::scheduler_support::*;
use crate::webhook_receiver::{Received, receiver};

fn outbox_for(url: &str) -> Outbox {
    let setting: flits_bridge::ChannelSetting = serde_json::from_value(serde_json::json!({
        "id": "webhook-velsen", "kind": "webhook", "url": url, "secret_env": "HOOK_SECRET",
    }))
    .unwrap();
    let secrets = BTreeMap::from([(
        "HOOK_SECRET".to_owned(),
        SecretString::from("a-long-webhook-secret".to_owned()),
    )]);
    let channel =
        flits_bridge::connect_with(&setting, &flits_bridge::ClientOptions::default(), &secrets)
            .unwrap();
    Outbox::new(
        vec![channel],
        "https://peiling.example.nl".parse().unwrap(),
        std::time::Duration::from_secs(300),
    )
}

on_both_backends!(
    an_opening_poll_is_posted_once_per_channel,
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
            &["webhook-velsen", "not-configured"],
        )
        .await;
        run_due_jobs(&s.store, now).await.unwrap();
        let (url, seen) = receiver(vec![]);
        let outbox = outbox_for(&url);

        let report = outbox.deliver_due(&s.store, now).await.unwrap();
        assert_eq!((report.posted, report.retrying, report.failed), (1, 0, 1));
        let got = seen.lock().unwrap().clone();
        assert_eq!(got.len(), 1, "one post to the webhook");
        assert!(
            got[0].headers.contains("x-flits-signature: sha256="),
            "{}",
            got[0].headers
        );
        assert!(
            got[0]
                .body
                .contains("https://peiling.example.nl/p/nu-open?c=webhook-velsen"),
            "{}",
            got[0].body
        );
        let posts = s.store.outbox_posts(poll.id).await.unwrap();
        let hook = posts
            .iter()
            .find(|p| p.channel_id == "webhook-velsen")
            .unwrap();
        assert_eq!(hook.status, "posted");
        assert!(hook.remote_id.is_some());
        // A channel the configuration does not have is not silently dropped: staff see why.
        let missing = posts
            .iter()
            .find(|p| p.channel_id == "not-configured")
            .unwrap();
        assert_eq!(missing.status, "failed");
        // Stored as a note (a code and its arguments) that staff read in their own language.
        let note = flits_bridge::FailureNote::parse(missing.last_error.as_deref().unwrap_or(""));
        assert_eq!(note.code, "not-configured");
        assert!(
            note.describe(flits_i18n::Locale::En)
                .contains("not configured"),
            "{note:?}"
        );

        // Later steps, also after the runner ran again, post nothing twice.
        run_due_jobs(&s.store, now + TimeDelta::hours(1))
            .await
            .unwrap();
        let again = outbox
            .deliver_due(&s.store, now + TimeDelta::hours(1))
            .await
            .unwrap();
        assert_eq!((again.posted, again.retrying, again.failed), (0, 0, 0));
        assert_eq!(seen.lock().unwrap().len(), 1);
    }
);

on_both_backends!(
    failures_are_retried_later_or_kept_for_staff,
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
            &["webhook-velsen"],
        )
        .await;
        run_due_jobs(&s.store, now).await.unwrap();
        // The receiver is down for a moment (503), then accepts.
        let (url, seen) = receiver(vec![503]);
        let outbox = outbox_for(&url);
        let report = outbox.deliver_due(&s.store, now).await.unwrap();
        assert_eq!((report.posted, report.retrying), (0, 1));
        let post = s.store.outbox_posts(poll.id).await.unwrap().remove(0);
        assert_eq!((post.status.as_str(), post.attempts), ("pending", 1));
        assert!(post.last_error.unwrap_or_default().contains("503"));
        // Not again at once: the backoff holds it back…
        let soon = outbox
            .deliver_due(&s.store, now + TimeDelta::seconds(5))
            .await
            .unwrap();
        assert_eq!(soon.posted + soon.retrying, 0);
        // …and later it goes, with the same delivery id as the failed attempt.
        let later = outbox
            .deliver_due(&s.store, now + TimeDelta::hours(2))
            .await
            .unwrap();
        assert_eq!(later.posted, 1);
        let got = seen.lock().unwrap().clone();
        assert_eq!(got.len(), 2);
        let delivery = |r: &Received| {
            r.headers
                .lines()
                .find(|l| l.starts_with("x-flits-delivery:"))
                .map(str::to_owned)
        };
        assert!(delivery(&got[0]).is_some());
        assert_eq!(delivery(&got[0]), delivery(&got[1]));

        // A refusal (410 Gone) is final and kept with the platform's answer.
        let gone = placed(
            &s.store,
            "ook-open",
            &["beverwijk"],
            PollState::Scheduled,
            now - TimeDelta::minutes(1),
            now + TimeDelta::days(7),
            &["webhook-velsen"],
        )
        .await;
        run_due_jobs(&s.store, now).await.unwrap();
        let (url, _) = receiver(vec![410]);
        let report = outbox_for(&url).deliver_due(&s.store, now).await.unwrap();
        assert_eq!(report.failed, 1);
        let post = s.store.outbox_posts(gone.id).await.unwrap().remove(0);
        assert_eq!(post.status, "failed");
        assert!(post.last_error.unwrap_or_default().contains("410"));
    }
);

on_both_backends!(
    a_send_that_outlasts_its_claim_is_given_up_and_retried_with_the_same_id,
    |backend| async move {
        use crate::bridge_support::webhook::{self, FakeWebhook};
        use std::time::Duration;

        let s = setup(backend).await;
        let now = Utc::now();
        let poll = placed(
            &s.store,
            "nu-open",
            &["velsen"],
            PollState::Scheduled,
            now - TimeDelta::minutes(1),
            now + TimeDelta::days(7),
            &["webhook-velsen"],
        )
        .await;
        run_due_jobs(&s.store, now).await.unwrap();
        // The receiver records the delivery, then says nothing for a minute; the channel itself
        // would wait two.
        let hook = FakeWebhook::start().await;
        hook.fault(webhook::Fault::HangAfterAccept(Duration::from_secs(60)));
        let setting: flits_bridge::ChannelSetting = serde_json::from_value(serde_json::json!({
            "id": "webhook-velsen", "kind": "webhook", "url": hook.url(), "secret_env": "HOOK_SECRET",
        }))
        .unwrap();
        let secrets = BTreeMap::from([(
            "HOOK_SECRET".to_owned(),
            SecretString::from(webhook::SECRET.to_owned()),
        )]);
        let options = flits_bridge::ClientOptions {
            timeout: Duration::from_secs(120),
            ..Default::default()
        };
        let channel = flits_bridge::connect_with(&setting, &options, &secrets).unwrap();
        let outbox = Outbox::new(
            vec![channel],
            "https://peiling.example.nl".parse().unwrap(),
            Duration::from_secs(2),
        );

        // Given up within the two-second claim, so no other instance could be sending it too.
        let report =
            tokio::time::timeout(Duration::from_secs(30), outbox.deliver_due(&s.store, now))
                .await
                .expect("the send is given up within its claim")
                .unwrap();
        assert_eq!((report.posted, report.retrying), (0, 1));
        let post = s.store.outbox_posts(poll.id).await.unwrap().remove(0);
        assert_eq!((post.status.as_str(), post.attempts), ("pending", 1));
        assert!(
            post.last_error.unwrap_or_default().contains("timeout"),
            "given up as a timeout"
        );

        // Later it goes again with the same delivery id, and the receiver keeps it once.
        let later = outbox
            .deliver_due(&s.store, now + TimeDelta::hours(2))
            .await
            .unwrap();
        assert_eq!(later.posted, 1);
        let requests = hook.requests();
        assert_eq!(requests.len(), 2);
        assert_eq!(
            requests[0].header("x-flits-delivery"),
            requests[1].header("x-flits-delivery")
        );
        assert_eq!(hook.deliveries().len(), 1);
    }
);
