//! Staff accounts (admins only): list and add.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use flits_http::PageError;
use flits_i18n::{Locale, t};
use serde::{Deserialize, Serialize};
use serde_json::json;

use flits_types::{Email, InvalidEmail, InvalidPassword, MIN_PASSWORD_CHARS, Password};

use crate::credentials::{email_message, password_message};
use crate::identity::Caller;
use crate::passwords::hash_password;
use crate::role::Role;
use crate::ui::page::StaffPage;
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

/// A user to add, after the form passed its rules.
struct NewUser {
    email: Email,
    role: Role,
    organisation: String,
    /// `None`: the account works with API tokens only until a password is set.
    password: Option<Password>,
}

/// Why the form cannot be saved; each has its message.
#[derive(Debug, Clone, PartialEq, Eq)]
enum FormProblem {
    Email(InvalidEmail),
    Role,
    Password(InvalidPassword),
    Organisation,
}

impl FormProblem {
    fn message(&self, locale: Locale) -> String {
        match self {
            FormProblem::Email(e) => email_message(e, locale),
            FormProblem::Role => t!(locale, "staff-user-role-invalid"),
            FormProblem::Password(p) => password_message(p, locale),
            FormProblem::Organisation => t!(locale, "staff-user-org-unknown"),
        }
    }
}

impl NewUserForm {
    /// The user the form describes, by the same rules as `flits user add`. Whether the
    /// organisation exists is checked against the store afterwards.
    fn parse(self) -> Result<NewUser, FormProblem> {
        let email = Email::parse(&self.email).map_err(FormProblem::Email)?;
        let role = self.role.parse::<Role>().map_err(|_| FormProblem::Role)?;
        let password = match self.password.as_str() {
            "" => None,
            p => Some(Password::parse(p).map_err(FormProblem::Password)?),
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
    email: String,
    role: String,
    organisation: String,
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
    let view = UsersView {
        users: users
            .into_iter()
            .map(|u| UserRow {
                email: u.email,
                role: u.role,
                organisation: u.organisation_id,
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

/// `POST /staff/users`.
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
        .upsert_staff_user(
            user.email.as_str(),
            &user.organisation,
            user.role.as_str(),
            hash.as_deref(),
        )
        .await
        .map_err(|e| page.unavailable(&e))?;
    // A changed role or password ends the account's open sessions.
    let _ = store.delete_sessions_of(saved.id).await;
    let details =
        json!({"email": saved.email, "role": saved.role, "organisation": saved.organisation_id});
    audit(&page.state, &caller, "user.saved", details).await;
    Ok(page.see_other("/staff/users"))
}

/// The users page again with `422` and the problem.
async fn refuse(page: &StaffPage, problem: FormProblem) -> Result<HttpResponse, PageError> {
    users_page(page, StatusCode::UNPROCESSABLE_ENTITY, Some(problem)).await
}
