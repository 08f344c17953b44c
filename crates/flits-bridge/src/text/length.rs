//! How platforms count the length of a post, and how we shorten a text to fit.
//!
//! - Mastodon counts characters, and every URL as `characters_reserved_per_url` (23 by default),
//!   whatever its real length. It counts grapheme clusters; counting code points, as we do, is never
//!   less, so a text we accept always fits.
//! - X counts code points by weight (twitter-text v3): Latin, Cyrillic, Arabic, Hebrew… and some
//!   punctuation count 1, everything else (CJK, emoji) 2; every URL counts 23; the limit is 280.
//! - Facebook and webhooks only have generous limits.
//!
//! A URL here is a run of non-space characters starting with `http://` or `https://`.

/// How one platform counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LengthRule {
    /// The most a post may count; `None` for no limit worth checking.
    pub max: Option<usize>,
    /// What one URL counts, whatever its length; `None` to count its characters.
    pub url_length: Option<usize>,
    /// X's weighted counting instead of one per character.
    pub weighted: bool,
}

impl LengthRule {
    /// Mastodon with the server's limits (`GET /api/v2/instance`).
    pub fn mastodon(max_characters: usize, characters_reserved_per_url: usize) -> LengthRule {
        LengthRule {
            max: Some(max_characters),
            url_length: Some(characters_reserved_per_url),
            weighted: false,
        }
    }

    /// Mastodon's defaults: 500 characters, URLs 23.
    pub const MASTODON_DEFAULT: LengthRule = LengthRule {
        max: Some(500),
        url_length: Some(23),
        weighted: false,
    };

    /// X: 280 weighted, URLs 23.
    pub const X: LengthRule = LengthRule {
        max: Some(280),
        url_length: Some(23),
        weighted: true,
    };

    /// Facebook posts: 63,206 characters.
    pub const FACEBOOK: LengthRule = LengthRule {
        max: Some(63_206),
        url_length: None,
        weighted: false,
    };

    /// No limit (webhooks, e-mail).
    pub const UNLIMITED: LengthRule = LengthRule {
        max: None,
        url_length: None,
        weighted: false,
    };

    /// The length of `text` as the platform counts it.
    pub fn count(&self, text: &str) -> usize {
        let mut total = 0;
        let mut rest = text;
        while !rest.is_empty() {
            match url_start(rest) {
                Some(0) => {
                    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                    let url = &rest[..end];
                    total += self.url_length.unwrap_or_else(|| self.count_plain(url));
                    rest = &rest[end..];
                }
                Some(start) => {
                    total += self.count_plain(&rest[..start]);
                    rest = &rest[start..];
                }
                None => {
                    total += self.count_plain(rest);
                    rest = "";
                }
            }
        }
        total
    }

    /// Whether `text` fits.
    pub fn fits(&self, text: &str) -> bool {
        self.max.is_none_or(|max| self.count(text) <= max)
    }

    fn count_plain(&self, s: &str) -> usize {
        if self.weighted {
            s.chars().map(x_weight).sum()
        } else {
            s.chars().count()
        }
    }
}

/// Where the first URL in `s` starts, if it starts a word.
fn url_start(s: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = s[from..].find("http").map(|i| i + from) {
        let at_word_start = s[..i].chars().next_back().is_none_or(char::is_whitespace);
        let tail = &s[i..];
        if at_word_start && (tail.starts_with("https://") || tail.starts_with("http://")) {
            return Some(i);
        }
        from = i + "http".len();
    }
    None
}

/// twitter-text v3: the ranges that count 1; everything else counts 2.
fn x_weight(c: char) -> usize {
    match u32::from(c) {
        0..=4351 | 8192..=8205 | 8208..=8223 | 8242..=8247 => 1,
        _ => 2,
    }
}

/// `text` cut to at most `max` characters on a word boundary, with `…` when something was cut.
/// A single word longer than `max` is cut inside the word. `max == 0` gives an empty text.
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    if max <= 1 {
        return String::new();
    }
    let keep: String = text.chars().take(max - 1).collect();
    let next_is_space = text.chars().nth(max - 1).is_some_and(char::is_whitespace);
    let cut = if next_is_space {
        keep.as_str()
    } else {
        match keep.rfind(char::is_whitespace) {
            Some(i) => &keep[..i],
            None => keep.as_str(),
        }
    };
    let cut = cut.trim_end_matches(|c: char| c.is_whitespace() || ",;:-–".contains(c));
    if cut.is_empty() {
        return String::new();
    }
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINK: &str =
        "https://peiling.ijmond.nl/p/fietsparkeren-station-beverwijk?c=mastodon-velsen";

    #[test]
    fn urls_count_23_on_mastodon_and_x() {
        let text = format!("Doe mee: {LINK}");
        assert_eq!(LengthRule::MASTODON_DEFAULT.count(&text), 9 + 23);
        assert_eq!(LengthRule::X.count(&text), 9 + 23);
        assert_eq!(LengthRule::FACEBOOK.count(&text), 9 + LINK.chars().count());
        // Two URLs, one at the start; "xhttp://" is not a URL.
        let two = format!("{LINK} en {LINK} xhttp://a");
        assert_eq!(LengthRule::MASTODON_DEFAULT.count(&two), 23 + 4 + 23 + 10);
    }

    #[test]
    fn x_counts_wide_characters_twice() {
        assert_eq!(LengthRule::X.count("abc"), 3);
        assert_eq!(LengthRule::X.count("مرحبا"), 5);
        assert_eq!(LengthRule::X.count("日本"), 4);
        assert_eq!(LengthRule::X.count("🚲"), 2);
        assert_eq!(LengthRule::MASTODON_DEFAULT.count("🚲日本"), 3);
    }

    #[test]
    fn shortening_stops_at_a_word_boundary() {
        assert_eq!(shorten("Drie korte vragen", 100), "Drie korte vragen");
        assert_eq!(shorten("Drie korte vragen", 12), "Drie korte…");
        assert_eq!(shorten("Drie korte vragen", 11), "Drie korte…");
        assert_eq!(shorten("Drie korte vragen", 10), "Drie…");
        assert_eq!(shorten("Drie, korte vragen", 10), "Drie…");
        assert_eq!(shorten("Fietsenstalling", 6), "Fiets…");
        assert_eq!(shorten("Drie", 1), "");
        for max in 0..30 {
            assert!(
                shorten("Drie korte vragen, één minuut", max)
                    .chars()
                    .count()
                    <= max
            );
        }
    }
}
