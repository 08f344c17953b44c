//! How long a platform asks us to wait, read from its headers.
//!
//! In order of preference:
//! - `Retry-After` (RFC 9110): seconds, or an HTTP date;
//! - `X-RateLimit-Reset` (Mastodon: an ISO 8601 time) or `x-rate-limit-reset` (X: Unix seconds);
//!   header names are case-insensitive, so one lookup serves both.
//!
//! A time in the past means "now" (zero); a value we cannot read means "not said" (`None`), and the
//! outbox then uses its own backoff.

use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::header::HeaderMap;

/// The delay asked for by `headers`, measured from `now`.
pub fn retry_after(headers: &HeaderMap, now: DateTime<Utc>) -> Option<Duration> {
    header(headers, "retry-after")
        .and_then(|v| parse_retry_after(v, now))
        .or_else(|| header(headers, "x-ratelimit-reset").and_then(|v| parse_reset(v, now)))
        .or_else(|| header(headers, "x-rate-limit-reset").and_then(|v| parse_reset(v, now)))
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
}

/// `Retry-After`: delta seconds or an HTTP date (IMF-fixdate, which RFC 2822 parsing accepts).
fn parse_retry_after(value: &str, now: DateTime<Utc>) -> Option<Duration> {
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    DateTime::parse_from_rfc2822(value)
        .ok()
        .map(|at| until(at.with_timezone(&Utc), now))
}

/// `X-RateLimit-Reset`: an RFC 3339 time (Mastodon) or Unix seconds (X).
fn parse_reset(value: &str, now: DateTime<Utc>) -> Option<Duration> {
    if let Ok(epoch) = value.parse::<i64>() {
        return DateTime::from_timestamp(epoch, 0).map(|at| until(at, now));
    }
    DateTime::parse_from_rfc3339(value)
        .ok()
        .map(|at| until(at.with_timezone(&Utc), now))
}

fn until(at: DateTime<Utc>, now: DateTime<Utc>) -> Duration {
    // Round up: waiting a fraction of a second too long is harmless, too short costs another 429.
    let millis = (at - now).num_milliseconds().max(0);
    Duration::from_secs(u64::try_from(millis).unwrap_or(0).div_ceil(1000))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use reqwest::header::HeaderValue;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_str(v).unwrap());
        }
        h
    }

    #[test]
    fn seconds_dates_and_resets_are_read() {
        let now = at("2026-11-29T12:00:00Z");
        let d =
            |pairs: &[(&'static str, &str)]| retry_after(&headers(pairs), now).map(|d| d.as_secs());
        assert_eq!(d(&[("retry-after", "120")]), Some(120));
        assert_eq!(
            d(&[("retry-after", "Sun, 29 Nov 2026 12:01:30 GMT")]),
            Some(90)
        );
        assert_eq!(
            d(&[("x-ratelimit-reset", "2026-11-29T12:05:00.250Z")]),
            Some(301)
        );
        let epoch = (now.timestamp() + 900).to_string();
        assert_eq!(d(&[("x-rate-limit-reset", epoch.as_str())]), Some(900));
        // Retry-After wins over the reset time.
        assert_eq!(
            d(&[
                ("retry-after", "5"),
                ("x-ratelimit-reset", "2026-11-29T13:00:00Z")
            ]),
            Some(5)
        );
    }

    #[test]
    fn the_past_is_now_and_nonsense_is_unsaid() {
        let now = at("2026-11-29T12:00:00Z");
        let d =
            |pairs: &[(&'static str, &str)]| retry_after(&headers(pairs), now).map(|d| d.as_secs());
        assert_eq!(d(&[("x-ratelimit-reset", "2026-11-29T11:00:00Z")]), Some(0));
        assert_eq!(d(&[("retry-after", "soon")]), None);
        assert_eq!(d(&[]), None);
    }
}
