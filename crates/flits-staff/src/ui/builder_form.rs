//! The builder form's fields and how they become a poll definition (and back).
//!
//! The form holds `count` question slots (hidden field `count`; a form without it has as many as
//! its highest `q{i}_…` field needs, and at least one). Buttons add, remove, move and copy slots
//! by renaming fields on the server ([`crate::ui::builder_actions`]), so the builder works without
//! JavaScript; an empty slot is skipped. The poll's languages are checkboxes `language_{code}` (Dutch is always offered, and
//! first); every resident-facing text has one field per chosen language, named `{text}_{code}`
//! (`title_tr`, `q0_text_ar`, `q1_label_min_pl`). A question's options are one text area per
//! language, `q{i}_options_{code}`, with one option per line as `id | text`: the lines are matched
//! by id, so the languages cannot drift apart when one list is reordered. A Dutch line without `|`
//! is an option whose id is also its text.
//!
//! Only the chosen languages are read: unticking a language removes its texts from the poll.
//!
//! The standard questions about the resident ([`flits_survey::StandardQuestion`]) are not slots but
//! tick boxes ([`crate::ui::standard_questions`]); their texts come from the catalogue.

use std::collections::BTreeMap;

use flits_i18n::Locale;
use flits_survey::{
    Brief, Neighbourhoods, PollDefinition, Question, QuestionKind, QuestionOption, ScaleLabels,
    StandardQuestion, Text,
};

use crate::ui::standard_questions;

/// The most slots a form holds, however many it asks for: the validator's question limit is
/// lower, so this only keeps a forged `count` from rendering a huge page.
pub const MAX_SLOTS: usize = 40;

/// The field that says how many question slots the form holds.
pub const COUNT_FIELD: &str = "count";

/// The slot index of a field name `q{i}_…`, and the rest of the name.
pub fn slot_of(name: &str) -> Option<(usize, &str)> {
    let rest = name.strip_prefix('q')?;
    let (index, field) = rest.split_once('_')?;
    if index.is_empty() || !index.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((index.parse().ok()?, field))
}

/// How many slots the form holds: its `count`, else as many as its highest `q{i}_…` field needs;
/// at least one, at most [`MAX_SLOTS`].
pub fn slot_count(fields: &Fields) -> usize {
    let counted = fields.get(COUNT_FIELD).and_then(|c| c.trim().parse().ok());
    let needed = fields
        .keys()
        .filter_map(|k| slot_of(k))
        .map(|(i, _)| i + 1)
        .max()
        .unwrap_or(0);
    counted.unwrap_or(needed).clamp(1, MAX_SLOTS)
}

/// The raw form: every field by name, as posted.
pub type Fields = BTreeMap<String, String>;

/// The checkbox field that offers `locale` (`language_tr`); Dutch has none, it is always offered.
pub fn language_field(locale: Locale) -> String {
    format!("language_{}", locale.code())
}

/// The languages the form offers: Dutch first, then each ticked language in [`Locale::RESIDENT`]
/// order.
pub fn chosen_languages(fields: &Fields) -> Vec<Locale> {
    Locale::RESIDENT
        .into_iter()
        .filter(|l| *l == Locale::Nl || fields.contains_key(&language_field(*l)))
        .collect()
}

fn value<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields.get(name).map(|s| s.trim()).unwrap_or("")
}

/// The text of the fields `{base}_{code}` in the chosen languages. A Dutch-only poll keeps plain
/// strings; an empty field is a missing translation, so the validator says so by that field.
fn text(fields: &Fields, base: &str, langs: &[Locale]) -> Option<Text> {
    if langs == [Locale::Nl] {
        let nl = value(fields, &format!("{base}_nl"));
        return (!nl.is_empty()).then(|| Text::Plain(nl.to_owned()));
    }
    let map: BTreeMap<String, String> = langs
        .iter()
        .map(|l| {
            (
                l.code().to_owned(),
                value(fields, &format!("{base}_{}", l.code())),
            )
        })
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (k, v.to_owned()))
        .collect();
    (!map.is_empty()).then_some(Text::Translated(map))
}

fn number<T: std::str::FromStr>(fields: &Fields, name: &str) -> Option<T> {
    Some(value(fields, name))
        .filter(|s| !s.is_empty())
        .and_then(|s| s.parse().ok())
}

fn kind(s: &str) -> Option<QuestionKind> {
    match s {
        "single_choice" => Some(QuestionKind::SingleChoice),
        "multi_choice" => Some(QuestionKind::MultiChoice),
        "scale" => Some(QuestionKind::Scale),
        "open_text" => Some(QuestionKind::OpenText),
        _ => None,
    }
}

/// The id of a Dutch option typed without one: its text in lowercase letters, digits and `-`
/// (`Met de fiets` → `met-de-fiets`), or `optie{n}` when that leaves nothing or is taken.
fn option_id(text: &str, row: usize, taken: &[String]) -> String {
    let mut id = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'a'..='z' | '0'..='9' => c,
            'á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ï' | 'î' => 'i',
            'ó' | 'ö' | 'ô' => 'o',
            'ú' | 'ü' | 'û' => 'u',
            _ => '-',
        };
        if c != '-' || !(id.is_empty() || id.ends_with('-')) {
            id.push(c);
        }
    }
    let id: String = id.trim_end_matches('-').chars().take(40).collect();
    let id = id.trim_end_matches('-').to_owned();
    if id.is_empty() || taken.contains(&id) {
        return format!("optie{}", row + 1);
    }
    id
}

/// The options of slot `i`: ids in the order they first appear (Dutch list first), each with its
/// text in every chosen language that has one.
fn options(fields: &Fields, i: usize, langs: &[Locale]) -> Vec<QuestionOption> {
    let mut order: Vec<String> = Vec::new();
    let mut texts: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for l in langs {
        let raw = value(fields, &format!("q{i}_options_{}", l.code()));
        let lines = raw.lines().map(str::trim).filter(|l| !l.is_empty());
        for (row, line) in lines.enumerate() {
            let (id, text) = match line.split_once('|') {
                Some((id, text)) => (id.trim().to_owned(), text.trim()),
                None if *l == Locale::Nl => (option_id(line, row, &order), line),
                // A translation without ids is matched to the Dutch options row by row.
                None => match order.get(row) {
                    Some(id) => (id.clone(), line),
                    None => (line.to_owned(), ""),
                },
            };
            let id = id.as_str();
            if !order.iter().any(|o| o == id) {
                order.push(id.to_owned());
            }
            if !text.is_empty() {
                texts
                    .entry(id.to_owned())
                    .or_default()
                    .insert(l.code().to_owned(), text.to_owned());
            }
        }
    }
    order
        .into_iter()
        .map(|id| {
            let mut map = texts.remove(&id).unwrap_or_default();
            let text = match map.remove("nl") {
                Some(nl) if langs == [Locale::Nl] => Text::Plain(nl),
                Some(nl) => {
                    map.insert("nl".to_owned(), nl);
                    Text::Translated(map)
                }
                None => Text::Translated(map),
            };
            QuestionOption { id, text }
        })
        .collect()
}

/// The question in slot `i`, or `None` when the slot is empty.
fn question(fields: &Fields, i: usize, langs: &[Locale]) -> Option<Question> {
    let f = |name: &str| format!("q{i}_{name}");
    let id = value(fields, &f("id")).to_owned();
    let question_text = text(fields, &f("text"), langs);
    let kind = kind(value(fields, &f("kind")))?;
    if id.is_empty() && question_text.is_none() {
        return None;
    }
    let is = |k: QuestionKind| kind == k;
    let scale = is(QuestionKind::Scale);
    Some(Question {
        id,
        kind,
        text: question_text.unwrap_or(Text::Plain(String::new())),
        required: fields.contains_key(&f("required")),
        profile: fields.contains_key(&f("profile")),
        help: text(fields, &f("help"), langs),
        options: if kind.has_options() {
            options(fields, i, langs)
        } else {
            Vec::new()
        },
        max_choices: number(fields, &f("max_choices")).filter(|_| is(QuestionKind::MultiChoice)),
        min: number(fields, &f("min")).filter(|_| scale),
        max: number(fields, &f("max")).filter(|_| scale),
        labels: if scale {
            let min = text(fields, &f("label_min"), langs);
            let max = text(fields, &f("label_max"), langs);
            (min.is_some() || max.is_some()).then_some(ScaleLabels { min, max })
        } else {
            None
        },
        max_length: number(fields, &f("max_length")).filter(|_| is(QuestionKind::OpenText)),
    })
}

/// The form's field for the day "what we did" is promised (`brief.follow_up_on`).
pub const FOLLOW_UP_FIELD: &str = "follow_up_on";

/// The promised follow-up day: none when the field is empty, an error when it is not a date
/// (`YYYY-MM-DD`, what a date input sends), so the page can say so by the field.
pub fn follow_up_on(fields: &Fields) -> Result<Option<chrono::NaiveDate>, chrono::ParseError> {
    let raw = value(fields, FOLLOW_UP_FIELD);
    if raw.is_empty() {
        return Ok(None);
    }
    chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d").map(Some)
}

/// The definition the form describes: the questions of the slots, then each standard question
/// whose box is ticked, in the poll's languages (the neighbourhood question only when
/// `neighbourhoods`, the list of the poll's audience, has any). Validation happens afterwards, with
/// locations; a slot that uses a standard question's id beside its ticked box is a duplicate id.
pub fn to_definition(
    fields: &Fields,
    audiences: &[String],
    neighbourhoods: &Neighbourhoods,
) -> PollDefinition {
    let langs = chosen_languages(fields);
    let mut questions: Vec<Question> = (0..slot_count(fields))
        .filter_map(|i| question(fields, i, &langs))
        .collect();
    questions.extend(
        StandardQuestion::ALL
            .into_iter()
            .filter(|s| standard_questions::ticked(fields, *s))
            .filter_map(|s| s.question(&langs, neighbourhoods)),
    );
    let purpose = Some(value(fields, "purpose").to_owned()).filter(|s| !s.is_empty());
    let feedback_promise = text(fields, "promise", &langs);
    let follow_up_on = follow_up_on(fields).ok().flatten();
    let brief = (purpose.is_some()
        || !audiences.is_empty()
        || feedback_promise.is_some()
        || follow_up_on.is_some())
    .then(|| Brief {
        purpose,
        audiences: audiences.to_vec(),
        feedback_promise,
        follow_up_on,
    });
    PollDefinition {
        slug: value(fields, "slug").to_owned(),
        title: text(fields, "title", &langs).unwrap_or(Text::Plain(String::new())),
        intro: text(fields, "intro", &langs),
        languages: Some(langs),
        brief,
        questions,
    }
}

/// Writes `text` into the fields `{base}_{code}`, one per language it is written in.
fn put_text(f: &mut Fields, base: &str, text: Option<&Text>) {
    for (lang, s) in text.map(Text::entries).unwrap_or_default() {
        f.insert(format!("{base}_{lang}"), s.to_owned());
    }
}

/// The form's values for a definition (to edit a stored poll). The language boxes are ticked for
/// every language the poll offers, and every text keeps every language it is written in. A standard
/// question ticks its box (`neighbourhoods` is the list of the poll's audience, which the
/// neighbourhood question must have as its options); any other question fills a slot, also one that
/// only shares a standard question's id, so editing never rewrites a question staff wrote.
pub fn from_definition(def: &PollDefinition, neighbourhoods: &Neighbourhoods) -> Fields {
    let mut f = Fields::new();
    f.insert("slug".into(), def.slug.clone());
    for l in def.offered_languages() {
        if l != Locale::Nl {
            f.insert(language_field(l), "on".into());
        }
    }
    put_text(&mut f, "title", Some(&def.title));
    put_text(&mut f, "intro", def.intro.as_ref());
    if let Some(b) = &def.brief {
        f.insert("purpose".into(), b.purpose.clone().unwrap_or_default());
        put_text(&mut f, "promise", b.feedback_promise.as_ref());
        if let Some(day) = b.follow_up_on {
            f.insert(FOLLOW_UP_FIELD.into(), day.format("%Y-%m-%d").to_string());
        }
    }
    let mut own = Vec::new();
    for q in &def.questions {
        match StandardQuestion::ALL
            .into_iter()
            .find(|s| s.is(q, neighbourhoods))
        {
            Some(s) => {
                f.insert(standard_questions::field(s).into(), "on".into());
            }
            None => own.push(q),
        }
    }
    let own: Vec<&Question> = own.into_iter().take(MAX_SLOTS).collect();
    f.insert(COUNT_FIELD.into(), own.len().max(1).to_string());
    for (i, q) in own.into_iter().enumerate() {
        put_question(&mut f, i, q);
    }
    f
}

/// Writes question `q` into slot `i` (every language it is written in), replacing nothing else.
pub fn put_question(f: &mut Fields, i: usize, q: &Question) {
    let k = |name: &str| format!("q{i}_{name}");
    f.insert(k("id"), q.id.clone());
    f.insert(
        k("kind"),
        serde_json::to_value(q.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default(),
    );
    put_text(f, &k("text"), Some(&q.text));
    put_text(f, &k("help"), q.help.as_ref());
    if q.required {
        f.insert(k("required"), "on".into());
    }
    if q.profile {
        f.insert(k("profile"), "on".into());
    }
    let mut lines: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for o in &q.options {
        for (lang, s) in o.text.entries() {
            lines
                .entry(lang.to_owned())
                .or_default()
                .push(format!("{} | {s}", o.id));
        }
    }
    for (lang, lines) in lines {
        f.insert(format!("q{i}_options_{lang}"), lines.join("\n"));
    }
    for (name, v) in [("min", q.min), ("max", q.max)] {
        f.insert(k(name), v.map(|n| n.to_string()).unwrap_or_default());
    }
    f.insert(
        k("max_choices"),
        q.max_choices.map(|n| n.to_string()).unwrap_or_default(),
    );
    f.insert(
        k("max_length"),
        q.max_length.map(|n| n.to_string()).unwrap_or_default(),
    );
    let labels = q.labels.as_ref();
    put_text(f, &k("label_min"), labels.and_then(|l| l.min.as_ref()));
    put_text(f, &k("label_max"), labels.and_then(|l| l.max.as_ref()));
}

/// Splits a trailing language code off a location: `text.tr` → (`text`, `tr`). A location without
/// one is a plain (Dutch) text.
fn split_language(location: &str) -> (&str, &'static str) {
    if let Some((path, last)) = location.rsplit_once('.')
        && let Some(l) = Locale::RESIDENT.into_iter().find(|l| l.code() == last)
    {
        return (path, l.code());
    }
    (location, Locale::Nl.code())
}

/// The form field a validation location belongs to, so its message shows next to it:
/// `questions[2].text.tr` → `q2_text_tr`, `questions[1].options[0].text.ar` → `q1_options_ar`,
/// `questions[1].options[0].id` → `q1_options_nl`, `title` (a plain Dutch title) → `title_nl`.
pub fn field_of(location: &str) -> String {
    let (path, lang) = split_language(location);
    if let Some(rest) = path.strip_prefix("questions[") {
        let (index, rest) = rest.split_once(']').unwrap_or((rest, ""));
        let rest = rest.trim_start_matches('.');
        let field = if rest.starts_with("options") {
            let text = rest.ends_with(".text");
            format!("options_{}", if text { lang } else { "nl" })
        } else if rest == "labels.min" {
            format!("label_min_{lang}")
        } else if rest == "labels.max" {
            format!("label_max_{lang}")
        } else if rest == "text" || rest == "help" {
            format!("{rest}_{lang}")
        } else if rest.is_empty() {
            "id".to_owned()
        } else {
            rest.split('.').next().unwrap_or("id").to_owned()
        };
        return format!("q{index}_{field}");
    }
    match path {
        "brief.feedback_promise" => format!("promise_{lang}"),
        "brief.follow_up_on" => FOLLOW_UP_FIELD.to_owned(),
        "title" => format!("title_{lang}"),
        "intro" => format!("intro_{lang}"),
        l if l.starts_with("brief.audiences") => "audiences".to_owned(),
        l if l.starts_with("brief.purpose") || l == "brief" => "purpose".to_owned(),
        l if l.starts_with("languages") => "languages".to_owned(),
        "slug" => "slug".to_owned(),
        _ => "general".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none() -> Neighbourhoods {
        Neighbourhoods::default()
    }

    fn fields(pairs: &[(&str, &str)]) -> Fields {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn form_and_definition_round_trip() {
        let f = fields(&[
            ("slug", "fiets"),
            ("language_en", "on"),
            ("title_nl", "Fietsen"),
            ("title_en", "Bikes"),
            ("q0_id", "q1"),
            ("q0_kind", "single_choice"),
            ("q0_text_nl", "Hoe?"),
            ("q0_text_en", "How?"),
            ("q0_options_nl", "fiets | Fiets\nbus"),
            ("q0_options_en", "bus | Bus\nfiets | Bike"),
            ("q0_required", "on"),
            ("q1_id", "q2"),
            ("q1_kind", "scale"),
            ("q1_text_nl", "Cijfer?"),
            ("q1_min", "1"),
            ("q1_max", "5"),
            ("q2_kind", "open_text"),
        ]);
        let def = to_definition(&f, &["velsen".to_owned()], &none());
        assert_eq!(def.languages, Some(vec![Locale::Nl, Locale::En]));
        assert_eq!(def.questions.len(), 2, "an empty slot is skipped");
        let ids: Vec<&str> = def.questions[0]
            .options
            .iter()
            .map(|o| o.id.as_str())
            .collect();
        assert_eq!(ids, ["fiets", "bus"], "the Dutch list sets the order");
        assert_eq!(def.questions[0].options[1].text.exact("nl"), Some("bus"));
        assert_eq!(def.questions[0].options[0].text.exact("en"), Some("Bike"));
        assert!(def.questions[0].required);
        assert_eq!(def.questions[1].max, Some(5));
        assert_eq!(
            def.questions[1].text.exact("en"),
            None,
            "missing, not empty"
        );
        let again = to_definition(
            &from_definition(&def, &none()),
            &["velsen".to_owned()],
            &none(),
        );
        assert_eq!(def, again);
    }

    /// A poll in all five languages, with every kind of text, comes back unchanged from an edit.
    #[test]
    fn every_language_and_text_survives_an_edit() {
        let def = PollDefinition::from_yaml_str(
            r#"
slug: vijf-talen
title: {nl: Titel, en: Title, tr: Başlık, pl: Tytuł, ar: "عنوان"}
languages: [nl, en, tr, pl, ar]
intro: {nl: In, en: In, tr: Giriş, pl: Wstęp, ar: "مقدمة"}
brief:
  purpose: Weten
  audiences: [velsen]
  feedback_promise: {nl: Later, en: Later, tr: Sonra, pl: Później, ar: "لاحقا"}
questions:
  - id: keuze
    kind: multi_choice
    max_choices: 2
    text: {nl: Wat?, en: What?, tr: Ne?, pl: Co?, ar: "ماذا؟"}
    help: {nl: Kies, en: Choose, tr: Seçin, pl: Wybierz, ar: "اختر"}
    options:
      - {id: a, text: {nl: A, en: A, tr: A, pl: A, ar: "أ"}}
      - {id: b, text: {nl: B, en: B, tr: B, pl: B, ar: "ب"}}
  - id: cijfer
    kind: scale
    min: 1
    max: 5
    text: {nl: Cijfer?, en: Mark?, tr: Not?, pl: Ocena?, ar: "تقييم؟"}
    labels:
      min: {nl: Slecht, en: Bad, tr: Kötü, pl: Źle, ar: "سيئ"}
      max: {nl: Goed, en: Good, tr: İyi, pl: Dobrze, ar: "جيد"}
  - id: open
    kind: open_text
    max_length: 300
    text: {nl: Nog iets?, en: Anything?, tr: Başka?, pl: Coś?, ar: "شيء؟"}
"#,
        )
        .unwrap();
        let form = from_definition(&def, &none());
        assert_eq!(
            chosen_languages(&form),
            Locale::RESIDENT.to_vec(),
            "every language stays ticked"
        );
        assert_eq!(form["q1_label_max_ar"], "جيد");
        assert_eq!(form["q0_options_tr"], "a | A\nb | B");
        assert_eq!(to_definition(&form, &["velsen".to_owned()], &none()), def);
    }

    #[test]
    fn a_dutch_only_poll_keeps_plain_texts() {
        let f = fields(&[
            ("slug", "nl"),
            ("title_nl", "Titel"),
            ("title_en", "Left over"),
        ]);
        let def = to_definition(&f, &[], &none());
        assert_eq!(def.languages, Some(vec![Locale::Nl]));
        assert_eq!(def.title, Text::Plain("Titel".into()), "unticked: not read");
        assert_eq!(
            to_definition(&from_definition(&def, &none()), &[], &none()),
            def
        );
    }

    #[test]
    fn dutch_is_first_and_the_rest_in_a_fixed_order() {
        let f = fields(&[("language_ar", "on"), ("language_tr", "on")]);
        assert_eq!(
            chosen_languages(&f),
            [Locale::Nl, Locale::Tr, Locale::Ar],
            "Dutch needs no box"
        );
    }

    fn velsen() -> Neighbourhoods {
        Neighbourhoods::new(vec![
            flits_survey::Neighbourhood::new("ijmuiden", "IJmuiden").unwrap(),
            flits_survey::Neighbourhood::new("driehuis", "Driehuis").unwrap(),
        ])
        .unwrap()
    }

    fn with_standard(ticked: &[&str]) -> Fields {
        let mut f = fields(&[
            ("slug", "fiets"),
            ("title_nl", "Fiets"),
            ("language_en", "on"),
            ("title_en", "Bike"),
            ("q0_id", "q1"),
            ("q0_kind", "open_text"),
            ("q0_text_nl", "Idee?"),
        ]);
        for id in ticked {
            f.insert((*id).to_owned(), "on".to_owned());
        }
        f
    }

    #[test]
    fn the_standard_questions_are_tick_boxes_that_round_trip() {
        let all = ["leeftijd", "wijk", "first_time", "heard_via"];
        let def = to_definition(&with_standard(&all), &[], &velsen());
        let ids: Vec<&str> = def.questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids, ["q1", "leeftijd", "wijk", "first_time", "heard_via"]);
        for q in &def.questions[1..] {
            assert!(q.profile && !q.required && q.help.is_some(), "{}", q.id);
            assert_eq!(q.text.langs(), ["en", "nl"], "{}", q.id);
        }
        let form = from_definition(&def, &velsen());
        for id in all {
            assert_eq!(form.get(id).map(String::as_str), Some("on"), "{id} ticked");
        }
        assert!(
            !form.contains_key("q1_id"),
            "no slot holds a standard question"
        );
        let again = to_definition(&form, &[], &velsen());
        assert_eq!(
            again, def,
            "editing keeps each standard question once, last"
        );

        // Unticking removes the question.
        let mut fewer = form.clone();
        fewer.remove("first_time");
        let ids: Vec<String> = to_definition(&fewer, &[], &velsen())
            .questions
            .into_iter()
            .map(|q| q.id)
            .collect();
        assert_eq!(ids, ["q1", "leeftijd", "wijk", "heard_via"]);
    }

    #[test]
    fn without_a_list_there_is_no_neighbourhood_question() {
        let def = to_definition(&with_standard(&["wijk", "leeftijd"]), &[], &none());
        assert!(def.question("wijk").is_none());
        assert!(def.question("leeftijd").is_some());
    }

    /// A poll's own question that shares a standard id (its own age bands) stays in its slot, as
    /// written, through an edit.
    #[test]
    fn a_question_of_its_own_with_a_standard_id_stays_in_a_slot() {
        let def = PollDefinition::from_yaml_str(
            r#"
slug: eigen-leeftijd
title: Titel
languages: [nl]
questions:
  - {id: bomen, kind: open_text, text: Bomen?}
  - {id: leeftijd, kind: single_choice, profile: true, text: Leeftijd?,
     options: [{id: tot30, text: Onder de 30}, {id: vanaf30, text: 30 of ouder}]}
"#,
        )
        .unwrap();
        let form = from_definition(&def, &none());
        assert!(!form.contains_key("leeftijd"), "not the standard one");
        assert_eq!(form["q1_id"], "leeftijd");
        assert_eq!(to_definition(&form, &[], &none()), def);
    }

    #[test]
    fn locations_map_to_fields() {
        assert_eq!(field_of("questions[2].text.en"), "q2_text_en");
        assert_eq!(field_of("questions[0].text.tr"), "q0_text_tr");
        assert_eq!(field_of("questions[0].text"), "q0_text_nl");
        assert_eq!(field_of("questions[0].help.ar"), "q0_help_ar");
        assert_eq!(field_of("questions[1].options[0].id"), "q1_options_nl");
        assert_eq!(field_of("questions[1].options[0].text.pl"), "q1_options_pl");
        assert_eq!(field_of("questions[1].options"), "q1_options_nl");
        assert_eq!(field_of("questions[3].labels.max.tr"), "q3_label_max_tr");
        assert_eq!(field_of("questions[3].labels.min"), "q3_label_min_nl");
        assert_eq!(field_of("questions[0]"), "q0_id");
        assert_eq!(field_of("questions[0].max_choices"), "q0_max_choices");
        assert_eq!(field_of("title.nl"), "title_nl");
        assert_eq!(field_of("title"), "title_nl");
        assert_eq!(field_of("intro.ar"), "intro_ar");
        assert_eq!(field_of("brief.feedback_promise.tr"), "promise_tr");
        assert_eq!(field_of("brief.audiences[0]"), "audiences");
        assert_eq!(field_of("languages[1]"), "languages");
        assert_eq!(field_of(""), "general");
    }
}
