//! What a poll's post says, built in one place: the outbox sends it ([`crate::delivery`]) and the
//! staff service previews it before scheduling, so staff check exactly the post that goes out.
//!
//! A post is written in the poll's first language. The announcement and the reminder carry the
//! poll's title, intro and link with the channel (`/p/{slug}?c={channel}`, so responses say where
//! they came from; README.md, "Channels"); the results post links to the results page. Only the
//! announcement mirrors a question as the platform's own poll: a second one would split its votes.

use std::time::Duration;

use chrono::{DateTime, Utc};
use flits_bridge::{NativePoll, Post, PostKind, SendError};
use flits_i18n::Locale;
use flits_store::{Poll, PostPurpose};
use flits_survey::{PollDefinition, QuestionKind};
use url::Url;

/// The idempotency key of previews: never sent, so any fixed value does.
const PREVIEW_KEY: &str = "flits-preview";

/// The post of `purpose` for `poll` on the channel `channel_id`, with links on `public_url`.
///
/// `native_for` is how long a native poll would stay open (`None`: no native poll, because the
/// flash poll has closed); the announcement carries one where the poll has a single-choice
/// question. `idempotency_key` is the same for every attempt of one post.
pub fn post(
    poll: &Poll,
    channel_id: &str,
    purpose: PostPurpose,
    public_url: &Url,
    idempotency_key: String,
    native_for: Option<Duration>,
) -> Result<Post, SendError> {
    let def = &poll.definition;
    let locale = language(def);
    // Appended, not joined: a public URL with a path (`https://x.nl/peilingen`) keeps it.
    let base = public_url.as_str().trim_end_matches('/');
    let (kind, path) = match purpose {
        PostPurpose::Announce => (PostKind::Announcement, format!("{base}/p/{}", poll.slug)),
        PostPurpose::Reminder => (PostKind::Reminder, format!("{base}/p/{}", poll.slug)),
        PostPurpose::Results => (PostKind::Results, format!("{base}/p/{}/results", poll.slug)),
        PostPurpose::Update(_) => (PostKind::Update, format!("{base}/p/{}/results", poll.slug)),
        // The poll page says it has closed, and later shows where the results come.
        PostPurpose::Closed => (PostKind::Closed, format!("{base}/p/{}", poll.slug)),
    };
    let mut link = Url::parse(&path).map_err(|e| SendError::Content {
        reason: e.to_string(),
    })?;
    if !purpose.follows_announcement() {
        link.query_pairs_mut().append_pair("c", channel_id);
    }
    let native_poll = match (purpose, native_for) {
        (PostPurpose::Announce, Some(duration)) => native_poll(def, locale, duration),
        _ => None,
    };
    Ok(Post {
        kind,
        idempotency_key,
        slug: poll.slug.clone(),
        title: def.title.get(locale.code()).to_owned(),
        intro: def
            .intro
            .as_ref()
            .map(|t| t.get(locale.code()).to_owned())
            .unwrap_or_default(),
        link,
        locale,
        native_poll,
        in_reply_to: None,
    })
}

/// How long a native poll posted at `at` stays open: as long as the flash poll still is; `None`
/// when it has no closing time or has closed.
pub fn remaining(poll: &Poll, at: DateTime<Utc>) -> Option<Duration> {
    (poll.closes_at? - at).to_std().ok()
}

/// The announcement `poll` gets on `channel_id` when it opens, for staff to check before (or
/// after) scheduling. A poll without dates yet (a draft) shows its native poll too: the platform
/// clamps the duration to its own limits, and the duration is not part of the text.
pub fn announcement_preview(
    poll: &Poll,
    channel_id: &str,
    public_url: &Url,
) -> Result<Post, SendError> {
    let planned = match (poll.opens_at, poll.closes_at) {
        (Some(opens), Some(closes)) => (closes - opens).to_std().unwrap_or_default(),
        _ => Duration::ZERO,
    };
    post(
        poll,
        channel_id,
        PostPurpose::Announce,
        public_url,
        PREVIEW_KEY.to_owned(),
        Some(planned),
    )
}

/// The language of a poll's posts: its first.
fn language(def: &PollDefinition) -> Locale {
    def.offered_languages().first().copied().unwrap_or_default()
}

/// The poll's first single-choice question as a native poll open for `duration`; `None` when it
/// has none.
fn native_poll(def: &PollDefinition, locale: Locale, duration: Duration) -> Option<NativePoll> {
    let question = def
        .topic_questions()
        .find(|q| q.kind == QuestionKind::SingleChoice)?;
    Some(NativePoll {
        question: question.text.get(locale.code()).to_owned(),
        options: question
            .options
            .iter()
            .map(|o| o.text.get(locale.code()).to_owned())
            .collect(),
        duration,
    })
}
