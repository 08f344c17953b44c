//! The X adapter against a fake X API v2 that checks OAuth 1.0a signatures.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::sync::Arc;
use std::time::Duration;

use flits_bridge::{Channel, NativePoll, PostKind, RetryCause, SendError, connect_with};
use support::x::{ACCESS_SECRET, ACCESS_TOKEN, API_KEY, API_SECRET, FakeX, Fault};
use support::{announcement, options, secrets, setting};

fn channel(fake: &FakeX, access_secret: &str) -> Arc<dyn Channel> {
    let s = setting(serde_json::json!({
        "id": "x-velsen", "kind": "x", "base_url": fake.url(), "native_poll": true,
        "api_key_env": "XK", "api_secret_env": "XS", "access_token_env": "XT", "access_secret_env": "XA"
    }));
    let env = secrets(&[
        ("XK", API_KEY),
        ("XS", API_SECRET),
        ("XT", ACCESS_TOKEN),
        ("XA", access_secret),
    ]);
    connect_with(&s, &options(), &env).unwrap()
}

#[tokio::test]
async fn a_signed_tweet_with_link_poll_and_a_reply_with_the_results() {
    let fake = FakeX::start(None).await;
    let ch = channel(&fake, ACCESS_SECRET);
    let mut post = announcement("a", "x-velsen");
    post.intro = "Wij willen graag weten hoe u naar het station komt. ".repeat(8);
    post.native_poll = Some(NativePoll {
        question: "Hoe komt u naar het station?".into(),
        options: vec!["Met de fiets".into(), "Met de bus of met de trein".into()],
        duration: Duration::from_secs(2 * 86_400),
    });
    let posted = ch.post(&post).await.unwrap();
    let tweets = fake.tweets();
    assert_eq!(tweets.len(), 1);
    assert_eq!(posted.remote_id, tweets[0]["id"].as_str().unwrap());
    let text = tweets[0]["text"].as_str().unwrap();
    assert!(flits_bridge::text::LengthRule::X.fits(text), "{text}");
    assert!(text.ends_with(post.link.as_str()), "{text}");
    assert_eq!(tweets[0]["poll"]["duration_minutes"], 2880);
    let s = setting(serde_json::json!({
        "id": "x-velsen", "kind": "x", "native_poll": true, "api_key_env": "XK",
        "api_secret_env": "XS", "access_token_env": "XT", "access_secret_env": "XA"
    }));
    assert_eq!(text, flits_bridge::preview(&s, &post).unwrap());
    assert!(text.contains("Hoe komt u naar het station?"), "{text}");
    assert_eq!(
        tweets[0]["poll"]["options"],
        serde_json::json!(["Met de fiets", "Met de bus of met de…"])
    );

    let mut results = announcement("a-results", "x-velsen");
    results.kind = PostKind::Results;
    ch.reply(&posted.remote_id, &results).await.unwrap();
    let tweets = fake.tweets();
    assert_eq!(
        tweets[1]["reply"]["in_reply_to_tweet_id"],
        serde_json::json!(posted.remote_id)
    );
    assert_eq!(tweets[1]["poll"], serde_json::Value::Null);

    assert_eq!(
        ch.verify().await.unwrap().account.as_deref(),
        Some("@gemeentevelsen")
    );
}

#[tokio::test]
async fn a_bad_secret_fails_the_signature_for_good() {
    let fake = FakeX::start(None).await;
    let ch = channel(&fake, "wrong-access-secret");
    let err = ch.verify().await.unwrap_err();
    assert_eq!(
        err,
        SendError::Permanent {
            status: 401,
            message: "Unauthorized".into()
        }
    );
    assert!(ch.post(&announcement("a", "x")).await.is_err());
    assert!(fake.tweets().is_empty());
}

#[tokio::test]
async fn rate_limits_server_errors_drops_and_duplicates() {
    let fake = FakeX::start(Some(1)).await;
    let ch = channel(&fake, ACCESS_SECRET);
    fake.fault(Fault::ServerError(503));
    let err = ch.post(&announcement("a", "x")).await.unwrap_err();
    assert!(
        matches!(
            &err,
            SendError::Retryable {
                cause: RetryCause::Server { status: 503, .. },
                ..
            }
        ),
        "{err:?}"
    );
    fake.fault(Fault::DropAfterAccept);
    let err = ch.post(&announcement("a", "x")).await.unwrap_err();
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
    // The budget of one tweet is used: 429 until x-rate-limit-reset (15 minutes).
    let mut other = announcement("b", "x");
    other.title = "Een andere peiling".into();
    let err = ch.post(&other).await.unwrap_err();
    assert_eq!(err.code(), "rate-limited");
    let wait = err.retry_after().unwrap().as_secs();
    assert!((895..=901).contains(&wait), "{wait}");
    assert_eq!(fake.tweets().len(), 1);
}

#[tokio::test]
async fn the_same_text_twice_is_refused_as_duplicate_content() {
    let fake = FakeX::start(None).await;
    let ch = channel(&fake, ACCESS_SECRET);
    ch.post(&announcement("a", "x")).await.unwrap();
    let err = ch.post(&announcement("a", "x")).await.unwrap_err();
    assert_eq!(
        err,
        SendError::Permanent {
            status: 403,
            message: "You are not allowed to create a Tweet with duplicate content.".into()
        }
    );
    assert_eq!(fake.tweets().len(), 1);
}

#[tokio::test]
async fn the_polls_counts_come_back_through_a_signed_lookup() {
    let fake = FakeX::start(None).await;
    let ch = channel(&fake, ACCESS_SECRET);
    let mut post = announcement("a", "x-velsen");
    post.native_poll = Some(NativePoll {
        question: "Hoe komt u naar het station?".into(),
        options: vec!["Met de fiets".into(), "Met de bus".into()],
        duration: Duration::from_secs(86_400),
    });
    let posted = ch.post(&post).await.unwrap();
    let poll_id = posted.native_poll_id.clone().expect("a poll was attached");
    fake.vote(&posted.remote_id, 1, 4);
    fake.vote(&posted.remote_id, 0, 1);
    let counts = ch.poll_counts(&poll_id).await.unwrap().unwrap();
    let got: Vec<(&str, Option<u64>)> = counts
        .options
        .iter()
        .map(|o| (o.title.as_str(), o.votes))
        .collect();
    assert_eq!(got, [("Met de fiets", Some(1)), ("Met de bus", Some(4))]);
    assert_eq!(counts.voters, Some(5));
    assert!(!counts.expired);
    // The lookup's query is signed: the fake refuses it otherwise, as X does.
    let lookup = fake
        .state
        .lock()
        .unwrap()
        .requests
        .iter()
        .rev()
        .find(|r| r.method == "GET")
        .cloned()
        .unwrap();
    assert!(
        lookup.query.contains("expansions=attachments.poll_ids"),
        "{}",
        lookup.query
    );

    fake.close_poll(&posted.remote_id);
    assert!(ch.poll_counts(&poll_id).await.unwrap().unwrap().expired);

    // A post without a poll has none to read; an unknown post is refused for good.
    let plain = ch.post(&announcement("b", "x-velsen")).await.unwrap();
    assert_eq!(plain.native_poll_id, None);
    assert_eq!(ch.poll_counts(&plain.remote_id).await.unwrap(), None);
    let missing = ch.poll_counts("1800000000000000099").await.unwrap_err();
    assert!(
        matches!(missing, SendError::Permanent { status: 404, .. }),
        "{missing:?}"
    );
}
