//! The web plumbing shared by the public collector and the staff service. Handlers stay thin: they
//! parse, call the domain and storage crates, and render; everything here is what they have in common.

pub mod body_deadline;
pub mod client_addr;
pub mod drain;
pub mod error;
pub mod headers;
pub mod health;
pub mod json_body;
pub mod metrics;
pub mod minute_log;
pub mod openapi;
pub mod page_error;
pub mod query;
pub mod request_id;
pub mod request_log;
pub mod route_pattern;
pub mod survey_texts;
pub mod templates;

pub use client_addr::{ClientAddresses, ForwardedHeader, TrustedProxies};
pub use error::ApiError;
pub use page_error::{ErrorLayout, ErrorPage, Failure, PageError};
pub use request_id::RequestId;
pub use templates::Templates;
