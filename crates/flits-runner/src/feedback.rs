//! The results e-mails: once a poll's results are published, every resident who asked for them on
//! the thank-you page gets one message, in the language they asked in, and their address is
//! deleted (README.md, "Feedback by e-mail").
//!
//! Each step of the runner calls [`FeedbackMail::step`], which
//! 1. deletes the subscriptions whose message will not come: older than `[feedback] keep_days`
//!    while their poll's results were not published in that time (`flits_store`'s feedback
//!    module);
//! 2. sends the messages that are due, one claim at a time, like the outbox (see
//!    [`crate::delivery`], "The lease"): the claim holds for `[runner] post_lease_seconds`, and a
//!    send still unanswered after nine tenths of it is given up as a timeout and tried again later.
//!    A message the relay took deletes the address. One that failed for now is tried again after
//!    an exponential backoff with jitter; one the relay refused for good, or that failed
//!    [`MAX_ATTEMPTS`] times, is given up: its address is deleted and the audit log counts it for
//!    the poll, for staff to see.
//!
//! Without a relay (`FLITS_SMTP_URL` and `[mail] from`) nothing is claimed, so no attempt is
//! spent; the thank-you page then does not offer the e-mail either. Log lines name the poll and a
//! short code, never an address.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use flits_mail::{Mailer, ResultsMessage, SendError};
use flits_store::{ClaimedFeedback, Poll, Publication, Store, StoreError};
use url::Url;

/// Attempts before a message that keeps failing for now is given up on (about a day).
pub const MAX_ATTEMPTS: i32 = 10;
/// The first wait after a temporary failure; it doubles per attempt…
const FIRST_BACKOFF: Duration = Duration::from_secs(5 * 60);
/// …up to this.
const MAX_BACKOFF: Duration = Duration::from_secs(6 * 60 * 60);
/// Messages one step sends at most, so that opening and closing polls never wait long behind a
/// poll with many subscribers; the rest go at the next tick.
const MAX_PER_STEP: usize = 200;

/// The sender of the results e-mails, with its relay (if any) and where links point.
#[derive(Clone)]
pub struct FeedbackMail {
    mailer: Option<Arc<Mailer>>,
    public_url: Url,
    lease: Duration,
    keep: TimeDelta,
    /// How long after closing results should be out (`[feedback] due_days`); `None`: no
    /// reminders to the poll's owner.
    due: Option<TimeDelta>,
}

/// What one step did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FeedbackReport {
    pub sent: usize,
    pub retrying: usize,
    pub given_up: usize,
    /// Subscriptions deleted unsent because their results did not come in time.
    pub purged: u64,
    /// Owners reminded that their poll's results are overdue.
    pub reminded: usize,
    /// Owners reminded of the "what we did" their brief promised for a day that has come.
    pub follow_ups: usize,
}

/// What a poll's owner is reminded of.
#[derive(Debug, Clone, Copy)]
enum OwnerReminder {
    /// The results are not published `days` after closing.
    ResultsOverdue { days: i64 },
    /// The brief promised "what we did" for `day`, and nothing followed up.
    FollowUpDue { day: chrono::NaiveDate },
}

impl OwnerReminder {
    /// For logs and the message's key; the old reminder keeps its key.
    fn code(self) -> &'static str {
        match self {
            OwnerReminder::ResultsOverdue { .. } => "overdue",
            OwnerReminder::FollowUpDue { .. } => "follow-up",
        }
    }
}

/// The poll and its publication, read once per step and poll.
type Published = Option<(Poll, Publication)>;

impl FeedbackMail {
    /// The sender through `mailer` (`None`: no relay configured), with links on `public_url`,
    /// claiming each message for `lease` (as the outbox does), keeping unsent subscriptions for
    /// `keep_days`.
    pub fn new(
        mailer: Option<Arc<Mailer>>,
        public_url: Url,
        lease: Duration,
        keep_days: u32,
    ) -> FeedbackMail {
        FeedbackMail {
            mailer,
            public_url,
            lease: lease.clamp(crate::delivery::MIN_LEASE, crate::delivery::MAX_LEASE),
            keep: TimeDelta::days(i64::from(keep_days)),
            due: None,
        }
    }

    /// Also reminds each poll's owner (who scheduled it) by e-mail when its results are not
    /// published `due_days` after it closed; the staff dashboard warns too.
    pub fn with_reminders(mut self, due_days: u32) -> FeedbackMail {
        self.due = Some(TimeDelta::days(i64::from(due_days)));
        self
    }

    /// Sends the owner of each poll whose results are overdue one reminder (in Dutch, the staff's
    /// first language, with the English below), at most once: the reminder job is ended before
    /// the message goes, so a crash loses a reminder rather than repeating it. A poll published
    /// meanwhile, or without a known owner, ends its job without a message. Returns how many
    /// reminders went out.
    pub async fn remind_overdue(
        &self,
        store: &Store,
        now: DateTime<Utc>,
    ) -> Result<usize, StoreError> {
        let (Some(mailer), Some(due)) = (&self.mailer, self.due) else {
            return Ok(0);
        };
        let mut sent = 0;
        for (job, poll_id) in store.due_publication_reminders(now, due).await? {
            let Some(poll) = store.poll_by_id(poll_id).await? else {
                continue;
            };
            if poll.state != flits_survey::PollState::Closed {
                store
                    .finish_job(
                        job,
                        "skipped",
                        serde_json::json!({"reason": "published"}),
                        now,
                    )
                    .await?;
                continue;
            }
            let days = (now - poll.closes_at.unwrap_or(now)).num_days();
            let reminder = OwnerReminder::ResultsOverdue { days };
            if self
                .remind_owner(mailer, store, job, &poll, reminder, now)
                .await?
            {
                sent += 1;
            }
        }
        Ok(sent)
    }

    /// Sends the owner of each poll whose brief promised "what we did" for a day that has come
    /// one reminder, unless the results or an update already followed up
    /// ([`Publication::follows_up`]); once, as [`FeedbackMail::remind_overdue`]. Runs with a
    /// relay, whether or not overdue results are reminded of.
    pub async fn remind_follow_up(
        &self,
        store: &Store,
        now: DateTime<Utc>,
    ) -> Result<usize, StoreError> {
        let Some(mailer) = &self.mailer else {
            return Ok(0);
        };
        let mut sent = 0;
        for (job, poll_id) in store.due_follow_up_reminders(now).await? {
            let Some(poll) = store.poll_by_id(poll_id).await? else {
                continue;
            };
            let publication = store.publication(poll_id).await?;
            let today = flits_schedule::days::local_date(now);
            let Some(day) = flits_store::follow_up_overdue(&poll, publication.as_ref(), today)
            else {
                store
                    .finish_job(
                        job,
                        "skipped",
                        serde_json::json!({"reason": "followed_up"}),
                        now,
                    )
                    .await?;
                continue;
            };
            let reminder = OwnerReminder::FollowUpDue { day };
            if self
                .remind_owner(mailer, store, job, &poll, reminder, now)
                .await?
            {
                sent += 1;
            }
        }
        Ok(sent)
    }

    /// Ends `job`, then e-mails the owner of `poll` the `reminder`; whether a message went out.
    async fn remind_owner(
        &self,
        mailer: &Mailer,
        store: &Store,
        job: uuid::Uuid,
        poll: &Poll,
        reminder: OwnerReminder,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let owner = store
            .poll_owner(&poll.slug)
            .await?
            .and_then(|e| flits_types::Email::parse(&e).ok());
        let details = serde_json::json!({ "owner_known": owner.is_some() });
        if !store.finish_job(job, "done", details, now).await? {
            return Ok(false);
        }
        let Some(owner) = owner else {
            tracing::info!(poll = %poll.slug, reminder = reminder.code(), "no owner to remind");
            return Ok(false);
        };
        let base = self.public_url.as_str().trim_end_matches('/');
        let link = format!("{base}/staff/polls/{}/results", poll.slug);
        let text = |locale: flits_i18n::Locale| {
            let title = poll.definition.title.get(locale.code()).to_owned();
            match reminder {
                OwnerReminder::ResultsOverdue { days } => flits_i18n::t!(
                    locale,
                    "mail-overdue-text",
                    title = title.as_str(),
                    days = days,
                    link = link.as_str()
                ),
                OwnerReminder::FollowUpDue { day } => flits_i18n::t!(
                    locale,
                    "mail-follow-up-text",
                    title = title.as_str(),
                    day = day.to_string(),
                    link = link.as_str()
                ),
            }
        };
        let body = format!(
            "{}\n\n---\n\n{}",
            text(flits_i18n::Locale::Nl),
            text(flits_i18n::Locale::En)
        );
        let title = poll.definition.title.get("nl");
        let subject = match reminder {
            OwnerReminder::ResultsOverdue { .. } => {
                flits_i18n::t!(
                    flits_i18n::Locale::Nl,
                    "mail-overdue-subject",
                    title = title
                )
            }
            OwnerReminder::FollowUpDue { .. } => {
                flits_i18n::t!(
                    flits_i18n::Locale::Nl,
                    "mail-follow-up-subject",
                    title = title
                )
            }
        };
        let key = format!("{}-{job}", reminder.code());
        match mailer.send_plain(&owner, &subject, &body, &key).await {
            Ok(()) => {
                tracing::info!(poll = %poll.slug, reminder = reminder.code(), "owner reminded");
                Ok(true)
            }
            Err(e) => {
                tracing::warn!(
                    poll = %poll.slug,
                    reminder = reminder.code(),
                    code = e.code(),
                    "reminding the owner failed"
                );
                Ok(false)
            }
        }
    }

    /// Purges, stores the waiting addresses in id order ([`Store::reorder_feedback`]), then sends
    /// what is due at `now`. Callable from tests with any `now`.
    pub async fn step(
        &self,
        store: &Store,
        now: DateTime<Utc>,
    ) -> Result<FeedbackReport, StoreError> {
        let purged = self.purge(store, now).await?;
        store.reorder_feedback().await?;
        let mut report = self.send_due(store, now).await?;
        report.purged = purged;
        report.reminded = self.remind_overdue(store, now).await?;
        report.follow_ups = self.remind_follow_up(store, now).await?;
        Ok(report)
    }

    /// Deletes the subscriptions whose results did not come within `keep_days`.
    pub async fn purge(&self, store: &Store, now: DateTime<Utc>) -> Result<u64, StoreError> {
        let purged = store.purge_feedback(now - self.keep).await?;
        if purged > 0 {
            tracing::info!(
                purged,
                "results e-mail subscriptions deleted unsent: no results in time"
            );
        }
        Ok(purged)
    }

    /// Sends the messages due at `now` (at most [`MAX_PER_STEP`]).
    pub async fn send_due(
        &self,
        store: &Store,
        now: DateTime<Utc>,
    ) -> Result<FeedbackReport, StoreError> {
        let mut report = FeedbackReport::default();
        let Some(mailer) = &self.mailer else {
            return Ok(report);
        };
        let lease = TimeDelta::from_std(self.lease).unwrap_or(TimeDelta::days(1));
        let budget = self.lease.mul_f64(0.9);
        let mut polls: HashMap<uuid::Uuid, Published> = HashMap::new();
        for _ in 0..MAX_PER_STEP {
            // The lease counts from the clock, not from `now` (a test's time may lie ahead).
            let Some(claimed) = store
                .claim_next_feedback(now, now.max(Utc::now()) + lease)
                .await?
            else {
                break;
            };
            let published = match polls.get(&claimed.poll_id) {
                Some(p) => p.clone(),
                None => {
                    let p = published(store, claimed.poll_id).await?;
                    polls.insert(claimed.poll_id, p.clone());
                    p
                }
            };
            let outcome = match &published {
                Some((poll, publication)) => {
                    let message = self.message(&claimed, poll, publication);
                    match tokio::time::timeout(budget, mailer.send(&message)).await {
                        Ok(outcome) => outcome,
                        Err(_) => Err(SendError::Retryable {
                            code: "timeout".to_owned(),
                        }),
                    }
                }
                // Published without a publication cannot happen (one transaction writes both);
                // should it, the message waits rather than going out empty.
                None => Err(SendError::Retryable {
                    code: "no-publication".to_owned(),
                }),
            };
            let slug = published.as_ref().map_or("", |(p, _)| p.slug.as_str());
            match outcome {
                Ok(()) => {
                    store.feedback_sent(claimed.id).await?;
                    report.sent += 1;
                }
                Err(SendError::Retryable { code }) if claimed.attempts < MAX_ATTEMPTS => {
                    let at = now + TimeDelta::from_std(backoff(claimed.attempts)).unwrap_or(lease);
                    store.feedback_retry(claimed.id, at, &code).await?;
                    report.retrying += 1;
                    tracing::info!(poll = %slug, %code, attempts = claimed.attempts, "results e-mail failed; trying again later");
                }
                Err(e) => {
                    store
                        .feedback_given_up(claimed.id, claimed.poll_id, e.code(), now)
                        .await?;
                    report.given_up += 1;
                    tracing::warn!(poll = %slug, code = e.code(), attempts = claimed.attempts, "results e-mail given up; the address is deleted");
                }
            }
        }
        if report != FeedbackReport::default() {
            tracing::info!(
                sent = report.sent,
                retrying = report.retrying,
                given_up = report.given_up,
                "results e-mails"
            );
        }
        Ok(report)
    }

    /// The message for one subscriber, in their language.
    fn message(
        &self,
        claimed: &ClaimedFeedback,
        poll: &Poll,
        publication: &Publication,
    ) -> ResultsMessage {
        let lang = claimed.lang.code();
        let base = self.public_url.as_str().trim_end_matches('/');
        ResultsMessage {
            to: claimed.email.clone(),
            locale: claimed.lang,
            title: poll.definition.title.get(lang).to_owned(),
            summary: publication.summary.get(lang).to_owned(),
            link: format!("{base}/p/{}/results?lang={lang}", poll.slug),
            key: format!("flits-results-{}", claimed.id.simple()),
        }
    }
}

/// The poll and its publication, when both are there.
async fn published(store: &Store, poll_id: uuid::Uuid) -> Result<Published, StoreError> {
    let Some(poll) = store.poll_by_id(poll_id).await? else {
        return Ok(None);
    };
    Ok(store.publication(poll_id).await?.map(|p| (poll, p)))
}

/// The wait after the `attempt`-th failure: doubling from [`FIRST_BACKOFF`] up to
/// [`MAX_BACKOFF`], less up to a fifth at random, so messages that failed together do not all
/// come back at once.
fn backoff(attempt: i32) -> Duration {
    crate::backoff::backoff(attempt, FIRST_BACKOFF, MAX_BACKOFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_with_jitter_up_to_six_hours() {
        for attempt in 1..=MAX_ATTEMPTS {
            let full = FIRST_BACKOFF
                .saturating_mul(1 << (attempt - 1))
                .min(MAX_BACKOFF);
            let wait = backoff(attempt);
            assert!(
                wait <= full && wait >= full.mul_f64(0.8),
                "{attempt}: {wait:?}"
            );
        }
        // Every attempt spread over about a day before a message is given up on.
        let total: Duration = (1..MAX_ATTEMPTS)
            .map(|a| FIRST_BACKOFF.saturating_mul(1 << (a - 1)).min(MAX_BACKOFF))
            .sum();
        assert!(total >= Duration::from_secs(20 * 3600), "{total:?}");
    }
}
