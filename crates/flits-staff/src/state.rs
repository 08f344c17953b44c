//! What the staff service's handlers share.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use flits_http::{ClientAddresses, Templates};
use flits_scheduling::Scheduling;
use flits_store::Store;
use flits_survey::Neighbourhoods;

use crate::channels::Channels;
use crate::throttle::{Backoff, ClientLimiter, UnknownAccounts};

/// The staff service's settings.
#[derive(Debug, Clone)]
pub struct StaffConfig {
    /// A session ends after this long without activity.
    pub session_idle: Duration,
    /// The growing wait after failed logins of one account (or one address without one).
    pub login_backoff: Backoff,
    /// Login attempts per client per minute.
    pub login_attempts_per_minute: u32,
    /// How the client's address is found behind the trusted proxies (`[collector]
    /// trusted_proxies`), for the per-client login limit: the rule the collector uses too.
    pub client_addresses: Arc<ClientAddresses>,
    /// Whether cookies get `Secure` (served over HTTPS).
    pub secure_cookies: bool,
    /// The poll-size limit, for validating definitions.
    pub max_questions: usize,
    /// The smallest group exports and results show (`k_anonymity`).
    pub k_anonymity: usize,
    /// Export weights are trimmed at this multiple of the mean weight (`weight_cap`).
    pub weight_cap: f64,
    /// How long after closing results should be published (`[feedback] due_days`).
    pub feedback_due: Duration,
    /// The neighbourhoods configured per audience id (`neighbourhoods` of `[[audiences]]`), for
    /// the builder's standard neighbourhood question. An audience missing here has no list.
    pub neighbourhoods: BTreeMap<String, Neighbourhoods>,
    /// The websites that may frame a poll's embed card (`[collector] embed_origins`), which the
    /// share kit names next to its `<iframe>` snippet.
    pub embed_origins: Vec<String>,
}

/// The staff service's application state.
#[derive(Clone)]
pub struct StaffState {
    pub store: Store,
    pub templates: Arc<Templates>,
    pub config: StaffConfig,
    /// Login attempts per client address, kept in memory only (never stored or logged).
    pub login_limiter: Arc<ClientLimiter>,
    /// Failed logins of e-mail addresses without an account, so they wait as accounts do.
    pub unknown_logins: Arc<UnknownAccounts>,
    /// Scheduling polls under the spacing rules (the same service `flits poll schedule` uses);
    /// its policy holds the quiet periods the calendar shows.
    pub scheduling: Scheduling,
    /// The configured channels, for the channel list, the schedule form's choices and the post
    /// previews, with the public URL their links point to.
    pub channels: Channels,
}

impl StaffState {
    /// Builds the state, with the login rate limiter sized from the configuration.
    pub fn new(
        store: Store,
        templates: Arc<Templates>,
        config: StaffConfig,
        scheduling: Scheduling,
        channels: Channels,
    ) -> StaffState {
        let limiter = ClientLimiter::new(config.login_attempts_per_minute);
        StaffState {
            store,
            templates,
            config,
            login_limiter: Arc::new(limiter),
            unknown_logins: Arc::new(UnknownAccounts::default()),
            scheduling,
            channels,
        }
    }
}
