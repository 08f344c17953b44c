//! A per-user secret for the read-only calendar feed (`/calendar.ics?token=…`), kept apart from API
//! tokens: a calendar app's URL should not carry a key that can change anything.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum StaffUsers {
    Table,
    CalendarTokenHash,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(StaffUsers::Table)
                    .add_column(
                        ColumnDef::new(StaffUsers::CalendarTokenHash)
                            .string_len(64)
                            .null(),
                    )
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(StaffUsers::Table)
                    .drop_column(StaffUsers::CalendarTokenHash)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }
}
