//! Which language a resident reads a poll in, and how they switch (docs/api.md, "Languages").
//!
//! Among the languages the poll offers: `?lang=`, else the resident's earlier choice (a cookie that
//! holds only the language code), else the best match of `Accept-Language`, else the poll's first
//! language. A page about no poll at all offers every language Flits speaks. The switch itself
//! (`flits_resident_pages::language`) is shared with the staff service's preview.

use actix_web::HttpRequest;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::header::ACCEPT_LANGUAGE;
use flits_http::query::url_query_param;
use flits_i18n::Locale;
use flits_survey::PollDefinition;

/// The cookie that remembers a resident's explicit choice of language, and nothing else.
pub const LANGUAGE_COOKIE: &str = "flits_lang";

/// How long the choice is remembered.
pub const LANGUAGE_COOKIE_DAYS: i64 = 365;

/// The languages a poll offers, its default first.
pub fn offered_locales(def: &PollDefinition) -> Vec<Locale> {
    def.offered_languages()
}

/// The language of a page among `offered`, with an explicit `choice` (a form field) taking the
/// place of `?lang=` when given.
pub fn choose(req: &HttpRequest, offered: &[Locale], choice: Option<&str>) -> Locale {
    let explicit = choice
        .map(str::to_owned)
        .or_else(|| url_query_param(req.query_string(), "lang"));
    let remembered = req.cookie(LANGUAGE_COOKIE);
    let accept = req
        .headers()
        .get(ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    flits_i18n::negotiate(
        offered,
        explicit.as_deref(),
        remembered.as_ref().map(|c| c.value()),
        accept,
    )
}

/// The cookie to set when the resident picked `locale` with `?lang=` on this request, so their
/// next page (another poll, the results) opens in it too.
pub fn remember(req: &HttpRequest, locale: Locale, secure: bool) -> Option<Cookie<'static>> {
    let asked = url_query_param(req.query_string(), "lang")?;
    if Locale::parse(&asked) != Some(locale) {
        return None;
    }
    let already = req
        .cookie(LANGUAGE_COOKIE)
        .is_some_and(|c| c.value() == locale.code());
    (!already).then(|| {
        Cookie::build(LANGUAGE_COOKIE, locale.code())
            .path("/")
            .http_only(true)
            .secure(secure)
            .same_site(SameSite::Lax)
            .max_age(actix_web::cookie::time::Duration::days(
                LANGUAGE_COOKIE_DAYS,
            ))
            .finish()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    fn poll(title: &str) -> PollDefinition {
        let yaml = format!(
            "slug: test-poll\ntitle: {title}\nquestions:\n  - {{id: q1, kind: open_text, text: {{nl: Vraag}}}}\n"
        );
        PollDefinition::from_yaml_str(&yaml).expect("a test poll")
    }

    #[test]
    fn dutch_leads_and_unknown_codes_are_left_out() {
        assert_eq!(
            offered_locales(&poll("{en: A, nl: B, tr: C}")),
            [Locale::Nl, Locale::En, Locale::Tr]
        );
        assert_eq!(offered_locales(&poll("Alleen Nederlands")), [Locale::Nl]);
    }

    #[test]
    fn query_then_cookie_then_header_within_the_offer() {
        let offered = [Locale::Nl, Locale::Ar];
        let req = TestRequest::get()
            .uri("/p/x?lang=ar")
            .insert_header((ACCEPT_LANGUAGE, "en"))
            .to_http_request();
        assert_eq!(choose(&req, &offered, None), Locale::Ar);
        assert!(remember(&req, Locale::Ar, false).is_some());
        let req = TestRequest::get()
            .uri("/p/x")
            .cookie(Cookie::new(LANGUAGE_COOKIE, "ar"))
            .insert_header((ACCEPT_LANGUAGE, "nl"))
            .to_http_request();
        assert_eq!(choose(&req, &offered, None), Locale::Ar);
        assert!(remember(&req, Locale::Ar, false).is_none());
        let req = TestRequest::get()
            .uri("/p/x?lang=pl")
            .insert_header((ACCEPT_LANGUAGE, "ar-MA"))
            .to_http_request();
        assert_eq!(choose(&req, &offered, None), Locale::Ar);
        assert!(
            remember(&req, Locale::Ar, false).is_none(),
            "Polish was asked, not Arabic"
        );
    }
}
