//! Why a poll was not scheduled.

use chrono::{DateTime, Utc};
use flits_schedule::{Conflict, LimitBreach, ScheduleError};
use flits_store::StoreError;
use flits_survey::{PollState, Report};

/// Why a poll was not scheduled. [`ScheduleFailure::code`] is the stable machine code (the API's
/// `error.code`); [`crate::text::failure_message`] says it in the reader's language. The
/// `Display` text is for logs.
#[derive(Debug, thiserror::Error)]
pub enum ScheduleFailure {
    /// No poll has this slug.
    #[error("there is no poll with slug {0:?}")]
    UnknownPoll(String),
    /// Only drafts and scheduled polls can be (re)scheduled.
    #[error("poll {slug:?} is {state}: only a draft or a scheduled poll can be scheduled")]
    NotSchedulable { slug: String, state: PollState },
    /// The definition is not ready for scheduling, e.g. an incomplete brief.
    #[error("poll {slug:?} cannot be scheduled: {} problem(s) in its definition", .report.errors.len())]
    InvalidDefinition { slug: String, report: Box<Report> },
    /// The opening time has already passed.
    #[error("the opening time {opens_at} is in the past")]
    OpensInPast {
        opens_at: DateTime<Utc>,
        now: DateTime<Utc>,
    },
    /// The poll would close before (or when) it opens.
    #[error("the poll must close after it opens (opens {opens_at}, closes {closes_at})")]
    ClosesBeforeOpens {
        opens_at: DateTime<Utc>,
        closes_at: DateTime<Utc>,
    },
    /// A channel id that cannot be one.
    #[error("{0:?} is not a channel id")]
    InvalidChannel(String),
    /// An override needs a reason.
    #[error("an override needs a reason")]
    EmptyOverrideReason,
    /// The caller may not target these audiences of the poll's brief (comms staff target their
    /// own organisation's audiences and those opened to it).
    #[error("the caller may not target the audiences {}", .0.join(", "))]
    AudienceNotAllowed(Vec<String>),
    /// The poll would be open too long, or open too far ahead.
    #[error("the schedule breaks a cap: {0:?}")]
    Limit(LimitBreach),
    /// The schedule breaks spacing rules.
    #[error("the schedule breaks {} spacing rule(s)", .conflicts.len())]
    Conflicts {
        conflicts: Vec<Conflict>,
        /// The earliest opening time, with the same duration, that breaks no rule; `None` when
        /// there is none within five years.
        next_free: Option<DateTime<Utc>>,
    },
    /// The spacing settings do not fit the audiences in the database (a rule or quiet period for
    /// an unknown audience…): an operator has to fix the configuration.
    #[error("the spacing configuration cannot be used: {0}")]
    Configuration(#[from] ScheduleError),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl ScheduleFailure {
    /// The stable machine code (the API's `error.code`).
    pub fn code(&self) -> &'static str {
        match self {
            ScheduleFailure::UnknownPoll(_) => "not_found",
            ScheduleFailure::NotSchedulable { .. } => "not_schedulable",
            ScheduleFailure::InvalidDefinition { .. } => "invalid_poll",
            ScheduleFailure::OpensInPast { .. } => "opens_in_past",
            ScheduleFailure::ClosesBeforeOpens { .. } => "closes_before_opens",
            ScheduleFailure::InvalidChannel(_) => "invalid_channel",
            ScheduleFailure::EmptyOverrideReason => "override_reason_missing",
            ScheduleFailure::AudienceNotAllowed(_) => "audience_not_allowed",
            ScheduleFailure::Limit(breach) => breach.code(),
            ScheduleFailure::Conflicts { .. } => "spacing_conflict",
            ScheduleFailure::Configuration(_) => "spacing_configuration",
            ScheduleFailure::Store(_) => "internal",
        }
    }

    /// Whether the failure is the system's fault (configuration, database), not the request's:
    /// callers log it and show a generic message.
    pub fn is_internal(&self) -> bool {
        matches!(
            self,
            ScheduleFailure::Configuration(_) | ScheduleFailure::Store(_)
        )
    }
}
