//! Rules about the texts residents read: present, not too long, free of characters that hide or
//! turn text around, in exactly the languages the poll offers, and plain.

use std::collections::BTreeMap;

use flits_i18n::Locale;

use super::{Findings, READABILITY_MIN_SENTENCES, READABILITY_MIN_WORDS, Readability};
use crate::args::Args;
use crate::definition::PollDefinition;
use crate::plain_language::{
    Checker, ENGLISH_MIN_READING_EASE, asks_a_question, english_checker, score,
};
use crate::resident_texts::{ResidentTexts, TextRole};
use crate::text::{DEFAULT_LANG, Text};
use flits_types::SHOWN_CHARACTERS;

/// English texts get the English checks (plain words, Flesch reading ease).
const ENGLISH: &str = "en";

/// Whether `c` is a bidi embedding or override (U+202A–U+202E): it turns the direction of the
/// text after it until a matching pop, so a title can read differently from what it holds and
/// can spill into the page around it. The bidi isolates (U+2066–U+2069), which Arabic texts need
/// and which cannot spill out, stay allowed.
pub fn is_bidi_override(c: char) -> bool {
    ('\u{202A}'..='\u{202E}').contains(&c)
}

/// Whether `c` may not appear in a text of `role`: a control character (C0, DEL and C1), except
/// line breaks in a text that may have lines, or a bidi embedding or override.
fn forbidden(c: char, role: TextRole) -> bool {
    if matches!(c, '\n' | '\r') {
        return !role.may_have_lines();
    }
    c.is_control() || is_bidi_override(c)
}

/// The forbidden characters of `s`, each once, at most [`SHOWN_CHARACTERS`].
fn forbidden_chars(s: &str, role: TextRole) -> Option<String> {
    let mut found: Vec<char> = Vec::new();
    for c in s.chars().filter(|&c| forbidden(c, role)) {
        if !found.contains(&c) {
            found.push(c);
        }
    }
    (!found.is_empty()).then(|| found.into_iter().take(SHOWN_CHARACTERS).collect())
}

/// Whether `code` has the shape of a language code: two lowercase ASCII letters, as ISO 639-1
/// (`nl`, `en`, `tr`, `de`…). Only the codes of [`Locale::RESIDENT`] are supported; another code of
/// this shape is `language_unsupported`, anything else `language_code_invalid`.
pub fn is_language_code(code: &str) -> bool {
    code.len() == 2 && code.chars().all(|c| c.is_ascii_lowercase())
}

/// The supported language written exactly as `code` (texts are looked up by the exact key).
fn supported(code: &str) -> Option<Locale> {
    Locale::RESIDENT.into_iter().find(|l| l.code() == code)
}

pub(super) fn check_texts(
    def: &PollDefinition,
    checker: &Checker,
    out: &mut Findings,
    readability: &mut BTreeMap<String, Readability>,
) {
    let offered = def.offered_languages();
    let texts = ResidentTexts::of(def);
    for t in texts.iter() {
        let role = t.role.code();
        if matches!(t.text, Text::Translated(m) if m.is_empty()) {
            out.error(t.base, "text_no_languages", Args::new().with("role", role));
            continue;
        }
        for (text_lang, s) in t.text.entries() {
            let location = t.location(text_lang);
            let Some(locale) = supported(text_lang) else {
                let code = if is_language_code(text_lang) {
                    "language_unsupported"
                } else {
                    "language_code_invalid"
                };
                out.error(location, code, Args::new().with("language", text_lang));
                continue;
            };
            if !offered.contains(&locale) {
                out.error(
                    location.clone(),
                    "translation_unexpected",
                    Args::new().with("language", text_lang),
                );
            }
            let trimmed = s.trim();
            if trimmed.is_empty() {
                out.error(location, "text_empty", Args::new().with("role", role));
                continue;
            }
            if let Some(found) = forbidden_chars(trimmed, t.role) {
                out.error(
                    location.clone(),
                    "text_characters",
                    Args::new().with("role", role).with("characters", found),
                );
            }
            let chars = trimmed.chars().count();
            let max = t.role.max_chars();
            if chars > max {
                out.error(
                    location.clone(),
                    "text_too_long",
                    Args::new()
                        .with("role", role)
                        .with("length", chars)
                        .with("max", max)
                        .with("over", chars - max),
                );
            }
            if t.role == TextRole::QuestionText
                && [DEFAULT_LANG, ENGLISH].contains(&text_lang)
                && !asks_a_question(s)
            {
                out.hint(location.clone(), "not_a_question", Args::new());
            }
            if text_lang == DEFAULT_LANG {
                for hint in checker.check(s) {
                    out.hint(location.clone(), hint.code(), hint.args());
                }
            }
            if text_lang == ENGLISH {
                for hint in english_checker().check(s) {
                    out.hint(location.clone(), hint.code(), hint.args());
                }
            }
            if let Some(found) = score(s, text_lang)
                && (found.words >= READABILITY_MIN_WORDS
                    || found.sentences >= READABILITY_MIN_SENTENCES)
            {
                if text_lang == ENGLISH && found.score < ENGLISH_MIN_READING_EASE {
                    out.hint(
                        location.clone(),
                        "hard_to_read",
                        Args::new()
                            .with("score", found.score.round() as i64)
                            .with("min", ENGLISH_MIN_READING_EASE as i64),
                    );
                }
                readability.insert(
                    location,
                    Readability {
                        lang: text_lang.to_owned(),
                        score: found.score,
                        formula: found.formula.as_str().to_owned(),
                    },
                );
            }
        }
        if t.role == TextRole::Title && def.languages.is_none() {
            // The title sets the languages; a title without Dutch is `dutch_missing`.
            continue;
        }
        let present = t.text.langs();
        for missing in offered.iter().filter(|l| !present.contains(&l.code())) {
            out.error(
                format!("{}.{}", t.base, missing.code()),
                "translation_missing",
                Args::new().with("language", missing.code()),
            );
        }
    }
}
