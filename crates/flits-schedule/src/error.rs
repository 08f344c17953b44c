//! What can be wrong with the *input* of the spacing checker, as opposed to a schedule that breaks
//! a rule (that is a [`crate::Conflict`], reported to staff with a 409, not an error).
//!
//! Errors are typed so that the web layer can map a bad configuration (audience tree, rules, quiet
//! periods) to a start-up failure and a bad request (`opens_at >= closes_at`, an unknown audience)
//! to a 400/422, without parsing messages.

use chrono::{DateTime, NaiveDate, Utc};

/// Why an audience tree, a spacing policy, a quiet period, a scheduled poll or a schedule request
/// cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    /// Two audiences share an id; overlap checks would be ambiguous.
    #[error("audience {0:?} is defined more than once")]
    DuplicateAudience(String),

    /// An audience names a parent that is not in the tree.
    #[error("audience {audience:?} has unknown parent {parent:?}")]
    UnknownParent { audience: String, parent: String },

    /// Following parents from these audiences leads back to where it started, so "includes" is
    /// not a hierarchy. The list is the cycle, in parent order.
    #[error("audiences form a cycle: {}", .audiences.join(" -> "))]
    Cycle { audiences: Vec<String> },

    /// A rule, quiet period, poll or request names an audience that is not in the tree.
    #[error("unknown audience {0:?}")]
    UnknownAudience(String),

    /// Two spacing rules for the same audience: which one replaces the default would be arbitrary.
    #[error("more than one spacing rule for audience {0:?}")]
    DuplicateRule(String),

    /// A spacing setting outside what the checker supports (for example `max_polls = 0`).
    #[error("invalid spacing rule{}: {reason}", .audience.as_ref().map(|a| format!(" for {a:?}")).unwrap_or_default())]
    InvalidRule {
        audience: Option<String>,
        reason: String,
    },

    /// A quiet period that ends before it starts, or that applies to no audience.
    #[error("invalid quiet period {from}..{to} ({reason})")]
    InvalidQuietPeriod {
        from: NaiveDate,
        to: NaiveDate,
        reason: String,
    },

    /// A poll or request without any audience: spacing could not be applied to it.
    #[error("poll {0:?} has no audience")]
    NoAudience(String),

    /// A poll or request that does not open before it closes.
    #[error("poll {slug:?} must open before it closes (opens {opens_at}, closes {closes_at})")]
    InvalidPeriod {
        slug: String,
        opens_at: DateTime<Utc>,
        closes_at: DateTime<Utc>,
    },

    /// Two scheduled polls with the same slug in one calendar.
    #[error("poll {0:?} is scheduled more than once")]
    DuplicatePoll(String),

    /// A time so far in the past or future that date arithmetic would overflow.
    #[error("time out of the supported range: {0}")]
    OutOfRange(String),
}
