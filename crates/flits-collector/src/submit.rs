//! Recording a response, shared by the form and the JSON API: check that the poll takes answers,
//! check the answers with the survey builder's rules, store them exactly once.

use std::collections::BTreeMap;
use std::net::IpAddr;

use actix_web::HttpRequest;
use chrono::Utc;
use chrono_tz::Europe::Amsterdam;
use flits_i18n::Locale;
use flits_store::{NewResponse, Poll};
use flits_survey::{AnswerError, AnswerInput, validate_answers};
use flits_types::{ChannelId, SubmissionId};

use crate::availability::{Availability, availability};
use crate::fairness::{AddressKey, Limited};
use crate::state::CollectorState;

/// A response as it arrived, from either route.
pub struct Submission {
    pub submission_id: SubmissionId,
    pub channel: Option<ChannelId>,
    /// The language the resident answered in (stored with the response, and the language of the
    /// error messages).
    pub lang: Locale,
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
    /// The address reached the poll's daily cap.
    Limited(Limited),
}

/// The client's network address, by the one rule of [`flits_http::client_addr`] (the peer, or
/// behind trusted proxies the first address their header names that is not one of them). Used
/// only to form the keyed hash of [`crate::fairness`]; never stored or logged.
pub fn client_ip(state: &CollectorState, req: &HttpRequest) -> Option<IpAddr> {
    state.client_addresses.client(req)
}

/// The rate limits for one submit (overall and per hashed address). `Ok(None)` when limits are
/// switched off (`FLITS_RATE_LIMITS=off`); otherwise the address key for the poll's cap.
pub fn check_rates(
    state: &CollectorState,
    req: &HttpRequest,
) -> Result<Option<AddressKey>, Limited> {
    if !state.rate_limits {
        return Ok(None);
    }
    let Some(ip) = client_ip(state, req) else {
        return Ok(None);
    };
    let key = state.fairness.address_key(ip);
    match state.fairness.check_rate(key) {
        Ok(()) => Ok(Some(key)),
        Err(limited) => {
            state
                .metrics
                .limited
                .with_label_values(&[limited.reason.label()])
                .inc();
            state.metrics.submission("limited");
            Err(limited)
        }
    }
}

/// Checks and stores a submission. The store's unique key on (poll, submission id) makes a retry
/// or a double click a `Duplicate`, never a second row; the reply is only sent after the commit.
pub async fn record(
    state: &CollectorState,
    poll: &Poll,
    submission: Submission,
    address: Option<AddressKey>,
) -> Result<Outcome, flits_store::StoreError> {
    let outcome = record_unmetered(state, poll, submission, address).await?;
    state.metrics.submission(match outcome {
        Outcome::Recorded => "recorded",
        Outcome::Duplicate => "duplicate",
        Outcome::Invalid(_) => "invalid",
        Outcome::Limited(_) => "limited",
        Outcome::NotOpenYet | Outcome::Closed | Outcome::Hidden => "not_open",
    });
    Ok(outcome)
}

async fn record_unmetered(
    state: &CollectorState,
    poll: &Poll,
    submission: Submission,
    address: Option<AddressKey>,
) -> Result<Outcome, flits_store::StoreError> {
    match availability(poll, Utc::now()) {
        Availability::Open => {}
        Availability::NotOpenYet { .. } => return Ok(Outcome::NotOpenYet),
        Availability::Closed { .. } => return Ok(Outcome::Closed),
        Availability::Hidden => return Ok(Outcome::Hidden),
    }
    let answers = match validate_answers(&poll.definition, &submission.answers) {
        Ok(valid) => valid,
        Err(errors) => return Ok(Outcome::Invalid(errors)),
    };
    let answers_json = serde_json::to_value(answers.as_map()).unwrap_or_default();
    if let Some(key) = address
        && let Err(limited) = state.fairness.reserve(poll.id, key)
    {
        // A retry of a response that is already stored is still just a duplicate.
        if state
            .store
            .response_exists(poll.id, &submission.submission_id)
            .await?
        {
            state.metrics.duplicates.inc();
            return Ok(Outcome::Duplicate);
        }
        state
            .metrics
            .limited
            .with_label_values(&[limited.reason.label()])
            .inc();
        return Ok(Outcome::Limited(limited));
    }
    let inserted = state
        .store_response(NewResponse {
            poll_id: poll.id,
            submission_id: submission.submission_id,
            channel: submission.channel,
            lang: submission.lang.code().to_owned(),
            answers: answers_json,
            // The date in Amsterdam, and nothing finer: the time of day could single someone out.
            submitted_on: Utc::now().with_timezone(&Amsterdam).date_naive(),
        })
        .await;
    if !matches!(inserted, Ok(true))
        && let Some(key) = address
    {
        // Nothing new was stored: the place under the cap is given back.
        state.fairness.release(poll.id, key);
    }
    Ok(if inserted? {
        state.metrics.recorded.inc();
        Outcome::Recorded
    } else {
        state.metrics.duplicates.inc();
        Outcome::Duplicate
    })
}
