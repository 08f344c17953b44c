//! Residents' responses: stored exactly once per submission id.

use chrono::NaiveDate;
use flits_types::{ChannelId, SubmissionId};
use sea_orm::sea_query::OnConflict;
use std::pin::Pin;

use futures_util::{Stream, StreamExt, TryStreamExt};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, Statement,
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
    /// The row's id ([`response_id`]): the order exports stream in, unrelated to when it came.
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

/// Responses one SQLite page of [`Store::scan_responses`] carries.
pub const SQLITE_PAGE: u32 = 4096;

/// The id a response is stored under: a UUID v5 of its submission id in the namespace of its
/// poll. The same submission of the same poll always gets the same id, so the table's key refuses
/// a second row by itself, with no index beside it (migration 12: `(poll_id, id)` on SQLite, `id`
/// on PostgreSQL); and the ids still look random, so rows in key order say nothing about when
/// they came.
pub fn response_id(poll_id: Uuid, submission_id: &SubmissionId) -> Uuid {
    Uuid::new_v5(&poll_id, submission_id.as_str().as_bytes())
}

/// One page of responses, and the id the next page starts after.
struct Page {
    last: Uuid,
    rows: Vec<StoredResponse>,
}

/// The responses of a poll, one at a time.
pub type ResponseStream<'a> =
    Pin<Box<dyn Stream<Item = Result<StoredResponse, StoreError>> + Send + 'a>>;

impl Store {
    /// The responses of a poll in the order the database finds them fastest: no sort, and only
    /// the columns results read (the `id` is left as the nil UUID). That order may follow when
    /// rows arrived, so a caller that shows rows one by one must shuffle them first (the export
    /// does); counting needs no order at all.
    ///
    /// On SQLite the rows come in pages of [`SQLITE_PAGE`], each one value built by SQLite:
    /// SQLite runs on a worker thread that hands every row of a result over a channel, and for a
    /// million rows that hand-over (a thread wake-up per row) costs more than the reading itself.
    pub async fn scan_responses(&self, poll_id: Uuid) -> Result<ResponseStream<'_>, StoreError> {
        if self.backend() == crate::Backend::Sqlite {
            return Ok(self.scan_sqlite_pages(poll_id));
        }
        let stream = response::Entity::find()
            .select_only()
            .columns([
                response::Column::Channel,
                response::Column::Lang,
                response::Column::Answers,
                response::Column::SubmittedOn,
            ])
            .filter(response::Column::PollId.eq(poll_id))
            .into_tuple::<(Option<String>, String, String, NaiveDate)>()
            .stream(&self.db)
            .await?;
        Ok(Box::pin(stream.map(|row| {
            row.map(|(channel, lang, answers, submitted_on)| StoredResponse {
                id: Uuid::nil(),
                channel,
                lang,
                answers,
                submitted_on,
            })
            .map_err(StoreError::from)
        })))
    }

    /// [`Store::scan_responses`] on SQLite: page after page along the table's key
    /// `(poll_id, id)`, where a poll's rows lie together, until a page comes back short. A task
    /// fetches the next page while the reader works through the last one, so SQLite and the
    /// reader work at the same time.
    fn scan_sqlite_pages(&self, poll_id: Uuid) -> ResponseStream<'_> {
        let (pages_out, pages_in) = tokio::sync::mpsc::channel(2);
        let store = self.clone();
        tokio::spawn(async move {
            let mut after = None;
            loop {
                let page = match store.sqlite_page(poll_id, after).await {
                    Ok(Some(page)) => page,
                    Ok(None) => break,
                    Err(e) => {
                        let _ = pages_out.send(Err(e)).await;
                        break;
                    }
                };
                let last_page = page.rows.len() < SQLITE_PAGE as usize;
                if pages_out.send(Ok(page.rows)).await.is_err() || last_page {
                    break; // The reader stopped, or that was the last page.
                }
                after = Some(page.last);
            }
        });
        let pages = futures_util::stream::unfold(pages_in, |mut pages| async move {
            pages.recv().await.map(|page| (page, pages))
        });
        Box::pin(
            pages
                .map_ok(|rows: Vec<StoredResponse>| {
                    futures_util::stream::iter(rows.into_iter().map(Ok))
                })
                .try_flatten(),
        )
    }

    /// The page of a poll's responses after the id `after` (`None`: the first page); `None`
    /// when there are no more.
    async fn sqlite_page(
        &self,
        poll_id: Uuid,
        after: Option<Uuid>,
    ) -> Result<Option<Page>, StoreError> {
        // The page as one JSON value built by SQLite (see `scan_responses`), and its last id.
        let (filter, mut values): (&str, Vec<sea_orm::Value>) = match after {
            None => ("poll_id = ?", vec![poll_id.into()]),
            Some(after) => ("poll_id = ? AND id > ?", vec![poll_id.into(), after.into()]),
        };
        values.push(i64::from(SQLITE_PAGE).into());
        let statement = Statement::from_sql_and_values(
            DbBackend::Sqlite,
            format!(
                "SELECT max(id), \
                        json_group_array(json_array(channel, lang, answers, submitted_on)) \
                 FROM (SELECT id, channel, lang, answers, submitted_on FROM responses \
                       WHERE {filter} ORDER BY id LIMIT ?)"
            ),
            values,
        );
        let Some(row) = self.db.query_one(statement).await? else {
            return Ok(None);
        };
        let Some(last) = row.try_get_by_index::<Option<Uuid>>(0)? else {
            return Ok(None);
        };
        let json: String = row.try_get_by_index(1)?;
        let cells: Vec<(Option<String>, String, String, String)> = serde_json::from_str(&json)
            .map_err(|e| StoreError::Corrupt(format!("responses page: {e}")))?;
        let rows = cells
            .into_iter()
            .map(|(channel, lang, answers, day)| {
                let submitted_on = day
                    .parse()
                    .map_err(|e| StoreError::Corrupt(format!("response date {day:?}: {e}")))?;
                Ok(StoredResponse {
                    id: Uuid::nil(),
                    channel,
                    lang,
                    answers,
                    submitted_on,
                })
            })
            .collect::<Result<_, StoreError>>()?;
        Ok(Some(Page { last, rows }))
    }

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
        // The table's key, which the derived id makes refuse a second row (migration 12).
        let conflict = match self.backend() {
            crate::Backend::Sqlite => vec![response::Column::PollId, response::Column::Id],
            crate::Backend::Postgres => vec![response::Column::Id],
        };
        let affected = response::Entity::insert(response::ActiveModel {
            id: Set(response_id(r.poll_id, &r.submission_id)),
            poll_id: Set(r.poll_id),
            submission_id: Set(r.submission_id.into_string()),
            channel: Set(r.channel.map(ChannelId::into_string)),
            lang: Set(r.lang),
            answers: Set(r.answers.to_string()),
            submitted_on: Set(r.submitted_on),
        })
        .on_conflict(OnConflict::columns(conflict).do_nothing().to_owned())
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

    /// How many responses each poll has, in one query, for the dashboard's overview; a poll
    /// without responses is missing from the map. Counts, never answers.
    pub async fn response_totals(
        &self,
    ) -> Result<std::collections::HashMap<Uuid, u64>, StoreError> {
        let rows: Vec<(Uuid, i64)> = response::Entity::find()
            .select_only()
            .column(response::Column::PollId)
            .column_as(response::Column::Id.count(), "n")
            .group_by(response::Column::PollId)
            .into_tuple()
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .map(|(id, n)| (id, u64::try_from(n).unwrap_or(0)))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Pinned, as migration 12 pins it (Python: `uuid.uuid5(poll, submission_id)`): rows moved by
    /// the migration and rows stored since carry ids derived the same way.
    #[test]
    fn a_response_id_is_a_v5_uuid_of_the_submission_in_the_polls_namespace() {
        let poll = Uuid::from_u128(0x0102030405060708090a0b0c0d0e0f10);
        let submission = SubmissionId::parse("form-00112233445566778899aabbccddeeff").unwrap();
        assert_eq!(
            response_id(poll, &submission).to_string(),
            "a1d7cb5b-246a-599c-8888-3c1ae4d6adf6"
        );
        let other_poll = Uuid::from_u128(1);
        assert_ne!(
            response_id(other_poll, &submission),
            response_id(poll, &submission)
        );
    }
}
