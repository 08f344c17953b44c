//! The language switch of a resident page: the same page in each language the poll offers, each
//! named in its own language, and the Open Graph locale of a page. Which language a request gets
//! is the collector's business (`flits_collector::language`).

use flits_i18n::Locale;
use serde::Serialize;

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
