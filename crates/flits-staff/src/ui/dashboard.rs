//! `GET /staff`: the organisation's polls by state, with their next dates, the responses so far,
//! the organisation's name, and for polls that are (to be) posted a link to their channel posts
//! with the number that failed. Each title leads to the poll's own page (where it can be stopped),
//! and a poll that is scheduled or open has a link to its share kit.

use std::collections::HashMap;

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use chrono::{TimeDelta, Utc};
use flits_http::PageError;
use flits_i18n::{Locale, t};
use flits_store::Poll;
use flits_survey::PollState;
use serde::Serialize;
use uuid::Uuid;

use crate::Role;
use crate::identity::Caller;
use crate::ui::page::{StaffPage, local};

/// The dashboard's view.
#[derive(Serialize)]
struct DashboardView {
    groups: Vec<StateGroup>,
    /// Whether the caller may start a poll (the empty state offers it).
    may_edit: bool,
}

/// The polls in one state.
#[derive(Serialize)]
struct StateGroup {
    state: &'static str,
    count: usize,
    polls: Vec<PollRow>,
}

#[derive(Serialize)]
struct PollRow {
    slug: String,
    title: String,
    /// The organisation's name (its id when it has none).
    organisation: String,
    /// Responses so far: counted when the page is made.
    responses: u64,
    /// Whether the poll can be stopped now (scheduled or open) by the caller.
    stoppable: bool,
    /// Whether the share kit is worth showing (scheduled or open).
    shareable: bool,
    opens: Option<String>,
    closes: Option<String>,
    schedulable: bool,
    editable: bool,
    /// Whether the poll has (or will have) posts on its channels: scheduled or later.
    has_posts: bool,
    /// Its posts that failed and wait for staff.
    failed_posts: u64,
    /// For a closed poll whose results are overdue: since when (Amsterdam time).
    feedback_overdue: Option<String>,
    /// The day the brief promised "what we did", once it has come without an update.
    follow_up_due: Option<String>,
}

/// What the dashboard flags per poll, besides its state.
struct Flags {
    failed: HashMap<Uuid, u64>,
    /// Polls whose promised follow-up is overdue, with the promised day.
    follow_ups: HashMap<Uuid, chrono::NaiveDate>,
    due: TimeDelta,
    responses: HashMap<Uuid, u64>,
    organisations: HashMap<String, String>,
}

impl PollRow {
    fn new(p: &Poll, locale: Locale, may_edit: bool, flags: &Flags) -> PollRow {
        let now = Utc::now();
        let feedback_overdue = p
            .closes_at
            .map(|closed| closed + flags.due)
            .filter(|at| p.state == PollState::Closed && *at < now);
        PollRow {
            slug: p.slug.clone(),
            title: p.definition.title.get(locale.code()).to_owned(),
            organisation: flags
                .organisations
                .get(&p.organisation_id)
                .cloned()
                .unwrap_or_else(|| p.organisation_id.clone()),
            responses: flags.responses.get(&p.id).copied().unwrap_or(0),
            stoppable: may_edit && matches!(p.state, PollState::Scheduled | PollState::Open),
            shareable: matches!(p.state, PollState::Scheduled | PollState::Open),
            opens: local(p.opens_at),
            closes: local(p.closes_at),
            schedulable: may_edit && matches!(p.state, PollState::Draft | PollState::Scheduled),
            editable: may_edit && p.state == PollState::Draft,
            has_posts: p.state != PollState::Draft,
            failed_posts: flags.failed.get(&p.id).copied().unwrap_or(0),
            feedback_overdue: local(feedback_overdue),
            follow_up_due: flags.follow_ups.get(&p.id).map(|d| d.to_string()),
        }
    }
}

/// The caller's polls grouped by state, in the order of [`PollState::ALL`], soonest first.
fn groups(polls: &[Poll], flags: &Flags, caller: &Caller, locale: Locale) -> Vec<StateGroup> {
    let may_edit = matches!(caller.role, Role::Admin | Role::Comms);
    PollState::ALL
        .iter()
        .filter_map(|st| {
            let mut mine: Vec<_> = polls
                .iter()
                .filter(|p| p.state == *st && caller.may_access_organisation(&p.organisation_id))
                .collect();
            mine.sort_by_key(|p| p.opens_at);
            (!mine.is_empty()).then(|| StateGroup {
                state: st.as_str(),
                count: mine.len(),
                polls: mine
                    .iter()
                    .map(|p| PollRow::new(p, locale, may_edit, flags))
                    .collect(),
            })
        })
        .collect()
}

/// The dashboard.
pub async fn show(
    page: StaffPage,
    caller: actix_web::web::ReqData<Caller>,
) -> Result<HttpResponse, PageError> {
    let polls = page
        .state
        .store
        .polls()
        .await
        .map_err(|e| page.unavailable(&e))?;
    let failed = page
        .state
        .store
        .failed_post_counts()
        .await
        .map_err(|e| page.unavailable(&e))?;
    let today = flits_schedule::days::local_date(Utc::now());
    let mut follow_ups = HashMap::new();
    let promised_by_now = polls.iter().filter(|p| {
        caller.may_access_organisation(&p.organisation_id)
            && p.definition
                .brief
                .as_ref()
                .and_then(|b| b.follow_up_on)
                .is_some_and(|day| day <= today)
    });
    for p in promised_by_now {
        let publication = page
            .state
            .store
            .publication(p.id)
            .await
            .map_err(|e| page.unavailable(&e))?;
        if let Some(day) = flits_store::follow_up_overdue(p, publication.as_ref(), today) {
            follow_ups.insert(p.id, day);
        }
    }
    let responses = page
        .state
        .store
        .response_totals()
        .await
        .map_err(|e| page.unavailable(&e))?;
    let organisations = page
        .state
        .store
        .organisations()
        .await
        .map_err(|e| page.unavailable(&e))?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    let flags = Flags {
        failed,
        follow_ups,
        responses,
        organisations,
        due: TimeDelta::from_std(page.state.config.feedback_due).unwrap_or(TimeDelta::days(28)),
    };
    let view = DashboardView {
        groups: groups(&polls, &flags, &caller, page.locale),
        may_edit: matches!(caller.role, Role::Admin | Role::Comms),
    };
    let title = t!(page.locale, "staff-dashboard-title");
    page.render(StatusCode::OK, "staff/dashboard", &title, &view)
}
