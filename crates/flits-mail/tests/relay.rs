//! What the mailer makes of its relay, without a server: the message it would send, a relay that
//! is down (worth another try), and a relay URL it cannot use. Sending to a real SMTP server is
//! tested end to end in `tests/api/results_by_email.rs`.

#![allow(clippy::unwrap_used)]

use std::time::Duration;

use flits_i18n::Locale;
use flits_mail::{Mailer, Relay, ResultsMessage, SendError, SetupError};
use secrecy::SecretString;

fn relay(url: &str) -> Relay {
    Relay {
        url: SecretString::from(url.to_owned()),
        from: "peiling@ijmond.example.nl".parse().unwrap(),
    }
}

fn message() -> ResultsMessage {
    ResultsMessage {
        to: "inwoner@example.nl".parse().unwrap(),
        locale: Locale::Ar,
        title: "المزيد من المساحات الخضراء".to_owned(),
        summary: "سنزرع عشر أشجار.".to_owned(),
        link: "https://peiling.example.nl/p/demo/results?lang=ar".to_owned(),
        key: "flits-results-1".to_owned(),
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[test]
fn the_message_is_multipart_with_a_stable_message_id() {
    let mailer = Mailer::new(&relay("smtp://127.0.0.1:25"), Duration::from_secs(1)).unwrap();
    let raw = String::from_utf8(mailer.message(&message()).unwrap().formatted()).unwrap();
    assert!(raw.contains("Content-Type: multipart/alternative"), "{raw}");
    assert!(
        raw.contains("Content-Type: text/plain; charset=utf-8"),
        "{raw}"
    );
    assert!(
        raw.contains("Content-Type: text/html; charset=utf-8"),
        "{raw}"
    );
    assert!(raw.contains("Message-ID: <flits-results-1@flits>"), "{raw}");
    assert!(raw.contains("To: inwoner@example.nl"), "{raw}");
    assert!(raw.contains("From: peiling@ijmond.example.nl"), "{raw}");
}

#[tokio::test]
async fn a_relay_that_is_down_is_worth_another_try() {
    let url = format!("smtp://127.0.0.1:{}", free_port());
    let mailer = Mailer::new(&relay(&url), Duration::from_secs(2)).unwrap();
    let err = mailer.send(&message()).await.unwrap_err();
    assert_eq!(
        err,
        SendError::Retryable {
            code: "connection".to_owned()
        }
    );
    assert!(!err.is_permanent());
    assert!(!err.to_string().contains('@'), "{err}");
}

#[test]
fn a_relay_url_it_cannot_use_is_a_setup_error_that_does_not_show_it() {
    let err = Mailer::new(
        &relay("imap://user:geheim@mail.example.nl"),
        Duration::from_secs(1),
    )
    .unwrap_err();
    assert!(matches!(err, SetupError::RelayUrl), "{err:?}");
    assert!(!err.to_string().contains("geheim"));
}
