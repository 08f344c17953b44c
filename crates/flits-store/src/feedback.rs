//! Residents who asked for a poll's results by e-mail (`feedback_subscribers`), from the opt-in of
//! the thank-you page until their one message is sent.
//!
//! # Apart from the answers
//!
//! A subscription holds the address, the poll, the language of the page and the date (never the
//! time) it came in, under a random id: no column orders it or links it to a response, and neither
//! does the order rows are stored in ([`Store::reorder_feedback`]). It is
//! deleted once its message is sent, once sending it is given up, or, when the poll's results are
//! not published in time, by [`Store::purge_feedback`] (README.md, "Feedback by e-mail").
//!
//! # Sending once
//!
//! Only subscriptions of polls in `results_published` are due. A sender claims one with a
//! conditional update that only one instance wins (it names the `attempts` it read, and raises
//! it), which sets `sending_until`, the end of its lease. Then:
//! - sent: the row is deleted ([`Store::feedback_sent`]);
//! - failed for now: `sending_until` becomes the time to try again and `last_error` says why
//!   ([`Store::feedback_retry`]), so one column serves as both the lease and the backoff;
//! - failed for good, or too often: the row is deleted and the audit log records it, without the
//!   address ([`Store::feedback_given_up`]); staff see the count per poll
//!   ([`Store::feedback_counts`]).
//!
//! A sender that dies mid-send leaves the row claimed; once its lease has run out another one
//! claims it again. SMTP cannot promise one delivery, but no two senders hold one row at a time.

use chrono::{DateTime, NaiveDate, Utc};
use flits_i18n::Locale;
use flits_survey::PollState;
use flits_types::Email;
use sea_orm::sea_query::{Expr, OnConflict, Query};
use sea_orm::{ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect, Set};
use uuid::Uuid;

use crate::audit::insert_audit_on;
use crate::entity::{audit_log, feedback_subscriber, poll, poll_publication};
use crate::{NewAudit, Store, StoreError};

/// Due subscriptions one claim looks at: when other instances win some of them, the next is tried.
const CANDIDATES: u64 = 16;

/// The audit action of a message that was given up on.
pub const GAVE_UP: &str = "feedback.gave_up";

/// What became of a request to hear about the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subscribed {
    /// Stored.
    New,
    /// This address had already asked for this poll: still one message.
    Already,
}

/// A subscription this instance claimed, to send its message.
#[derive(Debug, Clone)]
pub struct ClaimedFeedback {
    pub id: Uuid,
    pub poll_id: Uuid,
    /// The address as stored; `Debug` shows only its domain.
    pub email: Email,
    /// The language of the page the resident asked on.
    pub lang: Locale,
    /// How many times it has been claimed, this time included.
    pub attempts: i32,
}

/// The subscriptions of one poll, for staff: numbers only, never addresses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FeedbackCounts {
    /// Waiting for the results, or for their turn to be sent.
    pub waiting: u64,
    /// Of those, how many failed at least once and will be tried again.
    pub retrying: u64,
    /// Messages given up on (and their addresses deleted).
    pub given_up: u64,
}

impl Store {
    /// Stores that `email` wants the results of `poll_id`, in `lang`, on `today` (a date: the time
    /// of day could single someone out). Asking again changes nothing.
    pub async fn subscribe_feedback(
        &self,
        poll_id: Uuid,
        email: &Email,
        lang: Locale,
        today: NaiveDate,
    ) -> Result<Subscribed, StoreError> {
        let inserted = feedback_subscriber::Entity::insert(feedback_subscriber::ActiveModel {
            id: Set(Uuid::new_v4()),
            poll_id: Set(poll_id),
            email: Set(email.as_str().to_owned()),
            lang: Set(lang.code().to_owned()),
            created_on: Set(today),
            sending_until: Set(None),
            attempts: Set(0),
            last_error: Set(None),
        })
        .on_conflict(
            OnConflict::columns([
                feedback_subscriber::Column::PollId,
                feedback_subscriber::Column::Email,
            ])
            .do_nothing()
            .to_owned(),
        )
        .exec_without_returning(&self.db)
        .await?;
        Ok(if inserted > 0 {
            Subscribed::New
        } else {
            Subscribed::Already
        })
    }

    /// Claims the next subscription whose message is due at `now` (its poll's results are
    /// published, and it is neither held by a sender nor waiting for a retry) until `until`, when
    /// its lease runs out. `None` when nothing is left to claim.
    pub async fn claim_next_feedback(
        &self,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Option<ClaimedFeedback>, StoreError> {
        let due = || {
            Condition::any()
                .add(feedback_subscriber::Column::SendingUntil.is_null())
                .add(feedback_subscriber::Column::SendingUntil.lte(now))
        };
        let published = Query::select()
            .column(poll::Column::Id)
            .from(poll::Entity)
            .and_where(poll::Column::State.eq(PollState::ResultsPublished.as_str()))
            .to_owned();
        let candidates = feedback_subscriber::Entity::find()
            .filter(feedback_subscriber::Column::PollId.in_subquery(published))
            .filter(due())
            .limit(CANDIDATES)
            .all(&self.db)
            .await?;
        for row in candidates {
            let won = feedback_subscriber::Entity::update_many()
                .col_expr(
                    feedback_subscriber::Column::SendingUntil,
                    Expr::value(Some(until)),
                )
                .col_expr(
                    feedback_subscriber::Column::Attempts,
                    Expr::value(row.attempts + 1),
                )
                .filter(feedback_subscriber::Column::Id.eq(row.id))
                .filter(feedback_subscriber::Column::Attempts.eq(row.attempts))
                .filter(due())
                .exec(&self.db)
                .await?
                .rows_affected
                == 1;
            if !won {
                continue;
            }
            let Ok(email) = Email::parse(&row.email) else {
                // Only parsed addresses are stored; one that is not is of no use to anyone.
                self.feedback_given_up(row.id, row.poll_id, "invalid-address", now)
                    .await?;
                continue;
            };
            return Ok(Some(ClaimedFeedback {
                id: row.id,
                poll_id: row.poll_id,
                email,
                // The page's language was one of the resident languages; Dutch is every poll's own.
                lang: Locale::parse(&row.lang).unwrap_or_default(),
                attempts: row.attempts + 1,
            }));
        }
        Ok(None)
    }

    /// The message of the claimed subscription `id` went out: the address is deleted.
    pub async fn feedback_sent(&self, id: Uuid) -> Result<(), StoreError> {
        feedback_subscriber::Entity::delete_by_id(id)
            .exec(&self.db)
            .await?;
        Ok(())
    }

    /// The message of the claimed subscription `id` failed for now: try again at `at`. `error` is
    /// a short code, never what a server said (which may quote the address).
    pub async fn feedback_retry(
        &self,
        id: Uuid,
        at: DateTime<Utc>,
        error: &str,
    ) -> Result<(), StoreError> {
        feedback_subscriber::Entity::update_many()
            .col_expr(
                feedback_subscriber::Column::SendingUntil,
                Expr::value(Some(at)),
            )
            .col_expr(
                feedback_subscriber::Column::LastError,
                Expr::value(Some(error.to_owned())),
            )
            .filter(feedback_subscriber::Column::Id.eq(id))
            .exec(&self.db)
            .await?;
        Ok(())
    }

    /// The message of subscription `id` is given up on (`error`: a short code): the address is
    /// deleted and the audit log records it for the poll, without the address.
    pub async fn feedback_given_up(
        &self,
        id: Uuid,
        poll_id: Uuid,
        error: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let txn = self.begin_write().await?;
        let attempts = feedback_subscriber::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .map_or(0, |row| row.attempts);
        feedback_subscriber::Entity::delete_by_id(id)
            .exec(&txn)
            .await?;
        let slug = poll::Entity::find_by_id(poll_id)
            .one(&txn)
            .await?
            .map(|p| p.slug);
        insert_audit_on(
            &txn,
            NewAudit {
                actor_email: None,
                action: GAVE_UP.to_owned(),
                poll_slug: slug,
                details: serde_json::json!({ "attempts": attempts, "error": error }),
            },
            now,
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// Deletes the subscriptions that came in before `before` and whose message will not be sent:
    /// their poll's results were not published by `before` (not at all, or so long ago that
    /// sending has stopped, as when no mail relay is configured). Returns how many it deleted.
    pub async fn purge_feedback(&self, before: DateTime<Utc>) -> Result<u64, StoreError> {
        let not_published = Query::select()
            .column(poll::Column::Id)
            .from(poll::Entity)
            .and_where(poll::Column::State.ne(PollState::ResultsPublished.as_str()))
            .to_owned();
        let published_long_ago = Query::select()
            .column(poll_publication::Column::PollId)
            .from(poll_publication::Entity)
            .and_where(poll_publication::Column::PublishedAt.lt(before))
            .to_owned();
        let deleted = feedback_subscriber::Entity::delete_many()
            .filter(feedback_subscriber::Column::CreatedOn.lt(before.date_naive()))
            .filter(
                Condition::any()
                    .add(feedback_subscriber::Column::PollId.in_subquery(not_published))
                    .add(feedback_subscriber::Column::PollId.in_subquery(published_long_ago)),
            )
            .exec(&self.db)
            .await?
            .rows_affected;
        Ok(deleted)
    }

    /// Rewrites the subscriptions on PostgreSQL in the order of their random ids, so that the
    /// order the addresses came in cannot be matched with the order of the responses, and the
    /// old row versions of sent (deleted) addresses are gone from the table's pages. SQLite keeps
    /// the table in id order by itself (`WITHOUT ROWID`, migration 7) and overwrites deleted rows
    /// (`secure_delete`), so there this does nothing. The table only holds the addresses waiting
    /// for results; rewriting it takes moments.
    pub async fn reorder_feedback(&self) -> Result<(), StoreError> {
        if self.backend() == crate::Backend::Postgres {
            use sea_orm::ConnectionTrait;
            self.db
                .execute_unprepared("CLUSTER feedback_subscribers USING feedback_subscribers_pkey")
                .await?;
        }
        Ok(())
    }

    /// How a poll's subscriptions stand: waiting, retrying, given up.
    pub async fn feedback_counts(&self, poll_id: Uuid) -> Result<FeedbackCounts, StoreError> {
        let of_poll = || {
            feedback_subscriber::Entity::find()
                .filter(feedback_subscriber::Column::PollId.eq(poll_id))
        };
        let waiting = of_poll().count(&self.db).await?;
        let retrying = of_poll()
            .filter(feedback_subscriber::Column::LastError.is_not_null())
            .count(&self.db)
            .await?;
        let slug = poll::Entity::find_by_id(poll_id)
            .one(&self.db)
            .await?
            .map(|p| p.slug);
        let given_up = match slug {
            Some(slug) => {
                audit_log::Entity::find()
                    .filter(audit_log::Column::Action.eq(GAVE_UP))
                    .filter(audit_log::Column::PollSlug.eq(slug))
                    .count(&self.db)
                    .await?
            }
            None => 0,
        };
        Ok(FeedbackCounts {
            waiting,
            retrying,
            given_up,
        })
    }
}
