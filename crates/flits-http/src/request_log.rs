//! One structured log line per request, with nothing that identifies a resident.
//!
//! Deliberately logs the route pattern (not the query string, which may carry tokens) and never the
//! client address, headers or body. Each request gets its [`RequestId`]: the handler runs inside a
//! `request` span that carries it, the log line names it, and the response header `X-Request-Id`
//! returns it, so an error page's id leads straight to the log lines of that request.

use std::time::Instant;

use actix_web::Error;
use actix_web::HttpMessage;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use tracing::Instrument;

use crate::request_id::{self, RequestId};

/// `actix_web::middleware::from_fn` middleware that gives the request its id and logs method,
/// route, status, duration and that id.
pub async fn log_request(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let started = Instant::now();
    let request_id = RequestId::random();
    req.extensions_mut().insert(request_id.clone());
    let method = req.method().to_string();
    let route = req
        .match_pattern()
        .unwrap_or_else(|| "unmatched".to_owned());
    let span = tracing::info_span!("request", request_id = %request_id);
    let mut res = next.call(req).instrument(span).await?;
    let status = res.status().as_u16();
    let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
    if status >= 500 {
        tracing::warn!(%request_id, %method, %route, status, elapsed_ms, "request");
    } else {
        tracing::info!(%request_id, %method, %route, status, elapsed_ms, "request");
    }
    if let Ok(value) = HeaderValue::from_str(request_id.as_str()) {
        res.headers_mut()
            .insert(HeaderName::from_static(request_id::HEADER), value);
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use actix_web::middleware::from_fn;
    use actix_web::{App, test, web};

    use super::*;

    #[actix_web::test]
    async fn the_handler_sees_the_id_the_response_names() {
        let app = test::init_service(App::new().wrap(from_fn(log_request)).route(
            "/",
            web::get().to(|id: RequestId| async move { id.to_string() }),
        ))
        .await;
        let res = test::call_service(&app, test::TestRequest::get().uri("/").to_request()).await;
        let header = res
            .headers()
            .get(request_id::HEADER)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let body = test::read_body(res).await;
        assert_eq!(header.len(), 11);
        assert_eq!(body, header.as_bytes());
    }
}
