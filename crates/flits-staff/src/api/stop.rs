//! `POST /api/v1/admin/polls/{slug}/cancel` and `…/close`: stopping what is planned, each with a
//! reason (docs/api.md, "Stopping a poll"). The rules and the writes are
//! [`flits_scheduling::Scheduling::cancel`] and [`flits_scheduling::Scheduling::close`]; this
//! module checks who asks and puts the answer into the caller's language.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use chrono::{DateTime, Utc};
use flits_http::ApiError;
use flits_i18n::Locale;
use flits_schedule::Stop;
use flits_scheduling::text::{stop_message, stopped_message};
use flits_scheduling::{StopCommand, StopFailure, Stopped};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use crate::api::locale::ApiLocale;
use crate::api::polls::visible_poll;
use crate::identity::Caller;
use crate::state::StaffState;

/// The body of a cancel or close request.
#[derive(Debug, Deserialize, ToSchema)]
pub struct StopBody {
    /// Why (required, at most 500 characters): written to the audit log, never posted.
    /// Missing or blank is refused with `422 reason_required`.
    #[serde(default)]
    #[schema(example = "Het raadsbesluit is uitgesteld")]
    pub reason: Option<String>,
}

/// A poll that was stopped.
#[derive(Debug, Serialize, ToSchema)]
pub struct PollStopped {
    pub slug: String,
    /// `draft` after a cancel, `closed` after a close.
    #[schema(example = "closed")]
    pub state: &'static str,
    /// When it closed (a close only).
    pub closed_at: Option<DateTime<Utc>>,
    /// How many channels get a notice that it closed early (a close only; 0 for a cancel).
    pub notices: u64,
    /// For people, in the caller's language.
    pub message: String,
}

impl PollStopped {
    fn new(stopped: &Stopped, locale: Locale) -> PollStopped {
        PollStopped {
            slug: stopped.slug.clone(),
            state: stopped.state.as_str(),
            closed_at: stopped.closed_at,
            notices: stopped.notices,
            message: stopped_message(stopped, locale),
        }
    }
}

/// The status a refusal is answered with: 409 for the poll's state, 422 for the reason.
pub fn status(failure: &StopFailure) -> StatusCode {
    match failure {
        StopFailure::UnknownPoll(_) => StatusCode::NOT_FOUND,
        f if f.is_state() => StatusCode::CONFLICT,
        StopFailure::Refused { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        StopFailure::Store(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// The API's refusal, with the poll's current state in `details.state` for a conflict.
pub fn api_error(failure: &StopFailure, locale: Locale) -> ApiError {
    if let StopFailure::Store(e) = failure {
        tracing::error!(error = %e, "stopping a poll failed");
    }
    let details = match failure {
        StopFailure::Refused { state, .. } if failure.is_state() => json!({"state": state}),
        StopFailure::Refused {
            refusal: flits_schedule::StopRefusal::ReasonTooLong { max, .. },
            ..
        } => json!({"max_chars": max}),
        _ => json!({}),
    };
    ApiError::new(
        status(failure),
        failure.code(),
        stop_message(failure, locale),
    )
    .with_details(details)
}

async fn stop(
    state: &StaffState,
    caller: &Caller,
    slug: &str,
    body: StopBody,
    locale: Locale,
    which: Stop,
) -> Result<HttpResponse, ApiError> {
    let poll = visible_poll(state, caller, slug, locale).await?;
    let command = StopCommand {
        slug: poll.slug,
        reason: body.reason.unwrap_or_default(),
        actor: Some(caller.user.email.clone()),
    };
    let done = match which {
        Stop::Cancel => state.scheduling.cancel(command, Utc::now()).await,
        Stop::Close => state.scheduling.close(command, Utc::now()).await,
    };
    match done {
        Ok(stopped) => Ok(HttpResponse::Ok().json(PollStopped::new(&stopped, locale))),
        Err(failure) => Err(api_error(&failure, locale)),
    }
}

/// `POST /api/v1/admin/polls/{slug}/cancel`: a scheduled poll back to draft, its slot freed.
pub async fn cancel(
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
    body: web::Json<StopBody>,
    ApiLocale(locale): ApiLocale,
) -> Result<HttpResponse, ApiError> {
    stop(
        &state,
        &caller,
        &slug,
        body.into_inner(),
        locale,
        Stop::Cancel,
    )
    .await
}

/// `POST /api/v1/admin/polls/{slug}/close`: an open poll closed now; its channels get a notice.
pub async fn close(
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
    body: web::Json<StopBody>,
    ApiLocale(locale): ApiLocale,
) -> Result<HttpResponse, ApiError> {
    stop(
        &state,
        &caller,
        &slug,
        body.into_inner(),
        locale,
        Stop::Close,
    )
    .await
}
