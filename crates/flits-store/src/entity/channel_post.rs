//! The outbox of social-media posts: one row per poll, channel and purpose.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "channel_posts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub poll_id: Uuid,
    pub channel_id: String,
    /// `announce` when the poll opens, `reminder` once more while it is open (staff ask),
    /// `results` when results are published.
    pub purpose: String,
    pub status: String,
    pub attempts: i32,
    pub remote_id: Option<String>,
    pub last_error: Option<String>,
    pub next_attempt_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub posted_at: Option<DateTimeUtc>,
    /// The platform's id of the native poll the post carried.
    pub native_poll_id: Option<String>,
    /// The native poll's counts as last pulled back (JSON, see `NativeTally`).
    pub native_counts: Option<String>,
    pub native_counts_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
