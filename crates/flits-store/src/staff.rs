//! Staff accounts: creating and updating them, switching them off and on, and deleting them.
//!
//! A disabled account (`disabled_at` set) keeps its row, its tokens and its history, but every
//! way in is refused on every request ([`Store::touch_session`], [`Store::api_token_owner`],
//! [`Store::staff_user_by_calendar_token`] return nothing for it), not only at its next login.
//! Deleting an account removes its row with its sessions and API tokens; audit rows name their
//! actor by e-mail address as text, so they keep naming who did what.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::entity::{api_token, staff_session, staff_user};
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
    /// Since when the account is switched off; `None` while it may be used.
    pub disabled_at: Option<DateTime<Utc>>,
}

impl StaffUser {
    /// Whether the account is switched off.
    pub fn is_disabled(&self) -> bool {
        self.disabled_at.is_some()
    }
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
            disabled_at: m.disabled_at,
        }
    }
}

/// What saving an account changed, so that the caller can say so in the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedStaffUser {
    /// The account as it is now.
    pub user: StaffUser,
    /// The account did not exist before.
    pub created: bool,
    /// A new password was set (a reset, for an account that existed).
    pub password_changed: bool,
    /// The role or the organisation changed.
    pub role_changed: bool,
}

impl SavedStaffUser {
    /// Whether what the account may do, or how it proves who it is, changed: then its sessions
    /// and its calendar feed were ended.
    pub fn credentials_revoked(&self) -> bool {
        !self.created && (self.password_changed || self.role_changed)
    }
}

impl Store {
    /// Creates the account, or updates its organisation and role (and its password hash, when one
    /// is given; `None` keeps the password it has) when the e-mail address is already known
    /// (e-mail addresses are compared case-insensitively).
    ///
    /// A new password or a new role or organisation ends the account's sessions and its calendar
    /// feed in the same transaction: whoever held them must come in again under the new terms.
    /// API tokens stay: they belong to scripts, and take the new role at once.
    pub async fn save_staff_user(
        &self,
        email: &str,
        organisation_id: &str,
        role: &str,
        password_hash: Option<&str>,
    ) -> Result<SavedStaffUser, StoreError> {
        let email = email.trim().to_lowercase();
        let txn = self.begin_write().await?;
        let before = staff_user::Entity::find()
            .filter(staff_user::Column::Email.eq(email.clone()))
            .one(&txn)
            .await?;
        let mut update = vec![staff_user::Column::OrganisationId, staff_user::Column::Role];
        if password_hash.is_some() {
            update.push(staff_user::Column::PasswordHash);
        }
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
            disabled_at: Set(None),
        })
        .on_conflict(
            OnConflict::column(staff_user::Column::Email)
                .update_columns(update)
                .to_owned(),
        )
        .exec_without_returning(&txn)
        .await?;
        let user: StaffUser = staff_user::Entity::find()
            .filter(staff_user::Column::Email.eq(email.clone()))
            .one(&txn)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("staff user {email}")))?
            .into();
        let saved = SavedStaffUser {
            created: before.is_none(),
            password_changed: password_hash.is_some(),
            role_changed: before
                .as_ref()
                .is_some_and(|b| b.role != user.role || b.organisation_id != user.organisation_id),
            user,
        };
        if saved.credentials_revoked() {
            end_sessions_and_feed(&txn, saved.user.id).await?;
        }
        txn.commit().await?;
        Ok(saved)
    }

    /// Creates or updates an account as [`Store::save_staff_user`] does, returning the account.
    pub async fn upsert_staff_user(
        &self,
        email: &str,
        organisation_id: &str,
        role: &str,
        password_hash: Option<&str>,
    ) -> Result<StaffUser, StoreError> {
        Ok(self
            .save_staff_user(email, organisation_id, role, password_hash)
            .await?
            .user)
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

    /// Switches an account off at `at`: its sessions and calendar feed end, and its API tokens
    /// are refused while it stays off. `false` when there is no such account or it was already
    /// off (then nothing changes).
    pub async fn disable_staff_user(
        &self,
        user_id: Uuid,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let txn = self.begin_write().await?;
        let res = staff_user::Entity::update_many()
            .col_expr(staff_user::Column::DisabledAt, Expr::value(Some(at)))
            .filter(staff_user::Column::Id.eq(user_id))
            .filter(staff_user::Column::DisabledAt.is_null())
            .exec(&txn)
            .await?;
        if res.rows_affected == 1 {
            end_sessions_and_feed(&txn, user_id).await?;
        }
        txn.commit().await?;
        Ok(res.rows_affected == 1)
    }

    /// Switches an account on again. Its API tokens work again (unless revoked); sessions and
    /// the calendar feed ended when it was switched off, so its owner logs in and makes a new
    /// feed link. `false` when there is no such account or it was not off.
    pub async fn enable_staff_user(&self, user_id: Uuid) -> Result<bool, StoreError> {
        let res = staff_user::Entity::update_many()
            .col_expr(
                staff_user::Column::DisabledAt,
                Expr::value(Option::<DateTime<Utc>>::None),
            )
            .filter(staff_user::Column::Id.eq(user_id))
            .filter(staff_user::Column::DisabledAt.is_not_null())
            .exec(&self.db)
            .await?;
        Ok(res.rows_affected == 1)
    }

    /// Deletes an account with its sessions and API tokens. Audit rows stay as they are: they
    /// name the actor by e-mail address, not by a reference to this row. `false` when there is
    /// no such account.
    pub async fn delete_staff_user(&self, user_id: Uuid) -> Result<bool, StoreError> {
        let txn = self.begin_write().await?;
        staff_session::Entity::delete_many()
            .filter(staff_session::Column::UserId.eq(user_id))
            .exec(&txn)
            .await?;
        api_token::Entity::delete_many()
            .filter(api_token::Column::UserId.eq(user_id))
            .exec(&txn)
            .await?;
        let res = staff_user::Entity::delete_by_id(user_id).exec(&txn).await?;
        txn.commit().await?;
        Ok(res.rows_affected == 1)
    }
}

/// Ends every session of a user and forgets their calendar feed secret (the feed URL stops
/// working), on `db` (a transaction).
async fn end_sessions_and_feed<C: sea_orm::ConnectionTrait>(
    db: &C,
    user_id: Uuid,
) -> Result<(), StoreError> {
    staff_session::Entity::delete_many()
        .filter(staff_session::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    staff_user::Entity::update_many()
        .col_expr(
            staff_user::Column::CalendarTokenHash,
            Expr::value(Option::<String>::None),
        )
        .filter(staff_user::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}
