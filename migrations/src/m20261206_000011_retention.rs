//! Data retention: a published poll's responses are deleted a configured number of months after
//! its results came out (`[retention]`). The results page keeps working from the figures kept at
//! deletion; the publication records when the responses went.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum PollPublications {
    Table,
    /// The poll's published figures (JSON, the small-cell rule applied) as they were when its
    /// responses were deleted; `NULL` while the responses are kept.
    RetainedFigures,
    /// When the responses were deleted.
    ResponsesDeletedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one thing at a time.
        manager
            .alter_table(
                Table::alter()
                    .table(PollPublications::Table)
                    .add_column(
                        ColumnDef::new(PollPublications::RetainedFigures)
                            .text()
                            .null(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(PollPublications::Table)
                    .add_column(
                        ColumnDef::new(PollPublications::ResponsesDeletedAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [
            PollPublications::ResponsesDeletedAt,
            PollPublications::RetainedFigures,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(PollPublications::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
