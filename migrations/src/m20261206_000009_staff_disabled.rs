//! Staff accounts can be switched off: `disabled_at` is set while an account is disabled (README,
//! "Staff accounts"). A disabled account's sessions, API tokens and calendar feed are refused on
//! every request; switching it on again clears the column.
//!
//! Deleting an account removes its row (and its sessions and tokens); audit rows never pointed at
//! the row, they keep the actor's e-mail address as text, so they stay as they were.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum StaffUsers {
    Table,
    DisabledAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(StaffUsers::Table)
                    .add_column(
                        ColumnDef::new(StaffUsers::DisabledAt)
                            .timestamp_with_time_zone()
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
                    .drop_column(StaffUsers::DisabledAt)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }
}
