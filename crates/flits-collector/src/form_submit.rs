//! `POST /p/{slug}`: the form of the poll page, without JavaScript (the thank-you page it leads to
//! is in [`crate::results_by_email`]).

use std::collections::BTreeMap;

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::StatusCode;
use actix_web::http::header::{CONTENT_TYPE, LOCATION};
use actix_web::{HttpRequest, HttpResponse, web};
use flits_http::PageError;
use flits_http::survey_texts::answer_message;
use flits_i18n::{Locale, t};
use flits_store::Poll;
use flits_survey::AnswerInput;
use flits_types::ChannelId;

use crate::availability::{Availability, availability};
use crate::channel::recorded as recorded_channel;
use crate::cross_site;
use crate::fairness::{Fairness, TokenCheck};
use crate::form_cookie::BrowserKey;
use crate::notices::{already_answered_page, not_saved_page, rate_limited_page, unavailable_page};
use crate::page_failure::{PageFailure, page_error};
use crate::poll_form::{Entered, FormState, render_form};
use crate::poll_page::{find_poll, page_locale, set_form_cookie, took_part};
use crate::state::CollectorState;
use crate::submit::{Outcome, Submission, check_rates, record};

/// The largest form body accepted.
pub const MAX_FORM_BODY: usize = 64 * 1024;

/// A posted poll form: the answers as entered, and the fields that are not answers.
struct PollForm {
    /// The one-time token the page carried (`_submission`).
    token: String,
    /// The channel of the link the page was opened from (`_channel`), as sent: the rule of
    /// [`crate::channel`] decides what is recorded.
    channel: Option<String>,
    /// The page's language (`_lang`).
    lang: Option<String>,
    /// Answers by question id, every value of a repeated field kept.
    entered: Entered,
}

impl PollForm {
    /// Reads an `application/x-www-form-urlencoded` body; `None` for any other content type.
    fn read(req: &HttpRequest, body: &[u8]) -> Option<PollForm> {
        let is_form = req
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"));
        if !is_form {
            return None;
        }
        let mut form = PollForm {
            token: String::new(),
            channel: None,
            lang: None,
            entered: Entered::new(),
        };
        for (name, value) in url::form_urlencoded::parse(body).into_owned() {
            match name.as_str() {
                "_submission" => form.token = value,
                "_channel" => form.channel = Some(value),
                "_lang" => form.lang = Some(value),
                n if n.starts_with('_') => {}
                _ => form.entered.entry(name).or_default().push(value),
            }
        }
        Some(form)
    }

    fn answers(&self) -> BTreeMap<String, AnswerInput> {
        self.entered
            .iter()
            .filter_map(|(k, v)| AnswerInput::from_form_values(v.clone()).map(|a| (k.clone(), a)))
            .collect()
    }
}

/// `POST /p/{slug}`: `303` to the thank-you page, or the form again with messages (`422`).
pub async fn submit(
    req: HttpRequest,
    state: web::Data<CollectorState>,
    slug: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    // Submits are counted per minute in the log, not logged with their moment.
    flits_http::minute_log::count_per_minute(&req);
    let form = PollForm::read(&req, &body);
    let choice = form.as_ref().and_then(|f| f.lang.as_deref());
    if cross_site::check(&state, &req).is_err() {
        // Refused before anything is looked up or stored.
        let locale = page_locale(&req, None, choice);
        return cross_site::refused_page(&state, &slug, locale)
            .await
            .map_err(|f| page_error(&state, &req, locale, f));
    }
    let poll = find_poll(&state, &req, &slug, choice).await?;
    let locale = page_locale(&req, poll.as_deref(), choice);
    let page = match (poll, form) {
        (None, _) => unavailable_page(&state, None, locale).await,
        (Some(_), None) => {
            return Ok(HttpResponse::UnsupportedMediaType()
                .body("Send the form as application/x-www-form-urlencoded."));
        }
        (Some(poll), Some(_)) if availability(&poll, chrono::Utc::now()) != Availability::Open => {
            unavailable_page(&state, Some(&poll), locale).await
        }
        (Some(poll), Some(form)) => match check_rates(&state, &req) {
            Ok(address) => accept(&state, &req, &poll, locale, form, address).await,
            Err(limited) => rate_limited_page(&state, Some(&poll), locale, limited).await,
        },
    };
    page.map_err(|f| page_error(&state, &req, locale, f))
}

/// A form within the limits: checks its token and records it, or says why not.
async fn accept(
    state: &CollectorState,
    req: &HttpRequest,
    poll: &Poll,
    locale: Locale,
    form: PollForm,
    address: Option<crate::fairness::AddressKey>,
) -> Result<HttpResponse, PageFailure> {
    let browser = BrowserKey::of_request(req);
    let channel = recorded_channel(state, poll, form.channel.as_deref()).await?;
    let submission_id = match state.fairness.check_token(
        &form.token,
        poll.id,
        browser.as_ref(),
        state.config.form_token_hours,
    ) {
        TokenCheck::Valid(id) => id,
        check => return send_again(state, req, poll, locale, form, channel, check).await,
    };
    if took_part(state, req, poll) {
        // The same form sent again (back button, double click after the first answer arrived)
        // is simply thanked again; a new form from a browser that took part is refused.
        return match state.store.response_exists(poll.id, &submission_id).await {
            Ok(true) => Ok(see_thanks(state, poll, locale)),
            Ok(false) => {
                state.metrics.already_answered.inc();
                already_answered_page(state, poll, locale, StatusCode::CONFLICT).await
            }
            Err(e) => {
                tracing::error!(error = %e, "response lookup failed");
                not_saved_page(state, poll, locale).await
            }
        };
    }
    let submission = Submission {
        submission_id,
        channel: channel.clone(),
        lang: locale,
        answers: form.answers(),
    };
    match record(state, poll, submission, address).await {
        Ok(Outcome::Recorded | Outcome::Duplicate) => Ok(see_thanks(state, poll, locale)),
        Ok(Outcome::Invalid(errors)) => {
            let mut by_question = BTreeMap::new();
            for e in errors {
                let message = answer_message(&e, locale);
                by_question.entry(e.question_id).or_insert(message);
            }
            let again = FormState {
                locale,
                channel,
                entered: form.entered,
                errors: by_question,
                // The same token: it still stands for this one response.
                submission_token: form.token,
                notice: None,
            };
            render_form(state, poll, again, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Ok(Outcome::Limited(limited)) => {
            rate_limited_page(state, Some(poll), locale, limited).await
        }
        Ok(Outcome::NotOpenYet | Outcome::Closed | Outcome::Hidden) => {
            unavailable_page(state, Some(poll), locale).await
        }
        Err(e) => {
            tracing::error!(error = %e, "storing a response failed");
            not_saved_page(state, poll, locale).await
        }
    }
}

/// A form whose token expired, was not ours, or came without the browser's form cookie: nothing
/// is lost, the answers come back with a fresh form (token and cookie) to send again.
async fn send_again(
    state: &CollectorState,
    req: &HttpRequest,
    poll: &Poll,
    locale: Locale,
    form: PollForm,
    channel: Option<ChannelId>,
    check: TokenCheck,
) -> Result<HttpResponse, PageFailure> {
    let notice = match check {
        TokenCheck::Expired => t!(locale, "form-expired"),
        TokenCheck::NoBrowser => t!(locale, "form-cookie-missing"),
        TokenCheck::Invalid | TokenCheck::Valid(_) => t!(locale, "form-foreign"),
    };
    let browser = BrowserKey::of_request_or_new(req);
    let again = FormState {
        locale,
        channel,
        entered: form.entered,
        errors: BTreeMap::new(),
        submission_token: state.fairness.issue_token(poll.id, &browser),
        notice: Some(notice),
    };
    let mut res = render_form(state, poll, again, StatusCode::UNPROCESSABLE_ENTITY).await?;
    set_form_cookie(state, &mut res, &browser);
    Ok(res)
}

/// `303` to the thank-you page, with the signed cookie that says this browser took part.
fn see_thanks(state: &CollectorState, poll: &Poll, locale: Locale) -> HttpResponse {
    let slug = &poll.slug;
    let cookie = Cookie::build(
        Fairness::cookie_name(poll.id),
        state.fairness.cookie_value(poll.id),
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
        .insert_header((LOCATION, format!("/p/{slug}/thanks?lang={}", locale.code())))
        .cookie(cookie)
        .finish()
}
