//! A staff account. Residents never have one.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "staff_users")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub email: String,
    pub organisation_id: String,
    pub role: String,
    /// An argon2id PHC string; `None` until a password is set (tokens only).
    pub password_hash: Option<String>,
    pub created_at: DateTimeUtc,
    /// Failed logins since the last successful one.
    pub failed_logins: i32,
    /// Logins are refused until then.
    pub locked_until: Option<DateTimeUtc>,
    /// Hash of the secret in the user's calendar feed URL.
    pub calendar_token_hash: Option<String>,
    /// Set while the account is switched off: its sessions, API tokens and calendar feed are
    /// refused on every request, and it cannot log in.
    pub disabled_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
