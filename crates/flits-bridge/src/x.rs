//! X (formerly Twitter), API v2, OAuth 1.0a in user context (the four secrets of README.md,
//! "Channels"), signed with HMAC-SHA1 by the `oauth1-request` crate.
//!
//! - `POST /2/tweets` with a JSON body: `text`, optionally `poll.options` (2–4, at most 25
//!   characters each) and `poll.duration_minutes` (5–10080), and `reply.in_reply_to_tweet_id`.
//!   Answers `201 {"data": {"id", "text"}}`. A JSON body is not part of the OAuth signature.
//! - `GET /2/users/me` checks the credentials without posting.
//! - `GET /2/tweets/{id}?expansions=attachments.poll_ids&poll.fields=voting_status` reads the
//!   counts of the poll a post carries (`includes.polls[0].options[].votes`); the query
//!   parameters are part of the signature.
//!
//! Errors are problem documents (`{"title", "detail", "type", "status"}`); `429` carries
//! `x-rate-limit-reset` (Unix seconds). X has no idempotency key, but refuses a second tweet with
//! the same text (`403`, "duplicate content"), which the outbox treats as permanent: staff decide.

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use flits_types::ChannelId;
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use serde_json::json;
use url::Url;

use crate::channel::{Channel, needed};
use crate::error::{SendError, SetupError};
use crate::http::{ClientOptions, Http};
use crate::post::{
    NativePollCounts, OptionCount, PollLimits, Post, Posted, Verified, fit_native_poll,
};
use crate::secret::{Scrubber, SecretSource};
use crate::setting::{ChannelKind, ChannelSetting};
use crate::text::{LengthRule, PostTexts};

/// The API's base when `base_url` is not set.
pub const DEFAULT_BASE: &str = "https://api.x.com";

/// X's limits on a poll.
pub const POLL_LIMITS: PollLimits = PollLimits {
    max_options: 4,
    max_characters_per_option: 25,
    min_seconds: 5 * 60,
    max_seconds: 10_080 * 60,
};

/// The four OAuth 1.0a secrets.
#[derive(Debug)]
struct Credentials {
    api_key: SecretString,
    api_secret: SecretString,
    access_token: SecretString,
    access_secret: SecretString,
}

/// An X account.
#[derive(Debug)]
pub struct X {
    id: ChannelId,
    base: Url,
    credentials: Credentials,
    native_poll: bool,
    http: Http,
    texts: Arc<PostTexts>,
}

#[derive(Deserialize)]
struct Data<T> {
    data: T,
}

#[derive(Deserialize)]
struct Tweet {
    id: String,
}

/// The answer of `GET /2/tweets/{id}` with the poll expanded.
#[derive(Deserialize)]
struct PollLookup {
    includes: Option<Includes>,
    #[serde(default)]
    errors: Vec<Problem>,
}

#[derive(Deserialize)]
struct Includes {
    #[serde(default)]
    polls: Vec<XPoll>,
}

#[derive(Deserialize)]
struct XPoll {
    options: Vec<XPollOption>,
    /// `open` or `closed`.
    #[serde(default)]
    voting_status: String,
}

#[derive(Deserialize)]
struct XPollOption {
    position: u32,
    label: String,
    votes: u64,
}

#[derive(Deserialize)]
struct Problem {
    #[serde(default)]
    detail: String,
}

#[derive(Deserialize)]
struct User {
    username: String,
}

impl X {
    /// Builds the adapter; fails when one of the four secrets is missing.
    pub fn new(
        setting: &ChannelSetting,
        options: &ClientOptions,
        secrets: &dyn SecretSource,
        texts: Arc<PostTexts>,
    ) -> Result<X, SetupError> {
        let credentials = Credentials {
            api_key: secrets.secret(needed(&setting.api_key_env, "api_key_env")?)?,
            api_secret: secrets.secret(needed(&setting.api_secret_env, "api_secret_env")?)?,
            access_token: secrets.secret(needed(&setting.access_token_env, "access_token_env")?)?,
            access_secret: secrets
                .secret(needed(&setting.access_secret_env, "access_secret_env")?)?,
        };
        let base = match &setting.base_url {
            Some(url) => url.clone(),
            None => Url::parse(DEFAULT_BASE).map_err(|_| SetupError::MissingSetting {
                setting: "base_url",
            })?,
        };
        let scrubber = Scrubber::new([
            credentials.api_key.clone(),
            credentials.api_secret.clone(),
            credentials.access_token.clone(),
            credentials.access_secret.clone(),
        ]);
        Ok(X {
            id: setting.id.clone(),
            base,
            credentials,
            native_poll: setting.native_poll,
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

    /// The `Authorization` header of a request without query or form parameters.
    fn authorization(&self, method: &str, url: &Url) -> String {
        self.authorization_with(method, url, &())
    }

    /// The `Authorization` header of a request to `url` (without its query) whose query or form
    /// parameters are `params`: OAuth 1.0a signs them too.
    fn authorization_with<R: oauth1_request::Request + ?Sized>(
        &self,
        method: &str,
        url: &Url,
        params: &R,
    ) -> String {
        let c = &self.credentials;
        let token = oauth1_request::Token::from_parts(
            c.api_key.expose_secret(),
            c.api_secret.expose_secret(),
            c.access_token.expose_secret(),
            c.access_secret.expose_secret(),
        );
        oauth1_request::authorize(method, url, params, &token, oauth1_request::HMAC_SHA1)
    }

    fn poll_for(&self, post: &Post) -> Option<(Vec<String>, u64)> {
        if !self.native_poll || post.kind.follows_up() {
            return None;
        }
        let poll = post.native_poll.as_ref()?;
        fit_native_poll(&poll.options, poll.duration, &POLL_LIMITS)
    }

    fn question<'a>(&self, post: &'a Post) -> Option<&'a str> {
        self.poll_for(post)
            .and(post.native_poll.as_ref())
            .map(|p| p.question.as_str())
    }
}

#[async_trait]
impl Channel for X {
    fn id(&self) -> &ChannelId {
        &self.id
    }

    fn kind(&self) -> ChannelKind {
        ChannelKind::X
    }

    fn preview(&self, post: &Post) -> Result<String, crate::text::TextError> {
        self.texts
            .render(ChannelKind::X, post, self.question(post), LengthRule::X)
    }

    async fn post(&self, post: &Post) -> Result<Posted, SendError> {
        let mut body = json!({ "text": self.preview(post)? });
        if let Some((options, seconds)) = self.poll_for(post) {
            let minutes = Duration::from_secs(seconds).as_secs() / 60;
            body["poll"] = json!({ "options": options, "duration_minutes": minutes });
        }
        if let Some(to) = &post.in_reply_to {
            body["reply"] = json!({ "in_reply_to_tweet_id": to });
        }
        let url = self.endpoint(&["2", "tweets"]);
        let request = self
            .http
            .client()
            .post(url.clone())
            .header(AUTHORIZATION, self.authorization("POST", &url))
            .header(CONTENT_TYPE, "application/json")
            .body(body.to_string());
        let with_poll = body.get("poll").is_some();
        let tweet: Data<Tweet> = self.http.send("tweets", request).await?.json()?;
        tracing::info!(channel = %self.id, kind = post.kind.as_str(), remote_id = %tweet.data.id, "posted to X");
        Ok(Posted {
            url: Some(format!("https://x.com/i/web/status/{}", tweet.data.id)),
            // X reads a poll through the post that carries it.
            native_poll_id: with_poll.then(|| tweet.data.id.clone()),
            remote_id: tweet.data.id,
        })
    }

    /// `GET /2/tweets/{id}?expansions=attachments.poll_ids&poll.fields=voting_status`: the poll
    /// of the post `native_poll_id` (X names a poll by the post that carries it).
    async fn poll_counts(
        &self,
        native_poll_id: &str,
    ) -> Result<Option<NativePollCounts>, SendError> {
        let url = self.endpoint(&["2", "tweets", native_poll_id]);
        let params = oauth1_request::ParameterList::new([
            ("expansions", "attachments.poll_ids"),
            ("poll.fields", "voting_status"),
        ]);
        let mut with_query = url.clone();
        with_query
            .query_pairs_mut()
            .extend_pairs(params.as_ref().iter().copied());
        let request = self
            .http
            .client()
            .get(with_query)
            .header(AUTHORIZATION, self.authorization_with("GET", &url, &params));
        let found: PollLookup = self.http.send("tweets/:id", request).await?.json()?;
        if let Some(problem) = found.errors.into_iter().next() {
            // X answers a post it cannot find with 200 and a problem, not with 404.
            return Err(SendError::Permanent {
                status: 404,
                message: self.http.scrub(&problem.detail),
            });
        }
        let Some(poll) = found.includes.and_then(|i| i.polls.into_iter().next()) else {
            return Ok(None);
        };
        let mut options = poll.options;
        options.sort_by_key(|o| o.position);
        Ok(Some(NativePollCounts {
            voters: Some(options.iter().map(|o| o.votes).sum()),
            options: options
                .into_iter()
                .map(|o| OptionCount {
                    title: o.label,
                    votes: Some(o.votes),
                })
                .collect(),
            expired: poll.voting_status == "closed",
        }))
    }

    async fn verify(&self) -> Result<Verified, SendError> {
        let url = self.endpoint(&["2", "users", "me"]);
        let request = self
            .http
            .client()
            .get(url.clone())
            .header(AUTHORIZATION, self.authorization("GET", &url));
        let user: Data<User> = self.http.send("users/me", request).await?.json()?;
        Ok(Verified {
            account: Some(format!("@{}", user.data.username)),
        })
    }
}
