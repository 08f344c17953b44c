//! Storage for Flits: the only crate that talks to the database.
//!
//! One schema and one query layer serve both backends: embedded SQLite (the default, in WAL mode)
//! and PostgreSQL (production). Callers get domain types back, never sea-orm models, so the web
//! layer and the CLI do not depend on how rows are laid out.

pub mod entity;

mod connect;
mod error;
mod organisations;
mod polls;
mod response_writer;
mod responses;
mod schedule_lock;
mod scheduling;
mod staff;
mod staff_auth;
mod themes;

pub use connect::{Backend, Store};
pub use error::StoreError;
pub use polls::{NewPoll, Poll};
pub use response_writer::ResponseWriter;
pub use responses::NewResponse;
pub use schedule_lock::ScheduleLock;
pub use scheduling::{
    AuditEntry, CalendarPoll, DuePoll, JobKind, JobRun, NewAudit, Opened, OutboxPost, ScheduleWrite,
};
pub use staff::StaffUser;
pub use staff_auth::{ApiToken, StaffSession};
