//! Storage errors. Callers mostly need to tell "not found" and "conflict" apart from "broken".

/// What can go wrong talking to the database.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("unsupported database URL (expected sqlite:… or postgres://…): {0}")]
    UnsupportedUrl(String),
    #[error("cannot create the directory for the SQLite database {path}: {source}")]
    CreateDir {
        path: String,
        source: std::io::Error,
    },
    #[error("database error: {0}")]
    Db(#[from] sea_orm::DbErr),
    #[error("database connection error: {0}")]
    Sqlx(#[from] sqlx::Error),
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
    #[error("{0} not found")]
    NotFound(String),
    /// A value the schema cannot hold as given (a count beyond 2^63, margins of several files
    /// where one file is expected). Nothing was written.
    #[error("cannot store {0}")]
    Unstorable(String),
    #[error("the database did not answer within {0:?}")]
    Timeout(std::time::Duration),
}

impl StoreError {
    /// Whether the database could not be reached or was too busy to answer in time: a state that
    /// passes (a restart, a failover, a held write lock), so the caller should say "try again
    /// soon" (`503` with `Retry-After`) rather than report a fault.
    pub fn is_unavailable(&self) -> bool {
        match self {
            StoreError::Timeout(_) => true,
            StoreError::Sqlx(e) => sqlx_unavailable(e),
            StoreError::Db(e) => db_unavailable(e),
            _ => false,
        }
    }
}

fn db_unavailable(e: &sea_orm::DbErr) -> bool {
    use sea_orm::{DbErr, RuntimeErr};
    match e {
        DbErr::ConnectionAcquire(_) => true,
        DbErr::Conn(RuntimeErr::SqlxError(e))
        | DbErr::Exec(RuntimeErr::SqlxError(e))
        | DbErr::Query(RuntimeErr::SqlxError(e)) => sqlx_unavailable(e),
        DbErr::Conn(_) => true,
        _ => false,
    }
}

pub(crate) fn sqlx_unavailable(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed => true,
        sqlx::Error::Database(db) => db.code().is_some_and(|code| unavailable_code(&code)),
        _ => false,
    }
}

/// PostgreSQL: class 08 (connection exception), 53300 (too many connections), 57P01–57P03 (the
/// server is shutting down, crashed or starting). SQLite: 5 and 6 (`SQLITE_BUSY`, `SQLITE_LOCKED`,
/// after the busy timeout), with their extended codes.
fn unavailable_code(code: &str) -> bool {
    code.starts_with("08")
        || matches!(code, "53300" | "57P01" | "57P02" | "57P03")
        || code.parse::<u32>().is_ok_and(|n| matches!(n & 0xff, 5 | 6))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passing_states_are_unavailable_and_faults_are_not() {
        assert!(StoreError::Sqlx(sqlx::Error::PoolTimedOut).is_unavailable());
        assert!(
            StoreError::Sqlx(sqlx::Error::Io(std::io::Error::from(
                std::io::ErrorKind::ConnectionRefused
            )))
            .is_unavailable()
        );
        assert!(StoreError::Timeout(std::time::Duration::from_secs(2)).is_unavailable());
        assert!(!StoreError::Sqlx(sqlx::Error::RowNotFound).is_unavailable());
        assert!(!StoreError::Corrupt("x".into()).is_unavailable());
        assert!(!StoreError::NotFound("poll".into()).is_unavailable());
    }

    #[test]
    fn database_codes_of_passing_states() {
        for code in [
            "08006", "08001", "57P01", "57P03", "53300", "5", "517", "6", "262",
        ] {
            assert!(unavailable_code(code), "{code}");
        }
        for code in ["23505", "42P01", "19", "2067", "1"] {
            assert!(!unavailable_code(code), "{code}");
        }
    }
}
