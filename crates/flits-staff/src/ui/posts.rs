//! `GET /staff/polls/{slug}/posts`: what became of a poll's posts on its channels, in the reader's
//! language, with "Try again" for a failed post and, while the poll is open, a reminder per
//! channel. The counts of the platforms' own polls are shown apart, labelled as the platform's,
//! never as responses. Works without JavaScript: each action is a small form that comes back here.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use chrono::Utc;
use flits_http::PageError;
use flits_http::query::url_query_param;
use flits_i18n::t;
use flits_scheduling::text::reminder_message;
use flits_scheduling::{ReminderCommand, ReminderFailure};
use flits_store::{OutboxPost, Poll};
use flits_survey::PollState;
use flits_types::ChannelId;
use serde::{Deserialize, Serialize};

use crate::api::bodies::{NativePollCounts, PostError};
use crate::identity::Caller;
use crate::outbox::{Retried, retry_post};
use crate::role::Role;
use crate::scheduling::reminder_status;
use crate::ui::page::{StaffPage, local};
use crate::ui::visible_poll::{not_found, visible};
use crate::ui::{Checked, CsrfField};

/// The poll the page is about.
#[derive(Debug, Serialize)]
struct PollRef {
    slug: String,
    title: String,
    state: &'static str,
}

/// One post, as the table shows it.
#[derive(Debug, Serialize)]
struct PostRow {
    id: String,
    channel: String,
    purpose: String,
    status: String,
    attempts: i32,
    /// When it was posted, is tried next, or was queued (see `staff-posts-when`).
    when: Option<String>,
    /// Why it did not go out (yet), in the reader's language, quoting the platform.
    message: Option<String>,
    failed: bool,
}

impl PostRow {
    fn of(post: &OutboxPost, locale: flits_i18n::Locale) -> PostRow {
        let when = match post.status.as_str() {
            "posted" => post.posted_at,
            "pending" => post.next_attempt_at,
            _ => Some(post.created_at),
        };
        PostRow {
            id: post.id.to_string(),
            channel: post.channel_id.clone(),
            // `update-2` reads as an update.
            purpose: flits_store::PostPurpose::parse(&post.purpose)
                .map_or_else(|| post.purpose.clone(), |p| p.as_str().to_owned()),
            status: post.status.clone(),
            attempts: post.attempts,
            when: local(when),
            message: post
                .last_error
                .as_deref()
                .map(|e| PostError::of_stored(e, locale).message),
            failed: post.status == "failed",
        }
    }
}

/// A native poll's counts, shown apart from the posts.
#[derive(Debug, Serialize)]
struct NativeView {
    /// What these counts are: the platform's, not responses.
    label: String,
    counted_at: Option<String>,
    expired: bool,
    options: Vec<NativeRow>,
    voters: Option<u64>,
}

/// One option's votes; `votes` as text, so that 0 shows as 0 and hidden counts as such.
#[derive(Debug, Serialize)]
struct NativeRow {
    title: String,
    votes: Option<String>,
}

impl NativeView {
    fn of(counts: NativePollCounts) -> NativeView {
        NativeView {
            label: counts.label,
            counted_at: local(Some(counts.counted_at)),
            expired: counts.expired,
            options: counts
                .options
                .into_iter()
                .map(|o| NativeRow {
                    title: o.title,
                    votes: o.votes.map(|v| v.to_string()),
                })
                .collect(),
            voters: counts.voters,
        }
    }
}

/// The view of `staff/posts`.
#[derive(Debug, Serialize)]
struct PostsView {
    heading: String,
    poll: PollRef,
    rows: Vec<PostRow>,
    natives: Vec<NativeView>,
    may_edit: bool,
    /// The poll's channels a reminder can be asked for (an open poll, for editors).
    reminder_channels: Vec<String>,
    /// What was just done (after a redirect).
    notice: Option<String>,
    /// Why what was asked was refused.
    error: Option<String>,
}

/// What the page says above the table.
#[derive(Default)]
struct Message {
    notice: Option<String>,
    error: Option<String>,
}

/// Renders the page for `poll` with `status` and `message`.
async fn posts_page(
    page: &StaffPage,
    caller: &Caller,
    poll: &Poll,
    status: StatusCode,
    message: Message,
) -> Result<HttpResponse, PageError> {
    let locale = page.locale;
    let store = &page.state.store;
    let posts = store
        .outbox_posts(poll.id)
        .await
        .map_err(|e| page.unavailable(&e))?;
    let may_edit = matches!(caller.role, Role::Admin | Role::Comms);
    let reminder_channels = if may_edit && poll.state == PollState::Open {
        store
            .poll_channels(poll.id)
            .await
            .map_err(|e| page.unavailable(&e))?
    } else {
        Vec::new()
    };
    let title = poll.definition.title.get(locale.code()).to_owned();
    let heading = t!(locale, "staff-posts-title", title = title.as_str());
    let view = PostsView {
        heading: heading.clone(),
        poll: PollRef {
            slug: poll.slug.clone(),
            title,
            state: poll.state.as_str(),
        },
        rows: posts.iter().map(|p| PostRow::of(p, locale)).collect(),
        natives: posts
            .iter()
            .filter_map(|p| {
                let (tally, at) = p.native_tally.as_ref()?;
                Some(NativeView::of(NativePollCounts::of(
                    tally,
                    *at,
                    &p.channel_id,
                    locale,
                )))
            })
            .collect(),
        may_edit,
        reminder_channels,
        notice: message.notice,
        error: message.error,
    };
    page.render(status, "staff/posts", &heading, &view)
}

/// `GET /staff/polls/{slug}/posts`.
pub async fn show(
    page: StaffPage,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let Some(poll) = visible(&page, &caller, &slug).await? else {
        return Ok(not_found(&page));
    };
    let locale = page.locale;
    // What a redirect back here reports; only a valid channel id is echoed, as the parameter
    // comes from the address bar.
    let query = page.req.query_string();
    let done = url_query_param(query, "done");
    let channel = url_query_param(query, "channel").and_then(|c| ChannelId::parse(&c).ok());
    let notice = match (done.as_deref(), channel) {
        (Some("retry"), _) => Some(t!(locale, "staff-posts-retried")),
        (Some("reminder"), Some(c)) => {
            Some(t!(locale, "sched-reminder-queued", channel = c.as_str()))
        }
        _ => None,
    };
    let message = Message {
        notice,
        error: None,
    };
    posts_page(&page, &caller, &poll, StatusCode::OK, message).await
}

/// A form with only the CSRF token.
#[derive(Debug, Deserialize)]
pub struct RetryForm {
    #[serde(rename = "_csrf", default)]
    csrf: String,
}

impl CsrfField for RetryForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

/// `POST /staff/polls/{slug}/posts/{id}/retry`: a failed post back in the outbox (audit-logged),
/// then back to the page; a post that has not failed is refused on the page.
pub async fn retry(
    page: StaffPage,
    caller: web::ReqData<Caller>,
    path: web::Path<(String, String)>,
    _form: Checked<web::Form<RetryForm>>,
) -> Result<HttpResponse, PageError> {
    let (slug, id) = path.into_inner();
    let Some(poll) = visible(&page, &caller, &slug).await? else {
        return Ok(not_found(&page));
    };
    let outcome = retry_post(&page.state, &caller, &poll, &id)
        .await
        .map_err(|e| page.unavailable(&e))?;
    match outcome {
        Retried::Queued(_) => Ok(page.see_other(&format!("/staff/polls/{slug}/posts?done=retry"))),
        Retried::NotFound => Ok(page.notice(
            StatusCode::NOT_FOUND,
            t!(page.locale, "staff-posts-not-found-heading"),
            t!(page.locale, "staff-posts-post-not-found"),
        )),
        Retried::NotFailed(_) => {
            let message = Message {
                notice: None,
                error: Some(t!(page.locale, "staff-api-post-not-failed")),
            };
            posts_page(&page, &caller, &poll, StatusCode::CONFLICT, message).await
        }
    }
}

/// The reminder form: the channel to post on.
#[derive(Debug, Deserialize)]
pub struct ReminderForm {
    #[serde(default)]
    channel: String,
    #[serde(rename = "_csrf", default)]
    csrf: String,
}

impl CsrfField for ReminderForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

/// `POST /staff/polls/{slug}/reminders`: the poll once more on one of its channels, then back to
/// the page; a refusal (not open, already reminded, the channel's weekly limit…) is shown on the
/// page with its reason.
pub async fn remind(
    page: StaffPage,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
    form: Checked<web::Form<ReminderForm>>,
) -> Result<HttpResponse, PageError> {
    let Some(poll) = visible(&page, &caller, &slug).await? else {
        return Ok(not_found(&page));
    };
    let raw = form.0.into_inner().channel;
    let (status, error) = match ChannelId::parse(&raw) {
        Err(_) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            t!(
                page.locale,
                "sched-failure-invalid-channel",
                channel = raw.as_str()
            ),
        ),
        Ok(channel) => {
            let command = ReminderCommand {
                slug: poll.slug.clone(),
                channel: channel.clone(),
                actor: Some(caller.user.email.clone()),
            };
            match page.state.scheduling.remind(command, Utc::now()).await {
                Ok(()) => {
                    return Ok(page.see_other(&format!(
                        "/staff/polls/{}/posts?done=reminder&channel={}",
                        poll.slug,
                        channel.as_str()
                    )));
                }
                Err(ReminderFailure::Store(e)) => return Err(page.unavailable(&e)),
                Err(failure) => (
                    reminder_status(&failure),
                    reminder_message(&failure, page.locale),
                ),
            }
        }
    };
    let message = Message {
        notice: None,
        error: Some(error),
    };
    posts_page(&page, &caller, &poll, status, message).await
}
