//! A reminder post: while a poll is open, staff may post it once more to one of its channels (the
//! one that brings the fewest responses, say). A reminder is a poll post like any other: it goes
//! through the same outbox, counts towards the channel's weekly limit, and is audit-logged.

use chrono::{DateTime, TimeDelta, Utc};
use flits_schedule::{CHANNEL_WINDOW, Conflict, channel_conflicts, channel_next_free};
use flits_store::{NewAudit, PostPurpose, StoreError};
use flits_survey::PollState;
use flits_types::ChannelId;
use serde_json::json;

use crate::Scheduling;

/// A request for a reminder, after the caller checked who may make it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReminderCommand {
    pub slug: String,
    pub channel: ChannelId,
    /// The staff user asking (e-mail address), for the audit log.
    pub actor: Option<String>,
}

/// Why no reminder was queued. [`ReminderFailure::code`] is the API's `error.code`;
/// [`crate::text::reminder_message`] says it in the reader's language.
#[derive(Debug, thiserror::Error)]
pub enum ReminderFailure {
    #[error("there is no poll with slug {0:?}")]
    UnknownPoll(String),
    /// Only an open poll can be posted once more.
    #[error("poll {slug:?} is {state}: only an open poll gets a reminder")]
    NotOpen { slug: String, state: PollState },
    /// The poll is not announced on this channel.
    #[error("poll {slug:?} is not posted on channel {channel}")]
    NotPollChannel { slug: String, channel: String },
    /// The poll already had its reminder on this channel.
    #[error("poll {slug:?} already has a reminder on channel {channel}")]
    AlreadyReminded { slug: String, channel: String },
    /// The channel has had its poll posts for the week.
    #[error("channel {} has reached its weekly limit", .conflict.audience)]
    WeeklyLimit {
        conflict: Box<Conflict>,
        /// When the channel can take one more post (before the poll closes, or not at all).
        next_free: Option<DateTime<Utc>>,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl ReminderFailure {
    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            ReminderFailure::UnknownPoll(_) => "not_found",
            ReminderFailure::NotOpen { .. } => "not_open",
            ReminderFailure::NotPollChannel { .. } => "unknown_channel",
            ReminderFailure::AlreadyReminded { .. } => "already_reminded",
            ReminderFailure::WeeklyLimit { .. } => "spacing_conflict",
            ReminderFailure::Store(_) => "internal",
        }
    }
}

impl Scheduling {
    /// Queues a reminder of an open poll on one of its channels, within the channel's weekly
    /// limit, audit-logged; see the module documentation.
    pub async fn remind(
        &self,
        command: ReminderCommand,
        now: DateTime<Utc>,
    ) -> Result<(), ReminderFailure> {
        let poll = self
            .store()
            .poll_by_slug(&command.slug)
            .await?
            .ok_or_else(|| ReminderFailure::UnknownPoll(command.slug.clone()))?;
        if poll.state != PollState::Open {
            return Err(ReminderFailure::NotOpen {
                slug: poll.slug,
                state: poll.state,
            });
        }
        let channel = command.channel.as_str().to_owned();
        if !self
            .store()
            .poll_channels(poll.id)
            .await?
            .contains(&channel)
        {
            return Err(ReminderFailure::NotPollChannel {
                slug: poll.slug,
                channel,
            });
        }
        let reminded = self
            .store()
            .outbox_posts(poll.id)
            .await?
            .iter()
            .any(|p| p.channel_id == channel && p.purpose == PostPurpose::Reminder.as_str());
        if reminded {
            return Err(ReminderFailure::AlreadyReminded {
                slug: poll.slug,
                channel,
            });
        }
        let lock = self.store().lock_scheduling().await?;
        let since = now - CHANNEL_WINDOW - TimeDelta::days(1);
        let mut times: Vec<DateTime<Utc>> = lock
            .calendar_polls(since)
            .await?
            .into_iter()
            .filter(|p| p.channels.contains(&channel) && p.opens_at <= now)
            .map(|p| p.opens_at)
            .collect();
        times.extend(
            lock.reminder_times(std::slice::from_ref(&channel), since)
                .await?
                .into_iter()
                .map(|(_, at)| at),
        );
        let limit = self.policy().channel_limit;
        if let Some(conflict) = channel_conflicts(&channel, now, &times, limit).pop() {
            lock.release().await?;
            let next_free = channel_next_free(now, &times, limit)
                .filter(|at| poll.closes_at.is_none_or(|closes| *at < closes));
            return Err(ReminderFailure::WeeklyLimit {
                conflict: Box::new(conflict),
                next_free,
            });
        }
        let audit = NewAudit {
            actor_email: command.actor,
            action: "poll.reminder".to_owned(),
            poll_slug: Some(poll.slug.clone()),
            details: json!({ "channel": channel }),
        };
        if !lock.write_reminder(poll.id, &channel, audit, now).await? {
            return Err(ReminderFailure::AlreadyReminded {
                slug: poll.slug,
                channel,
            });
        }
        Ok(())
    }
}
