//! Security headers on every response, and `no-store` for what must not be cached.

use actix_web::Error;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{CACHE_CONTROL, HeaderValue};
use actix_web::middleware::{DefaultHeaders, Next};

/// The Content-Security-Policy: no inline scripts, nothing from other origins, no framing.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
     form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

/// `Strict-Transport-Security` when the public URL is https: browsers then use https only for a
/// year, so nobody on the way can downgrade a resident or a staff member to plain http. Without
/// `includeSubDomains`: Flits may live on a name whose other sub-domains are not its business.
pub const HSTS: &str = "max-age=31536000";

/// Headers that every response carries (a handler may still set its own, e.g. caching). `https`:
/// whether the public URL is https (`FLITS_PUBLIC_URL`), which adds [`HSTS`]. Behind a proxy that
/// ends TLS, the request Flits sees is plain http, so the public URL decides, not the request.
pub fn security_headers(https: bool) -> DefaultHeaders {
    let headers = DefaultHeaders::new()
        .add(("Content-Security-Policy", CSP))
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("Referrer-Policy", "strict-origin-when-cross-origin"))
        .add(("X-Frame-Options", "DENY"))
        .add((
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=(), interest-cohort=()",
        ));
    if https {
        headers.add(("Strict-Transport-Security", HSTS))
    } else {
        headers
    }
}

/// Middleware (`from_fn(no_store)`) that marks every response `Cache-Control: no-store`, over
/// whatever the handler set: for the staff API, whose answers are personal and current, and must
/// stay out of shared and browser caches alike.
pub async fn no_store(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let mut res = next.call(req).await?;
    res.headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}
