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
use actix_web::{Error, HttpMessage, HttpResponse, web};
use flits_http::{ApiError, Lang};

use crate::identity::identify;
use crate::role::Role;
use crate::routes::find_rule;
use crate::state::StaffState;
use crate::ui::page::message_page;

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

fn refuse(req: &ServiceRequest, status: StatusCode, api: bool) -> HttpResponse {
    let lang = Lang::from_request(req.request());
    if api {
        let (code, message) = match status {
            StatusCode::UNAUTHORIZED => (
                "unauthorized",
                "Send a valid API token as Authorization: Bearer TOKEN.",
            ),
            StatusCode::FORBIDDEN => ("forbidden", "Your role does not allow this."),
            _ => (
                "unavailable",
                "The service cannot check who you are right now.",
            ),
        };
        let mut res =
            actix_web::ResponseError::error_response(&ApiError::new(status, code, message));
        if status == StatusCode::UNAUTHORIZED {
            res.headers_mut().insert(
                actix_web::http::header::WWW_AUTHENTICATE,
                actix_web::http::header::HeaderValue::from_static("Bearer"),
            );
        }
        return res;
    }
    let (heading, text) = match (status, lang) {
        (StatusCode::UNAUTHORIZED, Lang::Nl) => (
            "Log eerst in",
            "U moet ingelogd zijn om deze pagina te zien.",
        ),
        (StatusCode::UNAUTHORIZED, Lang::En) => (
            "Please log in first",
            "You need to be logged in to see this page.",
        ),
        (StatusCode::FORBIDDEN, Lang::Nl) => {
            ("Geen toegang", "Uw rol geeft geen toegang tot deze pagina.")
        }
        (StatusCode::FORBIDDEN, Lang::En) => {
            ("No access", "Your role does not give access to this page.")
        }
        (_, Lang::Nl) => (
            "Even niet beschikbaar",
            "Probeer het over een paar minuten opnieuw.",
        ),
        (_, Lang::En) => (
            "Not available right now",
            "Please try again in a few minutes.",
        ),
    };
    let link = (status == StatusCode::UNAUTHORIZED).then_some(("/staff/login", lang));
    message_page(
        req.app_data::<web::Data<StaffState>>().map(|d| d.get_ref()),
        lang,
        status,
        heading,
        text,
        link,
    )
}

/// The access check, as resource middleware (`actix_web::middleware::from_fn`).
pub async fn enforce(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let api = req.path().starts_with("/api/");
    let pattern = req.match_pattern().unwrap_or_default();
    let Some(rule) = find_rule(req.method().as_str(), &pattern) else {
        tracing::error!(route = %pattern, method = %req.method(), "staff route without an access rule refused");
        let res = refuse(&req, StatusCode::FORBIDDEN, api);
        return Ok(req.into_response(res));
    };
    let roles = match rule.access {
        Access::Public => return Ok(next.call(req).await?.map_into_boxed_body()),
        Access::Roles(roles) => roles,
    };
    let Some(state) = req.app_data::<web::Data<StaffState>>().cloned() else {
        let res = refuse(&req, StatusCode::SERVICE_UNAVAILABLE, api);
        return Ok(req.into_response(res));
    };
    let caller = match identify(&state, req.request(), api).await {
        Ok(Some(c)) => c,
        Ok(None) => {
            let res = refuse(&req, StatusCode::UNAUTHORIZED, api);
            return Ok(req.into_response(res));
        }
        Err(e) => {
            tracing::error!(error = %e, "identifying a staff caller failed");
            let res = refuse(&req, StatusCode::SERVICE_UNAVAILABLE, api);
            return Ok(req.into_response(res));
        }
    };
    if !roles.contains(&caller.role) {
        let res = refuse(&req, StatusCode::FORBIDDEN, api);
        return Ok(req.into_response(res));
    }
    req.extensions_mut().insert(caller);
    Ok(next.call(req).await?.map_into_boxed_body())
}
