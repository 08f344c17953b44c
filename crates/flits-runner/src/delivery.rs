//! The outbox worker: sends the posts the opening job put in the outbox, through the bridge's
//! channel adapters, and records what became of each.
//!
//! Each post is claimed (so one instance sends it; see `flits_store`'s delivery module), sent
//! with an idempotency key derived from its outbox row (the same on every attempt), and then:
//! - accepted: `posted`, with the platform's id for later replies;
//! - a temporary failure (`429`, `5xx`, a timeout, a dropped connection): tried again after an
//!   exponential backoff with jitter, or after the platform's `Retry-After` when that is later;
//! - refused for good (another `4xx`, a channel that is not configured, a post that cannot be
//!   made), or still failing after [`MAX_ATTEMPTS`]: `failed`, with a [`FailureNote`] that staff
//!   read in their language, and may send again from the poll's channel page.
//!
//! A `results` post replies to the announcement on the same channel once that is posted (a
//! follow-up of its own where the announcement failed). Native polls' counts are pulled back by
//! [`Outbox::refresh_native_counts`].
//!
//! # The lease
//!
//! A claim holds for the lease (`[runner] post_lease_seconds`, README.md "Configuration"). A
//! process that dies mid-send (killed, or its machine lost) leaves the post `sending`; once the
//! lease has run out any instance, or the same one restarted, claims it again and sends it with
//! the same idempotency key, so the platform shows it once. Posts are claimed one at a time, just
//! before their send, and a send that has not finished within nine tenths of the lease is given
//! up as a timeout (and retried later like one): so however short the lease is set, no two
//! instances ever send one post at the same time. Job claims need no lease: a job is one database
//! transaction, which the database rolls back when its process dies.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use flits_bridge::{Channel, FailureNote, NativePollCounts, Post, RetryCause, SendError};
use flits_store::{
    ClaimedPost, Delivery, NativeOption, NativeTally, PostPurpose, Store, StoreError,
};
use url::Url;

/// Attempts before a post that keeps failing is given up on (and shown to staff).
pub const MAX_ATTEMPTS: i32 = 8;
/// The first wait after a temporary failure; it doubles per attempt…
const FIRST_BACKOFF: Duration = Duration::from_secs(30);
/// …up to this.
const MAX_BACKOFF: Duration = Duration::from_secs(60 * 60);
/// The shortest lease: a send needs some time…
pub const MIN_LEASE: Duration = Duration::from_secs(1);
/// …and the longest: a post is not held back for more than a day after a crash.
pub const MAX_LEASE: Duration = Duration::from_secs(24 * 60 * 60);
/// How often a native poll's counts are pulled back while it runs.
pub const COUNTS_EVERY: TimeDelta = TimeDelta::minutes(15);

/// The configured channels, by id, and where links point.
#[derive(Clone)]
pub struct Outbox {
    channels: HashMap<String, Arc<dyn Channel>>,
    public_url: Url,
    /// How long a claim on a post holds (see "The lease" above).
    lease: Duration,
}

/// What one delivery step did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeliveryReport {
    pub posted: usize,
    pub retrying: usize,
    pub failed: usize,
}

impl Outbox {
    /// The outbox over `channels`, with links on `public_url`, claiming each post for `lease`
    /// (`[runner] post_lease_seconds`; from a second to a day).
    pub fn new(channels: Vec<Arc<dyn Channel>>, public_url: Url, lease: Duration) -> Outbox {
        let channels = channels
            .into_iter()
            .map(|c| (c.id().as_str().to_owned(), c))
            .collect();
        Outbox {
            channels,
            public_url,
            lease: lease.clamp(MIN_LEASE, MAX_LEASE),
        }
    }

    /// Sends every post due at `now`. Callable from tests with any `now`.
    pub async fn deliver_due(
        &self,
        store: &Store,
        now: DateTime<Utc>,
    ) -> Result<DeliveryReport, StoreError> {
        let mut report = DeliveryReport::default();
        let lease = TimeDelta::from_std(self.lease).unwrap_or(TimeDelta::days(1));
        // A send ends (or is given up) before its claim runs out, with time left to record it.
        let budget = self.lease.mul_f64(0.9);
        // The lease counts from the clock, not from `now`, which is when this step started (or a
        // test's time, which may lie ahead).
        while let Some(post) = store
            .claim_next_post(now, now.max(Utc::now()) + lease)
            .await?
        {
            let delivery = match tokio::time::timeout(budget, self.send(&post, now)).await {
                Ok(delivery) => delivery,
                // Given up before the lease runs out, so no other instance sends it meanwhile.
                Err(_) => unsent(
                    &post,
                    SendError::Retryable {
                        cause: RetryCause::Timeout,
                        retry_after: None,
                    },
                    now,
                ),
            };
            match &delivery {
                Delivery::Posted { .. } => report.posted += 1,
                Delivery::Retry { .. } => report.retrying += 1,
                Delivery::Failed { error } => {
                    report.failed += 1;
                    let code = FailureNote::parse(error).code;
                    tracing::warn!(channel = %post.channel_id, poll = %post.poll.slug, %code, "channel post failed for good");
                }
            }
            store
                .record_delivery(post.id, post.attempts, delivery, now)
                .await?;
        }
        Ok(report)
    }

    /// Sends one claimed post and says what became of it.
    async fn send(&self, claimed: &ClaimedPost, now: DateTime<Utc>) -> Delivery {
        let Some(channel) = self.channels.get(&claimed.channel_id) else {
            return failed(FailureNote::not_configured());
        };
        let Some(purpose) = PostPurpose::parse(&claimed.purpose) else {
            return failed(FailureNote::unknown_purpose());
        };
        let mut post = match self.post_of(claimed, purpose, now) {
            Ok(post) => post,
            Err(error) => return failed(FailureNote::of(&error)),
        };
        if purpose.follows_announcement() {
            match &claimed.announcement {
                // A reply where there is something to reply to…
                Some(a) if a.status == "posted" => post.in_reply_to = a.remote_id.clone(),
                // …after the announcement, when it is still on its way…
                Some(a) if a.status == "pending" || a.status == "sending" => {
                    return Delivery::Retry {
                        at: now + TimeDelta::from_std(FIRST_BACKOFF).unwrap_or(TimeDelta::MAX),
                        error: FailureNote::waiting_for_announcement().to_json(),
                    };
                }
                // …and a post of its own where the announcement failed.
                _ => {}
            }
        }
        match channel.post(&post).await {
            Ok(posted) => Delivery::Posted {
                remote_id: posted.remote_id,
                native_poll_id: posted.native_poll_id,
            },
            Err(e) => unsent(claimed, e, now),
        }
    }

    /// The post of an outbox row, as [`crate::compose::post`] builds it; a native poll stays open
    /// as long as the flash poll still is.
    fn post_of(
        &self,
        claimed: &ClaimedPost,
        purpose: PostPurpose,
        now: DateTime<Utc>,
    ) -> Result<Post, SendError> {
        crate::compose::post(
            &claimed.poll,
            &claimed.channel_id,
            purpose,
            &self.public_url,
            format!("flits-{}", claimed.id),
            crate::compose::remaining(&claimed.poll, now),
        )
    }

    /// Pulls back the counts of the native polls that are due (every [`COUNTS_EVERY`] until they
    /// are final) and stores them beside the posts; a platform that fails is asked again later.
    pub async fn refresh_native_counts(
        &self,
        store: &Store,
        now: DateTime<Utc>,
    ) -> Result<usize, StoreError> {
        let mut refreshed = 0;
        for due in store.native_polls_due(now, COUNTS_EVERY).await? {
            let Some(channel) = self.channels.get(&due.channel_id) else {
                continue;
            };
            match channel.poll_counts(&due.native_poll_id).await {
                Ok(Some(counts)) => {
                    store
                        .record_native_tally(due.post_id, &tally_of(counts), now)
                        .await?;
                    refreshed += 1;
                }
                Ok(None) => {}
                Err(error) => tracing::warn!(
                    channel = %due.channel_id,
                    code = error.code(),
                    "pulling native poll counts failed; trying again later"
                ),
            }
        }
        Ok(refreshed)
    }
}

/// A failed delivery with its note.
fn failed(note: FailureNote) -> Delivery {
    Delivery::Failed {
        error: note.to_json(),
    }
}

/// The counts as stored.
fn tally_of(counts: NativePollCounts) -> NativeTally {
    NativeTally {
        options: counts
            .options
            .into_iter()
            .map(|o| NativeOption {
                title: o.title,
                votes: o.votes,
            })
            .collect(),
        voters: counts.voters,
        expired: counts.expired,
    }
}

/// What becomes of a claimed post whose send failed with `e`: retried after a backoff while it
/// may still succeed, otherwise failed for staff to see.
fn unsent(claimed: &ClaimedPost, e: SendError, now: DateTime<Utc>) -> Delivery {
    match e {
        SendError::Retryable { retry_after, .. } if claimed.attempts < MAX_ATTEMPTS => {
            let wait = backoff(claimed.attempts).max(retry_after.unwrap_or_default());
            Delivery::Retry {
                at: now + TimeDelta::from_std(wait).unwrap_or(TimeDelta::hours(1)),
                error: FailureNote::of(&e).to_json(),
            }
        }
        e if e.is_retryable() => failed(FailureNote::gave_up(
            &e,
            u32::try_from(claimed.attempts).unwrap_or(0),
        )),
        e => failed(FailureNote::of(&e)),
    }
}

/// The wait after the `attempt`-th failure: doubling from [`FIRST_BACKOFF`] up to
/// [`MAX_BACKOFF`], less up to a fifth at random, so instances that failed together do not retry
/// together.
fn backoff(attempt: i32) -> Duration {
    crate::backoff::backoff(attempt, FIRST_BACKOFF, MAX_BACKOFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_with_jitter_and_stops_growing() {
        for attempt in 1..=12 {
            let wait = backoff(attempt);
            let full = FIRST_BACKOFF
                .saturating_mul(1 << (attempt - 1).min(16))
                .min(MAX_BACKOFF);
            assert!(
                wait <= full && wait >= full.mul_f64(0.8),
                "{attempt}: {wait:?}"
            );
        }
        assert!(backoff(20) <= MAX_BACKOFF);
    }
}
