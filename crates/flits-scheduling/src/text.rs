//! Conflicts and refusals in words, in the reader's language (`locales/*/scheduling.ftl`).
//!
//! The domain says which rule broke and with which numbers; this module is the one place that
//! turns that into the sentences staff read, so the staff API, the staff pages and
//! `flits poll schedule` say the same thing. Times are shown in Amsterdam time.

use chrono::{DateTime, NaiveDate, Utc};
use flits_i18n::{Locale, t};
use flits_schedule::days::display;
use flits_schedule::{Conflict, ConflictFacts, GapSide, LimitBreach, RuleKind};
use serde::Serialize;

use crate::{ReminderFailure, ScheduleFailure, StopFailure, Stopped};

/// A conflict put into words: what the rule requires, what was asked, and one sentence with both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictText {
    pub required: String,
    pub requested: String,
    pub message: String,
}

/// A conflict as the staff API shows it, one entry of `details.conflicts` of a
/// `409 spacing_conflict` (docs/api.md, "Scheduling and spacing"): the machine fields and the texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConflictView {
    pub other_poll: Option<String>,
    pub audience: String,
    pub rule: RuleKind,
    pub required: String,
    pub requested: String,
    pub reason: Option<String>,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
}

impl ConflictView {
    /// The view of `conflict` in `locale`.
    pub fn new(conflict: &Conflict, locale: Locale) -> ConflictView {
        let ConflictText {
            required,
            requested,
            message,
        } = conflict_text(conflict, locale);
        ConflictView {
            other_poll: conflict.other_poll.clone(),
            audience: conflict.audience.clone(),
            rule: conflict.rule(),
            required,
            requested,
            reason: conflict.reason.clone(),
            message,
            channel: conflict.channel.clone(),
        }
    }
}

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn quoted(slugs: &[String]) -> String {
    slugs
        .iter()
        .map(|s| format!("'{s}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn times(ts: &[DateTime<Utc>]) -> String {
    ts.iter()
        .map(|&t| display(t))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The names a conflict's sentences use: the other poll, the audience, the quiet period's reason
/// and the channel.
struct Names<'a> {
    other: &'a str,
    audience: &'a str,
    reason: &'a str,
    channel: &'a str,
}

/// `conflict` in words, in `locale`.
pub fn conflict_text(conflict: &Conflict, locale: Locale) -> ConflictText {
    let audience = conflict.audience.as_str();
    let names = Names {
        other: conflict.other_poll.as_deref().unwrap_or(""),
        audience,
        reason: conflict.reason.as_deref().unwrap_or(""),
        channel: conflict.channel.as_deref().unwrap_or(audience),
    };
    match &conflict.facts {
        ConflictFacts::OverlappingOpenPeriod {
            opens_at,
            closes_at,
            other_opens_at,
            other_closes_at,
        } => overlap_text(
            locale,
            &names,
            (*opens_at, *closes_at),
            (*other_opens_at, *other_closes_at),
        ),
        ConflictFacts::MinGapDays {
            min_gap_days,
            days,
            side,
            other_at,
            at,
        } => gap_text(
            locale,
            &names,
            *min_gap_days,
            *days,
            *side,
            (*other_at, *at),
        ),
        ConflictFacts::MaxPolls {
            max_polls,
            window_days,
            window_from,
            polls,
        } => window_text(
            locale,
            &names,
            *max_polls,
            *window_days,
            *window_from,
            polls,
        ),
        ConflictFacts::QuietPeriod {
            from,
            to,
            opens_at,
            closes_at,
        } => quiet_text(locale, &names, (*from, *to), (*opens_at, *closes_at)),
        ConflictFacts::ChannelPostsPerWeek {
            max_posts_per_week,
            posts,
            at,
        } => channel_text(locale, &names, *max_posts_per_week, posts, *at),
    }
}

/// Two open periods for the same residents overlap.
fn overlap_text(
    locale: Locale,
    n: &Names<'_>,
    (opens, closes): (DateTime<Utc>, DateTime<Utc>),
    (other_opens, other_closes): (DateTime<Utc>, DateTime<Utc>),
) -> ConflictText {
    ConflictText {
        required: t!(locale, "sched-conflict-overlap-required"),
        requested: t!(
            locale,
            "sched-conflict-overlap-requested",
            opens = display(opens),
            closes = display(closes),
            other = n.other,
            other_opens = display(other_opens),
            other_closes = display(other_closes),
        ),
        message: t!(
            locale,
            "sched-conflict-overlap-message",
            other = n.other,
            other_opens = display(other_opens),
            other_closes = display(other_closes),
            audience = n.audience,
        ),
    }
}

/// Too few days between this poll and another one, on either side.
fn gap_text(
    locale: Locale,
    n: &Names<'_>,
    min_gap: u32,
    days: i64,
    side: GapSide,
    (other_at, at): (DateTime<Utc>, DateTime<Utc>),
) -> ConflictText {
    let (requested, message) = match side {
        GapSide::AfterOther => (
            t!(
                locale,
                "sched-conflict-gap-after-requested",
                days = days,
                other = n.other
            ),
            t!(
                locale,
                "sched-conflict-gap-after-message",
                audience = n.audience,
                min_gap = min_gap,
                other = n.other,
                other_closes = display(other_at),
                days = days,
                opens = display(at),
            ),
        ),
        GapSide::BeforeOther => (
            t!(
                locale,
                "sched-conflict-gap-before-requested",
                days = days,
                other = n.other
            ),
            t!(
                locale,
                "sched-conflict-gap-before-message",
                audience = n.audience,
                min_gap = min_gap,
                other = n.other,
                other_opens = display(other_at),
                days = days,
                closes = display(at),
            ),
        ),
    };
    ConflictText {
        required: t!(locale, "sched-conflict-gap-required", min_gap = min_gap),
        requested,
        message,
    }
}

/// Too many polls opening in one rolling window.
fn window_text(
    locale: Locale,
    n: &Names<'_>,
    max_polls: u32,
    window_days: u32,
    window_from: NaiveDate,
    polls: &[String],
) -> ConflictText {
    ConflictText {
        required: t!(
            locale,
            "sched-conflict-window-required",
            max_polls = max_polls,
            window_days = window_days,
        ),
        requested: t!(
            locale,
            "sched-conflict-window-requested",
            count = polls.len() + 1,
            window_days = window_days,
            from = day(window_from),
            polls = quoted(polls),
        ),
        message: t!(
            locale,
            "sched-conflict-window-message",
            audience = n.audience,
            max_polls = max_polls,
            window_days = window_days,
            polls = quoted(polls),
            count = polls.len() + 1,
        ),
    }
}

/// Open during a quiet period.
fn quiet_text(
    locale: Locale,
    n: &Names<'_>,
    (from, to): (NaiveDate, NaiveDate),
    (opens, closes): (DateTime<Utc>, DateTime<Utc>),
) -> ConflictText {
    ConflictText {
        required: t!(
            locale,
            "sched-conflict-quiet-required",
            from = day(from),
            to = day(to),
            reason = n.reason,
        ),
        requested: t!(
            locale,
            "sched-conflict-quiet-requested",
            opens = display(opens),
            closes = display(closes),
        ),
        message: t!(
            locale,
            "sched-conflict-quiet-message",
            audience = n.audience,
            from = day(from),
            to = day(to),
            reason = n.reason,
        ),
    }
}

/// Too many poll posts on one channel in a week (or a channel that takes none).
fn channel_text(
    locale: Locale,
    n: &Names<'_>,
    max_posts: u32,
    posts: &[DateTime<Utc>],
    at: DateTime<Utc>,
) -> ConflictText {
    if max_posts == 0 {
        return ConflictText {
            required: t!(locale, "sched-conflict-channel-required", max_posts = 0u32),
            requested: t!(
                locale,
                "sched-conflict-channel-closed-requested",
                at = display(at)
            ),
            message: t!(
                locale,
                "sched-conflict-channel-closed-message",
                channel = n.channel
            ),
        };
    }
    ConflictText {
        required: t!(
            locale,
            "sched-conflict-channel-required",
            max_posts = max_posts
        ),
        requested: t!(
            locale,
            "sched-conflict-channel-requested",
            count = posts.len() + 1,
            posts = times(posts),
        ),
        message: t!(
            locale,
            "sched-conflict-channel-message",
            channel = n.channel,
            max_posts = max_posts,
            posts = times(posts),
            at = display(at),
        ),
    }
}

/// Why a poll was not scheduled, in one sentence in `locale`. Internal failures (configuration,
/// database) get a generic sentence that reveals nothing: log them first.
pub fn failure_message(failure: &ScheduleFailure, locale: Locale) -> String {
    match failure {
        ScheduleFailure::UnknownPoll(slug) => {
            t!(locale, "sched-failure-not-found", slug = slug.as_str())
        }
        ScheduleFailure::NotSchedulable { slug, state } => t!(
            locale,
            "sched-failure-not-schedulable",
            slug = slug.as_str(),
            state = state.as_str(),
        ),
        ScheduleFailure::InvalidDefinition { slug, report } => t!(
            locale,
            "sched-failure-invalid-poll",
            slug = slug.as_str(),
            count = report.errors.len(),
        ),
        ScheduleFailure::OpensInPast { opens_at, .. } => t!(
            locale,
            "sched-failure-opens-in-past",
            opens = display(*opens_at),
        ),
        ScheduleFailure::ClosesBeforeOpens {
            opens_at,
            closes_at,
        } => t!(
            locale,
            "sched-failure-closes-before-opens",
            opens = display(*opens_at),
            closes = display(*closes_at),
        ),
        ScheduleFailure::InvalidChannel(channel) => t!(
            locale,
            "sched-failure-invalid-channel",
            channel = channel.as_str(),
        ),
        ScheduleFailure::EmptyOverrideReason => {
            t!(locale, "sched-failure-override-reason-missing")
        }
        ScheduleFailure::AudienceNotAllowed(audiences) => t!(
            locale,
            "sched-failure-audience-not-allowed",
            audiences = audiences.join(", "),
            count = audiences.len(),
        ),
        ScheduleFailure::Limit(LimitBreach::OpenTooLong { days, max_days }) => t!(
            locale,
            "sched-failure-open-too-long",
            days = *days,
            max = *max_days,
        ),
        ScheduleFailure::Limit(LimitBreach::TooFarAhead {
            opens_on,
            latest,
            max_months,
        }) => t!(
            locale,
            "sched-failure-too-far-ahead",
            opens = opens_on.format("%Y-%m-%d").to_string(),
            latest = latest.format("%Y-%m-%d").to_string(),
            months = *max_months,
        ),
        ScheduleFailure::Conflicts { conflicts, .. } => t!(
            locale,
            "sched-failure-spacing-conflict",
            count = conflicts.len(),
        ),
        ScheduleFailure::Configuration(_) => t!(locale, "sched-failure-spacing-configuration"),
        ScheduleFailure::Store(_) => t!(locale, "sched-failure-internal"),
    }
}

/// Why no reminder was queued, in `locale`; for the weekly limit, also when the channel can take
/// one more.
pub fn reminder_message(failure: &ReminderFailure, locale: Locale) -> String {
    match failure {
        ReminderFailure::UnknownPoll(slug) => {
            t!(locale, "sched-reminder-not-found", slug = slug.as_str())
        }
        ReminderFailure::NotOpen { slug, .. } => {
            t!(locale, "sched-reminder-not-open", slug = slug.as_str())
        }
        ReminderFailure::NotPollChannel { slug, channel } => t!(
            locale,
            "sched-reminder-unknown-channel",
            slug = slug.as_str(),
            channel = channel.as_str(),
        ),
        ReminderFailure::AlreadyReminded { slug, channel } => t!(
            locale,
            "sched-reminder-already",
            slug = slug.as_str(),
            channel = channel.as_str(),
        ),
        ReminderFailure::WeeklyLimit {
            conflict,
            next_free,
        } => {
            let max = match &conflict.facts {
                ConflictFacts::ChannelPostsPerWeek {
                    max_posts_per_week, ..
                } => *max_posts_per_week,
                _ => 0,
            };
            let lead = t!(
                locale,
                "sched-reminder-weekly-limit",
                channel = conflict.audience.as_str(),
                max = max,
            );
            let next = match next_free {
                Some(next) => t!(locale, "sched-reminder-next-free", next = display(*next)),
                None => t!(locale, "sched-reminder-no-free"),
            };
            format!("{lead} {next}")
        }
        ReminderFailure::Store(_) => t!(locale, "sched-failure-internal"),
    }
}

/// Why a poll was not stopped, in one sentence in `locale`; a database failure gets a generic
/// sentence (log it first).
pub fn stop_message(failure: &StopFailure, locale: Locale) -> String {
    use flits_schedule::StopRefusal;
    match failure {
        StopFailure::UnknownPoll(slug) => {
            t!(locale, "sched-failure-not-found", slug = slug.as_str())
        }
        StopFailure::Refused {
            slug,
            state,
            refusal,
        } => match refusal {
            StopRefusal::ReasonMissing => t!(locale, "staff-stop-reason-missing"),
            StopRefusal::ReasonTooLong { length, max } => t!(
                locale,
                "staff-stop-reason-too-long",
                length = *length,
                max = *max,
            ),
            StopRefusal::NotScheduled => t!(
                locale,
                "staff-stop-not-scheduled",
                slug = slug.as_str(),
                state = state.as_str(),
            ),
            StopRefusal::NotOpen => t!(
                locale,
                "staff-stop-not-open",
                slug = slug.as_str(),
                state = state.as_str(),
            ),
        },
        StopFailure::Store(_) => t!(locale, "sched-failure-internal"),
    }
}

/// What was done, in one sentence in `locale`.
pub fn stopped_message(stopped: &Stopped, locale: Locale) -> String {
    match stopped.stop {
        flits_schedule::Stop::Cancel => {
            t!(locale, "staff-stop-cancelled", slug = stopped.slug.as_str())
        }
        flits_schedule::Stop::Close => t!(
            locale,
            "staff-stop-closed",
            slug = stopped.slug.as_str(),
            notices = stopped.notices,
        ),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use flits_schedule::ScheduleError;
    use flits_store::StoreError;
    use flits_survey::{PollState, Report};

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn conflict(facts: ConflictFacts) -> Conflict {
        Conflict {
            other_poll: Some("regio".into()),
            audience: "velsen".into(),
            reason: Some("Verkiezingen".into()),
            channel: Some("mastodon-velsen".into()),
            facts,
        }
    }

    /// One conflict of every kind (and both sides of a gap, and a closed channel).
    fn every_conflict() -> Vec<Conflict> {
        let (a, b) = (utc("2027-05-10T08:00:00Z"), utc("2027-05-17T08:00:00Z"));
        vec![
            conflict(ConflictFacts::OverlappingOpenPeriod {
                opens_at: a,
                closes_at: b,
                other_opens_at: a,
                other_closes_at: b,
            }),
            conflict(ConflictFacts::MinGapDays {
                min_gap_days: 21,
                days: 1,
                side: GapSide::AfterOther,
                other_at: a,
                at: b,
            }),
            conflict(ConflictFacts::MinGapDays {
                min_gap_days: 1,
                days: 0,
                side: GapSide::BeforeOther,
                other_at: b,
                at: a,
            }),
            conflict(ConflictFacts::MaxPolls {
                max_polls: 2,
                window_days: 30,
                window_from: date("2027-05-01"),
                polls: vec!["a".into(), "b".into()],
            }),
            conflict(ConflictFacts::QuietPeriod {
                from: date("2027-03-01"),
                to: date("2027-03-18"),
                opens_at: a,
                closes_at: b,
            }),
            conflict(ConflictFacts::ChannelPostsPerWeek {
                max_posts_per_week: 1,
                posts: vec![a],
                at: b,
            }),
            conflict(ConflictFacts::ChannelPostsPerWeek {
                max_posts_per_week: 0,
                posts: Vec::new(),
                at: b,
            }),
        ]
    }

    fn every_failure() -> Vec<ScheduleFailure> {
        let a = utc("2027-05-10T08:00:00Z");
        vec![
            ScheduleFailure::UnknownPoll("x".into()),
            ScheduleFailure::NotSchedulable {
                slug: "x".into(),
                state: PollState::Open,
            },
            ScheduleFailure::NotSchedulable {
                slug: "x".into(),
                state: PollState::Archived,
            },
            ScheduleFailure::InvalidDefinition {
                slug: "x".into(),
                report: Box::new(Report {
                    valid: false,
                    errors: Vec::new(),
                    hints: Vec::new(),
                    readability: Default::default(),
                    estimated_seconds: 0,
                }),
            },
            ScheduleFailure::OpensInPast {
                opens_at: a,
                now: a,
            },
            ScheduleFailure::ClosesBeforeOpens {
                opens_at: a,
                closes_at: a,
            },
            ScheduleFailure::InvalidChannel("X".into()),
            ScheduleFailure::EmptyOverrideReason,
            ScheduleFailure::Conflicts {
                conflicts: every_conflict(),
                next_free: None,
            },
            ScheduleFailure::Configuration(ScheduleError::NoAudience("x".into())),
            ScheduleFailure::Store(StoreError::NotFound("x".into())),
        ]
    }

    #[test]
    fn every_conflict_and_failure_reads_in_every_staff_language() {
        for locale in Locale::STAFF {
            for c in every_conflict() {
                let text = conflict_text(&c, locale);
                for part in [&text.required, &text.requested, &text.message] {
                    assert!(
                        !part.is_empty() && !part.contains("sched-") && !part.contains('{'),
                        "{locale} {:?}: {part:?}",
                        c.rule()
                    );
                }
            }
            for f in every_failure() {
                let text = failure_message(&f, locale);
                assert!(
                    !text.is_empty() && !text.contains("sched-"),
                    "{locale} {}: {text:?}",
                    f.code()
                );
            }
        }
    }

    #[test]
    fn a_gap_in_dutch_and_in_english() {
        let gap = conflict(ConflictFacts::MinGapDays {
            min_gap_days: 21,
            days: 1,
            side: GapSide::AfterOther,
            other_at: utc("2027-05-10T08:00:00Z"),
            at: utc("2027-05-11T08:00:00Z"),
        });
        let nl = conflict_text(&gap, Locale::Nl);
        assert_eq!(nl.required, "21 dagen tussen peilingen");
        assert_eq!(nl.requested, "opent 1 dag nadat 'regio' sluit");
        assert!(nl.message.contains("2027-05-10 10:00"), "{}", nl.message);
        let en = conflict_text(&gap, Locale::En);
        assert_eq!(en.required, "21 days between polls");
        assert_eq!(en.requested, "opens 1 day after 'regio' closes");
        let view = serde_json::to_value(ConflictView::new(&gap, Locale::En)).unwrap();
        assert_eq!(view["rule"], "min_gap_days");
        assert_eq!(view["message"], en.message.as_str());
        assert_eq!(view["channel"], "mastodon-velsen");
    }
}
