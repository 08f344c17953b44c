//! Deny-by-default access control for every staff route.
//!
//! The middleware looks the matched route up in [`crate::routes::ROUTES`]; a route missing from the
//! table is refused, a public route passes, and any other needs a caller (401 without one) whose role
//! the table allows (403 otherwise). Organisation scoping (404 for another organisation's poll) is
//! checked by the handlers, which know which poll is meant.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage, HttpResponse, ResponseError, web};
use flits_http::{ApiError, Failure};
use flits_i18n::t;
use flits_store::StoreError;

use crate::api::locale::api_locale;
use crate::identity::identify;
use crate::role::Role;
use crate::routes::{ROUTES, find_rule};
use crate::state::StaffState;
use crate::ui::locale::locale_of;
use crate::ui::page::{Notice, NoticeLink, Shell, notice_page, page_error};

/// Who may use a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone (the login page).
    Public,
    /// Logged-in staff with one of these roles.
    Roles(&'static [Role]),
}

/// Every role.
pub const ANY_STAFF: Access = Access::Roles(&Role::ALL);
/// Admins only.
pub const ADMIN: Access = Access::Roles(&[Role::Admin]);
/// Those who build and schedule polls.
pub const EDITORS: Access = Access::Roles(&[Role::Admin, Role::Comms]);
/// Those who read results and exports.
pub const READERS: Access = Access::Roles(&[Role::Admin, Role::Analyst]);

/// Why a request is refused before it reaches its handler.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refusal {
    /// No (valid) session or token: `401`.
    NotLoggedIn,
    /// The role may not use the route, or the route is not declared: `403`.
    NoAccess,
}

/// The refusal as JSON for the API (in the language of `Accept-Language`), as a page otherwise.
fn refuse(req: &ServiceRequest, refusal: Refusal, api: bool) -> HttpResponse {
    if api {
        let locale = api_locale(req.request());
        let error = match refusal {
            Refusal::NotLoggedIn => ApiError::new(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                t!(locale, "staff-api-unauthorized"),
            )
            .with_header("www-authenticate", "Bearer"),
            Refusal::NoAccess => ApiError::new(
                StatusCode::FORBIDDEN,
                "forbidden",
                t!(locale, "staff-api-forbidden"),
            ),
        };
        return error.error_response();
    }
    let locale = locale_of(req.request());
    let (status, notice) = match refusal {
        Refusal::NotLoggedIn => (
            StatusCode::UNAUTHORIZED,
            Notice {
                heading: t!(locale, "staff-login-first-heading"),
                text: t!(locale, "staff-login-first-text"),
                link: Some(NoticeLink {
                    href: format!("/staff/login?lang={}", locale.code()),
                    text: t!(locale, "staff-to-login"),
                }),
            },
        ),
        Refusal::NoAccess => (
            StatusCode::FORBIDDEN,
            Notice {
                heading: t!(locale, "staff-no-access-heading"),
                text: t!(locale, "staff-no-access-text"),
                link: None,
            },
        ),
    };
    match req.app_data::<web::Data<StaffState>>() {
        Some(state) => notice_page(state, req.request(), locale, status, &notice),
        None => HttpResponse::build(status).finish(),
    }
}

/// The methods the table declares for a route pattern, as an `Allow` header lists them.
fn methods_of(pattern: &str) -> String {
    let mut methods: Vec<&str> = ROUTES
        .iter()
        .filter(|r| r.path == pattern)
        .map(|r| r.method)
        .collect();
    methods.dedup();
    methods.join(", ")
}

/// `405` with `Allow`: as JSON for the API, without a body for pages (a browser never asks a
/// page with another method by itself). Answered before anyone is identified, so it says no more
/// than the route table does.
fn method_not_allowed(req: &ServiceRequest, allowed: &str, api: bool) -> HttpResponse {
    if api {
        let locale = api_locale(req.request());
        return ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            t!(
                locale,
                "staff-api-method-not-allowed",
                method = req.method().as_str(),
                allowed = allowed
            ),
        )
        .with_header("allow", allowed)
        .error_response();
    }
    HttpResponse::MethodNotAllowed()
        .insert_header((actix_web::http::header::ALLOW, allowed))
        .finish()
}

/// Who the caller is could not be checked (the database is unreachable): `503`, as JSON for the
/// API and as the error page (with its request id) otherwise.
fn unavailable(
    req: &ServiceRequest,
    state: &StaffState,
    cause: &StoreError,
    api: bool,
) -> HttpResponse {
    if api {
        tracing::error!(error = %cause, "identifying a staff caller failed");
        let locale = api_locale(req.request());
        return ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            t!(locale, "staff-api-unavailable"),
        )
        .error_response();
    }
    let locale = locale_of(req.request());
    page_error(
        state,
        req.request(),
        locale,
        Shell::bare(),
        Failure::Unavailable,
        cause,
    )
    .error_response()
}

/// The access check, as resource middleware (`actix_web::middleware::from_fn`).
pub async fn enforce(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let api = req.path().starts_with("/api/");
    let pattern = req.match_pattern().unwrap_or_default();
    let Some(rule) = find_rule(req.method().as_str(), &pattern) else {
        let allowed = methods_of(&pattern);
        if allowed.is_empty() {
            // A route mounted without a row in the table: a fault of the code, not of the client.
            tracing::error!(route = %pattern, method = %req.method(), "staff route without an access rule refused");
            let res = refuse(&req, Refusal::NoAccess, api);
            return Ok(req.into_response(res));
        }
        // A method the route does not have (HEAD, OPTIONS, a probe): the client's business.
        tracing::debug!(route = %pattern, method = %req.method(), "method not allowed on a staff route");
        let res = method_not_allowed(&req, &allowed, api);
        return Ok(req.into_response(res));
    };
    let roles = match rule.access {
        Access::Public => return Ok(next.call(req).await?.map_into_boxed_body()),
        Access::Roles(roles) => roles,
    };
    let Some(state) = req.app_data::<web::Data<StaffState>>().cloned() else {
        // A wiring fault of the binary (no templates to render a page with), found by every test.
        return Err(actix_web::error::ErrorInternalServerError(
            "the staff state is not configured",
        ));
    };
    let caller = match identify(&state, req.request(), api).await {
        Ok(Some(c)) => c,
        Ok(None) => {
            let res = refuse(&req, Refusal::NotLoggedIn, api);
            return Ok(req.into_response(res));
        }
        Err(e) => {
            let res = unavailable(&req, &state, &e, api);
            return Ok(req.into_response(res));
        }
    };
    if !roles.contains(&caller.role) {
        let res = refuse(&req, Refusal::NoAccess, api);
        return Ok(req.into_response(res));
    }
    req.extensions_mut().insert(caller);
    Ok(next.call(req).await?.map_into_boxed_body())
}
