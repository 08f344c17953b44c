//! JSON request bodies: size limit and errors in the API's error shape.

use actix_web::error::JsonPayloadError;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, web};
use serde_json::json;

use crate::ApiError;

/// Maps body errors to the API's errors: 413 too large, 415 wrong content type, 400 malformed.
pub fn error_handler(err: JsonPayloadError, _req: &HttpRequest) -> actix_web::Error {
    let e = match &err {
        JsonPayloadError::Overflow { limit }
        | JsonPayloadError::OverflowKnownLength { limit, .. } => ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            format!("The request body is too large (at most {limit} bytes)."),
        ),
        JsonPayloadError::ContentType => ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "Send the body as application/json.",
        ),
        other => ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_json",
            "The body is not valid JSON of the expected shape.",
        )
        .with_details(json!({"reason": other.to_string()})),
    };
    e.into()
}

/// A JSON extractor configuration with a size limit and API-shaped errors.
pub fn config(limit: usize) -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(limit)
        .error_handler(error_handler)
}
