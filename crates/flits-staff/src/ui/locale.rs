//! The language of staff pages: `?lang=`, then the remembered choice (a cookie that holds only the
//! language code), then `Accept-Language`, then Dutch; over [`Locale::STAFF`].

use actix_web::HttpRequest;
use actix_web::body::MessageBody;
use actix_web::cookie::{Cookie, SameSite, time::Duration};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::ACCEPT_LANGUAGE;
use actix_web::middleware::Next;
use flits_http::query::url_query_param;
use flits_i18n::{Locale, negotiate};

use crate::state::StaffState;

/// The cookie that remembers a staff member's language: only the code (`nl`, `en`).
pub const LANG_COOKIE: &str = "flits_staff_lang";

/// How long the choice is remembered.
const REMEMBER_DAYS: i64 = 365;

/// The language of a staff page.
pub fn locale_of(req: &HttpRequest) -> Locale {
    let explicit = url_query_param(req.query_string(), "lang");
    let remembered = req.cookie(LANG_COOKIE).map(|c| c.value().to_owned());
    let accept = req
        .headers()
        .get(ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    negotiate(
        &Locale::STAFF,
        explicit.as_deref(),
        remembered.as_deref(),
        accept,
    )
}

/// The explicit choice of this request (`?lang=` naming a staff language), if any.
fn explicit_choice(req: &HttpRequest) -> Option<Locale> {
    url_query_param(req.query_string(), "lang")
        .and_then(|code| Locale::parse(&code))
        .filter(|l| l.is_staff())
}

/// The cookie that remembers `locale`.
pub fn lang_cookie(locale: Locale, secure: bool) -> Cookie<'static> {
    Cookie::build(LANG_COOKIE, locale.code())
        .path("/staff")
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Lax)
        .max_age(Duration::days(REMEMBER_DAYS))
        .finish()
}

/// Middleware for staff pages: a `?lang=` choice that differs from the remembered one is
/// remembered for the next visit.
pub async fn remember(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let chosen = explicit_choice(req.request()).filter(|l| {
        req.cookie(LANG_COOKIE)
            .is_none_or(|c| Locale::parse(c.value()) != Some(*l))
    });
    let secure = req
        .app_data::<actix_web::web::Data<StaffState>>()
        .is_some_and(|s| s.config.secure_cookies);
    let mut res = next.call(req).await?;
    if let Some(locale) = chosen {
        // A response that cannot take the header still answers; the choice is asked again.
        let _ = res.response_mut().add_cookie(&lang_cookie(locale, secure));
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use actix_web::test::TestRequest;

    use super::*;

    #[test]
    fn explicit_then_cookie_then_header_then_dutch() {
        let req = |uri: &str, cookie: Option<&str>, accept: Option<&str>| {
            let mut r = TestRequest::get().uri(uri);
            if let Some(c) = cookie {
                r = r.cookie(Cookie::new(LANG_COOKIE, c.to_owned()));
            }
            if let Some(a) = accept {
                r = r.insert_header((ACCEPT_LANGUAGE, a));
            }
            locale_of(&r.to_http_request())
        };
        assert_eq!(req("/staff?lang=en", Some("nl"), Some("nl")), Locale::En);
        assert_eq!(req("/staff", Some("en"), Some("nl")), Locale::En);
        assert_eq!(req("/staff", None, Some("en-GB, nl;q=0.5")), Locale::En);
        assert_eq!(req("/staff", None, None), Locale::Nl);
        // Residents' languages are not staff languages: passed over.
        assert_eq!(req("/staff?lang=tr", None, Some("en")), Locale::En);
        assert_eq!(req("/staff", Some("ar"), None), Locale::Nl);
    }

    #[test]
    fn the_cookie_holds_only_the_code() {
        let c = lang_cookie(Locale::En, true);
        assert_eq!(c.value(), "en");
        assert_eq!(c.path(), Some("/staff"));
        assert!(c.secure().unwrap_or(false) && c.http_only().unwrap_or(false));
    }
}
