//! The bodies the staff API answers with, as types: the handlers serialise them and the OpenAPI
//! document describes them from the same definitions ([`crate::openapi`]).

use chrono::{DateTime, Utc};
use flits_http::survey_texts::{RenderedIssue, RenderedReport};
use flits_i18n::Locale;
use flits_scheduling::Scheduled;
use flits_scheduling::text::ConflictView;
use flits_store::Poll;
use flits_survey::{PollDefinition, PollState, Text};
use serde::Serialize;
use utoipa::ToSchema;

use crate::identity::Caller;
use crate::role::Role;

/// The account an API token belongs to.
#[derive(Debug, Serialize, ToSchema)]
pub struct Account {
    #[schema(example = "comms@velsen.nl")]
    pub email: String,
    /// `admin`, `comms` or `analyst`.
    #[schema(value_type = String, example = "comms")]
    pub role: Role,
    /// The organisation's id.
    #[schema(example = "velsen")]
    pub organisation: String,
}

impl Account {
    pub fn of(caller: &Caller) -> Account {
        Account {
            email: caller.user.email.clone(),
            role: caller.role,
            organisation: caller.user.organisation_id.clone(),
        }
    }
}

/// A poll in a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct PollSummary {
    #[schema(example = "fietsparkeren-station")]
    pub slug: String,
    #[schema(value_type = crate::api::schema::TextSchema)]
    pub title: Text,
    /// `draft`, `scheduled`, `open`, `closed`, `results_published` or `archived`.
    #[schema(value_type = String, example = "draft")]
    pub state: PollState,
    /// The organisation's id.
    pub organisation: String,
    pub opens_at: Option<DateTime<Utc>>,
    pub closes_at: Option<DateTime<Utc>>,
}

impl PollSummary {
    pub fn of(poll: &Poll) -> PollSummary {
        PollSummary {
            slug: poll.slug.clone(),
            title: poll.definition.title.clone(),
            state: poll.state,
            organisation: poll.organisation_id.clone(),
            opens_at: poll.opens_at,
            closes_at: poll.closes_at,
        }
    }
}

/// The polls the caller may see.
#[derive(Debug, Serialize, ToSchema)]
pub struct PollList {
    pub polls: Vec<PollSummary>,
}

/// One poll with its definition, checked.
#[derive(Debug, Serialize, ToSchema)]
pub struct PollDetail {
    #[serde(flatten)]
    pub summary: PollSummary,
    #[schema(value_type = crate::api::schema::PollDefinitionSchema)]
    pub definition: PollDefinition,
    #[schema(value_type = crate::api::schema::ValidationReport)]
    pub validation: RenderedReport,
}

/// A draft that was stored, with the plain-language hints it still has.
#[derive(Debug, Serialize, ToSchema)]
pub struct DraftSaved {
    #[schema(example = "fietsparkeren-station")]
    pub slug: String,
    #[schema(value_type = Vec<crate::api::schema::IssueSchema>)]
    pub hints: Vec<RenderedIssue>,
}

/// The new draft a copy made.
#[derive(Debug, Serialize, ToSchema)]
pub struct PollCopied {
    #[schema(example = "fietsparkeren-station-kopie")]
    pub slug: String,
    #[schema(example = "fietsparkeren-station")]
    pub copied_from: String,
}

/// A poll that was scheduled.
#[derive(Debug, Serialize, ToSchema)]
pub struct PollScheduled {
    pub slug: String,
    /// Always `scheduled`.
    #[schema(example = "scheduled")]
    pub state: &'static str,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    /// The audiences whose spacing it now takes part in.
    pub audiences: Vec<String>,
    /// The channels it will be posted to when it opens.
    pub channels: Vec<String>,
    /// Whether it was scheduled before and moved.
    pub rescheduled: bool,
    /// The conflicts an admin's override let through (audit-logged; empty without an override),
    /// each as an entry of `details.conflicts` of a `spacing_conflict`, in the caller's language.
    #[schema(value_type = Vec<Object>)]
    pub overridden: Vec<ConflictView>,
}

impl PollScheduled {
    /// The answer to a schedule request that succeeded, its conflicts worded in `locale`.
    pub fn new(scheduled: Scheduled, locale: Locale) -> PollScheduled {
        PollScheduled {
            overridden: crate::scheduling::conflict_views(&scheduled.overridden, locale),
            slug: scheduled.slug,
            state: "scheduled",
            opens_at: scheduled.opens_at,
            closes_at: scheduled.closes_at,
            audiences: scheduled.audiences,
            channels: scheduled
                .channels
                .into_iter()
                .map(flits_types::ChannelId::into_string)
                .collect(),
            rescheduled: scheduled.rescheduled,
        }
    }
}

/// A poll's results for analysts (`GET /api/v1/admin/polls/{slug}/results`).
#[derive(Debug, Serialize, ToSchema)]
pub struct PollResults {
    pub slug: String,
    /// The poll's state (`open`, `closed`…).
    pub state: String,
    /// `true` while the poll has not closed: the numbers may still change.
    pub provisional: bool,
    /// The aggregates: `k`; `responses` (a number, or `"<k"`); `withheld` (true below `k`
    /// responses, and then nothing else); `channels` (per channel id, `null` for none, a count);
    /// `questions` (per question: `answered`, `options` with `value`, `count` and `share`, `scale`
    /// with `mean` and `median`, and `breakdowns` by `channel` and by each profile question).
    /// Every count under `k` is the string `"<k"`.
    #[schema(value_type = Object)]
    pub results: serde_json::Value,
}
