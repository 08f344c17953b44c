//! Rules about the texts residents read: present, not too long, in exactly the languages the poll
//! offers, and plain.

use std::collections::BTreeMap;

use flits_i18n::Locale;

use super::{Findings, READABILITY_MIN_SENTENCES, READABILITY_MIN_WORDS, Readability};
use crate::args::Args;
use crate::definition::PollDefinition;
use crate::plain_language::{Checker, score};
use crate::resident_texts::{ResidentTexts, TextRole};
use crate::text::{DEFAULT_LANG, Text};

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
            if text_lang == DEFAULT_LANG {
                for hint in checker.check(s) {
                    out.hint(location.clone(), hint.code(), hint.args());
                }
            }
            if let Some(found) = score(s, text_lang)
                && (found.words >= READABILITY_MIN_WORDS
                    || found.sentences >= READABILITY_MIN_SENTENCES)
            {
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
