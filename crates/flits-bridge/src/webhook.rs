//! Webhook: a signed JSON `POST` to a URL, for Teams, Slack, Zapier or an intranet.
//!
//! # The request
//!
//! `POST {url}` with `Content-Type: application/json` and these headers:
//!
//! | header | value |
//! |---|---|
//! | `X-Flits-Signature` | `sha256=` + the lowercase hex HMAC-SHA256 of the exact body bytes, keyed with the secret from `secret_env` |
//! | `X-Flits-Event` | `poll.announcement`, `poll.reminder`, `poll.results` or `poll.update` |
//! | `X-Flits-Delivery` | the delivery id: the same on every retry of one post, different for every other post |
//! | `Idempotency-Key` | the delivery id again, for receivers that know that header |
//!
//! The body:
//!
//! ```json
//! {
//!   "event": "poll.announcement",
//!   "delivery_id": "3f0c2a4e…",
//!   "channel": "intranet",
//!   "poll": {
//!     "slug": "fietsparkeren-station",
//!     "title": "Fietsparkeren bij het station",
//!     "intro": "Drie korte vragen. Het kost u 1 minuut.",
//!     "lang": "nl",
//!     "link": "https://peiling.example.nl/p/fietsparkeren-station?c=intranet"
//!   },
//!   "text": "Fietsparkeren bij het station: Drie korte vragen. … Doe mee: https://…",
//!   "in_reply_to": null
//! }
//! ```
//!
//! `text` is the ready-made message (`templates/posts/webhook.hbs`), so a Slack incoming webhook
//! shows it as is. `in_reply_to` is, for `poll.results`, `poll.update` and `poll.closed` (the
//! notice that staff closed the poll early), the `remote_id` of the announcement: the `id` the
//! receiver answered with, or else its delivery id.
//!
//! # The answer
//!
//! Any `2xx` is success; a JSON answer with a string `id` gives the post's remote id (else the
//! delivery id is used). `429` and `5xx` are retried (honouring `Retry-After`), any other `4xx` is
//! permanent. A receiver should check the signature with a constant-time comparison, and drop a
//! delivery id it has seen: after a timeout or a dropped connection the same delivery is sent again.

use std::sync::Arc;

use async_trait::async_trait;
use flits_types::ChannelId;
use hmac::{Hmac, Mac};
use reqwest::header::CONTENT_TYPE;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use url::Url;

use crate::channel::{Channel, needed};
use crate::error::{SendError, SetupError};
use crate::http::{ClientOptions, Http};
use crate::post::{Post, Posted, Verified};
use crate::secret::{Scrubber, SecretSource};
use crate::setting::{ChannelKind, ChannelSetting};
use crate::text::{LengthRule, PostTexts};

/// A webhook receiver.
#[derive(Debug)]
pub struct Webhook {
    id: ChannelId,
    url: Url,
    secret: SecretString,
    http: Http,
    texts: Arc<PostTexts>,
}

/// The JSON body of a delivery (documented above).
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Payload {
    pub event: String,
    pub delivery_id: String,
    pub channel: String,
    pub poll: PollPayload,
    pub text: String,
    pub in_reply_to: Option<String>,
}

/// The poll part of a delivery.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct PollPayload {
    pub slug: String,
    pub title: String,
    pub intro: String,
    pub lang: String,
    pub link: String,
}

#[derive(Deserialize)]
struct Receipt {
    id: Option<String>,
}

/// The value of `X-Flits-Signature` for `body`: `sha256=` and the hex HMAC-SHA256.
pub fn signature(secret: &[u8], body: &[u8]) -> String {
    // HMAC takes a key of any length; `new_from_slice` cannot fail for it.
    let mut mac = match Hmac::<Sha256>::new_from_slice(secret) {
        Ok(mac) => mac,
        Err(_) => unreachable!("HMAC accepts keys of any length"),
    };
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

impl Webhook {
    /// Builds the adapter; fails when the URL or the secret is missing.
    pub fn new(
        setting: &ChannelSetting,
        options: &ClientOptions,
        secrets: &dyn SecretSource,
        texts: Arc<PostTexts>,
    ) -> Result<Webhook, SetupError> {
        let url = needed(&setting.url, "url")?.clone();
        let secret = secrets.secret(needed(&setting.secret_env, "secret_env")?)?;
        let scrubber = Scrubber::new([secret.clone()]);
        Ok(Webhook {
            id: setting.id.clone(),
            url,
            secret,
            http: Http::new(
                setting.id.clone(),
                options,
                setting.requests_per_minute,
                scrubber,
            ),
            texts,
        })
    }

    /// The body of the delivery for `post`.
    pub fn payload(&self, post: &Post) -> Result<Payload, crate::text::TextError> {
        Ok(Payload {
            event: format!("poll.{}", post.kind.as_str()),
            delivery_id: post.idempotency_key.clone(),
            channel: self.id.to_string(),
            poll: PollPayload {
                slug: post.slug.clone(),
                title: post.title.clone(),
                intro: post.intro.clone(),
                lang: post.locale.code().to_owned(),
                link: post.link.to_string(),
            },
            text: self.preview(post)?,
            in_reply_to: post.in_reply_to.clone(),
        })
    }
}

#[async_trait]
impl Channel for Webhook {
    fn id(&self) -> &ChannelId {
        &self.id
    }

    fn kind(&self) -> ChannelKind {
        ChannelKind::Webhook
    }

    fn preview(&self, post: &Post) -> Result<String, crate::text::TextError> {
        self.texts
            .render(ChannelKind::Webhook, post, None, LengthRule::UNLIMITED)
    }

    async fn post(&self, post: &Post) -> Result<Posted, SendError> {
        let payload = self.payload(post)?;
        let body = serde_json::to_vec(&payload).map_err(|e| SendError::Content {
            reason: e.to_string(),
        })?;
        let request = self
            .http
            .client()
            .post(self.url.clone())
            .header(CONTENT_TYPE, "application/json")
            .header(
                "X-Flits-Signature",
                signature(self.secret.expose_secret().as_bytes(), &body),
            )
            .header("X-Flits-Event", &payload.event)
            .header("X-Flits-Delivery", &payload.delivery_id)
            .header("Idempotency-Key", &payload.delivery_id)
            .body(body);
        let answer = self.http.send("webhook", request).await?;
        let remote_id = serde_json::from_slice::<Receipt>(&answer.body)
            .ok()
            .and_then(|r| r.id)
            .unwrap_or_else(|| payload.delivery_id.clone());
        tracing::info!(channel = %self.id, kind = post.kind.as_str(), remote_id = %remote_id, "delivered to webhook");
        Ok(Posted {
            remote_id,
            url: None,
            native_poll_id: None,
        })
    }

    /// A webhook has no account: its URL and secret are present, and nothing is sent.
    async fn verify(&self) -> Result<Verified, SendError> {
        Ok(Verified { account: None })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_is_the_documented_hmac() {
        // RFC 4231 test case 2.
        assert_eq!(
            signature(b"Jefe", b"what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }
}
