//! The e-mail channel against a real SMTP server process: Python's aiosmtpd, storing what it
//! receives in a maildir (`support/smtpd.rs`). Without aiosmtpd the test says so and passes,
//! except where every test must run (`CI=true` or `FLITS_TEST_REQUIRE_ALL=1`), where `.ci/run`
//! installs it and a missing one fails.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use flits_bridge::email::SmtpRelay;
use flits_bridge::{ClientOptions, PostKind, connect_with};
use secrecy::SecretString;
use support::smtpd::{Smtpd, free_port};
use support::{announcement, options, secrets, setting};

/// A running aiosmtpd, or `None` after saying why not. Without aiosmtpd the test passes with a
/// note, except where every test must run (`CI=true` or `FLITS_TEST_REQUIRE_ALL=1`, as `.ci/run`
/// sets), where a missing one fails.
fn smtpd() -> Option<Smtpd> {
    match Smtpd::start() {
        Ok(server) => Some(server),
        Err(why) => {
            let must_run = std::env::var("CI").as_deref() == Ok("true")
                || std::env::var("FLITS_TEST_REQUIRE_ALL").as_deref() == Ok("1");
            assert!(!must_run, "the e-mail channel test cannot run: {why}");
            eprintln!("SKIPPED the e-mail channel test: {why}");
            None
        }
    }
}

fn relay(port: u16) -> ClientOptions {
    ClientOptions {
        smtp: Some(SmtpRelay {
            url: SecretString::from(format!("smtp://127.0.0.1:{port}")),
            from: "peiling@ijmond.example.nl".parse().unwrap(),
        }),
        ..options()
    }
}

fn channel_setting() -> flits_bridge::ChannelSetting {
    setting(serde_json::json!({
        "id": "krant", "kind": "email",
        "to": ["redactie@krant.example.nl", "nieuwsbrief@ijmond.example.nl"]
    }))
}

#[tokio::test]
async fn the_announcement_reaches_every_address_with_its_link() {
    let Some(server) = smtpd() else { return };
    let ch = connect_with(&channel_setting(), &relay(server.port), &secrets(&[])).unwrap();
    assert_eq!(ch.verify().await.unwrap().account, None);
    let post = announcement("poll-7-krant-announcement", "krant");
    let posted = ch.post(&post).await.unwrap();
    assert_eq!(posted.remote_id, "poll-7-krant-announcement.krant");

    let messages = server.wait_for(1).await;
    assert_eq!(messages.len(), 1, "one message for both addresses");
    let m = &messages[0];
    assert_eq!(
        m.subject, "Nieuwe peiling: Fietsparkeren bij het station",
        "{m:?}"
    );
    assert!(m.to.contains("redactie@krant.example.nl"), "{m:?}");
    assert!(m.to.contains("nieuwsbrief@ijmond.example.nl"), "{m:?}");
    assert_eq!(m.from, "peiling@ijmond.example.nl");
    assert_eq!(m.message_id, "<poll-7-krant-announcement.krant@flits>");
    assert!(
        m.part("text/plain").unwrap().contains(post.link.as_str()),
        "{m:?}"
    );

    let mut results = announcement("poll-7-krant-results", "krant");
    results.kind = PostKind::Results;
    results.locale = flits_i18n::Locale::En;
    ch.reply(&posted.remote_id, &results).await.unwrap();
    let all = server.wait_for(2).await;
    assert!(
        all.iter()
            .any(|m| m.subject.starts_with("Poll results: Fietsparkeren")),
        "{all:?}"
    );
}

#[tokio::test]
async fn an_absent_relay_is_a_retryable_failure_and_no_relay_is_a_setup_error() {
    let port = free_port();
    let ch = connect_with(&channel_setting(), &relay(port), &secrets(&[])).unwrap();
    let err = ch.post(&announcement("a", "krant")).await.unwrap_err();
    assert!(err.is_retryable(), "{err:?}");
    assert!(ch.verify().await.is_err());
    let err = connect_with(&channel_setting(), &options(), &secrets(&[])).unwrap_err();
    assert_eq!(err.code(), "missing-setting");
}
