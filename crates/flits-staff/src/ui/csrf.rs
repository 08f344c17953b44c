//! Forms of logged-in staff carry the session's CSRF token; a form without it changes nothing.
//!
//! [`Checked`] is the extractor that enforces it, so a handler that takes a `Checked<…>` form
//! never sees a forged one.

use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::{FromRequest, HttpMessage, HttpRequest, HttpResponse, web};
use flits_i18n::t;
use futures_util::future::LocalBoxFuture;

use crate::identity::{Caller, Via};
use crate::secrets::constant_time_eq;
use crate::state::StaffState;
use crate::ui::locale::locale_of;
use crate::ui::page::{Notice, notice_page};

/// Whether a form's CSRF token is the caller's session token.
pub fn csrf_ok(caller: &Caller, sent: &str) -> bool {
    match &caller.via {
        Via::Session { csrf_token, .. } => !sent.is_empty() && constant_time_eq(csrf_token, sent),
        Via::Token => false,
    }
}

/// The answer to a form without a valid CSRF token: nothing was changed.
pub fn csrf_refused(state: &StaffState, req: &HttpRequest) -> HttpResponse {
    let locale = locale_of(req);
    let notice = Notice {
        heading: t!(locale, "staff-csrf-heading"),
        text: t!(locale, "staff-csrf-text"),
        link: None,
    };
    notice_page(state, req, locale, StatusCode::FORBIDDEN, &notice)
}

/// A form that carries a CSRF token in its `_csrf` field.
pub trait CsrfField {
    /// The token the form sent.
    fn csrf(&self) -> &str;
}

impl<T: CsrfField> CsrfField for web::Form<T> {
    fn csrf(&self) -> &str {
        self.0.csrf()
    }
}

/// A form (any extractor `T` that knows its token) whose CSRF token is the caller's; otherwise the
/// request is answered with [`csrf_refused`] before the handler runs.
pub struct Checked<T>(pub T);

impl<T> FromRequest for Checked<T>
where
    T: FromRequest + CsrfField + 'static,
    T::Error: Into<actix_web::Error>,
{
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Checked<T>, actix_web::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let form = T::from_request(req, payload);
        let req = req.clone();
        Box::pin(async move {
            let form = form.await.map_err(Into::into)?;
            let ok = req
                .extensions()
                .get::<Caller>()
                .is_some_and(|caller| csrf_ok(caller, form.csrf()));
            if ok {
                return Ok(Checked(form));
            }
            let refusal = match req.app_data::<web::Data<StaffState>>() {
                Some(state) => csrf_refused(state, &req),
                None => HttpResponse::Forbidden().finish(),
            };
            Err(
                actix_web::error::InternalError::from_response("CSRF token refused", refusal)
                    .into(),
            )
        })
    }
}
