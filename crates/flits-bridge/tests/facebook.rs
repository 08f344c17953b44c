//! The Facebook page adapter against a fake Graph API.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::sync::Arc;
use std::time::Duration;

use flits_bridge::{Channel, PostKind, RetryCause, SendError, connect_with};
use support::facebook::{FakeGraph, Fault, PAGE, TOKEN};
use support::{announcement, options, secrets, setting};

fn channel(fake: &FakeGraph, token: &str) -> Arc<dyn Channel> {
    let s = setting(serde_json::json!({
        "id": "facebook-velsen", "kind": "facebook", "page_id": PAGE,
        "token_env": "FB_PAGE_TOKEN", "base_url": fake.url()
    }));
    connect_with(&s, &options(), &secrets(&[("FB_PAGE_TOKEN", token)])).unwrap()
}

#[tokio::test]
async fn the_announcement_goes_to_the_page_feed_with_message_and_link_and_results_as_a_comment() {
    let fake = FakeGraph::start().await;
    let ch = channel(&fake, TOKEN);
    let post = announcement("a", "facebook-velsen");
    let posted = ch.post(&post).await.unwrap();
    let posts = fake.posts();
    assert_eq!(posts.len(), 1);
    assert_eq!(posted.remote_id, posts[0]["id"].as_str().unwrap());
    assert_eq!(posts[0]["link"], post.link.as_str());
    assert_eq!(posts[0]["message"], ch.preview(&post).unwrap());
    assert!(
        fake.requests()[0].query.is_empty(),
        "the token goes in the body of a POST"
    );

    let mut results = announcement("a-results", "facebook-velsen");
    results.kind = PostKind::Results;
    let comment = ch.reply(&posted.remote_id, &results).await.unwrap();
    let comments = fake.comments();
    assert_eq!(comments.len(), 1);
    assert_eq!(comments[0]["parent"], serde_json::json!(posted.remote_id));
    assert_eq!(comment.remote_id, comments[0]["id"].as_str().unwrap());
}

#[tokio::test]
async fn a_bad_token_is_permanent_with_the_graph_message_and_the_page_is_checked_without_posting() {
    let fake = FakeGraph::start().await;
    let err = channel(&fake, "EAAGwrong000000")
        .post(&announcement("a", "f"))
        .await
        .unwrap_err();
    assert_eq!(
        err,
        SendError::Permanent {
            status: 400,
            message: "Invalid OAuth access token - Cannot parse access token".into()
        }
    );
    let v = channel(&fake, TOKEN).verify().await.unwrap();
    assert_eq!(v.account.as_deref(), Some("Gemeente Velsen"));
    assert!(channel(&fake, "EAAGwrong000000").verify().await.is_err());
    assert!(fake.posts().is_empty());
}

#[tokio::test]
async fn page_throttling_is_retryable_after_the_time_the_graph_api_names() {
    let fake = FakeGraph::start().await;
    let ch = channel(&fake, TOKEN);
    fake.fault(Fault::Throttled { minutes: 12 });
    let err = ch.post(&announcement("a", "f")).await.unwrap_err();
    assert_eq!(
        err,
        SendError::Retryable {
            cause: RetryCause::RateLimited,
            retry_after: Some(Duration::from_secs(720))
        }
    );
    fake.fault(Fault::ServerError(500));
    let err = ch.post(&announcement("a", "f")).await.unwrap_err();
    assert!(
        matches!(
            &err,
            SendError::Retryable {
                cause: RetryCause::Server { status: 500, .. },
                ..
            }
        ),
        "{err:?}"
    );
    fake.fault(Fault::DropAfterAccept);
    let err = ch.post(&announcement("a", "f")).await.unwrap_err();
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
    assert_eq!(
        fake.posts().len(),
        1,
        "the Graph API accepted it; it has no idempotency key"
    );
}
