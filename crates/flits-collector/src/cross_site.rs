//! Refusing answers that another website sends in a visitor's name.
//!
//! A page on any website can contain a form that posts to `/p/{slug}` and sends itself as soon as
//! it loads: every visitor of that page would then answer the poll, with answers the page chose,
//! from their own network address. Browsers say where a request started: `Sec-Fetch-Site`
//! (`same-origin`, `same-site`, `cross-site`, or `none` for what the user typed or bookmarked) and
//! `Origin` on every `POST`. Every request that changes something on the public side (the poll
//! form, the results-by-e-mail form, the JSON submit) is refused with `403` and stores nothing
//! when either says it came from elsewhere:
//!
//! - `Sec-Fetch-Site` is `cross-site` or `same-site` (another host under the same domain is still
//!   another website);
//! - `Origin` is `null` (a sandboxed frame, a `data:` page, a redirect across sites) or any origin
//!   but that of `FLITS_PUBLIC_URL`.
//!
//! A request with neither header passes: old browsers, and apps and scripts, which post from no
//! website at all. For them the form's token and `SameSite=Strict` cookie ([`crate::form_cookie`])
//! do the same job; the JSON API needs a JSON content type, which no form on another site can send
//! without the browser first asking us, and we never say yes.
//!
//! Same-origin is judged against the public base alone, not the `Host` a request names: behind a
//! proxy that is the one address residents use, and it is why `FLITS_PUBLIC_URL` must be that
//! address.

use actix_web::HttpRequest;
use actix_web::http::StatusCode;
use actix_web::http::header::{HeaderMap, ORIGIN};
use flits_http::ApiError;
use flits_i18n::{Locale, t};
use flits_types::Slug;
use url::Url;

use crate::notices::{Notice, render_notice};
use crate::page_failure::PageFailure;
use crate::state::CollectorState;

/// `Sec-Fetch-Site`, which browsers set and pages cannot.
const SEC_FETCH_SITE: &str = "sec-fetch-site";

/// Which header gave a request away (for the log; never its value).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CrossSite {
    /// `Sec-Fetch-Site` named another site.
    FetchSite,
    /// `Origin` was `null`, unreadable or another origin.
    Origin,
}

impl CrossSite {
    fn header(self) -> &'static str {
        match self {
            CrossSite::FetchSite => SEC_FETCH_SITE,
            CrossSite::Origin => "origin",
        }
    }
}

/// Whether the request's headers say it started on another website than `public` (the public
/// base); `Ok` when they say it started here, or say nothing.
pub fn judge(headers: &HeaderMap, public: &Url) -> Result<(), CrossSite> {
    if let Some(site) = headers.get(SEC_FETCH_SITE)
        && matches!(site.as_bytes(), b"cross-site" | b"same-site")
    {
        return Err(CrossSite::FetchSite);
    }
    let Some(origin) = headers.get(ORIGIN) else {
        return Ok(());
    };
    let public = public.origin();
    let same = origin
        .to_str()
        .ok()
        .filter(|o| *o != "null")
        .and_then(|o| Url::parse(o).ok())
        .is_some_and(|o| o.origin() == public);
    if same { Ok(()) } else { Err(CrossSite::Origin) }
}

/// [`judge`] for a request to the collector, logging a refusal (which header, never its value).
pub fn check(state: &CollectorState, req: &HttpRequest) -> Result<(), CrossSite> {
    judge(req.headers(), &state.public_url).inspect_err(|why| {
        tracing::info!(
            header = why.header(),
            "refused a request that another website sent"
        );
    })
}

/// The page for a refused form (`403`): nothing was stored, and a link to the poll's own page,
/// where the resident can answer if they want to.
pub async fn refused_page(
    state: &CollectorState,
    slug: &str,
    locale: Locale,
) -> Result<actix_web::HttpResponse, PageFailure> {
    let link = Slug::parse(slug)
        .ok()
        .map(|slug| (format!("/p/{slug}"), t!(locale, "cross-site-link")));
    let notice = Notice {
        status: StatusCode::FORBIDDEN,
        heading: t!(locale, "cross-site-heading"),
        paragraphs: vec![t!(locale, "cross-site-text")],
        link,
    };
    render_notice(state, None, locale, notice).await
}

/// The JSON error for a refused submit: `403 cross_site`.
pub fn refused_error(locale: Locale) -> ApiError {
    ApiError::new(
        StatusCode::FORBIDDEN,
        "cross_site",
        t!(locale, "api-cross-site"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::header::{HeaderName, HeaderValue};

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(
                HeaderName::from_bytes(name.as_bytes()).unwrap(),
                HeaderValue::from_str(value).unwrap(),
            );
        }
        map
    }

    #[test]
    fn only_our_own_pages_and_requests_without_a_site_pass() {
        let public = Url::parse("https://peiling.example.nl/").unwrap();
        let ok = |pairs: &[(&str, &str)]| judge(&headers(pairs), &public).is_ok();
        assert!(ok(&[]), "curl, apps, old browsers");
        assert!(ok(&[("origin", "https://peiling.example.nl")]));
        assert!(ok(&[("origin", "https://peiling.example.nl:443")]));
        assert!(ok(&[("sec-fetch-site", "same-origin")]));
        assert!(ok(&[("sec-fetch-site", "none")]));
        assert!(ok(&[
            ("sec-fetch-site", "same-origin"),
            ("origin", "https://peiling.example.nl")
        ]));
        for pairs in [
            &[("sec-fetch-site", "cross-site")][..],
            &[("sec-fetch-site", "same-site")],
            &[("origin", "null")],
            &[("origin", "https://evil.example")],
            &[("origin", "http://peiling.example.nl")],
            &[("origin", "https://peiling.example.nl:8443")],
            &[("origin", "https://www.example.nl")],
            &[("origin", "not a url")],
            // The browser's own word on the site wins over an origin that looks right.
            &[
                ("sec-fetch-site", "cross-site"),
                ("origin", "https://peiling.example.nl"),
            ],
            // And a foreign origin is refused even when the site header looks right.
            &[
                ("sec-fetch-site", "same-origin"),
                ("origin", "https://evil.example"),
            ],
        ] {
            assert!(!ok(pairs), "{pairs:?}");
        }
        let local = Url::parse("http://127.0.0.1:8080").unwrap();
        assert!(judge(&headers(&[("origin", "http://127.0.0.1:8080")]), &local).is_ok());
        assert_eq!(
            judge(&headers(&[("origin", "http://localhost:8080")]), &local),
            Err(CrossSite::Origin)
        );
    }
}
