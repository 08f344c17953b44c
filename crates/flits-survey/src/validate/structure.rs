//! Rules about the poll's shape: slug, ids, the number of questions, and what each kind of question
//! may carry.

use std::collections::HashSet;

use super::{
    Findings, ID_MAX_LEN, MAX_OPEN_TEXT_LENGTH, MAX_OPTIONS, MAX_SCALE_STEPS, MIN_OPTIONS,
    SLUG_MAX_LEN, SLUG_MIN_LEN, ValidationOptions,
};
use crate::definition::{PollDefinition, Question, QuestionKind};
use crate::message_lang::MessageLang;

/// The name of a question kind in messages.
pub(super) fn kind_name(kind: QuestionKind, lang: MessageLang) -> &'static str {
    match (kind, lang) {
        (QuestionKind::SingleChoice, MessageLang::Nl) => "keuzevraag (één antwoord)",
        (QuestionKind::SingleChoice, MessageLang::En) => "single-choice question",
        (QuestionKind::MultiChoice, MessageLang::Nl) => "meerkeuzevraag (meer antwoorden)",
        (QuestionKind::MultiChoice, MessageLang::En) => "multiple-choice question",
        (QuestionKind::Scale, MessageLang::Nl) => "schaalvraag",
        (QuestionKind::Scale, MessageLang::En) => "scale question",
        (QuestionKind::OpenText, MessageLang::Nl) => "open vraag",
        (QuestionKind::OpenText, MessageLang::En) => "open question",
    }
}

/// The characters of `s` outside the allowed set, each once, quoted for a message (a space is named,
/// other invisible characters are shown by code point).
fn bad_chars(s: &str, allowed: impl Fn(char) -> bool, lang: MessageLang) -> Option<String> {
    let mut bad: Vec<char> = Vec::new();
    for c in s.chars() {
        if !allowed(c) && !bad.contains(&c) {
            bad.push(c);
        }
    }
    if bad.is_empty() {
        return None;
    }
    let shown: Vec<String> = bad
        .iter()
        .map(|c| match c {
            ' ' => lang.pick("spatie".to_owned(), "space".to_owned()),
            c if c.is_whitespace() || c.is_control() => format!("U+{:04X}", u32::from(*c)),
            c => format!("\"{c}\""),
        })
        .take(10)
        .collect();
    Some(shown.join(", "))
}

fn slug_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'
}

fn id_char(c: char) -> bool {
    slug_char(c) || c == '_'
}

pub(super) fn check_slug(def: &PollDefinition, out: &mut Findings) {
    let len = def.slug.chars().count();
    if !(SLUG_MIN_LEN..=SLUG_MAX_LEN).contains(&len) {
        out.error(
            "slug",
            "slug_length",
            format!("Het webadres (slug) moet {SLUG_MIN_LEN} tot {SLUG_MAX_LEN} tekens lang zijn; nu zijn het er {len}."),
            format!("The web address (slug) must be {SLUG_MIN_LEN} to {SLUG_MAX_LEN} characters long; it has {len}."),
        );
    }
    if let Some(bad) = bad_chars(&def.slug, slug_char, out.lang) {
        out.error(
            "slug",
            "slug_characters",
            format!(
                "Het webadres (slug) mag alleen kleine letters (a-z), cijfers en streepjes (-) bevatten. Haal dit weg of vervang het: {bad}."
            ),
            format!(
                "The web address (slug) may only contain lowercase letters (a-z), digits and hyphens (-). Remove or replace: {bad}."
            ),
        );
    }
}

/// What an id belongs to, for messages.
#[derive(Clone, Copy)]
enum IdScope {
    Question,
    Option,
}

fn check_id(id: &str, location: String, scope: IdScope, out: &mut Findings) {
    let (what_nl, what_en) = match scope {
        IdScope::Question => ("vraag", "question"),
        IdScope::Option => ("antwoordoptie", "option"),
    };
    if id.is_empty() {
        out.error(
            location,
            "id_empty",
            format!("Elke {what_nl} heeft een id nodig (kleine letters, cijfers, - of _)."),
            format!("Every {what_en} needs an id (lowercase letters, digits, - or _)."),
        );
        return;
    }
    if let Some(bad) = bad_chars(id, id_char, out.lang) {
        out.error(
            location.clone(),
            "id_characters",
            format!("Het id \"{id}\" mag alleen kleine letters (a-z), cijfers, - en _ bevatten. Haal dit weg of vervang het: {bad}."),
            format!("The id \"{id}\" may only contain lowercase letters (a-z), digits, - and _. Remove or replace: {bad}."),
        );
    }
    let len = id.chars().count();
    if len > ID_MAX_LEN {
        out.error(
            location,
            "id_too_long",
            format!("Het id is {len} tekens lang; gebruik er hoogstens {ID_MAX_LEN}."),
            format!("The id is {len} characters long; use at most {ID_MAX_LEN}."),
        );
    }
}

pub(super) fn check_questions(def: &PollDefinition, opts: &ValidationOptions, out: &mut Findings) {
    let topic = def.topic_questions().count();
    if def.questions.is_empty() {
        out.error(
            "questions",
            "no_questions",
            "De peiling heeft nog geen vragen. Voeg er minstens één toe.".to_owned(),
            "The poll has no questions yet. Add at least one.".to_owned(),
        );
    } else if topic == 0 {
        out.error(
            "questions",
            "only_profile_questions",
            "De peiling heeft alleen profielvragen (over de invuller). Voeg minstens één vraag over het onderwerp toe.".to_owned(),
            "The poll only has profile questions (about the respondent). Add at least one question about the topic.".to_owned(),
        );
    } else if topic > opts.max_questions {
        let max = opts.max_questions;
        out.error(
            "questions",
            "too_many_questions",
            format!(
                "Een flitspeiling heeft hoogstens {max} vragen (profielvragen tellen niet mee); deze heeft er {topic}. Schrap er {}.",
                topic - max
            ),
            format!(
                "A flash poll has at most {max} questions (profile questions do not count); this one has {topic}. Drop {}.",
                topic - max
            ),
        );
    }

    let mut seen = HashSet::new();
    for (qi, q) in def.questions.iter().enumerate() {
        let location = format!("questions[{qi}].id");
        check_id(&q.id, location.clone(), IdScope::Question, out);
        if !q.id.is_empty() && !seen.insert(q.id.as_str()) {
            out.error(
                location,
                "id_duplicate",
                format!(
                    "Het vraag-id \"{}\" komt al eerder voor; geef elke vraag een eigen id.",
                    q.id
                ),
                format!(
                    "The question id \"{}\" is used before; give every question its own id.",
                    q.id
                ),
            );
        }
        check_options(qi, q, out);
        check_kind_fields(qi, q, out);
    }
}

fn check_options(qi: usize, q: &Question, out: &mut Findings) {
    let lang = out.lang;
    let kind = kind_name(q.kind, lang);
    let n = q.options.len();
    let location = format!("questions[{qi}].options");
    if q.kind.has_options() {
        if n < MIN_OPTIONS {
            out.error(
                location,
                "too_few_options",
                format!("Een {kind} heeft minstens {MIN_OPTIONS} antwoordopties nodig; deze heeft er {n}."),
                format!("A {kind} needs at least {MIN_OPTIONS} options; this one has {n}."),
            );
        } else if n > MAX_OPTIONS {
            out.error(
                location,
                "too_many_options",
                format!("Een {kind} heeft hoogstens {MAX_OPTIONS} antwoordopties; deze heeft er {n}. Voeg opties samen of kies er minder."),
                format!("A {kind} has at most {MAX_OPTIONS} options; this one has {n}. Merge or drop some."),
            );
        }
    } else if n > 0 {
        out.error(
            location,
            "options_not_allowed",
            format!(
                "Een {kind} heeft geen antwoordopties. Haal ze weg of maak er een keuzevraag van."
            ),
            format!("A {kind} has no options. Remove them or make it a choice question."),
        );
    }

    let mut seen = HashSet::new();
    for (oi, o) in q.options.iter().enumerate() {
        let location = format!("questions[{qi}].options[{oi}].id");
        check_id(&o.id, location.clone(), IdScope::Option, out);
        if !o.id.is_empty() && !seen.insert(o.id.as_str()) {
            out.error(
                location,
                "id_duplicate",
                format!("Het id \"{}\" komt al eerder voor bij deze vraag; geef elke antwoordoptie een eigen id.", o.id),
                format!("The id \"{}\" is used before in this question; give every option its own id.", o.id),
            );
        }
    }
}

fn check_kind_fields(qi: usize, q: &Question, out: &mut Findings) {
    let lang = out.lang;
    let kind = kind_name(q.kind, lang);
    let base = format!("questions[{qi}]");

    if let Some(m) = q.max_choices {
        if q.kind != QuestionKind::MultiChoice {
            out.error(
                format!("{base}.max_choices"),
                "max_choices_not_allowed",
                format!("Een maximum aantal keuzes (max_choices) hoort alleen bij een meerkeuzevraag, niet bij een {kind}."),
                format!("A maximum number of choices (max_choices) only applies to a multiple-choice question, not to a {kind}."),
            );
        } else if m < 1 || m as usize > q.options.len() {
            let n = q.options.len();
            out.error(
                format!("{base}.max_choices"),
                "max_choices_out_of_range",
                format!("Het maximum aantal keuzes moet tussen 1 en het aantal antwoordopties ({n}) liggen; nu is het {m}."),
                format!("The maximum number of choices must be between 1 and the number of options ({n}); it is {m}."),
            );
        }
    }

    if q.kind == QuestionKind::Scale {
        check_scale(qi, q, out);
    } else {
        for (field, value) in [("min", q.min), ("max", q.max)] {
            if value.is_some() {
                out.error(
                    format!("{base}.{field}"),
                    "scale_bounds_not_allowed",
                    format!("\"{field}\" hoort alleen bij een schaalvraag, niet bij een {kind}. Haal het weg."),
                    format!("\"{field}\" only applies to a scale question, not to a {kind}. Remove it."),
                );
            }
        }
        if q.labels.is_some() {
            out.error(
                format!("{base}.labels"),
                "labels_not_allowed",
                format!("Woorden bij de uiteinden (labels) horen alleen bij een schaalvraag, niet bij een {kind}."),
                format!("End labels only apply to a scale question, not to a {kind}."),
            );
        }
    }

    if let Some(len) = q.max_length {
        if q.kind != QuestionKind::OpenText {
            out.error(
                format!("{base}.max_length"),
                "max_length_not_allowed",
                format!("Een maximale lengte (max_length) hoort alleen bij een open vraag, niet bij een {kind}."),
                format!("A maximum length (max_length) only applies to an open question, not to a {kind}."),
            );
        } else if !(1..=MAX_OPEN_TEXT_LENGTH).contains(&len) {
            out.error(
                format!("{base}.max_length"),
                "max_length_out_of_range",
                format!("De maximale lengte van een antwoord moet tussen 1 en {MAX_OPEN_TEXT_LENGTH} tekens liggen; nu is het {len}."),
                format!("The maximum answer length must be between 1 and {MAX_OPEN_TEXT_LENGTH} characters; it is {len}."),
            );
        }
    }
}

fn check_scale(qi: usize, q: &Question, out: &mut Findings) {
    let base = format!("questions[{qi}]");
    for (field, value) in [("min", q.min), ("max", q.max)] {
        if value.is_none() {
            out.error(
                format!("{base}.{field}"),
                "scale_bound_missing",
                format!("Een schaalvraag heeft een laagste (min) en hoogste (max) waarde nodig, bijvoorbeeld 1 en 5; \"{field}\" ontbreekt."),
                format!("A scale question needs a lowest (min) and highest (max) value, for example 1 and 5; \"{field}\" is missing."),
            );
        }
    }
    let (Some(min), Some(max)) = (q.min, q.max) else {
        return;
    };
    if min >= max {
        out.error(
            format!("{base}.min"),
            "scale_bounds_reversed",
            format!("De laagste waarde ({min}) moet kleiner zijn dan de hoogste ({max})."),
            format!("The lowest value ({min}) must be smaller than the highest ({max})."),
        );
        return;
    }
    let steps = i128::from(max) - i128::from(min) + 1;
    if steps > MAX_SCALE_STEPS {
        out.error(
            format!("{base}.max"),
            "scale_too_many_steps",
            format!("Een schaal van {min} tot {max} heeft {steps} punten; gebruik er hoogstens {MAX_SCALE_STEPS} (bijvoorbeeld 0 tot 10)."),
            format!("A scale from {min} to {max} has {steps} points; use at most {MAX_SCALE_STEPS} (for example 0 to 10)."),
        );
    }
}
