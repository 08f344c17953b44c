//! Stores the responses in the order of their random ids, not in the order they came in.
//!
//! A response holds the date it came in and nothing finer. But SQLite numbers the rows of a table
//! in the order they are inserted (its hidden `rowid`), and PostgreSQL appends them to its heap
//! and stamps each with the transaction that wrote it: read next to a log with times, the order
//! of the rows gives each response its moment again. On SQLite the table becomes `WITHOUT ROWID`:
//! a B-tree on its random `id` that remembers no insert order. PostgreSQL has no such table kind:
//! here the rows are written once more in `id` order, in this one transaction; the runner does the
//! same for each day's new rows as they come in (`Store::shuffle_responses`).
//!
//! The unique index on `(poll_id, submission_id)`, on which exactly-once submits rest, is made
//! again with the table on SQLite and stays as it is on PostgreSQL.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Polls {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Responses {
    Table,
    Id,
    PollId,
    SubmissionId,
    Channel,
    Lang,
    Answers,
    SubmittedOn,
}

#[derive(DeriveIden)]
enum KeyedResponses {
    #[sea_orm(iden = "responses_keyed")]
    Table,
}

/// The table of the first migration, under `name` (migration 12 goes back to it).
pub(crate) fn responses_table(name: impl IntoIden + 'static) -> TableCreateStatement {
    Table::create()
        .table(name)
        .col(
            ColumnDef::new(Responses::Id)
                .uuid()
                .not_null()
                .primary_key(),
        )
        .col(ColumnDef::new(Responses::PollId).uuid().not_null())
        .col(
            ColumnDef::new(Responses::SubmissionId)
                .string_len(64)
                .not_null(),
        )
        .col(ColumnDef::new(Responses::Channel).string_len(64).null())
        .col(ColumnDef::new(Responses::Lang).string_len(8).not_null())
        .col(ColumnDef::new(Responses::Answers).text().not_null())
        .col(ColumnDef::new(Responses::SubmittedOn).date().not_null())
        .foreign_key(
            ForeignKey::create()
                .from(Responses::Table, Responses::PollId)
                .to(Polls::Table, Polls::Id),
        )
        .to_owned()
}

/// The exactly-once guarantee of submissions rests on this index (until migration 12).
pub(crate) fn unique_submission_index() -> IndexCreateStatement {
    Index::create()
        .name("uq_responses_poll_submission")
        .table(Responses::Table)
        .col(Responses::PollId)
        .col(Responses::SubmissionId)
        .unique()
        .to_owned()
}

const COLUMNS: &str = "id, poll_id, submission_id, channel, lang, answers, submitted_on";

/// Rebuilds the table on SQLite, `WITHOUT ROWID` when `keyed`, keeping every row.
///
/// One batch on one connection, inside a savepoint, as migration 7 does for the subscribers: the
/// pool's other connections may hold a read snapshot from before the old table was dropped, and a
/// failed step leaves the old table as it was.
async fn rebuild_sqlite(manager: &SchemaManager<'_>, keyed: bool) -> Result<(), DbErr> {
    let mut create = responses_table(KeyedResponses::Table).to_string(SqliteQueryBuilder);
    if keyed {
        create.push_str(" WITHOUT ROWID");
    }
    let index = unique_submission_index().to_string(SqliteQueryBuilder);
    let batch = format!(
        "SAVEPOINT rebuild_responses;\n\
         {create};\n\
         INSERT INTO responses_keyed ({COLUMNS}) SELECT {COLUMNS} FROM responses ORDER BY id;\n\
         DROP TABLE responses;\n\
         ALTER TABLE responses_keyed RENAME TO responses;\n\
         {index};\n\
         RELEASE rebuild_responses;"
    );
    manager.get_connection().execute_unprepared(&batch).await?;
    Ok(())
}

/// Writes every response again on PostgreSQL, in `id` order, within the migration's transaction:
/// the rows then sit in random order and all carry this one transaction.
async fn rewrite_postgres(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    for step in [
        "CREATE TEMPORARY TABLE flits_responses_moving (LIKE responses) ON COMMIT DROP".to_owned(),
        "WITH moved AS (DELETE FROM responses RETURNING *) \
         INSERT INTO flits_responses_moving SELECT * FROM moved"
            .to_owned(),
        format!(
            "INSERT INTO responses ({COLUMNS}) SELECT {COLUMNS} FROM flits_responses_moving ORDER BY id"
        ),
        "DROP TABLE flits_responses_moving".to_owned(),
    ] {
        db.execute_unprepared(&step).await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        match manager.get_database_backend() {
            DbBackend::Sqlite => rebuild_sqlite(manager, true).await,
            DbBackend::Postgres => rewrite_postgres(manager).await,
            _ => Ok(()),
        }
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DbBackend::Sqlite {
            rebuild_sqlite(manager, false).await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use sea_orm_migration::sea_orm::{ConnectOptions, Database};

    use super::*;
    use crate::Migrator;

    /// The rows as the table holds them: reading `answers`, which no index has, makes SQLite
    /// walk the table itself.
    const STORED_ORDER: &str = "SELECT submission_id FROM responses WHERE answers <> ''";

    #[tokio::test]
    async fn on_sqlite_every_row_stays_and_no_insert_order_does() {
        let dir = std::env::temp_dir().join(format!("flits-m10-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("flits.db");
        let _ = std::fs::remove_file(&file);
        // One connection, so the pragma below holds for every statement.
        let mut options = ConnectOptions::new(format!("sqlite:{}?mode=rwc", file.display()));
        options.max_connections(1).min_connections(1);
        let db = Database::connect(options).await.unwrap();
        Migrator::up(&db, Some(8)).await.unwrap();
        // Responses of a poll this test does not need to build.
        db.execute_unprepared("PRAGMA foreign_keys = OFF")
            .await
            .unwrap();
        for (id, sid) in [("ff", "eerste"), ("00", "tweede"), ("7f", "derde")] {
            db.execute_unprepared(&format!(
                "INSERT INTO responses ({COLUMNS}) VALUES \
                 (X'{id}000000000000000000000000000000', X'0102030405060708090a0b0c0d0e0f10', \
                  '{sid}', 'poster', 'nl', '{{}}', '2026-12-06')"
            ))
            .await
            .unwrap();
        }
        let order = |sql: &'static str| {
            let db = &db;
            async move {
                db.query_all(sea_orm_migration::sea_orm::Statement::from_string(
                    DbBackend::Sqlite,
                    sql,
                ))
                .await
                .map(|rows| {
                    rows.iter()
                        .map(|r| r.try_get_by_index::<String>(0).unwrap())
                        .collect::<Vec<_>>()
                })
            }
        };
        assert_eq!(
            order(STORED_ORDER).await.unwrap(),
            ["eerste", "tweede", "derde"],
            "before: in the order they came"
        );
        // This migration alone (migration 12 keys the table differently again).
        Migrator::up(&db, Some(2)).await.unwrap();
        assert_eq!(
            order(STORED_ORDER).await.unwrap(),
            ["tweede", "derde", "eerste"],
            "after: in the order of their ids"
        );
        assert!(
            order("SELECT CAST(rowid AS TEXT) FROM responses")
                .await
                .is_err()
        );
        // The unique index is back: the same submission of the same poll is refused.
        let again = db
            .execute_unprepared(&format!(
                "INSERT INTO responses ({COLUMNS}) VALUES \
                 (X'11000000000000000000000000000000', X'0102030405060708090a0b0c0d0e0f10', \
                  'tweede', NULL, 'nl', '{{}}', '2026-12-06')"
            ))
            .await;
        assert!(again.is_err());
        db.close().await.unwrap();
        let _ = std::fs::remove_dir_all(&dir);
    }
}
