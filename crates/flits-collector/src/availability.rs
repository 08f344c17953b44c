//! Whether a poll takes answers right now, and if not, why — in words for residents.

use chrono::{DateTime, Utc};
use flits_store::Poll;
use flits_survey::PollState;

/// What a resident who opens the poll's link gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Availability {
    /// Answers are taken.
    Open,
    /// Scheduled but not open yet.
    NotOpenYet { opens_at: Option<DateTime<Utc>> },
    /// Closed (results may or may not be published).
    Closed {
        closed_at: Option<DateTime<Utc>>,
        results_published: bool,
    },
    /// A draft or archived poll: residents cannot see it at all.
    Hidden,
}

/// The availability of `poll` at `now`. The stored state is leading; the closing time is checked too,
/// so a poll never takes answers after it closed even when the job that closes it runs late.
pub fn availability(poll: &Poll, now: DateTime<Utc>) -> Availability {
    match poll.state {
        PollState::Draft | PollState::Archived => Availability::Hidden,
        PollState::Scheduled => Availability::NotOpenYet {
            opens_at: poll.opens_at,
        },
        PollState::Open => match poll.closes_at {
            Some(closes) if now >= closes => Availability::Closed {
                closed_at: Some(closes),
                results_published: false,
            },
            _ => Availability::Open,
        },
        PollState::Closed => Availability::Closed {
            closed_at: poll.closes_at,
            results_published: false,
        },
        PollState::ResultsPublished => Availability::Closed {
            closed_at: poll.closes_at,
            results_published: true,
        },
    }
}
