//! A plain-language hint: what in which sentence could be plainer. The words are the catalogue's
//! (`survey-{code}`); a hint carries the code and the values they need.

use serde::Serialize;

use crate::args::Args;

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

    /// What a message about the hint needs: `sentence` (1-based) and `quote` always, and
    /// `words` + `limit` (long sentence), `word` + `letters` (long word), `phrase` (passive voice) or
    /// `phrase` + `alternative` (officialese).
    pub fn args(&self) -> Args {
        let args = Args::new()
            .with("sentence", self.sentence)
            .with("quote", self.quote.as_str());
        match &self.kind {
            HintKind::LongSentence { words, limit } => {
                args.with("words", *words).with("limit", *limit)
            }
            HintKind::LongWord { word, letters } => {
                args.with("word", word.as_str()).with("letters", *letters)
            }
            HintKind::PassiveVoice { phrase } => args.with("phrase", phrase.as_str()),
            HintKind::Officialese {
                phrase,
                alternative,
            } => args
                .with("phrase", phrase.as_str())
                .with("alternative", alternative.as_str()),
        }
    }
}
