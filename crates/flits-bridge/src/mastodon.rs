//! Mastodon (REST API v1/v2), with a bearer access token.
//!
//! - `POST /api/v1/statuses`: `status`, `visibility`, `language`, `in_reply_to_id`, and optionally
//!   `poll[options][]` with `poll[expires_in]`; an `Idempotency-Key` header makes the server
//!   return the first status for a repeated key instead of posting again, so a retry after a
//!   dropped connection is safe.
//! - `GET /api/v2/instance`: the server's limits (status length, URL weight, poll options and
//!   their length, poll duration), read once per adapter; the documented defaults when the server
//!   does not say.
//! - `GET /api/v1/accounts/verify_credentials`: checks the token without posting.
//! - `GET /api/v1/polls/{id}`: the native poll's counts.

use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use flits_types::ChannelId;
use reqwest::header::AUTHORIZATION;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use url::Url;

use crate::channel::{Channel, needed};
use crate::error::{SendError, SetupError};
use crate::http::{ClientOptions, Http};
use crate::post::{NativePollCounts, OptionCount, Post, Posted, Verified};
use crate::post::{PollLimits, fit_native_poll};
use crate::secret::{Scrubber, SecretSource};
use crate::setting::{ChannelKind, ChannelSetting, Visibility};
use crate::text::{LengthRule, PostTexts};

/// A Mastodon account on one server.
#[derive(Debug)]
pub struct Mastodon {
    id: ChannelId,
    base: Url,
    token: SecretString,
    visibility: Visibility,
    native_poll: bool,
    http: Http,
    texts: Arc<PostTexts>,
    limits: Mutex<Option<Limits>>,
}

/// What the server allows (`configuration` of `GET /api/v2/instance`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_characters: usize,
    pub characters_reserved_per_url: usize,
    pub max_options: usize,
    pub max_characters_per_option: usize,
    pub min_expiration: u64,
    pub max_expiration: u64,
}

impl Limits {
    /// The limits of a native poll.
    pub fn polls(&self) -> PollLimits {
        PollLimits {
            max_options: self.max_options,
            max_characters_per_option: self.max_characters_per_option,
            min_seconds: self.min_expiration,
            max_seconds: self.max_expiration,
        }
    }
}

impl Default for Limits {
    /// Mastodon's own defaults.
    fn default() -> Self {
        Limits {
            max_characters: 500,
            characters_reserved_per_url: 23,
            max_options: 4,
            max_characters_per_option: 50,
            min_expiration: 300,
            max_expiration: 2_629_746,
        }
    }
}

#[derive(Deserialize)]
struct Instance {
    #[serde(default)]
    configuration: Configuration,
}

#[derive(Deserialize, Default)]
struct Configuration {
    #[serde(default)]
    statuses: StatusesConf,
    #[serde(default)]
    polls: PollsConf,
}

#[derive(Deserialize, Default)]
struct StatusesConf {
    max_characters: Option<usize>,
    characters_reserved_per_url: Option<usize>,
}

#[derive(Deserialize, Default)]
struct PollsConf {
    max_options: Option<usize>,
    max_characters_per_option: Option<usize>,
    min_expiration: Option<u64>,
    max_expiration: Option<u64>,
}

impl From<Instance> for Limits {
    fn from(i: Instance) -> Limits {
        let d = Limits::default();
        let (s, p) = (i.configuration.statuses, i.configuration.polls);
        Limits {
            max_characters: s.max_characters.unwrap_or(d.max_characters),
            characters_reserved_per_url: s
                .characters_reserved_per_url
                .unwrap_or(d.characters_reserved_per_url),
            max_options: p.max_options.unwrap_or(d.max_options),
            max_characters_per_option: p
                .max_characters_per_option
                .unwrap_or(d.max_characters_per_option),
            min_expiration: p.min_expiration.unwrap_or(d.min_expiration),
            max_expiration: p.max_expiration.unwrap_or(d.max_expiration),
        }
    }
}

#[derive(Deserialize)]
struct Status {
    id: String,
    url: Option<String>,
    poll: Option<PollRef>,
}

#[derive(Deserialize)]
struct PollRef {
    id: String,
}

#[derive(Deserialize)]
struct Account {
    acct: String,
}

#[derive(Deserialize)]
struct Poll {
    #[serde(default)]
    expired: bool,
    voters_count: Option<u64>,
    options: Vec<PollOption>,
}

#[derive(Deserialize)]
struct PollOption {
    title: String,
    votes_count: Option<u64>,
}

impl Mastodon {
    /// Builds the adapter; fails when a setting or the token is missing.
    pub fn new(
        setting: &ChannelSetting,
        options: &ClientOptions,
        secrets: &dyn SecretSource,
        texts: Arc<PostTexts>,
    ) -> Result<Mastodon, SetupError> {
        let base = needed(&setting.base_url, "base_url")?.clone();
        let token = secrets.secret(needed(&setting.token_env, "token_env")?)?;
        let scrubber = Scrubber::new([token.clone()]);
        Ok(Mastodon {
            id: setting.id.clone(),
            base,
            token,
            visibility: setting.visibility,
            native_poll: setting.native_poll,
            http: Http::new(
                setting.id.clone(),
                options,
                setting.requests_per_minute,
                scrubber,
            ),
            texts,
            limits: Mutex::new(None),
        })
    }

    fn endpoint(&self, segments: &[&str]) -> Url {
        let mut url = self.base.clone();
        if let Ok(mut path) = url.path_segments_mut() {
            path.pop_if_empty().extend(segments);
        }
        url
    }

    fn bearer(&self) -> String {
        format!("Bearer {}", self.token.expose_secret())
    }

    fn known_limits(&self) -> Option<Limits> {
        self.limits.lock().ok().and_then(|l| *l)
    }

    /// The server's limits, asked once. A server that does not answer gets the defaults this
    /// time and is asked again next time.
    async fn limits(&self) -> Limits {
        if let Some(limits) = self.known_limits() {
            return limits;
        }
        let request = self
            .http
            .client()
            .get(self.endpoint(&["api", "v2", "instance"]));
        match self.http.send("instance", request).await {
            Ok(answer) => match answer.json::<Instance>() {
                Ok(instance) => {
                    let limits = Limits::from(instance);
                    if let Ok(mut slot) = self.limits.lock() {
                        *slot = Some(limits);
                    }
                    limits
                }
                Err(_) => Limits::default(),
            },
            Err(_) => Limits::default(),
        }
    }

    fn rule(limits: &Limits) -> LengthRule {
        LengthRule::mastodon(limits.max_characters, limits.characters_reserved_per_url)
    }
}

#[async_trait]
impl Channel for Mastodon {
    fn id(&self) -> &ChannelId {
        &self.id
    }

    fn kind(&self) -> ChannelKind {
        ChannelKind::Mastodon
    }

    fn preview(&self, post: &Post) -> Result<String, crate::text::TextError> {
        let limits = self.known_limits().unwrap_or_default();
        let question = self.poll_for(post, &limits).map(|_| {
            post.native_poll
                .as_ref()
                .map(|p| p.question.as_str())
                .unwrap_or_default()
        });
        self.texts
            .render(ChannelKind::Mastodon, post, question, Self::rule(&limits))
    }

    async fn post(&self, post: &Post) -> Result<Posted, SendError> {
        let limits = self.limits().await;
        let poll = self.poll_for(post, &limits);
        let question = poll
            .as_ref()
            .and(post.native_poll.as_ref())
            .map(|p| p.question.as_str());
        let text = self
            .texts
            .render(ChannelKind::Mastodon, post, question, Self::rule(&limits))?;
        let mut form: Vec<(&str, String)> = vec![
            ("status", text),
            ("visibility", self.visibility.as_str().to_owned()),
            ("language", post.locale.code().to_owned()),
        ];
        if let Some(to) = &post.in_reply_to {
            form.push(("in_reply_to_id", to.clone()));
        }
        if let Some((options, seconds)) = poll {
            for option in options {
                form.push(("poll[options][]", option));
            }
            form.push(("poll[expires_in]", seconds.to_string()));
            form.push(("poll[multiple]", "false".to_owned()));
        }
        let request = self
            .http
            .client()
            .post(self.endpoint(&["api", "v1", "statuses"]))
            .header(AUTHORIZATION, self.bearer())
            .header("Idempotency-Key", &post.idempotency_key)
            .form(&form);
        let status: Status = self.http.send("statuses", request).await?.json()?;
        tracing::info!(channel = %self.id, kind = post.kind.as_str(), remote_id = %status.id, "posted to Mastodon");
        Ok(Posted {
            remote_id: status.id,
            url: status.url,
            native_poll_id: status.poll.map(|p| p.id),
        })
    }

    async fn verify(&self) -> Result<Verified, SendError> {
        let request = self
            .http
            .client()
            .get(self.endpoint(&["api", "v1", "accounts", "verify_credentials"]))
            .header(AUTHORIZATION, self.bearer());
        let account: Account = self
            .http
            .send("verify_credentials", request)
            .await?
            .json()?;
        let host = self.base.host_str().unwrap_or_default();
        Ok(Verified {
            account: Some(format!("@{}@{host}", account.acct)),
        })
    }

    async fn poll_counts(
        &self,
        native_poll_id: &str,
    ) -> Result<Option<NativePollCounts>, SendError> {
        let request = self
            .http
            .client()
            .get(self.endpoint(&["api", "v1", "polls", native_poll_id]))
            .header(AUTHORIZATION, self.bearer());
        let poll: Poll = self.http.send("polls", request).await?.json()?;
        Ok(Some(NativePollCounts {
            options: poll
                .options
                .into_iter()
                .map(|o| OptionCount {
                    title: o.title,
                    votes: o.votes_count,
                })
                .collect(),
            expired: poll.expired,
            voters: poll.voters_count,
        }))
    }
}

impl Mastodon {
    /// The native poll this post carries: only an announcement or reminder of a channel with
    /// `native_poll = true`, and only when the question fits the server's limits.
    fn poll_for(&self, post: &Post, limits: &Limits) -> Option<(Vec<String>, u64)> {
        if !self.native_poll || post.kind.follows_up() {
            return None;
        }
        let poll = post.native_poll.as_ref()?;
        let fitted = fit_native_poll(&poll.options, poll.duration, &limits.polls());
        if fitted.is_none() {
            tracing::info!(channel = %self.id, options = poll.options.len(), "question does not fit a Mastodon poll; posting without one");
        }
        fitted
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::post::fit_native_poll;
    use std::time::Duration;

    #[test]
    fn native_polls_fit_the_servers_limits_or_are_left_out() {
        let limits = Limits {
            max_options: 3,
            max_characters_per_option: 10,
            min_expiration: 300,
            max_expiration: 3600,
            ..Limits::default()
        }
        .polls();
        let s = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let (options, secs) = fit_native_poll(
            &s(&["Met de fiets", "Bus"]),
            Duration::from_secs(86_400),
            &limits,
        )
        .unwrap();
        assert_eq!(options, s(&["Met de…", "Bus"]));
        assert_eq!(secs, 3600);
        assert_eq!(
            fit_native_poll(&s(&["a", "b"]), Duration::from_secs(10), &limits)
                .unwrap()
                .1,
            300
        );
        assert!(fit_native_poll(&s(&["a", "b", "c", "d"]), Duration::ZERO, &limits).is_none());
        assert!(fit_native_poll(&s(&["a"]), Duration::ZERO, &limits).is_none());
        assert!(
            fit_native_poll(
                &s(&["Met de fiets rood", "Met de fiets blauw"]),
                Duration::ZERO,
                &limits
            )
            .is_none()
        );
    }

    #[test]
    fn instance_limits_fall_back_to_mastodons_defaults() {
        let i: Instance = serde_json::from_str(
            r#"{"configuration":{"statuses":{"max_characters":1000},"polls":{"max_options":6}}}"#,
        )
        .unwrap();
        let l = Limits::from(i);
        assert_eq!(l.max_characters, 1000);
        assert_eq!(l.max_options, 6);
        assert_eq!(l.characters_reserved_per_url, 23);
        let l = Limits::from(serde_json::from_str::<Instance>("{}").unwrap());
        assert_eq!(l, Limits::default());
    }
}
