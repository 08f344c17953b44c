//! Recording a response, shared by the form and the JSON API: check that the poll takes answers,
//! check the answers with the survey builder's rules, store them exactly once.

use std::collections::BTreeMap;

use chrono::Utc;
use chrono_tz::Europe::Amsterdam;
use flits_store::{NewResponse, Poll};
use flits_survey::{AnswerError, AnswerInput, MessageLang, validate_answers};

use crate::availability::{Availability, availability};
use crate::state::CollectorState;

/// A response as it arrived, from either route.
pub struct Submission {
    pub submission_id: String,
    pub channel: Option<String>,
    pub lang: MessageLang,
    pub answers: BTreeMap<String, AnswerInput>,
}

/// What became of a submission.
pub enum Outcome {
    Recorded,
    Duplicate,
    NotOpenYet,
    Closed,
    Hidden,
    Invalid(Vec<AnswerError>),
}

/// Whether a client-chosen submission id is acceptable: 1–64 letters, digits, `-` or `_`.
pub fn valid_submission_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Checks and stores a submission. The store's unique key on (poll, submission id) makes a retry
/// or a double click a `Duplicate`, never a second row; the reply is only sent after the commit.
pub async fn record(
    state: &CollectorState,
    poll: &Poll,
    submission: Submission,
) -> Result<Outcome, flits_store::StoreError> {
    match availability(poll, Utc::now()) {
        Availability::Open => {}
        Availability::NotOpenYet { .. } => return Ok(Outcome::NotOpenYet),
        Availability::Closed { .. } => return Ok(Outcome::Closed),
        Availability::Hidden => return Ok(Outcome::Hidden),
    }
    let answers = match validate_answers(&poll.definition, &submission.answers, submission.lang) {
        Ok(valid) => valid,
        Err(errors) => return Ok(Outcome::Invalid(errors)),
    };
    let answers_json = serde_json::to_value(answers.as_map()).unwrap_or_default();
    let inserted = state
        .store
        .insert_response(NewResponse {
            poll_id: poll.id,
            submission_id: submission.submission_id,
            channel: submission.channel,
            lang: submission.lang.as_str().to_owned(),
            answers: answers_json,
            // The date in Amsterdam, and nothing finer: the time of day could single someone out.
            submitted_on: Utc::now().with_timezone(&Amsterdam).date_naive(),
        })
        .await?;
    Ok(if inserted {
        Outcome::Recorded
    } else {
        Outcome::Duplicate
    })
}
