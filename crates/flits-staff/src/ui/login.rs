//! Logging in and out. The login form is protected by a double-submit CSRF cookie (there is no
//! session yet); failed logins slow down per account and per client ([`crate::throttle`]), and
//! logins, failures and waits go in the audit log.

use std::net::IpAddr;
use std::time::{Duration, Instant};

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::StatusCode;
use actix_web::http::header::RETRY_AFTER;
use actix_web::{HttpResponse, web};
use chrono::Utc;
use flits_http::PageError;
use flits_i18n::{Locale, t};
use flits_store::{NewAudit, StaffUser};
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Throttle {
    /// Too many attempts from this client.
    Client,
    /// Too many failures in a row for this e-mail address (with or without an account: the same
    /// words either way).
    Account,
}

/// "Try again in N seconds" below two minutes, "in N minutes" (rounded up) above: the words of
/// `staff-try-again` and the arguments it takes.
fn wait_words(wait: Duration) -> (&'static str, u64, u64) {
    let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    let seconds = seconds.max(1);
    let unit = if seconds < 120 { "seconds" } else { "minutes" };
    (unit, seconds, seconds.div_ceil(60))
}

/// The reason and "try again in …".
fn throttle_message(locale: Locale, why: Throttle, wait: Duration) -> String {
    let (unit, seconds, minutes) = wait_words(wait);
    match why {
        Throttle::Client => t!(
            locale,
            "staff-login-too-many",
            unit = unit,
            seconds = seconds,
            minutes = minutes
        ),
        Throttle::Account => t!(
            locale,
            "staff-login-wait",
            unit = unit,
            seconds = seconds,
            minutes = minutes
        ),
    }
}

/// `Retry-After` in whole seconds, at least one.
fn retry_after(res: &mut HttpResponse, wait: Duration) {
    let (_, seconds, _) = wait_words(wait);
    if let Ok(v) = seconds.to_string().parse() {
        res.headers_mut().insert(RETRY_AFTER, v);
    }
}

/// The login page again with `429`, the reason and `Retry-After`.
fn throttled(
    page: &StaffPage,
    email: &str,
    why: Throttle,
    wait: Duration,
) -> Result<HttpResponse, PageError> {
    let message = throttle_message(page.locale, why, wait);
    let mut res = login_page(page, StatusCode::TOO_MANY_REQUESTS, email, Some(message))?;
    retry_after(&mut res, wait);
    Ok(res)
}

/// `GET /staff/login`.
pub async fn show(page: StaffPage) -> Result<HttpResponse, PageError> {
    login_page(&page, StatusCode::OK, "", None)
}

/// The client's address (behind the trusted proxies, as the collector finds it): a key in memory
/// only, never stored or logged.
fn client_of(page: &StaffPage) -> Option<IpAddr> {
    page.state.config.client_addresses.client(&page.req)
}

/// How long this client must wait before trying again, if it tried too often. The first
/// refusal of a client in a minute goes in the audit log (without its address).
async fn client_wait(page: &StaffPage) -> Option<Duration> {
    let ip = client_of(page)?;
    let limiter = &page.state.login_limiter;
    let wait = limiter.check(ip).err()?;
    if limiter.audit_refusal(ip) {
        audit(
            page,
            None,
            "user.login_throttled",
            json!({"by": "client", "wait_seconds": wait_words(wait).1}),
        )
        .await;
    }
    Some(wait)
}

/// How long attempts for this e-mail address must still wait after earlier failures, if they
/// must: from the account, or for an address without one from memory, alike.
fn account_wait(page: &StaffPage, user: Option<&StaffUser>, email: &str) -> Option<Duration> {
    match user {
        Some(u) => u
            .locked_until
            .and_then(|until| (until - Utc::now()).to_std().ok())
            .filter(|wait| !wait.is_zero()),
        None => page.state.unknown_logins.wait(email, Instant::now()),
    }
}

/// Whether `password` is the account's; an unknown account, or one without a password, costs
/// the same time (a check against a dummy hash).
fn password_matches(user: Option<&StaffUser>, password: &str) -> bool {
    match user.and_then(|u| u.password_hash.as_deref()) {
        Some(hash) => verify_password(password, hash),
        None => {
            verify_dummy(password);
            false
        }
    }
}

/// Writes an audit entry; a failure to write it is logged, the login goes on.
async fn audit(page: &StaffPage, actor: Option<&str>, action: &str, details: serde_json::Value) {
    let entry = NewAudit {
        actor_email: actor.map(str::to_owned),
        action: action.to_owned(),
        poll_slug: None,
        details,
    };
    if let Err(e) = page.state.store.insert_audit(entry).await {
        tracing::error!(error = %e, "writing an audit event failed");
    }
}

/// A failed login: counts against the account (or the address without one) and says so, with
/// the wait once one starts. The audit log names a known account, never an unknown address (it
/// may be someone's mistyped password in the e-mail field) and never the password.
async fn refuse_login(
    page: &StaffPage,
    user: Option<&StaffUser>,
    email: &str,
) -> Result<HttpResponse, PageError> {
    let backoff = page.state.config.login_backoff;
    let (failures, wait) = match user {
        Some(u) => {
            let recorded = page
                .state
                .store
                .record_failed_login(u.id, |n| backoff.wait_after(n))
                .await
                .map_err(|e| page.unavailable(&e))?;
            match recorded {
                Some((failures, until)) => {
                    (failures, until.and_then(|t| (t - Utc::now()).to_std().ok()))
                }
                None => (0, None),
            }
        }
        None => page
            .state
            .unknown_logins
            .record_failure(email, &backoff, Instant::now()),
    };
    let account = match user {
        Some(u) => json!(u.email),
        None => json!(null),
    };
    audit(
        page,
        None,
        "user.login_failed",
        json!({"account": account, "failures": failures}),
    )
    .await;
    let message = match wait {
        Some(wait) => {
            audit(
                page,
                None,
                "user.login_throttled",
                json!({"by": "account", "account": account, "failures": failures, "wait_seconds": wait_words(wait).1}),
            )
            .await;
            let (unit, seconds, minutes) = wait_words(wait);
            t!(
                page.locale,
                "staff-login-wrong-wait",
                unit = unit,
                seconds = seconds,
                minutes = minutes
            )
        }
        None => t!(page.locale, "staff-login-wrong"),
    };
    let mut res = login_page(page, StatusCode::UNAUTHORIZED, email, Some(message))?;
    if let Some(wait) = wait {
        retry_after(&mut res, wait);
    }
    Ok(res)
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
    audit(page, Some(&user.email), "user.login", json!({})).await;
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

/// `POST /staff/login`. Whether the address has an account shows in neither the words, the
/// status, the waits nor the time taken: unknown addresses fail, wait and cost an argon2 check
/// like known ones (see [`crate::throttle`]).
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
    if let Some(wait) = client_wait(&page).await {
        return throttled(&page, &form.email, Throttle::Client, wait);
    }
    let user = page
        .state
        .store
        .staff_user_by_email(&form.email)
        .await
        .map_err(|e| page.unavailable(&e))?;
    if let Some(wait) = account_wait(&page, user.as_ref(), &form.email) {
        // Refused unchecked, the right password too: the wait is what makes guessing slow.
        return throttled(&page, &form.email, Throttle::Account, wait);
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
