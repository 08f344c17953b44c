//! `GET /calendar.ics?token=…`: the calendar as an iCalendar feed for Outlook or any calendar app.
//! The token is the user's read-only feed secret (not an API token).

use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Duration;
use flits_http::lang::url_query_param;
use icalendar::{Calendar, Component, Event, EventLike};

use crate::calendar::calendar_polls;
use crate::secrets::hash_secret;
use crate::state::StaffState;

/// The feed.
pub async fn ics(req: HttpRequest, state: web::Data<StaffState>) -> HttpResponse {
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
            Err(e) => {
                tracing::error!(error = %e, "calendar feed lookup failed");
                return HttpResponse::ServiceUnavailable().finish();
            }
        }
    };
    if user.is_none() {
        return HttpResponse::Unauthorized()
            .insert_header((CONTENT_TYPE, "text/plain; charset=utf-8"))
            .body(
                "This calendar link is not valid (any more). Make a new one on the calendar page.",
            );
    }
    let polls = match calendar_polls(&state.store, "nl").await {
        Ok(p) => p,
        Err(e) => {
            tracing::error!(error = %e, "calendar feed failed");
            return HttpResponse::ServiceUnavailable().finish();
        }
    };
    let mut cal = Calendar::new();
    cal.name("Flits – peilingen in de regio");
    cal.timezone("Europe/Amsterdam");
    for p in &polls {
        let description = format!(
            "Organisatie: {}\nDoelgroepen: {}\nStatus: {}",
            p.organisation,
            p.audiences.join(", "),
            p.state.as_str()
        );
        cal.push(
            Event::new()
                .uid(&format!("poll-{}@flits", p.slug))
                .summary(&format!("Peiling: {}", p.title))
                .description(&description)
                .starts(p.opens_at)
                .ends(p.closes_at)
                .done(),
        );
    }
    for q in &state.config.quiet_periods {
        cal.push(
            Event::new()
                .uid(&format!("quiet-{}-{}@flits", q.from, q.to))
                .summary(&format!("Stille periode: {}", q.reason))
                .description(&format!("Geen peilingen voor: {}", q.audiences.join(", ")))
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
