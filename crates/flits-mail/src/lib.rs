//! Feedback e-mail: the one message a resident who asked for a poll's results gets when they are
//! published (README.md, "Feedback by e-mail").
//!
//! [`MailTexts`] renders it from `templates/mail/results.txt.hbs` and `results.html.hbs` with the
//! words of `locales/*/resident-mail.ftl` in the resident's language: the poll's title, the "you
//! said, we did" text and the link to the results page. [`Mailer`] sends it as one multipart
//! (text and HTML) message through the SMTP relay of the process (`FLITS_SMTP_URL`, given by the
//! binary as a [`Relay`]; this crate reads no settings) and says what became of it as a
//! [`SendError`] the job runner can act on. Which messages are due, and what is kept of them,
//! is the store's business: this crate never touches the database.
//!
//! Addresses never reach a log line or an error: errors carry short codes, never what a server
//! answered (a refusal often quotes the address).

mod mailer;
mod texts;

pub use mailer::{Mailer, Relay, SendError, SetupError};
pub use texts::{MailTexts, RenderError, Rendered};

use flits_i18n::Locale;
use flits_types::Email;

/// The message with a poll's results, for one resident.
#[derive(Debug, Clone)]
pub struct ResultsMessage {
    pub to: Email,
    /// The language of the page the resident asked on.
    pub locale: Locale,
    /// The poll's title in that language.
    pub title: String,
    /// "You said, we did" in that language; blank lines separate paragraphs.
    pub summary: String,
    /// The absolute link to the results page.
    pub link: String,
    /// Unique to this resident's message and the same on every attempt: the `Message-ID`, so a
    /// repeat after a lost answer from the relay can be recognised.
    pub key: String,
}
