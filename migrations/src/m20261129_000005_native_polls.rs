//! Native polls on the channels: the platform's id of the poll a post carried, and the counts
//! pulled back from it. The counts are a separate, labelled source beside the results, so they
//! live with the post they came from and never near the anonymous responses.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ChannelPosts {
    Table,
    NativePollId,
    NativeCounts,
    NativeCountsAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one thing at a time.
        for column in [
            ColumnDef::new(ChannelPosts::NativePollId)
                .string()
                .null()
                .to_owned(),
            ColumnDef::new(ChannelPosts::NativeCounts)
                .text()
                .null()
                .to_owned(),
            ColumnDef::new(ChannelPosts::NativeCountsAt)
                .timestamp_with_time_zone()
                .null()
                .to_owned(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(ChannelPosts::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [
            ChannelPosts::NativeCountsAt,
            ChannelPosts::NativeCounts,
            ChannelPosts::NativePollId,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(ChannelPosts::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
