//! Logging in and out. The login form is protected by a double-submit CSRF cookie (there is no
//! session yet); failed logins count per account (lockout) and per client (in-memory rate limit).

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::StatusCode;
use actix_web::http::header::{LOCATION, RETRY_AFTER};
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Utc;
use flits_http::Lang;
use flits_store::NewAudit;
use governor::clock::{Clock, DefaultClock};
use serde::Deserialize;
use serde_json::json;

use crate::identity::{Caller, Via, expired_session_cookie, session_cookie};
use crate::passwords::{verify_dummy, verify_password};
use crate::secrets::{constant_time_eq, hash_secret, random_secret};
use crate::state::StaffState;
use crate::ui::csrf_refused;
use crate::ui::page::{lang_of, render};

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

/// The logout form's fields.
#[derive(Deserialize)]
pub struct CsrfOnly {
    #[serde(rename = "_csrf", default)]
    pub csrf: String,
}

fn login_page(
    state: &StaffState,
    req: &HttpRequest,
    status: StatusCode,
    email: &str,
    error: Option<String>,
) -> HttpResponse {
    let token = random_secret();
    let title = if lang_of(req) == Lang::Nl {
        "Inloggen"
    } else {
        "Log in"
    };
    let mut res = render(
        state,
        req,
        None,
        status,
        "staff/login",
        title,
        json!({"login_csrf": token, "email": email, "error": error}),
    );
    let cookie = Cookie::build(LOGIN_CSRF_COOKIE, token)
        .path("/staff/login")
        .http_only(true)
        .secure(state.config.secure_cookies)
        .same_site(SameSite::Strict)
        .finish();
    let _ = res.add_cookie(&cookie);
    res
}

/// "try again in N minutes", rounded up.
fn minutes_text(lang: Lang, seconds: u64) -> String {
    let minutes = seconds.div_ceil(60).max(1);
    match (lang, minutes) {
        (Lang::Nl, 1) => "Probeer het over 1 minuut opnieuw.".to_owned(),
        (Lang::Nl, m) => format!("Probeer het over {m} minuten opnieuw."),
        (Lang::En, 1) => "Try again in 1 minute.".to_owned(),
        (Lang::En, m) => format!("Try again in {m} minutes."),
    }
}

/// Why a login has to wait.
enum Throttle {
    /// Too many attempts from this client.
    Client,
    /// The account is locked after failed logins.
    Account,
}

fn throttle_message(lang: Lang, why: Throttle, wait_seconds: u64) -> String {
    let reason = match (why, lang) {
        (Throttle::Client, Lang::Nl) => "Te veel pogingen vanaf deze verbinding.",
        (Throttle::Client, Lang::En) => "Too many attempts from this connection.",
        (Throttle::Account, Lang::Nl) => {
            "Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen."
        }
        (Throttle::Account, Lang::En) => {
            "This account is locked for a while after too many failed attempts."
        }
    };
    format!("{reason} {}", minutes_text(lang, wait_seconds))
}

/// The login page again with `429`, the reason and `Retry-After`.
fn throttled(
    state: &StaffState,
    req: &HttpRequest,
    email: &str,
    why: Throttle,
    wait_seconds: u64,
) -> HttpResponse {
    let message = throttle_message(lang_of(req), why, wait_seconds);
    let mut res = login_page(
        state,
        req,
        StatusCode::TOO_MANY_REQUESTS,
        email,
        Some(message),
    );
    if let Ok(v) = wait_seconds.to_string().parse() {
        res.headers_mut().insert(RETRY_AFTER, v);
    }
    res
}

/// `GET /staff/login`.
pub async fn show(req: HttpRequest, state: web::Data<StaffState>) -> HttpResponse {
    login_page(&state, &req, StatusCode::OK, "", None)
}

/// `POST /staff/login`.
pub async fn submit(
    req: HttpRequest,
    state: web::Data<StaffState>,
    form: web::Form<LoginForm>,
) -> HttpResponse {
    let lang = lang_of(&req);
    let form = form.into_inner();
    let cookie_token = req
        .cookie(LOGIN_CSRF_COOKIE)
        .map(|c| c.value().to_owned())
        .unwrap_or_default();
    if cookie_token.is_empty() || !constant_time_eq(&cookie_token, &form.csrf) {
        return csrf_refused(&state, &req);
    }
    // Per client: the address is a key in memory only, never stored or logged.
    if let Some(peer) = req.peer_addr()
        && let Err(not_until) = state.login_limiter.check_key(&peer.ip())
    {
        let wait = not_until
            .wait_time_from(DefaultClock::default().now())
            .as_secs()
            .max(1);
        return throttled(&state, &req, &form.email, Throttle::Client, wait);
    }
    let user = match state.store.staff_user_by_email(&form.email).await {
        Ok(u) => u,
        Err(e) => {
            tracing::error!(error = %e, "login lookup failed");
            return HttpResponse::ServiceUnavailable().finish();
        }
    };
    let now = Utc::now();
    if let Some(locked_until) = user
        .as_ref()
        .and_then(|u| u.locked_until)
        .filter(|t| *t > now)
    {
        let wait = (locked_until - now).num_seconds().max(1) as u64;
        return throttled(&state, &req, &form.email, Throttle::Account, wait);
    }
    let verified = match user
        .as_ref()
        .and_then(|u| u.password_hash.as_deref().map(|h| (u, h)))
    {
        Some((_, hash)) => verify_password(&form.password, hash),
        None => {
            verify_dummy(&form.password);
            false
        }
    };
    let Some(user) = user.filter(|_| verified) else {
        let mut message = match lang {
            Lang::Nl => "Het e-mailadres of het wachtwoord klopt niet.".to_owned(),
            Lang::En => "The e-mail address or the password is not right.".to_owned(),
        };
        if let Ok(Some(u)) = state.store.staff_user_by_email(&form.email).await {
            let lockout = chrono::Duration::from_std(state.config.lockout)
                .unwrap_or(chrono::Duration::minutes(15));
            if let Ok(Some(until)) = state
                .store
                .record_failed_login(u.id, state.config.max_failed_logins, lockout)
                .await
            {
                let wait = (until - Utc::now()).num_seconds().max(1) as u64;
                message = throttle_message(lang, Throttle::Account, wait);
            }
        }
        return login_page(
            &state,
            &req,
            StatusCode::UNAUTHORIZED,
            &form.email,
            Some(message),
        );
    };
    let session_id = random_secret();
    let csrf = random_secret();
    let expires = Utc::now()
        + chrono::Duration::from_std(state.config.session_idle)
            .unwrap_or(chrono::Duration::hours(2));
    let stored = async {
        state.store.reset_failed_logins(user.id).await?;
        state
            .store
            .create_session(&hash_secret(&session_id), user.id, &csrf, expires)
            .await
    };
    if let Err(e) = stored.await {
        tracing::error!(error = %e, "creating a session failed");
        return HttpResponse::ServiceUnavailable().finish();
    }
    tracing::info!(user_id = %user.id, "staff login");
    let mut removal = Cookie::build(LOGIN_CSRF_COOKIE, "")
        .path("/staff/login")
        .finish();
    removal.make_removal();
    HttpResponse::SeeOther()
        .insert_header((LOCATION, format!("/staff?lang={}", lang.code())))
        .cookie(session_cookie(session_id, state.config.secure_cookies))
        .cookie(removal)
        .finish()
}

/// `POST /staff/logout`.
pub async fn logout(
    req: HttpRequest,
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    form: web::Form<CsrfOnly>,
) -> HttpResponse {
    if !crate::ui::csrf_ok(&caller, &form.csrf) {
        return csrf_refused(&state, &req);
    }
    if let Via::Session { id_hash, .. } = &caller.via
        && let Err(e) = state.store.delete_session(id_hash).await
    {
        tracing::error!(error = %e, "ending a session failed");
    }
    let _ = state
        .store
        .insert_audit(NewAudit {
            actor_email: Some(caller.user.email.clone()),
            action: "user.logout".to_owned(),
            poll_slug: None,
            details: json!({}),
        })
        .await;
    HttpResponse::SeeOther()
        .insert_header((
            LOCATION,
            format!("/staff/login?lang={}", lang_of(&req).code()),
        ))
        .cookie(expired_session_cookie(state.config.secure_cookies))
        .finish()
}
