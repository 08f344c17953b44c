//! Numbers as residents read them on the results page: counts under the small-cell rule, shares
//! as percentages, means with one decimal. Where a language writes them its own way (`%40` in
//! Turkish) the catalogue decides; the decimal separator follows the language's convention.

use flits_i18n::{Locale, t};
use flits_results::Count;

/// A count: the number, or `<k` from the catalogue when it is under `k`.
pub fn count_text(count: Count, locale: Locale) -> String {
    match count {
        Count::Exact { value } => value.to_string(),
        Count::Below { k } => t!(locale, "results-count-below", k = k),
    }
}

/// A share between 0 and 1 as a whole percentage ("40%", "%40").
pub fn percent_text(share: f64, locale: Locale) -> String {
    let value = (share * 100.0).round().clamp(0.0, 100.0);
    t!(locale, "results-percent", value = value)
}

/// A number with one decimal, with the decimal comma where the language writes one.
pub fn decimal_text(value: f64, locale: Locale) -> String {
    let text = format!("{value:.1}");
    match locale {
        Locale::Nl | Locale::Tr | Locale::Pl => text.replace('.', ","),
        Locale::En | Locale::Ar => text,
    }
}

/// The start of `text`, at most about `max` characters, cut at a word and marked with `…` when
/// something was left out (link-preview descriptions, the overview).
pub fn excerpt(text: &str, max: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = String::new();
    for word in &words {
        let extra = if out.is_empty() { 0 } else { 1 } + word.chars().count();
        if out.chars().count() + extra > max {
            if out.is_empty() {
                out = word.chars().take(max).collect();
            }
            out.push('…');
            return out;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_counts_read_as_below_k_and_shares_as_percentages_in_each_language() {
        assert_eq!(count_text(Count::of(12, 10), Locale::Nl), "12");
        assert_eq!(count_text(Count::of(3, 10), Locale::Nl), "<10");
        assert_eq!(percent_text(0.4049, Locale::Nl), "40%");
        assert_eq!(percent_text(1.0, Locale::Tr), "%100");
        for locale in Locale::RESIDENT {
            assert!(count_text(Count::of(3, 10), locale).contains("10"));
            assert!(percent_text(0.25, locale).contains("25"));
        }
        assert_eq!(decimal_text(3.75, Locale::Nl), "3,8");
        assert_eq!(decimal_text(4.0, Locale::En), "4.0");
    }

    #[test]
    fn excerpts_end_at_a_word() {
        assert_eq!(excerpt("U wilde meer bomen.", 100), "U wilde meer bomen.");
        assert_eq!(excerpt("U wilde meer bomen.", 10), "U wilde…");
        assert_eq!(excerpt("Onuitspreekbaarlang", 5), "Onuit…");
    }
}
