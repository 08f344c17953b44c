//! Residents' responses: stored exactly once per submission id.

use chrono::NaiveDate;
use flits_types::{ChannelId, SubmissionId};
use sea_orm::sea_query::OnConflict;
use std::pin::Pin;

use futures_util::{Stream, StreamExt};
use sea_orm::{
    ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
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

/// A stored response as results and exports read it: nothing about the resident but the channel,
/// the language and the date. `answers` is the stored JSON, read against the poll's definition by
/// the results crate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredResponse {
    /// The row's random id (UUID v4): the order exports stream in, unrelated to when it came.
    pub id: Uuid,
    pub channel: Option<String>,
    pub lang: String,
    pub answers: String,
    pub submitted_on: NaiveDate,
}

impl From<response::Model> for StoredResponse {
    fn from(m: response::Model) -> Self {
        StoredResponse {
            id: m.id,
            channel: m.channel,
            lang: m.lang,
            answers: m.answers,
            submitted_on: m.submitted_on,
        }
    }
}

/// The responses of a poll, one at a time.
pub type ResponseStream<'a> =
    Pin<Box<dyn Stream<Item = Result<StoredResponse, StoreError>> + Send + 'a>>;

impl Store {
    /// The responses of a poll, streamed in the order of their random ids (so in no order that
    /// says anything about when or how they came), without holding them all in memory. Two
    /// streams of the same poll list the same responses in the same order, apart from those
    /// that arrived in between.
    pub async fn stream_responses(&self, poll_id: Uuid) -> Result<ResponseStream<'_>, StoreError> {
        let stream = response::Entity::find()
            .filter(response::Column::PollId.eq(poll_id))
            .order_by_asc(response::Column::Id)
            .stream(&self.db)
            .await?;
        Ok(Box::pin(stream.map(|row| {
            row.map(StoredResponse::from).map_err(StoreError::from)
        })))
    }

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

    /// How many responses each channel brought (`None`: a link without channel), most first: what
    /// comms staff see while a poll is open, to decide where to post again. Counts, never answers.
    pub async fn response_counts(
        &self,
        poll_id: Uuid,
    ) -> Result<Vec<(Option<String>, u64)>, StoreError> {
        let rows: Vec<(Option<String>, i64)> = response::Entity::find()
            .select_only()
            .column(response::Column::Channel)
            .column_as(response::Column::Id.count(), "n")
            .filter(response::Column::PollId.eq(poll_id))
            .group_by(response::Column::Channel)
            .into_tuple()
            .all(&self.db)
            .await?;
        let mut counts: Vec<(Option<String>, u64)> = rows
            .into_iter()
            .map(|(c, n)| (c, u64::try_from(n).unwrap_or(0)))
            .collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Ok(counts)
    }

    /// How many responses came in on each day (the only time stored with a response), oldest
    /// first.
    pub async fn response_counts_by_day(
        &self,
        poll_id: Uuid,
    ) -> Result<Vec<(NaiveDate, u64)>, StoreError> {
        let rows: Vec<(NaiveDate, i64)> = response::Entity::find()
            .select_only()
            .column(response::Column::SubmittedOn)
            .column_as(response::Column::Id.count(), "n")
            .filter(response::Column::PollId.eq(poll_id))
            .group_by(response::Column::SubmittedOn)
            .order_by_asc(response::Column::SubmittedOn)
            .into_tuple()
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .map(|(d, n)| (d, u64::try_from(n).unwrap_or(0)))
            .collect())
    }

    /// How many responses a poll has.
    pub async fn count_responses(&self, poll_id: Uuid) -> Result<u64, StoreError> {
        Ok(response::Entity::find()
            .filter(response::Column::PollId.eq(poll_id))
            .count(&self.db)
            .await?)
    }
}
