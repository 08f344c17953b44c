//! The survey builder's domain: what a flash poll is (CONTRACT section 3), how it is read from JSON
//! or YAML, and (in later modules) what makes it valid and plain enough for residents.
//!
//! This crate does no I/O so that the collector, the staff API and the CLI all share one set of rules.

pub mod definition;
pub mod lifecycle;
pub mod parse;
pub mod text;

pub use definition::{Brief, PollDefinition, Question, QuestionKind, QuestionOption, ScaleLabels};
pub use lifecycle::{PollState, TransitionError};
pub use parse::{DefinitionFormat, ParseError};
pub use text::{Lang, Text};
