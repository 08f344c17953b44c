//! Whether a poll definition may be saved or scheduled, and how it could be plainer.
//!
//! [`validate`] checks a parsed [`PollDefinition`] against every rule at once and returns a
//! [`Report`] with *all* errors (which block saving or scheduling) and hints (which never do), each
//! with a location such as `questions[2].options[1].id`, a stable code and the [`Args`] a message
//! about it needs. This crate writes no sentences: the web and command-line layers word each issue
//! from the message catalogue (`survey-{code}` in `locales/{nl,en}/survey.ftl`) in the reader's
//! language, and serialise the worded report as the `--format json` output of `flits poll validate`
//! (README.md, "Commands") and the `details.errors` of the staff API (docs/api.md, "Poll
//! definitions").
//! [`validate_reading`] does the same for a definition read leniently ([`crate::read`]), its reading
//! problems first.
//!
//! Locations of texts follow [`crate::resident_texts`]: `questions[0].text.nl` for a text written as a
//! map, `questions[0].text` for a plain (Dutch) string, and `{field}.{lang}` for a missing
//! translation. A problem with the whole poll (its length) has the empty location.
//!
//! Rules, their codes (stable; clients may switch on them) and their arguments:
//!
//! | code | rule | args |
//! |---|---|---|
//! | `slug_length`, `slug_characters` | slug is 3..=64 characters of `[a-z0-9-]` | `length`, `min`, `max`; `characters` |
//! | `slug_taken` | the slug is unique (reported by whoever knows the stored polls, see [`Issue::slug_taken`]) | |
//! | `id_empty`, `id_characters`, `id_too_long`, `id_duplicate` | question and option ids are 1..=64 characters of `[a-z0-9_-]`, unique among the questions / among a question's options | `what`; `id`, `characters`; `length`, `max`; `id`, `what` |
//! | `no_questions`, `only_profile_questions`, `too_many_questions` | at least one question, 1..=`max_questions` of them not profile questions | ; ; `count`, `max`, `over` |
//! | `too_few_options`, `too_many_options`, `options_not_allowed` | choice questions have 2..=10 options; other kinds none | `kind`, `count`, `min` / `max`; `kind` |
//! | `max_choices_not_allowed`, `max_choices_out_of_range` | `max_choices` only on multi choice, 1..=number of options | `kind`; `value`, `options` |
//! | `scale_bound_missing`, `scale_bounds_reversed`, `scale_too_many_steps`, `scale_bounds_not_allowed`, `labels_not_allowed` | a scale has `min` < `max` with at most 11 steps (0–10); only scales have `min`, `max`, `labels` | `field`; `min`, `max`; `min`, `max`, `steps`, `limit`; `field`, `kind`; `kind` |
//! | `max_length_not_allowed`, `max_length_out_of_range` | `max_length` only on open text, 1..=2000 (absent means [`crate::answers::DEFAULT_MAX_LENGTH`]) | `kind`; `value`, `limit` |
//! | `text_empty`, `text_no_languages`, `text_too_long` | no empty texts; lengths in characters per [`TextRole::max_chars`] (title 120, intro 500, question 300, option 120, help 300, scale label 60, feedback promise 500) | `role`; `role`; `role`, `length`, `max`, `over` |
//! | `text_characters` | no control characters (C0, DEL, C1; line breaks only where [`TextRole::may_have_lines`]) and no bidi embeddings or overrides (U+202A–U+202E) inside a text; bidi isolates (U+2066–U+2069) are fine | `role`, `characters` |
//! | `languages_empty`, `language_duplicate`, `dutch_missing` | `languages`, when given, lists each offered language once; a poll is offered in Dutch (at `title.nl` when the title sets the languages, at `languages` otherwise) | ; `language`; `field` (`title` or `languages`) |
//! | `language_code_invalid`, `language_unsupported` | a text's languages are written as codes Flits has texts for: `nl`, `en`, `tr`, `pl`, `ar` (two lowercase letters otherwise is `language_unsupported`, anything else `language_code_invalid`) | `language` |
//! | `translation_missing`, `translation_unexpected` | every resident-facing text exists in each offered language ([`PollDefinition::offered_languages`]), and in no other | `language` |
//! | `brief_missing`, `brief_purpose_missing`, `brief_audiences_missing`, `brief_feedback_promise_missing` | with `require_brief` (scheduling): a brief with a purpose, at least one audience and a feedback promise; otherwise each missing part is the hint `brief_incomplete` | |
//! | `audience_unknown`, `audience_duplicate` | audiences exist (when `known_audiences` is given) and are listed once | `audience`, `known` (the first ten, comma-separated), `known_count`; `audience` |
//! | `unreadable` | the file is JSON or YAML at all (see [`Issue::unreadable`]) | `format`, `line`, `column` (0: unknown) |
//!
//! Reading problems (`field_unknown`, `field_missing`, `field_type`, `kind_unknown`,
//! `language_unsupported` at `languages[i]`) are listed in [`crate::read`].
//!
//! Hints: `long_sentence`, `long_word`, `passive_voice`, `officialese` from the
//! [plain-language checker](crate::plain_language) on every Dutch resident-facing text (args: see
//! [`LanguageHint::args`]), and the same from the plain-English list and limits on every English
//! text ([`crate::plain_language::english_checker`]); `hard_to_read` (`score`, `min`) on an English
//! text long enough to score that scores below [`crate::plain_language::ENGLISH_MIN_READING_EASE`]
//! on Flesch reading ease; `not_a_question` on a question text in Dutch or English that neither
//! ends with a question mark nor begins with an imperative; `brief_incomplete` (`part`: `brief`, `purpose`, `audiences` or
//! `feedback_promise`); `estimated_time_too_long` (`seconds`, `limit`) when the
//! [estimate](crate::estimate) exceeds two minutes.
//!
//! Some arguments hold a code the layer above names in the reader's language rather than a value to
//! show as it is: `kind` (a [`QuestionKind::code`]), `role` (a [`TextRole::code`]), `what`
//! (`question` or `option`), `part` (see above), `expected` (see [`crate::read`]), `language` (a
//! language code) and `characters` (the offending characters themselves, each once, at most ten).
//!
//! Readability: every Dutch or English text of at least [`READABILITY_MIN_WORDS`] words or
//! [`READABILITY_MIN_SENTENCES`] sentences gets a score under its location (shorter texts such as
//! option labels give meaningless scores).

mod brief;
mod languages;
mod structure;
mod texts;

pub(crate) use structure::id_char;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::args::Args;
use crate::definition::PollDefinition;
use crate::estimate::{FLASH_POLL_SECONDS, estimate_seconds};
use crate::parse::SyntaxError;
use crate::plain_language::{Checker, default_checker};
use crate::read::Reading;
#[cfg(doc)]
use crate::{definition::QuestionKind, plain_language::LanguageHint, resident_texts::TextRole};

/// The default limit of non-profile questions of a flash poll (docs/api.md, "Poll definitions").
pub const DEFAULT_MAX_QUESTIONS: usize = 5;
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

/// Every error code an [`Issue`] can carry: the validator's, the reader's and [`Issue::unreadable`].
pub const ERROR_CODES: &[&str] = &[
    "field_unknown",
    "field_missing",
    "field_type",
    "kind_unknown",
    "slug_length",
    "slug_characters",
    "slug_taken",
    "id_empty",
    "id_characters",
    "id_too_long",
    "id_duplicate",
    "no_questions",
    "only_profile_questions",
    "too_many_questions",
    "too_few_options",
    "too_many_options",
    "options_not_allowed",
    "max_choices_not_allowed",
    "max_choices_out_of_range",
    "scale_bound_missing",
    "scale_bounds_reversed",
    "scale_too_many_steps",
    "scale_bounds_not_allowed",
    "labels_not_allowed",
    "max_length_not_allowed",
    "max_length_out_of_range",
    "text_empty",
    "text_no_languages",
    "text_too_long",
    "text_characters",
    "languages_empty",
    "language_duplicate",
    "dutch_missing",
    "language_code_invalid",
    "language_unsupported",
    "translation_missing",
    "translation_unexpected",
    "brief_missing",
    "brief_purpose_missing",
    "brief_audiences_missing",
    "brief_feedback_promise_missing",
    "audience_unknown",
    "audience_duplicate",
    "unreadable",
];

/// Every hint code.
pub const HINT_CODES: &[&str] = &[
    "long_sentence",
    "long_word",
    "passive_voice",
    "officialese",
    "hard_to_read",
    "not_a_question",
    "brief_incomplete",
    "estimated_time_too_long",
];

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
}

impl Default for ValidationOptions {
    fn default() -> Self {
        ValidationOptions {
            max_questions: DEFAULT_MAX_QUESTIONS,
            known_audiences: None,
            require_brief: false,
        }
    }
}

/// One error or hint, located in the definition: what a message needs, not the message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issue {
    /// A path like `questions[2].options[1].id` or `questions[0].text.nl`; empty for the whole poll.
    pub location: String,
    /// A stable snake_case code (see the module documentation).
    pub code: String,
    /// The values the code's message shows (see the module documentation).
    pub args: Args,
}

impl Issue {
    /// An issue at `location`.
    pub fn new(location: impl Into<String>, code: &str, args: Args) -> Issue {
        Issue {
            location: location.into(),
            code: code.to_owned(),
            args,
        }
    }

    /// The issue for a file that is not JSON or YAML at all.
    pub fn unreadable(err: &SyntaxError) -> Issue {
        Issue::new(
            "",
            "unreadable",
            Args::new()
                .with("format", err.format.name())
                .with("line", err.line)
                .with("column", err.column),
        )
    }

    /// The issue for a slug another poll already has. Only the store knows the slugs in use, so
    /// the layer that asks it reports this, at `slug`.
    pub fn slug_taken() -> Issue {
        Issue::new("slug", "slug_taken", Args::new())
    }

    /// The issue for a field at `location` that should hold a date (`YYYY-MM-DD`) but does not,
    /// for readers of forms, whose fields are text until parsed.
    pub fn not_a_date(location: &str) -> Issue {
        Issue::new(location, "field_type", Args::new().with("expected", "date"))
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
    /// The report for a file that is not JSON or YAML at all (`flits poll validate` exits 2 on it).
    pub fn unreadable(err: &SyntaxError) -> Report {
        Report {
            valid: false,
            errors: vec![Issue::unreadable(err)],
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
    check(def, opts, checker, &BTreeSet::new())
}

/// Checks a definition read leniently: its reading problems first, then every rule the readable
/// part breaks, leaving out what a reading problem already explains (an issue at or inside the
/// location of a reading problem, and the rules of a kind that could not be read).
pub fn validate_reading(reading: &Reading, opts: &ValidationOptions) -> Report {
    validate_reading_with_checker(reading, opts, default_checker())
}

/// [`validate_reading`] with a plain-language checker of your own.
pub fn validate_reading_with_checker(
    reading: &Reading,
    opts: &ValidationOptions,
    checker: &Checker,
) -> Report {
    let mut report = check(&reading.definition, opts, checker, &reading.unknown_kinds);
    let explained = |issue: &Issue| {
        reading
            .problems
            .iter()
            .any(|p| is_within(&issue.location, &p.location))
    };
    report.errors.retain(|i| !explained(i));
    report.hints.retain(|i| !explained(i));
    let mut errors = reading.problems.clone();
    errors.append(&mut report.errors);
    report.errors = errors;
    report.valid = report.errors.is_empty();
    report
}

/// Whether `location` is `outer` or lies inside it (`questions[1].id` is inside `questions[1]`).
fn is_within(location: &str, outer: &str) -> bool {
    outer.is_empty()
        || location == outer
        || location
            .strip_prefix(outer)
            .is_some_and(|rest| rest.starts_with(['.', '[']))
}

fn check(
    def: &PollDefinition,
    opts: &ValidationOptions,
    checker: &Checker,
    unknown_kinds: &BTreeSet<usize>,
) -> Report {
    let mut out = Findings::default();
    let mut readability = BTreeMap::new();

    structure::check_slug(def, &mut out);
    structure::check_questions(def, opts, unknown_kinds, &mut out);
    languages::check_languages(def, &mut out);
    texts::check_texts(def, checker, &mut out, &mut readability);
    brief::check_brief(def, opts, &mut out);

    let estimated_seconds = estimate_seconds(def);
    if estimated_seconds > FLASH_POLL_SECONDS {
        out.hint(
            "",
            "estimated_time_too_long",
            Args::new()
                .with("seconds", estimated_seconds)
                .with("limit", FLASH_POLL_SECONDS),
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

/// Errors and hints as they are found.
#[derive(Default)]
struct Findings {
    errors: Vec<Issue>,
    hints: Vec<Issue>,
}

impl Findings {
    fn error(&mut self, location: impl Into<String>, code: &str, args: Args) {
        self.errors.push(Issue::new(location, code, args));
    }

    fn hint(&mut self, location: impl Into<String>, code: &str, args: Args) {
        self.hints.push(Issue::new(location, code, args));
    }
}

#[cfg(test)]
mod tests;
