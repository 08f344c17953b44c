//! What every resident page has around its content: the language and writing direction, the
//! organisation's name and theme, the language switch and, on pages meant to be shared, the link
//! preview.
//!
//! Templates get it flattened into their data (`lang`, `dir`, `page_title`, `org_name`,
//! `logo_url`, `theme_css`, `preview`, `feed`, `languages`, `footer`), which `templates/partials/layout.hbs` and
//! `templates/partials/link-preview.hbs` read. The collector fills it in from its caches and
//! settings; the staff service's preview of the results page fills it in from the store.

use flits_i18n::Locale;
use serde::Serialize;

use crate::language::LanguageLink;

/// The frame of a resident page.
#[derive(Debug, Clone, Serialize)]
pub struct Chrome {
    /// The page's language code; also what `{{t}}` reads.
    pub lang: &'static str,
    /// `ltr` or `rtl`.
    pub dir: &'static str,
    pub page_title: String,
    /// Who the page speaks for: the organisation, or the region for a regional poll.
    pub org_name: String,
    /// The sender's logo (a path on this site or a data URL the CSP allows).
    pub logo_url: Option<String>,
    /// The organisation's theme stylesheet, when it has a usable one.
    pub theme_css: Option<String>,
    /// Open Graph / Twitter-card data, on pages meant to be shared.
    pub preview: Option<LinkPreview>,
    /// The Atom feed a page offers to feed readers (the public overview).
    pub feed: Option<FeedLink>,
    /// The language switch; empty when there is nothing to switch to.
    pub languages: Vec<LanguageLink>,
    /// What the law asks every page to link: the privacy page and the accessibility statement.
    pub footer: Footer,
}

/// The links at the foot of every resident page: the sender's privacy page and accessibility
/// statement (the lists of all of them on pages that speak for no one in particular).
#[derive(Debug, Clone, Serialize)]
pub struct Footer {
    pub privacy_href: String,
    pub accessibility_href: String,
}

impl Footer {
    /// The links of the sender `id` (an organisation's or region's id; `None`: the lists), in
    /// `locale`.
    pub fn of(id: Option<&str>, locale: Locale) -> Footer {
        let tail = id.map(|i| format!("/{i}")).unwrap_or_default();
        Footer {
            privacy_href: format!("/privacy{tail}?lang={}", locale.code()),
            accessibility_href: format!("/toegankelijkheid{tail}?lang={}", locale.code()),
        }
    }
}

impl Chrome {
    /// The plain Flits frame of a page in `locale`: unthemed, not shared, no language switch.
    /// Callers fill in what they know about the page's organisation and languages.
    pub fn plain(locale: Locale, page_title: String) -> Chrome {
        Chrome {
            lang: locale.code(),
            dir: locale.dir(),
            page_title,
            org_name: String::from("Flits"),
            logo_url: None,
            theme_css: None,
            preview: None,
            feed: None,
            languages: Vec::new(),
            footer: Footer::of(None, locale),
        }
    }
}

/// What a shared link shows: absolute URLs on the public base.
#[derive(Debug, Clone, Serialize)]
pub struct LinkPreview {
    pub canonical: String,
    pub title: String,
    pub description: String,
    pub site_name: String,
    pub og_locale: &'static str,
    pub image: String,
}

/// A `<link rel="alternate">` to an Atom feed.
#[derive(Debug, Clone, Serialize)]
pub struct FeedLink {
    pub href: String,
    pub title: String,
}

/// The absolute URL of `path` on the public base `base` (`FLITS_PUBLIC_URL`, with or without a
/// trailing slash).
pub fn public_link(base: &str, path: &str) -> String {
    format!("{}{path}", base.trim_end_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_links_join_the_base_and_the_path_with_one_slash() {
        assert_eq!(
            public_link("https://flits.example/", "/p/x/results"),
            "https://flits.example/p/x/results"
        );
        assert_eq!(
            public_link("https://flits.example", "/"),
            "https://flits.example/"
        );
    }

    #[test]
    fn a_plain_frame_follows_the_language_and_its_direction() {
        let frame = Chrome::plain(Locale::Ar, "عنوان".into());
        assert_eq!((frame.lang, frame.dir), ("ar", "rtl"));
        assert_eq!(frame.org_name, "Flits");
        assert!(frame.theme_css.is_none() && frame.languages.is_empty());
    }
}
