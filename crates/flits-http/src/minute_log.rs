//! Requests whose moment the log must not keep: a count per minute instead of a line each.
//!
//! A response is stored with its date and nothing finer. A log line per submit, with the
//! microsecond timestamp every log line has, would give back the time of each response (and the
//! thank-you page the browser opens a moment later would do the same). Handlers of such routes
//! mark their request with [`count_per_minute`]; the request log ([`crate::request_log`]) then
//! counts it instead of logging it, by method, route pattern and status, and a background thread
//! writes one line per combination when each minute is over:
//!
//! ```text
//! INFO requests in one minute minute="2026-12-06T10:03Z" method="POST" route="/p/{slug}" status=303 count=12
//! ```
//!
//! The line is written at the end of the minute, not when a request came in, so its own
//! timestamp says nothing finer either. Server errors are counted the same way, as `WARN`
//! lines; their causes are logged by the handlers that met them.

use std::collections::BTreeMap;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use actix_web::{HttpMessage, HttpRequest};
use chrono::{DateTime, Utc};

/// The mark of a request that is counted per minute rather than logged (a request extension).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountedPerMinute;

/// Marks `req` to be counted per minute instead of logged with its moment.
pub fn count_per_minute(req: &HttpRequest) {
    req.extensions_mut().insert(CountedPerMinute);
}

/// What one line counts.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct MinuteKey {
    /// Whole minutes since 1970 (UTC).
    pub minute: i64,
    pub method: String,
    pub route: String,
    pub status: u16,
}

/// Counts by minute, method, route and status, until they are written.
#[derive(Debug, Default)]
pub struct MinuteCounts {
    counts: Mutex<BTreeMap<MinuteKey, u64>>,
}

impl MinuteCounts {
    /// An empty tally (usable in a `static`).
    pub const fn new() -> MinuteCounts {
        MinuteCounts {
            counts: Mutex::new(BTreeMap::new()),
        }
    }

    /// Counts one request that ended in `minute`.
    pub fn add(&self, minute: i64, method: &str, route: &str, status: u16) {
        // A panic elsewhere while holding the lock leaves counts that are still counts.
        let mut counts = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        // A minute holds a handful of keys: look among them first, so that counting a request
        // allocates only for the first of its kind in a minute.
        let start = MinuteKey {
            minute,
            method: String::new(),
            route: String::new(),
            status: 0,
        };
        let known = counts
            .range_mut(start..)
            .take_while(|(k, _)| k.minute == minute)
            .find(|(k, _)| k.method == method && k.route == route && k.status == status);
        match known {
            Some((_, n)) => *n += 1,
            None => {
                let key = MinuteKey {
                    minute,
                    method: method.to_owned(),
                    route: route.to_owned(),
                    status,
                };
                counts.insert(key, 1);
            }
        }
    }

    /// Takes out the counts of every minute before `current`, oldest first.
    pub fn take_before(&self, current: i64) -> Vec<(MinuteKey, u64)> {
        let mut counts = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        let later = counts.split_off(&MinuteKey {
            minute: current,
            method: String::new(),
            route: String::new(),
            status: 0,
        });
        std::mem::replace(&mut *counts, later).into_iter().collect()
    }
}

/// The counts of this process.
static COUNTS: MinuteCounts = MinuteCounts::new();
/// Whether the thread that writes them runs.
static WRITER: OnceLock<()> = OnceLock::new();

/// The whole minute (since 1970, UTC) that `at` falls in.
pub fn minute_of(at: SystemTime) -> i64 {
    let secs = at.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    i64::try_from(secs / 60).unwrap_or(i64::MAX)
}

/// Counts a request that just ended, and makes sure the counts get written.
pub(crate) fn count(method: &str, route: &str, status: u16) {
    COUNTS.add(minute_of(SystemTime::now()), method, route, status);
    WRITER.get_or_init(|| {
        let spawned = std::thread::Builder::new()
            .name("flits-minute-log".to_owned())
            .spawn(|| {
                loop {
                    std::thread::sleep(until_next_minute(SystemTime::now()));
                    write_before(&COUNTS, minute_of(SystemTime::now()));
                }
            });
        if let Err(e) = spawned {
            tracing::error!(error = %e, "the per-minute request counts cannot be written");
        }
    });
}

/// How long from `now` until just after the next whole minute.
fn until_next_minute(now: SystemTime) -> Duration {
    let into = now.duration_since(UNIX_EPOCH).map_or(Duration::ZERO, |d| {
        d - Duration::from_secs(d.as_secs() / 60 * 60)
    });
    Duration::from_secs(60).saturating_sub(into) + Duration::from_millis(50)
}

/// Logs, one line each, the counts of every minute before `current`; returns how many lines.
pub fn write_before(counts: &MinuteCounts, current: i64) -> usize {
    let taken = counts.take_before(current);
    for (key, count) in &taken {
        let minute = DateTime::<Utc>::from_timestamp(key.minute * 60, 0)
            .map(|t| t.format("%Y-%m-%dT%H:%MZ").to_string())
            .unwrap_or_default();
        let (method, route, status) = (&key.method, &key.route, key.status);
        if status >= 500 {
            tracing::warn!(%minute, %method, %route, status, count, "requests in one minute");
        } else {
            tracing::info!(%minute, %method, %route, status, count, "requests in one minute");
        }
    }
    taken.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_kept_per_minute_and_taken_out_once_it_is_over() {
        let counts = MinuteCounts::new();
        counts.add(10, "POST", "/p/{slug}", 303);
        counts.add(10, "POST", "/p/{slug}", 303);
        counts.add(10, "GET", "/p/{slug}/thanks", 200);
        counts.add(11, "POST", "/p/{slug}", 303);
        counts.add(10, "POST", "/p/{slug}", 303);
        counts.add(10, "POST", "/p/{slug}", 429);
        let taken = counts.take_before(11);
        assert_eq!(taken.len(), 3);
        let count = |method: &str, status: u16| {
            taken
                .iter()
                .find(|(k, _)| k.method == method && k.status == status)
                .map(|(k, n)| (k.minute, *n))
        };
        assert_eq!(count("POST", 303), Some((10, 3)));
        assert_eq!(count("POST", 429), Some((10, 1)));
        assert_eq!(count("GET", 200), Some((10, 1)));
        assert!(counts.take_before(11).is_empty(), "taken once");
        assert_eq!(write_before(&counts, 12), 1, "minute 11 when it is over");
    }

    #[test]
    fn the_writer_wakes_just_after_each_whole_minute() {
        let at = UNIX_EPOCH + Duration::from_secs(60 * 1000 + 45);
        assert_eq!(until_next_minute(at), Duration::from_millis(15_050));
        assert_eq!(minute_of(at), 1000);
        assert_eq!(minute_of(at + until_next_minute(at)), 1001);
    }
}
