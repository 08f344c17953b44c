//! `flits channel list` and `flits channel test ID`: the configured social-media channels, and a
//! credential check that posts nothing. Secrets are never printed: the list says only whether the
//! variable a `*_env` setting names is set.

use flits_bridge::{ChannelKind, ChannelSetting, ClientOptions, SendError};
use flits_i18n::{Locale, t};

/// The language of the output: a staff language, Dutch unless `--lang en`.
pub fn staff_locale(lang: &str) -> Option<Locale> {
    Locale::parse(lang).filter(|l| Locale::STAFF.contains(l))
}

/// Whether the variable `name` (or `name_FILE`) is set, without reading the secret.
fn is_set(name: &str) -> bool {
    let set = |n: &str| std::env::var_os(n).is_some_and(|v| !v.is_empty());
    set(name) || set(&format!("{name}_FILE"))
}

/// The table of `flits channel list`.
pub fn list(channels: &[ChannelSetting], locale: Locale) -> String {
    if channels.is_empty() {
        return format!("{}\n", t!(locale, "bridge-list-empty"));
    }
    let header = [
        t!(locale, "bridge-list-id"),
        t!(locale, "bridge-list-kind"),
        t!(locale, "bridge-list-target"),
        t!(locale, "bridge-list-native-poll"),
        t!(locale, "bridge-list-secrets"),
    ];
    let mut rows = vec![header.to_vec()];
    for c in channels {
        let native = match c.kind {
            ChannelKind::Mastodon | ChannelKind::X if c.native_poll => t!(locale, "bridge-yes"),
            _ => t!(locale, "bridge-no"),
        };
        let secrets: Vec<String> = c
            .secret_variables()
            .into_iter()
            .map(|v| {
                if is_set(v) {
                    t!(locale, "bridge-secret-set", variable = v)
                } else {
                    t!(locale, "bridge-secret-missing", variable = v)
                }
            })
            .collect();
        rows.push(vec![
            c.id.to_string(),
            c.kind.to_string(),
            c.target(),
            native,
            secrets.join(", "),
        ]);
    }
    let widths: Vec<usize> = (0..5)
        .map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, w)| format!("{cell:<w$}"))
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

/// The outcome of `flits channel test`: the exit code and what to print.
#[derive(Debug, PartialEq, Eq)]
pub enum TestOutcome {
    /// Exit 0, print to stdout.
    Ok(String),
    /// Exit 1: the check failed, with the platform's message.
    Failed(String),
    /// Exit 2: no such channel.
    Unknown(String),
}

/// Checks the credentials of channel `id` without posting.
pub async fn test(
    channels: &[ChannelSetting],
    id: &str,
    options: &ClientOptions,
    locale: Locale,
) -> TestOutcome {
    let Some(setting) = channels.iter().find(|c| c.id.as_str() == id) else {
        let known: Vec<&str> = channels.iter().map(|c| c.id.as_str()).collect();
        let known = if known.is_empty() {
            "-".to_owned()
        } else {
            known.join(", ")
        };
        return TestOutcome::Unknown(t!(
            locale,
            "bridge-test-unknown",
            channel = id,
            known = known
        ));
    };
    let failed = |e: SendError| {
        TestOutcome::Failed(t!(
            locale,
            "bridge-test-failed",
            channel = id,
            reason = e.describe(locale)
        ))
    };
    let channel = match flits_bridge::connect(setting, options) {
        Ok(channel) => channel,
        Err(e) => return failed(e.into()),
    };
    match channel.verify().await {
        Ok(v) => match v.account {
            Some(account) => TestOutcome::Ok(t!(
                locale,
                "bridge-test-ok",
                channel = id,
                account = account
            )),
            None => TestOutcome::Ok(t!(locale, "bridge-test-ok-nothing-to-check", channel = id)),
        },
        Err(e) => failed(e),
    }
}
