//! The survey builder's domain: what a flash poll is (docs/api.md, "Poll definitions"), how it is read from JSON
//! or YAML, what makes it valid, which answers it accepts, and whether its texts are plain enough for
//! residents (B1).
//!
//! This crate does no I/O so that the collector, the staff API and the CLI all share one set of rules.
//! It writes no sentences either: every problem it finds is a stable code with [`Args`], which the web
//! and command-line layers word from the message catalogue in the reader's language.

pub mod answers;
pub mod args;
pub mod definition;
pub mod estimate;
pub mod library;
pub mod lifecycle;
pub mod parse;
pub mod plain_language;
pub mod read;
pub mod resident_texts;
pub mod standard;
pub mod text;
pub mod validate;

pub use answers::{
    ANSWER_CODES, Answer, AnswerError, AnswerInput, DEFAULT_MAX_LENGTH, ValidAnswers,
    validate_answers,
};
pub use args::{ArgValue, Args};
pub use definition::{Brief, PollDefinition, Question, QuestionKind, QuestionOption, ScaleLabels};
pub use estimate::estimate_seconds;
pub use library::{LibraryTopic, library, library_question};
pub use lifecycle::{PollState, TransitionError};
pub use parse::{DefinitionFormat, ParseError, SyntaxError, parse_document};
pub use plain_language::{Checker, LanguageHint, WordList};
pub use read::{Reading, read_value};
pub use resident_texts::TextRole;
pub use standard::{InvalidNeighbourhood, Neighbourhood, Neighbourhoods, StandardQuestion};
pub use text::Text;
pub use validate::{
    ERROR_CODES, HINT_CODES, Issue, Readability, Report, ValidationOptions, validate,
    validate_reading, validate_reading_with_checker, validate_with_checker,
};
