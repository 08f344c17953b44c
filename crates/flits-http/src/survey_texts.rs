//! Survey problems in words: validation issues, plain-language hints and answer errors from
//! `flits_survey` (codes with arguments) turned into text in the reader's language.
//!
//! The domain crate never writes sentences; every layer that shows its findings (the command line,
//! the staff API, the builder, the collector) words them here, from the message catalogue:
//! - a validation issue or hint with code `c` is the message `survey-c` (`_` written as `-`) of
//!   `locales/{nl,en}/survey.ftl`, for staff, so in Dutch or English (any other language is shown in
//!   Dutch);
//! - an answer error with code `c` is `answer-c` of `locales/*/resident-answers.ftl`, for residents,
//!   in any of the five resident languages.
//!
//! Some arguments of an issue are codes that read as words only in a language: for each of them the
//! message gets one more argument with the words, looked up in `survey.ftl`:
//!
//! | argument | added | from |
//! |---|---|---|
//! | `kind` | `kind_name` | `survey-kind-{kind}` |
//! | `role` | `role_name` | `survey-role-{role}` |
//! | `what` | `what_name` | `survey-what-{what}` |
//! | `part` | `part_text` | `survey-brief-part-{part}` |
//! | `expected` | `expected_text` | `survey-expected-{expected}` |
//! | `language` | `language_name` | `survey-language-{language}`, or the code in quotes when Flits has no name for it |
//! | `characters` | `characters_list` | each character quoted, a space named (`survey-character-space`), other invisible ones and those that set the writing direction as `U+0009`, `U+202E` |
//!
//! [`RenderedReport`] is the worded [`Report`]: the `--format json` object of `flits poll validate`
//! (README.md, "Commands"), whose `errors` are also the staff API's `details.errors` (docs/api.md,
//! "Poll definitions").

use std::collections::BTreeMap;

use flits_i18n::{Arg, FormatError, Locale, catalogue};
use flits_survey::{AnswerError, ArgValue, Args, Issue, Readability, Report};
use serde::Serialize;

/// One issue in words: `{"location", "code", "message"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RenderedIssue {
    /// As in [`Issue::location`].
    pub location: String,
    /// As in [`Issue::code`].
    pub code: String,
    /// The issue in the reader's language.
    pub message: String,
}

/// A validation report in words, serialised exactly as README.md ("Commands") shows it:
/// `{"valid", "errors", "hints", "readability", "estimated_seconds"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RenderedReport {
    pub valid: bool,
    pub errors: Vec<RenderedIssue>,
    pub hints: Vec<RenderedIssue>,
    pub readability: BTreeMap<String, Readability>,
    pub estimated_seconds: u32,
}

impl RenderedReport {
    /// `report` in `locale` (staff languages; see the module documentation).
    pub fn new(report: &Report, locale: Locale) -> RenderedReport {
        RenderedReport {
            valid: report.valid,
            errors: render_issues(&report.errors, locale),
            hints: render_issues(&report.hints, locale),
            readability: report.readability.clone(),
            estimated_seconds: report.estimated_seconds,
        }
    }
}

/// One answer error in words: `{"question_id", "code", "message"}`, as the JSON submit's
/// `details.errors` (docs/api.md, "Public API").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RenderedAnswerError {
    pub question_id: String,
    pub code: String,
    pub message: String,
}

/// Issues in words, in order.
pub fn render_issues(issues: &[Issue], locale: Locale) -> Vec<RenderedIssue> {
    issues
        .iter()
        .map(|issue| RenderedIssue {
            location: issue.location.clone(),
            code: issue.code.clone(),
            message: issue_message(issue, locale),
        })
        .collect()
}

/// Answer errors in words, in order.
pub fn render_answer_errors(errors: &[AnswerError], locale: Locale) -> Vec<RenderedAnswerError> {
    errors
        .iter()
        .map(|e| RenderedAnswerError {
            question_id: e.question_id.clone(),
            code: e.code.clone(),
            message: answer_message(e, locale),
        })
        .collect()
}

/// The most answer errors one reply lists. A body of unknown question ids could otherwise make a
/// reply of thousands of messages, each worded from the catalogue: cheap to send, dear to answer.
pub const MAX_LISTED_ANSWER_ERRORS: usize = 20;

/// The `details` of a `400 invalid_answers`: `{"errors": [...], "more": N}`, the first
/// [`MAX_LISTED_ANSWER_ERRORS`] errors in words and how many more there are (docs/api.md,
/// "Public API").
pub fn answer_error_details(errors: &[AnswerError], locale: Locale) -> serde_json::Value {
    let shown = &errors[..errors.len().min(MAX_LISTED_ANSWER_ERRORS)];
    serde_json::json!({
        "errors": render_answer_errors(shown, locale),
        "more": errors.len() - shown.len(),
    })
}

/// The catalogue's id for `code` under `prefix`: `survey-slug-length` for `slug_length`.
pub fn message_id(prefix: &str, code: &str) -> String {
    format!("{prefix}-{}", code.replace('_', "-"))
}

/// The language staff texts are shown in: `locale` when staff texts exist in it, Dutch otherwise.
fn staff_locale(locale: Locale) -> Locale {
    if locale.is_staff() {
        locale
    } else {
        Locale::Nl
    }
}

/// An issue or hint in words. A message missing from the catalogue is logged and shown by its id
/// (the catalogue test in this module makes sure that does not happen).
pub fn issue_message(issue: &Issue, locale: Locale) -> String {
    try_issue_message(issue, locale).unwrap_or_else(|err| {
        tracing::error!(%err, "message catalogue");
        catalogue().format(
            staff_locale(locale),
            &message_id("survey", &issue.code),
            &fluent_args(&issue.args),
        )
    })
}

/// An issue or hint in words, or why the catalogue cannot word it (missing message or argument).
pub fn try_issue_message(issue: &Issue, locale: Locale) -> Result<String, FormatError> {
    let locale = staff_locale(locale);
    let mut args = fluent_args(&issue.args);
    for (name, value) in issue.args.iter() {
        if let Some(extra) = named(name, value, locale)? {
            args.push(extra);
        }
    }
    catalogue().try_format(locale, &message_id("survey", &issue.code), &args)
}

/// An answer error in words, for the resident.
pub fn answer_message(error: &AnswerError, locale: Locale) -> String {
    catalogue().format(
        locale,
        &message_id("answer", &error.code),
        &fluent_args(&error.args),
    )
}

/// An answer error in words, or why the catalogue cannot word it.
pub fn try_answer_message(error: &AnswerError, locale: Locale) -> Result<String, FormatError> {
    catalogue().try_format(
        locale,
        &message_id("answer", &error.code),
        &fluent_args(&error.args),
    )
}

fn fluent_args(args: &Args) -> Vec<(&str, Arg)> {
    args.iter()
        .map(|(name, value)| {
            let arg = match value {
                // Fluent numbers are floats; the values here are counts and bounds.
                ArgValue::Number(n) => Arg::Number(*n as f64),
                ArgValue::Text(s) => Arg::Text(s.clone()),
            };
            (name, arg)
        })
        .collect()
}

/// The words for an argument that holds a code (see the module documentation), if it is one.
fn named(
    name: &str,
    value: &ArgValue,
    locale: Locale,
) -> Result<Option<(&'static str, Arg)>, FormatError> {
    let ArgValue::Text(code) = value else {
        return Ok(None);
    };
    let lookup = |added: &'static str, prefix: &str| -> Result<_, FormatError> {
        let words = catalogue().try_format(locale, &message_id(prefix, code), &[])?;
        Ok(Some((added, Arg::Text(words))))
    };
    match name {
        "kind" => lookup("kind_name", "survey-kind"),
        "role" => lookup("role_name", "survey-role"),
        "what" => lookup("what_name", "survey-what"),
        "part" => lookup("part_text", "survey-brief-part"),
        "expected" => lookup("expected_text", "survey-expected"),
        "language" => {
            let id = message_id("survey-language", code);
            if Locale::RESIDENT.iter().any(|l| l.code() == code) && catalogue().has(locale, &id) {
                lookup("language_name", "survey-language")
            } else {
                Ok(Some(("language_name", Arg::Text(format!("\"{code}\"")))))
            }
        }
        "characters" => {
            let space = catalogue().try_format(locale, "survey-character-space", &[])?;
            let shown: Vec<String> = code
                .chars()
                .map(|c| match c {
                    ' ' => space.clone(),
                    c if c.is_whitespace() || c.is_control() || is_direction_mark(c) => {
                        format!("U+{:04X}", u32::from(c))
                    }
                    c => format!("\"{c}\""),
                })
                .collect();
            Ok(Some(("characters_list", Arg::Text(shown.join(", ")))))
        }
        _ => Ok(None),
    }
}

/// Whether `c` sets the writing direction (marks, embeddings, overrides, isolates): shown by its
/// code, because shown as itself it would turn the message around it.
fn is_direction_mark(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}')
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

#[cfg(test)]
mod tests;
