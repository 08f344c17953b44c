//! The `audit_log` table: one row per staff action worth keeping (scheduling, overrides, …).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub at: DateTimeUtc,
    /// Who acted: a staff user's e-mail address, `cli:NAME` for an operator's command, `None`
    /// for the system itself.
    pub actor_email: Option<String>,
    /// A dotted name such as `poll.scheduled` or `poll.schedule_override`.
    pub action: String,
    pub poll_slug: Option<String>,
    /// A JSON object with the particulars.
    #[sea_orm(column_type = "Text")]
    pub details: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
