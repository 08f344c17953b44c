//! Spacing rules for flash polls (docs/api.md, "Scheduling and spacing") as pure domain logic: which audiences
//! overlap, which rule applies between them, whether a proposed schedule asks the same residents
//! too often, and when the next free slot is; also who may target which audiences ([`targeting`])
//! and how long and how far ahead a poll may hold the calendar ([`limits`]).
//!
//! No I/O, no database, no web: the store loads the audiences, rules, quiet periods and scheduled
//! polls, builds a [`Calendar`], and the API or CLI turns [`Conflict`]s into a `409` or printed
//! lines. Keeping the rules here means the staff UI, the API and `flits poll schedule` can never
//! disagree about them, and lets them be tested exhaustively. Like every domain crate it returns
//! codes and arguments, never sentences: a [`Conflict`] names its rule and carries its numbers
//! ([`ConflictFacts`]), and the web layer and the CLI put it into the reader's words.
//!
//! Times are [`chrono::DateTime<Utc>`]; every day-based setting counts calendar days in
//! Europe/Amsterdam (see [`days`]).

pub mod audience;
pub mod channel;
pub mod check;
pub mod conflict;
pub mod days;
pub mod error;
pub mod limits;
pub mod overview;
pub mod quiet;
pub mod rules;
pub mod stop;
pub mod targeting;

pub use audience::{Audience, AudienceTree};
pub use channel::{CHANNEL_WINDOW, ChannelLimit, channel_conflicts, channel_next_free};
pub use check::{Calendar, NEXT_FREE_HORIZON_DAYS, ScheduleRequest, ScheduledPoll};
pub use conflict::{Conflict, ConflictFacts, GapSide, RuleKind};
pub use error::ScheduleError;
pub use limits::{LimitBreach, ScheduleLimits};
pub use overview::{BusyPoll, DayStatus, at_time_of_day, quiet_for, weeks_around};
pub use quiet::QuietPeriod;
pub use rules::{AudienceRule, MAX_RULE_DAYS, SpacingPolicy, SpacingRule, strictest};
pub use stop::{MAX_REASON_CHARS, Standing, Stop, StopPlan, StopRefusal};
pub use targeting::{AudienceOwners, OwnedAudience, TargetScope};
