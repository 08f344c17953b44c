//! `GET|POST /staff/polls/{slug}/schedule`: scheduling from the staff UI. Times are entered and
//! shown in Europe/Amsterdam; a refusal lists each conflict and offers the next free slot, all in
//! the page's language.

use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Europe::Amsterdam;
use flits_i18n::{Locale, t};
use flits_scheduling::text::{ConflictView, failure_message};
use flits_scheduling::{ScheduleCommand, ScheduleFailure, channel_ids};
use flits_store::Poll;
use flits_survey::PollState;
use serde::{Deserialize, Serialize};

use crate::identity::Caller;
use crate::locale::page_locale;
use crate::role::Role;
use crate::scheduling::{conflict_views, log_if_internal, status};
use crate::state::StaffState;
use crate::ui::page::{lang_of, local, message_page, render};
use crate::ui::{csrf_ok, csrf_refused};

/// The schedule form's fields (`datetime-local` values, Amsterdam time).
#[derive(Deserialize)]
pub struct ScheduleForm {
    #[serde(default)]
    opens: String,
    #[serde(default)]
    closes: String,
    #[serde(default)]
    channels: String,
    #[serde(default)]
    override_reason: String,
    #[serde(rename = "_csrf", default)]
    csrf: String,
}

/// What the form shows: as entered, plus the first free period after a conflict.
#[derive(Debug, Default, Serialize)]
struct FormValues {
    opens: String,
    closes: String,
    channels: String,
    override_reason: String,
    suggested_opens: Option<String>,
    suggested_closes: Option<String>,
}

/// The poll the page is about.
#[derive(Debug, Serialize)]
struct PollRef {
    slug: String,
    title: String,
}

/// The template data of `staff/schedule`.
#[derive(Debug, Serialize)]
struct SchedulePage {
    heading: String,
    poll: PollRef,
    values: FormValues,
    error: Option<String>,
    conflicts: Vec<ConflictView>,
    may_override: bool,
}

/// An Amsterdam wall-clock time (`2027-03-28T02:30`) as UTC. A time that does not exist (the hour
/// skipped when summer time starts) is refused; an ambiguous one (the hour repeated in October)
/// takes the first occurrence.
pub fn amsterdam_to_utc(local: &str) -> Option<DateTime<Utc>> {
    let naive = NaiveDateTime::parse_from_str(local.trim(), "%Y-%m-%dT%H:%M").ok()?;
    Amsterdam
        .from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

/// A UTC time as a `datetime-local` value in Amsterdam.
pub fn utc_to_amsterdam_input(t: DateTime<Utc>) -> String {
    t.with_timezone(&Amsterdam)
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

async fn schedulable(state: &StaffState, caller: &Caller, slug: &str) -> Option<Poll> {
    match state.store.poll_by_slug(slug).await {
        Ok(Some(p))
            if caller.may_access_organisation(&p.organisation_id)
                && matches!(p.state, PollState::Draft | PollState::Scheduled) =>
        {
            Some(p)
        }
        _ => None,
    }
}

fn not_found(state: &StaffState, req: &HttpRequest) -> HttpResponse {
    let locale = page_locale(req);
    message_page(
        Some(state),
        lang_of(req),
        StatusCode::NOT_FOUND,
        &t!(locale, "sched-page-not-found-heading"),
        &t!(locale, "sched-page-not-found-text"),
        None,
    )
}

/// The form again, with what was entered and why it was not scheduled.
struct Outcome {
    status: StatusCode,
    values: FormValues,
    error: Option<String>,
    conflicts: Vec<ConflictView>,
}

fn form_page(
    state: &StaffState,
    req: &HttpRequest,
    caller: &Caller,
    poll: &Poll,
    outcome: Outcome,
) -> HttpResponse {
    let locale = page_locale(req);
    let title = poll.definition.title.get(locale.code()).to_owned();
    let heading = t!(locale, "sched-page-title", title = title.as_str());
    let page = SchedulePage {
        heading: heading.clone(),
        poll: PollRef {
            slug: poll.slug.clone(),
            title,
        },
        values: outcome.values,
        error: outcome.error,
        conflicts: outcome.conflicts,
        may_override: caller.role == Role::Admin,
    };
    let data = serde_json::to_value(&page).unwrap_or_default();
    render(
        state,
        req,
        Some(caller),
        outcome.status,
        "staff/schedule",
        &heading,
        data,
    )
}

/// `GET /staff/polls/{slug}/schedule`.
pub async fn show(
    req: HttpRequest,
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
) -> HttpResponse {
    let Some(poll) = schedulable(&state, &caller, &slug).await else {
        return not_found(&state, &req);
    };
    let channels = state
        .store
        .poll_channels(poll.id)
        .await
        .unwrap_or_default()
        .join(" ");
    let values = FormValues {
        opens: poll
            .opens_at
            .map(utc_to_amsterdam_input)
            .unwrap_or_default(),
        closes: poll
            .closes_at
            .map(utc_to_amsterdam_input)
            .unwrap_or_default(),
        channels,
        ..FormValues::default()
    };
    let outcome = Outcome {
        status: StatusCode::OK,
        values,
        error: None,
        conflicts: Vec::new(),
    };
    form_page(&state, &req, &caller, &poll, outcome)
}

/// What to show for a refusal, in `locale`: the message, each conflict, and for a spacing
/// conflict the first free period with the same duration, offered as a one-click suggestion.
fn refused(
    failure: &ScheduleFailure,
    locale: Locale,
    duration: chrono::TimeDelta,
    mut values: FormValues,
) -> Outcome {
    log_if_internal(failure);
    let (error, conflicts) = match failure {
        ScheduleFailure::Conflicts {
            conflicts,
            next_free: Some(next),
        } => {
            values.suggested_opens = Some(utc_to_amsterdam_input(*next));
            values.suggested_closes = Some(utc_to_amsterdam_input(*next + duration));
            let next = local(Some(*next)).unwrap_or_default();
            (
                t!(locale, "sched-page-conflict-next-free", next = next),
                conflict_views(conflicts, locale),
            )
        }
        ScheduleFailure::Conflicts {
            conflicts,
            next_free: None,
        } => (
            t!(locale, "sched-page-conflict-no-free"),
            conflict_views(conflicts, locale),
        ),
        other => (failure_message(other, locale), Vec::new()),
    };
    Outcome {
        status: status(failure),
        values,
        error: Some(error),
        conflicts,
    }
}

/// `POST /staff/polls/{slug}/schedule`.
pub async fn submit(
    req: HttpRequest,
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
    form: web::Form<ScheduleForm>,
) -> HttpResponse {
    if !csrf_ok(&caller, &form.csrf) {
        return csrf_refused(&state, &req);
    }
    let locale = page_locale(&req);
    let Some(poll) = schedulable(&state, &caller, &slug).await else {
        return not_found(&state, &req);
    };
    let form = form.into_inner();
    let channels = channel_ids(form.channels.split([' ', ',']).filter(|c| !c.is_empty()));
    let override_reason = Some(form.override_reason.trim().to_owned()).filter(|r| !r.is_empty());
    let values = FormValues {
        opens: form.opens,
        closes: form.closes,
        channels: form.channels,
        override_reason: form.override_reason,
        ..FormValues::default()
    };
    let (Some(opens_at), Some(closes_at)) = (
        amsterdam_to_utc(&values.opens),
        amsterdam_to_utc(&values.closes),
    ) else {
        let outcome = Outcome {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            values,
            error: Some(t!(locale, "sched-page-bad-times")),
            conflicts: Vec::new(),
        };
        return form_page(&state, &req, &caller, &poll, outcome);
    };
    if override_reason.is_some() && caller.role != Role::Admin {
        return csrf_refused(&state, &req);
    }
    let channels = match channels {
        Ok(channels) => channels,
        Err(failure) => {
            let outcome = refused(&failure, locale, closes_at - opens_at, values);
            return form_page(&state, &req, &caller, &poll, outcome);
        }
    };
    let command = ScheduleCommand {
        slug: poll.slug.clone(),
        opens_at,
        closes_at,
        channels,
        override_reason,
        actor: Some(caller.user.email.clone()),
    };
    match state.scheduling.schedule(command).await {
        Ok(_) => HttpResponse::SeeOther()
            .insert_header((LOCATION, format!("/staff?lang={}", locale.code())))
            .finish(),
        Err(failure) => {
            let outcome = refused(&failure, locale, closes_at - opens_at, values);
            form_page(&state, &req, &caller, &poll, outcome)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amsterdam_wall_clock_across_dst() {
        // Winter: UTC+1; summer: UTC+2.
        assert_eq!(
            amsterdam_to_utc("2027-01-10T09:00").unwrap().to_rfc3339(),
            "2027-01-10T08:00:00+00:00"
        );
        assert_eq!(
            amsterdam_to_utc("2027-07-10T09:00").unwrap().to_rfc3339(),
            "2027-07-10T07:00:00+00:00"
        );
        // 28 March 2027, 02:30 does not exist in Amsterdam.
        assert!(amsterdam_to_utc("2027-03-28T02:30").is_none());
        // 31 October 2027, 02:30 happens twice: the first (summer time) is taken.
        assert_eq!(
            amsterdam_to_utc("2027-10-31T02:30").unwrap().to_rfc3339(),
            "2027-10-31T00:30:00+00:00"
        );
        assert!(amsterdam_to_utc("gisteren").is_none());
        let t = amsterdam_to_utc("2027-10-31T03:15").unwrap();
        assert_eq!(utc_to_amsterdam_input(t), "2027-10-31T03:15");
    }
}
