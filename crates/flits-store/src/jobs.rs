//! The job runner's exactly-once jobs: opening and closing polls on time, and the record of what
//! ran (`job_runs`).
//!
//! # Exactly once
//!
//! Every job of the runner (open a poll, close a poll) is one transaction that starts with a
//! *conditional* update of the poll's state (`… SET state = 'open' WHERE id = ? AND state =
//! 'scheduled' AND opens_at <= now`). Only the transaction whose update touched the row goes on;
//! on PostgreSQL a competing transaction waits for the row lock and then finds the condition false,
//! on SQLite writers are serialised anyway. In the same transaction the job writes its `job_runs`
//! row, whose unique index on `(poll_id, kind)` makes a second run of the same job impossible even
//! if the state were ever changed back by hand. A crash before the commit leaves nothing behind, so
//! the next tick (of any instance) simply does the job.

use chrono::{DateTime, Utc};
use flits_survey::{PollDefinition, PollState};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use crate::entity::{job_run, poll};
use crate::outbox::enqueue_announcements;
use crate::{Store, StoreError};

/// The kinds of job the runner does, each at most once per poll.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JobKind {
    /// Scheduled → open, at the opening time; enqueues the channel announcements.
    Open,
    /// Open → closed, at the closing time.
    Close,
    /// Remind staff to publish the results; recorded `pending` when the poll closes, for the
    /// component that sends reminders to pick up.
    PublicationReminder,
    /// Remind staff of the "what we did" follow-up their brief promised (`brief.follow_up_on`);
    /// recorded `pending` when a poll with such a day closes, due on that day.
    FollowUpReminder,
    /// Delete a published poll's responses under `[retention]`; recorded `done` in the
    /// transaction that deletes them, so it happens once.
    DeleteResponses,
}

impl JobKind {
    /// The stored name.
    pub const fn as_str(self) -> &'static str {
        match self {
            JobKind::Open => "open",
            JobKind::Close => "close",
            JobKind::PublicationReminder => "publication_reminder",
            JobKind::FollowUpReminder => "follow_up_reminder",
            JobKind::DeleteResponses => "delete_responses",
        }
    }
}

/// A poll whose opening or closing is due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuePoll {
    pub id: Uuid,
    pub slug: String,
    pub opens_at: Option<DateTime<Utc>>,
    pub closes_at: Option<DateTime<Utc>>,
}

/// A row of `job_runs`.
#[derive(Debug, Clone, PartialEq)]
pub struct JobRun {
    pub id: Uuid,
    pub poll_id: Uuid,
    pub kind: String,
    pub status: String,
    pub due_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub done_at: Option<DateTime<Utc>>,
    pub details: serde_json::Value,
}

impl From<job_run::Model> for JobRun {
    fn from(m: job_run::Model) -> Self {
        JobRun {
            id: m.id,
            poll_id: m.poll_id,
            kind: m.kind,
            status: m.status,
            due_at: m.due_at,
            created_at: m.created_at,
            done_at: m.done_at,
            details: serde_json::from_str(&m.details)
                .unwrap_or(serde_json::Value::String(m.details)),
        }
    }
}

/// What opening a poll did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Opened {
    /// Channel announcements put in the outbox.
    pub announcements: u64,
    /// The poll's closing time had passed too (the runner was down): no announcements.
    pub already_over: bool,
}

pub(crate) async fn insert_job_run<C: ConnectionTrait>(
    db: &C,
    poll_id: Uuid,
    kind: JobKind,
    status: &str,
    due_at: DateTime<Utc>,
    now: DateTime<Utc>,
    details: serde_json::Value,
) -> Result<(), StoreError> {
    job_run::Entity::insert(job_run::ActiveModel {
        id: Set(Uuid::new_v4()),
        poll_id: Set(poll_id),
        kind: Set(kind.as_str().to_owned()),
        status: Set(status.to_owned()),
        due_at: Set(due_at),
        created_at: Set(now),
        done_at: Set((status == "done").then_some(now)),
        details: Set(details.to_string()),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// What every close writes besides the state, on `db` (the closing transaction): the `close` job
/// (so the runner never closes the poll a second time), a `pending` publication reminder, and the
/// follow-up reminder its brief promised, if any.
async fn record_closing<C: ConnectionTrait>(
    db: &C,
    poll: &poll::Model,
    closes_at: DateTime<Utc>,
    now: DateTime<Utc>,
    details: serde_json::Value,
    by: &str,
) -> Result<(), StoreError> {
    insert_job_run(db, poll.id, JobKind::Close, "done", closes_at, now, details).await?;
    insert_job_run(
        db,
        poll.id,
        JobKind::PublicationReminder,
        "pending",
        closes_at,
        now,
        serde_json::json!({ "runner": by }),
    )
    .await?;
    let promised = PollDefinition::from_json_str(&poll.definition)
        .ok()
        .and_then(|d| d.brief)
        .and_then(|b| b.follow_up_on);
    if let Some(day) = promised {
        insert_job_run(
            db,
            poll.id,
            JobKind::FollowUpReminder,
            "pending",
            crate::publication::follow_up_due_at(day),
            now,
            serde_json::json!({ "runner": by, "promised_on": day }),
        )
        .await?;
    }
    Ok(())
}

fn due_poll(m: poll::Model) -> DuePoll {
    DuePoll {
        id: m.id,
        slug: m.slug,
        opens_at: m.opens_at,
        closes_at: m.closes_at,
    }
}

impl Store {
    /// Scheduled polls whose opening time has come (`opens_at <= now`), earliest first, at most
    /// `limit`.
    pub async fn due_openings(
        &self,
        now: DateTime<Utc>,
        limit: u64,
    ) -> Result<Vec<DuePoll>, StoreError> {
        self.due(PollState::Scheduled, poll::Column::OpensAt, now, limit)
            .await
    }

    /// Open polls whose closing time has come (`closes_at <= now`), earliest first, at most
    /// `limit`.
    pub async fn due_closings(
        &self,
        now: DateTime<Utc>,
        limit: u64,
    ) -> Result<Vec<DuePoll>, StoreError> {
        self.due(PollState::Open, poll::Column::ClosesAt, now, limit)
            .await
    }

    /// Polls in `state` whose time in `column` has come, earliest first (then by id, so that
    /// every instance sees the same order), at most `limit`.
    async fn due(
        &self,
        state: PollState,
        column: poll::Column,
        now: DateTime<Utc>,
        limit: u64,
    ) -> Result<Vec<DuePoll>, StoreError> {
        Ok(poll::Entity::find()
            .filter(poll::Column::State.eq(state.as_str()))
            .filter(column.lte(now))
            .order_by_asc(column)
            .order_by_asc(poll::Column::Id)
            .limit(limit)
            .all(&self.db)
            .await?
            .into_iter()
            .map(due_poll)
            .collect())
    }

    /// The `open` job for one poll, in one transaction: claims the poll (scheduled → open, only
    /// if its opening time has come), records the job in `job_runs` and puts one `announce` post
    /// per channel in the outbox (`channel_posts`, status `pending`), unless the poll's closing
    /// time has passed too. `Ok(None)` when there was nothing to claim: another instance did it,
    /// or the poll was rescheduled or withdrawn in the meantime.
    ///
    /// `runner` names the instance, for the record.
    pub async fn open_due_poll(
        &self,
        poll_id: Uuid,
        now: DateTime<Utc>,
        runner: &str,
    ) -> Result<Option<Opened>, StoreError> {
        let txn = self.begin_write().await?;
        let claimed = poll::Entity::update_many()
            .col_expr(poll::Column::State, Expr::value(PollState::Open.as_str()))
            .col_expr(poll::Column::UpdatedAt, Expr::value(now))
            .filter(poll::Column::Id.eq(poll_id))
            .filter(poll::Column::State.eq(PollState::Scheduled.as_str()))
            .filter(poll::Column::OpensAt.lte(now))
            .exec(&txn)
            .await?;
        if claimed.rows_affected != 1 {
            txn.rollback().await?;
            return Ok(None);
        }
        let poll = poll::Entity::find_by_id(poll_id)
            .one(&txn)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("poll {poll_id}")))?;
        let opens_at = poll.opens_at.unwrap_or(now);
        let already_over = poll.closes_at.is_some_and(|c| c <= now);
        // The bridge posts what is in the outbox. A poll that is over before it could be
        // announced is not announced at all.
        let announcements = if already_over {
            0
        } else {
            enqueue_announcements(&txn, poll_id, now).await?
        };
        insert_job_run(
            &txn,
            poll_id,
            JobKind::Open,
            "done",
            opens_at,
            now,
            serde_json::json!({
                "runner": runner,
                "late_seconds": (now - opens_at).num_seconds(),
                "announcements": announcements,
                "already_over": already_over,
            }),
        )
        .await?;
        txn.commit().await?;
        Ok(Some(Opened {
            announcements,
            already_over,
        }))
    }

    /// The `close` job for one poll, in one transaction: claims it (open → closed, only if its
    /// closing time has come), records the job and a `pending` publication reminder (the hook for
    /// the component that reminds staff to publish results). `Ok(false)` when there was nothing to
    /// claim.
    pub async fn close_due_poll(
        &self,
        poll_id: Uuid,
        now: DateTime<Utc>,
        runner: &str,
    ) -> Result<bool, StoreError> {
        let txn = self.begin_write().await?;
        let claimed = poll::Entity::update_many()
            .col_expr(poll::Column::State, Expr::value(PollState::Closed.as_str()))
            .col_expr(poll::Column::UpdatedAt, Expr::value(now))
            .filter(poll::Column::Id.eq(poll_id))
            .filter(poll::Column::State.eq(PollState::Open.as_str()))
            .filter(poll::Column::ClosesAt.lte(now))
            .exec(&txn)
            .await?;
        if claimed.rows_affected != 1 {
            txn.rollback().await?;
            return Ok(false);
        }
        let poll = poll::Entity::find_by_id(poll_id)
            .one(&txn)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("poll {poll_id}")))?;
        let closes_at = poll.closes_at.unwrap_or(now);
        record_closing(
            &txn,
            &poll,
            closes_at,
            now,
            serde_json::json!({
                "runner": runner,
                "late_seconds": (now - closes_at).num_seconds(),
            }),
            runner,
        )
        .await?;
        txn.commit().await?;
        Ok(true)
    }

    /// Closes an open poll now, before its time, at staff's request, in one transaction: claims it
    /// (open → closed, its closing time set to `now`), records the closing as the runner would,
    /// puts a `closed` notice in the outbox for each channel that carried the announcement, and
    /// writes `audit`. `Ok(None)` when the poll was not open (any more): then nothing is written.
    /// Otherwise the number of notices queued.
    pub async fn close_poll_early(
        &self,
        poll_id: Uuid,
        audit: crate::NewAudit,
        now: DateTime<Utc>,
    ) -> Result<Option<u64>, StoreError> {
        let txn = self.begin_write().await?;
        let claimed = poll::Entity::update_many()
            .col_expr(poll::Column::State, Expr::value(PollState::Closed.as_str()))
            .col_expr(poll::Column::ClosesAt, Expr::value(Some(now)))
            .col_expr(poll::Column::UpdatedAt, Expr::value(now))
            .filter(poll::Column::Id.eq(poll_id))
            .filter(poll::Column::State.eq(PollState::Open.as_str()))
            .exec(&txn)
            .await?;
        if claimed.rows_affected != 1 {
            txn.rollback().await?;
            return Ok(None);
        }
        let poll = poll::Entity::find_by_id(poll_id)
            .one(&txn)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("poll {poll_id}")))?;
        // Who closed it is in the audit row; the job record only says it was not the runner.
        record_closing(
            &txn,
            &poll,
            now,
            now,
            serde_json::json!({ "runner": "staff", "early": true }),
            "staff",
        )
        .await?;
        let notices = crate::outbox::enqueue_closed_notices_on(&txn, poll_id, now).await?;
        crate::audit::insert_audit_on(&txn, audit, now).await?;
        txn.commit().await?;
        Ok(Some(notices))
    }

    /// The pending `publication_reminder` jobs (written when a poll closes) whose poll closed at
    /// least `due` before `now`: (job id, poll id).
    pub async fn due_publication_reminders(
        &self,
        now: DateTime<Utc>,
        due: chrono::TimeDelta,
    ) -> Result<Vec<(Uuid, Uuid)>, StoreError> {
        Ok(job_run::Entity::find()
            .filter(job_run::Column::Kind.eq(JobKind::PublicationReminder.as_str()))
            .filter(job_run::Column::Status.eq("pending"))
            .filter(job_run::Column::DueAt.lte(now - due))
            .order_by_asc(job_run::Column::DueAt)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|m| (m.id, m.poll_id))
            .collect())
    }

    /// The pending `follow_up_reminder` jobs due at `now`: `(job id, poll id)`, oldest first.
    pub async fn due_follow_up_reminders(
        &self,
        now: DateTime<Utc>,
    ) -> Result<Vec<(Uuid, Uuid)>, StoreError> {
        Ok(job_run::Entity::find()
            .filter(job_run::Column::Kind.eq(JobKind::FollowUpReminder.as_str()))
            .filter(job_run::Column::Status.eq("pending"))
            .filter(job_run::Column::DueAt.lte(now))
            .order_by_asc(job_run::Column::DueAt)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|m| (m.id, m.poll_id))
            .collect())
    }

    /// Ends a pending job as `status` (`done`, `skipped`) with `details`; `false` when another
    /// instance ended it first, so each reminder is acted on once.
    pub async fn finish_job(
        &self,
        job_id: Uuid,
        status: &str,
        details: serde_json::Value,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let moved = job_run::Entity::update_many()
            .col_expr(job_run::Column::Status, Expr::value(status))
            .col_expr(job_run::Column::DoneAt, Expr::value(Some(now)))
            .col_expr(job_run::Column::Details, Expr::value(details.to_string()))
            .filter(job_run::Column::Id.eq(job_id))
            .filter(job_run::Column::Status.eq("pending"))
            .exec(&self.db)
            .await?
            .rows_affected;
        Ok(moved == 1)
    }

    /// Every `job_runs` row, optionally of one poll only, oldest first.
    pub async fn job_runs(&self, poll_id: Option<Uuid>) -> Result<Vec<JobRun>, StoreError> {
        let mut query = job_run::Entity::find();
        if let Some(id) = poll_id {
            query = query.filter(job_run::Column::PollId.eq(id));
        }
        Ok(query
            .order_by_asc(job_run::Column::CreatedAt)
            .order_by_asc(job_run::Column::Kind)
            .all(&self.db)
            .await?
            .into_iter()
            .map(JobRun::from)
            .collect())
    }
}
