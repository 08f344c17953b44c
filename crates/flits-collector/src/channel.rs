//! The channel a visit came from: the `?c=` of a link (and of a QR code), carried through the form
//! as `_channel`, and the JSON submit's `channel`.
//!
//! One rule decides what a channel id is: [`ChannelId`], the rule scheduling uses for the channels
//! a poll is announced on. A value that breaks it (`?c=Mastodon`, `?c=`, 65 characters) is not
//! recorded as a channel: it is ignored as if the link carried none, so the visit and the response
//! still count, and no response is ever counted for a channel that could never be scheduled.

use actix_web::HttpRequest;
use flits_http::query::url_query_param;
use flits_types::ChannelId;

/// The channel of a raw value, or `None` when there is none or it is not a channel id.
pub fn channel(raw: Option<&str>) -> Option<ChannelId> {
    raw.and_then(|c| ChannelId::parse(c).ok())
}

/// The channel of the request's link (`?c=`), by [`channel`].
pub fn link_channel(req: &HttpRequest) -> Option<ChannelId> {
    channel(url_query_param(req.query_string(), "c").as_deref())
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
}
