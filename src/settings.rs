//! Layered configuration: the documented defaults of `config/default.toml` (compiled in), then an
//! operator's file (`--config PATH` / `FLITS_CONFIG`), then `FLITS_*` environment variables.
//!
//! A bad setting stops start-up with a message that names the setting, where it came from and what
//! was expected. Secrets are wrapped so they never print.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Toml};
use flits_runner::delivery::{MAX_LEASE, MIN_LEASE};
use flits_schedule::{AudienceRule, ChannelLimit, QuietPeriod, SpacingPolicy, SpacingRule};
use flits_scheduling::SchedulingPolicy;
use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use url::Url;

use self::aliases::Aliased;

/// The defaults, documented setting by setting.
pub const DEFAULT_TOML: &str = include_str!("../config/default.toml");

/// Environment variables that start with `FLITS_` but are not settings: the config file's name, the
/// test database, and secrets, which are read apart so that they never enter printable settings.
const NOT_SETTINGS: &[&str] = &[
    "config",
    "test_postgres_url",
    "signing_key",
    "signing_key_file",
    "smtp_url",
    "smtp_url_file",
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
    /// Who a regional poll speaks for on residents' pages, link previews and posters ("De
    /// IJmond-gemeenten"); without it, a sentence from the catalogue around `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resident_name: Option<String>,
    /// The region's logo on regional polls: a path on this site or a base64 SVG/PNG data URL, as
    /// a theme's `logo_url` (the CSP blocks other sites).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo_url: Option<String>,
    // Where residents reach the region about its polls, privacy and accessibility.
    /// The website residents go back to (`https://…`), from the thank-you page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// The e-mail address residents write to with questions, about accessibility too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The telephone number residents call (as they should dial it, e.g. "14 0251").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The e-mail address of the data protection officer (functionaris gegevensbescherming),
    /// on the privacy page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_email: Option<String>,
    /// The compliance status of the accessibility statement, by the government's model
    /// (digitoegankelijk.nl): "a" (complies fully), "b" (partly), "c" (first measures taken), "d"
    /// (does not comply). Without it: "c", as long as no independent audit backs a higher one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessibility_status: Option<String>,
    /// The date (YYYY-MM-DD) the accessibility statement was last checked and signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessibility_date: Option<chrono::NaiveDate>,
}

/// An organisation (municipality) from the configuration. Its id is parsed by the
/// [`flits_types::OrgId`] rule when the configuration is read.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganisationSetting {
    pub id: flits_types::OrgId,
    pub name: String,
    pub region: String,
    // Where residents reach the organisation about its polls, privacy and accessibility (its
    // privacy page, its accessibility statement, the thank-you page's way back).
    /// The website residents go back to (`https://…`), from the thank-you page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// The e-mail address residents write to with questions, about accessibility too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The telephone number residents call (as they should dial it, e.g. "14 0251").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The e-mail address of the data protection officer (functionaris gegevensbescherming),
    /// on the privacy page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_email: Option<String>,
    /// The compliance status of the accessibility statement, by the government's model
    /// (digitoegankelijk.nl): "a" (complies fully), "b" (partly), "c" (first measures taken), "d"
    /// (does not comply). Without it: "c", as long as no independent audit backs a higher one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessibility_status: Option<String>,
    /// The date (YYYY-MM-DD) the accessibility statement was last checked and signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessibility_date: Option<chrono::NaiveDate>,
}

/// An audience from the configuration. Its id, its parent's and its organisation's are parsed by
/// the [`flits_types::AudienceId`] and [`flits_types::OrgId`] rules when the configuration is
/// read, so a bad id stops start-up instead of reaching the database.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AudienceSetting {
    pub id: flits_types::AudienceId,
    pub name: String,
    #[serde(default)]
    pub parent: Option<flits_types::AudienceId>,
    #[serde(default)]
    pub organisation: Option<flits_types::OrgId>,
    /// The neighbourhoods (wijken) of the audience, in the order residents see them: the options of
    /// the standard neighbourhood question the poll builder offers for a poll for this audience
    /// (and for a target group inside it without a list of its own). Parsed by the rules of a
    /// question's options, so a list a poll could not ask stops start-up.
    #[serde(
        default,
        skip_serializing_if = "flits_survey::Neighbourhoods::is_empty"
    )]
    pub neighbourhoods: flits_survey::Neighbourhoods,
    /// Organisations besides the audience's own whose comms staff may schedule polls for it
    /// (README.md, "Who may target which audiences"): for a regional audience, which has no
    /// organisation and is otherwise for admins only, or to share a municipality's audience.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub open_to: Vec<flits_types::OrgId>,
}

/// Spacing between polls for overlapping audiences, and per channel (`[spacing]`). A value left
/// out is the shipped rule of [`flits_schedule::SpacingRule::default`], the one place that holds it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpacingSettings {
    #[serde(default = "default_min_gap_days")]
    pub min_gap_days: u32,
    #[serde(default = "default_max_polls")]
    pub max_polls: u32,
    #[serde(default = "default_window_days")]
    pub window_days: u32,
    /// The most poll posts one social-media channel gets in any rolling week (formerly
    /// `scheduler.channel_posts_per_week`, still accepted).
    pub channel_posts_per_week: u32,
    /// Rules for single audiences (`[[spacing.rules]]`); omitted fields come from the default.
    #[serde(default)]
    pub rules: Vec<AudienceRule>,
    /// The most calendar days a poll may be open.
    #[serde(default = "default_max_open_days")]
    pub max_open_days: u32,
    /// How many months ahead a poll may open at the latest.
    #[serde(default = "default_max_months_ahead")]
    pub max_months_ahead: u32,
}

fn default_max_open_days() -> u32 {
    flits_schedule::ScheduleLimits::default().max_open_days
}

fn default_max_months_ahead() -> u32 {
    flits_schedule::ScheduleLimits::default().max_months_ahead
}

fn default_min_gap_days() -> u32 {
    flits_schedule::SpacingRule::default().min_gap_days
}

fn default_max_polls() -> u32 {
    flits_schedule::SpacingRule::default().max_polls
}

fn default_window_days() -> u32 {
    flits_schedule::SpacingRule::default().window_days
}

/// The flash-poll rule of [`flits_survey::validate::DEFAULT_MAX_QUESTIONS`], the one place that
/// holds it.
fn default_weight_cap() -> f64 {
    flits_reach::raking::DEFAULT_CAP
}

fn default_max_questions() -> usize {
    flits_survey::validate::DEFAULT_MAX_QUESTIONS
}

/// Data retention (`[retention]`); the default is in `config/default.toml`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetentionSettings {
    /// Months after a poll's results were published that its responses are deleted; 0: never.
    pub delete_responses_after_months: u32,
}

/// The job runner's settings (`[runner]`; `[scheduler]` is still accepted, see [`aliases`]); their
/// defaults are in `config/default.toml`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunnerSettings {
    /// How often the runner looks for due jobs, in seconds.
    pub tick_seconds: u64,
    /// How long an instance holds a channel post it is sending, in seconds: after a crash
    /// mid-send the post goes out again (with the same idempotency key) once this has passed.
    pub post_lease_seconds: u64,
}

/// The results e-mails to residents who asked for them (`[feedback]`); the default is in
/// `config/default.toml`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedbackSettings {
    /// How long an address waits for its poll's results, in days: a subscription older than this
    /// whose results were not published in this time is deleted unsent.
    pub keep_days: u32,
    /// Days after closing by which results should be published: the dashboard warns after.
    pub due_days: u32,
}

/// The staff service's settings (`[staff]`); their defaults are in `config/default.toml`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffSettings {
    /// How long a login session lasts without activity, in minutes.
    pub session_idle_minutes: u64,
    /// Failed logins in a row for one e-mail address before each further attempt must wait.
    pub max_failed_logins: u32,
    /// The first wait, in seconds; it doubles with each further failure…
    pub login_delay_seconds: u64,
    /// …up to this many minutes.
    pub max_login_delay_minutes: u64,
    /// Login attempts one client address may make per minute (kept in memory only).
    pub login_attempts_per_minute: u32,
}

/// Every setting of Flits. See `config/default.toml` for what each one means.
///
/// Each default is written once: in `config/default.toml`, which is always the first layer, or,
/// for the rules a domain crate ships (`max_questions`, `[spacing]`), in that crate, and then only
/// shown in a comment of `config/default.toml`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub database_url: String,
    pub bind: SocketAddr,
    /// `/metrics` on an address of its own; without it, `/metrics` on `bind` answers only
    /// loopback and the trusted proxies.
    #[serde(default)]
    pub metrics_bind: Option<SocketAddr>,
    /// How long a request body may take to arrive, in seconds.
    pub body_timeout_seconds: u64,
    pub public_url: String,
    pub rate_limits: SwitchValue,
    pub log_format: LogFormat,
    #[serde(default = "default_max_questions")]
    pub max_questions: usize,
    pub k_anonymity: u32,
    /// Export weights are trimmed at this multiple of the mean weight (README.md, "Population
    /// margins"); the default is flits-reach's.
    #[serde(default = "default_weight_cap")]
    pub weight_cap: f64,
    #[serde(default)]
    pub regions: Vec<RegionSetting>,
    #[serde(default)]
    pub organisations: Vec<OrganisationSetting>,
    #[serde(default)]
    pub audiences: Vec<AudienceSetting>,
    pub spacing: SpacingSettings,
    #[serde(default)]
    pub quiet_periods: Vec<QuietPeriod>,
    /// The public collector (`[collector]`).
    pub collector: flits_collector::CollectorConfig,
    /// The job runner (`[runner]`).
    pub runner: RunnerSettings,
    /// Data retention (`[retention]`).
    pub retention: RetentionSettings,
    /// The staff service (`[staff]`).
    pub staff: StaffSettings,
    /// The social-media channels (`[[channels]]`, README.md, "Channels"). Their secrets stay in the
    /// environment variables their `*_env` settings name.
    #[serde(default)]
    pub channels: Vec<flits_bridge::ChannelSetting>,
    /// Outgoing e-mail (`[mail]`).
    #[serde(default)]
    pub mail: MailSettings,
    /// The results e-mails to residents (`[feedback]`).
    pub feedback: FeedbackSettings,
    /// From `FLITS_SIGNING_KEY` or `FLITS_SIGNING_KEY_FILE` only: never from a file, never printed.
    #[serde(skip)]
    pub signing_key: Option<SecretString>,
    /// The SMTP relay, from `FLITS_SMTP_URL` or `FLITS_SMTP_URL_FILE` only: the URL may hold a
    /// password, so it is a secret like the signing key.
    #[serde(skip)]
    pub smtp_url: Option<SecretString>,
}

/// Outgoing e-mail (`[mail]`): the relay comes from `FLITS_SMTP_URL`, the sender from here.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MailSettings {
    /// The sender of every message, e.g. `peiling@gemeente.nl`; no e-mail is sent without one.
    #[serde(default)]
    pub from: Option<flits_types::Email>,
}

impl Settings {
    /// The configured regions' and organisations' names, logos and contact details, for the
    /// collector's pages.
    pub fn publishers(&self) -> flits_collector::Publishers {
        let contact =
            |website: &Option<String>,
             email: &Option<String>,
             phone: &Option<String>,
             privacy_email: &Option<String>,
             status: &Option<String>,
             date: &Option<chrono::NaiveDate>| flits_collector::Contact {
                website: website.clone(),
                email: email.clone(),
                phone: phone.clone(),
                privacy_email: privacy_email.clone(),
                accessibility_status: status.clone(),
                accessibility_date: *date,
            };
        flits_collector::Publishers {
            regions: self
                .regions
                .iter()
                .map(|r| {
                    let profile = flits_collector::RegionProfile {
                        resident_name: r.resident_name.clone(),
                        logo_url: r.logo_url.clone(),
                        contact: contact(
                            &r.website,
                            &r.email,
                            &r.phone,
                            &r.privacy_email,
                            &r.accessibility_status,
                            &r.accessibility_date,
                        ),
                    };
                    (r.id.clone(), profile)
                })
                .collect(),
            organisations: self
                .organisations
                .iter()
                .map(|o| {
                    let details = contact(
                        &o.website,
                        &o.email,
                        &o.phone,
                        &o.privacy_email,
                        &o.accessibility_status,
                        &o.accessibility_date,
                    );
                    (o.id.to_string(), details)
                })
                .collect(),
        }
    }

    /// The relay and sender e-mail channels use, when both are configured.
    pub fn smtp_relay(&self) -> Option<flits_bridge::SmtpRelay> {
        Some(flits_bridge::SmtpRelay {
            url: self.smtp_url.clone()?,
            from: self.mail.from.clone()?,
        })
    }

    /// The relay and sender of the results e-mails: the same as the e-mail channels'.
    pub fn mail_relay(&self) -> Option<flits_mail::Relay> {
        Some(flits_mail::Relay {
            url: self.smtp_url.clone()?,
            from: self.mail.from.clone()?,
        })
    }
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

/// The names Flits used before scheduling (spacing polls) and the job runner got names of their
/// own. They keep working (README.md, "Configuration"): `[scheduler] tick_seconds` is read as
/// `[runner] tick_seconds` and `[scheduler] channel_posts_per_week` as
/// `[spacing] channel_posts_per_week`, in files and as `FLITS_SCHEDULER__*` variables. Within one
/// source the new name wins when both are given; a later source beats an earlier one whichever
/// name it uses.
pub mod aliases {
    use figment::value::{Dict, Map, Value};
    use figment::{Error, Metadata, Profile, Provider};

    /// The old section.
    pub const OLD_SECTION: &str = "scheduler";

    /// Setting of the old section → the section it now lives in.
    pub const MOVED: [(&str, &str); 2] = [
        ("tick_seconds", "runner"),
        ("channel_posts_per_week", "spacing"),
    ];

    /// The section `key` of `[scheduler]` moved to, if it is one of the aliases.
    pub fn new_section(key: &str) -> Option<&'static str> {
        MOVED
            .iter()
            .find(|(old, _)| *old == key)
            .map(|(_, section)| *section)
    }

    /// A source of settings read with the old names moved to the new ones.
    pub struct Aliased<P>(pub P);

    impl<P: Provider> Provider for Aliased<P> {
        fn metadata(&self) -> Metadata {
            self.0.metadata()
        }

        fn data(&self) -> Result<Map<Profile, Dict>, Error> {
            let mut data = self.0.data()?;
            for dict in data.values_mut() {
                move_old_names(dict);
            }
            Ok(data)
        }

        fn profile(&self) -> Option<Profile> {
            self.0.profile()
        }
    }

    /// Moves every aliased key of `[scheduler]` to its new section; anything else stays in
    /// `[scheduler]`, where it is reported as an unknown setting.
    fn move_old_names(dict: &mut Dict) {
        let Some(Value::Dict(tag, old)) = dict.remove(OLD_SECTION) else {
            return;
        };
        let mut rest = Dict::new();
        for (key, value) in old {
            let Some(section) = new_section(&key) else {
                rest.insert(key, value);
                continue;
            };
            match dict
                .entry(section.to_owned())
                .or_insert_with(|| Value::Dict(tag, Dict::new()))
            {
                Value::Dict(_, target) => {
                    target.entry(key).or_insert(value);
                }
                _ => {
                    rest.insert(key, value);
                }
            }
        }
        if !rest.is_empty() {
            dict.insert(OLD_SECTION.to_owned(), Value::Dict(tag, rest));
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
                    format!(" (from environment variable {})", env_name(&err.path))
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

/// The environment variable a setting came from: `FLITS_` + its path, or the old
/// `FLITS_SCHEDULER__*` name when only that one is set.
fn env_name(path: &[String]) -> String {
    let name = |parts: &[String]| format!("FLITS_{}", parts.join("__").to_uppercase());
    let current = name(path);
    if let [section, key] = path
        && aliases::new_section(key) == Some(section.as_str())
        && std::env::var_os(&current).is_none()
    {
        let old = name(&[aliases::OLD_SECTION.to_owned(), key.clone()]);
        if std::env::var_os(&old).is_some() {
            return old;
        }
    }
    current
}

/// Settings that no longer exist, and what took their place. Reading them silently (or as an
/// "unknown field") could leave an operator believing they still act: `trust_forwarded_for = true`
/// would then quietly mean "every resident shares the proxy's address".
pub const REPLACED: &[(&str, &str)] = &[
    (
        "collector.trust_forwarded_for",
        "it was replaced by `collector.trusted_proxies`, the list of your reverse proxies' networks \
         (e.g. trusted_proxies = [\"10.0.0.0/8\"]); X-Forwarded-For is then read from the right, \
         skipping those proxies, so clients can no longer choose their own address. Remove \
         trust_forwarded_for and list your proxies (deploy/README.md, \"Behind a reverse proxy\")",
    ),
    (
        "staff.lockout_minutes",
        "accounts are no longer locked after failed logins; each further attempt waits longer, up \
         to `staff.max_login_delay_minutes` (config/default.toml, [staff]). Remove lockout_minutes, \
         or rename it to max_login_delay_minutes",
    ),
];

/// A problem for every setting of [`REPLACED`] that one of the sources still names.
fn replaced_settings(figment: &Figment) -> Vec<String> {
    REPLACED
        .iter()
        .filter(|(path, _)| figment.find_value(path).is_ok())
        .map(|(path, instead)| {
            let source = match figment.find_metadata(path) {
                Some(md) if md.name.contains("environment") => {
                    let parts: Vec<String> = path.split('.').map(str::to_owned).collect();
                    format!(" (from environment variable {})", env_name(&parts))
                }
                Some(md) => match &md.source {
                    Some(src) => format!(" (from {src})"),
                    None => format!(" (from {})", md.name),
                },
                None => String::new(),
            };
            format!("setting `{path}`{source} no longer exists: {instead}")
        })
        .collect()
}

impl Settings {
    /// Loads the settings: defaults, then `file` (which must exist when given), then the environment.
    pub fn load(file: Option<&Path>) -> Result<Settings, ConfigError> {
        let mut figment = Figment::from(Aliased(Toml::string(DEFAULT_TOML)));
        if let Some(path) = file {
            if !path.is_file() {
                return Err(ConfigError::one(format!(
                    "the configuration file {} does not exist or is not a file",
                    path.display()
                )));
            }
            figment = figment.merge(Aliased(Toml::file(path)));
        }
        let secret_variables = channel_secret_variables(&figment);
        figment = figment.merge(Aliased(env_provider(secret_variables)));
        let replaced = replaced_settings(&figment);
        if !replaced.is_empty() {
            return Err(ConfigError { problems: replaced });
        }
        let mut settings: Settings = figment.extract().map_err(|e| ConfigError {
            problems: describe(e),
        })?;
        settings.signing_key = secret_from_env("FLITS_SIGNING_KEY").map_err(ConfigError::one)?;
        settings.smtp_url = secret_from_env("FLITS_SMTP_URL").map_err(ConfigError::one)?;
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
        let (min_lease, max_lease) = (MIN_LEASE.as_secs(), MAX_LEASE.as_secs());
        if !(min_lease..=max_lease).contains(&self.runner.post_lease_seconds) {
            problems.push(format!(
                "setting `runner.post_lease_seconds`: expected {min_lease} to {max_lease}, found {}",
                self.runner.post_lease_seconds
            ));
        }
        if self.feedback.due_days == 0 {
            problems.push("setting `feedback.due_days`: expected at least 1".to_owned());
        }
        if self.feedback.keep_days == 0 {
            problems.push("setting `feedback.keep_days`: expected at least 1".to_owned());
        }
        if self.weight_cap.is_nan() || self.weight_cap < 1.0 {
            problems.push("setting `weight_cap`: expected a number of at least 1".to_owned());
        }
        if !(1..=3600).contains(&self.body_timeout_seconds) {
            problems.push(format!(
                "setting `body_timeout_seconds`: expected 1 to 3600, found {}",
                self.body_timeout_seconds
            ));
        }
        if self.metrics_bind == Some(self.bind) && self.bind.port() != 0 {
            problems.push(format!(
                "setting `metrics_bind`: must differ from `bind` ({}), or be left out",
                self.bind
            ));
        }
        for (name, value) in [
            (
                "staff.max_failed_logins",
                u64::from(self.staff.max_failed_logins),
            ),
            ("staff.login_delay_seconds", self.staff.login_delay_seconds),
            (
                "staff.max_login_delay_minutes",
                self.staff.max_login_delay_minutes,
            ),
            (
                "staff.login_attempts_per_minute",
                u64::from(self.staff.login_attempts_per_minute),
            ),
        ] {
            if value == 0 {
                problems.push(format!("setting `{name}`: expected at least 1"));
            }
        }
        if self.staff.login_delay_seconds > self.staff.max_login_delay_minutes.saturating_mul(60) {
            problems.push(format!(
                "setting `staff.login_delay_seconds`: the first wait ({} s) is longer than the longest, `staff.max_login_delay_minutes` ({} min)",
                self.staff.login_delay_seconds, self.staff.max_login_delay_minutes
            ));
        }
        if self.k_anonymity < 2 {
            problems.push("setting `k_anonymity`: expected at least 2".to_owned());
        }
        if self.spacing.window_days == 0 || self.spacing.max_polls == 0 {
            problems
                .push("setting `spacing`: window_days and max_polls must be at least 1".to_owned());
        }
        if self.spacing.max_open_days == 0 || self.spacing.max_months_ahead == 0 {
            problems.push(
                "setting `spacing`: max_open_days and max_months_ahead must be at least 1"
                    .to_owned(),
            );
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
        let from_bind = format!("http://{}", self.bind);
        let raw = if self.public_url.is_empty() {
            from_bind.as_str()
        } else {
            self.public_url.as_str()
        };
        // `check` has verified public_url, and a SocketAddr always forms a valid URL.
        Url::parse(raw)
            .or_else(|_| Url::parse(&from_bind))
            .unwrap_or_else(|_| unreachable!())
    }

    /// The rules scheduling keeps, built once at start-up for the scheduling service.
    pub fn scheduling_policy(&self) -> SchedulingPolicy {
        SchedulingPolicy {
            spacing: SpacingPolicy {
                default: SpacingRule {
                    min_gap_days: self.spacing.min_gap_days,
                    max_polls: self.spacing.max_polls,
                    window_days: self.spacing.window_days,
                },
                rules: self.spacing.rules.clone(),
            },
            quiet_periods: self.quiet_periods.clone(),
            channel_limit: ChannelLimit {
                max_posts_per_week: self.spacing.channel_posts_per_week,
            },
            max_questions: self.max_questions,
            limits: flits_schedule::ScheduleLimits {
                max_open_days: self.spacing.max_open_days,
                max_months_ahead: self.spacing.max_months_ahead,
            },
            open_to: self
                .audiences
                .iter()
                .filter(|a| !a.open_to.is_empty())
                .map(|a| {
                    let orgs = a.open_to.iter().map(|o| o.as_str().to_owned()).collect();
                    (a.id.as_str().to_owned(), orgs)
                })
                .collect(),
        }
    }

    /// How the client address of a request is found (`[collector] trusted_proxies` and
    /// `forwarded_header`), for every service of the process.
    pub fn client_addresses(&self) -> flits_http::ClientAddresses {
        flits_http::ClientAddresses::new(
            self.collector.trusted_proxies.clone(),
            self.collector.forwarded_header,
        )
    }

    /// The growing wait after failed logins (`[staff]`).
    pub fn login_backoff(&self) -> flits_staff::throttle::Backoff {
        flits_staff::throttle::Backoff {
            free_failures: self.staff.max_failed_logins,
            first_delay: std::time::Duration::from_secs(self.staff.login_delay_seconds),
            max_delay: std::time::Duration::from_secs(
                self.staff.max_login_delay_minutes.saturating_mul(60),
            ),
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The defaults a domain crate holds are shown, not set, in `config/default.toml`: the comment
    /// must say what the code does.
    #[test]
    fn default_toml_shows_the_domain_defaults_it_does_not_set() {
        let rule = flits_schedule::SpacingRule::default();
        for (name, value) in [
            ("max_questions", default_max_questions().to_string()),
            ("weight_cap", format!("{:.1}", default_weight_cap())),
            ("min_gap_days", rule.min_gap_days.to_string()),
            ("max_polls", rule.max_polls.to_string()),
            ("window_days", rule.window_days.to_string()),
            ("max_open_days", default_max_open_days().to_string()),
            ("max_months_ahead", default_max_months_ahead().to_string()),
        ] {
            let shown = format!("\n# {name} = {value}\n");
            assert!(
                DEFAULT_TOML.contains(&shown),
                "{shown:?} not in default.toml"
            );
            let set = format!("\n{name} =");
            assert!(!DEFAULT_TOML.contains(&set), "default.toml sets {name}");
        }
        let settings = Settings::load(None).unwrap();
        assert_eq!(settings.max_questions, default_max_questions());
        assert_eq!(settings.spacing.min_gap_days, rule.min_gap_days);
        assert_eq!(settings.spacing.max_polls, rule.max_polls);
        assert_eq!(settings.spacing.window_days, rule.window_days);
        assert_eq!(
            settings.scheduling_policy().limits,
            flits_schedule::ScheduleLimits::default()
        );
    }

    /// The commented example of regions, organisations and audiences in `config/default.toml`
    /// reads, neighbourhoods included, when its comment marks are taken away.
    #[test]
    fn the_documented_structure_example_reads() {
        #[derive(Deserialize)]
        struct Example {
            regions: Vec<RegionSetting>,
            organisations: Vec<OrganisationSetting>,
            audiences: Vec<AudienceSetting>,
        }
        let start = DEFAULT_TOML.find("# [[regions]]").unwrap();
        let end = start + DEFAULT_TOML[start..].find("\n\n").unwrap();
        let example: String = DEFAULT_TOML[start..end]
            .lines()
            .map(|l| l.strip_prefix("# ").unwrap_or(l.trim_start_matches('#')))
            .collect::<Vec<_>>()
            .join("\n");
        let read: Example = Figment::from(Toml::string(&example)).extract().unwrap();
        assert_eq!(read.regions.len(), 1);
        assert_eq!(read.organisations.len(), 1);
        let names: Vec<&str> = read.audiences[0]
            .neighbourhoods
            .iter()
            .map(|n| n.name())
            .collect();
        assert_eq!(names, ["IJmuiden", "Velsen-Zuid", "Driehuis"]);
    }

    #[test]
    fn the_public_base_falls_back_to_the_bind_address() {
        let mut settings = Settings::load(None).unwrap();
        settings.public_url = String::new();
        settings.bind = "127.0.0.1:9123".parse().unwrap();
        assert_eq!(settings.public_base().as_str(), "http://127.0.0.1:9123/");
        settings.public_url = "https://peiling.example.nl".to_owned();
        assert_eq!(
            settings.public_base().as_str(),
            "https://peiling.example.nl/"
        );
    }
}
