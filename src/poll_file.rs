//! `flits poll validate` and `flits poll import`: reading a definition file and reporting on it.

use std::path::Path;

use flits_survey::{DefinitionFormat, MessageLang, PollDefinition, Report, ValidationOptions};

/// Why a file could not be checked at all (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum Unreadable {
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} is not valid {format}: {message}")]
    Syntax {
        path: String,
        format: &'static str,
        message: String,
    },
}

/// A definition file read as far as it goes: either a definition, or the report of why its shape is
/// not a poll (with the location of the problem).
pub enum Loaded {
    Definition(PollDefinition),
    Invalid(Report),
}

/// Reads `path` as JSON (`.json`) or YAML (anything else).
pub fn load(path: &Path, lang: MessageLang) -> Result<Loaded, Unreadable> {
    let display = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| Unreadable::Io {
        path: display.clone(),
        source,
    })?;
    let format = DefinitionFormat::from_path(path);
    // Syntax first: a file that is not JSON/YAML at all is unreadable, not an invalid poll.
    let value: serde_json::Value = match format {
        DefinitionFormat::Json => serde_json::from_str(&text).map_err(|e| Unreadable::Syntax {
            path: display.clone(),
            format: "JSON",
            message: e.to_string(),
        })?,
        DefinitionFormat::Yaml => {
            serde_norway::from_str(&text).map_err(|e| Unreadable::Syntax {
                path: display.clone(),
                format: "YAML",
                message: e.to_string(),
            })?
        }
    };
    Ok(match PollDefinition::from_json_value(value) {
        Ok(def) => Loaded::Definition(def),
        Err(e) => Loaded::Invalid(Report::unreadable(&e, lang)),
    })
}

/// Checks a file; the report, whatever the outcome.
pub fn check(
    path: &Path,
    opts: &ValidationOptions,
) -> Result<(Option<PollDefinition>, Report), Unreadable> {
    Ok(match load(path, opts.lang)? {
        Loaded::Definition(def) => {
            let report = flits_survey::validate(&def, opts);
            (Some(def), report)
        }
        Loaded::Invalid(report) => (None, report),
    })
}

/// The report as lines for people: each error and hint with its location, then a summary.
pub fn render_text(report: &Report, lang: MessageLang) -> String {
    let mut out = String::new();
    let (error_word, hint_word) = match lang {
        MessageLang::Nl => ("fout", "tip"),
        MessageLang::En => ("error", "hint"),
    };
    for (word, issues) in [(error_word, &report.errors), (hint_word, &report.hints)] {
        for issue in issues {
            let location = if issue.location.is_empty() {
                "(poll)"
            } else {
                &issue.location
            };
            out.push_str(&format!(
                "{location}: {word} [{}] {}\n",
                issue.code, issue.message
            ));
        }
    }
    for (location, r) in &report.readability {
        out.push_str(&format!(
            "{location}: {} {:.0} ({})\n",
            r.formula, r.score, r.lang
        ));
    }
    let verdict = match (lang, report.valid) {
        (MessageLang::Nl, true) => "geldig",
        (MessageLang::Nl, false) => "ongeldig",
        (MessageLang::En, true) => "valid",
        (MessageLang::En, false) => "invalid",
    };
    out.push_str(&match lang {
        MessageLang::Nl => format!(
            "{verdict}: {} fout(en), {} tip(s), geschatte tijd {} seconden\n",
            report.errors.len(),
            report.hints.len(),
            report.estimated_seconds
        ),
        MessageLang::En => format!(
            "{verdict}: {} error(s), {} hint(s), estimated time {} seconds\n",
            report.errors.len(),
            report.hints.len(),
            report.estimated_seconds
        ),
    });
    out
}
