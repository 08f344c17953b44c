//! One `[[channels]]` entry of the configuration (README.md, "Channels"), as operators write it.
//!
//! The entry holds no secret: every `*_env` setting names an environment variable that holds one
//! (read only when the channel is used, see [`crate::secret`]). So the whole entry can be printed by
//! `flits config` and `flits channel list`. One flat struct for every kind keeps the file format
//! simple; [`ChannelSetting::problems`] says which settings a kind needs.

use flits_types::ChannelId;
use serde::{Deserialize, Serialize};
use url::Url;

/// The platforms a channel can post to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChannelKind {
    /// A Mastodon server (the Dutch government runs its own).
    Mastodon,
    /// X (formerly Twitter), API v2.
    X,
    /// A Facebook page, Graph API.
    Facebook,
    /// A signed JSON POST to any URL (Teams, Slack, Zapier, an intranet).
    Webhook,
    /// An e-mail to fixed addresses (a newsletter editor, a local paper's newsroom).
    Email,
}

impl ChannelKind {
    /// The name used in the configuration and in template file names.
    pub fn as_str(self) -> &'static str {
        match self {
            ChannelKind::Mastodon => "mastodon",
            ChannelKind::X => "x",
            ChannelKind::Facebook => "facebook",
            ChannelKind::Webhook => "webhook",
            ChannelKind::Email => "email",
        }
    }
}

impl std::fmt::Display for ChannelKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who sees a Mastodon post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Visibility {
    /// Everyone, also on public timelines.
    #[default]
    Public,
    /// Everyone with the link, but not on public timelines.
    Unlisted,
    /// Followers only.
    Private,
}

impl Visibility {
    /// The value of Mastodon's `visibility` parameter.
    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Unlisted => "unlisted",
            Visibility::Private => "private",
        }
    }
}

/// A configured channel. Which fields a kind uses is in README.md, "Channels"; the others stay empty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelSetting {
    /// Also the `?c=` value of the links posted there.
    pub id: ChannelId,
    pub kind: ChannelKind,
    /// mastodon: the server, e.g. `https://social.example.nl`. x, facebook: the API's base, for
    /// a proxy or a test server (default `https://api.x.com`, `https://graph.facebook.com/v21.0`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<Url>,
    /// mastodon, facebook: the variable holding the access token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_env: Option<String>,
    /// mastodon, x: also post the first single-choice question as a native poll.
    #[serde(default)]
    pub native_poll: bool,
    /// mastodon: who sees the post (default public).
    #[serde(default)]
    pub visibility: Visibility,
    /// x: the variables of the four OAuth 1.0a user-context secrets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_key_env: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_secret_env: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_token_env: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_secret_env: Option<String>,
    /// facebook: the page's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_id: Option<String>,
    /// webhook: where the JSON goes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Url>,
    /// webhook: the variable holding the HMAC key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_env: Option<String>,
    /// email: the addresses the announcement goes to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub to: Vec<flits_types::Email>,
    /// Requests per minute this channel may send (a governor quota); the kind's default when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requests_per_minute: Option<u32>,
}

/// A setting a kind needs or cannot use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Field {
    name: &'static str,
    present: bool,
}

impl ChannelSetting {
    /// The names of the environment variables this channel reads its secrets from, in the order
    /// of the settings. The settings loader keeps them out of its `FLITS_*` settings.
    pub fn secret_variables(&self) -> Vec<&str> {
        [
            &self.token_env,
            &self.api_key_env,
            &self.api_secret_env,
            &self.access_token_env,
            &self.access_secret_env,
            &self.secret_env,
        ]
        .into_iter()
        .filter_map(|v| v.as_deref())
        .collect()
    }

    /// Where posts go, for people: the server, URL, page or number of addresses. Never a secret.
    pub fn target(&self) -> String {
        match self.kind {
            ChannelKind::Mastodon => self
                .base_url
                .as_ref()
                .map(|u| u.to_string())
                .unwrap_or_default(),
            ChannelKind::X => self
                .base_url
                .as_ref()
                .map_or_else(|| "https://api.x.com/".to_owned(), |u| u.to_string()),
            ChannelKind::Facebook => format!("page {}", self.page_id.clone().unwrap_or_default()),
            ChannelKind::Webhook => self
                .url
                .as_ref()
                .map(|u| format!("{}://{}", u.scheme(), u.host_str().unwrap_or_default()))
                .unwrap_or_default(),
            ChannelKind::Email => self.to.len().to_string(),
        }
    }

    /// What is wrong with this entry for its kind: missing settings, settings of another kind,
    /// variable names that cannot be environment variables. Empty when it is usable.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let f = |name, present| Field { name, present };
        let all = [
            f("base_url", self.base_url.is_some()),
            f("token_env", self.token_env.is_some()),
            f("native_poll", self.native_poll),
            f("visibility", self.visibility != Visibility::default()),
            f("api_key_env", self.api_key_env.is_some()),
            f("api_secret_env", self.api_secret_env.is_some()),
            f("access_token_env", self.access_token_env.is_some()),
            f("access_secret_env", self.access_secret_env.is_some()),
            f("page_id", self.page_id.is_some()),
            f("url", self.url.is_some()),
            f("secret_env", self.secret_env.is_some()),
            f("to", !self.to.is_empty()),
        ];
        let (needed, optional): (&[&str], &[&str]) = match self.kind {
            ChannelKind::Mastodon => (&["base_url", "token_env"], &["native_poll", "visibility"]),
            ChannelKind::X => (
                &[
                    "api_key_env",
                    "api_secret_env",
                    "access_token_env",
                    "access_secret_env",
                ],
                &["native_poll", "base_url"],
            ),
            ChannelKind::Facebook => (&["page_id", "token_env"], &["base_url"]),
            ChannelKind::Webhook => (&["url", "secret_env"], &[]),
            ChannelKind::Email => (&["to"], &[]),
        };
        for field in all {
            if needed.contains(&field.name) && !field.present {
                problems.push(format!(
                    "channel {:?}: kind {} needs `{}`",
                    self.id.as_str(),
                    self.kind,
                    field.name
                ));
            } else if field.present
                && !needed.contains(&field.name)
                && !optional.contains(&field.name)
            {
                problems.push(format!(
                    "channel {:?}: kind {} has no setting `{}`",
                    self.id.as_str(),
                    self.kind,
                    field.name
                ));
            }
        }
        for name in self.secret_variables() {
            if !is_variable_name(name) {
                problems.push(format!(
                    "channel {:?}: {name:?} is not an environment variable name (letters, digits and _)",
                    self.id.as_str()
                ));
            }
        }
        for url in [&self.base_url, &self.url].into_iter().flatten() {
            if !matches!(url.scheme(), "http" | "https") || !url.has_host() {
                problems.push(format!(
                    "channel {:?}: expected an absolute http(s) URL, found {:?}",
                    self.id.as_str(),
                    url.as_str()
                ));
            }
        }
        if self.requests_per_minute == Some(0) {
            problems.push(format!(
                "channel {:?}: requests_per_minute must be at least 1",
                self.id.as_str()
            ));
        }
        problems
    }
}

fn is_variable_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with(|c: char| c.is_ascii_digit())
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Every problem of a list of channels: each entry's own, and ids used twice.
pub fn check_channels(channels: &[ChannelSetting]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for c in channels {
        if !seen.insert(c.id.as_str()) {
            problems.push(format!("channel {:?} is configured twice", c.id.as_str()));
        }
        problems.extend(c.problems());
    }
    problems
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn parse(json: serde_json::Value) -> ChannelSetting {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn a_complete_mastodon_channel_has_no_problems() {
        let c = parse(serde_json::json!({
            "id": "mastodon-velsen", "kind": "mastodon", "base_url": "https://social.example.nl",
            "token_env": "ANY_NAME_AT_ALL", "native_poll": true}));
        assert!(c.problems().is_empty(), "{:?}", c.problems());
        assert_eq!(c.secret_variables(), vec!["ANY_NAME_AT_ALL"]);
    }

    #[test]
    fn missing_and_foreign_settings_are_named() {
        let c = parse(serde_json::json!({
            "id": "hook", "kind": "webhook", "url": "https://hooks.example.nl/x",
            "page_id": "123"}));
        let problems = c.problems().join("\n");
        assert!(problems.contains("needs `secret_env`"), "{problems}");
        assert!(problems.contains("has no setting `page_id`"), "{problems}");
    }

    #[test]
    fn bad_variable_names_and_duplicate_ids_are_refused() {
        let c = parse(serde_json::json!({
            "id": "fb", "kind": "facebook", "page_id": "1", "token_env": "NOT A NAME"}));
        assert_eq!(c.problems().len(), 1);
        let problems = check_channels(&[c.clone(), c]);
        assert!(problems.iter().any(|p| p.contains("configured twice")));
    }

    #[test]
    fn unknown_settings_and_bad_ids_do_not_parse() {
        let bad = serde_json::json!({"id": "Mastodon", "kind": "mastodon"});
        assert!(serde_json::from_value::<ChannelSetting>(bad).is_err());
        let bad = serde_json::json!({"id": "m", "kind": "mastodon", "token": "x"});
        assert!(serde_json::from_value::<ChannelSetting>(bad).is_err());
    }
}
