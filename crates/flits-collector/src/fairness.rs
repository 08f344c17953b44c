//! Fairness without identifying anyone.
//!
//! - **One-time form tokens, bound to the poll and the browser.** The poll page carries a token the
//!   server signed (HMAC-SHA256 of a random nonce, the time it was issued, the poll's id and the
//!   browser's form cookie, [`crate::form_cookie`]). The nonce becomes the response's submission
//!   id, so a double click or a retry records nothing twice, and a form the server did not hand
//!   out is not taken. A token is good for its own poll only, and only when the browser sends the
//!   `SameSite=Strict` cookie the page set along with it (double submit): a page on another site
//!   can neither read a token nor make the browser send that cookie, so it cannot post answers in
//!   a visitor's name, even from a browser too old to say where a request comes from
//!   ([`crate::cross_site`]). Tokens live `form_token_hours`.
//! - **One response per browser per poll.** After a form response is recorded the browser gets a
//!   signed cookie that says only "this browser took part in this poll" (an HMAC of the poll's id:
//!   the same for everyone, nothing that links it to the answers).
//! - **A per-poll cap per network address.** Addresses are never stored or logged: each is turned
//!   into a keyed hash (HMAC-SHA256 with a secret that is drawn at random in memory and replaced
//!   every day at midnight, Amsterdam time), and only that hash is counted, in memory. When the
//!   secret is replaced the counts go with it; yesterday's hashes cannot be recomputed by anyone.
//!   IPv6 addresses count per /64, the block one household usually gets.
//! - **Rate limits** (governor) per hashed address and for the whole process.
//! - **A per-poll cap per network address on addresses signed up for the results by e-mail**,
//!   counted the same way as the responses, under the same daily secret.
//!
//! The keys for tokens and cookies are derived from `FLITS_SIGNING_KEY`. Without it a random key
//! is drawn per process: tokens and cookies then stop working at a restart and are not shared by
//! several instances (start-up warns about that).

use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Europe::Amsterdam;
use flits_types::SubmissionId;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultDirectRateLimiter, DefaultKeyedRateLimiter, Quota};
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;
use uuid::Uuid;

use crate::config::CollectorConfig;
use crate::form_cookie::BrowserKey;

type HmacSha256 = Hmac<Sha256>;

/// An address, as a keyed hash under the day's secret. Never leaves memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AddressKey([u8; 16]);

/// Why a request was turned away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LimitReason {
    /// Too many submits from everyone together.
    Overall,
    /// Too many submits from one address in a short time.
    AddressRate,
    /// The address reached the poll's daily cap.
    AddressCap,
}

impl LimitReason {
    /// The metrics label.
    pub fn label(self) -> &'static str {
        match self {
            LimitReason::Overall => "overall_rate",
            LimitReason::AddressRate => "address_rate",
            LimitReason::AddressCap => "address_cap",
        }
    }
}

/// Over a limit: why, and when to come back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limited {
    pub reason: LimitReason,
    /// Whole seconds, at least 1 (the `Retry-After` value).
    pub retry_after: u64,
}

/// The result of checking a form token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenCheck {
    /// Issued by us for this poll and this browser, and fresh: the submission id it stands for.
    Valid(SubmissionId),
    /// Issued by us, but too long ago.
    Expired,
    /// Not issued by us, for another poll or another browser (or damaged).
    Invalid,
    /// The browser sent no form cookie (it expired, or the browser blocks cookies), so whose form
    /// it is cannot be checked.
    NoBrowser,
}

struct AddressBook {
    day: NaiveDate,
    secret: [u8; 32],
    /// Responses recorded (or being recorded) per poll and hashed address, today.
    counts: HashMap<(Uuid, AddressKey), u32>,
    /// Addresses signed up for the results by e-mail per poll and hashed address, today.
    results_emails: HashMap<(Uuid, AddressKey), u32>,
}

/// The collector's fairness machinery; one per process.
pub struct Fairness {
    token_key: [u8; 32],
    cookie_key: [u8; 32],
    book: Mutex<AddressBook>,
    per_address: DefaultKeyedRateLimiter<AddressKey>,
    overall: DefaultDirectRateLimiter,
    clock: DefaultClock,
    cap: u32,
    results_email_cap: u32,
}

impl std::fmt::Debug for Fairness {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Keys and secrets never print.
        f.debug_struct("Fairness")
            .field("cap", &self.cap)
            .finish_non_exhaustive()
    }
}

fn random_key() -> [u8; 32] {
    let mut k = [0u8; 32];
    rand::rng().fill_bytes(&mut k);
    k
}

fn derive(master: &[u8], purpose: &str) -> [u8; 32] {
    let mut out = [0u8; 32];
    if let Ok(mut mac) = HmacSha256::new_from_slice(master) {
        mac.update(purpose.as_bytes());
        out.copy_from_slice(&mac.finalize().into_bytes());
    }
    out
}

fn mac16(key: &[u8], parts: &[&[u8]]) -> [u8; 16] {
    let mut out = [0u8; 16];
    if let Ok(mut mac) = HmacSha256::new_from_slice(key) {
        for p in parts {
            mac.update(p);
        }
        out.copy_from_slice(&mac.finalize().into_bytes()[..16]);
    }
    out
}

fn nonzero(n: u32) -> NonZeroU32 {
    NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN)
}

fn amsterdam_day(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&Amsterdam).date_naive()
}

/// Seconds until the next midnight in Amsterdam (when the address secret is replaced).
fn seconds_to_rotation(now: DateTime<Utc>) -> u64 {
    let today = amsterdam_day(now);
    let next = today
        .succ_opt()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .and_then(|t| t.and_local_timezone(Amsterdam).earliest())
        .map(|t| t.with_timezone(&Utc));
    match next {
        Some(t) => u64::try_from((t - now).num_seconds()).unwrap_or(0).max(1),
        None => 3600,
    }
}

fn whole_seconds(d: Duration) -> u64 {
    d.as_secs() + u64::from(d.subsec_nanos() > 0)
}

impl Fairness {
    /// Sets up keys and limiters. `signing_key` is `FLITS_SIGNING_KEY`, if set.
    pub fn new(config: &CollectorConfig, signing_key: Option<&[u8]>) -> Fairness {
        let master = match signing_key {
            Some(k) if !k.is_empty() => k.to_vec(),
            _ => random_key().to_vec(),
        };
        let per_address = Quota::per_minute(nonzero(config.submits_per_address_per_minute))
            .allow_burst(nonzero(config.submit_burst_per_address));
        let overall = Quota::per_second(nonzero(config.submits_per_second))
            .allow_burst(nonzero(config.submits_per_second));
        Fairness {
            token_key: derive(&master, "flits/collector/form-token/v1"),
            cookie_key: derive(&master, "flits/collector/participation-cookie/v1"),
            book: Mutex::new(AddressBook {
                day: amsterdam_day(Utc::now()),
                secret: random_key(),
                counts: HashMap::new(),
                results_emails: HashMap::new(),
            }),
            per_address: DefaultKeyedRateLimiter::keyed(per_address),
            overall: DefaultDirectRateLimiter::direct(overall),
            clock: DefaultClock::default(),
            cap: config.responses_per_address_per_poll,
            results_email_cap: config.results_emails_per_address_per_poll,
        }
    }

    // ---- form tokens ----

    /// A fresh one-time token for a form of `poll_id`, for the browser with the form cookie
    /// `browser`: 54 characters of `[A-Za-z0-9_-]`.
    pub fn issue_token(&self, poll_id: Uuid, browser: &BrowserKey) -> String {
        self.token_at(poll_id, browser, Utc::now())
    }

    fn token_tag(&self, head: &[u8], poll_id: Uuid, browser: &BrowserKey) -> [u8; 16] {
        mac16(
            &self.token_key,
            &[head, poll_id.as_bytes(), browser.as_bytes()],
        )
    }

    fn token_at(&self, poll_id: Uuid, browser: &BrowserKey, now: DateTime<Utc>) -> String {
        let mut raw = [0u8; 40];
        rand::rng().fill_bytes(&mut raw[..16]);
        let issued = u64::try_from(now.timestamp()).unwrap_or(0);
        raw[16..24].copy_from_slice(&issued.to_be_bytes());
        let tag = self.token_tag(&raw[..24], poll_id, browser);
        raw[24..].copy_from_slice(&tag);
        URL_SAFE_NO_PAD.encode(raw)
    }

    /// Checks a token from a form of `poll_id`, posted by the browser with the form cookie
    /// `browser` (`None`: it sent none); a valid one yields the submission id to store.
    pub fn check_token(
        &self,
        token: &str,
        poll_id: Uuid,
        browser: Option<&BrowserKey>,
        max_age_hours: u32,
    ) -> TokenCheck {
        self.check_token_at(token, poll_id, browser, max_age_hours, Utc::now())
    }

    fn check_token_at(
        &self,
        token: &str,
        poll_id: Uuid,
        browser: Option<&BrowserKey>,
        max_age_hours: u32,
        now: DateTime<Utc>,
    ) -> TokenCheck {
        let Some(browser) = browser else {
            return TokenCheck::NoBrowser;
        };
        if token.len() != 54 {
            return TokenCheck::Invalid;
        }
        let Ok(raw) = URL_SAFE_NO_PAD.decode(token) else {
            return TokenCheck::Invalid;
        };
        if raw.len() != 40 {
            return TokenCheck::Invalid;
        }
        let Ok(mut mac) = HmacSha256::new_from_slice(&self.token_key) else {
            return TokenCheck::Invalid;
        };
        mac.update(&raw[..24]);
        mac.update(poll_id.as_bytes());
        mac.update(browser.as_bytes());
        if mac.verify_truncated_left(&raw[24..]).is_err() {
            return TokenCheck::Invalid;
        }
        let mut issued = [0u8; 8];
        issued.copy_from_slice(&raw[16..24]);
        let issued = i64::try_from(u64::from_be_bytes(issued)).unwrap_or(i64::MAX);
        let age = now.timestamp().saturating_sub(issued);
        // A little clock skew between instances is fine; a token from the future is not.
        if age < -300 || age > i64::from(max_age_hours) * 3600 {
            return TokenCheck::Expired;
        }
        let nonce: String = raw[..16].iter().map(|b| format!("{b:02x}")).collect();
        // `form-` and 32 hex digits always keep the submission id rule; should that ever change,
        // the token is refused rather than stored under an id the JSON API would refuse.
        match SubmissionId::parse(&format!("form-{nonce}")) {
            Ok(id) => TokenCheck::Valid(id),
            Err(_) => TokenCheck::Invalid,
        }
    }

    // ---- participation cookie ----

    /// The cookie's name for a poll.
    pub fn cookie_name(poll_id: Uuid) -> String {
        format!("flits_{}", poll_id.simple())
    }

    /// The cookie's value for a poll: the same for every browser that took part.
    pub fn cookie_value(&self, poll_id: Uuid) -> String {
        URL_SAFE_NO_PAD.encode(mac16(
            &self.cookie_key,
            &[b"took-part:", poll_id.as_bytes()],
        ))
    }

    /// Whether a cookie value proves this browser took part in the poll.
    pub fn cookie_is_valid(&self, poll_id: Uuid, value: &str) -> bool {
        let Ok(tag) = URL_SAFE_NO_PAD.decode(value) else {
            return false;
        };
        let Ok(mut mac) = HmacSha256::new_from_slice(&self.cookie_key) else {
            return false;
        };
        mac.update(b"took-part:");
        mac.update(poll_id.as_bytes());
        tag.len() == 16 && mac.verify_truncated_left(&tag).is_ok()
    }

    // ---- addresses, caps and rates ----

    /// The keyed hash of a client address under today's secret (replacing it at midnight).
    pub fn address_key(&self, ip: IpAddr) -> AddressKey {
        let bytes: Vec<u8> = match ip {
            IpAddr::V4(v4) => v4.octets().to_vec(),
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => v4.octets().to_vec(),
                None => v6.octets()[..8].to_vec(),
            },
        };
        let mut book = self.book();
        self.rotate_if_new_day(&mut book, Utc::now());
        AddressKey(mac16(&book.secret, &[&bytes]))
    }

    fn book(&self) -> std::sync::MutexGuard<'_, AddressBook> {
        // A panic while holding the lock cannot leave the counts inconsistent in a way that
        // matters for a flood guard: keep going with them.
        self.book.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn rotate_if_new_day(&self, book: &mut AddressBook, now: DateTime<Utc>) {
        let today = amsterdam_day(now);
        if book.day != today {
            book.day = today;
            book.secret = random_key();
            book.counts.clear();
            book.counts.shrink_to_fit();
            book.results_emails.clear();
            book.results_emails.shrink_to_fit();
            self.per_address.retain_recent();
            self.per_address.shrink_to_fit();
        }
    }

    /// The overall and the per-address rate limits, for one submit.
    pub fn check_rate(&self, key: AddressKey) -> Result<(), Limited> {
        if let Err(not_until) = self.overall.check() {
            return Err(Limited {
                reason: LimitReason::Overall,
                retry_after: whole_seconds(not_until.wait_time_from(self.clock.now())).max(1),
            });
        }
        if let Err(not_until) = self.per_address.check_key(&key) {
            return Err(Limited {
                reason: LimitReason::AddressRate,
                retry_after: whole_seconds(not_until.wait_time_from(self.clock.now())).max(1),
            });
        }
        // Keep the keyed state small under many distinct addresses.
        if self.per_address.len() > 100_000 {
            self.per_address.retain_recent();
        }
        Ok(())
    }

    /// Takes one place under the poll's daily cap for this address; give it back with
    /// [`Fairness::release`] when nothing was recorded.
    pub fn reserve(&self, poll_id: Uuid, key: AddressKey) -> Result<(), Limited> {
        let now = Utc::now();
        let mut book = self.book();
        self.rotate_if_new_day(&mut book, now);
        let count = book.counts.entry((poll_id, key)).or_insert(0);
        if *count >= self.cap {
            return Err(Limited {
                reason: LimitReason::AddressCap,
                retry_after: seconds_to_rotation(now),
            });
        }
        *count += 1;
        Ok(())
    }

    /// Gives back a place taken by [`Fairness::reserve`].
    pub fn release(&self, poll_id: Uuid, key: AddressKey) {
        let mut book = self.book();
        if let Some(count) = book.counts.get_mut(&(poll_id, key)) {
            *count = count.saturating_sub(1);
        }
    }

    /// Takes one place under the poll's daily cap of addresses signed up for the results by
    /// e-mail from this network address; give it back with [`Fairness::release_results_email`]
    /// when nothing was stored.
    pub fn reserve_results_email(&self, poll_id: Uuid, key: AddressKey) -> Result<(), Limited> {
        let now = Utc::now();
        let mut book = self.book();
        self.rotate_if_new_day(&mut book, now);
        let count = book.results_emails.entry((poll_id, key)).or_insert(0);
        if *count >= self.results_email_cap {
            return Err(Limited {
                reason: LimitReason::AddressCap,
                retry_after: seconds_to_rotation(now),
            });
        }
        *count += 1;
        Ok(())
    }

    /// Gives back a place taken by [`Fairness::reserve_results_email`].
    pub fn release_results_email(&self, poll_id: Uuid, key: AddressKey) {
        let mut book = self.book();
        if let Some(count) = book.results_emails.get_mut(&(poll_id, key)) {
            *count = count.saturating_sub(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn fairness(key: &[u8]) -> Fairness {
        Fairness::new(&crate::config::shipped_defaults(), Some(key))
    }

    #[test]
    fn tokens_are_signed_one_time_and_expire() {
        let f = fairness(b"k1");
        let (poll, me) = (Uuid::new_v4(), BrowserKey::random());
        let t = f.issue_token(poll, &me);
        assert_eq!(t.len(), 54);
        assert!(
            SubmissionId::parse(&t).is_ok(),
            "a token is a submission id"
        );
        let TokenCheck::Valid(id) = f.check_token(&t, poll, Some(&me), 72) else {
            panic!("fresh token refused")
        };
        assert!(id.as_str().starts_with("form-") && id.as_str().len() == 37);
        assert_eq!(
            f.check_token(&t, poll, Some(&me), 72),
            TokenCheck::Valid(id),
            "stable id"
        );
        assert_ne!(f.issue_token(poll, &me), t, "every token is new");
        // Another key (another deployment) did not issue it.
        assert_eq!(
            fairness(b"k2").check_token(&t, poll, Some(&me), 72),
            TokenCheck::Invalid
        );
        // Tampering with the issue time breaks the signature.
        let mut raw = URL_SAFE_NO_PAD.decode(&t).unwrap();
        raw[20] ^= 1;
        assert_eq!(
            f.check_token(&URL_SAFE_NO_PAD.encode(raw), poll, Some(&me), 72),
            TokenCheck::Invalid
        );
        assert_eq!(
            f.check_token("form-2", poll, Some(&me), 72),
            TokenCheck::Invalid
        );
        let old = f.token_at(poll, &me, Utc::now() - chrono::Duration::hours(73));
        assert_eq!(
            f.check_token(&old, poll, Some(&me), 72),
            TokenCheck::Expired
        );
    }

    #[test]
    fn a_token_is_good_for_its_own_poll_and_browser_only() {
        let f = fairness(b"k");
        let (poll, me) = (Uuid::new_v4(), BrowserKey::random());
        let t = f.issue_token(poll, &me);
        assert!(matches!(
            f.check_token(&t, poll, Some(&me), 72),
            TokenCheck::Valid(_)
        ));
        // Another poll's form, or the token a script fetched with a cookie of its own.
        assert_eq!(
            f.check_token(&t, Uuid::new_v4(), Some(&me), 72),
            TokenCheck::Invalid
        );
        assert_eq!(
            f.check_token(&t, poll, Some(&BrowserKey::random()), 72),
            TokenCheck::Invalid
        );
        // Without the cookie nobody can say whose form it is.
        assert_eq!(f.check_token(&t, poll, None, 72), TokenCheck::NoBrowser);
    }

    #[test]
    fn the_cookie_proves_participation_in_one_poll_only() {
        let f = fairness(b"k");
        let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
        let v = f.cookie_value(a);
        assert!(f.cookie_is_valid(a, &v));
        assert!(!f.cookie_is_valid(b, &v));
        assert!(!f.cookie_is_valid(a, "forged"));
        assert!(!fairness(b"other").cookie_is_valid(a, &v));
    }

    #[test]
    fn the_cap_counts_per_poll_and_address_and_can_be_released() {
        let config = CollectorConfig {
            responses_per_address_per_poll: 2,
            ..crate::config::shipped_defaults()
        };
        let f = Fairness::new(&config, None);
        let poll = Uuid::new_v4();
        let me = f.address_key("192.0.2.1".parse().unwrap());
        let neighbour = f.address_key("192.0.2.2".parse().unwrap());
        assert_ne!(me, neighbour);
        // IPv6: one household's /64 is one address.
        assert_eq!(
            f.address_key("2001:db8:1:2::1".parse().unwrap()),
            f.address_key("2001:db8:1:2:ffff::9".parse().unwrap())
        );
        f.reserve(poll, me).unwrap();
        f.reserve(poll, me).unwrap();
        let limited = f.reserve(poll, me).unwrap_err();
        assert_eq!(limited.reason, LimitReason::AddressCap);
        assert!(limited.retry_after >= 1 && limited.retry_after <= 25 * 3600);
        f.reserve(poll, neighbour).unwrap();
        f.reserve(Uuid::new_v4(), me).unwrap();
        f.release(poll, me);
        f.reserve(poll, me).unwrap();
    }

    #[test]
    fn results_emails_have_their_own_cap_per_poll_and_address() {
        let config = CollectorConfig {
            responses_per_address_per_poll: 1,
            results_emails_per_address_per_poll: 2,
            ..crate::config::shipped_defaults()
        };
        let f = Fairness::new(&config, None);
        let poll = Uuid::new_v4();
        let me = f.address_key("192.0.2.1".parse().unwrap());
        f.reserve(poll, me).unwrap();
        f.reserve_results_email(poll, me).unwrap();
        f.reserve_results_email(poll, me).unwrap();
        let limited = f.reserve_results_email(poll, me).unwrap_err();
        assert_eq!(limited.reason, LimitReason::AddressCap);
        f.reserve_results_email(Uuid::new_v4(), me).unwrap();
        f.release_results_email(poll, me);
        f.reserve_results_email(poll, me).unwrap();
    }

    #[test]
    fn rates_limit_bursts_per_address() {
        let config = CollectorConfig {
            submits_per_address_per_minute: 1,
            submit_burst_per_address: 3,
            ..crate::config::shipped_defaults()
        };
        let f = Fairness::new(&config, None);
        let me = f.address_key("198.51.100.7".parse().unwrap());
        for _ in 0..3 {
            f.check_rate(me).unwrap();
        }
        let limited = f.check_rate(me).unwrap_err();
        assert_eq!(limited.reason, LimitReason::AddressRate);
        assert!((1..=60).contains(&limited.retry_after));
        f.check_rate(f.address_key("198.51.100.8".parse().unwrap()))
            .unwrap();
    }

    #[test]
    fn rotation_happens_at_amsterdam_midnight() {
        // 22:30 UTC on a winter day is 23:30 in Amsterdam: 30 minutes to go.
        let now = Utc.with_ymd_and_hms(2026, 1, 15, 22, 30, 0).unwrap();
        assert_eq!(seconds_to_rotation(now), 1800);
    }
}
