//! Splitting a text into sentences and words, the units every readability rule counts.
//!
//! Good enough for the short texts of a flash poll, not a full tokeniser:
//! - a sentence ends at `.`, `!`, `?` or `…` followed by a space or the end of the text, and at every
//!   line break, so that list items count as sentences of their own (which is how residents read them);
//! - a `.` does not end a sentence after a known abbreviation (`bijv.`, `o.a.`, `d.w.z.`…), after a
//!   single capital letter (an initial), inside a number (`1.500`), or when the next word starts with
//!   a lowercase letter;
//! - a word is a run of characters between spaces, slashes and dashes used as punctuation, with
//!   punctuation trimmed from both ends; it must hold at least one letter or digit.

/// Abbreviations after which a full stop does not end a sentence (lowercase, without dots).
const ABBREVIATIONS: &[&str] = &[
    "bijv",
    "bv",
    "bijvoorbeeld",
    "nr",
    "ca",
    "enz",
    "etc",
    "mr",
    "dhr",
    "mevr",
    "mw",
    "drs",
    "ir",
    "dr",
    "prof",
    "jl",
    "st",
    "tel",
    "incl",
    "excl",
    "zgn",
    "resp",
    "evt",
    "ong",
    "vs",
    "art",
    "blz",
    "pag",
    "vgl",
    "mln",
    "mld",
    "jan",
    "feb",
    "febr",
    "aug",
    "sep",
    "sept",
    "okt",
    "nov",
    "dec",
    "ma",
    "di",
    "wo",
    "do",
    "vr",
    "za",
    "zo",
    "min",
    "max",
    "e.d",
    "o.a",
    "d.w.z",
    "t.a.v",
    "i.v.m",
    "m.b.t",
    "z.s.m",
    "a.s",
    "c.q",
    "d.d",
    "i.p.v",
    "t.o.v",
    "n.a.v",
    "p.p",
];

/// One sentence of a text, numbered from 1 in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence<'a> {
    /// The 1-based number of the sentence in its text, as shown to staff ("Zin 2").
    pub number: usize,
    /// The sentence as written, trimmed.
    pub text: &'a str,
    /// Its words, in order.
    pub words: Vec<Word<'a>>,
}

/// One word of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word as written, without surrounding punctuation.
    pub text: &'a str,
    /// The lowercase form, for matching against word lists.
    pub lower: String,
}

impl Word<'_> {
    /// The number of letters (not digits or hyphens) in the word.
    pub fn letters(&self) -> usize {
        self.text.chars().filter(|c| c.is_alphabetic()).count()
    }
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '»' | '”' | '’')
}

/// Whether a full stop at byte `dot` of `text` belongs to an abbreviation or number rather than
/// ending a sentence.
fn dot_is_not_an_end(text: &str, dot: usize, next: Option<char>) -> bool {
    if next.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit()) {
        return true;
    }
    let before = &text[..dot];
    let token_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace() || *c == '(')
        .map_or(0, |(i, c)| i + c.len_utf8());
    let token = before[token_start..].to_lowercase();
    if token.is_empty() {
        return false;
    }
    if ABBREVIATIONS.contains(&token.as_str()) {
        return true;
    }
    let mut chars = before[token_start..].chars();
    // A single capital letter is an initial: "J. de Vries".
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return true;
    }
    // Dotted abbreviations not in the list, such as "a.u.b".
    token.contains('.') && token.chars().all(|c| c.is_alphabetic() || c == '.')
}

/// Splits `text` into its sentences (empty ones, without any word, are skipped).
pub fn split_sentences(text: &str) -> Vec<Sentence<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while let Some(&(pos, c)) = chars.get(i) {
        if c == '\n' {
            ranges.push((start, pos));
            start = pos + c.len_utf8();
            i += 1;
            continue;
        }
        if is_terminator(c) {
            let mut j = i + 1;
            while chars
                .get(j)
                .is_some_and(|&(_, n)| is_terminator(n) || is_closing(n))
            {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
            let followed_by_space = chars.get(j).is_none_or(|&(_, n)| n.is_whitespace());
            if followed_by_space {
                let next = chars[j..]
                    .iter()
                    .map(|&(_, n)| n)
                    .find(|n| !n.is_whitespace());
                let single_dot = c == '.' && j == i + 1;
                if !(single_dot && dot_is_not_an_end(text, pos, next)) {
                    ranges.push((start, end));
                    start = end;
                }
            }
            i = j;
            continue;
        }
        i += 1;
    }
    ranges.push((start, text.len()));

    let mut sentences = Vec::new();
    for (from, to) in ranges {
        let Some(slice) = text.get(from..to) else {
            continue;
        };
        let slice = slice.trim();
        let words = split_words(slice);
        if words.is_empty() {
            continue;
        }
        sentences.push(Sentence {
            number: sentences.len() + 1,
            text: slice,
            words,
        });
    }
    sentences
}

/// Characters that separate words besides whitespace: slashes and dashes used as punctuation.
fn is_word_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '/' | '–' | '—' | '\\')
}

/// Splits a piece of text into words, trimming punctuation (`"Ja,"` → `Ja`).
pub fn split_words(text: &str) -> Vec<Word<'_>> {
    text.split(is_word_separator)
        .map(|raw| raw.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| Word {
            text: w,
            lower: w.to_lowercase(),
        })
        .collect()
}

/// A short quote of a sentence for messages: its first four words, with `…` when there are more.
pub fn quote(sentence: &Sentence<'_>) -> String {
    const QUOTE_WORDS: usize = 4;
    let pieces: Vec<&str> = sentence
        .text
        .split_whitespace()
        .take(QUOTE_WORDS + 1)
        .collect();
    if pieces.len() > QUOTE_WORDS {
        let shown = pieces[..QUOTE_WORDS].join(" ");
        let shown = shown.trim_end_matches(|c: char| !c.is_alphanumeric());
        format!("{shown}…")
    } else {
        pieces.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        split_sentences(s).into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn splits_on_terminators() {
        assert_eq!(
            texts("Dit is zin een. Dit is zin twee! En drie?"),
            vec!["Dit is zin een.", "Dit is zin twee!", "En drie?"]
        );
    }

    #[test]
    fn keeps_abbreviations_numbers_and_initials_together() {
        assert_eq!(
            texts("Kom bijv. naar het stadhuis. Dat kost €1.50 per keer."),
            vec!["Kom bijv. naar het stadhuis.", "Dat kost €1.50 per keer."]
        );
        assert_eq!(
            texts("Wethouder J. de Vries komt ook. Fijn."),
            vec!["Wethouder J. de Vries komt ook.", "Fijn."]
        );
        assert_eq!(
            texts("Dit geldt o.a. voor Velsen. En Beverwijk."),
            vec!["Dit geldt o.a. voor Velsen.", "En Beverwijk."]
        );
    }

    #[test]
    fn line_breaks_end_sentences_and_quotes_stay_with_their_sentence() {
        assert_eq!(
            texts("Eerste regel\nTweede regel"),
            vec!["Eerste regel", "Tweede regel"]
        );
        assert_eq!(
            texts("Hij zei: \"Ja.\" Daarna ging hij."),
            vec!["Hij zei: \"Ja.\"", "Daarna ging hij."]
        );
        assert!(split_sentences("  ...  ").is_empty());
    }

    #[test]
    fn splits_words_and_quotes() {
        let words: Vec<&str> = split_words("Ja, de fiets/bus (of e-bike)!")
            .iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(words, vec!["Ja", "de", "fiets", "bus", "of", "e-bike"]);
        let s = &split_sentences("Inzake de herinrichting van het plein vragen wij u iets.")[0];
        assert_eq!(quote(s), "Inzake de herinrichting van…");
        let s = &split_sentences("Kort, zo.")[0];
        assert_eq!(quote(s), "Kort, zo.");
    }
}
