//! A Facebook page, through the Graph API with a long-lived page access token.
//!
//! - `POST /{page-id}/feed` with `message` and `link`: answers `{"id": "{page-id}_{post-id}"}`.
//! - Results go under the announcement as a comment: `POST /{post-id}/comments` with `message`.
//! - `GET /{page-id}?fields=id,name` checks the token without posting.
//!
//! The token travels as the documented `access_token` parameter: in the form body of a `POST`,
//! in the query of a `GET` (never logged: log lines carry no URLs).
//!
//! Errors come as `{"error": {"message", "type", "code", "error_subcode", "fbtrace_id"}}`.
//! Throttling is not always a `429`: the codes 4, 17, 32, 613 and 80001 come with status `400` or
//! `403` and are retried, after `estimated_time_to_regain_access` (minutes) of the
//! `X-Business-Use-Case-Usage` header when it is there; codes 1 and 2 (temporary) are retried too.
//! The Graph API has no idempotency key, so the outbox must not resend a post whose answer was
//! lost without staff deciding to.

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use flits_types::ChannelId;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use url::Url;

use crate::channel::{Channel, needed};
use crate::error::{RetryCause, SendError, SetupError};
use crate::http::{ClientOptions, Http, Refusal};
use crate::post::{Post, Posted, Verified};
use crate::secret::{Scrubber, SecretSource};
use crate::setting::{ChannelKind, ChannelSetting};
use crate::text::{LengthRule, PostTexts};

/// The Graph API version used when `base_url` is not set.
pub const DEFAULT_BASE: &str = "https://graph.facebook.com/v21.0";

/// A Facebook page.
#[derive(Debug)]
pub struct Facebook {
    id: ChannelId,
    base: Url,
    page_id: String,
    token: SecretString,
    http: Http,
    texts: Arc<PostTexts>,
}

#[derive(Deserialize)]
struct Created {
    id: String,
}

#[derive(Deserialize)]
struct Page {
    name: Option<String>,
    id: String,
}

/// Graph API error codes that mean "slow down" or "try again".
const THROTTLED: [i64; 5] = [4, 17, 32, 613, 80001];
const TEMPORARY: [i64; 2] = [1, 2];

/// Reads a Graph API refusal: throttling and temporary errors are retryable whatever the status.
fn graph_refusal(refusal: &Refusal<'_>) -> Option<SendError> {
    let json: serde_json::Value = serde_json::from_slice(refusal.body).ok()?;
    let code = json["error"]["code"].as_i64()?;
    if THROTTLED.contains(&code) {
        return Some(SendError::Retryable {
            cause: RetryCause::RateLimited,
            retry_after: regain_access(refusal.headers),
        });
    }
    if TEMPORARY.contains(&code) && !refusal.status.is_server_error() {
        return Some(SendError::Retryable {
            cause: RetryCause::Server {
                status: refusal.status.as_u16(),
                message: refusal.message.to_owned(),
            },
            retry_after: None,
        });
    }
    None
}

/// The longest `estimated_time_to_regain_access` (minutes) in `X-Business-Use-Case-Usage`.
fn regain_access(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    let raw = headers.get("x-business-use-case-usage")?.to_str().ok()?;
    let usage: serde_json::Value = serde_json::from_str(raw).ok()?;
    usage
        .as_object()?
        .values()
        .filter_map(|v| v.as_array())
        .flatten()
        .filter_map(|u| u["estimated_time_to_regain_access"].as_u64())
        .max()
        .map(|minutes| Duration::from_secs(minutes * 60))
}

impl Facebook {
    /// Builds the adapter; fails when the page id or the token is missing.
    pub fn new(
        setting: &ChannelSetting,
        options: &ClientOptions,
        secrets: &dyn SecretSource,
        texts: Arc<PostTexts>,
    ) -> Result<Facebook, SetupError> {
        let page_id = needed(&setting.page_id, "page_id")?.clone();
        let token = secrets.secret(needed(&setting.token_env, "token_env")?)?;
        let base = match &setting.base_url {
            Some(url) => url.clone(),
            None => Url::parse(DEFAULT_BASE).map_err(|_| SetupError::MissingSetting {
                setting: "base_url",
            })?,
        };
        let scrubber = Scrubber::new([token.clone()]);
        Ok(Facebook {
            id: setting.id.clone(),
            base,
            page_id,
            token,
            http: Http::new(
                setting.id.clone(),
                options,
                setting.requests_per_minute,
                scrubber,
            ),
            texts,
        })
    }

    fn endpoint(&self, segments: &[&str]) -> Url {
        let mut url = self.base.clone();
        if let Ok(mut path) = url.path_segments_mut() {
            path.pop_if_empty().extend(segments);
        }
        url
    }
}

#[async_trait]
impl Channel for Facebook {
    fn id(&self) -> &ChannelId {
        &self.id
    }

    fn kind(&self) -> ChannelKind {
        ChannelKind::Facebook
    }

    fn preview(&self, post: &Post) -> Result<String, crate::text::TextError> {
        self.texts
            .render(ChannelKind::Facebook, post, None, LengthRule::FACEBOOK)
    }

    async fn post(&self, post: &Post) -> Result<Posted, SendError> {
        let message = self.preview(post)?;
        let token = self.token.expose_secret().to_owned();
        let request = match &post.in_reply_to {
            Some(parent) => self
                .http
                .client()
                .post(self.endpoint(&[parent, "comments"]))
                .form(&[("message", message), ("access_token", token)]),
            None => self
                .http
                .client()
                .post(self.endpoint(&[&self.page_id, "feed"]))
                .form(&[
                    ("message", message),
                    ("link", post.link.to_string()),
                    ("access_token", token),
                ]),
        };
        let created: Created = self
            .http
            .send_with("feed", request, graph_refusal)
            .await?
            .json()?;
        tracing::info!(channel = %self.id, kind = post.kind.as_str(), remote_id = %created.id, "posted to Facebook");
        Ok(Posted {
            remote_id: created.id,
            url: None,
            native_poll_id: None,
        })
    }

    async fn verify(&self) -> Result<Verified, SendError> {
        let request = self
            .http
            .client()
            .get(self.endpoint(&[&self.page_id]))
            .query(&[
                ("fields", "id,name"),
                ("access_token", self.token.expose_secret()),
            ]);
        let page: Page = self
            .http
            .send_with("page", request, graph_refusal)
            .await?
            .json()?;
        Ok(Verified {
            account: Some(page.name.unwrap_or(page.id)),
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use reqwest::header::{HeaderMap, HeaderValue};

    #[test]
    fn the_business_use_case_header_gives_the_wait() {
        let mut h = HeaderMap::new();
        h.insert(
            "x-business-use-case-usage",
            HeaderValue::from_static(
                r#"{"1234":[{"type":"pages","call_count":100,"total_cputime":20,"total_time":30,"estimated_time_to_regain_access":12}]}"#,
            ),
        );
        assert_eq!(regain_access(&h), Some(Duration::from_secs(720)));
        assert_eq!(regain_access(&HeaderMap::new()), None);
    }
}
