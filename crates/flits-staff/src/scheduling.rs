//! The staff service's side of scheduling and reminders: the HTTP status of each refusal, and the
//! staff API's answers, with every text in the reader's language. The scheduling itself is
//! [`flits_scheduling::Scheduling`], which the API and the pages call directly.

use actix_web::http::StatusCode;
use flits_http::ApiError;
use flits_http::survey_texts::render_issues;
use flits_i18n::Locale;
use flits_scheduling::text::{ConflictView, failure_message, reminder_message};
use flits_scheduling::{ReminderFailure, ScheduleFailure};
use serde_json::json;

/// The status a refusal is answered with.
pub fn status(failure: &ScheduleFailure) -> StatusCode {
    match failure {
        ScheduleFailure::UnknownPoll(_) => StatusCode::NOT_FOUND,
        ScheduleFailure::NotSchedulable { .. } | ScheduleFailure::Conflicts { .. } => {
            StatusCode::CONFLICT
        }
        ScheduleFailure::InvalidDefinition { .. }
        | ScheduleFailure::OpensInPast { .. }
        | ScheduleFailure::ClosesBeforeOpens { .. }
        | ScheduleFailure::InvalidChannel(_)
        | ScheduleFailure::EmptyOverrideReason
        | ScheduleFailure::Limit(_) => StatusCode::UNPROCESSABLE_ENTITY,
        ScheduleFailure::AudienceNotAllowed(_) => StatusCode::FORBIDDEN,
        ScheduleFailure::Configuration(_) | ScheduleFailure::Store(_) => {
            StatusCode::INTERNAL_SERVER_ERROR
        }
    }
}

/// Logs a failure that is the system's fault (the reader only learns that something went wrong).
pub fn log_if_internal(failure: &ScheduleFailure) {
    if failure.is_internal() {
        tracing::error!(error = %failure, code = failure.code(), "scheduling failed");
    }
}

/// Every conflict in words, in `locale`.
pub fn conflict_views(conflicts: &[flits_schedule::Conflict], locale: Locale) -> Vec<ConflictView> {
    conflicts
        .iter()
        .map(|c| ConflictView::new(c, locale))
        .collect()
}

/// The API's refusal: the status, the stable code, the message in `locale`, and the details
/// (`conflicts` and `next_free` for `spacing_conflict`, the definition's `errors` for
/// `invalid_poll`).
pub fn api_error(failure: &ScheduleFailure, locale: Locale) -> ApiError {
    log_if_internal(failure);
    let details = match failure {
        ScheduleFailure::Conflicts {
            conflicts,
            next_free,
        } => json!({
            "conflicts": conflict_views(conflicts, locale),
            "next_free": next_free,
        }),
        ScheduleFailure::InvalidDefinition { report, .. } => {
            json!({"errors": render_issues(&report.errors, locale)})
        }
        ScheduleFailure::AudienceNotAllowed(audiences) => json!({"audiences": audiences}),
        ScheduleFailure::Limit(flits_schedule::LimitBreach::OpenTooLong { days, max_days }) => {
            json!({"days": days, "max_days": max_days})
        }
        ScheduleFailure::Limit(flits_schedule::LimitBreach::TooFarAhead {
            opens_on,
            latest,
            max_months,
        }) => json!({"opens_on": opens_on, "latest": latest, "max_months": max_months}),
        _ => json!({}),
    };
    ApiError::new(
        status(failure),
        failure.code(),
        failure_message(failure, locale),
    )
    .with_details(details)
}

/// The status a refused reminder is answered with.
pub fn reminder_status(failure: &ReminderFailure) -> StatusCode {
    match failure {
        ReminderFailure::UnknownPoll(_) => StatusCode::NOT_FOUND,
        ReminderFailure::NotOpen { .. }
        | ReminderFailure::AlreadyReminded { .. }
        | ReminderFailure::WeeklyLimit { .. } => StatusCode::CONFLICT,
        ReminderFailure::NotPollChannel { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        ReminderFailure::Store(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// The API's refusal of a reminder: the status, the stable code, the message in `locale`, and for
/// the weekly limit the conflict and when the channel can take one more (`next_free`, `null`
/// when not before the poll closes). A failure on our side is logged.
pub fn reminder_api_error(failure: &ReminderFailure, locale: Locale) -> ApiError {
    if let ReminderFailure::Store(e) = failure {
        tracing::error!(error = %e, "queueing a reminder failed");
    }
    let details = match failure {
        ReminderFailure::WeeklyLimit {
            conflict,
            next_free,
        } => json!({
            "conflicts": [ConflictView::new(conflict, locale)],
            "next_free": next_free,
        }),
        _ => json!({}),
    };
    ApiError::new(
        reminder_status(failure),
        failure.code(),
        reminder_message(failure, locale),
    )
    .with_details(details)
}
