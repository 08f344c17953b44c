//! The Mastodon adapter against a fake Mastodon server that follows the documented API.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::sync::Arc;
use std::time::Duration;

use flits_bridge::{
    Channel, NativePoll, PostKind, RetryCause, SendError, SetupError, connect_with,
};
use support::mastodon::{Config, FakeMastodon, Fault, TOKEN};
use support::{announcement, options, secrets, setting};

const TOKEN_ENV: &str = "FLITS_CHANNEL_MASTODON_VELSEN_TOKEN";

fn channel(fake: &FakeMastodon, native_poll: bool, token: &str) -> Arc<dyn Channel> {
    let s = setting(serde_json::json!({
        "id": "mastodon-velsen", "kind": "mastodon", "base_url": fake.url(),
        "token_env": TOKEN_ENV, "native_poll": native_poll, "visibility": "unlisted"
    }));
    connect_with(&s, &options(), &secrets(&[(TOKEN_ENV, token)])).unwrap()
}

fn status_posts(fake: &FakeMastodon) -> Vec<support::server::Request> {
    fake.requests()
        .into_iter()
        .filter(|r| r.method == "POST" && r.path == "/api/v1/statuses")
        .collect()
}

#[tokio::test]
async fn an_announcement_is_posted_with_token_key_language_visibility_and_the_channel_link() {
    let fake = FakeMastodon::start(Config::default()).await;
    let ch = channel(&fake, false, TOKEN);
    let post = announcement("poll-7-mastodon-velsen-announcement", "mastodon-velsen");
    let posted = ch.post(&post).await.unwrap();

    let statuses = fake.statuses();
    assert_eq!(statuses.len(), 1);
    assert_eq!(posted.remote_id, statuses[0]["id"].as_str().unwrap());
    assert_eq!(posted.url.as_deref(), statuses[0]["url"].as_str());
    assert_eq!(posted.native_poll_id, None);
    let req = &status_posts(&fake)[0];
    assert_eq!(
        req.header("authorization"),
        Some(format!("Bearer {TOKEN}").as_str())
    );
    assert_eq!(
        req.header("idempotency-key"),
        Some("poll-7-mastodon-velsen-announcement")
    );
    assert_eq!(req.field("language").as_deref(), Some("nl"));
    assert_eq!(req.field("visibility").as_deref(), Some("unlisted"));
    assert_eq!(req.field("in_reply_to_id"), None);
    let text = req.field("status").unwrap();
    assert!(text.starts_with("Fietsparkeren bij het station"), "{text}");
    assert!(
        text.ends_with("https://peiling.ijmond.nl/p/fietsparkeren-station?c=mastodon-velsen"),
        "{text}"
    );
    assert_eq!(text, ch.preview(&post).unwrap());
    let s = setting(serde_json::json!({
        "id": "mastodon-velsen", "kind": "mastodon", "base_url": fake.url(),
        "token_env": TOKEN_ENV, "visibility": "unlisted"
    }));
    assert_eq!(
        text,
        flits_bridge::preview(&s, &post).unwrap(),
        "the preview needs no secret"
    );
}

#[tokio::test]
async fn a_connection_dropped_after_the_post_was_accepted_is_retried_without_a_second_post() {
    let fake = FakeMastodon::start(Config::default()).await;
    let ch = channel(&fake, false, TOKEN);
    let post = announcement("poll-7-mastodon-velsen-announcement", "mastodon-velsen");
    fake.fault(Fault::DropAfterAccept);
    let err = ch.post(&post).await.unwrap_err();
    assert!(err.is_retryable(), "{err}");
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
    assert_eq!(fake.statuses().len(), 1, "the server did accept the post");

    let posted = ch.post(&post).await.unwrap();
    assert_eq!(fake.statuses().len(), 1, "the retry must not post again");
    assert_eq!(posted.remote_id, fake.statuses()[0]["id"].as_str().unwrap());
    let keys: Vec<_> = status_posts(&fake)
        .iter()
        .map(|r| r.header("idempotency-key").unwrap().to_owned())
        .collect();
    assert_eq!(keys.len(), 2);
    assert_eq!(keys[0], keys[1]);
}

#[tokio::test]
async fn a_timeout_after_the_post_was_accepted_is_retried_without_a_second_post() {
    let fake = FakeMastodon::start(Config::default()).await;
    let ch = channel(&fake, false, TOKEN);
    let post = announcement("poll-8-announcement", "mastodon-velsen");
    fake.fault(Fault::HangAfterAccept(Duration::from_secs(3)));
    let err = ch.post(&post).await.unwrap_err();
    assert!(
        matches!(
            err,
            SendError::Retryable {
                cause: RetryCause::Timeout,
                retry_after: None
            }
        ),
        "{err:?}"
    );
    let posted = ch.post(&post).await.unwrap();
    assert_eq!(fake.statuses().len(), 1);
    assert_eq!(posted.remote_id, fake.statuses()[0]["id"].as_str().unwrap());
    // Another post (another key) is a new status.
    ch.post(&announcement("poll-9-announcement", "mastodon-velsen"))
        .await
        .unwrap();
    assert_eq!(fake.statuses().len(), 2);
}

#[tokio::test]
async fn too_many_requests_is_retryable_after_the_reset_the_server_names() {
    let fake = FakeMastodon::start(Config {
        status_budget: 1,
        window: Duration::from_secs(120),
        ..Config::default()
    })
    .await;
    let ch = channel(&fake, false, TOKEN);
    ch.post(&announcement("a", "mastodon-velsen"))
        .await
        .unwrap();
    let err = ch
        .post(&announcement("b", "mastodon-velsen"))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            SendError::Retryable {
                cause: RetryCause::RateLimited,
                ..
            }
        ),
        "{err:?}"
    );
    let wait = err
        .retry_after()
        .expect("X-RateLimit-Reset gives the delay")
        .as_secs();
    assert!((115..=121).contains(&wait), "{wait}");
    assert_eq!(err.code(), "rate-limited");
    assert_eq!(fake.statuses().len(), 1);
}

#[tokio::test]
async fn a_server_error_is_retryable_with_its_status() {
    let fake = FakeMastodon::start(Config::default()).await;
    let ch = channel(&fake, false, TOKEN);
    fake.fault(Fault::ServerError(503));
    let err = ch
        .post(&announcement("a", "mastodon-velsen"))
        .await
        .unwrap_err();
    match &err {
        SendError::Retryable {
            cause: RetryCause::Server { status, message },
            retry_after: None,
        } => {
            assert_eq!(*status, 503);
            assert!(message.contains("something went wrong"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(fake.statuses().len(), 0);
    ch.post(&announcement("a", "mastodon-velsen"))
        .await
        .unwrap();
    assert_eq!(fake.statuses().len(), 1);
}

#[tokio::test]
async fn a_refused_post_is_permanent_with_the_platforms_message() {
    let fake = FakeMastodon::start(Config::default()).await;
    // A bad token: 401.
    let bad = channel(&fake, false, "not-the-token");
    let err = bad
        .post(&announcement("a", "mastodon-velsen"))
        .await
        .unwrap_err();
    assert_eq!(
        err,
        SendError::Permanent {
            status: 401,
            message: "The access token is invalid".into()
        }
    );
    assert!(!err.is_retryable());
    // A reply to a status that does not exist: 404.
    let ch = channel(&fake, false, TOKEN);
    let err = ch
        .reply("999", &announcement("b", "mastodon-velsen"))
        .await
        .unwrap_err();
    assert_eq!(
        err,
        SendError::Permanent {
            status: 404,
            message: "Record not found".into()
        }
    );
    assert_eq!(fake.statuses().len(), 0);
}

#[tokio::test]
async fn a_long_intro_is_shortened_to_the_servers_own_limit_and_accepted() {
    let fake = FakeMastodon::start(Config {
        max_characters: 140,
        ..Config::default()
    })
    .await;
    let ch = channel(&fake, false, TOKEN);
    let mut post = announcement("a", "mastodon-velsen");
    post.intro =
        "Wij willen graag weten hoe u naar het station komt en waar u uw fiets zet. ".repeat(5);
    let posted = ch.post(&post).await;
    assert!(posted.is_ok(), "{posted:?}");
    let text = status_posts(&fake)[0].field("status").unwrap();
    assert!(text.contains('…'), "{text}");
    assert!(text.ends_with(post.link.as_str()), "{text}");
}

#[tokio::test]
async fn a_native_poll_mirrors_the_question_within_the_servers_limits_and_its_counts_come_back() {
    let fake = FakeMastodon::start(Config {
        max_options: 3,
        max_characters_per_option: 12,
        max_expiration: 7 * 86_400,
        ..Config::default()
    })
    .await;
    let ch = channel(&fake, true, TOKEN);
    let mut post = announcement("a", "mastodon-velsen");
    post.native_poll = Some(NativePoll {
        question: "Hoe komt u meestal naar het station?".into(),
        options: vec![
            "Met de fiets".into(),
            "Met de bus of de trein".into(),
            "Lopend".into(),
        ],
        duration: Duration::from_secs(14 * 86_400),
    });
    let posted = ch.post(&post).await.unwrap();
    let req = &status_posts(&fake)[0];
    assert_eq!(
        req.fields("poll[options][]"),
        vec!["Met de fiets", "Met de bus…", "Lopend"]
    );
    assert_eq!(req.field("poll[expires_in]").as_deref(), Some("604800"));
    assert!(req.field("status").unwrap().contains("Hoe komt u meestal"));
    let poll_id = posted.native_poll_id.clone().expect("a native poll");

    fake.vote(&poll_id, 0, 5);
    fake.vote(&poll_id, 2, 2);
    let counts = ch.poll_counts(&poll_id).await.unwrap().unwrap();
    let votes: Vec<_> = counts
        .options
        .iter()
        .map(|o| (o.title.as_str(), o.votes))
        .collect();
    assert_eq!(
        votes,
        vec![
            ("Met de fiets", Some(5)),
            ("Met de bus…", Some(0)),
            ("Lopend", Some(2))
        ]
    );
    assert_eq!(counts.voters, Some(7));
    assert!(!counts.expired);

    // Too many options for the server: posted without a native poll.
    let mut many = announcement("b", "mastodon-velsen");
    many.native_poll = Some(NativePoll {
        question: "Welke dag?".into(),
        options: vec!["ma".into(), "di".into(), "wo".into(), "do".into()],
        duration: Duration::from_secs(86_400),
    });
    let posted = ch.post(&many).await.unwrap();
    assert_eq!(posted.native_poll_id, None);
    assert!(status_posts(&fake)[1].fields("poll[options][]").is_empty());
}

#[tokio::test]
async fn results_are_a_reply_to_the_announcement_without_a_poll() {
    let fake = FakeMastodon::start(Config::default()).await;
    let ch = channel(&fake, true, TOKEN);
    let first = ch
        .post(&announcement("a", "mastodon-velsen"))
        .await
        .unwrap();
    let mut results = announcement("a-results", "mastodon-velsen");
    results.kind = PostKind::Results;
    results.link =
        url::Url::parse("https://peiling.ijmond.nl/p/fietsparkeren-station/results").unwrap();
    results.native_poll = Some(NativePoll {
        question: "q".into(),
        options: vec!["a".into(), "b".into()],
        duration: Duration::from_secs(3600),
    });
    let reply = ch.reply(&first.remote_id, &results).await.unwrap();
    assert_ne!(reply.remote_id, first.remote_id);
    let req = &status_posts(&fake)[1];
    assert_eq!(req.field("in_reply_to_id"), Some(first.remote_id.clone()));
    assert!(req.fields("poll[options][]").is_empty());
    let text = req.field("status").unwrap();
    assert!(text.contains("Fietsparkeren bij het station"), "{text}");
    assert!(text.ends_with("/results"), "{text}");
    assert_eq!(
        fake.statuses()[1]["in_reply_to_id"],
        serde_json::json!(first.remote_id)
    );
}

#[tokio::test]
async fn credentials_are_checked_without_posting() {
    let fake = FakeMastodon::start(Config::default()).await;
    let ok = channel(&fake, false, TOKEN).verify().await.unwrap();
    let host = fake.server.addr.ip().to_string();
    assert_eq!(ok.account, Some(format!("@flits@{host}")));
    let err = channel(&fake, false, "wrong").verify().await.unwrap_err();
    assert_eq!(err.code(), "refused");
    assert!(fake.statuses().is_empty());
    assert!(status_posts(&fake).is_empty());
}

#[tokio::test]
async fn an_unreachable_server_is_a_retryable_connection_failure() {
    let fake = FakeMastodon::start(Config::default()).await;
    let s = setting(serde_json::json!({
        "id": "m", "kind": "mastodon", "base_url": "http://127.0.0.1:9", "token_env": TOKEN_ENV
    }));
    let ch = connect_with(&s, &options(), &secrets(&[(TOKEN_ENV, TOKEN)])).unwrap();
    let err = ch.post(&announcement("a", "m")).await.unwrap_err();
    assert!(err.is_retryable(), "{err:?}");
    drop(fake);
}

#[test]
fn a_missing_token_names_its_variable() {
    let s = setting(serde_json::json!({
        "id": "m", "kind": "mastodon", "base_url": "https://social.example.nl", "token_env": TOKEN_ENV
    }));
    let err = connect_with(&s, &options(), &secrets(&[])).unwrap_err();
    assert_eq!(
        err,
        SetupError::MissingSecret {
            variable: TOKEN_ENV.into()
        }
    );
}
