//! Errors of the JSON API.
//!
//! Policy: every error a client can cause is answered with the right status and a body
//! `{"error":{"code","message","details"}}` whose `code` is stable and machine-readable and whose
//! `message` is for people (Dutch or English). Internal failures are logged with their cause and
//! answered with a generic `internal` error that reveals nothing about the system. Nothing on a
//! request path panics on bad input.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use flits_i18n::{Locale, t};
use serde_json::{Value, json};

/// Seconds a client is asked to wait when the database is briefly unreachable: about how long a
/// PostgreSQL restart or failover takes.
pub const UNAVAILABLE_RETRY_AFTER_SECONDS: u32 = 5;

/// An error answered to a client as JSON.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{status} {code}: {message}")]
pub struct ApiError {
    pub status: StatusCode,
    /// Stable, snake_case, documented in the OpenAPI document.
    pub code: &'static str,
    pub message: String,
    pub details: Value,
    /// Extra headers, e.g. `Retry-After`.
    pub headers: Vec<(&'static str, String)>,
}

impl ApiError {
    /// An error with a status, a stable code and a human message.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
            details: Value::Object(Default::default()),
            headers: Vec::new(),
        }
    }

    /// Adds machine-readable details.
    pub fn with_details(mut self, details: Value) -> Self {
        self.details = details;
        self
    }

    /// Adds a response header.
    pub fn with_header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }

    /// 404 for something that does not exist (or that the caller may not know exists).
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    /// `503 unavailable` with `Retry-After`: the database is briefly out of reach (a restart, a
    /// failover). The client keeps its submission id and tries again; nothing was lost.
    pub fn unavailable(locale: Locale) -> Self {
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            t!(locale, "api-unavailable"),
        )
        .with_header("Retry-After", UNAVAILABLE_RETRY_AFTER_SECONDS.to_string())
    }

    /// A storage failure as the client sees it, in `locale`: `404` for what does not exist,
    /// `503` for a database out of reach, otherwise `500`.
    pub fn from_store(e: flits_store::StoreError, locale: Locale) -> Self {
        match e {
            flits_store::StoreError::NotFound(what) => {
                ApiError::not_found(format!("{what} not found"))
            }
            e if e.is_unavailable() => {
                tracing::warn!(error = %e, "database unavailable");
                ApiError::unavailable(locale)
            }
            other => ApiError::internal(&other),
        }
    }

    /// 500 after logging the cause; the client learns nothing about it.
    pub fn internal(cause: &dyn std::fmt::Display) -> Self {
        tracing::error!(error = %cause, "internal error");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "Something went wrong on our side.",
        )
    }

    /// The JSON body.
    pub fn body(&self) -> Value {
        json!({"error": {"code": self.code, "message": self.message, "details": self.details}})
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        let mut res = HttpResponse::build(self.status);
        for (name, value) in &self.headers {
            res.insert_header((*name, value.as_str()));
        }
        res.json(self.body())
    }
}

impl From<flits_store::StoreError> for ApiError {
    fn from(e: flits_store::StoreError) -> Self {
        ApiError::from_store(e, Locale::Nl)
    }
}
