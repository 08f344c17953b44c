//! The configured channels, and what each would post for a poll (docs/api.md, "Channels and
//! posts").

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use flits_http::ApiError;
use flits_i18n::t;
use serde_json::json;

use crate::api::bodies::{ChannelList, ChannelSummary, PreviewList};
use crate::api::locale::ApiLocale;
use crate::api::polls::visible_poll;
use crate::identity::Caller;
use crate::previews::preview;
use crate::state::StaffState;

/// `GET /api/v1/admin/channels`: the configured channels, without secrets.
pub async fn list(state: web::Data<StaffState>) -> HttpResponse {
    let channels = state
        .channels
        .all()
        .iter()
        .map(ChannelSummary::of)
        .collect();
    HttpResponse::Ok().json(ChannelList { channels })
}

/// The `channel` values of a query string (the parameter may be repeated).
fn asked_channels(req: &HttpRequest) -> Vec<String> {
    url::form_urlencoded::parse(req.query_string().as_bytes())
        .filter(|(k, _)| k == "channel")
        .map(|(_, v)| v.into_owned())
        .collect()
}

/// `GET /api/v1/admin/polls/{slug}/post-previews[?channel=ID]...`: the announcement each
/// configured channel (or each one asked for) would post for the poll, so staff can check it
/// before scheduling. `422 unknown_channel` for a channel that is not configured.
pub async fn previews(
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
    req: HttpRequest,
    ApiLocale(locale): ApiLocale,
) -> Result<HttpResponse, ApiError> {
    let poll = visible_poll(&state, &caller, &slug, locale).await?;
    let asked = asked_channels(&req);
    let channels = &state.channels;
    let settings = if asked.is_empty() {
        channels.all().iter().collect()
    } else {
        let mut settings = Vec::new();
        for id in &asked {
            let Some(setting) = channels.get(id) else {
                let configured: Vec<&str> = channels.all().iter().map(|c| c.id.as_str()).collect();
                return Err(ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "unknown_channel",
                    t!(
                        locale,
                        "staff-api-channel-not-configured",
                        channel = id.as_str()
                    ),
                )
                .with_details(json!({ "configured": configured })));
            };
            settings.push(setting);
        }
        settings
    };
    let previews = settings
        .into_iter()
        .map(|setting| preview(channels, setting, &poll, locale))
        .collect();
    Ok(HttpResponse::Ok().json(PreviewList {
        slug: poll.slug,
        previews,
    }))
}
