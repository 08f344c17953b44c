//! `GET /staff`: the organisation's polls by state, with their next dates.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use flits_survey::PollState;
use serde_json::json;

use crate::identity::Caller;
use crate::state::StaffState;
use crate::texts::ui_texts;
use crate::ui::page::{lang_of, local, render};

/// The dashboard.
pub async fn show(
    req: HttpRequest,
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
) -> HttpResponse {
    let lang = lang_of(&req);
    let polls = match state.store.polls().await {
        Ok(p) => p,
        Err(e) => {
            tracing::error!(error = %e, "listing polls failed");
            return HttpResponse::ServiceUnavailable().finish();
        }
    };
    let texts = ui_texts(lang);
    let may_schedule = matches!(caller.role, crate::Role::Admin | crate::Role::Comms);
    let groups: Vec<_> = PollState::ALL
        .iter()
        .filter_map(|st| {
            let mut mine: Vec<_> = polls
                .iter()
                .filter(|p| p.state == *st && caller.may_access_organisation(&p.organisation_id))
                .collect();
            if mine.is_empty() {
                return None;
            }
            mine.sort_by_key(|p| p.opens_at);
            Some(json!({
                "state": st.as_str(),
                "label": texts["states"][st.as_str()],
                "count": mine.len(),
                "polls": mine.iter().map(|p| json!({
                    "slug": p.slug,
                    "title": p.definition.title.get(lang.code()),
                    "organisation": p.organisation_id,
                    "opens": local(p.opens_at).unwrap_or_else(|| "–".to_owned()),
                    "closes": local(p.closes_at).unwrap_or_else(|| "–".to_owned()),
                    "schedulable": may_schedule && matches!(p.state, PollState::Draft | PollState::Scheduled),
                    "editable": may_schedule && p.state == PollState::Draft,
                })).collect::<Vec<_>>(),
            }))
        })
        .collect();
    let title = texts["dashboard_heading"]
        .as_str()
        .unwrap_or("Peilingen")
        .to_owned();
    render(
        &state,
        &req,
        Some(&caller),
        StatusCode::OK,
        "staff/dashboard",
        &title,
        json!({"groups": groups}),
    )
}
