//! `GET /api/v1/admin/tokens` and `DELETE /api/v1/admin/tokens/{id}` (admins; docs/api.md, "API
//! tokens"): every account's API tokens, and revoking any of them. A token is shown by its id,
//! owner, name and times; the token itself is never stored (only its hash), so it is never shown.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use chrono::{DateTime, Utc};
use flits_http::ApiError;
use flits_i18n::t;
use serde::Serialize;
use serde_json::json;
use uuid::Uuid;

use crate::api::errors::store;
use crate::api::locale::ApiLocale;
use crate::identity::Caller;
use crate::state::StaffState;
use crate::ui::tokens::audit;

/// Every API token.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TokenList {
    /// Newest first.
    pub tokens: Vec<TokenBody>,
}

/// One API token, without its secret.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TokenBody {
    pub id: Uuid,
    /// The account's id.
    pub owner_id: Uuid,
    /// The account's e-mail address.
    #[schema(example = "comms@velsen.nl")]
    pub owner: String,
    /// The name its owner gave it.
    #[schema(example = "nieuwsbrief-script")]
    pub name: String,
    pub created_at: DateTime<Utc>,
    /// `null`: never used.
    pub last_used_at: Option<DateTime<Utc>>,
    /// `null`: still valid (while its owner's account is switched on).
    pub revoked_at: Option<DateTime<Utc>>,
}

/// `GET /api/v1/admin/tokens`.
pub async fn list(
    state: web::Data<StaffState>,
    ApiLocale(locale): ApiLocale,
) -> Result<HttpResponse, ApiError> {
    let tokens = state.store.all_api_tokens().await.map_err(store(locale))?;
    let tokens = tokens
        .into_iter()
        .map(|(t, owner)| TokenBody {
            id: t.id,
            owner_id: t.user_id,
            owner,
            name: t.name,
            created_at: t.created_at,
            last_used_at: t.last_used_at,
            revoked_at: t.revoked_at,
        })
        .collect();
    Ok(HttpResponse::Ok().json(TokenList { tokens }))
}

/// `DELETE /api/v1/admin/tokens/{id}`: `204` once the token is revoked (also when it already
/// was), `404` for an unknown id. Audit-logged as `token.revoked`.
pub async fn revoke(
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    id: web::Path<String>,
    ApiLocale(locale): ApiLocale,
) -> Result<HttpResponse, ApiError> {
    let not_found = || {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            t!(locale, "accounts-api-token-not-found"),
        )
    };
    let Ok(id) = Uuid::parse_str(&id) else {
        return Err(not_found());
    };
    let Some(token) = state.store.api_token(id).await.map_err(store(locale))? else {
        return Err(not_found());
    };
    let revoked = state
        .store
        .revoke_api_token(token.id)
        .await
        .map_err(store(locale))?;
    if revoked {
        let details = json!({"name": token.name, "token_id": token.id, "owner_id": token.user_id});
        audit(&state, &caller, "token.revoked", details).await;
    }
    Ok(HttpResponse::NoContent().finish())
}
