//! The calendar as the spacing check reads it, and writing a schedule onto it.
//!
//! Both run inside a [`crate::ScheduleLock`]: reading the calendar and writing the schedule that
//! was checked against it must not interleave with another schedule decision.

use chrono::{DateTime, Utc};
use flits_survey::PollState;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::StoreError;
use crate::audit::{NewAudit, insert_audit_on};
use crate::entity::{poll, poll_audience, poll_channel};

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

/// Every poll on the calendar (scheduled, open, closed, published or archived, with both times
/// set) that closes at or after `since`, with its audiences and channels, by opening time. Older
/// polls cannot affect a schedule starting after `since` plus the longest gap or window, which is
/// how the caller picks `since`.
pub(crate) async fn calendar_polls_on<C: ConnectionTrait>(
    db: &C,
    since: DateTime<Utc>,
) -> Result<Vec<CalendarPoll>, StoreError> {
    let models = poll::Entity::find()
        .filter(poll::Column::State.is_in(CALENDAR_STATES.map(PollState::as_str)))
        .filter(poll::Column::OpensAt.is_not_null())
        .filter(poll::Column::ClosesAt.gte(since))
        .order_by_asc(poll::Column::OpensAt)
        .order_by_asc(poll::Column::Slug)
        .all(db)
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
            .all(db)
            .await?;
        for a in audiences {
            if let Some(&i) = index.get(&a.poll_id) {
                polls[i].audiences.push(a.audience_id);
            }
        }
        let channels = poll_channel::Entity::find()
            .filter(poll_channel::Column::PollId.is_in(chunk.iter().copied()))
            .order_by_asc(poll_channel::Column::ChannelId)
            .all(db)
            .await?;
        for c in channels {
            if let Some(&i) = index.get(&c.poll_id) {
                polls[i].channels.push(c.channel_id);
            }
        }
    }
    Ok(polls)
}

/// Schedules (or reschedules) a poll on `db`, a transaction the caller commits: state
/// `scheduled` with its times, its audiences and channels replaced, and the audit rows written.
/// Only a draft or an already scheduled poll is changed; `Ok(false)` when the poll was in another
/// state (for instance the runner opened it in the meantime), and then nothing is written.
pub(crate) async fn write_schedule_on<C: ConnectionTrait>(
    db: &C,
    write: ScheduleWrite,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
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
            poll::Column::State.is_in([PollState::Draft.as_str(), PollState::Scheduled.as_str()]),
        )
        .exec(db)
        .await?;
    if updated.rows_affected != 1 {
        return Ok(false);
    }
    crate::polls::replace_links(db, write.poll_id, &write.audiences, &write.channels).await?;
    for audit in write.audit {
        insert_audit_on(db, audit, now).await?;
    }
    Ok(true)
}

/// Takes a scheduled poll off the calendar on `db`, a transaction the caller commits: back to
/// `draft` with its times cleared (so it holds no place for any audience), and `audit` written.
/// Its audiences and channels stay, as a draft's choices for when it is scheduled again.
/// `Ok(false)` when the poll was not scheduled (the runner may have opened it in the meantime),
/// and then nothing is written.
pub(crate) async fn write_cancel_on<C: ConnectionTrait>(
    db: &C,
    poll_id: Uuid,
    audit: NewAudit,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let updated = poll::Entity::update_many()
        .col_expr(poll::Column::State, Expr::value(PollState::Draft.as_str()))
        .col_expr(
            poll::Column::OpensAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(
            poll::Column::ClosesAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(poll::Column::UpdatedAt, Expr::value(now))
        .filter(poll::Column::Id.eq(poll_id))
        .filter(poll::Column::State.eq(PollState::Scheduled.as_str()))
        .exec(db)
        .await?;
    if updated.rows_affected != 1 {
        return Ok(false);
    }
    insert_audit_on(db, audit, now).await?;
    Ok(true)
}
