//! Rendering staff pages: the shell (navigation, language, CSRF token) around each page.

use actix_web::http::StatusCode;
use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use chrono_tz::Europe::Amsterdam;
use flits_http::Lang;
use serde_json::{Value, json};

use crate::identity::Caller;
use crate::role::Role;
use crate::state::StaffState;
use crate::texts::ui_texts;

const STYLESHEET: &str = include_str!("../../../../static/staff.css");

/// `GET /staff/assets/staff.css`.
pub async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/css; charset=utf-8"))
        .insert_header((CACHE_CONTROL, "public, max-age=3600"))
        .body(STYLESHEET)
}

/// A moment in Europe/Amsterdam time, as staff read it: `28-11-2026 14:00`.
pub fn local(at: Option<DateTime<Utc>>) -> Option<String> {
    at.map(|t| {
        t.with_timezone(&Amsterdam)
            .format("%d-%m-%Y %H:%M")
            .to_string()
    })
}

/// The language of a staff page.
pub fn lang_of(req: &HttpRequest) -> Lang {
    Lang::from_request(req)
}

/// Renders `template` inside the staff shell. `data` is merged with the shell's own fields.
pub fn render(
    state: &StaffState,
    req: &HttpRequest,
    caller: Option<&Caller>,
    status: StatusCode,
    template: &str,
    title: &str,
    mut data: Value,
) -> HttpResponse {
    let lang = lang_of(req);
    let shell = json!({
        "lang": lang.code(),
        "t": ui_texts(lang),
        "page_title": title,
        "user": caller.map(|c| json!({
            "email": c.user.email,
            "role": c.role.as_str(),
            "organisation": c.user.organisation_id,
            "is_admin": c.role == Role::Admin,
            "may_edit": matches!(c.role, Role::Admin | Role::Comms),
        })),
        "csrf": caller.map(|c| c.csrf_token().to_owned()).unwrap_or_default(),
        "other_lang": {"code": lang.other().code(), "label": if lang == Lang::Nl { "English" } else { "Nederlands" }},
    });
    if let (Value::Object(d), Value::Object(s)) = (&mut data, shell) {
        for (k, v) in s {
            d.entry(k).or_insert(v);
        }
    }
    match state.templates.render(template, &data) {
        Ok(body) => HttpResponse::build(status)
            .insert_header((CONTENT_TYPE, "text/html; charset=utf-8"))
            .insert_header((CACHE_CONTROL, "no-store"))
            .body(body),
        Err(e) => {
            tracing::error!(error = %e, template, "staff page did not render");
            HttpResponse::InternalServerError().finish()
        }
    }
}

/// A short page with a heading, a text and an optional link (errors, refusals).
pub fn message_page(
    state: Option<&StaffState>,
    lang: Lang,
    status: StatusCode,
    heading: &str,
    text: &str,
    link: Option<(&str, Lang)>,
) -> HttpResponse {
    let link_text = match lang {
        Lang::Nl => "Naar de inlogpagina",
        Lang::En => "Go to the login page",
    };
    let data = json!({
        "lang": lang.code(),
        "t": ui_texts(lang),
        "page_title": heading,
        "heading": heading,
        "text": text,
        "link": link.map(|(href, l)| json!({"href": format!("{href}?lang={}", l.code()), "text": link_text})),
        "user": null,
        "csrf": "",
        "other_lang": null,
    });
    let rendered = state.and_then(|s| s.templates.render("staff/message", &data).ok());
    HttpResponse::build(status)
        .insert_header((CONTENT_TYPE, "text/html; charset=utf-8"))
        .body(rendered.unwrap_or_else(|| {
            format!("<!doctype html><title>{heading}</title><h1>{heading}</h1><p>{text}</p>")
        }))
}
