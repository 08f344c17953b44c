//! JSON request bodies: size limit, and errors in the API's error shape and the caller's language.
//! One implementation for the public and the staff API (docs/api.md, "Errors": 413, 415, 400 `invalid_json`).

use actix_web::error::JsonPayloadError;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, web};
use flits_i18n::{Locale, t};
use serde_json::json;

use crate::ApiError;

/// The API error for a body that could not be read: 413 too large, 415 wrong content type, 400
/// malformed (with the parser's reason in `details`), in `locale`.
pub fn body_error(err: &JsonPayloadError, locale: Locale) -> ApiError {
    match err {
        JsonPayloadError::Overflow { limit }
        | JsonPayloadError::OverflowKnownLength { limit, .. } => ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            t!(locale, "api-too-large", bytes = *limit),
        ),
        JsonPayloadError::ContentType => ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            t!(locale, "api-wrong-type"),
        ),
        other => ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_json",
            t!(locale, "api-invalid-json"),
        )
        .with_details(json!({"reason": other.to_string()})),
    }
}

/// A JSON extractor configuration with a size limit and API-shaped errors, worded in the language
/// `locale_of` finds for the request.
pub fn config(limit: usize, locale_of: fn(&HttpRequest) -> Locale) -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(limit)
        .error_handler(move |err, req| body_error(&err, locale_of(req)).into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_body_error_has_its_code_and_words() {
        let e = body_error(&JsonPayloadError::ContentType, Locale::En);
        assert_eq!(e.code, "unsupported_media_type");
        let e = body_error(&JsonPayloadError::Overflow { limit: 65536 }, Locale::Nl);
        assert_eq!(e.code, "payload_too_large");
        assert!(e.message.contains("65536"), "{}", e.message);
    }
}
