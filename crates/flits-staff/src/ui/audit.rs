//! `GET /staff/audit`: the audit log for admins. Read-only: there is no route that edits it.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use flits_http::Lang;
use serde_json::json;

use crate::identity::Caller;
use crate::state::StaffState;
use crate::ui::page::{lang_of, local, render};

/// How many of the latest events the page shows.
const SHOWN: u64 = 200;

/// The audit log, newest first.
pub async fn show(
    req: HttpRequest,
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
) -> HttpResponse {
    let entries = match state.store.audit_entries(SHOWN).await {
        Ok(e) => e,
        Err(e) => {
            tracing::error!(error = %e, "reading the audit log failed");
            return HttpResponse::ServiceUnavailable().finish();
        }
    };
    let rows: Vec<_> = entries
        .iter()
        .map(|e| {
            json!({
                "at": local(Some(e.at)),
                "actor": e.actor_email.clone().unwrap_or_else(|| "(systeem)".to_owned()),
                "action": e.action,
                "poll": e.poll_slug,
                "details": if e.details.as_object().is_some_and(|o| o.is_empty()) { String::new() } else { e.details.to_string() },
            })
        })
        .collect();
    let title = if lang_of(&req) == Lang::Nl {
        "Logboek"
    } else {
        "Audit log"
    };
    render(
        &state,
        &req,
        Some(&caller),
        StatusCode::OK,
        "staff/audit",
        title,
        json!({"entries": rows}),
    )
}
