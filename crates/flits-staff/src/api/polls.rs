//! The poll builder's API: create, read (with hints), replace and delete drafts, copy any poll.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use flits_http::ApiError;
use flits_http::survey_texts::{RenderedReport, render_issues};
use flits_scheduling::{ScheduleCommand, channel_ids};
use flits_store::{NewAudit, NewPoll, Poll};
use flits_survey::{
    PollDefinition, Report, ValidationOptions, read_value, validate, validate_reading,
};
use serde::Deserialize;
use serde_json::{Value, json};

use flits_i18n::{Locale, t};

use crate::api::bodies::{
    DraftSaved, PollCopied, PollDetail, PollList, PollScheduled, PollSummary,
};
use crate::api::errors::store;
use crate::api::locale::ApiLocale;
use crate::identity::Caller;
use crate::scheduling;
use crate::state::StaffState;

fn not_found(locale: Locale) -> ApiError {
    ApiError::not_found(t!(locale, "staff-api-poll-not-found"))
}

/// `409 not_editable`: only drafts change, with the poll's state in `details`.
fn not_editable(poll: &Poll, message: String) -> ApiError {
    ApiError::new(StatusCode::CONFLICT, "not_editable", message)
        .with_details(json!({"state": poll.state}))
}

fn slug_taken(locale: Locale) -> ApiError {
    ApiError::new(
        StatusCode::CONFLICT,
        "slug_taken",
        t!(locale, "staff-api-slug-taken"),
    )
}

/// The poll, when it exists and the caller's organisation may see it (404 otherwise, so that
/// other organisations' polls are not even confirmed to exist).
pub(crate) async fn visible_poll(
    state: &StaffState,
    caller: &Caller,
    slug: &str,
    locale: Locale,
) -> Result<Poll, ApiError> {
    match state
        .store
        .poll_by_slug(slug)
        .await
        .map_err(store(locale))?
    {
        Some(p) if caller.may_access_organisation(&p.organisation_id) => Ok(p),
        _ => Err(not_found(locale)),
    }
}

async fn options(state: &StaffState, locale: Locale) -> Result<ValidationOptions, ApiError> {
    let audiences = state
        .store
        .audiences()
        .await
        .map_err(store(locale))?
        .into_iter()
        .map(|a| a.id)
        .collect();
    Ok(ValidationOptions {
        max_questions: state.config.max_questions,
        known_audiences: Some(audiences),
        ..Default::default()
    })
}

async fn check(
    state: &StaffState,
    def: &PollDefinition,
    locale: Locale,
) -> Result<Report, ApiError> {
    Ok(validate(def, &options(state, locale).await?))
}

fn invalid(report: &Report, locale: Locale) -> ApiError {
    ApiError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_definition",
        t!(locale, "staff-api-invalid-definition"),
    )
    .with_details(json!({
        "errors": render_issues(&report.errors, locale),
        "hints": render_issues(&report.hints, locale),
    }))
}

/// Reads a request body leniently and checks it: the definition when it has no problem at all,
/// otherwise `422` with every problem (reading problems and broken rules) in `details.errors`.
async fn read_valid(
    state: &StaffState,
    body: Value,
    locale: Locale,
) -> Result<(PollDefinition, Report), ApiError> {
    let reading = read_value(body);
    let report = validate_reading(&reading, &options(state, locale).await?);
    match reading.into_definition() {
        Ok(def) if report.valid => Ok((def, report)),
        _ => Err(invalid(&report, locale)),
    }
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
    locale: Locale,
) -> Result<(), ApiError> {
    state
        .store
        .insert_poll(NewPoll::draft(organisation_id, def))
        .await
        .map_err(store(locale))?;
    Ok(())
}

/// `GET /api/v1/admin/polls`: the polls the caller may see.
pub async fn list(
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    ApiLocale(locale): ApiLocale,
) -> Result<HttpResponse, ApiError> {
    let polls = state
        .store
        .polls()
        .await
        .map_err(store(locale))?
        .iter()
        .filter(|p| caller.may_access_organisation(&p.organisation_id))
        .map(PollSummary::of)
        .collect();
    Ok(HttpResponse::Ok().json(PollList { polls }))
}

/// `POST /api/v1/admin/polls`: a new draft for the caller's organisation.
pub async fn create(
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    body: web::Json<Value>,
    ApiLocale(locale): ApiLocale,
) -> Result<HttpResponse, ApiError> {
    let (def, report) = read_valid(&state, body.into_inner(), locale).await?;
    let existing = state.store.poll_by_slug(&def.slug).await;
    if existing.map_err(store(locale))?.is_some() {
        return Err(slug_taken(locale));
    }
    let slug = def.slug.clone();
    let organisation = caller.user.organisation_id.clone();
    insert_draft(&state, organisation, def, locale).await?;
    audit(&state, &caller, "poll.created", &slug).await;
    Ok(HttpResponse::Created().json(DraftSaved {
        slug,
        hints: render_issues(&report.hints, locale),
    }))
}

/// `GET /api/v1/admin/polls/{slug}`: the definition with its validation report and hints.
pub async fn read(
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
    ApiLocale(locale): ApiLocale,
) -> Result<HttpResponse, ApiError> {
    let poll = visible_poll(&state, &caller, &slug, locale).await?;
    let report = check(&state, &poll.definition, locale).await?;
    Ok(HttpResponse::Ok().json(PollDetail {
        summary: PollSummary::of(&poll),
        validation: RenderedReport::new(&report, locale),
        definition: poll.definition,
    }))
}

/// `PUT /api/v1/admin/polls/{slug}`: replaces a draft's definition (the slug stays).
pub async fn replace(
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
    body: web::Json<Value>,
    ApiLocale(locale): ApiLocale,
) -> Result<HttpResponse, ApiError> {
    let poll = visible_poll(&state, &caller, &slug, locale).await?;
    if !poll.state.is_editable() {
        return Err(not_editable(&poll, t!(locale, "staff-api-not-editable")));
    }
    let (def, report) = read_valid(&state, body.into_inner(), locale).await?;
    if def.slug != poll.slug {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "slug_mismatch",
            t!(locale, "staff-api-slug-mismatch"),
        ));
    }
    state
        .store
        .replace_definition(poll.id, &def)
        .await
        .map_err(store(locale))?;
    audit(&state, &caller, "poll.updated", &poll.slug).await;
    Ok(HttpResponse::Ok().json(DraftSaved {
        slug: poll.slug,
        hints: render_issues(&report.hints, locale),
    }))
}

/// `DELETE /api/v1/admin/polls/{slug}`: drafts only.
pub async fn delete(
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
    ApiLocale(locale): ApiLocale,
) -> Result<HttpResponse, ApiError> {
    let poll = visible_poll(&state, &caller, &slug, locale).await?;
    if !poll.state.is_editable() {
        return Err(not_editable(
            &poll,
            t!(locale, "staff-api-delete-draft-only"),
        ));
    }
    state
        .store
        .delete_draft(poll.id)
        .await
        .map_err(store(locale))?;
    audit(&state, &caller, "poll.deleted", &poll.slug).await;
    Ok(HttpResponse::NoContent().finish())
}

/// The body of a copy request.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct CopyBody {
    /// The new draft's slug; default: the old one with `-kopie` (and a number when taken).
    #[serde(default)]
    pub slug: Option<String>,
}

/// The slug of a copy: the one asked for (when free), or the first free `{slug}-kopie[-n]`.
async fn copy_slug(
    state: &StaffState,
    original: &str,
    wanted: Option<String>,
    locale: Locale,
) -> Result<String, ApiError> {
    let taken = |slug: String| async move {
        let found = state.store.poll_by_slug(&slug).await;
        found.map(|p| p.is_some()).map_err(store(locale))
    };
    if let Some(s) = wanted {
        if taken(s.clone()).await? {
            return Err(slug_taken(locale));
        }
        return Ok(s);
    }
    let mut n = 1;
    loop {
        let candidate = if n == 1 {
            format!("{original}-kopie")
        } else {
            format!("{original}-kopie-{n}")
        };
        if !taken(candidate.clone()).await? {
            return Ok(candidate);
        }
        n += 1;
    }
}

/// `POST /api/v1/admin/polls/{slug}/copy`: a new draft with the same definition (how a scheduled or
/// open poll gets a new version).
pub async fn copy(
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
    body: Option<web::Json<CopyBody>>,
    ApiLocale(locale): ApiLocale,
) -> Result<HttpResponse, ApiError> {
    let poll = visible_poll(&state, &caller, &slug, locale).await?;
    let wanted = body.and_then(|b| b.into_inner().slug);
    let new_slug = copy_slug(&state, &poll.slug, wanted, locale).await?;
    let mut def = poll.definition.clone();
    def.slug = new_slug.clone();
    let report = check(&state, &def, locale).await?;
    if report.errors.iter().any(|e| e.location == "slug") {
        return Err(invalid(&report, locale));
    }
    insert_draft(&state, poll.organisation_id.clone(), def, locale).await?;
    audit(&state, &caller, "poll.copied", &new_slug).await;
    Ok(HttpResponse::Created().json(PollCopied {
        slug: new_slug,
        copied_from: poll.slug,
    }))
}

/// The body of a schedule request (docs/api.md, "Scheduling and spacing").
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct ScheduleBody {
    pub opens_at: chrono::DateTime<chrono::Utc>,
    pub closes_at: chrono::DateTime<chrono::Utc>,
    /// Channel ids the poll is posted to when it opens (`[a-z0-9_-]`, 1 to 64 characters, the
    /// rule of a link's `?c=`); another value is refused with `422 invalid_channel`.
    #[serde(default)]
    pub channels: Vec<String>,
    /// Admins only: schedule despite a spacing conflict, for this reason (audit-logged).
    #[serde(default)]
    pub override_reason: Option<String>,
}

/// `POST /api/v1/admin/polls/{slug}/schedule`: schedules a draft (or reschedules), enforcing
/// spacing; `409 spacing_conflict` with the conflicts and the next free slot. Only admins may
/// override, with a reason; overrides are audit-logged by the scheduling service. Messages follow
/// `Accept-Language` (Dutch or English).
pub async fn schedule(
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
    body: web::Json<ScheduleBody>,
    ApiLocale(locale): ApiLocale,
) -> Result<HttpResponse, ApiError> {
    let poll = visible_poll(&state, &caller, &slug, locale).await?;
    let body = body.into_inner();
    if body.override_reason.is_some() && caller.role != crate::Role::Admin {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "override_forbidden",
            t!(locale, "sched-failure-override-forbidden"),
        ));
    }
    let channels =
        channel_ids(&body.channels).map_err(|failure| scheduling::api_error(&failure, locale))?;
    let command = ScheduleCommand {
        slug: poll.slug,
        opens_at: body.opens_at,
        closes_at: body.closes_at,
        channels,
        override_reason: body.override_reason,
        actor: Some(caller.user.email.clone()),
        scope: caller.target_scope(),
    };
    match state.scheduling.schedule(command).await {
        Ok(scheduled) => Ok(HttpResponse::Ok().json(PollScheduled::new(scheduled, locale))),
        Err(failure) => Err(scheduling::api_error(&failure, locale)),
    }
}
