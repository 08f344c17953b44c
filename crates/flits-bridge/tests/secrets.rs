//! Tokens never show: not in errors (whatever a platform echoes), not in `Debug`, not in any log
//! line at any level.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::time::Duration;

use flits_bridge::connect_with;
use support::facebook::{self, FakeGraph};
use support::mastodon::{Config, FakeMastodon, Fault, TOKEN};
use support::webhook::{self, FakeWebhook};
use support::x::{self, FakeX};
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

    // X and Facebook: a success and a refusal each.
    let (fake_x, graph) = (FakeX::start(None).await, FakeGraph::start().await);
    let x_setting = setting(serde_json::json!({
        "id": "x", "kind": "x", "base_url": fake_x.url(), "api_key_env": "XK",
        "api_secret_env": "XS", "access_token_env": "XT", "access_secret_env": "XA"
    }));
    let fb_setting = setting(serde_json::json!({
        "id": "fb", "kind": "facebook", "base_url": graph.url(), "page_id": facebook::PAGE,
        "token_env": "FB"
    }));
    for (xa, fb) in [
        (x::ACCESS_SECRET, facebook::TOKEN),
        ("wrong-secret", "EAAGwrong"),
    ] {
        let env = secrets(&[
            ("XK", x::API_KEY),
            ("XS", x::API_SECRET),
            ("XT", x::ACCESS_TOKEN),
            ("XA", xa),
            ("FB", fb),
        ]);
        let xc = connect_with(&x_setting, &options(), &env).unwrap();
        let fc = connect_with(&fb_setting, &options(), &env).unwrap();
        shown.push(format!("{xc:?} {fc:?}"));
        shown.push(format!("{:?}", xc.post(&announcement("e", "x")).await));
        shown.push(format!("{:?}", xc.verify().await));
        shown.push(format!("{:?}", fc.post(&announcement("f", "fb")).await));
        shown.push(format!("{:?}", fc.verify().await));
    }
    assert_eq!(fake_x.tweets().len(), 1);
    assert_eq!(graph.posts().len(), 1);

    let log = captured.text();
    assert!(
        log.contains("channel call failed"),
        "the test must see logs:\n{log}"
    );
    assert!(log.contains("posted to Mastodon"), "{log}");
    for text in shown.iter().chain([&log]) {
        assert!(!text.contains(TOKEN), "token shown: {text}");
        for secret in [
            webhook::SECRET,
            x::API_KEY,
            x::API_SECRET,
            x::ACCESS_TOKEN,
            x::ACCESS_SECRET,
            facebook::TOKEN,
        ] {
            assert!(!text.contains(secret), "secret shown: {text}");
        }
    }
}
