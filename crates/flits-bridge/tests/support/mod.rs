//! Local stand-ins for the platforms, and helpers the adapter tests share.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod facebook;
pub mod logs;
pub mod mastodon;
pub mod server;
pub mod smtpd;
pub mod webhook;
pub mod x;

use std::collections::BTreeMap;
use std::time::Duration;

use flits_bridge::{ChannelSetting, ClientOptions, Post, PostKind};
use flits_i18n::Locale;
use secrecy::SecretString;

/// Secrets as the tests' "environment".
pub fn secrets(pairs: &[(&str, &str)]) -> BTreeMap<String, SecretString> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), SecretString::from((*v).to_owned())))
        .collect()
}

/// Short timeouts, so timeout tests are quick.
pub fn options() -> ClientOptions {
    ClientOptions {
        timeout: Duration::from_millis(800),
        connect_timeout: Duration::from_millis(500),
        default_requests_per_minute: 600,
        smtp: None,
    }
}

pub fn setting(json: serde_json::Value) -> ChannelSetting {
    serde_json::from_value(json).unwrap()
}

pub fn announcement(key: &str, channel: &str) -> Post {
    Post {
        kind: PostKind::Announcement,
        idempotency_key: key.to_owned(),
        slug: "fietsparkeren-station".into(),
        title: "Fietsparkeren bij het station".into(),
        intro: "Drie korte vragen. Het kost u 1 minuut.".into(),
        link: url::Url::parse(&format!(
            "https://peiling.ijmond.nl/p/fietsparkeren-station?c={channel}"
        ))
        .unwrap(),
        locale: Locale::Nl,
        native_poll: None,
        in_reply_to: None,
    }
}
