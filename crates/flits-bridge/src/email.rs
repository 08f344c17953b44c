//! E-mail: the poll's announcement, with its link, to fixed addresses (a newsletter editor, a
//! local paper's newsroom), through the SMTP relay of the process (`FLITS_SMTP_URL`:
//! `smtp://host:port` plain for a local relay, `smtps://user:pass@host` or
//! `smtp://…?tls=required` for a real one). The relay is given by the binary in
//! [`crate::ClientOptions::smtp`]; this crate never reads settings itself.
//!
//! One message per post, to every address of the channel, plain text from
//! `templates/posts/email.hbs`, subject from the catalogue, in the poll's language. Its
//! `Message-ID` is derived from the post's idempotency key, so a repeat after a lost answer can be
//! recognised by the receiver; SMTP itself cannot promise a single delivery. The check of
//! `flits channel test` opens a session with the relay (EHLO, and the login when the URL has one)
//! and sends nothing.

use std::sync::Arc;

use async_trait::async_trait;
use flits_i18n::t;
use flits_types::{ChannelId, Email};
use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use secrecy::{ExposeSecret, SecretString};

use crate::channel::Channel;
use crate::error::{RetryCause, SendError, SetupError};
use crate::http::ClientOptions;
use crate::post::{Post, PostKind, Posted, Verified};
use crate::secret::Scrubber;
use crate::setting::{ChannelKind, ChannelSetting};
use crate::text::{LengthRule, PostTexts, TextError};

/// The SMTP relay and sender of every e-mail channel.
#[derive(Debug, Clone)]
pub struct SmtpRelay {
    /// The relay's URL; a secret, since it may hold a password.
    pub url: SecretString,
    /// The sender, e.g. `peiling@ijmond.nl`.
    pub from: Email,
}

/// Fixed addresses that get every post by e-mail.
#[derive(Debug)]
pub struct EmailChannel {
    id: ChannelId,
    to: Vec<Email>,
    from: Email,
    transport: AsyncSmtpTransport<Tokio1Executor>,
    scrubber: Scrubber,
    texts: Arc<PostTexts>,
}

impl EmailChannel {
    /// Builds the adapter; fails without addresses or without a relay.
    pub fn new(
        setting: &ChannelSetting,
        options: &ClientOptions,
        texts: Arc<PostTexts>,
    ) -> Result<EmailChannel, SetupError> {
        if setting.to.is_empty() {
            return Err(SetupError::MissingSetting { setting: "to" });
        }
        let relay = options.smtp.as_ref().ok_or(SetupError::MissingSetting {
            setting: "smtp_url",
        })?;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(relay.url.expose_secret())
            .map_err(|_| SetupError::MissingSetting {
                setting: "smtp_url",
            })?
            .timeout(Some(options.timeout))
            .build();
        Ok(EmailChannel {
            id: setting.id.clone(),
            to: setting.to.clone(),
            from: relay.from.clone(),
            transport,
            scrubber: Scrubber::new([relay.url.clone()]),
            texts,
        })
    }

    fn subject(post: &Post) -> String {
        match post.kind {
            PostKind::Results => t!(
                post.locale,
                "post-email-results-subject",
                title = post.title.as_str()
            ),
            PostKind::Update => t!(
                post.locale,
                "post-email-update-subject",
                title = post.title.as_str()
            ),
            PostKind::Closed => t!(
                post.locale,
                "post-email-closed-subject",
                title = post.title.as_str()
            ),
            PostKind::Announcement | PostKind::Reminder => {
                t!(
                    post.locale,
                    "post-email-subject",
                    title = post.title.as_str()
                )
            }
        }
    }

    fn message(&self, post: &Post) -> Result<Message, SendError> {
        let content = |e: &dyn std::fmt::Display| SendError::Content {
            reason: e.to_string(),
        };
        let mailbox = |e: &Email| e.as_str().parse::<Mailbox>().map_err(|e| content(&e));
        let mut builder = Message::builder()
            .from(mailbox(&self.from)?)
            .subject(Self::subject(post))
            .message_id(Some(format!(
                "<{}.{}@flits>",
                post.idempotency_key,
                self.id.as_str()
            )))
            .header(ContentType::TEXT_PLAIN);
        for to in &self.to {
            builder = builder.to(mailbox(to)?);
        }
        builder.body(self.preview(post)?).map_err(|e| content(&e))
    }

    fn classify(&self, e: &lettre::transport::smtp::Error) -> SendError {
        let message = self.scrubber.scrub(&e.to_string());
        let status = e.status().map(u16::from).unwrap_or(0);
        if e.is_permanent() {
            SendError::Permanent { status, message }
        } else if e.is_timeout() {
            SendError::Retryable {
                cause: RetryCause::Timeout,
                retry_after: None,
            }
        } else if e.is_transient() {
            SendError::Retryable {
                cause: RetryCause::Server { status, message },
                retry_after: None,
            }
        } else {
            SendError::Retryable {
                cause: RetryCause::Connection,
                retry_after: None,
            }
        }
    }
}

#[async_trait]
impl Channel for EmailChannel {
    fn id(&self) -> &ChannelId {
        &self.id
    }

    fn kind(&self) -> ChannelKind {
        ChannelKind::Email
    }

    fn preview(&self, post: &Post) -> Result<String, TextError> {
        self.texts
            .render(ChannelKind::Email, post, None, LengthRule::UNLIMITED)
    }

    async fn post(&self, post: &Post) -> Result<Posted, SendError> {
        let message = self.message(post)?;
        let remote_id = format!("{}.{}", post.idempotency_key, self.id.as_str());
        match self.transport.send(message).await {
            Ok(_) => {
                tracing::info!(channel = %self.id, kind = post.kind.as_str(), recipients = self.to.len(), "e-mailed");
                Ok(Posted {
                    remote_id,
                    url: None,
                    native_poll_id: None,
                })
            }
            Err(e) => {
                let err = self.classify(&e);
                tracing::warn!(channel = %self.id, code = err.code(), error = %err, "e-mail failed");
                Err(err)
            }
        }
    }

    async fn verify(&self) -> Result<Verified, SendError> {
        match self.transport.test_connection().await {
            Ok(true) => Ok(Verified { account: None }),
            Ok(false) => Err(SendError::Retryable {
                cause: RetryCause::Connection,
                retry_after: None,
            }),
            Err(e) => Err(self.classify(&e)),
        }
    }
}
