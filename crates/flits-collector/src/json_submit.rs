//! `POST /api/v1/polls/{slug}/responses`: the JSON submit of CONTRACT section 2.

use std::collections::BTreeMap;

use actix_web::error::JsonPayloadError;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use flits_http::ApiError;
use flits_survey::{AnswerInput, MessageLang};
use serde::Deserialize;
use serde_json::json;

use crate::poll_page::clean_channel;
use crate::state::CollectorState;
use crate::submit::{Outcome, Submission, record, valid_submission_id};

/// The largest JSON body accepted: five questions with long open answers fit many times over.
pub const MAX_JSON_BODY: usize = 64 * 1024;

/// The JSON body of a submit.
#[derive(Debug, Deserialize)]
pub struct SubmitBody {
    pub submission_id: String,
    #[serde(default)]
    pub channel: Option<String>,
    #[serde(default)]
    pub lang: Option<String>,
    pub answers: BTreeMap<String, AnswerInput>,
}

fn lang_of(req: &HttpRequest, body_lang: Option<&str>) -> MessageLang {
    let explicit = body_lang.map(str::to_owned);
    let lang = flits_http::Lang::negotiate(
        explicit.as_deref(),
        req.headers()
            .get("accept-language")
            .and_then(|v| v.to_str().ok()),
    );
    MessageLang::from_code_or_default(lang.code())
}

/// Body errors as the contract's JSON errors: 413 too large, 415 wrong type, 400 malformed.
pub fn json_error_handler(err: JsonPayloadError, req: &HttpRequest) -> actix_web::Error {
    let lang = lang_of(req, None);
    let e = match &err {
        JsonPayloadError::Overflow { .. } | JsonPayloadError::OverflowKnownLength { .. } => {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                lang.pick(
                    format!("Het verzoek is te groot (hoogstens {MAX_JSON_BODY} bytes)."),
                    format!("The request is too large (at most {MAX_JSON_BODY} bytes)."),
                ),
            )
        }
        JsonPayloadError::ContentType => ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            lang.pick(
                "Stuur de antwoorden als application/json.".to_owned(),
                "Send the answers as application/json.".to_owned(),
            ),
        ),
        other => ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_json",
            lang.pick(
                "Het verzoek is geen geldige JSON in de afgesproken vorm.".to_owned(),
                "The request is not valid JSON of the agreed shape.".to_owned(),
            ),
        )
        .with_details(json!({"reason": other.to_string()})),
    };
    e.into()
}

/// The JSON configuration for the submit route.
pub fn json_config() -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(MAX_JSON_BODY)
        .error_handler(json_error_handler)
}

/// `POST /api/v1/polls/{slug}/responses`.
pub async fn submit(
    req: HttpRequest,
    state: web::Data<CollectorState>,
    slug: web::Path<String>,
    body: web::Json<SubmitBody>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let lang = lang_of(&req, body.lang.as_deref());
    if !valid_submission_id(&body.submission_id) {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_submission_id",
            lang.pick(
                "submission_id moet 1 tot 64 letters, cijfers, - of _ zijn, bijvoorbeeld een UUID."
                    .to_owned(),
                "submission_id must be 1 to 64 letters, digits, - or _, for example a UUID."
                    .to_owned(),
            ),
        ));
    }
    let not_found = || {
        ApiError::not_found(lang.pick(
            "Er is geen peiling met dit adres.".to_owned(),
            "There is no poll with this address.".to_owned(),
        ))
    };
    let poll = state
        .store
        .poll_by_slug(&slug)
        .await?
        .ok_or_else(not_found)?;
    let submission = Submission {
        submission_id: body.submission_id,
        channel: clean_channel(body.channel),
        lang,
        answers: body.answers,
    };
    match record(&state, &poll, submission).await? {
        Outcome::Recorded => Ok(HttpResponse::Created().json(json!({"status": "recorded"}))),
        Outcome::Duplicate => Ok(HttpResponse::Ok().json(json!({"status": "duplicate"}))),
        Outcome::Hidden => Err(not_found()),
        Outcome::NotOpenYet => Err(ApiError::new(
            StatusCode::CONFLICT,
            "not_open_yet",
            lang.pick(
                "Deze peiling is nog niet open.".to_owned(),
                "This poll is not open yet.".to_owned(),
            ),
        )
        .with_details(json!({"opens_at": poll.opens_at}))),
        Outcome::Closed => Err(ApiError::new(
            StatusCode::CONFLICT,
            "closed",
            lang.pick(
                "Deze peiling is gesloten.".to_owned(),
                "This poll has closed.".to_owned(),
            ),
        )
        .with_details(json!({"closed_at": poll.closes_at}))),
        Outcome::Invalid(errors) => Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_answers",
            lang.pick(
                "Niet alle antwoorden kloppen.".to_owned(),
                "Not all answers are valid.".to_owned(),
            ),
        )
        .with_details(json!({"errors": errors}))),
    }
}
