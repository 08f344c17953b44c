//! The counts of native polls (a Mastodon or X poll attached to a channel post), pulled back from
//! the platforms. They are a separate, labelled source: kept with the post they came from, never
//! with or as responses.

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::entity::channel_post;
use crate::{Store, StoreError};

/// No platform keeps a poll open longer than a month (Mastodon's default maximum; X allows a
/// week), so a post older than this has its final counts.
const NATIVE_POLL_LIFETIME: TimeDelta = TimeDelta::days(40);

/// One option's votes as the platform reported them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NativeOption {
    pub title: String,
    /// `None` while the platform hides counts until the poll ends.
    pub votes: Option<u64>,
}

/// A native poll's counts as last pulled back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NativeTally {
    pub options: Vec<NativeOption>,
    /// The accounts that voted, when the platform says.
    pub voters: Option<u64>,
    /// Whether the native poll has ended (these counts are final).
    pub expired: bool,
}

/// A posted native poll whose counts are due to be pulled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NativePollRef {
    /// The channel post that carried it.
    pub post_id: Uuid,
    pub channel_id: String,
    pub native_poll_id: String,
}

impl Store {
    /// The native polls whose counts were not pulled since `now - every` and are not final yet.
    pub async fn native_polls_due(
        &self,
        now: DateTime<Utc>,
        every: TimeDelta,
    ) -> Result<Vec<NativePollRef>, StoreError> {
        let rows = channel_post::Entity::find()
            .filter(channel_post::Column::Status.eq("posted"))
            .filter(channel_post::Column::NativePollId.is_not_null())
            .filter(channel_post::Column::CreatedAt.gte(now - NATIVE_POLL_LIFETIME))
            .filter(
                Condition::any()
                    .add(channel_post::Column::NativeCountsAt.is_null())
                    .add(channel_post::Column::NativeCountsAt.lte(now - every)),
            )
            .order_by_asc(channel_post::Column::CreatedAt)
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .filter(|m| {
                let final_counts = m
                    .native_counts
                    .as_deref()
                    .and_then(|json| serde_json::from_str::<NativeTally>(json).ok())
                    .is_some_and(|t| t.expired);
                !final_counts
            })
            .filter_map(|m| {
                Some(NativePollRef {
                    post_id: m.id,
                    channel_id: m.channel_id,
                    native_poll_id: m.native_poll_id?,
                })
            })
            .collect())
    }

    /// Stores the counts pulled back for the native poll of post `post_id`.
    pub async fn record_native_tally(
        &self,
        post_id: Uuid,
        tally: &NativeTally,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let json = serde_json::to_string(tally)
            .map_err(|e| StoreError::Corrupt(format!("native poll counts: {e}")))?;
        channel_post::Entity::update_many()
            .col_expr(channel_post::Column::NativeCounts, Expr::value(Some(json)))
            .col_expr(channel_post::Column::NativeCountsAt, Expr::value(Some(now)))
            .filter(channel_post::Column::Id.eq(post_id))
            .exec(&self.db)
            .await?;
        Ok(())
    }
}
