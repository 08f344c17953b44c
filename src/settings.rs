//! Layered configuration: the documented defaults of `config/default.toml` (compiled in), then an
//! operator's file (`--config PATH` / `FLITS_CONFIG`), then `FLITS_*` environment variables.
//!
//! A bad setting stops start-up with a message that names the setting, where it came from and what
//! was expected. Secrets are wrapped so they never print.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Toml};
use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use url::Url;

/// The defaults, documented setting by setting.
pub const DEFAULT_TOML: &str = include_str!("../config/default.toml");

/// Environment variables that start with `FLITS_` but are not settings: the config file's name, the
/// test database, and secrets, which are read apart so that they never enter printable settings.
const NOT_SETTINGS: &[&str] = &[
    "config",
    "test_postgres_url",
    "signing_key",
    "signing_key_file",
];

/// "on" or "off" (also accepts true/false).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Switch {
    On,
    Off,
}

impl<'de> Deserialize<'de> for SwitchValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Bool(bool),
            Text(String),
        }
        match Raw::deserialize(d)? {
            Raw::Bool(b) => Ok(SwitchValue(if b { Switch::On } else { Switch::Off })),
            Raw::Text(s) => match s.to_ascii_lowercase().as_str() {
                "on" | "true" | "yes" => Ok(SwitchValue(Switch::On)),
                "off" | "false" | "no" => Ok(SwitchValue(Switch::Off)),
                _ => Err(serde::de::Error::custom(format!(
                    "expected \"on\" or \"off\", found {s:?}"
                ))),
            },
        }
    }
}

/// A switch setting as written by people: `on`/`off`/`true`/`false`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct SwitchValue(pub Switch);

impl SwitchValue {
    pub fn is_on(self) -> bool {
        self.0 == Switch::On
    }
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

/// A region from the configuration.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionSetting {
    pub id: String,
    pub name: String,
}

/// An organisation (municipality) from the configuration.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganisationSetting {
    pub id: String,
    pub name: String,
    pub region: String,
}

/// An audience from the configuration.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AudienceSetting {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default)]
    pub organisation: Option<String>,
}

/// A spacing rule for one audience; omitted fields come from the default rule.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AudienceRuleSetting {
    pub audience: String,
    #[serde(default)]
    pub min_gap_days: Option<u32>,
    #[serde(default)]
    pub max_polls: Option<u32>,
    #[serde(default)]
    pub window_days: Option<u32>,
}

/// Spacing between polls for overlapping audiences.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpacingSettings {
    pub min_gap_days: u32,
    pub max_polls: u32,
    pub window_days: u32,
    #[serde(default)]
    pub rules: Vec<AudienceRuleSetting>,
}

/// A period without polls.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuietPeriodSetting {
    pub from: chrono::NaiveDate,
    pub to: chrono::NaiveDate,
    pub reason: String,
    pub audiences: Vec<String>,
}

/// The job runner's settings (`[scheduler]`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SchedulerSettings {
    /// How often the runner looks for due jobs, in seconds.
    pub tick_seconds: u64,
    /// The most poll posts one social-media channel gets in any rolling week.
    pub channel_posts_per_week: u32,
}

impl Default for SchedulerSettings {
    fn default() -> Self {
        SchedulerSettings {
            tick_seconds: 15,
            channel_posts_per_week: 2,
        }
    }
}

/// The staff service's settings (`[staff]`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct StaffSettings {
    /// How long a login session lasts without activity, in minutes.
    pub session_idle_minutes: u64,
    /// Failed logins per account before it is locked for `lockout_minutes`.
    pub max_failed_logins: u32,
    /// How long a locked account (or a client over its login rate) waits, in minutes.
    pub lockout_minutes: u64,
    /// Login attempts one client address may make per minute (kept in memory only).
    pub login_attempts_per_minute: u32,
}

impl Default for StaffSettings {
    fn default() -> Self {
        StaffSettings {
            session_idle_minutes: 120,
            max_failed_logins: 5,
            lockout_minutes: 15,
            login_attempts_per_minute: 10,
        }
    }
}

/// Every setting of Flits. See `config/default.toml` for what each one means.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub database_url: String,
    pub bind: SocketAddr,
    pub public_url: String,
    pub rate_limits: SwitchValue,
    pub log_format: LogFormat,
    pub max_questions: usize,
    pub k_anonymity: u32,
    #[serde(default)]
    pub regions: Vec<RegionSetting>,
    #[serde(default)]
    pub organisations: Vec<OrganisationSetting>,
    #[serde(default)]
    pub audiences: Vec<AudienceSetting>,
    pub spacing: SpacingSettings,
    #[serde(default)]
    pub quiet_periods: Vec<QuietPeriodSetting>,
    /// The public collector (`[collector]`).
    #[serde(default)]
    pub collector: flits_collector::CollectorConfig,
    /// The job runner (`[scheduler]`).
    #[serde(default)]
    pub scheduler: SchedulerSettings,
    /// The staff service (`[staff]`).
    #[serde(default)]
    pub staff: StaffSettings,
    /// The social-media channels (`[[channels]]`, CONTRACT section 6). Their secrets stay in the
    /// environment variables their `*_env` settings name.
    #[serde(default)]
    pub channels: Vec<flits_bridge::ChannelSetting>,
    /// From `FLITS_SIGNING_KEY` or `FLITS_SIGNING_KEY_FILE` only: never from a file, never printed.
    #[serde(skip)]
    pub signing_key: Option<SecretString>,
}

/// A configuration that cannot be used, with every problem named.
#[derive(Debug, thiserror::Error)]
#[error("invalid configuration:\n{}", .problems.iter().map(|p| format!("  - {p}")).collect::<Vec<_>>().join("\n"))]
pub struct ConfigError {
    pub problems: Vec<String>,
}

impl ConfigError {
    fn one(problem: impl Into<String>) -> Self {
        ConfigError {
            problems: vec![problem.into()],
        }
    }
}

/// `secret_variables`: the variables named by channels' `*_env` settings (lower case, without
/// `FLITS_`). They may have any name, also one starting with `FLITS_`; they hold secrets, not
/// settings, so they are left out here and never reach the printable settings.
fn env_provider(secret_variables: Vec<String>) -> Env {
    Env::prefixed("FLITS_").split("__").filter(move |key| {
        let key = key.as_str().to_ascii_lowercase();
        let channel_secret = key.starts_with("channel_") && key.ends_with("_token");
        let named_secret = secret_variables
            .iter()
            .any(|v| *v == key || key.strip_suffix("_file") == Some(v.as_str()));
        // FLITS_TEST_* belong to the test harness (databases, browser tools), never to Flits itself.
        let test_harness = key.starts_with("test_");
        !(NOT_SETTINGS.contains(&key.as_str()) || channel_secret || named_secret || test_harness)
    })
}

/// The variables that `*_env` settings of `[[channels]]` name, from the files read so far, as the
/// environment provider sees them. Read from the raw values, so that a broken channel entry still
/// keeps its secrets out (its own error is reported by the real extraction).
fn channel_secret_variables(figment: &Figment) -> Vec<String> {
    let Ok(channels) = figment.find_value("channels") else {
        return Vec::new();
    };
    channels
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c.as_dict())
        .flat_map(|dict| dict.iter())
        .filter(|(k, _)| k.ends_with("_env"))
        .filter_map(|(_, v)| v.as_str())
        .filter_map(|name| {
            let lower = name.to_ascii_lowercase();
            lower.strip_prefix("flits_").map(str::to_owned)
        })
        .collect()
}

fn describe(e: figment::Error) -> Vec<String> {
    e.into_iter()
        .map(|err| {
            let setting = if err.path.is_empty() {
                "(top level)".to_owned()
            } else {
                err.path.join(".")
            };
            let source = match err.metadata.as_ref() {
                Some(md) if md.name.contains("environment") => {
                    format!(
                        " (from environment variable FLITS_{})",
                        err.path.join("__").to_uppercase()
                    )
                }
                Some(md) => match &md.source {
                    Some(src) => format!(" (from {src})"),
                    None => format!(" (from {})", md.name),
                },
                None => String::new(),
            };
            format!("setting `{setting}`{source}: {}", err.kind)
        })
        .collect()
}

impl Settings {
    /// Loads the settings: defaults, then `file` (which must exist when given), then the environment.
    pub fn load(file: Option<&Path>) -> Result<Settings, ConfigError> {
        let mut figment = Figment::from(Toml::string(DEFAULT_TOML));
        if let Some(path) = file {
            if !path.is_file() {
                return Err(ConfigError::one(format!(
                    "the configuration file {} does not exist or is not a file",
                    path.display()
                )));
            }
            figment = figment.merge(Toml::file(path));
        }
        let secret_variables = channel_secret_variables(&figment);
        figment = figment.merge(env_provider(secret_variables));
        let mut settings: Settings = figment.extract().map_err(|e| ConfigError {
            problems: describe(e),
        })?;
        settings.signing_key = secret_from_env("FLITS_SIGNING_KEY").map_err(ConfigError::one)?;
        settings.check()?;
        Ok(settings)
    }

    /// Checks what types alone cannot.
    fn check(&self) -> Result<(), ConfigError> {
        let mut problems = Vec::new();
        if !(self.database_url.starts_with("sqlite:")
            || self.database_url.starts_with("postgres://")
            || self.database_url.starts_with("postgresql://"))
        {
            problems.push(format!(
                "setting `database_url`: expected a URL starting with sqlite: or postgres://, found {:?}",
                flits_store_redact(&self.database_url)
            ));
        }
        if !self.public_url.is_empty() {
            match Url::parse(&self.public_url) {
                Ok(u) if matches!(u.scheme(), "http" | "https") && u.has_host() => {}
                _ => problems.push(format!(
                    "setting `public_url`: expected an absolute http(s) URL such as https://peiling.example.nl, found {:?}",
                    self.public_url
                )),
            }
        }
        if self.max_questions == 0 {
            problems.push("setting `max_questions`: expected at least 1".to_owned());
        }
        if self.k_anonymity < 2 {
            problems.push("setting `k_anonymity`: expected at least 2".to_owned());
        }
        if self.spacing.window_days == 0 || self.spacing.max_polls == 0 {
            problems
                .push("setting `spacing`: window_days and max_polls must be at least 1".to_owned());
        }
        for (i, q) in self.quiet_periods.iter().enumerate() {
            if q.to < q.from {
                problems.push(format!(
                    "setting `quiet_periods[{i}]`: `to` ({}) is before `from` ({})",
                    q.to, q.from
                ));
            }
        }
        problems.extend(flits_bridge::check_channels(&self.channels));
        if problems.is_empty() {
            Ok(())
        } else {
            Err(ConfigError { problems })
        }
    }

    /// The absolute public base URL: `public_url`, or `http://{bind}` when it is empty.
    pub fn public_base(&self) -> Url {
        let raw = if self.public_url.is_empty() {
            format!("http://{}", self.bind)
        } else {
            self.public_url.clone()
        };
        Url::parse(&raw).unwrap_or_else(|_| {
            // `check` has verified public_url, and a SocketAddr always forms a valid URL.
            Url::parse("http://127.0.0.1:8080").unwrap_or_else(|_| unreachable!())
        })
    }

    /// Whether the collector's per-address caps and rate limits are on.
    pub fn rate_limits_on(&self) -> bool {
        self.rate_limits.is_on()
    }
}

/// A secret from `NAME` or from the file named by `NAME_FILE` (for container secrets).
pub fn secret_from_env(name: &str) -> Result<Option<SecretString>, String> {
    if let Ok(v) = std::env::var(name) {
        return Ok(Some(SecretString::from(v)));
    }
    let file_var = format!("{name}_FILE");
    match std::env::var(&file_var) {
        Ok(path) => std::fs::read_to_string(PathBuf::from(&path))
            .map(|s| Some(SecretString::from(s.trim().to_owned())))
            .map_err(|e| format!("setting `{file_var}`: cannot read {path}: {e}")),
        Err(_) => Ok(None),
    }
}

fn flits_store_redact(url: &str) -> String {
    match url.split_once('@') {
        Some((_, host)) => format!("…@{host}"),
        None => url.to_owned(),
    }
}
