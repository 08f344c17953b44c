//! The one error path of HTML pages.
//!
//! Policy: a page that cannot be served because something on our side failed (the database is
//! unreachable, a template does not render…) answers with a notice page in the reader's language,
//! never an empty 500 or 503. The notice shows the request's [`RequestId`], which the reader can
//! quote; the cause is logged once, with the same id, at the moment the error is made. Causes must
//! not hold personal data (answers, e-mail addresses, IP addresses, tokens); store and template
//! errors do not.
//!
//! An `actix_web::ResponseError` cannot see the request, so a [`PageError`] is rendered when it is
//! made, from an [`ErrorPage`] that says which layout frames it ([`ErrorLayout`]: residents' pages
//! or staff pages), the language, the request id and the data that layout needs. The texts are in
//! `locales/*/resident-errors.ftl`, in every resident language, because residents see them too.

use std::fmt;

use actix_web::http::StatusCode;
use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE, RETRY_AFTER};
use actix_web::{HttpResponse, ResponseError};
use flits_i18n::{Locale, t};
use serde::Serialize;

use crate::Templates;
use crate::request_id::RequestId;

/// What went wrong, as far as the reader is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// Something we depend on (mostly the database) cannot be reached: `503`, "try again soon".
    Unavailable,
    /// A fault of ours: `500`, "something went wrong".
    Internal,
}

impl Failure {
    /// The HTTP status.
    pub fn status(self) -> StatusCode {
        match self {
            Failure::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            Failure::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn heading(self, locale: Locale) -> String {
        match self {
            Failure::Unavailable => t!(locale, "error-unavailable-heading"),
            Failure::Internal => t!(locale, "error-internal-heading"),
        }
    }

    fn text(self, locale: Locale) -> String {
        match self {
            Failure::Unavailable => t!(locale, "error-unavailable-text"),
            Failure::Internal => t!(locale, "error-internal-text"),
        }
    }
}

/// The layout that frames the notice: each is a template in `templates/errors/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorLayout {
    /// Residents' pages: `errors/resident`, inside `partials/layout`.
    Resident,
    /// Staff pages: `errors/staff`, inside `staff/layout`.
    Staff,
}

impl ErrorLayout {
    /// The template's name.
    pub fn template(self) -> &'static str {
        match self {
            ErrorLayout::Resident => "errors/resident",
            ErrorLayout::Staff => "errors/staff",
        }
    }
}

/// Where and for whom a [`PageError`] is drawn.
#[derive(Debug)]
pub struct ErrorPage<'a, S: Serialize> {
    pub templates: &'a Templates,
    pub layout: ErrorLayout,
    /// The request's language (the page's own negotiation: the poll's languages or the staff's).
    pub locale: Locale,
    /// [`RequestId::of`] the request.
    pub request_id: RequestId,
    /// The data the layout itself needs besides `lang`, `dir` and `page_title` (navigation,
    /// language switch, organisation name…); it is flattened into the page's data, so it must
    /// serialise as a map (a struct, a map or `serde_json::Value::Object`), or `()` for none.
    pub shell: S,
}

/// The template data of the notice.
#[derive(Serialize)]
struct ErrorView<'a, S: Serialize> {
    lang: Locale,
    dir: &'static str,
    page_title: &'a str,
    heading: &'a str,
    text: &'a str,
    request_id: &'a RequestId,
    #[serde(flatten)]
    shell: &'a S,
}

/// A page that failed on our side, rendered as a notice in the reader's language with the request
/// id. Return it from a handler (`Result<HttpResponse, PageError>`) or turn it into a response with
/// [`ResponseError::error_response`].
#[derive(Debug, Clone)]
pub struct PageError {
    status: StatusCode,
    request_id: RequestId,
    content_type: &'static str,
    body: String,
}

impl PageError {
    /// Logs `cause` once with the request id, and renders the notice.
    pub fn new<S: Serialize>(
        page: ErrorPage<'_, S>,
        failure: Failure,
        cause: &dyn fmt::Display,
    ) -> PageError {
        let status = failure.status();
        tracing::error!(
            request_id = %page.request_id,
            status = status.as_u16(),
            error = %cause,
            "page could not be served"
        );
        let heading = failure.heading(page.locale);
        let text = failure.text(page.locale);
        let view = ErrorView {
            lang: page.locale,
            dir: page.locale.dir(),
            page_title: &heading,
            heading: &heading,
            text: &text,
            request_id: &page.request_id,
            shell: &page.shell,
        };
        let (content_type, body) = match page.templates.render(page.layout.template(), &view) {
            Ok(html) => ("text/html; charset=utf-8", html),
            Err(e) => {
                // The notice itself failed: say the same in plain text, still with the id.
                tracing::error!(request_id = %page.request_id, error = %e, "error page did not render");
                let quote = t!(page.locale, "error-request-id");
                (
                    "text/plain; charset=utf-8",
                    format!("{heading}\n\n{text}\n\n{quote} {}\n", page.request_id),
                )
            }
        };
        PageError {
            status,
            request_id: page.request_id,
            content_type,
            body,
        }
    }

    /// The id shown on the page and logged with the cause.
    pub fn request_id(&self) -> &RequestId {
        &self.request_id
    }
}

impl fmt::Display for PageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (request {})", self.status, self.request_id)
    }
}

impl std::error::Error for PageError {}

impl ResponseError for PageError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        let mut res = HttpResponse::build(self.status);
        res.insert_header((CONTENT_TYPE, self.content_type))
            .insert_header((CACHE_CONTROL, "no-store"));
        if self.status == StatusCode::SERVICE_UNAVAILABLE {
            res.insert_header((
                RETRY_AFTER,
                crate::error::UNAVAILABLE_RETRY_AFTER_SECONDS.to_string(),
            ));
        }
        res.body(self.body.clone())
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn templates() -> Templates {
        Templates::load().unwrap()
    }

    #[test]
    fn a_staff_notice_in_english_with_the_request_id() {
        let templates = templates();
        let id = RequestId::random();
        let shell = json!({"user": null, "csrf": "", "other_lang": null});
        let err = PageError::new(
            ErrorPage {
                templates: &templates,
                layout: ErrorLayout::Staff,
                locale: Locale::En,
                request_id: id.clone(),
                shell,
            },
            Failure::Unavailable,
            &"database gone",
        );
        let res = err.error_response();
        assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(res.headers().get(RETRY_AFTER).unwrap(), "5");
        assert_eq!(err.request_id(), &id);
        assert!(err.body.contains(id.as_str()), "{}", err.body);
        assert!(err.body.contains("<html lang=\"en\""), "{}", err.body);
        assert!(
            err.body
                .contains(&t!(Locale::En, "error-unavailable-heading"))
        );
        assert!(
            !err.body.contains("database gone"),
            "the cause is not shown"
        );
    }

    #[test]
    fn a_resident_notice_in_arabic() {
        let templates = templates();
        let id = RequestId::random();
        let shell = json!({
            "org_name": "Velsen", "logo_url": null, "theme_css": null,
            "footer": {"privacy_href": "/privacy", "accessibility_href": "/toegankelijkheid"}, "preview": null, "feed": null, "languages": [],
        });
        let err = PageError::new(
            ErrorPage {
                templates: &templates,
                layout: ErrorLayout::Resident,
                locale: Locale::Ar,
                request_id: id.clone(),
                shell,
            },
            Failure::Internal,
            &"template broke",
        );
        assert_eq!(err.status_code(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(err.content_type, "text/html; charset=utf-8");
        assert!(err.body.contains(id.as_str()));
        assert!(err.body.contains("<html lang=\"ar\""), "{}", err.body);
        assert!(err.body.contains(&t!(Locale::Ar, "error-internal-text")));
    }

    #[test]
    fn a_notice_that_cannot_render_is_plain_text_with_the_id() {
        let templates = templates();
        let id = RequestId::random();
        // Data that cannot become template data (JSON keys must be strings) fails the render.
        let unusable = std::collections::BTreeMap::from([(vec![1u8], 1u8)]);
        let err = PageError::new(
            ErrorPage {
                templates: &templates,
                layout: ErrorLayout::Staff,
                locale: Locale::Nl,
                request_id: id.clone(),
                shell: unusable,
            },
            Failure::Internal,
            &"x",
        );
        assert_eq!(err.content_type, "text/plain; charset=utf-8");
        assert!(err.body.contains(id.as_str()));
        assert!(err.body.contains(&t!(Locale::Nl, "error-internal-heading")));
    }
}
