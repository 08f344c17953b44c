//! Logging in and out. The login form is protected by a double-submit CSRF cookie (there is no
//! session yet); failed logins count per account (lockout) and per client (in-memory rate limit).

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::StatusCode;
use actix_web::http::header::RETRY_AFTER;
use actix_web::{HttpResponse, web};
use chrono::{DateTime, Utc};
use flits_http::PageError;
use flits_i18n::{Locale, t};
use flits_store::{NewAudit, StaffUser};
use governor::clock::{Clock, DefaultClock};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::identity::{Caller, Via, expired_session_cookie, session_cookie};
use crate::passwords::{verify_dummy, verify_password};
use crate::secrets::{constant_time_eq, hash_secret, random_secret};
use crate::ui::page::StaffPage;
use crate::ui::{Checked, CsrfField, csrf_refused};

/// The double-submit cookie of the login form.
pub const LOGIN_CSRF_COOKIE: &str = "flits_login_csrf";

/// The login form's fields.
#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(rename = "_csrf", default)]
    csrf: String,
}

/// The fields of a form that carries only the CSRF token (logout, revoke, calendar feed).
#[derive(Deserialize)]
pub struct CsrfOnly {
    #[serde(rename = "_csrf", default)]
    pub csrf: String,
}

impl CsrfField for CsrfOnly {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

#[derive(Serialize)]
struct LoginView<'a> {
    login_csrf: &'a str,
    email: &'a str,
    error: Option<String>,
}

fn login_page(
    page: &StaffPage,
    status: StatusCode,
    email: &str,
    error: Option<String>,
) -> Result<HttpResponse, PageError> {
    let token = random_secret();
    let view = LoginView {
        login_csrf: &token,
        email,
        error,
    };
    let title = t!(page.locale, "staff-login-title");
    let mut res = page.render(status, "staff/login", &title, &view)?;
    let cookie = Cookie::build(LOGIN_CSRF_COOKIE, token)
        .path("/staff/login")
        .http_only(true)
        .secure(page.state.config.secure_cookies)
        .same_site(SameSite::Strict)
        .finish();
    let _ = res.add_cookie(&cookie);
    Ok(res)
}

/// Why a login has to wait.
#[derive(Debug, Clone, Copy)]
enum Throttle {
    /// Too many attempts from this client.
    Client,
    /// The account is locked after failed logins.
    Account,
}

/// The reason and "try again in N minutes" (rounded up).
fn throttle_message(locale: Locale, why: Throttle, wait_seconds: u64) -> String {
    let minutes = wait_seconds.div_ceil(60).max(1);
    match why {
        Throttle::Client => t!(locale, "staff-login-too-many", minutes = minutes),
        Throttle::Account => t!(locale, "staff-login-locked", minutes = minutes),
    }
}

/// The login page again with `429`, the reason and `Retry-After`.
fn throttled(
    page: &StaffPage,
    email: &str,
    why: Throttle,
    wait_seconds: u64,
) -> Result<HttpResponse, PageError> {
    let message = throttle_message(page.locale, why, wait_seconds);
    let mut res = login_page(page, StatusCode::TOO_MANY_REQUESTS, email, Some(message))?;
    if let Ok(v) = wait_seconds.to_string().parse() {
        res.headers_mut().insert(RETRY_AFTER, v);
    }
    Ok(res)
}

/// `GET /staff/login`.
pub async fn show(page: StaffPage) -> Result<HttpResponse, PageError> {
    login_page(&page, StatusCode::OK, "", None)
}

/// Seconds until `until`, at least one.
fn seconds_until(until: DateTime<Utc>) -> u64 {
    (until - Utc::now()).num_seconds().max(1) as u64
}

/// How long this client must wait before trying again, if it tried too often.
fn client_wait(page: &StaffPage) -> Option<u64> {
    // The address is a key in memory only, never stored or logged.
    let peer = page.req.peer_addr()?;
    let not_until = page.state.login_limiter.check_key(&peer.ip()).err()?;
    Some(
        not_until
            .wait_time_from(DefaultClock::default().now())
            .as_secs()
            .max(1),
    )
}

/// Whether `password` is the account's; an unknown account costs the same time.
fn password_matches(user: Option<&StaffUser>, password: &str) -> bool {
    match user.and_then(|u| u.password_hash.as_deref()) {
        Some(hash) => verify_password(password, hash),
        None => {
            verify_dummy(password);
            false
        }
    }
}

/// A failed login: counts against the account and says so, with the lockout once it starts.
async fn refuse_login(
    page: &StaffPage,
    user: Option<&StaffUser>,
    email: &str,
) -> Result<HttpResponse, PageError> {
    let mut message = t!(page.locale, "staff-login-wrong");
    if let Some(u) = user {
        let config = &page.state.config;
        let lockout =
            chrono::Duration::from_std(config.lockout).unwrap_or(chrono::Duration::minutes(15));
        let locked = page
            .state
            .store
            .record_failed_login(u.id, config.max_failed_logins, lockout)
            .await
            .map_err(|e| page.unavailable(&e))?;
        if let Some(until) = locked {
            message = throttle_message(page.locale, Throttle::Account, seconds_until(until));
        }
    }
    login_page(page, StatusCode::UNAUTHORIZED, email, Some(message))
}

/// Starts a session for `user` and sends them to the dashboard.
async fn start_session(page: &StaffPage, user: &StaffUser) -> Result<HttpResponse, PageError> {
    let session_id = random_secret();
    let csrf = random_secret();
    let idle = chrono::Duration::from_std(page.state.config.session_idle)
        .unwrap_or(chrono::Duration::hours(2));
    let store = &page.state.store;
    store
        .reset_failed_logins(user.id)
        .await
        .map_err(|e| page.unavailable(&e))?;
    store
        .create_session(&hash_secret(&session_id), user.id, &csrf, Utc::now() + idle)
        .await
        .map_err(|e| page.unavailable(&e))?;
    tracing::info!(user_id = %user.id, "staff login");
    let mut removal = Cookie::build(LOGIN_CSRF_COOKIE, "")
        .path("/staff/login")
        .finish();
    removal.make_removal();
    let mut res = page.see_other("/staff");
    let secure = page.state.config.secure_cookies;
    let _ = res.add_cookie(&session_cookie(session_id, secure));
    let _ = res.add_cookie(&removal);
    Ok(res)
}

/// `POST /staff/login`.
pub async fn submit(
    page: StaffPage,
    form: web::Form<LoginForm>,
) -> Result<HttpResponse, PageError> {
    let form = form.into_inner();
    let cookie_token = page
        .req
        .cookie(LOGIN_CSRF_COOKIE)
        .map(|c| c.value().to_owned())
        .unwrap_or_default();
    if cookie_token.is_empty() || !constant_time_eq(&cookie_token, &form.csrf) {
        return Ok(csrf_refused(&page.state, &page.req));
    }
    if let Some(wait) = client_wait(&page) {
        return throttled(&page, &form.email, Throttle::Client, wait);
    }
    let user = page
        .state
        .store
        .staff_user_by_email(&form.email)
        .await
        .map_err(|e| page.unavailable(&e))?;
    let locked_until = user.as_ref().and_then(|u| u.locked_until);
    if let Some(until) = locked_until.filter(|t| *t > Utc::now()) {
        return throttled(&page, &form.email, Throttle::Account, seconds_until(until));
    }
    if !password_matches(user.as_ref(), &form.password) {
        return refuse_login(&page, user.as_ref(), &form.email).await;
    }
    match user {
        // Only someone who knows the password learns that the account is switched off.
        Some(user) if user.is_disabled() => {
            let message = t!(page.locale, "accounts-login-disabled");
            login_page(&page, StatusCode::FORBIDDEN, &form.email, Some(message))
        }
        Some(user) => start_session(&page, &user).await,
        None => refuse_login(&page, None, &form.email).await,
    }
}

/// `POST /staff/logout`.
pub async fn logout(
    page: StaffPage,
    caller: web::ReqData<Caller>,
    _form: Checked<web::Form<CsrfOnly>>,
) -> HttpResponse {
    let store = &page.state.store;
    if let Via::Session { id_hash, .. } = &caller.via
        && let Err(e) = store.delete_session(id_hash).await
    {
        tracing::error!(error = %e, "ending a session failed");
    }
    let entry = NewAudit {
        actor_email: Some(caller.user.email.clone()),
        action: "user.logout".to_owned(),
        poll_slug: None,
        details: json!({}),
    };
    if let Err(e) = store.insert_audit(entry).await {
        tracing::error!(error = %e, "writing an audit event failed");
    }
    let mut res = page.see_other("/staff/login");
    let _ = res.add_cookie(&expired_session_cookie(page.state.config.secure_cookies));
    res
}
