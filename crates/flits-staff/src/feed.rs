//! `GET /calendar.ics?token=…`: the calendar as an iCalendar feed for Outlook or any calendar app.
//! The token is the user's read-only feed secret (not an API token). Calendar apps send no useful
//! language, so the feed is Dutch unless its link says `&lang=en`.

use actix_web::http::StatusCode;
use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Duration;
use flits_http::RequestId;
use flits_http::lang::url_query_param;
use flits_i18n::{Locale, negotiate, t};
use flits_store::StoreError;
use icalendar::{Calendar, Component, Event, EventLike};

use crate::calendar::{CalendarPoll, QuietPeriodInfo, calendar_polls};
use crate::secrets::hash_secret;
use crate::state::StaffState;

/// A plain-text answer (calendar apps show no HTML).
fn text(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header((CONTENT_TYPE, "text/plain; charset=utf-8"))
        .body(body)
}

/// The store failed: `503`, logged once with the request id, which the answer names.
fn unavailable(req: &HttpRequest, locale: Locale, cause: &StoreError) -> HttpResponse {
    let id = RequestId::of(req);
    tracing::error!(request_id = %id, error = %cause, "calendar feed failed");
    let body = format!(
        "{}\n{} {id}\n",
        t!(locale, "error-unavailable-text"),
        t!(locale, "error-request-id")
    );
    text(StatusCode::SERVICE_UNAVAILABLE, body)
}

fn poll_event(p: &CalendarPoll, locale: Locale) -> Event {
    let details = t!(
        locale,
        "staff-feed-poll-details",
        organisation = p.organisation.as_str(),
        audiences = p.audiences.join(", "),
        state = p.state.as_str()
    );
    Event::new()
        .uid(&format!("poll-{}@flits", p.slug))
        .summary(&t!(locale, "staff-feed-poll", title = p.title.as_str()))
        .description(&details)
        .starts(p.opens_at)
        .ends(p.closes_at)
        .done()
}

fn quiet_event(q: &QuietPeriodInfo, locale: Locale) -> Event {
    let details = t!(
        locale,
        "staff-feed-quiet-details",
        audiences = q.audiences.join(", ")
    );
    Event::new()
        .uid(&format!("quiet-{}-{}@flits", q.from, q.to))
        .summary(&t!(locale, "staff-feed-quiet", reason = q.reason.as_str()))
        .description(&details)
        .starts(q.from)
        // An all-day event ends on the day after its last day.
        .ends(q.to + Duration::days(1))
        .done()
}

/// The feed.
pub async fn ics(req: HttpRequest, state: web::Data<StaffState>) -> HttpResponse {
    let explicit = url_query_param(req.query_string(), "lang");
    let locale = negotiate(&Locale::STAFF, explicit.as_deref(), None, None);
    let token = url_query_param(req.query_string(), "token").unwrap_or_default();
    let user = if token.is_empty() {
        None
    } else {
        let found = state
            .store
            .staff_user_by_calendar_token(&hash_secret(&token))
            .await;
        match found {
            Ok(u) => u,
            Err(e) => return unavailable(&req, locale, &e),
        }
    };
    if user.is_none() {
        return text(StatusCode::UNAUTHORIZED, t!(locale, "staff-feed-invalid"));
    }
    let polls = match calendar_polls(&state.store, locale.code()).await {
        Ok(p) => p,
        Err(e) => return unavailable(&req, locale, &e),
    };
    let mut cal = Calendar::new();
    cal.name(&t!(locale, "staff-feed-name"));
    cal.timezone("Europe/Amsterdam");
    for p in &polls {
        cal.push(poll_event(p, locale));
    }
    for q in &state.config.quiet_periods {
        cal.push(quiet_event(q, locale));
    }
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/calendar; charset=utf-8"))
        .insert_header((CACHE_CONTROL, "private, max-age=300"))
        .body(cal.done().to_string())
}
