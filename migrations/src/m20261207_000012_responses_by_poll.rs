//! On SQLite, keeps each response in one B-tree, keyed by its poll and an id derived from its
//! submission id, instead of a table keyed by a random id plus a unique index beside it.
//!
//! Storing a response wrote two random pages: one in the table, one in the index on
//! `(poll_id, submission_id)` on which exactly-once submits rest. Under load that doubled what
//! every commit wrote to the WAL and what every checkpoint copied back. Now the id of a response is
//! a UUID v5 of its submission id in the namespace of its poll (`flits-store`,
//! `responses::response_id`): the same submission of the same poll always gets the same id, so the
//! key `(poll_id, id)` refuses a second row by itself, and the index goes.
//!
//! The table still keeps no insert order: within a poll the rows lie in the order of ids that
//! look random, whatever order the submission ids came in. A poll's rows lie together, so reading
//! one poll (counting, exporting) walks one range of the key instead of a second index.
//!
//! Every row stored so far gets its derived id here, so a retry that arrives after the upgrade is
//! still a duplicate. On SQLite the migration's first statement creates the new table, which takes
//! SQLite's write lock: nothing else writes in between.
//!
//! On PostgreSQL the table stays a heap, but the ids are rewritten the same way (under a lock that
//! keeps out inserts until the commit) and the unique index on `(poll_id, submission_id)` goes:
//! the primary key on `id` now refuses a second row by itself, and each insert writes one index
//! page at a random place instead of two.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend, Statement, TransactionTrait, Value};
use uuid::Uuid;

use crate::m20261206_000010_unordered_responses as m10;

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
enum NewResponses {
    #[sea_orm(iden = "responses_by_poll")]
    Table,
}

const COLUMNS: &str = "id, poll_id, submission_id, channel, lang, answers, submitted_on";

/// Rows moved per statement: two parameters each, well under SQLite's limit.
const ROWS_PER_STATEMENT: usize = 500;

/// The id of a stored response, as `flits-store` derives it (`responses::response_id`); kept
/// here as it was when this migration was written, since a migration never changes.
fn response_id(poll_id: Uuid, submission_id: &str) -> Uuid {
    Uuid::new_v5(&poll_id, submission_id.as_bytes())
}

/// The responses table under its new name, `WITHOUT ROWID`, keyed by `(poll_id, id)`.
fn responses_table() -> String {
    let mut sql = Table::create()
        .table(NewResponses::Table)
        .col(ColumnDef::new(Responses::Id).uuid().not_null())
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
        .primary_key(Index::create().col(Responses::PollId).col(Responses::Id))
        .foreign_key(
            ForeignKey::create()
                .from(NewResponses::Table, Responses::PollId)
                .to(Polls::Table, Polls::Id),
        )
        .to_string(SqliteQueryBuilder);
    sql.push_str(" WITHOUT ROWID");
    sql
}

/// Moves every row into the new table, each under its derived id, in one transaction on one
/// connection (other connections of the pool may hold a read snapshot; they see the old table
/// until the commit).
async fn rebuild_by_poll(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let txn = manager.get_connection().begin().await?;
    txn.execute_unprepared(&responses_table()).await?;
    let mut after: Option<Vec<u8>> = None;
    loop {
        let limit = Value::from(ROWS_PER_STATEMENT as i64);
        // Along the key of the old table, one page after the other.
        let statement = match after.take() {
            None => Statement::from_sql_and_values(
                DbBackend::Sqlite,
                "SELECT id, poll_id, submission_id FROM responses ORDER BY id LIMIT ?",
                [limit],
            ),
            Some(after) => Statement::from_sql_and_values(
                DbBackend::Sqlite,
                "SELECT id, poll_id, submission_id FROM responses WHERE id > ? ORDER BY id LIMIT ?",
                [after.into(), limit],
            ),
        };
        let page = txn.query_all(statement).await?;
        let Some(last) = page.last() else { break };
        after = Some(last.try_get_by_index::<Vec<u8>>(0)?);
        let mut values: Vec<Value> = Vec::with_capacity(page.len() * 2);
        for row in &page {
            let id: Vec<u8> = row.try_get_by_index(0)?;
            let poll: Vec<u8> = row.try_get_by_index(1)?;
            let submission: String = row.try_get_by_index(2)?;
            let poll = Uuid::from_slice(&poll)
                .map_err(|e| DbErr::Migration(format!("a response's poll id: {e}")))?;
            values.push(id.into());
            values.push(response_id(poll, &submission).as_bytes().to_vec().into());
        }
        let pairs = vec!["(?, ?)"; page.len()].join(", ");
        txn.execute(Statement::from_sql_and_values(
            DbBackend::Sqlite,
            format!(
                "INSERT INTO responses_by_poll ({COLUMNS}) \
                 SELECT m.column2, r.poll_id, r.submission_id, r.channel, r.lang, r.answers, \
                        r.submitted_on \
                 FROM (VALUES {pairs}) AS m JOIN responses AS r ON r.id = m.column1"
            ),
            values,
        ))
        .await?;
        if page.len() < ROWS_PER_STATEMENT {
            break;
        }
    }
    txn.execute_unprepared(
        "DROP TABLE responses;\nALTER TABLE responses_by_poll RENAME TO responses;",
    )
    .await?;
    txn.commit().await
}

/// Back to migration 10's table; the rows keep their derived ids, which are as unique.
async fn rebuild_by_id(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    // Migration 10's own table and index, so going down restores exactly what it made.
    let table = format!(
        "{} WITHOUT ROWID",
        m10::responses_table(NewResponses::Table).to_string(SqliteQueryBuilder)
    );
    let index = m10::unique_submission_index().to_string(SqliteQueryBuilder);
    let txn = manager.get_connection().begin().await?;
    txn.execute_unprepared(&format!(
        "{table};\n\
         INSERT INTO responses_by_poll ({COLUMNS}) SELECT {COLUMNS} FROM responses;\n\
         DROP TABLE responses;\n\
         ALTER TABLE responses_by_poll RENAME TO responses;\n\
         {index};"
    ))
    .await?;
    txn.commit().await
}

/// Gives every row on PostgreSQL its derived id, then drops the unique index. Runs inside the
/// migration's transaction; the lock keeps other instances from inserting rows (under random
/// ids) that this pass would miss, and lets readers be.
async fn rekey_postgres(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    db.execute_unprepared(
        "LOCK TABLE responses IN SHARE ROW EXCLUSIVE MODE;\n\
         CREATE TEMPORARY TABLE flits_response_ids (old uuid PRIMARY KEY, new uuid NOT NULL) \
         ON COMMIT DROP;",
    )
    .await?;
    let mut after: Option<Uuid> = None;
    loop {
        let limit = Value::from(ROWS_PER_STATEMENT as i64);
        let statement = match after {
            None => Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT id, poll_id, submission_id FROM responses ORDER BY id LIMIT $1",
                [limit],
            ),
            Some(after) => Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT id, poll_id, submission_id FROM responses WHERE id > $1 ORDER BY id LIMIT $2",
                [after.into(), limit],
            ),
        };
        let page = db.query_all(statement).await?;
        let Some(last) = page.last() else { break };
        after = Some(last.try_get_by_index::<Uuid>(0)?);
        let mut values: Vec<Value> = Vec::with_capacity(page.len() * 2);
        let mut pairs = Vec::with_capacity(page.len());
        for row in &page {
            let id: Uuid = row.try_get_by_index(0)?;
            let poll: Uuid = row.try_get_by_index(1)?;
            let submission: String = row.try_get_by_index(2)?;
            values.push(id.into());
            values.push(response_id(poll, &submission).into());
            pairs.push(format!(
                "(${}::uuid, ${}::uuid)",
                values.len() - 1,
                values.len()
            ));
        }
        db.execute(Statement::from_sql_and_values(
            DbBackend::Postgres,
            format!(
                "INSERT INTO flits_response_ids (old, new) VALUES {}",
                pairs.join(", ")
            ),
            values,
        ))
        .await?;
        if page.len() < ROWS_PER_STATEMENT {
            break;
        }
    }
    db.execute_unprepared(
        "UPDATE responses AS r SET id = m.new FROM flits_response_ids AS m \
         WHERE r.id = m.old AND m.old <> m.new;\n\
         DROP TABLE flits_response_ids;",
    )
    .await?;
    manager
        .drop_index(
            Index::drop()
                .name("uq_responses_poll_submission")
                .table(Responses::Table)
                .to_owned(),
        )
        .await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        match manager.get_database_backend() {
            DbBackend::Sqlite => rebuild_by_poll(manager).await,
            DbBackend::Postgres => rekey_postgres(manager).await,
            _ => Ok(()),
        }
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        match manager.get_database_backend() {
            DbBackend::Sqlite => rebuild_by_id(manager).await,
            // The rows keep their derived ids, which are as unique.
            DbBackend::Postgres => manager.create_index(m10::unique_submission_index()).await,
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use sea_orm_migration::sea_orm::{ConnectOptions, Database};

    use super::*;
    use crate::Migrator;

    /// The pinned derivation (Python: `uuid.uuid5(poll, submission_id)`); `flits-store` pins the
    /// same value, so both derive the same ids.
    #[test]
    fn the_id_is_a_v5_uuid_of_the_submission_in_the_polls_namespace() {
        let poll = Uuid::from_u128(0x0102030405060708090a0b0c0d0e0f10);
        assert_eq!(
            response_id(poll, "form-00112233445566778899aabbccddeeff").to_string(),
            "a1d7cb5b-246a-599c-8888-3c1ae4d6adf6"
        );
    }

    #[tokio::test]
    async fn on_sqlite_every_row_gets_its_derived_id_and_a_retry_stays_a_duplicate() {
        let dir = std::env::temp_dir().join(format!("flits-m12-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("flits.db");
        let _ = std::fs::remove_file(&file);
        let mut options = ConnectOptions::new(format!("sqlite:{}?mode=rwc", file.display()));
        options.max_connections(1).min_connections(1);
        let db = Database::connect(options).await.unwrap();
        Migrator::up(&db, Some(11)).await.unwrap();
        db.execute_unprepared("PRAGMA foreign_keys = OFF")
            .await
            .unwrap();
        let poll = Uuid::from_u128(0x0102030405060708090a0b0c0d0e0f10);
        // More rows than one statement moves, under random ids, with submission ids in order.
        let n = ROWS_PER_STATEMENT * 2 + 7;
        db.execute(Statement::from_sql_and_values(
            DbBackend::Sqlite,
            format!(
                "WITH RECURSIVE c(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM c WHERE x + 1 < ?) \
                 INSERT INTO responses ({COLUMNS}) \
                 SELECT randomblob(16), ?, printf('s%05d', x), NULL, 'nl', '{{}}', '2026-12-07' \
                 FROM c"
            ),
            [(n as i64).into(), poll.as_bytes().to_vec().into()],
        ))
        .await
        .unwrap();
        Migrator::up(&db, None).await.unwrap();

        let rows = db
            .query_all(Statement::from_string(
                DbBackend::Sqlite,
                // `answers` is in no key: SQLite walks the table itself, in its stored order.
                "SELECT id, submission_id FROM responses WHERE answers <> ''",
            ))
            .await
            .unwrap();
        assert_eq!(rows.len(), n);
        let stored: Vec<(Uuid, String)> = rows
            .iter()
            .map(|r| {
                let id: Vec<u8> = r.try_get_by_index(0).unwrap();
                (
                    Uuid::from_slice(&id).unwrap(),
                    r.try_get_by_index(1).unwrap(),
                )
            })
            .collect();
        for (id, submission) in &stored {
            assert_eq!(*id, response_id(poll, submission));
        }
        // In the order of the derived ids, not of the submission ids that came in order.
        let ids: Vec<Uuid> = stored.iter().map(|(id, _)| *id).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted);
        let submissions: Vec<&str> = stored.iter().map(|(_, s)| s.as_str()).collect();
        let mut in_order = submissions.clone();
        in_order.sort_unstable();
        assert_ne!(submissions, in_order);
        assert!(
            db.query_all(Statement::from_string(
                DbBackend::Sqlite,
                "SELECT CAST(rowid AS TEXT) FROM responses"
            ))
            .await
            .is_err()
        );
        // A retry of a row stored before the upgrade is refused by the key.
        let again = db
            .execute(Statement::from_sql_and_values(
                DbBackend::Sqlite,
                format!("INSERT INTO responses ({COLUMNS}) VALUES (?, ?, 's00003', NULL, 'nl', '{{}}', '2026-12-07')"),
                [
                    response_id(poll, "s00003").as_bytes().to_vec().into(),
                    poll.as_bytes().to_vec().into(),
                ],
            ))
            .await;
        assert!(again.is_err());

        // Down and up again keep every row.
        down_and_up_keep_every_row(&db, n).await;
        db.close().await.unwrap();
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// Undoes this migration and applies it again: all `n` rows are still there.
    async fn down_and_up_keep_every_row(
        db: &sea_orm_migration::sea_orm::DatabaseConnection,
        n: usize,
    ) {
        Migrator::down(db, Some(1)).await.unwrap();
        Migrator::up(db, None).await.unwrap();
        let count = db
            .query_one(Statement::from_string(
                db.get_database_backend(),
                "SELECT count(*) FROM responses",
            ))
            .await
            .unwrap()
            .unwrap()
            .try_get_by_index::<i64>(0)
            .unwrap();
        assert_eq!(count, n as i64);
    }

    /// The admin URL of the test PostgreSQL, or `None` (the test then says `SKIPPED`, or fails
    /// where every test must run).
    fn postgres_admin(test: &str) -> Option<String> {
        let url = std::env::var("FLITS_TEST_POSTGRES_URL")
            .ok()
            .filter(|s| !s.is_empty());
        if url.is_none() {
            let must_run = std::env::var("CI").is_ok_and(|v| v == "true")
                || std::env::var("FLITS_TEST_REQUIRE_ALL").is_ok_and(|v| v == "1");
            assert!(
                !must_run,
                "{test} cannot run: FLITS_TEST_POSTGRES_URL is not set"
            );
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED {test}: FLITS_TEST_POSTGRES_URL is not set"
            );
        }
        url
    }

    #[tokio::test]
    async fn on_postgres_every_row_gets_its_derived_id_and_the_key_alone_refuses_a_retry() {
        let Some(admin) = postgres_admin("m12::on_postgres") else {
            return;
        };
        let name = format!("flits_m12_{}", Uuid::new_v4().simple());
        let admin_db = Database::connect(admin.as_str()).await.unwrap();
        admin_db
            .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
            .await
            .unwrap();
        let url = match admin.rsplit_once('/') {
            Some((server, _)) => format!("{server}/{name}"),
            None => panic!("FLITS_TEST_POSTGRES_URL has no database name"),
        };
        // One connection, so the session setting below holds for every statement.
        let mut options = ConnectOptions::new(url);
        options.max_connections(1).min_connections(1);
        let db = Database::connect(options).await.unwrap();
        Migrator::up(&db, Some(11)).await.unwrap();
        // Responses of a poll this test does not need to build: no foreign-key checks.
        db.execute_unprepared("SET session_replication_role = replica")
            .await
            .unwrap();
        let poll = Uuid::from_u128(0x0102030405060708090a0b0c0d0e0f10);
        let n = ROWS_PER_STATEMENT * 2 + 7;
        db.execute(Statement::from_sql_and_values(
            DbBackend::Postgres,
            format!(
                "INSERT INTO responses ({COLUMNS}) \
                 SELECT gen_random_uuid(), $1, 's' || lpad(x::text, 5, '0'), NULL, 'nl', '{{}}', \
                        date '2026-12-07' FROM generate_series(0, $2 - 1) AS x"
            ),
            [poll.into(), (n as i32).into()],
        ))
        .await
        .unwrap();
        Migrator::up(&db, None).await.unwrap();

        let rows = db
            .query_all(Statement::from_string(
                DbBackend::Postgres,
                "SELECT id, submission_id FROM responses",
            ))
            .await
            .unwrap();
        assert_eq!(rows.len(), n);
        for row in &rows {
            let id: Uuid = row.try_get_by_index(0).unwrap();
            let submission: String = row.try_get_by_index(1).unwrap();
            assert_eq!(id, response_id(poll, &submission));
        }
        let indexes = db
            .query_all(Statement::from_string(
                DbBackend::Postgres,
                "SELECT indexname FROM pg_indexes WHERE tablename = 'responses'",
            ))
            .await
            .unwrap();
        let indexes: Vec<String> = indexes
            .iter()
            .map(|r| r.try_get_by_index(0).unwrap())
            .collect();
        assert_eq!(indexes, ["responses_pkey"]);
        // A retry of a row stored before the upgrade is refused by the primary key.
        let again = db
            .execute(Statement::from_sql_and_values(
                DbBackend::Postgres,
                format!(
                    "INSERT INTO responses ({COLUMNS}) \
                     VALUES ($1, $2, 's00003', NULL, 'nl', '{{}}', date '2026-12-07')"
                ),
                [response_id(poll, "s00003").into(), poll.into()],
            ))
            .await;
        assert!(again.is_err());

        // Down brings the unique index back; up takes it away again; every row stays.
        down_and_up_keep_every_row(&db, n).await;
        db.close().await.unwrap();
        admin_db
            .execute_unprepared(&format!("DROP DATABASE \"{name}\""))
            .await
            .unwrap();
    }
}
