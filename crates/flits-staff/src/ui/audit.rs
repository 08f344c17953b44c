//! `GET /staff/audit`: the audit log for admins. Read-only: there is no route that edits it.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use flits_http::PageError;
use flits_i18n::t;
use flits_store::AuditEntry;
use serde::Serialize;

use crate::ui::page::{StaffPage, local};

/// How many of the latest events the page shows.
const SHOWN: u64 = 200;

#[derive(Serialize)]
struct AuditView {
    entries: Vec<AuditRow>,
}

/// One event. `actor` is empty for events of the system itself (the template names those).
#[derive(Serialize)]
struct AuditRow {
    at: Option<String>,
    actor: Option<String>,
    action: String,
    poll: Option<String>,
    details: String,
}

impl From<&AuditEntry> for AuditRow {
    fn from(e: &AuditEntry) -> AuditRow {
        let empty = e.details.as_object().is_some_and(|o| o.is_empty());
        AuditRow {
            at: local(Some(e.at)),
            actor: e.actor_email.clone(),
            action: e.action.clone(),
            poll: e.poll_slug.clone(),
            details: if empty {
                String::new()
            } else {
                e.details.to_string()
            },
        }
    }
}

/// The audit log, newest first.
pub async fn show(page: StaffPage) -> Result<HttpResponse, PageError> {
    let entries = page
        .state
        .store
        .audit_entries(SHOWN)
        .await
        .map_err(|e| page.unavailable(&e))?;
    let view = AuditView {
        entries: entries.iter().map(AuditRow::from).collect(),
    };
    let title = t!(page.locale, "staff-audit-title");
    page.render(StatusCode::OK, "staff/audit", &title, &view)
}
