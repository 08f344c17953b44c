//! What staff wrote and picked when they published a poll's results.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "poll_publications")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub poll_id: Uuid,
    /// The "you said, we did" text per language (JSON).
    #[sea_orm(column_type = "Text")]
    pub summary: String,
    /// The picked quotes (JSON list).
    #[sea_orm(column_type = "Text")]
    pub quotes: String,
    /// Later updates (JSON list).
    #[sea_orm(column_type = "Text")]
    pub updates: String,
    pub published_at: DateTimeUtc,
    pub published_by: Option<String>,
    /// The published figures (JSON) kept when the responses were deleted under `[retention]`.
    #[sea_orm(column_type = "Text", nullable)]
    pub retained_figures: Option<String>,
    pub responses_deleted_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
