//! The webhook adapter against a receiver that checks the documented signature and payload.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::sync::Arc;
use std::time::Duration;

use flits_bridge::{Channel, PostKind, RetryCause, SendError, connect_with};
use support::webhook::{FakeWebhook, Fault, SECRET};
use support::{announcement, options, secrets, setting};

const SECRET_ENV: &str = "INTRANET_HOOK_KEY";

fn channel(fake: &FakeWebhook, secret: &str) -> Arc<dyn Channel> {
    let s = setting(serde_json::json!({
        "id": "intranet", "kind": "webhook", "url": fake.url(), "secret_env": SECRET_ENV
    }));
    connect_with(&s, &options(), &secrets(&[(SECRET_ENV, secret)])).unwrap()
}

#[tokio::test]
async fn a_delivery_is_signed_and_carries_the_documented_payload() {
    let fake = FakeWebhook::start().await;
    let ch = channel(&fake, SECRET);
    let post = announcement("poll-7-intranet-announcement", "intranet");
    let posted = ch.post(&post).await.unwrap();
    assert_eq!(posted.remote_id, "msg-poll-7-intranet-announcement");

    let deliveries = fake.deliveries();
    assert_eq!(deliveries.len(), 1);
    let d = &deliveries[0];
    assert_eq!(d["event"], "poll.announcement");
    assert_eq!(d["delivery_id"], "poll-7-intranet-announcement");
    assert_eq!(d["channel"], "intranet");
    assert_eq!(d["poll"]["slug"], "fietsparkeren-station");
    assert_eq!(d["poll"]["lang"], "nl");
    assert_eq!(
        d["poll"]["link"],
        "https://peiling.ijmond.nl/p/fietsparkeren-station?c=intranet"
    );
    assert_eq!(d["in_reply_to"], serde_json::Value::Null);
    assert_eq!(d["text"], ch.preview(&post).unwrap());
    let req = &fake.requests()[0];
    assert_eq!(req.header("x-flits-event"), Some("poll.announcement"));
    assert_eq!(
        req.header("x-flits-signature").unwrap(),
        flits_bridge::webhook::signature(SECRET.as_bytes(), &req.body)
    );
}

#[tokio::test]
async fn a_wrong_secret_is_refused_for_good_with_the_receivers_message() {
    let fake = FakeWebhook::start().await;
    let err = channel(&fake, "another-secret")
        .post(&announcement("a", "intranet"))
        .await
        .unwrap_err();
    assert_eq!(
        err,
        SendError::Permanent {
            status: 401,
            message: "bad signature".into()
        }
    );
    assert!(fake.deliveries().is_empty());
}

#[tokio::test]
async fn too_many_requests_waits_as_long_as_retry_after_says() {
    let fake = FakeWebhook::start().await;
    let ch = channel(&fake, SECRET);
    fake.fault(Fault::TooManyRequests { retry_after: 7 });
    let err = ch.post(&announcement("a", "intranet")).await.unwrap_err();
    assert_eq!(
        err,
        SendError::Retryable {
            cause: RetryCause::RateLimited,
            retry_after: Some(Duration::from_secs(7))
        }
    );
    ch.post(&announcement("a", "intranet")).await.unwrap();
    assert_eq!(fake.deliveries().len(), 1);
}

#[tokio::test]
async fn server_errors_are_retryable_and_gone_is_permanent() {
    let fake = FakeWebhook::start().await;
    let ch = channel(&fake, SECRET);
    fake.fault(Fault::ServerError(502));
    let err = ch.post(&announcement("a", "intranet")).await.unwrap_err();
    assert!(
        matches!(
            &err,
            SendError::Retryable {
                cause: RetryCause::Server { status: 502, .. },
                ..
            }
        ),
        "{err:?}"
    );
    fake.fault(Fault::Gone);
    let err = ch.post(&announcement("a", "intranet")).await.unwrap_err();
    assert_eq!(
        err,
        SendError::Permanent {
            status: 410,
            message: "this hook was removed".into()
        }
    );
    assert!(fake.deliveries().is_empty());
}

#[tokio::test]
async fn a_retry_after_a_drop_or_a_timeout_repeats_the_same_delivery_id() {
    let fake = FakeWebhook::start().await;
    let ch = channel(&fake, SECRET);
    let post = announcement("poll-7-intranet-announcement", "intranet");
    fake.fault(Fault::DropAfterAccept);
    let err = ch.post(&post).await.unwrap_err();
    assert!(
        matches!(
            err,
            SendError::Retryable {
                cause: RetryCause::Connection,
                ..
            }
        ),
        "{err:?}"
    );
    fake.fault(Fault::HangAfterAccept(Duration::from_secs(3)));
    let err = ch.post(&post).await.unwrap_err();
    assert!(
        matches!(
            err,
            SendError::Retryable {
                cause: RetryCause::Timeout,
                ..
            }
        ),
        "{err:?}"
    );
    ch.post(&post).await.unwrap();
    let ids: Vec<_> = fake
        .requests()
        .iter()
        .map(|r| r.header("x-flits-delivery").unwrap().to_owned())
        .collect();
    assert_eq!(ids, vec![post.idempotency_key.clone(); 3]);
    assert_eq!(
        fake.deliveries().len(),
        1,
        "the receiver drops repeats by delivery id"
    );
}

#[tokio::test]
async fn results_name_the_delivery_they_follow_up() {
    let fake = FakeWebhook::start().await;
    let ch = channel(&fake, SECRET);
    let first = ch.post(&announcement("a", "intranet")).await.unwrap();
    let mut results = announcement("a-results", "intranet");
    results.kind = PostKind::Results;
    ch.reply(&first.remote_id, &results).await.unwrap();
    let d = &fake.deliveries()[1];
    assert_eq!(d["event"], "poll.results");
    assert_eq!(d["in_reply_to"], serde_json::json!(first.remote_id));
}

#[tokio::test]
async fn a_webhook_has_no_account_and_its_check_sends_nothing() {
    let fake = FakeWebhook::start().await;
    let v = channel(&fake, SECRET).verify().await.unwrap();
    assert_eq!(v.account, None);
    assert!(fake.requests().is_empty());
}
