//! `GET|POST /staff/polls/{slug}/schedule`: scheduling from the staff UI. Times are entered and
//! shown in Europe/Amsterdam; a refusal lists each conflict and offers the next free slot.

use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Europe::Amsterdam;
use flits_http::Lang;
use flits_store::Poll;
use flits_survey::PollState;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::identity::Caller;
use crate::role::Role;
use crate::scheduling::{ScheduleOutcome, ScheduleRequest};
use crate::state::StaffState;
use crate::ui::page::{lang_of, message_page, render};
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

fn not_found(state: &StaffState, lang: Lang) -> HttpResponse {
    let (h, t) = match lang {
        Lang::Nl => (
            "Niet gevonden",
            "Er is geen concept of ingeplande peiling met dit adres die u mag inplannen.",
        ),
        Lang::En => (
            "Not found",
            "There is no draft or scheduled poll at this address that you may schedule.",
        ),
    };
    message_page(Some(state), lang, StatusCode::NOT_FOUND, h, t, None)
}

#[allow(clippy::too_many_arguments)]
fn form_page(
    state: &StaffState,
    req: &HttpRequest,
    caller: &Caller,
    poll: &Poll,
    status: StatusCode,
    values: Value,
    error: Option<String>,
    conflicts: Vec<Value>,
) -> HttpResponse {
    let lang = lang_of(req);
    let title = match lang {
        Lang::Nl => format!("Inplannen: {}", poll.definition.title.get("nl")),
        Lang::En => format!("Schedule: {}", poll.definition.title.get("en")),
    };
    let data = json!({
        "poll": {"slug": poll.slug, "title": poll.definition.title.get(lang.code())},
        "values": values,
        "error": error,
        "conflicts": conflicts,
        "may_override": caller.role == Role::Admin,
        "heading": title,
    });
    render(
        state,
        req,
        Some(caller),
        status,
        "staff/schedule",
        &title,
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
        return not_found(&state, lang_of(&req));
    };
    let channels = state
        .store
        .poll_channels(poll.id)
        .await
        .unwrap_or_default()
        .join(" ");
    let values = json!({
        "opens": poll.opens_at.map(utc_to_amsterdam_input).unwrap_or_default(),
        "closes": poll.closes_at.map(utc_to_amsterdam_input).unwrap_or_default(),
        "channels": channels,
        "override_reason": "",
    });
    form_page(
        &state,
        &req,
        &caller,
        &poll,
        StatusCode::OK,
        values,
        None,
        Vec::new(),
    )
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
    let lang = lang_of(&req);
    let Some(poll) = schedulable(&state, &caller, &slug).await else {
        return not_found(&state, lang);
    };
    let form = form.into_inner();
    let values = json!({"opens": form.opens, "closes": form.closes, "channels": form.channels, "override_reason": form.override_reason});
    let (Some(opens_at), Some(closes_at)) = (
        amsterdam_to_utc(&form.opens),
        amsterdam_to_utc(&form.closes),
    ) else {
        let msg = match lang {
            Lang::Nl => {
                "Vul een geldige begin- en eindtijd in (Nederlandse tijd). Let op: bij de overgang naar zomertijd bestaat 02:00–03:00 niet."
            }
            Lang::En => {
                "Enter a valid opening and closing time (Dutch time). Note: when summer time starts, 02:00–03:00 does not exist."
            }
        };
        return form_page(
            &state,
            &req,
            &caller,
            &poll,
            StatusCode::UNPROCESSABLE_ENTITY,
            values,
            Some(msg.to_owned()),
            Vec::new(),
        );
    };
    let override_reason = Some(form.override_reason.trim().to_owned()).filter(|r| !r.is_empty());
    if override_reason.is_some() && caller.role != Role::Admin {
        return csrf_refused(&state, &req);
    }
    let Some(scheduler) = state.scheduler.clone() else {
        return HttpResponse::ServiceUnavailable().finish();
    };
    let request = ScheduleRequest {
        slug: poll.slug.clone(),
        opens_at,
        closes_at,
        channels: form
            .channels
            .split([' ', ','])
            .filter(|c| !c.is_empty())
            .map(str::to_owned)
            .collect(),
        override_reason,
        actor_email: caller.user.email.clone(),
    };
    match scheduler.schedule(request).await {
        ScheduleOutcome::Scheduled(_) => HttpResponse::SeeOther()
            .insert_header((LOCATION, format!("/staff?lang={}", lang.code())))
            .finish(),
        ScheduleOutcome::Refused {
            status,
            code,
            message,
            details,
        } => {
            let conflicts: Vec<Value> =
                details["conflicts"].as_array().cloned().unwrap_or_default();
            let next_free = details["next_free"]
                .as_str()
                .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
                .map(|t| t.with_timezone(&Utc));
            let mut values = values;
            let error = match (code, next_free, lang) {
                ("spacing_conflict", Some(next), Lang::Nl) => {
                    let duration = closes_at - opens_at;
                    values["suggested_opens"] = json!(utc_to_amsterdam_input(next));
                    values["suggested_closes"] = json!(utc_to_amsterdam_input(next + duration));
                    format!(
                        "Dit botst met de afspraken over tussenruimte. De eerste vrije periode begint {}.",
                        next.with_timezone(&Amsterdam).format("%d-%m-%Y %H:%M")
                    )
                }
                ("spacing_conflict", Some(next), Lang::En) => {
                    let duration = closes_at - opens_at;
                    values["suggested_opens"] = json!(utc_to_amsterdam_input(next));
                    values["suggested_closes"] = json!(utc_to_amsterdam_input(next + duration));
                    format!(
                        "This breaks the spacing rules. The first free period starts {}.",
                        next.with_timezone(&Amsterdam).format("%d-%m-%Y %H:%M")
                    )
                }
                _ => message,
            };
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::CONFLICT);
            form_page(
                &state,
                &req,
                &caller,
                &poll,
                status,
                values,
                Some(error),
                conflicts,
            )
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
