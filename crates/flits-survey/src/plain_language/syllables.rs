//! Counting syllables, the "word difficulty" half of both Flesch formulas.
//!
//! **Dutch** (used by Flesch-Douma): a syllable is a vowel group. Each maximal run of vowels (`a e i o
//! u y`, accented forms, and `ij` as one vowel) is split greedily, longest first, into the vowel
//! combinations Dutch pronounces as one sound:
//! - three letters: `eeu` (leeuw), `ieu` (nieuw), `oei` (groei), `ooi` (mooi), `aai` (maai);
//! - two letters: `aa ee oo uu` (long vowels), `ie oe eu` , `ui ei ij ou au` (diphthongs);
//! - anything else is one syllable per letter (`station` → sta-ti-on, `situatie` → si-tu-a-tie).
//!
//! A vowel with a diaeresis (`ë ï ö ü ä`) always starts a new syllable (`ideeën`, `geïnteresseerd`,
//! `coördinatie`); Dutch writes the diaeresis precisely to mark that break. A final `e` is a schwa and
//! is pronounced, so it counts. Every word has at least one syllable (`'t`, `2025`). This is right
//! for nearly all native words; loanwords (`museum`, `team`) are sometimes off by one, which does not
//! move a text's score noticeably.
//!
//! **English** (used by Flesch reading ease): vowel groups of `a e i o u y`, minus a silent final `e`
//! (but not `-le`, `-ee`), at least one. The usual approximation from readability tools.

/// Vowel clusters pronounced as one sound, longest first.
const DUTCH_CLUSTERS: &[&str] = &[
    "eeu", "ieu", "oei", "ooi", "aai", "aa", "ee", "oo", "uu", "ie", "oe", "eu", "ui", "ei", "ij",
    "ou", "au",
];

fn is_plain_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'y'
            | 'á'
            | 'à'
            | 'â'
            | 'é'
            | 'è'
            | 'ê'
            | 'í'
            | 'ì'
            | 'î'
            | 'ó'
            | 'ò'
            | 'ô'
            | 'ú'
            | 'ù'
            | 'û'
    )
}

fn has_diaeresis(c: char) -> bool {
    matches!(c, 'ä' | 'ë' | 'ï' | 'ö' | 'ü' | 'ÿ')
}

fn is_dutch_vowel(c: char) -> bool {
    is_plain_vowel(c) || has_diaeresis(c)
}

/// Counts the syllables of one Dutch word.
pub fn dutch_syllables(word: &str) -> usize {
    let w: Vec<char> = word.to_lowercase().chars().collect();
    let mut count = 0;
    let mut i = 0;
    while i < w.len() {
        if !is_dutch_vowel(w[i]) {
            i += 1;
            continue;
        }
        // The run of vowels starting here; a `j` right after an `i` belongs to it (`ij`).
        let mut end = i;
        while end < w.len()
            && (is_dutch_vowel(w[end]) || (w[end] == 'j' && end > i && w[end - 1] == 'i'))
        {
            end += 1;
        }
        count += dutch_groups_in_run(&w[i..end]);
        i = end;
    }
    count.max(1)
}

/// The number of syllables in one run of vowels.
fn dutch_groups_in_run(run: &[char]) -> usize {
    let mut groups = 0;
    let mut i = 0;
    while i < run.len() {
        groups += 1;
        if has_diaeresis(run[i]) {
            i += 1;
            continue;
        }
        let matched = [3usize, 2].into_iter().find(|&len| {
            run.get(i..i + len).is_some_and(|letters| {
                let letters: String = letters.iter().collect();
                DUTCH_CLUSTERS.contains(&letters.as_str())
            })
        });
        i += matched.unwrap_or(1);
    }
    groups
}

/// Counts the syllables of one English word.
pub fn english_syllables(word: &str) -> usize {
    let w: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut count = 0;
    let mut previous_vowel = false;
    for &c in &w {
        let v = is_vowel(c);
        if v && !previous_vowel {
            count += 1;
        }
        previous_vowel = v;
    }
    let n = w.len();
    if count > 1 && n >= 2 && w[n - 1] == 'e' && !matches!(w[n - 2], 'l' | 'e') {
        count -= 1;
    }
    count.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_dutch_syllables() {
        let cases = [
            ("fiets", 1),
            ("gemeente", 3),
            ("onderzoeken", 4),
            ("station", 3),
            ("situatie", 4),
            ("participatie", 5),
            ("nieuw", 1),
            ("leeuwen", 2),
            ("koeien", 2),
            ("draaien", 2),
            ("mooie", 2),
            ("ideeën", 3),
            ("geïnteresseerd", 5),
            ("coördinatie", 5),
            ("bijeenkomst", 3),
            ("uitnodiging", 4),
            ("duurzaamheid", 3),
            ("Beverwijk", 3),
            ("'t", 1),
            ("2025", 1),
        ];
        for (word, expected) in cases {
            assert_eq!(dutch_syllables(word), expected, "{word}");
        }
    }

    #[test]
    fn counts_english_syllables() {
        let cases = [
            ("bike", 1),
            ("station", 2),
            ("table", 2),
            ("free", 1),
            ("parking", 2),
            ("the", 1),
        ];
        for (word, expected) in cases {
            assert_eq!(english_syllables(word), expected, "{word}");
        }
    }
}
