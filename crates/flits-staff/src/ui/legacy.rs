//! The page helpers the schedule and calendar pages (`ui/schedule.rs`, `ui/calendar.rs`) were
//! written against: `flits_http::Lang`, JSON template data and the `t.…` texts of
//! [`crate::texts`]. They render through the same shell and error path as every other staff page;
//! delete this module once those pages use [`crate::ui::page::StaffPage`] and the catalogue.

use actix_web::http::StatusCode;
use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpRequest, HttpResponse, ResponseError};
use flits_http::Lang;
use flits_i18n::Locale;
use serde_json::Value;

use crate::identity::Caller;
use crate::state::StaffState;
use crate::texts::ui_texts;
use crate::ui::locale::locale_of;
use crate::ui::page::{Notice, NoticeLink, Shell, render_page};

fn locale(lang: Lang) -> Locale {
    Locale::parse(lang.code()).unwrap_or_default()
}

/// The language of a staff page, as the old two-language type.
pub fn lang_of(req: &HttpRequest) -> Lang {
    Lang::parse(locale_of(req).code()).unwrap_or(Lang::Nl)
}

/// Renders `template` inside the staff shell; `data` (a JSON object) also gets the old `t` texts.
pub fn render(
    state: &StaffState,
    req: &HttpRequest,
    caller: Option<&Caller>,
    status: StatusCode,
    template: &str,
    title: &str,
    mut data: Value,
) -> HttpResponse {
    let locale = locale_of(req);
    if let Value::Object(d) = &mut data {
        d.entry("t")
            .or_insert_with(|| ui_texts(Lang::parse(locale.code()).unwrap_or(Lang::Nl)));
    }
    let shell = Shell::new(locale, caller);
    render_page(state, req, locale, &shell, status, template, title, &data)
        .unwrap_or_else(|e| e.error_response())
}

/// A short page with a heading, a text and an optional link to the login page.
pub fn message_page(
    state: Option<&StaffState>,
    lang: Lang,
    status: StatusCode,
    heading: &str,
    text: &str,
    link: Option<(&str, Lang)>,
) -> HttpResponse {
    let locale = locale(lang);
    let notice = Notice {
        heading: heading.to_owned(),
        text: text.to_owned(),
        link: link.map(|(href, l)| NoticeLink {
            href: format!("{href}?lang={}", l.code()),
            text: flits_i18n::t!(locale, "staff-to-login"),
        }),
    };
    let data = serde_json::json!({
        "lang": locale,
        "dir": locale.dir(),
        "page_title": heading,
        "heading": notice.heading,
        "text": notice.text,
        "link": notice.link,
        "user": null,
        "csrf": "",
        "other_lang": null,
    });
    match state.map(|s| s.templates.render("staff/message", &data)) {
        Some(Ok(html)) => HttpResponse::build(status)
            .insert_header((CONTENT_TYPE, "text/html; charset=utf-8"))
            .insert_header((CACHE_CONTROL, "no-store"))
            .body(html),
        Some(Err(e)) => {
            tracing::error!(error = %e, "staff notice did not render");
            HttpResponse::build(status).finish()
        }
        None => HttpResponse::build(status).finish(),
    }
}
