#![recursion_limit = "1024"]
//! The staff service: who may do what, and the pages and API they do it with.
//!
//! Access is deny-by-default: every staff route is declared once in [`routes::ROUTES`] with the
//! roles that may use it, and a request to a route that is not declared there is refused. The
//! access test walks that table with every role.

pub mod access;
pub mod api;
pub mod calendar;
pub mod channels;
pub mod credentials;
pub mod feed;
pub mod identity;
pub mod openapi;
pub mod outbox;
pub mod passwords;
pub mod previews;
pub mod publishing;
pub mod role;
pub mod routes;
pub mod scheduling;
pub mod secrets;
pub mod state;
pub mod throttle;
pub mod ui;

pub use channels::Channels;
pub use role::Role;
pub use state::{StaffConfig, StaffState};
