//! The poll builder's API: create, read (with hints), replace and delete drafts, copy any poll.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use flits_http::ApiError;
use flits_i18n::t;
use flits_scheduling::ScheduleCommand;
use flits_store::{NewAudit, NewPoll, Poll};
use flits_survey::{PollDefinition, PollState, Report, ValidationOptions, validate};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::identity::Caller;
use crate::locale::api_locale;
use crate::scheduling::{self, ScheduledBody};
use crate::state::StaffState;

fn not_found() -> ApiError {
    ApiError::not_found("There is no poll with this slug that you can see.")
}

/// The poll, when it exists and the caller's organisation may see it (404 otherwise, so that
/// other organisations' polls are not even confirmed to exist).
async fn visible_poll(state: &StaffState, caller: &Caller, slug: &str) -> Result<Poll, ApiError> {
    match state.store.poll_by_slug(slug).await? {
        Some(p) if caller.may_access_organisation(&p.organisation_id) => Ok(p),
        _ => Err(not_found()),
    }
}

async fn check(state: &StaffState, def: &PollDefinition) -> Result<Report, ApiError> {
    let audiences = state
        .store
        .audiences()
        .await?
        .into_iter()
        .map(|a| a.id)
        .collect();
    let opts = ValidationOptions {
        max_questions: state.config.max_questions,
        known_audiences: Some(audiences),
        ..Default::default()
    };
    Ok(validate(def, &opts))
}

fn invalid(report: &Report) -> ApiError {
    ApiError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_definition",
        "The poll definition has errors.",
    )
    .with_details(json!({"errors": report.errors, "hints": report.hints}))
}

fn parse(body: Value) -> Result<PollDefinition, ApiError> {
    PollDefinition::from_json_value(body).map_err(|e| {
        let report = Report::unreadable(&e, flits_survey::MessageLang::En);
        invalid(&report)
    })
}

async fn audit(state: &StaffState, caller: &Caller, action: &str, slug: &str) {
    let entry = NewAudit {
        actor_email: Some(caller.user.email.clone()),
        action: action.to_owned(),
        poll_slug: Some(slug.to_owned()),
        details: json!({}),
    };
    if let Err(e) = state.store.insert_audit(entry).await {
        tracing::error!(error = %e, action, "writing an audit event failed");
    }
}

/// Stores `def` as a new draft of `organisation_id`.
async fn insert_draft(
    state: &StaffState,
    organisation_id: String,
    def: PollDefinition,
) -> Result<(), ApiError> {
    state
        .store
        .insert_poll(NewPoll {
            organisation_id,
            state: PollState::Draft,
            definition: def,
            opens_at: None,
            closes_at: None,
            channels: Vec::new(),
        })
        .await?;
    Ok(())
}

fn summary(p: &Poll) -> Value {
    json!({
        "slug": p.slug,
        "title": p.definition.title,
        "state": p.state,
        "organisation": p.organisation_id,
        "opens_at": p.opens_at,
        "closes_at": p.closes_at,
    })
}

/// `GET /api/v1/admin/polls`: the polls the caller may see.
pub async fn list(
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
) -> Result<HttpResponse, ApiError> {
    let polls: Vec<Value> = state
        .store
        .polls()
        .await?
        .iter()
        .filter(|p| caller.may_access_organisation(&p.organisation_id))
        .map(summary)
        .collect();
    Ok(HttpResponse::Ok().json(json!({"polls": polls})))
}

/// `POST /api/v1/admin/polls`: a new draft for the caller's organisation.
pub async fn create(
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    body: web::Json<Value>,
) -> Result<HttpResponse, ApiError> {
    let def = parse(body.into_inner())?;
    let report = check(&state, &def).await?;
    if !report.valid {
        return Err(invalid(&report));
    }
    if state.store.poll_by_slug(&def.slug).await?.is_some() {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "slug_taken",
            "A poll with this slug already exists.",
        ));
    }
    let slug = def.slug.clone();
    insert_draft(&state, caller.user.organisation_id.clone(), def).await?;
    audit(&state, &caller, "poll.created", &slug).await;
    Ok(HttpResponse::Created().json(json!({"slug": slug, "hints": report.hints})))
}

/// `GET /api/v1/admin/polls/{slug}`: the definition with its validation report and hints.
pub async fn read(
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let poll = visible_poll(&state, &caller, &slug).await?;
    let report = check(&state, &poll.definition).await?;
    let mut body = summary(&poll);
    if let Value::Object(map) = &mut body {
        map.insert(
            "definition".to_owned(),
            serde_json::to_value(&poll.definition).unwrap_or(Value::Null),
        );
        map.insert(
            "validation".to_owned(),
            serde_json::to_value(&report).unwrap_or(Value::Null),
        );
    }
    Ok(HttpResponse::Ok().json(body))
}

/// `PUT /api/v1/admin/polls/{slug}`: replaces a draft's definition (the slug stays).
pub async fn replace(
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
    body: web::Json<Value>,
) -> Result<HttpResponse, ApiError> {
    let poll = visible_poll(&state, &caller, &slug).await?;
    if !poll.state.is_editable() {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "not_editable",
            "Only a draft can change; copy the poll to make a new version.",
        )
        .with_details(json!({"state": poll.state})));
    }
    let def = parse(body.into_inner())?;
    if def.slug != poll.slug {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "slug_mismatch",
            "The slug in the body must be the poll's slug.",
        ));
    }
    let report = check(&state, &def).await?;
    if !report.valid {
        return Err(invalid(&report));
    }
    state.store.replace_definition(poll.id, &def).await?;
    audit(&state, &caller, "poll.updated", &poll.slug).await;
    Ok(HttpResponse::Ok().json(json!({"slug": poll.slug, "hints": report.hints})))
}

/// `DELETE /api/v1/admin/polls/{slug}`: drafts only.
pub async fn delete(
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let poll = visible_poll(&state, &caller, &slug).await?;
    if poll.state != PollState::Draft {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "not_editable",
            "Only a draft can be deleted.",
        )
        .with_details(json!({"state": poll.state})));
    }
    state.store.delete_draft(poll.id).await?;
    audit(&state, &caller, "poll.deleted", &poll.slug).await;
    Ok(HttpResponse::NoContent().finish())
}

/// The body of a copy request.
#[derive(Debug, Default, Deserialize)]
pub struct CopyBody {
    #[serde(default)]
    pub slug: Option<String>,
}

/// `POST /api/v1/admin/polls/{slug}/copy`: a new draft with the same definition (how a scheduled or
/// open poll gets a new version).
pub async fn copy(
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
    body: Option<web::Json<CopyBody>>,
) -> Result<HttpResponse, ApiError> {
    let poll = visible_poll(&state, &caller, &slug).await?;
    let wanted = body.and_then(|b| b.into_inner().slug);
    let new_slug = match wanted {
        Some(s) => {
            if state.store.poll_by_slug(&s).await?.is_some() {
                return Err(ApiError::new(
                    StatusCode::CONFLICT,
                    "slug_taken",
                    "A poll with this slug already exists.",
                ));
            }
            s
        }
        None => {
            let mut n = 1;
            loop {
                let candidate = if n == 1 {
                    format!("{}-kopie", poll.slug)
                } else {
                    format!("{}-kopie-{n}", poll.slug)
                };
                if state.store.poll_by_slug(&candidate).await?.is_none() {
                    break candidate;
                }
                n += 1;
            }
        }
    };
    let mut def = poll.definition.clone();
    def.slug = new_slug.clone();
    let report = check(&state, &def).await?;
    if report.errors.iter().any(|e| e.location == "slug") {
        return Err(invalid(&report));
    }
    insert_draft(&state, poll.organisation_id.clone(), def).await?;
    audit(&state, &caller, "poll.copied", &new_slug).await;
    Ok(HttpResponse::Created().json(json!({"slug": new_slug, "copied_from": poll.slug})))
}

/// The body of a schedule request (CONTRACT section 4).
#[derive(Debug, Deserialize)]
pub struct ScheduleBody {
    pub opens_at: chrono::DateTime<chrono::Utc>,
    pub closes_at: chrono::DateTime<chrono::Utc>,
    #[serde(default)]
    pub channels: Vec<String>,
    #[serde(default)]
    pub override_reason: Option<String>,
}

/// `POST /api/v1/admin/polls/{slug}/schedule`: schedules a draft (or reschedules), enforcing
/// spacing; `409 spacing_conflict` with the conflicts and the next free slot. Only admins may
/// override, with a reason; overrides are audit-logged by the scheduling service. Messages follow
/// `Accept-Language` (Dutch or English).
pub async fn schedule(
    req: HttpRequest,
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
    body: web::Json<ScheduleBody>,
) -> Result<HttpResponse, ApiError> {
    let locale = api_locale(&req);
    let poll = visible_poll(&state, &caller, &slug).await?;
    let body = body.into_inner();
    if body.override_reason.is_some() && caller.role != crate::Role::Admin {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "override_forbidden",
            t!(locale, "sched-failure-override-forbidden"),
        ));
    }
    let command = ScheduleCommand {
        slug: poll.slug,
        opens_at: body.opens_at,
        closes_at: body.closes_at,
        channels: body.channels,
        override_reason: body.override_reason,
        actor: Some(caller.user.email.clone()),
    };
    match state.scheduling.schedule(command).await {
        Ok(scheduled) => Ok(HttpResponse::Ok().json(ScheduledBody::new(scheduled, locale))),
        Err(failure) => Err(scheduling::api_error(&failure, locale)),
    }
}
