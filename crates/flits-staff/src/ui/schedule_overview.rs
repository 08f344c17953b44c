//! What the scheduling page explains before staff pick a date: the rules for the poll's
//! audiences (the gap, the window limit, the quiet periods), a small calendar of the weeks around
//! the chosen dates with taken and free days, and each conflict with the rule it breaks in a few
//! words and the other poll by its title. The day logic is `flits_schedule::overview`.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use flits_http::PageError;
use flits_i18n::{Locale, t};
use flits_schedule::days::local_date;
use flits_schedule::{Audience, AudienceTree, BusyPoll, Conflict, ConflictFacts};
use flits_scheduling::text::ConflictView;
use flits_store::Poll;
use flits_survey::PollState;
use serde::Serialize;

use crate::ui::page::StaffPage;

/// How many weeks the calendar shows: the week before the chosen one, and three after it.
const WEEKS: u32 = 5;

/// One day of the calendar.
#[derive(Debug, Serialize)]
pub struct DayView {
    pub day: u32,
    /// `taken`, `quiet` or `free`, the CSS class and the word for screen readers.
    pub status: &'static str,
    /// In words: the date and why it is taken ("3 december: Fietsen bij het station").
    pub label: String,
    pub chosen: bool,
    pub weekend: bool,
}

/// One week row.
#[derive(Debug, Serialize)]
pub struct WeekView {
    pub days: Vec<DayView>,
}

/// The page's explanation: rules, calendar and its caption.
#[derive(Debug, Serialize)]
pub struct Overview {
    pub rules: Vec<String>,
    pub weeks: Vec<WeekView>,
    pub caption: String,
    pub weekdays: Vec<String>,
}

/// A conflict as the page shows it: the sentence, the rule it breaks in a few words, and the
/// other poll by its title.
#[derive(Debug, Serialize)]
pub struct ConflictLine {
    pub rule: String,
    pub rule_name: String,
    pub other_title: Option<String>,
    pub message: String,
}

/// The audiences of `poll`'s brief.
fn audiences_of(poll: &Poll) -> Vec<String> {
    poll.definition
        .brief
        .as_ref()
        .map(|b| b.audiences.clone())
        .unwrap_or_default()
}

/// The title of the poll `slug` in `locale`, if it is stored.
fn title_of(polls: &[Poll], slug: &str, locale: Locale) -> Option<String> {
    polls
        .iter()
        .find(|p| p.slug == slug)
        .map(|p| p.definition.title.get(locale.code()).to_owned())
}

/// The rule a conflict breaks, in a few words ("21 dagen tussen peilingen voor dezelfde
/// inwoners").
fn rule_name(conflict: &Conflict, locale: Locale) -> String {
    match &conflict.facts {
        ConflictFacts::OverlappingOpenPeriod { .. } => t!(locale, "sched-page-rule-name-overlap"),
        ConflictFacts::MinGapDays { min_gap_days, .. } => {
            t!(locale, "sched-page-rule-name-gap", days = *min_gap_days)
        }
        ConflictFacts::MaxPolls {
            max_polls,
            window_days,
            ..
        } => t!(
            locale,
            "sched-page-rule-name-window",
            max = *max_polls,
            days = *window_days
        ),
        ConflictFacts::QuietPeriod { .. } => t!(
            locale,
            "sched-page-rule-name-quiet",
            reason = conflict.reason.as_deref().unwrap_or("")
        ),
        _ => t!(locale, "sched-page-rule-name-channel"),
    }
}

/// The conflicts in words, with the other polls' titles.
pub async fn conflict_lines(
    page: &StaffPage,
    conflicts: &[Conflict],
    views: Vec<ConflictView>,
) -> Result<Vec<ConflictLine>, PageError> {
    let polls = page
        .state
        .store
        .polls()
        .await
        .map_err(|e| page.unavailable(&e))?;
    Ok(conflicts
        .iter()
        .zip(views)
        .map(|(c, v)| ConflictLine {
            rule: serde_json::to_value(v.rule)
                .ok()
                .and_then(|r| r.as_str().map(str::to_owned))
                .unwrap_or_default(),
            rule_name: rule_name(c, page.locale),
            other_title: c
                .other_poll
                .as_deref()
                .and_then(|s| title_of(&polls, s, page.locale)),
            message: v.message,
        })
        .collect())
}

/// The rules and the calendar for `poll`, around `opens` (or today).
pub async fn overview(
    page: &StaffPage,
    poll: &Poll,
    chosen: Option<(DateTime<Utc>, DateTime<Utc>)>,
) -> Result<Overview, PageError> {
    let locale = page.locale;
    let policy = page.state.scheduling.policy();
    let store = &page.state.store;
    let audiences = audiences_of(poll);
    let stored = store.audiences().await.map_err(|e| page.unavailable(&e))?;
    let name_of = |id: &str| {
        stored
            .iter()
            .find(|a| a.id == id)
            .map_or_else(|| id.to_owned(), |a| a.name.clone())
    };
    let tree = AudienceTree::new(
        stored
            .iter()
            .map(|a| Audience {
                id: a.id.clone(),
                parent: a.parent_id.clone(),
            })
            .collect(),
    )
    .map_err(|e| page.unavailable(&e))?;
    let mut rules = Vec::new();
    if audiences.is_empty() {
        rules.push(t!(locale, "sched-page-rules-no-audience"));
    }
    for a in &audiences {
        let rule = policy.spacing.effective(a);
        rules.push(t!(
            locale,
            "sched-page-rule-gap",
            audience = name_of(a),
            days = rule.min_gap_days
        ));
        rules.push(t!(
            locale,
            "sched-page-rule-window",
            audience = name_of(a),
            max = rule.max_polls,
            days = rule.window_days
        ));
    }
    for q in flits_schedule::quiet_for(&audiences, &tree, &policy.quiet_periods) {
        rules.push(t!(
            locale,
            "sched-page-rule-quiet",
            from = q.from.format("%d-%m-%Y").to_string(),
            to = q.to.format("%d-%m-%Y").to_string(),
            reason = q.reason.as_str()
        ));
    }
    rules.push(t!(
        locale,
        "sched-page-rule-limits",
        days = policy.limits.max_open_days,
        months = policy.limits.max_months_ahead
    ));
    let polls = store.polls().await.map_err(|e| page.unavailable(&e))?;
    let busy: Vec<BusyPoll> = polls
        .iter()
        .filter(|p| p.id != poll.id)
        .filter(|p| matches!(p.state, PollState::Scheduled | PollState::Open))
        .filter_map(|p| {
            Some(BusyPoll {
                name: p.definition.title.get(locale.code()).to_owned(),
                audiences: audiences_of(p),
                opens_at: p.opens_at?,
                closes_at: p.closes_at?,
            })
        })
        .collect();
    let around: NaiveDate = chosen
        .map(|(o, _)| local_date(o))
        .unwrap_or_else(|| local_date(Utc::now()));
    let chosen_days = chosen.map(|(o, c)| (local_date(o), local_date(c)));
    let weeks = flits_schedule::weeks_around(
        around,
        WEEKS,
        chosen_days,
        &audiences,
        &tree,
        &busy,
        &policy.quiet_periods,
    )
    .into_iter()
    .map(|week| WeekView {
        days: week
            .into_iter()
            .map(|d| {
                let date = t!(
                    locale,
                    "sched-page-day",
                    day = d.date.day(),
                    month = d.date.month()
                );
                let (status, label) = if !d.taken_by.is_empty() {
                    let names = d.taken_by.join(", ");
                    (
                        "taken",
                        t!(locale, "sched-page-day-taken", date = date, polls = names),
                    )
                } else if let Some(reason) = &d.quiet {
                    (
                        "quiet",
                        t!(
                            locale,
                            "sched-page-day-quiet",
                            date = date,
                            reason = reason.as_str()
                        ),
                    )
                } else {
                    ("free", t!(locale, "sched-page-day-free", date = date))
                };
                DayView {
                    day: d.date.day(),
                    status,
                    label,
                    chosen: d.chosen,
                    weekend: d.date.weekday().number_from_monday() > 5,
                }
            })
            .collect(),
    })
    .collect();
    Ok(Overview {
        rules,
        weeks,
        caption: t!(locale, "sched-page-calendar-caption"),
        weekdays: (1..=7)
            .map(|d| t!(locale, "sched-page-weekday", day = d))
            .collect(),
    })
}
