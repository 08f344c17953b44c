//! Data retention (`[retention]`): a published poll's responses are deleted a configured number
//! of months after its results came out. What residents were promised stays: the results page
//! keeps the figures as they were published (under the small-cell rule), kept in the publication
//! by the same transaction that deletes the responses (`flits_store`'s retention module).

use chrono::{DateTime, Months, Utc};
use flits_store::Store;

use crate::RunnerError;

/// How many due polls one step handles; the rest wait for the next tick.
const BATCH: u64 = 20;

/// When responses are deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    /// Months after the results were published; `0` keeps responses for ever.
    pub after_months: u32,
    /// The small-cell rule for the figures kept.
    pub k: u64,
}

/// What one step deleted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RetentionReport {
    /// Polls whose responses this step deleted, with how many.
    pub deleted: Vec<(String, u64)>,
    /// Polls that could not be done; tried again at the next tick.
    pub failed: Vec<(String, String)>,
}

impl Retention {
    /// Deletes the responses of every poll whose results were published at least
    /// `after_months` before `now` (at most [`BATCH`] polls per step).
    pub async fn step(
        &self,
        store: &Store,
        now: DateTime<Utc>,
    ) -> Result<RetentionReport, RunnerError> {
        let mut report = RetentionReport::default();
        if self.after_months == 0 {
            return Ok(report);
        }
        let Some(cutoff) = now.checked_sub_months(Months::new(self.after_months)) else {
            return Ok(report);
        };
        for due in store.due_response_deletions(cutoff, BATCH).await? {
            match self.delete(store, &due, now).await {
                Ok(Some(n)) => report.deleted.push((due.slug, n)),
                Ok(None) => {} // Another runner did it first.
                Err(e) => report.failed.push((due.slug, e)),
            }
        }
        Ok(report)
    }

    async fn delete(
        &self,
        store: &Store,
        due: &flits_store::DueDeletion,
        now: DateTime<Utc>,
    ) -> Result<Option<u64>, String> {
        let poll = store
            .poll_by_slug(&due.slug)
            .await
            .map_err(|e| e.to_string())?
            .ok_or_else(|| format!("poll {} disappeared", due.slug))?;
        let figures = flits_export::aggregate(store, &poll, self.k)
            .await
            .map_err(|e| e.to_string())?;
        let figures = serde_json::to_string(&figures).map_err(|e| e.to_string())?;
        store
            .delete_responses_keeping_figures(due, figures, self.after_months, now)
            .await
            .map_err(|e| e.to_string())
    }
}
