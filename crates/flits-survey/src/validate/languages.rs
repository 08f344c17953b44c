//! Rules about the languages a poll offers (docs/api.md, "Poll definitions", `languages`).
//!
//! When `languages` is given it lists each language once, and includes Dutch: a municipality always
//! speaks to its residents in Dutch, and may add the languages they speak at home. Without it the
//! title's languages are offered, so the title must have Dutch. Which texts must exist in which
//! language is checked with the texts ([`super::texts`]); a code Flits has no texts for is reported
//! by the reader (`languages[i]`) or with the text that uses it.

use flits_i18n::Locale;

use super::Findings;
use crate::args::Args;
use crate::definition::PollDefinition;
use crate::text::{DEFAULT_LANG, Text};

pub(super) fn check_languages(def: &PollDefinition, out: &mut Findings) {
    match &def.languages {
        Some(declared) if declared.is_empty() => {
            out.error("languages", "languages_empty", Args::new());
        }
        Some(declared) => {
            let mut seen: Vec<Locale> = Vec::new();
            for (i, l) in declared.iter().enumerate() {
                if seen.contains(l) {
                    out.error(
                        format!("languages[{i}]"),
                        "language_duplicate",
                        Args::new().with("language", l.code()),
                    );
                } else {
                    seen.push(*l);
                }
            }
            if !seen.contains(&Locale::Nl) {
                out.error(
                    "languages",
                    "dutch_missing",
                    Args::new().with("field", "languages"),
                );
            }
        }
        None => {
            let empty = matches!(&def.title, Text::Translated(m) if m.is_empty());
            if !empty && !def.title.langs().contains(&DEFAULT_LANG) {
                out.error(
                    "title.nl",
                    "dutch_missing",
                    Args::new().with("field", "title"),
                );
            }
        }
    }
}
