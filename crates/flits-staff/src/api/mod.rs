//! The staff and analyst JSON API under `/api/v1/admin`, authenticated with API tokens.

pub mod bodies;
pub mod me;
pub mod polls;
pub mod schema;

/// The largest JSON body the staff API accepts (a poll definition is a few KB).
pub const MAX_BODY: usize = 256 * 1024;

/// The JSON configuration of the staff API.
pub fn json_config() -> actix_web::web::JsonConfig {
    flits_http::json_body::config(MAX_BODY)
}
