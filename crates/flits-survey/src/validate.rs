//! Whether a poll definition may be saved or scheduled, and how it could be plainer.
//!
//! [`validate`] checks a parsed [`PollDefinition`] against every rule at once and returns a
//! [`Report`] with *all* errors (which block saving or scheduling) and hints (which never do), each
//! with a location such as `questions[2].options[1].id` and a message a municipal comms officer
//! understands, in Dutch or English. The report serialises exactly as the `--format json` output of
//! `flits poll validate` (README.md, "Commands") and its errors are the `details.errors` of the staff API.
//!
//! Locations of texts follow [`crate::resident_texts`]: `questions[0].text.nl` for a text written as a
//! map, `questions[0].text` for a plain (Dutch) string, and `{field}.{lang}` for a missing
//! translation. A problem with the whole poll (its length) has the empty location, like a
//! [`ParseError`] about the whole document.
//!
//! Rules and their codes (stable; clients may switch on them):
//!
//! | code | rule |
//! |---|---|
//! | `slug_length`, `slug_characters` | slug is 3..=64 characters of `[a-z0-9-]` |
//! | `id_empty`, `id_characters`, `id_too_long`, `id_duplicate` | question and option ids are 1..=64 characters of `[a-z0-9_-]`, unique among the questions / among a question's options |
//! | `no_questions`, `only_profile_questions`, `too_many_questions` | at least one question, 1..=`max_questions` of them not profile questions |
//! | `too_few_options`, `too_many_options`, `options_not_allowed` | choice questions have 2..=10 options; other kinds none |
//! | `max_choices_not_allowed`, `max_choices_out_of_range` | `max_choices` only on multi choice, 1..=number of options |
//! | `scale_bound_missing`, `scale_bounds_reversed`, `scale_too_many_steps`, `scale_bounds_not_allowed`, `labels_not_allowed` | a scale has `min` < `max` with at most 11 steps (0–10); only scales have `min`, `max`, `labels` |
//! | `max_length_not_allowed`, `max_length_out_of_range` | `max_length` only on open text, 1..=2000 (absent means [`crate::answers::DEFAULT_MAX_LENGTH`]) |
//! | `text_empty`, `text_no_languages`, `text_too_long` | no empty texts; lengths in characters per [`TextRole::max_chars`] (title 120, intro 500, question 300, option 120, help 300, scale label 60, feedback promise 500) |
//! | `language_code_invalid`, `dutch_missing`, `translation_missing`, `translation_unexpected` | language codes are two lowercase letters (ISO 639-1 shape: `nl`, `en`, `tr`, `pl`…); the title has Dutch; every text has exactly the title's languages |
//! | `brief_missing`, `brief_purpose_missing`, `brief_audiences_missing`, `brief_feedback_promise_missing` | with `require_brief` (scheduling): a brief with a purpose, at least one audience and a feedback promise; otherwise each missing part is the hint `brief_incomplete` |
//! | `audience_unknown`, `audience_duplicate` | audiences exist (when `known_audiences` is given) and are listed once |
//!
//! Hints: `long_sentence`, `long_word`, `passive_voice`, `officialese` from the
//! [plain-language checker](crate::plain_language) on every Dutch resident-facing text;
//! `brief_incomplete`; `estimated_time_too_long` when the [estimate](crate::estimate) exceeds two
//! minutes.
//!
//! Readability: every Dutch or English text of at least [`READABILITY_MIN_WORDS`] words or
//! [`READABILITY_MIN_SENTENCES`] sentences gets a score under its location (shorter texts such as
//! option labels give meaningless scores).

mod brief;
mod structure;
mod texts;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::definition::PollDefinition;
use crate::estimate::{FLASH_POLL_SECONDS, estimate_seconds};
use crate::message_lang::MessageLang;
use crate::parse::ParseError;
use crate::plain_language::{Checker, default_checker};
#[cfg(doc)]
use crate::resident_texts::TextRole;

/// The default limit of non-profile questions of a flash poll (docs/api.md, "Poll definitions").
pub const DEFAULT_MAX_QUESTIONS: usize = 5;
/// Slug length limits, in characters.
pub const SLUG_MIN_LEN: usize = 3;
pub const SLUG_MAX_LEN: usize = 64;
/// The longest question or option id (ids become CSV column names).
pub const ID_MAX_LEN: usize = 64;
/// Options per choice question.
pub const MIN_OPTIONS: usize = 2;
pub const MAX_OPTIONS: usize = 10;
/// The most points on a scale (0–10 has 11).
pub const MAX_SCALE_STEPS: i128 = 11;
/// The largest `max_length` an open question may allow.
pub const MAX_OPEN_TEXT_LENGTH: u32 = 2000;
/// Texts with at least this many words get a readability score…
pub const READABILITY_MIN_WORDS: usize = 10;
/// …and so do texts with at least this many sentences.
pub const READABILITY_MIN_SENTENCES: usize = 2;

/// What to check besides the fixed rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationOptions {
    /// The most questions that are not profile questions (configuration `max_questions`, default 5).
    pub max_questions: usize,
    /// The audience ids that exist; `None` skips the check (e.g. validating a file offline).
    pub known_audiences: Option<Vec<String>>,
    /// Whether the brief must be complete: true when scheduling, false while drafting (then a missing
    /// part is only a hint).
    pub require_brief: bool,
    /// The language of the messages.
    pub lang: MessageLang,
}

impl Default for ValidationOptions {
    fn default() -> Self {
        ValidationOptions {
            max_questions: DEFAULT_MAX_QUESTIONS,
            known_audiences: None,
            require_brief: false,
            lang: MessageLang::Nl,
        }
    }
}

/// One error or hint, located in the definition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issue {
    /// A path like `questions[2].options[1].id` or `questions[0].text.nl`; empty for the whole poll.
    pub location: String,
    /// A stable snake_case code (see the module documentation).
    pub code: String,
    /// What is wrong and how to fix it, for a comms officer.
    pub message: String,
}

impl Issue {
    /// The issue for a file that could not be read as a poll at all, in `lang`.
    pub fn unreadable(err: &ParseError, lang: MessageLang) -> Issue {
        Issue {
            location: err.location.clone(),
            code: "unreadable".to_owned(),
            message: lang.pick(
                format!("Dit is geen leesbare peiling: {}", err.message),
                format!("This is not a readable poll: {}", err.message),
            ),
        }
    }
}

impl From<&ParseError> for Issue {
    /// The Dutch [`Issue::unreadable`].
    fn from(err: &ParseError) -> Issue {
        Issue::unreadable(err, MessageLang::Nl)
    }
}

/// The readability score of one text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Readability {
    /// The text's language (`nl` or `en`).
    pub lang: String,
    /// Higher is easier; see [`crate::plain_language::readability`].
    pub score: f64,
    /// `flesch_douma` or `flesch_reading_ease`.
    pub formula: String,
}

/// Everything the validator found. Serialises as the `--format json` object of `flits poll validate`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// No errors (hints do not count).
    pub valid: bool,
    pub errors: Vec<Issue>,
    pub hints: Vec<Issue>,
    /// Scores by text location.
    pub readability: BTreeMap<String, Readability>,
    /// See [`crate::estimate`].
    pub estimated_seconds: u32,
}

impl Report {
    /// The report for a file that could not be read (`flits poll validate` exits 2 on it).
    pub fn unreadable(err: &ParseError, lang: MessageLang) -> Report {
        Report {
            valid: false,
            errors: vec![Issue::unreadable(err, lang)],
            hints: Vec::new(),
            readability: BTreeMap::new(),
            estimated_seconds: 0,
        }
    }

    /// The error codes, in order (handy in tests and logs).
    pub fn error_codes(&self) -> Vec<&str> {
        self.errors.iter().map(|i| i.code.as_str()).collect()
    }

    /// The hint codes, in order.
    pub fn hint_codes(&self) -> Vec<&str> {
        self.hints.iter().map(|i| i.code.as_str()).collect()
    }
}

/// Checks `def` with the built-in plain-language checker.
pub fn validate(def: &PollDefinition, opts: &ValidationOptions) -> Report {
    validate_with_checker(def, opts, default_checker())
}

/// Checks `def` with a plain-language checker of your own (e.g. with staff's extra word list).
pub fn validate_with_checker(
    def: &PollDefinition,
    opts: &ValidationOptions,
    checker: &Checker,
) -> Report {
    let mut out = Findings::new(opts.lang);
    let mut readability = BTreeMap::new();

    structure::check_slug(def, &mut out);
    structure::check_questions(def, opts, &mut out);
    texts::check_texts(def, checker, &mut out, &mut readability);
    brief::check_brief(def, opts, &mut out);

    let estimated_seconds = estimate_seconds(def);
    if estimated_seconds > FLASH_POLL_SECONDS {
        out.hint(
            "",
            "estimated_time_too_long",
            format!(
                "Het invullen kost naar schatting {estimated_seconds} seconden; een flitspeiling hoort binnen twee minuten klaar te zijn. Schrap een vraag of maak de teksten korter."
            ),
            format!(
                "Filling in takes an estimated {estimated_seconds} seconds; a flash poll should take under two minutes. Drop a question or shorten the texts."
            ),
        );
    }

    Report {
        valid: out.errors.is_empty(),
        errors: out.errors,
        hints: out.hints,
        readability,
        estimated_seconds,
    }
}

/// Errors and hints as they are found, in the message language.
struct Findings {
    lang: MessageLang,
    errors: Vec<Issue>,
    hints: Vec<Issue>,
}

impl Findings {
    fn new(lang: MessageLang) -> Self {
        Findings {
            lang,
            errors: Vec::new(),
            hints: Vec::new(),
        }
    }

    fn issue(&self, location: impl Into<String>, code: &str, nl: String, en: String) -> Issue {
        Issue {
            location: location.into(),
            code: code.to_owned(),
            message: self.lang.pick(nl, en),
        }
    }

    fn error(&mut self, location: impl Into<String>, code: &str, nl: String, en: String) {
        let issue = self.issue(location, code, nl, en);
        self.errors.push(issue);
    }

    fn hint(&mut self, location: impl Into<String>, code: &str, nl: String, en: String) {
        let issue = self.issue(location, code, nl, en);
        self.hints.push(issue);
    }
}

#[cfg(test)]
mod tests;
