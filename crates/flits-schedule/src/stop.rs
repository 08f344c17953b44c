//! Stopping what is planned: a scheduled poll cancelled (back to draft, its place on the calendar
//! freed) or an open poll closed before its time.
//!
//! Plans change: a council decision comes first, a poll turns out to ask the wrong thing, an
//! incident makes a question tactless. Staff then need to take a poll off the calendar or close it
//! at once, and whoever reads the audit log later needs to know why. So both stops require a
//! reason, and each applies to exactly one state: only a scheduled poll can be cancelled (an open
//! poll has residents' answers; cancelling it would hide them), only an open poll can be closed
//! early (a scheduled one is cancelled instead).
//!
//! The rules are pure: [`plan`] takes what the caller knows (which stop, the poll's standing, the
//! reason as typed, the time) and returns what to write, or why not, as codes the services put into
//! words. Closing early also tells the channels that carried the announcement: their followers saw
//! a poll that is suddenly gone, and deserve a short notice.

use chrono::{DateTime, Utc};

/// The longest reason accepted, in characters: a sentence or two for the audit log, not a report.
pub const MAX_REASON_CHARS: usize = 500;

/// Which stop is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stop {
    /// A scheduled poll goes back to draft; its slot is freed.
    Cancel,
    /// An open poll is closed now.
    Close,
}

impl Stop {
    /// The stable name (`cancel`, `close`), also the last part of its API path.
    pub const fn as_str(self) -> &'static str {
        match self {
            Stop::Cancel => "cancel",
            Stop::Close => "close",
        }
    }

    /// The audit log's action for this stop.
    pub const fn audit_action(self) -> &'static str {
        match self {
            Stop::Cancel => "poll.cancelled",
            Stop::Close => "poll.closed_early",
        }
    }
}

/// Where a poll stands as far as stopping goes; the caller maps its stored state onto this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Standing {
    /// Not on the calendar yet.
    Draft,
    /// On the calendar, not open yet.
    Scheduled,
    /// Open for answers.
    Open,
    /// Closed, published or archived: nothing left to stop.
    Over,
}

/// Why a stop is refused. The first two are about the request, the last two about the poll's
/// state (the services answer those with a conflict).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StopRefusal {
    /// The reason is empty or only white space.
    #[error("a reason is required")]
    ReasonMissing,
    /// The reason is longer than [`MAX_REASON_CHARS`].
    #[error("the reason has {length} characters, at most {max} are allowed")]
    ReasonTooLong { length: usize, max: usize },
    /// Cancel asked for a poll that is not scheduled.
    #[error("only a scheduled poll can be cancelled")]
    NotScheduled,
    /// Close asked for a poll that is not open.
    #[error("only an open poll can be closed early")]
    NotOpen,
}

impl StopRefusal {
    /// The stable machine code (the API's `error.code`).
    pub const fn code(&self) -> &'static str {
        match self {
            StopRefusal::ReasonMissing => "reason_required",
            StopRefusal::ReasonTooLong { .. } => "reason_too_long",
            StopRefusal::NotScheduled => "not_scheduled",
            StopRefusal::NotOpen => "not_open",
        }
    }

    /// Whether the poll's state, not the request, is what stands in the way.
    pub const fn is_state(&self) -> bool {
        matches!(self, StopRefusal::NotScheduled | StopRefusal::NotOpen)
    }
}

/// What a permitted stop writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StopPlan {
    pub stop: Stop,
    /// The reason, trimmed.
    pub reason: String,
    /// The standing the poll must still have when the change is written (a conditional update:
    /// the runner may have opened or closed it meanwhile).
    pub from: Standing,
    /// The standing afterwards.
    pub to: Standing,
    /// The new closing time: `now` for a close, none for a cancel (its times are cleared).
    pub closes_at: Option<DateTime<Utc>>,
    /// Whether the poll's channels get a notice.
    pub notify_channels: bool,
}

/// The reason as typed, trimmed, or why it cannot be used.
pub fn reason(raw: &str) -> Result<String, StopRefusal> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err(StopRefusal::ReasonMissing);
    }
    let length = trimmed.chars().count();
    if length > MAX_REASON_CHARS {
        return Err(StopRefusal::ReasonTooLong {
            length,
            max: MAX_REASON_CHARS,
        });
    }
    Ok(trimmed.to_owned())
}

/// Whether `stop` may be applied to a poll standing at `standing` for `raw_reason`, and what to
/// write. The reason is checked first: a request without one is wrong whatever the poll's state.
pub fn plan(
    stop: Stop,
    standing: Standing,
    raw_reason: &str,
    now: DateTime<Utc>,
) -> Result<StopPlan, StopRefusal> {
    let reason = reason(raw_reason)?;
    match (stop, standing) {
        (Stop::Cancel, Standing::Scheduled) => Ok(StopPlan {
            stop,
            reason,
            from: Standing::Scheduled,
            to: Standing::Draft,
            closes_at: None,
            notify_channels: false,
        }),
        (Stop::Cancel, _) => Err(StopRefusal::NotScheduled),
        (Stop::Close, Standing::Open) => Ok(StopPlan {
            stop,
            reason,
            from: Standing::Open,
            to: Standing::Over,
            closes_at: Some(now),
            notify_channels: true,
        }),
        (Stop::Close, _) => Err(StopRefusal::NotOpen),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const ALL: [Standing; 4] = [
        Standing::Draft,
        Standing::Scheduled,
        Standing::Open,
        Standing::Over,
    ];

    #[test]
    fn each_stop_applies_to_exactly_one_standing() {
        let now = Utc::now();
        for standing in ALL {
            let cancel = plan(Stop::Cancel, standing, "Raadsbesluit", now);
            assert_eq!(
                cancel.is_ok(),
                standing == Standing::Scheduled,
                "{standing:?}"
            );
            if standing != Standing::Scheduled {
                assert_eq!(cancel.unwrap_err(), StopRefusal::NotScheduled);
            }
            let close = plan(Stop::Close, standing, "Raadsbesluit", now);
            assert_eq!(close.is_ok(), standing == Standing::Open, "{standing:?}");
            if standing != Standing::Open {
                assert_eq!(close.unwrap_err(), StopRefusal::NotOpen);
            }
        }
    }

    #[test]
    fn a_cancel_frees_the_slot_silently_and_a_close_tells_the_channels() {
        let now = Utc::now();
        let cancel = plan(Stop::Cancel, Standing::Scheduled, " Te vroeg ", now).unwrap();
        assert_eq!(cancel.reason, "Te vroeg");
        assert_eq!(
            (cancel.from, cancel.to),
            (Standing::Scheduled, Standing::Draft)
        );
        assert_eq!(cancel.closes_at, None);
        assert!(!cancel.notify_channels);
        let close = plan(Stop::Close, Standing::Open, "Incident", now).unwrap();
        assert_eq!((close.from, close.to), (Standing::Open, Standing::Over));
        assert_eq!(close.closes_at, Some(now));
        assert!(close.notify_channels);
    }

    #[test]
    fn the_reason_is_required_and_checked_before_the_state() {
        let now = Utc::now();
        for blank in ["", "   ", "\n\t"] {
            assert_eq!(
                plan(Stop::Close, Standing::Draft, blank, now).unwrap_err(),
                StopRefusal::ReasonMissing
            );
        }
        let long = "a".repeat(MAX_REASON_CHARS + 1);
        assert_eq!(
            plan(Stop::Cancel, Standing::Scheduled, &long, now).unwrap_err(),
            StopRefusal::ReasonTooLong {
                length: MAX_REASON_CHARS + 1,
                max: MAX_REASON_CHARS
            }
        );
        // Characters, not bytes: 500 letters with accents fit.
        let accented = "é".repeat(MAX_REASON_CHARS);
        assert!(plan(Stop::Cancel, Standing::Scheduled, &accented, now).is_ok());
    }

    #[test]
    fn codes_are_stable_and_say_whether_the_state_is_the_problem() {
        assert_eq!(StopRefusal::ReasonMissing.code(), "reason_required");
        assert_eq!(
            StopRefusal::ReasonTooLong { length: 1, max: 0 }.code(),
            "reason_too_long"
        );
        assert_eq!(StopRefusal::NotScheduled.code(), "not_scheduled");
        assert_eq!(StopRefusal::NotOpen.code(), "not_open");
        assert!(StopRefusal::NotOpen.is_state() && StopRefusal::NotScheduled.is_state());
        assert!(!StopRefusal::ReasonMissing.is_state());
        assert_eq!(Stop::Cancel.audit_action(), "poll.cancelled");
        assert_eq!(Stop::Close.audit_action(), "poll.closed_early");
    }
}
