//! The answer rules of each question kind, for JSON and form input alike.

use proptest::prelude::*;

use super::*;

const POLL: &str = r#"
slug: fietsparkeren-station
title: "Fietsparkeren bij het station"
questions:
  - {id: q1, kind: single_choice, required: true, text: "Hoe komt u naar het station?",
     options: [{id: fiets, text: "Fiets"}, {id: bus, text: "Bus"}, {id: "1", text: "Eén"}]}
  - {id: q2, kind: multi_choice, max_choices: 2, text: "Wat mist u?",
     options: [{id: rek, text: "Rekken"}, {id: licht, text: "Licht"}, {id: bank, text: "Bankjes"}]}
  - {id: q3, kind: scale, min: 1, max: 5, text: "Hoe tevreden bent u?"}
  - {id: q4, kind: open_text, max_length: 20, text: "Nog iets?"}
  - {id: q5, kind: open_text, text: "En verder?"}
"#;

fn poll() -> PollDefinition {
    PollDefinition::from_yaml_str(POLL).unwrap()
}

fn input(json: &str) -> BTreeMap<String, AnswerInput> {
    serde_json::from_str(json).unwrap()
}

fn ok(json: &str) -> ValidAnswers {
    validate_answers(&poll(), &input(json)).unwrap_or_else(|e| panic!("{json}: {e:?}"))
}

/// The (question, code) pairs of the errors.
fn errs(json: &str) -> Vec<(String, String)> {
    match validate_answers(&poll(), &input(json)) {
        Ok(a) => panic!("{json} was accepted: {a:?}"),
        Err(e) => e.into_iter().map(|e| (e.question_id, e.code)).collect(),
    }
}

fn err(q: &str, code: &str) -> (String, String) {
    (q.to_owned(), code.to_owned())
}

#[test]
fn accepts_the_contract_shapes_and_serialises_them_back() {
    let answers = ok(r#"{"q1": "fiets", "q2": ["licht", "rek"], "q3": 4, "q4": "Meer licht"}"#);
    assert_eq!(
        serde_json::to_string(&answers).unwrap(),
        r#"{"q1":"fiets","q2":["rek","licht"],"q3":4,"q4":"Meer licht"}"#
    );
    // Stored answers read back as input and validate to the same answers.
    let again =
        validate_answers(&poll(), &input(&serde_json::to_string(&answers).unwrap())).unwrap();
    assert_eq!(again, answers);
}

#[test]
fn form_posts_give_strings_and_repeated_fields() {
    let form: BTreeMap<String, AnswerInput> = [
        ("q1", vec!["bus"]),
        ("q2", vec!["rek", "bank"]),
        ("q3", vec!["4"]),
        ("q4", vec!["Regel een\r\nRegel twee"]),
        ("q5", vec![""]),
    ]
    .into_iter()
    .filter_map(|(k, v)| {
        Some((
            k.to_owned(),
            AnswerInput::from_form_values(v.into_iter().map(String::from).collect())?,
        ))
    })
    .collect();
    let answers = validate_answers(&poll(), &form).unwrap();
    assert_eq!(answers.get("q1"), Some(&Answer::Choice("bus".into())));
    assert_eq!(
        answers.get("q2"),
        Some(&Answer::Choices(vec!["rek".into(), "bank".into()]))
    );
    assert_eq!(answers.get("q3"), Some(&Answer::Scale(4)));
    assert_eq!(
        answers.get("q4"),
        Some(&Answer::Text("Regel een\nRegel twee".into()))
    );
    assert_eq!(answers.get("q5"), None);
    assert_eq!(AnswerInput::from_form_values(Vec::new()), None);
}

#[test]
fn unknown_questions_and_all_errors_are_reported() {
    let found = errs(r#"{"q1": "auto", "q3": 9, "q9": "x", "q4": "123456789012345678901"}"#);
    assert_eq!(
        found,
        vec![
            err("q9", "unknown_question"),
            err("q1", "unknown_option"),
            err("q3", "out_of_range"),
            err("q4", "too_long")
        ]
    );
}

#[test]
fn errors_carry_the_values_their_messages_show() {
    let found = validate_answers(
        &poll(),
        &input(r#"{"q2": ["rek", "licht", "bank"], "q3": 9, "q4": "123456789012345678901"}"#),
    )
    .unwrap_err();
    let args = |code: &str| {
        found
            .iter()
            .find(|e| e.code == code)
            .map(|e| e.args.clone())
            .unwrap_or_else(|| panic!("no {code} in {found:?}"))
    };
    assert!(args("required").is_empty());
    let many = args("too_many_choices");
    assert_eq!(many.text("kind"), Some("multi_choice"));
    assert_eq!(
        (many.number("max"), many.number("chosen")),
        (Some(2), Some(3))
    );
    let range = args("out_of_range");
    assert_eq!(
        (
            range.number("min"),
            range.number("max"),
            range.number("value")
        ),
        (Some(1), Some(5), Some(9))
    );
    let long = args("too_long");
    assert_eq!(
        (
            long.number("length"),
            long.number("max"),
            long.number("over")
        ),
        (Some(21), Some(20), Some(1))
    );

    let single = validate_answers(&poll(), &input(r#"{"q1": ["fiets", "bus"]}"#)).unwrap_err();
    assert_eq!(single[0].args.text("kind"), Some("single_choice"));
    assert_eq!(single[0].args.number("max"), Some(1));
    let scale = validate_answers(&poll(), &input(r#"{"q1": "bus", "q3": true}"#)).unwrap_err();
    assert_eq!(scale[0].code, "wrong_type");
    assert_eq!(scale[0].args.text("kind"), Some("scale"));
    assert_eq!(scale[0].args.number("min"), Some(1));
    assert_eq!(scale[0].args.number("max"), Some(5));
}

// --- required (every kind) ---

#[test]
fn required_questions_must_be_answered() {
    for unanswered in [
        r#"{}"#,
        r#"{"q1": ""}"#,
        r#"{"q1": "  "}"#,
        r#"{"q1": []}"#,
        r#"{"q1": [""]}"#,
        r#"{"q1": null}"#,
    ] {
        assert_eq!(
            errs(unanswered),
            vec![err("q1", "required")],
            "{unanswered}"
        );
    }
    let mut def = poll();
    for q in &mut def.questions {
        q.required = true;
    }
    let empty = input(r#"{"q2": [], "q3": "", "q4": " \r\n ", "q5": null}"#);
    let found = validate_answers(&def, &empty).unwrap_err();
    assert_eq!(found.len(), 5);
    assert!(found.iter().all(|e| e.code == "required"));
}

#[test]
fn optional_questions_may_be_left_out() {
    let answers = ok(r#"{"q1": "bus", "q2": [], "q3": "", "q4": "", "q5": null}"#);
    assert_eq!(answers.len(), 1);
}

// --- single choice ---

#[test]
fn single_choice_rules() {
    assert_eq!(
        ok(r#"{"q1": " fiets "}"#).get("q1"),
        Some(&Answer::Choice("fiets".into()))
    );
    assert_eq!(
        ok(r#"{"q1": ["bus"]}"#).get("q1"),
        Some(&Answer::Choice("bus".into()))
    );
    assert_eq!(
        ok(r#"{"q1": 1}"#).get("q1"),
        Some(&Answer::Choice("1".into())),
        "numeric option id"
    );
    assert_eq!(
        errs(r#"{"q1": "Fiets"}"#),
        vec![err("q1", "unknown_option")]
    );
    assert_eq!(
        errs(r#"{"q1": ["fiets", "bus"]}"#),
        vec![err("q1", "too_many_choices")]
    );
    assert_eq!(errs(r#"{"q1": 1.5}"#), vec![err("q1", "wrong_type")]);
    assert_eq!(errs(r#"{"q1": true}"#), vec![err("q1", "wrong_type")]);
    assert_eq!(
        errs(r#"{"q1": {"id": "fiets"}}"#),
        vec![err("q1", "wrong_type")]
    );
}

// --- multi choice ---

#[test]
fn multi_choice_rules() {
    assert_eq!(
        ok(r#"{"q1": "bus", "q2": "rek"}"#).get("q2"),
        Some(&Answer::Choices(vec!["rek".into()]))
    );
    assert_eq!(
        ok(r#"{"q1": "bus", "q2": ["bank", "", "rek"]}"#).get("q2"),
        Some(&Answer::Choices(vec!["rek".into(), "bank".into()])),
        "definition order, empty values ignored"
    );
    assert_eq!(
        errs(r#"{"q1": "bus", "q2": ["rek", "rek"]}"#),
        vec![err("q2", "duplicate_choice")]
    );
    assert_eq!(
        errs(r#"{"q1": "bus", "q2": ["rek", "zon"]}"#),
        vec![err("q2", "unknown_option")]
    );
    assert_eq!(
        errs(r#"{"q1": "bus", "q2": ["rek", "licht", "bank"]}"#),
        vec![err("q2", "too_many_choices")]
    );
    assert_eq!(
        errs(r#"{"q1": "bus", "q2": [1, 2]}"#),
        vec![err("q2", "wrong_type")]
    );
    assert_eq!(
        errs(r#"{"q1": "bus", "q2": 2.5}"#),
        vec![err("q2", "wrong_type")]
    );
    // Without max_choices every option may be chosen.
    let mut def = poll();
    def.questions[1].max_choices = None;
    let all = input(r#"{"q1": "bus", "q2": ["rek", "licht", "bank"]}"#);
    assert!(validate_answers(&def, &all).is_ok());
}

// --- scale ---

#[test]
fn scale_rules() {
    for (given, value) in [
        ("1", 1),
        ("5", 5),
        ("\" 3 \"", 3),
        ("[\"2\"]", 2),
        ("4.0", 4),
    ] {
        let json = format!(r#"{{"q1": "bus", "q3": {given}}}"#);
        assert_eq!(ok(&json).get("q3"), Some(&Answer::Scale(value)), "{given}");
    }
    for (given, code) in [
        ("0", "out_of_range"),
        ("6", "out_of_range"),
        ("\"-1\"", "out_of_range"),
        ("3.5", "not_an_integer"),
        ("\"3.5\"", "not_an_integer"),
        ("\"abc\"", "not_an_integer"),
        ("1e300", "not_an_integer"),
        ("\"99999999999999999999\"", "not_an_integer"),
        ("[\"1\", \"2\"]", "wrong_type"),
        ("false", "wrong_type"),
    ] {
        let json = format!(r#"{{"q1": "bus", "q3": {given}}}"#);
        assert_eq!(errs(&json), vec![err("q3", code)], "{given}");
    }
}

// --- open text ---

#[test]
fn open_text_rules() {
    assert_eq!(
        ok(r#"{"q1": "bus", "q4": "  Meer licht\t graag \n"}"#).get("q4"),
        Some(&Answer::Text("Meer licht\t graag".into()))
    );
    assert_eq!(
        ok(r#"{"q1": "bus", "q4": "ëëëëëëëëëëëëëëëëëëëë"}"#).len(),
        2,
        "20 characters (40 bytes) fit"
    );
    assert_eq!(
        errs(r#"{"q1": "bus", "q4": "ëëëëëëëëëëëëëëëëëëëëë"}"#),
        vec![err("q4", "too_long")]
    );
    assert_eq!(
        errs(r#"{"q1": "bus", "q4": "nul\u0000byte"}"#),
        vec![err("q4", "control_characters")]
    );
    assert_eq!(
        errs(r#"{"q1": "bus", "q4": "bel\u0007"}"#),
        vec![err("q4", "control_characters")]
    );
    assert_eq!(
        errs(r#"{"q1": "bus", "q4": 42}"#),
        vec![err("q4", "wrong_type")]
    );
    assert_eq!(
        errs(r#"{"q1": "bus", "q4": ["a", "b"]}"#),
        vec![err("q4", "wrong_type")]
    );
    // The default limit without max_length is DEFAULT_MAX_LENGTH.
    let long = "a".repeat(DEFAULT_MAX_LENGTH as usize);
    assert_eq!(ok(&format!(r#"{{"q1": "bus", "q5": "{long}"}}"#)).len(), 2);
    assert_eq!(
        errs(&format!(r#"{{"q1": "bus", "q5": "{long}a"}}"#)),
        vec![err("q5", "too_long")]
    );
}

#[test]
fn echoed_input_is_short_and_printable() {
    let long = format!("\u{0007}{}", "x".repeat(100));
    let found = validate_answers(
        &poll(),
        &BTreeMap::from([("q1".to_owned(), AnswerInput::Text(long))]),
    )
    .unwrap_err();
    let shown = found[0].args.text("value").unwrap();
    assert_eq!(found[0].code, "unknown_option");
    assert_eq!(shown.chars().count(), 41, "{shown}");
    assert!(
        shown.ends_with('…') && shown.starts_with('\u{FFFD}'),
        "{shown}"
    );
    assert!(!shown.chars().any(char::is_control));
}

fn arbitrary_input() -> impl Strategy<Value = AnswerInput> {
    prop_oneof![
        any::<String>().prop_map(AnswerInput::Text),
        "[ a-z0-9.\\-]{0,6}".prop_map(AnswerInput::Text),
        any::<f64>().prop_map(AnswerInput::Number),
        prop::collection::vec(
            prop_oneof![any::<String>(), "(fiets|bus|rek|licht|bank|1|)"],
            0..6
        )
        .prop_map(AnswerInput::List),
        Just(AnswerInput::Null),
        Just(AnswerInput::Other(serde_json::json!({"a": [1, true]}))),
    ]
}

fn arbitrary_question() -> impl Strategy<Value = Question> {
    (
        "(q1|q2|q3|q4|q5|x|)",
        prop_oneof![
            Just(QuestionKind::SingleChoice),
            Just(QuestionKind::MultiChoice),
            Just(QuestionKind::Scale),
            Just(QuestionKind::OpenText)
        ],
        any::<bool>(),
        prop::collection::vec("(fiets|bus|rek|1|)", 0..4),
        proptest::option::of(any::<u32>()),
        proptest::option::of(any::<i64>()),
        proptest::option::of(any::<i64>()),
        proptest::option::of(any::<u32>()),
    )
        .prop_map(
            |(id, kind, required, options, max_choices, min, max, max_length)| Question {
                id,
                kind,
                text: "Vraag".into(),
                required,
                profile: false,
                help: None,
                options: options
                    .into_iter()
                    .map(|id| crate::QuestionOption {
                        id,
                        text: "Optie".into(),
                    })
                    .collect(),
                max_choices,
                min,
                max,
                labels: None,
                max_length,
            },
        )
}

proptest! {
    /// Whatever arrives, from a resident or an attacker, and even for a definition that would not
    /// pass validation, answer checking returns and never panics.
    #[test]
    fn never_panics(
        answers in prop::collection::btree_map("(q1|q2|q3|q4|q5|x|)", arbitrary_input(), 0..6),
        questions in prop::collection::vec(arbitrary_question(), 0..5),
        use_fixed_poll in any::<bool>(),
    ) {
        let def = if use_fixed_poll {
            poll()
        } else {
            PollDefinition { slug: "x".into(), title: "T".into(), languages: None, intro: None, brief: None, questions }
        };
        let result = validate_answers(&def, &answers);
        if let Ok(valid) = result {
            // Whatever is accepted serialises and is accepted again unchanged.
            let stored = serde_json::to_string(&valid).unwrap();
            let back: BTreeMap<String, AnswerInput> = serde_json::from_str(&stored).unwrap();
            prop_assert_eq!(validate_answers(&def, &back).ok(), Some(valid));
        }
    }

    /// JSON bodies of any shape parse into inputs (one odd answer never rejects the whole body).
    #[test]
    fn any_json_value_is_an_input(v in arbitrary_json()) {
        let parsed: Result<AnswerInput, _> = serde_json::from_value(v);
        prop_assert!(parsed.is_ok());
    }

    /// The hand-written reading gives what `#[serde(untagged)]` gave, from text (as a request
    /// body is read) and from a `Value` alike.
    #[test]
    fn reads_every_value_as_the_untagged_form_did(v in arbitrary_json()) {
        let text = v.to_string();
        prop_assert_eq!(
            serde_json::from_str::<AnswerInput>(&text).unwrap(),
            AnswerInput::from(serde_json::from_str::<UntaggedInput>(&text).unwrap())
        );
        prop_assert_eq!(
            serde_json::from_value::<AnswerInput>(v.clone()).unwrap(),
            AnswerInput::from(serde_json::from_value::<UntaggedInput>(v).unwrap())
        );
    }
}

fn arbitrary_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(serde_json::Value::from),
        any::<String>().prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
            prop::collection::btree_map("[a-z]{0,3}", inner, 0..3)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

/// `AnswerInput` as it was read before `answers/input_de.rs`: the reference for its test.
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum UntaggedInput {
    Text(String),
    Number(f64),
    List(Vec<String>),
    Null,
    Other(serde_json::Value),
}

impl From<UntaggedInput> for AnswerInput {
    fn from(input: UntaggedInput) -> AnswerInput {
        match input {
            UntaggedInput::Text(s) => AnswerInput::Text(s),
            UntaggedInput::Number(n) => AnswerInput::Number(n),
            UntaggedInput::List(l) => AnswerInput::List(l),
            UntaggedInput::Null => AnswerInput::Null,
            UntaggedInput::Other(v) => AnswerInput::Other(v),
        }
    }
}

#[test]
fn reads_each_kind_of_value() {
    let cases = [
        ("\"fiets\"", AnswerInput::Text("fiets".into())),
        ("4", AnswerInput::Number(4.0)),
        ("-2", AnswerInput::Number(-2.0)),
        ("3.5", AnswerInput::Number(3.5)),
        (
            "[\"bus\",\"fiets\"]",
            AnswerInput::List(vec!["bus".into(), "fiets".into()]),
        ),
        ("[]", AnswerInput::List(vec![])),
        ("null", AnswerInput::Null),
        ("true", AnswerInput::Other(serde_json::json!(true))),
        (
            "[\"bus\",1]",
            AnswerInput::Other(serde_json::json!(["bus", 1])),
        ),
        (
            "{\"a\":[1]}",
            AnswerInput::Other(serde_json::json!({"a": [1]})),
        ),
    ];
    for (json, expected) in cases {
        assert_eq!(
            serde_json::from_str::<AnswerInput>(json).unwrap(),
            expected,
            "{json}"
        );
    }
}
