//! Who is calling: a staff session (the web UI) or an API token (scripts and the API).

use actix_web::HttpRequest;
use actix_web::cookie::{Cookie, SameSite};
use chrono::Utc;
use flits_store::{StaffUser, StoreError};

use crate::role::Role;
use crate::secrets::hash_secret;
use crate::state::StaffState;

/// The session cookie. It holds a random id whose hash is the session's key in the database.
pub const SESSION_COOKIE: &str = "flits_staff";

/// How the caller proved who they are.
#[derive(Debug, Clone)]
pub enum Via {
    /// A browser session; state-changing forms must carry its CSRF token.
    Session { csrf_token: String, id_hash: String },
    /// `Authorization: Bearer` with an API token (no cookies, so no CSRF).
    Token,
}

/// An authenticated staff member, put in the request by the access check.
#[derive(Debug, Clone)]
pub struct Caller {
    pub user: StaffUser,
    pub role: Role,
    pub via: Via,
}

impl Caller {
    /// The CSRF token to put in forms (empty for token callers, who do not use forms).
    pub fn csrf_token(&self) -> &str {
        match &self.via {
            Via::Session { csrf_token, .. } => csrf_token,
            Via::Token => "",
        }
    }

    /// Whether this caller may see and change polls of `organisation_id`.
    pub fn may_access_organisation(&self, organisation_id: &str) -> bool {
        self.role == Role::Admin || self.user.organisation_id == organisation_id
    }

    /// The audiences this caller may schedule polls for: any for an admin, otherwise their own
    /// organisation's (and those opened to it; `flits_schedule::targeting`).
    pub fn target_scope(&self) -> flits_schedule::TargetScope {
        match self.role {
            Role::Admin => flits_schedule::TargetScope::Any,
            _ => flits_schedule::TargetScope::Organisation(self.user.organisation_id.clone()),
        }
    }
}

fn bearer(req: &HttpRequest) -> Option<&str> {
    req.headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .map(str::trim)
}

/// Resolves the caller: bearer tokens for `/api/…`, the session cookie for the web UI.
pub async fn identify(
    state: &StaffState,
    req: &HttpRequest,
    api: bool,
) -> Result<Option<Caller>, StoreError> {
    let (user, via) = if api {
        let Some(token) = bearer(req) else {
            return Ok(None);
        };
        match state.store.api_token_owner(&hash_secret(token)).await? {
            Some(user) => (user, Via::Token),
            None => return Ok(None),
        }
    } else {
        let Some(cookie) = req.cookie(SESSION_COOKIE) else {
            return Ok(None);
        };
        let id_hash = hash_secret(cookie.value());
        let expiry = Utc::now()
            + chrono::Duration::from_std(state.config.session_idle)
                .unwrap_or(chrono::Duration::hours(2));
        match state.store.touch_session(&id_hash, expiry).await? {
            Some(session) => (
                session.user,
                Via::Session {
                    csrf_token: session.csrf_token,
                    id_hash,
                },
            ),
            None => return Ok(None),
        }
    };
    // An account whose role is unknown (a damaged row) gets nothing.
    let Ok(role) = user.role.parse::<Role>() else {
        return Ok(None);
    };
    Ok(Some(Caller { user, role, via }))
}

/// The session cookie for a new session id.
pub fn session_cookie(id: String, secure: bool) -> Cookie<'static> {
    Cookie::build(SESSION_COOKIE, id)
        .path("/")
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Lax)
        .finish()
}

/// A cookie that removes the session cookie.
pub fn expired_session_cookie(secure: bool) -> Cookie<'static> {
    let mut c = session_cookie(String::new(), secure);
    c.make_removal();
    c
}
