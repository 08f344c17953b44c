//! The channel a visit came from: the `?c=` of a link (and of a QR code), carried through the form
//! as `_channel`, and the JSON submit's `channel`.
//!
//! One rule decides what a channel id is: [`ChannelId`], the rule scheduling uses for the channels
//! a poll is announced on. A value that breaks it (`?c=Mastodon`, `?c=`, 65 characters) is not
//! recorded as a channel: it is ignored as if the link carried none, so the visit and the response
//! still count.
//!
//! A channel id is recorded only when it is known for the poll: one of the poll's own channels
//! (those it is scheduled on) or one of the [`BUILT_IN`] ones Flits and the municipality's own
//! material use. Any other id is recorded as [`OTHER`]. A link made for one person
//! (`?c=jan-jansen-dorpsstraat-12`) would otherwise tag that person's answers in the export.

use actix_web::HttpRequest;
use flits_http::query::url_query_param;
use flits_store::{Poll, StoreError};
use flits_types::ChannelId;

use crate::state::CollectorState;

/// Channels every poll knows without being scheduled on them: printed posters and their QR codes,
/// e-mails and newsletters, the municipality's website, and links residents share (the thank-you
/// page's share button, and its WhatsApp and e-mail links).
pub const BUILT_IN: &[&str] = &["poster", "qr", "email", "website", "share", "whatsapp"];

/// What an id that is not known for the poll is recorded as.
pub const OTHER: &str = "other";

/// The channel of a raw value, or `None` when there is none or it is not a channel id.
pub fn channel(raw: Option<&str>) -> Option<ChannelId> {
    raw.and_then(|c| ChannelId::parse(c).ok())
}

/// The raw `?c=` of the request's link.
pub fn link_value(req: &HttpRequest) -> Option<String> {
    url_query_param(req.query_string(), "c")
}

/// The channel id of the request's link (`?c=`), by [`channel`] (known for the poll or not: what
/// a QR code or poster for that link should say).
pub fn link_channel(req: &HttpRequest) -> Option<ChannelId> {
    channel(link_value(req).as_deref())
}

/// `id` when it is known for a poll with the channels `poll_channels`, else [`OTHER`].
pub fn known(id: ChannelId, poll_channels: &[String]) -> ChannelId {
    let known = BUILT_IN.contains(&id.as_str())
        || id.as_str() == OTHER
        || poll_channels.iter().any(|c| c == id.as_str());
    if known {
        id
    } else {
        ChannelId::parse(OTHER).unwrap_or(id)
    }
}

/// The channel to record for `raw` on `poll`, by the rules above. Looks the poll's channels up
/// (through the collector's cache) only for an id that is not built in.
pub async fn recorded(
    state: &CollectorState,
    poll: &Poll,
    raw: Option<&str>,
) -> Result<Option<ChannelId>, StoreError> {
    let Some(id) = channel(raw) else {
        return Ok(None);
    };
    if BUILT_IN.contains(&id.as_str()) {
        return Ok(Some(id));
    }
    let channels = state.caches.poll_channels(&state.store, poll.id).await?;
    Ok(Some(known(id, &channels)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_channel_is_kept_only_when_it_could_be_scheduled() {
        for raw in ["mastodon-velsen", "qr", "x_1"] {
            assert_eq!(channel(Some(raw)).unwrap(), raw);
        }
        for raw in ["Mastodon", "", "a b", "é", &"a".repeat(65)] {
            assert_eq!(channel(Some(raw)), None, "{raw:?}");
        }
        assert_eq!(channel(None), None);
    }

    #[test]
    fn only_channels_known_for_the_poll_are_recorded_as_themselves() {
        let poll_channels = vec!["mastodon-velsen".to_owned(), "nieuwsbrief".to_owned()];
        let id = |s: &str| ChannelId::parse(s).unwrap();
        for own in ["mastodon-velsen", "nieuwsbrief"] {
            assert_eq!(known(id(own), &poll_channels), own);
        }
        for built_in in BUILT_IN {
            assert_eq!(known(id(built_in), &[]), *built_in);
        }
        for unknown in ["jan-jansen-dorpsstraat-12", "mastodon-ijmond", "x"] {
            assert_eq!(known(id(unknown), &poll_channels), OTHER);
        }
        assert_eq!(known(id(OTHER), &[]), OTHER);
    }
}
