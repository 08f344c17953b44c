//! The collector's part of the OpenAPI document: its JSON routes, registered from the
//! [`ApiRoute`] constants below, and their schemas. The document itself, its base and the error
//! body every JSON route shares live in [`flits_http::openapi`].

use serde::Serialize;
use utoipa::openapi::OpenApi as Document;
use utoipa::{OpenApi, ToSchema};

pub use flits_http::openapi::{ApiMethod, ApiRoute, ErrorBody, ErrorDetail};

use crate::json_submit::SubmitBody;

/// `GET /api/v1/polls/{slug}`.
pub const POLL_DEFINITION: ApiRoute = ApiRoute::new(ApiMethod::Get, "/api/v1/polls/{slug}");
/// `POST /api/v1/polls/{slug}/responses`.
pub const SUBMIT_RESPONSE: ApiRoute =
    ApiRoute::new(ApiMethod::Post, "/api/v1/polls/{slug}/responses");

/// Every JSON route of the collector.
pub const API_ROUTES: &[ApiRoute] = &[POLL_DEFINITION, SUBMIT_RESPONSE];

/// What a submit became.
#[derive(Debug, Serialize, ToSchema)]
pub struct SubmitStatus {
    /// `recorded` (201) or `duplicate` (200: this submission id was stored before).
    #[schema(example = "recorded")]
    pub status: String,
}

/// The public definition of a poll. Before the poll opens (`state` is `not_open_yet`) only what
/// its "not open yet" page and poster show: `slug`, `title` and `opens_at`; `closes_at`, `intro`
/// and `feedback_promise` are `null` and `questions` is empty.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublicPoll {
    pub slug: String,
    /// `open`, `not_open_yet` or `closed`.
    pub state: String,
    pub opens_at: Option<chrono::DateTime<chrono::Utc>>,
    /// `null` before the poll opens.
    pub closes_at: Option<chrono::DateTime<chrono::Utc>>,
    /// A text: a string (Dutch) or a map language → string.
    #[schema(value_type = Object)]
    pub title: serde_json::Value,
    /// `null` when the poll has none, and before it opens.
    #[schema(value_type = Object)]
    pub intro: serde_json::Value,
    /// `null` when the poll has none, and before it opens.
    #[schema(value_type = Object)]
    pub feedback_promise: serde_json::Value,
    /// The questions as in the poll definition (docs/api.md, "Poll definitions"); empty before
    /// the poll opens.
    #[schema(value_type = Vec<Object>)]
    pub questions: Vec<serde_json::Value>,
}

/// The collector's part of the document.
#[derive(OpenApi)]
#[openapi(
    paths(crate::public_api::definition, crate::json_submit::submit),
    components(schemas(SubmitBody, SubmitStatus, PublicPoll))
)]
struct CollectorApi;

/// The collector's part of the document, to merge into [`flits_http::openapi::ApiDocument`].
pub fn document() -> Document {
    CollectorApi::openapi()
}

#[cfg(test)]
mod tests {
    use super::*;
    use flits_http::openapi::{ApiDocument, missing_routes};

    #[test]
    fn every_collector_route_is_documented() {
        let doc: serde_json::Value =
            serde_json::from_str(ApiDocument::build([document()]).json()).unwrap();
        assert_eq!(missing_routes(&doc, API_ROUTES), Vec::<String>::new());
        let fake = [ApiRoute::new(ApiMethod::Delete, "/api/v1/polls/{slug}")];
        assert_eq!(missing_routes(&doc, &fake).len(), 1);
    }
}
