//! Storage for Flits: the only crate that talks to the database.
//!
//! One schema and one query layer serve both backends: embedded SQLite (the default, in WAL mode)
//! and PostgreSQL (production). Callers get domain types back, never sea-orm models, so the web
//! layer and the CLI do not depend on how rows are laid out.

pub mod entity;

mod audit;
mod calendar;
mod connect;
mod delivery;
mod error;
mod feedback;
mod jobs;
mod native;
mod operations;
mod organisations;
mod outbox;
mod polls;
mod population;
mod public_listing;
mod publication;
mod response_writer;
mod responses;
mod retention;
mod schedule_lock;
mod shuffle;
mod staff;
mod staff_auth;
mod themes;
mod write_transaction;

pub use audit::{AuditEntry, AuditFilter, NewAudit};
pub use calendar::{CalendarPoll, ScheduleWrite};
pub use connect::{Backend, Store};
pub use delivery::{Announcement, ClaimedPost, Delivery};
pub use error::StoreError;
pub use feedback::{ClaimedFeedback, FeedbackCounts, GAVE_UP as FEEDBACK_GAVE_UP, Subscribed};
pub use jobs::{DuePoll, JobKind, JobRun, Opened};
pub use native::{NativeOption, NativePollRef, NativeTally};
pub use operations::Operations;
pub use outbox::{OutboxPost, PostPurpose, RetryOutcome};
pub use polls::{NewPoll, Poll};
pub use population::{
    ImportedVia, PopulationFile, PopulationImport, ResolvedPopulation, SummedPopulation,
};
pub use publication::{
    FOLLOW_UP_EARLY_DAYS, NewPublication, Publication, PublishOutcome, Quote, ResultUpdate,
    follow_up_due_at, follow_up_overdue,
};
pub use response_writer::ResponseWriter;
pub use responses::{NewResponse, ResponseStream, SQLITE_PAGE, StoredResponse, response_id};
pub use retention::{DueDeletion, RetainedFigures};
pub use schedule_lock::ScheduleLock;
pub use staff::{SavedStaffUser, StaffUser};
pub use staff_auth::{ApiToken, StaffSession};
