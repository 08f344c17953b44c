//! The outbox worker: sends the posts the opening job put in the outbox, through the bridge's
//! channel adapters, and records what became of each.
//!
//! Each post is claimed (so one instance sends it; see `flits_store`'s delivery module), sent
//! with an idempotency key derived from its outbox row (the same on every attempt), and then:
//! - accepted: `posted`, with the platform's id for later replies;
//! - a temporary failure (`429`, `5xx`, a timeout, a dropped connection): tried again after an
//!   exponential backoff with jitter, or after the platform's `Retry-After` when that is later;
//! - refused for good (another `4xx`, a channel that is not configured, a post that cannot be
//!   made), or still failing after [`MAX_ATTEMPTS`]: `failed`, with the message for staff.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use flits_bridge::{Channel, Post, PostKind, SendError};
use flits_store::{ClaimedPost, Delivery, Store, StoreError};
use rand::Rng;
use url::Url;

/// Attempts before a post that keeps failing is given up on (and shown to staff).
pub const MAX_ATTEMPTS: i32 = 8;
/// The first wait after a temporary failure; it doubles per attempt…
const FIRST_BACKOFF: Duration = Duration::from_secs(30);
/// …up to this.
const MAX_BACKOFF: Duration = Duration::from_secs(60 * 60);
/// How long a claim holds: longer than any send takes (the adapters time out well before).
const LEASE: TimeDelta = TimeDelta::minutes(5);
/// Posts one step claims.
const BATCH: u64 = 50;

/// The configured channels, by id, and where links point.
#[derive(Clone)]
pub struct Outbox {
    channels: HashMap<String, Arc<dyn Channel>>,
    public_url: Url,
}

/// What one delivery step did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeliveryReport {
    pub posted: usize,
    pub retrying: usize,
    pub failed: usize,
}

impl Outbox {
    /// The outbox over `channels`, with links on `public_url`.
    pub fn new(channels: Vec<Arc<dyn Channel>>, public_url: Url) -> Outbox {
        let channels = channels
            .into_iter()
            .map(|c| (c.id().as_str().to_owned(), c))
            .collect();
        Outbox {
            channels,
            public_url,
        }
    }

    /// Sends every post due at `now`. Callable from tests with any `now`.
    pub async fn deliver_due(
        &self,
        store: &Store,
        now: DateTime<Utc>,
    ) -> Result<DeliveryReport, StoreError> {
        let mut report = DeliveryReport::default();
        loop {
            let claimed = store.claim_posts(now, LEASE, BATCH).await?;
            let count = claimed.len() as u64;
            for post in claimed {
                let delivery = self.send(&post, now).await;
                match &delivery {
                    Delivery::Posted { .. } => report.posted += 1,
                    Delivery::Retry { .. } => report.retrying += 1,
                    Delivery::Failed { error } => {
                        report.failed += 1;
                        tracing::warn!(channel = %post.channel_id, poll = %post.poll.slug, %error, "channel post failed for good");
                    }
                }
                store.record_delivery(post.id, delivery, now).await?;
            }
            if count < BATCH {
                return Ok(report);
            }
        }
    }

    /// Sends one claimed post and says what became of it.
    async fn send(&self, claimed: &ClaimedPost, now: DateTime<Utc>) -> Delivery {
        let Some(channel) = self.channels.get(&claimed.channel_id) else {
            return Delivery::Failed {
                error: format!(
                    "channel {:?} is not configured (or could not be set up)",
                    claimed.channel_id
                ),
            };
        };
        let post = match self.post_of(claimed) {
            Ok(post) => post,
            Err(error) => return Delivery::Failed { error },
        };
        match channel.post(&post).await {
            Ok(posted) => Delivery::Posted {
                remote_id: posted.remote_id,
            },
            Err(e @ SendError::Retryable { retry_after, .. })
                if claimed.attempts < MAX_ATTEMPTS =>
            {
                let wait = backoff(claimed.attempts).max(retry_after.unwrap_or_default());
                Delivery::Retry {
                    at: now + TimeDelta::from_std(wait).unwrap_or(TimeDelta::hours(1)),
                    error: e.to_string(),
                }
            }
            Err(e) if e.is_retryable() => Delivery::Failed {
                error: format!("gave up after {} attempts: {e}", claimed.attempts),
            },
            Err(e) => Delivery::Failed {
                error: e.to_string(),
            },
        }
    }

    /// The post of an outbox row: the poll's title and intro in its first language, and its link
    /// with the channel, so responses say where they came from.
    fn post_of(&self, claimed: &ClaimedPost) -> Result<Post, String> {
        let kind = match claimed.purpose.as_str() {
            "announce" => PostKind::Announcement,
            other => return Err(format!("unknown outbox purpose {other:?}")),
        };
        let def = &claimed.poll.definition;
        let locale = def.offered_languages().first().copied().unwrap_or_default();
        // Appended, not joined: a public URL with a path (`https://x.nl/peilingen`) keeps it.
        let base = self.public_url.as_str().trim_end_matches('/');
        let mut link =
            Url::parse(&format!("{base}/p/{}", claimed.poll.slug)).map_err(|e| e.to_string())?;
        link.query_pairs_mut().append_pair("c", &claimed.channel_id);
        Ok(Post {
            kind,
            idempotency_key: format!("flits-{}", claimed.id),
            slug: claimed.poll.slug.clone(),
            title: def.title.get(locale.code()).to_owned(),
            intro: def
                .intro
                .as_ref()
                .map(|t| t.get(locale.code()).to_owned())
                .unwrap_or_default(),
            link,
            locale,
            native_poll: None,
            in_reply_to: None,
        })
    }
}

/// The wait after the `attempt`-th failure: doubling from [`FIRST_BACKOFF`] up to
/// [`MAX_BACKOFF`], less up to a fifth at random, so instances that failed together do not retry
/// together.
fn backoff(attempt: i32) -> Duration {
    let exponent = u32::try_from(attempt.saturating_sub(1))
        .unwrap_or(0)
        .min(16);
    let full = FIRST_BACKOFF
        .saturating_mul(1u32 << exponent)
        .min(MAX_BACKOFF);
    let jitter = rand::rng().random_range(0.0..0.2);
    full.mul_f64(1.0 - jitter)
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
