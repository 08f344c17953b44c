//! What the collector's handlers share.

use std::collections::HashMap;
use std::sync::Arc;

use flits_http::metrics::Metrics;
use flits_http::{ClientAddresses, Templates};
use flits_store::{NewResponse, ResponseWriter, Store, StoreError};
use url::Url;

use crate::cache::Caches;
use crate::fairness::Fairness;
use crate::preview::PreviewCache;
use crate::results_by_email::ResultsByEmail;
use crate::sender::Publishers;

/// Where recorded responses go.
#[derive(Debug, Clone)]
pub enum ResponseSink {
    /// Group commit by the response writer (SQLite and PostgreSQL).
    Writer(ResponseWriter),
    /// One transaction per response on the pool: only for an in-memory SQLite database, whose one
    /// connection a writer would take from everyone.
    Pool,
    /// Bench only (`collector.bench_discard_responses`): nothing is stored.
    Discard,
}

/// The collector's application state.
#[derive(Clone)]
pub struct CollectorState {
    /// Where polls and responses live.
    pub store: Store,
    /// The resident pages.
    pub templates: Arc<Templates>,
    /// The absolute base of every link residents see (canonical URLs, QR codes, previews).
    pub public_url: Url,
    /// The `[collector]` settings.
    pub config: crate::CollectorConfig,
    /// Whether per-address caps and rate limits apply (`FLITS_RATE_LIMITS`).
    pub rate_limits: bool,
    /// The poll-size limit of the configuration, for the survey rules.
    pub max_questions: usize,
    /// The smallest count the results page shows as a number (`k_anonymity`): fewer is `<k`, and
    /// a poll with fewer responses shows no numbers at all.
    pub k_anonymity: u64,
    /// The kind of each configured channel (`mastodon`, `x`…) by channel id, so the results page
    /// can say on which platform a native poll's votes were cast.
    pub channel_kinds: HashMap<String, String>,
    /// Form tokens, the participation cookie, address caps and rate limits.
    pub fairness: Arc<Fairness>,
    /// How the client's address is found behind the trusted proxies (for the caps and limits).
    pub client_addresses: Arc<ClientAddresses>,
    /// Counters for `/metrics`.
    pub metrics: Metrics,
    /// Where responses are written.
    pub sink: ResponseSink,
    /// Rendered link-preview images.
    pub previews: Arc<PreviewCache>,
    /// Polls, organisations and pages of the last moment.
    pub caches: Arc<Caches>,
    /// The thank-you page's offer to e-mail the results; `None` when this deployment sends no
    /// e-mail.
    pub results_by_email: Option<ResultsByEmail>,
    /// Names, logos and contact details of the configured regions and organisations.
    pub publishers: Arc<Publishers>,
    /// How long residents' data is kept, for the privacy page.
    pub retention: Retention,
}

/// How long residents' data is kept, as the privacy page tells them: the real settings, so the
/// page cannot promise what the runner does not do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    /// `[retention] delete_responses_after_months` (0: kept).
    pub responses_months: u32,
    /// `[feedback] keep_days`: how long an address for the results by e-mail waits at most.
    pub email_days: u32,
}

/// What the binary hands the collector at start-up.
pub struct CollectorSetup {
    pub store: Store,
    pub templates: Arc<Templates>,
    pub public_url: Url,
    pub config: crate::CollectorConfig,
    pub rate_limits: bool,
    pub max_questions: usize,
    /// `k_anonymity` of the configuration.
    pub k_anonymity: u64,
    /// Channel id → channel kind, of `[[channels]]`.
    pub channel_kinds: HashMap<String, String>,
    /// `FLITS_SIGNING_KEY`, if set (the keys of form tokens and cookies are derived from it).
    pub signing_key: Option<Vec<u8>>,
    pub metrics: Metrics,
    /// How the client's address is found (`[collector] trusted_proxies`), the one the whole
    /// process uses.
    pub client_addresses: Arc<ClientAddresses>,
    /// The offer to e-mail the results, when a mail relay and sender are configured.
    pub results_by_email: Option<ResultsByEmail>,
    /// `[[regions]]` and `[[organisations]]`: who polls speak for and how to reach them.
    pub publishers: Publishers,
    /// The retention settings the privacy page states.
    pub retention: Retention,
}

impl CollectorState {
    /// Checks the `[collector]` settings (refusing themes that fail WCAG AA contrast) and starts
    /// the response writer on SQLite. Must run inside the Tokio runtime.
    pub fn new(setup: CollectorSetup) -> Result<CollectorState, String> {
        let mut problems = setup.config.problems();
        problems.extend(setup.publishers.problems());
        if !problems.is_empty() {
            return Err(problems.join("\n"));
        }
        if setup.signing_key.is_none() {
            tracing::warn!(
                "FLITS_SIGNING_KEY is not set: form tokens and participation cookies use a random key of this process, so they stop working at a restart and are not shared between instances"
            );
        }
        let sink = if setup.config.bench_discard_responses {
            tracing::warn!(
                "BENCH MODE: collector.bench_discard_responses is on — responses are answered as recorded but NOT STORED. Never use this outside a benchmark."
            );
            ResponseSink::Discard
        } else {
            match ResponseWriter::start(&setup.store) {
                Some(w) => ResponseSink::Writer(w),
                None => ResponseSink::Pool,
            }
        };
        let caches = Arc::new(Caches::new(std::time::Duration::from_millis(
            setup.config.cache_millis,
        )));
        Ok(CollectorState {
            fairness: Arc::new(Fairness::new(&setup.config, setup.signing_key.as_deref())),
            client_addresses: setup.client_addresses,
            store: setup.store,
            templates: setup.templates,
            public_url: setup.public_url,
            config: setup.config,
            rate_limits: setup.rate_limits,
            max_questions: setup.max_questions,
            k_anonymity: setup.k_anonymity,
            channel_kinds: setup.channel_kinds,
            metrics: setup.metrics,
            sink,
            previews: Arc::new(PreviewCache::default()),
            caches,
            results_by_email: setup.results_by_email,
            publishers: Arc::new(setup.publishers),
            retention: setup.retention,
        })
    }

    /// The absolute URL of a path, on the public base.
    pub fn public_link(&self, path: &str) -> String {
        let base = self.public_url.as_str().trim_end_matches('/');
        format!("{base}{path}")
    }

    /// Whether the public base is HTTPS (cookies are then marked `Secure`).
    pub fn is_https(&self) -> bool {
        self.public_url.scheme() == "https"
    }

    /// Stores a response through the sink; `Ok(false)` for a duplicate.
    pub async fn store_response(&self, row: NewResponse) -> Result<bool, StoreError> {
        match &self.sink {
            ResponseSink::Writer(w) => w.insert(row).await,
            ResponseSink::Pool => self.store.insert_response(row).await,
            ResponseSink::Discard => Ok(true),
        }
    }
}
