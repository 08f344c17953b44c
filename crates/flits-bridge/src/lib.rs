//! The social-media bridge's adapters (Mastodon, X, Facebook pages, webhooks, e-mail): each configured channel (README.md, "Channels") as a
//! [`Channel`] that posts a poll's announcement, a reminder or a reply with its results, checks its
//! credentials, and reads back native poll counts.
//!
//! This crate takes and returns plain values and never touches the database: the outbox (which
//! decides what to send, and records what was sent) lives above it. What it guarantees:
//! - a send either returns [`Posted`] with the platform's id, or a [`SendError`] that says whether
//!   to retry (and after how long the platform asked) or not, with the platform's own message;
//! - one [`Post::idempotency_key`] is published at most once where the platform can promise it
//!   (Mastodon's `Idempotency-Key`; webhook receivers get it as the delivery id);
//! - secrets come from the environment variables the configuration names, live in
//!   [`secrecy::SecretString`], and are scrubbed from every platform message and log line;
//! - post texts come from `templates/posts/{kind}.hbs` with the catalogue's words in the poll's
//!   language, within the platform's length rules ([`text::LengthRule`]).

pub mod channel;
pub mod email;
pub mod error;
pub mod facebook;
pub mod failure;
mod http;
pub mod mastodon;
pub mod post;
pub mod retry_after;
pub mod secret;
pub mod setting;
pub mod text;
pub mod webhook;
pub mod x;

pub use channel::{Channel, connect, connect_with, post_texts, preview};
pub use email::SmtpRelay;
pub use error::{RetryCause, SendError, SetupError};
pub use failure::FailureNote;
pub use http::ClientOptions;
pub use post::{NativePoll, NativePollCounts, OptionCount, Post, PostKind, Posted, Verified};
pub use secret::{Environment, SecretSource};
pub use setting::{ChannelKind, ChannelSetting, Visibility, check_channels};
