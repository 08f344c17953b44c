//! API tokens in the UI: list your own, create one (shown once), revoke.

use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use flits_store::NewAudit;
use serde::Deserialize;
use serde_json::json;
use uuid::Uuid;

use crate::identity::Caller;
use crate::role::Role;
use crate::secrets::{hash_secret, new_api_token};
use crate::state::StaffState;
use crate::ui::login::CsrfOnly;
use crate::ui::page::{lang_of, local, render};
use crate::ui::{csrf_ok, csrf_refused};

/// The form to create a token.
#[derive(Deserialize)]
pub struct NewTokenForm {
    #[serde(default)]
    name: String,
    #[serde(rename = "_csrf", default)]
    csrf: String,
}

async fn page(
    state: &StaffState,
    req: &HttpRequest,
    caller: &Caller,
    new_token: Option<String>,
    status: StatusCode,
) -> HttpResponse {
    let tokens = match state.store.api_tokens_of(caller.user.id).await {
        Ok(t) => t,
        Err(e) => {
            tracing::error!(error = %e, "listing tokens failed");
            return HttpResponse::ServiceUnavailable().finish();
        }
    };
    let rows: Vec<_> = tokens
        .iter()
        .map(|t| json!({"id": t.id, "name": t.name, "last_used": local(t.last_used_at), "revoked": t.revoked_at.is_some()}))
        .collect();
    let title = if lang_of(req) == flits_http::Lang::Nl {
        "API-sleutels"
    } else {
        "API tokens"
    };
    render(
        state,
        req,
        Some(caller),
        status,
        "staff/tokens",
        title,
        json!({"tokens": rows, "new_token": new_token}),
    )
}

/// `GET /staff/tokens`.
pub async fn list(
    req: HttpRequest,
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
) -> HttpResponse {
    page(&state, &req, &caller, None, StatusCode::OK).await
}

/// `POST /staff/tokens`: creates a token and shows it once.
pub async fn create(
    req: HttpRequest,
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    form: web::Form<NewTokenForm>,
) -> HttpResponse {
    if !csrf_ok(&caller, &form.csrf) {
        return csrf_refused(&state, &req);
    }
    let name = form.name.trim();
    let name = if name.is_empty() { "API" } else { name };
    let name: String = name.chars().take(80).collect();
    let token = new_api_token();
    let created = state
        .store
        .create_api_token(caller.user.id, &name, &hash_secret(&token))
        .await;
    if let Err(e) = created {
        tracing::error!(error = %e, "creating a token failed");
        return HttpResponse::ServiceUnavailable().finish();
    }
    audit(
        &state,
        &caller,
        "token.created",
        json!({"name": name, "user": caller.user.email}),
    )
    .await;
    page(&state, &req, &caller, Some(token), StatusCode::CREATED).await
}

/// `POST /staff/tokens/{id}/revoke`: your own tokens (admins: anyone's).
pub async fn revoke(
    req: HttpRequest,
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    id: web::Path<String>,
    form: web::Form<CsrfOnly>,
) -> HttpResponse {
    if !csrf_ok(&caller, &form.csrf) {
        return csrf_refused(&state, &req);
    }
    let lang = lang_of(&req);
    let token = match Uuid::parse_str(&id) {
        Ok(id) => state.store.api_token(id).await.ok().flatten(),
        Err(_) => None,
    };
    let Some(token) = token.filter(|t| t.user_id == caller.user.id || caller.role == Role::Admin)
    else {
        return crate::ui::page::message_page(
            Some(&state),
            lang,
            StatusCode::NOT_FOUND,
            if lang == flits_http::Lang::Nl {
                "Niet gevonden"
            } else {
                "Not found"
            },
            if lang == flits_http::Lang::Nl {
                "Deze sleutel bestaat niet."
            } else {
                "This token does not exist."
            },
            None,
        );
    };
    match state.store.revoke_api_token(token.id).await {
        Ok(true) => {
            audit(
                &state,
                &caller,
                "token.revoked",
                json!({"name": token.name, "token_id": token.id}),
            )
            .await
        }
        Ok(false) => {}
        Err(e) => {
            tracing::error!(error = %e, "revoking a token failed");
            return HttpResponse::ServiceUnavailable().finish();
        }
    }
    HttpResponse::SeeOther()
        .insert_header((LOCATION, format!("/staff/tokens?lang={}", lang.code())))
        .finish()
}

/// Writes an audit event for the caller; a failure is logged, not shown.
pub async fn audit(state: &StaffState, caller: &Caller, action: &str, details: serde_json::Value) {
    let entry = NewAudit {
        actor_email: Some(caller.user.email.clone()),
        action: action.to_owned(),
        poll_slug: None,
        details,
    };
    if let Err(e) = state.store.insert_audit(entry).await {
        tracing::error!(error = %e, action, "writing an audit event failed");
    }
}
