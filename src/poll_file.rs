//! `flits poll validate` and `flits poll import`: reading a definition file and reporting on it.
//!
//! A file is read in two steps: its syntax (not JSON or YAML at all: unreadable, exit 2), then
//! leniently as a poll, so that the report lists every problem with its location, unknown question
//! kinds and unknown fields included (exit 1). The words come from the catalogue
//! (`locales/*/survey.ftl`) through `flits_http::survey_texts`.

use std::path::Path;

use flits_http::survey_texts::issue_message;
use flits_i18n::{Locale, t};
use flits_survey::{
    DefinitionFormat, PollDefinition, Report, SyntaxError, ValidationOptions, parse_document,
    read_value, validate_reading,
};

/// Why a file could not be checked at all (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum Unreadable {
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} is not valid {}", error.format.name())]
    Syntax { path: String, error: SyntaxError },
}

impl Unreadable {
    /// The problem in `locale`, for the command's last line.
    pub fn message(&self, locale: Locale) -> String {
        match self {
            Unreadable::Io { path, source } => t!(
                locale,
                "survey-report-file-unreadable",
                file = path.as_str(),
                reason = source.to_string()
            ),
            Unreadable::Syntax { path, error } => t!(
                locale,
                "survey-report-not-a-poll",
                file = path.as_str(),
                format = error.format.name()
            ),
        }
    }

    /// The report to print for it: the syntax error with its line, or nothing for a file that
    /// could not be opened.
    pub fn report(&self) -> Option<Report> {
        match self {
            Unreadable::Io { .. } => None,
            Unreadable::Syntax { error, .. } => Some(Report::unreadable(error)),
        }
    }
}

/// Checks a file: the definition (only when it was read without a problem) and the report of
/// every problem, reading problems first.
pub fn check(
    path: &Path,
    opts: &ValidationOptions,
) -> Result<(Option<PollDefinition>, Report), Unreadable> {
    let display = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| Unreadable::Io {
        path: display.clone(),
        source,
    })?;
    let format = DefinitionFormat::from_path(path);
    let value = parse_document(&text, format).map_err(|error| Unreadable::Syntax {
        path: display,
        error,
    })?;
    let reading = read_value(value);
    let report = validate_reading(&reading, opts);
    Ok((reading.into_definition().ok(), report))
}

/// The report as lines for people: each error and hint with its location, the readability scores,
/// then a summary.
pub fn render_text(report: &Report, locale: Locale) -> String {
    let mut out = String::new();
    let error_word = t!(locale, "survey-report-error");
    let hint_word = t!(locale, "survey-report-hint");
    let whole_poll = t!(locale, "survey-report-whole-poll");
    for (word, issues) in [(&error_word, &report.errors), (&hint_word, &report.hints)] {
        for issue in issues {
            let location = if issue.location.is_empty() {
                &whole_poll
            } else {
                &issue.location
            };
            out.push_str(&format!(
                "{location}: {word} [{}] {}\n",
                issue.code,
                issue_message(issue, locale)
            ));
        }
    }
    for (location, r) in &report.readability {
        out.push_str(&format!(
            "{location}: {} {:.0} ({})\n",
            r.formula, r.score, r.lang
        ));
    }
    out.push_str(&t!(
        locale,
        "survey-report-summary",
        valid = if report.valid { "yes" } else { "no" },
        errors = report.errors.len(),
        hints = report.hints.len(),
        seconds = report.estimated_seconds
    ));
    out.push('\n');
    out
}
