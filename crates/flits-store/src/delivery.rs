//! Sending the outbox (`channel_posts`): claiming due posts so that one instance sends each, and
//! recording what became of them.
//!
//! A post is `pending` until an instance claims it: a conditional update to `sending` that only
//! one instance can win (it names the row's state as it was read). The claim is a lease: its
//! `next_attempt_at` is when the lease runs out, so a post whose sender died mid-send is claimed
//! again later — with the same idempotency key, so platforms that honour one never show it twice.
//! What became of a send is recorded as `posted` (with the platform's id), `pending` again with a
//! later `next_attempt_at` (to retry), or `failed` (for staff to see; never dropped silently).

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use crate::entity::{channel_post, poll};
use crate::{Poll, PostPurpose, Store, StoreError};

/// Due posts one claim looks at: when other instances win some of them, the next one is tried.
const CANDIDATES: u64 = 16;

/// A post this instance claimed, with its poll.
#[derive(Debug, Clone)]
pub struct ClaimedPost {
    pub id: Uuid,
    pub channel_id: String,
    /// `announce`, `reminder` or `results` (see [`crate::PostPurpose`]).
    pub purpose: String,
    /// For a `results` post: the announcement on the same channel, to reply to.
    pub announcement: Option<Announcement>,
    /// How many times it has been claimed, this time included.
    pub attempts: i32,
    pub poll: Poll,
}

/// The announcement a `results` post replies to, as it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Announcement {
    /// `pending`, `sending`, `posted` or `failed`.
    pub status: String,
    /// The platform's id, once posted.
    pub remote_id: Option<String>,
}

/// What became of one send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// The platform accepted it, under this id (and its native poll under `native_poll_id`).
    Posted {
        remote_id: String,
        native_poll_id: Option<String>,
    },
    /// Try again at `at`.
    Retry { at: DateTime<Utc>, error: String },
    /// Refused for good, or given up on: staff see the message.
    Failed { error: String },
}

impl Store {
    /// Claims the next post that is due at `now` (pending and due, or sending with an expired
    /// lease) until `until`, when its lease runs out. Posts another instance claims first are
    /// passed over; `None` when nothing is left to claim. One post at a time, so that a lease only
    /// has to cover the one send that follows it.
    pub async fn claim_next_post(
        &self,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Option<ClaimedPost>, StoreError> {
        let due = channel_post::Entity::find()
            .filter(
                Condition::any()
                    .add(channel_post::Column::Status.eq("pending"))
                    .add(channel_post::Column::Status.eq("sending")),
            )
            .filter(channel_post::Column::NextAttemptAt.lte(now))
            .order_by_asc(channel_post::Column::NextAttemptAt)
            .order_by_asc(channel_post::Column::Id)
            .limit(CANDIDATES)
            .all(&self.db)
            .await?;
        for row in due {
            let won = channel_post::Entity::update_many()
                .col_expr(channel_post::Column::Status, Expr::value("sending"))
                .col_expr(channel_post::Column::NextAttemptAt, Expr::value(until))
                .col_expr(
                    channel_post::Column::Attempts,
                    Expr::value(row.attempts + 1),
                )
                .filter(channel_post::Column::Id.eq(row.id))
                .filter(channel_post::Column::Status.eq(row.status.clone()))
                .filter(channel_post::Column::Attempts.eq(row.attempts))
                .exec(&self.db)
                .await?
                .rows_affected
                == 1;
            if !won {
                continue;
            }
            let Some(poll) = poll::Entity::find_by_id(row.poll_id)
                .one(&self.db)
                .await?
                .map(Poll::try_from)
                .transpose()?
            else {
                continue;
            };
            let follows =
                PostPurpose::parse(&row.purpose).is_some_and(|p| p.follows_announcement());
            let announcement = if follows {
                channel_post::Entity::find()
                    .filter(channel_post::Column::PollId.eq(row.poll_id))
                    .filter(channel_post::Column::ChannelId.eq(row.channel_id.clone()))
                    .filter(channel_post::Column::Purpose.eq(PostPurpose::Announce.as_str()))
                    .one(&self.db)
                    .await?
                    .map(|a| Announcement {
                        status: a.status,
                        remote_id: a.remote_id,
                    })
            } else {
                None
            };
            return Ok(Some(ClaimedPost {
                id: row.id,
                channel_id: row.channel_id,
                purpose: row.purpose,
                announcement,
                attempts: row.attempts + 1,
                poll,
            }));
        }
        Ok(None)
    }

    /// Records what became of the claimed post `id`, claimed for its `attempts`-th try.
    ///
    /// That it was posted is always recorded: the platform has it, whoever else tries. A retry or
    /// a failure is only recorded while the claim still holds (the post is `sending` and nobody
    /// claimed it again after a lease ran out), so a late answer never overwrites a newer one.
    pub async fn record_delivery(
        &self,
        id: Uuid,
        attempts: i32,
        delivery: Delivery,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let update = channel_post::Entity::update_many().filter(channel_post::Column::Id.eq(id));
        let still_claimed = |u: sea_orm::UpdateMany<channel_post::Entity>| {
            u.filter(channel_post::Column::Status.eq("sending"))
                .filter(channel_post::Column::Attempts.eq(attempts))
        };
        let update = match delivery {
            Delivery::Posted {
                remote_id,
                native_poll_id,
            } => update
                .col_expr(channel_post::Column::Status, Expr::value("posted"))
                .col_expr(channel_post::Column::RemoteId, Expr::value(Some(remote_id)))
                .col_expr(
                    channel_post::Column::NativePollId,
                    Expr::value(native_poll_id),
                )
                .col_expr(channel_post::Column::PostedAt, Expr::value(Some(now)))
                .col_expr(channel_post::Column::LastError, Expr::value(None::<String>)),
            Delivery::Retry { at, error } => still_claimed(update)
                .col_expr(channel_post::Column::Status, Expr::value("pending"))
                .col_expr(channel_post::Column::NextAttemptAt, Expr::value(Some(at)))
                .col_expr(channel_post::Column::LastError, Expr::value(Some(error))),
            Delivery::Failed { error } => still_claimed(update)
                .col_expr(channel_post::Column::Status, Expr::value("failed"))
                .col_expr(channel_post::Column::LastError, Expr::value(Some(error))),
        };
        update.exec(&self.db).await?;
        Ok(())
    }
}
