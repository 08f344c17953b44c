//! Where an audience's population margins come from, and when and how they were imported.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "population_files")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub audience_id: String,
    pub source: String,
    pub reference_date: Date,
    pub illustrative: bool,
    pub imported_at: DateTimeUtc,
    pub imported_by: Option<String>,
    pub imported_via: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
