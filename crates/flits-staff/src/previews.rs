//! What each configured channel would post when a poll opens, for staff to check before
//! scheduling (the schedule page and `GET /api/v1/admin/polls/{slug}/post-previews`). The post is
//! built by the same function the outbox uses (`flits_runner::compose`), and rendered by the
//! channel's own templates and length rule without its secrets or the network.

use flits_bridge::{ChannelSetting, FailureNote};
use flits_i18n::Locale;
use flits_store::Poll;

use crate::api::bodies::{PostError, PostPreview};
use crate::channels::Channels;

/// The announcement of `poll` on `setting`, or why it cannot be made (in `locale`).
pub fn preview(
    channels: &Channels,
    setting: &ChannelSetting,
    poll: &Poll,
    locale: Locale,
) -> PostPreview {
    let id = setting.id.as_str();
    let text = flits_runner::compose::announcement_preview(poll, id, channels.public_url())
        .and_then(|post| flits_bridge::preview(setting, &post));
    let (text, error) = match text {
        Ok(text) => (Some(text), None),
        Err(e) => (None, Some(PostError::of_note(&FailureNote::of(&e), locale))),
    };
    PostPreview {
        channel: id.to_owned(),
        kind: setting.kind.as_str(),
        text,
        error,
    }
}

/// The previews of every configured channel, in the configuration's order.
pub fn previews(channels: &Channels, poll: &Poll, locale: Locale) -> Vec<PostPreview> {
    channels
        .all()
        .iter()
        .map(|setting| preview(channels, setting, poll, locale))
        .collect()
}
