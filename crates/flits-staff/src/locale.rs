//! The language staff read a page or an API answer in (Dutch or English).

use actix_web::HttpRequest;
use actix_web::http::header::ACCEPT_LANGUAGE;
use flits_http::lang::url_query_param;
use flits_i18n::{Locale, negotiate};

fn accept_language(req: &HttpRequest) -> Option<&str> {
    req.headers()
        .get(ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
}

/// The staff API's language: the best match of `Accept-Language` among Dutch and English,
/// Dutch when nothing matches.
pub fn api_locale(req: &HttpRequest) -> Locale {
    negotiate(&Locale::STAFF, None, None, accept_language(req))
}

/// A staff page's language: `?lang=`, then `Accept-Language`, then Dutch (as the page shell
/// chooses it).
pub fn page_locale(req: &HttpRequest) -> Locale {
    let explicit = url_query_param(req.query_string(), "lang");
    negotiate(
        &Locale::STAFF,
        explicit.as_deref(),
        None,
        accept_language(req),
    )
}
