//! Short-lived caches on the hot path: polls by slug, their channels, organisations by id, and the
//! rendered poll page. When a link is shared thousands of residents open the same page within minutes; reading
//! and parsing the same poll from the database for each of them is wasted work.
//!
//! Entries live `collector.cache_millis` (default 1 s; 0 switches caching off). When one runs out,
//! the first request that finds it so fetches it again, and for at most half that time more the
//! others still get the old one instead of all fetching and rendering the same thing at once (under
//! load that had stalled a worker for ~40 ms every second: the page's p99). A change to a poll
//! therefore reaches residents within one and a half times `cache_millis`; whether a poll is open
//! is still decided per request from its opening and closing times, so a poll never takes answers
//! after it closed.
//!
//! The figures of published results are kept longer ([`AGGREGATES_TTL`]): they are counted over
//! every response of the poll, and a poll whose results are published is closed, so its
//! responses no longer change.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use actix_web::web::Bytes;

use flits_export::ExportError;
use flits_results::Aggregates;
use flits_store::entity::organisation;
use flits_store::{Poll, Store, StoreError};
use flits_types::Slug;

use crate::listing::Listing;
use crate::poll_form::TokenSlot;

/// How long the figures of published results are kept (unless caching is off).
pub const AGGREGATES_TTL: Duration = Duration::from_secs(300);

/// The most entries one cache holds. Past that the least recently used go (approximately: the
/// CLOCK-PRO policy of `quick_cache`), so a flood of unknown slugs or languages cannot push out the
/// pages residents are opening right now, and never empties the cache at once.
const MAX_ENTRIES: usize = 4096;

/// The most QR images kept (each a few kilobytes).
const MAX_QR_CODES: usize = 1024;

/// A time-limited map, evicting the least recently used entries when full. Sharded inside, so
/// readers on several workers do not queue behind one lock.
struct TtlMap<V> {
    ttl: Duration,
    entries: quick_cache::sync::Cache<String, Arc<Entry<V>>>,
}

/// A value and when it was fetched.
struct Entry<V> {
    at: Instant,
    /// Whether a request is fetching it again, now that it ran out.
    refreshing: AtomicBool,
    value: V,
}

impl<V: Clone> std::fmt::Debug for TtlMap<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TtlMap")
            .field("ttl", &self.ttl)
            .field("len", &self.entries.len())
            .finish()
    }
}

impl<V: Clone> TtlMap<V> {
    fn new(ttl: Duration) -> Self {
        Self::with_capacity(ttl, MAX_ENTRIES)
    }

    fn with_capacity(ttl: Duration, capacity: usize) -> Self {
        TtlMap {
            ttl,
            entries: quick_cache::sync::Cache::new(capacity),
        }
    }

    /// The value, while it is fresh. Once it ran out, `None` for the first caller, who is to
    /// fetch it again and `put` it; the others get the old value meanwhile, for at most half
    /// the time to live more. Past that, `None` for everyone.
    fn get(&self, key: &str) -> Option<V> {
        self.get_at(key, Instant::now())
    }

    fn get_at(&self, key: &str, now: Instant) -> Option<V> {
        if self.ttl.is_zero() {
            return None;
        }
        let entry = self.entries.get(key)?;
        let age = now.saturating_duration_since(entry.at);
        let fresh = age < self.ttl
            || (age < self.ttl + self.ttl / 2 && entry.refreshing.swap(true, Ordering::AcqRel));
        fresh.then(|| entry.value.clone())
    }

    fn put(&self, key: String, value: V) {
        self.put_at(key, value, Instant::now());
    }

    fn put_at(&self, key: String, value: V, at: Instant) {
        if self.ttl.is_zero() {
            return;
        }
        let entry = Entry {
            at,
            refreshing: AtomicBool::new(false),
            value,
        };
        self.entries.insert(key, Arc::new(entry));
    }
}

/// The format of a QR image.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QrFormat {
    Svg,
    Png,
}

/// The collector's caches.
pub struct Caches {
    polls: TtlMap<Option<Arc<Poll>>>,
    poll_channels: TtlMap<Arc<[String]>>,
    organisations: TtlMap<Option<Arc<organisation::Model>>>,
    pages: TtlMap<Arc<String>>,
    form_pages: TtlMap<Arc<TokenSlot>>,
    aggregates: TtlMap<Arc<Aggregates>>,
    listing: TtlMap<Arc<Listing>>,
    /// QR images by format and the link they encode (which names the poll and the channel). A
    /// link's image never changes, so these do not expire; they are only evicted when full.
    qr_codes: quick_cache::sync::Cache<(QrFormat, String), Bytes>,
}

impl std::fmt::Debug for Caches {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Caches")
            .field("polls", &self.polls)
            .field("pages", &self.pages)
            .field("qr_codes", &self.qr_codes.len())
            .finish_non_exhaustive()
    }
}

impl Caches {
    pub fn new(ttl: Duration) -> Caches {
        Caches {
            polls: TtlMap::new(ttl),
            poll_channels: TtlMap::new(ttl),
            organisations: TtlMap::new(ttl),
            pages: TtlMap::new(ttl),
            form_pages: TtlMap::new(ttl),
            aggregates: TtlMap::new(if ttl.is_zero() {
                ttl
            } else {
                ttl.max(AGGREGATES_TTL)
            }),
            listing: TtlMap::new(ttl),
            qr_codes: quick_cache::sync::Cache::new(MAX_QR_CODES),
        }
    }

    /// The QR image of `link` in `format`, drawn by `draw` the first time it is asked for.
    /// Drawing a code, and above all encoding the PNG, costs milliseconds: a poster shared widely
    /// must not cost them on every view.
    pub fn qr_code<E>(
        &self,
        format: QrFormat,
        link: &str,
        draw: impl FnOnce(&str) -> Result<Vec<u8>, E>,
    ) -> Result<Bytes, E> {
        let key = (format, link.to_owned());
        if let Some(hit) = self.qr_codes.get(&key) {
            return Ok(hit);
        }
        let image = Bytes::from(draw(link)?);
        self.qr_codes.insert(key, image.clone());
        Ok(image)
    }

    /// A poll by slug (`None`: no such poll). What cannot be a slug is no poll, answered without
    /// asking the database or taking a place in the cache, whatever a link or a script sends.
    pub async fn poll(&self, store: &Store, slug: &str) -> Result<Option<Arc<Poll>>, StoreError> {
        if Slug::parse(slug).is_err() {
            return Ok(None);
        }
        if let Some(hit) = self.polls.get(slug) {
            return Ok(hit);
        }
        let poll = store.poll_by_slug(slug).await?.map(Arc::new);
        self.polls.put(slug.to_owned(), poll.clone());
        Ok(poll)
    }

    /// The channels a poll is scheduled on (by the poll's id), for the rule of
    /// [`crate::channel`].
    pub async fn poll_channels(
        &self,
        store: &Store,
        poll_id: uuid::Uuid,
    ) -> Result<Arc<[String]>, StoreError> {
        let key = poll_id.simple().to_string();
        if let Some(hit) = self.poll_channels.get(&key) {
            return Ok(hit);
        }
        let channels: Arc<[String]> = store.poll_channels(poll_id).await?.into();
        self.poll_channels.put(key, channels.clone());
        Ok(channels)
    }

    /// An organisation by id.
    pub async fn organisation(
        &self,
        store: &Store,
        id: &str,
    ) -> Result<Option<Arc<organisation::Model>>, StoreError> {
        if let Some(hit) = self.organisations.get(id) {
            return Ok(hit);
        }
        let org = store.organisation(id).await?.map(Arc::new);
        self.organisations.put(id.to_owned(), org.clone());
        Ok(org)
    }

    /// A rendered page.
    pub fn page(&self, key: &str) -> Option<Arc<String>> {
        self.pages.get(key)
    }

    /// A rendered poll form, cut where its token goes.
    pub fn form_page(&self, key: &str) -> Option<Arc<TokenSlot>> {
        self.form_pages.get(key)
    }

    /// Keeps a rendered poll form.
    pub fn put_form_page(&self, key: String, page: Arc<TokenSlot>) {
        self.form_pages.put(key, page);
    }

    /// Keeps a rendered page.
    pub fn put_page(&self, key: String, page: Arc<String>) {
        self.pages.put(key, page);
    }

    /// The figures of a published poll under the small-cell rule for `k`.
    pub async fn aggregates(
        &self,
        store: &Store,
        poll: &Poll,
        k: u64,
    ) -> Result<Arc<Aggregates>, ExportError> {
        let key = format!("{}|{k}", poll.id);
        if let Some(hit) = self.aggregates.get(&key) {
            return Ok(hit);
        }
        let figures = Arc::new(flits_export::aggregate(store, poll, k).await?);
        self.aggregates.put(key, figures.clone());
        Ok(figures)
    }

    /// The polls the public overview lists.
    pub async fn listing(&self, store: &Store) -> Result<Arc<Listing>, StoreError> {
        if let Some(hit) = self.listing.get("") {
            return Ok(hit);
        }
        let listing = Arc::new(Listing::load(store).await?);
        self.listing.put(String::new(), listing.clone());
        Ok(listing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_expire_and_zero_switches_caching_off() {
        let map = TtlMap::new(Duration::from_millis(30));
        map.put("a".into(), 1);
        assert_eq!(map.get("a"), Some(1));
        std::thread::sleep(Duration::from_millis(40));
        assert_eq!(map.get("a"), None);
        let off = TtlMap::new(Duration::ZERO);
        off.put("a".into(), 1);
        assert_eq!(off.get("a"), None);
    }

    #[test]
    fn one_request_fetches_what_ran_out_while_the_others_get_the_old_value_for_a_while() {
        let ttl = Duration::from_secs(10);
        let map = TtlMap::new(ttl);
        let start = Instant::now();
        map.put_at("a".into(), 1, start);
        assert_eq!(map.get_at("a", start + ttl / 2), Some(1));
        // Ran out: the first to ask fetches it again, the others keep the old value meanwhile.
        let late = start + ttl + Duration::from_secs(1);
        assert_eq!(map.get_at("a", late), None);
        assert_eq!(map.get_at("a", late), Some(1));
        assert_eq!(map.get_at("a", late + Duration::from_secs(3)), Some(1));
        // What the first fetched is fresh for everyone.
        map.put_at("a".into(), 2, late);
        assert_eq!(map.get_at("a", late + Duration::from_secs(1)), Some(2));
        // Half the time to live after running out, the old value is not given any more, even
        // while a fetch is still under way (it may have failed).
        map.put_at("b".into(), 1, start);
        assert_eq!(map.get_at("b", late), None);
        let too_late = start + ttl + ttl / 2;
        assert_eq!(map.get_at("b", too_late), None);
        assert_eq!(map.get_at("b", too_late), None);
        // An entry nobody asked for in a long time is never given out as it was.
        map.put_at("c".into(), 1, start);
        assert_eq!(map.get_at("c", start + ttl * 100), None);
        assert_eq!(map.get_at("c", start + ttl * 100), None);
    }

    #[test]
    fn a_full_cache_keeps_what_is_used_and_is_never_emptied_at_once() {
        let map = TtlMap::with_capacity(Duration::from_secs(60), 100);
        map.put("hot".into(), 0);
        // A flood of keys asked for once each (unknown slugs, odd languages), while one page
        // keeps being read.
        for i in 0..10_000 {
            map.put(format!("cold-{i}"), i);
            assert_eq!(map.get("hot"), Some(0), "evicted after {i} others");
        }
        // Full, not emptied: the cache holds about its capacity, recent entries among them.
        let kept = map.entries.len();
        assert!((50..=110).contains(&kept), "{kept}");
        assert_eq!(map.get("cold-9999"), Some(9999));
        let old = (0..5_000)
            .filter(|i| map.get(&format!("cold-{i}")).is_some())
            .count();
        assert!(old < 100, "{old} of the oldest still kept");
    }

    #[test]
    fn a_qr_code_is_drawn_once_per_link_and_format() {
        let caches = Caches::new(Duration::ZERO);
        let mut drawn = 0;
        for _ in 0..3 {
            let image = caches
                .qr_code(QrFormat::Png, "https://x.nl/p/demo?c=poster", |_| {
                    drawn += 1;
                    Ok::<_, std::convert::Infallible>(vec![1, 2, 3])
                })
                .unwrap();
            assert_eq!(&image[..], &[1, 2, 3]);
        }
        assert_eq!(drawn, 1, "even with caching of pages off");
        caches
            .qr_code(QrFormat::Svg, "https://x.nl/p/demo?c=poster", |_| {
                drawn += 1;
                Ok::<_, std::convert::Infallible>(vec![])
            })
            .unwrap();
        caches
            .qr_code(QrFormat::Png, "https://x.nl/p/demo?c=krant", |_| {
                drawn += 1;
                Ok::<_, std::convert::Infallible>(vec![])
            })
            .unwrap();
        assert_eq!(drawn, 3);
    }
}
