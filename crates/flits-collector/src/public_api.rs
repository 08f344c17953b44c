//! The public JSON API: a poll's definition for apps and scripts.

use actix_web::{HttpResponse, web};
use chrono::Utc;
use serde_json::json;

use crate::availability::{Availability, availability};
use crate::state::CollectorState;
use flits_http::ApiError;

/// `GET /api/v1/polls/{slug}`: the poll's public definition (the brief's internal purpose and
/// audiences are left out; the feedback promise is for residents and stays). Before the poll
/// opens only its title and opening time: `closes_at`, `intro` and `feedback_promise` are `null`
/// and `questions` is empty.
#[utoipa::path(
    get,
    path = "/api/v1/polls/{slug}",
    tag = "public",
    params(("slug" = String, Path, description = "The poll's slug")),
    responses(
        (status = 200, description = "The poll's public definition; before it opens (`not_open_yet`) only its slug, title and opening time", body = crate::openapi::PublicPoll),
        (status = 404, description = "No such poll, or not public (`not_found`)", body = crate::openapi::ErrorBody),
    )
)]
pub async fn definition(
    state: web::Data<CollectorState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let poll = state
        .caches
        .poll(&state.store, &slug)
        .await?
        .ok_or_else(|| ApiError::not_found("There is no poll with this address."))?;
    let av = availability(&poll, Utc::now());
    if av == Availability::Hidden {
        return Err(ApiError::not_found("There is no poll with this address."));
    }
    let def = &poll.definition;
    let state_name = match av {
        Availability::Open => "open",
        Availability::NotOpenYet { .. } => "not_open_yet",
        Availability::Closed { .. } => "closed",
        Availability::Hidden => "hidden",
    };
    if let Availability::NotOpenYet { opens_at } = av {
        // What the "not open yet" page and the poster show, and nothing more: the questions and
        // the rest stay unpublished until the poll opens.
        return Ok(HttpResponse::Ok().json(json!({
            "slug": def.slug,
            "state": state_name,
            "opens_at": opens_at,
            "closes_at": null,
            "title": def.title,
            "intro": null,
            "feedback_promise": null,
            "questions": [],
        })));
    }
    Ok(HttpResponse::Ok().json(json!({
        "slug": def.slug,
        "state": state_name,
        "opens_at": poll.opens_at,
        "closes_at": poll.closes_at,
        "title": def.title,
        "intro": def.intro,
        "feedback_promise": def.brief.as_ref().and_then(|b| b.feedback_promise.clone()),
        "questions": def.questions,
    })))
}
