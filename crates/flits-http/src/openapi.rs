//! The OpenAPI 3 document of the JSON API (`GET /api/v1/openapi.json`), generated from the code
//! with utoipa, and served by every process whatever services it runs.
//!
//! Every crate with JSON routes contributes two things: a document of its annotated handlers (a
//! `#[derive(OpenApi)]` struct or one built from its route table), and a list of [`ApiRoute`]s
//! that it registers its routes *from* (so the list cannot drift from what actix serves). The
//! binary merges the documents into this crate's base document ([`ApiDocument::build`]); tests
//! check that every listed route is in the merged document and that the document matches its
//! snapshot `docs/openapi.json`. A new JSON route under `/api/` is registered through an
//! `ApiRoute` constant of its crate's list.

use actix_web::http::Method;
use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpResponse, Resource, Route, web};
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

/// The HTTP methods JSON routes use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiMethod {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl ApiMethod {
    /// Lower-case, as OpenAPI path items name operations.
    pub fn openapi_name(self) -> &'static str {
        match self {
            ApiMethod::Get => "get",
            ApiMethod::Post => "post",
            ApiMethod::Put => "put",
            ApiMethod::Patch => "patch",
            ApiMethod::Delete => "delete",
        }
    }

    fn http(self) -> Method {
        match self {
            ApiMethod::Get => Method::GET,
            ApiMethod::Post => Method::POST,
            ApiMethod::Put => Method::PUT,
            ApiMethod::Patch => Method::PATCH,
            ApiMethod::Delete => Method::DELETE,
        }
    }
}

/// One JSON route: register it from here, and the completeness test finds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ApiRoute {
    pub method: ApiMethod,
    /// The actix pattern, which is also the OpenAPI path (`{slug}` in both).
    pub path: &'static str,
}

impl ApiRoute {
    pub const fn new(method: ApiMethod, path: &'static str) -> ApiRoute {
        ApiRoute { method, path }
    }

    /// `web::resource(path)`, to add app data and [`ApiRoute::route`] to.
    pub fn resource(&self) -> Resource {
        web::resource(self.path)
    }

    /// The method guard of this route, to add a handler to with `.to(…)`.
    pub fn route(&self) -> Route {
        web::method(self.method.http())
    }
}

/// `GET /api/v1/openapi.json`.
pub const OPENAPI_DOCUMENT: ApiRoute = ApiRoute::new(ApiMethod::Get, "/api/v1/openapi.json");

/// The JSON routes of this crate: the document itself.
pub const API_ROUTES: &[ApiRoute] = &[OPENAPI_DOCUMENT];

/// The error body every JSON error has.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

/// One error: a stable machine code, a human message (Dutch or English) and details.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable and snake_case, e.g. `invalid_answers`, `not_open_yet`, `closed`, `rate_limited`,
    /// `payload_too_large`, `unsupported_media_type`, `invalid_json`, `invalid_submission_id`,
    /// `not_found`.
    #[schema(example = "rate_limited")]
    pub code: String,
    pub message: String,
    /// Code-specific details, e.g. `errors` for `invalid_answers`, `retry_after` for `rate_limited`.
    #[schema(value_type = Object)]
    pub details: serde_json::Value,
}

/// The base of the document: what it is, the shared error body, and the document's own route.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Flits API",
        description = "The JSON API of Flits: public poll definitions and submits for apps, and (from other services) the staff and analyst API. Errors are always `{\"error\":{\"code\",\"message\",\"details\"}}`.",
        license(name = "EUPL-1.2")
    ),
    paths(openapi_json),
    components(schemas(ErrorBody, ErrorDetail)),
    tags((name = "public", description = "What residents' apps and scripts use; no authentication."))
)]
struct BaseApi;

/// The merged document, serialised once.
#[derive(Debug, Clone)]
pub struct ApiDocument {
    json: String,
}

impl ApiDocument {
    /// The base document merged with the services' ones.
    pub fn build(parts: impl IntoIterator<Item = utoipa::openapi::OpenApi>) -> ApiDocument {
        let mut doc = BaseApi::openapi();
        for part in parts {
            doc.merge(part);
        }
        let json = doc
            .to_json()
            .unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
        ApiDocument { json }
    }

    /// The document as JSON.
    pub fn json(&self) -> &str {
        &self.json
    }
}

/// The OpenAPI 3 document of the whole JSON API.
#[utoipa::path(
    get,
    path = "/api/v1/openapi.json",
    tag = "public",
    responses((status = 200, description = "This document", content_type = "application/json"))
)]
pub async fn openapi_json(doc: web::Data<ApiDocument>) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "application/json"))
        .insert_header((CACHE_CONTROL, "public, max-age=300"))
        .body(doc.json().to_owned())
}

/// Mounts `GET /api/v1/openapi.json`; `doc` is the merged document.
pub fn configure(cfg: &mut web::ServiceConfig, doc: web::Data<ApiDocument>) {
    cfg.service(
        OPENAPI_DOCUMENT
            .resource()
            .app_data(doc)
            .route(OPENAPI_DOCUMENT.route().to(openapi_json)),
    );
}

/// The routes of `routes` that `doc` lacks, as `METHOD path`.
pub fn missing_routes(doc: &serde_json::Value, routes: &[ApiRoute]) -> Vec<String> {
    routes
        .iter()
        .filter(|r| doc["paths"][r.path][r.method.openapi_name()].is_null())
        .map(|r| format!("{} {}", r.method.openapi_name().to_uppercase(), r.path))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_base_document_documents_its_own_route() {
        let doc: serde_json::Value = serde_json::from_str(ApiDocument::build([]).json()).unwrap();
        assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
        assert_eq!(missing_routes(&doc, API_ROUTES), Vec::<String>::new());
        assert!(doc["components"]["schemas"]["ErrorBody"].is_object());
        let fake = [ApiRoute::new(ApiMethod::Delete, "/api/v1/polls/{slug}")];
        assert_eq!(missing_routes(&doc, &fake).len(), 1);
    }
}
