//! What can go wrong when a channel sends, as types the outbox can act on.
//!
//! Policy, written once:
//! - [`SendError::Retryable`]: the platform may accept the same request later: `429`, `5xx`, a
//!   timeout, a dropped connection, a `2xx` whose body cannot be read. `retry_after` is the delay
//!   the platform asked for (`Retry-After`, `X-RateLimit-Reset`), if it said one.
//! - [`SendError::Permanent`]: the platform refused the request itself (any `4xx` other than
//!   `429`). Sending it again cannot help; staff see the platform's own message and may try again
//!   by hand after fixing the cause.
//! - [`SendError::Setup`]: the channel cannot send at all until its configuration changes (a secret
//!   that is not set).
//!
//! Every message from a platform has been through the channel's [`crate::secret::Scrubber`], so no
//! variant ever holds a token. Each error has a stable [`SendError::code`] and the arguments of its
//! message in the catalogue (`locales/{nl,en}/bridge.ftl`, id `bridge-error-{code}`).

use std::time::Duration;

use flits_i18n::Arg;

/// A channel that cannot be built from its configuration.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SetupError {
    /// The environment variable a `*_env` setting names is not set (or empty).
    #[error("the environment variable {variable} is not set")]
    MissingSecret { variable: String },
    /// The file named by `{variable}` cannot be read.
    #[error("the file named by {variable} cannot be read: {reason}")]
    SecretFile { variable: String, reason: String },
    /// A setting the kind needs is missing (the settings loader reports it first).
    #[error("the channel's setting `{setting}` is missing")]
    MissingSetting { setting: &'static str },
    /// The post templates do not compile (a broken build; the text tests catch it first).
    #[error("the post templates cannot be loaded: {reason}")]
    Templates { reason: String },
}

impl SetupError {
    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            SetupError::MissingSecret { .. } => "missing-secret",
            SetupError::SecretFile { .. } => "secret-file",
            SetupError::MissingSetting { .. } => "missing-setting",
            SetupError::Templates { .. } => "templates",
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            SetupError::MissingSecret { variable } => vec![("variable", variable.into())],
            SetupError::SecretFile { variable, reason } => {
                vec![("variable", variable.into()), ("reason", reason.into())]
            }
            SetupError::MissingSetting { setting } => vec![("setting", (*setting).into())],
            SetupError::Templates { reason } => vec![("reason", reason.into())],
        }
    }
}

/// Why a retryable failure happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RetryCause {
    /// `429 Too Many Requests`.
    RateLimited,
    /// A `5xx`, with the platform's message when it sent one.
    Server { status: u16, message: String },
    /// No answer within the timeout. The platform may still have accepted the request.
    Timeout,
    /// The connection failed or was dropped. The platform may still have accepted the request.
    Connection,
    /// A success status with a body that is not what the platform documents.
    BadResponse { status: u16 },
}

/// A send that did not succeed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SendError {
    /// Worth trying again, after `retry_after` when the platform named a delay.
    #[error("temporary failure ({}){}", retry_cause_text(cause), retry_after.map(|d| format!(", retry after {}s", d.as_secs())).unwrap_or_default())]
    Retryable {
        cause: RetryCause,
        retry_after: Option<Duration>,
    },
    /// Refused for good: a `4xx` other than `429`, with the platform's own (scrubbed) message.
    #[error("refused by the platform (HTTP {status}): {message}")]
    Permanent { status: u16, message: String },
    /// The channel is not set up to send.
    #[error(transparent)]
    Setup(#[from] SetupError),
    /// No post that fits the platform can be made of this poll (say, a title far too long).
    #[error("no post can be made: {reason}")]
    Content { reason: String },
}

impl From<crate::text::TextError> for SendError {
    fn from(e: crate::text::TextError) -> Self {
        SendError::Content {
            reason: e.to_string(),
        }
    }
}

fn retry_cause_text(cause: &RetryCause) -> String {
    match cause {
        RetryCause::RateLimited => "rate limited, HTTP 429".to_owned(),
        RetryCause::Server { status, message } if message.is_empty() => format!("HTTP {status}"),
        RetryCause::Server { status, message } => format!("HTTP {status}: {message}"),
        RetryCause::Timeout => "timeout".to_owned(),
        RetryCause::Connection => "connection failed or dropped".to_owned(),
        RetryCause::BadResponse { status } => format!("unreadable answer with HTTP {status}"),
    }
}

impl SendError {
    /// Whether sending the same request again may succeed.
    pub fn is_retryable(&self) -> bool {
        matches!(self, SendError::Retryable { .. })
    }

    /// The delay the platform asked for, if any.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            SendError::Retryable { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// The stable machine code; the catalogue's message is `bridge-error-{code}`.
    pub fn code(&self) -> &'static str {
        match self {
            SendError::Retryable { cause, .. } => match cause {
                RetryCause::RateLimited => "rate-limited",
                RetryCause::Server { .. } => "server",
                RetryCause::Timeout => "timeout",
                RetryCause::Connection => "connection",
                RetryCause::BadResponse { .. } => "bad-response",
            },
            SendError::Permanent { .. } => "refused",
            SendError::Setup(e) => e.code(),
            SendError::Content { .. } => "content",
        }
    }

    /// The arguments the catalogue's message for [`SendError::code`] uses.
    pub fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            SendError::Retryable { cause, retry_after } => {
                let mut args = vec![(
                    "seconds",
                    Arg::from(retry_after.map(|d| d.as_secs()).unwrap_or(0)),
                )];
                match cause {
                    RetryCause::Server { status, message } => {
                        args.push(("status", Arg::from(u32::from(*status))));
                        args.push(("message", message.into()));
                    }
                    RetryCause::BadResponse { status } => {
                        args.push(("status", Arg::from(u32::from(*status))))
                    }
                    _ => {}
                }
                args
            }
            SendError::Permanent { status, message } => vec![
                ("status", Arg::from(u32::from(*status))),
                ("message", message.into()),
            ],
            SendError::Setup(e) => e.args(),
            SendError::Content { reason } => vec![("reason", reason.into())],
        }
    }

    /// The error in words for staff, from the catalogue.
    pub fn describe(&self, locale: flits_i18n::Locale) -> String {
        let id = format!("bridge-error-{}", self.code());
        flits_i18n::catalogue().format(locale, &id, &self.args())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use flits_i18n::{Locale, catalogue};

    fn every_error() -> Vec<SendError> {
        let retry = |cause| SendError::Retryable {
            cause,
            retry_after: Some(Duration::from_secs(30)),
        };
        vec![
            retry(RetryCause::RateLimited),
            retry(RetryCause::Server {
                status: 503,
                message: "down".into(),
            }),
            retry(RetryCause::Timeout),
            retry(RetryCause::Connection),
            retry(RetryCause::BadResponse { status: 200 }),
            SendError::Permanent {
                status: 422,
                message: "Validation failed".into(),
            },
            SetupError::MissingSecret {
                variable: "X".into(),
            }
            .into(),
            SetupError::SecretFile {
                variable: "X_FILE".into(),
                reason: "not found".into(),
            }
            .into(),
            SetupError::MissingSetting {
                setting: "base_url",
            }
            .into(),
            SetupError::Templates {
                reason: "syntax".into(),
            }
            .into(),
            SendError::Content {
                reason: "too long".into(),
            },
        ]
    }

    #[test]
    fn every_code_has_a_message_in_every_staff_language() {
        for err in every_error() {
            for locale in Locale::STAFF {
                let id = format!("bridge-error-{}", err.code());
                let text = catalogue()
                    .try_format(locale, &id, &err.args())
                    .unwrap_or_else(|e| panic!("{e}"));
                assert!(!text.contains("{$"), "{text}");
            }
        }
    }

    #[test]
    fn only_retryable_errors_carry_a_delay() {
        for err in every_error() {
            assert_eq!(err.retry_after().is_some(), err.is_retryable(), "{err}");
        }
    }
}
