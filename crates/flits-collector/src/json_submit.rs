//! `POST /api/v1/polls/{slug}/responses`: the JSON submit (docs/api.md, "Public API").

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use flits_http::ApiError;
use flits_http::survey_texts::answer_error_details;
use flits_i18n::{Locale, t};
use flits_survey::AnswerInput;
use flits_types::SubmissionId;
use serde::Deserialize;
use serde_json::json;

use crate::channel::recorded as recorded_channel;
use crate::cross_site;
use crate::fairness::Limited;
use crate::openapi::{ErrorBody, SubmitStatus};
use crate::state::CollectorState;
use crate::submit::{Outcome, Submission, check_rates, record};

/// The largest JSON body accepted: five questions with long open answers fit many times over.
pub const MAX_JSON_BODY: usize = 64 * 1024;

/// The JSON body of a submit.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct SubmitBody {
    /// Chosen by the client (e.g. a UUID) so that a retry is safe: 1–64 letters, digits, `-`, `_`.
    // Read as text and parsed into a `SubmissionId` by the handler, so a bad one is answered with
    // the contract's `400 invalid_submission_id` (a serde failure would be `invalid_json`).
    #[schema(example = "3f0c2a4e-5d1b-4c8e-9a57-1b2c3d4e5f60")]
    pub submission_id: String,
    /// The channel the resident came from (`?c=` of the link), e.g. `mastodon-velsen`. Recorded
    /// as sent when it is one of the poll's channels or a built-in one (`poster`, `qr`, `email`,
    /// `website`, `share`), as `other` when it is any other channel id, and not at all when it is
    /// not a channel id (`[a-z0-9_-]`, 1 to 64 characters, the rule scheduling uses), as the
    /// link's `?c=` is.
    #[serde(default)]
    pub channel: Option<String>,
    /// The resident's language (`nl`, `en`, `tr`, `pl` or `ar`): stored with the response and
    /// used for error messages.
    #[serde(default)]
    pub lang: Option<String>,
    /// Per question id: an option id (single choice), a list of option ids (multi choice), a
    /// number (scale) or a text (open text).
    #[schema(value_type = Object, example = json!({"q1": "rek", "q2": ["bus", "fiets"], "q3": 4, "q4": "Meer licht bij het station"}))]
    pub answers: BTreeMap<String, AnswerInput>,
}

/// `429 rate_limited` with `Retry-After`.
pub fn rate_limited_error(locale: Locale, limited: Limited) -> ApiError {
    ApiError::new(
        StatusCode::TOO_MANY_REQUESTS,
        "rate_limited",
        t!(locale, "api-rate-limited", seconds = limited.retry_after),
    )
    .with_details(json!({"reason": limited.reason.label(), "retry_after": limited.retry_after}))
    .with_header("Retry-After", limited.retry_after.to_string())
}

/// The language of a reply: the body's `lang`, else `Accept-Language`, among every language
/// residents can be served in.
fn lang_of(req: &HttpRequest, body_lang: Option<&str>) -> Locale {
    let accept = req
        .headers()
        .get("accept-language")
        .and_then(|v| v.to_str().ok());
    flits_i18n::negotiate(&Locale::RESIDENT, body_lang, None, accept)
}

/// The JSON configuration for the submit route: errors in the body's language are not possible
/// (the body did not parse), so they follow `Accept-Language`.
pub fn json_config() -> web::JsonConfig {
    flits_http::json_body::config(MAX_JSON_BODY, |req| lang_of(req, None))
}

/// Submits one resident's answers. Stored exactly once per `submission_id`; the reply is sent only
/// after the response is durably committed.
#[utoipa::path(
    post,
    path = "/api/v1/polls/{slug}/responses",
    tag = "public",
    params(("slug" = String, Path, description = "The poll's slug")),
    request_body(content = SubmitBody, content_type = "application/json"),
    responses(
        (status = 201, description = "Recorded", body = SubmitStatus, example = json!({"status": "recorded"})),
        (status = 200, description = "This submission id was already recorded; nothing stored twice", body = SubmitStatus, example = json!({"status": "duplicate"})),
        (status = 400, description = "Invalid answers (`invalid_answers`: details.errors, at most 20, and details.more, how many more), malformed JSON (`invalid_json`) or submission id (`invalid_submission_id`)", body = ErrorBody),
        (status = 403, description = "Sent by a page on another website (`cross_site`: its `Origin` or `Sec-Fetch-Site` says so); nothing stored", body = ErrorBody),
        (status = 404, description = "No such poll (`not_found`)", body = ErrorBody),
        (status = 408, description = "The body did not arrive within `body_timeout_seconds` (`request_timeout`); the connection is closed", body = ErrorBody),
        (status = 409, description = "Not open (`not_open_yet` or `closed`)", body = ErrorBody),
        (status = 413, description = "Body too large (`payload_too_large`)", body = ErrorBody),
        (status = 415, description = "Not application/json (`unsupported_media_type`)", body = ErrorBody),
        (status = 429, description = "Rate limited (`rate_limited`); see the Retry-After header", body = ErrorBody,
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
        (status = 503, description = "The database is briefly out of reach (`unavailable`); nothing was stored: retry with the same submission id after Retry-After", body = ErrorBody,
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    )
)]
pub async fn submit(
    req: HttpRequest,
    state: web::Data<CollectorState>,
    slug: web::Path<String>,
    body: web::Json<SubmitBody>,
) -> Result<HttpResponse, ApiError> {
    flits_http::minute_log::count_per_minute(&req);
    let body = body.into_inner();
    let lang = lang_of(&req, body.lang.as_deref());
    if cross_site::check(&state, &req).is_err() {
        return Err(cross_site::refused_error(lang));
    }
    let submission_id = SubmissionId::parse(&body.submission_id).map_err(|_| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_submission_id",
            t!(lang, "api-invalid-submission-id"),
        )
    })?;
    let not_found = || ApiError::not_found(t!(lang, "api-unknown-poll"));
    let address = check_rates(&state, &req).map_err(|l| rate_limited_error(lang, l))?;
    let unavailable = |e| ApiError::from_store(e, lang);
    let poll = state
        .caches
        .poll(&state.store, &slug)
        .await
        .map_err(unavailable)?
        .ok_or_else(not_found)?;
    let submission = Submission {
        submission_id,
        channel: recorded_channel(&state, &poll, body.channel.as_deref())
            .await
            .map_err(unavailable)?,
        // Stored as one of the poll's own languages, like the form's.
        lang: flits_i18n::negotiate(
            &poll.definition.offered_languages(),
            Some(lang.code()),
            None,
            None,
        ),
        answers: body.answers,
    };
    match record(&state, &poll, submission, address)
        .await
        .map_err(unavailable)?
    {
        Outcome::Limited(limited) => Err(rate_limited_error(lang, limited)),
        Outcome::Recorded => Ok(HttpResponse::Created().json(json!({"status": "recorded"}))),
        Outcome::Duplicate => Ok(HttpResponse::Ok().json(json!({"status": "duplicate"}))),
        Outcome::Hidden => Err(not_found()),
        Outcome::NotOpenYet => Err(ApiError::new(
            StatusCode::CONFLICT,
            "not_open_yet",
            t!(lang, "api-not-open-yet"),
        )
        .with_details(json!({"opens_at": poll.opens_at}))),
        Outcome::Closed => {
            Err(
                ApiError::new(StatusCode::CONFLICT, "closed", t!(lang, "api-closed"))
                    .with_details(json!({"closed_at": poll.closes_at})),
            )
        }
        Outcome::Invalid(errors) => Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_answers",
            t!(lang, "api-invalid-answers"),
        )
        .with_details(answer_error_details(&errors, lang))),
    }
}
