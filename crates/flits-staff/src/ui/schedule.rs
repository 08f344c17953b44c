//! `GET|POST /staff/polls/{slug}/schedule`: scheduling from the staff UI. Times are entered and
//! shown in Europe/Amsterdam (see [`crate::ui::schedule_form`]); the channels are the configured
//! ones, each with the announcement it would post ([`crate::previews`]); a refusal lists each
//! conflict and offers the next free slot, all in the page's language.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use chrono::{DateTime, TimeDelta, Utc};
use flits_http::{Failure, PageError};
use flits_i18n::t;
use flits_scheduling::text::failure_message;
use flits_scheduling::{ScheduleCommand, ScheduleFailure, channel_ids};
use flits_store::Poll;
use flits_survey::PollState;
use serde::Serialize;

use crate::api::bodies::PostPreview;
use crate::identity::Caller;
use crate::previews::previews;
use crate::role::Role;
use crate::scheduling::{conflict_views, status};
use crate::ui::Checked;
use crate::ui::page::{StaffPage, local};
use crate::ui::schedule_form::{
    ChannelChoice, FormValues, ScheduleForm, channel_choices, utc_to_amsterdam_input,
};
use crate::ui::schedule_overview::{ConflictLine, Overview, conflict_lines, overview};

/// The poll the page is about.
#[derive(Debug, Serialize)]
struct PollRef {
    slug: String,
    title: String,
}

/// The view of `staff/schedule`.
#[derive(Debug, Serialize)]
struct ScheduleView {
    heading: String,
    poll: PollRef,
    values: FormValues,
    /// The channels to choose from, the chosen ones checked.
    channel_choices: Vec<ChannelChoice>,
    /// What each configured channel would post when the poll opens.
    previews: Vec<PostPreview>,
    /// The language of the posts: the poll's first.
    post_lang: &'static str,
    error: Option<String>,
    conflicts: Vec<ConflictLine>,
    may_override: bool,
    /// The rules for the poll's audiences and the weeks around the chosen dates.
    overview: Overview,
    /// After scheduling: when it opens and closes, and what happens next.
    scheduled: Option<ScheduledNote>,
}

/// The confirmation after scheduling.
#[derive(Debug, Serialize)]
struct ScheduledNote {
    heading: String,
    next: String,
}

/// The form again, with what was entered and why it was not scheduled.
struct Outcome {
    status: StatusCode,
    values: FormValues,
    error: Option<String>,
    conflicts: Vec<ConflictLine>,
    /// The period entered (or stored), for the calendar.
    period: Option<(DateTime<Utc>, DateTime<Utc>)>,
    scheduled: bool,
}

impl Outcome {
    /// The form as first shown, or shown again with `error`.
    fn form(status: StatusCode, values: FormValues, error: Option<String>) -> Outcome {
        Outcome {
            status,
            values,
            error,
            conflicts: Vec::new(),
            period: None,
            scheduled: false,
        }
    }
}

/// The poll at `slug` if the caller may schedule it (a draft or scheduled poll of their
/// organisation); `None` otherwise, so a poll of another organisation looks like no poll.
async fn schedulable(
    page: &StaffPage,
    caller: &Caller,
    slug: &str,
) -> Result<Option<Poll>, PageError> {
    let poll = page
        .state
        .store
        .poll_by_slug(slug)
        .await
        .map_err(|e| page.unavailable(&e))?;
    Ok(poll.filter(|p| {
        caller.may_access_organisation(&p.organisation_id)
            && matches!(p.state, PollState::Draft | PollState::Scheduled)
    }))
}

fn not_found(page: &StaffPage) -> HttpResponse {
    page.notice(
        StatusCode::NOT_FOUND,
        t!(page.locale, "sched-page-not-found-heading"),
        t!(page.locale, "sched-page-not-found-text"),
    )
}

async fn form_page(
    page: &StaffPage,
    caller: &Caller,
    poll: &Poll,
    outcome: Outcome,
) -> Result<HttpResponse, PageError> {
    let overview = overview(page, poll, outcome.period).await?;
    let scheduled = match (outcome.scheduled, poll.opens_at, poll.closes_at) {
        (true, Some(opens), Some(closes)) => {
            let channels = page
                .state
                .store
                .poll_channels(poll.id)
                .await
                .map_err(|e| page.unavailable(&e))?;
            let (opens, closes) = (
                local(Some(opens)).unwrap_or_default(),
                local(Some(closes)).unwrap_or_default(),
            );
            Some(ScheduledNote {
                heading: t!(
                    page.locale,
                    "sched-page-scheduled",
                    opens = opens.as_str(),
                    closes = closes.as_str()
                ),
                next: if channels.is_empty() {
                    t!(
                        page.locale,
                        "sched-page-scheduled-next-no-channels",
                        opens = opens.as_str()
                    )
                } else {
                    t!(
                        page.locale,
                        "sched-page-scheduled-next",
                        opens = opens.as_str(),
                        channels = channels.join(", ")
                    )
                },
            })
        }
        _ => None,
    };
    let title = poll.definition.title.get(page.locale.code()).to_owned();
    let heading = t!(page.locale, "sched-page-title", title = title.as_str());
    let channels = &page.state.channels;
    let view = ScheduleView {
        heading: heading.clone(),
        poll: PollRef {
            slug: poll.slug.clone(),
            title,
        },
        channel_choices: channel_choices(channels, &outcome.values.channels),
        previews: previews(channels, poll, page.locale),
        post_lang: poll
            .definition
            .offered_languages()
            .first()
            .copied()
            .unwrap_or_default()
            .code(),
        values: outcome.values,
        error: outcome.error,
        conflicts: outcome.conflicts,
        may_override: caller.role == Role::Admin,
        overview,
        scheduled,
    };
    page.render(outcome.status, "staff/schedule", &heading, &view)
}

/// `GET /staff/polls/{slug}/schedule`.
pub async fn show(
    page: StaffPage,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let Some(poll) = schedulable(&page, &caller, &slug).await? else {
        return Ok(not_found(&page));
    };
    let channels = page
        .state
        .store
        .poll_channels(poll.id)
        .await
        .map_err(|e| page.unavailable(&e))?;
    let mut outcome = Outcome::form(StatusCode::OK, FormValues::of(&poll, &channels), None);
    outcome.period = poll.opens_at.zip(poll.closes_at);
    outcome.scheduled = poll.state == PollState::Scheduled
        && page
            .req
            .query_string()
            .split('&')
            .any(|pair| pair == "scheduled=1");
    form_page(&page, &caller, &poll, outcome).await
}

/// What to show for a refusal, in the page's language: the message, each conflict with its rule
/// and the other poll's title, and for a spacing conflict the first free period with the same
/// duration at the time of day staff chose (so never at night), offered as a one-click
/// suggestion. A failure on our side is the notice with a request id instead.
async fn refused(
    page: &StaffPage,
    failure: &ScheduleFailure,
    period: (DateTime<Utc>, DateTime<Utc>),
    mut values: FormValues,
) -> Result<Outcome, PageError> {
    let duration: TimeDelta = period.1 - period.0;
    let locale = page.locale;
    let (error, conflicts) = match failure {
        ScheduleFailure::Store(_) => return Err(page.unavailable(failure)),
        ScheduleFailure::Configuration(_) => return Err(page.fail(Failure::Internal, failure)),
        ScheduleFailure::Conflicts {
            conflicts,
            next_free: Some(next),
        } => {
            let next = flits_schedule::at_time_of_day(*next, period.0);
            values.suggested_opens = Some(utc_to_amsterdam_input(next));
            values.suggested_closes = Some(utc_to_amsterdam_input(next + duration));
            values.suggested_label = local(Some(next));
            let next = local(Some(next)).unwrap_or_default();
            (
                t!(locale, "sched-page-conflict-next-free", next = next),
                conflict_lines(page, conflicts, conflict_views(conflicts, locale)).await?,
            )
        }
        ScheduleFailure::Conflicts {
            conflicts,
            next_free: None,
        } => (
            t!(locale, "sched-page-conflict-no-free"),
            conflict_lines(page, conflicts, conflict_views(conflicts, locale)).await?,
        ),
        other => (failure_message(other, locale), Vec::new()),
    };
    Ok(Outcome {
        status: status(failure),
        values,
        error: Some(error),
        conflicts,
        period: Some(period),
        scheduled: false,
    })
}

/// `POST /staff/polls/{slug}/schedule`: schedules the poll and goes back to the dashboard, or
/// shows the form again with why not.
pub async fn submit(
    page: StaffPage,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
    form: Checked<ScheduleForm>,
) -> Result<HttpResponse, PageError> {
    let Some(poll) = schedulable(&page, &caller, &slug).await? else {
        return Ok(not_found(&page));
    };
    let entered = form.0.parse();
    let Some((opens_at, closes_at)) = entered.period else {
        let error = t!(page.locale, "sched-page-bad-times");
        let outcome = Outcome::form(
            StatusCode::UNPROCESSABLE_ENTITY,
            entered.values,
            Some(error),
        );
        return form_page(&page, &caller, &poll, outcome).await;
    };
    if entered.override_reason.is_some() && caller.role != Role::Admin {
        return Ok(page.notice(
            StatusCode::FORBIDDEN,
            t!(page.locale, "staff-no-access-heading"),
            t!(page.locale, "staff-no-access-text"),
        ));
    }
    let channels = match channel_ids(&entered.channels) {
        Ok(channels) => channels,
        Err(failure) => {
            let outcome = refused(&page, &failure, (opens_at, closes_at), entered.values).await?;
            return form_page(&page, &caller, &poll, outcome).await;
        }
    };
    let command = ScheduleCommand {
        slug: poll.slug.clone(),
        opens_at,
        closes_at,
        channels,
        override_reason: entered.override_reason,
        actor: Some(caller.user.email.clone()),
        scope: caller.target_scope(),
    };
    match page.state.scheduling.schedule(command).await {
        // The page again, now with what happens next.
        Ok(_) => Ok(page.see_other(&format!("/staff/polls/{}/schedule?scheduled=1", poll.slug))),
        Err(failure) => {
            let outcome = refused(&page, &failure, (opens_at, closes_at), entered.values).await?;
            form_page(&page, &caller, &poll, outcome).await
        }
    }
}
