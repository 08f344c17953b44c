//! What publishing results checks and changes, the same for the staff API and the staff pages:
//! the "you said, we did" text must exist in the poll's first language, quotes must be answers to
//! one of its open questions (at most [`MAX_QUOTES`], each at most [`MAX_QUOTE`] characters) and
//! are scrubbed of personal data whatever was sent, and the Dutch text gets the builder's
//! plain-language (B1) hints as advice.

use flits_http::survey_texts::{RenderedIssue, render_issues};
use flits_i18n::Locale;
use flits_store::{Poll, Quote};
use flits_survey::{Args, Issue, QuestionKind, Text};

/// The longest quote shown: a sentence or two, not a whole answer.
pub const MAX_QUOTE: usize = 500;
/// The most quotes on a results page.
pub const MAX_QUOTES: usize = 10;

/// What is wrong with a publish request, as issues with a location (like a poll definition's).
pub fn check(poll: &Poll, summary: &Text, quotes: &[(String, String)]) -> Vec<Issue> {
    let mut issues = Vec::new();
    let first = poll
        .definition
        .offered_languages()
        .first()
        .copied()
        .unwrap_or_default();
    if summary.get(first.code()).trim().is_empty() {
        issues.push(Issue::new(
            format!("summary.{}", first.code()),
            "summary_empty",
            Args::new(),
        ));
    }
    if quotes.len() > MAX_QUOTES {
        issues.push(Issue::new(
            "quotes",
            "too_many_quotes",
            Args::new()
                .with("max", MAX_QUOTES)
                .with("count", quotes.len()),
        ));
    }
    for (i, (question_id, text)) in quotes.iter().enumerate() {
        let open = poll
            .definition
            .question(question_id)
            .is_some_and(|q| q.kind == QuestionKind::OpenText);
        if !open {
            issues.push(Issue::new(
                format!("quotes[{i}].question_id"),
                "quote_not_open_question",
                Args::new().with("question", question_id.as_str()),
            ));
        }
        let length = text.trim().chars().count();
        if length == 0 || length > MAX_QUOTE {
            issues.push(Issue::new(
                format!("quotes[{i}].text"),
                "quote_length",
                Args::new().with("max", MAX_QUOTE).with("length", length),
            ));
        }
    }
    issues
}

/// The plain-language hints on the Dutch text.
pub fn hints(summary: &Text, locale: Locale) -> Vec<RenderedIssue> {
    let dutch = summary.get("nl");
    let issues: Vec<Issue> = flits_survey::plain_language::check(dutch)
        .into_iter()
        .map(|h| Issue::new("summary.nl", h.code(), h.args()))
        .collect();
    render_issues(&issues, locale)
}

/// The quotes as they are stored and shown: trimmed and scrubbed.
pub fn scrubbed_quotes(picked: &[(String, String)]) -> Vec<Quote> {
    picked
        .iter()
        .map(|(question_id, text)| Quote {
            question_id: question_id.clone(),
            text: flits_results::scrub(text.trim()).text.into_owned(),
        })
        .collect()
}
