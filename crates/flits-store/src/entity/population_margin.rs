//! One population count: the residents of an audience in one option of a profile question.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "population_margins")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub audience_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub question_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub option_id: String,
    /// The row's place in the imported file.
    pub position: i32,
    pub count: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
