//! The bodies the staff API answers with, as types: the handlers serialise them and the OpenAPI
//! document describes them from the same definitions ([`crate::openapi`]).

use chrono::{DateTime, Utc};
use flits_bridge::{ChannelSetting, FailureNote};
use flits_http::survey_texts::{RenderedIssue, RenderedReport};
use flits_i18n::{Locale, t};
use flits_scheduling::Scheduled;
use flits_scheduling::text::ConflictView;
use flits_store::{NativeTally, OutboxPost, Poll};
use flits_survey::{PollDefinition, PollState, Text};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

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

/// A configured channel (README.md, "Channels"), without its secrets.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChannelSummary {
    /// Also the `?c=` of its links.
    #[schema(example = "mastodon-velsen")]
    pub id: String,
    /// `mastodon`, `x`, `facebook`, `webhook` or `email`.
    #[schema(example = "mastodon")]
    pub kind: &'static str,
    /// Whether the announcement also carries the poll's first single-choice question as the
    /// platform's own poll (Mastodon, X).
    pub native_poll: bool,
}

impl ChannelSummary {
    pub fn of(setting: &ChannelSetting) -> ChannelSummary {
        ChannelSummary {
            id: setting.id.as_str().to_owned(),
            kind: setting.kind.as_str(),
            native_poll: setting.native_poll,
        }
    }
}

/// The configured channels, in the configuration's order.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChannelList {
    pub channels: Vec<ChannelSummary>,
}

/// Why a post did not go out (yet): a stable code and the message in the caller's language.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PostError {
    /// Stable and snake_case: `refused`, `rate_limited`, `server`, `timeout`, `connection`,
    /// `not_configured`, `missing_secret`, `content`, `waiting_for_announcement`, `other`…
    #[schema(example = "refused")]
    pub code: String,
    /// For people, in the caller's language; it quotes the platform's own message where there is
    /// one, and says so when Flits stopped trying.
    pub message: String,
}

impl PostError {
    /// The failure note stored with a post (`flits_bridge::FailureNote`), in `locale`.
    pub fn of_note(note: &FailureNote, locale: Locale) -> PostError {
        PostError {
            code: note.code.replace('-', "_"),
            message: note.describe(locale),
        }
    }

    /// The failure as stored in `channel_posts.last_error`, in `locale`.
    pub fn of_stored(stored: &str, locale: Locale) -> PostError {
        PostError::of_note(&FailureNote::parse(stored), locale)
    }
}

/// One option's votes in a platform's own poll.
#[derive(Debug, Serialize, ToSchema)]
pub struct NativeOptionCount {
    pub title: String,
    /// `null` while the platform hides the counts until its poll ends.
    pub votes: Option<u64>,
}

/// The counts of the platform's own poll that an announcement carried: a separate source, pulled
/// back from the platform, never part of (or mixed with) the poll's anonymous responses.
#[derive(Debug, Serialize, ToSchema)]
pub struct NativePollCounts {
    /// Always `platform`: these votes were cast on the platform, not in Flits.
    #[schema(example = "platform")]
    pub source: &'static str,
    /// What these counts are, for people, in the caller's language.
    pub label: String,
    pub options: Vec<NativeOptionCount>,
    /// The accounts that voted, when the platform says.
    pub voters: Option<u64>,
    /// Whether the platform's poll has ended (the counts are final).
    pub expired: bool,
    /// When the counts were pulled back.
    pub counted_at: DateTime<Utc>,
}

impl NativePollCounts {
    /// The counts last pulled back for a post on `channel`, labelled in `locale`.
    pub fn of(tally: &NativeTally, at: DateTime<Utc>, channel: &str, locale: Locale) -> Self {
        NativePollCounts {
            source: "platform",
            label: t!(locale, "staff-posts-native-label", channel = channel),
            options: tally
                .options
                .iter()
                .map(|o| NativeOptionCount {
                    title: o.title.clone(),
                    votes: o.votes,
                })
                .collect(),
            voters: tally.voters,
            expired: tally.expired,
            counted_at: at,
        }
    }
}

/// One post of a poll on one channel (a row of the outbox).
#[derive(Debug, Serialize, ToSchema)]
pub struct ChannelPost {
    pub id: Uuid,
    #[schema(example = "mastodon-velsen")]
    pub channel: String,
    /// `announce` (the poll opened), `reminder`, `results`, `update-N` (a later update of the
    /// results) or `closed` (the notice that staff closed the poll early).
    #[schema(example = "announce")]
    pub purpose: String,
    /// `pending` (waiting to be sent, or to be tried again), `sending`, `posted` or `failed`
    /// (given up on: staff may send it again).
    #[schema(example = "posted")]
    pub status: String,
    /// How many times it was tried since it was (re)queued.
    pub attempts: i32,
    pub created_at: DateTime<Utc>,
    pub posted_at: Option<DateTime<Utc>>,
    /// When it is tried (again), while it is pending.
    pub next_attempt_at: Option<DateTime<Utc>>,
    /// The platform's id of the post, once posted.
    pub remote_id: Option<String>,
    /// Why the last attempt failed; `null` once posted.
    pub error: Option<PostError>,
    /// The counts of the platform's own poll, when the post carried one and they were pulled.
    pub native_poll: Option<NativePollCounts>,
}

impl ChannelPost {
    pub fn of(post: &OutboxPost, locale: Locale) -> ChannelPost {
        ChannelPost {
            id: post.id,
            channel: post.channel_id.clone(),
            purpose: post.purpose.clone(),
            status: post.status.clone(),
            attempts: post.attempts,
            created_at: post.created_at,
            posted_at: post.posted_at,
            next_attempt_at: post.next_attempt_at,
            remote_id: post.remote_id.clone(),
            error: post
                .last_error
                .as_deref()
                .map(|e| PostError::of_stored(e, locale)),
            native_poll: post
                .native_tally
                .as_ref()
                .map(|(tally, at)| NativePollCounts::of(tally, *at, &post.channel_id, locale)),
        }
    }
}

/// A poll's posts on its channels, by channel, oldest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct PostList {
    #[schema(example = "fietsparkeren-station")]
    pub slug: String,
    pub posts: Vec<ChannelPost>,
}

/// A failed post that is back in the outbox.
#[derive(Debug, Serialize, ToSchema)]
pub struct RetryQueued {
    pub id: Uuid,
    /// Always `pending`: it is sent at the runner's next step.
    #[schema(example = "pending")]
    pub status: &'static str,
}

/// A reminder that is in the outbox.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReminderQueued {
    pub slug: String,
    pub channel: String,
    /// Always `reminder`.
    #[schema(example = "reminder")]
    pub purpose: &'static str,
    /// Always `pending`: it is sent at the runner's next step.
    #[schema(example = "pending")]
    pub status: &'static str,
    /// For people, in the caller's language.
    pub message: String,
}

/// The text one channel would post as a poll's announcement.
#[derive(Debug, Serialize, ToSchema)]
pub struct PostPreview {
    #[schema(example = "mastodon-velsen")]
    pub channel: String,
    #[schema(example = "mastodon")]
    pub kind: &'static str,
    /// The post as the channel would send it, with its `?c=` link; `null` when it cannot be made
    /// (then `error` says why).
    pub text: Option<String>,
    pub error: Option<PostError>,
}

/// What each channel would post when the poll opens.
#[derive(Debug, Serialize, ToSchema)]
pub struct PreviewList {
    pub slug: String,
    pub previews: Vec<PostPreview>,
}
