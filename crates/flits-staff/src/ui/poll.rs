//! `GET /staff/polls/{slug}`: one poll at a glance (state, organisation, dates, responses so far,
//! where to go next) with the way to stop it: a scheduled poll can be cancelled, an open one
//! closed now, each with a reason (`POST …/cancel`, `POST …/close`). The rules are the scheduling
//! service's ([`flits_scheduling::Scheduling::cancel`], [`flits_scheduling::Scheduling::close`]);
//! a refusal comes back on this page with its reason and what was typed.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Utc;
use flits_http::PageError;
use flits_http::query::url_query_param;
use flits_i18n::t;
use flits_schedule::Stop;
use flits_scheduling::text::stop_message;
use flits_scheduling::{StopCommand, StopFailure};
use flits_store::Poll;
use flits_survey::PollState;
use serde::{Deserialize, Serialize};

use crate::api::stop::status as stop_status;
use crate::identity::Caller;
use crate::role::Role;
use crate::ui::page::{StaffPage, local};
use crate::ui::visible_poll::{not_found, visible};
use crate::ui::{Checked, CsrfField};

/// The poll page's view.
#[derive(Debug, Serialize)]
struct PollPageView {
    slug: String,
    title: String,
    state: &'static str,
    organisation: String,
    opens: Option<String>,
    closes: Option<String>,
    responses: u64,
    editable: bool,
    schedulable: bool,
    has_posts: bool,
    /// The stop form, for editors, when the poll can be stopped at all.
    stop: Option<StopForm>,
    notice: Option<String>,
    error: Option<String>,
}

/// The form that stops the poll: which stop, and the reason typed so far.
#[derive(Debug, Serialize)]
struct StopForm {
    /// `cancel` or `close`: the last part of the form's action.
    action: &'static str,
    cancel: bool,
    reason: String,
    /// Whether the reason is what was wrong (it gets `aria-invalid` and the message).
    reason_invalid: bool,
}

/// The posted stop form.
#[derive(Debug, Deserialize)]
pub struct StopFormData {
    #[serde(rename = "_csrf")]
    csrf: String,
    #[serde(default)]
    reason: String,
}

impl CsrfField for StopFormData {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

/// Which stop the poll's state allows, if any.
fn stop_for(state: PollState) -> Option<Stop> {
    match state {
        PollState::Scheduled => Some(Stop::Cancel),
        PollState::Open => Some(Stop::Close),
        _ => None,
    }
}

/// The organisation's name, or its id when it has none stored.
pub(crate) async fn organisation_name(page: &StaffPage, id: &str) -> Result<String, PageError> {
    Ok(page
        .state
        .store
        .organisation(id)
        .await
        .map_err(|e| page.unavailable(&e))?
        .map_or_else(|| id.to_owned(), |o| o.name))
}

/// The page for `poll`, with a notice or a refused stop.
async fn render(
    page: &StaffPage,
    caller: &Caller,
    poll: &Poll,
    status: StatusCode,
    notice: Option<String>,
    refused: Option<(String, String, bool)>,
) -> Result<HttpResponse, PageError> {
    let may_edit = matches!(caller.role, Role::Admin | Role::Comms);
    let responses = page
        .state
        .store
        .count_responses(poll.id)
        .await
        .map_err(|e| page.unavailable(&e))?;
    let (error, reason, reason_invalid) = match refused {
        Some((message, reason, invalid)) => (Some(message), reason, invalid),
        None => (None, String::new(), false),
    };
    let stop = stop_for(poll.state)
        .filter(|_| may_edit)
        .map(|stop| StopForm {
            action: stop.as_str(),
            cancel: stop == Stop::Cancel,
            reason,
            reason_invalid,
        });
    let title = poll.definition.title.get(page.locale.code()).to_owned();
    let view = PollPageView {
        slug: poll.slug.clone(),
        title: title.clone(),
        state: poll.state.as_str(),
        organisation: organisation_name(page, &poll.organisation_id).await?,
        opens: local(poll.opens_at),
        closes: local(poll.closes_at),
        responses,
        editable: may_edit && poll.state == PollState::Draft,
        schedulable: may_edit && matches!(poll.state, PollState::Draft | PollState::Scheduled),
        has_posts: poll.state != PollState::Draft,
        stop,
        notice,
        error,
    };
    page.render(status, "staff/poll", &title, &view)
}

/// `GET /staff/polls/{slug}`.
pub async fn show(
    page: StaffPage,
    req: HttpRequest,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let Some(poll) = visible(&page, &caller, &slug).await? else {
        return Ok(not_found(&page));
    };
    let notice = match url_query_param(req.query_string(), "done").as_deref() {
        Some("cancelled") => Some(t!(
            page.locale,
            "staff-stop-cancelled",
            slug = poll.slug.as_str()
        )),
        Some("closed") => {
            let notices = url_query_param(req.query_string(), "notices")
                .and_then(|n| n.parse::<u64>().ok())
                .unwrap_or(0);
            Some(t!(
                page.locale,
                "staff-stop-closed",
                slug = poll.slug.as_str(),
                notices = notices
            ))
        }
        _ => None,
    };
    render(&page, &caller, &poll, StatusCode::OK, notice, None).await
}

async fn stop(
    page: StaffPage,
    caller: &Caller,
    slug: &str,
    form: StopFormData,
    which: Stop,
) -> Result<HttpResponse, PageError> {
    let Some(poll) = visible(&page, caller, slug).await? else {
        return Ok(not_found(&page));
    };
    let command = StopCommand {
        slug: poll.slug.clone(),
        reason: form.reason.clone(),
        actor: Some(caller.user.email.clone()),
    };
    let done = match which {
        Stop::Cancel => page.state.scheduling.cancel(command, Utc::now()).await,
        Stop::Close => page.state.scheduling.close(command, Utc::now()).await,
    };
    match done {
        Ok(stopped) => {
            // The page after the redirect says what was done (from the query), so a reload does
            // not post the form again.
            let path = match which {
                Stop::Cancel => format!("/staff/polls/{}?done=cancelled", poll.slug),
                Stop::Close => format!(
                    "/staff/polls/{}?done=closed&notices={}",
                    poll.slug, stopped.notices
                ),
            };
            Ok(page.see_other(&path))
        }
        Err(StopFailure::Store(e)) => Err(page.unavailable(&e)),
        Err(failure) => {
            let invalid_reason = !failure.is_state();
            let message = stop_message(&failure, page.locale);
            // The poll as it is now (it may have moved on meanwhile).
            let current = visible(&page, caller, slug).await?.unwrap_or(poll);
            render(
                &page,
                caller,
                &current,
                stop_status(&failure),
                None,
                Some((message, form.reason, invalid_reason)),
            )
            .await
        }
    }
}

/// `POST /staff/polls/{slug}/cancel`.
pub async fn cancel(
    page: StaffPage,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
    form: Checked<web::Form<StopFormData>>,
) -> Result<HttpResponse, PageError> {
    stop(page, &caller, &slug, form.0.into_inner(), Stop::Cancel).await
}

/// `POST /staff/polls/{slug}/close`.
pub async fn close(
    page: StaffPage,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
    form: Checked<web::Form<StopFormData>>,
) -> Result<HttpResponse, PageError> {
    stop(page, &caller, &slug, form.0.into_inner(), Stop::Close).await
}
