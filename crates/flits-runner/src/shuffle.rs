//! The runner's share in keeping the order of responses meaningless: every
//! [`SHUFFLE_EVERY`] it has the store write the responses of today (and, once after midnight,
//! of yesterday) again in random order ([`Store::shuffle_responses`]; only PostgreSQL needs it).
//!
//! Between two rounds the newest rows still lie in the order they came, for at most that long;
//! afterwards a day's rows say nothing about their order within the day. The cost grows with a
//! day's responses: a round rewrites all of them, so a day with 20,000 responses means writing
//! 20,000 rows every few minutes, which PostgreSQL does in well under a second.

use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Europe::Amsterdam;
use flits_store::{Backend, Store, StoreError};

/// How often a round runs.
pub const SHUFFLE_EVERY: Duration = Duration::from_secs(10 * 60);

/// When the last round ran, and for which day.
#[derive(Debug, Default)]
pub struct Shuffle {
    last: Option<(Instant, NaiveDate)>,
}

impl Shuffle {
    /// Runs a round when one is due at `now` (the first call always is); returns how many rows
    /// it wrote, `None` when it was not due or there is nothing to do on this database.
    pub async fn step(
        &mut self,
        store: &Store,
        now: DateTime<Utc>,
    ) -> Result<Option<u64>, StoreError> {
        if store.backend() != Backend::Postgres {
            return Ok(None);
        }
        // The date responses are stored under (Amsterdam), as the collector writes it.
        let today = now.with_timezone(&Amsterdam).date_naive();
        let since = match self.last {
            Some((at, _)) if at.elapsed() < SHUFFLE_EVERY => return Ok(None),
            Some((_, day)) if day == today => today,
            // A new day (or the first round): yesterday's last rows get their round too.
            _ => today.pred_opt().unwrap_or(today),
        };
        let rows = store.shuffle_responses(since).await?;
        self.last = Some((Instant::now(), today));
        Ok(Some(rows))
    }
}
