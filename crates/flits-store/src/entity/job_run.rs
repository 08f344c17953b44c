//! The `job_runs` table: what the job runner did (or has left to do), one row per poll and kind.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "job_runs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub poll_id: Uuid,
    /// A [`crate::JobKind`] name.
    pub kind: String,
    /// `done`, or `pending` for work a later component picks up.
    pub status: String,
    /// When the job was due (the poll's opening or closing time).
    pub due_at: DateTimeUtc,
    pub created_at: DateTimeUtc,
    pub done_at: Option<DateTimeUtc>,
    #[sea_orm(column_type = "Text")]
    pub details: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
