//! The outbox of channel posts (`channel_posts`): what the bridge is to post, written in the same
//! transaction as the event that calls for it, so a post is neither lost nor made twice.
//!
//! One row per poll, channel and purpose (a unique index): `announce` when the poll opens,
//! `reminder` when staff post an open poll once more, `results` when its results are published.
//! Whatever asks for a post twice finds the row there and adds nothing.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use crate::audit::insert_audit_on;
use crate::entity::{channel_post, poll_channel};
use crate::native::NativeTally;
use crate::{NewAudit, Store, StoreError};

/// Why a post is in the outbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PostPurpose {
    /// The poll opened.
    Announce,
    /// Once more while the poll is open, at staff's request.
    Reminder,
    /// The results were published: a reply to (or follow-up of) the announcement.
    Results,
    /// The `n`-th later "what we did" update (from 1), posted like the results.
    Update(u32),
    /// Staff closed the poll before its time: a short notice in the announcement's thread, so
    /// followers who saw the poll learn why its link no longer takes answers.
    Closed,
}

impl PostPurpose {
    /// The kind of purpose: `announce`, `reminder`, `results`, `update` or `closed`.
    pub fn as_str(self) -> &'static str {
        match self {
            PostPurpose::Announce => "announce",
            PostPurpose::Reminder => "reminder",
            PostPurpose::Results => "results",
            PostPurpose::Update(_) => "update",
            PostPurpose::Closed => "closed",
        }
    }

    /// The name stored in `channel_posts.purpose`: the kind, and for an update its number
    /// (`update-2`), so each update is one post per channel.
    pub fn stored_name(self) -> String {
        match self {
            PostPurpose::Update(n) => format!("update-{n}"),
            other => other.as_str().to_owned(),
        }
    }

    /// The purpose stored as `name`.
    pub fn parse(name: &str) -> Option<PostPurpose> {
        match name {
            "announce" => Some(PostPurpose::Announce),
            "reminder" => Some(PostPurpose::Reminder),
            "results" => Some(PostPurpose::Results),
            "closed" => Some(PostPurpose::Closed),
            other => other
                .strip_prefix("update-")
                .and_then(|n| n.parse().ok())
                .map(PostPurpose::Update),
        }
    }

    /// Whether the post follows up the announcement in its thread (results, updates and the
    /// notice of an early close).
    pub fn follows_announcement(self) -> bool {
        matches!(
            self,
            PostPurpose::Results | PostPurpose::Update(_) | PostPurpose::Closed
        )
    }
}

/// A channel post in the outbox.
#[derive(Debug, Clone, PartialEq)]
pub struct OutboxPost {
    /// The row's id; the bridge derives the post's idempotency key from it.
    pub id: Uuid,
    pub poll_id: Uuid,
    pub channel_id: String,
    /// `announce`, `reminder` or `results` (see [`PostPurpose`]).
    pub purpose: String,
    /// `pending`, `sending`, `posted` or `failed`.
    pub status: String,
    /// How many times it was claimed for sending.
    pub attempts: i32,
    /// The platform's id, once posted.
    pub remote_id: Option<String>,
    /// What went wrong the last time, for staff.
    pub last_error: Option<String>,
    /// When it is sent (again), while it is pending.
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub posted_at: Option<DateTime<Utc>>,
    /// The platform's id of the native poll the post carried.
    pub native_poll_id: Option<String>,
    /// The native poll's counts as last pulled back, and when.
    pub native_tally: Option<(NativeTally, DateTime<Utc>)>,
}

impl From<channel_post::Model> for OutboxPost {
    fn from(m: channel_post::Model) -> Self {
        // Counts that no longer parse are dropped from view, not fatal: the next pull rewrites them.
        let native_tally = match (&m.native_counts, m.native_counts_at) {
            (Some(json), Some(at)) => serde_json::from_str(json).ok().map(|t| (t, at)),
            _ => None,
        };
        OutboxPost {
            id: m.id,
            poll_id: m.poll_id,
            channel_id: m.channel_id,
            purpose: m.purpose,
            status: m.status,
            attempts: m.attempts,
            remote_id: m.remote_id,
            last_error: m.last_error,
            next_attempt_at: m.next_attempt_at,
            created_at: m.created_at,
            posted_at: m.posted_at,
            native_poll_id: m.native_poll_id,
            native_tally,
        }
    }
}

/// Adds one pending post, due `now`, unless the poll already has one for this channel and
/// purpose. Returns whether it was added.
async fn enqueue<C: ConnectionTrait>(
    db: &C,
    poll_id: Uuid,
    channel_id: &str,
    purpose: PostPurpose,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let added = channel_post::Entity::insert(channel_post::ActiveModel {
        id: Set(Uuid::new_v4()),
        poll_id: Set(poll_id),
        channel_id: Set(channel_id.to_owned()),
        purpose: Set(purpose.stored_name()),
        status: Set("pending".to_owned()),
        attempts: Set(0),
        remote_id: Set(None),
        last_error: Set(None),
        next_attempt_at: Set(Some(now)),
        created_at: Set(now),
        posted_at: Set(None),
        native_poll_id: Set(None),
        native_counts: Set(None),
        native_counts_at: Set(None),
    })
    .on_conflict(
        OnConflict::columns([
            channel_post::Column::PollId,
            channel_post::Column::ChannelId,
            channel_post::Column::Purpose,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(added == 1)
}

/// Puts one `announce` post per channel of the poll in the outbox (status `pending`, due `now`),
/// on `db` (the opening job's transaction). A post already there is left alone. Returns how many
/// were added.
pub(crate) async fn enqueue_announcements<C: ConnectionTrait>(
    db: &C,
    poll_id: Uuid,
    now: DateTime<Utc>,
) -> Result<u64, StoreError> {
    let channels = poll_channel::Entity::find()
        .filter(poll_channel::Column::PollId.eq(poll_id))
        .order_by_asc(poll_channel::Column::ChannelId)
        .all(db)
        .await?;
    let mut added = 0;
    for channel in channels {
        if enqueue(db, poll_id, &channel.channel_id, PostPurpose::Announce, now).await? {
            added += 1;
        }
    }
    Ok(added)
}

/// Puts a reminder post of the poll on `channel_id` in the outbox, due `now`, with `audit`, on
/// `db` (the scheduling lock's transaction). Returns `false` (and writes nothing) when the poll
/// already has a reminder on that channel: a poll is posted once more, not again and again.
pub(crate) async fn enqueue_reminder_on<C: ConnectionTrait>(
    db: &C,
    poll_id: Uuid,
    channel_id: &str,
    audit: NewAudit,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    if !enqueue(db, poll_id, channel_id, PostPurpose::Reminder, now).await? {
        return Ok(false);
    }
    insert_audit_on(db, audit, now).await?;
    Ok(true)
}

/// When reminders were asked for on each of `channel_ids` since `since`, on `db`: a reminder
/// counts towards its channel's weekly limit like any other poll post.
pub(crate) async fn reminder_times_on<C: ConnectionTrait>(
    db: &C,
    channel_ids: &[String],
    since: DateTime<Utc>,
) -> Result<Vec<(String, DateTime<Utc>)>, StoreError> {
    if channel_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(channel_post::Entity::find()
        .filter(channel_post::Column::Purpose.eq(PostPurpose::Reminder.as_str()))
        .filter(channel_post::Column::ChannelId.is_in(channel_ids.iter().cloned()))
        .filter(channel_post::Column::CreatedAt.gte(since))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.channel_id, m.created_at))
        .collect())
}

/// One `closed` notice per announcement of the poll, on `db` (the early close's transaction).
pub(crate) async fn enqueue_closed_notices_on<C: ConnectionTrait>(
    db: &C,
    poll_id: Uuid,
    now: DateTime<Utc>,
) -> Result<u64, StoreError> {
    enqueue_follow_ups_on(db, poll_id, PostPurpose::Closed, now).await
}

/// One `results` post per announcement of the poll, on `db`; see
/// [`Store::enqueue_result_replies`].
pub(crate) async fn enqueue_result_replies_on<C: ConnectionTrait>(
    db: &C,
    poll_id: Uuid,
    now: DateTime<Utc>,
) -> Result<u64, StoreError> {
    enqueue_follow_ups_on(db, poll_id, PostPurpose::Results, now).await
}

/// One post of `purpose` (results or an update) per announcement of the poll, on `db`.
pub(crate) async fn enqueue_follow_ups_on<C: ConnectionTrait>(
    db: &C,
    poll_id: Uuid,
    purpose: PostPurpose,
    now: DateTime<Utc>,
) -> Result<u64, StoreError> {
    let announcements = channel_post::Entity::find()
        .filter(channel_post::Column::PollId.eq(poll_id))
        .filter(channel_post::Column::Purpose.eq(PostPurpose::Announce.as_str()))
        .order_by_asc(channel_post::Column::ChannelId)
        .all(db)
        .await?;
    let mut added = 0;
    for announcement in announcements {
        if enqueue(db, poll_id, &announcement.channel_id, purpose, now).await? {
            added += 1;
        }
    }
    Ok(added)
}

/// What became of a request to retry a failed post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryOutcome {
    /// Back in the outbox, due now.
    Queued,
    /// The poll has no such post.
    NotFound,
    /// The post has not failed (it is pending, being sent, or posted): nothing to retry.
    NotFailed,
}

impl Store {
    /// The outbox rows (`channel_posts`) of a poll, by channel and purpose.
    pub async fn outbox_posts(&self, poll_id: Uuid) -> Result<Vec<OutboxPost>, StoreError> {
        Ok(channel_post::Entity::find()
            .filter(channel_post::Column::PollId.eq(poll_id))
            .order_by_asc(channel_post::Column::ChannelId)
            .order_by_asc(channel_post::Column::CreatedAt)
            .order_by_asc(channel_post::Column::Purpose)
            .all(&self.db)
            .await?
            .into_iter()
            .map(OutboxPost::from)
            .collect())
    }

    /// How many posts of each poll have failed and wait for staff, by poll id; polls without a
    /// failed post are left out. One query, for the dashboard's list of every poll.
    pub async fn failed_post_counts(&self) -> Result<HashMap<Uuid, u64>, StoreError> {
        let poll_ids: Vec<Uuid> = channel_post::Entity::find()
            .select_only()
            .column(channel_post::Column::PollId)
            .filter(channel_post::Column::Status.eq("failed"))
            .into_tuple()
            .all(&self.db)
            .await?;
        let mut counts = HashMap::new();
        for id in poll_ids {
            *counts.entry(id).or_insert(0) += 1;
        }
        Ok(counts)
    }

    /// Puts a failed post of the poll back in the outbox, due `now`, with its attempts counted
    /// from zero; `audit` is written in the same transaction. Only a `failed` post moves, so a
    /// retry can never make a post that was sent go out again.
    pub async fn retry_post(
        &self,
        poll_id: Uuid,
        post_id: Uuid,
        audit: NewAudit,
        now: DateTime<Utc>,
    ) -> Result<RetryOutcome, StoreError> {
        let txn = self.begin_write().await?;
        let moved = channel_post::Entity::update_many()
            .col_expr(channel_post::Column::Status, Expr::value("pending"))
            .col_expr(channel_post::Column::Attempts, Expr::value(0))
            .col_expr(channel_post::Column::NextAttemptAt, Expr::value(Some(now)))
            .filter(channel_post::Column::Id.eq(post_id))
            .filter(channel_post::Column::PollId.eq(poll_id))
            .filter(channel_post::Column::Status.eq("failed"))
            .exec(&txn)
            .await?
            .rows_affected;
        if moved == 0 {
            let exists = channel_post::Entity::find_by_id(post_id)
                .filter(channel_post::Column::PollId.eq(poll_id))
                .one(&txn)
                .await?
                .is_some();
            txn.rollback().await?;
            return Ok(if exists {
                RetryOutcome::NotFailed
            } else {
                RetryOutcome::NotFound
            });
        }
        insert_audit_on(&txn, audit, now).await?;
        txn.commit().await?;
        Ok(RetryOutcome::Queued)
    }

    /// Enqueues one `results` post per announcement of the poll (whatever became of it: a
    /// failed announcement still gets the results as a post of their own), due `now`. Calling it
    /// again adds nothing. Returns how many were added. Publishing calls it in its own
    /// transaction (see `publication`); the bridge sends each as a reply to the announcement
    /// where the platform has threads.
    pub async fn enqueue_result_replies(
        &self,
        poll_id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<u64, StoreError> {
        let txn = self.begin_write().await?;
        let added = enqueue_result_replies_on(&txn, poll_id, now).await?;
        txn.commit().await?;
        Ok(added)
    }
}
