//! Scheduling and the job runner: what the spacing check needs to know about the calendar, writing
//! a schedule, the audit log, and the runner's exactly-once jobs.
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
use flits_survey::PollState;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
    TransactionTrait,
};
use uuid::Uuid;

use crate::entity::{channel_post, poll, poll_audience, poll_channel};
use crate::{Store, StoreError};

/// The `audit_log` table: one row per staff action worth keeping (scheduling, overrides, …).
pub mod audit_log {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "audit_log")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub at: DateTimeUtc,
        /// The staff user who acted; `None` for the command line and the system itself.
        pub actor_email: Option<String>,
        /// A dotted name such as `poll.scheduled` or `poll.schedule_override`.
        pub action: String,
        pub poll_slug: Option<String>,
        /// A JSON object with the particulars.
        #[sea_orm(column_type = "Text")]
        pub details: String,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// The `job_runs` table: what the job runner did (or has left to do), one row per poll and kind.
pub mod job_run {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "job_runs")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub poll_id: Uuid,
        /// A [`super::JobKind`] name.
        pub kind: String,
        /// `done`, or `pending` for work a later component picks up.
        pub status: String,
        /// When the job was due (the poll's opening or closing time).
        pub due_at: DateTimeUtc,
        pub created_at: DateTimeUtc,
        pub done_at: Option<DateTimeUtc>,
        #[sea_orm(column_type = "Text")]
        pub details: String,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// An audit event to record.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAudit {
    /// The staff user's e-mail address; `None` for the command line or the system.
    pub actor_email: Option<String>,
    /// A dotted, stable name such as `poll.scheduled`.
    pub action: String,
    pub poll_slug: Option<String>,
    /// Particulars as a JSON object. Never put answers, residents' addresses or tokens here.
    pub details: serde_json::Value,
}

/// A recorded audit event.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    pub actor_email: Option<String>,
    pub action: String,
    pub poll_slug: Option<String>,
    pub details: serde_json::Value,
}

impl From<audit_log::Model> for AuditEntry {
    fn from(m: audit_log::Model) -> Self {
        AuditEntry {
            id: m.id,
            at: m.at,
            actor_email: m.actor_email,
            action: m.action,
            poll_slug: m.poll_slug,
            details: serde_json::from_str(&m.details)
                .unwrap_or(serde_json::Value::String(m.details)),
        }
    }
}

/// A poll that holds (or held) a place on the calendar, as the spacing check needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarPoll {
    pub id: Uuid,
    pub slug: String,
    pub state: PollState,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub audiences: Vec<String>,
    pub channels: Vec<String>,
}

/// A schedule to store for a draft or scheduled poll.
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduleWrite {
    pub poll_id: Uuid,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    /// The audiences of the poll's brief (replace what is stored).
    pub audiences: Vec<String>,
    /// The channels it is posted to (replace what is stored).
    pub channels: Vec<String>,
    /// Audit rows written in the same transaction.
    pub audit: Vec<NewAudit>,
}

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
}

impl JobKind {
    /// The stored name.
    pub const fn as_str(self) -> &'static str {
        match self {
            JobKind::Open => "open",
            JobKind::Close => "close",
            JobKind::PublicationReminder => "publication_reminder",
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

/// A channel post in the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxPost {
    pub poll_id: Uuid,
    pub channel_id: String,
    pub purpose: String,
    pub status: String,
}

/// The states in which a poll occupies the calendar.
const CALENDAR_STATES: [PollState; 5] = [
    PollState::Scheduled,
    PollState::Open,
    PollState::Closed,
    PollState::ResultsPublished,
    PollState::Archived,
];

/// Rows per `IN (…)` list, well below every backend's limit on bound parameters.
const CHUNK: usize = 1000;

async fn insert_audit_on<C: ConnectionTrait>(
    db: &C,
    new: NewAudit,
    at: DateTime<Utc>,
) -> Result<Uuid, StoreError> {
    let id = Uuid::new_v4();
    audit_log::Entity::insert(audit_log::ActiveModel {
        id: Set(id),
        at: Set(at),
        actor_email: Set(new.actor_email),
        action: Set(new.action),
        poll_slug: Set(new.poll_slug),
        details: Set(new.details.to_string()),
    })
    .exec_without_returning(db)
    .await?;
    Ok(id)
}

async fn insert_job_run<C: ConnectionTrait>(
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

fn due_poll(m: poll::Model) -> DuePoll {
    DuePoll {
        id: m.id,
        slug: m.slug,
        opens_at: m.opens_at,
        closes_at: m.closes_at,
    }
}

impl Store {
    /// Records an audit event now; returns its id.
    pub async fn insert_audit(&self, new: NewAudit) -> Result<Uuid, StoreError> {
        insert_audit_on(&self.db, new, Utc::now()).await
    }

    /// The latest `limit` audit events, newest first.
    pub async fn audit_entries(&self, limit: u64) -> Result<Vec<AuditEntry>, StoreError> {
        Ok(audit_log::Entity::find()
            .order_by_desc(audit_log::Column::At)
            .order_by_desc(audit_log::Column::Id)
            .limit(limit)
            .all(&self.db)
            .await?
            .into_iter()
            .map(AuditEntry::from)
            .collect())
    }

    /// Every poll on the calendar (scheduled, open, closed, published or archived, with both
    /// times set) that closes at or after `since`, with its audiences and channels, by opening
    /// time. Older polls cannot affect a schedule starting after `since` plus the longest gap or
    /// window, which is how the caller picks `since`.
    pub async fn calendar_polls(
        &self,
        since: DateTime<Utc>,
    ) -> Result<Vec<CalendarPoll>, StoreError> {
        let models = poll::Entity::find()
            .filter(poll::Column::State.is_in(CALENDAR_STATES.map(PollState::as_str)))
            .filter(poll::Column::OpensAt.is_not_null())
            .filter(poll::Column::ClosesAt.gte(since))
            .order_by_asc(poll::Column::OpensAt)
            .order_by_asc(poll::Column::Slug)
            .all(&self.db)
            .await?;
        let mut polls = Vec::with_capacity(models.len());
        let mut index = std::collections::HashMap::with_capacity(models.len());
        for m in models {
            let (Some(opens_at), Some(closes_at)) = (m.opens_at, m.closes_at) else {
                continue;
            };
            let state = m
                .state
                .parse()
                .map_err(|e| StoreError::Corrupt(format!("poll {}: {e}", m.slug)))?;
            index.insert(m.id, polls.len());
            polls.push(CalendarPoll {
                id: m.id,
                slug: m.slug,
                state,
                opens_at,
                closes_at,
                audiences: Vec::new(),
                channels: Vec::new(),
            });
        }
        let ids: Vec<Uuid> = polls.iter().map(|p| p.id).collect();
        for chunk in ids.chunks(CHUNK) {
            let audiences = poll_audience::Entity::find()
                .filter(poll_audience::Column::PollId.is_in(chunk.iter().copied()))
                .order_by_asc(poll_audience::Column::AudienceId)
                .all(&self.db)
                .await?;
            for a in audiences {
                if let Some(&i) = index.get(&a.poll_id) {
                    polls[i].audiences.push(a.audience_id);
                }
            }
            let channels = poll_channel::Entity::find()
                .filter(poll_channel::Column::PollId.is_in(chunk.iter().copied()))
                .order_by_asc(poll_channel::Column::ChannelId)
                .all(&self.db)
                .await?;
            for c in channels {
                if let Some(&i) = index.get(&c.poll_id) {
                    polls[i].channels.push(c.channel_id);
                }
            }
        }
        Ok(polls)
    }

    /// Schedules (or reschedules) a poll in one transaction: state `scheduled` with its times,
    /// its audiences and channels replaced, and the audit rows written. Only a draft or an
    /// already scheduled poll is changed; `Ok(false)` when the poll was in another state (for
    /// instance the runner opened it in the meantime), and then nothing is written.
    pub async fn write_schedule(&self, write: ScheduleWrite) -> Result<bool, StoreError> {
        let now = Utc::now();
        let txn = self.db.begin().await?;
        let updated = poll::Entity::update_many()
            .col_expr(
                poll::Column::State,
                Expr::value(PollState::Scheduled.as_str()),
            )
            .col_expr(poll::Column::OpensAt, Expr::value(Some(write.opens_at)))
            .col_expr(poll::Column::ClosesAt, Expr::value(Some(write.closes_at)))
            .col_expr(poll::Column::UpdatedAt, Expr::value(now))
            .filter(poll::Column::Id.eq(write.poll_id))
            .filter(
                poll::Column::State
                    .is_in([PollState::Draft.as_str(), PollState::Scheduled.as_str()]),
            )
            .exec(&txn)
            .await?;
        if updated.rows_affected != 1 {
            txn.rollback().await?;
            return Ok(false);
        }
        crate::polls::replace_links(&txn, write.poll_id, &write.audiences, &write.channels).await?;
        for audit in write.audit {
            insert_audit_on(&txn, audit, now).await?;
        }
        txn.commit().await?;
        Ok(true)
    }

    /// Scheduled polls whose opening time has come (`opens_at <= now`), earliest first, at most
    /// `limit`.
    pub async fn due_openings(
        &self,
        now: DateTime<Utc>,
        limit: u64,
    ) -> Result<Vec<DuePoll>, StoreError> {
        Ok(poll::Entity::find()
            .filter(poll::Column::State.eq(PollState::Scheduled.as_str()))
            .filter(poll::Column::OpensAt.lte(now))
            .order_by_asc(poll::Column::OpensAt)
            .order_by_asc(poll::Column::Id)
            .limit(limit)
            .all(&self.db)
            .await?
            .into_iter()
            .map(due_poll)
            .collect())
    }

    /// Open polls whose closing time has come (`closes_at <= now`), earliest first, at most
    /// `limit`.
    pub async fn due_closings(
        &self,
        now: DateTime<Utc>,
        limit: u64,
    ) -> Result<Vec<DuePoll>, StoreError> {
        Ok(poll::Entity::find()
            .filter(poll::Column::State.eq(PollState::Open.as_str()))
            .filter(poll::Column::ClosesAt.lte(now))
            .order_by_asc(poll::Column::ClosesAt)
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
        let txn = self.db.begin().await?;
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
        let mut announcements = 0;
        // Hook for the bridge: the outbox rows it will post. A poll that is over before it could
        // be announced is not announced at all.
        if !already_over {
            let channels = poll_channel::Entity::find()
                .filter(poll_channel::Column::PollId.eq(poll_id))
                .order_by_asc(poll_channel::Column::ChannelId)
                .all(&txn)
                .await?;
            for channel in channels {
                announcements += channel_post::Entity::insert(channel_post::ActiveModel {
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
                .exec_without_returning(&txn)
                .await?;
            }
        }
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
        let txn = self.db.begin().await?;
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
        insert_job_run(
            &txn,
            poll_id,
            JobKind::Close,
            "done",
            closes_at,
            now,
            serde_json::json!({
                "runner": runner,
                "late_seconds": (now - closes_at).num_seconds(),
            }),
        )
        .await?;
        insert_job_run(
            &txn,
            poll_id,
            JobKind::PublicationReminder,
            "pending",
            closes_at,
            now,
            serde_json::json!({ "runner": runner }),
        )
        .await?;
        txn.commit().await?;
        Ok(true)
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
            })
            .collect())
    }
}
