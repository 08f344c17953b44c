//! Staff accounts.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::entity::staff_user;
use crate::{Store, StoreError};

/// A staff account as the rest of the system sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffUser {
    pub id: Uuid,
    pub email: String,
    pub organisation_id: String,
    pub role: String,
    pub password_hash: Option<String>,
    pub created_at: DateTime<Utc>,
    pub failed_logins: i32,
    pub locked_until: Option<DateTime<Utc>>,
}

impl From<staff_user::Model> for StaffUser {
    fn from(m: staff_user::Model) -> Self {
        StaffUser {
            id: m.id,
            email: m.email,
            organisation_id: m.organisation_id,
            role: m.role,
            password_hash: m.password_hash,
            created_at: m.created_at,
            failed_logins: m.failed_logins,
            locked_until: m.locked_until,
        }
    }
}

impl Store {
    /// Creates the account, or updates its organisation, role and password hash when the e-mail
    /// address is already known (e-mail addresses are compared case-insensitively).
    pub async fn upsert_staff_user(
        &self,
        email: &str,
        organisation_id: &str,
        role: &str,
        password_hash: Option<&str>,
    ) -> Result<StaffUser, StoreError> {
        let email = email.trim().to_lowercase();
        staff_user::Entity::insert(staff_user::ActiveModel {
            id: Set(Uuid::new_v4()),
            email: Set(email.clone()),
            organisation_id: Set(organisation_id.into()),
            role: Set(role.into()),
            password_hash: Set(password_hash.map(Into::into)),
            created_at: Set(Utc::now()),
            failed_logins: Set(0),
            locked_until: Set(None),
            calendar_token_hash: Set(None),
        })
        .on_conflict(
            OnConflict::column(staff_user::Column::Email)
                .update_columns([
                    staff_user::Column::OrganisationId,
                    staff_user::Column::Role,
                    staff_user::Column::PasswordHash,
                ])
                .to_owned(),
        )
        .exec_without_returning(&self.db)
        .await?;
        self.staff_user_by_email(&email)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("staff user {email}")))
    }

    /// The account with this e-mail address.
    pub async fn staff_user_by_email(&self, email: &str) -> Result<Option<StaffUser>, StoreError> {
        Ok(staff_user::Entity::find()
            .filter(staff_user::Column::Email.eq(email.trim().to_lowercase()))
            .one(&self.db)
            .await?
            .map(Into::into))
    }

    /// How many staff accounts exist.
    pub async fn count_staff_users(&self) -> Result<u64, StoreError> {
        use sea_orm::PaginatorTrait;
        Ok(staff_user::Entity::find().count(&self.db).await?)
    }
}
