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
mod responses;
mod staff;

pub use connect::{Backend, Store};
pub use error::StoreError;
pub use polls::{NewPoll, Poll};
pub use responses::NewResponse;
pub use staff::StaffUser;
