//! The collector's settings (`[collector]` in the configuration).

use serde::{Deserialize, Serialize};

use crate::theme::ThemeConfig;

/// Settings of the public collector. Every field has a default so a configuration may omit the
/// whole section; `config/default.toml` documents each one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CollectorConfig {
    /// Responses one network address may record per poll per day (counted in memory under a
    /// keyed hash of the address that rotates daily). Mobile networks put many residents behind
    /// one address, so this is a flood guard, not a one-person-one-vote rule.
    pub responses_per_address_per_poll: u32,
    /// Submits (form and JSON) one network address may send per minute.
    pub submits_per_address_per_minute: u32,
    /// How many submits one address may send at once before the per-minute rate applies.
    pub submit_burst_per_address: u32,
    /// Submits the whole process accepts per second, from everyone together.
    pub submits_per_second: u32,
    /// Take the client address from `X-Forwarded-For`/`Forwarded` (only behind a proxy you run).
    pub trust_forwarded_for: bool,
    /// How long a form's one-time submission token stays valid, in hours.
    pub form_token_hours: u32,
    /// How long the "already took part" cookie of a poll lasts, in days.
    pub participation_cookie_days: u32,
    /// Design tokens per organisation (colours, font, logo).
    pub themes: Vec<ThemeConfig>,
    /// How long polls, organisations and rendered pages are kept in memory, in milliseconds
    /// (0: not at all).
    pub cache_millis: u64,
    /// Bench only: answer as if stored but store nothing. Never in production.
    pub bench_discard_responses: bool,
}

impl Default for CollectorConfig {
    fn default() -> Self {
        CollectorConfig {
            responses_per_address_per_poll: 50,
            submits_per_address_per_minute: 60,
            submit_burst_per_address: 30,
            submits_per_second: 2000,
            trust_forwarded_for: false,
            form_token_hours: 72,
            participation_cookie_days: 180,
            themes: Vec::new(),
            cache_millis: 1000,
            bench_discard_responses: false,
        }
    }
}

impl CollectorConfig {
    /// Checks what types alone cannot; every problem names its setting.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for (name, value) in [
            (
                "responses_per_address_per_poll",
                self.responses_per_address_per_poll,
            ),
            (
                "submits_per_address_per_minute",
                self.submits_per_address_per_minute,
            ),
            ("submit_burst_per_address", self.submit_burst_per_address),
            ("submits_per_second", self.submits_per_second),
            ("form_token_hours", self.form_token_hours),
            ("participation_cookie_days", self.participation_cookie_days),
        ] {
            if value == 0 {
                problems.push(format!("setting `collector.{name}`: expected at least 1"));
            }
        }
        let mut seen = std::collections::BTreeSet::new();
        for (i, theme) in self.themes.iter().enumerate() {
            if !seen.insert(theme.organisation.as_str()) {
                problems.push(format!(
                    "setting `collector.themes[{i}]`: a second theme for organisation {:?}",
                    theme.organisation
                ));
            }
            for p in theme.problems() {
                problems.push(format!("setting `collector.themes[{i}]`: {p}"));
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_usable() {
        assert!(CollectorConfig::default().problems().is_empty());
        let zero = CollectorConfig {
            submits_per_second: 0,
            ..CollectorConfig::default()
        };
        assert_eq!(zero.problems().len(), 1);
    }
}
