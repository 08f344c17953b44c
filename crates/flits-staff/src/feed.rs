//! `GET /calendar.ics?token=…`: the calendar as an iCalendar feed for Outlook or any calendar app.
//! The token is the user's read-only feed secret (not an API token).

use actix_web::http::StatusCode;
use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Duration;
use flits_http::RequestId;
use flits_http::query::url_query_param;
use flits_i18n::{Locale, t};
use flits_schedule::QuietPeriod;
use flits_store::{StaffUser, StoreError};
use icalendar::{Calendar, Component, Event, EventLike};

use crate::calendar::{CalendarEntry, calendar_polls};
use crate::secrets::hash_secret;
use crate::state::StaffState;
use crate::ui::locale::locale_of;

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

/// The user whose feed secret `?token=` is; `None` for a missing or unknown token.
async fn feed_user(req: &HttpRequest, state: &StaffState) -> Result<Option<StaffUser>, StoreError> {
    let token = url_query_param(req.query_string(), "token").unwrap_or_default();
    if token.is_empty() {
        return Ok(None);
    }
    state
        .store
        .staff_user_by_calendar_token(&hash_secret(&token))
        .await
}

/// A poll as an event over its open period.
fn poll_event(p: &CalendarEntry, locale: Locale) -> Event {
    let state_label = t!(locale, "sched-calendar-state", state = p.state.as_str());
    let description = [
        t!(
            locale,
            "sched-feed-organisation",
            organisation = p.organisation.as_str()
        ),
        t!(
            locale,
            "sched-feed-audiences",
            audiences = p.audiences.join(", ")
        ),
        t!(locale, "sched-feed-state", state = state_label),
    ]
    .join("\n");
    Event::new()
        .uid(&format!("poll-{}@flits", p.slug))
        .summary(&t!(locale, "sched-feed-poll", title = p.title.as_str()))
        .description(&description)
        .starts(p.opens_at)
        .ends(p.closes_at)
        .done()
}

/// A quiet period as an all-day event.
fn quiet_event(q: &QuietPeriod, locale: Locale) -> Event {
    Event::new()
        .uid(&format!("quiet-{}-{}@flits", q.from, q.to))
        .summary(&t!(locale, "sched-feed-quiet", reason = q.reason.as_str()))
        .description(&t!(
            locale,
            "sched-feed-quiet-audiences",
            audiences = q.audiences.join(", ")
        ))
        .starts(q.from)
        // An all-day event ends on the day after its last day.
        .ends(q.to + Duration::days(1))
        .done()
}

/// The whole feed: every poll of the region and every quiet period.
fn feed(polls: &[CalendarEntry], quiet: &[QuietPeriod], locale: Locale) -> Calendar {
    let mut cal = Calendar::new();
    cal.name(&t!(locale, "sched-feed-name"));
    cal.timezone("Europe/Amsterdam");
    for p in polls {
        cal.push(poll_event(p, locale));
    }
    for q in quiet {
        cal.push(quiet_event(q, locale));
    }
    cal.done()
}

/// The feed, in Dutch unless `?lang=en` or the calendar app's `Accept-Language` asks for English
/// (chosen as for staff pages: [`locale_of`]).
pub async fn ics(req: HttpRequest, state: web::Data<StaffState>) -> HttpResponse {
    let locale = locale_of(&req);
    match feed_user(&req, &state).await {
        Ok(Some(_)) => {}
        Ok(None) => return text(StatusCode::UNAUTHORIZED, t!(locale, "sched-feed-invalid")),
        Err(e) => return unavailable(&req, locale, &e),
    }
    let polls = match calendar_polls(&state.store, locale.code()).await {
        Ok(p) => p,
        Err(e) => return unavailable(&req, locale, &e),
    };
    let cal = feed(&polls, &state.scheduling.policy().quiet_periods, locale);
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/calendar; charset=utf-8"))
        .insert_header((CACHE_CONTROL, "private, max-age=300"))
        .body(cal.to_string())
}
