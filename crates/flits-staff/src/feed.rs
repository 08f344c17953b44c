//! `GET /calendar.ics?token=…`: the calendar as an iCalendar feed for Outlook or any calendar app.
//! The token is the user's read-only feed secret (not an API token).

use actix_web::http::StatusCode;
use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Duration;
use flits_http::RequestId;
use flits_http::lang::url_query_param;
use flits_i18n::{Locale, t};
use flits_store::StoreError;
use icalendar::{Calendar, Component, Event, EventLike};

use crate::calendar::calendar_polls;
use crate::locale::page_locale;
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

/// The feed, in Dutch unless `?lang=en` or the calendar app's `Accept-Language` asks for English.
pub async fn ics(req: HttpRequest, state: web::Data<StaffState>) -> HttpResponse {
    let locale = page_locale(&req);
    let token = url_query_param(req.query_string(), "token").unwrap_or_default();
    let user = if token.is_empty() {
        None
    } else {
        match state
            .store
            .staff_user_by_calendar_token(&hash_secret(&token))
            .await
        {
            Ok(u) => u,
            Err(e) => return unavailable(&req, locale, &e),
        }
    };
    if user.is_none() {
        return text(StatusCode::UNAUTHORIZED, t!(locale, "sched-feed-invalid"));
    }
    let polls = match calendar_polls(&state.store, locale.code()).await {
        Ok(p) => p,
        Err(e) => return unavailable(&req, locale, &e),
    };
    let mut cal = Calendar::new();
    cal.name(&t!(locale, "sched-feed-name"));
    cal.timezone("Europe/Amsterdam");
    for p in &polls {
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
        cal.push(
            Event::new()
                .uid(&format!("poll-{}@flits", p.slug))
                .summary(&t!(locale, "sched-feed-poll", title = p.title.as_str()))
                .description(&description)
                .starts(p.opens_at)
                .ends(p.closes_at)
                .done(),
        );
    }
    for q in &state.scheduling.policy().quiet_periods {
        cal.push(
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
                .done(),
        );
    }
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/calendar; charset=utf-8"))
        .insert_header((CACHE_CONTROL, "private, max-age=300"))
        .body(cal.done().to_string())
}
