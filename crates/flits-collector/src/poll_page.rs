//! `GET /p/{slug}`: the resident's poll page, server-rendered, working without JavaScript.

use std::sync::Arc;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Utc;
use flits_http::PageError;
use flits_i18n::Locale;
use flits_store::Poll;
use flits_types::ChannelId;

use crate::availability::{Availability, availability};
use crate::channel::{link_value, recorded as recorded_channel};
use crate::chrome::html;
use crate::form_cookie::BrowserKey;
use crate::language::{choose, offered_locales, remember};
use crate::notices::{already_answered_page, unavailable_page};
use crate::page_failure::{PageFailure, page_error};
use crate::poll_form::{Entered, FormState, TokenSlot, form_html};
use crate::state::CollectorState;

/// The language of a page about `poll` (every language Flits speaks when there is none).
pub fn page_locale(req: &HttpRequest, poll: Option<&Poll>, choice: Option<&str>) -> Locale {
    match poll {
        Some(p) => choose(req, &offered_locales(&p.definition), choice),
        None => choose(req, &Locale::RESIDENT, choice),
    }
}

/// The poll of a resident page, or the error page when the database does not answer (in a
/// language negotiated without the poll, which could not be read; `choice` as for
/// [`page_locale`]).
pub async fn find_poll(
    state: &CollectorState,
    req: &HttpRequest,
    slug: &str,
    choice: Option<&str>,
) -> Result<Option<Arc<Poll>>, PageError> {
    state
        .caches
        .poll(&state.store, slug)
        .await
        .map_err(|e| page_error(state, req, page_locale(req, None, choice), e.into()))
}

/// `GET /p/{slug}`.
pub async fn show(
    req: HttpRequest,
    state: web::Data<CollectorState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let poll = find_poll(&state, &req, &slug, None).await?;
    let locale = page_locale(&req, poll.as_deref(), None);
    let mut browser = None;
    let page = match &poll {
        Some(p) if availability(p, Utc::now()) == Availability::Open => {
            if took_part(&state, &req, p) {
                already_answered_page(&state, p, locale, StatusCode::OK).await
            } else {
                let key = BrowserKey::of_request_or_new(&req);
                let page = fresh_form(&state, &req, p, locale, &key).await;
                browser = Some(key);
                page
            }
        }
        _ => unavailable_page(&state, poll.as_deref(), locale).await,
    };
    let mut res = page.map_err(|f| page_error(&state, &req, locale, f))?;
    if let Some(cookie) = remember(&req, locale, state.is_https())
        && let Err(e) = res.add_cookie(&cookie)
    {
        tracing::warn!(error = %e, "language cookie not set");
    }
    if let Some(key) = browser {
        set_form_cookie(&state, &mut res, &key);
    }
    Ok(res)
}

/// (Re)sets the browser's form cookie on a page that carries a form token made for it, so the
/// cookie lives at least as long as the token.
pub fn set_form_cookie(state: &CollectorState, res: &mut HttpResponse, key: &BrowserKey) {
    let cookie = key.cookie(state.config.form_token_hours, state.is_https());
    if let Err(e) = res.add_cookie(&cookie) {
        tracing::warn!(error = %e, "form cookie not set");
    }
}

/// The form of the request's link: the channel of `?c=` as it will be recorded.
async fn fresh_form(
    state: &CollectorState,
    req: &HttpRequest,
    poll: &Poll,
    locale: Locale,
    browser: &BrowserKey,
) -> Result<HttpResponse, PageFailure> {
    let channel = recorded_channel(state, poll, link_value(req).as_deref()).await?;
    form_page(state, poll, locale, channel, browser).await
}

/// The open poll's form with a fresh one-time token for this browser.
async fn form_page(
    state: &CollectorState,
    poll: &Poll,
    locale: Locale,
    channel: Option<ChannelId>,
    browser: &BrowserKey,
) -> Result<HttpResponse, PageFailure> {
    // The page is the same for everyone who comes from the same channel in the same language,
    // except for the one-time token: render once, fill in the token each time.
    let key = format!(
        "{}|{}|{}",
        poll.id,
        locale.code(),
        channel.as_ref().map_or("", ChannelId::as_str)
    );
    let token = state.fairness.issue_token(poll.id, browser);
    let slot = match state.caches.form_page(&key) {
        Some(slot) => slot,
        None => {
            let marker = TokenSlot::marker();
            let form = FormState {
                locale,
                channel,
                entered: Entered::new(),
                errors: Default::default(),
                submission_token: marker.clone(),
                notice: None,
            };
            let body = form_html(state, poll, form).await?;
            let Some(slot) = TokenSlot::cut(&body, &marker) else {
                // A page without a token field has nothing to fill in (and nothing to keep).
                return Ok(html(StatusCode::OK, body));
            };
            let slot = Arc::new(slot);
            state.caches.put_form_page(key, slot.clone());
            slot
        }
    };
    Ok(html(StatusCode::OK, slot.fill(&token)))
}

/// Whether this browser carries the poll's signed "took part" cookie.
pub fn took_part(state: &CollectorState, req: &HttpRequest, poll: &Poll) -> bool {
    let name = crate::fairness::Fairness::cookie_name(poll.id);
    req.cookie(&name)
        .is_some_and(|c| state.fairness.cookie_is_valid(poll.id, c.value()))
}
