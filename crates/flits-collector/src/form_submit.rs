//! `POST /p/{slug}` and `GET /p/{slug}/thanks`: the form of the poll page, without JavaScript.

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use flits_http::Lang;
use flits_http::survey_texts::answer_message;
use flits_i18n::Locale;
use flits_survey::AnswerInput;

use actix_web::cookie::{Cookie, SameSite};

use crate::availability::{Availability, availability};
use crate::fairness::{Fairness, TokenCheck};
use crate::poll_page::{
    Entered, FormState, already_answered_page, clean_channel, rate_limited_page, render_form,
    render_notice, took_part, unavailable_page,
};
use crate::state::CollectorState;
use crate::submit::{Outcome, Submission, check_rates, record};

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
    let poll = match state.caches.poll(&state.store, &slug).await {
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
    if availability(&poll, chrono::Utc::now()) != Availability::Open {
        return unavailable_page(&state, Some(&poll), lang).await;
    }
    let address = match check_rates(&state, &req) {
        Ok(address) => address,
        Err(limited) => return rate_limited_page(&state, Some(&poll), lang, limited).await,
    };
    let channel = clean_channel(field(FIELD_CHANNEL));
    let mut entered = Entered::new();
    for (name, value) in &fields {
        if !name.starts_with('_') {
            entered.entry(name.clone()).or_default().push(value.clone());
        }
    }
    let token = field(FIELD_SUBMISSION).unwrap_or_default();
    let submission_id = match state
        .fairness
        .check_token(&token, state.config.form_token_hours)
    {
        TokenCheck::Valid(id) => id,
        check @ (TokenCheck::Expired | TokenCheck::Invalid) => {
            // Nothing is lost: the answers come back with a fresh form to send again.
            let notice = match (check, lang) {
                (TokenCheck::Expired, Lang::Nl) => {
                    "Dit formulier was verlopen. Uw antwoorden staan er nog: kijk ze na en verstuur ze opnieuw."
                }
                (TokenCheck::Expired, Lang::En) => {
                    "This form had expired. Your answers are still here: check them and send them again."
                }
                (_, Lang::Nl) => {
                    "Dit formulier kwam niet van deze peiling. Uw antwoorden staan er nog: kijk ze na en verstuur ze opnieuw."
                }
                (_, Lang::En) => {
                    "This form did not come from this poll. Your answers are still here: check them and send them again."
                }
            };
            let form = FormState {
                lang,
                channel,
                entered,
                errors: BTreeMap::new(),
                submission_token: state.fairness.issue_token(),
                notice: Some(notice.to_owned()),
            };
            return render_form(&state, &poll, form, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    if took_part(&state, &req, &poll) {
        // The same form sent again (back button, double click after the first answer arrived)
        // is simply thanked again; a new form from a browser that took part is refused.
        match state.store.response_exists(poll.id, &submission_id).await {
            Ok(true) => return see_thanks(&state, &poll.slug, lang, poll.id),
            Ok(false) => {
                state.metrics.already_answered.inc();
                return already_answered_page(&state, &poll, lang, StatusCode::CONFLICT).await;
            }
            Err(e) => {
                tracing::error!(error = %e, "response lookup failed");
                return not_saved_page(&state, &poll, lang).await;
            }
        }
    }
    let answers: BTreeMap<String, AnswerInput> = entered
        .iter()
        .filter_map(|(k, v)| AnswerInput::from_form_values(v.clone()).map(|a| (k.clone(), a)))
        .collect();
    let submission = Submission {
        submission_id,
        channel: channel.clone(),
        lang: Locale::parse(lang.code()).unwrap_or_default(),
        answers,
    };
    match record(&state, &poll, submission, address).await {
        Ok(Outcome::Recorded | Outcome::Duplicate) => see_thanks(&state, &poll.slug, lang, poll.id),
        Ok(Outcome::Invalid(errors)) => {
            let mut by_question = BTreeMap::new();
            let locale = Locale::parse(lang.code()).unwrap_or_default();
            for e in errors {
                let message = answer_message(&e, locale);
                by_question.entry(e.question_id).or_insert(message);
            }
            let form = FormState {
                lang,
                channel,
                entered,
                errors: by_question,
                // The same token: it still stands for this one response.
                submission_token: token,
                notice: None,
            };
            render_form(&state, &poll, form, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Ok(Outcome::Limited(limited)) => {
            rate_limited_page(&state, Some(&poll), lang, limited).await
        }
        Ok(Outcome::NotOpenYet | Outcome::Closed | Outcome::Hidden) => {
            unavailable_page(&state, Some(&poll), lang).await
        }
        Err(e) => {
            tracing::error!(error = %e, "storing a response failed");
            not_saved_page(&state, &poll, lang).await
        }
    }
}

/// `303` to the thank-you page, with the signed cookie that says this browser took part.
fn see_thanks(state: &CollectorState, slug: &str, lang: Lang, poll_id: uuid::Uuid) -> HttpResponse {
    let cookie = Cookie::build(
        Fairness::cookie_name(poll_id),
        state.fairness.cookie_value(poll_id),
    )
    .path(format!("/p/{slug}"))
    .http_only(true)
    .secure(state.is_https())
    .same_site(SameSite::Lax)
    .max_age(actix_web::cookie::time::Duration::days(i64::from(
        state.config.participation_cookie_days,
    )))
    .finish();
    HttpResponse::SeeOther()
        .insert_header((LOCATION, format!("/p/{slug}/thanks?lang={}", lang.code())))
        .cookie(cookie)
        .finish()
}

async fn not_saved_page(
    state: &CollectorState,
    poll: &flits_store::Poll,
    lang: Lang,
) -> HttpResponse {
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
        state,
        Some(poll),
        lang,
        StatusCode::SERVICE_UNAVAILABLE,
        heading.to_owned(),
        vec![text.to_owned()],
        None,
    )
    .await
}

/// `GET /p/{slug}/thanks`: thanks, and what will happen with the answers.
pub async fn thanks(
    req: HttpRequest,
    state: web::Data<CollectorState>,
    slug: web::Path<String>,
) -> HttpResponse {
    let lang = Lang::from_request(&req);
    let poll = match state.caches.poll(&state.store, &slug).await {
        Ok(Some(p)) => p,
        Ok(None) => return unavailable_page(&state, None, lang).await,
        Err(e) => {
            tracing::error!(error = %e, "poll lookup failed");
            return HttpResponse::ServiceUnavailable().finish();
        }
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
        Some(&poll),
        lang,
        StatusCode::OK,
        heading,
        paragraphs,
        None,
    )
    .await
}
