//! What the database holds after a run, compared with what the clients were told.

use std::collections::HashSet;

use sqlx::Connection;

use crate::load::Outcome;

/// The submission ids stored for the poll `demo`, with repeats if there were any.
pub async fn stored_ids(database_url: &str) -> Vec<String> {
    const SQL: &str = "SELECT r.submission_id FROM responses r JOIN polls p ON p.id = r.poll_id \
                       WHERE p.slug = 'demo'";
    if database_url.starts_with("sqlite:") {
        let mut conn = sqlx::SqliteConnection::connect(database_url).await.unwrap();
        sqlx::query_scalar(SQL).fetch_all(&mut conn).await.unwrap()
    } else {
        let mut conn = sqlx::PgConnection::connect(database_url).await.unwrap();
        sqlx::query_scalar(SQL).fetch_all(&mut conn).await.unwrap()
    }
}

/// The figures of a run.
#[derive(Debug)]
pub struct Ledger {
    pub acknowledged: usize,
    pub stored: usize,
    /// Acknowledged but not stored.
    pub lost: usize,
    /// Stored more than once.
    pub doubled: usize,
    /// Stored but never sent (must be 0).
    pub unknown: usize,
    pub unacknowledged: usize,
}

impl Ledger {
    pub async fn of(database_url: &str, outcome: &Outcome) -> Ledger {
        let rows = stored_ids(database_url).await;
        let stored: HashSet<&String> = rows.iter().collect();
        Ledger {
            acknowledged: outcome.acknowledged.len(),
            stored: rows.len(),
            lost: outcome
                .acknowledged
                .iter()
                .filter(|id| !stored.contains(id))
                .count(),
            doubled: rows.len() - stored.len(),
            unknown: stored
                .iter()
                .filter(|id| !outcome.attempted.contains(id.as_str()))
                .count(),
            unacknowledged: outcome.unacknowledged.len(),
        }
    }

    /// Panics unless every acknowledged submission is stored exactly once and nothing else is.
    pub fn assert_exact(&self, run: &str) {
        eprintln!("{run}: {self:?}");
        assert_eq!(
            self.lost, 0,
            "{run}: acknowledged submissions lost: {self:?}"
        );
        assert_eq!(self.doubled, 0, "{run}: submissions stored twice: {self:?}");
        assert_eq!(self.unknown, 0, "{run}: rows nobody sent: {self:?}");
        assert_eq!(
            self.unacknowledged, 0,
            "{run}: submissions never acknowledged: {self:?}"
        );
        assert_eq!(self.stored, self.acknowledged, "{run}: {self:?}");
    }
}
