//! The outbox of channel posts (`channel_posts`): what the bridge is to post, written in the same
//! transaction as the event that calls for it, so a post is neither lost nor made twice.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

use crate::entity::{channel_post, poll_channel};
use crate::{Store, StoreError};

/// A channel post in the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxPost {
    pub poll_id: Uuid,
    pub channel_id: String,
    pub purpose: String,
    /// `pending`, `sending`, `posted` or `failed`.
    pub status: String,
    /// How many times it was claimed for sending.
    pub attempts: i32,
    /// The platform's id, once posted.
    pub remote_id: Option<String>,
    /// What went wrong the last time, for staff.
    pub last_error: Option<String>,
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
        added += channel_post::Entity::insert(channel_post::ActiveModel {
            id: Set(Uuid::new_v4()),
            poll_id: Set(poll_id),
            channel_id: Set(channel.channel_id),
            purpose: Set("announce".to_owned()),
            status: Set("pending".to_owned()),
            attempts: Set(0),
            remote_id: Set(None),
            last_error: Set(None),
            next_attempt_at: Set(Some(now)),
            created_at: Set(now),
            posted_at: Set(None),
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
    }
    Ok(added)
}

impl Store {
    /// The outbox rows (`channel_posts`) of a poll, by channel and purpose.
    pub async fn outbox_posts(&self, poll_id: Uuid) -> Result<Vec<OutboxPost>, StoreError> {
        Ok(channel_post::Entity::find()
            .filter(channel_post::Column::PollId.eq(poll_id))
            .order_by_asc(channel_post::Column::ChannelId)
            .order_by_asc(channel_post::Column::Purpose)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|m| OutboxPost {
                poll_id: m.poll_id,
                channel_id: m.channel_id,
                purpose: m.purpose,
                status: m.status,
                attempts: m.attempts,
                remote_id: m.remote_id,
                last_error: m.last_error,
            })
            .collect())
    }
}
