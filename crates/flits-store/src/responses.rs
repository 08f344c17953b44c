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

/// Responses one SQLite page of [`Store::scan_responses`] carries.
pub const SQLITE_PAGE: u32 = 4096;

/// On SQLite, [`Store::scan_responses`] reads the whole table (in its own order, other polls'
/// rows skipped) when the poll holds at least one in this many of all responses, and goes
/// through the poll's index otherwise. A row looked up through the index costs about as much as
/// twenty rows read in table order (see `scan_sqlite_pages`); eight leaves room for the rows of
/// other polls being larger.
const TABLE_SCAN_SHARE: i64 = 8;

/// Where a page of [`Store::scan_responses`] on SQLite starts: after a submission id along the
/// poll's index, or after a row id along the table itself.
#[derive(Debug, Clone)]
enum After {
    Submission(String),
    /// `None`: the first page.
    Id(Option<Uuid>),
}

/// One page of responses, and where the next page starts.
struct Page {
    last: After,
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

    /// [`Store::scan_responses`] on SQLite: page after page until a page comes back short. A
    /// task fetches the next page while the reader works through the last one, so SQLite and
    /// the reader work at the same time.
    ///
    /// The pages go along the `(poll_id, submission_id)` index, or, when the poll holds at least
    /// [`TABLE_SCAN_SHARE`] of all responses, along the table itself (in the order of the rows'
    /// random ids), skipping other polls' rows. The table is keyed by id, so each row found in
    /// the index is one more lookup in the table, on a page of its own: a million of those read
    /// some 1.8 million pages from the file, where the table in its own order is read once
    /// (about 30 rows a page). Exporting a poll that is most of the table, the table scan reads
    /// about a twentieth of the pages.
    fn scan_sqlite_pages(&self, poll_id: Uuid) -> ResponseStream<'_> {
        let (pages_out, pages_in) = tokio::sync::mpsc::channel(2);
        let store = self.clone();
        tokio::spawn(async move {
            let mut after = match store.sqlite_table_scan_pays(poll_id).await {
                Ok(true) => Some(After::Id(None)),
                Ok(false) => Some(After::Submission(String::new())),
                Err(e) => {
                    let _ = pages_out.send(Err(e)).await;
                    return;
                }
            };
            loop {
                let page = store.next_sqlite_page(poll_id, after.take()).await;
                let (rows, next) = match page {
                    Ok(Some(page)) => page,
                    Ok(None) => break,
                    Err(e) => {
                        let _ = pages_out.send(Err(e)).await;
                        break;
                    }
                };
                if pages_out.send(Ok(rows)).await.is_err() || next.is_none() {
                    break; // The reader stopped, or that was the last page.
                }
                after = next;
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

    /// Whether the poll holds at least [`TABLE_SCAN_SHARE`] of all responses on SQLite, so that
    /// scanning the table beats looking its rows up through the index. Counted on the index
    /// alone (a few thousand pages for a million rows).
    pub(crate) async fn sqlite_table_scan_pays(&self, poll_id: Uuid) -> Result<bool, StoreError> {
        let statement = Statement::from_sql_and_values(
            DbBackend::Sqlite,
            "SELECT count(*), coalesce(sum(poll_id = ?), 0) FROM responses",
            [poll_id.into()],
        );
        let Some(row) = self.db.query_one(statement).await? else {
            return Ok(false);
        };
        let all: i64 = row.try_get_by_index(0)?;
        let poll: i64 = row.try_get_by_index(1)?;
        Ok(poll > 0 && poll.saturating_mul(TABLE_SCAN_SHARE) >= all)
    }

    /// The rows of the page after `after`, and where the next page starts (`None`: this was the
    /// last one).
    async fn next_sqlite_page(
        &self,
        poll_id: Uuid,
        after: Option<After>,
    ) -> Result<Option<(Vec<StoredResponse>, Option<After>)>, StoreError> {
        let Some(after) = after else {
            return Ok(None);
        };
        let Some(page) = self.sqlite_page(poll_id, &after).await? else {
            return Ok(None);
        };
        let next = (page.rows.len() >= SQLITE_PAGE as usize).then_some(page.last);
        Ok(Some((page.rows, next)))
    }

    /// The page of a poll's responses after `after`; `None` when there are no more.
    async fn sqlite_page(&self, poll_id: Uuid, after: &After) -> Result<Option<Page>, StoreError> {
        // The page as one JSON value built by SQLite (see `scan_responses`), and its last key.
        // `+poll_id` keeps SQLite from taking the index for a table scan.
        let (key, filter, values): (&str, &str, Vec<sea_orm::Value>) = match after {
            After::Submission(after) => (
                "submission_id",
                "poll_id = ? AND submission_id > ?",
                vec![poll_id.into(), after.clone().into()],
            ),
            After::Id(None) => ("id", "+poll_id = ?", vec![poll_id.into()]),
            After::Id(Some(after)) => (
                "id",
                "+poll_id = ? AND id > ?",
                vec![poll_id.into(), (*after).into()],
            ),
        };
        let mut values = values;
        values.push(i64::from(SQLITE_PAGE).into());
        let statement = Statement::from_sql_and_values(
            DbBackend::Sqlite,
            format!(
                "SELECT max({key}), \
                        json_group_array(json_array(channel, lang, answers, submitted_on)) \
                 FROM (SELECT {key}, channel, lang, answers, submitted_on FROM responses \
                       WHERE {filter} ORDER BY {key} LIMIT ?)"
            ),
            values,
        );
        let Some(row) = self.db.query_one(statement).await? else {
            return Ok(None);
        };
        let last = match after {
            After::Submission(_) => row
                .try_get_by_index::<Option<String>>(0)?
                .map(After::Submission),
            After::Id(_) => row
                .try_get_by_index::<Option<Uuid>>(0)?
                .map(|id| After::Id(Some(id))),
        };
        let Some(last) = last else {
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
