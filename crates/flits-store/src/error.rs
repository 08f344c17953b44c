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
