//! Short-lived caches on the hot path: polls by slug, their channels, organisations by id, and the
//! rendered poll page. When a link is shared thousands of residents open the same page within minutes; reading
//! and parsing the same poll from the database for each of them is wasted work.
//!
//! Entries live `collector.cache_millis` (default 1 s; 0 switches caching off). A change to a poll
//! therefore reaches residents within that time; whether a poll is open is still decided per
//! request from its opening and closing times, so a poll never takes answers after it closed.
//!
//! The figures of published results are kept longer ([`AGGREGATES_TTL`]): they are counted over
//! every response of the poll, and a poll whose results are published is closed, so its
//! responses no longer change.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use flits_export::ExportError;
use flits_results::Aggregates;
use flits_store::entity::organisation;
use flits_store::{Poll, Store, StoreError};
use flits_types::Slug;

use crate::listing::Listing;
use crate::poll_form::TokenSlot;

/// How long the figures of published results are kept (unless caching is off).
pub const AGGREGATES_TTL: Duration = Duration::from_secs(300);

/// The most entries one cache holds; past that it starts afresh (unknown slugs cannot grow it).
const MAX_ENTRIES: usize = 4096;

/// A time-limited map.
#[derive(Debug)]
struct TtlMap<V> {
    ttl: Duration,
    entries: RwLock<HashMap<String, (Instant, V)>>,
}

impl<V: Clone> TtlMap<V> {
    fn new(ttl: Duration) -> Self {
        TtlMap {
            ttl,
            entries: RwLock::new(HashMap::new()),
        }
    }

    fn get(&self, key: &str) -> Option<V> {
        if self.ttl.is_zero() {
            return None;
        }
        let entries = self.entries.read().unwrap_or_else(|p| p.into_inner());
        entries
            .get(key)
            .filter(|(at, _)| at.elapsed() < self.ttl)
            .map(|(_, v)| v.clone())
    }

    fn put(&self, key: String, value: V) {
        if self.ttl.is_zero() {
            return;
        }
        let mut entries = self.entries.write().unwrap_or_else(|p| p.into_inner());
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.insert(key, (Instant::now(), value));
    }
}

/// The collector's caches.
#[derive(Debug)]
pub struct Caches {
    polls: TtlMap<Option<Arc<Poll>>>,
    poll_channels: TtlMap<Arc<[String]>>,
    organisations: TtlMap<Option<Arc<organisation::Model>>>,
    pages: TtlMap<Arc<String>>,
    form_pages: TtlMap<Arc<TokenSlot>>,
    aggregates: TtlMap<Arc<Aggregates>>,
    listing: TtlMap<Arc<Listing>>,
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
        }
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
}
