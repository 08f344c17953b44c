//! The staff API's errors in the caller's language ([`super::locale::ApiLocale`]), in the JSON
//! shape and by the policy of `flits_http::error`.

use actix_web::http::StatusCode;
use actix_web::web;
use flits_http::ApiError;
use flits_i18n::{Locale, t};
use flits_store::StoreError;

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

/// The JSON configuration of the staff API: size limit and errors in the caller's language.
pub fn json_config(limit: usize) -> web::JsonConfig {
    flits_http::json_body::config(limit, api_locale)
}
