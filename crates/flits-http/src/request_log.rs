//! One structured log line per request, with nothing that identifies a resident.
//!
//! Deliberately logs the route pattern (not the query string, which may carry tokens) and never the
//! client address, headers or body. Each request gets its [`RequestId`]: the handler runs inside a
//! `request` span that carries it, the log line names it, and the response header `X-Request-Id`
//! returns it, so an error page's id leads straight to the log lines of that request.
//!
//! Requests whose handler marked them with [`crate::minute_log::count_per_minute`] (a submit, and
//! the thank-you page that follows it) get no line of their own: they are counted per minute, so
//! the log does not say when a response came in.

use std::time::Instant;

use actix_web::Error;
use actix_web::HttpMessage;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use tracing::Instrument;

use crate::minute_log::{self, CountedPerMinute};
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
    // A standard method is cloned without allocating.
    let method = req.method().clone();
    let route = crate::route_pattern::of(req.request());
    let span = tracing::info_span!("request", request_id = %request_id);
    let mut res = next.call(req).instrument(span).await?;
    let status = res.status().as_u16();
    let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
    if res.request().extensions().contains::<CountedPerMinute>() {
        // A submit and what follows it: counted, so the log does not keep its moment.
        minute_log::count(method.as_str(), &route, status);
    } else if status >= 500 {
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

    /// The log lines written while `f` runs on this thread.
    fn logged<F: std::future::Future<Output = ()>>(
        f: F,
    ) -> impl std::future::Future<Output = String> {
        use std::io::Write;
        use std::sync::{Arc, Mutex};
        #[derive(Clone, Default)]
        struct Buffer(Arc<Mutex<Vec<u8>>>);
        impl Write for Buffer {
            fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
                self.0.lock().unwrap().extend_from_slice(bytes);
                Ok(bytes.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let buffer = Buffer::default();
        let writer = buffer.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .with_ansi(false)
            .finish();
        async move {
            let guard = tracing::subscriber::set_default(subscriber);
            f.await;
            drop(guard);
            String::from_utf8(buffer.0.lock().unwrap().clone()).unwrap()
        }
    }

    #[actix_web::test]
    async fn a_request_marked_per_minute_gets_no_line_with_its_moment() {
        let app = test::init_service(
            App::new()
                .wrap(from_fn(log_request))
                .route(
                    "/p/{slug}",
                    web::post().to(|req: actix_web::HttpRequest| async move {
                        crate::minute_log::count_per_minute(&req);
                        "thanks"
                    }),
                )
                .route("/p/{slug}", web::get().to(|| async { "page" })),
        )
        .await;
        let lines = logged(async {
            let post = test::TestRequest::post().uri("/p/demo").to_request();
            let res = test::call_service(&app, post).await;
            assert!(res.headers().contains_key(request_id::HEADER));
            let get = test::TestRequest::get().uri("/p/demo").to_request();
            test::call_service(&app, get).await;
        })
        .await;
        assert!(lines.contains("method=GET"), "{lines}");
        assert!(!lines.contains("method=POST"), "{lines}");
        assert_eq!(lines.lines().count(), 1, "{lines}");
    }
}
