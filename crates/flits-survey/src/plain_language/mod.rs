//! The plain-language (B1) checker for Dutch texts that residents read.
//!
//! Dutch governments promise to write at language level B1 so that most residents understand them at
//! first reading. A flash poll that residents misread gives wrong answers, so every resident-facing
//! text is checked here, sentence by sentence, for what B1 writing guides warn about most:
//! - sentences of more than 15 words (`long_sentence`);
//! - words of more than 13 letters (`long_word`), usually compounds that can be split or replaced;
//! - the passive voice (`passive_voice`), which hides who does something;
//! - officialese (`officialese`) from a word list with plainer alternatives
//!   (`data/officialese-nl.tsv`, extendable with staff's own list, see [`WordList`]).
//!
//! The checker gives hints, never errors: the comms officer decides. Texts also get a readability
//! score (Flesch-Douma for Dutch, Flesch reading ease for English), see [`readability`].

mod hint;
pub mod passive;
pub mod readability;
pub mod sentences;
pub mod syllables;
mod word_list;

use std::sync::LazyLock;

pub use hint::{HintKind, LanguageHint};
pub use readability::{Formula, ReadabilityScore, score};
pub use sentences::{Sentence, Word, split_sentences};
pub use word_list::{
    OFFICIALESE_NL, PLAIN_WORDS_EN, PhraseMatch, WordList, WordListEntry, WordListError,
    WordListProblem,
};

/// Sentences with more words than this get a `long_sentence` hint (B1 guides advise 10–15).
pub const DEFAULT_MAX_SENTENCE_WORDS: usize = 15;
/// Words with more letters than this get a `long_word` hint.
pub const DEFAULT_MAX_WORD_LETTERS: usize = 13;

/// Checks Dutch texts against B1 rules. Build one and reuse it; [`Checker::default`] uses the
/// built-in word list and limits.
#[derive(Debug, Clone)]
pub struct Checker {
    word_list: WordList,
    /// Sentences with more words than this get a hint.
    pub max_sentence_words: usize,
    /// Words with more letters than this get a hint.
    pub max_word_letters: usize,
}

impl Default for Checker {
    fn default() -> Self {
        Checker::new(WordList::builtin_officialese_nl())
    }
}

static DEFAULT_CHECKER: LazyLock<Checker> = LazyLock::new(Checker::default);

/// English texts get longer sentences (plain-English guides advise about 20 words) and no limit
/// on word length, which suits Dutch compounds but not English.
pub const ENGLISH_MAX_SENTENCE_WORDS: usize = 20;

static ENGLISH_CHECKER: LazyLock<Checker> = LazyLock::new(|| Checker {
    word_list: WordList::builtin_plain_en(),
    max_sentence_words: ENGLISH_MAX_SENTENCE_WORDS,
    max_word_letters: usize::MAX,
});

/// The checker for English texts: the plain-English list, with the English limits. Its passive
/// test looks for Dutch markers, so it finds none in English.
pub fn english_checker() -> &'static Checker {
    &ENGLISH_CHECKER
}

/// English texts that score below this on Flesch reading ease get a `hard_to_read` hint: 60 is
/// "plain English", what most adults read easily.
pub const ENGLISH_MIN_READING_EASE: f64 = 60.0;

/// Imperative verbs a question may begin with instead of ending in a question mark ("Kies de
/// wijk", "Describe your idea"), Dutch and English, in lowercase.
const IMPERATIVES: [&str; 34] = [
    "kies",
    "geef",
    "vul",
    "noem",
    "schrijf",
    "vertel",
    "beschrijf",
    "kruis",
    "selecteer",
    "zet",
    "deel",
    "beoordeel",
    "denk",
    "laat",
    "tik",
    "kijk",
    "wijs",
    "choose",
    "give",
    "rate",
    "tell",
    "describe",
    "select",
    "pick",
    "name",
    "write",
    "list",
    "share",
    "mark",
    "tick",
    "fill",
    "enter",
    "think",
    "let",
];

/// Whether a question text asks: it ends with a question mark (also the Arabic one) or begins
/// with an imperative ("Kies…", "Describe…"). A statement instead leaves residents unsure what
/// to answer.
pub fn asks_a_question(text: &str) -> bool {
    let trimmed = text.trim().trim_end_matches(['"', '\'', '”', '’', ')']);
    if trimmed.ends_with('?') || trimmed.ends_with('؟') {
        return true;
    }
    let first = trimmed
        .split(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    IMPERATIVES.contains(&first.as_str())
}

/// The checker with the built-in list and limits, built once per process.
pub fn default_checker() -> &'static Checker {
    &DEFAULT_CHECKER
}

/// Checks `text` with the [`default_checker`].
pub fn check(text: &str) -> Vec<LanguageHint> {
    default_checker().check(text)
}

impl Checker {
    /// A checker with the given officialese list and the default limits.
    pub fn new(word_list: WordList) -> Self {
        Checker {
            word_list,
            max_sentence_words: DEFAULT_MAX_SENTENCE_WORDS,
            max_word_letters: DEFAULT_MAX_WORD_LETTERS,
        }
    }

    /// The officialese list in use.
    pub fn word_list(&self) -> &WordList {
        &self.word_list
    }

    /// Adds staff's own officialese entries to the list in use.
    pub fn extend_word_list(&mut self, extra: WordList) {
        self.word_list.extend(extra);
    }

    /// Every hint for a Dutch `text`, by sentence, in reading order.
    pub fn check(&self, text: &str) -> Vec<LanguageHint> {
        let mut hints = Vec::new();
        for sentence in split_sentences(text) {
            let quote = sentences::quote(&sentence);
            let hint = |kind| LanguageHint {
                sentence: sentence.number,
                quote: quote.clone(),
                kind,
            };
            let words = sentence.words.len();
            if words > self.max_sentence_words {
                hints.push(hint(HintKind::LongSentence {
                    words,
                    limit: self.max_sentence_words,
                }));
            }
            let lower: Vec<String> = sentence.words.iter().map(|w| w.lower.clone()).collect();
            if let Some(phrase) = passive::passive_marker(&lower) {
                hints.push(hint(HintKind::PassiveVoice { phrase }));
            }
            let mut seen: Vec<String> = Vec::new();
            for found in self.word_list.find_in(&sentence.words) {
                let phrase: Vec<&str> = sentence.words[found.start..found.start + found.len]
                    .iter()
                    .map(|w| w.text)
                    .collect();
                let phrase = phrase.join(" ");
                if !seen.contains(&phrase.to_lowercase()) {
                    seen.push(phrase.to_lowercase());
                    hints.push(hint(HintKind::Officialese {
                        phrase,
                        alternative: found.entry.alternative.clone(),
                    }));
                }
            }
            for word in &sentence.words {
                if let Some((part, letters)) = self.long_part(word)
                    && !seen.contains(&part.to_lowercase())
                {
                    seen.push(part.to_lowercase());
                    hints.push(hint(HintKind::LongWord {
                        word: part.to_owned(),
                        letters,
                    }));
                }
            }
        }
        hints
    }

    /// The too-long part of a word, if any. Hyphenated words are judged by their parts; numbers,
    /// addresses and abbreviations in capitals are left alone.
    fn long_part<'w>(&self, word: &Word<'w>) -> Option<(&'w str, usize)> {
        let w = word.text;
        if w.contains('@')
            || w.contains("://")
            || w.starts_with("www.")
            || w.chars().any(|c| c.is_ascii_digit())
        {
            return None;
        }
        if w.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
        {
            return None;
        }
        w.split('-')
            .map(|part| (part, part.chars().filter(|c| c.is_alphabetic()).count()))
            .find(|&(_, letters)| letters > self.max_word_letters)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<(usize, &'static str)> {
        check(text).iter().map(|h| (h.sentence, h.code())).collect()
    }

    #[test]
    fn a_plain_text_gets_no_hints() {
        assert!(
            check("Wij willen weten hoe u naar het station komt. Het kost u één minuut.")
                .is_empty()
        );
    }

    #[test]
    fn flags_each_rule_in_the_right_sentence() {
        let text = "Fijn dat u meedoet. Inzake de herinrichting van het plein vragen wij u om uw mening \
                    over de plannen die de gemeente voor het centrum heeft. Er wordt een fietspad aangelegd. \
                    Denk aan verkeersveiligheidsmaatregelen.";
        assert_eq!(
            codes(text),
            vec![
                (2, "long_sentence"),
                (2, "officialese"),
                (3, "passive_voice"),
                (4, "long_word"),
            ]
        );
        let hints = check(text);
        assert_eq!(hints[0].quote, "Inzake de herinrichting van…");
        assert_eq!(
            hints[0].kind,
            HintKind::LongSentence {
                words: 22,
                limit: 15
            }
        );
        assert_eq!(
            hints[1].kind,
            HintKind::Officialese {
                phrase: "Inzake".into(),
                alternative: "over".into()
            }
        );
        let args = hints[1].args();
        assert_eq!(args.number("sentence"), Some(2));
        assert_eq!(args.text("quote"), Some("Inzake de herinrichting van…"));
        assert_eq!(args.text("alternative"), Some("over"));
        assert!(
            matches!(&hints[2].kind, HintKind::PassiveVoice { phrase } if phrase.starts_with("er wordt")),
            "{:?}",
            hints[2]
        );
        assert_eq!(
            hints[3].args().text("word"),
            Some("verkeersveiligheidsmaatregelen")
        );
    }

    #[test]
    fn long_words_skip_numbers_addresses_and_acronyms_and_judge_hyphen_parts() {
        assert!(check("Mail naar participatiebureau@beverwijk.nl of bel 0251256256.").is_empty());
        assert!(check("De VERKEERSCOMMISSIEVERGADERING en de Noord-Hollandse kust.").is_empty());
        assert_eq!(
            codes("Het is een fietsenstallingsplan-concept."),
            vec![(1, "long_word")]
        );
    }

    #[test]
    fn a_question_asks_or_tells_what_to_do() {
        assert!(asks_a_question("Hoe komt u naar het station?"));
        assert!(asks_a_question("Kies de wijk waar u woont."));
        assert!(asks_a_question("Describe your idea"));
        assert!(asks_a_question("ما رأيك؟"));
        assert!(!asks_a_question("Uw mening over het park."));
        assert!(!asks_a_question("Your view on the park"));
    }

    #[test]
    fn english_texts_use_the_english_list_and_limits() {
        let hints = english_checker().check("We would like your input prior to the meeting.");
        assert_eq!(hints.len(), 2, "input, prior to: {hints:?}");
        assert!(
            english_checker()
                .check("Tell us what you think about the new bike racks.")
                .is_empty()
        );
        assert!(
            english_checker()
                .check("Responsibilities matter.")
                .is_empty(),
            "no word-length hint"
        );
    }

    #[test]
    fn staff_can_add_their_own_words() {
        let mut checker = Checker::default();
        assert!(checker.check("Wij doen een burgerpeiling.").is_empty());
        checker
            .extend_word_list(WordList::parse("burgerpeiling\tpeiling onder inwoners\n").unwrap());
        let hints = checker.check("Wij doen een burgerpeiling.");
        assert_eq!(hints.len(), 1);
        assert_eq!(
            hints[0].args().text("alternative"),
            Some("peiling onder inwoners")
        );
    }
}
