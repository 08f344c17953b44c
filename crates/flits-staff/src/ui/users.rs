//! Staff accounts (admins only): list, add (or change role, organisation or password), switch
//! off and on, delete; and every API token of every account.
//!
//! Switching an account off ends its sessions and calendar feed and refuses its API tokens, on the
//! very next request (the store refuses a disabled account wherever a credential is looked up).
//! Deleting removes the account with its sessions and tokens; audit rows keep naming it by e-mail
//! address. An admin cannot switch off or delete their own account, so the last admin who can log
//! in never locks everybody out.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use chrono::Utc;
use flits_http::PageError;
use flits_i18n::{Locale, t};
use flits_store::StaffUser;
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use flits_types::{Email, InvalidEmail, InvalidPassword, MIN_PASSWORD_CHARS, Password};

use crate::credentials::{email_message, password_message};
use crate::identity::Caller;
use crate::passwords::hash_password;
use crate::role::Role;
use crate::ui::login::CsrfOnly;
use crate::ui::page::{StaffPage, local};
use crate::ui::tokens::audit;
use crate::ui::{Checked, CsrfField};

/// The form to add a user, as posted.
#[derive(Deserialize)]
pub struct NewUserForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    password: String,
    #[serde(rename = "_csrf", default)]
    csrf: String,
}

impl CsrfField for NewUserForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

/// The form to delete a user: the CSRF token and the "I am sure" box.
#[derive(Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    confirm: String,
    #[serde(rename = "_csrf", default)]
    csrf: String,
}

impl CsrfField for DeleteForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

/// A user to add, after the form passed its rules.
struct NewUser {
    email: Email,
    role: Role,
    organisation: String,
    /// `None`: a new account works with API tokens only until a password is set; an existing
    /// one keeps its password.
    password: Option<Password>,
}

/// Why the form cannot be saved; each has its message.
#[derive(Debug, Clone, PartialEq)]
enum FormProblem {
    Email(InvalidEmail),
    Role,
    Password(InvalidPassword),
    Organisation,
    /// An admin tried to switch off or delete their own account.
    Yourself,
    /// The delete form came without "I am sure".
    NotConfirmed(String),
}

impl FormProblem {
    fn message(&self, locale: Locale) -> String {
        match self {
            FormProblem::Email(e) => email_message(e, locale),
            FormProblem::Role => t!(locale, "staff-user-role-invalid"),
            FormProblem::Password(p) => password_message(p, locale),
            FormProblem::Organisation => t!(locale, "staff-user-org-unknown"),
            FormProblem::Yourself => t!(locale, "accounts-not-yourself"),
            FormProblem::NotConfirmed(email) => {
                t!(
                    locale,
                    "accounts-delete-confirm-missing",
                    email = email.as_str()
                )
            }
        }
    }
}

impl NewUserForm {
    /// The user the form describes, by the same rules as `flits user add` (the password also
    /// checked against the account's own address). Whether the organisation exists is checked
    /// against the store afterwards.
    fn parse(self) -> Result<NewUser, FormProblem> {
        let email = Email::parse(&self.email).map_err(FormProblem::Email)?;
        let role = self.role.parse::<Role>().map_err(|_| FormProblem::Role)?;
        let password = match self.password.as_str() {
            "" => None,
            p => Some(Password::parse_for(p, &email).map_err(FormProblem::Password)?),
        };
        Ok(NewUser {
            email,
            role,
            organisation: self.organisation,
            password,
        })
    }
}

#[derive(Serialize)]
struct UsersView {
    users: Vec<UserRow>,
    organisations: Vec<OrganisationOption>,
    roles: [Role; 3],
    password_min: usize,
    error: Option<String>,
}

#[derive(Serialize)]
struct UserRow {
    id: Uuid,
    email: String,
    role: String,
    organisation: String,
    /// When the account was switched off, in Amsterdam time; `None` while it is on.
    disabled_since: Option<String>,
    /// The caller's own row: no switch-off or delete buttons.
    yourself: bool,
}

#[derive(Serialize)]
struct OrganisationOption {
    id: String,
    name: String,
}

async fn users_page(
    page: &StaffPage,
    status: StatusCode,
    problem: Option<FormProblem>,
) -> Result<HttpResponse, PageError> {
    let store = &page.state.store;
    let users = store
        .staff_users()
        .await
        .map_err(|e| page.unavailable(&e))?;
    let orgs = store
        .organisations()
        .await
        .map_err(|e| page.unavailable(&e))?;
    let me = page.caller.as_ref().map(|c| c.user.id);
    let view = UsersView {
        users: users
            .into_iter()
            .map(|u| UserRow {
                id: u.id,
                yourself: Some(u.id) == me,
                email: u.email,
                role: u.role,
                organisation: u.organisation_id,
                disabled_since: u.disabled_at.and_then(|at| local(Some(at))),
            })
            .collect(),
        organisations: orgs
            .into_iter()
            .map(|o| OrganisationOption {
                id: o.id,
                name: o.name,
            })
            .collect(),
        roles: [Role::Comms, Role::Analyst, Role::Admin],
        password_min: MIN_PASSWORD_CHARS,
        error: problem.map(|p| p.message(page.locale)),
    };
    let title = t!(page.locale, "staff-users-title");
    page.render(status, "staff/users", &title, &view)
}

/// `GET /staff/users`.
pub async fn list(page: StaffPage) -> Result<HttpResponse, PageError> {
    users_page(&page, StatusCode::OK, None).await
}

/// `POST /staff/users`: adds an account, or changes one's role, organisation or password. A new
/// password or a new role ends the account's sessions and calendar feed (the store does both
/// in the same transaction).
pub async fn add(
    page: StaffPage,
    caller: web::ReqData<Caller>,
    form: Checked<web::Form<NewUserForm>>,
) -> Result<HttpResponse, PageError> {
    let store = &page.state.store;
    let parsed = form.0.into_inner().parse();
    let user = match parsed {
        Ok(u) => match store.organisation(&u.organisation).await {
            Ok(Some(_)) => u,
            Ok(None) => return refuse(&page, FormProblem::Organisation).await,
            Err(e) => return Err(page.unavailable(&e)),
        },
        Err(problem) => return refuse(&page, problem).await,
    };
    let hash = match &user.password {
        Some(p) => {
            Some(hash_password(p).map_err(|e| page.fail(flits_http::Failure::Internal, &e))?)
        }
        None => None,
    };
    let saved = store
        .save_staff_user(
            user.email.as_str(),
            &user.organisation,
            user.role.as_str(),
            hash.as_deref(),
        )
        .await
        .map_err(|e| page.unavailable(&e))?;
    let details = json!({
        "email": saved.user.email,
        "role": saved.user.role,
        "organisation": saved.user.organisation_id,
        "created": saved.created,
        "password_changed": saved.password_changed,
        "role_changed": saved.role_changed,
        "sessions_and_feed_ended": saved.credentials_revoked(),
    });
    audit(&page.state, &caller, "user.saved", details).await;
    Ok(page.see_other("/staff/users"))
}

/// The account at `id`, or the "no such user" page.
async fn target(page: &StaffPage, id: &str) -> Result<Result<StaffUser, HttpResponse>, PageError> {
    let user = match Uuid::parse_str(id) {
        Ok(id) => page
            .state
            .store
            .staff_user(id)
            .await
            .map_err(|e| page.unavailable(&e))?,
        Err(_) => None,
    };
    Ok(user.ok_or_else(|| {
        page.notice(
            StatusCode::NOT_FOUND,
            t!(page.locale, "staff-not-found-heading"),
            t!(page.locale, "accounts-user-not-found"),
        )
    }))
}

/// `POST /staff/users/{id}/disable`: switches the account off at once.
pub async fn disable(
    page: StaffPage,
    caller: web::ReqData<Caller>,
    id: web::Path<String>,
    _form: Checked<web::Form<CsrfOnly>>,
) -> Result<HttpResponse, PageError> {
    let user = match target(&page, &id).await? {
        Ok(u) => u,
        Err(res) => return Ok(res),
    };
    if user.id == caller.user.id {
        return refuse(&page, FormProblem::Yourself).await;
    }
    let changed = page
        .state
        .store
        .disable_staff_user(user.id, Utc::now())
        .await
        .map_err(|e| page.unavailable(&e))?;
    if changed {
        let details = json!({"user_id": user.id, "email": user.email});
        audit(&page.state, &caller, "user.disabled", details).await;
    }
    Ok(page.see_other("/staff/users"))
}

/// `POST /staff/users/{id}/enable`: switches the account on again.
pub async fn enable(
    page: StaffPage,
    caller: web::ReqData<Caller>,
    id: web::Path<String>,
    _form: Checked<web::Form<CsrfOnly>>,
) -> Result<HttpResponse, PageError> {
    let user = match target(&page, &id).await? {
        Ok(u) => u,
        Err(res) => return Ok(res),
    };
    let changed = page
        .state
        .store
        .enable_staff_user(user.id)
        .await
        .map_err(|e| page.unavailable(&e))?;
    if changed {
        let details = json!({"user_id": user.id, "email": user.email});
        audit(&page.state, &caller, "user.enabled", details).await;
    }
    Ok(page.see_other("/staff/users"))
}

/// `POST /staff/users/{id}/delete` with `confirm=yes`: deletes the account with its sessions and
/// tokens; the audit log keeps naming it.
pub async fn delete(
    page: StaffPage,
    caller: web::ReqData<Caller>,
    id: web::Path<String>,
    form: Checked<web::Form<DeleteForm>>,
) -> Result<HttpResponse, PageError> {
    let user = match target(&page, &id).await? {
        Ok(u) => u,
        Err(res) => return Ok(res),
    };
    if user.id == caller.user.id {
        return refuse(&page, FormProblem::Yourself).await;
    }
    if form.0.confirm != "yes" {
        return refuse(&page, FormProblem::NotConfirmed(user.email)).await;
    }
    let deleted = page
        .state
        .store
        .delete_staff_user(user.id)
        .await
        .map_err(|e| page.unavailable(&e))?;
    if deleted {
        let details = json!({
            "user_id": user.id,
            "email": user.email,
            "role": user.role,
            "organisation": user.organisation_id,
        });
        audit(&page.state, &caller, "user.deleted", details).await;
    }
    Ok(page.see_other("/staff/users"))
}

/// The users page again with `422` and the problem.
async fn refuse(page: &StaffPage, problem: FormProblem) -> Result<HttpResponse, PageError> {
    users_page(page, StatusCode::UNPROCESSABLE_ENTITY, Some(problem)).await
}

#[derive(Serialize)]
struct AllTokensView {
    tokens: Vec<AllTokenRow>,
}

#[derive(Serialize)]
struct AllTokenRow {
    id: Uuid,
    owner: String,
    name: String,
    created: Option<String>,
    last_used: Option<String>,
    revoked: bool,
}

/// `GET /staff/users/tokens`: every API token of every account (owner, name, created, last
/// used, revoked), to revoke any of them. Never the token itself: only its hash is stored.
pub async fn all_tokens(page: StaffPage) -> Result<HttpResponse, PageError> {
    let tokens = page
        .state
        .store
        .all_api_tokens()
        .await
        .map_err(|e| page.unavailable(&e))?;
    let view = AllTokensView {
        tokens: tokens
            .into_iter()
            .map(|(t, owner)| AllTokenRow {
                id: t.id,
                owner,
                name: t.name,
                created: local(Some(t.created_at)),
                last_used: local(t.last_used_at),
                revoked: t.revoked_at.is_some(),
            })
            .collect(),
    };
    let title = t!(page.locale, "accounts-tokens-title");
    page.render(StatusCode::OK, "staff/all-tokens", &title, &view)
}

/// `POST /staff/users/tokens/{id}/revoke`: revokes anyone's token, back to the list of all.
pub async fn revoke_token(
    page: StaffPage,
    caller: web::ReqData<Caller>,
    id: web::Path<String>,
    _form: Checked<web::Form<CsrfOnly>>,
) -> Result<HttpResponse, PageError> {
    let token = match Uuid::parse_str(&id) {
        Ok(id) => page
            .state
            .store
            .api_token(id)
            .await
            .map_err(|e| page.unavailable(&e))?,
        Err(_) => None,
    };
    let Some(token) = token else {
        return Ok(page.notice(
            StatusCode::NOT_FOUND,
            t!(page.locale, "staff-not-found-heading"),
            t!(page.locale, "staff-token-not-found"),
        ));
    };
    let revoked = page
        .state
        .store
        .revoke_api_token(token.id)
        .await
        .map_err(|e| page.unavailable(&e))?;
    if revoked {
        let details = json!({"name": token.name, "token_id": token.id, "owner_id": token.user_id});
        audit(&page.state, &caller, "token.revoked", details).await;
    }
    Ok(page.see_other("/staff/users/tokens"))
}
