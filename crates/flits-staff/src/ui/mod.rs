//! The staff web UI: server-rendered pages that work without JavaScript.

pub mod audit;
pub mod builder;
pub mod builder_form;
pub mod calendar;
pub mod dashboard;
pub mod login;
pub mod page;
pub mod schedule;
pub mod tokens;
pub mod users;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use flits_http::Lang;

use crate::identity::{Caller, Via};
use crate::secrets::constant_time_eq;
use crate::state::StaffState;

/// Whether a form's CSRF token is the caller's session token.
pub fn csrf_ok(caller: &Caller, sent: &str) -> bool {
    match &caller.via {
        Via::Session { csrf_token, .. } => !sent.is_empty() && constant_time_eq(csrf_token, sent),
        Via::Token => false,
    }
}

/// The answer to a form without a valid CSRF token: nothing was changed.
pub fn csrf_refused(state: &StaffState, req: &HttpRequest) -> HttpResponse {
    let lang = page::lang_of(req);
    let (heading, text) = match lang {
        Lang::Nl => (
            "Formulier verlopen",
            "Er is niets veranderd. Ga terug, laad de pagina opnieuw en probeer het nog eens.",
        ),
        Lang::En => (
            "Form expired",
            "Nothing was changed. Go back, reload the page and try again.",
        ),
    };
    page::message_page(
        Some(state),
        lang,
        StatusCode::FORBIDDEN,
        heading,
        text,
        None,
    )
}
