//! What the collector's handlers share.

use std::sync::Arc;

use flits_http::Templates;
use flits_store::Store;
use url::Url;

/// The collector's application state.
#[derive(Clone)]
pub struct CollectorState {
    /// Where polls and responses live.
    pub store: Store,
    /// The resident pages.
    pub templates: Arc<Templates>,
    /// The absolute base of every link residents see (canonical URLs, QR codes, previews).
    pub public_url: Url,
}

impl CollectorState {
    /// The absolute URL of a path, on the public base.
    pub fn public_link(&self, path: &str) -> String {
        let base = self.public_url.as_str().trim_end_matches('/');
        format!("{base}{path}")
    }
}
