//! Publishing results (docs/api.md, "Publishing results"): `POST
//! /api/v1/admin/polls/{slug}/results/publish` with the "you said, we did" text and the quotes
//! staff picked, and `POST …/results/updates` for a later "what we did". Comms staff and admins;
//! analysts read results but do not speak for the municipality.
//!
//! Quotes are scrubbed of personal data here, whatever staff sent, and must be answers to one of
//! the poll's open questions. The Dutch text gets the plain-language (B1) hints the builder gives,
//! as advice in the answer, never as a refusal.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use chrono::Utc;
use flits_http::ApiError;
use flits_http::survey_texts::{RenderedIssue, render_issues};
use flits_i18n::t;
use flits_store::{NewPublication, PublishOutcome};
use flits_survey::{Args, Issue, Text};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::api::errors::store;
use crate::api::locale::ApiLocale;
use crate::api::polls::visible_poll;
use crate::identity::Caller;
use crate::publishing::{check, hints, scrubbed_quotes};
use crate::state::StaffState;

/// The body of a publish request.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct PublishBody {
    /// "You said, we did": a plain string (Dutch) or `{"nl": …, "en": …}`.
    #[schema(value_type = Object)]
    pub summary: Text,
    /// Answers to the poll's open questions to show, each scrubbed of personal data.
    #[serde(default)]
    pub quotes: Vec<QuoteBody>,
}

/// One quote to show.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct QuoteBody {
    pub question_id: String,
    pub text: String,
}

/// The body of an update.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct UpdateBody {
    /// "What we did" since: a plain string (Dutch) or `{"nl": …, "en": …}`.
    #[schema(value_type = Object)]
    pub text: Text,
}

/// A published poll.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Published {
    pub slug: String,
    #[schema(example = "results_published")]
    pub state: &'static str,
    pub published_at: chrono::DateTime<Utc>,
    /// Replies put in the outbox, one per channel the poll was announced on.
    pub channel_replies: u64,
    /// The quotes as they will be shown (scrubbed).
    pub quotes: Vec<PublishedQuote>,
    /// Plain-language (B1) advice on the Dutch text.
    #[schema(value_type = Vec<Object>)]
    pub hints: Vec<RenderedIssue>,
}

/// An update that was added.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct UpdateAdded {
    pub slug: String,
    /// Plain-language (B1) advice on the Dutch text.
    #[schema(value_type = Vec<Object>)]
    pub hints: Vec<RenderedIssue>,
}

/// A quote as shown.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PublishedQuote {
    pub question_id: String,
    pub text: String,
}

/// `POST /api/v1/admin/polls/{slug}/results/publish`.
pub async fn publish(
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
    body: web::Json<PublishBody>,
    ApiLocale(locale): ApiLocale,
) -> Result<HttpResponse, ApiError> {
    let poll = visible_poll(&state, &caller, &slug, locale).await?;
    let body = body.into_inner();
    let picked: Vec<(String, String)> = body
        .quotes
        .iter()
        .map(|q| (q.question_id.clone(), q.text.clone()))
        .collect();
    let issues = check(&poll, &body.summary, &picked);
    if !issues.is_empty() {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_publication",
            t!(locale, "staff-publish-invalid", count = issues.len()),
        )
        .with_details(json!({ "errors": render_issues(&issues, locale) })));
    }
    let quotes = scrubbed_quotes(&picked);
    let hints = hints(&body.summary, locale);
    let now = Utc::now();
    let outcome = state
        .store
        .publish_results(
            poll.id,
            NewPublication {
                summary: body.summary,
                quotes: quotes.clone(),
                actor: Some(caller.user.email.clone()),
            },
            now,
        )
        .await
        .map_err(store(locale))?;
    match outcome {
        PublishOutcome::Published { replies } => Ok(HttpResponse::Ok().json(Published {
            slug: poll.slug,
            state: "results_published",
            published_at: now,
            channel_replies: replies,
            quotes: quotes
                .into_iter()
                .map(|q| PublishedQuote {
                    question_id: q.question_id,
                    text: q.text,
                })
                .collect(),
            hints,
        })),
        PublishOutcome::NotClosed(state) => Err(ApiError::new(
            StatusCode::CONFLICT,
            "not_closed",
            t!(locale, "staff-publish-not-closed", state = state.as_str()),
        )
        .with_details(json!({ "state": state }))),
        PublishOutcome::NotFound => {
            Err(ApiError::not_found(t!(locale, "staff-api-poll-not-found")))
        }
    }
}

/// `POST /api/v1/admin/polls/{slug}/results/updates`.
pub async fn update(
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
    body: web::Json<UpdateBody>,
    ApiLocale(locale): ApiLocale,
) -> Result<HttpResponse, ApiError> {
    let poll = visible_poll(&state, &caller, &slug, locale).await?;
    let text = body.into_inner().text;
    if text.get("nl").trim().is_empty() && text.get("en").trim().is_empty() {
        let issues = vec![Issue::new("text.nl", "summary_empty", Args::new())];
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_publication",
            t!(locale, "staff-publish-invalid", count = 1),
        )
        .with_details(json!({ "errors": render_issues(&issues, locale) })));
    }
    let hints = hints(&text, locale);
    let added = state
        .store
        .add_result_update(poll.id, text, Some(caller.user.email.clone()), Utc::now())
        .await
        .map_err(store(locale))?;
    if !added {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "not_published",
            t!(locale, "staff-publish-not-published"),
        ));
    }
    Ok(HttpResponse::Created().json(UpdateAdded {
        slug: poll.slug,
        hints,
    }))
}
