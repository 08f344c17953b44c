//! The channel trait every adapter implements, and [`connect`], which builds the adapter of a
//! configured channel with its secrets.

use std::sync::{Arc, OnceLock};

use async_trait::async_trait;
use flits_types::ChannelId;

use crate::error::{SendError, SetupError};
use crate::http::ClientOptions;
use crate::post::{NativePollCounts, Post, Posted, Verified, fit_native_poll};
use crate::secret::{Environment, SecretSource};
use crate::setting::{ChannelKind, ChannelSetting};
use crate::text::{LengthRule, PostTexts, TextError};

/// One configured channel, ready to send. Adapters keep no state the outbox needs: what was
/// posted is returned as a value, and the caller stores it.
#[async_trait]
pub trait Channel: Send + Sync + std::fmt::Debug {
    /// The channel's id (also the `?c=` of its links).
    fn id(&self) -> &ChannelId;

    /// The platform.
    fn kind(&self) -> ChannelKind;

    /// The text this channel would post, for staff to preview before scheduling. Uses what the
    /// channel already knows of the platform's limits, without asking it.
    fn preview(&self, post: &Post) -> Result<String, TextError>;

    /// Publishes `post` (a reply when `post.in_reply_to` is set). Sending the same post again
    /// (same idempotency key) after a failure never publishes it twice where the platform
    /// supports idempotency.
    async fn post(&self, post: &Post) -> Result<Posted, SendError>;

    /// Publishes `post` as a reply to the platform's post `to` (the results under the
    /// announcement).
    async fn reply(&self, to: &str, post: &Post) -> Result<Posted, SendError> {
        let mut reply = post.clone();
        reply.in_reply_to = Some(to.to_owned());
        self.post(&reply).await
    }

    /// Checks the credentials without posting anything.
    async fn verify(&self) -> Result<Verified, SendError>;

    /// The counts of a native poll this channel posted; `None` where the platform has none.
    async fn poll_counts(
        &self,
        _native_poll_id: &str,
    ) -> Result<Option<NativePollCounts>, SendError> {
        Ok(None)
    }
}

/// The compiled post templates, shared by every channel of the process.
pub fn post_texts() -> Result<Arc<PostTexts>, TextError> {
    static TEXTS: OnceLock<Arc<PostTexts>> = OnceLock::new();
    if let Some(texts) = TEXTS.get() {
        return Ok(texts.clone());
    }
    let texts = Arc::new(PostTexts::load()?);
    Ok(TEXTS.get_or_init(|| texts).clone())
}

/// The text a channel would post, without its secrets or the network: for the staff UI's preview
/// before scheduling. Mastodon uses its default limits here (the server's own limits, read when
/// posting, may shorten the intro a little more).
pub fn preview(setting: &ChannelSetting, post: &Post) -> Result<String, SendError> {
    let texts = post_texts().map_err(|e| SetupError::Templates {
        reason: e.to_string(),
    })?;
    let (rule, poll_limits) = match setting.kind {
        ChannelKind::Mastodon => {
            let limits = crate::mastodon::Limits::default();
            (
                LengthRule::mastodon(limits.max_characters, limits.characters_reserved_per_url),
                Some(limits.polls()),
            )
        }
        ChannelKind::X => (LengthRule::X, Some(crate::x::POLL_LIMITS)),
        ChannelKind::Facebook => (LengthRule::FACEBOOK, None),
        ChannelKind::Webhook => (LengthRule::UNLIMITED, None),
        ChannelKind::Email => (LengthRule::UNLIMITED, None),
    };
    let question = match (poll_limits, &post.native_poll) {
        (Some(limits), Some(poll))
            if setting.native_poll
                && !post.kind.follows_up()
                && fit_native_poll(&poll.options, poll.duration, &limits).is_some() =>
        {
            Some(poll.question.as_str())
        }
        _ => None,
    };
    Ok(texts.render(setting.kind, post, question, rule)?)
}

/// Builds the adapter of `setting`, reading its secrets from the environment.
pub fn connect(
    setting: &ChannelSetting,
    options: &ClientOptions,
) -> Result<Arc<dyn Channel>, SetupError> {
    connect_with(setting, options, &Environment)
}

/// Builds the adapter of `setting` with secrets from `secrets`.
pub fn connect_with(
    setting: &ChannelSetting,
    options: &ClientOptions,
    secrets: &dyn SecretSource,
) -> Result<Arc<dyn Channel>, SetupError> {
    let texts = post_texts().map_err(|e| SetupError::Templates {
        reason: e.to_string(),
    })?;
    match setting.kind {
        ChannelKind::Mastodon => Ok(Arc::new(crate::mastodon::Mastodon::new(
            setting, options, secrets, texts,
        )?)),
        ChannelKind::Webhook => Ok(Arc::new(crate::webhook::Webhook::new(
            setting, options, secrets, texts,
        )?)),
        ChannelKind::Facebook => Ok(Arc::new(crate::facebook::Facebook::new(
            setting, options, secrets, texts,
        )?)),
        ChannelKind::X => Ok(Arc::new(crate::x::X::new(
            setting, options, secrets, texts,
        )?)),
        ChannelKind::Email => Ok(Arc::new(crate::email::EmailChannel::new(
            setting, options, texts,
        )?)),
    }
}

/// The setting `name`, or why the channel cannot be built without it.
pub(crate) fn needed<'a, T>(value: &'a Option<T>, name: &'static str) -> Result<&'a T, SetupError> {
    value
        .as_ref()
        .ok_or(SetupError::MissingSetting { setting: name })
}
