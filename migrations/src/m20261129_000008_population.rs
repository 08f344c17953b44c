//! Population margins per audience (issue 12; README.md, "Population margins").
//!
//! `population_files` holds, per audience, where its figures come from: the source and reference
//! date the imported file names, whether the figures are illustrative rather than official, and
//! when, by whom and how they were imported. `population_margins` holds the counts themselves, one
//! row per option of a profile question, with the position the file gave it so that staff see
//! the options in the file's order. Importing again replaces both in one transaction.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Audiences {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum PopulationFiles {
    Table,
    AudienceId,
    Source,
    ReferenceDate,
    Illustrative,
    ImportedAt,
    /// The staff user's e-mail address; null for the command line and the demo.
    ImportedBy,
    /// `cli`, `demo` or `staff`.
    ImportedVia,
}

#[derive(DeriveIden)]
enum PopulationMargins {
    Table,
    AudienceId,
    QuestionId,
    OptionId,
    /// The row's place in the file: questions in the order they first appear, options in order.
    Position,
    Count,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PopulationFiles::Table)
                    .col(
                        ColumnDef::new(PopulationFiles::AudienceId)
                            .string_len(64)
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(PopulationFiles::Source).text().not_null())
                    .col(
                        ColumnDef::new(PopulationFiles::ReferenceDate)
                            .date()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(PopulationFiles::Illustrative)
                            .boolean()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(PopulationFiles::ImportedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(ColumnDef::new(PopulationFiles::ImportedBy).string().null())
                    .col(
                        ColumnDef::new(PopulationFiles::ImportedVia)
                            .string_len(16)
                            .not_null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(PopulationFiles::Table, PopulationFiles::AudienceId)
                            .to(Audiences::Table, Audiences::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PopulationMargins::Table)
                    .col(
                        ColumnDef::new(PopulationMargins::AudienceId)
                            .string_len(64)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(PopulationMargins::QuestionId)
                            .string()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(PopulationMargins::OptionId)
                            .string()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(PopulationMargins::Position)
                            .integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(PopulationMargins::Count)
                            .big_integer()
                            .not_null(),
                    )
                    .primary_key(
                        Index::create()
                            .col(PopulationMargins::AudienceId)
                            .col(PopulationMargins::QuestionId)
                            .col(PopulationMargins::OptionId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(PopulationMargins::Table, PopulationMargins::AudienceId)
                            .to(PopulationFiles::Table, PopulationFiles::AudienceId),
                    )
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(PopulationMargins::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(PopulationFiles::Table).to_owned())
            .await?;
        Ok(())
    }
}
