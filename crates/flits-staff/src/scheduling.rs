//! Scheduling from the staff API. The spacing service itself lives with the binary's wiring (it
//! needs the configuration); the staff service reaches it through this trait.

use std::future::Future;
use std::pin::Pin;

use chrono::{DateTime, Utc};
use serde_json::Value;

/// A schedule request as the staff API received it, after access checks.
#[derive(Debug, Clone)]
pub struct ScheduleRequest {
    pub slug: String,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub channels: Vec<String>,
    /// Only for admins; the staff API refuses it from anyone else.
    pub override_reason: Option<String>,
    pub actor_email: String,
}

/// What became of a schedule request.
#[derive(Debug, Clone)]
pub enum ScheduleOutcome {
    /// Scheduled; the body to answer with.
    Scheduled(Value),
    /// Refused, with the status, stable code, message and details (conflicts, next free slot…).
    Refused {
        status: u16,
        code: &'static str,
        message: String,
        details: Value,
    },
}

/// A boxed future, so the trait stays object-safe.
pub type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

/// The spacing-aware scheduler the staff API calls.
pub trait Scheduler: Send + Sync + 'static {
    fn schedule(&self, request: ScheduleRequest) -> BoxFuture<ScheduleOutcome>;
}
