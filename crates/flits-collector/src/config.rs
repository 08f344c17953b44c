//! The collector's settings (`[collector]` in the configuration).

use flits_http::{ForwardedHeader, TrustedProxies};
use serde::{Deserialize, Serialize};

use crate::theme::ThemeConfig;

/// Settings of the public collector. `config/default.toml` holds the default of each one (the only
/// place that does) and documents it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CollectorConfig {
    /// Responses one network address may record per poll per day (counted in memory under a
    /// keyed hash of the address that rotates daily). Mobile networks put many residents behind
    /// one address, so this is a flood guard, not a one-person-one-vote rule.
    pub responses_per_address_per_poll: u32,
    /// Addresses for the results by e-mail one network address may sign up per poll per day
    /// (counted like the responses), so nobody can sign up other people's addresses in bulk.
    pub results_emails_per_address_per_poll: u32,
    /// Submits (form and JSON) one network address may send per minute.
    pub submits_per_address_per_minute: u32,
    /// How many submits one address may send at once before the per-minute rate applies.
    pub submit_burst_per_address: u32,
    /// Submits the whole process accepts per second, from everyone together.
    pub submits_per_second: u32,
    /// The reverse proxies whose `forwarded_header` is believed (CIDRs or addresses; empty: the
    /// TCP peer is the client). The staff login limiter and `/metrics` use the same rule
    /// (`flits_http::client_addr`; deploy/README.md, "Behind a reverse proxy").
    pub trusted_proxies: TrustedProxies,
    /// Which header the trusted proxies write the client's address into: `x-forwarded-for` or
    /// `forwarded` (RFC 7239). Only this one is read.
    pub forwarded_header: ForwardedHeader,
    /// How long a form's one-time submission token stays valid, in hours (and the form cookie it
    /// is bound to, [`crate::form_cookie`]).
    pub form_token_hours: u32,
    /// How long the "already took part" cookie of a poll lasts, in days.
    pub participation_cookie_days: u32,
    /// Design tokens per organisation (colours, font, logo).
    #[serde(default)]
    pub themes: Vec<ThemeConfig>,
    /// How long polls, organisations and rendered pages are kept in memory, in milliseconds
    /// (0: not at all); what ran out may be given for half this time more while one request
    /// fetches it again (`cache.rs`).
    pub cache_millis: u64,
    /// The origins (`https://www.velsen.nl`) whose pages may show a poll's embed card
    /// (`/p/{slug}/embed`) in a frame; every other page of the collector refuses to be framed.
    pub embed_origins: Vec<String>,
    /// Bench only: answer as if stored but store nothing. Never in production.
    pub bench_discard_responses: bool,
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
                "results_emails_per_address_per_poll",
                self.results_emails_per_address_per_poll,
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
        for (i, origin) in self.embed_origins.iter().enumerate() {
            if !is_origin(origin) {
                problems.push(format!(
                    "setting `collector.embed_origins[{i}]`: {origin:?} is not an origin such as \"https://www.velsen.nl\" (scheme and host, no path)"
                ));
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

/// Whether `s` is an http(s) origin and nothing else: it goes into a header as it is written.
fn is_origin(s: &str) -> bool {
    let Ok(url) = url::Url::parse(s) else {
        return false;
    };
    matches!(url.scheme(), "https" | "http")
        && url.host().is_some()
        && url.path() == "/"
        && !s.ends_with('/')
        && url.query().is_none()
        && url.fragment().is_none()
        && url.username().is_empty()
        && s.chars()
            .all(|c| c.is_ascii_graphic() && c != ';' && c != ',')
}

/// The shipped defaults, read from `config/default.toml`, for tests.
#[cfg(test)]
pub(crate) fn shipped_defaults() -> CollectorConfig {
    let mut all: toml::Table = include_str!("../../../config/default.toml")
        .parse()
        .unwrap();
    all.remove("collector").unwrap().try_into().unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_defaults_are_usable() {
        let shipped = shipped_defaults();
        assert!(shipped.problems().is_empty());
        assert!(shipped.participation_cookie_days > 0 && shipped.themes.is_empty());
        // Out of the box no other site may frame anything.
        assert!(shipped.embed_origins.is_empty());
        // Out of the box no proxy is trusted: the peer is the client.
        assert!(shipped.trusted_proxies.is_empty());
        assert_eq!(shipped.forwarded_header, ForwardedHeader::XForwardedFor);
        let zero = CollectorConfig {
            submits_per_second: 0,
            ..shipped
        };
        assert_eq!(zero.problems().len(), 1);
    }
}
