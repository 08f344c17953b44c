//! The scheduling service.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use flits_schedule::{
    Audience, AudienceOwners, AudienceTree, Calendar, Conflict, OwnedAudience, ScheduleLimits,
    ScheduleRequest, TargetScope, channel_conflicts,
};
use flits_store::{CalendarPoll, NewAudit, Poll, ScheduleWrite, Store};
use flits_survey::{PollState, ValidationOptions, validate};
use flits_types::ChannelId;
use serde_json::json;

use crate::next_free::{ChannelTimes, next_free};
use crate::{ScheduleFailure, SchedulingPolicy};

/// A request to schedule (or reschedule) a poll, after the caller checked who may make it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduleCommand {
    pub slug: String,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    /// Channel ids the poll is announced on when it opens (replaces what was stored); callers
    /// parse them with [`channel_ids`].
    pub channels: Vec<ChannelId>,
    /// Schedule despite spacing conflicts, for this reason. Admins only: the caller checks that.
    pub override_reason: Option<String>,
    /// Who acts, for the audit log: a staff user's e-mail address, or `cli:NAME` for an operator
    /// on the command line.
    pub actor: Option<String>,
    /// Which audiences the actor may target: [`TargetScope::Any`] for admins and the command
    /// line, the caller's organisation for comms staff. The caller sets it from the role.
    pub scope: TargetScope,
}

/// A poll as it was scheduled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scheduled {
    pub slug: String,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    /// From the poll's brief.
    pub audiences: Vec<String>,
    /// Sorted, without duplicates.
    pub channels: Vec<ChannelId>,
    /// The poll was already scheduled and has been moved.
    pub rescheduled: bool,
    /// The conflicts an override let through (empty without an override).
    pub overridden: Vec<Conflict>,
}

/// The scheduling service: a store and the policy. Cheap to clone; one per process.
#[derive(Debug, Clone)]
pub struct Scheduling {
    store: Store,
    policy: Arc<SchedulingPolicy>,
}

/// Channel ids as a caller received them (the API's `channels`, the form's list, `--channel`),
/// parsed by the one rule of [`ChannelId`], the same rule that decides whether a link's `?c=` is
/// recorded with a response. The first that is not a channel id is refused with
/// [`ScheduleFailure::InvalidChannel`].
pub fn channel_ids<S: AsRef<str>>(
    raw: impl IntoIterator<Item = S>,
) -> Result<Vec<ChannelId>, ScheduleFailure> {
    raw.into_iter()
        .map(|c| {
            ChannelId::parse(c.as_ref())
                .map_err(|_| ScheduleFailure::InvalidChannel(c.as_ref().to_owned()))
        })
        .collect()
}

/// The opening times of the other polls on each requested channel.
fn channel_times(polls: &[CalendarPoll], slug: &str, channels: &[ChannelId]) -> Vec<ChannelTimes> {
    channels
        .iter()
        .map(|c| {
            let times = polls
                .iter()
                .filter(|p| p.slug != slug && p.channels.iter().any(|pc| c == pc.as_str()))
                .map(|p| p.opens_at)
                .collect();
            (c.as_str().to_owned(), times)
        })
        .collect()
}

/// The command's input, checked: times in order, in the future and within the caps on how long
/// and how far ahead, channel ids (parsed by the caller) sorted without duplicates, an override
/// reason trimmed and not empty.
fn checked(
    mut command: ScheduleCommand,
    now: DateTime<Utc>,
    limits: &ScheduleLimits,
) -> Result<ScheduleCommand, ScheduleFailure> {
    let (opens_at, closes_at) = (command.opens_at, command.closes_at);
    if closes_at <= opens_at {
        return Err(ScheduleFailure::ClosesBeforeOpens {
            opens_at,
            closes_at,
        });
    }
    if opens_at < now {
        return Err(ScheduleFailure::OpensInPast { opens_at, now });
    }
    limits
        .check(opens_at, closes_at, now)
        .map_err(ScheduleFailure::Limit)?;
    command.channels.sort();
    command.channels.dedup();
    let reason = match command.override_reason.as_deref().map(str::trim) {
        Some("") => return Err(ScheduleFailure::EmptyOverrideReason),
        Some(r) => Some(r.to_owned()),
        None => None,
    };
    command.override_reason = reason;
    Ok(command)
}

impl Scheduling {
    /// The service over `store`, keeping `policy`.
    pub fn new(store: Store, policy: SchedulingPolicy) -> Scheduling {
        Scheduling {
            store,
            policy: Arc::new(policy),
        }
    }

    /// The store it schedules in.
    pub(crate) fn store(&self) -> &Store {
        &self.store
    }

    /// The policy it keeps (the calendar page shows its quiet periods).
    pub fn policy(&self) -> &SchedulingPolicy {
        &self.policy
    }

    /// The audience tree stored in the database, and who owns each audience (with the
    /// configured `open_to`).
    async fn audiences(&self) -> Result<(AudienceTree, AudienceOwners), ScheduleFailure> {
        let stored = self.store.audiences().await?;
        let owners = AudienceOwners::new(stored.iter().map(|a| OwnedAudience {
            id: a.id.clone(),
            parent: a.parent_id.clone(),
            organisation: a.organisation_id.clone(),
            open_to: self.policy.open_to.get(&a.id).cloned().unwrap_or_default(),
        }));
        let tree = stored
            .into_iter()
            .map(|a| Audience {
                id: a.id,
                parent: a.parent_id,
            })
            .collect();
        Ok((AudienceTree::new(tree)?, owners))
    }

    /// Schedules (or reschedules) a poll; see the crate documentation.
    pub async fn schedule(&self, command: ScheduleCommand) -> Result<Scheduled, ScheduleFailure> {
        let now = Utc::now();
        let poll = self.schedulable_poll(&command.slug).await?;
        let command = checked(command, now, &self.policy.limits)?;
        let (tree, owners) = self.audiences().await?;
        let audiences = self.ready_audiences(&poll, &tree, &command.slug)?;
        let refused = owners.refused(&command.scope, &audiences);
        if !refused.is_empty() {
            return Err(ScheduleFailure::AudienceNotAllowed(refused));
        }

        // From reading the calendar to writing this schedule, no other schedule decision may run.
        let lock = self.store.lock_scheduling().await?;
        let polls = lock
            .calendar_polls(self.policy.history_start(command.opens_at.min(now)))
            .await?;
        let calendar = self.calendar(tree, &polls, &command.slug)?;
        let request = ScheduleRequest {
            slug: command.slug.clone(),
            audiences: audiences.clone(),
            opens_at: command.opens_at,
            closes_at: command.closes_at,
        };
        let limit = self.policy.channel_limit;
        let mut per_channel = channel_times(&polls, &command.slug, &command.channels);
        // Reminders are poll posts too.
        let channel_names: Vec<String> = per_channel.iter().map(|(c, _)| c.clone()).collect();
        let reminders = lock
            .reminder_times(
                &channel_names,
                command.opens_at.min(now) - flits_schedule::CHANNEL_WINDOW,
            )
            .await?;
        for (channel, times) in &mut per_channel {
            times.extend(
                reminders
                    .iter()
                    .filter(|(c, _)| c == channel)
                    .map(|(_, at)| *at),
            );
        }
        let mut conflicts = calendar.check(&request)?;
        for (channel, times) in &per_channel {
            conflicts.extend(channel_conflicts(channel, command.opens_at, times, limit));
        }
        if !conflicts.is_empty() && command.override_reason.is_none() {
            let from = command.opens_at.max(now);
            // A slot past the cap on how far ahead would be refused in turn: offer none.
            let deadline = self.policy.limits.opening_deadline(now);
            let next_free = next_free(&calendar, &request, from, &per_channel, limit)?
                .filter(|at| *at < deadline);
            lock.release().await?;
            return Err(ScheduleFailure::Conflicts {
                conflicts,
                next_free,
            });
        }
        let written = lock
            .write_schedule(ScheduleWrite {
                poll_id: poll.id,
                opens_at: command.opens_at,
                closes_at: command.closes_at,
                audiences: audiences.clone(),
                channels: command
                    .channels
                    .iter()
                    .map(|c| c.as_str().to_owned())
                    .collect(),
                audit: audit_entries(&command, &poll, &audiences, &conflicts),
            })
            .await?;
        if !written {
            return Err(self.moved_on(command.slug).await);
        }
        Ok(Scheduled {
            slug: command.slug,
            opens_at: command.opens_at,
            closes_at: command.closes_at,
            audiences,
            channels: command.channels,
            rescheduled: poll.state == PollState::Scheduled,
            overridden: conflicts,
        })
    }

    /// The poll at `slug`, when it is a draft or scheduled (only those can be (re)scheduled).
    async fn schedulable_poll(&self, slug: &str) -> Result<Poll, ScheduleFailure> {
        let poll = self
            .store
            .poll_by_slug(slug)
            .await?
            .ok_or_else(|| ScheduleFailure::UnknownPoll(slug.to_owned()))?;
        if !matches!(poll.state, PollState::Draft | PollState::Scheduled) {
            return Err(ScheduleFailure::NotSchedulable {
                slug: slug.to_owned(),
                state: poll.state,
            });
        }
        Ok(poll)
    }

    /// The audiences of a definition that is ready to go out (complete brief, known audiences), or
    /// every problem that stops it.
    fn ready_audiences(
        &self,
        poll: &Poll,
        tree: &AudienceTree,
        slug: &str,
    ) -> Result<Vec<String>, ScheduleFailure> {
        let report = validate(
            &poll.definition,
            &ValidationOptions {
                max_questions: self.policy.max_questions,
                known_audiences: Some(tree.ids().map(str::to_owned).collect()),
                require_brief: true,
            },
        );
        if !report.valid {
            return Err(ScheduleFailure::InvalidDefinition {
                slug: slug.to_owned(),
                report: Box::new(report),
            });
        }
        Ok(poll
            .definition
            .brief
            .as_ref()
            .map(|b| b.audiences.clone())
            .unwrap_or_default())
    }

    /// The spacing calendar of every other poll that holds a place for some audience.
    fn calendar(
        &self,
        tree: AudienceTree,
        polls: &[CalendarPoll],
        slug: &str,
    ) -> Result<Calendar, ScheduleFailure> {
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
        Ok(Calendar::new(
            tree,
            self.policy.spacing.clone(),
            self.policy.quiet_periods.clone(),
            entries,
        )?)
    }

    /// Why the write found nothing to update: the runner (or someone else) moved the poll on in
    /// the meantime.
    async fn moved_on(&self, slug: String) -> ScheduleFailure {
        match self.store.poll_by_slug(&slug).await {
            Ok(Some(p)) => ScheduleFailure::NotSchedulable {
                slug,
                state: p.state,
            },
            Ok(None) => ScheduleFailure::UnknownPoll(slug),
            Err(e) => e.into(),
        }
    }
}

/// The audit entries of a schedule: the override with its reason and the conflicts it let
/// through, if any, and the schedule itself (with the previous times of a reschedule).
fn audit_entries(
    command: &ScheduleCommand,
    poll: &Poll,
    audiences: &[String],
    conflicts: &[Conflict],
) -> Vec<NewAudit> {
    let mut audit = Vec::new();
    if let Some(reason) = command
        .override_reason
        .as_ref()
        .filter(|_| !conflicts.is_empty())
    {
        audit.push(NewAudit {
            actor_email: command.actor.clone(),
            action: "poll.schedule_override".to_owned(),
            poll_slug: Some(command.slug.clone()),
            details: json!({
                "reason": reason,
                "opens_at": command.opens_at,
                "closes_at": command.closes_at,
                "conflicts": conflicts,
            }),
        });
    }
    let rescheduled = poll.state == PollState::Scheduled;
    audit.push(NewAudit {
        actor_email: command.actor.clone(),
        action: "poll.scheduled".to_owned(),
        poll_slug: Some(command.slug.clone()),
        details: json!({
            "opens_at": command.opens_at,
            "closes_at": command.closes_at,
            "audiences": audiences,
            "channels": command.channels,
            "rescheduled": rescheduled,
            "previous": rescheduled.then(|| json!({
                "opens_at": poll.opens_at,
                "closes_at": poll.closes_at,
            })),
            "override": !conflicts.is_empty(),
        }),
    });
    audit
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use chrono::TimeDelta;

    fn command(opens_in_days: i64, days: i64) -> ScheduleCommand {
        let opens_at = Utc::now() + TimeDelta::days(opens_in_days);
        ScheduleCommand {
            slug: "fietsparkeren".into(),
            opens_at,
            closes_at: opens_at + TimeDelta::days(days),
            channels: channel_ids(["b", "a", "b"]).unwrap(),
            override_reason: None,
            actor: None,
            scope: TargetScope::Any,
        }
    }

    #[test]
    fn channel_ids_are_parsed_by_the_one_rule() {
        assert_eq!(channel_ids(["mastodon-velsen", "x_1"]).unwrap().len(), 2);
        for bad in ["", "Mastodon", &"a".repeat(65)] {
            assert!(
                matches!(
                    channel_ids(["qr", bad]),
                    Err(ScheduleFailure::InvalidChannel(c)) if c == bad
                ),
                "{bad:?}"
            );
            assert!(ChannelId::parse(bad).is_err(), "the same rule: {bad:?}");
        }
    }

    #[test]
    fn input_is_checked_before_the_calendar_is_read() {
        let now = Utc::now();
        let limits = ScheduleLimits::default();
        let ok = checked(command(3, 7), now, &limits).unwrap();
        assert_eq!(ok.channels, ["a", "b"]);
        assert!(matches!(
            checked(command(3, 0), now, &limits),
            Err(ScheduleFailure::ClosesBeforeOpens { .. })
        ));
        assert!(matches!(
            checked(command(-3, 7), now, &limits),
            Err(ScheduleFailure::OpensInPast { .. })
        ));
        let mut blank = command(3, 7);
        blank.override_reason = Some("  ".into());
        assert!(matches!(
            checked(blank, now, &limits),
            Err(ScheduleFailure::EmptyOverrideReason)
        ));
        assert!(matches!(
            checked(command(3, 57), now, &limits),
            Err(ScheduleFailure::Limit(
                flits_schedule::LimitBreach::OpenTooLong { .. }
            ))
        ));
        assert!(matches!(
            checked(command(400, 7), now, &limits),
            Err(ScheduleFailure::Limit(
                flits_schedule::LimitBreach::TooFarAhead { .. }
            ))
        ));
        let mut reason = command(3, 7);
        reason.override_reason = Some(" Raadsbesluit ".into());
        assert_eq!(
            checked(reason, now, &limits)
                .unwrap()
                .override_reason
                .as_deref(),
            Some("Raadsbesluit")
        );
    }
}
