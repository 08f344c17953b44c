//! Stores the results e-mail addresses in the order of their random ids, not in the order they
//! came in.
//!
//! The responses and the addresses are kept apart, but both tables keep rows in the order they
//! were inserted (SQLite's hidden `rowid`, PostgreSQL's heap). Read side by side, the order of the
//! addresses of one day could be matched with the order of that day's responses. On SQLite the
//! table becomes `WITHOUT ROWID`: a B-tree on its random `id`, so nothing remembers the insert
//! order. PostgreSQL has no such table kind; there the runner rewrites the table in `id` order
//! after addresses come in (`Store::reorder_feedback`).

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
enum FeedbackSubscribers {
    Table,
    Id,
    PollId,
    Email,
    Lang,
    CreatedOn,
    SendingUntil,
    Attempts,
    LastError,
}

#[derive(DeriveIden)]
enum KeyedSubscribers {
    #[sea_orm(iden = "feedback_subscribers_keyed")]
    Table,
}

/// The table of migration 6, under `name`.
fn subscribers_table(name: impl IntoIden + 'static) -> TableCreateStatement {
    Table::create()
        .table(name)
        .col(
            ColumnDef::new(FeedbackSubscribers::Id)
                .uuid()
                .not_null()
                .primary_key(),
        )
        .col(
            ColumnDef::new(FeedbackSubscribers::PollId)
                .uuid()
                .not_null(),
        )
        .col(
            ColumnDef::new(FeedbackSubscribers::Email)
                .string()
                .not_null(),
        )
        .col(
            ColumnDef::new(FeedbackSubscribers::Lang)
                .string_len(8)
                .not_null(),
        )
        .col(
            ColumnDef::new(FeedbackSubscribers::CreatedOn)
                .date()
                .not_null(),
        )
        .col(
            ColumnDef::new(FeedbackSubscribers::SendingUntil)
                .timestamp_with_time_zone()
                .null(),
        )
        .col(
            ColumnDef::new(FeedbackSubscribers::Attempts)
                .integer()
                .not_null()
                .default(0),
        )
        .col(ColumnDef::new(FeedbackSubscribers::LastError).text().null())
        .foreign_key(
            ForeignKey::create()
                .from(FeedbackSubscribers::Table, FeedbackSubscribers::PollId)
                .to(Polls::Table, Polls::Id),
        )
        .to_owned()
}

fn unique_address_index() -> IndexCreateStatement {
    Index::create()
        .name("uq_feedback_subscribers_poll_email")
        .table(FeedbackSubscribers::Table)
        .col(FeedbackSubscribers::PollId)
        .col(FeedbackSubscribers::Email)
        .unique()
        .to_owned()
}

const COLUMNS: &str = "id, poll_id, email, lang, created_on, sending_until, attempts, last_error";

/// Rebuilds the table on SQLite, `WITHOUT ROWID` when `keyed`, keeping every row.
///
/// One batch on one connection, inside a savepoint: the pool's other connections may hold a
/// read snapshot (WAL) from before the old table was dropped, so the steps must not be spread
/// over them, and a failed step leaves the old table as it was.
async fn rebuild_sqlite(manager: &SchemaManager<'_>, keyed: bool) -> Result<(), DbErr> {
    let mut create = subscribers_table(KeyedSubscribers::Table).to_string(SqliteQueryBuilder);
    if keyed {
        create.push_str(" WITHOUT ROWID");
    }
    let index = unique_address_index().to_string(SqliteQueryBuilder);
    let batch = format!(
        "SAVEPOINT rebuild_subscribers;\n\
         {create};\n\
         INSERT INTO feedback_subscribers_keyed ({COLUMNS}) \
         SELECT {COLUMNS} FROM feedback_subscribers ORDER BY id;\n\
         DROP TABLE feedback_subscribers;\n\
         ALTER TABLE feedback_subscribers_keyed RENAME TO feedback_subscribers;\n\
         {index};\n\
         RELEASE rebuild_subscribers;"
    );
    manager.get_connection().execute_unprepared(&batch).await?;
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DbBackend::Sqlite {
            rebuild_sqlite(manager, true).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DbBackend::Sqlite {
            rebuild_sqlite(manager, false).await?;
        }
        Ok(())
    }
}
