//! Staff accounts (admins only): list and add.

use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use flits_http::Lang;
use serde::Deserialize;
use serde_json::json;

use crate::identity::Caller;
use crate::passwords::{MIN_PASSWORD_CHARS, hash_password};
use crate::role::Role;
use crate::state::StaffState;
use crate::ui::page::{lang_of, render};
use crate::ui::tokens::audit;
use crate::ui::{csrf_ok, csrf_refused};

/// The form to add a user.
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

async fn page(
    state: &StaffState,
    req: &HttpRequest,
    caller: &Caller,
    status: StatusCode,
    error: Option<String>,
) -> HttpResponse {
    let (users, orgs) = match (
        state.store.staff_users().await,
        state.store.organisations().await,
    ) {
        (Ok(u), Ok(o)) => (u, o),
        _ => return HttpResponse::ServiceUnavailable().finish(),
    };
    let users: Vec<_> = users
        .iter()
        .map(|u| json!({"email": u.email, "role": u.role, "organisation": u.organisation_id}))
        .collect();
    let orgs: Vec<_> = orgs
        .iter()
        .map(|o| json!({"id": o.id, "name": o.name}))
        .collect();
    let title = if lang_of(req) == Lang::Nl {
        "Gebruikers"
    } else {
        "Users"
    };
    render(
        state,
        req,
        Some(caller),
        status,
        "staff/users",
        title,
        json!({"users": users, "organisations": orgs, "error": error}),
    )
}

/// `GET /staff/users`.
pub async fn list(
    req: HttpRequest,
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
) -> HttpResponse {
    page(&state, &req, &caller, StatusCode::OK, None).await
}

/// `POST /staff/users`.
pub async fn add(
    req: HttpRequest,
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    form: web::Form<NewUserForm>,
) -> HttpResponse {
    if !csrf_ok(&caller, &form.csrf) {
        return csrf_refused(&state, &req);
    }
    let lang = lang_of(&req);
    let form = form.into_inner();
    let email = form.email.trim().to_lowercase();
    let error = if !email.contains('@') || email.len() > 254 {
        Some(match lang {
            Lang::Nl => "Vul een geldig e-mailadres in.".to_owned(),
            Lang::En => "Enter a valid e-mail address.".to_owned(),
        })
    } else if form.role.parse::<Role>().is_err() {
        Some(match lang {
            Lang::Nl => "Kies een rol: admin, comms of analyst.".to_owned(),
            Lang::En => "Choose a role: admin, comms or analyst.".to_owned(),
        })
    } else if !form.password.is_empty() && form.password.chars().count() < MIN_PASSWORD_CHARS {
        Some(match lang {
            Lang::Nl => format!("Het wachtwoord moet minstens {MIN_PASSWORD_CHARS} tekens hebben."),
            Lang::En => format!("The password must have at least {MIN_PASSWORD_CHARS} characters."),
        })
    } else if !matches!(
        state.store.organisation(&form.organisation).await,
        Ok(Some(_))
    ) {
        Some(match lang {
            Lang::Nl => "Kies een bestaande organisatie.".to_owned(),
            Lang::En => "Choose an existing organisation.".to_owned(),
        })
    } else {
        None
    };
    if error.is_some() {
        return page(
            &state,
            &req,
            &caller,
            StatusCode::UNPROCESSABLE_ENTITY,
            error,
        )
        .await;
    }
    let hash = if form.password.is_empty() {
        None
    } else {
        match hash_password(&form.password) {
            Ok(h) => Some(h),
            Err(e) => {
                tracing::error!(error = %e, "hashing a password failed");
                return HttpResponse::InternalServerError().finish();
            }
        }
    };
    match state
        .store
        .upsert_staff_user(&email, &form.organisation, &form.role, hash.as_deref())
        .await
    {
        Ok(user) => {
            // A changed role or password ends the account's open sessions.
            let _ = state.store.delete_sessions_of(user.id).await;
            audit(&state, &caller, "user.saved", json!({"email": user.email, "role": user.role, "organisation": user.organisation_id})).await;
            HttpResponse::SeeOther()
                .insert_header((LOCATION, format!("/staff/users?lang={}", lang.code())))
                .finish()
        }
        Err(e) => {
            tracing::error!(error = %e, "saving a user failed");
            HttpResponse::ServiceUnavailable().finish()
        }
    }
}
