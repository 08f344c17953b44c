//! What a channel is asked to send, and what it gives back: plain values, so the outbox (which owns
//! the database) and the tests can build them freely.

use std::time::Duration;

use flits_i18n::Locale;
use serde::Serialize;
use url::Url;

/// Why a post is sent: the poll opened, a reminder while it is open, or its results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PostKind {
    /// The poll opened: title, intro and the link.
    Announcement,
    /// Once more while the poll is open.
    Reminder,
    /// The results are published: a reply to (or follow-up of) the announcement.
    Results,
    /// A later "what we did" on published results, posted like them.
    Update,
    /// Staff closed the poll before its time: a short notice in the announcement's thread.
    Closed,
}

impl PostKind {
    /// Whether the post follows up the announcement (the results, or an update of them): it
    /// links to the results page and carries no native poll.
    pub fn follows_up(self) -> bool {
        matches!(self, PostKind::Results | PostKind::Update)
    }

    /// The stable name, used in the webhook payload and in idempotency keys.
    pub fn as_str(self) -> &'static str {
        match self {
            PostKind::Announcement => "announcement",
            PostKind::Reminder => "reminder",
            PostKind::Results => "results",
            PostKind::Update => "update",
            PostKind::Closed => "closed",
        }
    }
}

/// A question to mirror as the platform's own poll (Mastodon, X): the first single-choice
/// question of the flash poll. Its counts are a separate source, never mixed with responses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NativePoll {
    /// The question's text in the poll's language; the post shows it above the native poll.
    pub question: String,
    /// The options' texts, in the poll's language, in order.
    pub options: Vec<String>,
    /// How long the native poll stays open (the flash poll's remaining time).
    pub duration: Duration,
}

/// One post to one channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    pub kind: PostKind,
    /// The same for every attempt of this post, and different for every other post: platforms
    /// that honour it (Mastodon's `Idempotency-Key`) never publish one key twice, and webhook
    /// receivers can drop repeats by it. The outbox derives it from its row.
    pub idempotency_key: String,
    /// The poll's slug.
    pub slug: String,
    /// The poll's title in `locale`.
    pub title: String,
    /// The poll's intro in `locale`; shortened on a word boundary when the post is too long.
    pub intro: String,
    /// The link to post: the poll (`/p/{slug}?c={channel}`) or its results.
    pub link: Url,
    /// The language of the post: the poll's language.
    pub locale: Locale,
    /// Mirror a question as a native poll, where the channel has `native_poll = true`.
    pub native_poll: Option<NativePoll>,
    /// For [`PostKind::Results`] and [`PostKind::Update`]: the platform's id of the announcement
    /// to reply to.
    pub in_reply_to: Option<String>,
}

/// A post the platform accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Posted {
    /// The platform's id of the post (Mastodon status id; the webhook's delivery id).
    pub remote_id: String,
    /// Where people can see it, when the platform says.
    pub url: Option<String>,
    /// The platform's id of the native poll, to read its counts later.
    pub native_poll_id: Option<String>,
}

/// The account a channel's credentials belong to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verified {
    /// The account's name on the platform (`@flits@social.example.nl`), or `None` for channels
    /// that have no account to check (a webhook, e-mail).
    pub account: Option<String>,
}

/// One option's votes in a native poll.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OptionCount {
    pub title: String,
    /// `None` when the platform hides counts until the poll ends.
    pub votes: Option<u64>,
}

/// The counts of a native poll, as the platform reports them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NativePollCounts {
    pub options: Vec<OptionCount>,
    /// Whether the native poll has ended.
    pub expired: bool,
    /// The number of accounts that voted, when known.
    pub voters: Option<u64>,
}

/// What a platform allows in a native poll.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PollLimits {
    pub max_options: usize,
    pub max_characters_per_option: usize,
    pub min_seconds: u64,
    pub max_seconds: u64,
}

/// The native poll to attach: options shortened to the server's limit, and its duration; `None`
/// when the question cannot be mirrored faithfully (too many options, or options that become the
/// same when shortened).
pub fn fit_native_poll(
    options: &[String],
    duration: Duration,
    limits: &PollLimits,
) -> Option<(Vec<String>, u64)> {
    if options.len() < 2 || options.len() > limits.max_options {
        return None;
    }
    let fitted: Vec<String> = options
        .iter()
        .map(|o| crate::text::shorten(o, limits.max_characters_per_option))
        .collect();
    let mut unique = fitted.clone();
    unique.sort();
    unique.dedup();
    if unique.len() != fitted.len() || fitted.iter().any(String::is_empty) {
        return None;
    }
    let seconds = duration
        .as_secs()
        .clamp(limits.min_seconds, limits.max_seconds);
    Some((fitted, seconds))
}
