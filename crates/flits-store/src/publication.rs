//! Publishing a poll's results: the "you said, we did" text, the quotes staff picked, later "what
//! we did" updates. Publishing is one transaction: the poll goes from `closed` to
//! `results_published`, the publication and its audit row are written, and the channel replies
//! are put in the outbox, so the results page, the channels and the e-mails all follow from one
//! decision that either happened or did not.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use flits_schedule::days;
use flits_survey::{PollState, Text};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::audit::insert_audit_on;
use crate::entity::{poll, poll_publication};
use crate::outbox::{enqueue_follow_ups_on, enqueue_result_replies_on};
use crate::{NewAudit, PostPurpose, Store, StoreError};

/// An open answer staff chose to show, scrubbed of personal data and reviewed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The open question it answers.
    pub question_id: String,
    pub text: String,
}

/// A later "what we did" update.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultUpdate {
    pub text: Text,
    pub at: DateTime<Utc>,
}

/// A published poll's texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Publication {
    pub poll_id: Uuid,
    /// "You said, we did", per language.
    pub summary: Text,
    pub quotes: Vec<Quote>,
    /// Oldest first.
    pub updates: Vec<ResultUpdate>,
    pub published_at: DateTime<Utc>,
    pub published_by: Option<String>,
}

/// How many days before the promised day a publication or update still counts as the promised
/// "what we did": staff who publish a little early have kept the promise.
pub const FOLLOW_UP_EARLY_DAYS: i64 = 7;

/// When the reminder of a follow-up promised for `day` is due: 09:00 that day in Amsterdam,
/// when the owner is at work.
pub fn follow_up_due_at(day: NaiveDate) -> DateTime<Utc> {
    days::at(
        day,
        NaiveTime::from_hms_opt(9, 0, 0).unwrap_or(NaiveTime::MIN),
    )
}

impl Publication {
    /// Whether the "what we did" promised for `day` is out: the results or an update were
    /// published at most [`FOLLOW_UP_EARLY_DAYS`] before that day (Amsterdam dates), or later.
    pub fn follows_up(&self, day: NaiveDate) -> bool {
        let from = day - chrono::TimeDelta::days(FOLLOW_UP_EARLY_DAYS);
        std::iter::once(self.published_at)
            .chain(self.updates.iter().map(|u| u.at))
            .any(|at| days::local_date(at) >= from)
    }
}

/// The day a promised follow-up became overdue, if it has: the poll's brief names a day that is
/// `today` or earlier, the poll is closed or published, and no publication [follows it
/// up](Publication::follows_up).
pub fn follow_up_overdue(
    poll: &crate::Poll,
    publication: Option<&Publication>,
    today: NaiveDate,
) -> Option<NaiveDate> {
    let day = poll.definition.brief.as_ref()?.follow_up_on?;
    let after_close = matches!(poll.state, PollState::Closed | PollState::ResultsPublished);
    (after_close && day <= today && !publication.is_some_and(|p| p.follows_up(day))).then_some(day)
}

/// What staff publish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPublication {
    pub summary: Text,
    pub quotes: Vec<Quote>,
    /// The staff user (e-mail address) for the audit log.
    pub actor: Option<String>,
}

/// What became of a request to publish.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublishOutcome {
    /// Published; this many channel replies were put in the outbox.
    Published {
        replies: u64,
    },
    /// Only a closed poll's results can be published; it is in this state.
    NotClosed(PollState),
    NotFound,
}

fn corrupt(what: &str, e: serde_json::Error) -> StoreError {
    StoreError::Corrupt(format!("{what}: {e}"))
}

impl TryFrom<poll_publication::Model> for Publication {
    type Error = StoreError;

    fn try_from(m: poll_publication::Model) -> Result<Self, StoreError> {
        Ok(Publication {
            poll_id: m.poll_id,
            summary: serde_json::from_str(&m.summary).map_err(|e| corrupt("summary", e))?,
            quotes: serde_json::from_str(&m.quotes).map_err(|e| corrupt("quotes", e))?,
            updates: serde_json::from_str(&m.updates).map_err(|e| corrupt("updates", e))?,
            published_at: m.published_at,
            published_by: m.published_by,
        })
    }
}

impl Store {
    /// Publishes a closed poll's results (see the module documentation).
    pub async fn publish_results(
        &self,
        poll_id: Uuid,
        new: NewPublication,
        now: DateTime<Utc>,
    ) -> Result<PublishOutcome, StoreError> {
        let txn = self.begin_write().await?;
        let moved = poll::Entity::update_many()
            .col_expr(
                poll::Column::State,
                Expr::value(PollState::ResultsPublished.as_str()),
            )
            .col_expr(poll::Column::UpdatedAt, Expr::value(now))
            .filter(poll::Column::Id.eq(poll_id))
            .filter(poll::Column::State.eq(PollState::Closed.as_str()))
            .exec(&txn)
            .await?
            .rows_affected;
        if moved != 1 {
            let found = poll::Entity::find_by_id(poll_id).one(&txn).await?;
            txn.rollback().await?;
            return Ok(match found {
                None => PublishOutcome::NotFound,
                Some(p) => PublishOutcome::NotClosed(
                    p.state
                        .parse()
                        .map_err(|e| StoreError::Corrupt(format!("poll {}: {e}", p.slug)))?,
                ),
            });
        }
        let slug = poll::Entity::find_by_id(poll_id)
            .one(&txn)
            .await?
            .map(|p| p.slug);
        poll_publication::Entity::insert(poll_publication::ActiveModel {
            poll_id: Set(poll_id),
            summary: Set(serde_json::to_string(&new.summary).map_err(|e| corrupt("summary", e))?),
            quotes: Set(serde_json::to_string(&new.quotes).map_err(|e| corrupt("quotes", e))?),
            updates: Set("[]".to_owned()),
            published_at: Set(now),
            published_by: Set(new.actor.clone()),
            retained_figures: Set(None),
            responses_deleted_at: Set(None),
        })
        .exec_without_returning(&txn)
        .await?;
        let replies = enqueue_result_replies_on(&txn, poll_id, now).await?;
        insert_audit_on(
            &txn,
            NewAudit {
                actor_email: new.actor,
                action: "poll.results_published".to_owned(),
                poll_slug: slug,
                details: serde_json::json!({
                    "quotes": new.quotes.len(),
                    "channel_replies": replies,
                }),
            },
            now,
        )
        .await?;
        txn.commit().await?;
        Ok(PublishOutcome::Published { replies })
    }

    /// The publication of a poll, once its results are published.
    pub async fn publication(&self, poll_id: Uuid) -> Result<Option<Publication>, StoreError> {
        poll_publication::Entity::find_by_id(poll_id)
            .one(&self.db)
            .await?
            .map(Publication::try_from)
            .transpose()
    }

    /// Adds a "what we did" update to a published poll, and puts one post of it per announcement
    /// in the outbox (nobody is e-mailed: the addresses went with the results); `false` when the
    /// poll has no publication.
    pub async fn add_result_update(
        &self,
        poll_id: Uuid,
        text: Text,
        actor: Option<String>,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let txn = self.begin_write().await?;
        let Some(model) = poll_publication::Entity::find_by_id(poll_id)
            .one(&txn)
            .await?
        else {
            txn.rollback().await?;
            return Ok(false);
        };
        let mut updates: Vec<ResultUpdate> =
            serde_json::from_str(&model.updates).map_err(|e| corrupt("updates", e))?;
        updates.push(ResultUpdate { text, at: now });
        poll_publication::Entity::update_many()
            .col_expr(
                poll_publication::Column::Updates,
                Expr::value(serde_json::to_string(&updates).map_err(|e| corrupt("updates", e))?),
            )
            .filter(poll_publication::Column::PollId.eq(poll_id))
            .exec(&txn)
            .await?;
        let slug = poll::Entity::find_by_id(poll_id)
            .one(&txn)
            .await?
            .map(|p| p.slug);
        let number = u32::try_from(updates.len()).unwrap_or(u32::MAX);
        let posts = enqueue_follow_ups_on(&txn, poll_id, PostPurpose::Update(number), now).await?;
        insert_audit_on(
            &txn,
            NewAudit {
                actor_email: actor,
                action: "poll.results_updated".to_owned(),
                poll_slug: slug,
                details: serde_json::json!({ "updates": updates.len(), "channel_posts": posts }),
            },
            now,
        )
        .await?;
        txn.commit().await?;
        Ok(true)
    }
}
