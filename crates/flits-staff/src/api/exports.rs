//! The analysts' API (docs/api.md, "Results and exports"): `GET
//! /api/v1/admin/polls/{slug}/export?format=csv|json|xlsx|sps`, streamed as it is written, and
//! `GET /api/v1/admin/polls/{slug}/results`, the aggregates under the small-cell rule. For admins
//! and analysts (the route table says so); an open poll's numbers are marked provisional
//! (`X-Flits-Provisional: true`, and `"provisional": true` in the results).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use flits_export::{ExportRequest, Format};
use flits_http::ApiError;
use flits_i18n::t;
use serde::Deserialize;

use crate::api::bodies::PollResults;
use crate::api::errors::{internal, store};
use crate::api::locale::ApiLocale;
use crate::api::polls::visible_poll;
use crate::identity::Caller;
use crate::state::StaffState;

/// The export's query.
#[derive(Debug, Deserialize)]
pub struct ExportQuery {
    /// `csv` (the default), `json`, `xlsx` or `sps`.
    format: Option<String>,
}

/// What the stream is written through: enough to keep the writer busy while the client reads.
const PIPE: usize = 1 << 16;

/// `GET /api/v1/admin/polls/{slug}/export`.
pub async fn export(
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
    query: web::Query<ExportQuery>,
    ApiLocale(locale): ApiLocale,
) -> Result<HttpResponse, ApiError> {
    let poll = visible_poll(&state, &caller, &slug, locale).await?;
    let name = query.format.as_deref().unwrap_or("csv");
    let format = Format::parse(name).ok_or_else(|| {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_format",
            t!(locale, "export-cli-unknown-format", format = name),
        )
    })?;
    kept(&state, &poll, locale).await?;
    Ok(download(&state, poll, format, caller.user.email.clone()))
}

/// `410 responses_deleted` when the poll's responses were deleted under `[retention]`: the
/// download would be empty, and the analyst should hear why before it starts.
pub(crate) async fn kept(
    state: &StaffState,
    poll: &flits_store::Poll,
    locale: flits_i18n::Locale,
) -> Result<(), ApiError> {
    flits_export::check_responses_kept(&state.store, poll)
        .await
        .map_err(|e| match e {
            flits_export::ExportError::ResponsesDeleted(date) => ApiError::new(
                StatusCode::GONE,
                "responses_deleted",
                t!(
                    locale,
                    "export-responses-deleted",
                    slug = poll.slug.as_str(),
                    date = date.to_string()
                ),
            ),
            flits_export::ExportError::Store(e) => store(locale)(e),
            other => internal(locale, &other),
        })
}

/// The export of `poll` in `format` as a download, streamed through a pipe while it is written
/// (nothing holds it whole), audit-logged with `actor`. The staff pages' download uses it too.
pub fn download(
    state: &StaffState,
    poll: flits_store::Poll,
    format: Format,
    actor: String,
) -> HttpResponse {
    let provisional = flits_export::is_provisional(&poll);
    let filename = format!("{}.{}", poll.slug, format.name());
    let (reader, mut writer) = tokio::io::duplex(PIPE);
    let store = state.store.clone();
    let k = state.config.k_anonymity;
    let weight_cap = state.config.weight_cap;
    let actor = Some(actor);
    tokio::spawn(async move {
        let request = ExportRequest {
            poll: &poll,
            format,
            k,
            actor,
            weight_cap,
        };
        if let Err(e) = flits_export::export(&store, request, &mut writer, &mut |_, _| {}).await {
            // The client sees the download end early; the reason is for the operator.
            tracing::error!(poll = %poll.slug, error = %e, "export failed");
        }
    });
    HttpResponse::Ok()
        .content_type(format.content_type())
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{filename}\""),
        ))
        .insert_header(("X-Flits-Provisional", provisional.to_string()))
        .insert_header(("Cache-Control", "no-store"))
        .streaming(tokio_util::io::ReaderStream::new(reader))
}

/// `GET /api/v1/admin/polls/{slug}/results`.
pub async fn results(
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
    ApiLocale(locale): ApiLocale,
) -> Result<HttpResponse, ApiError> {
    let poll = visible_poll(&state, &caller, &slug, locale).await?;
    let k = state.config.k_anonymity as u64;
    let aggregates = flits_export::aggregate(&state.store, &poll, k)
        .await
        .map_err(|e| match e {
            flits_export::ExportError::Store(e) => store(locale)(e),
            other => internal(locale, &other),
        })?;
    let results = serde_json::to_value(&aggregates).map_err(|e| internal(locale, &e))?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(PollResults {
            provisional: flits_export::is_provisional(&poll),
            state: poll.state.as_str().to_owned(),
            slug: poll.slug,
            results,
        }))
}
