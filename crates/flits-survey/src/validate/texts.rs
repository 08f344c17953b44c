//! Rules about the texts residents read: present, not too long, in the poll's languages, and plain.

use std::collections::BTreeMap;

use super::{Findings, READABILITY_MIN_SENTENCES, READABILITY_MIN_WORDS, Readability};
use crate::definition::PollDefinition;
use crate::message_lang::{MessageLang, language_name};
use crate::plain_language::{Checker, score};
use crate::resident_texts::{ResidentTexts, TextRole};
use crate::text::{DEFAULT_LANG, Text};

/// Whether `code` is an acceptable language code: two lowercase ASCII letters, the shape of ISO
/// 639-1 (`nl`, `en`, `tr`, `pl`, `uk`…). Municipalities translate into the languages their residents
/// speak, so the list is not closed; only Dutch and English get readability scores and only Dutch
/// gets plain-language hints.
pub fn is_language_code(code: &str) -> bool {
    code.len() == 2 && code.chars().all(|c| c.is_ascii_lowercase())
}

fn role_name(role: TextRole, lang: MessageLang) -> &'static str {
    match (role, lang) {
        (TextRole::Title, MessageLang::Nl) => "De titel",
        (TextRole::Title, MessageLang::En) => "The title",
        (TextRole::Intro, MessageLang::Nl) => "De inleiding",
        (TextRole::Intro, MessageLang::En) => "The introduction",
        (TextRole::FeedbackPromise, MessageLang::Nl) => "De belofte van terugkoppeling",
        (TextRole::FeedbackPromise, MessageLang::En) => "The feedback promise",
        (TextRole::QuestionText, MessageLang::Nl) => "De vraagtekst",
        (TextRole::QuestionText, MessageLang::En) => "The question text",
        (TextRole::Help, MessageLang::Nl) => "De uitleg bij de vraag",
        (TextRole::Help, MessageLang::En) => "The question's help text",
        (TextRole::OptionText, MessageLang::Nl) => "De tekst van de antwoordoptie",
        (TextRole::OptionText, MessageLang::En) => "The option text",
        (TextRole::ScaleLabel, MessageLang::Nl) => "Het woord bij de schaal",
        (TextRole::ScaleLabel, MessageLang::En) => "The scale label",
    }
}

/// The poll's languages: those of the title, Dutch if it has none that are valid.
fn poll_languages(title: &Text) -> Vec<String> {
    let langs: Vec<String> = title
        .langs()
        .into_iter()
        .filter(|l| is_language_code(l))
        .map(str::to_owned)
        .collect();
    if langs.is_empty() {
        vec![DEFAULT_LANG.to_owned()]
    } else {
        langs
    }
}

pub(super) fn check_texts(
    def: &PollDefinition,
    checker: &Checker,
    out: &mut Findings,
    readability: &mut BTreeMap<String, Readability>,
) {
    let lang = out.lang;
    let poll_langs = poll_languages(&def.title);
    if !def.title.langs().contains(&DEFAULT_LANG)
        && !matches!(&def.title, Text::Translated(m) if m.is_empty())
    {
        out.error(
            "title.nl",
            "dutch_missing",
            "De titel heeft geen Nederlandse tekst. Elke peiling is er in elk geval in het Nederlands.".to_owned(),
            "The title has no Dutch text. Every poll is at least in Dutch.".to_owned(),
        );
    }

    let texts = ResidentTexts::of(def);
    for t in texts.iter() {
        let role = role_name(t.role, lang);
        if matches!(t.text, Text::Translated(m) if m.is_empty()) {
            out.error(
                t.base,
                "text_no_languages",
                format!("{role} is leeg: geef minstens een Nederlandse tekst, bijvoorbeeld {{nl: \"…\"}}."),
                format!("{role} is empty: give at least a Dutch text, for example {{nl: \"…\"}}."),
            );
            continue;
        }
        for (text_lang, s) in t.text.entries() {
            let location = t.location(text_lang);
            if !is_language_code(text_lang) {
                out.error(
                    location,
                    "language_code_invalid",
                    format!("\"{text_lang}\" is geen taalcode. Gebruik twee kleine letters, zoals nl of en."),
                    format!("\"{text_lang}\" is not a language code. Use two lowercase letters, such as nl or en."),
                );
                continue;
            }
            if t.role != TextRole::Title && !poll_langs.iter().any(|l| l == text_lang) {
                let name = language_name(text_lang, lang);
                out.error(
                    location.clone(),
                    "translation_unexpected",
                    format!("Deze tekst is in het {name}, maar de titel niet. Vertaal ook de titel, of haal deze vertaling weg."),
                    format!("This text is in {name}, but the title is not. Translate the title too, or remove this translation."),
                );
            }
            let trimmed = s.trim();
            if trimmed.is_empty() {
                out.error(
                    location,
                    "text_empty",
                    format!("{role} is leeg. Vul een tekst in."),
                    format!("{role} is empty. Fill in a text."),
                );
                continue;
            }
            let chars = trimmed.chars().count();
            let max = t.role.max_chars();
            if chars > max {
                out.error(
                    location.clone(),
                    "text_too_long",
                    format!("{role} is {chars} tekens lang; het mag hoogstens {max} tekens zijn. Maak het {} tekens korter.", chars - max),
                    format!("{role} is {chars} characters long; the limit is {max}. Cut {} characters.", chars - max),
                );
            }
            if text_lang == DEFAULT_LANG {
                for hint in checker.check(s) {
                    out.hint(
                        location.clone(),
                        hint.code(),
                        hint.message(MessageLang::Nl),
                        hint.message(MessageLang::En),
                    );
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
        if t.role == TextRole::Title {
            // The title defines the poll's languages; a title without Dutch is `dutch_missing`.
            continue;
        }
        let present = t.text.langs();
        for missing in poll_langs.iter().filter(|l| !present.contains(&l.as_str())) {
            let name = language_name(missing, lang);
            out.error(
                format!("{}.{missing}", t.base),
                "translation_missing",
                format!("De vertaling in het {name} ontbreekt; de titel is wel in het {name}. Elke tekst moet in dezelfde talen zijn als de titel."),
                format!("The {name} translation is missing; the title is in {name}. Every text must be in the same languages as the title."),
            );
        }
    }
}
