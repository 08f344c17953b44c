//! The social-media bridge end to end (README.md, "Channels"): real `flits serve` processes with a
//! Mastodon channel and a webhook channel from `[[channels]]`, their secrets in variables the
//! configuration names, against the faithful fakes of the bridge's own tests (a Mastodon that
//! honours `Idempotency-Key`, a receiver that checks the signature). A poll that opens is posted
//! once to each of its channels with its `?c=` link: also when the process is killed with SIGKILL
//! in the middle of a send and started again, and when two processes share one PostgreSQL.
//!
//! "Once" is checked where it matters, at the platforms: every request they got is counted, in
//! total and by idempotency key. Before counting, a test waits for a marker poll that opened after
//! everything else was posted to be posted too, so the runner has gone round again by then and
//! anything it would send twice has arrived.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use chrono::{TimeDelta, Utc};
use flits_store::{OutboxPost, Poll, Store};
use flits_survey::PollState;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::bridge_support::mastodon::{self, FakeMastodon};
use crate::bridge_support::server::Request;
use crate::bridge_support::webhook::{self, FakeWebhook};
use crate::helpers::*;
use crate::on_both_backends;
use crate::scheduler_support::*;

const PUBLIC_URL: &str = "https://peiling.example.nl";
/// The variables the configuration names for the secrets: any names, as README.md says.
const MASTODON_TOKEN_VAR: &str = "E2E_MASTODON_VELSEN_TOKEN";
const HOOK_SECRET_VAR: &str = "E2E_INTRANET_HOOK_KEY";
const MASTODON: &str = "mastodon-velsen";
const HOOK: &str = "intranet";
const BOTH: [&str; 2] = [MASTODON, HOOK];
/// Long enough for any of these waits on a busy machine; nothing is asserted about time.
const DEADLINE: Duration = Duration::from_secs(60);

/// The fake platforms and a configuration file with a channel on each.
struct Platforms {
    mastodon: FakeMastodon,
    webhook: FakeWebhook,
    dir: tempfile::TempDir,
}

impl Platforms {
    async fn start() -> Platforms {
        let mastodon = FakeMastodon::start(mastodon::Config::default()).await;
        let webhook = FakeWebhook::start().await;
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("flits.toml"),
            format!(
                r#"
public_url = "{PUBLIC_URL}"

[[channels]]
id = "{MASTODON}"
kind = "mastodon"
base_url = "{}"
token_env = "{MASTODON_TOKEN_VAR}"

[[channels]]
id = "{HOOK}"
kind = "webhook"
url = "{}"
secret_env = "{HOOK_SECRET_VAR}"
"#,
                mastodon.url(),
                webhook.url()
            ),
        )
        .unwrap();
        Platforms {
            mastodon,
            webhook,
            dir,
        }
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join("flits.toml")
    }

    fn log(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Every `POST /api/v1/statuses` the fake Mastodon got, answered or not.
    fn status_requests(&self) -> Vec<Request> {
        self.mastodon
            .requests()
            .into_iter()
            .filter(|r| r.method == "POST" && r.path == "/api/v1/statuses")
            .collect()
    }

    /// Every `POST` the webhook receiver got.
    fn hook_requests(&self) -> Vec<Request> {
        self.webhook
            .requests()
            .into_iter()
            .filter(|r| r.method == "POST")
            .collect()
    }

    /// `flits serve` on `db` with both channels, their secrets, a one-second runner tick and
    /// `env`, logging to `log` (stderr) and `log.out` (stdout).
    fn serve(&self, db: &TestDb, log: &Path, env: &[(&str, &str)]) -> Child {
        let open = |path: PathBuf| {
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
                .unwrap()
        };
        let mut cmd = flits_command();
        cmd.arg("--config")
            .arg(self.config())
            .arg("serve")
            .env("FLITS_DATABASE_URL", &db.url)
            .env("FLITS_BIND", "127.0.0.1:0")
            .env("FLITS_RUNNER__TICK_SECONDS", "1")
            .env(MASTODON_TOKEN_VAR, mastodon::TOKEN)
            .env(HOOK_SECRET_VAR, webhook::SECRET)
            .env("RUST_LOG", "info")
            .stdin(Stdio::null())
            .stdout(open(log.with_extension("out")))
            .stderr(open(log.to_owned()));
        for (key, value) in env {
            cmd.env(key, value);
        }
        cmd.spawn().unwrap()
    }
}

/// Kills the processes when the test ends, also when it fails.
struct Children(Vec<Child>);

impl Drop for Children {
    fn drop(&mut self) {
        for child in &mut self.0 {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Waits until `done`, looking every 50 ms; after [`DEADLINE`] fails with the processes' logs.
async fn wait_for(what: &str, logs: &[&Path], mut done: impl AsyncFnMut() -> bool) {
    let start = Instant::now();
    while !done().await {
        if start.elapsed() > DEADLINE {
            let logs: Vec<String> = logs
                .iter()
                .map(|l| std::fs::read_to_string(l).unwrap_or_default())
                .collect();
            panic!(
                "timed out waiting for {what}; logs:\n{}",
                logs.join("\n---\n")
            );
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The poll's outbox rows by channel.
async fn outbox(store: &Store, poll: &Poll) -> Vec<OutboxPost> {
    store.outbox_posts(poll.id).await.unwrap()
}

/// Whether every poll has a row per channel in `channels` and all of them are `posted`.
async fn all_posted(store: &Store, polls: &[Poll], channels: &[&str]) -> bool {
    for poll in polls {
        let rows = outbox(store, poll).await;
        if rows.len() != channels.len() || rows.iter().any(|r| r.status != "posted") {
            return false;
        }
    }
    true
}

/// A poll on `channels` that is due to open at once or after `opens_in`.
async fn poll_opening(store: &Store, slug: &str, opens_in: TimeDelta, channels: &[&str]) -> Poll {
    let now = Utc::now();
    placed(
        store,
        slug,
        &["velsen"],
        PollState::Scheduled,
        now + opens_in,
        now + TimeDelta::days(7),
        channels,
    )
    .await
}

/// Opens a marker poll now, on both channels, and waits until it is posted: the runner has then
/// gone through the outbox again since everything before it was posted.
async fn go_round_once_more(store: &Store, logs: &[&Path]) -> Poll {
    let marker = poll_opening(store, "markering", TimeDelta::seconds(-1), &BOTH).await;
    wait_for("the marker poll to be posted", logs, async || {
        all_posted(store, std::slice::from_ref(&marker), &BOTH).await
    })
    .await;
    marker
}

/// The link a channel's post must carry.
fn link(slug: &str, channel: &str) -> String {
    format!("{PUBLIC_URL}/p/{slug}?c={channel}")
}

/// Whether `header` is `sha256=` + the hex HMAC-SHA256 of `body` keyed with the webhook secret, as
/// `crates/flits-bridge/src/webhook.rs` documents.
fn signature_verifies(body: &[u8], header: Option<&str>) -> bool {
    let Some(Ok(signature)) = header
        .and_then(|h| h.strip_prefix("sha256="))
        .map(hex::decode)
    else {
        return false;
    };
    let mut mac = Hmac::<Sha256>::new_from_slice(webhook::SECRET.as_bytes()).unwrap();
    mac.update(body);
    mac.verify_slice(&signature).is_ok()
}

/// The status text Mastodon got in a request.
fn status_text(request: &Request) -> String {
    request.field("status").unwrap_or_default()
}

/// The JSON body of a webhook request.
fn hook_body(request: &Request) -> serde_json::Value {
    serde_json::from_slice(&request.body).unwrap()
}

on_both_backends!(
    a_poll_that_opens_is_posted_once_to_each_channel,
    |backend| async move {
        let s = setup(backend).await;
        let platforms = Platforms::start().await;
        let log = platforms.log("serve.log");
        let logs = [log.as_path()];
        let poll = poll_opening(&s.store, "fietsen-e2e", TimeDelta::seconds(2), &BOTH).await;
        let _serving = Children(vec![platforms.serve(&s.db, &log, &[])]);

        wait_for(
            "the poll to be posted to both channels",
            &logs,
            async || all_posted(&s.store, std::slice::from_ref(&poll), &BOTH).await,
        )
        .await;
        let marker = go_round_once_more(&s.store, &logs).await;

        // Mastodon: one status for the poll (and one for the marker), with the poll's link.
        let requests = platforms.status_requests();
        let statuses = platforms.mastodon.statuses();
        assert_eq!(requests.len(), 2, "{requests:#?}");
        assert_eq!(statuses.len(), 2);
        let text = status_text(&requests[0]);
        assert!(text.contains(&link("fietsen-e2e", MASTODON)), "{text}");
        assert!(status_text(&requests[1]).contains(&link("markering", MASTODON)));
        assert!(requests[0].header("idempotency-key").is_some());
        let rows = outbox(&s.store, &poll).await;
        let row = rows.iter().find(|r| r.channel_id == MASTODON).unwrap();
        assert_eq!(row.remote_id.as_deref(), statuses[0]["id"].as_str());
        assert_eq!(row.attempts, 1);

        // The webhook: one signed delivery for the poll, with its link.
        let requests = platforms.hook_requests();
        assert_eq!(requests.len(), 2, "{requests:#?}");
        let body = hook_body(&requests[0]);
        assert_eq!(body["poll"]["slug"], "fietsen-e2e");
        assert_eq!(body["poll"]["link"], link("fietsen-e2e", HOOK));
        assert!(
            body["text"]
                .as_str()
                .unwrap()
                .contains(&link("fietsen-e2e", HOOK)),
            "{body}"
        );
        assert_eq!(hook_body(&requests[1])["poll"]["slug"], "markering");
        for request in &requests {
            assert!(
                signature_verifies(&request.body, request.header("x-flits-signature")),
                "{request:?}"
            );
        }
        assert_eq!(platforms.webhook.deliveries().len(), 2);
        let row = rows.iter().find(|r| r.channel_id == HOOK).unwrap();
        assert_eq!(row.status, "posted");
        assert_eq!(
            row.remote_id.as_deref(),
            Some(format!("msg-{}", body["delivery_id"].as_str().unwrap()).as_str())
        );
        assert!(all_posted(&s.store, &[poll, marker], &BOTH).await);
    }
);

on_both_backends!(
    a_process_killed_mid_send_and_restarted_posts_once,
    |backend| async move {
        let s = setup(backend).await;
        let platforms = Platforms::start().await;
        // Mastodon takes the status, then keeps the sender waiting until it is killed.
        platforms
            .mastodon
            .fault(mastodon::Fault::HangAfterAccept(Duration::from_secs(600)));
        let log = platforms.log("serve.log");
        let logs = [log.as_path()];
        // A short claim, so the restarted process need not wait the default five minutes; long
        // enough that the first process is killed well before it would give up the send itself.
        let lease = [("FLITS_RUNNER__POST_LEASE_SECONDS", "10")];
        let poll = poll_opening(&s.store, "fietsen-e2e", TimeDelta::seconds(1), &[MASTODON]).await;
        let mut first = Children(vec![platforms.serve(&s.db, &log, &lease)]);

        wait_for("Mastodon to accept the status", &logs, async || {
            !platforms.mastodon.statuses().is_empty()
        })
        .await;
        // SIGKILL while the send is in flight: the post stays claimed, its outcome unrecorded.
        first.0[0].kill().unwrap();
        first.0[0].wait().unwrap();
        let rows = outbox(&s.store, &poll).await;
        assert_eq!(
            (rows[0].status.as_str(), rows[0].attempts),
            ("sending", 1),
            "{rows:?}"
        );

        let _second = Children(vec![platforms.serve(&s.db, &log, &lease)]);
        wait_for("the post to be recorded as posted", &logs, async || {
            all_posted(&s.store, std::slice::from_ref(&poll), &[MASTODON]).await
        })
        .await;
        go_round_once_more(&s.store, &logs).await;

        // Two requests for the poll, the retry with the same key; one status published.
        let requests: Vec<Request> = platforms
            .status_requests()
            .into_iter()
            .filter(|r| status_text(r).contains(&link("fietsen-e2e", MASTODON)))
            .collect();
        assert_eq!(requests.len(), 2, "{requests:#?}");
        let key = requests[0].header("idempotency-key");
        assert!(key.is_some());
        assert_eq!(requests[1].header("idempotency-key"), key);
        let statuses: Vec<_> = platforms
            .mastodon
            .statuses()
            .into_iter()
            .filter(|s| {
                s["content"]
                    .as_str()
                    .unwrap()
                    .contains(&link("fietsen-e2e", MASTODON))
            })
            .collect();
        assert_eq!(statuses.len(), 1, "{statuses:#?}");
        let row = outbox(&s.store, &poll).await.remove(0);
        assert_eq!(row.attempts, 2);
        assert_eq!(row.remote_id.as_deref(), statuses[0]["id"].as_str());
    }
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_on_one_postgres_post_each_poll_once_per_channel() {
    if postgres_url().is_none() {
        return crate::skip::skipped(
            "two_processes_on_one_postgres_post_each_poll_once_per_channel",
            "FLITS_TEST_POSTGRES_URL is not set (PostgreSQL only)",
        );
    }
    let s = setup(Backend::Postgres).await;
    let platforms = Platforms::start().await;
    let logs = [platforms.log("a.log"), platforms.log("b.log")];
    let log_paths = [logs[0].as_path(), logs[1].as_path()];
    // Two polls already due when the processes start, and six opening while both are ticking.
    let mut polls = Vec::new();
    for i in 0..8_i64 {
        let opens_in = if i < 2 {
            TimeDelta::minutes(-1)
        } else {
            TimeDelta::seconds(i)
        };
        polls.push(poll_opening(&s.store, &format!("peiling-{i}"), opens_in, &BOTH).await);
    }
    let _serving = Children(vec![
        platforms.serve(&s.db, &logs[0], &[]),
        platforms.serve(&s.db, &logs[1], &[]),
    ]);

    wait_for(
        "every poll to be posted to both channels",
        &log_paths,
        async || all_posted(&s.store, &polls, &BOTH).await,
    )
    .await;
    polls.push(go_round_once_more(&s.store, &log_paths).await);

    // Every poll (the marker too): one request per channel, in total and by key, with its link.
    let slugs: Vec<String> = polls.iter().map(|p| p.slug.clone()).collect();
    let statuses = platforms.status_requests();
    let keys: HashSet<_> = statuses
        .iter()
        .map(|r| r.header("idempotency-key").unwrap().to_owned())
        .collect();
    assert_eq!(statuses.len(), polls.len(), "{statuses:#?}");
    assert_eq!(keys.len(), polls.len());
    assert_eq!(platforms.mastodon.statuses().len(), polls.len());
    let hooks = platforms.hook_requests();
    let deliveries: HashSet<_> = hooks
        .iter()
        .map(|r| r.header("x-flits-delivery").unwrap().to_owned())
        .collect();
    assert_eq!(hooks.len(), polls.len(), "{hooks:#?}");
    assert_eq!(deliveries.len(), polls.len());
    for slug in &slugs {
        let to_mastodon = statuses
            .iter()
            .filter(|r| status_text(r).contains(&link(slug, MASTODON)))
            .count();
        let to_hook = hooks
            .iter()
            .filter(|r| hook_body(r)["poll"]["link"] == link(slug, HOOK))
            .count();
        assert_eq!((to_mastodon, to_hook), (1, 1), "{slug}");
    }
    for poll in &polls {
        for row in outbox(&s.store, poll).await {
            assert_eq!(
                (row.status.as_str(), row.attempts),
                ("posted", 1),
                "{row:?}"
            );
        }
    }
    let runners: HashSet<_> = s
        .store
        .job_runs(None)
        .await
        .unwrap()
        .into_iter()
        .filter_map(|r| r.details["runner"].as_str().map(str::to_owned))
        .collect();
    eprintln!("polls were opened by {} process(es)", runners.len());
}

on_both_backends!(
    no_secret_reaches_the_logs_or_the_printed_configuration,
    |backend| async move {
        let s = setup(backend).await;
        let platforms = Platforms::start().await;
        // Mastodon echoes the token it was sent in its refusal, as some servers do.
        platforms.mastodon.fault(mastodon::Fault::EchoToken);
        let log = platforms.log("serve.log");
        let logs = [log.as_path()];
        let refused =
            poll_opening(&s.store, "geweigerd", TimeDelta::seconds(-1), &[MASTODON]).await;
        let _serving = Children(vec![platforms.serve(&s.db, &log, &[("RUST_LOG", "debug")])]);
        wait_for("Mastodon's refusal to be recorded", &logs, async || {
            outbox(&s.store, &refused)
                .await
                .first()
                .is_some_and(|r| r.status == "failed")
        })
        .await;
        let posted = poll_opening(&s.store, "gepost", TimeDelta::seconds(-1), &BOTH).await;
        wait_for("a post to each channel", &logs, async || {
            all_posted(&s.store, std::slice::from_ref(&posted), &BOTH).await
        })
        .await;
        let refusal = outbox(&s.store, &refused).await.remove(0);
        let message = refusal.last_error.unwrap_or_default();
        assert!(message.contains("401"), "{message}");

        let config = flits_command()
            .arg("--config")
            .arg(platforms.config())
            .arg("config")
            .env("FLITS_DATABASE_URL", &s.db.url)
            .env(MASTODON_TOKEN_VAR, mastodon::TOKEN)
            .env(HOOK_SECRET_VAR, webhook::SECRET)
            .env("RUST_LOG", "debug")
            .output()
            .unwrap();
        assert!(config.status.success());
        let printed: serde_json::Value = serde_json::from_slice(&config.stdout).unwrap();
        assert_eq!(printed["channels"][0]["token_env"], MASTODON_TOKEN_VAR);

        let stderr = std::fs::read_to_string(&log).unwrap();
        assert!(
            stderr.contains("DEBUG"),
            "the log is at debug level: {stderr}"
        );
        let places = [
            ("the log (stderr)", stderr),
            (
                "stdout",
                std::fs::read_to_string(log.with_extension("out")).unwrap(),
            ),
            ("the refusal kept for staff", message),
            (
                "flits config",
                String::from_utf8_lossy(&config.stdout).into_owned(),
            ),
            (
                "flits config's stderr",
                String::from_utf8_lossy(&config.stderr).into_owned(),
            ),
        ];
        for (place, text) in &places {
            for secret in [mastodon::TOKEN, webhook::SECRET] {
                assert!(!text.contains(secret), "{place} holds a secret: {text}");
            }
        }
    }
);
