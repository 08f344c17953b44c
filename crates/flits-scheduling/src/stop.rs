//! Stopping what is planned: [`Scheduling::cancel`] takes a scheduled poll off the calendar (back
//! to draft, its slot freed for other polls), [`Scheduling::close`] closes an open poll now. The
//! rules are [`flits_schedule::stop`]; this is where they meet the store.
//!
//! A cancel runs under the scheduling lock like a schedule does, so a slot is never freed halfway
//! through another poll's check against it. Both writes are conditional updates: when the runner
//! opens (or closes) the poll in the meantime, nothing is written and the caller learns the state
//! the poll is in now. Both write their audit row, with the reason, in the same transaction.

use chrono::{DateTime, Utc};
use flits_schedule::{Standing, Stop, StopRefusal};
use flits_store::{NewAudit, Poll, StoreError};
use flits_survey::PollState;
use serde_json::json;

use crate::Scheduling;

/// A request to stop a poll, after the caller checked who may make it and that the poll belongs to
/// their organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StopCommand {
    pub slug: String,
    /// Why, as typed: required, written to the audit log.
    pub reason: String,
    /// Who acts, for the audit log: a staff user's e-mail address, or `cli:NAME`.
    pub actor: Option<String>,
}

/// A poll as it was stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stopped {
    pub slug: String,
    pub stop: Stop,
    /// The state it is in now: `draft` after a cancel, `closed` after a close.
    pub state: PollState,
    /// When it closed (a close only).
    pub closed_at: Option<DateTime<Utc>>,
    /// How many channel notices were queued (a close only).
    pub notices: u64,
}

/// Why a poll was not stopped. [`StopFailure::code`] is the API's `error.code`;
/// [`crate::text::stop_message`] says it in the reader's language.
#[derive(Debug, thiserror::Error)]
pub enum StopFailure {
    #[error("there is no poll with slug {0:?}")]
    UnknownPoll(String),
    /// The rules refuse it: no reason, or the poll is in the wrong state (then `state` says which).
    #[error("poll {slug:?} ({state}) cannot be stopped: {refusal}")]
    Refused {
        slug: String,
        state: PollState,
        refusal: StopRefusal,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl StopFailure {
    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            StopFailure::UnknownPoll(_) => "not_found",
            StopFailure::Refused { refusal, .. } => refusal.code(),
            StopFailure::Store(_) => "internal",
        }
    }

    /// Whether the poll's state is what stands in the way (a conflict, not a bad request).
    pub fn is_state(&self) -> bool {
        matches!(self, StopFailure::Refused { refusal, .. } if refusal.is_state())
    }
}

/// Where a stored state stands as far as stopping goes.
pub fn standing(state: PollState) -> Standing {
    match state {
        PollState::Draft => Standing::Draft,
        PollState::Scheduled => Standing::Scheduled,
        PollState::Open => Standing::Open,
        PollState::Closed | PollState::ResultsPublished | PollState::Archived => Standing::Over,
    }
}

impl Scheduling {
    /// Cancels a scheduled poll: back to draft, its times cleared, audit-logged with the reason.
    pub async fn cancel(
        &self,
        command: StopCommand,
        now: DateTime<Utc>,
    ) -> Result<Stopped, StopFailure> {
        let (poll, plan) = self.planned(Stop::Cancel, &command, now).await?;
        let lock = self.store().lock_scheduling().await?;
        let audit = audit(&command, &poll, Stop::Cancel, &plan.reason);
        if !lock.write_cancel(poll.id, audit, now).await? {
            return Err(self
                .stopped_meanwhile(poll.slug, Stop::Cancel, &command)
                .await);
        }
        Ok(Stopped {
            slug: poll.slug,
            stop: Stop::Cancel,
            state: PollState::Draft,
            closed_at: None,
            notices: 0,
        })
    }

    /// Closes an open poll now: closed, its closing time set to now, a notice queued for each
    /// channel that announced it, audit-logged with the reason.
    pub async fn close(
        &self,
        command: StopCommand,
        now: DateTime<Utc>,
    ) -> Result<Stopped, StopFailure> {
        let (poll, plan) = self.planned(Stop::Close, &command, now).await?;
        let audit = audit(&command, &poll, Stop::Close, &plan.reason);
        let Some(notices) = self.store().close_poll_early(poll.id, audit, now).await? else {
            return Err(self
                .stopped_meanwhile(poll.slug, Stop::Close, &command)
                .await);
        };
        Ok(Stopped {
            slug: poll.slug,
            stop: Stop::Close,
            state: PollState::Closed,
            closed_at: plan.closes_at,
            notices,
        })
    }

    /// The poll and the plan for `stop`, or why not.
    async fn planned(
        &self,
        stop: Stop,
        command: &StopCommand,
        now: DateTime<Utc>,
    ) -> Result<(Poll, flits_schedule::StopPlan), StopFailure> {
        let poll = self
            .store()
            .poll_by_slug(&command.slug)
            .await?
            .ok_or_else(|| StopFailure::UnknownPoll(command.slug.clone()))?;
        match flits_schedule::stop::plan(stop, standing(poll.state), &command.reason, now) {
            Ok(plan) => Ok((poll, plan)),
            Err(refusal) => Err(StopFailure::Refused {
                slug: poll.slug,
                state: poll.state,
                refusal,
            }),
        }
    }

    /// Why the conditional write found nothing: the poll moved on in the meantime.
    async fn stopped_meanwhile(
        &self,
        slug: String,
        stop: Stop,
        command: &StopCommand,
    ) -> StopFailure {
        match self.store().poll_by_slug(&slug).await {
            Ok(Some(p)) => {
                let refusal = flits_schedule::stop::plan(
                    stop,
                    standing(p.state),
                    &command.reason,
                    Utc::now(),
                )
                .err()
                .unwrap_or(match stop {
                    Stop::Cancel => StopRefusal::NotScheduled,
                    Stop::Close => StopRefusal::NotOpen,
                });
                StopFailure::Refused {
                    slug,
                    state: p.state,
                    refusal,
                }
            }
            Ok(None) => StopFailure::UnknownPoll(slug),
            Err(e) => e.into(),
        }
    }
}

/// The audit row of a stop: the reason, and the times the poll had.
fn audit(command: &StopCommand, poll: &Poll, stop: Stop, reason: &str) -> NewAudit {
    NewAudit {
        actor_email: command.actor.clone(),
        action: stop.audit_action().to_owned(),
        poll_slug: Some(poll.slug.clone()),
        details: json!({
            "reason": reason,
            "state": poll.state,
            "opens_at": poll.opens_at,
            "closes_at": poll.closes_at,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_has_a_standing() {
        for state in PollState::ALL {
            let s = standing(state);
            assert_eq!(s == Standing::Scheduled, state == PollState::Scheduled);
            assert_eq!(s == Standing::Open, state == PollState::Open);
        }
    }

    #[test]
    fn state_refusals_are_conflicts_and_reasons_are_not() {
        let refused = |refusal| StopFailure::Refused {
            slug: "x".into(),
            state: PollState::Draft,
            refusal,
        };
        assert!(refused(StopRefusal::NotOpen).is_state());
        assert_eq!(refused(StopRefusal::NotOpen).code(), "not_open");
        assert!(!refused(StopRefusal::ReasonMissing).is_state());
        assert_eq!(StopFailure::UnknownPoll("x".into()).code(), "not_found");
    }
}
