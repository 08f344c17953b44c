//! A plain-language hint: what in which sentence could be plainer, in words staff understand.

use serde::Serialize;

use crate::message_lang::MessageLang;

/// What the checker noticed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum HintKind {
    /// The sentence has more than `limit` words.
    LongSentence { words: usize, limit: usize },
    /// A word with more than the checker's limit of letters.
    LongWord { word: String, letters: usize },
    /// The sentence looks passive; `phrase` holds the words that gave it away.
    PassiveVoice { phrase: String },
    /// A phrase from the officialese list, as written in the text, and the list's alternative.
    Officialese { phrase: String, alternative: String },
}

/// One hint about one sentence of a text. Hints never block saving a poll.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LanguageHint {
    /// 1-based number of the sentence in its text.
    pub sentence: usize,
    /// The start of that sentence, so staff can find it ("Inzake de herinrichting…").
    pub quote: String,
    #[serde(flatten)]
    pub kind: HintKind,
}

impl LanguageHint {
    /// The stable code: `long_sentence`, `long_word`, `passive_voice` or `officialese`.
    pub fn code(&self) -> &'static str {
        match self.kind {
            HintKind::LongSentence { .. } => "long_sentence",
            HintKind::LongWord { .. } => "long_word",
            HintKind::PassiveVoice { .. } => "passive_voice",
            HintKind::Officialese { .. } => "officialese",
        }
    }

    /// The hint for a comms officer, naming the sentence by number and quote.
    pub fn message(&self, lang: MessageLang) -> String {
        let (n, q) = (self.sentence, &self.quote);
        match &self.kind {
            HintKind::LongSentence { words, limit } => lang.pick(
                format!("Zin {n} (\"{q}\") heeft {words} woorden; probeer niet meer dan {limit} woorden te gebruiken."),
                format!("Sentence {n} (\"{q}\") has {words} words; try to keep it to {limit} or fewer."),
            ),
            HintKind::LongWord { word, letters } => lang.pick(
                format!(
                    "Zin {n} (\"{q}\"): \"{word}\" is een lang woord ({letters} letters); kan het korter of in meer woorden?"
                ),
                format!(
                    "Sentence {n} (\"{q}\"): \"{word}\" is a long word ({letters} letters); can it be shorter or split up?"
                ),
            ),
            HintKind::PassiveVoice { phrase } => lang.pick(
                format!(
                    "Zin {n} (\"{q}\") is een lijdende zin (\"{phrase}\"); schrijf liever wie wat doet, bijvoorbeeld \"wij …\"."
                ),
                format!(
                    "Sentence {n} (\"{q}\") is in the passive voice (\"{phrase}\"); say who does what instead, e.g. \"wij …\" (we …)."
                ),
            ),
            HintKind::Officialese { phrase, alternative } => lang.pick(
                format!("Zin {n} (\"{q}\"): schrijf liever \"{alternative}\" in plaats van \"{phrase}\"."),
                format!("Sentence {n} (\"{q}\"): \"{phrase}\" is officialese; write \"{alternative}\" instead."),
            ),
        }
    }
}
