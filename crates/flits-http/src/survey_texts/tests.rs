//! Every code flits_survey can report is worded in every language it must be, with every argument
//! its messages use: each fixture below is read and validated for real, so the arguments are the
//! ones the code really carries, and a test fails when a code is added without being covered here.

use std::collections::{BTreeMap, BTreeSet};

use flits_i18n::{Locale, catalogue};
use flits_survey::read::EXPECTED_TYPES;
use flits_survey::{
    ANSWER_CODES, AnswerError, AnswerInput, DefinitionFormat, ERROR_CODES, HINT_CODES, Issue,
    PollDefinition, QuestionKind, SyntaxError, TextRole, ValidationOptions, parse_document,
    read_value, validate_answers, validate_reading,
};

use super::*;

fn scheduling(known: &[&str]) -> ValidationOptions {
    ValidationOptions {
        require_brief: true,
        known_audiences: Some(known.iter().map(|s| s.to_string()).collect()),
        ..ValidationOptions::default()
    }
}

fn drafting() -> ValidationOptions {
    ValidationOptions::default()
}

fn report(yaml: &str, opts: &ValidationOptions) -> Report {
    let value = parse_document(yaml, DefinitionFormat::Yaml).unwrap();
    validate_reading(&read_value(value), opts)
}

fn eleven_options() -> String {
    let options: Vec<String> = (0..11)
        .map(|i| format!("{{id: o{i}, text: {{nl: O, en: O}}}}"))
        .collect();
    format!("[{}]", options.join(", "))
}

/// Definitions that, between them, break every rule and earn every hint.
fn fixtures() -> Vec<(String, ValidationOptions)> {
    let long_id = "q".repeat(65);
    let many = eleven_options();
    let shape = format!(
        r#"
slug: "A"
colour: red
languages: [nl, de, en, en, 7]
title: {{nl: Fietsen, en: Bikes}}
brief: {{purpose: " ", audiences: [haarlem, haarlem, 5]}}
questions:
  - {{id: "", kind: slider, text: {{nl: V, en: Q}}}}
  - {{id: "Q 2", kind: single_choice, text: {{nl: V, en: Q}}, options: [{{id: a, text: {{nl: A, en: A}}}}],
     max_choices: 1, min: 1, labels: {{}}, max_length: 5, required: "ja"}}
  - {{id: q3, kind: scale, max: 5, text: {{nl: V, en: Q}}}}
  - {{id: q3, kind: scale, min: 5, max: 1, text: {{nl: V, en: Q}}}}
  - {{id: q5, kind: scale, min: 0, max: 20, text: {{nl: V, en: Q}}}}
  - {{id: q6, kind: multi_choice, max_choices: 20, text: {{nl: V, en: Q}}, options: {many}}}
  - {{id: q7, kind: open_text, max_length: 0, text: {{nl: V, en: Q}},
     options: [{{id: a, text: {{nl: A, en: A}}}}, {{id: a, text: {{nl: B, en: B}}}}]}}
  - {{id: {long_id}, kind: open_text, text: {{nl: V, en: Q}}}}
  - {{id: q9, kind: open_text, min: x}}
  - 5
"#
    );
    let texts = format!(
        r#"
slug: teksten
title: {{nl: Fietsen, EN: Bikes, fr: Vélos}}
intro: {{nl: ""}}
brief: {{feedback_promise: {{}}}}
questions:
  - {{id: q1, kind: open_text, text: {{nl: "{}", tr: Soru}}}}
"#,
        "a".repeat(301)
    );
    let hints = r#"
slug: tips
title: Fietsen
intro: "Inzake de verkeersveiligheid op het plein vragen wij u naar uw mening. Er wordt veel gebouwd. Wij willen graag van alle inwoners van de gemeente weten wat zij van de nieuwe plannen voor het plein vinden."
questions:
  - {id: q1, kind: open_text, text: "Wat vindt u?"}
  - {id: q2, kind: open_text, text: "Wat vindt u?"}
  - {id: q3, kind: open_text, text: "Wat vindt u?"}
  - {id: q4, kind: open_text, text: "Wat vindt u?"}
"#;
    let docs: Vec<(String, ValidationOptions)> = vec![
        (shape.clone(), scheduling(&[])),
        (shape, scheduling(&["beverwijk", "velsen"])),
        (texts, scheduling(&[])),
        (
            "slug: talen\ntitle: {en: Bikes}\nlanguages: []\nquestions: [{id: q1, kind: open_text, text: {en: Q}}]\n".into(),
            drafting(),
        ),
        (
            "slug: talen\ntitle: {en: Bikes, nl: Fietsen}\nlanguages: [en]\nquestions: [{id: q1, kind: open_text, text: {en: Q}}]\n".into(),
            drafting(),
        ),
        (
            "slug: talen\ntitle: Fietsen\nlanguages: [nl, tr]\nquestions: [{id: q1, kind: open_text, text: V}]\n".into(),
            drafting(),
        ),
        (
            "slug: talen\ntitle: {en: Bikes}\nquestions: [{id: q1, kind: open_text, text: {en: Q}}]\n".into(),
            drafting(),
        ),
        ("slug: leeg\ntitle: Leeg\nquestions: []\n".into(), scheduling(&[])),
        (
            "slug: profiel\ntitle: Profiel\nbrief: {}\nquestions: [{id: q1, kind: open_text, profile: true, text: V}]\n".into(),
            drafting(),
        ),
        (
            "slug: tekens\ntitle: \"Fiets\\u202Een\\u0007\"\nquestions: [{id: q1, kind: open_text, text: V}]\n".into(),
            drafting(),
        ),
        ("[1, 2]".into(), drafting()),
        ("slug: x\ntitle: T\nquestions: 5\nbrief: []\n".into(), drafting()),
        (hints.into(), drafting()),
        (
            // An English intro that is hard to read, and a question that does not ask.
            "slug: engels\ntitle: {nl: Fietsen, en: Bikes}\nlanguages: [nl, en]\nintro: {nl: Fietsen, en: \"Comprehensive infrastructural considerations notwithstanding, municipal administrative organisations systematically investigate alternative transportation opportunities.\"}\nquestions: [{id: q1, kind: open_text, text: {nl: Uw mening, en: Your view}}]\n".into(),
            drafting(),
        ),
    ];
    docs
}

/// Every issue the fixtures give, and the two that come from outside the validator.
fn all_issues() -> Vec<Issue> {
    let mut issues = Vec::new();
    for (yaml, opts) in fixtures() {
        let r = report(&yaml, &opts);
        issues.extend(r.errors);
        issues.extend(r.hints);
    }
    let syntax = parse_document("{\"slug\": ", DefinitionFormat::Json).unwrap_err();
    issues.push(Issue::unreadable(&syntax));
    issues.push(Issue::unreadable(&SyntaxError {
        format: DefinitionFormat::Yaml,
        line: 0,
        column: 0,
    }));
    issues.push(Issue::slug_taken());
    issues
}

#[test]
fn every_validation_code_is_worded_in_every_staff_language() {
    let issues = all_issues();
    let found: BTreeSet<&str> = issues.iter().map(|i| i.code.as_str()).collect();
    let expected: BTreeSet<&str> = ERROR_CODES.iter().chain(HINT_CODES).copied().collect();
    let uncovered: Vec<_> = expected.difference(&found).collect();
    assert!(uncovered.is_empty(), "no fixture gives {uncovered:?}");
    let unknown: Vec<_> = found.difference(&expected).collect();
    assert!(
        unknown.is_empty(),
        "codes not listed in flits_survey: {unknown:?}"
    );

    let mut problems = Vec::new();
    for issue in &issues {
        for locale in Locale::STAFF {
            if let Err(e) = try_issue_message(issue, locale) {
                problems.push(format!("{locale} {issue:?}: {e}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    // The check can fail: a code without a message, a message without its argument.
    assert!(try_issue_message(&Issue::new("", "no_such_code", Args::new()), Locale::Nl).is_err());
    let slug_length = issues.iter().find(|i| i.code == "slug_length").unwrap();
    let without_max = slug_length
        .args
        .iter()
        .filter(|(name, _)| *name != "max")
        .fold(Args::new(), |args, (name, value)| {
            args.with(name, value.clone())
        });
    assert!(
        try_issue_message(&Issue::new("slug", "slug_length", without_max), Locale::En).is_err()
    );
}

#[test]
fn every_name_inside_a_message_is_in_the_catalogue() {
    let mut ids = Vec::new();
    ids.extend(
        QuestionKind::ALL
            .iter()
            .map(|k| message_id("survey-kind", k.code())),
    );
    ids.extend(
        TextRole::ALL
            .iter()
            .map(|r| message_id("survey-role", r.code())),
    );
    ids.extend(["question", "option"].map(|w| message_id("survey-what", w)));
    ids.extend(
        ["brief", "purpose", "audiences", "feedback_promise"]
            .map(|p| message_id("survey-brief-part", p)),
    );
    ids.extend(EXPECTED_TYPES.map(|e| message_id("survey-expected", e)));
    ids.extend(
        Locale::RESIDENT
            .iter()
            .map(|l| message_id("survey-language", l.code())),
    );
    ids.push("survey-character-space".to_owned());
    for locale in Locale::STAFF {
        for id in &ids {
            assert!(
                catalogue().try_format(locale, id, &[]).is_ok(),
                "{id} in {locale}"
            );
        }
    }
}

const POLL: &str = r#"
slug: antwoorden
title: Antwoorden
questions:
  - {id: q1, kind: single_choice, required: true, text: "Hoe?", options: [{id: fiets, text: Fiets}, {id: bus, text: Bus}]}
  - {id: q2, kind: multi_choice, max_choices: 2, text: "Wat?", options: [{id: rek, text: Rek}, {id: licht, text: Licht}, {id: bank, text: Bank}]}
  - {id: q3, kind: scale, min: 1, max: 5, text: "Hoeveel?"}
  - {id: q4, kind: open_text, max_length: 20, text: "Nog iets?"}
  - {id: q5, kind: multi_choice, max_choices: 1, text: "Welke?", options: [{id: a, text: A}, {id: b, text: B}]}
"#;

fn answer_errors(json: &str) -> Vec<AnswerError> {
    let def = PollDefinition::from_yaml_str(POLL).unwrap();
    let input: BTreeMap<String, AnswerInput> = serde_json::from_str(json).unwrap();
    validate_answers(&def, &input).unwrap_err()
}

/// Answers that, between them, break every answer rule.
fn all_answer_errors() -> Vec<AnswerError> {
    [
        r#"{"q9": "x", "q2": ["rek", "rek", "zon"], "q3": 9, "q4": "123456789012345678901"}"#,
        r#"{"q1": ["fiets", "bus"], "q2": ["rek", "licht", "bank"], "q3": "drie", "q4": "nul\u0000"}"#,
        r#"{"q1": true, "q2": 2.5, "q3": false, "q4": 42, "q5": ["a", "b"]}"#,
    ]
    .iter()
    .flat_map(|json| answer_errors(json))
    .collect()
}

#[test]
fn every_answer_code_is_worded_in_every_resident_language() {
    let errors = all_answer_errors();
    let found: BTreeSet<&str> = errors.iter().map(|e| e.code.as_str()).collect();
    let expected: BTreeSet<&str> = ANSWER_CODES.iter().copied().collect();
    assert_eq!(found, expected);
    let kinds: BTreeSet<&str> = errors
        .iter()
        .filter(|e| e.code == "wrong_type")
        .filter_map(|e| e.args.text("kind"))
        .collect();
    assert_eq!(
        kinds.len(),
        QuestionKind::ALL.len(),
        "wrong_type of every kind"
    );

    let mut problems = Vec::new();
    for e in &errors {
        for locale in Locale::RESIDENT {
            if let Err(err) = try_answer_message(e, locale) {
                problems.push(format!("{locale} {e:?}: {err}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn dutch_answer_errors_are_plain_language() {
    for e in all_answer_errors() {
        let text = answer_message(&e, Locale::Nl);
        let hints = flits_survey::plain_language::check(&text);
        assert!(hints.is_empty(), "{text}: {hints:?}");
    }
}

#[test]
fn answer_errors_read_in_the_residents_language() {
    let errors = answer_errors("{}");
    assert_eq!(errors[0].code, "required");
    assert_eq!(
        answer_message(&errors[0], Locale::Nl),
        "Deze vraag is verplicht. Geef een antwoord."
    );
    assert_eq!(
        answer_message(&errors[0], Locale::En),
        "This question is required. Please answer it."
    );
    assert_eq!(
        answer_message(&errors[0], Locale::Tr),
        "Bu soru zorunludur. Lütfen cevap verin."
    );
    let many = answer_errors(r#"{"q1": "bus", "q2": ["rek", "licht", "bank"]}"#);
    assert_eq!(
        answer_message(&many[0], Locale::Nl),
        "U kunt hier niet meer dan 2 antwoorden kiezen. U koos er 3."
    );
    assert_eq!(
        answer_message(&many[0], Locale::Pl),
        "Możesz tu wybrać najwyżej 2 odpowiedzi. Liczba wybranych odpowiedzi: 3."
    );
    let long = answer_errors(r#"{"q1": "bus", "q4": "123456789012345678901"}"#);
    assert_eq!(
        answer_message(&long[0], Locale::Nl),
        "Uw antwoord is 21 tekens lang. Het mag niet langer zijn dan 20 tekens. Maak het 1 teken korter."
    );
    assert_eq!(
        answer_message(&long[0], Locale::Pl),
        "Odpowiedź ma 21 znaków, a może mieć najwyżej 20 znaków. Skróć ją o 1 znak."
    );
    let rendered = render_answer_errors(&long, Locale::Ar);
    assert_eq!(rendered[0].question_id, "q4");
    assert_eq!(rendered[0].code, "too_long");
    assert!(
        rendered[0].message.contains("21"),
        "{}",
        rendered[0].message
    );
}

#[test]
fn echoed_input_is_short_and_printable() {
    let long = format!("\u{0007}{}", "x".repeat(100));
    let json = serde_json::json!({ "q1": long }).to_string();
    let errors = answer_errors(&json);
    for locale in Locale::RESIDENT {
        let message = answer_message(&errors[0], locale);
        assert!(message.chars().count() < 160, "{message}");
        assert!(!message.chars().any(char::is_control), "{message}");
    }
}

fn errors_of(yaml: &str) -> Vec<Issue> {
    report(yaml, &drafting()).errors
}

#[test]
fn messages_follow_the_requested_language() {
    let issues = errors_of("slug: ab\ntitle: T\nquestions: [{id: q1, kind: open_text, text: V}]\n");
    assert_eq!(issues[0].code, "slug_length");
    let nl = issue_message(&issues[0], Locale::Nl);
    let en = issue_message(&issues[0], Locale::En);
    assert_eq!(
        nl,
        "Het webadres (slug) moet 3 tot 64 tekens lang zijn; nu zijn het er 2."
    );
    assert!(en.contains("web address"), "{en}");
    // Staff texts exist in Dutch and English; other languages read Dutch.
    assert_eq!(issue_message(&issues[0], Locale::Tr), nl);
}

#[test]
fn names_inside_messages_come_from_the_catalogue() {
    let issues = errors_of(
        "slug: Fiets parkeren\ntitle: {nl: T, de: T}\nlanguages: [nl, tr]\nquestions: [{id: q1, kind: scale, min: 1, max: 5, text: {nl: V, tr: S}, options: [{id: a, text: A}]}]\n",
    );
    let message = |code: &str, locale| {
        let issue = issues
            .iter()
            .find(|i| i.code == code)
            .unwrap_or_else(|| panic!("no {code} in {issues:?}"));
        issue_message(issue, locale)
    };
    assert!(
        message("slug_characters", Locale::Nl).ends_with(": \"F\", spatie."),
        "{}",
        message("slug_characters", Locale::Nl)
    );
    assert!(message("slug_characters", Locale::En).ends_with(": \"F\", space."));
    assert_eq!(
        message("options_not_allowed", Locale::Nl),
        "Een schaalvraag heeft geen antwoordopties. Haal ze weg of maak er een keuzevraag van."
    );
    assert_eq!(
        message("translation_missing", Locale::Nl),
        "De vertaling in het Turks ontbreekt. De peiling is er ook in het Turks, dus elke tekst moet dat zijn."
    );
    assert!(message("translation_missing", Locale::En).starts_with("The Turkish translation"));
    assert!(
        message("language_unsupported", Locale::Nl).contains("taal \"de\""),
        "{}",
        message("language_unsupported", Locale::Nl)
    );
}

#[test]
fn hints_quote_the_sentence() {
    let text = "Fijn dat u meedoet. Inzake de herinrichting van het plein vragen wij u om uw mening \
                over de plannen die de gemeente voor het centrum heeft. Er wordt een fietspad aangelegd. \
                Denk aan verkeersveiligheidsmaatregelen.";
    let hints: Vec<Issue> = flits_survey::plain_language::check(text)
        .iter()
        .map(|h| Issue::new("intro", h.code(), h.args()))
        .collect();
    assert_eq!(
        issue_message(&hints[0], Locale::Nl),
        "Zin 2 (\"Inzake de herinrichting van…\") heeft 22 woorden; probeer niet meer dan 15 woorden te gebruiken."
    );
    assert_eq!(
        issue_message(&hints[1], Locale::Nl),
        "Zin 2 (\"Inzake de herinrichting van…\"): schrijf liever \"over\" in plaats van \"Inzake\"."
    );
    assert!(issue_message(&hints[1], Locale::En).contains("officialese"));
    assert!(issue_message(&hints[2], Locale::Nl).contains("er wordt"));

    // The B1 reference text of flits-survey's tests.
    let reference =
        include_str!("../../../flits-survey/tests/fixtures/b1/ambtelijk-02-vergunning.txt");
    let messages: Vec<String> = flits_survey::plain_language::check(reference)
        .iter()
        .map(|h| issue_message(&Issue::new("", h.code(), h.args()), Locale::Nl))
        .collect();
    assert!(messages.contains(&"Zin 1 (\"Middels deze brief informeren…\"): schrijf liever \"met, door\" in plaats van \"Middels\".".to_owned()));
    assert!(messages.contains(&"Zin 2 (\"Teneinde uw aanvraag in…\"): schrijf liever \"om\" in plaats van \"Teneinde\".".to_owned()));
    assert!(messages.iter().any(|m| m.starts_with("Zin 3 (\"Indien de gevraagde gegevens…\") is een lijdende zin")));
}

#[test]
fn the_time_hint_and_the_brief_hints_read_well() {
    let r = report(
        "slug: lang\ntitle: Lang\nbrief: {purpose: Weten}\nquestions:\n  - {id: q1, kind: open_text, text: V}\n  - {id: q2, kind: open_text, text: V}\n  - {id: q3, kind: open_text, text: V}\n  - {id: q4, kind: open_text, text: V}\n  - {id: q5, kind: open_text, text: V}\n",
        &drafting(),
    );
    let rendered = RenderedReport::new(&r, Locale::Nl);
    let time = rendered
        .hints
        .iter()
        .find(|h| h.code == "estimated_time_too_long")
        .unwrap();
    assert!(time.message.contains("twee minuten"), "{}", time.message);
    let audiences = rendered
        .hints
        .iter()
        .find(|h| h.location == "brief.audiences")
        .unwrap();
    assert_eq!(
        audiences.message,
        "De doelgroep ontbreekt: noem minstens één doelgroep, zoals een gemeente. Vul dit aan voordat u de peiling inplant."
    );
}

#[test]
fn an_unknown_audience_names_the_known_ones() {
    let yaml = "slug: abc\ntitle: T\nbrief: {audiences: [haarlem]}\nquestions: [{id: q1, kind: open_text, text: V}]\n";
    let none = report(yaml, &scheduling(&[]));
    let some = report(yaml, &scheduling(&["beverwijk", "velsen"]));
    let message = |r: &Report| {
        let issue = r
            .errors
            .iter()
            .find(|i| i.code == "audience_unknown")
            .unwrap();
        issue_message(issue, Locale::En)
    };
    assert_eq!(
        message(&none),
        "The audience \"haarlem\" does not exist. There are no audiences yet."
    );
    assert_eq!(
        message(&some),
        "The audience \"haarlem\" does not exist. Known audiences: beverwijk, velsen."
    );
}

#[test]
fn the_rendered_report_has_the_contract_shape() {
    let r = report(
        "slug: X\ntitle: T\nintro: Drie korte vragen voor u. Het kost u maar 1 minuut van uw tijd, echt waar.\nquestions: [{id: q1, kind: open_text, text: V}]\n",
        &drafting(),
    );
    let text = serde_json::to_string(&RenderedReport::new(&r, Locale::En)).unwrap();
    let positions: Vec<usize> = [
        "\"valid\":",
        "\"errors\":",
        "\"hints\":",
        "\"readability\":",
        "\"estimated_seconds\":",
    ]
    .iter()
    .map(|k| text.find(k).unwrap())
    .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{text}");
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json.as_object().unwrap().len(), 5);
    assert_eq!(json["valid"], false);
    let first = json["errors"][0].as_object().unwrap();
    assert_eq!(
        first.keys().map(String::as_str).collect::<BTreeSet<_>>(),
        BTreeSet::from(["location", "code", "message"])
    );
    assert_eq!(first["location"], "slug");
    assert_eq!(first["code"], "slug_length");
    assert!(
        first["message"]
            .as_str()
            .unwrap()
            .starts_with("The web address")
    );
    assert_eq!(json["readability"]["intro"]["formula"], "flesch_douma");
    assert!(json["estimated_seconds"].is_u64());
}

#[test]
fn a_reply_lists_at_most_twenty_answer_errors_and_counts_the_rest() {
    let unknown = |i: usize| AnswerError {
        question_id: format!("x{i}"),
        code: "unknown_question".to_owned(),
        args: Default::default(),
    };
    let many: Vec<AnswerError> = (0..1000).map(unknown).collect();
    let details = answer_error_details(&many, Locale::En);
    assert_eq!(
        details["errors"].as_array().unwrap().len(),
        MAX_LISTED_ANSWER_ERRORS
    );
    assert_eq!(details["errors"][0]["question_id"], "x0");
    assert_eq!(details["more"], 1000 - MAX_LISTED_ANSWER_ERRORS);
    let few: Vec<AnswerError> = (0..3).map(unknown).collect();
    let details = answer_error_details(&few, Locale::Nl);
    assert_eq!(details["errors"].as_array().unwrap().len(), 3);
    assert_eq!(details["more"], 0);
}

#[test]
fn characters_that_hide_or_turn_text_are_named_by_their_code() {
    let issue = all_issues()
        .into_iter()
        .find(|i| i.code == "text_characters")
        .unwrap();
    for locale in Locale::STAFF {
        let message = try_issue_message(&issue, locale).unwrap();
        assert!(
            message.contains("U+202E") && message.contains("U+0007"),
            "{message}"
        );
        assert!(
            !message.contains('\u{202E}') && !message.contains('\u{7}'),
            "{message:?}"
        );
    }
}
