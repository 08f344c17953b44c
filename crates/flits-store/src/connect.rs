//! Connecting, migrating and checking the database.

use std::str::FromStr;
use std::time::Duration;

use flits_migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, Database, DatabaseConnection, SqlxSqliteConnector};
use sqlx::ConnectOptions as _;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use crate::error::StoreError;

/// Which database engine a store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A handle to the database; cheap to clone (a connection pool inside).
#[derive(Debug, Clone)]
pub struct Store {
    pub(crate) db: DatabaseConnection,
    backend: Backend,
    /// The SQLite file, so readiness can notice when it has been removed from under us.
    sqlite_file: Option<std::path::PathBuf>,
    /// Orders schedule decisions within this process (see `schedule_lock`).
    pub(crate) schedule_lock: std::sync::Arc<tokio::sync::Mutex<()>>,
}

/// Rows handed from the SQLite worker thread to a reader at a time.
const ROW_BUFFER_SIZE: usize = 4096;

/// How long readiness waits for the database before calling it unreachable.
const PING_TIMEOUT: Duration = Duration::from_secs(2);

impl Store {
    /// Connects to `url` (`sqlite:PATH`, `sqlite::memory:`, or `postgres://…`).
    ///
    /// SQLite gets WAL mode with `synchronous=NORMAL` (durable against a crash of the process),
    /// foreign keys on, `secure_delete`, and a busy timeout; its directory is created when missing.
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        if url.starts_with("sqlite:") {
            let opts = SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(10))
                .foreign_keys(true)
                // Deleted rows (results e-mail addresses once sent) are overwritten, not left in
                // free pages of the file.
                .pragma("secure_delete", "ON")
                // After a spike the WAL starts over but its file keeps its largest size; past this
                // many bytes it is cut back (the response writer's checkpoints let it start over).
                .pragma("journal_size_limit", "67108864")
                // Rows cross from SQLite's worker thread in batches this big: with the default
                // (50) a long read such as an export spends its time switching threads.
                .row_buffer_size(ROW_BUFFER_SIZE)
                .disable_statement_logging();
            let file = opts.get_filename().to_path_buf();
            let in_memory = url.contains(":memory:")
                || file.as_os_str().is_empty()
                || file.to_string_lossy().starts_with("file:sqlx-in-memory");
            if !in_memory && let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
                    path: dir.display().to_string(),
                    source,
                })?;
            }
            let pool = SqlitePoolOptions::new()
                .max_connections(if in_memory { 1 } else { 8 })
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(opts)
                .await?;
            Ok(Store {
                db: SqlxSqliteConnector::from_sqlx_sqlite_pool(pool),
                backend: Backend::Sqlite,
                sqlite_file: (!in_memory).then_some(file),
                schedule_lock: crate::schedule_lock::new_local_lock(),
            })
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let mut opts = ConnectOptions::new(url.to_owned());
            opts.max_connections(16)
                .min_connections(1)
                .connect_timeout(Duration::from_secs(5))
                .acquire_timeout(Duration::from_secs(5))
                .sqlx_logging(false);
            Ok(Store {
                db: Database::connect(opts).await?,
                backend: Backend::Postgres,
                sqlite_file: None,
                schedule_lock: crate::schedule_lock::new_local_lock(),
            })
        } else {
            Err(StoreError::UnsupportedUrl(redact(url)))
        }
    }

    /// Which engine this store runs on.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Applies every pending migration; returns how many were applied.
    pub async fn migrate(&self) -> Result<usize, StoreError> {
        let pending = Migrator::get_pending_migrations(&self.db).await?.len();
        Migrator::up(&self.db, None).await?;
        Ok(pending)
    }

    /// Names of the migrations already applied, oldest first.
    pub async fn applied_migrations(&self) -> Result<Vec<String>, StoreError> {
        Ok(Migrator::get_applied_migrations(&self.db)
            .await?
            .iter()
            .map(|m| m.name().to_owned())
            .collect())
    }

    /// Whether the database answers: what `/readyz` reports.
    pub async fn ping(&self) -> Result<(), StoreError> {
        if let Some(file) = &self.sqlite_file
            && !file.exists()
        {
            return Err(StoreError::NotFound(format!(
                "SQLite database file {}",
                file.display()
            )));
        }
        match tokio::time::timeout(PING_TIMEOUT, self.db.ping()).await {
            Ok(result) => Ok(result?),
            Err(_) => Err(StoreError::Timeout(PING_TIMEOUT)),
        }
    }

    /// Closes every connection of the pool.
    pub async fn close(self) -> Result<(), StoreError> {
        Ok(self.db.close().await?)
    }
}

/// A database URL with any password replaced, for messages and logs.
pub fn redact(url: &str) -> String {
    match url.split_once("://") {
        Some((scheme, rest)) => match rest.split_once('@') {
            Some((userinfo, host)) => {
                let user = userinfo.split(':').next().unwrap_or("");
                format!("{scheme}://{user}:***@{host}")
            }
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_passwords() {
        assert_eq!(redact("postgres://u:secret@h/db"), "postgres://u:***@h/db");
        assert_eq!(redact("sqlite:data/flits.db"), "sqlite:data/flits.db");
    }

    #[tokio::test]
    async fn migrates_an_in_memory_sqlite_twice() {
        let store = Store::connect("sqlite::memory:").await.unwrap();
        assert!(store.migrate().await.unwrap() >= 1);
        assert_eq!(store.migrate().await.unwrap(), 0);
        store.ping().await.unwrap();
    }
}
