//! The one error path of resident pages: whatever fails on our side becomes the notice page in
//! the resident's language with a request id they can quote (`flits_http::PageError`).

use actix_web::HttpRequest;
use flits_http::templates::TemplateError;
use flits_http::{ErrorLayout, ErrorPage, Failure, PageError, RequestId};
use flits_i18n::Locale;
use flits_resident_pages::{Footer, LanguageLink};
use flits_store::StoreError;
use serde::Serialize;

use crate::state::CollectorState;

/// Why a resident page could not be served.
#[derive(Debug, thiserror::Error)]
pub enum PageFailure {
    /// The database did not answer: try again later (`503`).
    #[error("database: {0}")]
    Store(#[from] StoreError),
    /// The results' figures could not be counted (a database failure: try again later).
    #[error("results: {0}")]
    Results(#[from] flits_export::ExportError),
    /// A template did not render: our bug (`500`).
    #[error("template: {0}")]
    Template(#[from] TemplateError),
}

/// What the resident layout needs besides `lang`, `dir` and `page_title`: a plain, unthemed frame
/// (the failure may be the organisation lookup itself).
#[derive(Serialize)]
struct PlainFrame {
    org_name: &'static str,
    logo_url: Option<String>,
    footer: Footer,
    theme_css: Option<String>,
    preview: Option<()>,
    feed: Option<()>,
    languages: Vec<LanguageLink>,
}

/// The notice page for `failure`, logged once with the request's id.
pub fn page_error(
    state: &CollectorState,
    req: &HttpRequest,
    locale: Locale,
    failure: PageFailure,
) -> PageError {
    let kind = match failure {
        PageFailure::Store(_) | PageFailure::Results(flits_export::ExportError::Store(_)) => {
            Failure::Unavailable
        }
        PageFailure::Results(_) => Failure::Internal,
        PageFailure::Template(_) => Failure::Internal,
    };
    let page = ErrorPage {
        templates: &state.templates,
        layout: ErrorLayout::Resident,
        locale,
        request_id: RequestId::of(req),
        shell: PlainFrame {
            org_name: "Flits",
            logo_url: None,
            footer: Footer::of(None, locale),
            theme_css: None,
            preview: None,
            feed: None,
            languages: Vec::new(),
        },
    };
    PageError::new(page, kind, &failure)
}
