//! The first schema: regions, organisations, audiences, staff users, polls, responses, channel posts.
//!
//! Privacy by design: `responses` holds the answers with the channel, language and the *date* only.
//! Nothing about the respondent (address, browser, exact time) is stored beside the answers.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Regions {
    Table,
    Id,
    Name,
}

#[derive(DeriveIden)]
enum Organisations {
    Table,
    Id,
    RegionId,
    Name,
    Theme,
}

#[derive(DeriveIden)]
enum Audiences {
    Table,
    Id,
    Name,
    ParentId,
    OrganisationId,
}

#[derive(DeriveIden)]
enum StaffUsers {
    Table,
    Id,
    Email,
    OrganisationId,
    Role,
    PasswordHash,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Polls {
    Table,
    Id,
    Slug,
    OrganisationId,
    State,
    Definition,
    OpensAt,
    ClosesAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum PollAudiences {
    Table,
    PollId,
    AudienceId,
}

#[derive(DeriveIden)]
enum PollChannels {
    Table,
    PollId,
    ChannelId,
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
enum ChannelPosts {
    Table,
    Id,
    PollId,
    ChannelId,
    Purpose,
    Status,
    Attempts,
    RemoteId,
    LastError,
    NextAttemptAt,
    CreatedAt,
    PostedAt,
}

fn id_string<T: IntoIden>(col: T) -> ColumnDef {
    ColumnDef::new(col)
        .string_len(64)
        .not_null()
        .primary_key()
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Regions::Table)
                    .col(id_string(Regions::Id))
                    .col(ColumnDef::new(Regions::Name).string().not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Organisations::Table)
                    .col(id_string(Organisations::Id))
                    .col(
                        ColumnDef::new(Organisations::RegionId)
                            .string_len(64)
                            .not_null(),
                    )
                    .col(ColumnDef::new(Organisations::Name).string().not_null())
                    .col(ColumnDef::new(Organisations::Theme).text().null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(Organisations::Table, Organisations::RegionId)
                            .to(Regions::Table, Regions::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Audiences::Table)
                    .col(id_string(Audiences::Id))
                    .col(ColumnDef::new(Audiences::Name).string().not_null())
                    .col(ColumnDef::new(Audiences::ParentId).string_len(64).null())
                    .col(
                        ColumnDef::new(Audiences::OrganisationId)
                            .string_len(64)
                            .null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Audiences::Table, Audiences::ParentId)
                            .to(Audiences::Table, Audiences::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Audiences::Table, Audiences::OrganisationId)
                            .to(Organisations::Table, Organisations::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(StaffUsers::Table)
                    .col(
                        ColumnDef::new(StaffUsers::Id)
                            .uuid()
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(StaffUsers::Email)
                            .string()
                            .not_null()
                            .unique_key(),
                    )
                    .col(
                        ColumnDef::new(StaffUsers::OrganisationId)
                            .string_len(64)
                            .not_null(),
                    )
                    .col(ColumnDef::new(StaffUsers::Role).string_len(16).not_null())
                    .col(ColumnDef::new(StaffUsers::PasswordHash).string().null())
                    .col(
                        ColumnDef::new(StaffUsers::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(StaffUsers::Table, StaffUsers::OrganisationId)
                            .to(Organisations::Table, Organisations::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Polls::Table)
                    .col(ColumnDef::new(Polls::Id).uuid().not_null().primary_key())
                    .col(
                        ColumnDef::new(Polls::Slug)
                            .string_len(64)
                            .not_null()
                            .unique_key(),
                    )
                    .col(
                        ColumnDef::new(Polls::OrganisationId)
                            .string_len(64)
                            .not_null(),
                    )
                    .col(ColumnDef::new(Polls::State).string_len(24).not_null())
                    .col(ColumnDef::new(Polls::Definition).text().not_null())
                    .col(
                        ColumnDef::new(Polls::OpensAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .col(
                        ColumnDef::new(Polls::ClosesAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .col(
                        ColumnDef::new(Polls::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Polls::UpdatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Polls::Table, Polls::OrganisationId)
                            .to(Organisations::Table, Organisations::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_polls_state_opens")
                    .table(Polls::Table)
                    .col(Polls::State)
                    .col(Polls::OpensAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PollAudiences::Table)
                    .col(ColumnDef::new(PollAudiences::PollId).uuid().not_null())
                    .col(
                        ColumnDef::new(PollAudiences::AudienceId)
                            .string_len(64)
                            .not_null(),
                    )
                    .primary_key(
                        Index::create()
                            .col(PollAudiences::PollId)
                            .col(PollAudiences::AudienceId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(PollAudiences::Table, PollAudiences::PollId)
                            .to(Polls::Table, Polls::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(PollAudiences::Table, PollAudiences::AudienceId)
                            .to(Audiences::Table, Audiences::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PollChannels::Table)
                    .col(ColumnDef::new(PollChannels::PollId).uuid().not_null())
                    .col(
                        ColumnDef::new(PollChannels::ChannelId)
                            .string_len(64)
                            .not_null(),
                    )
                    .primary_key(
                        Index::create()
                            .col(PollChannels::PollId)
                            .col(PollChannels::ChannelId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(PollChannels::Table, PollChannels::PollId)
                            .to(Polls::Table, Polls::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Responses::Table)
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
                    .to_owned(),
            )
            .await?;
        // The exactly-once guarantee of submissions rests on this index.
        manager
            .create_index(
                Index::create()
                    .name("uq_responses_poll_submission")
                    .table(Responses::Table)
                    .col(Responses::PollId)
                    .col(Responses::SubmissionId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ChannelPosts::Table)
                    .col(
                        ColumnDef::new(ChannelPosts::Id)
                            .uuid()
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(ChannelPosts::PollId).uuid().not_null())
                    .col(
                        ColumnDef::new(ChannelPosts::ChannelId)
                            .string_len(64)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ChannelPosts::Purpose)
                            .string_len(16)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ChannelPosts::Status)
                            .string_len(16)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ChannelPosts::Attempts)
                            .integer()
                            .not_null()
                            .default(0),
                    )
                    .col(ColumnDef::new(ChannelPosts::RemoteId).string().null())
                    .col(ColumnDef::new(ChannelPosts::LastError).text().null())
                    .col(
                        ColumnDef::new(ChannelPosts::NextAttemptAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .col(
                        ColumnDef::new(ChannelPosts::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ChannelPosts::PostedAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ChannelPosts::Table, ChannelPosts::PollId)
                            .to(Polls::Table, Polls::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // One post per poll, channel and purpose (announcement, results): the outbox's exactly-once key.
        manager
            .create_index(
                Index::create()
                    .name("uq_channel_posts_poll_channel_purpose")
                    .table(ChannelPosts::Table)
                    .col(ChannelPosts::PollId)
                    .col(ChannelPosts::ChannelId)
                    .col(ChannelPosts::Purpose)
                    .unique()
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ChannelPosts::Table.into_iden(),
            Responses::Table.into_iden(),
            PollChannels::Table.into_iden(),
            PollAudiences::Table.into_iden(),
            Polls::Table.into_iden(),
            StaffUsers::Table.into_iden(),
            Audiences::Table.into_iden(),
            Organisations::Table.into_iden(),
            Regions::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
