//! Scheduling a poll (docs/api.md, "Scheduling and spacing"): the service that `flits poll schedule` and the staff
//! API call.
//!
//! [`schedule_poll`] loads the poll, checks its definition as scheduling requires (a complete
//! brief, known audiences), builds the spacing calendar from the database (the audience tree,
//! the polls that hold a place on the calendar) and the configuration (spacing rules, quiet
//! periods, the channel limit), and either stores the schedule or says why not. A request that
//! breaks a rule fails with [`ScheduleFailure::Conflicts`]: every broken rule, and the earliest
//! opening time with the same duration that breaks none (the API's `409 spacing_conflict` with
//! `details.conflicts` and `details.next_free`). An admin may override with a reason; the
//! override is written to the audit log together with the conflicts it overrode. Checking the
//! caller's role is the caller's job.
//!
//! Times are UTC here; [`amsterdam`] shows them as staff read them.

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Europe::Amsterdam;
use flits_schedule::{
    Audience, AudienceRule, AudienceTree, Calendar, ChannelLimit, Conflict, QuietPeriod,
    ScheduleError, ScheduleRequest, SpacingPolicy, SpacingRule, channel_conflicts,
    channel_next_free,
};
use flits_store::{CalendarPoll, NewAudit, ScheduleWrite, Store, StoreError};
use flits_survey::{PollState, Report, ValidationOptions, validate};
use serde_json::json;

use crate::settings::{QuietPeriodSetting, Settings, SpacingSettings};

/// Who may be named in the audit log as having scheduled a poll.
pub type ActorEmail = String;

/// A request to schedule (or reschedule) a poll.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduleCommand {
    pub slug: String,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    /// Channel ids the poll is announced on when it opens (replaces what was stored).
    pub channels: Vec<String>,
    /// Schedule despite spacing conflicts, for this reason. Admins only: the caller checks that.
    pub override_reason: Option<String>,
    /// The staff user acting, for the audit log; `None` for the command line.
    pub actor: Option<ActorEmail>,
}

/// A poll as it was scheduled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduledPoll {
    pub slug: String,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    /// From the poll's brief.
    pub audiences: Vec<String>,
    pub channels: Vec<String>,
    /// The poll was already scheduled and has been moved.
    pub rescheduled: bool,
    /// The conflicts an override let through (empty without an override).
    pub overridden: Vec<Conflict>,
}

/// Why a poll was not scheduled. [`ScheduleFailure::code`] is the stable machine code.
#[derive(Debug, thiserror::Error)]
pub enum ScheduleFailure {
    /// No poll has this slug (`404`).
    #[error("there is no poll with slug {0:?}")]
    UnknownPoll(String),
    /// Only drafts and scheduled polls can be (re)scheduled (`409`).
    #[error("poll {slug:?} is {state}: only a draft or a scheduled poll can be scheduled")]
    NotSchedulable { slug: String, state: PollState },
    /// The definition is not ready for scheduling, e.g. an incomplete brief (`422`).
    #[error("poll {slug:?} cannot be scheduled: {} problem(s) in its definition", .report.errors.len())]
    InvalidDefinition { slug: String, report: Box<Report> },
    /// The opening time has already passed (`422`).
    #[error("the opening time {} is in the past", amsterdam(*.opens_at))]
    OpensInPast {
        opens_at: DateTime<Utc>,
        now: DateTime<Utc>,
    },
    /// The poll would close before (or when) it opens (`422`).
    #[error("the poll must close after it opens (opens {}, closes {})", amsterdam(*.opens_at), amsterdam(*.closes_at))]
    ClosesBeforeOpens {
        opens_at: DateTime<Utc>,
        closes_at: DateTime<Utc>,
    },
    /// A channel id that cannot be one (`422`).
    #[error("{0:?} is not a channel id (use a-z, 0-9, - and _, at most 64 characters)")]
    InvalidChannel(String),
    /// An override needs a reason (`422`).
    #[error("an override needs a reason")]
    EmptyOverrideReason,
    /// The schedule breaks spacing rules (`409 spacing_conflict`).
    #[error("the schedule breaks {} spacing rule(s)", .conflicts.len())]
    Conflicts {
        conflicts: Vec<Conflict>,
        /// The earliest opening time, with the same duration, that breaks no rule; `None` when
        /// there is none within five years.
        next_free: Option<DateTime<Utc>>,
    },
    /// The spacing settings do not fit the audiences in the database (a rule or quiet period for
    /// an unknown audience…): an operator has to fix the configuration (`500`).
    #[error("the spacing configuration cannot be used: {0}")]
    Configuration(#[from] ScheduleError),
    /// The database failed (`500`).
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl ScheduleFailure {
    /// The stable machine code (the API's `error.code`).
    pub fn code(&self) -> &'static str {
        match self {
            ScheduleFailure::UnknownPoll(_) => "not_found",
            ScheduleFailure::NotSchedulable { .. } => "not_schedulable",
            ScheduleFailure::InvalidDefinition { .. } => "invalid_poll",
            ScheduleFailure::OpensInPast { .. } => "opens_in_past",
            ScheduleFailure::ClosesBeforeOpens { .. } => "closes_before_opens",
            ScheduleFailure::InvalidChannel(_) => "invalid_channel",
            ScheduleFailure::EmptyOverrideReason => "override_reason_missing",
            ScheduleFailure::Conflicts { .. } => "spacing_conflict",
            ScheduleFailure::Configuration(_) => "spacing_configuration",
            ScheduleFailure::Store(_) => "internal",
        }
    }

    /// The HTTP status the staff API answers with.
    pub fn http_status(&self) -> u16 {
        match self {
            ScheduleFailure::UnknownPoll(_) => 404,
            ScheduleFailure::NotSchedulable { .. } | ScheduleFailure::Conflicts { .. } => 409,
            ScheduleFailure::InvalidDefinition { .. }
            | ScheduleFailure::OpensInPast { .. }
            | ScheduleFailure::ClosesBeforeOpens { .. }
            | ScheduleFailure::InvalidChannel(_)
            | ScheduleFailure::EmptyOverrideReason => 422,
            ScheduleFailure::Configuration(_) | ScheduleFailure::Store(_) => 500,
        }
    }
}

/// The spacing policy of the configuration.
pub fn spacing_policy(spacing: &SpacingSettings) -> SpacingPolicy {
    SpacingPolicy {
        default: SpacingRule {
            min_gap_days: spacing.min_gap_days,
            max_polls: spacing.max_polls,
            window_days: spacing.window_days,
        },
        rules: spacing
            .rules
            .iter()
            .map(|r| AudienceRule {
                audience: r.audience.clone(),
                min_gap_days: r.min_gap_days,
                max_polls: r.max_polls,
                window_days: r.window_days,
            })
            .collect(),
    }
}

/// The quiet periods of the configuration.
pub fn quiet_periods(periods: &[QuietPeriodSetting]) -> Vec<QuietPeriod> {
    periods
        .iter()
        .map(|q| QuietPeriod {
            from: q.from,
            to: q.to,
            reason: q.reason.clone(),
            audiences: q.audiences.clone(),
        })
        .collect()
}

/// The audience tree stored in the database.
pub async fn audience_tree(store: &Store) -> Result<AudienceTree, ScheduleFailure> {
    let audiences = store
        .audiences()
        .await?
        .into_iter()
        .map(|a| Audience {
            id: a.id,
            parent: a.parent_id,
        })
        .collect();
    Ok(AudienceTree::new(audiences)?)
}

/// How far back polls can still matter for a schedule opening at `from`: the longest window
/// plus the longest gap of any rule, plus two days for time zones.
fn history_start(policy: &SpacingPolicy, from: DateTime<Utc>) -> DateTime<Utc> {
    let rules =
        std::iter::once(policy.default).chain(policy.rules.iter().map(|r| r.over(&policy.default)));
    let days = rules
        .map(|r| i64::from(r.window_days) + i64::from(r.min_gap_days))
        .max()
        .unwrap_or(0)
        + 2;
    from.checked_sub_signed(TimeDelta::days(days))
        .unwrap_or(DateTime::<Utc>::MIN_UTC)
}

/// Whether `id` can be a channel id: `[a-z0-9_-]`, 1 to 64 characters.
pub fn is_channel_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// The opening times of the other polls on each requested channel.
fn channel_times(
    polls: &[CalendarPoll],
    slug: &str,
    channels: &[String],
) -> Vec<(String, Vec<DateTime<Utc>>)> {
    channels
        .iter()
        .map(|c| {
            let times = polls
                .iter()
                .filter(|p| p.slug != slug && p.channels.iter().any(|pc| pc == c))
                .map(|p| p.opens_at)
                .collect();
            (c.clone(), times)
        })
        .collect()
}

/// The earliest opening at or after `from` with the request's duration that breaks neither a
/// spacing rule nor a channel limit. The calendar and the channels each compute their own next
/// free time; the larger of the two is tried again until both agree (bounded).
fn next_free(
    calendar: &Calendar,
    request: &ScheduleRequest,
    from: DateTime<Utc>,
    channels: &[(String, Vec<DateTime<Utc>>)],
    limit: ChannelLimit,
) -> Result<Option<DateTime<Utc>>, ScheduleError> {
    let duration = request.closes_at - request.opens_at;
    let mut t = from;
    for _ in 0..64 {
        let Some(closes_at) = t.checked_add_signed(duration) else {
            return Ok(None);
        };
        let probe = ScheduleRequest {
            opens_at: t,
            closes_at,
            ..request.clone()
        };
        let Some(spaced) = calendar.next_free(&probe)? else {
            return Ok(None);
        };
        let mut candidate = spaced;
        for (_, times) in channels {
            match channel_next_free(candidate, times, limit) {
                Some(c) => candidate = candidate.max(c),
                None => return Ok(None),
            }
        }
        if candidate == spaced {
            return Ok(Some(spaced));
        }
        t = candidate;
    }
    Ok(None)
}

/// Schedules (or reschedules) a poll; see the module documentation.
pub async fn schedule_poll(
    store: &Store,
    settings: &Settings,
    command: ScheduleCommand,
) -> Result<ScheduledPoll, ScheduleFailure> {
    let now = Utc::now();
    let ScheduleCommand {
        slug,
        opens_at,
        closes_at,
        channels,
        override_reason,
        actor,
    } = command;

    let poll = store
        .poll_by_slug(&slug)
        .await?
        .ok_or_else(|| ScheduleFailure::UnknownPoll(slug.clone()))?;
    if !matches!(poll.state, PollState::Draft | PollState::Scheduled) {
        return Err(ScheduleFailure::NotSchedulable {
            slug,
            state: poll.state,
        });
    }
    if closes_at <= opens_at {
        return Err(ScheduleFailure::ClosesBeforeOpens {
            opens_at,
            closes_at,
        });
    }
    if opens_at < now {
        return Err(ScheduleFailure::OpensInPast { opens_at, now });
    }
    let mut channels = channels;
    if let Some(bad) = channels.iter().find(|c| !is_channel_id(c)) {
        return Err(ScheduleFailure::InvalidChannel(bad.clone()));
    }
    channels.sort();
    channels.dedup();
    let override_reason = match override_reason {
        Some(r) if r.trim().is_empty() => return Err(ScheduleFailure::EmptyOverrideReason),
        Some(r) => Some(r.trim().to_owned()),
        None => None,
    };

    let tree = audience_tree(store).await?;
    let report = validate(
        &poll.definition,
        &ValidationOptions {
            max_questions: settings.max_questions,
            known_audiences: Some(tree.ids().map(str::to_owned).collect()),
            require_brief: true,
        },
    );
    if !report.valid {
        return Err(ScheduleFailure::InvalidDefinition {
            slug,
            report: Box::new(report),
        });
    }
    let audiences: Vec<String> = poll
        .definition
        .brief
        .as_ref()
        .map(|b| b.audiences.clone())
        .unwrap_or_default();

    let policy = spacing_policy(&settings.spacing);
    // From reading the calendar to writing this schedule, no other schedule decision may run.
    let lock = store.lock_scheduling().await?;
    let polls = store
        .calendar_polls(history_start(&policy, opens_at.min(now)))
        .await?;
    let entries = polls
        .iter()
        .filter(|p| p.slug != slug && !p.audiences.is_empty())
        .map(|p| flits_schedule::ScheduledPoll {
            slug: p.slug.clone(),
            audiences: p.audiences.clone(),
            opens_at: p.opens_at,
            closes_at: p.closes_at,
        })
        .collect();
    let calendar = Calendar::new(
        tree,
        policy,
        quiet_periods(&settings.quiet_periods),
        entries,
    )?;
    let request = ScheduleRequest {
        slug: slug.clone(),
        audiences: audiences.clone(),
        opens_at,
        closes_at,
    };
    let limit = ChannelLimit {
        max_posts_per_week: settings.scheduler.channel_posts_per_week,
    };
    let per_channel = channel_times(&polls, &slug, &channels);
    let mut conflicts = calendar.check(&request)?;
    for (channel, times) in &per_channel {
        conflicts.extend(channel_conflicts(channel, opens_at, times, limit));
    }

    let mut audit = Vec::new();
    if !conflicts.is_empty() {
        let Some(reason) = &override_reason else {
            let next_free = next_free(&calendar, &request, opens_at.max(now), &per_channel, limit)?;
            return Err(ScheduleFailure::Conflicts {
                conflicts,
                next_free,
            });
        };
        audit.push(NewAudit {
            actor_email: actor.clone(),
            action: "poll.schedule_override".to_owned(),
            poll_slug: Some(slug.clone()),
            details: json!({
                "reason": reason,
                "opens_at": opens_at,
                "closes_at": closes_at,
                "conflicts": conflicts,
            }),
        });
    }
    let rescheduled = poll.state == PollState::Scheduled;
    audit.push(NewAudit {
        actor_email: actor,
        action: "poll.scheduled".to_owned(),
        poll_slug: Some(slug.clone()),
        details: json!({
            "opens_at": opens_at,
            "closes_at": closes_at,
            "audiences": audiences,
            "channels": channels,
            "rescheduled": rescheduled,
            "previous": rescheduled.then(|| json!({
                "opens_at": poll.opens_at,
                "closes_at": poll.closes_at,
            })),
            "override": !conflicts.is_empty(),
        }),
    });
    let written = store
        .write_schedule(ScheduleWrite {
            poll_id: poll.id,
            opens_at,
            closes_at,
            audiences: audiences.clone(),
            channels: channels.clone(),
            audit,
        })
        .await?;
    lock.release().await?;
    if !written {
        // The runner (or someone else) moved the poll on in the meantime.
        let state = store
            .poll_by_slug(&slug)
            .await?
            .map(|p| p.state)
            .ok_or_else(|| ScheduleFailure::UnknownPoll(slug.clone()))?;
        return Err(ScheduleFailure::NotSchedulable { slug, state });
    }
    Ok(ScheduledPoll {
        slug,
        opens_at,
        closes_at,
        audiences,
        channels,
        rescheduled,
        overridden: conflicts,
    })
}

/// An instant as staff read it: Amsterdam wall-clock time with the zone's abbreviation and
/// offset, e.g. `2027-03-28 03:00 CEST (+02:00)`.
pub fn amsterdam(t: DateTime<Utc>) -> String {
    t.with_timezone(&Amsterdam)
        .format("%Y-%m-%d %H:%M %Z (%:z)")
        .to_string()
}

/// An instant as RFC 3339 in Amsterdam's offset at that moment, e.g. `2027-03-28T03:00:00+02:00`.
pub fn amsterdam_rfc3339(t: DateTime<Utc>) -> String {
    t.with_timezone(&Amsterdam)
        .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false)
}

/// Parses a command-line time: RFC 3339 with an explicit offset. Amsterdam local time needs its
/// offset written out: `+01:00` in winter (CET), `+02:00` in summer (CEST).
pub fn parse_time(s: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(s.trim())
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| {
            format!(
                "{s:?} is not an RFC 3339 time with an offset ({e}); write e.g. 2027-04-01T09:00:00+02:00 (Amsterdam summer time) or 2027-01-12T09:00:00+01:00 (winter time)"
            )
        })
}

/// The text `flits poll schedule` prints after scheduling.
pub fn render_scheduled(s: &ScheduledPoll) -> String {
    let mut out = format!(
        "{} {}\n  opens:     {}  = {}\n  closes:    {}  = {}\n  audiences: {}\n  channels:  {}\n",
        if s.rescheduled {
            "Rescheduled"
        } else {
            "Scheduled"
        },
        s.slug,
        amsterdam(s.opens_at),
        amsterdam_rfc3339(s.opens_at),
        amsterdam(s.closes_at),
        amsterdam_rfc3339(s.closes_at),
        s.audiences.join(", "),
        if s.channels.is_empty() {
            "(none)".to_owned()
        } else {
            s.channels.join(", ")
        },
    );
    if !s.overridden.is_empty() {
        out.push_str(&format!(
            "  override:  {} spacing conflict(s) overridden and written to the audit log\n",
            s.overridden.len()
        ));
    }
    out
}

/// The text `flits poll schedule` prints for a refused schedule: each conflict and the next free
/// slot.
pub fn render_conflicts(
    slug: &str,
    conflicts: &[Conflict],
    next_free: Option<DateTime<Utc>>,
) -> String {
    let mut out = format!(
        "Cannot schedule {slug}: {} spacing conflict(s).\n",
        conflicts.len()
    );
    for (i, c) in conflicts.iter().enumerate() {
        out.push_str(&format!("{}. {}\n", i + 1, c.message));
        out.push_str(&format!("   rule:      {}\n", c.rule));
        if let Some(other) = &c.other_poll {
            out.push_str(&format!("   other poll: {other}\n"));
        }
        match &c.channel {
            Some(channel) => out.push_str(&format!("   channel:   {channel}\n")),
            None => out.push_str(&format!("   audience:  {}\n", c.audience)),
        }
        if let Some(reason) = &c.reason {
            out.push_str(&format!("   reason:    {reason}\n"));
        }
        out.push_str(&format!("   required:  {}\n", c.required));
        out.push_str(&format!("   requested: {}\n", c.requested));
    }
    match next_free {
        Some(t) => out.push_str(&format!(
            "Next free slot: {}  = {}\n",
            amsterdam(t),
            amsterdam_rfc3339(t)
        )),
        None => out.push_str("Next free slot: none within five years\n"),
    }
    out
}

/// `flits poll schedule`: connects, schedules and prints. The error carries the exit code: 1 for
/// a refusal (conflicts, a poll not ready or not in a schedulable state), 2 for bad input or
/// configuration, 3 for a failure at run time.
pub async fn run_cli(
    settings: &Settings,
    command: ScheduleCommand,
) -> Result<(), (u8, anyhow::Error)> {
    let store = Store::connect(&settings.database_url).await.map_err(|e| {
        (
            3,
            anyhow::Error::new(e).context("cannot connect to the database"),
        )
    })?;
    store
        .migrate()
        .await
        .map_err(|e| (3, anyhow::Error::new(e).context("cannot apply migrations")))?;
    crate::seed::write_configured_structure(&store, settings)
        .await
        .map_err(|e| {
            (
                2,
                anyhow::Error::new(e)
                    .context("cannot write the configured regions, organisations and audiences"),
            )
        })?;
    let slug = command.slug.clone();
    match schedule_poll(&store, settings, command).await {
        Ok(scheduled) => {
            print!("{}", render_scheduled(&scheduled));
            Ok(())
        }
        Err(ScheduleFailure::Conflicts {
            conflicts,
            next_free,
        }) => {
            print!("{}", render_conflicts(&slug, &conflicts, next_free));
            Err((
                1,
                anyhow::anyhow!("{slug} was not scheduled: it breaks the spacing rules"),
            ))
        }
        Err(ScheduleFailure::InvalidDefinition { slug, report }) => {
            eprint!(
                "{}",
                crate::poll_file::render_text(&report, flits_i18n::Locale::Nl)
            );
            Err((
                1,
                anyhow::anyhow!("{slug} is not ready to be scheduled; fix its definition first"),
            ))
        }
        Err(e) => {
            let code = match &e {
                ScheduleFailure::NotSchedulable { .. } => 1,
                ScheduleFailure::Store(_) => 3,
                _ => 2,
            };
            Err((code, e.into()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn times_need_an_offset_and_show_in_amsterdam_time() {
        assert!(parse_time("2027-04-01T09:00:00").is_err());
        assert!(parse_time("1 april").is_err());
        let summer = parse_time("2027-04-01T09:00:00+02:00").unwrap();
        assert_eq!(summer, Utc.with_ymd_and_hms(2027, 4, 1, 7, 0, 0).unwrap());
        assert_eq!(amsterdam(summer), "2027-04-01 09:00 CEST (+02:00)");
        let winter = parse_time("2027-01-12T09:00:00Z").unwrap();
        assert_eq!(amsterdam(winter), "2027-01-12 10:00 CET (+01:00)");
        assert_eq!(amsterdam_rfc3339(winter), "2027-01-12T10:00:00+01:00");
    }

    #[test]
    fn channel_ids_are_checked() {
        assert!(is_channel_id("mastodon-velsen"));
        assert!(is_channel_id("x_1"));
        assert!(!is_channel_id(""));
        assert!(!is_channel_id("Mastodon"));
        assert!(!is_channel_id(&"a".repeat(65)));
    }

    #[test]
    fn history_reaches_back_the_longest_window_and_gap() {
        let policy = SpacingPolicy {
            default: SpacingRule {
                min_gap_days: 21,
                max_polls: 6,
                window_days: 365,
            },
            rules: vec![AudienceRule {
                audience: "jongeren".into(),
                min_gap_days: Some(60),
                max_polls: None,
                window_days: Some(400),
            }],
        };
        let from = Utc.with_ymd_and_hms(2027, 6, 1, 0, 0, 0).unwrap();
        assert_eq!(history_start(&policy, from), from - TimeDelta::days(462));
    }
}
