//! Answering an oversized body so that the client hears the answer.
//!
//! A server that answers `413` without reading the body closes the connection under a client that
//! is still sending: the client gets a broken pipe instead of the answer, or a pooled client reuses
//! a connection the server has given up on. Like nginx's lingering close, a body whose declared size
//! is over the limit but under a cap is read and thrown away first; the answer is then the usual
//! `413`, on a connection that stays in step. Bodies over the cap are not read at all.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::CONTENT_LENGTH;
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage};
use futures_util::StreamExt;

/// The most bytes read and discarded to answer an oversized body politely.
pub const DRAIN_CAP: u64 = 8 * 1024 * 1024;

fn declared_length(req: &ServiceRequest) -> Option<u64> {
    req.headers()
        .get(CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// Middleware (`from_fn(move |req, next| drain_oversized(limit, req, next))`) for a resource whose
/// body limit is `limit` bytes.
pub async fn drain_oversized(
    limit: usize,
    mut req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    if let Some(length) = declared_length(&req)
        && length > limit as u64
        && length <= DRAIN_CAP
    {
        let mut payload = req.take_payload();
        let mut read: u64 = 0;
        while let Some(chunk) = payload.next().await {
            match chunk {
                Ok(bytes) => {
                    read += bytes.len() as u64;
                    if read > DRAIN_CAP {
                        break;
                    }
                }
                Err(_) => break,
            }
        }
        // The extractor still sees the declared length and answers 413 without reading.
    }
    next.call(req).await
}
