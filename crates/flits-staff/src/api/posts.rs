//! A poll's posts on its channels (the outbox), sending a failed one again, and reminders
//! (docs/api.md, "Channels and posts").

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use chrono::Utc;
use flits_http::ApiError;
use flits_i18n::{Locale, t};
use flits_scheduling::{ReminderCommand, ScheduleFailure};
use flits_types::ChannelId;
use serde::Deserialize;
use serde_json::json;

use crate::api::bodies::{ChannelPost, PostList, ReminderQueued, RetryQueued};
use crate::api::errors::store;
use crate::api::locale::ApiLocale;
use crate::api::polls::visible_poll;
use crate::identity::Caller;
use crate::outbox::{Retried, retry_post};
use crate::scheduling;
use crate::state::StaffState;

fn post_not_found(locale: Locale) -> ApiError {
    ApiError::not_found(t!(locale, "staff-api-post-not-found"))
}

/// `GET /api/v1/admin/polls/{slug}/posts`: the poll's posts, each with why it failed (in the
/// caller's language) and the counts of a native poll as a separate source.
pub async fn list(
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
    ApiLocale(locale): ApiLocale,
) -> Result<HttpResponse, ApiError> {
    let poll = visible_poll(&state, &caller, &slug, locale).await?;
    let posts = state
        .store
        .outbox_posts(poll.id)
        .await
        .map_err(store(locale))?
        .iter()
        .map(|p| ChannelPost::of(p, locale))
        .collect();
    Ok(HttpResponse::Ok().json(PostList {
        slug: poll.slug,
        posts,
    }))
}

/// `POST /api/v1/admin/polls/{slug}/posts/{id}/retry`: a failed post back in the outbox, `202`;
/// `409 not_failed` for a post that is pending, being sent or posted (it can never go out twice).
pub async fn retry(
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    path: web::Path<(String, String)>,
    ApiLocale(locale): ApiLocale,
) -> Result<HttpResponse, ApiError> {
    let (slug, id) = path.into_inner();
    let poll = visible_poll(&state, &caller, &slug, locale).await?;
    match retry_post(&state, &caller, &poll, &id)
        .await
        .map_err(store(locale))?
    {
        Retried::Queued(id) => Ok(HttpResponse::Accepted().json(RetryQueued {
            id,
            status: "pending",
        })),
        Retried::NotFound => Err(post_not_found(locale)),
        Retried::NotFailed(status) => Err(ApiError::new(
            StatusCode::CONFLICT,
            "not_failed",
            t!(locale, "staff-api-post-not-failed"),
        )
        .with_details(json!({ "status": status }))),
    }
}

/// The body of a reminder request.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct ReminderBody {
    /// One of the poll's channels.
    #[schema(example = "mastodon-velsen")]
    pub channel: String,
}

/// `POST /api/v1/admin/polls/{slug}/reminders`: posts an open poll once more on one of its
/// channels, within the channel's weekly limit (audit-logged by the scheduling service); `202`.
pub async fn remind(
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
    body: web::Json<ReminderBody>,
    ApiLocale(locale): ApiLocale,
) -> Result<HttpResponse, ApiError> {
    let poll = visible_poll(&state, &caller, &slug, locale).await?;
    let raw = body.into_inner().channel;
    let channel = ChannelId::parse(&raw).map_err(|_| {
        scheduling::api_error(&ScheduleFailure::InvalidChannel(raw.clone()), locale)
    })?;
    let command = ReminderCommand {
        slug: poll.slug.clone(),
        channel: channel.clone(),
        actor: Some(caller.user.email.clone()),
    };
    match state.scheduling.remind(command, Utc::now()).await {
        Ok(()) => Ok(HttpResponse::Accepted().json(ReminderQueued {
            slug: poll.slug,
            message: t!(locale, "sched-reminder-queued", channel = channel.as_str()),
            channel: channel.into_string(),
            purpose: "reminder",
            status: "pending",
        })),
        Err(failure) => Err(scheduling::reminder_api_error(&failure, locale)),
    }
}
