//! API tokens in the UI: list your own, create one (shown once), revoke.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use flits_http::PageError;
use flits_i18n::t;
use flits_store::{ApiToken, NewAudit};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use crate::identity::Caller;
use crate::role::Role;
use crate::secrets::{hash_secret, new_api_token};
use crate::state::StaffState;
use crate::ui::login::CsrfOnly;
use crate::ui::page::{StaffPage, local};
use crate::ui::{Checked, CsrfField};

/// The longest token name kept.
const MAX_NAME_CHARS: usize = 80;

/// The form to create a token.
#[derive(Deserialize)]
pub struct NewTokenForm {
    #[serde(default)]
    name: String,
    #[serde(rename = "_csrf", default)]
    csrf: String,
}

impl CsrfField for NewTokenForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

impl NewTokenForm {
    /// The name to store: trimmed, at most [`MAX_NAME_CHARS`], `API` when left empty.
    fn name(&self) -> String {
        let name = self.name.trim();
        let name = if name.is_empty() { "API" } else { name };
        name.chars().take(MAX_NAME_CHARS).collect()
    }
}

#[derive(Serialize)]
struct TokensView {
    tokens: Vec<TokenRow>,
    new_token: Option<String>,
}

#[derive(Serialize)]
struct TokenRow {
    id: Uuid,
    name: String,
    last_used: Option<String>,
    revoked: bool,
}

impl From<&ApiToken> for TokenRow {
    fn from(t: &ApiToken) -> TokenRow {
        TokenRow {
            id: t.id,
            name: t.name.clone(),
            last_used: local(t.last_used_at),
            revoked: t.revoked_at.is_some(),
        }
    }
}

async fn tokens_page(
    page: &StaffPage,
    caller: &Caller,
    new_token: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let tokens = page
        .state
        .store
        .api_tokens_of(caller.user.id)
        .await
        .map_err(|e| page.unavailable(&e))?;
    let view = TokensView {
        tokens: tokens.iter().map(TokenRow::from).collect(),
        new_token,
    };
    let title = t!(page.locale, "staff-tokens-title");
    page.render(status, "staff/tokens", &title, &view)
}

/// `GET /staff/tokens`.
pub async fn list(
    page: StaffPage,
    caller: web::ReqData<Caller>,
) -> Result<HttpResponse, PageError> {
    tokens_page(&page, &caller, None, StatusCode::OK).await
}

/// `POST /staff/tokens`: creates a token and shows it once.
pub async fn create(
    page: StaffPage,
    caller: web::ReqData<Caller>,
    form: Checked<web::Form<NewTokenForm>>,
) -> Result<HttpResponse, PageError> {
    let name = form.0.name();
    let token = new_api_token();
    page.state
        .store
        .create_api_token(caller.user.id, &name, &hash_secret(&token))
        .await
        .map_err(|e| page.unavailable(&e))?;
    audit(
        &page.state,
        &caller,
        "token.created",
        json!({"name": name, "user": caller.user.email}),
    )
    .await;
    tokens_page(&page, &caller, Some(token), StatusCode::CREATED).await
}

/// `POST /staff/tokens/{id}/revoke`: your own tokens (admins: anyone's).
pub async fn revoke(
    page: StaffPage,
    caller: web::ReqData<Caller>,
    id: web::Path<String>,
    _form: Checked<web::Form<CsrfOnly>>,
) -> Result<HttpResponse, PageError> {
    let token = match Uuid::parse_str(&id) {
        Ok(id) => page
            .state
            .store
            .api_token(id)
            .await
            .map_err(|e| page.unavailable(&e))?,
        Err(_) => None,
    };
    let Some(token) = token.filter(|t| t.user_id == caller.user.id || caller.role == Role::Admin)
    else {
        return Ok(page.notice(
            StatusCode::NOT_FOUND,
            t!(page.locale, "staff-not-found-heading"),
            t!(page.locale, "staff-token-not-found"),
        ));
    };
    let revoked = page
        .state
        .store
        .revoke_api_token(token.id)
        .await
        .map_err(|e| page.unavailable(&e))?;
    if revoked {
        let details = json!({"name": token.name, "token_id": token.id});
        audit(&page.state, &caller, "token.revoked", details).await;
    }
    Ok(page.see_other("/staff/tokens"))
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
