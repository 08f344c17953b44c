//! The e-mail channel against a real SMTP server process: Python's aiosmtpd, storing what it
//! receives in a maildir. Without aiosmtpd the test says so and passes, except on CI (CI=true),
//! where `.ci/run` installs it and a missing one fails.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use flits_bridge::email::SmtpRelay;
use flits_bridge::{ClientOptions, PostKind, connect_with};
use secrecy::SecretString;
use support::{announcement, options, secrets, setting};

struct Smtpd {
    child: Child,
    port: u16,
    dir: std::path::PathBuf,
}

impl Drop for Smtpd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn smtpd() -> Option<Smtpd> {
    let available = Command::new("python3")
        .args(["-c", "import aiosmtpd"])
        .status()
        .is_ok_and(|s| s.success());
    if !available {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "aiosmtpd is missing on CI"
        );
        eprintln!("skipped: python3 -m pip install aiosmtpd to run the e-mail channel test");
        return None;
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dir = std::env::temp_dir().join(format!("flits-smtpd-{port}-{}", std::process::id()));
    let child = Command::new("python3")
        .args(["-m", "aiosmtpd", "-n", "-l"])
        .arg(format!("127.0.0.1:{port}"))
        .args(["-c", "aiosmtpd.handlers.Mailbox"])
        .arg(&dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let server = Smtpd { child, port, dir };
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Some(server);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("aiosmtpd did not start");
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

/// The messages in the maildir, quoted-printable soft breaks and escapes undone.
fn received(dir: &std::path::Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir.join("new")) else {
        return Vec::new();
    };
    entries
        .map(|e| {
            let raw = std::fs::read_to_string(e.unwrap().path()).unwrap();
            let raw = raw.replace("=\r\n", "").replace("=\n", "");
            let mut out = String::new();
            let mut rest = raw.as_str();
            while let Some(i) = rest.find('=') {
                out.push_str(&rest[..i]);
                match u8::from_str_radix(rest.get(i + 1..i + 3).unwrap_or("zz"), 16) {
                    Ok(b) if b.is_ascii() => {
                        out.push(b as char);
                        rest = &rest[i + 3..];
                    }
                    _ => {
                        out.push('=');
                        rest = &rest[i + 1..];
                    }
                }
            }
            out.push_str(rest);
            out
        })
        .collect()
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

    let mut messages = Vec::new();
    for _ in 0..50 {
        messages = received(&server.dir);
        if !messages.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(messages.len(), 1, "one message for both addresses");
    let m = &messages[0];
    assert!(
        m.contains("Subject: Nieuwe peiling: Fietsparkeren bij het station"),
        "{m}"
    );
    assert!(m.contains("redactie@krant.example.nl"), "{m}");
    assert!(m.contains("nieuwsbrief@ijmond.example.nl"), "{m}");
    assert!(m.contains("From: peiling@ijmond.example.nl"), "{m}");
    assert!(m.contains("<poll-7-krant-announcement.krant@flits>"), "{m}");
    assert!(m.contains(post.link.as_str()), "{m}");

    let mut results = announcement("poll-7-krant-results", "krant");
    results.kind = PostKind::Results;
    results.locale = flits_i18n::Locale::En;
    ch.reply(&posted.remote_id, &results).await.unwrap();
    for _ in 0..50 {
        if received(&server.dir).len() == 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let all = received(&server.dir);
    assert!(
        all.iter()
            .any(|m| m.contains("Subject: Poll results: Fietsparkeren")),
        "{all:?}"
    );
}

#[tokio::test]
async fn an_absent_relay_is_a_retryable_failure_and_no_relay_is_a_setup_error() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let ch = connect_with(&channel_setting(), &relay(port), &secrets(&[])).unwrap();
    let err = ch.post(&announcement("a", "krant")).await.unwrap_err();
    assert!(err.is_retryable(), "{err:?}");
    assert!(ch.verify().await.is_err());
    let err = connect_with(&channel_setting(), &options(), &secrets(&[])).unwrap_err();
    assert_eq!(err.code(), "missing-setting");
}
