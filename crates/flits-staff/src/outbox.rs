//! Sending a failed channel post again, for the staff API and the poll's posts page alike.

use chrono::Utc;
use flits_store::{NewAudit, Poll, RetryOutcome, StoreError};
use serde_json::json;
use uuid::Uuid;

use crate::identity::Caller;
use crate::state::StaffState;

/// The audit action of sending a failed post again.
pub const RETRY_ACTION: &str = "channel_post.retry";

/// What became of a request to send a failed post again, for the API and the posts page.
pub enum Retried {
    /// The post (its id) is pending again.
    Queued(Uuid),
    NotFound,
    /// The post is not failed; its status.
    NotFailed(String),
}

/// Puts the failed post `id` of the poll back in the outbox, audit-logged as [`RETRY_ACTION`]
/// in the same transaction. An id that is not a UUID is no post of the poll.
pub async fn retry_post(
    state: &StaffState,
    caller: &Caller,
    poll: &Poll,
    id: &str,
) -> Result<Retried, StoreError> {
    let Ok(id) = Uuid::parse_str(id) else {
        return Ok(Retried::NotFound);
    };
    let posts = state.store.outbox_posts(poll.id).await?;
    let Some(post) = posts.iter().find(|p| p.id == id) else {
        return Ok(Retried::NotFound);
    };
    let audit = NewAudit {
        actor_email: Some(caller.user.email.clone()),
        action: RETRY_ACTION.to_owned(),
        poll_slug: Some(poll.slug.clone()),
        details: json!({"post": id, "channel": post.channel_id, "purpose": post.purpose}),
    };
    Ok(
        match state
            .store
            .retry_post(poll.id, id, audit, Utc::now())
            .await?
        {
            RetryOutcome::Queued => Retried::Queued(id),
            RetryOutcome::NotFound => Retried::NotFound,
            RetryOutcome::NotFailed => Retried::NotFailed(post.status.clone()),
        },
    )
}
