//! Scheduling a poll (docs/api.md, "Scheduling and spacing"): the one application service that `flits poll schedule`
//! and the staff service (its API and its pages) call.
//!
//! "Scheduling" here means placing a poll on the region's calendar under the spacing rules; the
//! job runner (`flits-runner`) is what later opens and closes it.
//!
//! [`Scheduling::schedule`] loads the poll, checks its definition as scheduling requires (a
//! complete brief, known audiences), builds the spacing calendar from the database (the audience
//! tree, the polls that hold a place on the calendar) and the [`SchedulingPolicy`] built once at
//! start-up (spacing rules, quiet periods, the channel limit), and either stores the schedule or
//! says why not with a typed [`ScheduleFailure`]. A request that breaks a rule fails with
//! [`ScheduleFailure::Conflicts`]: every broken rule, and the earliest opening time with the same
//! duration that breaks none. An admin may override with a reason; the override is written to the
//! audit log together with the conflicts it overrode. Checking the caller's role is the caller's
//! job.
//!
//! From reading the calendar to writing the schedule the service holds the store's
//! [`flits_store::ScheduleLock`], so decisions are ordered across requests and across processes.
//!
//! Conflicts and failures are codes and arguments; [`text`] puts them into words in the reader's
//! language, for the web layer and the CLI alike. Times are UTC.

mod failure;
mod next_free;
mod policy;
mod reminder;
mod service;
mod stop;
pub mod text;

pub use failure::ScheduleFailure;
pub use policy::SchedulingPolicy;
pub use reminder::{ReminderCommand, ReminderFailure};
pub use service::{ScheduleCommand, Scheduled, Scheduling, channel_ids};
pub use stop::{StopCommand, StopFailure, Stopped, standing};
