//! The staff API's errors in the caller's language ([`super::locale::ApiLocale`]), in the JSON
//! shape and by the policy of `flits_http::error`.

use actix_web::error::JsonPayloadError;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, web};
use flits_http::ApiError;
use flits_i18n::{Locale, t};
use flits_store::StoreError;
use serde_json::json;

use super::locale::api_locale;

/// 500 after logging the cause; the client learns nothing about it.
pub fn internal(locale: Locale, cause: &dyn std::fmt::Display) -> ApiError {
    tracing::error!(error = %cause, "internal error");
    ApiError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal",
        t!(locale, "staff-api-internal"),
    )
}

/// A store error as the API answers it: 404 for something missing, 500 (logged) otherwise.
pub fn store(locale: Locale) -> impl Fn(StoreError) -> ApiError {
    move |e| match e {
        StoreError::NotFound(_) => ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            t!(locale, "staff-api-not-found"),
        ),
        other => internal(locale, &other),
    }
}

/// Body errors of the staff API: 413 too large, 415 wrong content type, 400 malformed.
pub fn json_body(err: JsonPayloadError, req: &HttpRequest) -> actix_web::Error {
    let locale = api_locale(req);
    let e = match &err {
        JsonPayloadError::Overflow { limit }
        | JsonPayloadError::OverflowKnownLength { limit, .. } => ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            t!(locale, "staff-api-too-large", limit = *limit),
        ),
        JsonPayloadError::ContentType => ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            t!(locale, "staff-api-content-type"),
        ),
        other => ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_json",
            t!(locale, "staff-api-invalid-json"),
        )
        .with_details(json!({"reason": other.to_string()})),
    };
    e.into()
}

/// The JSON configuration of the staff API: size limit and errors in the caller's language.
pub fn json_config(limit: usize) -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(limit)
        .error_handler(json_body)
}
