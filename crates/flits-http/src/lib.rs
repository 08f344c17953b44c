//! The web plumbing shared by the public collector and the staff service. Handlers stay thin: they
//! parse, call the domain and storage crates, and render; everything here is what they have in common.

pub mod drain;
pub mod error;
pub mod headers;
pub mod health;
pub mod json_body;
pub mod lang;
pub mod metrics;
pub mod openapi;
pub mod request_log;
pub mod templates;

pub use error::ApiError;
pub use lang::Lang;
pub use templates::Templates;
