//! `[[channels]]` in the configuration, `flits channel list` and `flits channel test`, through the
//! binary. Secrets come from variables of any name and are never printed.

use std::io::{Read, Write};
use std::net::TcpListener;

use crate::helpers::flits_command;

const TOKEN: &str = "mastodon-token-for-the-cli-test-42";

/// A stand-in for a Mastodon server's `GET /api/v1/accounts/verify_credentials`, as documented:
/// the account for the right bearer token, `401 {"error":"The access token is invalid"}` otherwise.
/// It answers on a thread until the test process ends; any `POST` is counted as a failure.
fn fake_mastodon() -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let posts = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = posts.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut buf = [0u8; 8192];
            let mut request = Vec::new();
            while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                match stream.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => request.extend_from_slice(&buf[..n]),
                }
            }
            let request = String::from_utf8_lossy(&request).to_lowercase();
            if request.starts_with("post") {
                counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            }
            let authorized = request.contains(&format!("authorization: bearer {TOKEN}"));
            let (status, body) = if !request.starts_with("get /api/v1/accounts/verify_credentials")
            {
                ("404 Not Found", r#"{"error":"Record not found"}"#)
            } else if authorized {
                ("200 OK", r#"{"id":"1","username":"flits","acct":"flits"}"#)
            } else {
                (
                    "401 Unauthorized",
                    r#"{"error":"The access token is invalid"}"#,
                )
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    (url, posts)
}

fn config(dir: &tempfile::TempDir, mastodon_url: &str) -> std::path::PathBuf {
    let path = dir.path().join("flits.toml");
    std::fs::write(
        &path,
        format!(
            r#"
[[channels]]
id = "mastodon-velsen"
kind = "mastodon"
base_url = "{mastodon_url}"
token_env = "FLITS_MASTODON_VELSEN_SECRET"
native_poll = true

[[channels]]
id = "intranet"
kind = "webhook"
url = "https://intranet.example.nl/hooks/flits?key=abc"
secret_env = "INTRANET_HOOK_KEY"
"#
        ),
    )
    .unwrap();
    path
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn channels_are_listed_and_printed_without_their_secrets() {
    let dir = tempfile::tempdir().unwrap();
    let file = config(&dir, "https://social.example.nl");
    // A secret variable starting with FLITS_ is not mistaken for an unknown setting.
    let out = flits_command()
        .arg("--config")
        .arg(&file)
        .env("FLITS_MASTODON_VELSEN_SECRET", TOKEN)
        .args(["channel", "list", "--lang", "en"])
        .output()
        .unwrap();
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(stdout.starts_with("channel"), "{stdout}");
    let mastodon = stdout
        .lines()
        .find(|l| l.starts_with("mastodon-velsen"))
        .unwrap();
    assert!(mastodon.contains("https://social.example.nl"), "{mastodon}");
    assert!(mastodon.contains("yes"), "{mastodon}");
    assert!(
        mastodon.contains("FLITS_MASTODON_VELSEN_SECRET set"),
        "{mastodon}"
    );
    let hook = stdout.lines().find(|l| l.starts_with("intranet")).unwrap();
    assert!(hook.contains("INTRANET_HOOK_KEY MISSING"), "{hook}");
    assert!(
        !hook.contains("key=abc"),
        "a webhook URL's query may hold a key: {hook}"
    );
    assert!(!stdout.contains(TOKEN));

    let out = flits_command()
        .arg("--config")
        .arg(&file)
        .env("FLITS_MASTODON_VELSEN_SECRET", TOKEN)
        .env("FLITS_MASTODON_VELSEN_SECRET_FILE", "/nonexistent")
        .arg("config")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(printed["channels"][0]["id"], "mastodon-velsen");
    assert_eq!(
        printed["channels"][0]["token_env"],
        "FLITS_MASTODON_VELSEN_SECRET"
    );
    assert!(!text(&out.stdout).contains(TOKEN));
}

#[test]
fn no_channels_and_bad_channels() {
    let out = flits_command().args(["channel", "list"]).output().unwrap();
    assert!(out.status.success());
    assert!(
        text(&out.stdout).contains("[[channels]]"),
        "{}",
        text(&out.stdout)
    );

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("flits.toml");
    std::fs::write(
        &file,
        "[[channels]]\nid = \"m\"\nkind = \"mastodon\"\ntoken_env = \"T\"\npage_id = \"1\"\n",
    )
    .unwrap();
    let out = flits_command()
        .arg("--config")
        .arg(&file)
        .arg("config")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("needs `base_url`"), "{err}");
    assert!(err.contains("no setting `page_id`"), "{err}");
}

#[test]
fn channel_test_checks_credentials_without_posting() {
    let (url, posts) = fake_mastodon();
    let dir = tempfile::tempdir().unwrap();
    let file = config(&dir, &url);
    let run = |token: Option<&str>, id: &str| {
        let mut cmd = flits_command();
        cmd.arg("--config")
            .arg(&file)
            .args(["channel", "test", id, "--lang", "en"]);
        if let Some(token) = token {
            cmd.env("FLITS_MASTODON_VELSEN_SECRET", token);
        }
        cmd.output().unwrap()
    };

    let ok = run(Some(TOKEN), "mastodon-velsen");
    assert_eq!(ok.status.code(), Some(0), "{}", text(&ok.stderr));
    assert!(
        text(&ok.stdout).contains("@flits@127.0.0.1"),
        "{}",
        text(&ok.stdout)
    );

    let bad = run(Some("wrong-token-0000"), "mastodon-velsen");
    assert_eq!(bad.status.code(), Some(1));
    let err = text(&bad.stderr);
    assert!(err.contains("The access token is invalid"), "{err}");
    assert!(err.contains("401"), "{err}");
    assert!(!err.contains("wrong-token-0000"), "{err}");

    let missing = run(None, "mastodon-velsen");
    assert_eq!(missing.status.code(), Some(1));
    assert!(text(&missing.stderr).contains("FLITS_MASTODON_VELSEN_SECRET"));

    let unknown = run(Some(TOKEN), "mastodon-heemskerk");
    assert_eq!(unknown.status.code(), Some(2));
    let err = text(&unknown.stderr);
    assert!(
        err.contains("mastodon-heemskerk") && err.contains("intranet"),
        "{err}"
    );

    let mut hook = flits_command();
    hook.arg("--config")
        .arg(&file)
        .env("INTRANET_HOOK_KEY", "k3y-for-the-hook")
        .args(["channel", "test", "intranet"]);
    let hook = hook.output().unwrap();
    assert_eq!(hook.status.code(), Some(0), "{}", text(&hook.stderr));

    assert_eq!(
        posts.load(std::sync::atomic::Ordering::SeqCst),
        0,
        "nothing posted"
    );
}

/// A real SMTP server process (Python's aiosmtpd), killed when dropped.
struct Smtpd {
    child: std::process::Child,
    port: u16,
}

impl Drop for Smtpd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn smtpd(test: &str) -> Option<Smtpd> {
    let available = std::process::Command::new("python3")
        .args(["-c", "import aiosmtpd"])
        .status()
        .is_ok_and(|s| s.success());
    if !available {
        crate::skip::skipped(test, "Python's aiosmtpd is missing (pip install aiosmtpd)");
        return None;
    }
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = std::process::Command::new("python3")
        .args(["-m", "aiosmtpd", "-n", "-l"])
        .arg(format!("127.0.0.1:{port}"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let server = Smtpd { child, port };
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", server.port)).is_ok() {
            return Some(server);
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("aiosmtpd did not start");
}

#[test]
fn the_email_channel_is_checked_against_the_configured_relay() {
    let Some(server) = smtpd("the_email_channel_is_checked_against_the_configured_relay") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("flits.toml");
    std::fs::write(
        &file,
        r#"
[mail]
from = "peiling@ijmond.example.nl"

[[channels]]
id = "krant"
kind = "email"
to = ["redactie@krant.example.nl"]
"#,
    )
    .unwrap();
    let relay = format!("smtp://127.0.0.1:{}", server.port);
    let test = |relay: Option<&str>| {
        let mut cmd = flits_command();
        cmd.arg("--config").arg(&file);
        if let Some(r) = relay {
            cmd.env("FLITS_SMTP_URL", r);
        }
        cmd.args(["channel", "test", "krant", "--lang", "en"])
            .output()
            .unwrap()
    };
    let out = test(Some(&relay));
    assert!(
        out.status.success(),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    // Without a relay the check fails and says why; the relay's URL is never printed.
    let out = test(None);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let out = flits_command()
        .arg("--config")
        .arg(&file)
        .env("FLITS_SMTP_URL", "smtp://user:hunter2-secret@127.0.0.1:1")
        .arg("config")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(!text(&out.stdout).contains("hunter2-secret"));
    assert!(text(&out.stdout).contains("peiling@ijmond.example.nl"));
}
