//! One test per validation rule, each starting from a poll that passes every rule.

use flits_i18n::Locale;

use super::*;
use crate::definition::{Brief, Question, QuestionKind, QuestionOption, ScaleLabels};
use crate::text::Text;

const VALID: &str = r#"
slug: fietsparkeren-station
title: "Fietsparkeren bij het station"
intro: "Drie korte vragen. Het kost u 1 minuut."
brief:
  purpose: "Weten of er meer fietsenrekken nodig zijn bij station Beverwijk"
  audiences: [beverwijk]
  feedback_promise: "Op 1 maart leest u hier wat we met uw antwoorden doen."
questions:
  - {id: q1, kind: single_choice, required: true, text: "Hoe komt u meestal naar het station?",
     options: [{id: fiets, text: "Met de fiets"}, {id: bus, text: "Met de bus"}]}
  - {id: q2, kind: multi_choice, max_choices: 2, text: "Wat mist u bij het station?",
     options: [{id: rekken, text: "Fietsenrekken"}, {id: licht, text: "Licht"}, {id: bankjes, text: "Bankjes"}]}
  - {id: q3, kind: scale, min: 1, max: 5, text: "Hoe tevreden bent u over de stalling?",
     labels: {min: "Slecht", max: "Goed"}}
  - {id: q4, kind: open_text, max_length: 500, text: "Wat wilt u ons nog vertellen?"}
  - {id: leeftijd, kind: single_choice, profile: true, text: "Wat is uw leeftijd?",
     options: [{id: jong, text: "Jonger dan 40"}, {id: oud, text: "40 of ouder"}]}
"#;

fn valid() -> PollDefinition {
    PollDefinition::from_yaml_str(VALID).unwrap()
}

fn scheduling() -> ValidationOptions {
    ValidationOptions {
        require_brief: true,
        known_audiences: Some(vec!["beverwijk".into(), "velsen".into()]),
        ..ValidationOptions::default()
    }
}

fn check(def: &PollDefinition) -> Report {
    validate(def, &scheduling())
}

/// The (location, code) pairs of the errors.
fn errors(def: &PollDefinition) -> Vec<(String, String)> {
    check(def)
        .errors
        .into_iter()
        .map(|i| (i.location, i.code))
        .collect()
}

fn has_error(def: &PollDefinition, location: &str, code: &str) -> bool {
    let found = errors(def);
    found.iter().any(|(l, c)| l == location && c == code) || {
        eprintln!("expected {location} {code}, got {found:?}");
        false
    }
}

fn map(pairs: &[(&str, &str)]) -> Text {
    Text::Translated(
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    )
}

fn question(id: &str, kind: QuestionKind) -> Question {
    Question {
        id: id.into(),
        kind,
        text: "Een vraag?".into(),
        required: false,
        profile: false,
        help: None,
        options: Vec::new(),
        max_choices: None,
        min: None,
        max: None,
        labels: None,
        max_length: None,
    }
}

fn option(id: &str) -> QuestionOption {
    QuestionOption {
        id: id.into(),
        text: "Antwoord".into(),
    }
}

#[test]
fn the_base_poll_is_valid_and_plain() {
    let report = check(&valid());
    assert!(report.valid, "{:?}", report.errors);
    assert!(report.errors.is_empty());
    assert!(report.hints.is_empty(), "{:?}", report.hints);
    assert!(
        report.estimated_seconds > 50 && report.estimated_seconds < 120,
        "{}",
        report.estimated_seconds
    );
}

#[test]
fn the_report_serialises_as_the_contract_says() {
    let mut def = valid();
    def.slug = "X".into();
    def.intro =
        Some("Drie korte vragen voor u. Het kost u maar 1 minuut van uw tijd, echt waar.".into());
    let report = check(&def);
    let text = serde_json::to_string(&report).unwrap();
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
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "fields in contract order: {text}"
    );
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json.as_object().unwrap().len(), 5);
    assert_eq!(json["valid"], false);
    assert_eq!(json["errors"][0]["location"], "slug");
    assert_eq!(json["errors"][0]["code"], "slug_length");
    assert_eq!(
        json["errors"][0]["args"],
        serde_json::json!({"length": 1, "min": 3, "max": 64})
    );
    assert_eq!(json["readability"]["intro"]["lang"], "nl");
    assert_eq!(json["readability"]["intro"]["formula"], "flesch_douma");
    assert!(json["readability"]["intro"]["score"].is_f64());
    assert!(json["estimated_seconds"].is_u64());
    let back: Report = serde_json::from_value(json).unwrap();
    assert_eq!(back, report);
}

#[test]
fn issues_carry_the_values_their_messages_show() {
    let mut def = valid();
    def.slug = "ab".into();
    def.questions[3].max_length = Some(2001);
    let report = validate(&def, &ValidationOptions::default());
    assert_eq!(report.errors[0].code, "slug_length");
    assert_eq!(report.errors[0].args.number("length"), Some(2));
    assert_eq!(report.errors[0].args.number("min"), Some(3));
    assert_eq!(report.errors[0].args.number("max"), Some(64));
    let too_long = &report.errors[1];
    assert_eq!(too_long.code, "max_length_out_of_range");
    assert_eq!(too_long.args.number("value"), Some(2001));
    assert_eq!(too_long.args.number("limit"), Some(2000));
}

#[test]
fn syntax_errors_become_unreadable_issues() {
    let err = crate::parse::parse_document("slug: [", crate::DefinitionFormat::Yaml).unwrap_err();
    let issue = Issue::unreadable(&err);
    assert_eq!(issue.code, "unreadable");
    assert_eq!(issue.location, "");
    assert_eq!(issue.args.text("format"), Some("YAML"));
    assert!(issue.args.number("line").is_some_and(|l| l >= 1));
    let report = Report::unreadable(&err);
    assert!(!report.valid);
    assert_eq!(report.error_codes(), vec!["unreadable"]);
}

// --- reading leniently ---

fn read(yaml: &str) -> Report {
    let value = crate::parse::parse_document(yaml, crate::DefinitionFormat::Yaml).unwrap();
    validate_reading(&crate::read::read_value(value), &scheduling())
}

fn located(report: &Report) -> Vec<(&str, &str)> {
    report
        .errors
        .iter()
        .map(|i| (i.location.as_str(), i.code.as_str()))
        .collect()
}

#[test]
fn an_unknown_kind_hides_no_other_error() {
    let report = read(
        r#"
slug: "Fiets Parkeren"
title: Fietsen
colour: red
questions:
  - {id: q1, kind: slider, text: "Hoe?", options: [{id: a, text: A}], min: 1}
  - {id: q1, kind: scale, min: 5, max: 1, text: ""}
"#,
    );
    assert!(!report.valid);
    assert_eq!(
        located(&report),
        vec![
            ("colour", "field_unknown"),
            ("questions[0].kind", "kind_unknown"),
            ("slug", "slug_characters"),
            ("questions[1].id", "id_duplicate"),
            ("questions[1].min", "scale_bounds_reversed"),
            ("questions[1].text", "text_empty"),
            ("brief", "brief_missing"),
        ]
    );
    assert_eq!(report.errors[1].args.text("value"), Some("slider"));
}

#[test]
fn what_a_reading_problem_explains_is_not_reported_again() {
    let report = read(
        "slug: abc
questions:
  - {id: q1, kind: open_text}
  - 5
",
    );
    let found = located(&report);
    assert!(found.contains(&("title", "field_missing")), "{found:?}");
    assert!(
        found.contains(&("questions[0].text", "field_missing")),
        "{found:?}"
    );
    assert!(found.contains(&("questions[1]", "field_type")), "{found:?}");
    // Not again as an empty title, an empty question text, or an empty id of the placeholder.
    assert!(
        !found
            .iter()
            .any(|(l, c)| *l == "title" && *c != "field_missing"),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|(l, _)| l.starts_with("questions[1].")),
        "{found:?}"
    );
    assert!(!found.contains(&("questions[0].text", "text_no_languages")));

    let not_a_poll = read(
        "- slug
- title
",
    );
    assert_eq!(located(&not_a_poll), vec![("", "field_type")]);
}

#[test]
fn a_clean_reading_validates_like_the_definition() {
    let value = serde_json::to_value(valid()).unwrap();
    let reading = crate::read::read_value(value);
    assert_eq!(validate_reading(&reading, &scheduling()), check(&valid()));
}

// --- slug ---

#[test]
fn slug_length() {
    for slug in ["ab", &"a".repeat(65)] {
        let mut def = valid();
        def.slug = slug.to_string();
        assert!(has_error(&def, "slug", "slug_length"));
    }
    for slug in ["abc", &"a".repeat(64)] {
        let mut def = valid();
        def.slug = slug.to_string();
        assert!(check(&def).valid, "{slug}");
    }
}

#[test]
fn the_slug_rule_is_the_one_of_flits_types() {
    for slug in [
        "demo",
        "ab",
        "A",
        "fiets_parkeren",
        "fiëts",
        "",
        &"a".repeat(65),
        "a-1",
    ] {
        let mut def = valid();
        def.slug = slug.to_string();
        let codes: Vec<String> = check(&def)
            .errors
            .iter()
            .filter(|i| i.location == "slug")
            .map(|i| i.code.clone())
            .collect();
        let expected: Vec<String> = flits_types::Slug::problems(slug)
            .iter()
            .map(flits_types::InvalidId::code)
            .collect();
        assert_eq!(codes, expected, "{slug:?}");
        assert_eq!(codes.is_empty(), flits_types::Slug::parse(slug).is_ok());
    }
}

#[test]
fn slug_characters() {
    for slug in [
        "Fiets-parkeren",
        "fiets_parkeren",
        "fiets parkeren",
        "fiëts",
    ] {
        let mut def = valid();
        def.slug = slug.into();
        assert!(has_error(&def, "slug", "slug_characters"), "{slug}");
    }
    let mut def = valid();
    def.slug = "Fiets parkeren".into();
    let report = check(&def);
    // Each offending character once, in order; the message layer names the space.
    assert_eq!(report.errors[0].args.text("characters"), Some("F "));
    def.slug = "abcdefghijklmnopqrstuvwxyz".to_uppercase();
    assert_eq!(
        check(&def).errors[0].args.text("characters"),
        Some("ABCDEFGHIJ"),
        "at most ten"
    );
}

// --- ids ---

#[test]
fn ids_are_not_empty() {
    let mut def = valid();
    def.questions[0].id = String::new();
    def.questions[0].options[1].id = String::new();
    assert!(has_error(&def, "questions[0].id", "id_empty"));
    assert!(has_error(&def, "questions[0].options[1].id", "id_empty"));
}

#[test]
fn ids_use_allowed_characters() {
    let mut def = valid();
    def.questions[1].id = "Vraag 2".into();
    def.questions[2].id = "q.3".into();
    def.questions[0].options[1].id = "met-de_bus".into();
    def.questions[1].options[0].id = "rekken!".into();
    assert!(has_error(&def, "questions[1].id", "id_characters"));
    assert!(has_error(&def, "questions[2].id", "id_characters"));
    assert!(has_error(
        &def,
        "questions[1].options[0].id",
        "id_characters"
    ));
    assert!(
        !errors(&def)
            .iter()
            .any(|(l, _)| l == "questions[0].options[1].id")
    );
}

#[test]
fn ids_are_not_too_long() {
    let mut def = valid();
    def.questions[3].id = "q".repeat(65);
    assert!(has_error(&def, "questions[3].id", "id_too_long"));
}

#[test]
fn ids_are_unique_in_their_scope() {
    let mut def = valid();
    def.questions[1].id = "q1".into();
    def.questions[1].options[2].id = "rekken".into();
    assert!(has_error(&def, "questions[1].id", "id_duplicate"));
    assert!(has_error(
        &def,
        "questions[1].options[2].id",
        "id_duplicate"
    ));
    assert!(!errors(&def).iter().any(|(l, _)| l == "questions[0].id"));

    // The same option id in two questions is fine.
    let mut def = valid();
    def.questions[1].options[0].id = "fiets".into();
    assert!(check(&def).valid);
}

// --- question count ---

#[test]
fn no_questions() {
    let mut def = valid();
    def.questions.clear();
    assert!(has_error(&def, "questions", "no_questions"));
}

#[test]
fn only_profile_questions() {
    let mut def = valid();
    def.questions.retain(|q| q.profile);
    assert!(has_error(&def, "questions", "only_profile_questions"));
}

#[test]
fn too_many_questions_not_counting_profile_questions() {
    let mut def = valid();
    let mut extra = question("q5", QuestionKind::OpenText);
    def.questions.push(extra.clone());
    assert!(
        check(&def).valid,
        "5 topic questions and a profile question are fine"
    );
    extra.id = "q6".into();
    def.questions.push(extra);
    assert!(has_error(&def, "questions", "too_many_questions"));

    let opts = ValidationOptions {
        max_questions: 6,
        ..scheduling()
    };
    assert!(validate(&def, &opts).valid);
}

// --- options ---

#[test]
fn choice_questions_have_two_to_ten_options() {
    let mut def = valid();
    def.questions[0].options.truncate(1);
    assert!(has_error(&def, "questions[0].options", "too_few_options"));

    let mut def = valid();
    def.questions[1].options = (0..11).map(|i| option(&format!("o{i}"))).collect();
    assert!(has_error(&def, "questions[1].options", "too_many_options"));

    let mut def = valid();
    def.questions[1].options = (0..10).map(|i| option(&format!("o{i}"))).collect();
    assert!(check(&def).valid);
}

#[test]
fn other_kinds_have_no_options() {
    let mut def = valid();
    def.questions[2].options = vec![option("a"), option("b")];
    def.questions[3].options = vec![option("a")];
    assert!(has_error(
        &def,
        "questions[2].options",
        "options_not_allowed"
    ));
    assert!(has_error(
        &def,
        "questions[3].options",
        "options_not_allowed"
    ));
}

// --- max_choices ---

#[test]
fn max_choices_only_on_multi_choice() {
    let mut def = valid();
    def.questions[0].max_choices = Some(1);
    assert!(has_error(
        &def,
        "questions[0].max_choices",
        "max_choices_not_allowed"
    ));
}

#[test]
fn max_choices_within_the_options() {
    for bad in [0, 4] {
        let mut def = valid();
        def.questions[1].max_choices = Some(bad);
        assert!(
            has_error(&def, "questions[1].max_choices", "max_choices_out_of_range"),
            "{bad}"
        );
    }
    for good in [1, 3] {
        let mut def = valid();
        def.questions[1].max_choices = Some(good);
        assert!(check(&def).valid, "{good}");
    }
}

// --- scale ---

#[test]
fn scale_needs_min_and_max() {
    let mut def = valid();
    def.questions[2].min = None;
    assert!(has_error(&def, "questions[2].min", "scale_bound_missing"));
    let mut def = valid();
    def.questions[2].max = None;
    assert!(has_error(&def, "questions[2].max", "scale_bound_missing"));
}

#[test]
fn scale_min_below_max() {
    let mut def = valid();
    def.questions[2].min = Some(5);
    assert!(has_error(&def, "questions[2].min", "scale_bounds_reversed"));
}

#[test]
fn scale_at_most_eleven_steps() {
    let mut def = valid();
    (def.questions[2].min, def.questions[2].max) = (Some(0), Some(10));
    assert!(check(&def).valid);
    def.questions[2].max = Some(11);
    assert!(has_error(&def, "questions[2].max", "scale_too_many_steps"));
    (def.questions[2].min, def.questions[2].max) = (Some(i64::MIN), Some(i64::MAX));
    assert!(has_error(&def, "questions[2].max", "scale_too_many_steps"));
}

#[test]
fn bounds_and_labels_only_on_scales() {
    let mut def = valid();
    def.questions[0].min = Some(1);
    def.questions[3].max = Some(5);
    def.questions[1].labels = Some(ScaleLabels {
        min: Some("Laag".into()),
        max: None,
    });
    assert!(has_error(
        &def,
        "questions[0].min",
        "scale_bounds_not_allowed"
    ));
    assert!(has_error(
        &def,
        "questions[3].max",
        "scale_bounds_not_allowed"
    ));
    assert!(has_error(&def, "questions[1].labels", "labels_not_allowed"));
}

// --- max_length ---

#[test]
fn max_length_only_on_open_text() {
    let mut def = valid();
    def.questions[0].max_length = Some(100);
    assert!(has_error(
        &def,
        "questions[0].max_length",
        "max_length_not_allowed"
    ));
}

#[test]
fn max_length_in_range() {
    for bad in [0, 2001] {
        let mut def = valid();
        def.questions[3].max_length = Some(bad);
        assert!(
            has_error(&def, "questions[3].max_length", "max_length_out_of_range"),
            "{bad}"
        );
    }
    let mut def = valid();
    def.questions[3].max_length = None;
    assert!(check(&def).valid);
    def.questions[3].max_length = Some(2000);
    assert!(check(&def).valid);
}

// --- texts ---

#[test]
fn texts_are_not_empty() {
    let mut def = valid();
    def.title = " ".into();
    def.questions[0].options[0].text = map(&[("nl", "")]);
    def.questions[2].labels = Some(ScaleLabels {
        min: Some("".into()),
        max: None,
    });
    assert!(has_error(&def, "title", "text_empty"));
    assert!(has_error(
        &def,
        "questions[0].options[0].text.nl",
        "text_empty"
    ));
    assert!(has_error(&def, "questions[2].labels.min", "text_empty"));
}

#[test]
fn the_title_is_present_in_every_language() {
    let mut def = valid();
    def.title = Text::Translated(Default::default());
    assert!(has_error(&def, "title", "text_no_languages"));

    let mut def = bilingual();
    def.title = map(&[("nl", "Fietsen"), ("en", "")]);
    assert!(has_error(&def, "title.en", "text_empty"));
}

#[test]
fn texts_have_a_maximum_length_in_characters() {
    type SetText = fn(&mut PollDefinition, String);
    let cases: [(&str, usize, SetText); 6] = [
        ("title", 120, |d, s| d.title = Text::Plain(s)),
        ("intro", 500, |d, s| d.intro = Some(Text::Plain(s))),
        ("questions[0].text", 300, |d, s| {
            d.questions[0].text = Text::Plain(s)
        }),
        ("questions[0].options[0].text", 120, |d, s| {
            d.questions[0].options[0].text = Text::Plain(s)
        }),
        ("questions[0].help", 300, |d, s| {
            d.questions[0].help = Some(Text::Plain(s))
        }),
        ("brief.feedback_promise", 500, |d, s| {
            d.brief.as_mut().unwrap().feedback_promise = Some(Text::Plain(s));
        }),
    ];
    for (location, max, set) in cases {
        // 'ë' is two bytes: the limit counts characters.
        let mut def = valid();
        set(&mut def, "ë".repeat(max));
        assert!(
            !errors(&def)
                .iter()
                .any(|(l, c)| l == location && c == "text_too_long"),
            "{location} at limit"
        );
        set(&mut def, "ë".repeat(max + 1));
        assert!(has_error(&def, location, "text_too_long"), "{location}");
    }
}

#[test]
fn control_characters_and_bidi_overrides_are_refused_where_they_are() {
    // A title with a bell, an option with a right-to-left override, a question over two lines.
    let mut def = valid();
    def.title = "Fietsparkeren\u{7} bij het station".into();
    def.questions[0].options[1].text = "Met de \u{202E}sub".into();
    def.questions[1].text = "Wat mist u\nbij het station?".into();
    for (location, found) in [
        ("title", "\u{7}"),
        ("questions[0].options[1].text", "\u{202E}"),
        ("questions[1].text", "\n"),
    ] {
        assert!(has_error(&def, location, "text_characters"), "{location}");
        let issue = check(&def)
            .errors
            .into_iter()
            .find(|i| i.location == location)
            .unwrap();
        assert_eq!(issue.args.get("characters"), Some(&found.into()));
        assert!(issue.args.get("role").is_some());
    }
    // Every embedding and override, DEL and a C1 control, in a translated text too.
    for c in [
        '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{7F}', '\u{9B}', '\t',
    ] {
        let mut def = bilingual();
        def.title = map(&[("nl", "Fietsen"), ("en", &format!("Bi{c}kes"))]);
        assert!(has_error(&def, "title.en", "text_characters"), "{c:?}");
    }
}

#[test]
fn lines_and_bidi_isolates_stay_allowed_where_texts_need_them() {
    let mut def = valid();
    def.intro = Some("Drie korte vragen.\r\nHet kost u 1 minuut.".into());
    def.brief.as_mut().unwrap().feedback_promise =
        Some("Op 1 maart leest u het hier.\nDank u.".into());
    def.questions[0].help = Some("Kies er een.\nOf twee.".into());
    // An Arabic-script name isolated inside a Dutch sentence, and the marks left and right.
    def.questions[1].text = "Wat mist u bij \u{2067}محطة\u{2069} station\u{200F}?".into();
    // Whitespace around a text is not part of it (a YAML block ends in a line break).
    def.questions[3].text = "Wat wilt u ons nog vertellen?\n".into();
    let found = errors(&def);
    assert!(
        !found.iter().any(|(_, c)| c == "text_characters"),
        "{found:?}"
    );
}

fn bilingual() -> PollDefinition {
    let mut def = valid();
    def.title = map(&[
        ("nl", "Fietsparkeren bij het station"),
        ("en", "Bike parking at the station"),
    ]);
    def.intro = Some(map(&[
        ("nl", "Drie korte vragen."),
        ("en", "Three short questions."),
    ]));
    def.brief.as_mut().unwrap().feedback_promise = Some(map(&[
        ("nl", "Op 1 maart hoort u meer."),
        ("en", "On 1 March you hear more."),
    ]));
    for q in &mut def.questions {
        q.text = map(&[("nl", "Een vraag?"), ("en", "A question?")]);
        for o in &mut q.options {
            o.text = map(&[("nl", "Antwoord"), ("en", "Answer")]);
        }
        if let Some(labels) = &mut q.labels {
            labels.min = Some(map(&[("nl", "Slecht"), ("en", "Bad")]));
            labels.max = Some(map(&[("nl", "Goed"), ("en", "Good")]));
        }
    }
    def
}

#[test]
fn a_fully_translated_poll_is_valid() {
    let report = check(&bilingual());
    assert!(report.valid, "{:?}", report.errors);
}

#[test]
fn every_text_has_the_titles_languages() {
    let mut def = bilingual();
    def.questions[1].options[0].text = map(&[("nl", "Fietsenrekken")]);
    def.questions[3].text = "Wat wilt u nog kwijt?".into();
    assert!(has_error(
        &def,
        "questions[1].options[0].text.en",
        "translation_missing"
    ));
    assert!(has_error(
        &def,
        "questions[3].text.en",
        "translation_missing"
    ));
}

#[test]
fn no_text_has_a_language_the_title_lacks() {
    let mut def = valid();
    def.questions[0].text = map(&[("nl", "Hoe komt u hier?"), ("en", "How do you get here?")]);
    assert!(has_error(
        &def,
        "questions[0].text.en",
        "translation_unexpected"
    ));
}

#[test]
fn language_codes_are_two_lowercase_letters() {
    let mut def = bilingual();
    def.title = map(&[("nl", "Fietsen"), ("EN", "Bikes"), ("en", "Bikes")]);
    def.questions[0].text = map(&[("nl", "Vraag?"), ("en", "Question?"), ("eng", "Question?")]);
    assert!(has_error(&def, "title.EN", "language_code_invalid"));
    assert!(has_error(
        &def,
        "questions[0].text.eng",
        "language_code_invalid"
    ));

    // Other two-letter languages are fine when used throughout.
    let mut def = valid();
    def.title = map(&[("nl", "Fietsen"), ("tr", "Bisiklet")]);
    for q in &mut def.questions {
        q.text = map(&[("nl", "Vraag?"), ("tr", "Soru?")]);
        for o in &mut q.options {
            o.text = map(&[("nl", "Ja"), ("tr", "Evet")]);
        }
        q.labels = q.labels.as_ref().map(|_| ScaleLabels {
            min: None,
            max: None,
        });
    }
    def.intro = None;
    def.brief.as_mut().unwrap().feedback_promise =
        Some(map(&[("nl", "Later meer."), ("tr", "Daha sonra.")]));
    let report = check(&def);
    assert!(report.valid, "{:?}", report.errors);
}

#[test]
fn the_title_has_dutch() {
    let mut def = valid();
    def.title = map(&[("en", "Bikes")]);
    assert!(has_error(&def, "title.nl", "dutch_missing"));
}

// --- languages (docs/api.md, "Poll definitions") ---

/// The base poll with every text in Dutch and `other`, offering `languages`.
fn translated(other: &str, languages: Option<Vec<Locale>>) -> PollDefinition {
    let mut def = bilingual();
    let retag = |t: &mut Text| {
        if let Text::Translated(m) = t
            && let Some(s) = m.remove("en")
        {
            m.insert(other.to_owned(), s);
        }
    };
    retag(&mut def.title);
    def.intro.iter_mut().for_each(retag);
    def.brief
        .iter_mut()
        .flat_map(|b| b.feedback_promise.iter_mut())
        .for_each(retag);
    for q in &mut def.questions {
        retag(&mut q.text);
        q.options.iter_mut().for_each(|o| retag(&mut o.text));
        if let Some(labels) = &mut q.labels {
            labels.min.iter_mut().for_each(retag);
            labels.max.iter_mut().for_each(retag);
        }
    }
    def.languages = languages;
    def
}

#[test]
fn a_poll_offers_its_languages_with_the_first_as_default() {
    let def = translated("tr", Some(vec![Locale::Tr, Locale::Nl]));
    let report = check(&def);
    assert!(report.valid, "{:?}", report.errors);
    assert_eq!(def.offered_languages(), vec![Locale::Tr, Locale::Nl]);

    // Without `languages`: the title's, Dutch first, unsupported codes left out, never empty.
    let mut def = translated("ar", None);
    assert!(check(&def).valid, "{:?}", check(&def).errors);
    assert_eq!(def.offered_languages(), vec![Locale::Nl, Locale::Ar]);
    def.title = map(&[("en", "Bikes"), ("de", "Fahrräder")]);
    assert_eq!(def.offered_languages(), vec![Locale::En]);
    def.title = map(&[("de", "Fahrräder")]);
    assert_eq!(def.offered_languages(), vec![Locale::Nl]);
    def.languages = Some(vec![Locale::Pl, Locale::Pl, Locale::Nl]);
    assert_eq!(def.offered_languages(), vec![Locale::Pl, Locale::Nl]);
    assert_eq!(valid().offered_languages(), vec![Locale::Nl]);
}

#[test]
fn every_text_exists_in_each_offered_language() {
    let def = translated("tr", Some(vec![Locale::Nl, Locale::Tr, Locale::Pl]));
    for location in [
        "title.pl",
        "intro.pl",
        "brief.feedback_promise.pl",
        "questions[0].text.pl",
        "questions[0].options[1].text.pl",
        "questions[2].labels.max.pl",
    ] {
        assert!(
            has_error(&def, location, "translation_missing"),
            "{location}"
        );
    }
    let missing = check(&def)
        .errors
        .into_iter()
        .find(|i| i.location == "title.pl")
        .unwrap();
    assert_eq!(missing.args.text("language"), Some("pl"));

    // A plain (Dutch) text misses the translation where it would be added.
    let mut def = valid();
    def.languages = Some(vec![Locale::Nl, Locale::Ar]);
    assert!(has_error(
        &def,
        "questions[3].text.ar",
        "translation_missing"
    ));
    assert!(has_error(&def, "title.ar", "translation_missing"));
}

#[test]
fn texts_in_languages_not_offered_are_reported() {
    let def = translated("en", Some(vec![Locale::Nl]));
    assert!(has_error(&def, "title.en", "translation_unexpected"));
    assert!(has_error(
        &def,
        "questions[1].options[2].text.en",
        "translation_unexpected"
    ));
    let unexpected = check(&def)
        .errors
        .into_iter()
        .find(|i| i.location == "title.en")
        .unwrap();
    assert_eq!(unexpected.args.text("language"), Some("en"));
}

#[test]
fn offered_languages_are_listed_once_and_include_dutch() {
    let def = translated("en", Some(vec![Locale::En, Locale::En]));
    assert!(has_error(&def, "languages[1]", "language_duplicate"));
    assert!(has_error(&def, "languages", "dutch_missing"));
    let def = translated("en", Some(Vec::new()));
    assert!(has_error(&def, "languages", "languages_empty"));
}

#[test]
fn only_supported_languages_are_used() {
    let mut def = valid();
    def.title = map(&[("nl", "Fietsen"), ("de", "Fahrräder")]);
    assert!(has_error(&def, "title.de", "language_unsupported"));
    let report = read(
        "slug: abc\ntitle: {nl: Fietsen}\nlanguages: [nl, de]\nquestions:\n  - {id: q1, kind: open_text, text: Vraag?}\n",
    );
    assert_eq!(
        located(&report)[0],
        ("languages[1]", "language_unsupported")
    );
    assert_eq!(report.errors[0].args.text("language"), Some("de"));
}

// --- brief ---

#[test]
fn scheduling_requires_a_complete_brief() {
    let mut def = valid();
    def.brief = None;
    assert!(has_error(&def, "brief", "brief_missing"));

    let mut def = valid();
    def.brief = Some(Brief {
        purpose: Some("  ".into()),
        audiences: Vec::new(),
        feedback_promise: None,
        follow_up_on: None,
    });
    assert!(has_error(&def, "brief.purpose", "brief_purpose_missing"));
    assert!(has_error(
        &def,
        "brief.audiences",
        "brief_audiences_missing"
    ));
    assert!(has_error(
        &def,
        "brief.feedback_promise",
        "brief_feedback_promise_missing"
    ));
}

#[test]
fn drafts_only_get_hints_about_the_brief() {
    let drafting = ValidationOptions::default();
    let mut def = valid();
    def.brief = None;
    let report = validate(&def, &drafting);
    assert!(report.valid);
    assert_eq!(report.hints[0].location, "brief");
    assert_eq!(report.hints[0].code, "brief_incomplete");

    def.brief = Some(Brief {
        purpose: None,
        audiences: Vec::new(),
        feedback_promise: None,
        follow_up_on: None,
    });
    let report = validate(&def, &drafting);
    assert!(report.valid);
    let located: Vec<(&str, &str)> = report
        .hints
        .iter()
        .map(|h| (h.location.as_str(), h.code.as_str()))
        .collect();
    assert_eq!(
        located,
        vec![
            ("brief.purpose", "brief_incomplete"),
            ("brief.audiences", "brief_incomplete"),
            ("brief.feedback_promise", "brief_incomplete")
        ]
    );
}

#[test]
fn audiences_must_exist_and_be_listed_once() {
    let mut def = valid();
    def.brief.as_mut().unwrap().audiences =
        vec!["beverwijk".into(), "haarlem".into(), "beverwijk".into()];
    assert!(has_error(&def, "brief.audiences[1]", "audience_unknown"));
    assert!(has_error(&def, "brief.audiences[2]", "audience_duplicate"));
    // Also while drafting, and not at all when the known audiences are not given.
    let drafting = ValidationOptions {
        known_audiences: Some(vec!["beverwijk".into()]),
        ..ValidationOptions::default()
    };
    assert!(
        validate(&def, &drafting)
            .error_codes()
            .contains(&"audience_unknown")
    );
    assert!(
        !validate(&def, &ValidationOptions::default())
            .error_codes()
            .contains(&"audience_unknown")
    );
}

// --- hints, readability, estimate ---

#[test]
fn plain_language_hints_point_at_the_text() {
    let mut def = bilingual();
    def.intro = Some(map(&[
        (
            "nl",
            "Inzake de verkeersveiligheid op het plein vragen wij u naar uw mening. Er wordt veel gebouwd.",
        ),
        (
            "en",
            "Regarding the redesign of the station square, we would like to hear your opinion.",
        ),
    ]));
    def.questions[0].help = Some(map(&[
        ("nl", "Indien u niet komt, kies dan niets."),
        ("en", "If you do not come, choose nothing."),
    ]));
    let report = check(&def);
    assert!(report.valid, "{:?}", report.errors);
    let hints: Vec<(&str, &str)> = report
        .hints
        .iter()
        .map(|h| (h.location.as_str(), h.code.as_str()))
        .collect();
    assert_eq!(
        hints,
        vec![
            // English texts get the plain-English list: "Regarding".
            ("intro.en", "officialese"),
            ("intro.nl", "officialese"),
            ("intro.nl", "long_word"),
            ("intro.nl", "passive_voice"),
            ("questions[0].help.nl", "officialese")
        ]
    );
    assert_eq!(report.hints[0].args.text("alternative"), Some("about"));
    assert_eq!(report.hints[3].args.number("sentence"), Some(2));
    assert_eq!(report.hints[3].args.text("phrase"), Some("er wordt"));
    assert_eq!(report.hints[1].args.text("phrase"), Some("Inzake"));
    assert_eq!(report.hints[1].args.text("alternative"), Some("over"));
    // Readability for texts of 10+ words or 2+ sentences, in Dutch and English.
    assert_eq!(report.readability["intro.nl"].formula, "flesch_douma");
    assert_eq!(
        report.readability["intro.en"].formula,
        "flesch_reading_ease"
    );
    assert_eq!(report.readability["intro.en"].lang, "en");
    assert!(!report.readability.contains_key("title.nl"));
    assert!(!report.readability.contains_key("questions[0].help.nl"));
}

#[test]
fn a_long_poll_gets_a_hint() {
    let mut def = valid();
    assert!(
        !check(&def)
            .hint_codes()
            .contains(&"estimated_time_too_long")
    );
    def.questions[0] = question("q0", QuestionKind::OpenText);
    def.questions[1] = question("q1b", QuestionKind::OpenText);
    def.questions[2] = question("q2b", QuestionKind::OpenText);
    let report = check(&def);
    assert!(
        report.estimated_seconds > 120,
        "{}",
        report.estimated_seconds
    );
    let hint = report
        .hints
        .iter()
        .find(|h| h.code == "estimated_time_too_long")
        .unwrap();
    assert_eq!(hint.location, "");
    assert_eq!(
        hint.args.number("seconds"),
        Some(i64::from(report.estimated_seconds))
    );
    assert_eq!(hint.args.number("limit"), Some(120));
}

#[test]
fn every_rule_is_reported_at_once() {
    let mut def = valid();
    def.slug = "A".into();
    def.questions[0].options.truncate(1);
    def.questions[2].min = Some(9);
    def.questions[3].max_length = Some(0);
    let codes = check(&def)
        .error_codes()
        .into_iter()
        .map(str::to_owned)
        .collect::<Vec<_>>();
    for code in [
        "slug_length",
        "slug_characters",
        "too_few_options",
        "scale_bounds_reversed",
        "max_length_out_of_range",
    ] {
        assert!(codes.iter().any(|c| c == code), "{code} in {codes:?}");
    }
}
