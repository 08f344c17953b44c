//! Values that come in from outside (URLs, forms, JSON, configuration, the command line) parsed once
//! into types that cannot hold a bad value ("parse, don't validate").
//!
//! Each type has one rule, one constructor (`parse`, also behind `FromStr` and serde), and a stable
//! error `code` that the web and command-line layers turn into words. Code past the edge takes
//! these types and never checks again.

mod email;
mod id;
mod password;

pub use email::{Email, InvalidEmail};
pub use id::{AudienceId, ChannelId, InvalidId, OrgId, SHOWN_CHARACTERS, Slug, SubmissionId};
pub use password::{
    InvalidPassword, MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS, MIN_PASSWORD_SCORE, Password,
    PasswordSuggestion, PasswordWarning, Weakness,
};
