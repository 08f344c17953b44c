//! Scheduling: the audit log (who scheduled or overrode what, and other staff actions) and the job
//! runner's record of what it did (`job_runs`).
//!
//! `job_runs` is what makes the runner's work exactly-once *provable*: one row per poll and kind of
//! job (`open`, `close`, `publication_reminder`), guarded by a unique index, written in the same
//! transaction as the state change it records. A second instance that races for the same job
//! either loses the conditional `UPDATE` on `polls.state` or, failing that, this index.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    At,
    ActorEmail,
    Action,
    PollSlug,
    Details,
}

#[derive(DeriveIden)]
enum JobRuns {
    Table,
    Id,
    PollId,
    Kind,
    Status,
    DueAt,
    CreatedAt,
    DoneAt,
    Details,
}

#[derive(DeriveIden)]
enum Polls {
    Table,
    Id,
    State,
    ClosesAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    .col(ColumnDef::new(AuditLog::Id).uuid().not_null().primary_key())
                    .col(
                        ColumnDef::new(AuditLog::At)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(ColumnDef::new(AuditLog::ActorEmail).string().null())
                    .col(ColumnDef::new(AuditLog::Action).string_len(64).not_null())
                    .col(ColumnDef::new(AuditLog::PollSlug).string_len(64).null())
                    .col(ColumnDef::new(AuditLog::Details).text().not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_audit_log_at")
                    .table(AuditLog::Table)
                    .col(AuditLog::At)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(JobRuns::Table)
                    .col(ColumnDef::new(JobRuns::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(JobRuns::PollId).uuid().not_null())
                    .col(ColumnDef::new(JobRuns::Kind).string_len(32).not_null())
                    .col(ColumnDef::new(JobRuns::Status).string_len(16).not_null())
                    .col(
                        ColumnDef::new(JobRuns::DueAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(JobRuns::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(JobRuns::DoneAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .col(ColumnDef::new(JobRuns::Details).text().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(JobRuns::Table, JobRuns::PollId)
                            .to(Polls::Table, Polls::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // The exactly-once key of the job runner: one job of each kind per poll, ever.
        manager
            .create_index(
                Index::create()
                    .name("uq_job_runs_poll_kind")
                    .table(JobRuns::Table)
                    .col(JobRuns::PollId)
                    .col(JobRuns::Kind)
                    .unique()
                    .to_owned(),
            )
            .await?;
        // The runner's "what is due" queries: open polls by closing time.
        manager
            .create_index(
                Index::create()
                    .name("idx_polls_state_closes")
                    .table(Polls::Table)
                    .col(Polls::State)
                    .col(Polls::ClosesAt)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_polls_state_closes")
                    .table(Polls::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(JobRuns::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(AuditLog::Table).to_owned())
            .await?;
        Ok(())
    }
}
