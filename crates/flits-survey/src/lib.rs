//! The survey builder's domain: what a flash poll is (docs/api.md, "Poll definitions"), how it is read from JSON
//! or YAML, what makes it valid, which answers it accepts, and whether its texts are plain enough for
//! residents (B1).
//!
//! This crate does no I/O so that the collector, the staff API and the CLI all share one set of rules.

pub mod answers;
pub mod definition;
pub mod estimate;
pub mod lifecycle;
pub mod message_lang;
pub mod parse;
pub mod plain_language;
pub mod resident_texts;
pub mod text;
pub mod validate;

pub use answers::{
    Answer, AnswerError, AnswerInput, DEFAULT_MAX_LENGTH, ValidAnswers, validate_answers,
};
pub use definition::{Brief, PollDefinition, Question, QuestionKind, QuestionOption, ScaleLabels};
pub use estimate::estimate_seconds;
pub use lifecycle::{PollState, TransitionError};
pub use message_lang::MessageLang;
pub use parse::{DefinitionFormat, ParseError};
pub use plain_language::{Checker, LanguageHint, WordList};
pub use text::{Lang, Text};
pub use validate::{
    Issue, Readability, Report, ValidationOptions, validate, validate_with_checker,
};
