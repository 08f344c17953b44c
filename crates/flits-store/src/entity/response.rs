//! One resident's answers. Deliberately holds nothing about the resident: the channel the link
//! came from, the language, and the date (not the time) of submission.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "responses")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub poll_id: Uuid,
    /// Chosen by the client (JSON) or issued with the form, so a retry is recognised.
    pub submission_id: String,
    pub channel: Option<String>,
    pub lang: String,
    #[sea_orm(column_type = "Text")]
    pub answers: String,
    pub submitted_on: Date,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
