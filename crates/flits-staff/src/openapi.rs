//! The staff API's part of the OpenAPI document, generated from the route table so that every
//! declared `/api/` route is documented with who may call it.

use utoipa::openapi::path::{HttpMethod, OperationBuilder};
use utoipa::openapi::response::ResponseBuilder;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{ComponentsBuilder, InfoBuilder, OpenApi, OpenApiBuilder, Paths};

use crate::access::Access;
use crate::routes::{ROUTES, RouteRule};

/// What a staff API route does, for the document.
fn summary(rule: &RouteRule) -> &'static str {
    match (rule.method, rule.path) {
        ("GET", "/api/v1/admin/me") => "The account the token belongs to",
        ("GET", "/api/v1/admin/polls") => "The polls the caller may see",
        ("POST", "/api/v1/admin/polls") => {
            "Create a draft from a poll definition (422 with details.errors when invalid)"
        }
        ("GET", "/api/v1/admin/polls/{slug}") => {
            "A poll's definition with its validation report and plain-language hints"
        }
        ("PUT", "/api/v1/admin/polls/{slug}") => {
            "Replace a draft's definition (409 not_editable after scheduling)"
        }
        ("DELETE", "/api/v1/admin/polls/{slug}") => "Delete a draft",
        ("POST", "/api/v1/admin/polls/{slug}/copy") => "Copy a poll as a new draft (a new version)",
        ("POST", "/api/v1/admin/polls/{slug}/schedule") => {
            "Schedule a poll; 409 spacing_conflict with details.conflicts and details.next_free; override_reason for admins"
        }
        _ => "Staff API",
    }
}

fn method(rule: &RouteRule) -> Option<HttpMethod> {
    match rule.method {
        "GET" => Some(HttpMethod::Get),
        "POST" => Some(HttpMethod::Post),
        "PUT" => Some(HttpMethod::Put),
        "DELETE" => Some(HttpMethod::Delete),
        "PATCH" => Some(HttpMethod::Patch),
        _ => None,
    }
}

/// The document of every `/api/` route in [`ROUTES`].
pub fn document() -> OpenApi {
    let mut paths = Paths::new();
    for rule in ROUTES.iter().filter(|r| r.path.starts_with("/api/")) {
        let Some(http_method) = method(rule) else {
            continue;
        };
        let roles = match rule.access {
            Access::Public => "anyone".to_owned(),
            Access::Roles(roles) => roles
                .iter()
                .map(|r| r.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        };
        let operation = OperationBuilder::new()
            .summary(Some(summary(rule)))
            .description(Some(format!(
                "Roles: {roles}. Other organisations' polls answer 404."
            )))
            .tag("staff")
            .security(SecurityRequirement::new("bearer", Vec::<String>::new()))
            .response(
                "200",
                ResponseBuilder::new().description("Success (201 for creation, 204 for deletion)"),
            )
            .response(
                "401",
                ResponseBuilder::new().description("No valid API token (error.code unauthorized)"),
            )
            .response(
                "403",
                ResponseBuilder::new()
                    .description("The role does not allow this (error.code forbidden)"),
            )
            .response(
                "404",
                ResponseBuilder::new().description("No such poll for this caller"),
            )
            .build();
        paths.add_path_operation(rule.path, vec![http_method], operation);
    }
    OpenApiBuilder::new()
        .info(
            InfoBuilder::new()
                .title("Flits staff API")
                .version(env!("CARGO_PKG_VERSION"))
                .build(),
        )
        .paths(paths)
        .components(Some(
            ComponentsBuilder::new()
                .security_scheme(
                    "bearer",
                    SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
                )
                .build(),
        ))
        .build()
}
