//! Connects the staff API's schedule route to the spacing-aware scheduling service.

use std::sync::Arc;

use flits_staff::api::bodies::PollScheduled;
use flits_staff::scheduling::{BoxFuture, ScheduleOutcome, ScheduleRequest, Scheduler};
use flits_store::Store;
use serde_json::json;

use crate::scheduling::{ScheduleCommand, ScheduleFailure, schedule_poll};
use crate::settings::Settings;

/// The scheduler the staff API uses: the same service as `flits poll schedule`.
pub struct SpacingScheduler {
    pub store: Store,
    pub settings: Arc<Settings>,
}

impl Scheduler for SpacingScheduler {
    fn schedule(&self, r: ScheduleRequest) -> BoxFuture<ScheduleOutcome> {
        let store = self.store.clone();
        let settings = self.settings.clone();
        Box::pin(async move {
            let command = ScheduleCommand {
                slug: r.slug,
                opens_at: r.opens_at,
                closes_at: r.closes_at,
                channels: r.channels,
                override_reason: r.override_reason,
                actor: Some(r.actor_email),
            };
            match schedule_poll(&store, &settings, command).await {
                Ok(s) => {
                    let body = PollScheduled {
                        slug: s.slug,
                        state: "scheduled".to_owned(),
                        opens_at: s.opens_at,
                        closes_at: s.closes_at,
                        audiences: s.audiences,
                        channels: s.channels,
                        rescheduled: s.rescheduled,
                        overridden: s
                            .overridden
                            .iter()
                            .filter_map(|c| serde_json::to_value(c).ok())
                            .collect(),
                    };
                    ScheduleOutcome::Scheduled(serde_json::to_value(body).unwrap_or_default())
                }
                Err(failure) => refused(failure),
            }
        })
    }
}

fn refused(failure: ScheduleFailure) -> ScheduleOutcome {
    let details = match &failure {
        ScheduleFailure::Conflicts {
            conflicts,
            next_free,
        } => {
            json!({"conflicts": conflicts, "next_free": next_free})
        }
        ScheduleFailure::InvalidDefinition { report, .. } => json!({
            "errors": flits_http::survey_texts::render_issues(&report.errors, flits_i18n::Locale::Nl)
        }),
        _ => json!({}),
    };
    let message = match &failure {
        ScheduleFailure::Store(e) => {
            tracing::error!(error = %e, "scheduling failed in the database");
            "Something went wrong on our side.".to_owned()
        }
        ScheduleFailure::Configuration(e) => {
            tracing::error!(error = %e, "the spacing configuration cannot be used");
            "The spacing configuration cannot be used; ask an administrator.".to_owned()
        }
        other => other.to_string(),
    };
    ScheduleOutcome::Refused {
        status: failure.http_status(),
        code: failure.code(),
        message,
        details,
    }
}
