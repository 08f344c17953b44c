//! Login throttling, which slows guessing down without locking anyone out.
//!
//! - **Per client**: at most `login_attempts_per_minute` attempts from one network address (by
//!   the proxy-aware rule of [`flits_http::client_addr`]; an IPv6 client by its /64, inside which it
//!   can pick addresses at will). Kept in memory and pruned as it goes, so a flood of addresses
//!   cannot grow it without bound.
//! - **Per account**: after `max_failed_logins` failures in a row, each further attempt must wait:
//!   `login_delay_seconds` after that failure, twice as long after the next, and so on up to
//!   `max_login_delay_minutes`. Attempts during a wait are refused without being checked or
//!   counted; the right password after the wait logs in. So nobody can lock an account (an
//!   admin's, say) for long by mistyping on purpose, while guessing stays slow.
//! - **Unknown addresses wait alike.** An e-mail address without an account gets the same
//!   failures, the same waits and the same messages, counted in memory under a keyed hash of the
//!   address (never the address itself), so the login form does not tell who has an account.

use std::hash::BuildHasher;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use flits_http::client_addr::household;
use governor::clock::{Clock, DefaultClock};
use governor::middleware::NoOpMiddleware;
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};

/// The growing wait after failed logins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    /// Failures in a row that cost nothing (`max_failed_logins`).
    pub free_failures: u32,
    /// The wait after the last free failure (`login_delay_seconds`).
    pub first_delay: Duration,
    /// The longest wait (`max_login_delay_minutes`).
    pub max_delay: Duration,
}

impl Backoff {
    /// How long the next attempt must wait after `failures` failures in a row: nothing before
    /// `free_failures`, then `first_delay`, doubling with each failure up to `max_delay`.
    pub fn wait_after(&self, failures: u32) -> Option<Duration> {
        let beyond = failures.checked_sub(self.free_failures.max(1))?;
        let factor = 1u32.checked_shl(beyond.min(31)).unwrap_or(u32::MAX);
        Some(self.first_delay.saturating_mul(factor).min(self.max_delay))
    }
}

/// What an e-mail address without an account has failed so far.
#[derive(Debug, Clone, Copy)]
struct Failures {
    count: u32,
    not_before: Instant,
}

/// How many addresses without an account are remembered; the least recently used go first.
const UNKNOWN_ADDRESSES: usize = 10_000;

/// Failed logins of e-mail addresses that have no account, so that they wait exactly as an
/// account would (see the top of this module). In memory only, under a hash keyed with a secret
/// of this process.
pub struct UnknownAccounts {
    hasher: std::collections::hash_map::RandomState,
    failures: quick_cache::sync::Cache<u64, Failures>,
}

impl Default for UnknownAccounts {
    fn default() -> Self {
        UnknownAccounts {
            hasher: std::collections::hash_map::RandomState::new(),
            failures: quick_cache::sync::Cache::new(UNKNOWN_ADDRESSES),
        }
    }
}

impl std::fmt::Debug for UnknownAccounts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UnknownAccounts")
            .field("remembered", &self.failures.len())
            .finish()
    }
}

impl UnknownAccounts {
    /// The key of an address, written as the store looks accounts up (trimmed, lower case).
    fn key(&self, email: &str) -> u64 {
        self.hasher.hash_one(email.trim().to_lowercase())
    }

    /// How long `email` must still wait at `now`, if it must.
    pub fn wait(&self, email: &str, now: Instant) -> Option<Duration> {
        let failures = self.failures.get(&self.key(email))?;
        (failures.not_before > now).then(|| failures.not_before - now)
    }

    /// Counts a failure of `email` at `now`: the failures in a row, and the wait it now has.
    pub fn record_failure(
        &self,
        email: &str,
        backoff: &Backoff,
        now: Instant,
    ) -> (u32, Option<Duration>) {
        let key = self.key(email);
        let count = self
            .failures
            .get(&key)
            .map_or(0, |f| f.count)
            .saturating_add(1);
        let wait = backoff.wait_after(count);
        let not_before = now + wait.unwrap_or_default();
        self.failures.insert(key, Failures { count, not_before });
        (count, wait)
    }
}

/// How many checks pass between two prunings of the per-client state.
const PRUNE_EVERY: u32 = 1024;

type Keyed<C> =
    RateLimiter<IpAddr, DefaultKeyedStateStore<IpAddr>, C, NoOpMiddleware<<C as Clock>::Instant>>;

/// Login attempts per client (an IPv4 address or an IPv6 /64), in memory only. Clients whose
/// limit has fully recovered are dropped every [`PRUNE_EVERY`] checks, so what is kept is about
/// the clients of the last minute, whatever the number of addresses that ever tried.
pub struct ClientLimiter<C: Clock + Clone = DefaultClock> {
    attempts: Keyed<C>,
    /// At most one audit entry a minute per client, however much it sends.
    audited: Keyed<C>,
    clock: C,
    checks: AtomicU32,
}

impl<C: Clock + Clone> std::fmt::Debug for ClientLimiter<C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientLimiter")
            .field("clients", &self.attempts.len())
            .finish()
    }
}

impl ClientLimiter<DefaultClock> {
    /// `per_minute` attempts per client per minute (at least 1).
    pub fn new(per_minute: u32) -> Self {
        Self::with_clock(per_minute, DefaultClock::default())
    }
}

impl<C: Clock + Clone> ClientLimiter<C> {
    /// The same on another clock (tests).
    pub fn with_clock(per_minute: u32, clock: C) -> Self {
        let per_minute = NonZeroU32::new(per_minute).unwrap_or(NonZeroU32::MIN);
        ClientLimiter {
            attempts: RateLimiter::new(
                Quota::per_minute(per_minute),
                DefaultKeyedStateStore::default(),
                clock.clone(),
            ),
            audited: RateLimiter::new(
                Quota::per_minute(NonZeroU32::MIN),
                DefaultKeyedStateStore::default(),
                clock.clone(),
            ),
            clock,
            checks: AtomicU32::new(0),
        }
    }

    /// One attempt of the client at `ip`: `Err` with the wait when it is over its limit.
    pub fn check(&self, ip: IpAddr) -> Result<(), Duration> {
        if self.checks.fetch_add(1, Ordering::Relaxed) % PRUNE_EVERY == PRUNE_EVERY - 1 {
            self.prune();
        }
        self.attempts
            .check_key(&household(ip))
            .map_err(|not_until| not_until.wait_time_from(self.clock.now()))
    }

    /// Whether a refusal of the client at `ip` goes in the audit log: the first in a minute does.
    pub fn audit_refusal(&self, ip: IpAddr) -> bool {
        self.audited.check_key(&household(ip)).is_ok()
    }

    /// Clients remembered now.
    pub fn len(&self) -> usize {
        self.attempts.len()
    }

    /// Whether no client is remembered.
    pub fn is_empty(&self) -> bool {
        self.attempts.is_empty()
    }

    fn prune(&self) {
        for limiter in [&self.attempts, &self.audited] {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
    }
}

#[cfg(test)]
mod tests {
    use std::net::Ipv4Addr;

    use governor::clock::FakeRelativeClock;

    use super::*;

    const BACKOFF: Backoff = Backoff {
        free_failures: 5,
        first_delay: Duration::from_secs(5),
        max_delay: Duration::from_secs(900),
    };

    #[test]
    fn the_wait_starts_after_the_free_failures_doubles_and_is_capped() {
        let waits: Vec<Option<u64>> = (0..=12)
            .map(|n| BACKOFF.wait_after(n).map(|d| d.as_secs()))
            .collect();
        assert_eq!(
            waits,
            [
                None,
                None,
                None,
                None,
                None,
                Some(5),
                Some(10),
                Some(20),
                Some(40),
                Some(80),
                Some(160),
                Some(320),
                Some(640)
            ]
        );
        assert_eq!(BACKOFF.wait_after(13), Some(Duration::from_secs(900)));
        assert_eq!(BACKOFF.wait_after(u32::MAX), Some(Duration::from_secs(900)));
    }

    #[test]
    fn an_address_without_an_account_waits_as_an_account_would() {
        let unknown = UnknownAccounts::default();
        let start = Instant::now();
        for n in 1..5 {
            assert_eq!(
                unknown.record_failure("nobody@example.org", &BACKOFF, start),
                (n, None)
            );
            assert_eq!(unknown.wait("nobody@example.org", start), None);
        }
        let (count, wait) = unknown.record_failure(" Nobody@Example.org ", &BACKOFF, start);
        assert_eq!((count, wait), (5, Some(Duration::from_secs(5))));
        assert_eq!(
            unknown.wait("NOBODY@example.org", start),
            Some(Duration::from_secs(5))
        );
        assert_eq!(
            unknown.wait("nobody@example.org", start + wait.unwrap()),
            None
        );
        assert_eq!(unknown.wait("somebody@example.org", start), None);
        let (_, wait) = unknown.record_failure("nobody@example.org", &BACKOFF, start);
        assert_eq!(wait, Some(Duration::from_secs(10)));
    }

    #[test]
    fn a_client_over_its_limit_waits_and_ipv6_counts_per_slash_64() {
        let clock = FakeRelativeClock::default();
        let limiter = ClientLimiter::with_clock(3, clock.clone());
        let me: IpAddr = "2001:db8:1:2::1".parse().unwrap();
        let my_other: IpAddr = "2001:db8:1:2:ffff::9".parse().unwrap();
        assert!(limiter.check(me).is_ok());
        assert!(limiter.check(my_other).is_ok());
        assert!(limiter.check(me).is_ok());
        let wait = limiter.check(my_other).unwrap_err();
        assert!(
            wait > Duration::ZERO && wait <= Duration::from_secs(20),
            "{wait:?}"
        );
        assert!(limiter.check("2001:db8:1:3::1".parse().unwrap()).is_ok());
        assert!(limiter.audit_refusal(me));
        assert!(!limiter.audit_refusal(my_other));
        clock.advance(Duration::from_secs(60));
        assert!(limiter.check(me).is_ok());
        assert!(limiter.audit_refusal(me));
    }

    #[test]
    fn what_the_limiter_remembers_stays_bounded_under_a_flood_of_addresses() {
        let clock = FakeRelativeClock::default();
        let limiter = ClientLimiter::with_clock(10, clock.clone());
        let mut most = 0;
        // 100,000 addresses, 100 a second, for a quarter of an hour.
        for i in 0..100_000u32 {
            assert!(limiter.check(IpAddr::V4(Ipv4Addr::from(i))).is_ok());
            clock.advance(Duration::from_millis(10));
            most = most.max(limiter.len());
        }
        assert!(most < 5_000, "{most} clients kept at once");
    }
}
