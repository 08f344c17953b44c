//! The staff and analyst JSON API under `/api/v1/admin`, authenticated with API tokens. Its error
//! messages are in the language of `Accept-Language` (Dutch by default, or English).

pub mod bodies;
pub mod channels;
pub mod errors;
pub mod exports;
pub mod locale;
pub mod me;
pub mod polls;
pub mod population;
pub mod posts;
pub mod publish;
pub mod schema;
pub mod stop;
pub mod tokens;

/// The largest JSON body the staff API accepts (a poll definition is a few KB).
pub const MAX_BODY: usize = 256 * 1024;

/// The JSON configuration of the staff API.
pub fn json_config() -> actix_web::web::JsonConfig {
    errors::json_config(MAX_BODY)
}
