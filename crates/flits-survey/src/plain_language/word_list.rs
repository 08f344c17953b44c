//! Word lists of officialese (ambtelijke taal) with plainer alternatives.
//!
//! The built-in Dutch list is the data file `data/officialese-nl.tsv`, compiled into the binary so the
//! checker works without configuration. Staff can keep their own list in the same format and add it
//! with [`WordList::extend`]; a later entry for the same phrase replaces the earlier alternative.
//!
//! Format: UTF-8, one entry per line, `phrase<TAB>alternative`. Empty lines and lines starting with
//! `#` are ignored. A phrase may be several words (`ten behoeve van`); it matches whole words only,
//! ignoring case and punctuation around words.

use super::sentences::{Word, split_words};

/// The built-in Dutch officialese list.
pub const OFFICIALESE_NL: &str = include_str!("../../data/officialese-nl.tsv");

/// The built-in English list of words with a plainer choice, for English texts.
pub const PLAIN_WORDS_EN: &str = include_str!("../../data/plain-words-en.tsv");

/// One phrase and what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordListEntry {
    /// The phrase as written in the list.
    pub phrase: String,
    /// The plainer alternative(s), as written in the list.
    pub alternative: String,
    /// The phrase's words, lowercase, for matching.
    words: Vec<String>,
}

/// A list of phrases to avoid, each with an alternative.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordList {
    entries: Vec<WordListEntry>,
}

/// A line of a word list that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {problem}")]
pub struct WordListError {
    /// 1-based line number.
    pub line: usize,
    pub problem: WordListProblem,
}

/// What is wrong with a word-list line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum WordListProblem {
    #[error("expected `phrase<TAB>alternative`")]
    MissingTab,
    #[error("the phrase has no words")]
    EmptyPhrase,
    #[error("the alternative is empty")]
    EmptyAlternative,
}

/// A match of a list phrase in a run of words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseMatch<'l> {
    /// Index of the first matched word.
    pub start: usize,
    /// Number of words matched.
    pub len: usize,
    pub entry: &'l WordListEntry,
}

impl WordList {
    /// Reads a list, refusing it on the first bad line so that staff see their mistake.
    pub fn parse(source: &str) -> Result<WordList, WordListError> {
        let mut list = WordList::default();
        for (index, line) in source.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let err = |problem| WordListError {
                line: index + 1,
                problem,
            };
            let (phrase, alternative) = line
                .split_once('\t')
                .ok_or_else(|| err(WordListProblem::MissingTab))?;
            let words: Vec<String> = split_words(phrase).into_iter().map(|w| w.lower).collect();
            if words.is_empty() {
                return Err(err(WordListProblem::EmptyPhrase));
            }
            let alternative = alternative.trim();
            if alternative.is_empty() {
                return Err(err(WordListProblem::EmptyAlternative));
            }
            list.push(WordListEntry {
                phrase: phrase.trim().to_owned(),
                alternative: alternative.to_owned(),
                words,
            });
        }
        Ok(list)
    }

    /// The built-in Dutch officialese list ([`OFFICIALESE_NL`]). Its validity is checked by a test;
    /// should it ever hold a bad line, the good lines are still used.
    pub fn builtin_officialese_nl() -> WordList {
        WordList::lenient(OFFICIALESE_NL)
    }

    /// The built-in English list ([`PLAIN_WORDS_EN`]), read as leniently.
    pub fn builtin_plain_en() -> WordList {
        WordList::lenient(PLAIN_WORDS_EN)
    }

    /// A built-in list: all of it, or its good lines should a bad one slip past the tests.
    fn lenient(source: &str) -> WordList {
        WordList::parse(source).unwrap_or_else(|_| {
            let mut list = WordList::default();
            for line in source.lines() {
                if let Ok(one) = WordList::parse(line) {
                    list.extend(one);
                }
            }
            list
        })
    }

    /// Adds the entries of `other`; an entry for a phrase already present replaces it.
    pub fn extend(&mut self, other: WordList) {
        for entry in other.entries {
            self.push(entry);
        }
    }

    fn push(&mut self, entry: WordListEntry) {
        if let Some(existing) = self.entries.iter_mut().find(|e| e.words == entry.words) {
            *existing = entry;
        } else {
            self.entries.push(entry);
        }
        // Longest phrases first, so "ten behoeve van" wins over a shorter entry inside it.
        self.entries
            .sort_by_key(|e| std::cmp::Reverse(e.words.len()));
    }

    /// The entries, longest phrases first.
    pub fn entries(&self) -> &[WordListEntry] {
        &self.entries
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the list has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every non-overlapping occurrence of a list phrase in `words`, left to right, longest first.
    pub fn find_in(&self, words: &[Word<'_>]) -> Vec<PhraseMatch<'_>> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let hit = self.entries.iter().find(|e| {
                words
                    .get(i..i + e.words.len())
                    .is_some_and(|run| run.iter().zip(&e.words).all(|(w, p)| &w.lower == p))
            });
            match hit {
                Some(entry) => {
                    found.push(PhraseMatch {
                        start: i,
                        len: entry.words.len(),
                        entry,
                    });
                    i += entry.words.len();
                }
                None => i += 1,
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_list_is_valid_and_big_enough() {
        let list = WordList::parse(OFFICIALESE_NL).unwrap();
        assert!(list.len() >= 40, "{}", list.len());
        assert!(list.entries().iter().any(|e| e.words.len() >= 3));
        assert_eq!(WordList::builtin_officialese_nl(), list);
    }

    /// The lists are several hundred entries, each phrase once, and hold the words issue 13 named.
    #[test]
    fn the_built_in_lists_are_long_unique_and_hold_the_named_words() {
        let nl = WordList::parse(OFFICIALESE_NL).unwrap();
        assert!(nl.len() >= 400, "{}", nl.len());
        let en = WordList::parse(PLAIN_WORDS_EN).unwrap();
        assert!(en.len() >= 100, "{}", en.len());
        assert_eq!(WordList::builtin_plain_en(), en);
        for list in [&nl, &en] {
            let mut phrases: Vec<String> = list
                .entries()
                .iter()
                .map(|e| e.phrase.to_lowercase())
                .collect();
            let all = phrases.len();
            phrases.sort();
            phrases.dedup();
            assert_eq!(phrases.len(), all, "a phrase is listed once");
        }
        for named in [
            "peilen",
            "input",
            "voornemen",
            "heroverwegen",
            "zeer op prijs stellen",
        ] {
            assert!(nl.entries().iter().any(|e| e.phrase == named), "{named}");
        }
    }

    #[test]
    fn reports_bad_lines() {
        let err = WordList::parse("# eigen lijst\n\nzulks\tdit\nderhalve daarom\n").unwrap_err();
        assert_eq!(err.line, 4);
        assert_eq!(err.problem, WordListProblem::MissingTab);
        assert_eq!(
            WordList::parse("\tx").unwrap_err().problem,
            WordListProblem::EmptyPhrase
        );
        assert_eq!(
            WordList::parse("x\t ").unwrap_err().problem,
            WordListProblem::EmptyAlternative
        );
    }

    #[test]
    fn matches_whole_words_longest_first_and_can_be_extended() {
        let mut list = WordList::parse("behoeve\tnut\nten behoeve van\tvoor\n").unwrap();
        let words = split_words("Ten behoeve van de buurt, ten behoeve.");
        let found = list.find_in(&words);
        assert_eq!(found.len(), 2);
        assert_eq!(
            (
                found[0].start,
                found[0].len,
                found[0].entry.alternative.as_str()
            ),
            (0, 3, "voor")
        );
        assert_eq!(
            (found[1].start, found[1].entry.alternative.as_str()),
            (6, "nut")
        );
        assert!(list.find_in(&split_words("behoevend")).is_empty());

        list.extend(WordList::parse("Behoeve\tbelang\nzulks\tdit\r\n").unwrap());
        assert_eq!(list.len(), 3);
        let found = list.find_in(&split_words("ten behoeve"));
        assert_eq!(found[0].entry.alternative, "belang");
    }
}
