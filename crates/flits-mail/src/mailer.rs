//! Sending: one multipart message (text and HTML) per resident through the SMTP relay, and what
//! became of it.
//!
//! Policy, written once:
//! - [`SendError::Retryable`]: the relay may take it later: a `4xx` reply, a timeout, a connection
//!   that failed or dropped, or a template that did not render (a broken build, fixed by the next
//!   release before the retries run out).
//! - [`SendError::Permanent`]: sending it again cannot help: a `5xx` reply (no such mailbox, a
//!   refused sender), or an address the message cannot carry.
//!
//! Both carry a short code (`smtp-451`, `timeout`, `connection`, `smtp-550`, `address`, `render`)
//! and nothing the server said.

use std::time::Duration;

use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use secrecy::{ExposeSecret, SecretString};

use crate::ResultsMessage;
use crate::texts::{MailTexts, RenderError};

/// The SMTP relay and the sender (`FLITS_SMTP_URL` and `[mail] from`).
#[derive(Debug, Clone)]
pub struct Relay {
    /// `smtp://host:port` (plain, for a local relay), `smtps://user:pass@host` or
    /// `smtp://…?tls=required`; a secret, since it may hold a password.
    pub url: SecretString,
    /// The sender, e.g. `peiling@gemeente.nl`.
    pub from: flits_types::Email,
}

/// A mailer that cannot be set up.
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    /// The relay URL is not one lettre understands (its text is a secret, so it is not shown).
    #[error("FLITS_SMTP_URL is not a usable SMTP URL")]
    RelayUrl,
    /// The sender is not an address a message can carry.
    #[error("[mail] from is not an address a message can carry")]
    Sender,
    #[error(transparent)]
    Templates(#[from] RenderError),
}

/// A message that did not go out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SendError {
    /// Worth trying again later.
    #[error("temporary failure: {code}")]
    Retryable { code: String },
    /// Sending it again cannot help.
    #[error("permanent failure: {code}")]
    Permanent { code: String },
}

impl SendError {
    /// The short code that is stored and logged.
    pub fn code(&self) -> &str {
        match self {
            SendError::Retryable { code } | SendError::Permanent { code } => code,
        }
    }

    pub fn is_permanent(&self) -> bool {
        matches!(self, SendError::Permanent { .. })
    }

    fn retryable(code: &str) -> SendError {
        SendError::Retryable {
            code: code.to_owned(),
        }
    }

    /// What lettre's failure means for the message.
    fn of(e: &lettre::transport::smtp::Error) -> SendError {
        let status = e.status().map(u16::from);
        let smtp = |fallback: &str| status.map_or(fallback.to_owned(), |s| format!("smtp-{s}"));
        if e.is_permanent() {
            SendError::Permanent {
                code: smtp("smtp-5xx"),
            }
        } else if e.is_transient() {
            SendError::Retryable {
                code: smtp("smtp-4xx"),
            }
        } else if e.is_timeout() {
            SendError::retryable("timeout")
        } else {
            SendError::retryable("connection")
        }
    }
}

/// Sends the results messages; one per process, shared by the runner's steps.
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    texts: MailTexts,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The transport holds the relay's URL, which may hold a password.
        f.debug_struct("Mailer").finish_non_exhaustive()
    }
}

impl Mailer {
    /// A mailer on `relay`; each session with the relay gives up after `timeout`.
    pub fn new(relay: &Relay, timeout: Duration) -> Result<Mailer, SetupError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(relay.url.expose_secret())
            .map_err(|_| SetupError::RelayUrl)?
            .timeout(Some(timeout))
            .build();
        let from = relay
            .from
            .as_str()
            .parse::<Mailbox>()
            .map_err(|_| SetupError::Sender)?;
        Ok(Mailer {
            transport,
            from,
            texts: MailTexts::load()?,
        })
    }

    /// The message as it goes out: multipart/alternative, plain text first.
    pub fn message(&self, m: &ResultsMessage) -> Result<Message, SendError> {
        let rendered = self.texts.render(m).map_err(|e| {
            tracing::error!(error = %e, "the results e-mail cannot be rendered");
            SendError::retryable("render")
        })?;
        let permanent = |code: &str| SendError::Permanent {
            code: code.to_owned(),
        };
        let to =
            m.to.as_str()
                .parse::<Mailbox>()
                .map_err(|_| permanent("address"))?;
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(rendered.subject)
            .message_id(Some(format!("<{}@flits>", m.key)))
            .multipart(MultiPart::alternative_plain_html(
                rendered.text,
                rendered.html,
            ))
            .map_err(|_| permanent("address"))
    }

    /// Sends a plain-text message to staff (a reminder about their poll), with `key` as its
    /// `Message-ID`; `Ok` once the relay has taken it.
    pub async fn send_plain(
        &self,
        to: &flits_types::Email,
        subject: &str,
        text: &str,
        key: &str,
    ) -> Result<(), SendError> {
        let permanent = |code: &str| SendError::Permanent {
            code: code.to_owned(),
        };
        let to = to
            .as_str()
            .parse::<Mailbox>()
            .map_err(|_| permanent("address"))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .message_id(Some(format!("<{key}@flits>")))
            .header(lettre::message::header::ContentType::TEXT_PLAIN)
            .body(text.to_owned())
            .map_err(|_| permanent("address"))?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| SendError::of(&e))
    }

    /// Sends the message; `Ok` once the relay has taken it.
    pub async fn send(&self, m: &ResultsMessage) -> Result<(), SendError> {
        let message = self.message(m)?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| SendError::of(&e))
    }
}
