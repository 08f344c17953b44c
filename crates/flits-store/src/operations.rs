//! What an operator watches (the gauges of `/metrics`): the outbox by status, the results
//! e-mails waiting, and how late the oldest due job is. Counts only; nothing about a resident.

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};

use crate::entity::{channel_post, feedback_subscriber};
use crate::{Store, StoreError};

/// A snapshot of the work queues.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Operations {
    /// Channel posts per status (`pending`, `sending`, `posted`, `failed`).
    pub posts: Vec<(String, u64)>,
    /// Results e-mails waiting to be sent (or for their poll's results).
    pub results_emails_waiting: u64,
    /// When the longest-waiting due job fell due: a poll to open or close, or a post to send.
    /// `None` when nothing is due.
    pub oldest_due: Option<DateTime<Utc>>,
}

impl Store {
    /// The work queues as they are at `now`.
    pub async fn operations(&self, now: DateTime<Utc>) -> Result<Operations, StoreError> {
        let posts: Vec<(String, i64)> = channel_post::Entity::find()
            .select_only()
            .column(channel_post::Column::Status)
            .column_as(channel_post::Column::Id.count(), "n")
            .group_by(channel_post::Column::Status)
            .into_tuple()
            .all(&self.db)
            .await?;
        let results_emails_waiting = feedback_subscriber::Entity::find().count(&self.db).await?;
        let opening = self
            .due_openings(now, 1)
            .await?
            .first()
            .and_then(|p| p.opens_at);
        let closing = self
            .due_closings(now, 1)
            .await?
            .first()
            .and_then(|p| p.closes_at);
        let post = channel_post::Entity::find()
            .filter(
                Condition::any()
                    .add(channel_post::Column::Status.eq("pending"))
                    .add(channel_post::Column::Status.eq("sending")),
            )
            .filter(channel_post::Column::NextAttemptAt.lte(now))
            .order_by_asc(channel_post::Column::NextAttemptAt)
            .one(&self.db)
            .await?
            .and_then(|p| p.next_attempt_at);
        Ok(Operations {
            posts: posts
                .into_iter()
                .map(|(status, n)| (status, u64::try_from(n).unwrap_or(0)))
                .collect(),
            results_emails_waiting,
            oldest_due: [opening, closing, post].into_iter().flatten().min(),
        })
    }
}
