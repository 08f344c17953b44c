//! `GET /staff/audit`: the audit log for admins, as a table people can read: when (Amsterdam
//! time), who, what (the action in words), which poll, and the particulars as labelled lines
//! rather than raw JSON. Filters by who, what and when are a plain GET form, so a filtered view can
//! be bookmarked and works without JavaScript. Read-only: there is no route that edits the log.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use chrono::{NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::Amsterdam;
use flits_http::PageError;
use flits_http::query::url_query_param;
use flits_i18n::{Locale, t};
use flits_store::{AuditEntry, AuditFilter};
use serde::Serialize;
use serde_json::Value;

use crate::ui::page::{StaffPage, local};

/// How many of the latest matching events the page shows.
const SHOWN: u64 = 200;

/// The families of actions the "what" filter offers, then the single actions.
const FAMILIES: [&str; 5] = ["poll.", "user.", "token.", "population.", "channel_post."];
const ACTIONS: [&str; 24] = [
    "poll.created",
    "poll.updated",
    "poll.copied",
    "poll.deleted",
    "poll.scheduled",
    "poll.schedule_override",
    "poll.cancelled",
    "poll.closed_early",
    "poll.reminder",
    "poll.exported",
    "poll.results_published",
    "poll.results_updated",
    "poll.responses_deleted",
    "population.imported",
    "token.created",
    "token.revoked",
    "user.login",
    "user.logout",
    "user.saved",
    "user.password_set",
    "user.disabled",
    "user.enabled",
    "user.deleted",
    crate::outbox::RETRY_ACTION,
];

#[derive(Serialize)]
struct AuditView {
    entries: Vec<AuditRow>,
    actors: Vec<Choice>,
    actions: Vec<Choice>,
    from: String,
    until: String,
    filtered: bool,
    count: usize,
    shown: u64,
}

#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
    selected: bool,
}

/// One event. `actor` is empty for events of the system itself (the template names those).
#[derive(Serialize)]
struct AuditRow {
    at: Option<String>,
    actor: Option<String>,
    action: String,
    action_label: String,
    poll: Option<String>,
    details: Vec<Detail>,
}

/// One particular of an event: its name and its value as text.
#[derive(Serialize)]
struct Detail {
    name: String,
    value: String,
}

/// A value as a line of text: strings as they are, lists joined, other structures as compact JSON.
fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => "–".to_owned(),
        Value::Array(items) if items.iter().all(|v| !v.is_object() && !v.is_array()) => {
            items.iter().map(text).collect::<Vec<_>>().join(", ")
        }
        other => other.to_string(),
    }
}

fn details(value: &Value) -> Vec<Detail> {
    match value {
        Value::Object(map) => map
            .iter()
            .map(|(name, v)| Detail {
                name: name.replace('_', " "),
                value: text(v),
            })
            .collect(),
        Value::Null => Vec::new(),
        other => vec![Detail {
            name: String::new(),
            value: text(other),
        }],
    }
}

/// An action in words. The catalogue's variant keys cannot hold dots, so `poll.cancelled` is
/// looked up as `poll-cancelled`; an action it does not know reads as its name.
fn action_label(action: &str, locale: Locale) -> String {
    let label = t!(
        locale,
        "staff-audit-action",
        action = action.replace('.', "-")
    );
    if label == action.replace('.', "-") {
        action.to_owned()
    } else {
        label
    }
}

fn row(e: &AuditEntry, locale: Locale) -> AuditRow {
    AuditRow {
        at: local(Some(e.at)),
        actor: e.actor_email.clone(),
        action_label: action_label(&e.action, locale),
        action: e.action.clone(),
        poll: e.poll_slug.clone(),
        details: details(&e.details),
    }
}

/// A day typed in the form (`YYYY-MM-DD`), as the start of that day in Amsterdam.
fn day_start(raw: Option<&str>, days_after: i64) -> Option<chrono::DateTime<Utc>> {
    let day = NaiveDate::parse_from_str(raw?.trim(), "%Y-%m-%d").ok()?;
    let day = day.checked_add_signed(chrono::TimeDelta::days(days_after))?;
    Amsterdam
        .from_local_datetime(&day.and_hms_opt(0, 0, 0)?)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

/// The audit log, newest first, filtered by the query (`who`, `what`, `from`, `until`).
pub async fn show(page: StaffPage, req: HttpRequest) -> Result<HttpResponse, PageError> {
    let q = req.query_string();
    let param = |name: &str| url_query_param(q, name).filter(|v| !v.trim().is_empty());
    let (who, what) = (param("who"), param("what"));
    let (from, until) = (param("from"), param("until"));
    let filter = AuditFilter {
        actor: who.clone(),
        action: what
            .clone()
            .filter(|w| ACTIONS.contains(&w.as_str()) || FAMILIES.contains(&w.as_str())),
        from: day_start(from.as_deref(), 0),
        // Inclusive: up to the end of the day typed.
        until: day_start(until.as_deref(), 1),
    };
    let store = &page.state.store;
    let entries = store
        .audit_entries_where(&filter, SHOWN)
        .await
        .map_err(|e| page.unavailable(&e))?;
    let known = store
        .audit_actors()
        .await
        .map_err(|e| page.unavailable(&e))?;
    let locale = page.locale;
    let mut actors = vec![Choice {
        value: AuditFilter::SYSTEM.to_owned(),
        label: t!(locale, "staff-audit-system"),
        selected: who.as_deref() == Some(AuditFilter::SYSTEM),
    }];
    actors.extend(known.into_iter().map(|a| Choice {
        selected: who.as_deref() == Some(a.as_str()),
        label: a.clone(),
        value: a,
    }));
    let actions = FAMILIES
        .iter()
        .map(|f| {
            (
                f,
                t!(
                    locale,
                    "staff-audit-family",
                    family = f.trim_end_matches('.')
                ),
            )
        })
        .chain(ACTIONS.iter().map(|a| (a, action_label(a, locale))))
        .map(|(value, label)| Choice {
            selected: what.as_deref() == Some(*value),
            value: (*value).to_owned(),
            label,
        })
        .collect();
    let view = AuditView {
        entries: entries.iter().map(|e| row(e, locale)).collect(),
        actors,
        actions,
        filtered: filter != AuditFilter::default(),
        count: entries.len(),
        from: from.unwrap_or_default(),
        until: until.unwrap_or_default(),
        shown: SHOWN,
    };
    let title = t!(locale, "staff-audit-title");
    page.render(StatusCode::OK, "staff/audit", &title, &view)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn details_read_as_labelled_lines() {
        let d =
            details(&json!({"reason": "Raadsbesluit", "channels": ["a", "b"], "previous": null}));
        let lines: Vec<(String, String)> = d.into_iter().map(|d| (d.name, d.value)).collect();
        assert!(lines.contains(&("reason".into(), "Raadsbesluit".into())));
        assert!(lines.contains(&("channels".into(), "a, b".into())));
        assert!(lines.contains(&("previous".into(), "–".into())));
        assert!(details(&json!({})).is_empty());
    }

    #[test]
    fn days_are_amsterdam_days_and_until_is_inclusive() {
        let from = day_start(Some("2026-12-07"), 0).unwrap();
        assert_eq!(from.to_rfc3339(), "2026-12-06T23:00:00+00:00");
        let until = day_start(Some("2026-12-07"), 1).unwrap();
        assert_eq!(until.to_rfc3339(), "2026-12-07T23:00:00+00:00");
        assert!(day_start(Some("7 december"), 0).is_none());
        assert!(day_start(None, 0).is_none());
    }

    #[test]
    fn the_offered_actions_are_the_ones_the_code_writes() {
        for a in ACTIONS {
            assert!(FAMILIES.iter().any(|f| a.starts_with(f)), "{a}");
            for locale in [Locale::Nl, Locale::En] {
                assert_ne!(action_label(a, locale), a, "{a} has words in {locale:?}");
            }
        }
        assert_eq!(action_label("iets.nieuws", Locale::Nl), "iets.nieuws");
    }
}
