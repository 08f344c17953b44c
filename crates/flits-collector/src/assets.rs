//! Static assets, compiled in: one small stylesheet, the favicon and the thank-you page's share
//! script, cacheable.

use actix_web::HttpResponse;
use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};

const STYLESHEET: &str = include_str!("../../../static/flits.css");

/// `GET /assets/flits.css`.
pub async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/css; charset=utf-8"))
        .insert_header((CACHE_CONTROL, "public, max-age=3600"))
        .body(STYLESHEET)
}

const SHARE_SCRIPT: &str = include_str!("../../../static/share.js");
const FAVICON: &str = include_str!("../../../static/favicon.svg");

/// `GET /assets/share.js`: the Web Share button of the thank-you page (the page works without it).
pub async fn share_script() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/javascript; charset=utf-8"))
        .insert_header((CACHE_CONTROL, "public, max-age=3600"))
        .body(SHARE_SCRIPT)
}

/// `GET /favicon.svg` and `GET /favicon.ico` (browsers ask for the latter by themselves; they
/// read an SVG served there too).
pub async fn favicon() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "image/svg+xml"))
        .insert_header((CACHE_CONTROL, "public, max-age=86400"))
        .body(FAVICON)
}
