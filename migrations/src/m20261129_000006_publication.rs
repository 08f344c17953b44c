//! Publishing results ("you said, we did") and the residents who asked to hear about it.
//!
//! `poll_publications` holds what staff wrote and picked when they published a poll's results.
//! `feedback_subscribers` holds the e-mail addresses from the thank-you page's opt-in, apart from
//! the responses: no key, id or time links an address to an answer (its id is random, and it
//! keeps only the date it came on), and each is deleted once its message is sent.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Polls {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum PollPublications {
    Table,
    PollId,
    /// The "you said, we did" text per language (JSON, a `Text`).
    Summary,
    /// The quotes staff picked, scrubbed and reviewed (JSON list).
    Quotes,
    /// Later "what we did" updates (JSON list of `{text, at}`).
    Updates,
    PublishedAt,
    PublishedBy,
}

#[derive(DeriveIden)]
enum FeedbackSubscribers {
    Table,
    Id,
    PollId,
    Email,
    Lang,
    CreatedOn,
    /// Set while a sender holds it; a send that died is tried again after the lease.
    SendingUntil,
    Attempts,
    LastError,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PollPublications::Table)
                    .col(
                        ColumnDef::new(PollPublications::PollId)
                            .uuid()
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(PollPublications::Summary).text().not_null())
                    .col(ColumnDef::new(PollPublications::Quotes).text().not_null())
                    .col(ColumnDef::new(PollPublications::Updates).text().not_null())
                    .col(
                        ColumnDef::new(PollPublications::PublishedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(PollPublications::PublishedBy)
                            .string()
                            .null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(PollPublications::Table, PollPublications::PollId)
                            .to(Polls::Table, Polls::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(FeedbackSubscribers::Table)
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
                    .to_owned(),
            )
            .await?;
        // One subscription per address and poll: asking twice sends one message.
        manager
            .create_index(
                Index::create()
                    .name("uq_feedback_subscribers_poll_email")
                    .table(FeedbackSubscribers::Table)
                    .col(FeedbackSubscribers::PollId)
                    .col(FeedbackSubscribers::Email)
                    .unique()
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(FeedbackSubscribers::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(PollPublications::Table).to_owned())
            .await?;
        Ok(())
    }
}
