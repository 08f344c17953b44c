//! Tokens never show: not in errors (whatever a platform echoes), not in `Debug`, not in any log
//! line at any level.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::time::Duration;

use flits_bridge::connect_with;
use support::mastodon::{Config, FakeMastodon, Fault, TOKEN};
use support::webhook::{self, FakeWebhook};
use support::{announcement, logs, options, secrets, setting};

#[tokio::test]
async fn no_secret_reaches_an_error_a_debug_print_or_the_log() {
    let (captured, _guard) = logs::capture();
    let mastodon = FakeMastodon::start(Config::default()).await;
    let hook = FakeWebhook::start().await;
    let env = secrets(&[("MASTODON_TOKEN", TOKEN), ("HOOK_KEY", webhook::SECRET)]);
    let m = connect_with(
        &setting(serde_json::json!({
            "id": "m", "kind": "mastodon", "base_url": mastodon.url(), "token_env": "MASTODON_TOKEN"
        })),
        &options(),
        &env,
    )
    .unwrap();
    let w = connect_with(
        &setting(serde_json::json!({
            "id": "w", "kind": "webhook", "url": hook.url(), "secret_env": "HOOK_KEY"
        })),
        &options(),
        &env,
    )
    .unwrap();

    let mut shown = vec![format!("{m:?}"), format!("{w:?}")];
    // A platform that echoes the token it was sent.
    mastodon.fault(Fault::EchoToken);
    let err = m.post(&announcement("a", "m")).await.unwrap_err();
    assert!(err.to_string().contains("[redacted]"), "{err}");
    shown.push(format!("{err} {err:?}"));
    shown.push(err.describe(flits_i18n::Locale::Nl));
    // A drop, a timeout and a success, each logged.
    mastodon.fault(Fault::DropAfterAccept);
    shown.push(format!("{:?}", m.post(&announcement("b", "m")).await));
    mastodon.fault(Fault::HangAfterAccept(Duration::from_secs(2)));
    shown.push(format!("{:?}", m.post(&announcement("c", "m")).await));
    shown.push(format!("{:?}", m.post(&announcement("c", "m")).await));
    shown.push(format!("{:?}", m.verify().await));
    hook.fault(webhook::Fault::ServerError(500));
    shown.push(format!("{:?}", w.post(&announcement("d", "w")).await));
    shown.push(format!("{:?}", w.post(&announcement("d", "w")).await));

    let log = captured.text();
    assert!(
        log.contains("channel call failed"),
        "the test must see logs:\n{log}"
    );
    assert!(log.contains("posted to Mastodon"), "{log}");
    for text in shown.iter().chain([&log]) {
        assert!(!text.contains(TOKEN), "token shown: {text}");
        assert!(!text.contains(webhook::SECRET), "secret shown: {text}");
    }
}
