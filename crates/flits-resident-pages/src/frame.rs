//! What every resident page has around its content: the language and writing direction, the
//! organisation's name and theme, the language switch and, on pages meant to be shared, the link
//! preview.
//!
//! Templates get it flattened into their data (`lang`, `dir`, `page_title`, `org_name`,
//! `theme_css`, `preview`, `feed`, `languages`), which `templates/partials/layout.hbs` and
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
    pub org_name: String,
    /// The organisation's theme stylesheet, when it has a usable one.
    pub theme_css: Option<String>,
    /// Open Graph / Twitter-card data, on pages meant to be shared.
    pub preview: Option<LinkPreview>,
    /// The Atom feed a page offers to feed readers (the public overview).
    pub feed: Option<FeedLink>,
    /// The language switch; empty when there is nothing to switch to.
    pub languages: Vec<LanguageLink>,
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
            theme_css: None,
            preview: None,
            feed: None,
            languages: Vec::new(),
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
