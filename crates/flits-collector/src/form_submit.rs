//! `POST /p/{slug}` and `GET /p/{slug}/thanks`: the form of the poll page, without JavaScript.

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use flits_http::Lang;
use flits_survey::{AnswerInput, MessageLang};

use crate::poll_page::{
    Entered, FormState, clean_channel, render_form, render_notice, unavailable_page,
};
use crate::state::CollectorState;
use crate::submit::{Outcome, Submission, record, valid_submission_id};

/// The largest form body accepted.
pub const MAX_FORM_BODY: usize = 64 * 1024;

/// Form fields that are not answers.
const FIELD_SUBMISSION: &str = "_submission";
const FIELD_CHANNEL: &str = "_channel";
const FIELD_LANG: &str = "_lang";

/// `POST /p/{slug}`: `303` to the thank-you page, or the form again with messages (`422`).
pub async fn submit(
    req: HttpRequest,
    state: web::Data<CollectorState>,
    slug: web::Path<String>,
    body: web::Bytes,
) -> HttpResponse {
    let is_form = req
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"));
    let fields: Vec<(String, String)> = if is_form {
        url::form_urlencoded::parse(&body).into_owned().collect()
    } else {
        Vec::new()
    };
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let lang = Lang::negotiate(
        field(FIELD_LANG).as_deref(),
        req.headers()
            .get("accept-language")
            .and_then(|v| v.to_str().ok()),
    );
    let poll = match state.store.poll_by_slug(&slug).await {
        Ok(Some(p)) => p,
        Ok(None) => return unavailable_page(&state, None, lang).await,
        Err(e) => {
            tracing::error!(error = %e, "poll lookup failed");
            return HttpResponse::ServiceUnavailable().finish();
        }
    };
    if !is_form {
        return HttpResponse::UnsupportedMediaType()
            .body("Send the form as application/x-www-form-urlencoded.");
    }
    let channel = clean_channel(field(FIELD_CHANNEL));
    // A form without a usable token still counts once: the server issues one now.
    let submission_id = field(FIELD_SUBMISSION)
        .filter(|id| valid_submission_id(id))
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let mut entered = Entered::new();
    for (name, value) in &fields {
        if !name.starts_with('_') {
            entered.entry(name.clone()).or_default().push(value.clone());
        }
    }
    let answers: BTreeMap<String, AnswerInput> = entered
        .iter()
        .filter_map(|(k, v)| AnswerInput::from_form_values(v.clone()).map(|a| (k.clone(), a)))
        .collect();
    let submission = Submission {
        submission_id: submission_id.clone(),
        channel: channel.clone(),
        lang: MessageLang::from_code_or_default(lang.code()),
        answers,
    };
    match record(&state, &poll, submission).await {
        Ok(Outcome::Recorded | Outcome::Duplicate) => HttpResponse::SeeOther()
            .insert_header((
                LOCATION,
                format!("/p/{}/thanks?lang={}", poll.slug, lang.code()),
            ))
            .finish(),
        Ok(Outcome::Invalid(errors)) => {
            let mut by_question = BTreeMap::new();
            for e in errors {
                by_question.entry(e.question_id).or_insert(e.message);
            }
            let form = FormState {
                lang,
                channel,
                entered,
                errors: by_question,
                submission_token: submission_id,
            };
            render_form(&state, &poll, form, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Ok(Outcome::NotOpenYet | Outcome::Closed | Outcome::Hidden) => {
            unavailable_page(&state, Some(&poll), lang).await
        }
        Err(e) => {
            tracing::error!(error = %e, "storing a response failed");
            let (heading, text) = match lang {
                Lang::Nl => (
                    "Uw antwoorden zijn niet opgeslagen",
                    "Er ging bij ons iets mis. Ga terug en probeer het over een paar minuten opnieuw.",
                ),
                Lang::En => (
                    "Your answers were not saved",
                    "Something went wrong on our side. Go back and try again in a few minutes.",
                ),
            };
            render_notice(
                &state,
                lang,
                StatusCode::SERVICE_UNAVAILABLE,
                String::from("Flits"),
                heading.to_owned(),
                vec![text.to_owned()],
                None,
            )
            .await
        }
    }
}

/// `GET /p/{slug}/thanks`: thanks, and what will happen with the answers.
pub async fn thanks(
    req: HttpRequest,
    state: web::Data<CollectorState>,
    slug: web::Path<String>,
) -> HttpResponse {
    let lang = Lang::from_request(&req);
    let poll = match state.store.poll_by_slug(&slug).await {
        Ok(Some(p)) => p,
        Ok(None) => return unavailable_page(&state, None, lang).await,
        Err(e) => {
            tracing::error!(error = %e, "poll lookup failed");
            return HttpResponse::ServiceUnavailable().finish();
        }
    };
    let org_name = match state.store.organisation(&poll.organisation_id).await {
        Ok(Some(o)) => o.name,
        _ => poll.organisation_id.clone(),
    };
    let mut paragraphs = vec![match lang {
        Lang::Nl => "Uw antwoorden zijn opgeslagen. Fijn dat u meedeed!".to_owned(),
        Lang::En => "Your answers have been saved. Thank you for taking part!".to_owned(),
    }];
    if let Some(promise) = poll
        .definition
        .brief
        .as_ref()
        .and_then(|b| b.feedback_promise.as_ref())
    {
        paragraphs.push(promise.get(lang.code()).to_owned());
    }
    let heading = match lang {
        Lang::Nl => "Bedankt!".to_owned(),
        Lang::En => "Thank you!".to_owned(),
    };
    render_notice(
        &state,
        lang,
        StatusCode::OK,
        org_name,
        heading,
        paragraphs,
        None,
    )
    .await
}
