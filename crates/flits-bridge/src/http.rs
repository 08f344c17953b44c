//! The HTTP side every adapter shares: one client with timeouts, a governor quota per channel, and
//! the classification of answers into [`SendError`] (see the policy in [`crate::error`]).

use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use flits_types::ChannelId;
use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};
use reqwest::{RequestBuilder, StatusCode};

use crate::error::{RetryCause, SendError};
use crate::secret::Scrubber;

/// How channels talk HTTP.
#[derive(Debug, Clone)]
pub struct ClientOptions {
    /// The most one request may take, answer included.
    pub timeout: Duration,
    /// The most connecting may take.
    pub connect_timeout: Duration,
    /// Requests per minute of a channel without `requests_per_minute`.
    pub default_requests_per_minute: u32,
    /// The relay e-mail channels send through; `None` where none is configured.
    pub smtp: Option<crate::email::SmtpRelay>,
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            timeout: Duration::from_secs(20),
            connect_timeout: Duration::from_secs(5),
            default_requests_per_minute: 30,
            smtp: None,
        }
    }
}

/// A platform's answer with a success status.
#[derive(Debug)]
pub(crate) struct Answer {
    pub status: StatusCode,
    pub body: Vec<u8>,
}

impl Answer {
    /// The body as JSON of type `T`; a body that is not is retryable (the request may have been
    /// accepted, and a retry with the same idempotency key gets the real answer).
    pub fn json<T: serde::de::DeserializeOwned>(&self) -> Result<T, SendError> {
        serde_json::from_slice(&self.body).map_err(|_| SendError::Retryable {
            cause: RetryCause::BadResponse {
                status: self.status.as_u16(),
            },
            retry_after: None,
        })
    }
}

/// An error answer, for an adapter to read in its platform's own way.
pub(crate) struct Refusal<'a> {
    pub status: StatusCode,
    pub headers: &'a reqwest::header::HeaderMap,
    pub body: &'a [u8],
    /// The platform's message, scrubbed.
    pub message: &'a str,
}

/// One channel's HTTP client.
#[derive(Debug, Clone)]
pub(crate) struct Http {
    client: reqwest::Client,
    limiter: Arc<DefaultDirectRateLimiter>,
    scrubber: Scrubber,
    channel: ChannelId,
}

const USER_AGENT: &str = concat!("flits/", env!("CARGO_PKG_VERSION"));

impl Http {
    pub fn new(
        channel: ChannelId,
        options: &ClientOptions,
        requests_per_minute: Option<u32>,
        scrubber: Scrubber,
    ) -> Http {
        let per_minute = requests_per_minute
            .and_then(NonZeroU32::new)
            .or_else(|| NonZeroU32::new(options.default_requests_per_minute))
            .unwrap_or(NonZeroU32::MIN);
        let client = reqwest::Client::builder()
            .timeout(options.timeout)
            .connect_timeout(options.connect_timeout)
            .user_agent(USER_AGENT)
            .build()
            // Building fails only when TLS cannot be set up at all; a plain client still works for
            // http:// targets and reports every https:// send as a connection failure.
            .unwrap_or_else(|_| reqwest::Client::new());
        Http {
            client,
            limiter: Arc::new(RateLimiter::direct(Quota::per_minute(per_minute))),
            scrubber,
            channel,
        }
    }

    /// `text` from the platform without any of the channel's secrets.
    pub fn scrub(&self, text: &str) -> String {
        self.scrubber.scrub(text)
    }

    pub fn client(&self) -> &reqwest::Client {
        &self.client
    }

    /// Sends within the channel's quota and sorts the answer. `what` names the call in logs.
    pub async fn send(
        &self,
        what: &'static str,
        request: RequestBuilder,
    ) -> Result<Answer, SendError> {
        self.send_with(what, request, |_| None).await
    }

    /// Like [`Http::send`], with the platform's own reading of an error answer first (Graph API
    /// throttling comes as `400` with an error code).
    pub async fn send_with(
        &self,
        what: &'static str,
        request: RequestBuilder,
        platform: impl Fn(&Refusal<'_>) -> Option<SendError>,
    ) -> Result<Answer, SendError> {
        self.limiter.until_ready().await;
        let result = self.exchange(request, platform).await;
        match &result {
            Ok(answer) => tracing::debug!(
                channel = %self.channel, call = what, status = answer.status.as_u16(),
                "channel call succeeded"
            ),
            Err(err) => tracing::warn!(
                channel = %self.channel, call = what, code = err.code(),
                retry_after_secs = err.retry_after().map(|d| d.as_secs()),
                error = %err, "channel call failed"
            ),
        }
        result
    }

    async fn exchange(
        &self,
        request: RequestBuilder,
        platform: impl Fn(&Refusal<'_>) -> Option<SendError>,
    ) -> Result<Answer, SendError> {
        let response = request.send().await.map_err(|e| self.transport(&e))?;
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.bytes().await.map_err(|e| self.transport(&e))?;
        if status.is_success() {
            return Ok(Answer {
                status,
                body: body.to_vec(),
            });
        }
        let retry_after = crate::retry_after::retry_after(&headers, chrono::Utc::now());
        let message = self.scrubber.scrub(&platform_message(&body));
        let refusal = Refusal {
            status,
            headers: &headers,
            body: &body,
            message: &message,
        };
        if let Some(err) = platform(&refusal) {
            return Err(err);
        }
        if status == StatusCode::TOO_MANY_REQUESTS {
            return Err(SendError::Retryable {
                cause: RetryCause::RateLimited,
                retry_after,
            });
        }
        if status.is_server_error() {
            return Err(SendError::Retryable {
                cause: RetryCause::Server {
                    status: status.as_u16(),
                    message,
                },
                retry_after,
            });
        }
        Err(SendError::Permanent {
            status: status.as_u16(),
            message,
        })
    }

    fn transport(&self, e: &reqwest::Error) -> SendError {
        // The error text is logged without its URL (a query could hold a secret) and scrubbed.
        tracing::debug!(
            channel = %self.channel,
            error = %self.scrubber.scrub(&e.to_string_without_url()),
            "channel transport error"
        );
        let cause = if e.is_timeout() {
            RetryCause::Timeout
        } else {
            RetryCause::Connection
        };
        SendError::Retryable {
            cause,
            retry_after: None,
        }
    }
}

trait WithoutUrl {
    fn to_string_without_url(&self) -> String;
}

impl WithoutUrl for reqwest::Error {
    fn to_string_without_url(&self) -> String {
        let mut text = String::new();
        let mut source: Option<&dyn std::error::Error> = std::error::Error::source(self);
        text.push_str(if self.is_timeout() {
            "timeout"
        } else if self.is_connect() {
            "connect"
        } else if self.is_body() || self.is_decode() {
            "body"
        } else {
            "request"
        });
        while let Some(s) = source {
            text.push_str(": ");
            text.push_str(&s.to_string());
            source = s.source();
        }
        text
    }
}

/// The platform's own words from an error body: Mastodon `{"error": "…"}`, Graph API
/// `{"error": {"message": "…"}}`, X `{"detail": "…"}` or `{"errors": [{"message": "…"}]}`, or the
/// start of a plain-text body. At most 300 characters.
fn platform_message(body: &[u8]) -> String {
    let text = match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(json) => json_message(&json).unwrap_or_default(),
        Err(_) => String::from_utf8_lossy(body).trim().to_owned(),
    };
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    crate::text::shorten(&text, 300)
}

fn json_message(json: &serde_json::Value) -> Option<String> {
    let s = |v: &serde_json::Value| v.as_str().map(str::to_owned);
    let error = &json["error"];
    s(error)
        .or_else(|| s(&error["message"]))
        .or_else(|| s(&json["detail"]))
        .or_else(|| s(&json["errors"][0]["message"]))
        .or_else(|| s(&json["title"]))
        .or_else(|| s(&json["message"]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platform_messages_are_read_from_each_platforms_error_body() {
        let m = |s: &str| platform_message(s.as_bytes());
        assert_eq!(
            m(r#"{"error":"Validation failed: Text can't be blank"}"#),
            "Validation failed: Text can't be blank"
        );
        assert_eq!(
            m(r#"{"error":{"message":"Invalid OAuth access token.","code":190}}"#),
            "Invalid OAuth access token."
        );
        assert_eq!(
            m(
                r#"{"title":"Forbidden","detail":"You are not allowed to create a Tweet with duplicate content."}"#
            ),
            "You are not allowed to create a Tweet with duplicate content."
        );
        assert_eq!(
            m("<html>\n  Bad   gateway </html>"),
            "<html> Bad gateway </html>"
        );
        assert!(m(&"x ".repeat(400)).chars().count() <= 300);
    }
}
