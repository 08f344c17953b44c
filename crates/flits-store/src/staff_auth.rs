//! Staff sessions, API tokens and the failed-login count behind the login's growing wait.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

use crate::entity::{api_token, staff_session, staff_user};
use crate::{StaffUser, Store, StoreError};

/// A live session and its user.
#[derive(Debug, Clone)]
pub struct StaffSession {
    pub user: StaffUser,
    pub csrf_token: String,
    pub expires_at: DateTime<Utc>,
}

/// An API token as listed to its owner (never the token itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiToken {
    pub id: Uuid,
    pub user_id: Uuid,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<api_token::Model> for ApiToken {
    fn from(m: api_token::Model) -> Self {
        ApiToken {
            id: m.id,
            user_id: m.user_id,
            name: m.name,
            created_at: m.created_at,
            last_used_at: m.last_used_at,
            revoked_at: m.revoked_at,
        }
    }
}

impl Store {
    /// Every staff account, by e-mail address.
    pub async fn staff_users(&self) -> Result<Vec<StaffUser>, StoreError> {
        Ok(staff_user::Entity::find()
            .order_by_asc(staff_user::Column::Email)
            .all(&self.db)
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// One staff account by id.
    pub async fn staff_user(&self, id: Uuid) -> Result<Option<StaffUser>, StoreError> {
        Ok(staff_user::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .map(Into::into))
    }

    /// Counts a failed login of the account, and sets the time before which its next attempt is
    /// refused to `wait_after(failures in a row)` from now, when that gives a wait (a growing one:
    /// README.md, "Staff"). Returns the failures in a row and that time; `None` when there is no
    /// such account. The count is raised in the database itself, so attempts at the same moment
    /// (on several instances, too) each count.
    pub async fn record_failed_login(
        &self,
        user_id: Uuid,
        wait_after: impl FnOnce(u32) -> Option<std::time::Duration>,
    ) -> Result<Option<(u32, Option<DateTime<Utc>>)>, StoreError> {
        let raised = staff_user::Entity::update_many()
            .col_expr(
                staff_user::Column::FailedLogins,
                Expr::col(staff_user::Column::FailedLogins).add(1),
            )
            .filter(staff_user::Column::Id.eq(user_id))
            .exec(&self.db)
            .await?;
        if raised.rows_affected == 0 {
            return Ok(None);
        }
        let Some(user) = staff_user::Entity::find_by_id(user_id)
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        let failures = u32::try_from(user.failed_logins).unwrap_or(0);
        let not_before = wait_after(failures)
            .and_then(|wait| Duration::from_std(wait).ok())
            .map(|wait| Utc::now() + wait);
        if let Some(until) = not_before {
            staff_user::Entity::update_many()
                .col_expr(staff_user::Column::LockedUntil, Expr::value(Some(until)))
                .filter(staff_user::Column::Id.eq(user_id))
                .exec(&self.db)
                .await?;
        }
        Ok(Some((failures, not_before)))
    }

    /// Clears the failure count after a successful login.
    pub async fn reset_failed_logins(&self, user_id: Uuid) -> Result<(), StoreError> {
        staff_user::Entity::update_many()
            .col_expr(staff_user::Column::FailedLogins, Expr::value(0))
            .col_expr(
                staff_user::Column::LockedUntil,
                Expr::value(Option::<DateTime<Utc>>::None),
            )
            .filter(staff_user::Column::Id.eq(user_id))
            .exec(&self.db)
            .await?;
        Ok(())
    }

    /// Stores a new session under the hash of its id.
    pub async fn create_session(
        &self,
        id_hash: &str,
        user_id: Uuid,
        csrf_token: &str,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        staff_session::ActiveModel {
            id_hash: Set(id_hash.to_owned()),
            user_id: Set(user_id),
            csrf_token: Set(csrf_token.to_owned()),
            created_at: Set(Utc::now()),
            expires_at: Set(expires_at),
        }
        .insert(&self.db)
        .await?;
        Ok(())
    }

    /// The live session with this id hash, extended to `new_expiry` (sliding idle timeout).
    pub async fn touch_session(
        &self,
        id_hash: &str,
        new_expiry: DateTime<Utc>,
    ) -> Result<Option<StaffSession>, StoreError> {
        let Some(session) = staff_session::Entity::find_by_id(id_hash.to_owned())
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        if session.expires_at <= Utc::now() {
            staff_session::Entity::delete_by_id(id_hash.to_owned())
                .exec(&self.db)
                .await?;
            return Ok(None);
        }
        let Some(user) = self.staff_user(session.user_id).await? else {
            return Ok(None);
        };
        if user.is_disabled() {
            // Switching an account off ends its sessions; a session that slipped in since is
            // refused here all the same, on every request.
            staff_session::Entity::delete_by_id(id_hash.to_owned())
                .exec(&self.db)
                .await?;
            return Ok(None);
        }
        staff_session::Entity::update_many()
            .col_expr(staff_session::Column::ExpiresAt, Expr::value(new_expiry))
            .filter(staff_session::Column::IdHash.eq(id_hash))
            .exec(&self.db)
            .await?;
        Ok(Some(StaffSession {
            user,
            csrf_token: session.csrf_token,
            expires_at: new_expiry,
        }))
    }

    /// Ends a session (logout).
    pub async fn delete_session(&self, id_hash: &str) -> Result<(), StoreError> {
        staff_session::Entity::delete_by_id(id_hash.to_owned())
            .exec(&self.db)
            .await?;
        Ok(())
    }

    /// Ends every session of a user (password change, role change, removal).
    pub async fn delete_sessions_of(&self, user_id: Uuid) -> Result<(), StoreError> {
        staff_session::Entity::delete_many()
            .filter(staff_session::Column::UserId.eq(user_id))
            .exec(&self.db)
            .await?;
        Ok(())
    }

    /// Stores a new API token by its hash.
    pub async fn create_api_token(
        &self,
        user_id: Uuid,
        name: &str,
        token_hash: &str,
    ) -> Result<ApiToken, StoreError> {
        let model = api_token::ActiveModel {
            id: Set(Uuid::new_v4()),
            user_id: Set(user_id),
            name: Set(name.to_owned()),
            token_hash: Set(token_hash.to_owned()),
            created_at: Set(Utc::now()),
            last_used_at: Set(None),
            revoked_at: Set(None),
        }
        .insert(&self.db)
        .await?;
        Ok(model.into())
    }

    /// The owner of a live (not revoked) token, noting its use; `None` as well while the owner's
    /// account is switched off.
    pub async fn api_token_owner(&self, token_hash: &str) -> Result<Option<StaffUser>, StoreError> {
        let Some(token) = api_token::Entity::find()
            .filter(api_token::Column::TokenHash.eq(token_hash))
            .filter(api_token::Column::RevokedAt.is_null())
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        let Some(user) = self.staff_user(token.user_id).await? else {
            return Ok(None);
        };
        if user.is_disabled() {
            return Ok(None);
        }
        api_token::Entity::update_many()
            .col_expr(api_token::Column::LastUsedAt, Expr::value(Utc::now()))
            .filter(api_token::Column::Id.eq(token.id))
            .exec(&self.db)
            .await?;
        Ok(Some(user))
    }

    /// Every API token of every account, newest first, each with its owner's e-mail address
    /// (for admins, who see and revoke them all; never the token itself, which is not stored).
    pub async fn all_api_tokens(&self) -> Result<Vec<(ApiToken, String)>, StoreError> {
        let owners: std::collections::HashMap<Uuid, String> = staff_user::Entity::find()
            .all(&self.db)
            .await?
            .into_iter()
            .map(|u| (u.id, u.email))
            .collect();
        Ok(api_token::Entity::find()
            .order_by_desc(api_token::Column::CreatedAt)
            .order_by_asc(api_token::Column::Id)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|t| {
                let owner = owners.get(&t.user_id).cloned().unwrap_or_default();
                (ApiToken::from(t), owner)
            })
            .collect())
    }

    /// A user's tokens, newest first.
    pub async fn api_tokens_of(&self, user_id: Uuid) -> Result<Vec<ApiToken>, StoreError> {
        Ok(api_token::Entity::find()
            .filter(api_token::Column::UserId.eq(user_id))
            .order_by_desc(api_token::Column::CreatedAt)
            .all(&self.db)
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// One token by id.
    pub async fn api_token(&self, id: Uuid) -> Result<Option<ApiToken>, StoreError> {
        Ok(api_token::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .map(Into::into))
    }

    /// Revokes a token; `false` when it was already revoked or does not exist.
    pub async fn revoke_api_token(&self, id: Uuid) -> Result<bool, StoreError> {
        let res = api_token::Entity::update_many()
            .col_expr(api_token::Column::RevokedAt, Expr::value(Utc::now()))
            .filter(api_token::Column::Id.eq(id))
            .filter(api_token::Column::RevokedAt.is_null())
            .exec(&self.db)
            .await?;
        Ok(res.rows_affected == 1)
    }
}

impl Store {
    /// Replaces a user's calendar feed secret (the old feed URL stops working).
    pub async fn set_calendar_token(
        &self,
        user_id: Uuid,
        token_hash: &str,
    ) -> Result<(), StoreError> {
        staff_user::Entity::update_many()
            .col_expr(
                staff_user::Column::CalendarTokenHash,
                Expr::value(token_hash.to_owned()),
            )
            .filter(staff_user::Column::Id.eq(user_id))
            .exec(&self.db)
            .await?;
        Ok(())
    }

    /// The user whose calendar feed secret has this hash; `None` while the account is switched
    /// off.
    pub async fn staff_user_by_calendar_token(
        &self,
        token_hash: &str,
    ) -> Result<Option<StaffUser>, StoreError> {
        Ok(staff_user::Entity::find()
            .filter(staff_user::Column::CalendarTokenHash.eq(token_hash))
            .filter(staff_user::Column::DisabledAt.is_null())
            .one(&self.db)
            .await?
            .map(Into::into))
    }
}
