//! Readability scores: one number per text so staff can compare drafts.
//!
//! - **Dutch: Flesch-Douma.** W.H. Douma, *De leesbaarheid van landbouwbladen: een onderzoek naar en
//!   een toepassing van leesbaarheidsformules*, Wageningen, 1960 — Flesch's formula re-weighted for
//!   Dutch, whose words are longer:
//!   `206.84 − 0.77 × (syllables per 100 words) − 0.93 × (average words per sentence)`.
//! - **English: Flesch reading ease.** R. Flesch, *A new readability yardstick*, Journal of Applied
//!   Psychology 32(3), 1948:
//!   `206.835 − 1.015 × (words per sentence) − 84.6 × (syllables per word)`.
//!
//! Both read the same way: higher is easier. As a rule of thumb for residents' texts, Dutch scores of
//! 60 and up read easily (roughly B1), 30–60 need effort, below 30 is for specialists. The scores are
//! not clamped: very short, very plain texts can score above 100. Only Dutch and English texts get a
//! score; other languages have no established formula here.

use serde::Serialize;

use super::sentences::split_sentences;
use super::syllables::{dutch_syllables, english_syllables};

/// Which readability formula produced a score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Formula {
    /// Flesch-Douma (Douma 1960), for Dutch.
    FleschDouma,
    /// Flesch reading ease (Flesch 1948), for English.
    FleschReadingEase,
}

impl Formula {
    /// The formula for a text language, if there is one.
    pub fn for_lang(lang: &str) -> Option<Formula> {
        match lang {
            "nl" => Some(Formula::FleschDouma),
            "en" => Some(Formula::FleschReadingEase),
            _ => None,
        }
    }

    /// The stable name used in reports (`flesch_douma`, `flesch_reading_ease`).
    pub fn as_str(self) -> &'static str {
        match self {
            Formula::FleschDouma => "flesch_douma",
            Formula::FleschReadingEase => "flesch_reading_ease",
        }
    }
}

/// A text's score and the counts it was computed from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ReadabilityScore {
    pub formula: Formula,
    /// Higher is easier; rounded to one decimal.
    pub score: f64,
    pub sentences: usize,
    pub words: usize,
    pub syllables: usize,
}

/// Scores `text` written in `lang`; `None` for languages without a formula and for texts without
/// words.
pub fn score(text: &str, lang: &str) -> Option<ReadabilityScore> {
    let formula = Formula::for_lang(lang)?;
    let sentences = split_sentences(text);
    let words: usize = sentences.iter().map(|s| s.words.len()).sum();
    if words == 0 {
        return None;
    }
    let count: fn(&str) -> usize = match formula {
        Formula::FleschDouma => dutch_syllables,
        Formula::FleschReadingEase => english_syllables,
    };
    let syllables: usize = sentences
        .iter()
        .flat_map(|s| s.words.iter())
        .map(|w| count(w.text))
        .sum();
    let words_per_sentence = words as f64 / sentences.len() as f64;
    let syllables_per_word = syllables as f64 / words as f64;
    let raw = match formula {
        Formula::FleschDouma => {
            206.84 - 0.77 * (100.0 * syllables_per_word) - 0.93 * words_per_sentence
        }
        Formula::FleschReadingEase => {
            206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word
        }
    };
    Some(ReadabilityScore {
        formula,
        score: (raw * 10.0).round() / 10.0,
        sentences: sentences.len(),
        words,
        syllables,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applies_flesch_douma() {
        // 2 sentences, 8 words, 10 syllables: 206.84 - 0.77*125 - 0.93*4 = 106.87
        let s = score("Wij maken het plein mooier. Doet u mee?", "nl").unwrap();
        assert_eq!((s.sentences, s.words, s.syllables), (2, 8, 10));
        assert_eq!(s.score, 106.9);
        assert_eq!(s.formula.as_str(), "flesch_douma");
    }

    #[test]
    fn applies_flesch_reading_ease() {
        // 1 sentence, 4 words, 5 syllables: 206.835 - 1.015*4 - 84.6*1.25 = 97.0
        let s = score("We park our bikes.", "en").unwrap();
        assert_eq!((s.sentences, s.words), (1, 4));
        let expected = 206.835 - 1.015 * 4.0 - 84.6 * (s.syllables as f64 / 4.0);
        assert!(
            (s.score - expected).abs() < 0.06,
            "{} vs {expected}",
            s.score
        );
    }

    #[test]
    fn has_no_score_for_other_languages_or_empty_texts() {
        assert!(score("Merhaba dünya", "tr").is_none());
        assert!(score("  ", "nl").is_none());
    }
}
