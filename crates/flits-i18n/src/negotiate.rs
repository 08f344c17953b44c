//! Which of the languages on offer a reader gets (docs/api.md, "Languages").

use crate::Locale;

/// Chooses among `offered` (first = default): an explicit choice (`?lang=`), then an earlier choice
/// remembered in a cookie, then the best match of an `Accept-Language` header, then the first offered
/// language. A choice that is not on offer is passed over, never an error: a resident following an
/// old link should still get the poll.
pub fn negotiate(
    offered: &[Locale],
    explicit: Option<&str>,
    remembered: Option<&str>,
    accept_language: Option<&str>,
) -> Locale {
    let default = offered.first().copied().unwrap_or_default();
    let on_offer = |tag: Option<&str>| {
        tag.and_then(Locale::parse)
            .filter(|locale| offered.contains(locale))
    };
    if let Some(locale) = on_offer(explicit).or_else(|| on_offer(remembered)) {
        return locale;
    }
    // Tags come back ordered by quality, best first; the first one on offer wins.
    accept_language::parse(accept_language.unwrap_or(""))
        .iter()
        .find_map(|tag| on_offer(Some(tag)))
        .unwrap_or(default)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Locale::*;

    #[test]
    fn explicit_then_remembered_then_header_then_first_offered() {
        let all = Locale::RESIDENT;
        assert_eq!(negotiate(&all, Some("tr"), Some("pl"), Some("ar")), Tr);
        assert_eq!(negotiate(&all, Some("de"), Some("pl"), Some("ar")), Pl);
        assert_eq!(
            negotiate(&all, None, Some("xx"), Some("ar-MA, en;q=0.5")),
            Ar
        );
        assert_eq!(
            negotiate(&all, None, None, Some("de, en;q=0.4, nl;q=0.8")),
            Nl
        );
        assert_eq!(negotiate(&all, None, None, Some("de")), Nl);
        assert_eq!(negotiate(&[Tr, Nl], None, None, None), Tr);
    }

    #[test]
    fn never_picks_a_language_the_poll_does_not_offer() {
        let offered = [Nl, Tr];
        assert_eq!(negotiate(&offered, Some("ar"), None, None), Nl);
        assert_eq!(
            negotiate(&offered, None, Some("en"), Some("pl, tr;q=0.2")),
            Tr
        );
        assert_eq!(negotiate(&offered, None, None, Some("en-GB")), Nl);
        assert_eq!(negotiate(&[], None, None, Some("en")), Nl);
    }
}
