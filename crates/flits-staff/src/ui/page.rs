//! Rendering staff pages: the shell (navigation, language switch, CSRF token) around each page's
//! own typed view, one error path ([`PageError`]) and the short notices (refusals, not found).
//!
//! Templates take their words from the catalogue with `{{t "staff-…"}}`; the helper escapes what
//! it writes like any other value, arguments included.

use std::fmt;
use std::future::{Ready, ready};

use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE, LOCATION};
use actix_web::{FromRequest, HttpMessage, HttpRequest, HttpResponse, ResponseError, web};
use chrono::{DateTime, Utc};
use chrono_tz::Europe::Amsterdam;
use flits_http::{ErrorLayout, ErrorPage, Failure, PageError, RequestId};
use flits_i18n::Locale;
use serde::Serialize;

use crate::identity::Caller;
use crate::role::Role;
use crate::state::StaffState;
use crate::ui::locale::locale_of;

const STYLESHEET: &str = include_str!("../../../../static/staff.css");

/// `GET /staff/assets/staff.css`.
pub async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/css; charset=utf-8"))
        .insert_header((CACHE_CONTROL, "public, max-age=3600"))
        .body(STYLESHEET)
}

/// A moment in Europe/Amsterdam time, as staff read it: `28-11-2026 14:00`.
pub fn local(at: Option<DateTime<Utc>>) -> Option<String> {
    at.map(|t| {
        t.with_timezone(&Amsterdam)
            .format("%d-%m-%Y %H:%M")
            .to_string()
    })
}

/// The logged-in staff member, as the shell shows them.
#[derive(Debug, Serialize)]
struct UserView {
    email: String,
    role: Role,
    organisation: String,
    is_admin: bool,
    may_edit: bool,
}

/// The link to the page in the other staff language, named in that language.
#[derive(Debug, Serialize)]
struct LangLink {
    code: Locale,
    label: &'static str,
}

/// What `staff/layout` needs besides `lang`, `dir` and `page_title`.
#[derive(Debug, Serialize)]
pub struct Shell {
    user: Option<UserView>,
    csrf: String,
    other_lang: Option<LangLink>,
}

impl Shell {
    /// The shell for `caller` (none on the login page and on refusals before login).
    pub fn new(locale: Locale, caller: Option<&Caller>) -> Shell {
        Shell {
            user: caller.map(|c| UserView {
                email: c.user.email.clone(),
                role: c.role,
                organisation: c.user.organisation_id.clone(),
                is_admin: c.role == Role::Admin,
                may_edit: matches!(c.role, Role::Admin | Role::Comms),
            }),
            csrf: caller
                .map(|c| c.csrf_token().to_owned())
                .unwrap_or_default(),
            other_lang: Locale::STAFF
                .into_iter()
                .find(|l| *l != locale)
                .map(|l| LangLink {
                    code: l,
                    label: l.native_name(),
                }),
        }
    }

    /// A shell without a user or language switch, for notices.
    pub fn bare() -> Shell {
        Shell {
            user: None,
            csrf: String::new(),
            other_lang: None,
        }
    }
}

/// The data of a whole staff page: the shell's fields and the page's own view side by side.
#[derive(Serialize)]
struct PageView<'a, T: Serialize> {
    lang: Locale,
    dir: &'static str,
    page_title: &'a str,
    #[serde(flatten)]
    shell: &'a Shell,
    #[serde(flatten)]
    body: &'a T,
}

/// A link under a notice.
#[derive(Debug, Serialize)]
pub struct NoticeLink {
    pub href: String,
    pub text: String,
}

/// The view of `staff/message`: a heading, a text and maybe a link.
#[derive(Debug, Serialize)]
pub struct Notice {
    pub heading: String,
    pub text: String,
    pub link: Option<NoticeLink>,
}

/// Renders `template` with `body` inside the shell; a template that fails is a [`PageError`].
#[allow(clippy::too_many_arguments)]
pub fn render_page<T: Serialize>(
    state: &StaffState,
    req: &HttpRequest,
    locale: Locale,
    shell: &Shell,
    status: StatusCode,
    template: &str,
    title: &str,
    body: &T,
) -> Result<HttpResponse, PageError> {
    let view = PageView {
        lang: locale,
        dir: locale.dir(),
        page_title: title,
        shell,
        body,
    };
    match state.templates.render(template, &view) {
        Ok(html) => Ok(HttpResponse::build(status)
            .insert_header((CONTENT_TYPE, "text/html; charset=utf-8"))
            .insert_header((CACHE_CONTROL, "no-store"))
            .body(html)),
        Err(e) => Err(page_error(
            state,
            req,
            locale,
            Shell::bare(),
            Failure::Internal,
            &format_args!("staff page {template} did not render: {e}"),
        )),
    }
}

/// A [`PageError`] on a staff page: logged once with the request id, shown in `locale`.
pub fn page_error(
    state: &StaffState,
    req: &HttpRequest,
    locale: Locale,
    shell: Shell,
    failure: Failure,
    cause: &dyn fmt::Display,
) -> PageError {
    PageError::new(
        ErrorPage {
            templates: &state.templates,
            layout: ErrorLayout::Staff,
            locale,
            request_id: RequestId::of(req),
            shell,
        },
        failure,
        cause,
    )
}

/// A notice page (`staff/message`) with `status`.
pub fn notice_page(
    state: &StaffState,
    req: &HttpRequest,
    locale: Locale,
    status: StatusCode,
    notice: &Notice,
) -> HttpResponse {
    render_page(
        state,
        req,
        locale,
        &Shell::bare(),
        status,
        "staff/message",
        &notice.heading,
        notice,
    )
    .unwrap_or_else(|e| e.error_response())
}

/// A staff address nothing answers to: the styled notice in the staff's language, `404` (the
/// application's default service sends `/staff/…` here).
pub fn not_found(state: &StaffState, req: &HttpRequest) -> HttpResponse {
    let locale = locale_of(req);
    let notice = Notice {
        heading: flits_i18n::t!(locale, "staff-not-found-heading"),
        text: flits_i18n::t!(locale, "staff-not-found-text"),
        link: None,
    };
    notice_page(state, req, locale, StatusCode::NOT_FOUND, &notice)
}

/// Everything a staff page handler needs: the state, the request, its language and (after the
/// access check) the caller. An extractor, so handlers stay short.
pub struct StaffPage {
    pub state: web::Data<StaffState>,
    pub req: HttpRequest,
    pub locale: Locale,
    pub caller: Option<Caller>,
}

impl FromRequest for StaffPage {
    type Error = actix_web::Error;
    type Future = Ready<Result<StaffPage, actix_web::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let page = req
            .app_data::<web::Data<StaffState>>()
            .cloned()
            .map(|state| StaffPage {
                state,
                req: req.clone(),
                locale: locale_of(req),
                caller: req.extensions().get::<Caller>().cloned(),
            })
            .ok_or_else(|| actix_web::error::ErrorInternalServerError("staff state missing"));
        ready(page)
    }
}

impl StaffPage {
    /// Renders `template` with the page's view `body`, titled `title`.
    pub fn render<T: Serialize>(
        &self,
        status: StatusCode,
        template: &str,
        title: &str,
        body: &T,
    ) -> Result<HttpResponse, PageError> {
        let shell = Shell::new(self.locale, self.caller.as_ref());
        render_page(
            &self.state,
            &self.req,
            self.locale,
            &shell,
            status,
            template,
            title,
            body,
        )
    }

    /// A notice with `status`, a heading and a text.
    pub fn notice(&self, status: StatusCode, heading: String, text: String) -> HttpResponse {
        let notice = Notice {
            heading,
            text,
            link: None,
        };
        notice_page(&self.state, &self.req, self.locale, status, &notice)
    }

    /// The page failed on our side: see [`PageError`].
    pub fn fail(&self, failure: Failure, cause: &dyn fmt::Display) -> PageError {
        let shell = Shell::new(self.locale, self.caller.as_ref());
        page_error(&self.state, &self.req, self.locale, shell, failure, cause)
    }

    /// The database (or another service) could not be reached: `503` with the request id.
    pub fn unavailable(&self, cause: &dyn fmt::Display) -> PageError {
        self.fail(Failure::Unavailable, cause)
    }

    /// `303` to a staff page (whose path may carry a query already), in the same language.
    pub fn see_other(&self, path: &str) -> HttpResponse {
        let joint = if path.contains('?') { '&' } else { '?' };
        HttpResponse::SeeOther()
            .insert_header((
                LOCATION,
                format!("{path}{joint}lang={}", self.locale.code()),
            ))
            .finish()
    }
}
