//! The staff API's part of the OpenAPI document, generated from the route table so that every
//! declared `/api/` route is documented with who may call it, and with the types its request and
//! responses have ([`crate::api::bodies`], [`crate::api::schema`]).

use utoipa::OpenApi as _;
use utoipa::openapi::path::{HttpMethod, OperationBuilder, ParameterBuilder, ParameterIn};
use utoipa::openapi::request_body::RequestBodyBuilder;
use utoipa::openapi::response::ResponseBuilder;
use utoipa::openapi::schema::{Object, Type};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{ContentBuilder, InfoBuilder, OpenApi, OpenApiBuilder, Paths, Ref, Required};

use crate::access::Access;
use crate::api::bodies::{
    Account, ChannelList, ChannelPost, ChannelSummary, DraftSaved, NativeOptionCount,
    NativePollCounts, PollCopied, PollDetail, PollList, PollResults, PollScheduled, PollSummary,
    PostError, PostList, PostPreview, PreviewList, ReminderQueued, RetryQueued,
};
use crate::api::polls::{CopyBody, ScheduleBody};
use crate::api::population::{
    MarginBody, OptionCount, PopulationFileBody, PopulationList, PopulationSum,
};
use crate::api::posts::ReminderBody;
use crate::api::publish::{
    PublishBody, Published, PublishedQuote, QuoteBody, UpdateAdded, UpdateBody,
};
use crate::api::schema::{
    BriefSchema, IssueSchema, OptionSchema, PollDefinitionSchema, QuestionKindSchema,
    QuestionSchema, ReadabilitySchema, ScaleLabelsSchema, TextSchema, ValidationReport,
};
use crate::api::stop::{PollStopped, StopBody};
use crate::api::tokens::{TokenBody, TokenList};
use crate::routes::{ROUTES, RouteRule};

/// The schemas the staff API's operations refer to.
#[derive(utoipa::OpenApi)]
#[openapi(components(schemas(
    Account,
    PollList,
    PollSummary,
    PollDetail,
    DraftSaved,
    PollCopied,
    PollScheduled,
    PollResults,
    PublishBody,
    QuoteBody,
    UpdateBody,
    Published,
    PublishedQuote,
    UpdateAdded,
    CopyBody,
    ScheduleBody,
    StopBody,
    PollStopped,
    ChannelList,
    ChannelSummary,
    PopulationList,
    PopulationFileBody,
    MarginBody,
    OptionCount,
    PopulationSum,
    PostList,
    ChannelPost,
    PostError,
    NativePollCounts,
    NativeOptionCount,
    RetryQueued,
    ReminderBody,
    ReminderQueued,
    PreviewList,
    PostPreview,
    PollDefinitionSchema,
    TextSchema,
    BriefSchema,
    QuestionSchema,
    QuestionKindSchema,
    OptionSchema,
    ScaleLabelsSchema,
    ValidationReport,
    IssueSchema,
    ReadabilitySchema,
    TokenList,
    TokenBody,
    flits_http::openapi::ErrorBody,
    flits_http::openapi::ErrorDetail,
)))]
struct StaffSchemas;

/// What one staff API route takes and answers, for the document.
struct Contract {
    summary: &'static str,
    /// The schema of the JSON body, and whether it is required.
    request: Option<(&'static str, bool)>,
    /// The success status, what it means, and the schema of its body (none for 204).
    success: (&'static str, &'static str, Option<&'static str>),
    /// Errors besides 401 and 403, which every route has.
    errors: &'static [(&'static str, &'static str)],
}

const NOT_FOUND: (&str, &str) = ("404", "No such poll for this caller (`not_found`)");
const INVALID: (&str, &str) = (
    "422",
    "The definition has errors (`invalid_definition`, details.errors and details.hints)",
);

fn contract(rule: &RouteRule) -> Contract {
    match (rule.method, rule.path) {
        ("GET", "/api/v1/admin/me") => Contract {
            summary: "The account the token belongs to",
            request: None,
            success: ("200", "The account", Some("Account")),
            errors: &[],
        },
        ("GET", "/api/v1/admin/tokens") => Contract {
            summary: "Every account's API tokens: owner, name, created, last used, revoked (never the token itself)",
            request: None,
            success: ("200", "The tokens, newest first", Some("TokenList")),
            errors: &[],
        },
        ("DELETE", "/api/v1/admin/tokens/{id}") => Contract {
            summary: "Revoke any account's API token (audit-logged as token.revoked)",
            request: None,
            success: ("204", "Revoked (also when it already was)", None),
            errors: &[("404", "No token with this id (`not_found`)")],
        },
        ("GET", "/api/v1/admin/polls") => Contract {
            summary: "The polls the caller may see",
            request: None,
            success: ("200", "The polls", Some("PollList")),
            errors: &[],
        },
        ("POST", "/api/v1/admin/polls") => Contract {
            summary: "Create a draft from a poll definition",
            request: Some(("PollDefinition", true)),
            success: (
                "201",
                "Stored as a draft, with its plain-language hints",
                Some("DraftSaved"),
            ),
            errors: &[
                ("409", "A poll with this slug exists (`slug_taken`)"),
                INVALID,
            ],
        },
        ("GET", "/api/v1/admin/polls/{slug}") => Contract {
            summary: "A poll's definition with its validation report and plain-language hints",
            request: None,
            success: ("200", "The poll", Some("PollDetail")),
            errors: &[NOT_FOUND],
        },
        ("PUT", "/api/v1/admin/polls/{slug}") => Contract {
            summary: "Replace a draft's definition (the slug stays)",
            request: Some(("PollDefinition", true)),
            success: ("200", "Stored, with its hints", Some("DraftSaved")),
            errors: &[
                NOT_FOUND,
                (
                    "409",
                    "Not a draft any more (`not_editable`); copy it instead",
                ),
                (
                    "422",
                    "The definition has errors (`invalid_definition`) or another slug (`slug_mismatch`)",
                ),
            ],
        },
        ("DELETE", "/api/v1/admin/polls/{slug}") => Contract {
            summary: "Delete a draft",
            request: None,
            success: ("204", "Deleted", None),
            errors: &[NOT_FOUND, ("409", "Not a draft (`not_editable`)")],
        },
        ("POST", "/api/v1/admin/polls/{slug}/copy") => Contract {
            summary: "Copy a poll as a new draft (a new version)",
            request: Some(("CopyBody", false)),
            success: ("201", "The new draft", Some("PollCopied")),
            errors: &[
                NOT_FOUND,
                ("409", "The wanted slug is taken (`slug_taken`)"),
                INVALID,
            ],
        },
        ("POST", "/api/v1/admin/polls/{slug}/schedule") => Contract {
            summary: "Schedule a poll, keeping the spacing rules; override_reason for admins",
            request: Some(("ScheduleBody", true)),
            success: ("200", "Scheduled", Some("PollScheduled")),
            errors: &[
                NOT_FOUND,
                (
                    "403",
                    "Only an admin may override the spacing rules (`override_forbidden`)",
                ),
                (
                    "409",
                    "A spacing rule is broken (`spacing_conflict`, details.conflicts and details.next_free)",
                ),
                (
                    "422",
                    "The poll cannot be scheduled as it is (its definition, brief or times)",
                ),
            ],
        },
        ("POST", "/api/v1/admin/polls/{slug}/cancel") => Contract {
            summary: "Cancel a scheduled poll: back to draft, its slot freed (a reason is required; audit-logged as poll.cancelled)",
            request: Some(("StopBody", true)),
            success: ("200", "Cancelled: a draft again", Some("PollStopped")),
            errors: &[
                NOT_FOUND,
                (
                    "409",
                    "The poll is not scheduled (`not_scheduled`, details.state)",
                ),
                (
                    "422",
                    "No reason (`reason_required`) or one over 500 characters (`reason_too_long`)",
                ),
            ],
        },
        ("POST", "/api/v1/admin/polls/{slug}/close") => Contract {
            summary: "Close an open poll now (a reason is required; audit-logged as poll.closed_early); each channel that announced it gets a short notice",
            request: Some(("StopBody", true)),
            success: ("200", "Closed", Some("PollStopped")),
            errors: &[
                NOT_FOUND,
                ("409", "The poll is not open (`not_open`, details.state)"),
                (
                    "422",
                    "No reason (`reason_required`) or one over 500 characters (`reason_too_long`)",
                ),
            ],
        },
        ("GET", "/api/v1/admin/polls/{slug}/export") => Contract {
            summary: "The anonymised export, streamed: ?format=csv (default), json, xlsx or sps; an open poll's is marked X-Flits-Provisional: true",
            request: None,
            success: (
                "200",
                "The export file (Content-Disposition: attachment)",
                None,
            ),
            errors: &[
                NOT_FOUND,
                (
                    "410",
                    "The responses were deleted under [retention] (`responses_deleted`); the published figures stay at /results",
                ),
                ("422", "An unknown format (`invalid_format`)"),
            ],
        },
        ("POST", "/api/v1/admin/polls/{slug}/results/publish") => Contract {
            summary: "Publish a closed poll's results with the \"you said, we did\" text and picked quotes (scrubbed); queues the channel replies",
            request: Some(("PublishBody", true)),
            success: (
                "200",
                "Published, with plain-language hints on the text",
                Some("Published"),
            ),
            errors: &[
                NOT_FOUND,
                (
                    "409",
                    "The poll is not closed (`not_closed`, details.state)",
                ),
                (
                    "422",
                    "No text, or a quote that is not an answer to an open question or too long (`invalid_publication`, details.errors)",
                ),
            ],
        },
        ("POST", "/api/v1/admin/polls/{slug}/results/updates") => Contract {
            summary: "Add a later \"what we did\" update to published results",
            request: Some(("UpdateBody", true)),
            success: ("201", "Added", Some("UpdateAdded")),
            errors: &[
                NOT_FOUND,
                ("409", "The results are not published (`not_published`)"),
                ("422", "No text (`invalid_publication`)"),
            ],
        },
        ("GET", "/api/v1/admin/polls/{slug}/results") => Contract {
            summary: "The poll's aggregates under the small-cell rule (counts under k as \"<k\"; none below k responses), overall, per channel and per profile answer",
            request: None,
            success: (
                "200",
                "The results, with provisional: true while the poll is open",
                Some("PollResults"),
            ),
            errors: &[NOT_FOUND],
        },
        ("GET", "/api/v1/admin/channels") => Contract {
            summary: "The configured channels (id, kind, native poll), without secrets",
            request: None,
            success: ("200", "The channels", Some("ChannelList")),
            errors: &[],
        },
        ("GET", "/api/v1/admin/population") => Contract {
            summary: "The population figures per audience (source, reference date, illustrative or not, when imported, the counts) and the regions that use the sum of their municipalities",
            request: None,
            success: ("200", "The population figures", Some("PopulationList")),
            errors: &[],
        },
        ("GET", "/api/v1/admin/polls/{slug}/posts") => Contract {
            summary: "The poll's posts on its channels: status, attempts, why one failed, native poll counts as a separate source",
            request: None,
            success: ("200", "The posts", Some("PostList")),
            errors: &[NOT_FOUND],
        },
        ("POST", "/api/v1/admin/polls/{slug}/posts/{id}/retry") => Contract {
            summary: "Send a failed post again (audit-logged as channel_post.retry)",
            request: None,
            success: ("202", "Back in the outbox", Some("RetryQueued")),
            errors: &[
                (
                    "404",
                    "No such poll for this caller, or no such post of the poll (`not_found`)",
                ),
                (
                    "409",
                    "The post has not failed (`not_failed`, details.status); it never goes out twice",
                ),
            ],
        },
        ("POST", "/api/v1/admin/polls/{slug}/reminders") => Contract {
            summary: "Post an open poll once more on one of its channels (audit-logged)",
            request: Some(("ReminderBody", true)),
            success: (
                "202",
                "The reminder is in the outbox",
                Some("ReminderQueued"),
            ),
            errors: &[
                NOT_FOUND,
                (
                    "409",
                    "The poll is not open (`not_open`), already had its reminder on this channel (`already_reminded`), or the channel has had its posts this week (`spacing_conflict`, details.conflicts and details.next_free)",
                ),
                (
                    "422",
                    "Not a channel id (`invalid_channel`), or not one of the poll's channels (`unknown_channel`)",
                ),
            ],
        },
        ("GET", "/api/v1/admin/polls/{slug}/post-previews") => Contract {
            summary: "The announcement each configured channel (or each ?channel=, repeatable) would post for the poll",
            request: None,
            success: ("200", "The previews", Some("PreviewList")),
            errors: &[
                NOT_FOUND,
                (
                    "422",
                    "A ?channel= that is not configured (`unknown_channel`, details.configured)",
                ),
            ],
        },
        _ => Contract {
            summary: "Staff API",
            request: None,
            success: ("200", "Success", None),
            errors: &[],
        },
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

fn json_content(schema: &str) -> utoipa::openapi::Content {
    ContentBuilder::new()
        .schema(Some(Ref::from_schema_name(schema)))
        .build()
}

fn error_response(description: &str) -> utoipa::openapi::Response {
    ResponseBuilder::new()
        .description(description)
        .content("application/json", json_content("ErrorBody"))
        .build()
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
        let contract = contract(rule);
        let mut operation_query: Option<(&str, &str)> = None;
        let (status, description, schema) = contract.success;
        let mut success = ResponseBuilder::new().description(description);
        if let Some(schema) = schema {
            success = success.content("application/json", json_content(schema));
        }
        if rule.path.ends_with("/export") {
            // A file in the asked format, not JSON about it.
            for media in [
                "text/csv",
                "application/json",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "text/plain",
            ] {
                success = success.content(
                    media,
                    ContentBuilder::new()
                        .schema(Some(
                            utoipa::openapi::schema::ObjectBuilder::new()
                                .schema_type(Type::String)
                                .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
                                    utoipa::openapi::KnownFormat::Binary,
                                ))),
                        ))
                        .build(),
                );
            }
            operation_query = Some(("format", "csv (the default), json, xlsx or sps"));
        }
        let mut operation = OperationBuilder::new()
            .summary(Some(contract.summary))
            .description(Some(format!(
                "Roles: {roles}. Other organisations' polls answer 404."
            )))
            .tag("staff")
            .security(SecurityRequirement::new("bearer", Vec::<String>::new()))
            .response(status, success.build())
            .response("401", error_response("No valid API token (`unauthorized`)"));
        if !contract.errors.iter().any(|(s, _)| *s == "403") {
            operation = operation.response(
                "403",
                error_response("The role does not allow this (`forbidden`)"),
            );
        }
        for (status, description) in contract.errors {
            let description = if *status == "403" {
                format!("The role does not allow this (`forbidden`), or: {description}")
            } else {
                (*description).to_owned()
            };
            operation = operation.response(*status, error_response(&description));
        }
        if let Some((schema, required)) = contract.request {
            let required = if required {
                Required::True
            } else {
                Required::False
            };
            operation = operation.request_body(Some(
                RequestBodyBuilder::new()
                    .content("application/json", json_content(schema))
                    .required(Some(required))
                    .build(),
            ));
        }
        if let Some((name, description)) = operation_query {
            operation = operation.parameter(
                ParameterBuilder::new()
                    .name(name)
                    .parameter_in(ParameterIn::Query)
                    .required(Required::False)
                    .description(Some(description))
                    .schema(Some(Object::with_type(Type::String))),
            );
        }
        if rule.path.contains("{slug}") {
            operation = operation.parameter(
                ParameterBuilder::new()
                    .name("slug")
                    .parameter_in(ParameterIn::Path)
                    .required(Required::True)
                    .description(Some("The poll's slug"))
                    .schema(Some(Object::with_type(Type::String))),
            );
        }
        if rule.path.contains("{id}") {
            operation = operation.parameter(
                ParameterBuilder::new()
                    .name("id")
                    .parameter_in(ParameterIn::Path)
                    .required(Required::True)
                    .description(Some(if rule.path.starts_with("/api/v1/admin/tokens/") {
                        "The token's id"
                    } else {
                        "The post's id"
                    }))
                    .schema(Some(Object::with_type(Type::String))),
            );
        }
        if rule.path.ends_with("/post-previews") {
            operation = operation.parameter(
                ParameterBuilder::new()
                    .name("channel")
                    .parameter_in(ParameterIn::Query)
                    .required(Required::False)
                    .description(Some(
                        "A configured channel's id; repeat it for several (default: every configured channel)",
                    ))
                    .schema(Some(Object::with_type(Type::String))),
            );
        }
        paths.add_path_operation(rule.path, vec![http_method], operation.build());
    }
    let mut components = StaffSchemas::openapi().components.unwrap_or_default();
    components.security_schemes.insert(
        "bearer".to_owned(),
        SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
    );
    OpenApiBuilder::new()
        .info(
            InfoBuilder::new()
                .title("Flits staff API")
                .version(env!("CARGO_PKG_VERSION"))
                .build(),
        )
        .paths(paths)
        .components(Some(components))
        .build()
}
