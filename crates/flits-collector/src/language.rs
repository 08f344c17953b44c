//! Which language a resident reads a poll in, and how they switch (docs/api.md, "Languages").
//!
//! Among the languages the poll offers: `?lang=`, else the resident's earlier choice (a cookie that
//! holds only the language code), else the best match of `Accept-Language`, else the poll's first
//! language. A page about no poll at all offers every language Flits speaks.

use actix_web::HttpRequest;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::header::ACCEPT_LANGUAGE;
use flits_http::query::url_query_param;
use flits_i18n::Locale;
use flits_survey::PollDefinition;
use serde::Serialize;

/// The cookie that remembers a resident's explicit choice of language, and nothing else.
pub const LANGUAGE_COOKIE: &str = "flits_lang";

/// How long the choice is remembered.
const LANGUAGE_COOKIE_DAYS: i64 = 365;

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

/// One entry of the language switch.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageLink {
    /// The same page in that language.
    pub href: String,
    /// The language code, for `hreflang` and `lang`.
    pub code: &'static str,
    /// The language's own name for itself.
    pub name: &'static str,
    /// The page's current language (shown, not linked).
    pub current: bool,
}

/// The language switch of a page at `path` (with the channel kept), or none when only one
/// language is on offer.
pub fn language_links(
    path: &str,
    offered: &[Locale],
    current: Locale,
    channel: Option<&str>,
) -> Vec<LanguageLink> {
    if offered.len() < 2 {
        return Vec::new();
    }
    offered
        .iter()
        .map(|&locale| {
            let mut href = format!("{path}?lang={}", locale.code());
            if let Some(c) = channel {
                href.push_str("&c=");
                href.extend(url::form_urlencoded::byte_serialize(c.as_bytes()));
            }
            LanguageLink {
                href,
                code: locale.code(),
                name: locale.native_name(),
                current: locale == current,
            }
        })
        .collect()
}

/// The Open Graph locale of a page (`og:locale`).
pub fn og_locale(locale: Locale) -> &'static str {
    match locale {
        Locale::Nl => "nl_NL",
        Locale::En => "en_GB",
        Locale::Tr => "tr_TR",
        Locale::Pl => "pl_PL",
        Locale::Ar => "ar_AR",
    }
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

    #[test]
    fn the_switch_lists_every_offered_language_and_keeps_the_channel() {
        let links = language_links(
            "/p/x",
            &[Locale::Nl, Locale::Tr],
            Locale::Tr,
            Some("qr code"),
        );
        assert_eq!(links.len(), 2);
        assert_eq!(links[0].href, "/p/x?lang=nl&c=qr+code");
        assert!(links[1].current && links[1].name == "Türkçe");
        assert!(language_links("/p/x", &[Locale::Nl], Locale::Nl, None).is_empty());
    }
}
