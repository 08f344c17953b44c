//! A deadline for reading a request body.
//!
//! actix gives the request head a deadline of its own (5 s), but none to the body: a client that
//! declares a body and then sends one byte a second holds a connection, and a worker's attention,
//! for as long as it likes. Many such clients are a cheap way to starve the server. With this
//! middleware the whole body must arrive within `body_timeout_seconds` (a setting) of the request:
//! reading it after that fails, the client gets `408 Request Timeout`, and the connection is
//! closed. A response sent before the body was read to its end (a refusal that did not need it)
//! closes the connection too, so an unread body never keeps it open.
//!
//! Requests without a body (no `Content-Length` above 0, no `Transfer-Encoding`), which are most
//! of them, pass untouched: nothing is allocated for them.

use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::error::PayloadError;
use actix_web::http::StatusCode;
use actix_web::http::header::{CONTENT_LENGTH, TRANSFER_ENCODING};
use actix_web::middleware::Next;
use actix_web::rt::time::{Instant, Sleep, sleep_until};
use actix_web::web::Bytes;
use actix_web::{Error, HttpMessage, HttpResponse, ResponseError};
use flits_i18n::{Locale, t};
use futures_util::Stream;

use crate::ApiError;

/// A request body as actix takes one.
type BoxedBody = Pin<Box<dyn Stream<Item = Result<Bytes, PayloadError>>>>;

/// The body is still being read (or was never touched).
const READING: u8 = 0;
/// The body was read to its end.
const DONE: u8 = 1;
/// The deadline passed before the body's end.
const TIMED_OUT: u8 = 2;

/// Whether the request announces a body.
fn has_body(req: &ServiceRequest) -> bool {
    let headers = req.headers();
    if headers.contains_key(TRANSFER_ENCODING) {
        return true;
    }
    headers
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim() != "0")
}

/// The body stream with the deadline: the time is checked at every read, and a read that has to
/// wait also waits on the timer, so a client that sends nothing is caught as well.
struct Deadline {
    inner: Payload,
    deadline: Instant,
    timer: Pin<Box<Sleep>>,
    state: Arc<AtomicU8>,
}

impl Deadline {
    fn expire(&mut self) -> Poll<Option<Result<Bytes, PayloadError>>> {
        self.state.store(TIMED_OUT, Ordering::Relaxed);
        Poll::Ready(Some(Err(PayloadError::Io(std::io::Error::new(
            std::io::ErrorKind::TimedOut,
            "the request body did not arrive in time",
        )))))
    }
}

impl Stream for Deadline {
    type Item = Result<Bytes, PayloadError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        match self.state.load(Ordering::Relaxed) {
            DONE | TIMED_OUT => return Poll::Ready(None),
            _ => {}
        }
        if Instant::now() >= self.deadline {
            return self.expire();
        }
        match Pin::new(&mut self.inner).poll_next(cx) {
            Poll::Ready(None) => {
                self.state.store(DONE, Ordering::Relaxed);
                Poll::Ready(None)
            }
            Poll::Ready(Some(chunk)) => Poll::Ready(Some(chunk)),
            Poll::Pending => match self.timer.as_mut().poll(cx) {
                Poll::Ready(()) => self.expire(),
                Poll::Pending => Poll::Pending,
            },
        }
    }
}

/// The `408` reply: JSON in the API's shape under `/api/`, a line of text elsewhere; in the
/// language of `Accept-Language`.
fn timed_out_response(req: &actix_web::HttpRequest) -> HttpResponse {
    let accept = req
        .headers()
        .get("accept-language")
        .and_then(|v| v.to_str().ok());
    let locale = flits_i18n::negotiate(&Locale::RESIDENT, None, None, accept);
    let message = t!(locale, "api-request-timeout");
    if req.path().starts_with("/api/") {
        ApiError::new(StatusCode::REQUEST_TIMEOUT, "request_timeout", message).error_response()
    } else {
        HttpResponse::RequestTimeout()
            .content_type("text/plain; charset=utf-8")
            .body(message)
    }
}

/// Middleware (`from_fn(move |req, next| limit_body_time(timeout, req, next))`) that gives the
/// request body `timeout` to arrive, counted from the moment the request reached the app.
pub async fn limit_body_time(
    timeout: Duration,
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    if !has_body(&req) {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    let state = Arc::new(AtomicU8::new(READING));
    let deadline = Instant::now() + timeout;
    let stream = Deadline {
        inner: req.take_payload(),
        deadline,
        timer: Box::pin(sleep_until(deadline)),
        state: state.clone(),
    };
    req.set_payload(Payload::from(Box::pin(stream) as BoxedBody));
    let res = next.call(req).await?;
    let mut res = match state.load(Ordering::Relaxed) {
        TIMED_OUT => {
            let reply = timed_out_response(res.request());
            res.into_response(reply)
        }
        _ => res.map_into_boxed_body(),
    };
    if state.load(Ordering::Relaxed) != DONE {
        // Part of the body may still be on its way: this connection cannot be reused, and must not
        // be held open for it.
        res.response_mut()
            .head_mut()
            .set_connection_type(actix_web::http::ConnectionType::Close);
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use actix_web::middleware::from_fn;
    use actix_web::{App, test, web};

    use super::*;

    async fn echo(body: web::Bytes) -> HttpResponse {
        HttpResponse::Ok().body(body)
    }

    #[actix_web::test]
    async fn a_body_in_time_passes_and_keeps_the_connection() {
        let app = test::init_service(
            App::new()
                .wrap(from_fn(|req, next| {
                    limit_body_time(Duration::from_secs(5), req, next)
                }))
                .route("/", web::post().to(echo)),
        )
        .await;
        let req = test::TestRequest::post()
            .uri("/")
            .insert_header((CONTENT_LENGTH, "5"))
            .set_payload("hello")
            .to_request();
        let res = test::call_service(&app, req).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_ne!(
            res.response().head().connection_type(),
            actix_web::http::ConnectionType::Close
        );
        assert_eq!(test::read_body(res).await, "hello");
    }

    /// A body that never comes: the client went quiet after the head.
    fn silent() -> Payload {
        let never = futures_util::stream::pending::<Result<Bytes, PayloadError>>();
        Payload::from(Box::pin(never) as BoxedBody)
    }

    #[actix_web::test]
    async fn a_body_that_does_not_come_is_answered_408_and_the_connection_closed() {
        let app = test::init_service(
            App::new()
                .wrap(from_fn(|req, next| {
                    limit_body_time(Duration::from_millis(50), req, next)
                }))
                // Outermost: swaps the test request's body for one that never arrives.
                .wrap(from_fn(
                    |mut req: ServiceRequest, next: Next<_>| async move {
                        req.set_payload(silent());
                        next.call(req).await
                    },
                ))
                .route("/api/x", web::post().to(echo)),
        )
        .await;
        let req = test::TestRequest::post()
            .uri("/api/x")
            .insert_header((CONTENT_LENGTH, "100"))
            .insert_header(("accept-language", "en"))
            .to_request();
        let started = std::time::Instant::now();
        let res = test::call_service(&app, req).await;
        assert!(started.elapsed() < Duration::from_secs(2));
        assert_eq!(res.status(), StatusCode::REQUEST_TIMEOUT);
        assert_eq!(
            res.response().head().connection_type(),
            actix_web::http::ConnectionType::Close
        );
        let body: serde_json::Value = test::read_body_json(res).await;
        assert_eq!(body["error"]["code"], "request_timeout");
    }

    #[actix_web::test]
    async fn a_trickle_is_cut_off_at_the_deadline_however_steady() {
        use futures_util::StreamExt;
        // One byte every 10 ms, for ever: each read succeeds, yet the whole takes too long.
        let trickle = futures_util::stream::unfold((), |()| async {
            actix_web::rt::time::sleep(Duration::from_millis(10)).await;
            Some((Ok::<_, PayloadError>(Bytes::from_static(b"x")), ()))
        });
        let state = Arc::new(AtomicU8::new(READING));
        let deadline = Instant::now() + Duration::from_millis(100);
        let mut body = Deadline {
            inner: Payload::from(Box::pin(trickle) as BoxedBody),
            deadline,
            timer: Box::pin(sleep_until(deadline)),
            state: state.clone(),
        };
        let mut bytes = 0;
        let started = std::time::Instant::now();
        loop {
            match body.next().await {
                Some(Ok(chunk)) => bytes += chunk.len(),
                Some(Err(PayloadError::Io(e))) => {
                    assert_eq!(e.kind(), std::io::ErrorKind::TimedOut);
                    break;
                }
                other => panic!("unexpected {other:?}"),
            }
        }
        assert!(bytes > 0 && started.elapsed() < Duration::from_secs(1));
        assert_eq!(state.load(Ordering::Relaxed), TIMED_OUT);
        assert!(body.next().await.is_none());
    }
}
