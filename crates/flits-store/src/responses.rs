//! Residents' responses: stored exactly once per submission id.

use chrono::NaiveDate;
use flits_types::{ChannelId, SubmissionId};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::entity::response;
use crate::{Store, StoreError};

/// A response to store. The answers are already validated JSON; the submission id and the channel
/// were parsed at the edge, so nothing reaches the table that the rules refuse.
#[derive(Debug, Clone)]
pub struct NewResponse {
    pub poll_id: Uuid,
    pub submission_id: SubmissionId,
    pub channel: Option<ChannelId>,
    pub lang: String,
    pub answers: serde_json::Value,
    pub submitted_on: NaiveDate,
}

impl Store {
    /// Stores a response; `Ok(false)` when this submission id was already stored for the poll,
    /// so a retry or a double click never records anything twice.
    pub async fn insert_response(&self, r: NewResponse) -> Result<bool, StoreError> {
        let affected = response::Entity::insert(response::ActiveModel {
            id: Set(Uuid::new_v4()),
            poll_id: Set(r.poll_id),
            submission_id: Set(r.submission_id.into_string()),
            channel: Set(r.channel.map(ChannelId::into_string)),
            lang: Set(r.lang),
            answers: Set(r.answers.to_string()),
            submitted_on: Set(r.submitted_on),
        })
        .on_conflict(
            OnConflict::columns([response::Column::PollId, response::Column::SubmissionId])
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(&self.db)
        .await?;
        Ok(affected > 0)
    }

    /// How many responses a poll has.
    pub async fn count_responses(&self, poll_id: Uuid) -> Result<u64, StoreError> {
        Ok(response::Entity::find()
            .filter(response::Column::PollId.eq(poll_id))
            .count(&self.db)
            .await?)
    }
}
