//! A short id for every request, so a reader can quote what went wrong and staff can find it in
//! the log.
//!
//! [`crate::request_log::log_request`] gives each request its id, logs it with the request line,
//! answers it in the `X-Request-Id` header, and runs the handler inside a `request` span that
//! carries it, so every log line written while handling the request carries the same id. The id is
//! random: it says nothing about the reader.

use std::fmt;
use std::future::{Ready, ready};

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage, HttpRequest};
use serde::Serialize;

/// The response header that carries the id.
pub const HEADER: &str = "x-request-id";

/// Crockford's base-32 alphabet: no I, L, O or U, so the id reads well aloud and on a phone.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A request's id, like `7KX2M-9QD4A`: ten random characters (50 bits) in two groups of five.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct RequestId(String);

impl RequestId {
    /// A new random id.
    pub fn random() -> RequestId {
        let bytes = uuid::Uuid::new_v4().into_bytes();
        let mut bits = u64::from_be_bytes([
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
        ]);
        let mut id = String::with_capacity(11);
        for i in 0..10 {
            if i == 5 {
                id.push('-');
            }
            id.push(char::from(ALPHABET[(bits & 31) as usize]));
            bits >>= 5;
        }
        RequestId(id)
    }

    /// The id of `req`: the one the request log gave it, or (outside that middleware, as in unit
    /// tests) a new one that is remembered for the rest of the request.
    pub fn of(req: &HttpRequest) -> RequestId {
        if let Some(id) = req.extensions().get::<RequestId>() {
            return id.clone();
        }
        let id = RequestId::random();
        req.extensions_mut().insert(id.clone());
        id
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromRequest for RequestId {
    type Error = actix_web::Error;
    type Future = Ready<Result<RequestId, actix_web::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(RequestId::of(req)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_short_readable_and_differ() {
        let a = RequestId::random();
        let b = RequestId::random();
        assert_ne!(a, b);
        assert_eq!(a.as_str().len(), 11);
        assert_eq!(&a.as_str()[5..6], "-");
        assert!(
            a.as_str()
                .chars()
                .all(|c| c == '-' || ALPHABET.contains(&(c as u8)))
        );
    }

    #[test]
    fn a_request_keeps_its_id() {
        let req = actix_web::test::TestRequest::default().to_http_request();
        assert_eq!(RequestId::of(&req), RequestId::of(&req));
    }
}
